//! The data check's report: findings grouped by unit, with a count per check.

use super::{Check, Finding};
use crate::date::{Date, iso};
use crate::msg::Msg;

/// One finding of one cadre, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The cadre's row id (what addresses name; never the ID number).
    pub cadre: i64,
    pub name: String,
    pub id_number: String,
    pub check: Check,
    pub message: Msg,
}

/// The cadres of one unit (the unit of their current post), or of none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// `(code, name)`; None for cadres who hold no post on the date.
    pub unit: Option<(String, String)>,
    /// Cadres checked in the group.
    pub cadres: usize,
    /// Findings per check, in the order of [`Check::ALL`].
    pub counts: [usize; Check::ALL.len()],
    pub lines: Vec<Line>,
}

/// The data check of the registry on one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub as_of: Date,
    /// Cadres checked.
    pub cadres: usize,
    /// Findings per check over every group.
    pub counts: [usize; Check::ALL.len()],
    /// By unit code; the group without a unit last.
    pub groups: Vec<Group>,
}

/// One cadre checked: who, in which unit (`(code, name)`, borrowed from the posts a
/// province's cadres share), and what was found.
#[derive(Debug, Clone)]
pub struct Checked<'a> {
    pub cadre: i64,
    pub name: String,
    pub id_number: String,
    pub unit: Option<(&'a str, &'a str)>,
    pub findings: Vec<Finding>,
}

impl Report {
    /// Groups the checked cadres by unit, counting each check. Cadres keep the order given
    /// within their group.
    pub fn build<'a>(as_of: Date, checked: impl IntoIterator<Item = Checked<'a>>) -> Report {
        let mut groups: std::collections::BTreeMap<Option<&'a str>, Group> = Default::default();
        let mut cadres = 0;
        for c in checked {
            cadres += 1;
            let key = c.unit.map(|(code, _)| code);
            let g = groups.entry(key).or_insert_with(|| Group {
                unit: c
                    .unit
                    .map(|(code, name)| (code.to_string(), name.to_string())),
                cadres: 0,
                counts: [0; Check::ALL.len()],
                lines: Vec::new(),
            });
            g.cadres += 1;
            // The last line of a cadre takes the name and number; the others copy them.
            let (mut name, mut id_number) = (c.name, c.id_number);
            let mut findings = c.findings.into_iter().peekable();
            while let Some(f) = findings.next() {
                g.counts[f.check.index()] += 1;
                let last = findings.peek().is_none();
                g.lines.push(Line {
                    cadre: c.cadre,
                    name: if last {
                        std::mem::take(&mut name)
                    } else {
                        name.clone()
                    },
                    id_number: if last {
                        std::mem::take(&mut id_number)
                    } else {
                        id_number.clone()
                    },
                    check: f.check,
                    message: f.message,
                });
            }
        }
        let mut groups: Vec<Group> = groups.into_values().collect();
        // BTreeMap puts None first; the cadres without a unit go last.
        if groups.first().is_some_and(|g| g.unit.is_none()) {
            groups.rotate_left(1);
        }
        let mut counts = [0; Check::ALL.len()];
        for g in &groups {
            for (t, n) in counts.iter_mut().zip(g.counts) {
                *t += n;
            }
        }
        Report {
            as_of,
            cadres,
            counts,
            groups,
        }
    }

    /// Every finding, group after group.
    pub fn lines(&self) -> impl Iterator<Item = (&Group, &Line)> {
        self.groups
            .iter()
            .flat_map(|g| g.lines.iter().map(move |l| (g, l)))
    }

    /// How many findings in all.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The report as JSON (`banzi check --data --format json`), keys stable:
    /// `{"as_of", "cadres", "counts": {check: n}, "units": [{"unit_code", "unit", "cadres",
    /// "counts", "findings": [{"cadre", "name", "id_number", "check", "message"}]}]}`, each
    /// message as `word` words it.
    pub fn to_json(&self, word: impl Fn(&Msg) -> String) -> serde_json::Value {
        use serde_json::{Map, Value, json};
        let counts = |c: &[usize; Check::ALL.len()]| {
            Value::Object(
                Check::ALL
                    .iter()
                    .zip(c)
                    .map(|(k, n)| (k.key().to_string(), json!(n)))
                    .collect::<Map<_, _>>(),
            )
        };
        let units: Vec<Value> = self
            .groups
            .iter()
            .map(|g| {
                let findings: Vec<Value> = g
                    .lines
                    .iter()
                    .map(|l| {
                        json!({
                            "cadre": l.cadre,
                            "name": l.name,
                            "id_number": l.id_number,
                            "check": l.check.key(),
                            "message": word(&l.message),
                        })
                    })
                    .collect();
                json!({
                    "unit_code": g.unit.as_ref().map(|u| &u.0),
                    "unit": g.unit.as_ref().map(|u| &u.1),
                    "cadres": g.cadres,
                    "counts": counts(&g.counts),
                    "findings": findings,
                })
            })
            .collect();
        json!({
            "as_of": iso(self.as_of),
            "cadres": self.cadres,
            "counts": counts(&self.counts),
            "units": units,
        })
    }
}
