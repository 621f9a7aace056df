//! What the next step of a case requires, each item met or not, so the case page shows it
//! before anyone tries the step (issue 17, item 6). The guards of [`super::handle`] decide;
//! this only reads the case as they do.

use super::Case;
use super::case::{Candidate, Status, Step};
use crate::Date;
use crate::date::epoch_day;
use crate::message;
use crate::msg::Msg;
use crate::rules::Params;

/// One precondition of the next step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub rule: &'static str,
    pub msg: Msg,
    pub met: bool,
}

fn item(rule: &'static str, met: bool, msg: Msg) -> Item {
    Item { rule, msg, met }
}

/// The preconditions of the case's next step on `today`.
pub fn checklist(case: &Case, p: &Params, today: Date) -> Vec<Item> {
    let mut out = Vec::new();
    let live: Vec<&Candidate> = case.shortlisted().collect();
    match case.step() {
        Step::Recommendation => out.push(item(
            "R-SEL-1",
            !(case.meetings.is_empty() && case.talks.is_empty()),
            Msg::new("sel-check-recommended"),
        )),
        Step::Shortlist => {
            let latest = case.meetings.iter().chain(&case.talks).map(|r| r.on).max();
            let age = latest.map(|d| i64::from(epoch_day(today) - epoch_day(d)));
            out.push(item(
                "R-SEL-1",
                age.is_some_and(|a| a <= i64::from(p.recommend_valid_days)),
                message!(
                    "sel-check-recommendation-valid",
                    days = age.unwrap_or(0),
                    valid = p.recommend_valid_days
                ),
            ));
            let nominated = case
                .candidates
                .iter()
                .filter(|c| c.status == Status::Nominated)
                .count();
            let need = case
                .initiation
                .as_ref()
                .map_or(1, |i| super::command::shortlist_need(i, p));
            out.push(item(
                "R-SEL-2",
                nominated as u64 >= u64::from(need),
                message!("sel-check-nominated", need = need, have = nominated),
            ));
        }
        Step::Inspection | Step::Integrity | Step::Decision => {
            for c in &live {
                let name = c.person.name.clone();
                out.push(item(
                    "R-SEL-3",
                    c.inspection.is_some(),
                    message!("sel-check-inspected", name = name.clone()),
                ));
                out.push(item(
                    "R-SEL-7",
                    c.opinion.is_some_and(|(veto, _)| !veto),
                    message!("sel-check-opinion", name = name.clone()),
                ));
                let open = open_objections(case, c, true);
                out.push(item(
                    "R-SEL-8",
                    open == 0,
                    message!("sel-check-objections", name = name, count = open),
                ));
            }
        }
        Step::Publicity => {
            for c in live.iter().filter(|c| c.status == Status::Passed) {
                out.push(item(
                    "R-SEL-9",
                    false,
                    message!("sel-check-publicity", name = c.person.name.clone()),
                ));
            }
        }
        Step::Appointment => {
            for c in live.iter().filter(|c| c.status == Status::Publicity) {
                let name = c.person.name.clone();
                let allowed = c.publicity.map(|(_, _, a)| a);
                out.push(item(
                    "R-SEL-9",
                    allowed.is_some_and(|a| a <= today),
                    message!(
                        "sel-check-publicity-over",
                        name = name.clone(),
                        allowed = allowed.unwrap_or(today)
                    ),
                ));
                let open = open_objections(case, c, false);
                out.push(item(
                    "R-SEL-9",
                    open == 0,
                    message!("sel-check-objections", name = name, count = open),
                ));
            }
        }
        Step::Done | Step::Stopped => {}
    }
    out
}

/// Objections about `c` not yet verified (serious ones only, when `serious`).
fn open_objections(case: &Case, c: &Candidate, serious: bool) -> usize {
    case.objections
        .iter()
        .filter(|o| o.candidate == c.person.cadre && o.verified.is_none())
        .filter(|o| !serious || o.serious)
        .count()
}
