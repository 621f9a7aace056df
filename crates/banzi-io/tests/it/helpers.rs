//! Test workbooks: a roster with every field filled, hand-made sheets, and zip surgery.

use std::io::{Cursor, Read, Write};

use banzi_domain::codes::{
    Degree, Education, Gender, Manner, Party, PostKind, PostLevel, TrainingKind, UnitSystem,
};
use banzi_domain::date::{make_date, parse as parse_date};
use banzi_domain::id_number::synthesize;
use banzi_domain::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};
use banzi_domain::roster::{Located, Roster, RowError};
use banzi_domain::{Date, IdNumber, Msg};
use banzi_i18n::{Lang, Tr};
use banzi_io::Notice;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// A message as it reads in zh-CN: the Chinese the workbook's users have always read.
pub fn zh(m: &Msg) -> String {
    Tr::new(Lang::ZhCn).msg(m)
}

pub fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

/// A distinct valid ID number for each `n` (region and birth date differ).
pub fn id(n: usize) -> IdNumber {
    let k = (n % 10_000) as i64;
    let birth = make_date(1950 + k % 40, 1 + (k / 40) % 12, 1 + (k / 480) % 28).unwrap();
    let gender = if n.is_multiple_of(2) {
        Gender::Male
    } else {
        Gender::Female
    };
    synthesize(
        320_100 + (n / 10_000) as u32,
        birth,
        (n % 500) as u32,
        gender,
    )
}

fn at<T>(i: usize, value: T) -> Located<T> {
    Located {
        row: i as u32 + 2,
        value,
    }
}

/// Every field filled on the first record of each sheet, every optional field blank on
/// the second.
pub fn full_roster() -> Roster {
    let a = id(1);
    let b = id(2);
    let cadre = |id: &IdNumber, full: bool| Cadre {
        id_number: id.clone(),
        name: if full {
            "欧阳娜娜".into()
        } else {
            "王 伟".into()
        },
        gender: id.gender(),
        ethnicity: "汉族".into(),
        birth_date: id.birth_date(),
        native_place: if full {
            "江苏南京".into()
        } else {
            String::new()
        },
        party: if full { Party::Cpc } else { Party::Masses },
        party_joined: full.then(|| d("1990-07-01")),
        work_started: full.then(|| d("1985-08-01")),
        ft_education: full.then_some(Education::University),
        ft_degree: full.then_some(Degree::Bachelor),
        ft_school: if full {
            "南京大学 经济学".into()
        } else {
            String::new()
        },
        pt_education: full.then_some(Education::Postgraduate),
        pt_degree: full.then_some(Degree::Master),
        pt_school: if full {
            "中央党校".into()
        } else {
            String::new()
        },
        profession: if full {
            "经济管理".into()
        } else {
            String::new()
        },
        rank: if full {
            "正处级".into()
        } else {
            String::new()
        },
    };
    Roster {
        units: vec![
            at(
                0,
                Unit {
                    code: "U-01".into(),
                    name: "某市财政局".into(),
                    parent_code: Some("U.00".into()),
                    category: "市直单位".into(),
                    platform: "综合部门".into(),
                    system: UnitSystem::Discipline,
                    non_cpc_required: true,
                },
            ),
            at(
                1,
                Unit {
                    code: "U.00".into(),
                    name: "某市".into(),
                    parent_code: None,
                    category: "县(市、区)".into(),
                    platform: String::new(),
                    system: UnitSystem::Other,
                    non_cpc_required: false,
                },
            ),
        ],
        posts: vec![
            at(
                0,
                Post {
                    code: "P_1".into(),
                    unit_code: "U-01".into(),
                    team: "党组".into(),
                    title: "局长".into(),
                    kind: PostKind::DisciplineLead,
                    seats: 3,
                    level: Some(PostLevel::DivisionChief),
                },
            ),
            at(
                1,
                Post {
                    code: "P2".into(),
                    unit_code: "U-01".into(),
                    team: String::new(),
                    title: "副局长".into(),
                    kind: PostKind::Deputy,
                    seats: 1,
                    level: None,
                },
            ),
        ],
        cadres: vec![at(0, cadre(&a, true)), at(1, cadre(&b, false))],
        appointments: vec![
            at(
                0,
                Appointment {
                    id_number: a.clone(),
                    post_code: "P_1".into(),
                    start: d("2019-03-01"),
                    end: Some(d("2023-03-01")),
                    manner: Some(Manner::OutsideExchange),
                    doc_no: "宁委〔2019〕12号".into(),
                },
            ),
            at(
                1,
                Appointment {
                    id_number: b.clone(),
                    post_code: "P2".into(),
                    start: d("2021-01-01"),
                    end: None,
                    manner: None,
                    doc_no: String::new(),
                },
            ),
        ],
        portfolios: vec![
            at(
                0,
                Portfolio {
                    id_number: a.clone(),
                    post_code: "P_1".into(),
                    work: "财务、人事".into(),
                    start: d("2019-03-01"),
                    end: Some(d("2020-03-01")),
                },
            ),
            at(
                1,
                Portfolio {
                    id_number: b.clone(),
                    post_code: "P2".into(),
                    work: "项目建设".into(),
                    start: d("2021-01-01"),
                    end: None,
                },
            ),
        ],
        trainings: vec![
            at(
                0,
                Training {
                    id_number: a,
                    name: "中青年干部培训班".into(),
                    kind: TrainingKind::PartySpirit,
                    start: d("2020-09-01"),
                    end: Some(d("2020-09-30")),
                    hours: Some(0.1 + 0.2),
                },
            ),
            at(
                1,
                Training {
                    id_number: b,
                    name: "专题讲座".into(),
                    kind: TrainingKind::Other,
                    start: d("2021-05-01"),
                    end: None,
                    hours: None,
                },
            ),
        ],
    }
}

/// The roster's values without row numbers, to compare a round trip.
pub fn values(r: &Roster) -> String {
    fn v<T: std::fmt::Debug>(rows: &[Located<T>]) -> Vec<&T> {
        rows.iter().map(|l| &l.value).collect()
    }
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        v(&r.units),
        v(&r.posts),
        v(&r.cadres),
        v(&r.appointments),
        v(&r.portfolios),
        v(&r.trainings)
    )
}

/// A cell of a hand-made sheet.
#[derive(Clone, Copy)]
pub enum C<'a> {
    S(&'a str),
    N(f64),
    /// An Excel date (a number with a date format).
    D(u16, u8, u8),
    F(&'a str),
    Blank,
}

/// A workbook of hand-made sheets: (name, rows), the first row being the header.
pub fn book(sheets: &[(&str, Vec<Vec<C<'_>>>)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match *cell {
                    C::S(s) => drop(ws.write_string(r, c, s).unwrap()),
                    C::N(n) => drop(ws.write_number(r, c, n).unwrap()),
                    C::D(y, m, dd) => {
                        let dt = ExcelDateTime::from_ymd(y, m, dd).unwrap();
                        ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                    }
                    C::F(f) => drop(
                        ws.write_formula(r, c, Formula::new(f).set_result("x"))
                            .unwrap(),
                    ),
                    C::Blank => {}
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// Text cells of a header row.
pub fn header(h: &[&'static str]) -> Vec<C<'static>> {
    h.iter().map(|s| C::S(s)).collect()
}

pub const UNIT_HEADER: [&str; 7] = [
    "单位编码",
    "单位名称",
    "上级单位编码",
    "单位类别",
    "考核平台",
    "所属系统",
    "党外干部必配",
];
pub const CADRE_HEADER: [&str; 17] = [
    "身份证号",
    "姓名",
    "性别",
    "民族",
    "出生日期",
    "籍贯",
    "政治面貌",
    "入党时间",
    "参加工作时间",
    "全日制学历",
    "全日制学位",
    "全日制院校及专业",
    "在职学历",
    "在职学位",
    "在职院校及专业",
    "专业领域",
    "现职级",
];

pub fn unit_sheet() -> (&'static str, Vec<Vec<C<'static>>>) {
    (
        "单位",
        vec![
            header(&UNIT_HEADER),
            vec![C::S("U1"), C::S("某局"), C::Blank, C::S("市直单位")],
        ],
    )
}

/// The entries of a zip, in order.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

pub fn zip_of(entries: &[(String, Vec<u8>)], method: CompressionMethod) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(method);
    for (name, data) in entries {
        w.start_file(name.as_str(), opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// Rewrites the XML of the worksheet of `sheet_no` (1-based) with `f`.
pub fn patch_sheet(bytes: &[u8], sheet_no: usize, f: impl Fn(&str) -> String) -> Vec<u8> {
    let target = format!("xl/worksheets/sheet{sheet_no}.xml");
    let entries: Vec<_> = unzip(bytes)
        .into_iter()
        .map(|(n, data)| {
            if n == target {
                let xml = String::from_utf8(data).unwrap();
                (n, f(&xml).into_bytes())
            } else {
                (n, data)
            }
        })
        .collect();
    zip_of(&entries, CompressionMethod::Deflated)
}

/// Replaces the `<c r="{cell}" …>…</c>` element.
pub fn replace_cell(xml: &str, cell: &str, new: &str) -> String {
    let start = xml.find(&format!("<c r=\"{cell}\"")).expect("cell present");
    let end = start + xml[start..].find("</c>").expect("cell closed") + 4;
    format!("{}{}{}", &xml[..start], new, &xml[end..])
}

pub fn read(bytes: &[u8]) -> Result<(Roster, Vec<Notice>), Vec<RowError>> {
    banzi_io::read_roster(bytes, &|_| {})
}

pub fn errors(bytes: &[u8]) -> Vec<RowError> {
    match read(bytes) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e,
    }
}

/// (sheet, row, column) of each error.
pub fn places(errs: &[RowError]) -> Vec<(&str, u32, &str)> {
    errs.iter()
        .map(|e| (e.sheet.as_str(), e.row, e.column.as_str()))
        .collect()
}

/// A workbook whose 单位 sheet has its columns in another order and two extra columns (备注,
/// 联系人), and an extra sheet (草稿): read, it gives notices and no error.
pub fn reordered_book() -> Vec<u8> {
    book(&[
        (
            "单位",
            vec![
                header(&[
                    "备注",
                    "单位类别",
                    "单位名称",
                    "党外干部必配",
                    "所属系统",
                    "考核平台",
                    "上级单位编码",
                    "单位编码",
                    "联系人",
                ]),
                vec![
                    C::S("随便"),
                    C::S("市直单位"),
                    C::S("某局"),
                    C::S("Y"),
                    C::Blank,
                    C::Blank,
                    C::Blank,
                    C::S("U1"),
                ],
            ],
        ),
        ("干部", vec![header(&CADRE_HEADER)]),
        ("草稿", vec![]),
    ])
}
