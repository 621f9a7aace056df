//! The closed vocabularies of the registry (ROSTER_FORMAT.md), each with its Chinese label.
//! The label is what the roster workbook, the database and the 任免审批表 carry.

use crate::msg::{Arg, Msg};

/// Defines a closed vocabulary: `parse` takes the Chinese label (and listed aliases),
/// `label` gives it back; `ALL` lists the values in display order.
macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident, $what:literal { $($var:ident => $label:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($var),+ }

        /// Serialised as its Chinese label: the audit trail and exports read as the roster does.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.label())
            }
        }

        /// Read back from its label (or an alias): a stored selection case's events.
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::parse(&text)
                    .map_err(|_| serde::de::Error::custom(format!("not a {}", stringify!($name))))
            }
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];

            pub fn label(self) -> &'static str {
                match self { $($name::$var => $label),+ }
            }

            /// The value of a label or alias; anything else is `reg-not-a-choice`, naming
            /// the vocabulary and listing its labels.
            pub fn parse(text: &str) -> Result<Self, Msg> {
                match text.trim() {
                    $($label $(| $alias)* => Ok($name::$var),)+
                    other => Err(not_a_choice($what, other, &[$($label),+])),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

/// `{what}“{value}”不在可选范围内（可选：{choices}）`: the vocabulary and its values are labels,
/// what was given is shown as it is.
fn not_a_choice(what: &'static str, value: &str, choices: &[&'static str]) -> Msg {
    crate::message!(
        "reg-not-a-choice",
        what = Arg::label(what),
        value = value.to_string(),
        choices = Arg::labels(choices.iter().copied()),
    )
}

vocabulary!(Gender, "性别" { Male => "男", Female => "女" });

vocabulary!(
    /// 所属系统 — decides R-EXCH-2 (纪检监察、组织、公检法 deputies are counted by team).
    UnitSystem, "所属系统" {
        Discipline => "纪检监察",
        Organization => "组织",
        Law => "公检法",
        Other => "其他" | "",
    }
);

vocabulary!(
    /// 职位类别.
    PostKind, "职位类别" {
        Principal => "正职",
        Deputy => "副职",
        DisciplineLead => "派驻纪检监察组组长",
        Member => "其他成员",
    }
);

vocabulary!(
    /// 职务层次 of a post (ROSTER_FORMAT.md, added 2026-12-02): the level R-TERM-1 counts
    /// 15 years at, and R-PROB-1 reads a promotion from. Highest first, so a lower value is
    /// a higher level.
    PostLevel, "职务层次" {
        BureauChief => "正厅级" | "正厅局级" | "厅局级正职",
        BureauDeputy => "副厅级" | "副厅局级" | "厅局级副职",
        DivisionChief => "正处级" | "正县处级" | "县处级正职" | "正县级",
        DivisionDeputy => "副处级" | "副县处级" | "县处级副职" | "副县级",
        SectionChief => "正科级" | "正乡科级" | "乡科级正职",
        SectionDeputy => "副科级" | "副乡科级" | "乡科级副职",
    }
);

vocabulary!(
    /// 政治面貌 (GB/T 4762). The label kept in the database and written to the roster is the
    /// short form (中共党员, 民盟, 九三学社 …); the GB/T 4762 code names (中国共产党党员,
    /// 中国民主同盟盟员, 无党派民主人士 …), the parties' full names and the usual member forms
    /// (民盟盟员, 民革会员 …) read as the same value, so a workbook written by a GB/T 4762
    /// system imports unchanged. In the standard's order (01 … 13).
    /// "党外" means neither 中共党员 nor 中共预备党员 (R-STRUCT-3): a 共青团员 is 党外.
    Party, "政治面貌" {
        Cpc => "中共党员" | "中国共产党党员",
        CpcProbation => "中共预备党员" | "中国共产党预备党员",
        Cyl => "共青团员" | "中国共产主义青年团团员" | "共青团" | "团员",
        Kmt => "民革" | "民革党员" | "民革会员" | "中国国民党革命委员会" | "中国国民党革命委员会会员",
        Dl => "民盟" | "民盟盟员" | "中国民主同盟" | "中国民主同盟盟员",
        Cndca => "民建" | "民建会员" | "中国民主建国会" | "中国民主建国会会员",
        Cape => "民进" | "民进会员" | "中国民主促进会" | "中国民主促进会会员",
        Pwdp => "农工党" | "农工党党员" | "中国农工民主党" | "中国农工民主党党员",
        Zgd => "致公党" | "致公党党员" | "中国致公党" | "中国致公党党员",
        Jiusan => "九三学社" | "九三学社社员",
        Taimeng => "台盟" | "台盟盟员" | "台湾民主自治同盟" | "台湾民主自治同盟盟员",
        NonParty => "无党派人士" | "无党派" | "无党派民主人士",
        Masses => "群众",
    }
);

impl Party {
    /// 党外: not a member or probationary member of the CPC (R-STRUCT-3).
    pub fn is_non_cpc(self) -> bool {
        !matches!(self, Party::Cpc | Party::CpcProbation)
    }
}

vocabulary!(
    /// 学历, highest first.
    Education, "学历" {
        Postgraduate => "研究生",
        University => "大学" | "大学本科" | "本科",
        College => "大专",
        Secondary => "中专",
        HighSchool => "高中及以下",
    }
);

vocabulary!(Degree, "学位" { Doctor => "博士", Master => "硕士", Bachelor => "学士" });

vocabulary!(
    /// 任职方式; 系统外交流 counts for R-STRUCT-5 (额位制).
    Manner, "任职方式" {
        Elected => "选任",
        Appointed => "委任",
        Exchange => "交流",
        OutsideExchange => "系统外交流",
        Secondment => "挂职",
        Competition => "竞争上岗",
    }
);

vocabulary!(
    /// 选任批次的类别 (issue 17): a 换届 or an 个别调整.
    BatchKind, "批次类别" {
        General => "换届",
        Individual => "个别调整",
    }
);

vocabulary!(
    TrainingKind, "培训类别" {
        Professional => "专业化能力",
        PartySpirit => "党性教育",
        Theory => "理论教育",
        Other => "其他",
    }
);

vocabulary!(
    /// 年度考核等次 of a cadre (R-ASSESS-4).
    Rating, "考核等次" {
        Excellent => "优秀",
        Competent => "称职",
        BasicallyCompetent => "基本称职",
        Incompetent => "不称职",
    }
);

vocabulary!(RewardKind, "奖惩类别" { Reward => "奖励", Punishment => "惩处" });

/// 民族 — the 56 ethnic groups in the order of GB/T 3304. The 民族 column stays free text
/// (a roster may say 穿青人 or 外国血统); this list is what the pages suggest and translate.
#[rustfmt::skip]
pub const ETHNIC_GROUPS: [&str; 56] = [
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族",
    "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族",
    "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族",
    "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族",
    "基诺族",
];

/// 单位类别 the pages suggest. The column is an open list (ROSTER_FORMAT.md); these are the
/// usual ones, shown translated where a unit's category is one of them.
pub const UNIT_CATEGORIES: [&str; 5] =
    ["市委", "县(市、区)", "市直单位", "乡镇(街道)", "企事业单位"];

/// 现职级 the pages translate besides the 职务层次 of [`PostLevel`]: the 职级 of the
/// 公务员职务与职级并行规定 (2019). The column is free text (ROSTER_FORMAT.md); a rank not
/// listed is shown as written.
#[rustfmt::skip]
pub const RANKS: [&str; 14] = [
    "一级巡视员", "二级巡视员", "一级调研员", "二级调研员", "三级调研员", "四级调研员",
    "一级主任科员", "二级主任科员", "三级主任科员", "四级主任科员", "一级科员", "二级科员",
    "科员", "办事员",
];

/// 专业领域 the pages translate: the examples of ROSTER_FORMAT.md and a few more usual ones.
/// The column is free text; a field not listed is shown as written.
#[rustfmt::skip]
pub const PROFESSIONAL_FIELDS: [&str; 12] = [
    "经济管理", "法律", "财政金融", "工程技术", "农业农村", "教育", "医疗卫生", "党务",
    "宣传文化", "城乡建设", "生态环境", "社会管理",
];

/// Every label of every vocabulary, plus the other fixed words the pages show as values
/// (党外 as a filter, 是/否, the 民族, the usual 单位类别 and the offered 现职级): what the interface translates
/// for zh-TW and English.
pub fn all_labels() -> Vec<&'static str> {
    fn labels<T: Copy>(
        all: &[T],
        label: fn(T) -> &'static str,
    ) -> impl Iterator<Item = &'static str> + '_ {
        all.iter().map(move |x| label(*x))
    }
    let mut out: Vec<&'static str> = Vec::new();
    out.extend(labels(Gender::ALL, Gender::label));
    out.extend(labels(UnitSystem::ALL, UnitSystem::label));
    out.extend(labels(PostKind::ALL, PostKind::label));
    out.extend(labels(PostLevel::ALL, PostLevel::label));
    out.extend(labels(Party::ALL, Party::label));
    out.extend(labels(Education::ALL, Education::label));
    out.extend(labels(Degree::ALL, Degree::label));
    out.extend(labels(Manner::ALL, Manner::label));
    out.extend(labels(TrainingKind::ALL, TrainingKind::label));
    out.extend(labels(Rating::ALL, Rating::label));
    out.extend(labels(RewardKind::ALL, RewardKind::label));
    out.extend(["党外", "是", "否"]);
    out.extend(ETHNIC_GROUPS);
    out.extend(UNIT_CATEGORIES);
    out.extend(RANKS);
    out.extend(PROFESSIONAL_FIELDS);
    out.extend(crate::dossier::RANKS);
    out.sort_unstable();
    out.dedup();
    out
}

/// Parses a 是/否 cell (also Y/N, 1/0); blank is 否.
pub fn yes_no(text: &str) -> Result<bool, Msg> {
    match text.trim() {
        "是" | "Y" | "y" | "1" | "TRUE" | "true" => Ok(true),
        "否" | "N" | "n" | "0" | "FALSE" | "false" | "" => Ok(false),
        other => Err(crate::message!("reg-yes-no", value = other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_aliases_parse() {
        for p in Party::ALL {
            assert_eq!(Party::parse(p.label()).unwrap(), *p);
        }
        assert_eq!(Party::parse("民盟").unwrap(), Party::Dl);
        assert_eq!(Party::parse("民盟盟员").unwrap(), Party::Dl);
        assert_eq!(Party::parse("中国民主同盟").unwrap(), Party::Dl);
        assert_eq!(Party::Jiusan.label(), "九三学社");
        assert_eq!(UnitSystem::parse("").unwrap(), UnitSystem::Other);
        assert_eq!(Education::parse("本科").unwrap(), Education::University);
    }

    #[test]
    fn unknown_values_list_the_choices() {
        let e = PostKind::parse(" 主任 ").unwrap_err();
        assert_eq!(e.id, "reg-not-a-choice");
        assert_eq!(e.arg("what"), Some(&Arg::label("职位类别")));
        assert_eq!(e.arg("value"), Some(&Arg::Text("主任".into())));
        assert_eq!(
            e.arg("choices"),
            Some(&Arg::labels([
                "正职",
                "副职",
                "派驻纪检监察组组长",
                "其他成员"
            ]))
        );
    }

    #[test]
    fn non_cpc_is_everyone_but_cpc_members() {
        // R-STRUCT-3
        assert!(!Party::Cpc.is_non_cpc());
        assert!(!Party::CpcProbation.is_non_cpc());
        assert!(Party::Cyl.is_non_cpc());
        assert!(Party::Jiusan.is_non_cpc());
        assert!(Party::Masses.is_non_cpc());
    }

    /// GB/T 4762 政治面貌: every code name (01 … 13) reads as its value, kept under the
    /// short label the roster writes.
    const GBT_4762: [(&str, Party, &str); 13] = [
        ("中国共产党党员", Party::Cpc, "中共党员"),
        ("中国共产党预备党员", Party::CpcProbation, "中共预备党员"),
        ("中国共产主义青年团团员", Party::Cyl, "共青团员"),
        ("中国国民党革命委员会会员", Party::Kmt, "民革"),
        ("中国民主同盟盟员", Party::Dl, "民盟"),
        ("中国民主建国会会员", Party::Cndca, "民建"),
        ("中国民主促进会会员", Party::Cape, "民进"),
        ("中国农工民主党党员", Party::Pwdp, "农工党"),
        ("中国致公党党员", Party::Zgd, "致公党"),
        ("九三学社社员", Party::Jiusan, "九三学社"),
        ("台湾民主自治同盟盟员", Party::Taimeng, "台盟"),
        ("无党派民主人士", Party::NonParty, "无党派人士"),
        ("群众", Party::Masses, "群众"),
    ];

    #[test]
    fn gbt_4762_code_names_and_member_forms_read_as_their_values() {
        for (name, party, label) in GBT_4762 {
            assert_eq!(Party::parse(name), Ok(party), "{name}");
            assert_eq!(party.label(), label, "{name}");
        }
        // The standard's order is the display order.
        assert_eq!(GBT_4762.iter().map(|x| x.1).collect::<Vec<_>>(), Party::ALL);
        for (form, party) in [
            ("民革会员", Party::Kmt),
            ("民建会员", Party::Cndca),
            ("民进会员", Party::Cape),
            ("农工党党员", Party::Pwdp),
            ("致公党党员", Party::Zgd),
            ("台盟盟员", Party::Taimeng),
            ("共青团", Party::Cyl),
            ("团员", Party::Cyl),
            (" 共青团员 ", Party::Cyl),
        ] {
            assert_eq!(Party::parse(form), Ok(party), "{form}");
        }
    }

    #[test]
    fn vocabularies_serialise_as_their_labels() {
        assert_eq!(
            serde_json::to_string(&Rating::Competent).unwrap(),
            "\"称职\""
        );
        assert_eq!(serde_json::to_string(&Gender::Female).unwrap(), "\"女\"");
    }

    #[test]
    fn ethnic_groups_are_56_distinct_names() {
        let set: std::collections::BTreeSet<_> = ETHNIC_GROUPS.iter().collect();
        assert_eq!(set.len(), 56);
        assert!(ETHNIC_GROUPS.iter().all(|g| g.ends_with('族')));
        assert_eq!(ETHNIC_GROUPS[0], "汉族");
    }

    #[test]
    fn yes_no_cells() {
        assert!(yes_no("是").unwrap());
        assert!(!yes_no("").unwrap());
        assert!(yes_no("Y").unwrap());
        let e = yes_no(" 对 ").unwrap_err();
        assert_eq!(e, crate::message!("reg-yes-no", value = "对"));
    }
}
