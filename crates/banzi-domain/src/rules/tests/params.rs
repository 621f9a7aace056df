//! Rule parameters (the *(param)* values of DOMAIN.md M2).

use super::*;
use crate::error::DomainError;
use crate::rules::{Fraction, PARAMS, ParamKind, RankGroup, RetireRule};

fn messages(e: DomainError) -> Vec<(String, Msg)> {
    match e {
        DomainError::Invalid(v) => v.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected invalid, got {other}"),
    }
}

#[test]
fn defaults_are_those_of_domain_md() {
    let p = Params::default();
    assert_eq!(p.young_age, 42);
    assert_eq!(p.young_team_ratio, Fraction { num: 2, den: 3 });
    // On a page a share reads as a percentage (issue 15, item 9).
    assert_eq!(p.young_team_ratio.percent(), "66.7%");
    assert_eq!(p.outside_share.percent(), "33.3%");
    assert_eq!(Fraction { num: 1, den: 2 }.percent(), "50%");
    assert_eq!(Fraction { num: 20, den: 100 }.percent(), "20%");
    assert_eq!(Fraction { num: 1, den: 1 }.percent(), "100%");
    assert_eq!(crate::rules::percent(1, 8), "12.5%");
    assert_eq!(crate::rules::percent(1, 6), "16.7%");
    assert_eq!(crate::rules::percent(0, 3), "0%");
    assert_eq!(crate::rules::percent(0, 0), "—");
    assert_eq!(p.plan_age, 40);
    assert_eq!(p.outside_share, Fraction { num: 1, den: 3 });
    assert_eq!(
        [
            p.principal_years,
            p.key_deputy_years,
            p.deputy_years,
            p.discipline_lead_years,
            p.portfolio_years
        ],
        [10, 10, 10, 5, 5]
    );
    assert_eq!(p.lookahead_months, 12);
    // R-AGE-1 by rank and gender (corrected 2026-12-02).
    let rule = |age, delay| RetireRule { age, delay };
    assert_eq!(
        p.retire_rule(RankGroup::County, Gender::Male),
        rule(60, true)
    );
    assert_eq!(
        p.retire_rule(RankGroup::County, Gender::Female),
        rule(60, false)
    );
    assert_eq!(
        p.retire_rule(RankGroup::Below, Gender::Male),
        rule(60, true)
    );
    assert_eq!(
        p.retire_rule(RankGroup::Below, Gender::Female),
        rule(55, true)
    );
    assert_eq!(p.age_warning_months, 12);
    assert_eq!(p.join_gap_days, 31);
    assert_eq!(
        (p.county_hours, p.county_hours_years, p.township_hours),
        (550, 5, 90)
    );
    assert!(p.leave_by_rank.is_empty());
    assert_eq!((p.probation_months, p.probation_warning_months), (12, 1));
    assert_eq!((p.term_years, p.level_years), (5, 15));
    assert_eq!((p.trainings_per_year, p.secondment_target), (1, 100));
}

#[test]
fn every_default_parses_within_its_range_and_pairs_round_trip() {
    let mut keys: Vec<&str> = PARAMS.iter().map(|d| d.key).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), PARAMS.len(), "keys are unique");
    for d in PARAMS {
        let mut p = Params::default();
        assert_eq!(p.set(d.key, d.default), Ok(()), "{}", d.key);
        assert!(
            d.rule == "M1"
                || d.key
                    .split('.')
                    .next()
                    .is_some_and(|k| d.rule.to_lowercase().contains(k)),
            "{} belongs to {}",
            d.key,
            d.rule
        );
        if d.kind == ParamKind::Integer {
            let v: i64 = d.default.parse().unwrap();
            assert!(d.min <= v && v <= d.max, "{}", d.key);
        }
    }
    let pairs = Params::default().to_pairs();
    assert_eq!(pairs.len(), PARAMS.len());
    assert_eq!(Params::from_pairs(&pairs).unwrap(), Params::default());
    let mut changed = Params::default();
    changed
        .set("age.leave_by_rank", "正处级=58, 副处级：55")
        .unwrap();
    changed.set("struct.outside_share", "40%").unwrap();
    let back = Params::from_pairs(&changed.to_pairs()).unwrap();
    assert_eq!(back, changed);
    assert_eq!(
        back.get("age.leave_by_rank").unwrap(),
        "正处级=58；副处级=55"
    );
    assert_eq!(back.get("struct.outside_share").unwrap(), "40%");
}

#[test]
fn bad_values_are_refused_each_under_its_key() {
    let e = Params::from_pairs(&[
        ("exch.principal_years", "十"),
        ("exch.deputy_years", "0"),
        ("no.such", "1"),
        ("struct.young_team_ratio", "3/2"),
        ("age.leave_by_rank", "正处级"),
    ])
    .unwrap_err();
    let m = messages(e);
    assert_eq!(m.len(), 5);
    assert_eq!(m[0].0, "exch.principal_years");
    // 应为整数，“十”不是整数 (beside the field that names the parameter)
    assert_eq!(m[0].1, message!("rule-param-not-integer", text = "十"));
    // 应在1到50年之间，“0”超出范围
    assert_eq!(m[1].0, "exch.deputy_years");
    assert_eq!(
        m[1].1,
        message!(
            "rule-param-out-of-range",
            min = 1,
            max = 50,
            unit = "years",
            value = "0",
        )
    );
    // 未知的规则参数“no.such”
    assert_eq!(m[2].1, message!("rule-param-unknown", key = "no.such"));
    // “3/2”应在0到1之间
    assert_eq!(m[3].1, message!("rule-fraction-out-of-range", text = "3/2"));
    // “正处级”应写成“职级=年龄”
    assert_eq!(m[4].1, message!("rule-rank-age-malformed", item = "正处级"));
    let dup = Params::from_pairs(&[("train.per_year", "1"), ("train.per_year", "2")]);
    assert_eq!(
        messages(dup.unwrap_err())[0].1,
        message!("rule-param-twice", key = "train.per_year")
    );
    assert!(Params::from_pairs(&[("age.leave_by_rank", "正处级=58；正处级=57")]).is_err());
    assert!(Params::from_pairs(&[("age.leave_by_rank", "正处级=99")]).is_err());
}

#[test]
fn fractions_compare_exactly() {
    let third = Fraction::parse("1/3").unwrap();
    assert!(third.reached(1, 3));
    assert!(!third.reached(1, 4));
    assert!(third.reached(0, 0));
    let two_thirds = Fraction::parse(" 2／3 ").unwrap();
    assert!(two_thirds.reached(2, 3));
    assert!(!two_thirds.reached(666, 1000));
    assert!(Fraction::parse("0/0").is_err());
    assert!(Fraction::parse("0.5").is_err());
    assert_eq!(Fraction::parse("50%").unwrap().to_string(), "50%");
}
