//! 规则参数: every *(param)* of DOMAIN.md M2 with its default, as data. The store keeps them
//! as (key, text) pairs, the UI edits them through [`PARAMS`], and a change applies at the
//! next evaluation.

use crate::error::{DomainError, Errors};
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

    pub fn parse(text: &str) -> Result<Fraction, String> {
        let t = text.trim();
        let bad = || format!("“{t}”应写成分数（如 2/3）或百分数（如 50%）");
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
            return Err(format!("“{t}”应在0到1之间"));
        }
        Ok(f)
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
    /// `min..=max`. Blank = none.
    RankAges,
}

/// One parameter: what the UI shows and checks.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct ParamDesc {
    pub key: &'static str,
    /// Chinese name, with the rule it belongs to.
    pub name: &'static str,
    pub rule: &'static str,
    pub kind: ParamKind,
    pub default: &'static str,
    pub min: i64,
    pub max: i64,
    /// Unit word shown after the value (岁, 年, 个月 …).
    pub unit: &'static str,
}

/// Rows of [`PARAMS`]: key, name, rule, kind, default, min, max, unit.
macro_rules! params {
    ($($key:literal, $name:literal, $rule:literal, $kind:ident, $default:literal,
       $min:literal, $max:literal, $unit:literal;)+) => {
        [$(ParamDesc {
            key: $key,
            name: $name,
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
    "struct.young_age", "年轻干部年龄上限（R-STRUCT-2“40岁左右”）", "R-STRUCT-2",
        Integer, "42", 25, 60, "岁";
    "struct.young_team_ratio", "配备年轻干部的市直单位班子比例目标（R-STRUCT-2）", "R-STRUCT-2",
        Fraction, "2/3", 0, 1, "";
    "struct.plan_age", "年度计划选拔年轻干部年龄（R-STRUCT-2，仅统计）", "R-STRUCT-2",
        Integer, "40", 25, 60, "岁";
    "struct.outside_share", "系统外交流干部占班子成员比例下限（R-STRUCT-5 额位制）", "R-STRUCT-5",
        Fraction, "1/3", 0, 1, "";
    "exch.principal_years", "正职同一职位任职年限（R-EXCH-1）", "R-EXCH-1",
        Integer, "10", 1, 50, "年";
    "exch.key_deputy_years", "纪检监察、组织、公检法单位副职同一班子任职年限（R-EXCH-2）", "R-EXCH-2",
        Integer, "10", 1, 50, "年";
    "exch.deputy_years", "其他副职同一职位任职年限（R-EXCH-3）", "R-EXCH-3",
        Integer, "10", 1, 50, "年";
    "exch.discipline_lead_years", "派驻纪检监察组组长任职年限（R-EXCH-4）", "R-EXCH-4",
        Integer, "5", 1, 50, "年";
    "exch.portfolio_years", "同一分管工作年限（R-EXCH-5）", "R-EXCH-5",
        Integer, "5", 1, 50, "年";
    "exch.lookahead_months", "交流轮岗与任期提前预警期（R-EXCH-6）", "R-EXCH-6",
        Integer, "12", 0, 120, "个月";
    "age.retire_men", "男干部原法定退休年龄（R-AGE-1）", "R-AGE-1",
        Integer, "60", 50, 70, "岁";
    "age.retire_women", "女干部原法定退休年龄（R-AGE-1）", "R-AGE-1",
        Integer, "55", 45, 70, "岁";
    "age.warning_months", "到龄提前预警期（R-AGE-1）", "R-AGE-1",
        Integer, "12", 0, 120, "个月";
    "age.leave_by_rank", "按职级退出领导岗位年龄（R-AGE-1，如“正处级=58”）", "R-AGE-1",
        RankAges, "", 30, 80, "岁";
    "prob.months", "试用期（R-PROB-1）", "R-PROB-1",
        Integer, "12", 1, 60, "个月";
    "prob.warning_months", "试用期满提前提示期（R-PROB-1）", "R-PROB-1",
        Integer, "1", 0, 12, "个月";
    "term.years", "每个任期年限（R-TERM-1）", "R-TERM-1",
        Integer, "5", 1, 20, "年";
    "term.level_years", "担任同一层次领导职务年限（R-TERM-1）", "R-TERM-1",
        Integer, "15", 1, 50, "年";
    "train.per_year", "每年专业化能力培训次数（R-TRAIN-1）", "R-TRAIN-1",
        Integer, "1", 0, 50, "次";
    "train.secondment_target", "年度挂职锻炼目标人次（R-TRAIN-2）", "R-TRAIN-2",
        Integer, "100", 0, 100000, "人次";
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
    pub retire_men: i32,
    pub retire_women: i32,
    pub age_warning_months: i32,
    /// (现职级, age) pairs; empty by default (no national table exists).
    pub leave_by_rank: Vec<(String, i32)>,
    pub probation_months: i32,
    pub probation_warning_months: i32,
    pub term_years: i16,
    pub level_years: i16,
    pub trainings_per_year: u32,
    pub secondment_target: u32,
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
            retire_men: 0,
            retire_women: 0,
            age_warning_months: 0,
            leave_by_rank: Vec::new(),
            probation_months: 0,
            probation_warning_months: 0,
            term_years: 0,
            level_years: 0,
            trainings_per_year: 0,
            secondment_target: 0,
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
    Ranks(Vec<(String, i32)>),
}

fn parse_value(d: &ParamDesc, text: &str) -> Result<Value, String> {
    let t = text.trim();
    match d.kind {
        ParamKind::Integer => {
            let n: i64 = t
                .parse()
                .map_err(|_| format!("{}应为整数，“{t}”不是整数", d.name))?;
            if n < d.min || n > d.max {
                return Err(format!(
                    "{}应在{}到{}{}之间，“{n}”超出范围",
                    d.name, d.min, d.max, d.unit
                ));
            }
            Ok(Value::Int(n))
        }
        ParamKind::Fraction => Fraction::parse(t)
            .map(Value::Frac)
            .map_err(|m| format!("{}：{m}", d.name)),
        ParamKind::RankAges => {
            let mut out: Vec<(String, i32)> = Vec::new();
            for item in t
                .split([';', '；', ',', '，', '、', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                let Some((rank, age)) = item.split_once(['=', '＝', ':', '：']) else {
                    return Err(format!("{}：“{item}”应写成“职级=年龄”", d.name));
                };
                let rank = rank.trim();
                let age: i64 = age
                    .trim()
                    .parse()
                    .map_err(|_| format!("{}：“{item}”中的年龄应为整数", d.name))?;
                if rank.is_empty() {
                    return Err(format!("{}：“{item}”缺少职级", d.name));
                }
                if age < d.min || age > d.max {
                    return Err(format!(
                        "{}：“{item}”的年龄应在{}到{}岁之间",
                        d.name, d.min, d.max
                    ));
                }
                if out.iter().any(|(r, _)| r == rank) {
                    return Err(format!("{}：职级“{rank}”重复", d.name));
                }
                out.push((rank.to_string(), age as i32));
            }
            Ok(Value::Ranks(out))
        }
    }
}

impl Params {
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
                e.add(k, format!("规则参数“{k}”重复"));
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
            "age.retire_men" => int(self.retire_men.into()),
            "age.retire_women" => int(self.retire_women.into()),
            "age.warning_months" => int(self.age_warning_months.into()),
            "age.leave_by_rank" => Some(
                self.leave_by_rank
                    .iter()
                    .map(|(r, a)| format!("{r}={a}"))
                    .collect::<Vec<_>>()
                    .join("；"),
            ),
            "prob.months" => int(self.probation_months.into()),
            "prob.warning_months" => int(self.probation_warning_months.into()),
            "term.years" => int(self.term_years.into()),
            "term.level_years" => int(self.level_years.into()),
            "train.per_year" => int(self.trainings_per_year.into()),
            "train.secondment_target" => int(self.secondment_target.into()),
            _ => None,
        }
    }

    /// Sets one parameter from its text, checked against its descriptor; the message is
    /// Chinese and names the parameter.
    pub fn set(&mut self, key: &str, text: &str) -> Result<(), String> {
        let d = describe(key).ok_or_else(|| format!("未知的规则参数“{key}”"))?;
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
                    "age.retire_men" => self.retire_men = i32v,
                    "age.retire_women" => self.retire_women = i32v,
                    "age.warning_months" => self.age_warning_months = i32v,
                    "prob.months" => self.probation_months = i32v,
                    "prob.warning_months" => self.probation_warning_months = i32v,
                    "term.years" => self.term_years = i16v,
                    "term.level_years" => self.level_years = i16v,
                    "train.per_year" => self.trainings_per_year = u32v,
                    "train.secondment_target" => self.secondment_target = u32v,
                    _ => return Err(format!("规则参数“{key}”不是整数")),
                }
            }
            Value::Frac(f) => match key {
                "struct.young_team_ratio" => self.young_team_ratio = f,
                "struct.outside_share" => self.outside_share = f,
                _ => return Err(format!("规则参数“{key}”不是比例")),
            },
            Value::Ranks(v) => self.leave_by_rank = v,
        }
        Ok(())
    }
}
