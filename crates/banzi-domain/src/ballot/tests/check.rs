//! `check_spec`, `check_online`, `check_paper` and `valid_on` (R-VOTE-1, R-VOTE-5).

use super::*;
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
        ("title", "投票名称不能为空"),
        ("expected", "应到人数应至少为1"),
        ("groups.1.name", "评议组“班子成员”重复"),
        ("groups.0.codes", "第1个评议组的投票码数应为1到10000，现为0"),
        ("groups", "各评议组权重之和应为100，现为90"),
        ("questions.1.title", "第2题的题目不能为空"),
        ("questions.2.options", "第3题的“赵磊”重复列出"),
        ("questions.2.options", "第3题第4项的名称不能为空"),
        ("questions.0.max", "第1题的推荐人数应至少为1"),
        ("threshold", "通过比例不能大于1，现为3/2"),
        (
            "grade_values",
            "各等次的分值应从好到差依次不增，现为100、60、80、0",
        ),
    ];
    for (field, message) in want {
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
    assert!(has(&f, "title", "投票名称不能超过100个字，现为101个字"));
    assert!(has(&f, "groups", "至少应设1个评议组"));
    assert!(has(&f, "questions", "至少应设1道题"));
    assert!(has(&f, "threshold", "通过比例的分母不能为0"));

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
    assert!(has(&f, "groups", "评议组不能超过20个，现为21个"));
    assert!(has(&f, "groups", "各评议组权重之和应为100，现为105"));
    assert!(has(&f, "questions", "题目不能超过50道，现为51道"));
    assert!(has(
        &f,
        "questions.0.options",
        "第1题最多列出200项，现为201项"
    ));
    assert!(has(&f, "questions.1.options", "第2题至少应列出1项"));
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
            "第1题的推荐人数不能多于所列的5人，现为6人".to_string()
        )]
    );
    set(&mut s, 25, true);
    assert_eq!(fields(check_spec(&s)), vec![]);
    set(&mut s, 26, true);
    assert_eq!(
        fields(check_spec(&s)),
        vec![(
            "questions.0.max".to_string(),
            "第1题的推荐人数不能多于25人（所列人数加20），现为26人".to_string()
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
    assert_eq!(
        fields(check_online(&s, &b)),
        vec![(
            "questions.0".to_string(),
            "第1题最多推荐3人，您选了4人".to_string()
        )]
    );
    assert_eq!(fields(check_paper(&s, &b)), vec![]);
    assert!(!valid_on(&s.questions[0], &b[0]));

    // Write-ins count with the picks.
    b[0] = write(&[0, 1], &["周杰", "吴敏"]);
    assert!(has(
        &fields(check_online(&s, &b)),
        "questions.0",
        "第1题最多推荐3人，您选了4人"
    ));
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
        ("questions.0", "第1题没有第6项"),
        ("questions.0", "第1题重复勾选了“王芳”"),
        ("questions.0", "第1题另提的人选不能为空"),
        (
            "questions.0",
            "第1题另提的人选“欧欧欧欧欧欧欧欧欧欧欧欧欧欧欧欧欧欧欧欧欧”超过20个字",
        ),
        ("questions.0", "第1题另提的“张伟”已在名单中，请直接勾选"),
        ("questions.0", "第1题重复另提了“周杰”"),
        ("questions.1", "第2题的答案格式不对"),
        ("questions.2", "第3题应对2项逐项选择，现为3项"),
        ("questions.2", "第3题第2项的选择无效"),
    ];
    for check in [check_paper, check_online] {
        let f = fields(check(&s, &b));
        for (field, message) in want {
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
        "第1题不能另提人选"
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
            "选票应有4题的答案，现为3题".to_string()
        )]
    );
}
