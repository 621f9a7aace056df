//! The printed 干部任免审批表 benchmark (issue 16, item 3): one form warm (the fonts already
//! read and parsed, as in a running server; the median of many), and 200 forms in one PDF.
//! Goals: ≤ 100 ms a form warm; 200 forms ≤ 10 s. Prints figures; asserts nothing about time.
//!
//! `cargo bench --bench form_pdf` (BANZI_BENCH_FORMS for another batch, BANZI_BENCH_RUNS
//! for the number of single forms timed).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;
use common::{best, env};

use banzi_domain::cadre::FamilyMember;
use banzi_domain::codes::Gender;
use banzi_domain::date::{Date, YearMonth};
use banzi_domain::id_number::synthesize;
use banzi_domain::lrmx::{LrmxDate, LrmxPerson, Schooling, parse_resume};
use banzi_io::form_pdf::{FormFonts, render_forms};
use std::time::{Duration, Instant};

/// A full form with a twelve-period 简历 and six family members; the 简历 and the names
/// differ from person to person, so a batch draws many different characters.
fn form(i: usize) -> LrmxPerson {
    let surnames = [
        "赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈", "褚", "卫",
    ];
    let given = [
        "建国", "红梅", "志强", "秀英", "海燕", "德华", "晓东", "丽娟", "振华",
    ];
    let name = format!("{}{}", surnames[i % 12], given[i / 12 % 9]);
    let birth = Date::new(
        1965 + (i % 25) as i16,
        1 + (i % 12) as i8,
        1 + (i % 28) as i8,
    )
    .expect("date");
    let mut p = LrmxPerson::new(&name, synthesize(530421, birth, i as u32, Gender::Male));
    p.gender = Some(Gender::Male);
    p.birth = Some(LrmxDate::Month(birth.into()));
    p.ethnicity = ["汉族", "彝族", "回族", "白族"][i % 4].into();
    p.native_place = "云南玉溪".into();
    p.birth_place = "云南江川".into();
    p.party_joined = Some(LrmxDate::Month(YearMonth {
        year: 1990,
        month: 6,
    }));
    p.work_started = Some(LrmxDate::Month(YearMonth {
        year: 1988,
        month: 7,
    }));
    p.health = "健康".into();
    p.full_time = Schooling {
        education: "大学".into(),
        degree: "管理学学士".into(),
        education_school: "云南财经大学会计学院会计学专业".into(),
        degree_school: String::new(),
    };
    p.current_post = format!("江川市第{}局党组书记、局长", i % 40 + 1);
    let mut resume = String::new();
    for k in 0..12 {
        let (y0, y1) = (1988 + 3 * k, 1991 + 3 * k);
        let end = if k == 11 {
            String::new()
        } else {
            format!("{y1}.07")
        };
        resume.push_str(&format!(
            "{y0}.07--{end:<9}江川市第{}乡镇人民政府{}\n",
            (i + k) % 30 + 1,
            ["科员", "副乡长", "乡长", "党委书记"][k % 4]
        ));
    }
    p.resume = parse_resume(&resume).expect("resume");
    p.rewards = "2019年被评为全省优秀共产党员；2022年记三等功一次。".into();
    p.ratings = "2021、2022年度考核为称职，2023、2024年度考核为优秀。".into();
    p.reason = "工作需要".into();
    p.family = (0..6)
        .map(|k| FamilyMember {
            relation: ["妻子", "儿子", "女儿", "父亲", "母亲", "岳父"][k].into(),
            name: format!("{}{}", surnames[(i + k) % 12], given[(i + k) % 9]),
            birth: Some(YearMonth {
                year: 1940 + 10 * k as i16,
                month: 3,
            }),
            party: "群众".into(),
            work: format!("江川市第{}中学教师", k + 1),
        })
        .collect();
    p.reporting_unit = "中共江川市委组织部".into();
    p.age_as_of = Some(LrmxDate::Day(Date::constant(2026, 12, 1)));
    p.filled_on = Some(LrmxDate::Day(Date::constant(2026, 12, 1)));
    p.filled_by = "王任重".into();
    p.photo = Some(
        banzi_io::check_photo(&banzi_io::photo::tiny_jpeg())
            .expect("photo")
            .data,
    );
    p
}

fn main() {
    let fonts = FormFonts::default();
    let batch = env("BANZI_BENCH_FORMS", 200);
    let runs = env("BANZI_BENCH_RUNS", 50);
    let people: Vec<LrmxPerson> = (0..batch).map(form).collect();

    let t = Instant::now();
    let first = render_forms(&people[..1], &fonts).expect("form");
    println!(
        "cold (reading and parsing the fonts): {:?}, {} KB",
        t.elapsed(),
        first.len() / 1000
    );

    let mut times: Vec<Duration> = (0..runs)
        .map(|i| {
            let t = Instant::now();
            render_forms(&people[i % batch..i % batch + 1], &fonts).expect("form");
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "one form warm: median {:?} (fastest {:?}, slowest {:?}; {runs} runs; goal ≤ 100 ms)",
        times[runs / 2],
        times[0],
        times[runs - 1]
    );

    let (all, pdf) = best(3, || render_forms(&people, &fonts).expect("forms"));
    println!(
        "{batch} forms in one PDF: {all:?} ({:.1} ms a form, {:.1} MB; goal ≤ 10 s)",
        all.as_secs_f64() * 1000.0 / batch as f64,
        pdf.len() as f64 / 1e6
    );
}
