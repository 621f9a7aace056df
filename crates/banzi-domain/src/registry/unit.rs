//! 单位 and 职位.

use super::{code, optional, required};
use crate::codes::{PostKind, PostLevel, UnitSystem, yes_no};
use crate::error::{DomainError, Errors};
use crate::message;
use crate::msg::Msg;

/// 单位.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub parent_code: Option<String>,
    /// 单位类别: 县(市、区), 市直单位, 乡镇(街道), 企事业单位 … (open list).
    pub category: String,
    /// 考核平台 (R-ASSESS-2).
    pub platform: String,
    pub system: UnitSystem,
    /// 党外干部必配 (R-STRUCT-3).
    pub non_cpc_required: bool,
}

#[derive(Debug, Clone, Default)]
pub struct UnitRaw {
    pub code: String,
    pub name: String,
    pub parent_code: String,
    pub category: String,
    pub platform: String,
    pub system: String,
    pub non_cpc_required: String,
}

impl UnitRaw {
    /// The 单位编码 when it is a valid code, whatever the other cells hold: a row refused
    /// for another error can still be referred to by it.
    pub fn key(&self) -> Option<String> {
        code(&mut Errors::default(), "单位编码", &self.code)
    }
}

impl Unit {
    pub fn parse(r: &UnitRaw) -> Result<Unit, DomainError> {
        let mut e = Errors::default();
        let code = code(&mut e, "单位编码", &r.code);
        let name = required(&mut e, "单位名称", &r.name);
        let parent = r.parent_code.trim();
        let parent_code = if parent.is_empty() {
            None
        } else {
            self::code(&mut e, "上级单位编码", parent)
        };
        let category = required(&mut e, "单位类别", &r.category);
        let platform = optional(&mut e, "考核平台", &r.platform);
        let system = e.check("所属系统", UnitSystem::parse(&r.system));
        let flag = e.check("党外干部必配", yes_no(&r.non_cpc_required));
        if let (Some(c), Some(p)) = (&code, &parent_code)
            && c == p
        {
            e.add("上级单位编码", Msg::new("reg-parent-self"));
        }
        e.into_result()?;
        Ok(Unit {
            code: code.unwrap_or_default(),
            name: name.unwrap_or_default(),
            parent_code,
            category: category.unwrap_or_default(),
            platform,
            system: system.unwrap_or(UnitSystem::Other),
            non_cpc_required: flag.unwrap_or(false),
        })
    }
}

/// 职位: a seat on a team. `team` is the 班子名称; blank means the unit's one team.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Post {
    pub code: String,
    pub unit_code: String,
    pub team: String,
    pub title: String,
    pub kind: PostKind,
    /// 职数.
    pub seats: i64,
    /// 职务层次; none when the roster leaves it blank (R-TERM-1, R-PROB-1).
    pub level: Option<PostLevel>,
}

#[derive(Debug, Clone, Default)]
pub struct PostRaw {
    pub code: String,
    pub unit_code: String,
    pub team: String,
    pub title: String,
    pub kind: String,
    pub seats: String,
    pub level: String,
}

impl PostRaw {
    /// The 职位编码 when it is a valid code (see [`UnitRaw::key`]).
    pub fn key(&self) -> Option<String> {
        code(&mut Errors::default(), "职位编码", &self.code)
    }
}

impl Post {
    pub fn parse(r: &PostRaw) -> Result<Post, DomainError> {
        let mut e = Errors::default();
        let code = code(&mut e, "职位编码", &r.code);
        let unit_code = code_req(&mut e, "单位编码", &r.unit_code);
        let team = optional(&mut e, "班子名称", &r.team);
        let title = required(&mut e, "职位名称", &r.title);
        let kind = e.check("职位类别", PostKind::parse(&r.kind));
        let level = if r.level.trim().is_empty() {
            None
        } else {
            e.check("职务层次", PostLevel::parse(&r.level))
        };
        let seats = if r.seats.trim().is_empty() {
            Some(1)
        } else {
            match r.seats.trim().trim_end_matches(".0").parse::<i64>() {
                Ok(n) if (1..=99).contains(&n) => Some(n),
                _ => {
                    e.add(
                        "职数",
                        message!("reg-seats-range", value = r.seats.trim().to_string()),
                    );
                    None
                }
            }
        };
        e.into_result()?;
        Ok(Post {
            code: code.unwrap_or_default(),
            unit_code: unit_code.unwrap_or_default(),
            team,
            title: title.unwrap_or_default(),
            kind: kind.unwrap_or(PostKind::Member),
            seats: seats.unwrap_or(1),
            level,
        })
    }
}

fn code_req(e: &mut Errors, field: &str, v: &str) -> Option<String> {
    code(e, field, v)
}
