# Messages of the rules area: the alerts of DOMAIN.md M2 (banzi-domain rules/*.rs `message`),
# the team card, the checks of the rule parameters, and the alert list as a workbook and on
# the command line.
#
# Arguments: names, post and team titles, 分管 work and 专业领域 are shown as they are; 正职,
# 男, 委任, 职务层次 and 职级 are labels, translated; dates are days, `$month` a year and month.
# `$reached` is `yes` (已于) or `no` (将于).

## Alerts, one entry per rule and case.

# R-STRUCT-2
# A team as the alerts name it: the unit's name and the 班子名称 (data) or the generic word.
rule-team = { $unit }{ $form ->
    [named] { $team }
    [suffixed] { $team }班子
   *[none] 领导班子
}

rule-young = 截至{ $as_of }，{ $team }无{ $age }岁及以下的年轻干部（R-STRUCT-2）
# R-STRUCT-3
rule-no-woman = 截至{ $as_of }，{ $team }无女干部（R-STRUCT-3）
rule-no-non-cpc = { $unit }为党外干部必配单位，截至{ $as_of }班子成员中无党外干部（R-STRUCT-3）
# R-STRUCT-4: `$state` is `over` or `vacant`, by `$n`; `$seconded` hold the post by 挂职.
rule-seats =
    截至{ $as_of }，{ $post }职数{ $seats }名，现任{ $held }名{ $seconded ->
        [0] {""}
       *[other] （另有挂职{ $seconded }名，不占职数）
    }，{ $state ->
        [over] 超职数配备
       *[vacant] 空缺
    }{ $n }名（R-STRUCT-4）
# R-STRUCT-5
rule-outside = 截至{ $as_of }，{ $team }现有成员{ $members }名，其中系统外交流干部{ $outside }名，低于{ $share }（R-STRUCT-5 额位制）
# R-STRUCT-6
rule-same-field = 截至{ $as_of }，{ $team }{ $members }名成员专业领域均为{ $field }，缺乏互补（R-STRUCT-6）
rule-same-age = 截至{ $as_of }，{ $team }{ $members }名成员年龄均在{ $from }至{ $to }岁之间，缺乏互补（R-STRUCT-6）
# R-EXCH-1, R-EXCH-3, R-EXCH-4: years in the post.
rule-exch =
    { $name }，现任{ $post }（{ $kind }）自{ $since }起{ $reached ->
        [yes] 已于
       *[no] 将于
    }{ $due }满{ $years }年，{ $rule ->
        [R-EXCH-1] 须交流
        [R-EXCH-4] 应当有计划交流
       *[other] 应当交流
    }（{ $rule }）
# R-EXCH-2: years in the team.
rule-exch-team =
    { $name }，现任{ $post }（{ $kind }），自{ $since }起在{ $team }连续任职，{ $reached ->
        [yes] 已于
       *[no] 将于
    }{ $due }满{ $years }年，应当交流（R-EXCH-2）
# R-EXCH-5: years in charge of one work.
rule-exch-portfolio =
    { $name }，现任{ $post }，自{ $since }起分管{ $work }，{ $reached ->
        [yes] 已于
       *[no] 将于
    }{ $due }满{ $years }年，应当调整分工（R-EXCH-5）
# R-AGE-1: the statutory age, `$age` years and `$months` months.
rule-retire =
    { $name }（{ $gender }，{ $birth }出生）任{ $post }，法定退休年龄{ $age }岁{ $months ->
        [0] {""}
       *[other] { $months }个月
    }，到龄年月{ $month }，{ $reached ->
        [yes] 已于
       *[no] 将于
    }{ $due }到龄（R-AGE-1）
# R-AGE-1: the age for leaving leadership posts of a 职级.
rule-leave =
    { $name }（{ $rank }，{ $birth }出生）任{ $post }，退出领导岗位年龄{ $age }岁，到龄年月{ $month }，{ $reached ->
        [yes] 已于
       *[no] 将于
    }{ $due }到龄（R-AGE-1）
# R-PROB-1
rule-probation = { $name }于{ $since }以{ $manner }方式任{ $post }，试用期{ $months }个月，将于{ $due }期满，应及时考核确认（R-PROB-1）
# R-TERM-1: two terms in one post.
rule-two-terms =
    { $name }自{ $since }起任{ $post }，{ $reached ->
        [yes] 已于
       *[no] 将于
    }{ $due }连续任职满两个任期（{ $years }年），不再推荐、提名或者任命担任同一职务（R-TERM-1）
# R-TERM-1: years at one level; `$unknown` earlier appointments at posts of no level.
rule-level-years =
    { $name }（现任{ $post }）自{ $since }起担任{ $level }领导职务，累计{ $reached ->
        [yes] 已于
       *[no] 将于
    }{ $due }满{ $years }年，不再推荐、提名或者任命担任同层次领导职务（R-TERM-1）{ $unknown ->
        [0] {""}
       *[other] ；另有{ $unknown }段任职的职位未填职务层次，未计入
    }
# R-TRAIN-1
rule-trainings = { $name }（{ $post }）{ $year }年参加专业化能力培训{ $done }次，少于每年{ $need }次（R-TRAIN-1）
rule-county-hours = { $name }（{ $post }，县处级以上）{ $from }年至{ $to }年参加培训累计{ $hours }学时，少于{ $years }年{ $need }学时（R-TRAIN-1）
rule-township-hours = { $name }（{ $post }，乡科级）{ $year }年参加培训{ $hours }学时，少于每年{ $need }学时（R-TRAIN-1）
# R-TRAIN-2
rule-secondments = { $year }年截至{ $as_of }全市挂职锻炼{ $done }人次，低于年度目标{ $target }人次（R-TRAIN-2）
# An alert whose rule found nothing to name (it does not happen): the rule alone.
rule-alert = { $rule }

## The team card: what each dimension found.

rule-card-youngest = 最年轻成员{ $age }岁
rule-card-no-members = 无成员
rule-card-one-member = 仅1名成员
rule-card-women = 女干部{ $n }名
rule-card-non-cpc = 本单位党外干部{ $n }名
rule-card-seats =
    职数{ $seats }名，现任{ $held }名{ $seconded ->
        [0] {""}
       *[other] （另有挂职{ $seconded }名，不占职数）
    }
rule-card-outside = 系统外交流{ $outside }名，共{ $members }名
rule-card-same-field-and-age = 专业领域均为{ $field }，年龄均在同一5岁段
rule-card-same-field = 专业领域均为{ $field }
rule-card-same-age = 年龄均在同一5岁段
rule-card-complementary = 专业与年龄互补

## The rule parameters: shown beside the parameter's field, so they do not name it.

rule-param-not-integer = 应为整数，“{ $text }”不是整数
# `$unit`: age, years, months, days, hours, persons, times, or none.
rule-param-out-of-range =
    应在{ $min }到{ $max }{ $unit ->
        [age] 岁
        [years] 年
        [months] 个月
        [days] 天
        [hours] 学时
        [persons] 人次
        [times] 次
       *[none] {""}
    }之间，“{ $value }”超出范围
rule-fraction-malformed = “{ $text }”应写成分数（如 2/3）或百分数（如 50%）
rule-fraction-out-of-range = “{ $text }”应在0到1之间
rule-rank-age-malformed = “{ $item }”应写成“职级=年龄”
rule-rank-age-gender = “{ $item }”的性别应为“男”或“女”
rule-rank-age-not-integer = “{ $item }”中的年龄应为整数
rule-rank-age-no-rank = “{ $item }”缺少职级
rule-rank-age-out-of-range = “{ $item }”的年龄应在{ $min }到{ $max }岁之间
rule-rank-age-twice = “{ $item }”重复
rule-param-twice = 规则参数“{ $key }”重复
rule-param-unknown = 未知的规则参数“{ $key }”
rule-param-wrong-kind =
    规则参数“{ $key }”不是{ $kind ->
        [integer] 整数
        [fraction] 比例
       *[yes-no] 是否项
    }

## The alert list as a workbook (banzi-io) and on the command line (`banzi check`). The
## level names are `level-*` of ui.ftl; 单位编码, 职位编码 and 身份证号 are labels.

rule-col-rule = 规则
rule-col-level = 级别
rule-col-due = 到期日期
rule-col-message = 说明
rule-check-title = 预警检查（截至 { $as_of }）
rule-check-counts = 违规 { $violation }，预警 { $warning }，提示 { $notice }
rule-check-total = 共 { $total } 条：{ $counts }。
rule-check-young =
    市直单位班子配有{ $age }岁以下干部的 { $with_young }/{ $teams } 个，目标 { $target }，{ $meets ->
        [yes] 已达到
       *[no] 未达到
    }。
rule-check-written = 已写出 { $total } 条预警（{ $counts }）到 { $path }
rule-check-bad-date = --as-of 日期有误：{ $reason }
rule-check-xlsx-needs-output = xlsx 格式须用 --output 指定写入的文件
rule-check-cannot-write = 无法写入 { $path }
