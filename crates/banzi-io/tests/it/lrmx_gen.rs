//! LRMX people made in code: a realistic form, and a small deterministic generator of
//! varied ones for the round trip (no property-test crate in banzi-io's tree).

use banzi_domain::cadre::{FamilyMember, ResumeLine};
use banzi_domain::codes::Gender;
use banzi_domain::date::{Date, YearMonth, parse as day};
use banzi_domain::id_number::synthesize;
use banzi_domain::lrmx::{LrmxDate, LrmxPerson, ResumeEntry, Schooling};

/// The photo as the reader keeps it (checked and rebuilt).
pub fn photo() -> Vec<u8> {
    banzi_io::check_photo(&banzi_io::photo::tiny_jpeg())
        .unwrap()
        .data
}

/// 周建 of 江川市, every element filled.
pub fn zhou() -> LrmxPerson {
    let id = synthesize(530421, day("1968-03-15").unwrap(), 12, Gender::Male);
    let mut p = LrmxPerson::new("周建", id);
    p.gender = Some(Gender::Male);
    p.birth = Some(LrmxDate::parse("196803").unwrap());
    p.ethnicity = "汉族".into();
    p.native_place = "云南江川".into();
    p.birth_place = "云南江川".into();
    p.party_joined = Some(LrmxDate::parse("199006").unwrap());
    p.work_started = Some(LrmxDate::parse("19900701").unwrap());
    p.health = "健康".into();
    p.professional_title = "高级经济师".into();
    p.expertise = "财政管理".into();
    p.full_time = Schooling {
        education: "大学".into(),
        degree: "经济学学士".into(),
        education_school: "云南大学经济系财政学专业".into(),
        degree_school: "云南大学经济系财政学专业".into(),
    };
    p.in_service = Schooling {
        education: "中央党校研究生".into(),
        degree: String::new(),
        education_school: "中央党校经济管理专业".into(),
        degree_school: String::new(),
    };
    p.current_post = "江川市财政局党组书记、局长".into();
    p.resume = banzi_domain::lrmx::parse_resume(
        "1986.09--1990.07  云南大学经济系财政学专业学习
1990.07--2001.09  江川市财政局科员、副科长、科长
                  （其间：1998.09--2001.07在中央党校在职研究生班经济管理专业学习）
2001.09--2019.03  江川县副县长
2019.03--         江川市财政局党组书记、局长",
    )
    .unwrap();
    p.rewards = "2020.12 被评为全省财政系统先进工作者".into();
    p.ratings = "2021、2022、2023年年度考核均为称职，2024年为优秀。".into();
    p.family = vec![
        FamilyMember {
            relation: "妻子".into(),
            name: "李娜".into(),
            birth: Some(YearMonth::parse("1970.05").unwrap()),
            party: "中共党员".into(),
            work: "江川市第一中学教师".into(),
        },
        FamilyMember {
            relation: "父亲".into(),
            name: "周立本".into(),
            birth: Some(YearMonth::parse("1940.01").unwrap()),
            party: "群众".into(),
            work: "已故".into(),
        },
    ];
    p.reporting_unit = "中共江川市委组织部".into();
    p.age_as_of = Some(LrmxDate::parse("202411").unwrap());
    p.filled_on = Some(LrmxDate::parse("20241120").unwrap());
    p.filled_by = "王任重".into();
    p.photo = Some(photo());
    p.version = "3.2.1.16".into();
    p
}

/// A deterministic generator (64-bit LCG).
pub struct Gen(u64);

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
    fn maybe(&mut self, s: &str) -> String {
        if self.below(4) == 0 {
            String::new()
        } else {
            s.to_string()
        }
    }
    fn day(&mut self, from: i16, to: i16) -> Date {
        let y = from + self.below((to - from) as u64) as i16;
        Date::new(y, 1 + self.below(12) as i8, 1 + self.below(28) as i8).unwrap()
    }
    fn date(&mut self, from: i16, to: i16) -> Option<LrmxDate> {
        let d = self.day(from, to);
        match self.below(3) {
            0 => None,
            1 => Some(LrmxDate::Month(d.into())),
            _ => Some(LrmxDate::Day(d)),
        }
    }
    /// Text of the kinds the form holds, with characters XML must escape now and then.
    fn text(&mut self) -> String {
        let words = [
            "江川市财政局",
            "科员",
            "副局长",
            "党组书记、局长",
            "（正处级）",
            "A&B公司",
            "<主任>",
            "财政“三保”",
            "资料室'甲'",
            "云南大学",
            "经济管理专业",
            "第1名",
        ];
        (0..1 + self.below(4)).map(|_| self.pick(&words)).collect()
    }

    /// A person: each optional element blank now and then, both date forms, a 简历 with
    /// study lines and an open current period, family members, a photo or none.
    pub fn person(&mut self) -> LrmxPerson {
        let gender = if self.below(2) == 0 {
            Gender::Male
        } else {
            Gender::Female
        };
        let birth = self.day(1955, 2000);
        let id = synthesize(
            110101 + self.below(800_000) as u32,
            birth,
            self.below(500) as u32,
            gender,
        );
        let name = self.pick(&["周建", "李娜", "欧阳明月", "王任重", "阿卜杜拉·买买提"]);
        let mut p = LrmxPerson::new(name, id);
        p.gender = (self.below(5) != 0).then_some(gender);
        p.birth = self.date(1955, 2000);
        let e = self.pick(&["汉族", "彝族", "维吾尔族"]);
        p.ethnicity = self.maybe(e);
        p.native_place = self.maybe("云南江川");
        p.birth_place = self.maybe("云南玉溪");
        p.party_joined = self.date(1975, 2020);
        p.work_started = self.date(1975, 2020);
        p.health = self.maybe("健康");
        p.professional_title = self.maybe("高级经济师");
        p.expertise = self.text();
        for s in [&mut p.full_time, &mut p.in_service] {
            s.education = String::new();
            s.degree = String::new();
        }
        p.full_time.education = self.maybe("大学");
        p.full_time.degree = self.maybe("法学学士");
        p.full_time.education_school = self.text();
        p.in_service.education = self.maybe("省委党校研究生");
        p.in_service.degree_school = self.text();
        p.current_post = self.text();
        let t = self.text();
        p.proposed_post = self.maybe(&t);
        let t = self.text();
        p.proposed_removal = self.maybe(&t);
        let mut start = YearMonth::from(self.day(1975, 1990));
        for i in 0..self.below(7) {
            let end = YearMonth::from(self.day(start.year + 1, start.year + 6));
            let last = i == 6 || self.below(5) == 0;
            let during = (0..self.below(3))
                .map(|_| format!("2003.09--2006.07在{}学习", self.text()))
                .collect();
            p.resume.push(ResumeEntry {
                period: ResumeLine {
                    start,
                    end: (!last).then_some(end),
                    text: self.text(),
                },
                during,
            });
            if last {
                break;
            }
            start = end;
        }
        p.rewards = if self.below(2) == 0 {
            String::new()
        } else {
            format!("{}\n{}", self.text(), self.text())
        };
        p.ratings = self.maybe("2021年度考核为优秀；2022年度考核为称职");
        let t = self.text();
        p.reason = self.maybe(&t);
        for _ in 0..self.below(6) {
            let birth = (self.below(3) != 0).then(|| YearMonth::from(self.day(1930, 2015)));
            p.family.push(FamilyMember {
                relation: self
                    .pick(&["妻子", "丈夫", "儿子", "女儿", "父亲", "母亲"])
                    .into(),
                name: self.pick(&["李娜", "周小川", "欧阳雪"]).into(),
                birth,
                party: self.maybe("中共党员"),
                work: {
                    let t = self.text();
                    self.maybe(&t)
                },
            });
        }
        p.reporting_unit = self.maybe("中共江川市委组织部");
        p.age_as_of = self.date(2020, 2030);
        p.filled_on = self.date(2020, 2030);
        p.filled_by = self.maybe("王任重");
        p.photo = (self.below(3) != 0).then(photo);
        p.version = self.maybe("3.2.1.16");
        p.pre_reform_limit = (self.below(2) == 0).then(|| YearMonth::from(self.day(2020, 2060)));
        p.due = p.pre_reform_limit.map(|m| YearMonth {
            month: 1 + (m.month % 12),
            ..m
        });
        p
    }
}
