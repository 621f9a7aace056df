//! Each record as the cells of its row, in [`crate::layout`] column order. The text is what
//! the importer reads back to the same value (labels, ISO dates), so export → import is
//! lossless.

use std::borrow::Cow;

use banzi_domain::date::iso;
use banzi_domain::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};

/// One cell to write.
pub(crate) enum Out<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

fn t(s: &str) -> Out<'_> {
    Out::Text(Cow::Borrowed(s))
}

fn owned(s: String) -> Out<'static> {
    Out::Text(Cow::Owned(s))
}

fn opt_label(v: Option<&'static str>) -> Out<'static> {
    t(v.unwrap_or(""))
}

fn opt_date(d: Option<banzi_domain::Date>) -> Out<'static> {
    d.map_or(t(""), |d| owned(iso(d)))
}

/// A record type that has a row in the workbook.
pub(crate) trait Row {
    fn cells(&self) -> Vec<Out<'_>>;
}

impl Row for Unit {
    fn cells(&self) -> Vec<Out<'_>> {
        vec![
            t(&self.code),
            t(&self.name),
            t(self.parent_code.as_deref().unwrap_or("")),
            t(&self.category),
            t(&self.platform),
            t(self.system.label()),
            t(if self.non_cpc_required { "是" } else { "否" }),
        ]
    }
}

impl Row for Post {
    fn cells(&self) -> Vec<Out<'_>> {
        vec![
            t(&self.code),
            t(&self.unit_code),
            t(&self.team),
            t(&self.title),
            t(self.kind.label()),
            Out::Number(self.seats as f64),
            opt_label(self.level.map(|l| l.label())),
        ]
    }
}

impl Row for Cadre {
    fn cells(&self) -> Vec<Out<'_>> {
        self.to_raw().into_cells()
    }
}

trait IntoCells {
    fn into_cells(self) -> Vec<Out<'static>>;
}

impl IntoCells for banzi_domain::registry::CadreRaw {
    fn into_cells(self) -> Vec<Out<'static>> {
        [
            self.id_number,
            self.name,
            self.gender,
            self.ethnicity,
            self.birth_date,
            self.native_place,
            self.party,
            self.party_joined,
            self.work_started,
            self.ft_education,
            self.ft_degree,
            self.ft_school,
            self.pt_education,
            self.pt_degree,
            self.pt_school,
            self.profession,
            self.rank,
        ]
        .into_iter()
        .map(owned)
        .collect()
    }
}

impl Row for Appointment {
    fn cells(&self) -> Vec<Out<'_>> {
        vec![
            t(self.id_number.as_str()),
            t(&self.post_code),
            owned(iso(self.start)),
            opt_date(self.end),
            opt_label(self.manner.map(|m| m.label())),
            t(&self.doc_no),
        ]
    }
}

impl Row for Portfolio {
    fn cells(&self) -> Vec<Out<'_>> {
        vec![
            t(self.id_number.as_str()),
            t(&self.post_code),
            t(&self.work),
            owned(iso(self.start)),
            opt_date(self.end),
        ]
    }
}

impl Row for Training {
    fn cells(&self) -> Vec<Out<'_>> {
        vec![
            t(self.id_number.as_str()),
            t(&self.name),
            t(self.kind.label()),
            owned(iso(self.start)),
            opt_date(self.end),
            self.hours.map_or(t(""), Out::Number),
        ]
    }
}
