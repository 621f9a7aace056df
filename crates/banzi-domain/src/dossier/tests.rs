use super::*;
use crate::date::parse;

fn day(s: &str) -> Date {
    parse(s).expect("a date")
}

fn line(id: i64, start: &str, end: Option<&str>, text: &str) -> StoredLine {
    StoredLine {
        id,
        start: start.into(),
        end: end.map(str::to_string),
        text: text.into(),
    }
}

/// R-STRUCT-4: fewer holders than 职数 is 空缺, as many 已满, more 超配.
#[test]
fn seat_states_at_their_boundaries() {
    assert_eq!(SeatState::of(2, 0), SeatState::Vacant);
    assert_eq!(SeatState::of(2, 1), SeatState::Vacant);
    assert_eq!(SeatState::of(2, 2), SeatState::Full);
    assert_eq!(SeatState::of(2, 3), SeatState::Over);
    assert_eq!(SeatState::Over.key(), "dossier.seat_over");
}

/// R-STRUCT-4: the next 任职 overfills a full post, except a 挂职, which takes no seat.
#[test]
fn one_more_appointment_overfills_a_full_post_unless_seconded() {
    assert!(!would_overfill(1, 0, Some(Manner::Appointed)));
    assert!(would_overfill(1, 1, Some(Manner::Appointed)));
    assert!(would_overfill(1, 1, None));
    assert!(would_overfill(2, 3, Some(Manner::Elected)));
    assert!(!would_overfill(1, 1, Some(Manner::Secondment)));
}

#[test]
fn ranks_below_a_posts_level() {
    use PostLevel::*;
    // Same level: nothing to offer; a level above the post's: nothing either.
    assert!(!rank_below("副处级", DivisionDeputy));
    assert!(!rank_below("副县级", DivisionDeputy));
    assert!(!rank_below("正处级", DivisionDeputy));
    // Below: offered.
    assert!(rank_below("副处级", DivisionChief));
    assert!(rank_below("正科级", DivisionDeputy));
    assert!(rank_below("一级科员", SectionDeputy));
    // 职级 sit at the level they correspond to.
    assert!(!rank_below("二级调研员", DivisionChief));
    assert!(rank_below("三级调研员", DivisionChief));
    assert!(!rank_below("一级巡视员", BureauChief));
    assert!(rank_below("二级巡视员", BureauChief));
    assert!(!rank_below("四级主任科员", SectionDeputy));
    // Blank or an unknown word is left alone.
    assert!(!rank_below("  ", SectionDeputy));
    assert!(!rank_below("其他", BureauChief));
}

#[test]
fn every_offered_rank_has_a_step_in_order() {
    let steps: Vec<usize> = RANKS.iter().map(|r| rank_step(r).expect(r)).collect();
    assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
    for l in PostLevel::ALL {
        assert!(RANKS.contains(&l.label()), "{l}");
    }
    // The rank groups of R-AGE-1 / R-TRAIN-1 read every offered rank.
    for r in RANKS {
        assert!(crate::rules::rank_group(r).is_some(), "{r}");
    }
}

#[test]
fn an_appointment_proposes_an_open_line_from_its_month() {
    let l = line_after_appointment(day("2026-01-05"), "市财政局", "局长");
    assert_eq!(l.start.to_string(), "2026.01");
    assert_eq!(l.end, None);
    assert_eq!(l.text, "市财政局局长");
    assert_eq!(l.render(), "2026.01--         市财政局局长");
}

#[test]
fn a_removal_closes_the_open_line_that_names_the_post() {
    let lines = [
        line(1, "2010.01", Some("2016.03"), "市财政局副局长"),
        line(2, "2016.03", None, "市财政局局长"),
        line(3, "2018.05", None, "兼任市国资委主任"),
    ];
    let (id, l) = line_after_removal(&lines, "市财政局", "局长", day("2026-03-31")).expect("found");
    assert_eq!(id, 2);
    assert_eq!(l.start.to_string(), "2016.03");
    assert_eq!(l.end.map(|e| e.to_string()).as_deref(), Some("2026.03"));
    assert_eq!(l.text, "市财政局局长");
}

#[test]
fn a_removal_prefers_unit_and_title_then_the_latest() {
    let lines = [
        line(1, "2019.01", None, "副局长"),
        line(2, "2015.01", None, "市教育局副局长"),
        line(3, "2012.01", None, "市财政局副局长"),
        line(4, "2016.01", Some(""), "市财政局副局长（主持工作）"),
    ];
    let (id, _) =
        line_after_removal(&lines, "市财政局", "副局长", day("2026-01-01")).expect("found");
    assert_eq!(
        id, 4,
        "unit and title, the later start, a blank end is open"
    );
    let (id, _) =
        line_after_removal(&lines[..1], "市财政局", "副局长", day("2026-01-01")).expect("found");
    assert_eq!(id, 1, "the title alone when nothing names the unit");
}

#[test]
fn a_removal_proposes_nothing_without_an_open_line_naming_the_post() {
    let lines = [
        line(1, "2010.01", Some("2016.03"), "市财政局局长"),
        line(2, "2016.03", None, "市教育局副书记"),
    ];
    assert_eq!(
        line_after_removal(&lines, "市财政局", "局长", day("2026-01-01")),
        None
    );
    assert_eq!(
        line_after_removal(&[], "市财政局", "局长", day("2026-01-01")),
        None
    );
}

#[test]
fn an_end_before_the_lines_start_is_proposed_as_its_start() {
    let lines = [line(7, "2026.05", None, "市财政局局长")];
    let (_, l) = line_after_removal(&lines, "市财政局", "局长", day("2026-01-01")).expect("found");
    assert_eq!(l.end, Some(l.start));
}
