//! The units of 江川市 and the posts of their teams.

use banzi_domain::codes::PostLevel::{BureauChief, BureauDeputy, DivisionChief, DivisionDeputy};
use banzi_domain::codes::{PostKind, PostLevel, UnitSystem};

pub struct UnitSpec {
    pub code: String,
    pub name: String,
    pub parent: Option<&'static str>,
    pub category: &'static str,
    pub platform: &'static str,
    pub system: UnitSystem,
    pub non_cpc: bool,
    /// Title, kind, 职数 and 职务层次 (none: unknown, as for the city's enterprises).
    pub posts: Vec<(String, PostKind, i64, Option<PostLevel>)>,
}

fn department(
    code: &str,
    name: &str,
    system: UnitSystem,
    platform: &'static str,
    non_cpc: bool,
) -> UnitSpec {
    let head = if name.ends_with('局') {
        "局长"
    } else if name.ends_with("法院") {
        "院长"
    } else if name.ends_with("检察院") {
        "检察长"
    } else if name.ends_with("纪委监委") || name.ends_with("政法委") {
        "书记"
    } else if name.ends_with('委') {
        "主任"
    } else {
        "部长"
    };
    let deputy = format!("副{head}");
    UnitSpec {
        code: code.into(),
        name: name.into(),
        parent: Some("JC"),
        category: "市直单位",
        platform,
        system,
        non_cpc,
        // A city department is a 县处级 unit.
        posts: vec![
            (head.into(), PostKind::Principal, 1, Some(DivisionChief)),
            (deputy, PostKind::Deputy, 3, Some(DivisionDeputy)),
            (
                "派驻纪检监察组组长".into(),
                PostKind::DisciplineLead,
                1,
                Some(DivisionDeputy),
            ),
        ],
    }
}

pub fn units() -> Vec<UnitSpec> {
    let mut v = vec![UnitSpec {
        code: "JC".into(),
        name: "中共江川市委员会".into(),
        parent: None,
        category: "市委",
        platform: "",
        system: UnitSystem::Other,
        non_cpc: false,
        // 江川市 is a prefecture-level city: its 市委 is 厅局级.
        posts: vec![
            ("市委书记".into(), PostKind::Principal, 1, Some(BureauChief)),
            ("市委副书记".into(), PostKind::Deputy, 2, Some(BureauDeputy)),
            ("市委常委".into(), PostKind::Member, 6, Some(BureauDeputy)),
        ],
    }];
    let counties = [
        "东江区",
        "西岭区",
        "临川县",
        "青山县",
        "白水县",
        "望海市",
        "柳溪县",
        "南屏县",
        "北塘区",
        "云台县",
    ];
    for (i, c) in counties.iter().enumerate() {
        let platform = if i < 3 {
            "城区"
        } else if i < 6 {
            "县(市)一类"
        } else {
            "县(市)二类"
        };
        let head = if c.ends_with('区') {
            "区长"
        } else if c.ends_with('市') {
            "市长"
        } else {
            "县长"
        };
        v.push(UnitSpec {
            code: format!("JC-X{:02}", i + 1),
            name: format!("江川市{c}"),
            parent: Some("JC"),
            category: "县(市、区)",
            platform,
            system: UnitSystem::Other,
            non_cpc: false,
            // A county (市、区) is 县处级: its 正职 正处级, the others 副处级.
            posts: vec![
                (
                    "党委书记".into(),
                    PostKind::Principal,
                    1,
                    Some(DivisionChief),
                ),
                (head.into(), PostKind::Principal, 1, Some(DivisionChief)),
                (
                    "党委副书记".into(),
                    PostKind::Deputy,
                    1,
                    Some(DivisionDeputy),
                ),
                (
                    format!("副{head}"),
                    PostKind::Deputy,
                    4,
                    Some(DivisionDeputy),
                ),
                ("党委常委".into(), PostKind::Member, 3, Some(DivisionDeputy)),
            ],
        });
    }
    let depts: [(&str, UnitSystem, &str, bool); 30] = [
        ("市纪委监委", UnitSystem::Discipline, "党群一类", false),
        ("市委组织部", UnitSystem::Organization, "党群一类", false),
        ("市委宣传部", UnitSystem::Other, "党群一类", false),
        ("市委统战部", UnitSystem::Other, "党群一类", true),
        ("市委政法委", UnitSystem::Law, "党群一类", false),
        ("市公安局", UnitSystem::Law, "政法", false),
        ("市中级人民法院", UnitSystem::Law, "政法", false),
        ("市人民检察院", UnitSystem::Law, "政法", false),
        ("市司法局", UnitSystem::Law, "政法", false),
        ("市发展和改革委", UnitSystem::Other, "综合经济", false),
        ("市财政局", UnitSystem::Other, "综合经济", false),
        ("市统计局", UnitSystem::Other, "综合经济", true),
        ("市审计局", UnitSystem::Other, "综合经济", false),
        ("市商务局", UnitSystem::Other, "综合经济", false),
        ("市工业和信息化局", UnitSystem::Other, "经济发展", false),
        ("市科学技术局", UnitSystem::Other, "经济发展", true),
        ("市自然资源和规划局", UnitSystem::Other, "城建", false),
        ("市住房和城乡建设局", UnitSystem::Other, "城建", false),
        ("市交通运输局", UnitSystem::Other, "城建", false),
        ("市水利局", UnitSystem::Other, "城建", false),
        ("市农业农村局", UnitSystem::Other, "经济发展", false),
        ("市教育局", UnitSystem::Other, "社会事业", true),
        ("市卫生健康委", UnitSystem::Other, "社会事业", true),
        ("市民政局", UnitSystem::Other, "社会事业", false),
        (
            "市人力资源和社会保障局",
            UnitSystem::Other,
            "社会事业",
            false,
        ),
        ("市文化广电和旅游局", UnitSystem::Other, "社会事业", false),
        ("市生态环境局", UnitSystem::Other, "城建", false),
        ("市应急管理局", UnitSystem::Other, "执法监管", false),
        ("市市场监督管理局", UnitSystem::Other, "执法监管", false),
        ("市退役军人事务局", UnitSystem::Other, "社会事业", false),
    ];
    for (i, (name, sys, platform, non_cpc)) in depts.iter().enumerate() {
        v.push(department(
            &format!("JC-D{:02}", i + 1),
            name,
            *sys,
            platform,
            *non_cpc,
        ));
    }
    for (i, name) in [
        "江川城建集团",
        "江川交通集团",
        "江川农商银行",
        "江川港口集团",
        "江川文旅集团",
    ]
    .iter()
    .enumerate()
    {
        v.push(UnitSpec {
            code: format!("JC-E{:02}", i + 1),
            name: (*name).into(),
            parent: Some("JC"),
            category: "企事业单位",
            platform: "市属企业",
            system: UnitSystem::Other,
            non_cpc: false,
            // State enterprises: no 职务层次 in the roster (the "unknown level" path).
            posts: vec![
                ("党委书记、董事长".into(), PostKind::Principal, 1, None),
                ("总经理".into(), PostKind::Principal, 1, None),
                ("副总经理".into(), PostKind::Deputy, 3, None),
            ],
        });
    }
    v
}
