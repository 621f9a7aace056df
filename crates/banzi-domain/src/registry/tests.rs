use super::*;
use crate::codes::Gender;
use crate::date::{iso, parse as parse_date};
use crate::error::DomainError;
use crate::id_number::synthesize;
use crate::message;
use crate::msg::{Arg, Msg};

fn raw() -> CadreRaw {
    let id = synthesize(320102, parse_date("1978-05-20").unwrap(), 7, Gender::Male);
    CadreRaw {
        id_number: id.to_string(),
        name: "张伟".into(),
        gender: "男".into(),
        ethnicity: "汉族".into(),
        birth_date: "1978-05-20".into(),
        party: "中共党员".into(),
        ..Default::default()
    }
}

fn fields(e: DomainError) -> Vec<(String, Msg)> {
    match e {
        DomainError::Invalid(v) => v.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected invalid, got {other}"),
    }
}

#[test]
fn a_complete_cadre_parses_and_round_trips() {
    let c = Cadre::parse(&raw()).unwrap();
    assert_eq!(c.name, "张伟");
    let again = Cadre::parse(&c.to_raw()).unwrap();
    assert_eq!(again, c);
}

#[test]
fn gender_and_birth_must_agree_with_the_id_number() {
    let mut r = raw();
    r.gender = "女".into();
    r.birth_date = "1978-05-21".into();
    let f = fields(Cadre::parse(&r).unwrap_err());
    assert_eq!(
        f,
        [
            (
                "性别".to_string(),
                message!(
                    "reg-gender-mismatch",
                    gender = Arg::label("女"),
                    id_gender = Arg::label("男"),
                )
            ),
            (
                "出生日期".to_string(),
                message!(
                    "reg-birth-mismatch",
                    birth = parse_date("1978-05-21").unwrap(),
                    id_birth = parse_date("1978-05-20").unwrap(),
                )
            ),
        ]
    );
}

/// A record stored beside the checks is read as it is (the data check reports it); each
/// field is still checked, and saving it again asks for agreement.
#[test]
fn a_stored_record_that_disagrees_with_its_id_number_is_still_read() {
    let mut r = raw();
    r.gender = "女".into();
    r.birth_date = "1978-05-21".into();
    let c = Cadre::from_stored(&r).unwrap();
    assert_eq!(
        (c.gender.label(), iso(c.birth_date)),
        ("女", "1978-05-21".to_string())
    );
    assert!(Cadre::parse(&c.to_raw()).is_err());
    r.gender = "未知".into();
    assert_eq!(fields(Cadre::from_stored(&r).unwrap_err()).len(), 1);
}

#[test]
fn a_month_only_birth_date_takes_the_day_from_the_id_number() {
    let mut r = raw();
    r.birth_date = "1978.05".into();
    assert_eq!(iso(Cadre::parse(&r).unwrap().birth_date), "1978-05-20");
    r.birth_date = "1978.06".into();
    assert!(Cadre::parse(&r).is_err());
    // A full date must match to the day.
    r.birth_date = "1978-05-01".into();
    assert!(Cadre::parse(&r).is_err());
}

#[test]
fn every_missing_required_field_is_reported_at_once() {
    let f = fields(Cadre::parse(&CadreRaw::default()).unwrap_err());
    let names: Vec<_> = f.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        names,
        ["身份证号", "姓名", "性别", "民族", "出生日期", "政治面貌"]
    );
    assert!(f.iter().all(|x| x.1 == REQUIRED), "{f:?}");
}

#[test]
fn appointment_end_must_follow_start() {
    let r = AppointmentRaw {
        id_number: raw().id_number,
        post_code: "P1".into(),
        start: "2020-01-01".into(),
        end: "2020-01-01".into(),
        ..Default::default()
    };
    let f = fields(Appointment::parse(&r).unwrap_err());
    let day = parse_date("2020-01-01").unwrap();
    assert_eq!(
        f,
        [(
            "任职结束".to_string(),
            message!("reg-end-not-after-start", end = day, start = day)
        )]
    );
}

#[test]
fn post_seats_default_to_one_and_must_be_whole() {
    let mut r = PostRaw {
        code: "P1".into(),
        unit_code: "U1".into(),
        title: "局长".into(),
        kind: "正职".into(),
        ..Default::default()
    };
    assert_eq!(Post::parse(&r).unwrap().seats, 1);
    r.seats = "2.5".into();
    assert_eq!(
        fields(Post::parse(&r).unwrap_err()),
        [(
            "职数".to_string(),
            message!("reg-seats-range", value = "2.5")
        )]
    );
    r.kind = "主任".into();
    let f = fields(Post::parse(&r).unwrap_err());
    assert_eq!(f[0].0, "职位类别");
    assert_eq!(f[0].1.id, "reg-not-a-choice");
    r.kind = "正职".into();
    r.seats = "3".into();
    assert_eq!(Post::parse(&r).unwrap().seats, 3);
}

#[test]
fn unit_codes_are_checked() {
    let r = UnitRaw {
        code: "市 委".into(),
        name: "市委".into(),
        category: "市委".into(),
        system: "市".into(),
        non_cpc_required: "也许".into(),
        ..Default::default()
    };
    assert_eq!(
        fields(Unit::parse(&r).unwrap_err()),
        [
            ("单位编码".to_string(), Msg::new("reg-code-malformed")),
            (
                "所属系统".to_string(),
                // Blank is 其他; a value outside the list is not.
                message!(
                    "reg-not-a-choice",
                    what = Arg::label("所属系统"),
                    value = "市",
                    choices = Arg::labels(["纪检监察", "组织", "公检法", "其他"]),
                )
            ),
            (
                "党外干部必配".to_string(),
                message!("reg-yes-no", value = "也许")
            ),
        ]
    );
}

/// The values of a raw cadre come in the order of the field table (the batch audit entries
/// of an import write them under these column names).
#[test]
fn raw_cadre_values_follow_the_field_table() {
    let map: serde_json::Map<String, serde_json::Value> = CADRE_FIELDS
        .iter()
        .map(|(key, _)| (key.to_string(), format!("v-{key}").into()))
        .collect();
    let raw: CadreRaw = serde_json::from_value(map.into()).expect("raw");
    for ((key, _), value) in CADRE_FIELDS.iter().zip(raw.values()) {
        assert_eq!(value, format!("v-{key}"));
    }
}
