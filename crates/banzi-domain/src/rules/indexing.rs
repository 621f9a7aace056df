//! Building [`Facts`] from a roster: sorting by code, hashing keys once, joining runs.

use super::facts::{ApptF, CadreF, Facts, PortF, PostF, Span, TeamF, UnitF};
use super::keys::{FxMap, Index, Interner, Lookup, by_code, set_spans};
use super::messages::{post_title, team_title};
use crate::codes::{Manner, PostKind, TrainingKind, UnitSystem};
use crate::date::Date;
use crate::registry::Cadre;
use crate::roster::Roster;

/// An appointment row while indexing: cadre, post, start, end, 任职方式.
type Row = (u32, u32, Date, Option<Date>, Option<Manner>);

/// Whether a period starting on `next` joins one ending on `end` (at most one day later).
pub(crate) fn joins(end: Option<Date>, next: Date) -> bool {
    match end {
        None => true,
        Some(e) => e.tomorrow().map(|t| next <= t).unwrap_or(true),
    }
}

/// Joined-run starts of periods sorted by start: `out[i]` is where period `i`'s run begins.
fn run_starts(periods: &[(Date, Option<Date>)], out: &mut Vec<Date>) {
    out.clear();
    let mut run: Option<(Date, Option<Date>)> = None;
    for &(start, end) in periods {
        run = match run {
            Some((s, e)) if joins(e, start) => Some((s, e.zip(end).map(|(a, b)| a.max(b)))),
            _ => Some((start, end)),
        };
        out.push(run.map_or(start, |r| r.0));
    }
}

fn is_township(category: &str) -> bool {
    matches!(
        category.trim(),
        "乡镇(街道)" | "乡镇（街道）" | "乡镇" | "街道"
    )
}

impl Facts {
    /// Indexes a roster: once per load; [`super::evaluate`] then runs on it for any date.
    pub fn new(r: &Roster) -> Facts {
        let mut words = Interner::default();
        words.get("");

        // Units, by code.
        let unit_rows = by_code(r.units.iter().map(|u| &u.value).collect(), |u| &u.code);
        let unit_ix = Index::new(unit_rows.iter().map(|u| u.code.as_str()));
        let mut units: Vec<UnitF> = unit_rows
            .iter()
            .map(|u| UnitF {
                code: u.code.clone(),
                name: u.name.clone(),
                city_department: u.category.trim() == "市直单位",
                township: is_township(&u.category),
                key_system: matches!(
                    u.system,
                    UnitSystem::Discipline | UnitSystem::Organization | UnitSystem::Law
                ),
                non_cpc_required: u.non_cpc_required,
                teams: Span::default(),
            })
            .collect();
        let root = unit_rows
            .iter()
            .position(|u| u.parent_code.is_none())
            .map(|i| i as u32);

        // Posts, by code; teams, by unit code then 班子名称.
        let post_rows = by_code(
            r.posts
                .iter()
                .map(|p| &p.value)
                .filter_map(|p| unit_ix.get(&p.unit_code).map(|u| (p, u)))
                .collect(),
            |(p, _)| &p.code,
        );
        let mut team_keys: Vec<(u32, &str)> =
            post_rows.iter().map(|(p, u)| (*u, p.team.trim())).collect();
        team_keys.sort_unstable();
        team_keys.dedup();
        let team_ix: FxMap<(u32, &str), u32> = team_keys
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i as u32))
            .collect();
        let posts: Vec<PostF> = post_rows
            .iter()
            .map(|(p, u)| PostF {
                code: p.code.clone(),
                full_name: post_title(&units[*u as usize].name, &p.title),
                unit: *u,
                team: team_ix.get(&(*u, p.team.trim())).copied().unwrap_or(0),
                kind: p.kind,
                seats: u32::try_from(p.seats.max(0)).unwrap_or(0),
            })
            .collect();
        let mut team_posts: Vec<u32> = (0..posts.len() as u32).collect();
        team_posts.sort_by_key(|&p| (posts[p as usize].team, p));
        let mut teams: Vec<TeamF> = team_keys
            .iter()
            .map(|&(unit, name)| TeamF {
                unit,
                name: name.to_string(),
                full_name: team_title(&units[unit as usize].name, name),
                posts: Span::default(),
            })
            .collect();
        for (i, &p) in team_posts.iter().enumerate() {
            let t = &mut teams[posts[p as usize].team as usize];
            if t.posts.hi == 0 {
                t.posts.lo = i as u32;
            }
            t.posts.hi = i as u32 + 1;
        }
        for (i, t) in teams.iter().enumerate() {
            let u = &mut units[t.unit as usize];
            if u.teams.hi == 0 {
                u.teams.lo = i as u32;
            }
            u.teams.hi = i as u32 + 1;
        }
        let post_ix = Index::new(posts.iter().map(|p| p.code.as_str()));

        // Cadres, by 身份证号.
        let cadre_rows = by_code(r.cadres.iter().map(|c| &c.value).collect(), |c| {
            c.id_number.as_str()
        });
        let cadre_ix = Index::new(cadre_rows.iter().map(|c| c.id_number.as_str()));

        // Appointments, portfolios and trainings: independent, so two threads for a province.
        let (rows, (mut cadres, ports, trains)) = both(
            r.appointments.len() >= 50_000,
            || appointment_rows(r, &cadre_ix, &post_ix),
            || {
                (
                    cadre_facts(&cadre_rows, &mut words),
                    portfolio_rows(r, &cadre_ix, &post_ix),
                    training_rows(r, &cadre_ix),
                )
            },
        );
        let mut secondments: Vec<Date> = rows
            .iter()
            .filter(|x| x.4 == Some(Manner::Secondment))
            .map(|x| x.2)
            .collect();
        secondments.sort_unstable();
        let mut appts: Vec<ApptF> = rows
            .iter()
            .map(|&(_, post, start, end, manner)| ApptF {
                post,
                start,
                end,
                run_start: start,
                run_manner: manner,
                team_start: start,
                level_start: start,
            })
            .collect();
        set_spans(rows.iter().map(|x| x.0), |c, s| {
            cadres[c as usize].appts = s
        });
        let new_runs = join_runs(&mut cadres, &mut appts, &posts, &units);
        set_spans(ports.iter().map(|x| x.0), |c, s| {
            cadres[c as usize].portfolios = s
        });
        let portfolios = ports.into_iter().map(|x| x.1).collect();
        set_spans(trains.iter().map(|x| x.0), |c, s| {
            cadres[c as usize].trainings = s
        });
        let pro_trainings = trains.into_iter().map(|x| x.1).collect();

        Facts {
            units,
            teams,
            team_posts,
            posts,
            cadres,
            appts,
            portfolios,
            pro_trainings,
            secondments,
            new_runs,
            words: words.words,
            root,
        }
    }
}

/// Appointments as (cadre, post, start, end, 任职方式), by cadre, post and start.
fn appointment_rows(r: &Roster, cadres: &Index, posts: &Index) -> Vec<Row> {
    let (mut cadre_of, mut post_of) = (Lookup::new(cadres), Lookup::new(posts));
    let mut rows: Vec<Row> = r
        .appointments
        .iter()
        .filter_map(|a| {
            let a = &a.value;
            let c = cadre_of.get(a.id_number.as_str())?;
            let p = post_of.get(a.post_code.as_str())?;
            Some((c, p, a.start, a.end, a.manner))
        })
        .collect();
    rows.sort_unstable_by_key(|x| (x.0, x.1, x.2));
    rows
}

/// Portfolios with their cadre, by cadre, post, start and work.
fn portfolio_rows(r: &Roster, cadres: &Index, posts: &Index) -> Vec<(u32, PortF)> {
    let (mut cadre_of, mut post_of) = (Lookup::new(cadres), Lookup::new(posts));
    let mut ports: Vec<(u32, PortF)> = r
        .portfolios
        .iter()
        .filter_map(|p| {
            let p = &p.value;
            let c = cadre_of.get(p.id_number.as_str())?;
            let post = post_of.get(p.post_code.as_str())?;
            let (work, start, end) = (p.work.clone(), p.start, p.end);
            Some((
                c,
                PortF {
                    post,
                    work,
                    start,
                    end,
                },
            ))
        })
        .collect();
    ports.sort_by(|a, b| {
        (a.0, a.1.post, a.1.start, &a.1.work).cmp(&(b.0, b.1.post, b.1.start, &b.1.work))
    });
    ports
}

/// Start dates of 专业化能力 trainings with their cadre, by cadre and start (R-TRAIN-1).
fn training_rows(r: &Roster, cadres: &Index) -> Vec<(u32, Date)> {
    let mut cadre_of = Lookup::new(cadres);
    let mut trains: Vec<(u32, Date)> = r
        .trainings
        .iter()
        .filter(|t| t.value.kind == TrainingKind::Professional)
        .filter_map(|t| Some((cadre_of.get(t.value.id_number.as_str())?, t.value.start)))
        .collect();
    trains.sort_unstable();
    trains
}

/// Runs `a` and `b`, on two threads when `parallel`.
fn both<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !parallel {
        return (a(), b());
    }
    std::thread::scope(|s| {
        let second = s.spawn(b);
        let first = a();
        match second.join() {
            Ok(v) => (first, v),
            Err(e) => std::panic::resume_unwind(e),
        }
    })
}

/// Sets the joined runs of every appointment (in its post, its team and its level) and each
/// cadre's first grassroots post; returns the start of every post run with its cadre, by date.
fn join_runs(
    cadres: &mut [CadreF],
    appts: &mut [ApptF],
    posts: &[PostF],
    units: &[UnitF],
) -> Vec<(Date, u32)> {
    let mut new_runs = Vec::new();
    let mut buf: Vec<(u32, Date, Option<Date>, u32)> = Vec::new();
    let mut periods = Vec::new();
    let mut starts = Vec::new();
    for (ci, c) in cadres.iter_mut().enumerate() {
        let ours = &mut appts[c.appts.range()];
        // Runs in one post: the slice is already by post, then start.
        let mut i = 0;
        while i < ours.len() {
            let j = i + ours[i..]
                .iter()
                .take_while(|a| a.post == ours[i].post)
                .count();
            periods.clear();
            periods.extend(ours[i..j].iter().map(|a| (a.start, a.end)));
            run_starts(&periods, &mut starts);
            let mut manner = None;
            for (k, a) in ours[i..j].iter_mut().enumerate() {
                if k == 0 || starts[k] != starts[k - 1] {
                    manner = a.run_manner;
                    new_runs.push((a.start, ci as u32));
                }
                a.run_start = starts[k];
                a.run_manner = manner;
            }
            i = j;
        }
        // Runs across a team's posts (R-EXCH-2) and across one kind's posts (R-TERM-1).
        for by_team in [true, false] {
            buf.clear();
            for (k, a) in ours.iter().enumerate() {
                let p = &posts[a.post as usize];
                let key = if by_team {
                    p.team
                } else {
                    match p.kind {
                        PostKind::Principal => 0,
                        PostKind::Deputy => 1,
                        _ => continue,
                    }
                };
                buf.push((key, a.start, a.end, k as u32));
            }
            buf.sort_unstable_by_key(|x| (x.0, x.1, x.3));
            let mut i = 0;
            while i < buf.len() {
                let j = i + buf[i..].iter().take_while(|x| x.0 == buf[i].0).count();
                periods.clear();
                periods.extend(buf[i..j].iter().map(|x| (x.1, x.2)));
                run_starts(&periods, &mut starts);
                for (k, x) in buf[i..j].iter().enumerate() {
                    let a = &mut ours[x.3 as usize];
                    if by_team {
                        a.team_start = starts[k];
                    } else {
                        a.level_start = starts[k];
                    }
                }
                i = j;
            }
        }
        for a in ours.iter_mut() {
            let p = &posts[a.post as usize];
            if !matches!(p.kind, PostKind::Principal | PostKind::Deputy) {
                a.level_start = a.run_start;
            }
            if units[p.unit as usize].township {
                c.grassroots_from = Some(c.grassroots_from.map_or(a.start, |d| d.min(a.start)));
            }
        }
    }
    new_runs.sort_unstable();
    new_runs
}

/// The cadres' facts, their free-text fields interned.
fn cadre_facts(rows: &[&Cadre], words: &mut Interner) -> Vec<CadreF> {
    rows.iter()
        .map(|c| CadreF {
            id: c.id_number.to_string(),
            name: c.name.clone(),
            gender: c.gender,
            birth: c.birth_date,
            party: c.party,
            ethnicity: words.get(c.ethnicity.trim()),
            profession: words.get(c.profession.trim()),
            rank: words.get(c.rank.trim()),
            ft_education: c.ft_education,
            pt_education: c.pt_education,
            appts: Span::default(),
            portfolios: Span::default(),
            trainings: Span::default(),
            grassroots_from: None,
        })
        .collect()
}
