//! The team card's lights over HTTP (issue 15, item 8): a dimension whose alerts are all
//! notices is yellow, not red; the team's light follows the rule written on the card.

use super::roster::{AS_OF, app};
use super::{staff_client, text_of};
use crate::http::blocking;

/// (dimension, light) of each row of a team card.
fn lights(body: &str) -> Vec<(String, String)> {
    body.split("class=\"card-dim\"")
        .skip(1)
        .map(|r| {
            let attr = |k: &str| {
                let key = format!("{k}=\"");
                let at = r.find(&key).map_or(0, |i| i + key.len());
                r[at..].split('"').next().unwrap_or("").to_string()
            };
            (attr("data-dim"), attr("data-light"))
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notices_make_a_dimension_yellow_and_the_card_states_its_rule() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = staff_client(&base, "staff");
        // 市教育局: 王局 (56, a man, not from outside the system) alone. No one ≤ 42, no
        // woman, too few from outside: three notices, three yellow lights, a yellow team.
        let u2 = c.get(&format!("/analysis/team?unit=U2&as_of={AS_OF}"));
        assert_eq!(u2.status, 200, "{}", u2.body);
        assert_eq!(
            lights(&u2.body),
            pairs(&[
                ("young", "yellow"),
                ("woman", "yellow"),
                ("seats", "green"),
                ("outside", "yellow"),
                ("complement", "green"),
            ])
        );
        assert!(u2.body.contains("id=\"team-light\" data-light=\"yellow\""));
        assert!(
            text_of(&u2.body, "card-rule").contains("只有“提示”为黄灯，有“预警”或“违规”为红灯"),
            "the rule is on the card"
        );
        // 市财政局: a seat of 副局长 empty (a notice) and the rest: yellow, never red.
        let u1 = c.get(&format!("/analysis/team?unit=U1&as_of={AS_OF}"));
        let l = lights(&u1.body);
        assert!(l.contains(&("seats".into(), "yellow".into())), "{l:?}");
        assert!(l.iter().all(|(_, light)| light != "red"), "{l:?}");
        assert!(u1.body.contains("id=\"team-light\" data-light=\"yellow\""));
        // The dashboard's count of teams without a young cadre opens those teams: yellow now.
        let city = c.get(&format!("/analysis?as_of={AS_OF}"));
        let b = city.body.replace("&#38;", "&");
        let href = b
            .split("id=\"young-without\" href=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("the link")
            .to_string();
        assert_eq!(text_of(&b, "young-without"), "1");
        let list = c.get(&href);
        assert!(href.contains("light=yellow"), "{href}");
        assert_eq!(
            list.body
                .matches("class=\"team-row\" data-unit=\"U2\"")
                .count(),
            1
        );
        assert_eq!(list.body.matches("class=\"team-row\"").count(), 1, "{href}");
    })
    .await;
}
