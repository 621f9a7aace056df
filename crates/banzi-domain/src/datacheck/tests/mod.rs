//! Boundaries of each check of 信息校核 (issue 16, item 5), and a generated roster with
//! planted inconsistencies where each one is found and nothing else.

use super::*;
use crate::codes::{Education, Gender};
use crate::date::parse;
use crate::id_number::synthesize;

mod roster;

fn d(s: &str) -> Date {
    parse(s).expect("date")
}

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).expect("month")
}

/// A complete, consistent record: born 1980-05-20, 中共党员 since 2002, working since 2002.
fn cadre(seq: u32) -> Cadre {
    let birth = d("1980-05-20");
    Cadre {
        id_number: synthesize(320_102, birth, seq, Gender::Male),
        name: format!("干部{seq}"),
        gender: Gender::Male,
        ethnicity: "汉族".into(),
        birth_date: birth,
        native_place: "江苏南京".into(),
        party: Party::Cpc,
        party_joined: Some(d("2002-06-01")),
        work_started: Some(d("2002-07-01")),
        ft_education: Some(Education::University),
        ft_degree: None,
        ft_school: String::new(),
        pt_education: None,
        pt_degree: None,
        pt_school: String::new(),
        profession: String::new(),
        rank: String::new(),
    }
}

fn line(start: &str, end: &str, text: &str) -> ResumeLine {
    ResumeLine {
        start: ym(start),
        end: (!end.is_empty()).then(|| ym(end)),
        text: text.into(),
    }
}

fn resume() -> Vec<ResumeLine> {
    vec![
        line("2002.07", "2010.03", "江川市财政局科员"),
        line("2010.03", "", "江川市财政局副局长"),
    ]
}

fn held() -> Vec<Held<'static>> {
    vec![Held {
        unit_name: "江川市财政局",
        title: "副局长",
        start: d("2010-03-15"),
        end: None,
    }]
}

const AS_OF: &str = "2026-11-21";

fn run(c: &Cadre, resume: &[ResumeLine], held: &[Held], photo: bool) -> Vec<Finding> {
    check(
        &Facts {
            cadre: c,
            resume,
            held,
            has_photo: photo,
        },
        d(AS_OF),
    )
}

fn checks(found: &[Finding]) -> Vec<Check> {
    found.iter().map(|f| f.check).collect()
}

#[test]
fn a_complete_consistent_record_has_no_finding() {
    assert_eq!(run(&cadre(1), &resume(), &held(), true), []);
}

#[test]
fn the_id_number_is_checked_against_gender_and_birth_date() {
    let mut c = cadre(1);
    c.gender = Gender::Female;
    c.birth_date = d("1980-05-21");
    let found = run(&c, &resume(), &held(), true);
    assert_eq!(
        found,
        [
            Finding {
                check: Check::IdGender,
                message: message!(
                    "datacheck-id-gender",
                    gender = Arg::label("女"),
                    id_gender = Arg::label("男")
                ),
            },
            Finding {
                check: Check::IdBirth,
                message: message!(
                    "datacheck-id-birth",
                    birth = d("1980-05-21"),
                    id_birth = d("1980-05-20")
                ),
            },
        ]
    );
}

#[test]
fn joining_the_party_on_the_18th_birthday_is_fine_the_day_before_is_not() {
    let mut c = cadre(1);
    c.party_joined = Some(d("1998-05-20"));
    assert_eq!(run(&c, &resume(), &held(), true), []);
    c.party_joined = Some(d("1998-05-19"));
    assert_eq!(
        run(&c, &resume(), &held(), true),
        [Finding {
            check: Check::PartyAge,
            message: message!(
                "datacheck-party-age",
                joined = d("1998-05-19"),
                birthday = d("1998-05-20")
            ),
        }]
    );
}

#[test]
fn starting_work_on_the_16th_birthday_is_fine_the_day_before_is_not() {
    let mut c = cadre(1);
    c.work_started = Some(d("1996-05-20"));
    assert_eq!(run(&c, &resume(), &held(), true), []);
    c.work_started = Some(d("1996-05-19"));
    assert_eq!(checks(&run(&c, &resume(), &held(), true)), [Check::WorkAge]);
}

#[test]
fn a_29_february_birthday_turns_18_on_28_february() {
    let mut c = cadre(1);
    c.birth_date = d("1980-02-29");
    c.id_number = synthesize(320_102, c.birth_date, 1, Gender::Male);
    c.party_joined = Some(d("1998-02-28"));
    assert_eq!(run(&c, &resume(), &held(), true), []);
    c.party_joined = Some(d("1998-02-27"));
    assert_eq!(
        checks(&run(&c, &resume(), &held(), true)),
        [Check::PartyAge]
    );
}

#[test]
fn an_appointment_from_the_18th_birthday_is_fine_the_day_before_is_not() {
    let mut h = held();
    h.push(Held {
        unit_name: "江川市团委",
        title: "干事",
        start: d("1998-05-20"),
        end: Some(d("1999-01-01")),
    });
    assert_eq!(run(&cadre(1), &resume(), &h, true), []);
    h[1].start = d("1998-05-19");
    assert_eq!(
        run(&cadre(1), &resume(), &h, true),
        [Finding {
            check: Check::AppointmentAge,
            message: message!(
                "datacheck-appointment-age",
                unit = "江川市团委",
                post = "干事",
                start = d("1998-05-19"),
                birthday = d("1998-05-20"),
            ),
        }]
    );
}

#[test]
fn a_resume_line_ending_before_it_starts_is_found() {
    let mut r = resume();
    r.insert(0, line("1999.09", "1999.08", "江川市第一中学学生"));
    r[1].start = ym("1999.08");
    // Reported once: its neighbours are compared without it.
    assert_eq!(
        run(&cadre(1), &r, &held(), true),
        [Finding {
            check: Check::ResumeReversed,
            message: message!(
                "datacheck-resume-reversed",
                start = Arg::Month(d("1999-09-01")),
                end = Arg::Month(d("1999-08-01")),
                text = "江川市第一中学学生",
            ),
        }]
    );
}

#[test]
fn a_one_month_gap_between_resume_lines_is_allowed_two_are_not() {
    let mut r = resume();
    r[1].start = ym("2010.04");
    assert_eq!(run(&cadre(1), &r, &held(), true), []);
    r[1].start = ym("2010.05");
    assert_eq!(
        run(&cadre(1), &r, &held(), true),
        [Finding {
            check: Check::ResumeGap,
            message: message!(
                "datacheck-resume-gap",
                end = Arg::Month(d("2010-03-01")),
                start = Arg::Month(d("2010-05-01")),
                months = 2,
            ),
        }]
    );
}

#[test]
fn a_one_month_overlap_between_resume_lines_is_allowed_two_are_not() {
    let mut r = resume();
    r[1].start = ym("2010.02");
    assert_eq!(run(&cadre(1), &r, &held(), true), []);
    r[1].start = ym("2010.01");
    assert_eq!(
        run(&cadre(1), &r, &held(), true),
        [Finding {
            check: Check::ResumeOverlap,
            message: message!(
                "datacheck-resume-overlap",
                first = "江川市财政局科员",
                second = "江川市财政局副局长",
                months = 2,
            ),
        }]
    );
}

#[test]
fn lines_are_compared_in_the_order_of_their_start_whatever_the_order_given() {
    let mut r = resume();
    r.reverse();
    assert_eq!(run(&cadre(1), &r, &held(), true), []);
}

#[test]
fn the_open_resume_line_must_name_an_appointment_in_force_and_each_one_an_open_line() {
    let mut r = resume();
    r[1].text = "江川市税务局副局长".into();
    assert_eq!(
        run(&cadre(1), &r, &held(), true),
        [
            Finding {
                check: Check::ResumeCurrent,
                message: message!(
                    "datacheck-resume-open-unmatched",
                    text = "江川市税务局副局长"
                ),
            },
            Finding {
                check: Check::ResumeCurrent,
                message: message!(
                    "datacheck-resume-post-unnamed",
                    unit = "江川市财政局",
                    post = "副局长",
                    start = d("2010-03-15"),
                ),
            },
        ]
    );
    // An appointment ended on the date is no longer in force: the open line names nothing
    // held now (another post is).
    let mut h = held();
    h[0].end = Some(d(AS_OF));
    h.push(Held {
        unit_name: "江川市审计局",
        title: "局长",
        start: d(AS_OF),
        end: None,
    });
    assert_eq!(
        checks(&run(&cadre(1), &resume(), &h, true)),
        [Check::ResumeCurrent, Check::ResumeCurrent]
    );
    // Ending the day after, it still is (and the new post is not yet taken).
    h[0].end = Some(d("2026-11-22"));
    h[1].start = d("2026-11-22");
    assert_eq!(run(&cadre(1), &resume(), &h, true), []);
    // Of one who holds no post the registry cannot say what the open line should name.
    assert_eq!(run(&cadre(1), &resume(), &[], true), []);
}

#[test]
fn the_fields_the_approval_form_needs_are_named_when_missing() {
    let mut c = cadre(1);
    c.native_place.clear();
    c.work_started = None;
    c.party_joined = None;
    c.ft_education = None;
    assert_eq!(
        run(&c, &[], &held(), false),
        [Finding {
            check: Check::MissingForPrint,
            message: message!(
                "datacheck-missing",
                fields = Arg::List(
                    [
                        "datacheck-field-native-place",
                        "datacheck-field-work-started",
                        "datacheck-field-party-joined",
                        "datacheck-field-education",
                        "datacheck-field-photo",
                        "datacheck-field-resume",
                    ]
                    .into_iter()
                    .map(|id| Arg::from(Msg::new(id)))
                    .collect()
                ),
                count = 6,
            ),
        }]
    );
    // 入党时间 is needed of party members only; an in-service education is an education.
    c = cadre(1);
    c.party = Party::Masses;
    c.party_joined = None;
    c.ft_education = None;
    c.pt_education = Some(Education::Postgraduate);
    assert_eq!(run(&c, &resume(), &held(), true), []);
}

#[test]
fn education_dates_are_after_birth_and_in_order() {
    let c = cadre(1);
    // 1998.09–2002.07 at university, then an in-service study written in a later line.
    let good = vec![
        line("1998.09", "2002.07", "南京大学经济学专业学习"),
        line(
            "2002.07",
            "2010.03",
            "江川市财政局科员（其间：2004.09--2007.07在中央党校经济管理专业在职研究生学习）",
        ),
        line("2010.03", "", "江川市财政局副局长"),
    ];
    assert_eq!(run(&c, &good, &held(), true), []);

    let mut before_birth = good.clone();
    before_birth[0] = line("1978.09", "2002.07", "南京大学经济学专业学习");
    let found = run(&c, &before_birth, &held(), true);
    assert!(checks(&found).contains(&Check::EducationDates), "{found:?}");
    assert!(
        found
            .iter()
            .any(|f| f.message.id == "datacheck-education-before-birth")
    );

    let mut reversed = good.clone();
    reversed[1].text = "江川市财政局科员（其间：2007.07--2004.09在中央党校学习）".into();
    let found = run(&c, &reversed, &held(), true);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].message.id, "datacheck-education-reversed");

    let mut out_of_order = good;
    out_of_order[1].text = "江川市财政局科员（其间：1997.09--1998.07在江川县委党校学习）".into();
    let found = run(&c, &out_of_order, &held(), true);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].check, Check::EducationDates);
    assert_eq!(found[0].message.id, "datacheck-education-order");
}
