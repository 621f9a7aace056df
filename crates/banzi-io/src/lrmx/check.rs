//! The elements of one file checked into a person: every problem at once, each naming the
//! file and the element.

use super::read::{Raw, el, name_of};
use banzi_domain::cadre::FamilyMember;
use banzi_domain::codes::Gender;
use banzi_domain::lrmx::{self, FAMILY_ELEMENTS, LrmxDate, LrmxPerson, Schooling};
use banzi_domain::msg::Arg;
use banzi_domain::{IdNumber, Msg, message};
use base64::Engine;
use std::collections::HashMap;

/// Longest text of a short element (a name, a date, a post).
const MAX_SHORT: usize = 500;
/// Longest text of 简历, 奖惩, 年度考核, 任免理由 and the posts.
const MAX_LONG: usize = 20_000;
/// Elements whose text may be long.
const LONG: [&str; 7] = [
    "JianLi",
    "JiangChengQingKuang",
    "NianDuKaoHeJieGuo",
    "RenMianLiYou",
    "XianRenZhiWu",
    "NiRenZhiWu",
    "NiMianZhiWu",
];

/// Checks every element; all problems at once.
pub(super) fn check(file: &str, mut raw: Raw) -> Result<LrmxPerson, Vec<Msg>> {
    let mut errors: Vec<Msg> = raw
        .repeated
        .drain(..)
        .map(|element| {
            message!(
                "lrmx-element-repeated",
                file = file.to_string(),
                element = element
            )
        })
        .collect();
    let mut take = |tag: &'static str| -> String {
        let v = raw.values.remove(tag).unwrap_or_default();
        let max = if LONG.contains(&tag) {
            MAX_LONG
        } else {
            MAX_SHORT
        };
        // Bytes bound characters: most values are never counted.
        if tag != "ZhaoPian" && v.len() > max && v.chars().count() > max {
            errors.push(message!(
                "lrmx-element-too-long",
                file = file.to_string(),
                element = name_of(tag),
                max = max,
            ));
        }
        trimmed(v)
    };
    let mut v: HashMap<&'static str, String> = lrmx::ELEMENTS
        .iter()
        .map(|e| (e.tag, take(e.tag)))
        .collect();
    let get = |tag: &str| v.get(tag).map(String::as_str).unwrap_or_default();
    let invalid = |tag: &str, value: &str, reason: Msg| {
        message!(
            "lrmx-element-invalid",
            file = file.to_string(),
            element = name_of(tag),
            value = value.to_string(),
            reason = reason,
        )
    };
    let date = |errors: &mut Vec<Msg>, tag: &str| -> Option<LrmxDate> {
        LrmxDate::parse_opt(get(tag))
            .map_err(|m| errors.push(invalid(tag, get(tag), m)))
            .ok()
            .flatten()
    };
    let missing = |tag: &str| {
        message!(
            "lrmx-element-missing",
            file = file.to_string(),
            element = name_of(tag)
        )
    };

    let name = get("XingMing").to_string();
    if name.is_empty() {
        errors.push(missing("XingMing"));
    }
    let id = match get("ShenFenZheng") {
        "" => {
            errors.push(missing("ShenFenZheng"));
            None
        }
        t => IdNumber::parse(t)
            .map_err(|m| errors.push(invalid("ShenFenZheng", t, m)))
            .ok(),
    };
    let gender = match get("XingBie") {
        "" => None,
        t => Gender::parse(t)
            .map_err(|m| errors.push(invalid("XingBie", t, m)))
            .ok(),
    };
    let birth = date(&mut errors, "ChuShengNianYue");
    let party_joined = date(&mut errors, "RuDangShiJian");
    let work_started = date(&mut errors, "CanJiaGongZuoShiJian");
    let age_as_of = date(&mut errors, "JiSuanNianLingShiJian");
    let filled_on = date(&mut errors, "TianBiaoShiJian");
    let pre_reform_limit = date(&mut errors, "GaiGeQianRenZhiNianLingJieXian").map(LrmxDate::month);
    let due = date(&mut errors, "DaoLingNianYue").map(LrmxDate::month);
    let resume = lrmx::parse_resume(get("JianLi")).unwrap_or_else(|ms| {
        errors.extend(ms.into_iter().map(|reason| {
            message!(
                "lrmx-element-error",
                file = file.to_string(),
                element = name_of("JianLi"),
                reason = reason,
            )
        }));
        Vec::new()
    });
    let photo = photo(get("ZhaoPian")).unwrap_or_else(|reason| {
        errors.push(message!(
            "lrmx-element-error",
            file = file.to_string(),
            element = name_of("ZhaoPian"),
            reason = reason,
        ));
        None
    });
    let family = family(file, &raw.family, &mut errors);
    let Some(id_number) = id.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    // The texts are moved out now that every check has read them.
    let mut s = |tag: &str| v.remove(tag).unwrap_or_default();
    let full_time = Schooling {
        education: s("QuanRiZhiJiaoYu_XueLi"),
        degree: s("QuanRiZhiJiaoYu_XueWei"),
        education_school: s("QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi"),
        degree_school: s("QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi"),
    };
    let in_service = Schooling {
        education: s("ZaiZhiJiaoYu_XueLi"),
        degree: s("ZaiZhiJiaoYu_XueWei"),
        education_school: s("ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi"),
        degree_school: s("ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi"),
    };
    Ok(LrmxPerson {
        name,
        gender,
        birth,
        ethnicity: s("MinZu"),
        native_place: s("JiGuan"),
        birth_place: s("ChuShengDi"),
        party_joined,
        work_started,
        health: s("JianKangZhuangKuang"),
        professional_title: s("ZhuanYeJiShuZhiWu"),
        expertise: s("ShuXiZhuanYeYouHeZhuanChang"),
        full_time,
        in_service,
        current_post: s("XianRenZhiWu"),
        proposed_post: s("NiRenZhiWu"),
        proposed_removal: s("NiMianZhiWu"),
        resume,
        rewards: s("JiangChengQingKuang"),
        ratings: s("NianDuKaoHeJieGuo"),
        reason: s("RenMianLiYou"),
        family,
        reporting_unit: s("ChengBaoDanWei"),
        age_as_of,
        filled_on,
        filled_by: s("TianBiaoRen"),
        id_number,
        photo,
        version: s("Version"),
        pre_reform_limit,
        due,
    })
}

/// `v` without its surrounding white space, in place.
fn trimmed(mut v: String) -> String {
    let end = v.trim_end().len();
    v.truncate(end);
    let start = v.len() - v.trim_start().len();
    v.drain(..start);
    v
}

/// The photo's Base64 (line breaks allowed) decoded and checked in full as an upload is.
fn photo(text: &str) -> Result<Option<Vec<u8>>, Msg> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    if compact.is_empty() {
        return Ok(None);
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .map_err(|_| Msg::new("lrmx-photo-base64"))?;
    crate::check_photo(&bytes).map(|p| Some(p.data))
}

/// The family members; a blank `<Item>` (the editor writes some) is skipped.
fn family(
    file: &str,
    items: &[HashMap<&'static str, String>],
    errors: &mut Vec<Msg>,
) -> Vec<FamilyMember> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let get = |tag: &str| item.get(tag).map_or("", |v| v.trim());
        if FAMILY_ELEMENTS.iter().all(|e| get(e.tag).is_empty()) {
            continue;
        }
        let element = |e: usize| {
            Arg::from(message!(
                "lrmx-family-element",
                n = i + 1,
                element = el(FAMILY_ELEMENTS[e])
            ))
        };
        let before = errors.len();
        for (k, tag) in [(0, "ChengWei"), (1, "XingMing")] {
            if get(tag).is_empty() {
                errors.push(message!(
                    "lrmx-element-missing",
                    file = file.to_string(),
                    element = element(k)
                ));
            }
        }
        let birth = LrmxDate::parse_opt(get("ChuShengRiQi"))
            .map_err(|reason| {
                errors.push(message!(
                    "lrmx-element-invalid",
                    file = file.to_string(),
                    element = element(2),
                    value = get("ChuShengRiQi").to_string(),
                    reason = reason,
                ))
            })
            .ok()
            .flatten();
        if errors.len() == before {
            out.push(FamilyMember {
                relation: get("ChengWei").into(),
                name: get("XingMing").into(),
                birth: birth.map(LrmxDate::month),
                party: get("ZhengZhiMianMao").into(),
                work: get("GongZuoDanWeiJiZhiWu").into(),
            });
        }
    }
    out
}
