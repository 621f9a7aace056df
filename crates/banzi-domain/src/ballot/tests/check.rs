//! `check_spec`, `check_online`, `check_paper` and `valid_on` (R-VOTE-1, R-VOTE-5).

use super::*;
use crate::msg::Arg;
use crate::rules::Fraction;

#[test]
fn a_sound_session_passes() {
    assert_eq!(fields(check_spec(&spec())), vec![]);
}

#[test]
fn every_set_up_mistake_is_reported_at_once() {
    let mut s = spec();
    s.title = "  ".into();
    s.expected = 0;
    s.groups[1].name = "班子成员".into();
    s.groups[2].weight = 20;
    s.groups[0].codes = 0;
    s.questions[2].options.push(" 赵磊 ".into());
    s.questions[2].options.push(String::new());
    s.questions[1].title = String::new();
    s.questions[0].kind = QuestionKind::Recommend {
        max: 0,
        write_ins: false,
    };
    s.threshold = Fraction { num: 3, den: 2 };
    s.grade_values = [100, 60, 80, 0];
    let f = fields(check_spec(&s));
    let want = [
        ("title", message!("ballot-title-required")),
        ("expected", message!("ballot-expected-zero")),
        (
            "groups.1.name",
            message!("ballot-group-name-twice", name = "班子成员"),
        ),
        (
            "groups.0.codes",
            message!("ballot-group-codes-range", group = 1, max = 10_000, n = 0),
        ),
        ("groups", message!("ballot-group-weights-sum", sum = 90)),
        (
            "questions.1.title",
            message!("ballot-question-title-required", question = 2),
        ),
        (
            "questions.2.options",
            message!("ballot-question-option-twice", question = 3, name = "赵磊"),
        ),
        (
            "questions.2.options",
            message!(
                "ballot-question-option-name-required",
                question = 3,
                item = 4
            ),
        ),
        (
            "questions.0.max",
            message!("ballot-question-max-zero", question = 1),
        ),
        (
            "threshold",
            message!("ballot-threshold-over-one", num = 3, den = 2),
        ),
        (
            "grade_values",
            message!(
                "ballot-grade-values-increase",
                values = Arg::List(vec![100.into(), 60.into(), 80.into(), 0.into()]),
            ),
        ),
    ];
    for (field, message) in &want {
        assert!(has(&f, field, message), "{field}: {message} not in {f:#?}");
    }
    assert_eq!(f.len(), want.len(), "{f:#?}");
}

#[test]
fn sizes_are_bounded() {
    let mut s = spec();
    s.title = "题".repeat(101);
    s.groups.clear();
    s.questions.clear();
    s.threshold = Fraction { num: 0, den: 0 };
    let f = fields(check_spec(&s));
    assert!(has(
        &f,
        "title",
        &message!("ballot-title-too-long", max = 100, n = 101)
    ));
    assert!(has(&f, "groups", &message!("ballot-groups-none")));
    assert!(has(&f, "questions", &message!("ballot-questions-none")));
    assert!(has(
        &f,
        "threshold",
        &message!("ballot-threshold-zero-denominator")
    ));

    let mut s = spec();
    s.title = "题".repeat(100);
    s.groups[0].codes = 10_000;
    assert_eq!(fields(check_spec(&s)), vec![]);
    s.groups = (0..21)
        .map(|i| Group {
            name: format!("组{i}"),
            weight: 5,
            codes: 1,
        })
        .collect();
    s.questions = vec![s.questions[3].clone(); 51];
    s.questions[0].options = (0..201).map(|i| format!("班子{i}")).collect();
    s.questions[1].options.clear();
    let f = fields(check_spec(&s));
    assert!(has(
        &f,
        "groups",
        &message!("ballot-groups-too-many", max = 20, n = 21)
    ));
    assert!(has(
        &f,
        "groups",
        &message!("ballot-group-weights-sum", sum = 105)
    ));
    assert!(has(
        &f,
        "questions",
        &message!("ballot-questions-too-many", max = 50, n = 51)
    ));
    assert!(has(
        &f,
        "questions.0.options",
        &message!(
            "ballot-question-options-too-many",
            question = 1,
            max = 200,
            n = 201
        )
    ));
    assert!(has(
        &f,
        "questions.1.options",
        &message!("ballot-question-options-none", question = 2)
    ));
}

#[test]
fn a_recommendation_asks_for_no_more_than_can_be_named() {
    let mut s = spec();
    let set = |s: &mut SessionSpec, max, write_ins| {
        s.questions[0].kind = QuestionKind::Recommend { max, write_ins };
    };
    // Five names listed.
    set(&mut s, 5, false);
    assert_eq!(fields(check_spec(&s)), vec![]);
    set(&mut s, 6, false);
    assert_eq!(
        fields(check_spec(&s)),
        vec![(
            "questions.0.max".to_string(),
            message!(
                "ballot-question-max-over-listed",
                question = 1,
                listed = 5,
                max = 6
            )
        )]
    );
    set(&mut s, 25, true);
    assert_eq!(fields(check_spec(&s)), vec![]);
    set(&mut s, 26, true);
    assert_eq!(
        fields(check_spec(&s)),
        vec![(
            "questions.0.max".to_string(),
            message!(
                "ballot-question-max-over-write-ins",
                question = 1,
                most = 25,
                extra = 20,
                max = 26
            )
        )]
    );
}

/// R-VOTE-5 online: a phone ballot naming too many is refused with a message, so the voter
/// corrects it; the same paper ballot is accepted and counted invalid on that question.
#[test]
fn r_vote_5_over_selection_is_refused_online_and_kept_on_paper() {
    let s = spec();
    let mut b = blank();
    b[0] = picks(&[0, 1, 2, 3]);
    let over = message!("ballot-answer-over-selected", question = 1, max = 3, n = 4);
    assert_eq!(
        fields(check_online(&s, &b)),
        vec![("questions.0".to_string(), over.clone())]
    );
    assert_eq!(fields(check_paper(&s, &b)), vec![]);
    assert!(!valid_on(&s.questions[0], &b[0]));

    // Write-ins count with the picks.
    b[0] = write(&[0, 1], &["周杰", "吴敏"]);
    assert!(has(&fields(check_online(&s, &b)), "questions.0", &over));
    assert!(!valid_on(&s.questions[0], &b[0]));

    // Exactly the most allowed is fine.
    b[0] = write(&[0, 1], &["周杰"]);
    assert_eq!(fields(check_online(&s, &b)), vec![]);
    assert!(valid_on(&s.questions[0], &b[0]));
}

/// R-VOTE-5: an answer with nothing marked is an abstention, and valid.
#[test]
fn r_vote_5_an_empty_answer_is_valid() {
    let s = spec();
    assert_eq!(fields(check_online(&s, &blank())), vec![]);
    for (q, a) in s.questions.iter().zip(blank()) {
        assert!(valid_on(q, &a), "{}", q.title);
    }
}

#[test]
fn a_malformed_ballot_is_refused_on_paper_too_and_never_valid() {
    let s = spec();
    let long = "欧".repeat(21);
    let b = vec![
        write(&[5, 1, 1], &["  ", &long, " 张伟 ", "周杰", "周杰 "]),
        picks(&[0]),
        marks(&[Some(0), Some(4), None]),
        marks(&[Some(3)]),
    ];
    let want = [
        (
            "questions.0",
            message!("ballot-answer-no-such-item", question = 1, item = 6),
        ),
        (
            "questions.0",
            message!("ballot-answer-picked-twice", question = 1, name = "王芳"),
        ),
        (
            "questions.0",
            message!("ballot-answer-write-in-blank", question = 1),
        ),
        (
            "questions.0",
            message!(
                "ballot-answer-write-in-too-long",
                question = 1,
                name = long.clone(),
                max = 20
            ),
        ),
        (
            "questions.0",
            message!("ballot-answer-write-in-listed", question = 1, name = "张伟"),
        ),
        (
            "questions.0",
            message!("ballot-answer-written-twice", question = 1, name = "周杰"),
        ),
        (
            "questions.1",
            message!("ballot-answer-wrong-form", question = 2),
        ),
        (
            "questions.2",
            message!("ballot-answer-mark-count", question = 3, want = 2, got = 3),
        ),
        (
            "questions.2",
            message!("ballot-answer-bad-mark", question = 3, item = 2),
        ),
    ];
    for check in [check_paper, check_online] {
        let f = fields(check(&s, &b));
        for (field, message) in &want {
            assert!(has(&f, field, message), "{field}: {message} not in {f:#?}");
        }
    }
    assert_eq!(fields(check_paper(&s, &b)).len(), want.len());
    for (q, a) in s.questions.iter().zip(&b).take(3) {
        assert!(!valid_on(q, a), "{}", q.title);
    }
    // 班子测评 marks 0..=3: 差 is a mark.
    assert!(valid_on(&s.questions[3], &b[3]));

    let mut s = s;
    s.questions[0].kind = QuestionKind::Recommend {
        max: 3,
        write_ins: false,
    };
    let mut b = blank();
    b[0] = write(&[], &["周杰"]);
    assert!(has(
        &fields(check_paper(&s, &b)),
        "questions.0",
        &message!("ballot-answer-write-ins-not-allowed", question = 1)
    ));
    assert!(!valid_on(&s.questions[0], &b[0]));
    b[0] = marks(&[None; 5]);
    assert!(!valid_on(&s.questions[0], &b[0]));
}

#[test]
fn a_ballot_answers_every_question() {
    let s = spec();
    let mut b = blank();
    b.pop();
    assert_eq!(
        fields(check_paper(&s, &b)),
        vec![(
            "ballot".to_string(),
            message!("ballot-answers-count", want = 4, got = 3)
        )]
    );
}

/// R-VOTE-1: pages name a kind and its marks by message, one message per mark the workbook
/// files in Chinese, each its own.
#[test]
fn every_kind_and_mark_has_a_message_of_its_own() {
    let kinds = [
        QuestionKind::Recommend {
            max: 1,
            write_ins: false,
        },
        QuestionKind::Approve,
        QuestionKind::RateCadre,
        QuestionKind::RateTeam,
    ];
    let mut ids = std::collections::BTreeSet::new();
    for k in &kinds {
        assert!(k.name().id.starts_with("ballot-kind-"), "{}", k.name());
        assert!(ids.insert(k.name().id));
        assert_eq!(k.mark_names().len(), k.marks().len(), "{}", k.label());
        for m in k.mark_names() {
            assert!(m.id.starts_with("ballot-mark-") && m.args.is_empty(), "{m}");
            assert!(ids.insert(m.id), "{m} twice");
        }
    }
    assert_eq!(
        QuestionKind::RateTeam.mark_names()[2],
        message!("ballot-mark-team-fair")
    );
}
