//! A province for the alerts benchmark (issue 3): by default 200,000 cadres, 20,000 teams
//! (one per unit), 100,000 posts and 1,000,000 appointments — each cadre's career of five
//! consecutive appointments, the last of them still held by most.

use super::Rng;
use super::city::new_person;
use banzi_domain::codes::{Manner, PostKind, TrainingKind, UnitSystem};
use banzi_domain::date::{Date, make_date};
use banzi_domain::id_number::synthesize;
use banzi_domain::registry::{Appointment, Portfolio, Post, Training, Unit};
use banzi_domain::roster::{Located, Roster};

const CATEGORIES: [&str; 4] = ["市直单位", "县(市、区)", "乡镇(街道)", "企事业单位"];
const KINDS: [(PostKind, &str); 5] = [
    (PostKind::Principal, "局长"),
    (PostKind::Deputy, "副局长"),
    (PostKind::Deputy, "副局长"),
    (PostKind::Deputy, "副局长"),
    (PostKind::Member, "党组成员"),
];

fn at<T>(i: usize, value: T) -> Located<T> {
    Located {
        row: i as u32 + 2,
        value,
    }
}

/// `cadres` cadres over `teams` units of five posts each; five appointments per cadre.
pub fn province(cadres: usize, teams: usize) -> Roster {
    let mut rng = Rng::new(2026);
    let mut r = Roster::default();
    r.units.push(at(
        0,
        unit("P", "省委", None, "市委", UnitSystem::Other, false),
    ));
    for u in 0..teams {
        let system = match rng.below(20) {
            0 => UnitSystem::Discipline,
            1 => UnitSystem::Organization,
            2 => UnitSystem::Law,
            _ => UnitSystem::Other,
        };
        let category = CATEGORIES[(u * 7 / 3) % CATEGORIES.len()];
        let code = format!("U{u:05}");
        r.units.push(at(
            u + 1,
            unit(
                &code,
                &format!("单位{u}"),
                Some("P"),
                category,
                system,
                rng.chance(10),
            ),
        ));
        for (k, (kind, title)) in KINDS.iter().enumerate() {
            r.posts.push(at(
                r.posts.len(),
                Post {
                    code: format!("{code}-{k}"),
                    unit_code: code.clone(),
                    team: String::new(),
                    title: (*title).into(),
                    kind: *kind,
                    seats: 1,
                    level: None,
                },
            ));
        }
    }
    let posts = r.posts.len() as u64;
    for i in 0..cadres {
        let mut p = new_person(&mut rng, i as u32, Date::constant(2026, 1, 1));
        p.cadre.id_number = synthesize(
            320_000 + (i / 500) as u32,
            p.cadre.birth_date,
            (i % 500) as u32,
            p.cadre.gender,
        );
        let id = p.cadre.id_number.clone();
        // Five posts one after the other from a start between 1996 and 2012; the last one
        // is held still by four in five cadres.
        let mut start = make_date(1996 + rng.below(17) as i64, 1 + rng.below(12) as i64, 1)
            .unwrap_or(Date::constant(2000, 1, 1));
        let mut post = rng.below(posts);
        for k in 0..5 {
            let years = 1 + rng.below(6) as i16;
            let end = banzi_domain::date::add_years(start, years);
            let last = k == 4;
            let end = (!last || rng.chance(20)).then_some(end);
            let code = r.posts[post as usize].value.code.clone();
            let manner = *rng.pick(&[
                Manner::Appointed,
                Manner::Elected,
                Manner::Exchange,
                Manner::OutsideExchange,
                Manner::Competition,
                Manner::Secondment,
            ]);
            r.appointments.push(at(
                r.appointments.len(),
                Appointment {
                    id_number: id.clone(),
                    post_code: code.clone(),
                    start,
                    end,
                    manner: Some(manner),
                    doc_no: String::new(),
                },
            ));
            if last && end.is_none() && rng.chance(25) {
                r.portfolios.push(at(
                    r.portfolios.len(),
                    Portfolio {
                        id_number: id.clone(),
                        post_code: code,
                        work: (*rng.pick(&["财务", "人事", "项目建设", "党建"])).into(),
                        start,
                        end: None,
                    },
                ));
            }
            if let Some(e) = end {
                start = e.saturating_add(jiff::Span::new().days(rng.below(3) as i64));
            }
            post = (post + 1 + rng.below(97)) % posts;
        }
        r.trainings.push(at(
            i,
            Training {
                id_number: id,
                name: "专业化能力提升班".into(),
                kind: TrainingKind::Professional,
                start: make_date(2020 + rng.below(7) as i64, 1 + rng.below(12) as i64, 1)
                    .unwrap_or(Date::constant(2024, 1, 1)),
                end: None,
                hours: Some(32.0),
            },
        ));
        r.cadres.push(at(i, p.cadre));
    }
    r
}

fn unit(
    code: &str,
    name: &str,
    parent: Option<&str>,
    category: &str,
    system: UnitSystem,
    non_cpc: bool,
) -> Unit {
    Unit {
        code: code.into(),
        name: name.into(),
        parent_code: parent.map(Into::into),
        category: category.into(),
        platform: "综合".into(),
        system,
        non_cpc_required: non_cpc,
    }
}
