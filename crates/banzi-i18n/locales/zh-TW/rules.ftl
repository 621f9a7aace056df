# Messages of the rules area, in zh-TW (see zh-CN/rules.ftl for the arguments). Names, post
# and team titles, 分管 work and 专业领域 are shown as they are, never converted.

## Alerts, one entry per rule and case.

# R-STRUCT-2
# A team as the alerts name it: the unit's name and the 班子名称 (data) or the generic word.
rule-team = { $unit }{ $form ->
    [named] { $team }
    [suffixed] { $team }班子
   *[none] 領導班子
}

rule-young = 截至{ $as_of }，{ $team }無{ $age }歲及以下的年輕幹部（R-STRUCT-2）
# R-STRUCT-3
rule-no-woman = 截至{ $as_of }，{ $team }無女幹部（R-STRUCT-3）
rule-no-non-cpc = { $unit }為黨外幹部必配單位，截至{ $as_of }班子成員中無黨外幹部（R-STRUCT-3）
# R-STRUCT-4
rule-seats =
    截至{ $as_of }，{ $post }職數{ $seats }名，現任{ $held }名{ $seconded ->
        [0] {""}
       *[other] （另有掛職{ $seconded }名，不佔職數）
    }，{ $state ->
        [over] 超職數配置
       *[vacant] 出缺
    }{ $n }名（R-STRUCT-4）
# R-STRUCT-5
rule-outside = 截至{ $as_of }，{ $team }現有成員{ $members }名，其中系統外交流幹部{ $outside }名，低於{ $share }（R-STRUCT-5 額位制）
# R-STRUCT-6
rule-same-field = 截至{ $as_of }，{ $team }{ $members }名成員專業領域均為{ $field }，缺乏互補（R-STRUCT-6）
rule-same-age = 截至{ $as_of }，{ $team }{ $members }名成員年齡均在{ $from }至{ $to }歲之間，缺乏互補（R-STRUCT-6）
# R-EXCH-1, R-EXCH-3, R-EXCH-4
rule-exch =
    { $name }，現任{ $post }（{ $kind }）自{ $since }起{ $reached ->
        [yes] 已於
       *[no] 將於
    }{ $due }滿{ $years }年，{ $rule ->
        [R-EXCH-1] 須交流
        [R-EXCH-4] 應當有計畫交流
       *[other] 應當交流
    }（{ $rule }）
# R-EXCH-2
rule-exch-team =
    { $name }，現任{ $post }（{ $kind }），自{ $since }起在{ $team }連續任職，{ $reached ->
        [yes] 已於
       *[no] 將於
    }{ $due }滿{ $years }年，應當交流（R-EXCH-2）
# R-EXCH-5
rule-exch-portfolio =
    { $name }，現任{ $post }，自{ $since }起分管{ $work }，{ $reached ->
        [yes] 已於
       *[no] 將於
    }{ $due }滿{ $years }年，應當調整分工（R-EXCH-5）
# R-AGE-1
rule-retire =
    { $name }（{ $gender }，{ $birth }出生）任{ $post }，法定退休年齡{ $age }歲{ $months ->
        [0] {""}
       *[other] { $months }個月
    }，屆齡年月{ $month }，{ $reached ->
        [yes] 已於
       *[no] 將於
    }{ $due }屆齡（R-AGE-1）
rule-leave =
    { $name }（{ $rank }，{ $birth }出生）任{ $post }，退出領導職務年齡{ $age }歲，屆齡年月{ $month }，{ $reached ->
        [yes] 已於
       *[no] 將於
    }{ $due }屆齡（R-AGE-1）
# R-PROB-1
rule-probation = { $name }於{ $since }以{ $manner }方式任{ $post }，試用期{ $months }個月，將於{ $due }期滿，應及時考核確認（R-PROB-1）
# R-TERM-1
rule-two-terms =
    { $name }自{ $since }起任{ $post }，{ $reached ->
        [yes] 已於
       *[no] 將於
    }{ $due }連續任職滿兩個任期（{ $years }年），不再推薦、提名或者任命擔任同一職務（R-TERM-1）
rule-level-years =
    { $name }（現任{ $post }）自{ $since }起擔任{ $level }領導職務，累計{ $reached ->
        [yes] 已於
       *[no] 將於
    }{ $due }滿{ $years }年，不再推薦、提名或者任命擔任同層次領導職務（R-TERM-1）{ $unknown ->
        [0] {""}
       *[other] ；另有{ $unknown }段任職的職位未填職務層次，未計入
    }
# R-TRAIN-1
rule-trainings = { $name }（{ $post }）{ $year }年參加專業化能力培訓{ $done }次，少於每年{ $need }次（R-TRAIN-1）
rule-county-hours = { $name }（{ $post }，縣處級以上）{ $from }年至{ $to }年參加培訓累計{ $hours }學時，少於{ $years }年{ $need }學時（R-TRAIN-1）
rule-township-hours = { $name }（{ $post }，鄉科級）{ $year }年參加培訓{ $hours }學時，少於每年{ $need }學時（R-TRAIN-1）
# R-TRAIN-2
rule-secondments = { $year }年截至{ $as_of }全市掛職鍛鍊{ $done }人次，低於年度目標{ $target }人次（R-TRAIN-2）
rule-alert = { $rule }

## The team card.

rule-card-youngest = 最年輕成員{ $age }歲
rule-card-no-members = 無成員
rule-card-one-member = 僅1名成員
rule-card-women = 女幹部{ $n }名
rule-card-non-cpc = 本單位黨外幹部{ $n }名
rule-card-seats =
    職數{ $seats }名，現任{ $held }名{ $seconded ->
        [0] {""}
       *[other] （另有掛職{ $seconded }名，不佔職數）
    }
rule-card-outside = 系統外交流{ $outside }名，共{ $members }名
rule-card-same-field-and-age = 專業領域均為{ $field }，年齡均在同一5歲段
rule-card-same-field = 專業領域均為{ $field }
rule-card-same-age = 年齡均在同一5歲段
rule-card-complementary = 專業與年齡互補

## The rule parameters.

rule-param-not-integer = 應為整數，「{ $text }」不是整數
rule-param-out-of-range =
    應在{ $min }到{ $max }{ $unit ->
        [age] 歲
        [years] 年
        [months] 個月
        [days] 天
        [hours] 學時
        [persons] 人次
        [times] 次
       *[none] {""}
    }之間，「{ $value }」超出範圍
rule-fraction-malformed = 「{ $text }」應寫成分數（如 2/3）或百分比（如 50%）
rule-fraction-out-of-range = 「{ $text }」應在0到1之間
rule-rank-age-malformed = 「{ $item }」應寫成「職級=年齡」
rule-rank-age-gender = 「{ $item }」的性別應為「男」或「女」
rule-rank-age-not-integer = 「{ $item }」中的年齡應為整數
rule-rank-age-no-rank = 「{ $item }」缺少職級
rule-rank-age-out-of-range = 「{ $item }」的年齡應在{ $min }到{ $max }歲之間
rule-rank-age-twice = 「{ $item }」重複
rule-param-twice = 規則參數「{ $key }」重複
rule-param-unknown = 未知的規則參數「{ $key }」
rule-param-wrong-kind =
    規則參數「{ $key }」不是{ $kind ->
        [integer] 整數
        [fraction] 比例
       *[yes-no] 是否項
    }

## The alert list as a workbook and on the command line.

rule-col-rule = 規則
rule-col-level = 級別
rule-col-due = 到期日期
rule-col-message = 說明
rule-check-title = 預警檢查（截至 { $as_of }）
rule-check-counts = 違規 { $violation }，預警 { $warning }，提示 { $notice }
rule-check-total = 共 { $total } 筆：{ $counts }。
rule-check-young =
    市直單位班子配有{ $age }歲以下幹部的 { $with_young }/{ $teams } 個，目標 { $target }，{ $meets ->
        [yes] 已達到
       *[no] 未達到
    }。
rule-check-written = 已寫出 { $total } 筆預警（{ $counts }）到 { $path }
rule-check-bad-date = --as-of 日期有誤：{ $reason }
rule-check-xlsx-needs-output = xlsx 格式須用 --output 指定寫入的檔案
rule-check-cannot-write = 無法寫入 { $path }
