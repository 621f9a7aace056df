use super::*;
use crate::codes::Gender;
use crate::date::iso;
use crate::error::DomainError;
use crate::id_number::synthesize;

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

fn fields(e: DomainError) -> Vec<(String, String)> {
    match e {
        DomainError::Invalid(v) => v
            .into_iter()
            .map(|f| (f.field, f.message.to_string()))
            .collect(),
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
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].0, "性别");
    assert!(f[0].1.contains("与身份证号不符"));
    assert_eq!(f[1].0, "出生日期");
    assert!(f[1].1.contains("1978-05-20"));
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
    assert_eq!(f[0].0, "任职结束");
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
    assert_eq!(fields(Post::parse(&r).unwrap_err())[0].0, "职数");
    r.seats = "3".into();
    assert_eq!(Post::parse(&r).unwrap().seats, 3);
}

#[test]
fn unit_codes_are_checked() {
    let r = UnitRaw {
        code: "市 委".into(),
        name: "市委".into(),
        category: "市委".into(),
        ..Default::default()
    };
    assert_eq!(fields(Unit::parse(&r).unwrap_err())[0].0, "单位编码");
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
