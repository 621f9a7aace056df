//! The columns a 名册 can show: every field of the registry's 干部 sheet, the post and unit
//! a row is listed under, and the computed ones (年龄, 任现职时间, 任同级时间, 到龄年月). Each
//! has a stable key (templates keep keys), a header (a message id of `listing.ftl`) and a
//! value.

use super::Entry;
use crate::codes::PostKind;
use crate::date::{Date, YearMonth, age_on};
use crate::msg::Msg;
use crate::rules::{RankGroup, level_group, rank_group, retirement_by};

/// The groups of the column chooser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnGroup {
    /// 基本信息: the cadre's own fields.
    Basic,
    /// 职务: the post and unit the row is listed under.
    Post,
    /// 计算: reckoned on the as-of day.
    Computed,
}

impl ColumnGroup {
    pub const ALL: [ColumnGroup; 3] =
        [ColumnGroup::Basic, ColumnGroup::Post, ColumnGroup::Computed];

    /// The group's name, as the chooser heads it.
    pub fn name(self) -> Msg {
        Msg::new(match self {
            ColumnGroup::Basic => "listing-group-basic",
            ColumnGroup::Post => "listing-group-post",
            ColumnGroup::Computed => "listing-group-computed",
        })
    }
}

/// One value of a row. The edge words it: a label in the reader's language, a date or month
/// as the roster writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Empty,
    /// Shown as it is (names, free text).
    Text(String),
    /// A vocabulary value (男, 中共党员, 正职 …), worded by `labels.ftl`.
    Label(&'static str),
    Date(Date),
    /// 年.月.
    Month(YearMonth),
    Int(i64),
}

impl Cell {
    fn text(s: &str) -> Cell {
        if s.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    }

    fn label(l: Option<&'static str>) -> Cell {
        l.map_or(Cell::Empty, Cell::Label)
    }

    fn date(d: Option<Date>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }

    fn month(d: Option<Date>) -> Cell {
        d.map_or(Cell::Empty, |d| Cell::Month(YearMonth::from(d)))
    }
}

/// A column of the catalogue.
pub struct Column {
    /// Stable: kept in templates and sent by the chooser.
    pub key: &'static str,
    pub group: ColumnGroup,
    /// The message id of its header.
    pub header: &'static str,
    pub value: fn(&Entry) -> Cell,
}

impl Column {
    pub fn header(&self) -> Msg {
        Msg::new(self.header)
    }
}

impl std::fmt::Debug for Column {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key)
    }
}

impl PartialEq for Column {
    fn eq(&self, other: &Column) -> bool {
        self.key == other.key
    }
}

/// The column of `key`.
pub fn column(key: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| c.key == key)
}

/// What a listing shows when no template is chosen.
pub const DEFAULT_COLUMNS: [&str; 9] = [
    "name",
    "gender",
    "birth_date",
    "age",
    "party",
    "ft_education",
    "post",
    "tenure_start",
    "rank",
];

macro_rules! columns {
    ($($key:literal, $group:ident, $header:literal, $value:expr;)+) => {
        /// Every column, in the order the chooser offers them.
        pub static COLUMNS: &[Column] = &[$(Column {
            key: $key,
            group: ColumnGroup::$group,
            header: $header,
            value: $value,
        }),+];
    };
}

fn cadre<'a>(e: &'a Entry) -> &'a crate::registry::Cadre {
    &e.person.cadre
}

/// The row's post and the appointment in force on it.
fn first<'a>(e: &Entry<'a>) -> Option<(&'a super::PostInfo, &'a super::Appt)> {
    e.held.first().copied()
}

/// 到龄年月 (R-AGE-1): the rank group from 现职级, else the highest 职务层次 held, else below
/// 县处级; the base age and the reform's delay from the parameters by group and gender.
fn retire_month(e: &Entry) -> Cell {
    let c = cadre(e);
    let group = rank_group(&c.rank)
        .or_else(|| {
            e.held_anywhere()
                .filter_map(|p| p.level)
                .min()
                .map(level_group)
        })
        .unwrap_or(RankGroup::Below);
    let r = retirement_by(c.birth_date, e.params.retire_rule(group, c.gender));
    Cell::Month(r.month)
}

columns! {
    "name", Basic, "listing-col-name", |e| Cell::text(&cadre(e).name);
    "id_number", Basic, "listing-col-id_number", |e| Cell::Text(cadre(e).id_number.to_string());
    "gender", Basic, "listing-col-gender", |e| Cell::Label(cadre(e).gender.label());
    "ethnicity", Basic, "listing-col-ethnicity", |e| Cell::text(&cadre(e).ethnicity);
    "birth_date", Basic, "listing-col-birth_date", |e| Cell::Date(cadre(e).birth_date);
    "native_place", Basic, "listing-col-native_place", |e| Cell::text(&cadre(e).native_place);
    "party", Basic, "listing-col-party", |e| Cell::Label(cadre(e).party.label());
    "party_joined", Basic, "listing-col-party_joined", |e| Cell::date(cadre(e).party_joined);
    "work_started", Basic, "listing-col-work_started", |e| Cell::date(cadre(e).work_started);
    "ft_education", Basic, "listing-col-ft_education", |e| Cell::label(cadre(e).ft_education.map(|x| x.label()));
    "ft_degree", Basic, "listing-col-ft_degree", |e| Cell::label(cadre(e).ft_degree.map(|x| x.label()));
    "ft_school", Basic, "listing-col-ft_school", |e| Cell::text(&cadre(e).ft_school);
    "pt_education", Basic, "listing-col-pt_education", |e| Cell::label(cadre(e).pt_education.map(|x| x.label()));
    "pt_degree", Basic, "listing-col-pt_degree", |e| Cell::label(cadre(e).pt_degree.map(|x| x.label()));
    "pt_school", Basic, "listing-col-pt_school", |e| Cell::text(&cadre(e).pt_school);
    "profession", Basic, "listing-col-profession", |e| Cell::text(&cadre(e).profession);
    "rank", Basic, "listing-col-rank", |e| Cell::text(&cadre(e).rank);
    "unit", Post, "listing-col-unit", |e| e.unit.map_or(Cell::Empty, |u| Cell::Text(u.name.clone()));
    "team", Post, "listing-col-team", |e| first(e).map_or(Cell::Empty, |(p, _)| Cell::text(&p.team));
    "post", Post, "listing-col-post", |e| {
        let titles: Vec<&str> = e.held.iter().map(|(p, _)| p.title.as_str()).collect();
        Cell::text(&titles.join("、"))
    };
    "post_kind", Post, "listing-col-post_kind", |e| Cell::label(first(e).map(|(p, _)| PostKind::label(p.kind)));
    "post_level", Post, "listing-col-post_level", |e| Cell::label(first(e).and_then(|(p, _)| p.level).map(|l| l.label()));
    "manner", Post, "listing-col-manner", |e| Cell::label(first(e).and_then(|(_, a)| a.manner).map(|m| m.label()));
    "doc_no", Post, "listing-col-doc_no", |e| first(e).map_or(Cell::Empty, |(_, a)| Cell::text(&a.doc_no));
    "appointed", Post, "listing-col-appointed", |e| Cell::date(first(e).map(|(_, a)| a.start));
    "age", Computed, "listing-col-age", |e| Cell::Int(age_on(cadre(e).birth_date, e.as_of).into());
    "tenure_start", Computed, "listing-col-tenure_start", |e| Cell::month(e.tenure_start());
    "level_start", Computed, "listing-col-level_start", |e| Cell::month(e.level_start());
    "retire_month", Computed, "listing-col-retire_month", retire_month;
}
