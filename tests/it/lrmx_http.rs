//! 任免审批表 files over HTTP (issue 16, items 1 and 2): the upload is previewed and written
//! only with the preview's digest; a stale digest or a bad file writes nothing and says why
//! where the user acted; downloads of one form or a team's are audited and scoped.

use crate::conformance::count_changes;
use crate::conformance::lrmx::lrmx_gen::zhou;
use crate::fixture::{wang_qiang, zhang_wei};
use crate::helpers::{Client, PASSWORD, audited, cadre_ref};
use crate::http::{app, blocking};

fn digest_of(body: &str) -> String {
    let marker = "id=\"lrmx-confirm\" data-digest=\"";
    let i = body
        .find(marker)
        .unwrap_or_else(|| panic!("no confirm button in {body}"));
    body[i + marker.len()..]
        .split('"')
        .next()
        .unwrap_or("")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_is_previewed_and_written_only_as_confirmed() {
    let app = app().await;
    let store = app.db.store.clone();
    let file = banzi_io::lrmx::write_lrmx(&zhou());
    let base = app.base.clone();
    let before = count_changes(&store).await;
    let (preview, done, stale, bad) = blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let page = c.get("/roster");
        assert!(
            page.body.contains("id=\"lrmx-form\""),
            "the upload is on the roster page"
        );
        let preview = c.upload("/lrmx/import", "file", "周建.lrmx", &file);
        let digest = digest_of(&preview.body);
        let done = c.upload_with(
            "/lrmx/import",
            &[("digest", &digest)],
            "file",
            "周建.lrmx",
            &file,
        );
        // The same confirmation again: the registry has changed since that preview.
        let stale = c.upload_with(
            "/lrmx/import",
            &[("digest", &digest)],
            "file",
            "周建.lrmx",
            &file,
        );
        let bad = c.upload("/lrmx/import", "file", "断了.lrmx", &file[..file.len() / 2]);
        (preview, done, stale, bad)
    })
    .await;
    assert_eq!(preview.status, 200);
    assert!(preview.body.contains("周建") && preview.body.contains("lrmx-summary"));
    assert!(
        preview.body.contains("class=\"lrmx-new\""),
        "{}",
        preview.body
    );
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("id=\"lrmx-done\""), "{}", done.body);
    assert!(
        !done.body.contains("lrmx-confirm"),
        "nothing left to confirm"
    );
    let after = count_changes(&store).await;
    assert!(after > before, "the confirmation wrote");
    assert_eq!(
        audited(&store, "cadre.form.import", None, None).await.len(),
        1
    );
    assert_eq!(stale.status, 409);
    assert!(
        stale.body.contains("预览之后干部信息或上传的文件已有变化"),
        "{}",
        stale.body
    );
    assert!(
        stale.body.contains("class=\"lrmx-same\""),
        "the plan as it is now is shown"
    );
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("断了.lrmx"),
        "the error names the file: {}",
        bad.body
    );
    assert_eq!(
        count_changes(&store).await,
        after,
        "the stale and the bad upload wrote nothing"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_download_as_lrmx_audited_and_within_the_callers_unit() {
    let app = app().await;
    let store = app.db.store.clone();
    let zw = cadre_ref(&store, &zhang_wei()).await;
    let wq = cadre_ref(&store, &wang_qiang()).await;
    let base = app.base.clone();
    let (one, team, liaison_own, liaison_other, (liaison_import, searched)) = blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        c.get(&format!("/cadres/{zw}"));
        let one = c.post(
            &format!("/cadres/{zw}/form.lrmx"),
            &[
                ("as_of", "2026-12-01"),
                ("appoint", "市人民政府副市长"),
                ("reason", "工作需要"),
            ],
        );
        let team = c.post("/lrmx/export.zip", &[("team", "U1")]);
        let mut l = Client::new(&base);
        l.login("liaison", PASSWORD);
        l.get(&format!("/cadres/{zw}"));
        let own = l.post(&format!("/cadres/{zw}/form.lrmx"), &[]);
        let other = l.post(&format!("/cadres/{wq}/form.lrmx"), &[]);
        let import = l.upload("/lrmx/import", "file", "x.lrmx", b"<Person/>");
        // The list's selection: everyone the liaison's search finds, its own unit only.
        let searched = l.post("/cadres/forms.zip", &[("q", "")]);
        (one, team, own, other, (import, searched))
    })
    .await;
    assert_eq!(one.status, 200, "{}", one.body);
    assert_eq!(one.content_type, "application/xml");
    assert!(one.body.contains("<XingMing>张伟</XingMing>"));
    assert!(
        one.body
            .contains("<NiRenZhiWu>市人民政府副市长</NiRenZhiWu>")
    );
    assert!(one.body.contains("<RenMianLiYou>工作需要</RenMianLiYou>"));
    assert!(
        one.body
            .contains("<JiSuanNianLingShiJian>20261201</JiSuanNianLingShiJian>")
    );
    assert!(
        one.body
            .contains("<XianRenZhiWu>市财政局局长</XianRenZhiWu>"),
        "{}",
        one.body
    );
    assert_eq!(team.status, 200);
    assert!(team.bytes.starts_with(b"PK\x03\x04"));
    let files = banzi_io::lrmx::read_lrmx_upload("team.zip", &team.bytes).expect("zip");
    let names: Vec<String> = files
        .iter()
        .map(|f| f.result.as_ref().expect("form").name.clone())
        .collect();
    assert_eq!(names, ["张伟", "李娜"], "U1's team in post order");
    assert_eq!(audited(&store, "export.lrmx", None, None).await.len(), 4);
    assert_eq!(
        liaison_own.status, 200,
        "a liaison exports its own unit's cadre"
    );
    assert_eq!(liaison_other.status, 404, "not another unit's");
    assert_eq!(liaison_import.status, 403, "and imports nothing");
    assert_eq!(searched.status, 200);
    let files = banzi_io::lrmx::read_lrmx_upload("s.zip", &searched.bytes).expect("zip");
    let mut names: Vec<String> = files
        .iter()
        .map(|f| f.result.as_ref().expect("form").name.clone())
        .collect();
    names.sort();
    assert_eq!(names, ["张伟", "李娜"], "U1's cadres, not 王强 of U2");
}

/// A zip of hundreds of forms is far larger than a form's body: the upload's own bound
/// (200 MB, as for a workbook) applies, not the 256 KB of a form.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_zip_of_hundreds_of_forms_is_taken_in() {
    let app = app().await;
    let mut g = crate::conformance::lrmx::lrmx_gen::Gen::new(400);
    let files: Vec<(String, Vec<u8>)> = (0..400)
        .map(|i| {
            let p = crate::conformance::lrmx::cadre(g.person());
            (format!("{i:03}.lrmx"), banzi_io::lrmx::write_lrmx(&p))
        })
        .collect();
    let zip = banzi_io::lrmx::write_lrmx_zip(&files).expect("zip");
    assert!(
        zip.len() > 256 * 1024,
        "larger than a form may send: {} bytes",
        zip.len()
    );
    let base = app.base.clone();
    let preview = blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        c.upload("/lrmx/import", "file", "四百人.zip", &zip)
    })
    .await;
    assert_ne!(preview.status, 413, "{}", preview.body);
    assert_eq!(preview.body.matches("<tr class=\"lrmx-").count(), 400);
}
