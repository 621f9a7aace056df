//! The ballot area's messages are data (issue 13): every id the code names is an entry of
//! `ballot.ftl`, every entry is used, and none of the area's messages is a Chinese sentence
//! for the old catalog. Names are arguments, shown as written in every language: a name with
//! 任, 于 or 和 (characters the old catalog's patterns also hold) or an English name with
//! "the" in it reads right in a refusal and on the result page, in zh-CN, zh-TW and English.

use crate::conformance::ballots::{picks, spec};
use crate::helpers::{Backend, Client, PASSWORD, TestApp, seed_users, staff};
use crate::http::blocking;
use banzi_domain::ballot::{Answer, QuestionKind};
use banzi_i18n::{Lang, sources};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The sources of the area: the domain's checks, the store's refusals and the pages.
fn area_sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates");
    let mut files = vec![
        root.join("banzi-store/src/store/ballots.rs"),
        root.join("banzi-store/src/store/ballot_paper.rs"),
        root.join("banzi-store/src/store/ballot_close.rs"),
        root.join("banzi-store/src/store/ballot_codes.rs"),
    ];
    for page in [
        "ballots",
        "ballot_run",
        "ballot_paper",
        "ballot_codes",
        "vote",
    ] {
        files.push(root.join(format!("banzi-web/src/pages/{page}.rs")));
    }
    let domain = root.join("banzi-domain/src/ballot");
    for e in std::fs::read_dir(&domain).expect("ballot module").flatten() {
        if e.path().extension().is_some_and(|x| x == "rs") {
            files.push(e.path());
        }
    }
    files
}

/// The `"ballot-…"` literals of a source: the ids it names.
fn ids_named(src: &str) -> Vec<String> {
    src.split("\"ballot-")
        .skip(1)
        .filter_map(|rest| {
            let id: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            rest[id.len()..]
                .starts_with('"')
                .then(|| format!("ballot-{id}"))
        })
        .collect()
}

#[test]
fn every_ballot_id_of_the_code_is_in_the_catalog_and_every_entry_is_used() {
    let (_, catalog) = sources(Lang::ZhCn)
        .into_iter()
        .find(|(file, _)| *file == "ballot")
        .expect("ballot.ftl");
    let entries: BTreeSet<String> = banzi_i18n::ids(catalog)
        .into_iter()
        .map(String::from)
        .collect();
    let mut named = BTreeSet::new();
    for f in area_sources() {
        let src = std::fs::read_to_string(&f).expect("source");
        named.extend(ids_named(&src));
    }
    assert!(named.len() > 60, "too few ids found: {named:?}");
    assert_eq!(
        named.difference(&entries).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "named in the code, missing from ballot.ftl"
    );
    assert_eq!(
        entries.difference(&named).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "in ballot.ftl, named nowhere"
    );
}

const NAMES: [&str; 3] = ["于和平", "任和", "Catherine Lin"];
/// Written in by a voter.
const WRITTEN: &str = "Heather Wu";

/// One language's expectations: the cookie, the phone's refusal of a name ticked twice and
/// of a listed name written in, the set-up's refusal of a name listed twice, the kinds and
/// the grades.
struct Reads {
    lang: &'static str,
    ticked_twice: &'static str,
    written_listed: &'static str,
    listed_twice: &'static str,
    kinds: [&'static str; 2],
    grades: [&'static str; 4],
}

const READS: [Reads; 3] = [
    Reads {
        lang: "zh-CN",
        ticked_twice: "第1题重复勾选了“任和”",
        written_listed: "第1题另提的“于和平”已在名单中，请直接勾选",
        listed_twice: "第1题的“Catherine Lin”重复列出",
        kinds: ["推荐", "干部测评"],
        grades: ["优秀", "称职", "基本称职", "不称职"],
    },
    Reads {
        lang: "zh-TW",
        ticked_twice: "第1題重複勾選了「任和」",
        written_listed: "第1題另提的「于和平」已在名單中，請直接勾選",
        listed_twice: "第1題的「Catherine Lin」重複列出",
        kinds: ["推薦", "幹部測評"],
        grades: ["優秀", "稱職", "基本稱職", "不稱職"],
    },
    Reads {
        lang: "en",
        ticked_twice: "Question 1: “任和” is ticked twice",
        written_listed: "Question 1: “于和平” is on the list; tick it instead of writing it in",
        listed_twice: "Question 1: “Catherine Lin” is listed twice",
        kinds: ["Recommendation", "Cadre rating"],
        grades: [
            "Excellent",
            "Competent",
            "Basically competent",
            "Incompetent",
        ],
    },
];

/// A call of the phone's script, in `lang`.
fn phone(base: &str, path: &str, lang: &str, body: Value) -> (u16, Value) {
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent();
    let mut r = agent
        .post(format!("{base}{path}"))
        .header("origin", base)
        .header("cookie", format!("banzi_lang={lang}"))
        .send_json(&body)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let text = r.body_mut().read_to_string().expect("body");
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (r.status().as_u16(), json)
}

/// The texts of the elements with class `class`, trimmed.
fn texts(body: &str, class: &str) -> Vec<String> {
    body.split(&format!("class=\"{class}\">"))
        .skip(1)
        .map(|s| s.split('<').next().unwrap_or("").trim().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn names_read_as_written_in_refusals_and_on_the_result_page_in_three_languages() {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    seed_users(&app.db.store, None).await;
    let store = app.db.store.clone();
    let mut s = spec();
    s.questions[0].options = NAMES.map(String::from).to_vec();
    s.questions[0].kind = QuestionKind::Recommend {
        max: 3,
        write_ins: true,
    };
    s.questions[1].options = vec![NAMES[0].into(), NAMES[2].into()];
    let id = store.create_ballot(&staff(), &s).await.expect("session");
    let codes: Vec<String> = store
        .issue_codes(&staff(), id)
        .await
        .expect("codes")
        .into_iter()
        .map(|x| x.code)
        .collect();
    store.open_ballot(&staff(), id).await.expect("open");

    // The phone: 任和 ticked twice and 于和平 written in though listed, in each language;
    // nothing is recorded.
    let base = app.base.clone();
    let code = codes[0].clone();
    blocking(move || {
        let mut refused = picks(&[1, 1], [None, None]);
        refused[0] = Answer::Picks {
            picks: vec![1, 1],
            write_ins: vec![NAMES[0].into()],
        };
        for r in &READS {
            let (status, e) = phone(
                &base,
                "/v/cast",
                r.lang,
                json!({"code": code, "nonce": "names-0000000000000000", "ballot": refused}),
            );
            assert_eq!(status, 422, "{}: {e}", r.lang);
            let fields: Vec<&str> = e["fields"]
                .as_array()
                .expect("fields")
                .iter()
                .filter_map(|f| f["message"].as_str())
                .collect();
            assert_eq!(fields, [r.ticked_twice, r.written_listed], "{}", r.lang);
            let (_, o) = phone(&base, "/v/open", r.lang, json!({"code": code}));
            assert_eq!(o["used"], false, "{}", r.lang);
            assert_eq!(o["questions"][0]["options"], json!(NAMES), "{}", r.lang);
            assert_eq!(o["questions"][1]["kind_label"], r.kinds[1], "{}", r.lang);
            assert_eq!(o["questions"][1]["marks"], json!(r.grades), "{}", r.lang);
        }
    })
    .await;

    // Staff set up a session that lists Catherine Lin twice: refused, in each language.
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        let session = c.cookie.clone().expect("signed in");
        for r in &READS {
            c.cookie = Some(format!("{session}; banzi_lang={}", r.lang));
            c.get("/ballots/new");
            let bad = c.post(
                "/ballots/new",
                &[
                    ("title", "民主推荐"),
                    ("meeting_date", "2026-11-21"),
                    ("expected", "5"),
                    ("threshold", "50%"),
                    ("groups", "班子成员 100 5"),
                    (
                        "questions",
                        "推荐1人：推荐人选\nCatherine Lin、任和\nCatherine Lin",
                    ),
                ],
            );
            assert_eq!(bad.status, 422, "{}: {}", r.lang, bad.body);
            assert_eq!(
                texts(&bad.body, "field-error\" id=\"err-questions"),
                [r.listed_twice],
                "{}",
                r.lang
            );
        }
    })
    .await;

    // Three ballots, one writing in Heather Wu; then the result in each language.
    for (i, (p, w)) in [
        (&[0u32][..], None),
        (&[0, 2][..], None),
        (&[1][..], Some(WRITTEN)),
    ]
    .into_iter()
    .enumerate()
    {
        let mut b = picks(p, [Some(0), Some(1)]);
        b[0] = Answer::Picks {
            picks: p.to_vec(),
            write_ins: w.map(String::from).into_iter().collect(),
        };
        store
            .cast_ballot(&codes[i + 1], &format!("names-{i:04}-xxxxxxxxxxxx"), &b)
            .await
            .expect("cast");
    }
    store.close_ballot(&staff(), id).await.expect("close");
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        let session = c.cookie.clone().expect("signed in");
        for r in &READS {
            c.cookie = Some(format!("{session}; banzi_lang={}", r.lang));
            let page = c.get(&format!("/ballots/{id}/result"));
            assert_eq!(page.status, 200, "{}: {}", r.lang, page.body);
            // 于和平 2 votes, then 1 each in listed order, then the write-in; the ratings.
            assert_eq!(
                texts(&page.body, "r-name"),
                [NAMES[0], NAMES[1], NAMES[2], WRITTEN, NAMES[0], NAMES[2]],
                "{}",
                r.lang
            );
            assert_eq!(
                texts(&page.body, "badge text-bg-light border")
                    .into_iter()
                    .filter(|t| r.kinds.contains(&t.as_str()))
                    .collect::<Vec<_>>(),
                r.kinds,
                "{}",
                r.lang
            );
            for g in r.grades {
                assert!(
                    page.body
                        .contains(&format!("<th class=\"text-end\">{g}</th>")),
                    "{}: {g}",
                    r.lang
                );
            }
            assert!(!page.body.contains("於和平"), "a name is never converted");
        }
    })
    .await;
}

/// Counts take the plural English needs, lists the language's separator, and numbers are
/// written without grouping, as the Chinese always were.
#[test]
fn counts_and_lists_read_right_in_three_languages() {
    use banzi_domain::message;
    use banzi_domain::msg::Arg;
    use banzi_i18n::Tr;
    let [cn, tw, en] = [Lang::ZhCn, Lang::ZhTw, Lang::En].map(Tr::new);
    let pending = |n: i64| message!("ballot-close-paper-pending", n = n);
    assert_eq!(
        cn.msg(&pending(1)),
        "尚有1张纸质票未计入结果，请核对计入后再结束投票"
    );
    assert_eq!(
        en.msg(&pending(1)),
        "1 paper slip is not counted yet: check and count it before closing the vote"
    );
    assert_eq!(
        en.msg(&pending(3)),
        "3 paper slips are not counted yet: check and count them before closing the vote"
    );
    let answers = |want: i64, got: i64| message!("ballot-answers-count", want = want, got = got);
    assert_eq!(cn.msg(&answers(1, 0)), "选票应有1题的答案，现为0题");
    assert_eq!(
        en.msg(&answers(1, 0)),
        "The ballot should answer 1 question; it answers 0"
    );
    assert_eq!(
        en.msg(&answers(4, 3)),
        "The ballot should answer 4 questions; it answers 3"
    );
    let marks = message!("ballot-answer-mark-count", question = 2, want = 1, got = 3);
    assert_eq!(
        en.msg(&marks),
        "Question 2: answer the 1 item; there are 3 answers"
    );
    let seqs = message!(
        "ballot-paper-unresolved",
        seqs = Arg::List(vec![Arg::Int(2), Arg::Int(15)])
    );
    assert_eq!(cn.msg(&seqs), "第2、15张纸质票尚未经两人录入一致，请先核对");
    assert_eq!(tw.msg(&seqs), "第2、15張紙質票尚未經兩人錄入一致，請先核對");
    assert_eq!(
        en.msg(&seqs),
        "Paper slips not yet keyed alike by two people: 2, 15; check them first"
    );
    let seq = message!("ballot-paper-seq-range", max = 100_000);
    assert_eq!(cn.msg(&seq), "纸质票序号应为1至100000的整数");
    assert_eq!(
        en.msg(&seq),
        "The slip number should be a whole number from 1 to 100000"
    );
}
