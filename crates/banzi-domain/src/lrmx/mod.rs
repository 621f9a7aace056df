//! 干部任免审批表 — one person as the 中组部 editor's LRMX file holds them (LRMX.md; R-SEL-12
//! writes it, M1's interchange reads it).
//!
//! [`LrmxPerson`] types every element; [`ELEMENTS`] lists them in the file's order with the
//! catalog entry of their Chinese name, so the reader and the writer agree and every message
//! names the element as the form prints it. [`LrmxPerson::to_cadre`] maps the person onto the
//! registry's [`Cadre`](crate::registry::Cadre), so an import can be compared with what is
//! stored.

mod cadre;
mod dates;
mod export;
mod import;
mod record;
mod resume;
mod wording;

pub use cadre::parse_education;
pub use dates::{LrmxDate, month_text};
pub use export::{Export, Proposal};
pub use import::{FilePlan, ImportPlan, Outcome};
pub use record::{Derived, FormRecord, FormTexts};
pub(crate) use resume::leading_period;
pub use resume::{DURING, DURING_OPEN, ResumeEntry, STUDY, parse_resume, write_resume};
pub use wording::{ratings_text, rewards_text};

use crate::cadre::FamilyMember;
use crate::codes::Gender;
use crate::date::YearMonth;
use crate::id_number::IdNumber;
use crate::msg::Msg;

/// 学历, 学位 and their 毕业院校系及专业, as the form writes them (全日制 or 在职).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Schooling {
    /// 学历: 大学, 研究生, 中央党校研究生 …
    pub education: String,
    /// 学位: 法学学士, 管理学硕士 …
    pub degree: String,
    /// 毕业院校系及专业 of the 学历.
    pub education_school: String,
    /// 毕业院校系及专业 of the 学位.
    pub degree_school: String,
}

/// One person of an LRMX file, every element typed. Text elements are kept as written
/// (trimmed); a blank optional element is empty or `None`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LrmxPerson {
    /// 姓名 (required).
    pub name: String,
    /// 性别.
    pub gender: Option<Gender>,
    /// 出生年月.
    pub birth: Option<LrmxDate>,
    /// 民族.
    pub ethnicity: String,
    /// 籍贯.
    pub native_place: String,
    /// 出生地.
    pub birth_place: String,
    /// 入党时间.
    pub party_joined: Option<LrmxDate>,
    /// 参加工作时间.
    pub work_started: Option<LrmxDate>,
    /// 健康状况.
    pub health: String,
    /// 专业技术职务.
    pub professional_title: String,
    /// 熟悉专业有何专长.
    pub expertise: String,
    /// 全日制教育.
    pub full_time: Schooling,
    /// 在职教育.
    pub in_service: Schooling,
    /// 现任职务.
    pub current_post: String,
    /// 拟任职务.
    pub proposed_post: String,
    /// 拟免职务.
    pub proposed_removal: String,
    /// 简历.
    pub resume: Vec<ResumeEntry>,
    /// 奖惩情况, as written.
    pub rewards: String,
    /// 年度考核结果, as written.
    pub ratings: String,
    /// 任免理由.
    pub reason: String,
    /// 家庭主要成员及重要社会关系.
    pub family: Vec<FamilyMember>,
    /// 呈报单位.
    pub reporting_unit: String,
    /// 计算年龄时间: the day ages on the form are counted to.
    pub age_as_of: Option<LrmxDate>,
    /// 填表时间.
    pub filled_on: Option<LrmxDate>,
    /// 填表人.
    pub filled_by: String,
    /// 身份证号 (required): the key an import matches stored cadres by.
    pub id_number: IdNumber,
    /// 照片: the checked image bytes (JPEG or PNG).
    pub photo: Option<Vec<u8>>,
    /// The editor's version (`3.2.1.16`).
    pub version: String,
    /// 改革前任职年龄界限 (2025): the month the statutory age was reached before the reform.
    pub pre_reform_limit: Option<YearMonth>,
    /// 到龄年月 (2025): the month the statutory age is reached under the reform (R-AGE-1).
    pub due: Option<YearMonth>,
}

impl LrmxPerson {
    /// A person with only the two required elements.
    pub fn new(name: impl Into<String>, id_number: IdNumber) -> LrmxPerson {
        LrmxPerson {
            name: name.into(),
            gender: None,
            birth: None,
            ethnicity: String::new(),
            native_place: String::new(),
            birth_place: String::new(),
            party_joined: None,
            work_started: None,
            health: String::new(),
            professional_title: String::new(),
            expertise: String::new(),
            full_time: Schooling::default(),
            in_service: Schooling::default(),
            current_post: String::new(),
            proposed_post: String::new(),
            proposed_removal: String::new(),
            resume: Vec::new(),
            rewards: String::new(),
            ratings: String::new(),
            reason: String::new(),
            family: Vec::new(),
            reporting_unit: String::new(),
            age_as_of: None,
            filled_on: None,
            filled_by: String::new(),
            id_number,
            photo: None,
            version: String::new(),
            pre_reform_limit: None,
            due: None,
        }
    }
}

/// One element of the file: its tag and the catalog entry of its Chinese name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Element {
    pub tag: &'static str,
    pub name: &'static str,
}

impl Element {
    /// The element's Chinese name as a message argument (`lrmx-el-…`).
    pub fn msg(self) -> Msg {
        Msg::new(self.name)
    }
}

macro_rules! elements {
    ($($tag:literal => $id:literal),+ $(,)?) => {
        &[$(Element { tag: $tag, name: $id }),+]
    };
}

/// The children of `<Person>` in the order of LRMX.md (the 2025 elements last).
pub const ELEMENTS: &[Element] = elements![
    "XingMing" => "lrmx-el-xingming",
    "XingBie" => "lrmx-el-xingbie",
    "ChuShengNianYue" => "lrmx-el-chushengnianyue",
    "MinZu" => "lrmx-el-minzu",
    "JiGuan" => "lrmx-el-jiguan",
    "ChuShengDi" => "lrmx-el-chushengdi",
    "RuDangShiJian" => "lrmx-el-rudangshijian",
    "CanJiaGongZuoShiJian" => "lrmx-el-canjiagongzuoshijian",
    "JianKangZhuangKuang" => "lrmx-el-jiankangzhuangkuang",
    "ZhuanYeJiShuZhiWu" => "lrmx-el-zhuanyejishuzhiwu",
    "ShuXiZhuanYeYouHeZhuanChang" => "lrmx-el-shuxizhuanyeyouhezhuanchang",
    "QuanRiZhiJiaoYu_XueLi" => "lrmx-el-quanrizhi-xueli",
    "QuanRiZhiJiaoYu_XueWei" => "lrmx-el-quanrizhi-xuewei",
    "QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi" => "lrmx-el-quanrizhi-xueli-yuanxiao",
    "QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi" => "lrmx-el-quanrizhi-xuewei-yuanxiao",
    "ZaiZhiJiaoYu_XueLi" => "lrmx-el-zaizhi-xueli",
    "ZaiZhiJiaoYu_XueWei" => "lrmx-el-zaizhi-xuewei",
    "ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi" => "lrmx-el-zaizhi-xueli-yuanxiao",
    "ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi" => "lrmx-el-zaizhi-xuewei-yuanxiao",
    "XianRenZhiWu" => "lrmx-el-xianrenzhiwu",
    "NiRenZhiWu" => "lrmx-el-nirenzhiwu",
    "NiMianZhiWu" => "lrmx-el-nimianzhiwu",
    "JianLi" => "lrmx-el-jianli",
    "JiangChengQingKuang" => "lrmx-el-jiangchengqingkuang",
    "NianDuKaoHeJieGuo" => "lrmx-el-niandukaohejieguo",
    "RenMianLiYou" => "lrmx-el-renmianliyou",
    "JiaTingChengYuan" => "lrmx-el-jiatingchengyuan",
    "ChengBaoDanWei" => "lrmx-el-chengbaodanwei",
    "JiSuanNianLingShiJian" => "lrmx-el-jisuannianlingshijian",
    "TianBiaoShiJian" => "lrmx-el-tianbiaoshijian",
    "TianBiaoRen" => "lrmx-el-tianbiaoren",
    "ShenFenZheng" => "lrmx-el-shenfenzheng",
    "ZhaoPian" => "lrmx-el-zhaopian",
    "Version" => "lrmx-el-version",
    "GaiGeQianRenZhiNianLingJieXian" => "lrmx-el-gaigeqianrenzhinianlingjiexian",
    "DaoLingNianYue" => "lrmx-el-daolingnianyue",
];

/// The children of a family member's `<Item>`.
pub const FAMILY_ELEMENTS: &[Element] = elements![
    "ChengWei" => "lrmx-el-item-chengwei",
    "XingMing" => "lrmx-el-item-xingming",
    "ChuShengRiQi" => "lrmx-el-item-chushengriqi",
    "ZhengZhiMianMao" => "lrmx-el-item-zhengzhimianmao",
    "GongZuoDanWeiJiZhiWu" => "lrmx-el-item-gongzuodanweijizhiwu",
];

/// The root element and a family member's element.
pub const ROOT: Element = Element {
    tag: "Person",
    name: "lrmx-el-person",
};
pub const FAMILY_ITEM: Element = Element {
    tag: "Item",
    name: "lrmx-el-item",
};

/// The element of `<Person>` named `tag`.
pub fn element(tag: &str) -> Option<Element> {
    ELEMENTS.iter().copied().find(|e| e.tag == tag)
}

#[cfg(test)]
mod tests;
