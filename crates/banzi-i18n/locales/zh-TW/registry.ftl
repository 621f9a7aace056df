# Messages of the registry area: fields of units, posts, cadres and their records, dates,
# ID numbers, vocabularies, the audit chain. Labels ($what, $gender …) are translated by the
# label catalog; what the user typed ($value) and codes are shown as they are.

## Vocabularies and fields

reg-not-a-choice = { $what }「{ $value }」不在可選範圍內（可選：{ $choices }）
reg-yes-no = 「{ $value }」應為 是 或 否
reg-role-unknown = 角色「{ $value }」不存在（可選：{ $choices }）
reg-required = 必填項不能為空
reg-too-long = 內容過長（最多200字）
reg-name-too-long = 姓名過長
reg-code-malformed = 編碼只能由字母、數字和 - _ . 組成，最多40位
reg-hours-range = 學時「{ $value }」應為0到10000的數字
reg-seats-range = 職數「{ $value }」應為1到99的整數
reg-year-four-digits = 年度應為四位數年份

## Dates

reg-date-required = 日期不能為空
reg-date-malformed = 日期「{ $value }」格式不對，應為 YYYY-MM-DD 或 YYYY.MM
reg-date-nonexistent = 日期「{ $value }」不存在
reg-month-malformed = 年月「{ $value }」格式不對，應為 YYYY.MM
reg-month-nonexistent = 年月「{ $value }」不存在
reg-to-before-from = 截止年月早於起始年月
reg-end-before-start = 結束日期早於開始日期
reg-end-not-after-start = 結束日期{ $end }應晚於開始日期{ $start }

## ID numbers and cadres

reg-id-length = 身分證號應為18位，「{ $value }」有{ $count }位
reg-id-digits = 身分證號前17位應為數字，末位為數字或X
reg-id-birth-date = 身分證號中的出生日期「{ $value }」不存在
reg-id-check-digit = 身分證號檢查碼不對（應為{ $expected }），請核對號碼
reg-gender-mismatch = 性別「{ $gender }」與身分證號不符（身分證號顯示為{ $id_gender }）
reg-birth-mismatch = 出生日期{ $birth }與身分證號不符（身分證號顯示為{ $id_birth }）
reg-work-before-birth = 參加工作時間早於出生日期
reg-joined-before-birth = 入黨時間早於出生日期

## Units, posts, appointments

reg-parent-self = 上級單位不能是本單位
reg-parent-missing = 上級單位「{ $code }」不存在
reg-unit-missing = 單位「{ $code }」不存在
reg-post-missing = 職位「{ $code }」不存在
reg-overlap = 與該幹部在此職位上已有的任職時間重疊

## The audit chain

reg-audit-entry = 第 { $seq } 筆審計記錄：{ $reason }
reg-audit-seq-gap = 序號不連續：應為 { $expected }，實為 { $found }（記錄被刪除或調換）
reg-audit-link-broken = 與前一筆記錄的連結不符（前面的記錄被刪除、調換或改動）
reg-audit-hash-mismatch = 內容與其雜湊不符（記錄被改動）
reg-audit-head-missing = 審計鏈末端應為第 { $expected } 筆，實際只到第 { $found } 筆（末尾記錄被刪除）

## The pages

reg-current-post-not-held = 所選的原任職務不屬於該幹部或已經結束
reg-unknown-record-kind = 未知的記錄類別
reg-photo = 照片
reg-photo-choose = 請選擇照片檔案
reg-photo-too-large = 照片不能超過2MB
reg-photo-format = 照片應為 JPEG 或 PNG 格式
reg-upload-unreadable = 上傳內容無法讀取
reg-age-range = 年齡「{ $value }」應為16到100之間的整數
