//! The forms of a selection case read into the store's inputs, and its record worded for the
//! timeline. A field that cannot be read is refused under its own name, in Chinese.

use super::selection::Record;
use crate::AppState;
use crate::i18n::Tr;
use banzi_domain::codes::Manner;
use banzi_domain::role::Actor;
use banzi_domain::selection::{Event, Inspection, NameVotes, VoteCount};
use banzi_domain::{Date, DomainError, FieldError, Msg, message};
use banzi_store::{CadreFilter, CaseFile, CaseInput, OpenCase, today};

/// A form as sent: every (name, value), repeated names kept.
#[derive(Debug, Clone, Default)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    pub fn new(pairs: Vec<(String, String)>) -> Fields {
        Fields(pairs)
    }

    /// The first value of `name`, trimmed; empty when absent.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.trim())
    }

    /// Every value of `name`.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .collect()
    }

    pub fn checked(&self, name: &str) -> bool {
        !self.get(name).is_empty()
    }
}

/// Reads fields, gathering every problem.
#[derive(Default)]
struct Reader(Vec<FieldError>);

impl Reader {
    fn date(&mut self, f: &Fields, name: &str) -> Date {
        let text = f.get(name);
        if text.is_empty() {
            return today();
        }
        banzi_domain::date::parse(text).unwrap_or_else(|m| {
            self.0.push(FieldError::new(name, m));
            today()
        })
    }

    fn number(&mut self, f: &Fields, name: &str) -> u32 {
        let text = f.get(name);
        text.parse().unwrap_or_else(|_| {
            self.0.push(FieldError::new(
                name,
                message!("web-selection-not-a-number", text = text.to_string()),
            ));
            0
        })
    }

    fn id(&mut self, f: &Fields, name: &str) -> i64 {
        f.get(name).parse().unwrap_or_else(|_| {
            self.0
                .push(FieldError::new(name, Msg::new("web-selection-choose")));
            0
        })
    }

    fn done<T>(self, v: T) -> Result<T, DomainError> {
        if self.0.is_empty() {
            Ok(v)
        } else {
            Err(DomainError::Invalid(self.0))
        }
    }
}

/// 动议.
pub fn opening(f: &Fields) -> Result<OpenCase, DomainError> {
    let mut r = Reader::default();
    let o = OpenCase {
        batch: f.get("batch").parse().ok(),
        post_code: f.get("post").to_string(),
        places: r.number(f, "places"),
        reason: f.get("reason").to_string(),
        scope: f.get("scope").to_string(),
        conditions: f.get("conditions").to_string(),
        contested: f.checked("contested"),
        on: r.date(f, "on"),
    };
    if o.post_code.is_empty() {
        r.0.push(FieldError::new("post", Msg::new("web-selection-choose")));
    }
    r.done(o)
}

/// Names with counts, one per line: `赵敏 18` (a name alone counts 1).
fn names(text: &str) -> Vec<NameVotes> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| match l.rsplit_once([' ', '\u{3000}', '\t']) {
            Some((name, n)) if n.trim().parse::<u32>().is_ok() => NameVotes {
                name: name.trim().to_string(),
                votes: n.trim().parse().unwrap_or(0),
            },
            _ => NameVotes {
                name: l.to_string(),
                votes: 1,
            },
        })
        .collect()
}

/// The cadre a 提名 names: by ID number, or by a name only one cadre has.
async fn cadre_named(s: &AppState, actor: &Actor, text: &str) -> Result<i64, DomainError> {
    if text.is_empty() {
        return Err(DomainError::invalid(
            "cadre",
            Msg::new("web-selection-choose"),
        ));
    }
    let filter = CadreFilter {
        q: Some(text.to_string()),
        today: banzi_domain::date::iso(today()),
        per_page: 5,
        ..Default::default()
    };
    let (rows, _) = s.store.search_cadres(actor, &filter).await?;
    let exact: Vec<_> = rows
        .iter()
        .filter(|r| r.name == text || r.id_number.eq_ignore_ascii_case(text))
        .collect();
    match exact.as_slice() {
        [one] => Ok(one.id),
        [] => Err(DomainError::invalid(
            "cadre",
            message!("web-selection-no-cadre", text = text.to_string()),
        )),
        _ => Err(DomainError::invalid(
            "cadre",
            message!("web-selection-same-name", text = text.to_string()),
        )),
    }
}

/// The counts of the vote form: for each candidate `yes_{id}`, `no_{id}`, `abstain_{id}`,
/// keyed once (`…`) and again (`…2`).
fn counts(f: &Fields, r: &mut Reader, second: bool) -> Vec<VoteCount> {
    let suffix = if second { "2" } else { "" };
    f.all("candidate")
        .into_iter()
        .filter_map(|c| c.parse::<i64>().ok())
        .map(|c| VoteCount {
            candidate: c,
            yes: r.number(f, &format!("yes_{c}{suffix}")),
            no: r.number(f, &format!("no_{c}{suffix}")),
            abstain: r.number(f, &format!("abstain_{c}{suffix}")),
        })
        .collect()
}

/// The input of the form `action`.
pub async fn input(
    s: &AppState,
    actor: &Actor,
    action: &str,
    f: &Fields,
) -> Result<CaseInput, DomainError> {
    let mut r = Reader::default();
    let on = r.date(f, "on");
    let text = |name: &str| f.get(name).to_string();
    let input = match action {
        "meeting" => CaseInput::Meeting {
            on,
            session: r.id(f, "session"),
        },
        "talks" => CaseInput::Talks {
            on,
            talked_to: r.number(f, "talked_to"),
            scope: text("scope"),
            summary: text("summary"),
            names: names(f.get("names")),
        },
        "organization" => CaseInput::Organization {
            on,
            names: names(f.get("names")).into_iter().map(|n| n.name).collect(),
            note: text("note"),
        },
        "nominate" => CaseInput::Nominate {
            on,
            cadre: cadre_named(s, actor, f.get("cadre")).await?,
        },
        "shortlist" => CaseInput::Shortlist {
            on,
            candidates: f
                .all("candidate")
                .into_iter()
                .filter_map(|c| c.parse().ok())
                .collect(),
        },
        "inspect" => CaseInput::Inspect {
            on,
            candidate: r.id(f, "candidate"),
            work_circle: text("work_circle"),
            life_circle: text("life_circle"),
            political: std::array::from_fn(|i| f.get(&format!("political_{i}")).to_string()),
            personal_matters: text("personal_matters"),
            file_review: text("file_review"),
        },
        "opinion" => CaseInput::Opinion {
            on,
            candidate: r.id(f, "candidate"),
            veto: f.get("veto") == "veto",
            text: text("text"),
        },
        "objection" => CaseInput::Objection {
            on,
            candidate: r.id(f, "candidate"),
            serious: f.checked("serious"),
            text: text("text"),
        },
        "verify" => CaseInput::Verify {
            on,
            objection: r.number(f, "objection"),
            upheld: f.get("upheld") == "yes",
            finding: text("finding"),
        },
        "vote" => {
            let ballot = f.get("session").parse().ok();
            let members = r.number(f, "members");
            let present = if ballot.is_some() && f.get("present").is_empty() {
                0
            } else {
                r.number(f, "present")
            };
            let (first, second) = if ballot.is_some() {
                (Vec::new(), None)
            } else {
                (counts(f, &mut r, false), Some(counts(f, &mut r, true)))
            };
            CaseInput::Vote {
                on,
                members,
                present,
                counts: first,
                second_keying: second,
                ballot,
            }
        }
        "publicity" => CaseInput::Publicity {
            on,
            candidate: r.id(f, "candidate"),
        },
        "appoint" => CaseInput::Appoint {
            on,
            candidate: r.id(f, "candidate"),
            document_no: text("document_no"),
            manner: Manner::parse(f.get("manner")).unwrap_or(Manner::Appointed),
            ending: f
                .all("ending")
                .into_iter()
                .filter_map(|a| a.parse().ok())
                .collect(),
        },
        "withdraw" => CaseInput::Withdraw {
            on,
            candidate: r.id(f, "candidate"),
            reason: text("reason"),
        },
        "correct" => {
            let of = r.number(f, "of").saturating_sub(1);
            CaseInput::Correct {
                on,
                of,
                reason: text("reason"),
                event: corrected(f, &mut r),
            }
        }
        _ => {
            return Err(DomainError::NotFound(message!(
                "web-selection-no-action",
                action = action.to_string()
            )));
        }
    };
    r.done(input)
}

/// The corrected text of an inspection (the one record type whose correction the page offers
/// a form for; the others are corrected by the same command from the CLI or a later page).
fn corrected(f: &Fields, r: &mut Reader) -> Event {
    Event::Inspected(Inspection {
        on: r.date(f, "inspected_on"),
        candidate: r.id(f, "candidate"),
        work_circle: f.get("work_circle").to_string(),
        life_circle: f.get("life_circle").to_string(),
        political: std::array::from_fn(|i| f.get(&format!("political_{i}")).to_string()),
        personal_matters: f.get("personal_matters").to_string(),
        file_review: f.get("file_review").to_string(),
        file_findings: 0,
    })
}

/// The record of a case, as the timeline shows it: each row with when it was recorded
/// (Beijing time), by whom, what, on which day, and what it says.
pub fn timeline(tr: &Tr, file: &CaseFile) -> Vec<Record> {
    let name = |id: i64| {
        file.case
            .candidate(id)
            .map(|c| c.person.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let corrected: Vec<u32> = file
        .events
        .iter()
        .filter_map(|r| match r.event() {
            Ok(Event::Corrected { of, .. }) => Some(of),
            _ => None,
        })
        .collect();
    let mut index = 0u32;
    file.events
        .iter()
        .map(|row| {
            let event = row.event().ok();
            let is_record = !matches!(event, Some(Event::Corrected { .. }));
            let this = index;
            if is_record {
                index += 1;
            }
            let detail = event
                .as_ref()
                .map_or(String::new(), |e| describe(tr, e, &name));
            Record {
                seq: row.seq,
                at: crate::auth::beijing(&row.at),
                actor: row.actor.clone(),
                kind: tr.t(&format!("selection.event_{}", row.kind)).to_string(),
                on: event
                    .as_ref()
                    .map_or(String::new(), |e| banzi_domain::date::iso(e.on())),
                detail,
                corrected: is_record && corrected.contains(&this),
            }
        })
        .collect()
}

/// What one event says, in the reader's language.
fn describe(tr: &Tr, e: &Event, name: &dyn Fn(i64) -> String) -> String {
    let list = |v: &[NameVotes]| {
        v.iter()
            .map(|n| format!("{} {}", n.name, n.votes))
            .collect::<Vec<_>>()
            .join(tr.t("p.list"))
    };
    let m = match e {
        Event::Initiated(i) => message!(
            "sel-summary-initiated",
            post = format!("{} {}", i.post.unit_name, i.post.title),
            places = i.places,
            reason = i.reason.clone()
        ),
        Event::MeetingRecommendation {
            title,
            attended,
            votes,
            ..
        } => message!(
            "sel-summary-meeting",
            title = title.clone(),
            attended = *attended,
            votes = list(votes)
        ),
        Event::TalkRecommendation {
            talked_to,
            summary,
            names,
            ..
        } => message!(
            "sel-summary-talks",
            talked_to = *talked_to,
            names = list(names),
            summary = summary.clone()
        ),
        Event::OrganizationRecommendation { names, note, .. } => message!(
            "sel-summary-organization",
            names = names.join(tr.t("p.list")),
            note = note.clone()
        ),
        Event::Nominated { candidate, .. } => {
            message!("sel-summary-nominated", name = candidate.name.clone())
        }
        Event::Shortlisted { candidates, .. } => message!(
            "sel-summary-shortlisted",
            names = candidates
                .iter()
                .map(|c| name(*c))
                .collect::<Vec<_>>()
                .join(tr.t("p.list"))
        ),
        Event::Inspected(i) => message!(
            "sel-summary-inspected",
            name = name(i.candidate),
            findings = i.file_findings
        ),
        Event::IntegrityOpinion {
            candidate,
            veto,
            text,
            ..
        } => message!(
            "sel-summary-opinion",
            name = name(*candidate),
            veto = if *veto { "yes" } else { "no" },
            text = text.clone()
        ),
        Event::ObjectionReceived {
            candidate,
            serious,
            text,
            ..
        } => message!(
            "sel-summary-objection",
            name = name(*candidate),
            serious = if *serious { "yes" } else { "no" },
            text = text.clone()
        ),
        Event::ObjectionVerified {
            objection,
            upheld,
            finding,
            ..
        } => message!(
            "sel-summary-verified",
            number = *objection,
            upheld = if *upheld { "yes" } else { "no" },
            finding = finding.clone()
        ),
        Event::CommitteeVoted {
            members,
            present,
            counts,
            ..
        } => message!(
            "sel-summary-voted",
            members = *members,
            present = *present,
            counts = counts
                .iter()
                .map(|c| format!("{} {}/{}/{}", name(c.candidate), c.yes, c.no, c.abstain))
                .collect::<Vec<_>>()
                .join(tr.t("p.list"))
        ),
        Event::PublicityOpened {
            candidate,
            last_day,
            allowed_from,
            ..
        } => message!(
            "sel-summary-publicity",
            name = name(*candidate),
            last = *last_day,
            allowed = *allowed_from
        ),
        Event::Appointed {
            candidate,
            document_no,
            probation_until,
            ..
        } => match probation_until {
            Some(p) => message!(
                "sel-summary-appointed-probation",
                name = name(*candidate),
                document = document_no.clone(),
                until = *p
            ),
            None => message!(
                "sel-summary-appointed",
                name = name(*candidate),
                document = document_no.clone()
            ),
        },
        Event::Withdrawn {
            candidate, reason, ..
        } => message!(
            "sel-summary-withdrawn",
            name = name(*candidate),
            reason = reason.clone()
        ),
        Event::Corrected { of, reason, .. } => message!(
            "sel-summary-corrected",
            number = *of + 1,
            reason = reason.clone()
        ),
    };
    tr.msg(&m)
}
