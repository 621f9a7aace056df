use crate::cadre::ResumeLine;
use crate::date::YearMonth;
use crate::lrmx::{ResumeEntry, parse_resume, write_resume};
use crate::message;

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).unwrap()
}

fn entry(start: &str, end: Option<&str>, text: &str, during: &[&str]) -> ResumeEntry {
    ResumeEntry {
        period: ResumeLine {
            start: ym(start),
            end: end.map(ym),
            text: text.into(),
        },
        during: during.iter().map(|d| d.to_string()).collect(),
    }
}

/// A 简历 as the editor writes it, with a study line and the current period open.
const EDITOR: &str = "1994.09--1998.07  江西财经大学会计学专业学习\r
1998.07--2001.09  江川市财政局科员\r
2001.09--2006.12  江川市财政局预算科副科长、科长\r
                  （其间：2003.09--2006.07在中央党校在职研究生班经济管理专业学习）\r
2006.12--2019.03  江川县副县长\r
2019.03--         江川市财政局党组书记、局长";

#[test]
fn the_editor_layout_is_read_into_dated_lines_with_their_study() {
    let got = parse_resume(EDITOR).unwrap();
    assert_eq!(got.len(), 5);
    assert_eq!(
        got[2],
        entry(
            "2001.09",
            Some("2006.12"),
            "江川市财政局预算科副科长、科长",
            &["2003.09--2006.07在中央党校在职研究生班经济管理专业学习"]
        )
    );
    assert_eq!(
        got[4],
        entry("2019.03", None, "江川市财政局党组书记、局长", &[])
    );
    // Written back in the same layout, the file's line ends aside.
    assert_eq!(write_resume(&got), EDITOR.replace('\r', ""));
    assert_eq!(parse_resume(&write_resume(&got)).unwrap(), got);
}

#[test]
fn typed_variants_are_read_as_the_same_periods() {
    let typed = "１９９８．０７－－２００１．０９　江川市财政局科员
1998.7-2001.9 江川市财政局科员
1998.07——2001.09\t江川市财政局科员
1998.07～2001.09  江川市财政局科员
  1998.07 -- 2001.09  江川市财政局科员  ";
    let got = parse_resume(typed).unwrap();
    assert_eq!(got.len(), 5);
    for e in &got {
        assert_eq!(
            e,
            &entry("1998.07", Some("2001.09"), "江川市财政局科员", &[])
        );
    }
}

#[test]
fn a_study_on_the_period_line_and_a_wrapped_text_are_kept() {
    let text =
        "2001.09--2006.12  江川市财政局副科长（其间：2003.09--2006.07在省委党校学习（在职））
2006.12--  江川县人民政府副县长，分管财政、税务、
           金融工作
           （其间: 2008.03--2008.07挂职锻炼）
";
    let got = parse_resume(text).unwrap();
    assert_eq!(
        got,
        [
            entry(
                "2001.09",
                Some("2006.12"),
                "江川市财政局副科长",
                &["2003.09--2006.07在省委党校学习（在职）"]
            ),
            entry(
                "2006.12",
                None,
                "江川县人民政府副县长，分管财政、税务、金融工作",
                &["2008.03--2008.07挂职锻炼"]
            ),
        ]
    );
}

#[test]
fn every_unreadable_line_is_named_at_once() {
    let text = "（其间：先于任何时段）
1998.07--2001.09  江川市财政局科员
江川市财政局副科长
1998.13--2001.09  某局科员
2003.09--2001.09  某局副局长
2003.09--2005.01
2005.01--2007.01  某局局长
  （其间：没有收尾
";
    assert_eq!(
        parse_resume(text).unwrap_err(),
        [
            message!("lrmx-resume-during-first", line = 1),
            message!(
                "lrmx-resume-no-period",
                line = 3,
                text = "江川市财政局副科长"
            ),
            message!("lrmx-resume-bad-month", line = 4, value = "1998.13"),
            message!(
                "lrmx-resume-end-before-start",
                line = 5,
                start = "2003.09",
                end = "2001.09"
            ),
            message!("lrmx-resume-no-text", line = 6),
            message!("lrmx-resume-during-unclosed", line = 8),
        ]
    );
}

#[test]
fn an_empty_resume_is_no_lines() {
    assert_eq!(parse_resume("").unwrap(), []);
    assert_eq!(parse_resume(" \r\n\u{3000}\n").unwrap(), []);
    assert_eq!(write_resume(&[]), "");
}
