//! 规则参数: every *(param)* of DOMAIN.md M2 with its default, as data. The store keeps them
//! as (key, text) pairs, the UI edits them through [`PARAMS`], and a change applies at the
//! next evaluation.

use crate::error::{DomainError, Errors};
use crate::message;
use crate::msg::{Arg, Msg};
use std::borrow::Cow;
use std::fmt;

/// A share compared exactly, in integers: `count / total ≥ num / den` is
/// `count * den ≥ total * num`. Written `2/3` (or `50%`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fraction {
    pub num: u32,
    pub den: u32,
}

impl Fraction {
    /// Whether `count` out of `total` reaches this share.
    pub fn reached(self, count: usize, total: usize) -> bool {
        count as u64 * u64::from(self.den) >= total as u64 * u64::from(self.num)
    }

    /// The share as people read it on a page: a percentage to one decimal, without a
    /// trailing `.0` (`1/2` → `50%`, `2/3` → `66.7%`), rounded half up (issue 15, item 9).
    pub fn percent(self) -> String {
        percent(u64::from(self.num), u64::from(self.den))
    }

    pub fn parse(text: &str) -> Result<Fraction, Msg> {
        let t = text.trim();
        let bad = || message!("rule-fraction-malformed", text = t.to_string());
        let num = |s: &str| s.trim().parse::<u32>().map_err(|_| bad());
        let f = if let Some(p) = t.strip_suffix('%').or_else(|| t.strip_suffix('％')) {
            Fraction {
                num: num(p)?,
                den: 100,
            }
        } else if let Some((a, b)) = t.split_once(['/', '／']) {
            Fraction {
                num: num(a)?,
                den: num(b)?,
            }
        } else {
            return Err(bad());
        };
        if f.den == 0 || f.num > f.den {
            return Err(message!("rule-fraction-out-of-range", text = t.to_string()));
        }
        Ok(f)
    }
}

/// `count / total` as a percentage to one decimal without a trailing `.0` (`1, 2` → `50%`,
/// `1, 3` → `33.3%`), rounded half up in integers; `—` when `total` is 0.
pub fn percent(count: u64, total: u64) -> String {
    if total == 0 {
        return "—".into();
    }
    let tenths = (count * 1000 + total / 2) / total;
    match tenths % 10 {
        0 => format!("{}%", tenths / 10),
        d => format!("{}.{d}%", tenths / 10),
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 100 {
            write!(f, "{}%", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

impl serde::Serialize for Fraction {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// How a parameter's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParamKind {
    /// A whole number in `min..=max`.
    Integer,
    /// A [`Fraction`] between 0 and 1.
    Fraction,
    /// `职级=年龄` pairs separated by `；` (or `;` `,` `，` `、` or a new line); ages in
    /// `min..=max`; `职级/女=年龄` (or `/男`) for one gender only. Blank = none.
    RankAges,
    /// 是 or 否 (also Y/N, 1/0).
    YesNo,
}

/// One parameter: what the UI shows and checks. The pages word its name and unit as
/// `param.<key>` and `param.<key>.unit` of the catalog.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct ParamDesc {
    pub key: &'static str,
    pub rule: &'static str,
    pub kind: ParamKind,
    pub default: &'static str,
    pub min: i64,
    pub max: i64,
    /// The unit of the value, a select key of the range message (`rule-param-out-of-range`):
    /// `age` (岁), `years` (年), `months` (个月), `days` (天), `hours` (学时), `persons` (人次),
    /// `times` (次), or empty.
    pub unit: &'static str,
}

/// Rows of [`PARAMS`]: key, name, rule, kind, default, min, max, unit.
macro_rules! params {
    ($($key:literal, $rule:literal, $kind:ident, $default:literal,
       $min:literal, $max:literal, $unit:literal;)+) => {
        [$(ParamDesc {
            key: $key,
            rule: $rule,
            kind: ParamKind::$kind,
            default: $default,
            min: $min,
            max: $max,
            unit: $unit,
        }),+]
    };
}

/// Every parameter, in display order.
pub const PARAMS: &[ParamDesc] = &params! {
    // 年轻干部年龄上限（R-STRUCT-2“40岁左右”）
    "struct.young_age", "R-STRUCT-2",
        Integer, "42", 25, 60, "age";
    // 配备年轻干部的市直单位班子比例目标（R-STRUCT-2）
    "struct.young_team_ratio", "R-STRUCT-2",
        Fraction, "2/3", 0, 1, "";
    // 年度计划选拔年轻干部年龄（R-STRUCT-2，仅统计）
    "struct.plan_age", "R-STRUCT-2",
        Integer, "40", 25, 60, "age";
    // 系统外交流干部占班子成员比例下限（R-STRUCT-5 额位制）
    "struct.outside_share", "R-STRUCT-5",
        Fraction, "1/3", 0, 1, "";
    // 相邻任职连续计算的最长间隔（M1 任职合并，用于各任职年限规则）
    "tenure.join_gap_days", "M1",
        Integer, "31", 0, 366, "days";
    // 正职同一职位任职年限（R-EXCH-1）
    "exch.principal_years", "R-EXCH-1",
        Integer, "10", 1, 50, "years";
    // 纪检监察、组织、公检法单位副职同一班子任职年限（R-EXCH-2）
    "exch.key_deputy_years", "R-EXCH-2",
        Integer, "10", 1, 50, "years";
    // 其他副职同一职位任职年限（R-EXCH-3）
    "exch.deputy_years", "R-EXCH-3",
        Integer, "10", 1, 50, "years";
    // 派驻纪检监察组组长任职年限（R-EXCH-4）
    "exch.discipline_lead_years", "R-EXCH-4",
        Integer, "5", 1, 50, "years";
    // 同一分管工作年限（R-EXCH-5）
    "exch.portfolio_years", "R-EXCH-5",
        Integer, "5", 1, 50, "years";
    // 交流轮岗与任期提前预警期（R-EXCH-6）
    "exch.lookahead_months", "R-EXCH-6",
        Integer, "12", 0, 120, "months";
    // 县处级及以上男干部原法定退休年龄（R-AGE-1）
    "age.retire_men_county", "R-AGE-1",
        Integer, "60", 45, 70, "age";
    // 县处级及以上男干部适用渐进式延迟退休（R-AGE-1）
    "age.delay_men_county", "R-AGE-1",
        YesNo, "是", 0, 1, "";
    // 县处级及以上女干部原法定退休年龄（R-AGE-1，中组发〔2015〕14号）
    "age.retire_women_county", "R-AGE-1",
        Integer, "60", 45, 70, "age";
    // 县处级及以上女干部适用渐进式延迟退休（R-AGE-1）
    "age.delay_women_county", "R-AGE-1",
        YesNo, "否", 0, 1, "";
    // 县处级以下男干部原法定退休年龄（R-AGE-1）
    "age.retire_men", "R-AGE-1",
        Integer, "60", 45, 70, "age";
    // 县处级以下男干部适用渐进式延迟退休（R-AGE-1）
    "age.delay_men", "R-AGE-1",
        YesNo, "是", 0, 1, "";
    // 县处级以下女干部原法定退休年龄（R-AGE-1）
    "age.retire_women", "R-AGE-1",
        Integer, "55", 45, 70, "age";
    // 县处级以下女干部适用渐进式延迟退休（R-AGE-1）
    "age.delay_women", "R-AGE-1",
        YesNo, "是", 0, 1, "";
    // 到龄提前预警期（R-AGE-1）
    "age.warning_months", "R-AGE-1",
        Integer, "12", 0, 120, "months";
    // 按职级和性别退出领导岗位年龄（R-AGE-1，如“正处级=58；正处级/女=55”）
    "age.leave_by_rank", "R-AGE-1",
        RankAges, "", 30, 80, "age";
    // 试用期（R-PROB-1）
    "prob.months", "R-PROB-1",
        Integer, "12", 1, 60, "months";
    // 试用期满提前提示期（R-PROB-1）
    "prob.warning_months", "R-PROB-1",
        Integer, "1", 0, 12, "months";
    // 每个任期年限（R-TERM-1）
    "term.years", "R-TERM-1",
        Integer, "5", 1, 20, "years";
    // 担任同一层次领导职务年限（R-TERM-1）
    "term.level_years", "R-TERM-1",
        Integer, "15", 1, 50, "years";
    // 每年专业化能力培训次数（R-TRAIN-1，按上一完整年度）
    "train.per_year", "R-TRAIN-1",
        Integer, "1", 0, 50, "times";
    // 县处级以上干部5年累计培训学时（R-TRAIN-1，2023年条例第十四条）
    "train.county_hours", "R-TRAIN-1",
        Integer, "550", 0, 10000, "hours";
    // 县处级以上干部培训学时的计算年数（R-TRAIN-1）
    "train.county_hours_years", "R-TRAIN-1",
        Integer, "5", 1, 10, "years";
    // 乡科级干部每年培训学时（R-TRAIN-1，2023年条例第十四条）
    "train.township_hours", "R-TRAIN-1",
        Integer, "90", 0, 10000, "hours";
    // 年度挂职锻炼目标人次（R-TRAIN-2）
    "train.secondment_target", "R-TRAIN-2",
        Integer, "100", 0, 100000, "persons";
    // 提任县处级领导职务的工作年限（R-SEL-6，条例第九条“五年以上工龄”）
    "sel.service_years", "R-SEL-6",
        Integer, "5", 0, 40, "years";
    // 提任县处级领导职务的基层工作经历年限（R-SEL-6，条例第九条）
    "sel.grassroots_years", "R-SEL-6",
        Integer, "2", 0, 40, "years";
    // 提任正厅级的，在副厅级岗位上的年限（R-SEL-6，条例第九条：下级副职提任上级正职2年）
    "sel.below_bureau_chief", "R-SEL-6",
        Integer, "2", 0, 20, "years";
    // 提任副厅级的，在正处级岗位上的年限（R-SEL-6，条例第九条：下级正职提任上级副职3年）
    "sel.below_bureau_deputy", "R-SEL-6",
        Integer, "3", 0, 20, "years";
    // 提任正处级的，在副处级岗位上的年限（R-SEL-6）
    "sel.below_division_chief", "R-SEL-6",
        Integer, "2", 0, 20, "years";
    // 提任副处级的，在正科级岗位上的年限（R-SEL-6）
    "sel.below_division_deputy", "R-SEL-6",
        Integer, "3", 0, 20, "years";
    // 提任正科级的，在副科级岗位上的年限（R-SEL-6）
    "sel.below_section_chief", "R-SEL-6",
        Integer, "2", 0, 20, "years";
    // 民主推荐结果的有效期（R-SEL-1，算至确定考察对象之日）
    "sel.recommend_valid_days", "R-SEL-1",
        Integer, "365", 1, 1096, "days";
    // 确定考察对象的得票比例：超过实到人数的该比例（R-SEL-2）
    "sel.candidate_share", "R-SEL-2",
        Fraction, "1/2", 0, 1, "";
    // 差额考察的差额比例：考察对象至少比职位数多该比例（向上取整，至少多1人）（R-SEL-2）
    "sel.shortlist_extra", "R-SEL-2",
        Fraction, "1/5", 0, 1, "";
    // 常委会讨论决定干部任免的到会比例（R-SEL-8，含本数）
    "sel.committee_quorum", "R-SEL-8",
        Fraction, "2/3", 0, 1, "";
    // 任前公示的工作日数（R-SEL-9）
    "sel.publicity_days", "R-SEL-9",
        Integer, "5", 1, 30, "days";
    // 竞争上岗结构化面试去掉最高分和最低分的个数（各端，R-SEL-11）
    "sel.drop_each_end", "R-SEL-11",
        Integer, "1", 0, 3, "";
    // 竞争上岗笔试成绩在总成绩中的权重（其余为面试，R-SEL-11）
    "sel.written_share", "R-SEL-11",
        Fraction, "2/5", 0, 1, "";
};

/// The parameter values, typed. [`Params::default`] is the value of DOMAIN.md.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Params {
    pub young_age: i32,
    pub young_team_ratio: Fraction,
    pub plan_age: i32,
    pub outside_share: Fraction,
    pub principal_years: i16,
    pub key_deputy_years: i16,
    pub deputy_years: i16,
    pub discipline_lead_years: i16,
    pub portfolio_years: i16,
    pub lookahead_months: i32,
    /// M1 "Joining": appointments (and 分管 rows) join when the next starts at most this many
    /// days after the previous ended.
    pub join_gap_days: u32,
    /// R-AGE-1: the original retirement age and whether the 2025 reform delays it, by
    /// [`RankGroup`] and gender: `retire[group as usize][gender as usize]`.
    pub retire: [[RetireRule; 2]; 2],
    pub age_warning_months: i32,
    /// Leaving-leadership ages: (现职级, gender or both, age); empty by default (no national
    /// table exists). A row for one gender wins over a row for both.
    pub leave_by_rank: Vec<LeaveAge>,
    pub probation_months: i32,
    pub probation_warning_months: i32,
    pub term_years: i16,
    pub level_years: i16,
    pub trainings_per_year: u32,
    /// R-TRAIN-1 hours (《干部教育培训工作条例》2023 第十四条): 县处级 and above, over
    /// `county_hours_years` complete years; 乡科级, in the last complete year.
    pub county_hours: u32,
    pub county_hours_years: u32,
    pub township_hours: u32,
    pub secondment_target: u32,
    /// R-SEL-6 任职资格 (条例第九条): years of work, of grassroots work, and, per 职务层次
    /// promoted to, at the level just below it: `below_years[level as usize]` (正厅, 副厅,
    /// 正处, 副处, 正科; none below 副科).
    pub service_years: u32,
    pub grassroots_years: u32,
    pub below_years: [u32; 5],
    /// R-SEL-1: a recommendation is valid this many days, to the day 考察对象 are
    /// determined (365: a year later is allowed, a day more is not).
    pub recommend_valid_days: u32,
    /// R-SEL-2: a name passes with votes strictly over this share of 实到.
    pub candidate_share: Fraction,
    /// R-SEL-2 差额: at least ⌈posts × share⌉ (and at least one) more 考察对象 than posts.
    pub shortlist_extra: Fraction,
    /// R-SEL-8: members present at the 常委会, this share included.
    pub committee_quorum: Fraction,
    /// R-SEL-9: working days of the 任前公示.
    pub publicity_days: u32,
    /// R-SEL-11: interview scores dropped at each end (highest and lowest).
    pub drop_each_end: u32,
    /// R-SEL-11: the written exam's weight in the total (the interview has the rest).
    pub written_share: Fraction,
}

/// The rank group that decides the retirement age (R-AGE-1) and the training hours
/// (R-TRAIN-1): 县处级 and above (正/副处级, 一级至四级调研员 and higher), or below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RankGroup {
    County = 0,
    Below = 1,
}

/// One cell of the retirement table (R-AGE-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RetireRule {
    /// The original statutory age (60, 55 …).
    pub age: i32,
    /// Whether the 2025 reform's gradual delay applies.
    pub delay: bool,
}

/// One row of the leaving-leadership table: `正处级=58` (both genders) or `正处级/女=55`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaveAge {
    pub rank: String,
    pub gender: Option<crate::codes::Gender>,
    pub age: i32,
}

impl Default for Params {
    fn default() -> Self {
        let mut p = Params {
            young_age: 0,
            young_team_ratio: Fraction { num: 0, den: 1 },
            plan_age: 0,
            outside_share: Fraction { num: 0, den: 1 },
            principal_years: 0,
            key_deputy_years: 0,
            deputy_years: 0,
            discipline_lead_years: 0,
            portfolio_years: 0,
            lookahead_months: 0,
            join_gap_days: 0,
            retire: [[RetireRule::default(); 2]; 2],
            age_warning_months: 0,
            leave_by_rank: Vec::new(),
            probation_months: 0,
            probation_warning_months: 0,
            term_years: 0,
            level_years: 0,
            trainings_per_year: 0,
            county_hours: 0,
            county_hours_years: 0,
            township_hours: 0,
            secondment_target: 0,
            service_years: 0,
            grassroots_years: 0,
            below_years: [0; 5],
            recommend_valid_days: 0,
            candidate_share: Fraction { num: 0, den: 1 },
            shortlist_extra: Fraction { num: 0, den: 1 },
            committee_quorum: Fraction { num: 0, den: 1 },
            publicity_days: 0,
            drop_each_end: 0,
            written_share: Fraction { num: 0, den: 1 },
        };
        for d in PARAMS {
            // The defaults are in range by construction (a test checks every one).
            let _ = p.set(d.key, d.default);
        }
        p
    }
}

fn describe(key: &str) -> Option<&'static ParamDesc> {
    PARAMS.iter().find(|d| d.key == key)
}

/// A value checked against its descriptor: an integer, a fraction or rank ages.
enum Value {
    Int(i64),
    Frac(Fraction),
    Ranks(Vec<LeaveAge>),
    Bool(bool),
}

/// `text` in a message: what the user typed, as it is.
fn typed(text: &str) -> Arg {
    Arg::Text(Cow::Owned(text.to_string()))
}

/// Reads `text` as the value of `d`. A message does not name the parameter: the page shows
/// it beside the parameter's field, and an error carries the key as its field.
fn parse_value(d: &ParamDesc, text: &str) -> Result<Value, Msg> {
    let t = text.trim();
    match d.kind {
        ParamKind::Integer => {
            let n: i64 = t
                .parse()
                .map_err(|_| message!("rule-param-not-integer", text = typed(t)))?;
            if n < d.min || n > d.max {
                return Err(message!(
                    "rule-param-out-of-range",
                    min = d.min,
                    max = d.max,
                    unit = d.unit,
                    value = n.to_string(),
                ));
            }
            Ok(Value::Int(n))
        }
        ParamKind::Fraction => Fraction::parse(t).map(Value::Frac),
        ParamKind::YesNo => crate::codes::yes_no(t).map(Value::Bool),
        ParamKind::RankAges => {
            let mut out: Vec<LeaveAge> = Vec::new();
            for item in t
                .split([';', '；', ',', '，', '、', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                let Some((rank, age)) = item.split_once(['=', '＝', ':', '：']) else {
                    return Err(message!("rule-rank-age-malformed", item = typed(item)));
                };
                let (rank, gender) = match rank.trim().split_once(['/', '／']) {
                    None => (rank.trim(), None),
                    Some((r, g)) => match crate::codes::Gender::parse(g) {
                        Ok(g) => (r.trim(), Some(g)),
                        Err(_) => {
                            return Err(message!("rule-rank-age-gender", item = typed(item)));
                        }
                    },
                };
                let age: i64 = age
                    .trim()
                    .parse()
                    .map_err(|_| message!("rule-rank-age-not-integer", item = typed(item)))?;
                if rank.is_empty() {
                    return Err(message!("rule-rank-age-no-rank", item = typed(item)));
                }
                if age < d.min || age > d.max {
                    return Err(message!(
                        "rule-rank-age-out-of-range",
                        item = typed(item),
                        min = d.min,
                        max = d.max,
                    ));
                }
                if out.iter().any(|x| x.rank == rank && x.gender == gender) {
                    return Err(message!("rule-rank-age-twice", item = typed(item)));
                }
                out.push(LeaveAge {
                    rank: rank.to_string(),
                    gender,
                    age: age as i32,
                });
            }
            Ok(Value::Ranks(out))
        }
    }
}

/// The 职务层次 (its place in `PostLevel::ALL`) whose years below it a key names (R-SEL-6).
fn below_index(key: &str) -> Option<usize> {
    [
        "sel.below_bureau_chief",
        "sel.below_bureau_deputy",
        "sel.below_division_chief",
        "sel.below_division_deputy",
        "sel.below_section_chief",
    ]
    .iter()
    .position(|k| *k == key)
}

/// The cell of the retirement table a key names: (group, gender, the delay flag rather than
/// the age). `age.retire_men` and `age.retire_women`, the keys before the table (2026-12-02),
/// are the group below 县处级, so values stored under them keep their meaning.
fn retire_cell(key: &str) -> Option<(RankGroup, crate::codes::Gender, bool)> {
    use crate::codes::Gender::{Female, Male};
    Some(match key {
        "age.retire_men_county" => (RankGroup::County, Male, false),
        "age.delay_men_county" => (RankGroup::County, Male, true),
        "age.retire_women_county" => (RankGroup::County, Female, false),
        "age.delay_women_county" => (RankGroup::County, Female, true),
        "age.retire_men" => (RankGroup::Below, Male, false),
        "age.delay_men" => (RankGroup::Below, Male, true),
        "age.retire_women" => (RankGroup::Below, Female, false),
        "age.delay_women" => (RankGroup::Below, Female, true),
        _ => return None,
    })
}

impl Params {
    /// The retirement rule of a cadre of `group` and `gender` (R-AGE-1).
    pub fn retire_rule(&self, group: RankGroup, gender: crate::codes::Gender) -> RetireRule {
        self.retire[group as usize][gender as usize]
    }

    /// Defaults overridden by stored (key, text) pairs; every problem is reported at once,
    /// each under its key.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: &[(K, V)],
    ) -> Result<Params, DomainError> {
        let mut p = Params::default();
        let mut e = Errors::default();
        let mut seen: Vec<&str> = Vec::new();
        for (k, v) in pairs {
            let k = k.as_ref().trim();
            if seen.contains(&k) {
                e.add(k, message!("rule-param-twice", key = typed(k)));
                continue;
            }
            seen.push(k);
            if let Err(m) = p.set(k, v.as_ref()) {
                e.add(k, m);
            }
        }
        e.into_result()?;
        Ok(p)
    }

    /// Every parameter as (key, text), in [`PARAMS`] order; `from_pairs` reads it back.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        PARAMS
            .iter()
            .map(|d| (d.key, self.get(d.key).unwrap_or_default()))
            .collect()
    }

    /// The text of one parameter.
    pub fn get(&self, key: &str) -> Option<String> {
        let int = |n: i64| Some(n.to_string());
        match key {
            "struct.young_age" => int(self.young_age.into()),
            "struct.young_team_ratio" => Some(self.young_team_ratio.to_string()),
            "struct.plan_age" => int(self.plan_age.into()),
            "struct.outside_share" => Some(self.outside_share.to_string()),
            "exch.principal_years" => int(self.principal_years.into()),
            "exch.key_deputy_years" => int(self.key_deputy_years.into()),
            "exch.deputy_years" => int(self.deputy_years.into()),
            "exch.discipline_lead_years" => int(self.discipline_lead_years.into()),
            "exch.portfolio_years" => int(self.portfolio_years.into()),
            "exch.lookahead_months" => int(self.lookahead_months.into()),
            "tenure.join_gap_days" => int(self.join_gap_days.into()),
            "age.warning_months" => int(self.age_warning_months.into()),
            "age.leave_by_rank" => Some(
                self.leave_by_rank
                    .iter()
                    .map(|x| match x.gender {
                        None => format!("{}={}", x.rank, x.age),
                        Some(g) => format!("{}/{}={}", x.rank, g.label(), x.age),
                    })
                    .collect::<Vec<_>>()
                    .join("；"),
            ),
            "prob.months" => int(self.probation_months.into()),
            "prob.warning_months" => int(self.probation_warning_months.into()),
            "term.years" => int(self.term_years.into()),
            "term.level_years" => int(self.level_years.into()),
            "train.per_year" => int(self.trainings_per_year.into()),
            "train.county_hours" => int(self.county_hours.into()),
            "train.county_hours_years" => int(self.county_hours_years.into()),
            "train.township_hours" => int(self.township_hours.into()),
            "train.secondment_target" => int(self.secondment_target.into()),
            "sel.service_years" => int(self.service_years.into()),
            "sel.grassroots_years" => int(self.grassroots_years.into()),
            k if below_index(k).is_some() => {
                int(self.below_years[below_index(k).unwrap_or(0)].into())
            }
            "sel.recommend_valid_days" => int(self.recommend_valid_days.into()),
            "sel.candidate_share" => Some(self.candidate_share.to_string()),
            "sel.shortlist_extra" => Some(self.shortlist_extra.to_string()),
            "sel.committee_quorum" => Some(self.committee_quorum.to_string()),
            "sel.publicity_days" => int(self.publicity_days.into()),
            "sel.drop_each_end" => int(self.drop_each_end.into()),
            "sel.written_share" => Some(self.written_share.to_string()),
            k => {
                let (group, gender, delay) = retire_cell(k)?;
                let cell = self.retire[group as usize][gender as usize];
                Some(if delay {
                    (if cell.delay { "是" } else { "否" }).to_string()
                } else {
                    cell.age.to_string()
                })
            }
        }
    }

    /// Sets one parameter from its text, checked against its descriptor.
    pub fn set(&mut self, key: &str, text: &str) -> Result<(), Msg> {
        let d = describe(key).ok_or_else(|| message!("rule-param-unknown", key = typed(key)))?;
        let wrong =
            |kind: &'static str| message!("rule-param-wrong-kind", key = typed(key), kind = kind);
        match parse_value(d, text)? {
            Value::Int(n) => {
                // In range of the descriptor, so these conversions hold.
                let i32v = i32::try_from(n).unwrap_or(0);
                let i16v = i16::try_from(n).unwrap_or(0);
                let u32v = u32::try_from(n).unwrap_or(0);
                match key {
                    "struct.young_age" => self.young_age = i32v,
                    "struct.plan_age" => self.plan_age = i32v,
                    "exch.principal_years" => self.principal_years = i16v,
                    "exch.key_deputy_years" => self.key_deputy_years = i16v,
                    "exch.deputy_years" => self.deputy_years = i16v,
                    "exch.discipline_lead_years" => self.discipline_lead_years = i16v,
                    "exch.portfolio_years" => self.portfolio_years = i16v,
                    "exch.lookahead_months" => self.lookahead_months = i32v,
                    "tenure.join_gap_days" => self.join_gap_days = u32v,
                    "age.warning_months" => self.age_warning_months = i32v,
                    "prob.months" => self.probation_months = i32v,
                    "prob.warning_months" => self.probation_warning_months = i32v,
                    "term.years" => self.term_years = i16v,
                    "term.level_years" => self.level_years = i16v,
                    "train.per_year" => self.trainings_per_year = u32v,
                    "train.county_hours" => self.county_hours = u32v,
                    "train.county_hours_years" => self.county_hours_years = u32v,
                    "train.township_hours" => self.township_hours = u32v,
                    "train.secondment_target" => self.secondment_target = u32v,
                    "sel.service_years" => self.service_years = u32v,
                    "sel.grassroots_years" => self.grassroots_years = u32v,
                    k if below_index(k).is_some() => {
                        self.below_years[below_index(k).unwrap_or(0)] = u32v
                    }
                    "sel.recommend_valid_days" => self.recommend_valid_days = u32v,
                    "sel.publicity_days" => self.publicity_days = u32v,
                    "sel.drop_each_end" => self.drop_each_end = u32v,
                    k => match retire_cell(k) {
                        Some((g, s, false)) => self.retire[g as usize][s as usize].age = i32v,
                        _ => return Err(wrong("integer")),
                    },
                }
            }
            Value::Frac(f) => match key {
                "struct.young_team_ratio" => self.young_team_ratio = f,
                "struct.outside_share" => self.outside_share = f,
                "sel.candidate_share" => self.candidate_share = f,
                "sel.shortlist_extra" => self.shortlist_extra = f,
                "sel.committee_quorum" => self.committee_quorum = f,
                "sel.written_share" => self.written_share = f,
                _ => return Err(wrong("fraction")),
            },
            Value::Ranks(v) => self.leave_by_rank = v,
            Value::Bool(b) => match retire_cell(key) {
                Some((g, s, true)) => self.retire[g as usize][s as usize].delay = b,
                _ => return Err(wrong("yes-no")),
            },
        }
        Ok(())
    }
}
