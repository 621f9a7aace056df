//! The standard roster workbook of ROSTER_FORMAT.md as data: sheet names, headers in order,
//! which are required, how each cell is read, and the notes of the template's 说明 sheet.
//! Reading, writing and the template all use these tables, so they cannot drift apart.

use banzi_domain::codes::{
    Degree, Education, Gender, Manner, Party, PostKind, PostLevel, TrainingKind, UnitSystem,
};

/// How a column's cells are read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text, codes and vocabularies; written as text.
    Text,
    /// A date: an Excel date or text `YYYY-MM-DD` / `YYYY.MM`; a plain number is refused
    /// (1975.10 typed as a number arrives as 1975.1, STACK.md).
    Date,
    /// The 18-character 身份证号: a number cell is refused (Excel keeps 15 digits).
    IdNumber,
    /// 职数 and 学时: numbers are welcome.
    Number,
}

/// One column of a sheet.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The exact header text of the first row.
    pub header: &'static str,
    pub required: bool,
    pub kind: Kind,
    /// Column width in Excel character units.
    pub width: f64,
    /// What the 说明 sheet says about the column (the allowed values are added from `choices`).
    pub note: &'static str,
    /// The allowed values of a closed vocabulary (template dropdowns and 说明).
    pub choices: Option<fn() -> Vec<&'static str>>,
    /// A column added after workbooks were in use (职务层次, 2026-12-02): a sheet without
    /// its header still loads, and its cells read as blank. Written like any other.
    pub may_be_absent: bool,
}

/// One sheet of the workbook.
#[derive(Debug)]
pub struct Sheet {
    pub name: &'static str,
    /// 单位 and 干部 must be present; the others may be absent.
    pub required: bool,
    pub columns: &'static [Column],
}

impl Sheet {
    pub fn headers(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.columns.iter().map(|c| c.header)
    }
}

const fn col(
    header: &'static str,
    required: bool,
    kind: Kind,
    width: f64,
    note: &'static str,
) -> Column {
    Column {
        header,
        required,
        kind,
        width,
        note,
        choices: None,
        may_be_absent: false,
    }
}

const fn pick(
    header: &'static str,
    required: bool,
    width: f64,
    note: &'static str,
    choices: fn() -> Vec<&'static str>,
) -> Column {
    Column {
        header,
        required,
        kind: Kind::Text,
        width,
        note,
        choices: Some(choices),
        may_be_absent: false,
    }
}

impl Column {
    /// The same column, marked as one an older workbook may lack.
    const fn added_later(self) -> Column {
        Column {
            may_be_absent: true,
            ..self
        }
    }
}

use Kind::{Date, IdNumber, Number, Text};

const ID_NOTE: &str = "18位居民身份证号，须为文本格式，末位可为X";

pub const UNITS: Sheet = Sheet {
    name: "单位",
    required: true,
    columns: &[
        col(
            "单位编码",
            true,
            Text,
            14.0,
            "唯一编码，由字母、数字和 - _ . 组成，最多40位",
        ),
        col("单位名称", true, Text, 28.0, ""),
        col("上级单位编码", false, Text, 14.0, "根单位留空"),
        col(
            "单位类别",
            true,
            Text,
            16.0,
            "如 县(市、区)、市直单位、乡镇(街道)、企事业单位",
        ),
        col("考核平台", false, Text, 14.0, "年度考核比较的平台分组"),
        pick(
            "所属系统",
            false,
            12.0,
            "空白视为“其他”",
            || UnitSystem::ALL.iter().map(|v| v.label()).collect(),
        ),
        pick(
            "党外干部必配",
            false,
            14.0,
            "是/否，空白视为否",
            || vec!["是", "否"],
        ),
    ],
};

pub const POSTS: Sheet = Sheet {
    name: "职位",
    required: false,
    columns: &[
        col(
            "职位编码",
            true,
            Text,
            14.0,
            "唯一编码，由字母、数字和 - _ . 组成，最多40位",
        ),
        col("单位编码", true, Text, 14.0, "职位所在班子的单位"),
        col(
            "班子名称",
            false,
            Text,
            14.0,
            "空白表示该单位唯一的班子（如 党组、行政 可分为两个班子）",
        ),
        col("职位名称", true, Text, 16.0, "如 局长、副局长"),
        pick("职位类别", true, 18.0, "", || {
            PostKind::ALL.iter().map(|v| v.label()).collect()
        }),
        col(
            "职数",
            false,
            Number,
            8.0,
            "该职位的职数，1到99的整数，空白为1",
        ),
        pick(
            "职务层次",
            false,
            10.0,
            "职位的职务层次（用于任期和试用期的判断），空白表示未知；较早的工作簿没有此列也可导入",
            || PostLevel::ALL.iter().map(|v| v.label()).collect(),
        )
        .added_later(),
    ],
};

pub const CADRES: Sheet = Sheet {
    name: "干部",
    required: true,
    columns: &[
        col("身份证号", true, IdNumber, 22.0, ID_NOTE),
        col("姓名", true, Text, 10.0, ""),
        pick("性别", true, 6.0, "须与身份证号一致", || {
            Gender::ALL.iter().map(|v| v.label()).collect()
        }),
        col("民族", true, Text, 10.0, "如 汉族、蒙古族"),
        col("出生日期", true, Date, 12.0, "须与身份证号一致"),
        col("籍贯", false, Text, 14.0, ""),
        pick("政治面貌", true, 14.0, "", || {
            Party::ALL.iter().map(|v| v.label()).collect()
        }),
        col("入党时间", false, Date, 12.0, ""),
        col("参加工作时间", false, Date, 12.0, ""),
        pick("全日制学历", false, 12.0, "", || {
            Education::ALL.iter().map(|v| v.label()).collect()
        }),
        pick("全日制学位", false, 12.0, "", || {
            Degree::ALL.iter().map(|v| v.label()).collect()
        }),
        col("全日制院校及专业", false, Text, 28.0, ""),
        pick("在职学历", false, 12.0, "", || {
            Education::ALL.iter().map(|v| v.label()).collect()
        }),
        pick("在职学位", false, 12.0, "", || {
            Degree::ALL.iter().map(|v| v.label()).collect()
        }),
        col("在职院校及专业", false, Text, 28.0, ""),
        col(
            "专业领域",
            false,
            Text,
            14.0,
            "如 经济管理、法律、财政金融、工程技术、农业农村、教育、医疗卫生、党务",
        ),
        col("现职级", false, Text, 12.0, "如 正处级、副处级、一级调研员"),
    ],
};

pub const APPOINTMENTS: Sheet = Sheet {
    name: "任职",
    required: false,
    columns: &[
        col(
            "身份证号",
            true,
            IdNumber,
            22.0,
            "须在“干部”表中或系统中已有",
        ),
        col("职位编码", true, Text, 14.0, "须在“职位”表中或系统中已有"),
        col("任职开始", true, Date, 12.0, ""),
        col("任职结束", false, Date, 12.0, "空白表示现任"),
        pick("任职方式", false, 12.0, "", || {
            Manner::ALL.iter().map(|v| v.label()).collect()
        }),
        col("任免文号", false, Text, 20.0, ""),
    ],
};

pub const PORTFOLIOS: Sheet = Sheet {
    name: "分管",
    required: false,
    columns: &[
        col(
            "身份证号",
            true,
            IdNumber,
            22.0,
            "须在“干部”表中或系统中已有",
        ),
        col("职位编码", true, Text, 14.0, "须在“职位”表中或系统中已有"),
        col("分管工作", true, Text, 20.0, "如 财务、人事、项目建设"),
        col("开始", true, Date, 12.0, ""),
        col("结束", false, Date, 12.0, "空白表示至今"),
    ],
};

pub const TRAININGS: Sheet = Sheet {
    name: "培训",
    required: false,
    columns: &[
        col(
            "身份证号",
            true,
            IdNumber,
            22.0,
            "须在“干部”表中或系统中已有",
        ),
        col("培训名称", true, Text, 28.0, ""),
        pick("类别", true, 12.0, "", || {
            TrainingKind::ALL.iter().map(|v| v.label()).collect()
        }),
        col("开始", true, Date, 12.0, ""),
        col("结束", false, Date, 12.0, ""),
        col("学时", false, Number, 8.0, "数字，可含小数"),
    ],
};

/// The six sheets in workbook order.
pub const SHEETS: [&Sheet; 6] = [
    &UNITS,
    &POSTS,
    &CADRES,
    &APPOINTMENTS,
    &PORTFOLIOS,
    &TRAININGS,
];

/// The template's instructions sheet; the importer skips it silently.
pub const INSTRUCTIONS: &str = "说明";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_unique_within_each_sheet() {
        for s in SHEETS {
            let mut seen = std::collections::HashSet::new();
            for h in s.headers() {
                assert!(seen.insert(h), "{} repeats {h}", s.name);
            }
            assert!(s.columns.len() < 64, "column masks are u64");
        }
    }

    #[test]
    fn only_the_level_of_a_post_may_be_absent() {
        let absent: Vec<(&str, &str)> = SHEETS
            .iter()
            .flat_map(|s| s.columns.iter().map(move |c| (s.name, c)))
            .filter(|(_, c)| c.may_be_absent)
            .map(|(s, c)| (s, c.header))
            .collect();
        assert_eq!(absent, [("职位", "职务层次")]);
        // A column an old workbook may lack cannot be required.
        assert!(
            SHEETS
                .iter()
                .flat_map(|s| s.columns)
                .all(|c| !(c.may_be_absent && c.required))
        );
    }
}
