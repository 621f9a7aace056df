//! `banzi import` of 任免审批表 files and `banzi export lrmx` as a user runs them (issue 16):
//! LRMX told from a workbook by content, `--dry-run` prints the preview and writes nothing,
//! a bad file writes nothing and names the file, exports one .lrmx or a zip.

use crate::cli::banzi;
use crate::conformance::lrmx::lrmx_gen::zhou;
use crate::fixture;

#[test]
fn lrmx_files_are_previewed_imported_and_exported_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let db = format!("sqlite://{}", dir.path().join("l.db").display());
    let path = |n: &str| dir.path().join(n).display().to_string();
    let workbook = banzi_io::write_roster(&fixture::roster(), &|_| {}).expect("workbook");
    std::fs::write(path("good.xlsx"), workbook).expect("write");
    let z = zhou();
    let zid = z.id_number.to_string();
    let mut other = zhou();
    other.name = "周小建".into();
    other.id_number = banzi_domain::id_number::synthesize(
        530421,
        banzi_domain::date::parse("1968-03-15").expect("day"),
        14,
        banzi_domain::codes::Gender::Male,
    );
    let oid = other.id_number.to_string();
    let files = vec![
        ("周建.lrmx".to_string(), banzi_io::lrmx::write_lrmx(&z)),
        (
            "周小建.lrmx".to_string(),
            banzi_io::lrmx::write_lrmx(&other),
        ),
        ("说明.txt".to_string(), "每人一个文件".as_bytes().to_vec()),
    ];
    std::fs::write(
        path("two.zip"),
        banzi_io::lrmx::write_lrmx_zip(&files).expect("zip"),
    )
    .expect("write");
    let whole = banzi_io::lrmx::write_lrmx(&z);
    std::fs::write(path("cut.lrmx"), &whole[..whole.len() / 3]).expect("write");

    let r = banzi(&db, &["import", &path("good.xlsx")], None);
    assert_eq!(r.code, 0, "a workbook is still a workbook: {}", r.stderr);
    let r = banzi(&db, &["import", &path("good.xlsx"), "--dry-run"], None);
    assert_ne!(r.code, 0);
    assert!(
        r.stderr.contains("--dry-run 只用于任免审批表"),
        "{}",
        r.stderr
    );

    let dry = banzi(&db, &["import", &path("two.zip"), "--dry-run"], None);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stdout.contains("周建.lrmx：新增干部 周建"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("新增 2，变更 0，无变化 0，有错误 0"),
        "{}",
        dry.stdout
    );
    assert!(dry.stdout.contains("未写入任何内容"));
    assert!(
        dry.stderr.contains("说明.txt"),
        "the skipped entry is named: {}",
        dry.stderr
    );
    let none = banzi(
        &db,
        &["export", "lrmx", &zid, "--output", &path("x.lrmx")],
        None,
    );
    assert_ne!(none.code, 0, "the dry run wrote nothing");

    let cut = banzi(&db, &["import", &path("cut.lrmx")], None);
    assert_ne!(cut.code, 0);
    assert!(cut.stderr.contains("cut.lrmx"), "{}", cut.stderr);
    assert!(cut.stderr.contains("未导入任何内容"), "{}", cut.stderr);

    let real = banzi(&db, &["import", &path("two.zip")], None);
    assert_eq!(real.code, 0, "{}", real.stderr);
    assert!(real.stdout.contains("已导入：新增 2"), "{}", real.stdout);

    let one = banzi(
        &db,
        &[
            "export",
            "lrmx",
            &zid,
            "--output",
            &path("one.lrmx"),
            "--as-of",
            "2026-12-01",
        ],
        None,
    );
    assert_eq!(one.code, 0, "{}", one.stderr);
    let back =
        banzi_io::lrmx::read_lrmx("one.lrmx", &std::fs::read(path("one.lrmx")).expect("file"))
            .expect("an LRMX file");
    assert_eq!(back.name, "周建");
    assert_eq!(back.resume, z.resume);
    let both = banzi(
        &db,
        &["export", "lrmx", &zid, &oid, "--output", &path("both.lrmx")],
        None,
    );
    assert_ne!(both.code, 0);
    assert!(
        both.stderr.contains("一个 .lrmx 文件只能写一人"),
        "{}",
        both.stderr
    );
    let zip = banzi(
        &db,
        &["export", "lrmx", &zid, &oid, "--output", &path("both.zip")],
        None,
    );
    assert_eq!(zip.code, 0, "{}", zip.stderr);
    let read = banzi_io::lrmx::read_lrmx_upload(
        "both.zip",
        &std::fs::read(path("both.zip")).expect("zip"),
    )
    .expect("zip");
    assert_eq!(read.len(), 2);
}
