//! The people of 江川市 and fifteen years of their appointments.

use super::Rng;
use super::names::*;
use super::resume::{PostText, resume};
use super::units::{UnitSpec, units};
use banzi_domain::cadre::{FamilyMember, YearRating};
use banzi_domain::codes::{Degree, Education, Gender, Manner, Party, PostKind, PostLevel, Rating};
use banzi_domain::date::{Date, add_years, iso, make_date};
use banzi_domain::id_number::synthesize;
use banzi_domain::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};
use banzi_domain::roster::{Located, Roster};
use banzi_store::CadreRecord;

/// Everything the demo writes: the roster and the extra record lines.
pub struct City {
    pub roster: Roster,
    pub records: Vec<(String, CadreRecord)>,
}

pub(super) struct Person {
    pub(super) cadre: Cadre,
    pub(super) first_job: Date,
}

/// Who may be drawn for a post: an age at the start, and whether it is a Party post.
#[derive(Clone, Copy)]
pub(super) struct Profile {
    pub(super) min_age: i16,
    pub(super) age_span: u64,
    /// A post of a Party committee or its organs (书记, 常委, 纪检 …): only 中共党员.
    pub(super) cpc_only: bool,
    /// Dates of a life rather than of a birthday: work from a July after school, joining
    /// the Party and children's births on days of their own.
    pub(super) own_dates: bool,
}

/// The benchmark's and the province's people: 30 to 49, any party, dates from the birthday.
const PLAIN: Profile = Profile {
    min_age: 30,
    age_span: 20,
    cpc_only: false,
    own_dates: false,
};

pub(super) fn new_person(rng: &mut Rng, seq: u32, start: Date) -> Person {
    new_person_as(rng, seq, start, PLAIN)
}

fn new_person_as(rng: &mut Rng, seq: u32, start: Date, who: Profile) -> Person {
    let gender = if rng.chance(28) {
        Gender::Female
    } else {
        Gender::Male
    };
    let age = who.min_age + rng.below(who.age_span) as i16;
    let y = start.year() - age;
    let birth = make_date(
        i64::from(y),
        1 + rng.below(12) as i64,
        1 + rng.below(28) as i64,
    )
    .unwrap_or(start);
    let id = synthesize(320601 + rng.below(12) as u32, birth, seq, gender);
    let name = format!(
        "{}{}",
        rng.pick(SURNAMES),
        if gender == Gender::Male {
            rng.pick(GIVEN_M)
        } else {
            rng.pick(GIVEN_F)
        }
    );
    let party = if !who.cpc_only && rng.chance(8) {
        *rng.pick(&[
            Party::Dl,
            Party::Jiusan,
            Party::Cndca,
            Party::NonParty,
            Party::Cape,
        ])
    } else {
        Party::Cpc
    };
    let first_job = if who.own_dates {
        make_date(i64::from(birth.year()) + 22, 7, 1 + rng.below(20) as i64).unwrap_or(birth)
    } else {
        add_years(birth, 22)
    };
    let ft = *rng.pick(&[
        Education::University,
        Education::University,
        Education::University,
        Education::Postgraduate,
        Education::College,
    ]);
    let ft_degree = match ft {
        Education::Postgraduate => Some(Degree::Master),
        Education::University => Some(Degree::Bachelor),
        _ => None,
    };
    let (pt, pt_degree) = if ft != Education::Postgraduate && rng.chance(40) {
        (Some(Education::Postgraduate), Some(Degree::Master))
    } else {
        (None, None)
    };
    let cadre = Cadre {
        id_number: id,
        name,
        gender,
        ethnicity: (*rng.pick(ETHNIC)).into(),
        birth_date: birth,
        native_place: (*rng.pick(PLACES)).into(),
        party,
        party_joined: if party.is_non_cpc() {
            None
        } else if who.own_dates {
            make_date(
                i64::from(birth.year()) + 20 + rng.below(6) as i64,
                1 + rng.below(12) as i64,
                1 + rng.below(28) as i64,
            )
            .filter(|d| *d > add_years(birth, 18))
            .or(Some(add_years(birth, 21)))
        } else {
            Some(add_years(birth, 21 + rng.below(6) as i16))
        },
        work_started: Some(first_job),
        ft_education: Some(ft),
        ft_degree,
        ft_school: (*rng.pick(SCHOOLS)).into(),
        pt_education: pt,
        pt_degree,
        pt_school: if pt.is_some() {
            "中共江苏省委党校在职研究生".into()
        } else {
            String::new()
        },
        profession: (*rng.pick(PROFESSIONS)).into(),
        rank: String::new(),
    };
    Person { cadre, first_job }
}

/// Who a post is drawn for. A Party committee and its organs (市委, its departments, the
/// 纪委监委) and every 书记, 常委 and 纪检 post take only 中共党员 — but for the deputies of a
/// unit that must have a 党外 member (统战部); a 正职 is older than a 副职, and the 市委书记 is
/// in his fifties.
fn profile_for(spec: &UnitSpec, title: &str, kind: PostKind, level: Option<PostLevel>) -> Profile {
    let organ =
        spec.category == "市委" || spec.name.starts_with("市委") || spec.name.contains("纪委");
    let cpc_only = title.contains("书记")
        || title.contains("常委")
        || kind == PostKind::DisciplineLead
        || (organ && !(spec.non_cpc && kind == PostKind::Deputy));
    let (min_age, age_span) = match (kind, level) {
        (PostKind::Principal, Some(PostLevel::BureauChief)) => (50, 5),
        (PostKind::Principal, _) | (_, Some(PostLevel::BureauDeputy)) => (42, 10),
        _ => (35, 13),
    };
    Profile {
        min_age,
        age_span,
        cpc_only,
        own_dates: true,
    }
}

/// The 现职级 a post gives: its 职务层次 where the roster has one (a 市委书记 is 正厅级), else
/// by kind as a city's enterprises are graded.
fn rank_for(kind: PostKind, level: Option<PostLevel>) -> &'static str {
    match (level, kind) {
        (Some(PostLevel::BureauChief), _) => "正厅级",
        (Some(PostLevel::BureauDeputy), _) => "副厅级",
        (Some(PostLevel::DivisionChief), _) | (None, PostKind::Principal) => "正处级",
        _ => "副处级",
    }
}

/// Ends every appointment (and the 分管 of it) on the day its holder reaches
/// the statutory retirement age (R-AGE-1 with the default parameters, by rank group and
/// gender): a demo city keeps no one in post past it.
fn retire(roster: &mut Roster, people: &[Person], end_of_history: Date) {
    use banzi_domain::rules::{Params, RankGroup, rank_group, retirement_by};
    use std::collections::HashMap;
    let params = Params::default();
    let due: HashMap<String, Date> = people
        .iter()
        .map(|p| {
            let c = &p.cadre;
            let group = rank_group(&c.rank).unwrap_or(RankGroup::Below);
            let date = retirement_by(c.birth_date, params.retire_rule(group, c.gender)).date;
            (c.id_number.to_string(), date)
        })
        .collect();
    let cut = |id: &str, start: Date, end: &mut Option<Date>| {
        let Some(&d) = due.get(id) else { return true };
        if d >= end_of_history || end.is_some_and(|e| e <= d) {
            return true;
        }
        *end = Some(d);
        d > start
    };
    roster
        .appointments
        .retain_mut(|a| cut(a.value.id_number.as_str(), a.value.start, &mut a.value.end));
    roster
        .portfolios
        .retain_mut(|a| cut(a.value.id_number.as_str(), a.value.start, &mut a.value.end));
}

/// Builds the city in memory (pure; the same every time).
pub fn city() -> City {
    let mut rng = Rng::new(20_261_121);
    let end_of_history = make_date(2026, 11, 1).unwrap_or(Date::constant(2026, 11, 1));
    let mut roster = Roster::default();
    let mut people: Vec<Person> = Vec::new();
    let mut records = Vec::new();
    let mut doc = 0u32;
    let specs = units();
    for (row, spec) in (2u32..).zip(specs.iter()) {
        roster.units.push(Located {
            row,
            value: Unit {
                code: spec.code.clone(),
                name: spec.name.clone(),
                parent_code: spec.parent.map(String::from),
                category: spec.category.into(),
                platform: spec.platform.into(),
                system: spec.system,
                non_cpc_required: spec.non_cpc,
            },
        });
    }
    // What a 简历 line says of each post: 单位 and title.
    let mut post_text: std::collections::HashMap<String, PostText> = Default::default();
    // Cadres free to move again, with the day they became free.
    let mut pool_of_movers: Vec<(usize, Date)> = Vec::new();
    for spec in &specs {
        for (pi, (title, kind, seats, level)) in spec.posts.iter().enumerate() {
            let code = format!("{}-P{}", spec.code, pi + 1);
            post_text.insert(code.clone(), (spec.name.clone(), title.clone(), *level));
            roster.posts.push(Located {
                row: roster.posts.len() as u32 + 2,
                value: Post {
                    code: code.clone(),
                    unit_code: spec.code.clone(),
                    team: String::new(),
                    title: title.clone(),
                    kind: *kind,
                    seats: *seats,
                    level: *level,
                },
            });
            let who = profile_for(spec, title, *kind, *level);
            for _seat in 0..*seats {
                // A chain of holders from 2011 (some seats start vacant later) to now.
                let mut at = make_date(2011, 1 + rng.below(12) as i64, 1).unwrap_or(end_of_history);
                while at < end_of_history {
                    let tenure = 2 + rng.below(7) as i16;
                    let mut end = add_years(at, tenure);
                    // Exchanges: a third of holders come from another post they have left,
                    // if they are under 55.
                    let free: Vec<usize> = (0..pool_of_movers.len())
                        .filter(|&i| {
                            let c = &people[pool_of_movers[i].0].cadre;
                            pool_of_movers[i].1 <= at
                                && add_years(c.birth_date, 55) > at
                                && add_years(c.birth_date, who.min_age) <= at
                                && (!who.cpc_only || !c.party.is_non_cpc())
                        })
                        .collect();
                    let (who, manner) = if !free.is_empty() && rng.chance(33) {
                        let i = *rng.pick(&free);
                        (
                            pool_of_movers.swap_remove(i).0,
                            *rng.pick(&[
                                Manner::Exchange,
                                Manner::OutsideExchange,
                                Manner::Exchange,
                            ]),
                        )
                    } else {
                        let p = new_person_as(&mut rng, people.len() as u32, at, who);
                        people.push(p);
                        (
                            people.len() - 1,
                            *rng.pick(&[
                                Manner::Appointed,
                                Manner::Appointed,
                                Manner::Elected,
                                Manner::Competition,
                            ]),
                        )
                    };
                    let person = &mut people[who];
                    // Leaves the post by 60.
                    end = end.min(add_years(person.cadre.birth_date, 60));
                    let ends = if end < end_of_history
                        && (rng.chance(85) || end == add_years(person.cadre.birth_date, 60))
                    {
                        Some(end)
                    } else {
                        None
                    };
                    person.cadre.rank = rank_for(*kind, *level).into();
                    doc += 1;
                    let start = at.max(add_years(person.first_job, 8));
                    if ends.is_some_and(|e| e <= start) {
                        at = end;
                        continue;
                    }
                    roster.appointments.push(Located {
                        row: roster.appointments.len() as u32 + 2,
                        value: Appointment {
                            id_number: person.cadre.id_number.clone(),
                            post_code: code.clone(),
                            start,
                            end: ends,
                            manner: Some(manner),
                            doc_no: format!("江委〔{}〕{}号", start.year(), doc % 300 + 1),
                        },
                    });
                    if matches!(kind, PostKind::Deputy | PostKind::Member) {
                        let work = *rng.pick(WORKS);
                        roster.portfolios.push(Located {
                            row: roster.portfolios.len() as u32 + 2,
                            value: Portfolio {
                                id_number: person.cadre.id_number.clone(),
                                post_code: code.clone(),
                                work: work.into(),
                                start,
                                end: ends,
                            },
                        });
                    }
                    match ends {
                        Some(e) => {
                            if rng.chance(60) {
                                pool_of_movers.push((who, e));
                            }
                            at = e;
                        }
                        None => break,
                    }
                }
            }
        }
    }
    retire(&mut roster, &people, end_of_history);
    let mut held: std::collections::HashMap<&str, Vec<&Appointment>> = Default::default();
    for a in &roster.appointments {
        held.entry(a.value.id_number.as_str())
            .or_default()
            .push(&a.value);
    }
    for (i, p) in people.iter().enumerate() {
        let id = p.cadre.id_number.to_string();
        let mut posts = held.remove(id.as_str()).unwrap_or_default();
        posts.sort_by_key(|a| a.start);
        for line in resume(&mut rng, p.first_job, &posts, &post_text) {
            records.push((id.clone(), CadreRecord::Resume(line)));
        }
        // A spouse of about the same age and a son born when the cadre was about 28.
        let spouse = if p.cadre.gender == Gender::Female {
            ("丈夫", GIVEN_M)
        } else {
            ("妻子", GIVEN_F)
        };
        for (relation, offset, given) in [(spouse.0, 1, spouse.1), ("儿子", 28, GIVEN_M)] {
            let birth = make_date(
                i64::from(p.cadre.birth_date.year()) + offset + rng.below(3) as i64 - 1,
                1 + rng.below(12) as i64,
                1 + rng.below(28) as i64,
            )
            .unwrap_or(p.cadre.birth_date);
            let surname = if relation == "儿子" && p.cadre.gender == Gender::Male {
                p.cadre
                    .name
                    .chars()
                    .next()
                    .map(String::from)
                    .unwrap_or_default()
            } else {
                (*rng.pick(SURNAMES)).to_string()
            };
            let work = if relation == "儿子" && birth.year() > 2004 {
                "学生"
            } else {
                "江川市某单位职工"
            };
            if let Ok(m) = FamilyMember::parse(
                relation,
                &format!("{surname}{}", rng.pick(given)),
                &iso(birth),
                "群众",
                work,
            ) {
                records.push((id.clone(), CadreRecord::Family(m)));
            }
        }
        for year in 2021..=2025 {
            let rating = if rng.chance(18) {
                Rating::Excellent
            } else {
                Rating::Competent
            };
            records.push((id.clone(), CadreRecord::Rating(YearRating { year, rating })));
        }
        // Training every year from 2021 (R-TRAIN-1): most 县处级 cadres reach the 550 学时 of
        // five years and a 专业化能力 course a year; some fall short, as in a real city.
        for year in 2021..=2025 {
            for (chance, base, spread) in [(90, 80, 6), (70, 40, 4)] {
                if !rng.chance(chance) {
                    continue;
                }
                let (name, kind) = *rng.pick(TRAININGS);
                let start = make_date(year, 3 + rng.below(8) as i64, 1 + rng.below(20) as i64)
                    .unwrap_or(end_of_history);
                let hours = base + 8 * rng.below(spread) as i32;
                roster.trainings.push(Located {
                    row: roster.trainings.len() as u32 + 2,
                    value: Training {
                        id_number: p.cadre.id_number.clone(),
                        name: format!("{year}年{name}"),
                        kind,
                        start,
                        end: Some(
                            add_years(start, 0)
                                .checked_add(jiff::Span::new().days(5))
                                .unwrap_or(start),
                        ),
                        hours: Some(f64::from(hours)),
                    },
                });
            }
        }
        roster.cadres.push(Located {
            row: i as u32 + 2,
            value: p.cadre.clone(),
        });
    }
    City { roster, records }
}
