//! The result of a ballot session as a workbook (DOMAIN.md M5, R-VOTE-5/6, R-SEL-2): a sheet
//! 结果 with 应到, 实到 and the ballots cast, the number the shares and pass marks are of,
//! the rater groups and every question's counts, and a sheet 原始选票 with every
//! ballot's answers, one row per ballot, in the order of the ballots' random ids (R-VOTE-3:
//! nothing of the order they were cast in).

use banzi_domain::ballot::tally::QuestionResult;
use banzi_domain::ballot::{Answer, Cast, SessionSpec, Tally};
use rust_xlsxwriter::{Color, Format, Workbook, Worksheet};

use crate::roster_write::IoError;

/// A cell of the workbook: text, or a number a spreadsheet can add up (issue 15, item 6):
/// counts as integers, shares as fractions shown as percentages, scores with two decimals.
enum Cell {
    Text(String),
    Count(f64),
    /// Basis points: 6667 → 0.6667, shown 66.67%.
    Share(u64),
    /// A weight in whole percent: 40 → 0.4, shown 40%.
    Weight(u32),
    /// Hundredths: 8567 → 85.67.
    Score(u64),
    Empty,
}

fn s(v: impl ToString) -> Cell {
    Cell::Text(v.to_string())
}

fn n(v: impl Into<f64>) -> Cell {
    Cell::Count(v.into())
}

/// A count of the tally (never near 2^53, so exact as a spreadsheet number).
fn count(v: u64) -> Cell {
    Cell::Count(v as f64)
}

/// The number formats of the numeric cells.
struct Formats {
    share: Format,
    weight: Format,
    score: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            share: Format::new().set_num_format("0.00%"),
            weight: Format::new().set_num_format("0%"),
            score: Format::new().set_num_format("0.00"),
        }
    }
}

fn row(
    ws: &mut Worksheet,
    r: &mut u32,
    cells: &[Cell],
    f: Option<&Format>,
    nf: &Formats,
) -> Result<(), IoError> {
    for (c, v) in cells.iter().enumerate() {
        let c = c as u16;
        let (x, format) = match v {
            Cell::Text(t) => {
                match f {
                    Some(f) => ws.write_string_with_format(*r, c, t, f)?,
                    None => ws.write_string(*r, c, t)?,
                };
                continue;
            }
            Cell::Empty => continue,
            Cell::Count(x) => {
                ws.write_number(*r, c, *x)?;
                continue;
            }
            Cell::Share(bp) => (*bp as f64 / 10_000.0, &nf.share),
            Cell::Weight(w) => (f64::from(*w) / 100.0, &nf.weight),
            Cell::Score(h) => (*h as f64 / 100.0, &nf.score),
        };
        ws.write_number_with_format(*r, c, x, format)?;
    }
    *r += 1;
    Ok(())
}

/// Writes the tally of `spec` and its ballots (in the order given: the caller's random one).
pub fn write_ballot_result(
    spec: &SessionSpec,
    t: &Tally,
    ballots: &[Cast],
) -> Result<Vec<u8>, IoError> {
    let mut wb = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    let nf = Formats::new();
    let ws = wb.add_worksheet();
    ws.set_name("结果")?;
    ws.set_column_width(0, 28.0)?;
    let mut r = 0u32;
    let h = Some(&bold);
    row(ws, &mut r, &[s(&spec.title)], h, &nf)?;
    row(
        ws,
        &mut r,
        &[s("会议日期"), s(spec.meeting_date)],
        None,
        &nf,
    )?;
    row(ws, &mut r, &[s("应到人数"), n(t.expected)], None, &nf)?;
    let attended = t.attended.map_or_else(|| s("未记录"), n);
    row(ws, &mut r, &[s("实到人数"), attended], None, &nf)?;
    row(ws, &mut r, &[s("收回票数"), count(t.cast)], None, &nf)?;
    let threshold = format!("{}/{}", t.threshold.num, t.threshold.den);
    row(ws, &mut r, &[s("得票比例要求"), s(threshold)], None, &nf)?;
    // R-SEL-2: which number the shares and pass marks are of.
    let basis = match t.attended {
        Some(n) => format!("实到人数{n}人"),
        None => format!("收回票数{}张（结束时未记录实到人数）", t.cast),
    };
    row(
        ws,
        &mut r,
        &[s("得票率及达到比例的基数"), s(basis)],
        None,
        &nf,
    )?;
    r += 1;
    let head = [s("评议组"), s("权重"), s("计划票数"), s("收回票数")];
    row(ws, &mut r, &head, h, &nf)?;
    for g in &t.groups {
        let cells = [
            s(&g.name),
            Cell::Weight(g.weight),
            n(g.codes),
            count(g.cast),
        ];
        row(ws, &mut r, &cells, None, &nf)?;
    }
    for (i, q) in t.questions.iter().enumerate() {
        r += 1;
        let title = format!("{}. {}（{}）", i + 1, q.title, q.kind.label());
        row(ws, &mut r, &[s(title)], h, &nf)?;
        let counts = [s("有效"), count(q.valid), s("无效"), count(q.invalid)];
        row(ws, &mut r, &counts, None, &nf)?;
        let pass = |p: bool| if p { s("是") } else { Cell::Empty };
        match &q.result {
            QuestionResult::Recommend(rows) => {
                let head = [s("姓名"), s("名次"), s("得票"), s("得票率"), s("达到比例")];
                row(ws, &mut r, &head, h, &nf)?;
                for o in rows {
                    let name = if o.written_in {
                        format!("{}（另提）", o.name)
                    } else {
                        o.name.clone()
                    };
                    let cells = [
                        s(name),
                        count(o.rank),
                        count(o.votes),
                        Cell::Share(o.share_bp),
                        pass(o.passes),
                    ];
                    row(ws, &mut r, &cells, None, &nf)?;
                }
            }
            QuestionResult::Approve(rows) => {
                let head = [
                    s("姓名"),
                    s("同意"),
                    s("不同意"),
                    s("弃权"),
                    s("得票率"),
                    s("达到比例"),
                ];
                row(ws, &mut r, &head, h, &nf)?;
                for o in rows {
                    let cells = [
                        s(&o.name),
                        count(o.yes),
                        count(o.no),
                        count(o.abstain),
                        Cell::Share(o.share_bp),
                        pass(o.passes),
                    ];
                    row(ws, &mut r, &cells, None, &nf)?;
                }
            }
            QuestionResult::Rate(rows) => {
                let mut head = vec![s("姓名")];
                head.extend(q.kind.marks().iter().map(s));
                head.extend([s("未评"), s("加权得分")]);
                row(ws, &mut r, &head, h, &nf)?;
                for o in rows {
                    let mut cells = vec![s(&o.name)];
                    cells.extend(o.counts.iter().map(|c| count(*c)));
                    cells.push(count(o.unmarked));
                    cells.push(o.score.map_or(Cell::Empty, Cell::Score));
                    row(ws, &mut r, &cells, None, &nf)?;
                }
            }
        }
    }
    raw_sheet(&mut wb, spec, ballots, &bold, &nf)?;
    Ok(wb.save_to_buffer()?)
}

/// 原始选票: one row per ballot, one column per question: the names picked (、), or each
/// option's mark.
fn raw_sheet(
    wb: &mut Workbook,
    spec: &SessionSpec,
    ballots: &[Cast],
    bold: &Format,
    nf: &Formats,
) -> Result<(), IoError> {
    let ws = wb.add_worksheet();
    ws.set_name("原始选票")?;
    let mut r = 0u32;
    let mut head = vec![s("序号"), s("评议组")];
    head.extend(
        spec.questions
            .iter()
            .enumerate()
            .map(|(i, q)| s(format!("{}. {}", i + 1, q.title))),
    );
    row(ws, &mut r, &head, Some(bold), nf)?;
    for (k, b) in ballots.iter().enumerate() {
        let mut cells = vec![
            count(k as u64 + 1),
            s(spec
                .groups
                .get(b.group)
                .map_or(String::new(), |g| g.name.clone())),
        ];
        for (q, a) in spec.questions.iter().zip(&b.ballot) {
            cells.push(s(match a {
                Answer::Picks { picks, write_ins } => picks
                    .iter()
                    .filter_map(|&p| q.options.get(p as usize).cloned())
                    .chain(write_ins.iter().map(|w| format!("{w}（另提）")))
                    .collect::<Vec<_>>()
                    .join("、"),
                Answer::Marks { marks } => q
                    .options
                    .iter()
                    .zip(marks)
                    .map(|(o, m)| {
                        let mark = m
                            .and_then(|m| q.kind.marks().get(m as usize))
                            .copied()
                            .unwrap_or("未评");
                        format!("{o}：{mark}")
                    })
                    .collect::<Vec<_>>()
                    .join("；"),
            }));
        }
        row(ws, &mut r, &cells, None, nf)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use banzi_domain::ballot::{Group, Question, QuestionKind, tally};
    use banzi_domain::rules::Fraction;
    use calamine::Reader;

    /// The first two cells of each row of 结果.
    fn heads(spec: &SessionSpec, cast: &[Cast]) -> Vec<(String, String)> {
        let data = write_ballot_result(spec, &tally(spec, cast), cast).expect("written");
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(data)).expect("workbook");
        let sheet = wb.worksheet_range("结果").expect("sheet");
        sheet
            .rows()
            .map(|r| {
                let cell = |i: usize| r.get(i).map(|c| c.to_string()).unwrap_or_default();
                (cell(0), cell(1))
            })
            .collect()
    }

    /// R-SEL-2: the sheet shows 应到, 实到 and the ballots cast, and which number the shares
    /// and pass marks are of; for a session closed before 实到 was recorded, that it was not.
    #[test]
    fn r_sel_2_the_sheet_says_what_the_pass_marks_are_of() {
        let mut spec = SessionSpec {
            title: "民主推荐".into(),
            meeting_date: banzi_domain::date::parse("2026-11-21").expect("date"),
            expected: 9,
            attended: Some(8),
            groups: vec![Group {
                name: "全体".into(),
                weight: 100,
                codes: 9,
            }],
            questions: vec![Question {
                title: "推荐".into(),
                kind: QuestionKind::Recommend {
                    max: 1,
                    write_ins: false,
                },
                options: vec!["张伟".into()],
            }],
            threshold: Fraction { num: 1, den: 2 },
            grade_values: [100, 80, 60, 0],
        };
        let cast: Vec<Cast> = (0..6)
            .map(|k| Cast {
                group: 0,
                ballot: vec![Answer::Picks {
                    picks: if k < 4 { vec![0] } else { vec![] },
                    write_ins: vec![],
                }],
            })
            .collect();
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        let rows = heads(&spec, &cast);
        for want in [
            pair("应到人数", "9"),
            pair("实到人数", "8"),
            pair("收回票数", "6"),
            pair("得票率及达到比例的基数", "实到人数8人"),
        ] {
            assert!(rows.contains(&want), "{want:?} in {rows:?}");
        }
        // Numbers are numeric cells (issue 15, item 6): counts, and the share as a fraction
        // (4 of 实到 8: 0.5, shown 50.00% by its format).
        let data = write_ballot_result(&spec, &tally(&spec, &cast), &cast).expect("written");
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(data)).expect("workbook");
        let sheet = wb.worksheet_range("结果").expect("sheet");
        let find = |name: &str| {
            sheet
                .rows()
                .find(|r| r[0] == name)
                .map(|r| r.to_vec())
                .unwrap_or_default()
        };
        use calamine::Data::Float;
        assert_eq!(find("应到人数")[1], Float(9.0));
        assert_eq!(find("收回票数")[1], Float(6.0));
        assert_eq!(find("全体")[1..4], [Float(1.0), Float(9.0), Float(6.0)]);
        assert_eq!(find("张伟")[1..4], [Float(1.0), Float(4.0), Float(0.5)]);
        spec.attended = None;
        let rows = heads(&spec, &cast);
        for want in [
            pair("实到人数", "未记录"),
            pair(
                "得票率及达到比例的基数",
                "收回票数6张（结束时未记录实到人数）",
            ),
        ] {
            assert!(rows.contains(&want), "{want:?} in {rows:?}");
        }
    }
}
