//! The result of a ballot session as a workbook (DOMAIN.md M5, R-VOTE-5/6, R-SEL-2): a sheet
//! 结果 with the rater groups and every question's counts, and a sheet 原始选票 with every
//! ballot's answers, one row per ballot, in the order of the ballots' random ids (R-VOTE-3:
//! nothing of the order they were cast in).

use banzi_domain::ballot::tally::QuestionResult;
use banzi_domain::ballot::{Answer, Cast, SessionSpec, Tally};
use rust_xlsxwriter::{Color, Format, Workbook, Worksheet};

use crate::roster_write::IoError;

/// Hundredths as a decimal: 8567 → "85.67".
fn hundredths(n: u64) -> String {
    format!("{}.{:02}", n / 100, n % 100)
}

fn row(
    ws: &mut Worksheet,
    r: &mut u32,
    cells: &[String],
    f: Option<&Format>,
) -> Result<(), IoError> {
    for (c, v) in cells.iter().enumerate() {
        match f {
            Some(f) => ws.write_string_with_format(*r, c as u16, v, f)?,
            None => ws.write_string(*r, c as u16, v)?,
        };
    }
    *r += 1;
    Ok(())
}

fn s(v: impl ToString) -> String {
    v.to_string()
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
    let ws = wb.add_worksheet();
    ws.set_name("结果")?;
    ws.set_column_width(0, 28.0)?;
    let mut r = 0u32;
    row(ws, &mut r, std::slice::from_ref(&spec.title), Some(&bold))?;
    row(ws, &mut r, &[s("会议日期"), s(spec.meeting_date)], None)?;
    row(ws, &mut r, &[s("应到人数"), s(t.expected)], None)?;
    row(ws, &mut r, &[s("收回票数"), s(t.cast)], None)?;
    row(
        ws,
        &mut r,
        &[
            s("得票比例要求"),
            format!("{}/{}", t.threshold.num, t.threshold.den),
        ],
        None,
    )?;
    r += 1;
    row(
        ws,
        &mut r,
        &[s("评议组"), s("权重"), s("计划票数"), s("收回票数")],
        Some(&bold),
    )?;
    for g in &t.groups {
        row(
            ws,
            &mut r,
            &[
                g.name.clone(),
                format!("{}%", g.weight),
                s(g.codes),
                s(g.cast),
            ],
            None,
        )?;
    }
    for (i, q) in t.questions.iter().enumerate() {
        r += 1;
        row(
            ws,
            &mut r,
            &[format!("{}. {}（{}）", i + 1, q.title, q.kind.label())],
            Some(&bold),
        )?;
        row(
            ws,
            &mut r,
            &[s("有效"), s(q.valid), s("无效"), s(q.invalid)],
            None,
        )?;
        match &q.result {
            QuestionResult::Recommend(rows) => {
                row(
                    ws,
                    &mut r,
                    &[s("姓名"), s("名次"), s("得票"), s("得票率"), s("达到比例")],
                    Some(&bold),
                )?;
                for o in rows {
                    let name = if o.written_in {
                        format!("{}（另提）", o.name)
                    } else {
                        o.name.clone()
                    };
                    let pass = if o.passes { "是" } else { "" };
                    row(
                        ws,
                        &mut r,
                        &[
                            name,
                            s(o.rank),
                            s(o.votes),
                            format!("{}%", hundredths(o.share_bp)),
                            s(pass),
                        ],
                        None,
                    )?;
                }
            }
            QuestionResult::Approve(rows) => {
                row(
                    ws,
                    &mut r,
                    &[
                        s("姓名"),
                        s("同意"),
                        s("不同意"),
                        s("弃权"),
                        s("得票率"),
                        s("达到比例"),
                    ],
                    Some(&bold),
                )?;
                for o in rows {
                    let pass = if o.passes { "是" } else { "" };
                    row(
                        ws,
                        &mut r,
                        &[
                            o.name.clone(),
                            s(o.yes),
                            s(o.no),
                            s(o.abstain),
                            format!("{}%", hundredths(o.share_bp)),
                            s(pass),
                        ],
                        None,
                    )?;
                }
            }
            QuestionResult::Rate(rows) => {
                let mut head = vec![s("姓名")];
                head.extend(q.kind.marks().iter().map(s));
                head.extend([s("未评"), s("加权得分")]);
                row(ws, &mut r, &head, Some(&bold))?;
                for o in rows {
                    let mut cells = vec![o.name.clone()];
                    cells.extend(o.counts.iter().map(s));
                    cells.push(s(o.unmarked));
                    cells.push(o.score.map(hundredths).unwrap_or_default());
                    row(ws, &mut r, &cells, None)?;
                }
            }
        }
    }
    raw_sheet(&mut wb, spec, ballots, &bold)?;
    Ok(wb.save_to_buffer()?)
}

/// 原始选票: one row per ballot, one column per question: the names picked (、), or each
/// option's mark.
fn raw_sheet(
    wb: &mut Workbook,
    spec: &SessionSpec,
    ballots: &[Cast],
    bold: &Format,
) -> Result<(), IoError> {
    let ws = wb.add_worksheet();
    ws.set_name("原始选票")?;
    let mut r = 0u32;
    let mut head = vec![s("序号"), s("评议组")];
    head.extend(
        spec.questions
            .iter()
            .enumerate()
            .map(|(i, q)| format!("{}. {}", i + 1, q.title)),
    );
    row(ws, &mut r, &head, Some(bold))?;
    for (n, b) in ballots.iter().enumerate() {
        let mut cells = vec![
            s(n + 1),
            spec.groups
                .get(b.group)
                .map_or(String::new(), |g| g.name.clone()),
        ];
        for (q, a) in spec.questions.iter().zip(&b.ballot) {
            cells.push(match a {
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
            });
        }
        row(ws, &mut r, &cells, None)?;
    }
    Ok(())
}
