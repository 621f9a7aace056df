//! The two vocabularies of issue 12 through every query, on both backends: a post's 职务层次
//! (imported, written, changed, read back by the export, the team page and the rules), and
//! the GB/T 4762 code names of 政治面貌 (a workbook of another system imports unchanged;
//! 共青团员 is 党外, R-STRUCT-3).

use super::import;
use super::roster_errors::import_workbook;
use crate::fixture::{self, id, wang_qiang};
use crate::helpers::{as_role, staff};
use crate::workbook::{Book, text};
use banzi_domain::codes::{Gender, Party, PostLevel};
use banzi_domain::date::parse as parse_date;
use banzi_domain::role::Role;
use banzi_domain::roster::Located;
use banzi_store::{AuditFilter, CadreFilter, Store};

fn day() -> banzi_domain::Date {
    parse_date("2026-11-21").expect("date")
}

/// The fixture's P1 is 正处级, P2 副处级 (written 副县级), P3 unknown.
async fn a_posts_level_goes_through_every_query(store: Store) {
    import(&store).await;
    let levels = |posts: &[banzi_store::PostRow]| -> Vec<(String, Option<String>)> {
        posts
            .iter()
            .map(|p| (p.code.clone(), p.level.clone()))
            .collect()
    };
    let team = store.team(&staff(), "U1", day()).await.expect("team");
    assert_eq!(
        levels(&team.posts),
        [
            ("P1".into(), Some("正处级".into())),
            ("P2".into(), Some("副处级".into()))
        ]
    );
    // What the rules read (SQLite reads it apart from the export).
    let rows = store.rule_rows(&staff()).await.expect("rows");
    assert_eq!(
        rows.posts
            .iter()
            .map(|p| (rows.texts.get(p.code), p.level))
            .collect::<Vec<_>>(),
        [
            ("P1", Some(PostLevel::DivisionChief)),
            ("P2", Some(PostLevel::DivisionDeputy)),
            ("P3", None)
        ]
    );
    // The export gives the levels back; imported again, nothing changes.
    let exported = store.export_roster(&staff()).await.expect("export");
    assert_eq!(
        exported
            .posts
            .iter()
            .map(|p| p.value.level)
            .collect::<Vec<_>>(),
        [
            Some(PostLevel::DivisionChief),
            Some(PostLevel::DivisionDeputy),
            None
        ]
    );
    let again = import_workbook(&store, Book::of(&exported).bytes())
        .await
        .expect("again");
    assert_eq!(again.total(), 0, "re-import with the level changes nothing");

    // A level given where it was unknown is a change of that post, audited before and after.
    let mut r = fixture::roster();
    r.posts[2].value.level = Some(PostLevel::DivisionChief);
    let s = store
        .import_roster(&staff(), &r, &|_, _, _| {})
        .await
        .expect("import");
    assert_eq!((s.total(), s.posts), (1, 1));
    let (audit, _) = store
        .audit_page(
            &as_role(Role::Auditor, None),
            &AuditFilter {
                key: Some("P3".into()),
                per_page: 10,
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    let update = audit
        .iter()
        .find(|a| a.action == "post.update")
        .expect("audited");
    assert!(
        update.before_json.contains("\"level\":null"),
        "{}",
        update.before_json
    );
    assert!(
        update.after_json.contains("\"level\":\"正处级\""),
        "{}",
        update.after_json
    );

    // A post saved through the form's path keeps its level; a new one without a level too.
    let mut post = fixture::leveled_post("P4", "U2", "副局长", "副职", "1", "副科级");
    store.save_post(&staff(), &post).await.expect("save");
    post.code = "P5".into();
    post.level = None;
    store.save_post(&staff(), &post).await.expect("save");
    let team = store.team(&staff(), "U2", day()).await.expect("team");
    assert_eq!(
        levels(&team.posts),
        [
            ("P3".into(), Some("正处级".into())),
            ("P4".into(), Some("副科级".into())),
            ("P5".into(), None)
        ]
    );
}

both!(a_posts_level_goes_through_every_query);

/// A workbook made before the column (2026-12-02) imports, its posts' levels unknown.
async fn a_workbook_without_the_level_column_imports(store: Store) {
    let bytes = Book::of(&fixture::roster())
        .without("职位", "职务层次")
        .bytes();
    let s = import_workbook(&store, bytes).await.expect("import");
    assert_eq!(s.posts, 3);
    let team = store.team(&staff(), "U1", day()).await.expect("team");
    assert!(team.posts.iter().all(|p| p.level.is_none()));
}

both!(a_workbook_without_the_level_column_imports);

/// GB/T 4762, 01 … 13, with the value each name is kept as.
const GBT_4762: [(&str, Party); 13] = [
    ("中国共产党党员", Party::Cpc),
    ("中国共产党预备党员", Party::CpcProbation),
    ("中国共产主义青年团团员", Party::Cyl),
    ("中国国民党革命委员会会员", Party::Kmt),
    ("中国民主同盟盟员", Party::Dl),
    ("中国民主建国会会员", Party::Cndca),
    ("中国民主促进会会员", Party::Cape),
    ("中国农工民主党党员", Party::Pwdp),
    ("中国致公党党员", Party::Zgd),
    ("九三学社社员", Party::Jiusan),
    ("台湾民主自治同盟盟员", Party::Taimeng),
    ("无党派民主人士", Party::NonParty),
    ("群众", Party::Masses),
];

/// A workbook written by a GB/T 4762 system: 政治面貌 in the code names. It imports as it
/// is, each name kept as its value's short label, and again changes nothing; 王强, the one
/// member of the 党外干部必配 unit U2, is a 共青团员, which is 党外: no R-STRUCT-3 alert.
async fn a_gbt_4762_workbook_imports_unchanged(store: Store) {
    let mut r = fixture::roster();
    for i in 0..9 {
        let n = 20 + i;
        let idn = id(n, "1975-06-15", Gender::Female);
        let name = format!("干部{n}");
        r.cadres.push(Located {
            row: 6 + i,
            value: fixture::cadre(&idn, &name, "女", "1975-06-15", "群众", "大学"),
        });
    }
    let mut book = Book::of(&r);
    for (i, (name, _)) in GBT_4762.iter().enumerate() {
        book = book.set("干部", i + 2, "政治面貌", text(name));
    }
    // 王强 is the third cadre: 中国共产主义青年团团员.
    assert_eq!(r.cadres[2].value.id_number.as_str(), wang_qiang());
    let s = import_workbook(&store, book.bytes()).await.expect("import");
    assert_eq!(s.cadres, 13);

    let exported = store.export_roster(&staff()).await.expect("export");
    let parties: Vec<Party> = exported.cadres.iter().map(|c| c.value.party).collect();
    assert_eq!(parties, GBT_4762.map(|(_, p)| p));
    let again = import_workbook(&store, book.bytes()).await.expect("again");
    assert_eq!(again.total(), 0, "the code names read as what is stored");

    // 共青团员 is 党外: the cadre list's filter, the structure's count, R-STRUCT-3.
    let (non_cpc, n) = store
        .search_cadres(
            &staff(),
            &CadreFilter {
                party: Some("党外".into()),
                today: "2026-11-21".into(),
                per_page: 20,
                ..Default::default()
            },
        )
        .await
        .expect("search");
    assert_eq!(n, 11);
    assert!(
        non_cpc
            .iter()
            .any(|c| c.id_number == wang_qiang() && c.party == "共青团员")
    );
    let a = store.analyse(&staff(), day()).await.expect("analyse");
    assert_eq!(a.structure.city.non_cpc, 1, "王强 is the one 党外 member");
    assert!(
        a.structure
            .city
            .party
            .iter()
            .any(|c| c.label == "共青团员" && c.count == 1)
    );
    // (R-STRUCT-3 also notes the teams without a woman, U2's among them.)
    let missing_non_cpc: Vec<String> = a
        .report
        .alerts
        .iter()
        .filter(|x| x.rule == "R-STRUCT-3" && x.level.key() == "violation")
        .map(|x| x.unit.to_string())
        .collect();
    assert_eq!(missing_non_cpc, Vec::<String>::new());
}

both!(a_gbt_4762_workbook_imports_unchanged);
