//! The `banzi` command as a user runs it: import (all or nothing, every error, non-zero
//! exit), export, the template, accounts from stdin, and `audit verify` catching edits,
//! deletions and reordering of audit rows (R-SEC-3, R-SEC-4).

use crate::conformance::exec;
use crate::fixture;
use std::io::Write;
use std::process::{Command, Stdio};

pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub(crate) fn banzi(db: &str, args: &[&str], stdin: Option<&str>) -> Run {
    banzi_in(&[], db, args, stdin)
}

/// `banzi` with the locale variables `env` and no others (zh-CN when there are none).
fn banzi_in(env: &[(&str, &str)], db: &str, args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banzi"))
        .arg("--database")
        .arg(db)
        .args(args)
        .env_remove("BANZI_DATABASE_URL")
        .env("BANZI_AUDIT_KEY", crate::helpers::key_file(db))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run banzi");
    if let Some(s) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(s.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().expect("wait");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_export_template_and_accounts() {
    let dir = tempfile::tempdir().expect("dir");
    let db = format!("sqlite://{}", dir.path().join("c.db").display());
    let path = |n: &str| dir.path().join(n).display().to_string();
    let mut broken = fixture::roster();
    broken.appointments[1].value.post_code = "NOPE".into();
    broken.cadres[2].value.ethnicity = String::new();
    std::fs::write(
        path("bad.xlsx"),
        banzi_io::write_roster(&broken, &|_| {}).expect("w"),
    )
    .expect("write");
    std::fs::write(
        path("good.xlsx"),
        banzi_io::write_roster(&fixture::roster(), &|_| {}).expect("w"),
    )
    .expect("write");

    let t = banzi(&db, &["template", &path("t.xlsx")], None);
    assert_eq!(t.code, 0, "{}", t.stderr);
    assert!(std::fs::metadata(path("t.xlsx")).expect("template").len() > 1000);

    // Both planted errors, each with its sheet, row and column: the one on 干部 no longer
    // hides the one on 任职 (issue 12).
    let bad = banzi(&db, &["import", &path("bad.xlsx")], None);
    assert_ne!(bad.code, 0);
    let lines: Vec<&str> = bad.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "工作表“干部”第4行“民族”列：必填项不能为空",
            "工作表“任职”第3行“职位编码”列：职位“NOPE”不存在",
            "共 2 处错误，未导入任何数据。"
        ],
        "{}",
        bad.stderr
    );
    let store = crate::helpers::open_as_the_binary(&db).await;
    assert!(
        store
            .units(&crate::helpers::staff())
            .await
            .expect("units")
            .is_empty(),
        "nothing written"
    );

    let good = banzi(&db, &["import", &path("good.xlsx")], None);
    assert_eq!(good.code, 0, "{}", good.stderr);
    assert!(good.stdout.contains("干部 4"), "{}", good.stdout);
    let again = banzi(&db, &["import", &path("good.xlsx")], None);
    assert!(again.stdout.contains("没有变化"), "{}", again.stdout);

    // Refused against the registry now there, a workbook that also changes its rows (a
    // cadre's rank, a post's level, a new unit) changes nothing in any table.
    let before = crate::conformance::dump(&store).await;
    let mut changing = broken.clone();
    changing.cadres[0].value.rank = "正处级".into();
    changing.posts[2].value.level = Some(banzi_domain::codes::PostLevel::DivisionChief);
    changing.units.push(banzi_domain::roster::Located {
        row: 5,
        value: fixture::unit("U3", "市审计局", "C", "市直单位", "", ""),
    });
    std::fs::write(
        path("changing.xlsx"),
        banzi_io::write_roster(&changing, &|_| {}).expect("w"),
    )
    .expect("write");
    let refused = banzi(&db, &["import", &path("changing.xlsx")], None);
    assert_ne!(refused.code, 0);
    assert!(
        refused.stderr.contains("共 2 处错误，未导入任何数据。"),
        "{}",
        refused.stderr
    );
    assert_eq!(crate::conformance::dump(&store).await, before);
    let verify = banzi(&db, &["audit", "verify"], None);
    assert_eq!(verify.code, 0, "{}", verify.stderr);

    let out = banzi(&db, &["export", "roster", &path("out.xlsx")], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (back, _) = banzi_io::read_roster(&std::fs::read(path("out.xlsx")).expect("read"), &|_| {})
        .expect("parse");
    assert_eq!(
        back.cadres
            .iter()
            .map(|c| c.value.clone())
            .collect::<Vec<_>>(),
        fixture::roster()
            .cadres
            .iter()
            .map(|c| c.value.clone())
            .collect::<Vec<_>>()
    );

    let weak = banzi(
        &db,
        &["user", "add", "wang", "--role", "staff"],
        Some("short\n"),
    );
    assert_ne!(weak.code, 0);
    assert!(weak.stderr.contains("密码至少10位"));
    let no_unit = banzi(
        &db,
        &["user", "add", "lia", "--role", "liaison"],
        Some("Abcdefgh12345\n"),
    );
    assert_ne!(no_unit.code, 0);
    assert!(
        no_unit.stderr.contains("必须指定所属单位"),
        "{}",
        no_unit.stderr
    );
    let ok = banzi(
        &db,
        &["user", "add", "lia", "--role", "liaison", "--unit", "U1"],
        Some("Abcdefgh12345\n"),
    );
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    let u = store
        .user_by_login("lia")
        .await
        .expect("q")
        .expect("created");
    assert_eq!(
        (u.role.as_str(), u.unit_code.as_deref()),
        ("liaison", Some("U1"))
    );
    assert!(u.password_hash.starts_with("$argon2id$"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audit_verify_names_the_first_bad_entry() {
    let dir = tempfile::tempdir().expect("dir");
    let db = format!("sqlite://{}", dir.path().join("a.db").display());
    let store = crate::helpers::open_as_the_binary(&db).await;
    store
        .import_roster(&crate::helpers::staff(), &fixture::roster(), &|_, _, _| {})
        .await
        .expect("import");
    let ok = banzi(&db, &["audit", "verify"], None);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(ok.stdout.contains("审计链完整"));

    // Swapping two rows' places: their sequence numbers are exchanged.
    const SWAP: &[&str] = &[
        "UPDATE audit_log SET seq = -3 WHERE seq = 3",
        "UPDATE audit_log SET seq = 3 WHERE seq = 4",
        "UPDATE audit_log SET seq = 4 WHERE seq = -3",
    ];
    let cases: [(&[&'static str], &[&'static str], &str); 3] = [
        (
            &["UPDATE audit_log SET actor = 'someone-else' WHERE seq = 5"],
            &["UPDATE audit_log SET actor = 't-staff' WHERE seq = 5"],
            "第 5 条",
        ),
        (SWAP, SWAP, "第 3 条"),
        (
            &["DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)"],
            &[],
            "末尾记录被删除",
        ),
    ];
    for (tamper, undo, named) in cases {
        for sql in tamper {
            exec(&store, sql).await;
        }
        let r = banzi(&db, &["audit", "verify"], None);
        assert_ne!(r.code, 0, "{tamper:?} must be caught");
        assert!(r.stderr.contains(named), "{tamper:?}: {}", r.stderr);
        if !undo.is_empty() {
            for sql in undo {
                exec(&store, sql).await;
            }
            assert_eq!(
                banzi(&db, &["audit", "verify"], None).code,
                0,
                "undone: {tamper:?}"
            );
        }
    }
    // A deleted middle row.
    let store2 = crate::helpers::open_as_the_binary(&db).await;
    exec(&store2, "DELETE FROM audit_log WHERE seq = 2").await;
    let r = banzi(&db, &["audit", "verify"], None);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("第 2 条"), "{}", r.stderr);
}

fn has_han(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF))
}

/// Issue 13: help, clap's own errors, what a command prints and its errors follow
/// `--lang`, else `LC_ALL`/`LANG`, else zh-CN.
#[test]
fn the_command_line_speaks_the_users_language() {
    let dir = tempfile::tempdir().expect("dir");
    let db = format!("sqlite://{}", dir.path().join("l.db").display());
    let path = |n: &str| dir.path().join(n).display().to_string();

    let cn = banzi(&db, &["--help"], None);
    assert_eq!(cn.code, 0);
    assert!(cn.stdout.contains("用法：banzi"), "{}", cn.stdout);
    assert!(cn.stdout.contains("导入干部花名册工作簿"), "{}", cn.stdout);
    let en = banzi_in(&[("LANG", "en_US.UTF-8")], &db, &["import", "--help"], None);
    assert!(
        en.stdout.starts_with("Import a roster workbook"),
        "{}",
        en.stdout
    );
    assert!(en.stdout.contains("Usage: banzi import"), "{}", en.stdout);
    assert!(!has_han(&en.stdout), "{}", en.stdout);
    let tw = banzi_in(
        &[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "en_US")],
        &db,
        &["--help"],
        None,
    );
    assert!(tw.stdout.contains("匯入幹部名冊活頁簿"), "{}", tw.stdout);
    let c = banzi_in(&[("LANG", "C.UTF-8")], &db, &["--help"], None);
    assert_eq!(c.stdout, cn.stdout, "the C locale keeps the default");

    let bogus = banzi_in(&[("LANG", "en_US.UTF-8")], &db, &["--bogus"], None);
    assert_eq!(bogus.code, 2);
    assert!(
        bogus
            .stderr
            .starts_with("Error: Unknown argument “--bogus”"),
        "{}",
        bogus.stderr
    );
    let fr = banzi(&db, &["--lang", "fr", "template", &path("t.xlsx")], None);
    assert_eq!(fr.code, 2);
    assert!(
        fr.stderr.contains("的值“fr”无效（可选：zh-CN、zh-TW、en）"),
        "{}",
        fr.stderr
    );

    let t = banzi(&db, &["--lang", "en", "template", &path("t.xlsx")], None);
    assert_eq!(t.code, 0, "{}", t.stderr);
    assert_eq!(
        t.stdout.trim(),
        format!("Empty template written to {}", path("t.xlsx"))
    );
    let t = banzi(&db, &["template", &path("t.xlsx"), "--lang", "zh-TW"], None);
    assert_eq!(
        t.stdout.trim(),
        format!("已寫出空白範本 {}", path("t.xlsx"))
    );

    // An import refused: the count in English with its plural, nothing Chinese but the
    // workbook's own sheet and column names.
    let mut broken = fixture::roster();
    broken.cadres[2].value.ethnicity = String::new();
    std::fs::write(
        path("bad.xlsx"),
        banzi_io::write_roster(&broken, &|_| {}).expect("w"),
    )
    .expect("write");
    let bad = banzi(&db, &["--lang", "en", "import", &path("bad.xlsx")], None);
    assert_ne!(bad.code, 0);
    assert_eq!(
        bad.stderr.lines().last(),
        Some("1 error; nothing was imported."),
        "{}",
        bad.stderr
    );
    let missing = banzi(&db, &["--lang", "en", "import", &path("none.xlsx")], None);
    assert_ne!(missing.code, 0);
    assert!(
        missing
            .stderr
            .starts_with(&format!("Error: Cannot read {}: ", path("none.xlsx"))),
        "{}",
        missing.stderr
    );
    let verify = banzi_in(&[("LANG", "en_US.UTF-8")], &db, &["audit", "verify"], None);
    assert_eq!(verify.code, 0, "{}", verify.stderr);
    assert!(
        verify.stdout.starts_with("Audit chain intact"),
        "{}",
        verify.stdout
    );
}

/// Issue 14 (R-SEC-3): the key file is created 0600 at first start; `audit head` prints the
/// anchor, `verify --anchor` fails once the newest entries are gone; a replaced or exposed
/// key file fails.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audit_head_and_anchor_with_the_key_file() {
    let dir = tempfile::tempdir().expect("dir");
    let db = format!("sqlite://{}", dir.path().join("k.db").display());
    let key = crate::helpers::key_file(&db);
    let first = banzi(&db, &["audit", "verify"], None);
    assert_eq!(first.code, 0, "{}", first.stderr);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key)
            .expect("key file created")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let store = crate::helpers::open_as_the_binary(&db).await;
    store
        .import_roster(&crate::helpers::staff(), &fixture::roster(), &|_, _, _| {})
        .await
        .expect("import");
    let head = banzi(&db, &["audit", "head"], None);
    assert_eq!(head.code, 0, "{}", head.stderr);
    let anchor = head.stdout.lines().next().expect("anchor line").to_string();
    let (seq, hash) = anchor.split_once(':').expect("SEQ:HASH");
    assert_eq!(hash.len(), 64, "{anchor}");
    assert!(
        head.stdout.contains(&format!("第 {seq} 条")),
        "{}",
        head.stdout
    );
    let ok = banzi(&db, &["audit", "verify", "--anchor", &anchor], None);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(ok.stdout.contains("未被改写"), "{}", ok.stdout);
    // The newest entry deleted and the head set back to the one before.
    exec(
        &store,
        "DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)",
    )
    .await;
    exec(
        &store,
        "UPDATE audit_head SET seq = seq - 1, hash = (SELECT hash FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log))",
    )
    .await;
    assert_eq!(banzi(&db, &["audit", "verify"], None).code, 0);
    let cut = banzi(&db, &["audit", "verify", "--anchor", &anchor], None);
    assert_ne!(cut.code, 0);
    assert!(cut.stderr.contains("最新的记录被删除"), "{}", cut.stderr);
    let bad = banzi(&db, &["audit", "verify", "--anchor", "12"], None);
    assert_ne!(bad.code, 0);
    assert!(bad.stderr.contains("格式不对"), "{}", bad.stderr);
    // Another key in the file: nothing verifies.
    let original = std::fs::read_to_string(&key).expect("key");
    std::fs::write(&key, format!("{}\n", "ab".repeat(32))).expect("write");
    let wrong = banzi(&db, &["audit", "verify"], None);
    assert_ne!(wrong.code, 0);
    assert!(wrong.stderr.contains("第 1 条"), "{}", wrong.stderr);
    std::fs::write(&key, original).expect("write");
    // A key file others can read is refused.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let exposed = banzi(&db, &["audit", "verify"], None);
        assert_ne!(exposed.code, 0);
        assert!(exposed.stderr.contains("644"), "{}", exposed.stderr);
    }
}
