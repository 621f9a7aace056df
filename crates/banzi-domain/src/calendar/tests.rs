use super::*;
use crate::msg::Arg;

fn d(s: &str) -> Date {
    crate::date::parse(s).unwrap()
}

/// A year typed for the tests: its lines are test data, not a notice.
const Y2027: &str = "\
来源：测试用的2027年安排 2026-11-10
2027-01-01 至 2027-01-03 元旦
2027年2月6日至12日 春节
2027-02-20 上班 春节
";

fn with_2027() -> Calendar {
    Calendar::with_entered([parse_year(2027, Y2027).unwrap()]).unwrap()
}

#[test]
fn r_sel_9_publicity_over_mid_autumn_national_day_and_their_working_weekends() {
    let c = Calendar::shipped();
    let p = |open: &str| c.publicity(d(open), 5);
    // Opened on a Friday: 09-20 (Sunday) is a 调休 working day and counts.
    let x = p("2026-09-18").unwrap();
    assert_eq!(
        (x.last_day, x.appoint_from),
        (d("2026-09-23"), d("2026-09-24"))
    );
    // Opened on 中秋 (a holiday): the count starts on 09-28, 国庆 is skipped.
    let x = p("2026-09-25").unwrap();
    assert_eq!(
        (x.last_day, x.appoint_from),
        (d("2026-10-09"), d("2026-10-10"))
    );
    // Opened the day before 国庆: 10-10 (Saturday) works, 10-11 (Sunday) does not.
    let x = p("2026-09-30").unwrap();
    assert_eq!(
        (x.last_day, x.appoint_from),
        (d("2026-10-12"), d("2026-10-13"))
    );
    assert_eq!(x.open, d("2026-09-30"));
    assert_eq!(x.days, 5);
    // Opened on a Saturday that is not a working day: it does not count.
    let x = p("2026-09-19").unwrap();
    assert_eq!(x.last_day, d("2026-09-24"));
    // Five working days are exactly that many between open and last day.
    for open in ["2026-09-18", "2026-09-25", "2026-09-30", "2026-02-10"] {
        let x = p(open).unwrap();
        assert_eq!(c.working_days_between(x.open, x.last_day), Ok(5), "{open}");
        assert_eq!(
            c.working_days_between(x.open, x.appoint_from),
            Ok(5 + u32::from(c.is_working_day(x.appoint_from).unwrap())),
        );
    }
    // The parameter is honoured: one working day is the opening day itself when it works.
    assert_eq!(
        c.publicity(d("2026-10-10"), 1).unwrap().last_day,
        d("2026-10-10")
    );
    assert_eq!(
        c.publicity(d("2026-10-11"), 1).unwrap().last_day,
        d("2026-10-12")
    );
    assert_eq!(
        c.publicity(d("2026-10-11"), 0).unwrap_err().id,
        "calendar-days-zero"
    );
}

#[test]
fn r_sel_9_a_publicity_running_into_an_unknown_year_is_refused_never_guessed() {
    let c = Calendar::shipped();
    let e = c.publicity(d("2026-12-28"), 5).unwrap_err();
    assert_eq!(e, message!("calendar-year-unknown", year = 2027i16));
    assert_eq!(e.arg("year"), Some(&Arg::Int(2027)));
    // Four working days are still inside 2026.
    assert_eq!(
        c.publicity(d("2026-12-28"), 4).unwrap().last_day,
        d("2026-12-31")
    );
    assert_eq!(
        c.is_working_day(d("2024-12-31")).unwrap_err(),
        message!("calendar-year-unknown", year = 2024i16)
    );
    assert_eq!(
        c.working_days_between(d("2026-12-30"), d("2027-01-04"))
            .unwrap_err()
            .id,
        "calendar-year-unknown"
    );
    // Once 2027 is entered the count goes through its 元旦.
    let c = with_2027();
    let x = c.publicity(d("2026-12-28"), 5).unwrap();
    assert_eq!(
        (x.last_day, x.appoint_from),
        (d("2027-01-04"), d("2027-01-05"))
    );
    assert_eq!(
        c.working_days_between(d("2026-12-30"), d("2027-01-04")),
        Ok(3)
    );
}

/// The notice of 2026 (《国务院办公厅关于2026年部分节假日安排的通知》, 2025-11-04), written
/// out again here apart from the shipped text: (first, last, name) and the 上班 days.
const HOLIDAYS_2026: &[(&str, &str, &str)] = &[
    ("2026-01-01", "2026-01-03", "元旦"),
    ("2026-02-15", "2026-02-23", "春节"),
    ("2026-04-04", "2026-04-06", "清明节"),
    ("2026-05-01", "2026-05-05", "劳动节"),
    ("2026-06-19", "2026-06-21", "端午节"),
    ("2026-09-25", "2026-09-27", "中秋节"),
    ("2026-10-01", "2026-10-07", "国庆节"),
];
const WORKDAYS_2026: &[&str] = &[
    "2026-01-04",
    "2026-02-14",
    "2026-02-28",
    "2026-05-09",
    "2026-09-20",
    "2026-10-10",
];

#[test]
fn every_day_of_2026_is_classified_as_the_notice_says() {
    let c = Calendar::shipped();
    let mut working = 0;
    let mut days = 0;
    for day in days_of(2026) {
        days += 1;
        let holiday = HOLIDAYS_2026
            .iter()
            .find(|(a, b, _)| d(a) <= day && day <= d(b))
            .map(|h| h.2);
        let make_up = WORKDAYS_2026.iter().any(|w| d(w) == day);
        let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
        let want = match (holiday, make_up, weekend) {
            (Some(name), _, _) => DayKind::Holiday(name),
            (None, true, _) => DayKind::MakeUp,
            (None, false, true) => DayKind::Weekend,
            (None, false, false) => DayKind::Working,
        };
        assert_eq!(c.day(day), Ok(want), "{day}");
        assert_eq!(c.is_working_day(day), Ok(want.is_working()), "{day}");
        working += u32::from(want.is_working());
    }
    assert_eq!(days, 365);
    // 261 weekdays, 19 of them holidays, and 6 working weekend days.
    assert_eq!(working, 248);
    let y = c.year(2026).unwrap();
    assert_eq!(y.working_days(), 248);
    assert!(y.shipped);
    assert_eq!(y.source.title, "国务院办公厅关于2026年部分节假日安排的通知");
    assert_eq!(y.source.date, Some(d("2025-11-04")));
    assert_eq!(y.holidays.len(), 7);
    assert_eq!(y.workdays.len(), 6);
    assert_eq!(
        c.working_days_between(d("2026-01-01"), d("2026-12-31")),
        Ok(248)
    );
}

#[test]
fn the_2025_notice_is_shipped_as_published() {
    let c = Calendar::shipped();
    let y = c.year(2025).unwrap();
    assert_eq!(y.source.date, Some(d("2024-11-12")));
    // 261 weekdays, 18 of them holidays, 5 working weekend days.
    assert_eq!(y.working_days(), 248);
    assert_eq!(
        c.day(d("2025-10-08")),
        Ok(DayKind::Holiday("国庆节、中秋节"))
    );
    assert_eq!(c.day(d("2025-01-26")), Ok(DayKind::MakeUp));
    assert_eq!(c.day(d("2025-02-08")), Ok(DayKind::MakeUp));
    assert_eq!(c.day(d("2025-04-27")), Ok(DayKind::MakeUp));
    assert_eq!(c.day(d("2025-09-28")), Ok(DayKind::MakeUp));
    assert_eq!(c.day(d("2025-10-11")), Ok(DayKind::MakeUp));
    assert_eq!(c.day(d("2025-01-01")), Ok(DayKind::Holiday("元旦")));
    assert_eq!(c.day(d("2025-01-02")), Ok(DayKind::Working));
    // The shipped years are exactly the published notices, and each parses.
    let years: Vec<i16> = c.years().map(|y| y.year).collect();
    assert_eq!(years, [2025, 2026]);
    for (year, text) in SHIPPED {
        assert!(parse_year(*year, text).is_ok(), "{year}");
        assert!(is_shipped(*year));
    }
    assert!(!is_shipped(2027));
}

#[test]
fn an_entered_year_joins_the_shipped_ones_and_cannot_replace_one() {
    let c = with_2027();
    let y = c.year(2027).unwrap();
    assert!(!y.shipped);
    assert_eq!(y.source.title, "测试用的2027年安排");
    assert_eq!(c.day(d("2027-02-20")), Ok(DayKind::MakeUp));
    assert_eq!(c.day(d("2027-02-12")), Ok(DayKind::Holiday("春节")));
    let again = parse_year(2026, "2026-01-01 元旦").unwrap();
    assert_eq!(
        Calendar::with_entered([again]).unwrap_err(),
        message!("calendar-year-shipped", year = 2026i16)
    );
}

#[test]
fn the_typed_forms_of_a_line() {
    let text = "\
# 一行注释
2027年1月1日至3日 元旦

2027年2月6日（周六）至2月12日（周五）放假 春节
2027-02-20 上班
2027.05.01 - 2027.05.05 劳动节放假
2027/06/09 端午节
2027年10月1日到2027年10月7日 国庆节
2027年9月26日(星期日) 上班 国庆节
";
    let y = parse_year(2027, text).unwrap();
    let h: Vec<(String, String, &str)> = y
        .holidays
        .iter()
        .map(|h| (h.first.to_string(), h.last.to_string(), h.name.as_str()))
        .collect();
    assert_eq!(
        h,
        [
            ("2027-01-01".into(), "2027-01-03".into(), "元旦"),
            ("2027-02-06".into(), "2027-02-12".into(), "春节"),
            ("2027-05-01".into(), "2027-05-05".into(), "劳动节"),
            ("2027-06-09".into(), "2027-06-09".into(), "端午节"),
            ("2027-10-01".into(), "2027-10-07".into(), "国庆节"),
        ]
    );
    let w: Vec<(String, &str)> = y
        .workdays
        .iter()
        .map(|w| (w.date.to_string(), w.name.as_str()))
        .collect();
    assert_eq!(
        w,
        [("2027-02-20".into(), ""), ("2027-09-26".into(), "国庆节")]
    );
    assert_eq!(y.source, Source::default());
    assert_eq!(parse_year_number(" 2027 "), Ok(2027));
    for bad in ["27", "二〇二七", "2300", "20270"] {
        assert_eq!(
            parse_year_number(bad),
            Err(message!("calendar-year-malformed", value = bad))
        );
    }
}

fn errors(year: i16, text: &str) -> Vec<Msg> {
    parse_year(year, text).unwrap_err()
}

#[test]
fn every_bad_line_is_refused_with_its_number_and_nothing_is_half_read() {
    let text = "\
2027-01-01 至 2027-01-03 元旦
2027-01-02 上班
2027-02-30 春节
2026-12-31 元旦
2027-02-08 上班
随便写的一行
2027-03-05 至 2027-03-01 某节
2027-01-03 元旦
2027-04-05
来源：
来源：一 2026-11-10
来源：二
";
    let e = errors(2027, text);
    assert_eq!(
        e,
        [
            // A holiday day also marked 上班 (a Saturday: only the clash is wrong).
            message!(
                "calendar-holiday-and-workday",
                line = 2usize,
                date = d("2027-01-02"),
                other = 1usize
            ),
            message!(
                "calendar-date-nonexistent",
                line = 3usize,
                text = "2027-02-30 春节"
            ),
            message!(
                "calendar-day-outside-year",
                line = 4usize,
                date = d("2026-12-31"),
                year = 2027i16
            ),
            // 2027-02-08 is a Monday.
            message!(
                "calendar-workday-not-weekend",
                line = 5usize,
                date = d("2027-02-08")
            ),
            message!(
                "calendar-line-malformed",
                line = 6usize,
                text = "随便写的一行"
            ),
            message!("calendar-range-reversed", line = 7usize),
            message!(
                "calendar-day-twice",
                line = 8usize,
                date = d("2027-01-03"),
                other = 1usize
            ),
            message!("calendar-holiday-name-missing", line = 9usize),
            message!("calendar-source-empty", line = 10usize),
            message!("calendar-source-twice", line = 12usize),
        ]
    );
    assert_eq!(
        errors(2027, "# nothing\n\n"),
        [message!("calendar-year-empty", year = 2027i16)]
    );
    assert_eq!(
        errors(2027, "2027-02-06 上班"),
        [message!("calendar-year-empty", year = 2027i16)]
    );
    assert_eq!(
        errors(1800, "1800-01-01 元旦")[0].id,
        "calendar-year-malformed"
    );
    let long = "# x\n".repeat(3000);
    assert_eq!(errors(2027, &long)[0].id, "calendar-text-too-long");
}
