//! 班子结构统计 — R-STRUCT-1: per team and for the city, over current members.
//!
//! - Age in full years on the as-of date, in 5-year bands (`40–44岁`, as R-STRUCT-6) and by
//!   generation of birth year (`60后` = born 1960–1969); mean age to one decimal; the bands
//!   split by gender give the age pyramid.
//! - Gender, 民族, 政治面貌 (and the 党外 count, R-STRUCT-3), 全日制学历 and 最高学历 (the
//!   higher of 全日制 and 在职), 专业领域 (blank as 未填).
//! - Source (来源): 系统外交流 when the member entered the team (for the city: any team they sit
//!   on now) by 系统外交流, the start of their current joined stretch in the team (R-STRUCT-5); otherwise 基层 when the cadre has held a post in a unit whose
//!   单位类别 is 乡镇(街道) on or before the as-of date; otherwise 本系统.
//! - Tenure in post (任现职时间): from the start of the joined run (the earliest, when several
//!   posts are held), in bands 不满1年, 1至3年, 3至5年, 5至10年, 10年及以上.
//! - Age tiers (梯次配备) are present when the members span at least 3 of the 5-year bands.
//!
//! The city profile counts each cadre in post once, whatever the number of their posts.

use super::card::{Card, card};
use super::composition::age_band;
use super::current::{Member, Now};
use super::facts::CadreF;
use super::{Facts, Params};
use crate::codes::{Education, Gender, Manner, Party};
use crate::date::{Date, age_on, years_months};
use std::collections::BTreeMap;

/// A label and how many members have it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Count {
    pub label: String,
    pub count: u32,
}

/// One row of the age pyramid.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BandByGender {
    pub band: String,
    pub men: u32,
    pub women: u32,
}

/// The structure of a set of cadres (R-STRUCT-1). Open lists (民族, 专业领域) are by count,
/// most first; the others in their natural order. Empty groups are left out of open lists
/// and of the age lists.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Profile {
    pub members: u32,
    pub mean_age: Option<f64>,
    pub age_bands: Vec<Count>,
    pub pyramid: Vec<BandByGender>,
    pub generations: Vec<Count>,
    pub gender: Vec<Count>,
    pub ethnicity: Vec<Count>,
    pub party: Vec<Count>,
    /// 党外: neither 中共党员 nor 中共预备党员.
    pub non_cpc: u32,
    pub ft_education: Vec<Count>,
    pub highest_education: Vec<Count>,
    pub profession: Vec<Count>,
    pub source: Vec<Count>,
    pub tenure: Vec<Count>,
    /// 梯次: members in at least 3 distinct 5-year age bands.
    pub age_tiers: bool,
}

/// One team: who it is, its profile and its traffic-light card.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamProfile {
    pub unit: String,
    pub unit_name: String,
    /// 班子名称 (blank for the unit's one team).
    pub team: String,
    /// "江川市财政局领导班子".
    pub name: crate::msg::Msg,
    pub city_department: bool,
    pub posts: u32,
    pub seats: u32,
    pub profile: Profile,
    pub card: Card,
}

/// R-STRUCT-1 on one date: every team, in unit code order, and the whole city.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    pub as_of: Date,
    pub city: Profile,
    pub teams: Vec<TeamProfile>,
}

pub const SOURCES: [&str; 3] = ["本系统", "系统外交流", "基层"];
pub const TENURE_BANDS: [&str; 5] = ["不满1年", "1至3年", "3至5年", "5至10年", "10年及以上"];
/// The label of a blank value (no 学历, no 专业领域 …) in the counts.
pub const UNKNOWN: &str = "未填";

#[derive(Default)]
struct Tally {
    members: u32,
    age_sum: i64,
    /// age band → (men, women)
    bands: BTreeMap<i32, (u32, u32)>,
    generations: BTreeMap<i32, u32>,
    men: u32,
    women: u32,
    ethnicity: BTreeMap<u32, u32>,
    party: BTreeMap<Party, u32>,
    non_cpc: u32,
    ft_education: BTreeMap<Option<Education>, u32>,
    highest_education: BTreeMap<Option<Education>, u32>,
    profession: BTreeMap<u32, u32>,
    source: [u32; 3],
    tenure: [u32; 5],
}

impl Tally {
    fn add(&mut self, f: &Facts, as_of: Date, cadre: u32, since: Date, outside: bool) {
        let c = f.cadre(cadre);
        let age = age_on(c.birth, as_of);
        self.members += 1;
        self.age_sum += i64::from(age);
        let band = self.bands.entry(age_band(age)).or_default();
        match c.gender {
            Gender::Male => {
                band.0 += 1;
                self.men += 1;
            }
            Gender::Female => {
                band.1 += 1;
                self.women += 1;
            }
        }
        *self.generations.entry(generation(c)).or_default() += 1;
        *self.ethnicity.entry(c.ethnicity).or_default() += 1;
        *self.party.entry(c.party).or_default() += 1;
        self.non_cpc += u32::from(c.party.is_non_cpc());
        *self.ft_education.entry(c.ft_education).or_default() += 1;
        *self.highest_education.entry(top_education(c)).or_default() += 1;
        *self.profession.entry(c.profession).or_default() += 1;
        self.source[source_of(c, outside, as_of)] += 1;
        self.tenure[tenure_of(since, as_of)] += 1;
    }

    fn profile(&self, f: &Facts) -> Profile {
        let count = |label: String, count: u32| Count { label, count };
        let word = |w: u32| match f.word(w) {
            "" => UNKNOWN.to_string(),
            s => s.to_string(),
        };
        let by_count = |m: &BTreeMap<u32, u32>| {
            let mut v: Vec<Count> = m.iter().map(|(w, n)| count(word(*w), *n)).collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
            v
        };
        let edu = |m: &BTreeMap<Option<Education>, u32>| {
            // `None` sorts first in a map; unknown goes last.
            let mut v: Vec<Count> = m
                .iter()
                .filter(|(e, _)| e.is_some())
                .map(|(e, n)| count(e.map_or(UNKNOWN, |e| e.label()).to_string(), *n))
                .collect();
            if let Some(n) = m.get(&None) {
                v.push(count(UNKNOWN.to_string(), *n));
            }
            v
        };
        Profile {
            members: self.members,
            mean_age: mean_age(self.age_sum, self.members),
            age_bands: self
                .bands
                .iter()
                .map(|(b, (m, w))| count(band_label(*b), m + w))
                .collect(),
            pyramid: self
                .bands
                .iter()
                .map(|(b, (m, w))| BandByGender {
                    band: band_label(*b),
                    men: *m,
                    women: *w,
                })
                .collect(),
            generations: self
                .generations
                .iter()
                .map(|(y, n)| count(generation_label(*y), *n))
                .collect(),
            gender: vec![count("男".into(), self.men), count("女".into(), self.women)],
            ethnicity: by_count(&self.ethnicity),
            party: self
                .party
                .iter()
                .map(|(p, n)| count(p.label().into(), *n))
                .collect(),
            non_cpc: self.non_cpc,
            ft_education: edu(&self.ft_education),
            highest_education: edu(&self.highest_education),
            profession: by_count(&self.profession),
            source: SOURCES
                .iter()
                .zip(self.source)
                .map(|(l, n)| count(l.to_string(), n))
                .collect(),
            tenure: TENURE_BANDS
                .iter()
                .zip(self.tenure)
                .map(|(l, n)| count(l.to_string(), n))
                .collect(),
            age_tiers: self.bands.len() >= 3,
        }
    }
}

/// The city's members: each cadre in post once, from the earliest start of the runs held,
/// 系统外交流 when they entered any team they sit on now by it (R-STRUCT-5's reading).
pub(crate) fn city_members<'n>(now: &'n Now) -> impl Iterator<Item = Member> + 'n {
    now.holders.iter().map(|&(cadre, span)| {
        let mut since = now.as_of;
        let mut outside = false;
        for (_, a) in now.held(span) {
            since = since.min(a.run_start);
            outside |= a.team_manner == Some(Manner::OutsideExchange);
        }
        Member {
            cadre,
            since,
            outside,
        }
    })
}

/// The source of a member, an index into [`SOURCES`] (see the module's notes).
pub(crate) fn source_of(c: &CadreF, outside: bool, as_of: Date) -> usize {
    if outside {
        1
    } else if c.grassroots_from.is_some_and(|d| d <= as_of) {
        2
    } else {
        0
    }
}

/// Tenure in post from `since`, an index into [`TENURE_BANDS`].
pub(crate) fn tenure_of(since: Date, as_of: Date) -> usize {
    match years_months(since, as_of).0 {
        ..1 => 0,
        1..3 => 1,
        3..5 => 2,
        5..10 => 3,
        _ => 4,
    }
}

/// 最高学历: the higher of 全日制 and 在职. Education sorts highest first, so the higher of
/// the two is the smaller.
pub(crate) fn top_education(c: &CadreF) -> Option<Education> {
    match (c.ft_education, c.pt_education) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// "40-44岁" for the band of [`age_band`].
pub(crate) fn band_label(b: i32) -> String {
    format!("{}-{}岁", b * 5, b * 5 + 4)
}

/// The decade of birth: 1968 → 1960.
pub(crate) fn generation(c: &CadreF) -> i32 {
    i32::from(c.birth.year()).div_euclid(10) * 10
}

/// "60后" for the decade 1960.
pub(crate) fn generation_label(decade: i32) -> String {
    format!("{:02}后", decade.rem_euclid(100))
}

/// R-STRUCT-1 and the team cards on `as_of`. The parameters are those of the alerts (the
/// card's young-cadre age and outside share).
pub fn structure(facts: &Facts, params: &Params, as_of: Date) -> Structure {
    let joined = facts.joined(params.join_gap_days);
    let facts: &Facts = &joined;
    let now = Now::new(facts, params, as_of);
    Structure {
        as_of,
        city: city_profile(&now),
        teams: (0..facts.teams.len() as u32)
            .map(|ti| team_profile(&now, ti))
            .collect(),
    }
}

/// The city's profile: each cadre in post once.
pub(crate) fn city_profile(now: &Now) -> Profile {
    let mut city = Tally::default();
    for m in city_members(now) {
        city.add(now.f, now.as_of, m.cadre, m.since, m.outside);
    }
    city.profile(now.f)
}

/// Team `ti`: who it is, its profile and its card.
pub(crate) fn team_profile(now: &Now, ti: u32) -> TeamProfile {
    let (facts, as_of) = (now.f, now.as_of);
    let t = facts.team(ti);
    let mut tally = Tally::default();
    for m in now.members(ti) {
        tally.add(facts, as_of, m.cadre, m.since, m.outside);
    }
    let unit = facts.unit(t.unit);
    let posts = &facts.team_posts[t.posts.range()];
    TeamProfile {
        unit: facts.text(unit.code).to_string(),
        unit_name: facts.text(unit.name).to_string(),
        team: facts.team_name(ti).to_string(),
        name: facts.team_title(ti),
        city_department: unit.city_department,
        posts: posts.len() as u32,
        seats: posts.iter().map(|&p| facts.post(p).seats).sum(),
        profile: tally.profile(facts),
        card: card(now, ti),
    }
}

/// The mean of `members` ages summing to `sum`, to one decimal.
pub(crate) fn mean_age(sum: i64, members: u32) -> Option<f64> {
    (members > 0).then(|| (sum as f64 / f64::from(members) * 10.0).round() / 10.0)
}
