//! The table of retirement ages on the rule parameters page (R-AGE-1 by rank and gender,
//! issue 12): shown as a table, edited there, applied at once, a bad value refused beside its
//! field.

use super::roster::{AS_OF, app};
use super::{rows, staff_client, text_of};
use crate::helpers::staff;
use crate::http::blocking;
use banzi_domain::codes::Gender;
use banzi_domain::rules::{RankGroup, RetireRule};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_retirement_table_is_shown_and_edited_by_rank_and_gender() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = staff_client(&base, "staff");
        let page = c.get("/analysis/params");
        assert_eq!(page.status, 200);
        let table = &page.body[page.body.find("id=\"retire-table\"").expect("the table")..];
        let table = &table[..table.find("</table>").unwrap()];
        // Four rows: 县处级及以上 男/女, 县处级以下 男/女, in that order, with their values.
        assert_eq!(table.matches("class=\"retire-row\"").count(), 4);
        let order: Vec<usize> = [
            "name=\"age.retire_men_county\"",
            "name=\"age.retire_women_county\"",
            "name=\"age.retire_men\"",
            "name=\"age.retire_women\"",
        ]
        .iter()
        .map(|k| table.find(k).unwrap_or_else(|| panic!("{k}")))
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        assert!(table.contains("县处级及以上") && table.contains("县处级以下"));
        assert!(table.contains("name=\"age.retire_women_county\" value=\"60\""));
        assert!(table.contains("name=\"age.retire_women\" value=\"55\""));
        // The delay of county women is off by default, on for the others.
        let delay = |key: &str| {
            let at = table.find(&format!("name=\"{key}\"")).unwrap();
            let sel = &table[at..at + table[at..].find("</select>").unwrap()];
            sel.split("<option")
                .find(|o| o.contains("selected"))
                .map(|o| o.contains("value=\"是\""))
                .unwrap()
        };
        assert!(!delay("age.delay_women_county"));
        assert!(
            delay("age.delay_men_county") && delay("age.delay_men") && delay("age.delay_women")
        );
        // The generic list does not repeat them.
        let generic = &page.body[page.body.find("id=\"params-table\"").unwrap()..];
        let generic = &generic[..generic.find("</table>").unwrap()];
        assert!(!generic.contains("age.retire_men"));
        // 王局 (male, born 1970-05-05, 副处级: 县处级 and above) retires at 60 and more; at 56
        // without the delay he is past it on AS_OF: a violation.
        let list = c.get(&format!("/alerts?rule=R-AGE-1&as_of={AS_OF}"));
        assert!(rows(&list.body, "data-level").is_empty());
        c.get("/analysis/params");
        let r = c.post(
            "/analysis/params",
            &[
                ("age.retire_men_county", "56"),
                ("age.delay_men_county", "否"),
            ],
        );
        assert_eq!(r.status, 303, "{}", r.body);
        let list = c.get(&format!("/alerts?rule=R-AGE-1&as_of={AS_OF}"));
        assert_eq!(rows(&list.body, "data-level"), ["violation"]);
        // A bad value in the table: the error beside it, nothing saved.
        c.get("/analysis/params");
        let bad = c.post(
            "/analysis/params",
            &[("age.delay_women", "也许"), ("age.retire_women", "50")],
        );
        assert_eq!(bad.status, 422);
        let err = text_of(&bad.body, "err-age.delay_women");
        assert!(err.contains("应为 是 或 否"), "{err}");
    })
    .await;
    let p = app.db.store.rule_params(&staff()).await.expect("params");
    let rule = |age, delay| RetireRule { age, delay };
    assert_eq!(
        p.retire_rule(RankGroup::County, Gender::Male),
        rule(56, false)
    );
    assert_eq!(
        p.retire_rule(RankGroup::Below, Gender::Male),
        rule(60, true)
    );
    assert_eq!(
        p.retire_rule(RankGroup::Below, Gender::Female),
        rule(55, true)
    );
    assert_eq!(
        p.retire_rule(RankGroup::County, Gender::Female),
        rule(60, false)
    );
}
