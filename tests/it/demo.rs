//! The demo city: big enough to show (≥ 40 units of several categories, ≥ 500 cadres,
//! ≥ 10 years of history), valid, and the same every time.

use banzi::demo;
use banzi_domain::roster::{Known, check};
use std::collections::HashSet;

#[test]
fn the_demo_city_is_large_valid_and_deterministic() {
    let a = demo::city();
    let r = &a.roster;
    assert!(r.units.len() >= 40, "{} units", r.units.len());
    let categories: HashSet<_> = r.units.iter().map(|u| u.value.category.as_str()).collect();
    assert!(categories.len() >= 3, "{categories:?}");
    assert!(r.cadres.len() >= 500, "{} cadres", r.cadres.len());
    let first = r
        .appointments
        .iter()
        .map(|x| x.value.start)
        .min()
        .expect("appointments");
    let last = r
        .appointments
        .iter()
        .map(|x| x.value.start)
        .max()
        .expect("appointments");
    assert!(last.year() - first.year() >= 10, "history {first}..{last}");
    assert!(
        r.appointments.iter().any(|x| x.value.end.is_some())
            && r.appointments.iter().any(|x| x.value.end.is_none())
    );
    assert!(!r.portfolios.is_empty() && !r.trainings.is_empty());
    // 职务层次 (issue 12): a department's 局长 正处级 and 副局长 副处级; the enterprises' posts
    // unknown, so that path is shown too.
    let level = |title: &str, unit: &str| {
        r.posts
            .iter()
            .find(|p| p.value.title == title && p.value.unit_code == unit)
            .map(|p| p.value.level)
            .unwrap_or_else(|| panic!("no {title} in {unit}"))
    };
    use banzi_domain::codes::PostLevel;
    let finance = r
        .units
        .iter()
        .find(|u| u.value.name == "市财政局")
        .expect("市财政局");
    assert_eq!(
        level("局长", &finance.value.code),
        Some(PostLevel::DivisionChief)
    );
    assert_eq!(
        level("副局长", &finance.value.code),
        Some(PostLevel::DivisionDeputy)
    );
    let unknown = r.posts.iter().filter(|p| p.value.level.is_none()).count();
    assert!(
        (1..r.posts.len() / 4).contains(&unknown),
        "{unknown} of {} posts without a level",
        r.posts.len()
    );
    assert_eq!(
        check(r, Known::default()),
        Vec::new(),
        "the demo roster passes the import checks"
    );
    let b = demo::city();
    assert_eq!(a.roster, b.roster, "deterministic");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_builds_into_an_empty_database_once() {
    let db = crate::helpers::TestDb::new(crate::helpers::Backend::Sqlite).await;
    let built = demo::build(&db.store, banzi_i18n::Tr::new(banzi_i18n::Lang::ZhCn))
        .await
        .expect("build");
    assert_eq!(built.logins.len(), 7);
    let staff = crate::helpers::staff();
    let units = db.store.units(&staff).await.expect("units").len();
    assert!(units >= 40);
    let u = db
        .store
        .user_by_login("zuzhibu")
        .await
        .expect("q")
        .expect("demo staff account");
    assert_eq!(u.role, "staff");
    // A ballot session to try, not started: three rater groups, three kinds of question.
    let ballots = db.store.ballots(&staff).await.expect("ballots");
    assert_eq!(ballots.len(), 1);
    assert_eq!(ballots[0].state, "draft");
    assert_eq!(
        (
            ballots[0].spec.groups.len(),
            ballots[0].spec.questions.len()
        ),
        (3, 3)
    );
    // Its 实到人数 is recorded, so it can be opened (R-SEL-2; opened below).
    assert_eq!(
        (ballots[0].spec.expected, ballots[0].spec.attended),
        (30, Some(28))
    );
    // A batch of selection cases at different steps (issue 17, item 7): one appointed with
    // its whole record, one in 任前公示, one waiting for its 常委会, one stopped by a veto.
    // (In a year whose calendar is not yet published a 公示 cannot be counted, and those
    // cases wait at 任前公示.)
    let cases = db
        .store
        .selection_cases(&staff, &Default::default())
        .await
        .expect("cases");
    let mut steps: Vec<&str> = cases.iter().map(|c| c.step.as_str()).collect();
    steps.sort();
    let year_known = banzi_domain::calendar::Calendar::shipped()
        .year(banzi_store::today().year())
        .is_some();
    if year_known {
        assert_eq!(steps, ["appointment", "decision", "done", "stopped"]);
    } else {
        assert!(
            steps.contains(&"decision") && steps.contains(&"stopped"),
            "{steps:?}"
        );
    }
    assert_eq!(db.store.verify_selection().await.expect("verify"), Ok(4));
    // A second run leaves the data alone.
    demo::build(&db.store, banzi_i18n::Tr::new(banzi_i18n::Lang::ZhCn))
        .await
        .expect("again");
    assert_eq!(db.store.units(&staff).await.expect("units").len(), units);
    assert_eq!(db.store.ballots(&staff).await.expect("ballots").len(), 1);
    assert_eq!(
        db.store.verify_audit().await.expect("verify").map(|_| ()),
        Ok(())
    );
    db.store
        .open_ballot(&staff, ballots[0].id)
        .await
        .expect("the demo session opens");
}

#[test]
fn the_benchmark_roster_is_valid() {
    let r = demo::big_roster(500);
    assert_eq!(r.cadres.len(), 500);
    assert_eq!(check(&r, Known::default()), Vec::new());
}

/// R-AGE-1 (issue 12): the demo city keeps no one in post past the statutory age of their
/// rank and gender, and the 简历 of those who left say so; it still shows some due within the
/// year, and its 学时 are mostly met (R-TRAIN-1).
#[test]
fn the_demo_city_retires_its_cadres_on_time() {
    use banzi_domain::date::parse as parse_date;
    use banzi_domain::rules::{Facts, Level, Params, evaluate};
    use banzi_store::CadreRecord;
    use std::sync::Arc;
    let city = demo::city();
    let as_of = parse_date("2026-11-01").expect("date");
    let r = evaluate(
        &Arc::new(Facts::new(&city.roster)),
        &Params::default(),
        as_of,
    );
    let age: Vec<Level> = r
        .alerts
        .iter()
        .filter(|a| a.rule == "R-AGE-1")
        .map(|a| a.level)
        .collect();
    assert!(
        !age.is_empty() && age.iter().all(|l| *l == Level::Warning),
        "{age:?}"
    );
    let hours = r
        .alerts
        .iter()
        .filter(|a| matches!(a.message().id, "rule-county-hours" | "rule-township-hours"))
        .count();
    assert!(
        hours * 4 < r.summary.cadres_in_post,
        "{hours} of {}",
        r.summary.cadres_in_post
    );
    // Nobody's 简历 has a line running past the month they reached the age.
    let in_post: HashSet<&str> = city
        .roster
        .appointments
        .iter()
        .filter(|a| a.value.end.is_none())
        .map(|a| a.value.id_number.as_str())
        .collect();
    let open_lines: HashSet<&str> = city
        .records
        .iter()
        .filter(|(_, r)| matches!(r, CadreRecord::Resume(l) if l.end.is_none()))
        .map(|(id, _)| id.as_str())
        .collect();
    assert!(open_lines.is_subset(&in_post));
}

/// Issue 15, item 14: the demo city reads as a real one. No 民主党派 member or non-Party
/// person ever holds a Party post; the 市委书记 of today is in his fifties; no 简历 has a gap
/// of more than a month between its lines, from the first job on; and the dates of a life
/// are not all the birthday.
#[test]
fn the_demo_city_is_believable() {
    use banzi_domain::date::{YearMonth, age_on, parse as parse_date};
    use banzi_store::CadreRecord;
    use std::collections::HashMap;
    let city = demo::city();
    let r = &city.roster;
    let unit_of: HashMap<&str, (&str, &str)> = r
        .units
        .iter()
        .map(|u| {
            (
                u.value.code.as_str(),
                (u.value.name.as_str(), u.value.category.as_str()),
            )
        })
        .collect();
    let post_of: HashMap<&str, (&str, &str)> = r
        .posts
        .iter()
        .map(|p| {
            (
                p.value.code.as_str(),
                (p.value.unit_code.as_str(), p.value.title.as_str()),
            )
        })
        .collect();
    let cadre_of: HashMap<&str, &banzi_domain::registry::Cadre> = r
        .cadres
        .iter()
        .map(|c| (c.value.id_number.as_str(), &c.value))
        .collect();
    let mut party_posts = 0;
    for a in &r.appointments {
        let (unit, title) = post_of[a.value.post_code.as_str()];
        let (unit_name, category) = unit_of[unit];
        if title.contains("书记") || title.contains("常委") || category == "市委" {
            party_posts += 1;
            let c = cadre_of[a.value.id_number.as_str()];
            assert!(
                !c.party.is_non_cpc(),
                "{} ({}) holds {unit_name}{title}",
                c.name,
                c.party.label()
            );
        }
    }
    assert!(party_posts > 50, "{party_posts} Party appointments");
    let today = parse_date("2026-11-01").expect("date");
    let secretary: Vec<_> = r
        .appointments
        .iter()
        .filter(|a| a.value.end.is_none() && post_of[a.value.post_code.as_str()].1 == "市委书记")
        .map(|a| cadre_of[a.value.id_number.as_str()])
        .collect();
    assert_eq!(secretary.len(), 1);
    let age = age_on(secretary[0].birth_date, today);
    assert!((50..60).contains(&age), "the 市委书记 is {age}");
    assert_eq!(secretary[0].rank, "正厅级", "a prefecture city's 市委书记");

    let mut lines: HashMap<&str, Vec<(YearMonth, Option<YearMonth>)>> = HashMap::new();
    for (id, rec) in &city.records {
        if let CadreRecord::Resume(l) = rec {
            lines.entry(id.as_str()).or_default().push((l.start, l.end));
        }
    }
    assert_eq!(lines.len(), r.cadres.len(), "every cadre has a 简历");
    let months = |m: YearMonth| i32::from(m.year) * 12 + i32::from(m.month);
    for (id, mut ls) in lines {
        ls.sort();
        let c = cadre_of[id];
        let first_job: YearMonth = c.work_started.expect("work").into();
        assert_eq!(ls[0].0, first_job, "{} starts with the first job", c.name);
        for w in ls.windows(2) {
            let end = w[0].1.expect("only the last line may be open");
            assert!(
                months(w[1].0) - months(end) <= 1,
                "{}: a gap from {end:?} to {:?}",
                c.name,
                w[1].0
            );
        }
    }
    let same_day =
        |d: banzi_domain::Date, b: banzi_domain::Date| (d.month(), d.day()) == (b.month(), b.day());
    let on_birthday = r
        .cadres
        .iter()
        .filter(|c| {
            let c = &c.value;
            c.work_started.is_some_and(|w| same_day(w, c.birth_date))
                || c.party_joined.is_some_and(|p| same_day(p, c.birth_date))
        })
        .count();
    assert!(
        on_birthday * 20 < r.cadres.len(),
        "{on_birthday} of {} have a date on their birthday",
        r.cadres.len()
    );
}
