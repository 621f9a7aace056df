//! `tally` at its boundaries: R-SEL-2's strict threshold over the attendees (实到), R-VOTE-5's
//! per-question validity, R-VOTE-6's weights, and rounding.

use super::*;
use crate::ballot::tally::{ApprovalTally, QuestionResult, RatingTally};
use crate::rules::Fraction;

fn cast(group: usize, ballot: Ballot) -> Cast {
    Cast { group, ballot }
}

/// A ballot of [`spec`] answering the recommendation only.
fn recommending(answer: Answer) -> Ballot {
    let mut b = blank();
    b[0] = answer;
    b
}

fn lines(t: &Tally, i: usize) -> Vec<(&str, u64, u64, u64, bool)> {
    match &t.questions[i].result {
        QuestionResult::Recommend(v) => v
            .iter()
            .map(|o| (o.name.as_str(), o.votes, o.rank, o.share_bp, o.passes))
            .collect(),
        other => panic!("not a recommendation: {other:?}"),
    }
}

fn approvals(t: &Tally, i: usize) -> &[ApprovalTally] {
    match &t.questions[i].result {
        QuestionResult::Approve(v) => v,
        other => panic!("not an approval: {other:?}"),
    }
}

fn ratings(t: &Tally, i: usize) -> &[RatingTally] {
    match &t.questions[i].result {
        QuestionResult::Rate(v) => v,
        other => panic!("not a rating: {other:?}"),
    }
}

/// `n` ballots of group `g` answering the recommendation with these picks: ballot `k` picks
/// option `o` when `k < votes` for each `(o, votes)`.
fn voting(g: usize, n: usize, votes: &[(u32, usize)]) -> Vec<Cast> {
    (0..n)
        .map(|k| {
            let p: Vec<u32> = votes
                .iter()
                .filter(|&&(_, v)| k < v)
                .map(|&(o, _)| o)
                .collect();
            cast(g, recommending(picks(&p)))
        })
        .collect()
}

/// R-SEL-2: votes must be strictly over X% of the attendees, 实到人数: with 12 present and
/// 10 ballots cast, 6 votes (exactly half of 12) do not pass and 7 do; shares are of 12.
#[test]
fn r_sel_2_exactly_the_threshold_of_attended_does_not_pass_one_more_vote_does() {
    let mut s = spec();
    s.attended = Some(12);
    let t = tally(&s, &voting(0, 10, &[(0, 6), (1, 7)]));
    assert_eq!((t.cast, t.attended, t.attendees), (10, Some(12), 12));
    assert_eq!(
        lines(&t, 0)[..2],
        [("王芳", 7, 1, 5833, true), ("张伟", 6, 2, 5000, false)]
    );
}

/// R-SEL-2 at 2/3 of 9 present (8 ballots cast): 6 votes are exactly 2/3 and fail, 7 pass.
#[test]
fn r_sel_2_at_two_thirds_six_of_nine_attended_fails_and_seven_passes() {
    let mut s = spec();
    s.threshold = Fraction { num: 2, den: 3 };
    s.attended = Some(9);
    let t = tally(&s, &voting(1, 8, &[(0, 6), (1, 7)]));
    assert_eq!(
        lines(&t, 0)[..2],
        [("王芳", 7, 1, 7778, true), ("张伟", 6, 2, 6667, false)]
    );
}

/// R-SEL-2: the same ten ballots give another result when 实到 differs from the ballots
/// cast: 6 votes pass over 10 present and fail over 13 (two who signed in did not vote,
/// one more handed in no ballot), for recommendations and 同意 votes alike.
#[test]
fn r_sel_2_attended_not_the_ballots_cast_decides() {
    let mut s = spec();
    let mut ballots = voting(2, 10, &[(0, 6), (1, 5)]);
    for (k, b) in ballots.iter_mut().enumerate() {
        b.ballot[1] = marks(&[Some(if k < 6 { 0 } else { 1 }), None]);
    }
    s.attended = Some(10);
    let t = tally(&s, &ballots);
    assert_eq!(lines(&t, 0)[0], ("张伟", 6, 1, 6000, true));
    assert_eq!(t.passing(0), ["张伟"]);
    let yes = &approvals(&t, 1)[0];
    assert_eq!((yes.yes, yes.share_bp, yes.passes), (6, 6000, true));
    assert_eq!(t.passing(1), ["张伟"]);

    s.attended = Some(13);
    let t = tally(&s, &ballots);
    assert_eq!((t.cast, t.attendees), (10, 13));
    assert_eq!(lines(&t, 0)[0], ("张伟", 6, 1, 4615, false));
    assert!(t.passing(0).is_empty());
    let yes = &approvals(&t, 1)[0];
    assert_eq!((yes.yes, yes.share_bp, yes.passes), (6, 4615, false));
    assert!(t.passing(1).is_empty());
    // The answers still add up to the ballots cast, not to 实到.
    assert_eq!((t.questions[0].valid, t.questions[0].invalid), (10, 0));
}

/// A session closed before 实到 was recorded (module doc): its result stays counted over the
/// ballots cast, and the tally says it has no 实到.
#[test]
fn r_sel_2_a_session_without_attended_counts_over_the_ballots_cast() {
    let mut s = spec();
    s.attended = None;
    let t = tally(&s, &voting(0, 10, &[(0, 6)]));
    assert_eq!((t.cast, t.attended, t.attendees), (10, None, 10));
    assert_eq!(lines(&t, 0)[0], ("张伟", 6, 1, 6000, true));
}

/// R-SEL-2's attendees are 实到, whatever the answers' validity; R-VOTE-5: an over-selected
/// paper answer is invalid on its question and still counts on the others.
#[test]
fn r_vote_5_an_over_selected_answer_is_invalid_on_its_question_only() {
    let mut s = spec();
    s.attended = Some(10);
    let mut cast: Vec<Cast> = (0..8)
        .map(|k| cast(2, recommending(picks(if k < 5 { &[0] } else { &[] }))))
        .collect();
    for _ in 0..2 {
        let mut b = recommending(picks(&[0, 1, 2, 3]));
        b[1] = marks(&[Some(0), Some(0)]);
        cast.push(Cast {
            group: 2,
            ballot: b,
        });
    }
    let t = tally(&s, &cast);
    let q = &t.questions[0];
    assert_eq!((q.valid, q.invalid), (8, 2));
    // 5 of the 8 valid would be over half; 5 of the 10 present is not.
    assert_eq!(lines(&t, 0)[0], ("张伟", 5, 1, 5000, false));
    assert_eq!(lines(&t, 0)[1], ("王芳", 0, 2, 0, false));
    let q = &t.questions[1];
    assert_eq!((q.valid, q.invalid), (10, 0));
    assert_eq!(approvals(&t, 1)[0].yes, 2);
    assert_eq!(approvals(&t, 1)[0].abstain, 8);
}

#[test]
fn names_rank_by_votes_then_listed_order_then_write_ins_by_text() {
    let s = spec();
    let cast: Vec<Cast> = [
        write(&[0, 2], &[]),
        write(&[2], &["周杰"]),
        write(&[0], &[" 周杰 ", "吴敏"]),
        write(&[4], &["吴敏"]),
        write(&[], &["王二"]),
    ]
    .into_iter()
    .map(|a| cast(0, recommending(a)))
    .collect();
    let t = tally(&s, &cast);
    // Shares of the 50 present (实到), not of the 5 ballots.
    assert_eq!(
        lines(&t, 0),
        [
            ("张伟", 2, 1, 400, false),
            ("李娜", 2, 1, 400, false),
            ("吴敏", 2, 1, 400, false),
            ("周杰", 2, 1, 400, false),
            ("陈静", 1, 5, 200, false),
            ("王二", 1, 5, 200, false),
            ("王芳", 0, 7, 0, false),
            ("刘洋", 0, 7, 0, false),
        ]
    );
    match &t.questions[0].result {
        QuestionResult::Recommend(v) => {
            let written: Vec<&str> = v
                .iter()
                .filter(|o| o.written_in)
                .map(|o| o.name.as_str())
                .collect();
            assert_eq!(written, ["吴敏", "周杰", "王二"]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn approval_counts_no_mark_as_abstention_and_passes_on_yes_votes() {
    let mut s = spec();
    // Five present, four ballots: 3 同意 is over half of 5, 2 is not.
    s.attended = Some(5);
    let cast: Vec<Cast> = [
        [Some(0), Some(1)],
        [Some(0), None],
        [Some(2), Some(0)],
        [Some(0), Some(0)],
    ]
    .into_iter()
    .map(|m| {
        let mut b = blank();
        b[1] = marks(&m);
        cast(0, b)
    })
    .collect();
    let t = tally(&s, &cast);
    let a = approvals(&t, 1);
    let row = |x: &ApprovalTally| (x.yes, x.no, x.abstain, x.share_bp, x.passes);
    assert_eq!(row(&a[0]), (3, 0, 1, 6000, true));
    assert_eq!(row(&a[1]), (2, 1, 1, 4000, false));
}

/// R-VOTE-6: a group that gave no mark is left out and the other weights renormalised:
/// (40 × 100 + 30 × 80) / 70 = 91.43, not (40 × 100 + 30 × 80) / 100 = 64.
#[test]
fn r_vote_6_weights_renormalise_over_the_groups_that_rated() {
    let s = spec();
    let rating = |m: [Option<u8>; 2]| {
        let mut b = blank();
        b[2] = marks(&m);
        b
    };
    let cast = vec![
        cast(0, rating([Some(0), Some(0)])),
        cast(1, rating([Some(1), Some(2)])),
        cast(2, rating([None, Some(3)])),
        cast(2, rating([None, Some(1)])),
    ];
    let t = tally(&s, &cast);
    let r = ratings(&t, 2);
    assert_eq!(r[0].score, Some(9143));
    assert_eq!(r[0].counts, [1, 1, 0, 0]);
    assert_eq!(r[0].unmarked, 2);
    let means: Vec<Option<u64>> = r[0].groups.iter().map(|g| g.mean).collect();
    assert_eq!(means, [Some(10000), Some(8000), None]);
    // All three rated 孙丽: (40 × 100 + 30 × 60 + 30 × (0 + 80) / 2) / 100 = 70.
    assert_eq!(r[1].score, Some(7000));
    assert_eq!(r[1].groups[2].counts, [0, 1, 0, 1]);
    assert_eq!(r[1].groups[2].mean, Some(4000));
    // Nobody rated the team.
    let team = &ratings(&t, 3)[0];
    assert_eq!((team.score, team.unmarked), (None, 4));
}

/// Means and scores are hundredths rounded half up: 1/8 = 0.125 is 13, not 12.
#[test]
fn scores_and_shares_round_half_up() {
    let mut s = spec();
    s.grade_values = [1, 0, 0, 0];
    s.groups.truncate(2);
    s.groups[0].weight = 50;
    s.groups[1].weight = 50;
    let ballots: Vec<Cast> = (0..8)
        .map(|k| {
            let mut b = blank();
            b[0] = picks(if k == 0 { &[0] } else { &[] });
            b[2] = marks(&[
                Some(if k == 0 { 0 } else { 3 }),
                Some(if k < 3 { 0 } else { 3 }),
            ]);
            cast(0, b)
        })
        .chain([cast(1, {
            let mut b = blank();
            b[2] = marks(&[Some(3), None]);
            b
        })])
        .collect();
    let t = tally(&s, &ballots);
    let r = ratings(&t, 2);
    assert_eq!(r[0].groups[0].mean, Some(13), "1/8");
    assert_eq!(r[1].groups[0].mean, Some(38), "3/8");
    // 赵磊: (50 × 1/8 + 50 × 0) / 100 = 0.0625; 孙丽 only group 0: 0.375.
    assert_eq!(r[0].score, Some(6));
    assert_eq!(r[1].score, Some(38));
    // 1 vote of 50 present: 200 basis points.
    assert_eq!(lines(&t, 0)[0].3, 200);

    // 1 vote of n present (and n ballots cast).
    let shares = |n: usize| {
        let c: Vec<Cast> = (0..n)
            .map(|k| cast(0, recommending(picks(if k == 0 { &[0] } else { &[] }))))
            .collect();
        let mut s = s.clone();
        s.attended = Some(n as u32);
        lines(&tally(&s, &c), 0)[0].3
    };
    assert_eq!(shares(8), 1250);
    assert_eq!(shares(9), 1111, "1111.1");
    assert_eq!(shares(16), 625);
    assert_eq!(shares(32), 313, "312.5");
    assert_eq!(shares(3), 3333);
    s.attended = None;
    assert_eq!(lines(&tally(&s, &[]), 0)[0].3, 0, "no attendees");
}

/// Twenty groups of prime sizes: the common denominator of their means overflows u128, and
/// the score must still be exact. Each group has one 优秀 (100) and the rest 称职 (80), so
/// with equal weights the score is 80 + Σ 1/p.
#[test]
fn r_vote_6_scores_stay_exact_past_u128() {
    let primes: [u64; 20] = [
        101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191,
        193, 197,
    ];
    let mut s = spec();
    s.groups = (0..20)
        .map(|i| Group {
            name: format!("组{i}"),
            weight: 5,
            codes: 200,
        })
        .collect();
    let mut cast = Vec::new();
    for (g, &p) in primes.iter().enumerate() {
        for k in 0..p {
            let mut b = blank();
            b[2] = marks(&[Some(if k == 0 { 0 } else { 1 }), None]);
            cast.push(Cast {
                group: g,
                ballot: b,
            });
        }
    }
    let got = ratings(&tally(&s, &cast), 2)[0].score;
    // 10³² × 100 Σ 1/p lies in [low, low + 20): round both ends half up at 10³⁰.
    let scale: u128 = 10u128.pow(32);
    let low: u128 = primes.iter().map(|&p| scale / u128::from(p)).sum();
    let half = 5 * 10u128.pow(29);
    let unit = 10u128.pow(30);
    let (a, b) = ((low + half) / unit, (low + 20 + half) / unit);
    assert_eq!(a, b, "the bounds decide the rounding");
    assert_eq!(got, Some(8000 + a as u64));
    assert!(
        primes
            .iter()
            .map(|&p| u128::from(p))
            .try_fold(1u128, u128::checked_mul)
            .is_none()
    );
}

/// R-VOTE-5: the count of ballots never exceeds the codes issued; the tally shows where it
/// does.
#[test]
fn r_vote_5_groups_over_their_codes_are_shown() {
    let s = spec();
    let cast: Vec<Cast> = (0..11)
        .map(|_| cast(0, blank()))
        .chain([cast(1, blank())])
        .collect();
    let t = tally(&s, &cast);
    assert_eq!(t.over_issued(), ["班子成员"]);
    let g: Vec<(u64, bool)> = t.groups.iter().map(|g| (g.cast, g.over_issued)).collect();
    assert_eq!(g, [(11, true), (1, false), (0, false)]);
    assert!(
        tally(&s, &cast[1..]).over_issued().is_empty(),
        "10 of 10 codes"
    );
}

#[test]
fn a_ballot_of_no_known_group_is_cast_but_weighs_nothing() {
    let s = spec();
    let mut b = blank();
    b[2] = marks(&[Some(0), None]);
    let t = tally(
        &s,
        &[cast(7, b.clone()), cast(1, b.clone()), cast(2, vec![])],
    );
    assert_eq!((t.cast, t.ungrouped), (3, 1));
    assert_eq!((t.questions[2].valid, t.questions[2].invalid), (2, 1));
    let r = &ratings(&t, 2)[0];
    assert_eq!(r.counts, [2, 0, 0, 0]);
    assert_eq!(r.groups[1].counts, [1, 0, 0, 0]);
    assert_eq!(r.score, Some(10000));
}

#[test]
fn the_tally_serialises_for_pages_and_json() {
    let s = spec();
    let t = tally(&s, &[cast(0, recommending(write(&[1], &["周杰"])))]);
    let v = serde_json::to_value(&t).unwrap();
    assert_eq!(v["threshold"], "1/2");
    assert_eq!(v["questions"][0]["kind"]["kind"], "recommend");
    assert_eq!(v["questions"][0]["result"]["recommend"][0]["name"], "王芳");
    assert_eq!(
        v["questions"][0]["result"]["recommend"][1]["written_in"],
        true
    );
    assert_eq!(
        v["questions"][2]["result"]["rate"][0]["score"],
        serde_json::Value::Null
    );
}
