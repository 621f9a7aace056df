//! The corrected rules of DOMAIN.md (2026-12-02) read straight off a generated city's roster,
//! by brute force and without the index, and compared alert by alert with `evaluate`:
//! R-EXCH-2 and R-EXCH-3 (joined tenure in the team or the post, a "should" rule), R-AGE-1
//! (by rank group and gender, a violation once reached). The generator's gaps between
//! appointments include 20, 31 and 32 days.

use super::generated::city;
use super::*;
use crate::appointment::{Period, tenure_start};
use crate::codes::Gender;
use crate::date::add_years;
use crate::rules::{RetireRule, retirement_by};
use std::collections::BTreeSet;

type Found = BTreeSet<(String, String, Date, Level)>;

fn got(r: &crate::rules::Report, rule: &str) -> Found {
    of(r, rule)
        .into_iter()
        .map(|a| (a.cadre.unwrap(), a.post.unwrap(), a.due.unwrap(), a.level))
        .collect()
}

#[test]
fn exchange_of_deputies_against_a_brute_force_reading() {
    let roster = city(2000, 7);
    let facts = Arc::new(Facts::new(&roster));
    let unit = |code: &str| roster.units.iter().find(|u| u.value.code == code).unwrap();
    let post = |code: &str| roster.posts.iter().find(|p| p.value.code == code).unwrap();
    for as_of in ["2024-06-30", "2019-03-01"] {
        let as_of = d(as_of);
        let horizon = crate::rules::current::add_months(as_of, 12);
        let r = evaluate(&facts, &Params::default(), as_of);
        let (mut want2, mut want3) = (Found::new(), Found::new());
        for a in &roster.appointments {
            let a = &a.value;
            let held = Period {
                start: a.start,
                end: a.end,
            };
            let p = &post(&a.post_code).value;
            if !held.holds_on(as_of) || p.kind != PostKind::Deputy {
                continue;
            }
            let key = matches!(
                unit(&p.unit_code).value.system,
                UnitSystem::Discipline | UnitSystem::Organization | UnitSystem::Law
            );
            // The same team: the same unit and 班子名称; else the same post.
            let periods: Vec<Period> = roster
                .appointments
                .iter()
                .map(|b| &b.value)
                .filter(|b| b.id_number == a.id_number)
                .filter(|b| {
                    let q = &post(&b.post_code).value;
                    if key {
                        q.unit_code == p.unit_code && q.team == p.team
                    } else {
                        b.post_code == a.post_code
                    }
                })
                .map(|b| Period {
                    start: b.start,
                    end: b.end,
                })
                .collect();
            let start = tenure_start(periods, as_of, 31).unwrap();
            let due = add_years(start, 10);
            let level = if due <= as_of {
                Level::Warning
            } else if due <= horizon {
                Level::Notice
            } else {
                continue;
            };
            let row = (a.id_number.to_string(), a.post_code.clone(), due, level);
            if key { &mut want2 } else { &mut want3 }.insert(row);
        }
        assert!(!want2.is_empty() && !want3.is_empty());
        assert_eq!(got(&r, "R-EXCH-2"), want2, "R-EXCH-2 on {as_of}");
        assert_eq!(got(&r, "R-EXCH-3"), want3, "R-EXCH-3 on {as_of}");
    }
}

#[test]
fn retirement_by_rank_and_gender_against_a_brute_force_reading() {
    let roster = city(3000, 11);
    let facts = Arc::new(Facts::new(&roster));
    for as_of in ["2024-06-30", "2026-12-02"] {
        let as_of = d(as_of);
        let horizon = crate::rules::current::add_months(as_of, 12);
        let r = evaluate(&facts, &Params::default(), as_of);
        let mut want = BTreeSet::new();
        for c in &roster.cadres {
            let c = &c.value;
            // Their first post held on the day: 正职 before 副职 …, then by code.
            let Some(first) = roster
                .appointments
                .iter()
                .map(|a| &a.value)
                .filter(|a| a.id_number == c.id_number)
                .filter(|a| {
                    Period {
                        start: a.start,
                        end: a.end,
                    }
                    .holds_on(as_of)
                })
                .map(|a| {
                    let p = roster
                        .posts
                        .iter()
                        .find(|p| p.value.code == a.post_code)
                        .unwrap();
                    (p.value.kind, a.post_code.clone())
                })
                .min()
            else {
                continue;
            };
            // 正处级, 副处级, 一级调研员: 县处级; blank (and no 职务层次 in this city): below.
            let county = !c.rank.is_empty();
            let rule = match (c.gender, county) {
                (Gender::Male, _) => RetireRule {
                    age: 60,
                    delay: true,
                },
                (Gender::Female, true) => RetireRule {
                    age: 60,
                    delay: false,
                },
                (Gender::Female, false) => RetireRule {
                    age: 55,
                    delay: true,
                },
            };
            let due = retirement_by(c.birth_date, rule).date;
            let level = if due <= as_of {
                Level::Violation
            } else if due <= horizon {
                Level::Warning
            } else {
                continue;
            };
            want.insert((c.id_number.to_string(), first.1, due, level));
        }
        assert!(want.iter().any(|w| w.3 == Level::Violation));
        assert!(want.iter().any(|w| w.3 == Level::Warning));
        assert_eq!(got(&r, "R-AGE-1"), want, "R-AGE-1 on {as_of}");
    }
}
