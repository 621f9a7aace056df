//! A generated roster with planted inconsistencies, and the report built from findings.

use super::*;

/// A roster of 300 generated cadres, some with one planted inconsistency each: exactly the
/// planted ones are found, each in its cadre, and nothing else.
#[test]
fn a_generated_roster_yields_exactly_its_planted_inconsistencies() {
    let mut planted = Vec::new();
    let mut found = Vec::new();
    for seq in 0..300u32 {
        let mut c = cadre(seq);
        let mut r = resume();
        let mut h = held();
        let mut photo = true;
        let plant = match seq % 13 {
            0 => {
                c.gender = Gender::Female;
                Some(Check::IdGender)
            }
            1 => {
                c.birth_date = d("1981-01-01");
                // Keeps the other dates valid for the new birth date.
                Some(Check::IdBirth)
            }
            2 => {
                c.party_joined = Some(d("1997-01-01"));
                Some(Check::PartyAge)
            }
            3 => {
                c.work_started = Some(d("1995-01-01"));
                Some(Check::WorkAge)
            }
            4 => {
                r.insert(0, line("1999.09", "1999.08", "江川市第一中学学生"));
                r[1].start = ym("1999.08");
                Some(Check::ResumeReversed)
            }
            5 => {
                r[1].start = ym("2011.01");
                Some(Check::ResumeGap)
            }
            6 => {
                r[0].end = Some(ym("2012.01"));
                Some(Check::ResumeOverlap)
            }
            7 => {
                h[0].title = "局长";
                r[1].text = "江川市财政局局长".into();
                h.push(Held {
                    unit_name: "江川市审计局",
                    title: "局长",
                    start: d("2020-01-01"),
                    end: None,
                });
                Some(Check::ResumeCurrent)
            }
            8 => {
                h.insert(
                    0,
                    Held {
                        unit_name: "江川市团委",
                        title: "干事",
                        start: d("1997-09-01"),
                        end: Some(d("1998-09-01")),
                    },
                );
                Some(Check::AppointmentAge)
            }
            9 => {
                photo = false;
                Some(Check::MissingForPrint)
            }
            _ => None,
        };
        if let Some(p) = plant {
            planted.push((seq, p));
        }
        for f in run(&c, &r, &h, photo) {
            found.push((seq, f.check));
        }
    }
    assert_eq!(found, planted);
    // 23 rounds of 13 and one more: 231 planted.
    assert_eq!(planted.len(), 231);
}

#[test]
fn the_report_groups_by_unit_counts_each_check_and_puts_the_unitless_last() {
    let f = |check| Finding {
        check,
        message: Msg::new("x"),
    };
    let unit = |code: &'static str, name: &'static str| Some((code, name));
    let checked = |cadre, unit, findings| Checked {
        cadre,
        name: format!("干部{cadre}"),
        id_number: String::new(),
        unit,
        findings,
    };
    let r = Report::build(
        d(AS_OF),
        [
            checked(1, None, vec![f(Check::MissingForPrint)]),
            checked(
                2,
                unit("B", "乙"),
                vec![f(Check::IdGender), f(Check::ResumeGap)],
            ),
            checked(3, unit("A", "甲"), vec![]),
            checked(4, unit("B", "乙"), vec![f(Check::ResumeGap)]),
        ],
    );
    assert_eq!(r.cadres, 4);
    let units: Vec<_> = r
        .groups
        .iter()
        .map(|g| g.unit.as_ref().map(|(c, n)| (c.as_str(), n.as_str())))
        .collect();
    assert_eq!(units, [unit("A", "甲"), unit("B", "乙"), None]);
    assert_eq!(r.groups[1].cadres, 2);
    assert_eq!(r.groups[1].counts[Check::ResumeGap as usize], 2);
    assert_eq!(r.counts[Check::IdGender as usize], 1);
    assert_eq!(r.total(), 4);
    // Each line of a cadre with two findings names them.
    let names: Vec<&str> = r.groups[1].lines.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["干部2", "干部2", "干部4"]);
    let json = r.to_json(|m| m.id.to_string());
    assert_eq!(json["counts"]["resume-gap"], 2);
    assert_eq!(json["units"][1]["findings"][0]["check"], "id-gender");
    assert_eq!(json["units"][2]["unit_code"], serde_json::Value::Null);
    assert_eq!(json["units"][2]["findings"][0]["cadre"], 1);
}

#[test]
fn every_check_has_a_key_that_finds_it_again() {
    for c in Check::ALL {
        assert_eq!(Check::from_key(c.key()), Some(c));
        assert!(c.name().id.ends_with(c.key()));
    }
}
