//! 干部选拔任用 (issue 17): a case's events are read and verified, the command decided by
//! `banzi_domain::selection::handle` on the facts the registry and the ballots hold, and
//! the events it returns appended with their audit entries in one transaction — with the
//! appointment itself when the case reaches 任职 (R-SEL-10). Nothing else writes a case.
//!
//! Who: staff run cases; the 纪检监察 reviewer reads them and gives the 廉政意见; leaders
//! read; a unit liaison sees none (R-SEC-1).

use super::need;
use crate::connect::{Store, now_rfc3339, today};
use crate::rows::{BatchRow, CaseRow};
use crate::{db, stored_date};
use banzi_domain::codes::{Manner, PostKind, PostLevel};
use banzi_domain::registry::Appointment;
use banzi_domain::role::{Actor, Role};
use banzi_domain::selection::chain::{StoredEvent, verify_case};
use banzi_domain::selection::{
    self, Case, Command, Ctx, EligibilityFacts, Event, HeldPost, Initiation, Inspection, NameVotes,
    Person, PostRef, Unmet, VoteCount, VoteSource,
};
use banzi_domain::{Date, DomainError, FieldError, IdNumber, Msg, message};

/// The unit categories whose posts count as grassroots work (R-SEL-6, see
/// `banzi_domain::selection::eligibility`).
const GRASSROOTS: [&str; 4] = ["乡镇(街道)", "乡镇（街道）", "县(市、区)", "企事业单位"];

/// A case with its record.
#[derive(Debug, Clone)]
pub struct CaseFile {
    pub row: CaseRow,
    pub case: Case,
    pub events: Vec<StoredEvent>,
}

/// 动议: what staff type to open a case.
#[derive(Debug, Clone)]
pub struct OpenCase {
    pub batch: Option<i64>,
    pub post_code: String,
    pub places: u32,
    pub reason: String,
    pub scope: String,
    pub conditions: String,
    pub contested: bool,
    pub on: Date,
}

/// What a page asks of a case; the store adds what the registry and the ballots hold.
#[derive(Debug, Clone)]
pub enum CaseInput {
    /// 会议推荐 from a closed ballot session (its first recommendation question).
    Meeting {
        on: Date,
        session: i64,
    },
    Talks {
        on: Date,
        talked_to: u32,
        scope: String,
        summary: String,
        names: Vec<NameVotes>,
    },
    Organization {
        on: Date,
        names: Vec<String>,
        note: String,
    },
    /// Names a cadre (by row id) as a candidate; R-SEL-6 is checked on the registry.
    Nominate {
        on: Date,
        cadre: i64,
    },
    Shortlist {
        on: Date,
        candidates: Vec<i64>,
    },
    /// 考察; the data check's findings for the cadre that day are counted in.
    Inspect {
        on: Date,
        candidate: i64,
        work_circle: String,
        life_circle: String,
        political: [String; 5],
        personal_matters: String,
        file_review: String,
    },
    Opinion {
        on: Date,
        candidate: i64,
        veto: bool,
        text: String,
    },
    Objection {
        on: Date,
        candidate: i64,
        serious: bool,
        text: String,
    },
    Verify {
        on: Date,
        objection: u32,
        upheld: bool,
        finding: String,
    },
    /// 常委会: counts keyed twice, or from a closed approval ballot (`ballot`).
    Vote {
        on: Date,
        members: u32,
        present: u32,
        counts: Vec<VoteCount>,
        second_keying: Option<Vec<VoteCount>>,
        ballot: Option<i64>,
    },
    Publicity {
        on: Date,
        candidate: i64,
    },
    /// 任职, ending the appointments listed (免去原职) the same day.
    Appoint {
        on: Date,
        candidate: i64,
        document_no: String,
        manner: Manner,
        ending: Vec<i64>,
    },
    Withdraw {
        on: Date,
        candidate: i64,
        reason: String,
    },
    Correct {
        on: Date,
        of: u32,
        reason: String,
        event: Event,
    },
}

/// Filters of the case board.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub batch: Option<i64>,
    pub unit: Option<String>,
    pub staff: Option<String>,
    pub step: Option<String>,
}

/// Reads cases: staff, leaders and the 纪检监察 reviewer; never a unit liaison.
fn case_reader(actor: &Actor) -> Result<(), DomainError> {
    need(
        matches!(actor.role, Role::Staff | Role::Leader | Role::Discipline),
        Msg::new("store-forbidden-selection"),
    )
}

/// Every unmet precondition, as the invalid input it is: the rule id as the field.
pub fn refused(unmet: Vec<Unmet>) -> DomainError {
    DomainError::Invalid(
        unmet
            .into_iter()
            .map(|u| FieldError::new(u.rule, u.msg))
            .collect(),
    )
}

fn not_found(id: i64) -> DomainError {
    DomainError::NotFound(message!("store-selection-no-case", id = id))
}

impl Store {
    pub async fn selection_batches(&self, actor: &Actor) -> Result<Vec<BatchRow>, DomainError> {
        case_reader(actor)?;
        on_conn!(self, |c, b| b::selection::batches(c).await)
    }

    /// A batch of 换届 or 个别调整.
    pub async fn create_selection_batch(
        &self,
        actor: &Actor,
        name: &str,
        kind: &str,
    ) -> Result<i64, DomainError> {
        need(
            actor.role == Role::Staff,
            Msg::new("store-forbidden-selection-write"),
        )?;
        let name = name.trim();
        if name.is_empty() {
            return Err(DomainError::invalid(
                "name",
                Msg::new("store-selection-batch-name"),
            ));
        }
        let kind = banzi_domain::codes::BatchKind::parse(kind)
            .map_err(|_| DomainError::invalid("kind", Msg::new("store-selection-batch-kind")))?
            .label();
        let now = now_rfc3339();
        in_tx!(self, |c, b| b::selection::insert_batch(
            c, actor, name, kind, &now
        )
        .await)
    }

    /// The cases the filter finds, newest activity first.
    pub async fn selection_cases(
        &self,
        actor: &Actor,
        f: &CaseFilter,
    ) -> Result<Vec<CaseRow>, DomainError> {
        case_reader(actor)?;
        let filters = "WHERE ($1 IS NULL OR sc.batch_id = CAST($1 AS INTEGER)) \
             AND ($2 IS NULL OR un.code = $2) AND ($3 IS NULL OR sc.staff = $3) \
             AND ($4 IS NULL OR sc.step = $4)";
        let args = [
            f.batch.map(|b| b.to_string()),
            f.unit.clone(),
            f.staff.clone(),
            f.step.clone(),
        ];
        on_conn!(self, |c, b| b::selection::cases(c, filters, &args).await)
    }

    /// A case and its record, the chain verified (a case whose record was tampered with is
    /// not shown as if it were whole).
    pub async fn selection_case(&self, actor: &Actor, id: i64) -> Result<CaseFile, DomainError> {
        case_reader(actor)?;
        let (row, rows) = on_conn!(self, |c, b| {
            let row = b::selection::case(&mut *c, id).await?;
            Ok::<_, DomainError>((row, b::selection::events(&mut *c, id).await?))
        })?;
        let row = row.ok_or_else(|| not_found(id))?;
        let events = verify_case(&self.key, id, &rows, Some(&row.head))
            .map_err(|b| DomainError::Conflict(b.msg()))?;
        Ok(CaseFile {
            case: Case::from_events(events.iter()),
            row,
            events: rows,
        })
    }

    /// 动议: a new case for a post.
    pub async fn open_selection_case(
        &self,
        actor: &Actor,
        o: &OpenCase,
    ) -> Result<i64, DomainError> {
        let post = self.post(actor, o.post_code.trim()).await?;
        let unit = self.unit(actor, &post.unit_code).await?;
        let initiation = Initiation {
            on: o.on,
            post: PostRef {
                id: post.id,
                code: post.code.clone(),
                title: post.title.clone(),
                unit_code: post.unit_code.clone(),
                unit_name: post.unit_name.clone(),
                kind: PostKind::parse(&post.kind)
                    .map_err(|_| DomainError::Internal("a stored post kind is malformed".into()))?,
                level: post.level.as_deref().and_then(|l| PostLevel::parse(l).ok()),
                department: unit.category.trim() == "市直单位",
            },
            places: o.places,
            reason: o.reason.trim().to_string(),
            scope: o.scope.trim().to_string(),
            conditions: o.conditions.trim().to_string(),
            contested: o.contested,
        };
        let events = self
            .decide(actor, &Case::default(), Command::Initiate(initiation))
            .await?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let id = b::selection::insert_case(
                &mut *c,
                o.batch,
                post.id,
                &actor.login,
                &banzi_domain::date::iso(o.on),
                &now,
            )
            .await?;
            for (row, step) in
                seal_all(&self.key, id, &Case::default(), None, &events, actor, &now)?
            {
                b::selection::append(&mut *c, actor, &row, step, &now).await?;
            }
            Ok(id)
        })
    }

    /// Decides `input` on case `id` and appends what it gives, or refuses with every unmet
    /// precondition and writes nothing.
    pub async fn selection_command(
        &self,
        actor: &Actor,
        id: i64,
        input: CaseInput,
    ) -> Result<CaseFile, DomainError> {
        let file = self.selection_case(actor, id).await?;
        let ending = match &input {
            CaseInput::Appoint { ending, .. } => ending.clone(),
            _ => Vec::new(),
        };
        let command = self.command(actor, &file.case, input).await?;
        let events = self.decide(actor, &file.case, command).await?;
        let now = now_rfc3339();
        let case = &file.case;
        let rows = seal_all(
            &self.key,
            id,
            case,
            file.events.last(),
            &events,
            actor,
            &now,
        )?;
        in_tx!(self, |c, b| {
            for e in &events {
                if let Event::Appointed {
                    on,
                    candidate,
                    document_no,
                    ..
                } = e
                {
                    let init = case.initiation.as_ref().ok_or_else(|| not_found(id))?;
                    let id_number = b::cadres::id_number_of(&mut *c, *candidate)
                        .await?
                        .ok_or_else(|| not_found(id))?;
                    let a = Appointment {
                        id_number: IdNumber::parse(&id_number).map_err(|_| {
                            DomainError::Internal("a stored ID number is malformed".into())
                        })?,
                        post_code: init.post.code.clone(),
                        start: *on,
                        end: None,
                        manner: Some(appoint_manner(&events)),
                        doc_no: document_no.clone(),
                    };
                    for old in &ending {
                        // Only the candidate's own appointments, in force that day.
                        let a = b::appointments::get(&mut *c, *old).await?;
                        let theirs = a.as_ref().is_some_and(|a| {
                            a.id_number == id_number
                                && a.end_date.is_none()
                                && stored_date(&a.start_date).is_ok_and(|s| s <= *on)
                        });
                        if !theirs {
                            return Err(DomainError::invalid(
                                "ending",
                                message!("store-selection-not-their-post", id = *old),
                            ));
                        }
                        b::appointments::end(&mut *c, actor, *old, *on, document_no, &now).await?;
                    }
                    b::appointments::insert(&mut *c, actor, &a, &now)
                        .await?
                        .ok_or_else(|| {
                            DomainError::Conflict(Msg::new("store-appointment-recorded"))
                        })?;
                    b::forms::forget_current_post(&mut *c, &id_number).await?;
                }
            }
            for (row, step) in &rows {
                b::selection::append(&mut *c, actor, row, step, &now).await?;
            }
            Ok::<_, DomainError>(())
        })?;
        self.selection_case(actor, id).await
    }

    /// The command for `input`, with what the registry, the ballots and the calendar say.
    async fn command(
        &self,
        actor: &Actor,
        case: &Case,
        input: CaseInput,
    ) -> Result<Command, DomainError> {
        Ok(match input {
            CaseInput::Meeting { on, session } => {
                let (s, t) = self.ballot_tally(actor, session).await?;
                let votes = t
                    .questions
                    .iter()
                    .find_map(|q| match &q.result {
                        banzi_domain::ballot::tally::QuestionResult::Recommend(names) => Some(
                            names
                                .iter()
                                .map(|n| NameVotes {
                                    name: n.name.clone(),
                                    votes: u32::try_from(n.votes).unwrap_or(u32::MAX),
                                })
                                .collect::<Vec<_>>(),
                        ),
                        _ => None,
                    })
                    .ok_or_else(|| {
                        DomainError::invalid(
                            "session",
                            Msg::new("store-selection-no-recommend-question"),
                        )
                    })?;
                Command::RecordMeeting {
                    on,
                    session,
                    title: s.spec.title.clone(),
                    attended: u32::try_from(t.attendees).unwrap_or(u32::MAX),
                    votes,
                }
            }
            CaseInput::Talks {
                on,
                talked_to,
                scope,
                summary,
                names,
            } => Command::RecordTalks {
                on,
                talked_to,
                scope,
                summary,
                names,
            },
            CaseInput::Organization { on, names, note } => {
                Command::RecordOrganization { on, names, note }
            }
            CaseInput::Nominate { on, cadre } => {
                let (person, facts) = self.eligibility_facts(actor, cadre).await?;
                Command::Nominate {
                    on,
                    candidate: person,
                    facts,
                }
            }
            CaseInput::Shortlist { on, candidates } => Command::Shortlist { on, candidates },
            CaseInput::Inspect {
                on,
                candidate,
                work_circle,
                life_circle,
                political,
                personal_matters,
                file_review,
            } => {
                let file_findings = self.data_check_cadre(actor, candidate, on).await?;
                Command::Inspect(Inspection {
                    on,
                    candidate,
                    work_circle,
                    life_circle,
                    political,
                    personal_matters,
                    file_review,
                    file_findings: u32::try_from(file_findings).unwrap_or(u32::MAX),
                })
            }
            CaseInput::Opinion {
                on,
                candidate,
                veto,
                text,
            } => Command::GiveOpinion {
                on,
                candidate,
                veto,
                text,
            },
            CaseInput::Objection {
                on,
                candidate,
                serious,
                text,
            } => Command::ReceiveObjection {
                on,
                candidate,
                serious,
                text,
            },
            CaseInput::Verify {
                on,
                objection,
                upheld,
                finding,
            } => Command::VerifyObjection {
                on,
                objection,
                upheld,
                finding,
            },
            CaseInput::Vote {
                on,
                members,
                present,
                counts,
                second_keying,
                ballot: Some(session),
            } => {
                let _ = (counts, second_keying);
                let (_, t) = self.ballot_tally(actor, session).await?;
                let counts = approval_counts(case, &t)?;
                Command::Vote {
                    on,
                    members,
                    present: if present == 0 {
                        u32::try_from(t.attendees).unwrap_or(u32::MAX)
                    } else {
                        present
                    },
                    source: VoteSource::Ballot { session },
                    counts,
                    second_keying: None,
                }
            }
            CaseInput::Vote {
                on,
                members,
                present,
                counts,
                second_keying,
                ballot: None,
            } => Command::Vote {
                on,
                members,
                present,
                source: VoteSource::KeyedTwice {
                    second_by: actor.login.clone(),
                },
                counts,
                second_keying,
            },
            CaseInput::Publicity { on, candidate } => Command::OpenPublicity { on, candidate },
            CaseInput::Appoint {
                on,
                candidate,
                document_no,
                manner,
                ending: _,
            } => {
                let (_, facts) = self.eligibility_facts(actor, candidate).await?;
                Command::Appoint {
                    on,
                    candidate,
                    document_no,
                    manner,
                    facts,
                }
            }
            CaseInput::Withdraw {
                on,
                candidate,
                reason,
            } => Command::Withdraw {
                on,
                candidate,
                reason,
            },
            CaseInput::Correct {
                on,
                of,
                reason,
                mut event,
            } => {
                // The data check's count is the store's, not typed: a corrected 考察 keeps
                // the one its record was written with.
                if let (Event::Inspected(new), Some(Event::Inspected(old))) =
                    (&mut event, case.records.get(of as usize))
                {
                    new.file_findings = old.file_findings;
                }
                Command::Correct {
                    on,
                    of,
                    reason,
                    event,
                }
            }
        })
    }

    /// `handle` with today's date, the rules in force and the working-day calendar.
    async fn decide(
        &self,
        actor: &Actor,
        case: &Case,
        command: Command,
    ) -> Result<Vec<Event>, DomainError> {
        let params = self.rule_params(actor).await?;
        let calendar = self.working_calendar().await?;
        let ctx = Ctx {
            today: today(),
            role: actor.role,
            login: &actor.login,
            params: &params,
            calendar: &calendar,
        };
        selection::handle(case, &ctx, command).map_err(refused)
    }

    /// What R-SEL-6 reads of a cadre: the record and every post held, with its unit's
    /// category.
    async fn eligibility_facts(
        &self,
        actor: &Actor,
        cadre: i64,
    ) -> Result<(Person, EligibilityFacts), DomainError> {
        let id_number = self.cadre_id_number(cadre).await?.ok_or_else(|| {
            DomainError::NotFound(message!("store-selection-no-cadre", id = cadre))
        })?;
        let profile = self.cadre(actor, &id_number, today()).await?;
        let x = profile.cadre;
        let mut held = Vec::new();
        // The posts and units of this cadre's appointments only: a province has 200,000
        // posts, and a case reads these on every step.
        for a in &profile.appointments {
            let post = found(self.post(actor, &a.post_code).await)?;
            let post = post.as_ref();
            let unit = found(self.unit(actor, &a.unit_code).await)?;
            let unit = unit.as_ref();
            held.push(HeldPost {
                start: stored_date(&a.start_date)?,
                end: a.end_date.as_deref().map(stored_date).transpose()?,
                kind: PostKind::parse(&a.post_kind).unwrap_or(PostKind::Member),
                level: post
                    .and_then(|p| p.level.as_deref())
                    .and_then(|l| PostLevel::parse(l).ok()),
                grassroots: unit.is_some_and(|u| GRASSROOTS.contains(&u.category.trim())),
            });
        }
        let education = [x.ft_education, x.pt_education].into_iter().flatten().min();
        Ok((
            Person {
                cadre,
                name: x.name.clone(),
            },
            EligibilityFacts {
                birth_date: x.birth_date,
                gender: x.gender,
                work_started: x.work_started,
                education,
                held,
            },
        ))
    }
}

/// A record that may be missing (out of the caller's scope, or gone): None; any other
/// failure stays one.
fn found<T>(r: Result<T, DomainError>) -> Result<Option<T>, DomainError> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(DomainError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The rows of `events` sealed after `last`, each with the step the case is at after it.
fn seal_all(
    key: &banzi_domain::audit::AuditKey,
    id: i64,
    case: &Case,
    last: Option<&StoredEvent>,
    events: &[Event],
    actor: &Actor,
    now: &str,
) -> Result<Vec<(StoredEvent, &'static str)>, DomainError> {
    let mut folded = case.clone();
    let mut prev = last.cloned();
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        folded.apply(e);
        let row = StoredEvent::seal(
            key,
            id,
            prev.as_ref(),
            now.to_string(),
            actor.login.clone(),
            e,
        )
        .map_err(|e| DomainError::Internal(format!("an event did not serialise: {e}")))?;
        prev = Some(row.clone());
        out.push((row, folded.step().key()));
    }
    Ok(out)
}

/// The 任职方式 of an appointment a case makes: 委任 (a 竞争上岗 case, once it exists, gives
/// its own).
fn appoint_manner(_events: &[Event]) -> Manner {
    Manner::Appointed
}

/// The counts of a closed approval ballot, matched to the case's candidates by name.
fn approval_counts(
    case: &Case,
    t: &banzi_domain::ballot::Tally,
) -> Result<Vec<VoteCount>, DomainError> {
    use banzi_domain::ballot::tally::QuestionResult;
    let lines = t
        .questions
        .iter()
        .find_map(|q| match &q.result {
            QuestionResult::Approve(lines) => Some(lines),
            _ => None,
        })
        .ok_or_else(|| {
            DomainError::invalid("ballot", Msg::new("store-selection-no-approve-question"))
        })?;
    let mut out = Vec::new();
    for l in lines {
        let c = case
            .candidates
            .iter()
            .find(|c| c.person.name.trim() == l.name.trim())
            .ok_or_else(|| {
                DomainError::invalid(
                    "ballot",
                    message!("store-selection-ballot-stranger", name = l.name.clone()),
                )
            })?;
        let n = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        out.push(VoteCount {
            candidate: c.person.cadre,
            yes: n(l.yes),
            no: n(l.no),
            abstain: n(l.abstain),
        });
    }
    Ok(out)
}
