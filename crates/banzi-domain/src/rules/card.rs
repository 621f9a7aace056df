//! The team card (班子结构卡): a traffic light per dimension of M2, and one for the team.
//!
//! Each dimension is green when it meets its rule, yellow when it partly does, red when it
//! does not; there are no parameters of its own (it reads those of the alerts):
//! - 年轻干部 (R-STRUCT-2, 市直单位 teams only): green with a member aged ≤ 42 *(param)*,
//!   red without one.
//! - 女干部 (R-STRUCT-3): green with a woman, red without.
//! - 党外干部 (R-STRUCT-3, units marked 党外干部必配 only, 一票否决): green when the unit has
//!   a current 党外 member in any of its teams, red when not.
//! - 职数 (R-STRUCT-4, 一票否决): red when a post has more holders than seats (超职数), yellow
//!   when a post has fewer (空缺), green when every post is filled exactly; holders by 挂职
//!   take no seat, as in the alert.
//! - 额位制 (R-STRUCT-5, 市直单位 teams only): green when the 系统外交流 share is reached,
//!   yellow when some but too few, red when none.
//! - 互补 (R-STRUCT-6, two members or more): red when all members share one 专业领域 and one
//!   age band, yellow when one of the two, green otherwise.
//!
//! A team with no current member is red on every dimension about members. The team's own
//! light is red when a 一票否决 dimension is red; otherwise green when every dimension is
//! green, and yellow.

use super::composition::age_band;
use super::current::Now;
use crate::codes::Gender;
use crate::message;
use crate::msg::Msg;

/// 绿/黄/红.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Light {
    Green,
    Yellow,
    Red,
}

/// One dimension of a team card. Its name a user reads is `card.<key>` of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dimension {
    /// `young`, `woman`, `non_cpc`, `seats`, `outside`, `complement`.
    pub key: &'static str,
    pub rule: &'static str,
    pub light: Light,
    /// 一票否决: red here makes the whole team red.
    pub veto: bool,
    /// What was found (`rule-card-youngest`: 最年轻成员38岁).
    pub detail: Msg,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub light: Light,
    pub dimensions: Vec<Dimension>,
}

fn dim(key: &'static str, rule: &'static str, veto: bool, light: Light, detail: Msg) -> Dimension {
    Dimension {
        key,
        rule,
        light,
        veto,
        detail,
    }
}

pub(crate) fn card(now: &Now, ti: u32) -> Card {
    let (f, p) = (now.f, now.p);
    let t = f.team(ti);
    let unit = f.unit(t.unit);
    let members = now.members(ti);
    let n = members.len();
    let green_if = |ok: bool| if ok { Light::Green } else { Light::Red };
    let mut dims = Vec::with_capacity(6);
    if unit.city_department {
        let youngest = members.iter().map(|m| now.age(m.cadre)).min();
        dims.push(dim(
            "young",
            "R-STRUCT-2",
            false,
            green_if(youngest.is_some_and(|a| a <= p.young_age)),
            youngest.map_or(Msg::new("rule-card-no-members"), |a| {
                message!("rule-card-youngest", age = a)
            }),
        ));
    }
    let women = members
        .iter()
        .filter(|m| f.cadre(m.cadre).gender == Gender::Female)
        .count();
    dims.push(dim(
        "woman",
        "R-STRUCT-3",
        false,
        green_if(women > 0),
        message!("rule-card-women", n = women),
    ));
    if unit.non_cpc_required {
        let non_cpc = unit
            .teams
            .range()
            .flat_map(|t| now.members(t as u32))
            .filter(|m| f.cadre(m.cadre).party.is_non_cpc())
            .count();
        dims.push(dim(
            "non_cpc",
            "R-STRUCT-3",
            true,
            green_if(non_cpc > 0),
            message!("rule-card-non-cpc", n = non_cpc),
        ));
    }
    let (mut seats, mut held, mut over, mut under) = (0, 0, false, false);
    let mut seconded = 0;
    for &pi in &f.team_posts[t.posts.range()] {
        let (h, s) = (now.post_holders[pi as usize], f.post(pi).seats);
        seats += s;
        held += h;
        seconded += now.post_seconded[pi as usize];
        over |= h > s;
        under |= h < s;
    }
    dims.push(dim(
        "seats",
        "R-STRUCT-4",
        true,
        if over {
            Light::Red
        } else if under {
            Light::Yellow
        } else {
            Light::Green
        },
        message!(
            "rule-card-seats",
            seats = seats,
            held = held,
            seconded = seconded
        ),
    ));
    if unit.city_department {
        let outside = members.iter().filter(|m| m.outside).count();
        dims.push(dim(
            "outside",
            "R-STRUCT-5",
            false,
            if n > 0 && p.outside_share.reached(outside, n) {
                Light::Green
            } else if outside > 0 {
                Light::Yellow
            } else {
                Light::Red
            },
            message!("rule-card-outside", outside = outside, members = n),
        ));
    }
    let (light, detail) = if n == 0 {
        (Light::Red, Msg::new("rule-card-no-members"))
    } else if n == 1 {
        (Light::Green, Msg::new("rule-card-one-member"))
    } else {
        let first = f.cadre(members[0].cadre).profession;
        let field = first != 0 && members.iter().all(|m| f.cadre(m.cadre).profession == first);
        let band = age_band(now.age(members[0].cadre));
        let ages = members.iter().all(|m| age_band(now.age(m.cadre)) == band);
        let field_text = || f.word(first).to_string();
        let detail = match (field, ages) {
            (true, true) => message!("rule-card-same-field-and-age", field = field_text()),
            (true, false) => message!("rule-card-same-field", field = field_text()),
            (false, true) => Msg::new("rule-card-same-age"),
            (false, false) => Msg::new("rule-card-complementary"),
        };
        let light = match u8::from(field) + u8::from(ages) {
            0 => Light::Green,
            1 => Light::Yellow,
            _ => Light::Red,
        };
        (light, detail)
    };
    dims.push(dim("complement", "R-STRUCT-6", false, light, detail));
    let light = if dims.iter().any(|d| d.veto && d.light == Light::Red) {
        Light::Red
    } else if dims.iter().all(|d| d.light == Light::Green) {
        Light::Green
    } else {
        Light::Yellow
    };
    Card {
        light,
        dimensions: dims,
    }
}
