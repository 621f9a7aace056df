//! Bodies over HTTP (issue 14, items 5, 14 and 15): every route reads at most its own
//! bound, a caller who may not upload is refused before the upload is read, a photo is
//! checked in full, and what a parser or extractor refused reads as a Chinese page.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use axum::body::Body;
use tower::ServiceExt;

use crate::fixture;
use crate::helpers::{Client, PASSWORD};
use crate::http::{app, blocking};

const BOUNDARY: &str = "----banziuploadbound";

/// Words of axum, multer, serde or the XML reader that must never reach a user.
pub fn assert_no_internals(body: &str) {
    for w in [
        "Cannot parse",
        "Invalid URL",
        "Failed to",
        "multipart",
        "boundary",
        "deserialize",
        "Xml",
        "syntax error",
        "Error",
        "error:",
        "expected",
    ] {
        assert!(!body.contains(w), "{w:?} in {body}");
    }
}

/// A signed-in client of `role` that has loaded a page (so it holds the CSRF token).
fn signed_in(base: &str, role: &str) -> Client {
    let mut c = Client::new(base);
    let r = c.login(role, PASSWORD);
    assert_eq!(r.status, 303, "{role} signs in");
    c.get("/units");
    assert!(c.csrf.is_some(), "{role} has a CSRF token");
    c
}

/// Sends a request head declaring `declared` body bytes and only `first` of them, then
/// reads the answer while the rest is still unsent. A server that waited for the body would
/// never answer: the read gives up after a minute and the test fails saying so.
fn answer_to_a_part(
    c: &Client,
    method_path: &str,
    content_type: &str,
    declared: u64,
    first: &[u8],
) -> (u16, String) {
    let host = c.base.trim_start_matches("http://");
    let mut s = TcpStream::connect(host).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut head = format!(
        "{method_path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\nContent-Length: {declared}\r\nHX-Request: true\r\n"
    );
    if let Some(cookie) = &c.cookie {
        head.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    if let Some(t) = &c.csrf {
        head.push_str(&format!("X-CSRF-Token: {t}\r\n"));
    }
    head.push_str("\r\n");
    let mut out = head.into_bytes();
    out.extend_from_slice(first);
    s.write_all(&out).expect("send the head and a part");
    let mut got = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                got.extend_from_slice(&buf[..n]);
                if complete(&got) {
                    break;
                }
            }
            Err(e) if got.is_empty() => panic!(
                "no answer while {} of {declared} bytes were sent: the server waits for the body ({e})",
                first.len()
            ),
            Err(_) => break,
        }
    }
    let text = String::from_utf8_lossy(&got).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("an HTTP answer: {text:?}"));
    (status, text)
}

/// Whether `got` holds a whole answer (head and a body of its Content-Length).
fn complete(got: &[u8]) -> bool {
    let text = String::from_utf8_lossy(got);
    let Some(end) = text.find("\r\n\r\n") else {
        return false;
    };
    let len = text[..end]
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    got.len() >= end + 4 + len
}

fn file_part_head(field: &str, filename: &str) -> Vec<u8> {
    format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes()
}

fn multipart() -> String {
    format!("multipart/form-data; boundary={BOUNDARY}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_caller_who_may_not_import_is_refused_before_the_upload_is_read() {
    let app = app().await;
    let zwr = crate::helpers::cadre_ref(&app.db.store, &fixture::zhang_wei()).await;
    let base = app.base.clone();
    blocking(move || {
        let mut first = file_part_head("file", "big.xlsx");
        first.extend_from_slice(b"PK\x03\x04");
        first.extend_from_slice(&[0u8; 1000]);
        // 150 MB declared (under the workbook's bound), 1 KB sent.
        for role in ["liaison", "leader"] {
            let c = signed_in(&base, role);
            let (status, text) =
                answer_to_a_part(&c, "POST /roster/import", &multipart(), 150 << 20, &first);
            assert_eq!(status, 403, "{role}: {text}");
            assert!(
                text.contains("只有组织部工作人员可以进行此操作"),
                "{role}: {text}"
            );
        }
        // Staff may import, but not more than the bound: refused unread too.
        let c = signed_in(&base, "staff");
        let (status, text) = answer_to_a_part(
            &c,
            "POST /roster/import",
            &multipart(),
            (banzi_io::roster_read::MAX_INPUT_BYTES as u64) + (1 << 20),
            &first,
        );
        assert_eq!(status, 413, "{text}");
        assert!(text.contains("提交的内容过大"), "{text}");
        // A liaison's photo upload of 150 MB: over the photo's bound, refused unread.
        let c = signed_in(&base, "liaison");
        let (status, text) = answer_to_a_part(
            &c,
            &format!("POST /cadres/{zwr}/photo"),
            &multipart(),
            150 << 20,
            &file_part_head("photo", "p.jpg"),
        );
        assert_eq!(status, 413, "{text}");
        // A discipline reviewer may not write the registry: refused before the photo is read.
        let c = signed_in(&base, "discipline");
        let (status, text) = answer_to_a_part(
            &c,
            &format!("POST /cadres/{zwr}/photo"),
            &multipart(),
            1 << 20,
            &file_part_head("photo", "p.jpg"),
        );
        assert_eq!(status, 403, "{text}");
        assert!(text.contains("您的角色不能修改干部信息"), "{text}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_or_form_over_its_bound_gets_the_chinese_413_page() {
    let app = app().await;
    let zwr = crate::helpers::cadre_ref(&app.db.store, &fixture::zhang_wei()).await;
    let base = app.base.clone();
    blocking(move || {
        let c = signed_in(&base, "staff");
        // Declared over the bound: answered at once, nothing read.
        let (status, text) = answer_to_a_part(
            &c,
            &format!("POST /cadres/{zwr}/photo"),
            &multipart(),
            3 << 20,
            b"",
        );
        assert_eq!(status, 413, "{text}");
        assert!(
            text.contains("<h1 class=\"h4\">提交的内容过大</h1>"),
            "{text}"
        );
        assert!(text.contains("请缩小文件或分批提交"), "{text}");
        let (status, text) = answer_to_a_part(
            &c,
            "POST /units",
            "application/x-www-form-urlencoded",
            300 * 1024,
            b"",
        );
        assert_eq!(status, 413, "{text}");
        assert!(text.contains("提交的内容过大"), "{text}");
    })
    .await;
    // A body that does not declare its length is cut off at the bound as it comes in (in
    // process, with no Content-Length: the server stops taking it past the photo's bound).
    let base = app.base.clone();
    let c = blocking(move || signed_in(&base, "staff")).await;
    let mut body = file_part_head("photo", "p.jpg");
    body.extend_from_slice(&banzi_io::photo::tiny_jpeg());
    body.resize(body.len() + (3 << 20), 0);
    let req = axum::http::Request::post(format!("/cadres/{zwr}/photo"))
        .header("content-type", multipart())
        .header("cookie", c.cookie.clone().expect("cookie"))
        .header("x-csrf-token", c.csrf.clone().expect("csrf"))
        .header("hx-request", "true")
        .body(Body::new(http_body_util::Full::new(
            axum::body::Bytes::from(body),
        )))
        .expect("request");
    let res = banzi_web::router(app.state.clone())
        .oneshot(req)
        .await
        .expect("answer");
    assert_eq!(res.status(), 413);
    let bytes = http_body_util::BodyExt::collect(res.into_body())
        .await
        .expect("body")
        .to_bytes();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("提交的内容过大"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_is_checked_in_full_and_stored_without_what_rides_along() {
    let app = app().await;
    let base = app.base.clone();
    let zw = fixture::zhang_wei();
    let zwr = crate::helpers::cadre_ref(&app.db.store, &zw).await;
    blocking(move || {
        let mut c = signed_in(&base, "staff");
        let path = format!("/cadres/{zwr}/photo");
        // An HTML page named .jpg.
        let page = b"<!doctype html><html><script>alert(document.cookie)</script></html>";
        let r = c.upload(&path, "photo", "me.jpg", page);
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("照片应为 JPEG 或 PNG 格式"), "{}", r.body);
        // A JPEG's first bytes, then the page (what a check of the first bytes let in).
        let mut polyglot = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        polyglot.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        polyglot.extend_from_slice(page);
        let r = c.upload(&path, "photo", "me.jpg", &polyglot);
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(
            r.body.contains("照片应为完整的 JPEG 或 PNG 图片"),
            "{}",
            r.body
        );
        assert_eq!(c.get(&path).status, 404, "nothing was stored");
        // A real JPEG with a page in a comment and after its end: stored, without either.
        let jpeg = banzi_io::photo::tiny_jpeg();
        let mut dressed = jpeg[..2].to_vec();
        dressed.extend_from_slice(&[0xFF, 0xFE, 0, (page.len() + 2) as u8]);
        dressed.extend_from_slice(page);
        dressed.extend_from_slice(&jpeg[2..]);
        dressed.extend_from_slice(page);
        let r = c.upload(&path, "photo", "me.jpg", &dressed);
        assert_eq!(r.status, 303, "{}", r.body);
        let got = c.get(&path);
        assert_eq!(got.status, 200);
        assert_eq!(got.content_type, "image/jpeg");
        assert_eq!(got.bytes, jpeg, "only the image is stored");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_a_parser_refused_reads_in_chinese_without_its_own_words() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = signed_in(&base, "staff");
        // A bad path parameter: a ballot's number that is no number; a path that is no text.
        // A cadre's address that is no row id names no cadre.
        let r = c.get("/cadres/%FF%FE");
        assert_eq!(r.status, 404, "{}", r.body);
        assert!(r.body.contains("没有这名干部"), "{}", r.body);
        assert_no_internals(&r.body);
        for path in ["/ballots/abc", "/ballots/99999999999999999999"] {
            let r = c.get(path);
            assert_eq!(r.status, 400, "{path}: {}", r.body);
            assert!(r.body.contains("无法识别这个请求"), "{path}: {}", r.body);
            assert_no_internals(&r.body);
        }
        // A multipart body that is not one, and one without its boundary.
        let (status, text) = answer_to_a_part(
            &c,
            "POST /roster/import",
            &multipart(),
            20,
            b"this is not multipart",
        );
        assert_eq!(status, 422, "{text}");
        assert!(text.contains("上传内容无法读取"), "{text}");
        assert_no_internals(&text);
        let (status, text) =
            answer_to_a_part(&c, "POST /roster/import", "multipart/form-data", 4, b"junk");
        assert_eq!(status, 400, "{text}");
        assert!(text.contains("无法识别这个请求"), "{text}");
        assert_no_internals(&text);
        // A workbook whose XML is broken, and one with a DOCTYPE.
        let good = banzi_io::template().expect("template");
        let broken = with_entry(&good, "xl/workbook.xml", b"<workbook><sheets><sheet");
        let r = c.upload("/roster/import", "file", "broken.xlsx", &broken);
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("工作簿内部的 XML 内容已损坏"), "{}", r.body);
        assert_no_internals(&r.body);
        let xxe = with_entry(
            &good,
            "xl/workbook.xml",
            br#"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook>&x;</workbook>"#,
        );
        let r = c.upload("/roster/import", "file", "xxe.xlsx", &xxe);
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("含有文档类型声明（DOCTYPE）"), "{}", r.body);
        assert_no_internals(&r.body);
    })
    .await;
    // The voters' API answers JSON in the voter's language: a body that is not JSON, or not
    // the ballot's shape, and one over its bound.
    let base = app.base.clone();
    blocking(move || {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .new_agent();
        for body in ["{not json", "{\"code\": 5}", "[]"] {
            let mut r = agent
                .post(format!("{base}/v/cast"))
                .header("content-type", "application/json")
                .send(body)
                .expect("answer");
            assert_eq!(r.status().as_u16(), 422);
            let text = r.body_mut().read_to_string().expect("body");
            assert!(text.contains("\"error\""), "{text}");
            assert!(text.contains("无法识别"), "{text}");
            assert_no_internals(&text);
        }
    })
    .await;
    let big = vec![b' '; 300 * 1024];
    let req = axum::http::Request::post("/v/cast")
        .header("content-type", "application/json")
        .body(Body::new(http_body_util::Full::new(
            axum::body::Bytes::from(big),
        )))
        .expect("request");
    let res = banzi_web::router(app.state.clone())
        .oneshot(req)
        .await
        .expect("answer");
    assert_eq!(res.status(), 413);
    let bytes = http_body_util::BodyExt::collect(res.into_body())
        .await
        .expect("body")
        .to_bytes();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("提交的内容过大"), "{text}");
    assert_no_internals(&text);
}

/// `xlsx` with the entry `name` replaced.
fn with_entry(xlsx: &[u8], name: &str, data: &[u8]) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("zip");
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..src.len() {
        let mut f = src.by_index(i).expect("entry");
        let n = f.name().expect("name").to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).expect("read");
        w.start_file(n.as_str(), SimpleFileOptions::default())
            .expect("start");
        w.write_all(if n == name { data } else { &bytes })
            .expect("write");
    }
    w.finish().expect("finish").into_inner()
}
