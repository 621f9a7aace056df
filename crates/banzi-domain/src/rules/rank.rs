//! 职级 groups — which retirement age (R-AGE-1) and which training hours (R-TRAIN-1) apply.
//!
//! The seeds and 中组发〔2015〕14号 speak of 县处级 and above (正处级, 副处级, 一级至四级调研员, and
//! the 厅局级 and 省部级 ranks and 巡视员 above them) against 乡科级 and below (正科级, 副科级,
//! 一级至四级主任科员, 科员, 办事员). The roster's 现职级 is free text, so it is read by its
//! words; when it is blank or unknown, the 职务层次 of the highest post held on the as-of date
//! decides (正/副处级 and above: 县处级). Where neither says, R-AGE-1 takes the group below
//! 县处级 (the general statutory age) and R-TRAIN-1 checks no hours (it cannot know which
//! standard applies) — both written here because the texts are silent.

use super::current::Now;
use super::params::RankGroup;
use crate::codes::PostLevel;

/// The group a 现职级 text names, if it names one.
pub fn rank_group(rank: &str) -> Option<RankGroup> {
    let r = rank.trim();
    if r.is_empty() {
        return None;
    }
    const COUNTY: [&str; 8] = [
        "处",
        "县级",
        "厅",
        "局级",
        "部级",
        "巡视员",
        "调研员",
        "省级",
    ];
    const BELOW: [&str; 2] = ["科", "办事员"];
    if COUNTY.iter().any(|w| r.contains(w)) {
        Some(RankGroup::County)
    } else if BELOW.iter().any(|w| r.contains(w)) {
        Some(RankGroup::Below)
    } else {
        None
    }
}

/// The group of a 职务层次.
pub fn level_group(level: PostLevel) -> RankGroup {
    match level {
        PostLevel::SectionChief | PostLevel::SectionDeputy => RankGroup::Below,
        _ => RankGroup::County,
    }
}

/// The group of a cadre in post on the as-of date (`span` from `Now::holders`): by 现职级,
/// else by the highest 职务层次 of the posts they hold; none when neither is known.
pub(crate) fn cadre_group(now: &Now, cadre: u32, span: super::facts::Span) -> Option<RankGroup> {
    let f = now.f;
    rank_group(f.word(f.cadre(cadre).rank)).or_else(|| {
        now.held(span)
            .filter_map(|(_, a)| f.post(a.post).level)
            .min()
            .map(level_group)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rank word of the 2019 职级 reform and the 职务层次 names, read into their group.
    #[test]
    fn every_rank_name_falls_in_its_group() {
        let county = [
            "正处级",
            "副处级",
            "正县级",
            "副县级",
            "县处级正职",
            "县处级副职",
            "一级调研员",
            "二级调研员",
            "三级调研员",
            "四级调研员",
            "一级巡视员",
            "二级巡视员",
            "正厅级",
            "副厅级",
            "正局级",
            "副局级",
            "正部级",
            "副部级",
        ];
        for r in county {
            assert_eq!(rank_group(r), Some(RankGroup::County), "{r}");
        }
        let below = [
            "正科级",
            "副科级",
            "一级主任科员",
            "二级主任科员",
            "三级主任科员",
            "四级主任科员",
            "一级科员",
            "二级科员",
            "科员",
            "办事员",
            "乡科级正职",
        ];
        for r in below {
            assert_eq!(rank_group(r), Some(RankGroup::Below), "{r}");
        }
        for r in ["", "  ", "其他", "未定"] {
            assert_eq!(rank_group(r), None, "{r}");
        }
        for l in PostLevel::ALL {
            let want = if l.label().contains('科') {
                RankGroup::Below
            } else {
                RankGroup::County
            };
            assert_eq!(level_group(*l), want, "{l}");
            assert_eq!(rank_group(l.label()), Some(want), "{l}");
        }
    }
}
