//! The LRMX import benchmark (issue 16): a zip of 2,000 forms read and checked file by file
//! (`read_lrmx_upload`: guard, inflate, XML, every element, 简历, photo), against a bare XML
//! parse of the same files (inflate and walk every quick-xml event, nothing checked) measured
//! in the same run, and the whole import end to end on SQLite: read, planned against the
//! registry, confirmed and written in one transaction with its audit entries. Goal: ≤ 3 s
//! end to end and reading not slower than 2× the bare parse.
//! Prints figures; asserts nothing about time.
//!
//! `cargo bench --bench lrmx` (BANZI_BENCH_FILES for another count).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;
use common::best;

use banzi_domain::codes::Gender;
use banzi_domain::date::Date;
use banzi_domain::id_number::synthesize;
use banzi_domain::lrmx::{LrmxDate, LrmxPerson, parse_resume};
use banzi_io::lrmx::{file_names, read_lrmx_upload, write_lrmx, write_lrmx_zip};
use std::io::Read;

/// A realistic form: every element, a five-period 简历 with a study line, four family
/// members and a photo.
fn person(i: u32) -> LrmxPerson {
    let birth = Date::new(
        1960 + (i % 35) as i16,
        1 + (i % 12) as i8,
        1 + (i % 28) as i8,
    )
    .expect("date");
    let gender = if i.is_multiple_of(3) {
        Gender::Female
    } else {
        Gender::Male
    };
    let mut p = LrmxPerson::new(format!("干部{i}"), synthesize(530421, birth, i, gender));
    p.gender = Some(gender);
    p.birth = Some(LrmxDate::Month(birth.into()));
    for (field, text) in [
        (&mut p.ethnicity, "汉族"),
        (&mut p.native_place, "云南江川"),
        (&mut p.birth_place, "云南江川"),
        (&mut p.health, "健康"),
        (&mut p.professional_title, "高级经济师"),
        (&mut p.current_post, "江川市财政局党组书记、局长"),
        (&mut p.rewards, "2020.12 被评为全省财政系统先进工作者"),
        (
            &mut p.ratings,
            "2021、2022、2023年年度考核均为称职，2024年为优秀。",
        ),
        (&mut p.reporting_unit, "中共江川市委组织部"),
        (&mut p.version, "3.2.1.16"),
    ] {
        *field = text.into();
    }
    let at = |years: i16| {
        Some(LrmxDate::Month(
            Date::new(birth.year() + years, birth.month(), 1)
                .expect("date")
                .into(),
        ))
    };
    p.party_joined = at(22);
    p.work_started = at(22);
    p.resume = parse_resume(
        "1986.09--1990.07  云南大学经济系财政学专业学习
1990.07--2001.09  江川市财政局科员、副科长、科长
                  （其间：1998.09--2001.07在中央党校在职研究生班经济管理专业学习）
2001.09--2010.03  江川县人民政府副县长
2010.03--2019.03  江川县委副书记、县长
2019.03--         江川市财政局党组书记、局长",
    )
    .expect("resume");
    p.family = (0..4)
        .map(|k| banzi_domain::cadre::FamilyMember {
            relation: ["妻子", "儿子", "父亲", "母亲"][k].into(),
            name: format!("亲属{k}"),
            birth: Some(birth.into()),
            party: "中共党员".into(),
            work: "江川市第一中学教师".into(),
        })
        .collect();
    p.photo = Some(
        banzi_io::check_photo(&banzi_io::photo::tiny_jpeg())
            .expect("photo")
            .data,
    );
    p
}

/// Inflates every entry and walks its XML events: the floor any reader pays.
fn bare_parse(zip: &[u8]) -> usize {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("zip");
    let mut events = 0;
    let mut data = Vec::new();
    for i in 0..archive.len() {
        data.clear();
        archive
            .by_index(i)
            .expect("entry")
            .read_to_end(&mut data)
            .expect("inflate");
        let text = std::str::from_utf8(&data).expect("utf-8");
        let mut r = quick_xml::Reader::from_str(text);
        loop {
            match r.read_event().expect("xml") {
                quick_xml::events::Event::Eof => break,
                _ => events += 1,
            }
        }
    }
    events
}

fn main() {
    let n: u32 = std::env::var("BANZI_BENCH_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let people: Vec<LrmxPerson> = (0..n).map(person).collect();
    let files: Vec<(String, Vec<u8>)> = file_names(&people)
        .into_iter()
        .zip(people.iter().map(write_lrmx))
        .collect();
    let raw: usize = files.iter().map(|f| f.1.len()).sum();
    let zip = write_lrmx_zip(&files).expect("zip");
    println!(
        "{n} files, {:.1} MB of XML, zip {:.1} MB",
        raw as f64 / 1e6,
        zip.len() as f64 / 1e6
    );
    let (bare, events) = best(5, || bare_parse(&zip));
    let (read, results) = best(5, || read_lrmx_upload("bench.zip", &zip).expect("read"));
    assert_eq!(results.len(), n as usize);
    assert!(results.iter().all(|r| r.result.is_ok()));
    println!("bare parse (inflate + XML events, {events} events): {bare:?}");
    println!("read and check every file:                  {read:?}");
    println!(
        "ratio {:.2}× (goal ≤ 2×); {:.0} files/s",
        read.as_secs_f64() / bare.as_secs_f64(),
        f64::from(n) / read.as_secs_f64()
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let (whole, written) = best(3, || rt.block_on(import_into_sqlite(&zip)));
    assert_eq!(written, n as usize);
    println!("import end to end on SQLite (read, plan, confirm, write, audit): {whole:?} (goal ≤ 3 s)");
}

/// The whole import into a fresh SQLite registry, as `banzi import FILES.zip` runs it.
async fn import_into_sqlite(zip: &[u8]) -> usize {
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}", dir.path().join("b.db").display());
    let store = banzi_store::Store::connect(&url, banzi_domain::audit::AuditKey::from_bytes([0; 32]))
        .await
        .expect("store");
    let actor = banzi_domain::role::Actor::cli("bench");
    let files: banzi_store::LrmxFiles = read_lrmx_upload("bench.zip", zip)
        .expect("read")
        .into_iter()
        .map(|f| (f.file, f.result))
        .collect();
    let plan = store.plan_lrmx(&actor, files.clone()).await.expect("plan");
    assert!(!plan.has_errors(), "{:?}", plan.files.iter().find(|f| matches!(f.outcome, banzi_domain::lrmx::Outcome::Errors(_))));
    let written = store
        .import_lrmx(&actor, files, &plan.digest())
        .await
        .expect("import");
    written.writes().count()
}
