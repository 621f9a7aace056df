//! A post's 职务层次 on the pages (issue 12): the post form offers the levels after a blank
//! choice (unknown) and refuses a word that is none of them; the team page shows each
//! post's level in the page's language.

use crate::helpers::{Client, PASSWORD};
use crate::http::{app, blocking};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_post_form_takes_a_level_and_the_team_page_shows_it() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let form = c.get("/units/U2/posts/new");
        let select = form
            .body
            .split("<select class=\"form-select\" id=\"level\" name=\"level\">")
            .nth(1)
            .and_then(|rest| rest.split("</select>").next())
            .unwrap_or_else(|| panic!("no level select: {}", form.body));
        let values: Vec<&str> = select
            .split("<option value=\"")
            .skip(1)
            .filter_map(|o| o.split('"').next())
            .collect();
        assert_eq!(
            values,
            [
                "",
                "正厅级",
                "副厅级",
                "正处级",
                "副处级",
                "正科级",
                "副科级"
            ]
        );
        assert!(
            select.starts_with("<option value=\"\" selected>"),
            "{select}"
        );

        let post = |c: &mut Client, code: &str, level: &str| {
            c.post(
                "/units/U2/posts",
                &[
                    ("code", code),
                    ("title", "副局长"),
                    ("kind", "副职"),
                    ("seats", "1"),
                    ("level", level),
                ],
            )
        };
        let bad = post(&mut c, "NP1", "处级");
        assert_eq!(bad.status, 422);
        assert!(
            bad.body.contains("职务层次“处级”不在可选范围内"),
            "{}",
            bad.body
        );
        assert_eq!(post(&mut c, "NP1", "副科级").status, 303);
        assert_eq!(post(&mut c, "NP2", "").status, 303);

        let cells = |page: &str| -> Vec<String> {
            page.split("<td class=\"post-level\">")
                .skip(1)
                .filter_map(|rest| rest.split("</td>").next())
                .map(String::from)
                .collect()
        };
        let team = c.get("/units/U2");
        // P3 (unknown), then the two new posts.
        assert_eq!(cells(&team.body), ["", "副科级", ""], "{}", team.body);
        let u1 = c.get("/units/U1");
        assert!(cells(&u1.body).iter().any(|l| l == "正处级"), "{}", u1.body);
        // In English (the language is a cookie of its own beside the session's).
        let en = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .new_agent()
            .get(format!("{base}/units/U1"))
            .header(
                "cookie",
                format!("{}; banzi_lang=en", c.cookie.clone().expect("session")),
            )
            .call()
            .expect("page")
            .body_mut()
            .read_to_string()
            .expect("body");
        assert!(
            cells(&en).iter().any(|l| l == "Division director level"),
            "{en}"
        );
    })
    .await;
}
