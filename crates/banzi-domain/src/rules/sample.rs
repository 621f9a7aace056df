//! Rosters built in code for tests, here and in the crates that show the rules' alerts
//! (the web's translations of every message): units under a root `ROOT`, posts, cadres
//! with valid ID numbers, appointments, portfolios and training. Compiled for this crate's
//! tests and with the `testkit` feature.

use super::{Alert, Facts, Params, Report, evaluate};
use crate::codes::{Gender, Manner, Party, PostKind, TrainingKind, UnitSystem};
use crate::date::{Date, parse as parse_date};
use crate::id_number::synthesize;
use crate::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};
use crate::roster::{Located, Roster};
use std::sync::Arc;

/// A date written `YYYY-MM-DD`; a bad one is a mistake in the test.
pub fn d(s: &str) -> Date {
    parse_date(s).expect("a test date")
}

fn at<T>(value: T) -> Located<T> {
    Located { row: 0, value }
}

/// Builds a roster: a root unit `ROOT` (市委) exists from the start.
#[derive(Clone)]
pub struct RosterBuilder {
    pub r: Roster,
    seq: u32,
}

impl Default for RosterBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl RosterBuilder {
    pub fn new() -> RosterBuilder {
        let mut b = RosterBuilder {
            r: Roster::default(),
            seq: 0,
        };
        b.r.units.push(at(Unit {
            code: "ROOT".into(),
            name: "江川市委".into(),
            parent_code: None,
            category: "市委".into(),
            platform: String::new(),
            system: UnitSystem::Other,
            non_cpc_required: false,
        }));
        b
    }

    pub fn unit_full(
        &mut self,
        code: &str,
        name: &str,
        category: &str,
        system: UnitSystem,
        non_cpc_required: bool,
    ) -> &mut Self {
        self.r.units.push(at(Unit {
            code: code.into(),
            name: name.into(),
            parent_code: Some("ROOT".into()),
            category: category.into(),
            platform: String::new(),
            system,
            non_cpc_required,
        }));
        self
    }

    /// A 市直单位 of the 其他 system.
    pub fn unit(&mut self, code: &str, name: &str) -> &mut Self {
        self.unit_full(code, name, "市直单位", UnitSystem::Other, false)
    }

    pub fn post_full(
        &mut self,
        code: &str,
        unit: &str,
        team: &str,
        title: &str,
        kind: PostKind,
        seats: i64,
    ) -> &mut Self {
        self.r.posts.push(at(Post {
            code: code.into(),
            unit_code: unit.into(),
            team: team.into(),
            title: title.into(),
            kind,
            seats,
            level: None,
        }));
        self
    }

    pub fn post(&mut self, code: &str, unit: &str, title: &str, kind: PostKind) -> &mut Self {
        self.post_full(code, unit, "", title, kind, 1)
    }

    /// Sets the 职务层次 of a post added before.
    pub fn level(&mut self, code: &str, level: crate::codes::PostLevel) -> &mut Self {
        for p in &mut self.r.posts {
            if p.value.code == code {
                p.value.level = Some(level);
            }
        }
        self
    }

    /// A cadre with a valid ID number agreeing with gender and birth date; returns the ID.
    pub fn cadre_full(
        &mut self,
        name: &str,
        gender: Gender,
        birth: &str,
        party: Party,
        profession: &str,
        rank: &str,
    ) -> String {
        self.seq += 1;
        let id = synthesize(320102, d(birth), self.seq, gender);
        self.r.cadres.push(at(Cadre {
            id_number: id.clone(),
            name: name.into(),
            gender,
            ethnicity: "汉族".into(),
            birth_date: d(birth),
            native_place: String::new(),
            party,
            party_joined: None,
            work_started: None,
            ft_education: None,
            ft_degree: None,
            ft_school: String::new(),
            pt_education: None,
            pt_degree: None,
            pt_school: String::new(),
            profession: profession.into(),
            rank: rank.into(),
        }));
        id.to_string()
    }

    /// A man, 中共党员, born 1975-06-15 unless said otherwise.
    pub fn cadre(&mut self, name: &str) -> String {
        self.cadre_full(name, Gender::Male, "1975-06-15", Party::Cpc, "", "")
    }

    pub fn appt(
        &mut self,
        id: &str,
        post: &str,
        start: &str,
        end: Option<&str>,
        manner: Option<Manner>,
    ) -> &mut Self {
        let id_number = crate::id_number::IdNumber::parse(id).expect("an ID the builder made");
        self.r.appointments.push(at(Appointment {
            id_number,
            post_code: post.into(),
            start: d(start),
            end: end.map(d),
            manner,
            doc_no: String::new(),
        }));
        self
    }

    pub fn portfolio(
        &mut self,
        id: &str,
        post: &str,
        work: &str,
        start: &str,
        end: Option<&str>,
    ) -> &mut Self {
        let id_number = crate::id_number::IdNumber::parse(id).expect("an ID the builder made");
        self.r.portfolios.push(at(Portfolio {
            id_number,
            post_code: post.into(),
            work: work.into(),
            start: d(start),
            end: end.map(d),
        }));
        self
    }

    pub fn training(&mut self, id: &str, kind: TrainingKind, start: &str) -> &mut Self {
        self.training_hours(id, kind, start, None)
    }

    /// A training with its 学时.
    pub fn training_hours(
        &mut self,
        id: &str,
        kind: TrainingKind,
        start: &str,
        hours: Option<f64>,
    ) -> &mut Self {
        let id_number = crate::id_number::IdNumber::parse(id).expect("an ID the builder made");
        self.r.trainings.push(at(Training {
            id_number,
            name: "培训班".into(),
            kind,
            start: d(start),
            end: None,
            hours,
        }));
        self
    }

    pub fn facts(&self) -> Arc<Facts> {
        Arc::new(Facts::new(&self.r))
    }

    pub fn run(&self, as_of: &str) -> Report {
        self.run_with(&Params::default(), as_of)
    }

    pub fn run_with(&self, p: &Params, as_of: &str) -> Report {
        evaluate(&self.facts(), p, d(as_of))
    }

    /// The alerts of one rule on a date, with default parameters.
    pub fn alerts(&self, rule: &str, as_of: &str) -> Vec<Alert> {
        of(&self.run(as_of), rule)
    }
}

/// The alerts of one rule in a report.
pub fn of(r: &Report, rule: &str) -> Vec<Alert> {
    r.alerts
        .iter()
        .filter(|a| a.rule == rule)
        .map(|a| a.to_alert())
        .collect()
}
