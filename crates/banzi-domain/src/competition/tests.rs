//! R-SEL-11 at its boundaries: exact scores, the trimmed mean, ties, the 差额 cut, refusals.

use super::*;
use crate::rules::Fraction;
use proptest::prelude::*;

fn sc(t: &str) -> Score {
    Score::parse(t, Score::HUNDRED).expect(t)
}

const FIVE_JUDGES: [&str; 5] = ["评委甲", "评委乙", "评委丙", "评委丁", "评委戊"];

fn setup(places: u32) -> Setup {
    let mut s = Setup::new(
        "2026年市财政局科级干部竞争上岗",
        "中共示例市委组织部",
        vec![Post {
            title: "预算科科长".into(),
            places,
        }],
        &Params::default(),
    );
    s.conditions = vec!["具有大学本科以上学历".into()];
    s.judges = FIVE_JUDGES.map(String::from).to_vec();
    s
}

/// A passed applicant with a written score and the same score from every judge.
fn applicant(name: &str, written: &str, interview: &str) -> Applicant {
    Applicant {
        review: Review::Passed,
        written: Some(sc(written)),
        interview: FIVE_JUDGES
            .iter()
            .map(|j| (j.to_string(), sc(interview)))
            .collect(),
        ..Applicant::new(name, 0)
    }
}

fn ids(e: &[Msg]) -> Vec<&str> {
    e.iter().map(|m| m.id).collect()
}

#[test]
fn scores_are_read_exactly_or_refused_in_words() {
    assert_eq!(sc("85").hundredths(), 8500);
    assert_eq!(sc("85.5").hundredths(), 8550);
    assert_eq!(sc(" 85.25 ").hundredths(), 8525);
    assert_eq!(
        sc("８５．５").hundredths(),
        8550,
        "typed with a Chinese input method"
    );
    assert_eq!(sc("100").to_string(), "100.00");
    assert_eq!(sc("0").to_string(), "0.00");
    let max = Score::HUNDRED;
    let id = |t: &str| Score::parse(t, max).map_err(|m| m.id);
    assert_eq!(id(""), Err("competition-score-empty"));
    for bad in ["abc", "85,5", "85.", ".5", "+85", "8 5", "85分", "1e2"] {
        assert_eq!(id(bad), Err("competition-score-malformed"), "{bad}");
    }
    assert_eq!(id("85.255"), Err("competition-score-decimals"));
    for far in ["100.01", "-1", "-0", "101", "99999999999999999999"] {
        assert_eq!(id(far), Err("competition-score-out-of-range"), "{far}");
    }
    let e = Score::parse("120", max).expect_err("over");
    assert_eq!(e.arg("max"), Some(&crate::msg::Arg::from("100.00")));
    // Another full mark: 150 points.
    assert_eq!(
        Score::parse("120", Score::from_hundredths(15_000)).map(Score::hundredths),
        Ok(12_000)
    );
}

/// R-SEL-11: 0.4 × 85.3 + 0.6 × 83.1 = 83.98 = 0.4 × 90.1 + 0.6 × 79.9. In `f64`:
/// `85.3 * 0.4 + 83.1 * 0.6` is 83.97999999999999 and `90.1 * 0.4 + 79.9 * 0.6` is 83.98,
/// so a float ranking would put one of two equal candidates ahead of the other.
#[test]
fn equal_totals_tie_where_floating_point_would_not() {
    let w = Fraction { num: 2, den: 5 };
    let a = total(sc("85.3"), sc("83.1"), w);
    let b = total(sc("90.1"), sc("79.9"), w);
    assert_eq!(a, b);
    assert_eq!(a.to_string(), "83.98");

    let mut c = Competition {
        setup: setup(1),
        applicants: vec![
            applicant("张伟", "85.3", "83.1"),
            applicant("王芳", "90.1", "79.9"),
            applicant("李娜", "70", "70"),
        ],
    };
    c.setup.shortlist = Shortlist::PerPlace(2);
    let o = score(&c).expect("scored");
    let rows = &o.posts[0].rows;
    let got: Vec<(&str, u32, bool)> = rows
        .iter()
        .map(|r| (r.name.as_str(), r.rank, r.tied))
        .collect();
    assert_eq!(
        got,
        vec![("张伟", 1, true), ("王芳", 1, true), ("李娜", 3, false)]
    );
}

#[test]
fn the_interview_drops_one_at_each_end_even_among_equal_scores() {
    let s = |v: &[&str]| v.iter().map(|t| sc(t)).collect::<Vec<_>>();
    // 95 twice at the top and 80 twice at the bottom: one of each goes.
    let v = s(&["95", "80", "95", "80", "90"]);
    assert_eq!(
        trimmed_mean(&v, 1).map(|m| m.to_string()),
        Ok("88.33".into())
    );
    assert_eq!(
        dropped(&v, 1),
        vec![1, 0],
        "the first 80, then the first 95"
    );
    // All equal: the mean is that score.
    assert_eq!(trimmed_mean(&s(&["88", "88", "88"]), 1), Ok(sc("88")));
    // Nothing dropped.
    assert_eq!(trimmed_mean(&s(&["80", "81"]), 0), Ok(sc("80.5")));
}

#[test]
fn the_mean_is_rounded_half_up_at_the_third_decimal_from_the_exact_sum() {
    let s = |v: &[&str]| v.iter().map(|t| sc(t)).collect::<Vec<_>>();
    // Kept 84.12, 84.13 → 84.125 → 84.13 (half up; f64 has 84.125 exactly, but 84.12 + 84.13
    // in f64 is 168.25000000000003).
    let m = trimmed_mean(&s(&["60", "84.12", "84.13", "99"]), 1);
    assert_eq!(m.map(|m| m.to_string()), Ok("84.13".into()));
    // 85.005 → 85.01; 85.0049… never arises: sums of hundredths over n.
    let m = trimmed_mean(&s(&["85", "85.01"]), 0);
    assert_eq!(m.map(|m| m.to_string()), Ok("85.01".into()));
    // 3 kept: 85 + 85 + 85.01 = 255.01 / 3 = 85.0033… → 85.00.
    let m = trimmed_mean(&s(&["85", "85", "85.01"]), 0);
    assert_eq!(m.map(|m| m.to_string()), Ok("85.00".into()));
    // The total too: 0.4 × 80.01 + 0.6 × 80 = 80.004 → 80.00; 0.4 × 80.03 + 0.6 × 80 =
    // 80.012 → 80.01; with 1/2: (80.01 + 80) / 2 = 80.005 → 80.01.
    assert_eq!(
        total(sc("80.01"), sc("80"), Fraction { num: 2, den: 5 }).to_string(),
        "80.00"
    );
    assert_eq!(
        total(sc("80.03"), sc("80"), Fraction { num: 2, den: 5 }).to_string(),
        "80.01"
    );
    assert_eq!(
        total(sc("80.01"), sc("80"), Fraction { num: 1, den: 2 }).to_string(),
        "80.01"
    );
}

#[test]
fn fewer_judges_than_the_drop_needs_are_refused() {
    let e = trimmed_mean(&[sc("90"), sc("80")], 1).expect_err("too few");
    assert_eq!(e.id, "competition-interview-too-few");
    assert_eq!(e.arg("need"), Some(&crate::msg::Arg::Int(3)));
    let mut c = Competition {
        setup: setup(1),
        applicants: vec![applicant("张伟", "80", "80")],
    };
    c.setup.judges.truncate(2);
    for a in &mut c.applicants {
        a.interview.retain(|j, _| c.setup.judges.contains(j));
    }
    let e = score(&c).expect_err("refused");
    assert_eq!(ids(&e), vec!["competition-judges-too-few"]);
}

#[test]
fn a_judge_missing_or_unknown_is_named_with_the_applicant() {
    let mut c = Competition {
        setup: setup(1),
        applicants: vec![applicant("张伟", "80", "80"), applicant("王芳", "80", "80")],
    };
    c.applicants[1].interview.remove("评委丙");
    c.applicants[1].interview.insert("评委己".into(), sc("90"));
    let e = score(&c).expect_err("refused");
    assert_eq!(
        ids(&e),
        vec!["competition-judge-missing", "competition-judge-unknown"]
    );
    assert_eq!(
        e[0].to_string(),
        "competition-judge-missing(name=王芳, judges=评委丙)"
    );
    assert_eq!(
        e[1].to_string(),
        "competition-judge-unknown(name=王芳, judges=评委己)"
    );
}

#[test]
fn scoring_waits_for_every_review_and_scores_only_those_who_passed() {
    let mut c = Competition {
        setup: setup(1),
        applicants: vec![
            applicant("张伟", "80", "80"),
            Applicant::new("王芳", 0),
            Applicant {
                review: Review::Failed {
                    reason: "任职年限不够".into(),
                },
                ..Applicant::new("李娜", 0)
            },
        ],
    };
    let e = score(&c).expect_err("王芳 not reviewed");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].to_string(), "competition-not-reviewed(names=王芳)");

    c.applicants[1].review = Review::Passed;
    let e = score(&c).expect_err("王芳 has no scores");
    assert_eq!(
        ids(&e),
        vec!["competition-judge-missing", "competition-written-missing"]
    );

    c.applicants[1] = applicant("王芳", "81", "81");
    c.applicants[2].written = Some(sc("99"));
    let e = score(&c).expect_err("李娜 did not pass");
    assert_eq!(ids(&e), vec!["competition-scored-not-passed"]);

    c.applicants[2].written = None;
    let o = score(&c).expect("scored");
    let names: Vec<&str> = o.posts[0].rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, vec!["王芳", "张伟"], "李娜 is not ranked");
}

#[test]
fn a_tie_across_the_cut_is_left_to_people() {
    // One place, 1:2 → two go on; the 2nd and 3rd tie at 80.00.
    let mut c = Competition {
        setup: setup(1),
        applicants: vec![
            applicant("张伟", "90", "90"),
            applicant("王芳", "80", "80"),
            applicant("李娜", "80", "80"),
            applicant("刘洋", "70", "70"),
        ],
    };
    c.setup.shortlist = Shortlist::PerPlace(2);
    let o = score(&c).expect("scored");
    let p = &o.posts[0];
    let standing: Vec<Standing> = p.rows.iter().map(|r| r.standing).collect();
    assert_eq!(
        standing,
        vec![
            Standing::Shortlisted,
            Standing::AtCut,
            Standing::AtCut,
            Standing::Out
        ]
    );
    let t = p.cut_tie.as_ref().expect("a tie at the cut");
    assert_eq!(
        (t.names.clone(), t.rank, t.last, t.seats()),
        (vec!["王芳".into(), "李娜".into()], 2, 2, 1)
    );
    assert_eq!(p.short_of, 0);

    // A tie inside the shortlist is no cut tie.
    c.setup.shortlist = Shortlist::Extra(2);
    let o = score(&c).expect("scored");
    assert_eq!(o.posts[0].cut_tie, None);
    assert_eq!(o.posts[0].rows[3].standing, Standing::Out);
}

#[test]
fn the_shortlist_sizes_and_a_shortlist_not_reached() {
    assert_eq!(Shortlist::PerPlace(2).size(3), 6);
    assert_eq!(Shortlist::Extra(1).size(3), 4);
    let fifth = Fraction { num: 1, den: 5 };
    assert_eq!(Shortlist::Share(fifth).size(1), 2, "at least one more");
    assert_eq!(Shortlist::Share(fifth).size(6), 8, "⌈6 × 1/5⌉ = 2 more");
    assert_eq!(Shortlist::Share(fifth).size(5), 6);
    let c = Competition {
        setup: setup(1),
        applicants: vec![applicant("张伟", "90", "90")],
    };
    let o = score(&c).expect("scored");
    assert_eq!((o.posts[0].shortlist, o.posts[0].short_of), (2, 1));
    let mut bad = setup(1);
    bad.shortlist = Shortlist::PerPlace(1);
    assert_eq!(ids(&bad.check()), vec!["competition-shortlist-not-more"]);
}

#[test]
fn the_setup_takes_its_defaults_from_the_params_and_is_checked_whole() {
    let s = setup(2);
    assert_eq!(s.written_weight, Fraction { num: 2, den: 5 });
    assert_eq!(s.drop_each_end, 1);
    assert_eq!(s.shortlist, Shortlist::Share(Fraction { num: 1, den: 5 }));
    assert_eq!(s.check(), Vec::<Msg>::new());
    let mut bad = Setup::new(
        " ",
        "",
        vec![Post {
            title: "".into(),
            places: 0,
        }],
        &Params::default(),
    );
    assert_eq!(
        ids(&bad.check()),
        vec![
            "competition-title-empty",
            "competition-post-title-empty",
            "competition-post-no-places",
            "competition-no-conditions",
        ]
    );
    assert_eq!(
        bad.check_panel().len(),
        1,
        "no judges yet: checked before scoring"
    );
    bad.judges = vec!["甲".into(), "甲".into(), " ".into()];
    assert_eq!(
        ids(&bad.check_panel()),
        vec!["competition-judge-twice", "competition-judge-name-empty"]
    );
}

#[test]
fn the_result_notice_marks_ties_and_the_cut() {
    let mut c = Competition {
        setup: setup(1),
        applicants: vec![
            applicant("张伟", "85.3", "83.1"),
            applicant("王芳", "90.1", "79.9"),
            applicant("李娜", "80", "80"),
        ],
    };
    c.setup.shortlist = Shortlist::Extra(1);
    let o = score(&c).expect("scored");
    let day = crate::date::parse("2026-12-10").expect("day");
    let n = result_notice(&c, &o, day);
    let Some(Block::Table { rows, .. }) =
        n.blocks.iter().find(|b| matches!(b, Block::Table { .. }))
    else {
        panic!("no table");
    };
    assert_eq!(rows[0][0], Text::Msg(message_rank_tied(1)));
    assert_eq!(rows[0][4], Text::Plain("83.98".into()));
    assert_eq!(rows[2][0], Text::Plain("3".into()));
    assert!(
        n.blocks.iter().all(
            |b| !matches!(b, Block::Line(Text::Msg(m)) if m.id == "competition-notice-cut-tie")
        )
    );
    let all = five_notices(&c, &o, day);
    assert_eq!(
        all.iter().map(|n| n.kind).collect::<Vec<_>>(),
        vec![
            NoticeKind::Post,
            NoticeKind::Conditions,
            NoticeKind::Procedure,
            NoticeKind::Process,
            NoticeKind::Result
        ]
    );
}

fn message_rank_tied(rank: u32) -> Msg {
    crate::message!("competition-rank-tied", rank = rank)
}

fn totals() -> impl Strategy<Value = Vec<Total>> {
    // Scores in 0.1 steps around a few values, so that ties are frequent.
    let one = (0u32..=20, 0u32..=20).prop_map(|(w, i)| {
        total(
            Score::from_hundredths(8000 + w * 10),
            Score::from_hundredths(8000 + i * 10),
            Fraction { num: 2, den: 5 },
        )
    });
    proptest::collection::vec(one, 0..30)
}

proptest! {
    /// R-SEL-11: the ranking is a permutation, sorted by total, equal totals share a rank
    /// (the rank of the first of them: 1, 2, 2, 4).
    #[test]
    fn ranking_is_a_sorted_permutation_with_shared_ranks(t in totals()) {
        let r = rank(&t);
        let mut seen: Vec<usize> = r.iter().map(|(i, _)| *i).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..t.len()).collect::<Vec<_>>());
        for w in r.windows(2) {
            let (a, b) = (w[0], w[1]);
            prop_assert!(t[a.0] >= t[b.0]);
            prop_assert_eq!(t[a.0] == t[b.0], a.1 == b.1);
        }
        for (pos, (i, k)) in r.iter().enumerate() {
            let better = t.iter().filter(|x| **x > t[*i]).count() as u32;
            prop_assert_eq!(*k, better + 1);
            prop_assert!(*k as usize <= pos + 1);
        }
    }

    /// The cut never decides a tie: every group of equal totals has one standing, and the
    /// shortlisted are never more than the shortlist.
    #[test]
    fn the_cut_keeps_ties_together(t in totals(), n in 1u32..6) {
        let mut c = Competition { setup: setup(1), applicants: Vec::new() };
        c.setup.shortlist = Shortlist::PerPlace(n + 1);
        for (k, x) in t.iter().enumerate() {
            let mut a = applicant(&format!("人{k}"), "0", "0");
            a.written = Some(x.score());
            for v in a.interview.values_mut() {
                *v = x.score();
            }
            c.applicants.push(a);
        }
        let o = score(&c).expect("scored");
        let p = &o.posts[0];
        for w in p.rows.windows(2) {
            if w[0].total == w[1].total {
                prop_assert_eq!(w[0].standing, w[1].standing);
            }
        }
        let short = p.rows.iter().filter(|r| r.standing == Standing::Shortlisted).count();
        prop_assert!(short as u32 <= p.shortlist);
        prop_assert_eq!(p.cut_tie.is_some(), p.rows.iter().any(|r| r.standing == Standing::AtCut));
    }
}
