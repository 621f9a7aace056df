//! The team card (班子结构卡): a traffic light per dimension of M2, and one for the team.
//!
//! A dimension's light follows the alerts its rule raises on the team (issue 15, item 8):
//! green with none, yellow when they are all notices (提示), red with a warning or a
//! violation. There are no parameters of its own (it reads those of the alerts):
//! - 年轻干部 (R-STRUCT-2, 市直单位 teams only): green with a member aged ≤ 42 *(param)*,
//!   yellow without one (a notice).
//! - 女干部 (R-STRUCT-3): green with a woman, yellow without (a notice).
//! - 党外干部 (R-STRUCT-3, units marked 党外干部必配 only, 一票否决): green when the unit has
//!   a current 党外 member in any of its teams, red when it has members and none 党外 (a
//!   violation).
//! - 职数 (R-STRUCT-4, 一票否决): red when a post has more holders than seats (超职数, a
//!   violation), yellow when a post has fewer (空缺, a notice), green when every post is
//!   filled exactly; holders by 挂职 take no seat, as in the alert.
//! - 额位制 (R-STRUCT-5, 市直单位 teams only): green when the 系统外交流 share is reached,
//!   yellow when not (a notice).
//! - 互补 (R-STRUCT-6, two members or more): yellow when all members share one 专业领域 or
//!   one age band or both (notices), green otherwise.
//!
//! A team with no current member gets only the vacancy notices of its posts (see the rules'
//! module doc): every dimension about members is yellow, as is 党外干部 for a unit with no
//! member in any team. The team's own light, as the card's legend states it: red when a
//! 一票否决 dimension is red; otherwise green when every dimension is green, and yellow.
//! (Only 一票否决 dimensions can be red, so a red dimension always turns the team red.)

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
    // The rules of these dimensions raise notices only: unmet is yellow.
    let green_if = |ok: bool| if ok { Light::Green } else { Light::Yellow };
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
        let in_unit: Vec<_> = unit
            .teams
            .range()
            .flat_map(|t| now.members(t as u32))
            .collect();
        let non_cpc = in_unit
            .iter()
            .filter(|m| f.cadre(m.cadre).party.is_non_cpc())
            .count();
        // A violation when the unit has members and none is 党外; not checked without any.
        let (light, detail) = if in_unit.is_empty() {
            (Light::Yellow, Msg::new("rule-card-no-members"))
        } else if non_cpc == 0 {
            (Light::Red, message!("rule-card-non-cpc", n = non_cpc))
        } else {
            (Light::Green, message!("rule-card-non-cpc", n = non_cpc))
        };
        dims.push(dim("non_cpc", "R-STRUCT-3", true, light, detail));
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
            green_if(n > 0 && p.outside_share.reached(outside, n)),
            message!("rule-card-outside", outside = outside, members = n),
        ));
    }
    let (light, detail) = if n == 0 {
        (Light::Yellow, Msg::new("rule-card-no-members"))
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
        (green_if(!field && !ages), detail)
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
