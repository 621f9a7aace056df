//! Names, not codes (issue 15, item 6): the alert list shows the unit's name, the post's
//! title and the cadre's name, the codes as tooltips; the dashboard and the team card name
//! each rule in words with its R-id as a tooltip; every rule the code raises has a name in
//! every language.

use super::roster::{AS_OF, app};
use super::staff_client;
use crate::http::blocking;
use banzi_domain::rules::RULES;
use banzi_i18n::{Lang, Tr};

/// The cells of the alert rows of a page, by their class (`alert-post` …), as text.
fn cells(body: &str, class: &str) -> Vec<String> {
    body.split(&format!("class=\"small {class}"))
        .skip(1)
        .map(|r| {
            let r = &r[r.find('>').map_or(0, |i| i + 1)..];
            let cell = r.split("</td>").next().unwrap_or("");
            let mut text = String::new();
            let mut inside = false;
            for ch in cell.chars() {
                match ch {
                    '<' => inside = true,
                    '>' => inside = false,
                    _ if !inside => text.push(ch),
                    _ => {}
                }
            }
            text.trim().to_string()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alerts_and_rules_are_shown_by_name() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = staff_client(&base, "staff");
        let r = c.get(&format!("/alerts?rule=R-EXCH-1&as_of={AS_OF}"));
        assert_eq!(r.status, 200);
        assert_eq!(cells(&r.body, "alert-rule"), ["正职交流"]);
        assert!(r.body.contains("title=\"R-EXCH-1\">正职交流</td>"));
        assert_eq!(cells(&r.body, "alert-post"), ["局长"]);
        assert!(
            r.body.contains("title=\"P1\">局长</td>"),
            "the code is the tooltip"
        );
        assert_eq!(cells(&r.body, "alert-cadre"), ["张正"]);
        assert!(r.body.contains(">市财政局</a>"));
        // A team's alert names no post and no cadre.
        let r = c.get(&format!("/alerts?rule=R-STRUCT-2&as_of={AS_OF}"));
        assert_eq!(cells(&r.body, "alert-rule"), ["年轻干部配备"]);
        assert_eq!(cells(&r.body, "alert-post"), [""]);
        assert_eq!(cells(&r.body, "alert-cadre"), [""]);
        assert!(r.body.contains(">市教育局</a>"));

        // The dashboard names the rules in words, the id as a tooltip.
        let d = c.get(&format!("/analysis?as_of={AS_OF}"));
        assert!(
            d.body
                .contains("id=\"rule-R-EXCH-1\" title=\"R-EXCH-1\">正职交流</td>"),
            "{}",
            d.body
        );
        assert!(!d.body.contains("<td class=\"text-nowrap\">R-EXCH-1</td>"));
        // The alerts chart's bars are labelled with the names too.
        assert!(d.body.contains("\"categories\":[\"年轻干部配备\""));
        // The team card's rule column.
        let card = c.get(&format!("/analysis/team?unit=U1&as_of={AS_OF}"));
        assert!(card.body.contains("title=\"R-STRUCT-4\">职数配备</td>"));
        // English reads English names.
        let session = c.cookie.clone().expect("session");
        c.cookie = Some(format!("{session}; banzi_lang=en"));
        let r = c.get(&format!("/alerts?rule=R-EXCH-1&as_of={AS_OF}"));
        assert!(r.body.contains("title=\"R-EXCH-1\">"));
        assert!(!r.body.contains("正职交流"));
    })
    .await;
}

#[test]
fn every_rule_the_code_raises_has_a_name_in_every_language() {
    for lang in Lang::ALL {
        let tr = Tr { lang };
        for rule in RULES {
            let name = tr.get(&format!("rule.{rule}"));
            assert!(
                name.is_some_and(|n| !n.is_empty() && !n.contains("R-")),
                "{} has no name for {rule}",
                lang.code()
            );
        }
    }
}
