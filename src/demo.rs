//! `banzi demo`: a fictional city (江川市), built the same way every time.
//!
//! 46 units (市委, 10 counties, 30 city departments — among them 纪委监委, 组织部 and the
//! 公检法 units — and 5 state enterprises), their teams and posts, and fifteen years of
//! appointment history (2011–2026) with 2–8 year tenures, exchanges between units,
//! portfolios, training, 简历, family and annual ratings. Every name, ID number and document
//! number is invented; the ID numbers carry valid check digits.

use banzi_domain::cadre::{FamilyMember, ResumeLine, YearRating};
use banzi_domain::codes::{
    Degree, Education, Gender, Manner, Party, PostKind, Rating, TrainingKind, UnitSystem,
};
use banzi_domain::date::{Date, add_years, iso, make_date};
use banzi_domain::id_number::synthesize;
use banzi_domain::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};
use banzi_domain::role::{Actor, Role, Scope};
use banzi_domain::roster::{Located, Roster};
use banzi_store::{CadreRecord, NewUser, Store};

pub const DEMO_PASSWORD: &str = "Banzi2026demo";

/// What was built, for the start-up message.
pub struct Built {
    pub password: &'static str,
    pub logins: Vec<(String, &'static str)>,
}

/// A small deterministic generator (SplitMix64): the same city on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁",
    "任", "沈", "单", "解",
];
const GIVEN_M: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
    "鑫", "波", "宁", "健", "建国", "志强", "海峰", "国栋", "立新", "文博", "振华", "永胜", "卫东",
    "晓东", "俊杰", "建军", "德明", "昊天", "子轩",
];
const GIVEN_F: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "琳", "洁", "颖", "倩",
    "慧", "红梅", "秀英", "晓燕", "丽华", "春梅", "雅琴", "文静", "海燕", "佳怡", "思雨", "欣然",
];
const ETHNIC: &[&str] = &[
    "汉族",
    "汉族",
    "汉族",
    "汉族",
    "汉族",
    "汉族",
    "汉族",
    "汉族",
    "回族",
    "满族",
    "蒙古族",
    "壮族",
];
const PLACES: &[&str] = &[
    "江苏南通",
    "江苏扬州",
    "江苏盐城",
    "山东临沂",
    "安徽合肥",
    "浙江宁波",
    "江苏泰州",
    "河南信阳",
];
const SCHOOLS: &[&str] = &[
    "南京大学经济学专业",
    "苏州大学法学专业",
    "河海大学水利工程专业",
    "南京农业大学农学专业",
    "江苏师范大学汉语言文学专业",
    "中国人民大学行政管理专业",
    "东南大学土木工程专业",
    "南京财经大学会计学专业",
    "扬州大学思想政治教育专业",
];
const PROFESSIONS: &[&str] = &[
    "经济管理",
    "法律",
    "财政金融",
    "工程技术",
    "农业农村",
    "教育",
    "医疗卫生",
    "党务",
];
const WORKS: &[&str] = &[
    "财务",
    "人事",
    "项目建设",
    "安全生产",
    "信访维稳",
    "招商引资",
    "乡村振兴",
    "党建",
    "法治建设",
    "科技创新",
    "社会事业",
    "生态环境",
];
const TRAININGS: &[(&str, TrainingKind)] = &[
    (
        "市管干部专业化能力提升专题培训班",
        TrainingKind::Professional,
    ),
    ("数字经济与治理能力专题研修班", TrainingKind::Professional),
    ("市委党校中青年干部培训班", TrainingKind::PartySpirit),
    ("学习贯彻党的二十大精神专题培训", TrainingKind::Theory),
    ("应急管理与安全生产专题培训", TrainingKind::Professional),
];

struct UnitSpec {
    code: String,
    name: String,
    parent: Option<&'static str>,
    category: &'static str,
    platform: &'static str,
    system: UnitSystem,
    non_cpc: bool,
    posts: Vec<(String, PostKind, i64)>,
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
    } else if name.ends_with("委") {
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
        posts: vec![
            (head.into(), PostKind::Principal, 1),
            (deputy, PostKind::Deputy, 3),
            ("派驻纪检监察组组长".into(), PostKind::DisciplineLead, 1),
        ],
    }
}

fn units() -> Vec<UnitSpec> {
    let mut v = vec![UnitSpec {
        code: "JC".into(),
        name: "中共江川市委员会".into(),
        parent: None,
        category: "市委",
        platform: "",
        system: UnitSystem::Other,
        non_cpc: false,
        posts: vec![
            ("市委书记".into(), PostKind::Principal, 1),
            ("市委副书记".into(), PostKind::Deputy, 2),
            ("市委常委".into(), PostKind::Member, 6),
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
            posts: vec![
                ("党委书记".into(), PostKind::Principal, 1),
                (head.into(), PostKind::Principal, 1),
                ("党委副书记".into(), PostKind::Deputy, 1),
                (format!("副{head}"), PostKind::Deputy, 4),
                ("党委常委".into(), PostKind::Member, 3),
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
            posts: vec![
                ("党委书记、董事长".into(), PostKind::Principal, 1),
                ("总经理".into(), PostKind::Principal, 1),
                ("副总经理".into(), PostKind::Deputy, 3),
            ],
        });
    }
    v
}

/// Everything the demo writes: the roster and the extra record lines.
pub struct City {
    pub roster: Roster,
    pub records: Vec<(String, CadreRecord)>,
}

struct Person {
    cadre: Cadre,
    first_job: Date,
}

fn new_person(rng: &mut Rng, seq: u32, start: Date) -> Person {
    let gender = if rng.chance(28) {
        Gender::Female
    } else {
        Gender::Male
    };
    let age = 30 + rng.below(20) as i16;
    let y = start.year() - age;
    let birth = make_date(
        i64::from(y),
        1 + rng.below(12) as i64,
        1 + rng.below(28) as i64,
    )
    .unwrap_or(start);
    let id = synthesize(320601 + rng.below(12) as u32, birth, seq, gender);
    let name = format!(
        "{}{}",
        rng.pick(SURNAMES),
        if gender == Gender::Male {
            rng.pick(GIVEN_M)
        } else {
            rng.pick(GIVEN_F)
        }
    );
    let party = if rng.chance(8) {
        *rng.pick(&[
            Party::Dl,
            Party::Jiusan,
            Party::Cndca,
            Party::NonParty,
            Party::Cape,
        ])
    } else {
        Party::Cpc
    };
    let first_job = add_years(birth, 22);
    let ft = *rng.pick(&[
        Education::University,
        Education::University,
        Education::University,
        Education::Postgraduate,
        Education::College,
    ]);
    let ft_degree = match ft {
        Education::Postgraduate => Some(Degree::Master),
        Education::University => Some(Degree::Bachelor),
        _ => None,
    };
    let (pt, pt_degree) = if ft != Education::Postgraduate && rng.chance(40) {
        (Some(Education::Postgraduate), Some(Degree::Master))
    } else {
        (None, None)
    };
    let cadre = Cadre {
        id_number: id,
        name,
        gender,
        ethnicity: (*rng.pick(ETHNIC)).into(),
        birth_date: birth,
        native_place: (*rng.pick(PLACES)).into(),
        party,
        party_joined: if party.is_non_cpc() {
            None
        } else {
            Some(add_years(birth, 21 + rng.below(6) as i16))
        },
        work_started: Some(first_job),
        ft_education: Some(ft),
        ft_degree,
        ft_school: (*rng.pick(SCHOOLS)).into(),
        pt_education: pt,
        pt_degree,
        pt_school: if pt.is_some() {
            "中共江苏省委党校在职研究生".into()
        } else {
            String::new()
        },
        profession: (*rng.pick(PROFESSIONS)).into(),
        rank: String::new(),
    };
    Person { cadre, first_job }
}

fn rank_for(kind: PostKind, county: bool) -> &'static str {
    match (kind, county) {
        (PostKind::Principal, _) => "正处级",
        (PostKind::Deputy, true) => "副处级",
        (PostKind::Deputy, false) => "副处级",
        (PostKind::DisciplineLead, _) => "副处级",
        (PostKind::Member, _) => "副处级",
    }
}

/// Builds the city in memory (pure; the same every time).
pub fn city() -> City {
    let mut rng = Rng::new(20_261_121);
    let end_of_history = make_date(2026, 11, 1).unwrap_or(Date::constant(2026, 11, 1));
    let mut roster = Roster::default();
    let mut people: Vec<Person> = Vec::new();
    let mut records = Vec::new();
    let mut doc = 0u32;
    let specs = units();
    for (row, spec) in (2u32..).zip(specs.iter()) {
        roster.units.push(Located {
            row,
            value: Unit {
                code: spec.code.clone(),
                name: spec.name.clone(),
                parent_code: spec.parent.map(String::from),
                category: spec.category.into(),
                platform: spec.platform.into(),
                system: spec.system,
                non_cpc_required: spec.non_cpc,
            },
        });
    }
    // Cadres free to move again, with the day they became free.
    let mut pool_of_movers: Vec<(usize, Date)> = Vec::new();
    for spec in &specs {
        let county = spec.category == "县(市、区)";
        for (pi, (title, kind, seats)) in spec.posts.iter().enumerate() {
            let code = format!("{}-P{}", spec.code, pi + 1);
            roster.posts.push(Located {
                row: roster.posts.len() as u32 + 2,
                value: Post {
                    code: code.clone(),
                    unit_code: spec.code.clone(),
                    team: String::new(),
                    title: title.clone(),
                    kind: *kind,
                    seats: *seats,
                },
            });
            for _seat in 0..*seats {
                // A chain of holders from 2011 (some seats start vacant later) to now.
                let mut at = make_date(2011, 1 + rng.below(12) as i64, 1).unwrap_or(end_of_history);
                while at < end_of_history {
                    let tenure = 2 + rng.below(7) as i16;
                    let mut end = add_years(at, tenure);
                    // Exchanges: a third of holders come from another post they have left,
                    // if they are under 55.
                    let free: Vec<usize> = (0..pool_of_movers.len())
                        .filter(|&i| {
                            pool_of_movers[i].1 <= at
                                && add_years(people[pool_of_movers[i].0].cadre.birth_date, 55) > at
                        })
                        .collect();
                    let (who, manner) = if !free.is_empty() && rng.chance(33) {
                        let i = *rng.pick(&free);
                        (
                            pool_of_movers.swap_remove(i).0,
                            *rng.pick(&[
                                Manner::Exchange,
                                Manner::OutsideExchange,
                                Manner::Exchange,
                            ]),
                        )
                    } else {
                        let p = new_person(&mut rng, people.len() as u32, at);
                        people.push(p);
                        (
                            people.len() - 1,
                            *rng.pick(&[
                                Manner::Appointed,
                                Manner::Appointed,
                                Manner::Elected,
                                Manner::Competition,
                            ]),
                        )
                    };
                    let person = &mut people[who];
                    // Leaves the post by 60.
                    end = end.min(add_years(person.cadre.birth_date, 60));
                    let ends = if end < end_of_history
                        && (rng.chance(85) || end == add_years(person.cadre.birth_date, 60))
                    {
                        Some(end)
                    } else {
                        None
                    };
                    person.cadre.rank = rank_for(*kind, county).into();
                    doc += 1;
                    let start = at.max(add_years(person.first_job, 8));
                    if ends.is_some_and(|e| e <= start) {
                        at = end;
                        continue;
                    }
                    roster.appointments.push(Located {
                        row: roster.appointments.len() as u32 + 2,
                        value: Appointment {
                            id_number: person.cadre.id_number.clone(),
                            post_code: code.clone(),
                            start,
                            end: ends,
                            manner: Some(manner),
                            doc_no: format!("江委〔{}〕{}号", start.year(), doc % 300 + 1),
                        },
                    });
                    if matches!(kind, PostKind::Deputy | PostKind::Member) {
                        let work = *rng.pick(WORKS);
                        roster.portfolios.push(Located {
                            row: roster.portfolios.len() as u32 + 2,
                            value: Portfolio {
                                id_number: person.cadre.id_number.clone(),
                                post_code: code.clone(),
                                work: work.into(),
                                start,
                                end: ends,
                            },
                        });
                    }
                    records.push((
                        person.cadre.id_number.to_string(),
                        CadreRecord::Resume(ResumeLine {
                            start: start.into(),
                            end: ends.map(Into::into),
                            text: format!("{}{}", spec.name, title),
                        }),
                    ));
                    match ends {
                        Some(e) => {
                            if rng.chance(60) {
                                pool_of_movers.push((who, e));
                            }
                            at = e;
                        }
                        None => break,
                    }
                }
            }
        }
    }
    for (i, p) in people.iter().enumerate() {
        let id = p.cadre.id_number.to_string();
        records.push((
            id.clone(),
            CadreRecord::Resume(ResumeLine {
                start: p.first_job.into(),
                end: Some(add_years(p.first_job, 6).into()),
                text: format!(
                    "{}参加工作，历任科员、副科长、科长",
                    rng.pick(&[
                        "江川市东江区",
                        "江川市临川县",
                        "江川市财政局",
                        "江川市委办公室"
                    ])
                ),
            }),
        ));
        // A spouse of about the same age and a son born when the cadre was about 28.
        let spouse = if p.cadre.gender == Gender::Female {
            ("丈夫", GIVEN_M)
        } else {
            ("妻子", GIVEN_F)
        };
        for (relation, offset, given) in [(spouse.0, 1, spouse.1), ("儿子", 28, GIVEN_M)] {
            let birth = add_years(p.cadre.birth_date, offset);
            let surname = if relation == "儿子" && p.cadre.gender == Gender::Male {
                p.cadre
                    .name
                    .chars()
                    .next()
                    .map(String::from)
                    .unwrap_or_default()
            } else {
                (*rng.pick(SURNAMES)).to_string()
            };
            let work = if relation == "儿子" && birth.year() > 2004 {
                "学生"
            } else {
                "江川市某单位职工"
            };
            if let Ok(m) = FamilyMember::parse(
                relation,
                &format!("{surname}{}", rng.pick(given)),
                &iso(birth),
                "群众",
                work,
            ) {
                records.push((id.clone(), CadreRecord::Family(m)));
            }
        }
        for year in 2021..=2025 {
            let rating = if rng.chance(18) {
                Rating::Excellent
            } else {
                Rating::Competent
            };
            records.push((id.clone(), CadreRecord::Rating(YearRating { year, rating })));
        }
        for year in [2023, 2024, 2025] {
            if rng.chance(75) {
                let (name, kind) = *rng.pick(TRAININGS);
                let start = make_date(year, 3 + rng.below(8) as i64, 1 + rng.below(20) as i64)
                    .unwrap_or(end_of_history);
                roster.trainings.push(Located {
                    row: roster.trainings.len() as u32 + 2,
                    value: Training {
                        id_number: p.cadre.id_number.clone(),
                        name: format!("{year}年{name}"),
                        kind,
                        start,
                        end: Some(
                            add_years(start, 0)
                                .checked_add(jiff::Span::new().days(5))
                                .unwrap_or(start),
                        ),
                        hours: Some(24.0 + (i % 3) as f64 * 8.0),
                    },
                });
            }
        }
        roster.cadres.push(Located {
            row: i as u32 + 2,
            value: p.cadre.clone(),
        });
    }
    City { roster, records }
}

/// Writes the city and the demo accounts unless the database already holds units.
pub async fn build(store: &Store) -> anyhow::Result<Built> {
    let staff = Actor::cli("demo");
    let admin = Actor {
        login: "cli:demo".into(),
        role: Role::SysAdmin,
        scope: Scope::All,
    };
    let logins: Vec<(String, &'static str)> = vec![
        ("zuzhibu".into(), "组织部工作人员"),
        ("buzhang".into(), "部领导（只读）"),
        ("caizheng".into(), "单位填报员（市财政局）"),
        ("jijian".into(), "纪检监察审核员"),
        ("xitong".into(), "系统管理员"),
        ("anquan".into(), "安全管理员"),
        ("shenji".into(), "审计管理员"),
    ];
    if !store.units(&staff).await?.is_empty() {
        println!("数据库中已有数据，不再生成示范城市。");
        return Ok(Built {
            password: DEMO_PASSWORD,
            logins,
        });
    }
    let c = city();
    println!(
        "正在生成示范城市：{} 个单位、{} 个职位、{} 名干部、{} 条任职记录……",
        c.roster.units.len(),
        c.roster.posts.len(),
        c.roster.cadres.len(),
        c.roster.appointments.len()
    );
    store
        .import_roster(&staff, &c.roster, &|_, _, _| {})
        .await
        .map_err(|e| match e {
            banzi_store::ImportError::Rows(rows) => anyhow::anyhow!(
                "示范数据有误：{}",
                rows.iter()
                    .take(5)
                    .map(|r| r.to_string())
                    .collect::<Vec<_>>()
                    .join("；")
            ),
            banzi_store::ImportError::Other(e) => e.into(),
        })?;
    store.add_cadre_records(&staff, &c.records).await?;
    let hash = banzi_web::hash_password(DEMO_PASSWORD);
    let roles = [
        Role::Staff,
        Role::Leader,
        Role::Liaison,
        Role::Discipline,
        Role::SysAdmin,
        Role::SecAdmin,
        Role::Auditor,
    ];
    for ((login, _), role) in logins.iter().zip(roles) {
        let u = NewUser {
            login: login.clone(),
            display_name: String::new(),
            password_hash: hash.clone(),
            role,
            unit_code: (role == Role::Liaison).then(|| "JC-D11".to_string()),
        };
        store.create_user(&admin, &u).await?;
    }
    Ok(Built {
        password: DEMO_PASSWORD,
        logins,
    })
}

/// A large synthetic roster for benchmarks: `n` cadres, one appointment and one training
/// each, 20 cadres to a post, 10 posts to a unit.
pub fn big_roster(n: usize) -> Roster {
    let mut rng = Rng::new(7);
    let start = Date::constant(2018, 3, 1);
    let mut r = Roster::default();
    let posts = n / 20 + 1;
    for u in 0..posts / 10 + 1 {
        r.units.push(Located {
            row: u as u32 + 2,
            value: Unit {
                code: format!("B{u:05}"),
                name: format!("基准单位{u}"),
                parent_code: None,
                category: "市直单位".into(),
                platform: "综合".into(),
                system: UnitSystem::Other,
                non_cpc_required: false,
            },
        });
    }
    for p in 0..posts {
        r.posts.push(Located {
            row: p as u32 + 2,
            value: Post {
                code: format!("B{:05}-P{p}", p / 10),
                unit_code: format!("B{:05}", p / 10),
                team: String::new(),
                title: "副局长".into(),
                kind: PostKind::Deputy,
                seats: 20,
            },
        });
    }
    for i in 0..n {
        let mut p = new_person(&mut rng, i as u32, start);
        p.cadre.id_number = synthesize(
            320_000 + (i / 500) as u32,
            p.cadre.birth_date,
            (i % 500) as u32,
            p.cadre.gender,
        );
        let post = i / 20;
        r.appointments.push(Located {
            row: i as u32 + 2,
            value: Appointment {
                id_number: p.cadre.id_number.clone(),
                post_code: format!("B{:05}-P{post}", post / 10),
                start,
                end: None,
                manner: Some(Manner::Appointed),
                doc_no: format!("江委〔2018〕{i}号"),
            },
        });
        r.trainings.push(Located {
            row: i as u32 + 2,
            value: Training {
                id_number: p.cadre.id_number.clone(),
                name: "中青年干部培训班".into(),
                kind: TrainingKind::Theory,
                start,
                end: None,
                hours: Some(40.0),
            },
        });
        r.cadres.push(Located {
            row: i as u32 + 2,
            value: p.cadre,
        });
    }
    r
}
