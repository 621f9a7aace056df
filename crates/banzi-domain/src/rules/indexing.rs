//! Building [`Facts`] from the registry's rows: sorting by code, then joining the runs
//! (`joining`).

use super::facts::{ApptF, CadreF, Facts, PortF, PostF, Span, TeamF, UnitF};
use super::joining::{join_portfolios, join_runs};
use super::keys::{FxMap, Interner, Ranks, day_key, set_spans};
use super::rows::{AppointmentRow, CadreRow, PortfolioRow, Rows, TrainingRow};
use super::texts::{Text, Texts};
use crate::codes::{Manner, TrainingKind, UnitSystem};
use crate::date::Date;
use crate::roster::Roster;

/// An appointment row while indexing: cadre, post, start, end, 任职方式.
type Row = (u32, u32, Date, Option<Date>, Option<Manner>);

fn is_township(category: &str) -> bool {
    matches!(
        category.trim(),
        "乡镇(街道)" | "乡镇（街道）" | "乡镇" | "街道"
    )
}

impl Facts {
    /// Indexes a roster with the default joining gap: once per load; [`super::evaluate`]
    /// then runs on it for any date (and joins again if its parameters' gap differs).
    pub fn new(r: &Roster) -> Facts {
        Facts::from_rows(Rows::from_roster(r), super::Params::default().join_gap_days)
    }

    /// Indexes the registry's rows (see [`Rows`]), whose texts move into the facts;
    /// appointments and portfolios are joined with `join_gap_days`
    /// ([`super::Params::join_gap_days`]).
    pub fn from_rows(rows: Rows, join_gap_days: u32) -> Facts {
        let Rows {
            units: unit_rows,
            posts: post_rows,
            cadres: cadre_rows,
            appointments,
            portfolios,
            trainings,
            texts,
        } = rows;
        let text = |t: Text| texts.get(t);
        // Codes in order: units and posts beside the cadres, the most of them.
        let ((unit_ix, post_ix), cadre_ix) = both(
            cadre_rows.len() >= 50_000,
            || {
                let units = Ranks::by_code(unit_rows.len(), |i| Some(text(unit_rows[i].code)));
                // A post of a unit the registry does not have is left out.
                let posts = Ranks::by_code(post_rows.len(), |i| {
                    units.of(post_rows[i].unit)?;
                    Some(text(post_rows[i].code))
                });
                (units, posts)
            },
            || Ranks::by_code(cadre_rows.len(), |i| Some(text(cadre_rows[i].id))),
        );
        let root = unit_ix
            .order
            .iter()
            .position(|&i| !unit_rows[i as usize].has_parent)
            .map(|i| i as u32);
        let mut units: Vec<UnitF> = unit_ix
            .order
            .iter()
            .map(|&i| {
                let u = &unit_rows[i as usize];
                let category = text(u.category);
                UnitF {
                    code: u.code,
                    name: u.name,
                    city_department: category.trim() == "市直单位",
                    township: is_township(category),
                    key_system: matches!(
                        u.system,
                        UnitSystem::Discipline | UnitSystem::Organization | UnitSystem::Law
                    ),
                    non_cpc_required: u.non_cpc_required,
                    teams: Span::default(),
                }
            })
            .collect();

        // Posts, by code, with their unit's rank; teams, by unit code then 班子名称.
        let post_units: Vec<u32> = post_ix
            .order
            .iter()
            .map(|&i| unit_ix.rank[post_rows[i as usize].unit as usize])
            .collect();
        let team_of = |k: usize| {
            let i = post_ix.order[k] as usize;
            (post_units[k], text(post_rows[i].team).trim())
        };
        // Each team with the 班子名称 of one of its posts (they differ at most in spaces).
        let mut team_keys: Vec<(u32, &str, Text)> = (0..post_units.len())
            .map(|k| {
                let (unit, name) = team_of(k);
                (unit, name, post_rows[post_ix.order[k] as usize].team)
            })
            .collect();
        team_keys.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        team_keys.dedup_by(|a, b| (a.0, a.1) == (b.0, b.1));
        let team_ix: FxMap<(u32, &str), u32> = team_keys
            .iter()
            .enumerate()
            .map(|(i, k)| ((k.0, k.1), i as u32))
            .collect();
        let post_teams: Vec<u32> = (0..post_units.len())
            .map(|k| team_ix.get(&team_of(k)).copied().unwrap_or(0))
            .collect();
        drop(team_ix);
        let mut teams: Vec<TeamF> = team_keys
            .iter()
            .map(|&(unit, _, name)| TeamF {
                unit,
                name,
                posts: Span::default(),
            })
            .collect();
        drop(team_keys);
        let posts: Vec<PostF> = post_ix
            .order
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let p = &post_rows[i as usize];
                let unit = post_units[k];
                PostF {
                    code: p.code,
                    title: p.title,
                    unit,
                    team: post_teams[k],
                    kind: p.kind,
                    seats: u32::try_from(p.seats.max(0)).unwrap_or(0),
                    level: p.level,
                }
            })
            .collect();
        let mut team_posts: Vec<u32> = (0..posts.len() as u32).collect();
        team_posts.sort_by_key(|&p| (posts[p as usize].team, p));
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

        // Appointments, portfolios and trainings: independent, so two threads for a province.
        let (rows, ((mut cadres, words), ports, trains)) = both(
            appointments.len() >= 50_000,
            || appointment_rows(&appointments, &cadre_ix, &post_ix),
            || {
                (
                    cadre_facts(&cadre_rows, &cadre_ix.order, &texts),
                    portfolio_rows(portfolios, &cadre_ix, &post_ix, &texts),
                    training_rows(&trainings, &cadre_ix),
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
                manner,
                run_start: start,
                run_manner: manner,
                team_start: start,
                team_manner: manner,
            })
            .collect();
        set_spans(rows.iter().map(|x| x.0), |c, s| {
            cadres[c as usize].appts = s
        });
        set_spans(ports.iter().map(|x| x.0), |c, s| {
            cadres[c as usize].portfolios = s
        });
        let mut portfolios: Vec<PortF> = ports.into_iter().map(|x| x.1).collect();
        let new_runs = join_runs(&mut cadres, &mut appts, &posts, &units, join_gap_days);
        join_portfolios(&cadres, &mut portfolios, &posts, &texts, join_gap_days);
        let (pro, all_hours) = trains;
        set_spans(pro.iter().map(|x| x.0), |c, s| {
            cadres[c as usize].trainings = s
        });
        let pro_trainings = pro.into_iter().map(|x| x.1).collect();
        set_spans(all_hours.iter().map(|x| x.0), |c, s| {
            cadres[c as usize].hours = s
        });
        let hours = all_hours.into_iter().map(|x| (x.1, x.2)).collect();

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
            hours,
            join_gap_days,
            texts,
        }
    }
}

/// Appointments as (cadre, post, start, end, 任职方式), by cadre, post and start (rows equal
/// in all three, which overlap and so cannot be registered, keep their order). Grouped by
/// cadre with a counting sort, then each cadre's few rows sorted.
fn appointment_rows(appointments: &[AppointmentRow], cadres: &Ranks, posts: &Ranks) -> Vec<Row> {
    let resolve = |a: &AppointmentRow| Some((cadres.of(a.cadre)?, posts.of(a.post)?));
    let mut from = vec![0u32; cadres.order.len() + 1];
    for a in appointments {
        if let Some((c, _)) = resolve(a) {
            from[c as usize + 1] += 1;
        }
    }
    for i in 1..from.len() {
        from[i] += from[i - 1];
    }
    let placeholder: Row = (0, 0, Date::ZERO, None, None);
    let mut rows: Vec<Row> = vec![placeholder; from.last().map_or(0, |&n| n as usize)];
    let mut next = from.clone();
    for a in appointments {
        if let Some((c, p)) = resolve(a) {
            let at = &mut next[c as usize];
            rows[*at as usize] = (c, p, a.start, a.end, a.manner);
            *at += 1;
        }
    }
    for w in from.windows(2) {
        rows[w[0] as usize..w[1] as usize].sort_by_key(|x| (x.1, day_key(x.2)));
    }
    rows
}

/// Portfolios with their cadre, by cadre, post, start and work (equal ones keep their order).
fn portfolio_rows(
    portfolios: Vec<PortfolioRow>,
    cadres: &Ranks,
    posts: &Ranks,
    texts: &Texts,
) -> Vec<(u32, PortF)> {
    let mut ports: Vec<(u32, PortF)> = portfolios
        .into_iter()
        .filter_map(|p| {
            let c = cadres.of(p.cadre)?;
            let post = posts.of(p.post)?;
            Some((
                c,
                PortF {
                    post,
                    work: p.work,
                    start: p.start,
                    end: p.end,
                    run_start: p.start,
                },
            ))
        })
        .collect();
    ports.sort_by(|a, b| {
        let key = |x: &(u32, PortF)| (x.0, x.1.post, x.1.start, texts.get(x.1.work));
        key(a).cmp(&key(b))
    });
    ports
}

/// Start dates of 专业化能力 trainings with their cadre, by cadre and start; and every
/// training with hours, its start and hours in tenths, by cadre and start (R-TRAIN-1).
#[allow(clippy::type_complexity)]
fn training_rows(
    trainings: &[TrainingRow],
    cadres: &Ranks,
) -> (Vec<(u32, Date)>, Vec<(u32, Date, u32)>) {
    let mut trains: Vec<(u32, Date)> = trainings
        .iter()
        .filter(|t| t.kind == TrainingKind::Professional)
        .filter_map(|t| Some((cadres.of(t.cadre)?, t.start)))
        .collect();
    trains.sort_unstable_by_key(|&(c, d)| (c, day_key(d)));
    let mut hours: Vec<(u32, Date, u32)> = trainings
        .iter()
        .filter(|t| t.hours_tenths > 0)
        .filter_map(|t| Some((cadres.of(t.cadre)?, t.start, t.hours_tenths)))
        .collect();
    hours.sort_unstable_by_key(|&(c, d, _)| (c, day_key(d)));
    (trains, hours)
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

/// The cadres' facts in the order given (positions in `rows`), their free-text fields
/// interned (the blank word first).
fn cadre_facts(rows: &[CadreRow], order: &[u32], texts: &Texts) -> (Vec<CadreF>, Interner) {
    let mut words = Interner::default();
    words.get("");
    let cadres = order
        .iter()
        .map(|&i| {
            let c = &rows[i as usize];
            CadreF {
                id: c.id,
                name: c.name,
                gender: c.gender,
                birth: c.birth,
                party: c.party,
                ethnicity: words.get(texts.get(c.ethnicity).trim()),
                profession: words.get(texts.get(c.profession).trim()),
                rank: words.get(texts.get(c.rank).trim()),
                ft_education: c.ft_education,
                pt_education: c.pt_education,
                appts: Span::default(),
                portfolios: Span::default(),
                trainings: Span::default(),
                hours: Span::default(),
                grassroots_from: None,
            }
        })
        .collect();
    (cadres, words)
}
