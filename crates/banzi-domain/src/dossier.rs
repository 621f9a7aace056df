//! 干部档案 — what the dossier pages decide: where a post stands against its 职数 before a
//! 任职 (R-STRUCT-4), whether a cadre's 现职级 is below a post's 职务层次, and the 简历 line a
//! 任职 or 免职 proposes, so that the dossier and the appointments agree (issue 15, items 2
//! and 3). The proposals are only proposals: the user edits and saves them.

use crate::cadre::ResumeLine;
use crate::codes::{Manner, PostLevel};
use crate::date::{Date, YearMonth};

/// 现职级 as the pages offer it (the 职务层次 and the 职级 of the 2019 reform), highest
/// first (a 职级 beside the 职务层次 it corresponds to). The roster's column stays free text: a stored value outside this list is kept.
pub const RANKS: [&str; 19] = [
    "正厅级",
    "一级巡视员",
    "副厅级",
    "二级巡视员",
    "正处级",
    "一级调研员",
    "二级调研员",
    "副处级",
    "三级调研员",
    "四级调研员",
    "正科级",
    "一级主任科员",
    "二级主任科员",
    "副科级",
    "三级主任科员",
    "四级主任科员",
    "一级科员",
    "二级科员",
    "办事员",
];

/// The step of a 现职级 on the scale of `PostLevel` (0 正厅 … 5 副科; 6 below 副科), if
/// its words say. A 职级 sits at the level it corresponds to (一级巡视员 正厅, 二级巡视员
/// 副厅, 一二级调研员 正处, 三四级调研员 副处, 一二级主任科员 正科, 三四级主任科员 副科).
pub fn rank_step(rank: &str) -> Option<usize> {
    let r = rank.trim();
    if let Ok(l) = PostLevel::parse(r) {
        return PostLevel::ALL.iter().position(|x| *x == l);
    }
    let step = match r {
        "一级巡视员" => 0,
        "二级巡视员" => 1,
        "一级调研员" | "二级调研员" => 2,
        "三级调研员" | "四级调研员" => 3,
        "一级主任科员" | "二级主任科员" => 4,
        "三级主任科员" | "四级主任科员" => 5,
        "一级科员" | "二级科员" | "办事员" => 6,
        _ => return None,
    };
    Some(step)
}

/// Whether a 任职 at `level` should offer to raise the cadre's 现职级: when its words name a
/// level below the post's. A blank or unknown 现职级 is left alone (nothing says it is below).
pub fn rank_below(rank: &str, level: PostLevel) -> bool {
    let post = PostLevel::ALL.iter().position(|x| *x == level);
    matches!((rank_step(rank), post), (Some(r), Some(p)) if r > p)
}

/// A post against its 职数 (R-STRUCT-4): 空缺, 已满 or 超配.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatState {
    Vacant,
    Full,
    Over,
}

impl SeatState {
    /// `held` counts the holders who take a seat (a 挂职 holder does not: R-STRUCT-4).
    pub fn of(seats: i64, held: i64) -> SeatState {
        match held.cmp(&seats) {
            std::cmp::Ordering::Less => SeatState::Vacant,
            std::cmp::Ordering::Equal => SeatState::Full,
            std::cmp::Ordering::Greater => SeatState::Over,
        }
    }

    /// The interface key of its word (`dossier.seat_vacant` …).
    pub fn key(self) -> &'static str {
        match self {
            SeatState::Vacant => "dossier.seat_vacant",
            SeatState::Full => "dossier.seat_full",
            SeatState::Over => "dossier.seat_over",
        }
    }
}

/// Whether one more 任职 in `manner` would put the post over its 职数 (R-STRUCT-4): `held`
/// seated holders on the start day, not counting those this 任职 ends. A 挂职 takes no seat.
pub fn would_overfill(seats: i64, held: i64, manner: Option<Manner>) -> bool {
    manner != Some(Manner::Secondment) && held >= seats
}

/// A 简历 line as the registry holds it, with its row id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLine {
    pub id: i64,
    pub start: String,
    pub end: Option<String>,
    pub text: String,
}

/// After a 任职: a new line from the start month, open, "单位 + 职务".
pub fn line_after_appointment(start: Date, unit: &str, title: &str) -> ResumeLine {
    ResumeLine {
        start: YearMonth::from(start),
        end: None,
        text: format!("{unit}{title}"),
    }
}

/// After a 免职: the open line that names the post gets the month of the end. The line that
/// names both the unit and the title wins over one naming the title only; among equals the
/// latest start. None when no open line names the post.
pub fn line_after_removal(
    lines: &[StoredLine],
    unit: &str,
    title: &str,
    end: Date,
) -> Option<(i64, ResumeLine)> {
    let score = |l: &StoredLine| -> u8 {
        match (l.text.contains(unit), l.text.contains(title)) {
            (true, true) => 2,
            (false, true) => 1,
            _ => 0,
        }
    };
    let best = lines
        .iter()
        .filter(|l| l.end.as_deref().is_none_or(|e| e.trim().is_empty()))
        .filter(|l| score(l) > 0)
        .max_by(|a, b| score(a).cmp(&score(b)).then(a.start.cmp(&b.start)))?;
    let start = YearMonth::parse(&best.start).ok()?;
    let end = YearMonth::from(end).max(start);
    Some((
        best.id,
        ResumeLine {
            start,
            end: Some(end),
            text: best.text.clone(),
        },
    ))
}

#[cfg(test)]
mod tests;
