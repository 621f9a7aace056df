//! Anonymous ballots (DOMAIN.md M5): sessions set up and run by 组织部 staff, one-time codes,
//! and the voter's submission, which needs no account.
//!
//! - R-VOTE-2: a code is 120 random bits, shown once (for printing) and stored as its
//!   SHA-256 only.
//! - R-VOTE-3: a submission marks the code's row used (the hash of the client's nonce) and
//!   writes the ballot row in one transaction, in separate tables, and nothing else: no
//!   audit entry, no time, nothing of the request. Closing a session rewrites both tables
//!   in key order ([`Store::close_ballot`]).
//! - R-VOTE-4: the answer to a submission is given after its commit (SQLite runs with
//!   `synchronous=FULL`); the used mark is set only where none is (`nonce IS NULL`, checked
//!   again after a row lock on PostgreSQL), so a second use fails whatever the concurrency;
//!   a retry with the same client nonce is answered [`Cast::AlreadyRecorded`].
//! - R-VOTE-5: results only after closing.
//! - R-SEL-2: a session records its 实到人数 (in its set-up's JSON, `SessionSpec::attended`)
//!   before it opens, corrected until it closes; it closes only with no more ballots than
//!   实到 ([`banzi_domain::ballot::attendance`]).

use crate::connect::{Store, now_rfc3339};
use crate::{BallotSessionRow, GroupTurnout, db};
use banzi_domain::audit::hex;
use banzi_domain::ballot::{self, Ballot, SessionSpec, Tally};
use banzi_domain::role::Actor;
use banzi_domain::{DomainError, message};
use sha2::{Digest, Sha256};

/// Crockford's base32 alphabet: no I, L, O, U, so a code read aloud or typed is unambiguous.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random bytes in a code: 120 bits (R-VOTE-2 asks for at least 112), 24 characters.
const CODE_BYTES: usize = 15;

/// A session as pages use it.
#[derive(Debug, Clone)]
pub struct BallotSession {
    pub id: i64,
    pub spec: SessionSpec,
    /// `draft`, `open` or `closed`.
    pub state: String,
    pub created_by: String,
    pub created_at: String,
}

/// A code just made: shown once, on its slip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub group: usize,
    pub serial: i64,
    pub code: String,
    /// The voided serial this code takes the place of (补发).
    pub replaces: Option<i64>,
}

/// What the phone page shows for a code.
#[derive(Debug, Clone)]
pub struct Opened {
    pub session: BallotSession,
    pub group: usize,
    /// The code was used already (the page says so before the voter fills anything in).
    pub used: bool,
}

/// How a submission ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cast {
    /// This submission's ballot was committed now.
    Recorded,
    /// The same submission (same code and nonce) was committed before: an in-doubt retry.
    AlreadyRecorded,
}

/// The code in its canonical form: upper case, without spaces or dashes.
pub fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

pub(super) fn sha(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn random(bytes: usize) -> Result<Vec<u8>, DomainError> {
    let mut b = vec![0u8; bytes];
    getrandom::fill(&mut b)
        .map_err(|e| DomainError::Internal(format!("no random numbers: {e}")))?;
    Ok(b)
}

/// A ballot's id: 128 random bits, hex.
pub(super) fn hex_id() -> Result<String, DomainError> {
    Ok(hex(&random(16)?))
}

/// 15 random bytes as 24 base32 characters.
pub(super) fn new_code() -> Result<String, DomainError> {
    let b = random(CODE_BYTES)?;
    let mut out = String::with_capacity(24);
    for chunk in b.chunks(5) {
        let mut v: u64 = 0;
        for &x in chunk {
            v = (v << 8) | u64::from(x);
        }
        for i in (0..8).rev() {
            out.push(ALPHABET[((v >> (i * 5)) & 31) as usize] as char);
        }
    }
    Ok(out)
}

pub(super) fn parse_session(row: BallotSessionRow) -> Result<BallotSession, DomainError> {
    let spec: SessionSpec = serde_json::from_str(&row.spec)
        .map_err(|e| DomainError::Internal(format!("a stored ballot set-up is malformed: {e}")))?;
    Ok(BallotSession {
        id: row.id,
        spec,
        state: row.state,
        created_by: row.created_by,
        created_at: row.created_at,
    })
}

pub(super) fn staff(actor: &Actor) -> Result<(), DomainError> {
    if actor.role.manages_ballots() {
        Ok(())
    } else {
        Err(DomainError::Forbidden(message!("ballot-staff-only")))
    }
}

pub(super) fn not_found() -> DomainError {
    DomainError::NotFound(message!("ballot-not-found"))
}

pub(super) fn bad_code() -> DomainError {
    DomainError::NotFound(message!("ballot-code-invalid"))
}

/// A voided code, whoever asks (R-VOTE-2).
pub(super) fn voided_code() -> DomainError {
    DomainError::Conflict(message!("ballot-code-voided"))
}

/// A voter's submission, ready to write: the code and the nonce as their hashes, the
/// answers as JSON, a fresh random ballot id.
pub(super) struct Submission {
    pub hash: String,
    pub nonce: String,
    pub content: String,
    pub id: String,
    pub ballot: Ballot,
}

impl Submission {
    pub fn new(code: &str, nonce: &str, ballot: &Ballot) -> Result<Submission, DomainError> {
        let nonce = nonce.trim();
        if nonce.len() < 16 || nonce.len() > 128 {
            return Err(DomainError::invalid(
                "nonce",
                message!("ballot-nonce-invalid"),
            ));
        }
        Ok(Submission {
            hash: sha(&normalise_code(code)),
            nonce: sha(nonce),
            content: serde_json::to_string(ballot)
                .map_err(|e| DomainError::Internal(e.to_string()))?,
            id: hex_id()?,
            ballot: ballot.clone(),
        })
    }
}

/// The steps of one submission on connection `$c` of backend `$b`, inside a transaction:
/// the code checked, the session open, the answers checked, then the code marked used and
/// the ballot written. `$sessions` is an optional cache of parsed sessions (a batch of submissions).
///
/// The one description of a submission, for every path: `cast_steps!(c, b, …)` awaits
/// `b`'s sqlx queries ([`Store::cast_ballot`]); `cast_steps!(blocking c, b, …)` calls
/// `b`'s functions of the same names and results directly, without `.await` (the group
/// commit's own connection, `ballot_writer/raw.rs`).
macro_rules! cast_steps {
    (blocking $c:ident, $b:ident, $sub:expr, $sessions:expr) => {
        cast_steps!(@steps [] $c, $b, $sub, $sessions)
    };
    ($c:ident, $b:ident, $sub:expr, $sessions:expr) => {
        cast_steps!(@steps [.await] $c, $b, $sub, $sessions)
    };
    (@steps [$($wait:tt)*] $c:ident, $b:ident, $sub:expr, $sessions:expr) => {{
        let sub: &Submission = $sub;
        let sessions: Option<&mut std::collections::HashMap<i64, BallotSession>> = $sessions;
        let (session, group, voided) = $b::ballots::code($c, &sub.hash)$($wait)*?
            .ok_or_else(bad_code)?;
        if voided {
            return Err(voided_code());
        }
        let parsed;
        let s: &BallotSession = match sessions {
            Some(cache) => {
                if !cache.contains_key(&session) {
                    let row = $b::ballots::session($c, session)$($wait)*?
                        .ok_or_else(bad_code)?;
                    cache.insert(session, parse_session(row)?);
                }
                cache.get(&session).ok_or_else(bad_code)?
            }
            None => {
                parsed = parse_session(
                    $b::ballots::session($c, session)$($wait)*?
                        .ok_or_else(bad_code)?,
                )?;
                &parsed
            }
        };
        // Everything that can refuse a submission comes before the first write, so a refused
        // one writes nothing (and a batch needs no savepoints). A used code answers as used,
        // whatever else is wrong: 已记录 to its own retry, 该票码已投票 to anyone else.
        let refusal = match s.state.as_str() {
            "open" => ballot::check_online(&s.spec, &sub.ballot).err(),
            "draft" => Some(DomainError::Conflict(banzi_domain::message!("ballot-not-started"))),
            _ => Some(DomainError::Conflict(banzi_domain::message!("ballot-over"))),
        };
        let used = |n: Option<String>| match n {
            Some(n) if n == sub.nonce => Ok(Cast::AlreadyRecorded),
            Some(_) => Err(DomainError::Conflict(banzi_domain::message!("ballot-code-used"))),
            None => Ok(Cast::Recorded),
        };
        if let Some(e) = refusal {
            let n = $b::ballots::used_nonce($c, &sub.hash)$($wait)*?;
            return match n {
                None => Err(e),
                n => used(n),
            };
        }
        if !$b::ballots::use_code($c, &sub.hash, &sub.nonce)$($wait)*? {
            // Used, or voided since it was read (PostgreSQL: a void committed while this
            // waited for the code's row).
            return match $b::ballots::used_nonce($c, &sub.hash)$($wait)*? {
                None => Err(voided_code()),
                n => used(n),
            };
        }
        $b::ballots::insert_ballot($c, &sub.id, session, group, &sub.content, false)$($wait)*?;
        Ok(Cast::Recorded)
    }};
}
pub(super) use cast_steps;

impl Store {
    /// Sets up a session (a draft until opened); audited.
    pub async fn create_ballot(
        &self,
        actor: &Actor,
        spec: &SessionSpec,
    ) -> Result<i64, DomainError> {
        staff(actor)?;
        ballot::check_spec(spec)?;
        let json = serde_json::to_string(spec).map_err(|e| DomainError::Internal(e.to_string()))?;
        let now = now_rfc3339();
        let date = spec.meeting_date.to_string();
        in_tx!(self, |c, b| b::ballots::create_session(
            c,
            actor,
            &spec.title,
            &date,
            &json,
            &now
        )
        .await)
    }

    pub async fn ballot(&self, actor: &Actor, id: i64) -> Result<BallotSession, DomainError> {
        staff(actor)?;
        let row = on_conn!(self, |c, b| b::ballots::session(c, id).await)?;
        parse_session(row.ok_or_else(not_found)?)
    }

    /// Every session, newest first.
    pub async fn ballots(&self, actor: &Actor) -> Result<Vec<BallotSession>, DomainError> {
        staff(actor)?;
        let rows = on_conn!(self, |c, b| b::ballots::sessions(c).await)?;
        rows.into_iter().map(parse_session).collect()
    }

    /// Records or corrects the session's 实到人数, R-SEL-2's attendees, while it is a draft or
    /// open (never after closing): from 1 to 应到, and not under the ballots cast so far.
    /// Audited with the number before and after; writing the number it already has changes
    /// nothing and records nothing.
    pub async fn set_ballot_attendance(
        &self,
        actor: &Actor,
        id: i64,
        attended: u32,
    ) -> Result<(), DomainError> {
        staff(actor)?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            if !b::ballots::lock_session(c, id).await? {
                return Err(not_found());
            }
            let s = parse_session(b::ballots::session(c, id).await?.ok_or_else(not_found)?)?;
            let cast = b::ballots::cast_count(c, id).await?;
            ballot::attendance::check_attended(&s.spec, &s.state, attended, cast as u64)?;
            let before = s.spec.attended;
            if before == Some(attended) {
                return Ok(());
            }
            let spec = SessionSpec {
                attended: Some(attended),
                ..s.spec
            };
            let json =
                serde_json::to_string(&spec).map_err(|e| DomainError::Internal(e.to_string()))?;
            b::ballots::set_attendance(c, actor, id, &json, before, attended, &now).await
        })
    }

    /// Opens a draft for voting; refused while its 实到人数 is not recorded (R-SEL-2).
    pub async fn open_ballot(&self, actor: &Actor, id: i64) -> Result<(), DomainError> {
        staff(actor)?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            if !b::ballots::set_state(c, actor, id, "draft", "open", &now).await? {
                b::ballots::session(c, id).await?.ok_or_else(not_found)?;
                return Err(DomainError::Conflict(message!("ballot-open-not-draft")));
            }
            // Read after the state's row is ours: the 实到 this opening goes with.
            let s = parse_session(b::ballots::session(c, id).await?.ok_or_else(not_found)?)?;
            ballot::attendance::check_open(&s.spec)
        })
    }

    /// Closes an open session: no more ballots, results available (R-VOTE-5). The ballots
    /// and codes are rewritten in key order in the same transaction, and the old row
    /// versions are then removed from the files (PostgreSQL `VACUUM FULL`, SQLite's WAL
    /// copied and truncated), so the stored order, transaction stamps and the WAL's
    /// transactions link nothing (R-VOTE-3). Another program holding the database open in a
    /// transaction keeps them from going: the close is then refused and the session stays
    /// open ([`super::ballot_close`]).
    pub async fn close_ballot(&self, actor: &Actor, id: i64) -> Result<(), DomainError> {
        staff(actor)?;
        // Tried before anything changes, so that a held database refuses with nothing done.
        if !self.sweep_ballots().await? {
            return Err(super::ballot_close::held());
        }
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let pending = b::ballots::paper_pending(c, id).await?;
            if pending > 0 {
                return Err(DomainError::Conflict(message!(
                    "ballot-close-paper-pending",
                    n = pending
                )));
            }
            if !b::ballots::set_state(c, actor, id, "open", "closed", &now).await? {
                b::ballots::session(c, id).await?.ok_or_else(not_found)?;
                return Err(DomainError::Conflict(message!("ballot-close-not-open")));
            }
            b::ballots::seal(c, id).await?;
            // R-SEL-2: no more ballots than 实到, or nothing of the closing stays (the
            // rollback undoes the state and the rewrite). Read now, with the session's row
            // ours (a correction of 实到 waits or has committed) and after the rewrite, which
            // on PostgreSQL waited for any submission holding one of the session's codes,
            // so a ballot committed meanwhile is counted.
            let s = parse_session(b::ballots::session(c, id).await?.ok_or_else(not_found)?)?;
            let cast = b::ballots::cast_count(c, id).await?;
            ballot::attendance::check_close(&s.spec, cast as u64)
        })?;
        match self.sweep_ballots().await {
            Ok(true) => Ok(()),
            swept => {
                // A reader came between the two sweeps: the session is open again (its
                // rows stay rewritten), to be closed once the database is let go.
                let now = now_rfc3339();
                in_tx!(self, |c, b| b::ballots::set_state(
                    c, actor, id, "closed", "open", &now
                )
                .await)?;
                swept?;
                Err(super::ballot_close::held())
            }
        }
    }

    /// The session a code belongs to, for the phone page: no account, the code is the key.
    pub async fn open_code(&self, code: &str) -> Result<Opened, DomainError> {
        let hash = sha(&normalise_code(code));
        on_conn!(self, |c, b| {
            let (session, group, voided) =
                b::ballots::code(c, &hash).await?.ok_or_else(bad_code)?;
            if voided {
                return Err(voided_code());
            }
            let s = parse_session(
                b::ballots::session(c, session)
                    .await?
                    .ok_or_else(bad_code)?,
            )?;
            let used = b::ballots::used_nonce(c, &hash).await?.is_some();
            Ok(Opened {
                session: s,
                group: group as usize,
                used,
            })
        })
    }

    /// Whether `code` was used by the submission with this client nonce: a phone that lost
    /// the answer to its submission and reloads is told its ballot was recorded (R-VOTE-4).
    pub async fn used_with(&self, code: &str, nonce: &str) -> Result<bool, DomainError> {
        let hash = sha(&normalise_code(code));
        let nonce = sha(nonce.trim());
        let used = on_conn!(self, |c, b| b::ballots::used_nonce(c, &hash).await)?;
        Ok(used.is_some_and(|n| n == nonce))
    }

    /// A voter's ballot: checked (over-selection refused, R-VOTE-5), then the code marked
    /// used and the ballot written in one transaction; the answer comes after the commit.
    /// A used code is refused ("该票码已投票") unless `nonce` is the one it was used with.
    /// One submission per transaction; [`super::BallotWriter`] commits concurrent ones
    /// together.
    pub async fn cast_ballot(
        &self,
        code: &str,
        nonce: &str,
        ballot: &Ballot,
    ) -> Result<Cast, DomainError> {
        let sub = Submission::new(code, nonce, ballot)?;
        in_tx!(self, |c, b| cast_steps!(c, b, &sub, None))
    }

    /// Codes and ballots per rater group, for the live screen (turnout only: R-VOTE-5).
    pub async fn turnout(&self, actor: &Actor, id: i64) -> Result<Vec<GroupTurnout>, DomainError> {
        staff(actor)?;
        on_conn!(self, |c, b| {
            b::ballots::session(c, id).await?.ok_or_else(not_found)?;
            b::ballots::turnout(c, id).await
        })
    }

    /// The tally of a closed session (R-VOTE-5, R-VOTE-6, R-SEL-2), for pages and for later
    /// steps (selection's 考察对象, the assessment's 民主测评).
    pub async fn ballot_tally(
        &self,
        actor: &Actor,
        id: i64,
    ) -> Result<(BallotSession, Tally), DomainError> {
        let (s, cast) = self.closed_ballots(actor, id).await?;
        let t = ballot::tally(&s.spec, &cast);
        Ok((s, t))
    }

    /// The tally and every ballot of a closed session, leaving the program as `format`
    /// (a workbook, a printed sheet): audited. The ballots come in the order of their random
    /// ids, which says nothing of the order they were cast in (R-VOTE-3).
    pub async fn ballot_export(
        &self,
        actor: &Actor,
        id: i64,
        format: &str,
    ) -> Result<(BallotSession, Tally, Vec<ballot::Cast>), DomainError> {
        let (s, cast) = self.closed_ballots(actor, id).await?;
        let t = ballot::tally(&s.spec, &cast);
        self.audit_event(
            actor,
            "export.ballot",
            "ballot_session",
            &id.to_string(),
            serde_json::json!({ "format": format, "ballots": cast.len() }),
        )
        .await?;
        Ok((s, t, cast))
    }

    async fn closed_ballots(
        &self,
        actor: &Actor,
        id: i64,
    ) -> Result<(BallotSession, Vec<ballot::Cast>), DomainError> {
        staff(actor)?;
        let (s, rows) = on_conn!(self, |c, b| {
            let s = parse_session(b::ballots::session(c, id).await?.ok_or_else(not_found)?)?;
            let rows = b::ballots::ballots(c, id).await?;
            Ok::<_, DomainError>((s, rows))
        })?;
        if s.state != "closed" {
            return Err(DomainError::Conflict(message!(
                "ballot-result-before-close"
            )));
        }
        let cast = rows
            .into_iter()
            .map(|(grp, content)| {
                let ballot: Ballot = serde_json::from_str(&content).map_err(|e| {
                    DomainError::Internal(format!("a stored ballot is malformed: {e}"))
                })?;
                Ok(ballot::Cast {
                    group: grp as usize,
                    ballot,
                })
            })
            .collect::<Result<Vec<_>, DomainError>>()?;
        Ok((s, cast))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_24_base32_characters_of_fresh_randomness() {
        let a = new_code().unwrap();
        let b = new_code().unwrap();
        assert_eq!(a.len(), 24);
        assert!(a.bytes().all(|c| ALPHABET.contains(&c)));
        assert_ne!(a, b);
        assert_eq!(
            normalise_code(&format!(" {}-{} ", &a[..12].to_lowercase(), &a[12..])),
            a
        );
    }
}
