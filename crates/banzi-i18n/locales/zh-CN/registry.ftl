# Messages of the registry area: fields of units, posts, cadres and their records, dates,
# ID numbers, vocabularies, the audit chain. Labels ($what, $gender …) are translated by the
# label catalog; what the user typed ($value) and codes are shown as they are.

## Vocabularies and fields

reg-not-a-choice = { $what }“{ $value }”不在可选范围内（可选：{ $choices }）
reg-yes-no = “{ $value }”应为 是 或 否
reg-role-unknown = 角色“{ $value }”不存在（可选：{ $choices }）
reg-required = 必填项不能为空
reg-too-long = 内容过长（最多200字）
reg-name-too-long = 姓名过长
reg-code-malformed = 编码只能由字母、数字和 - _ . 组成，最多40位
reg-hours-range = 学时“{ $value }”应为0到10000的数字
reg-seats-range = 职数“{ $value }”应为1到99的整数
reg-year-four-digits = 年度应为四位年份

## Dates

reg-date-required = 日期不能为空
reg-date-malformed = 日期“{ $value }”格式不对，应为 YYYY-MM-DD 或 YYYY.MM
reg-date-nonexistent = 日期“{ $value }”不存在
reg-month-malformed = 年月“{ $value }”格式不对，应为 YYYY.MM
reg-month-nonexistent = 年月“{ $value }”不存在
reg-to-before-from = 截止年月早于起始年月
reg-end-before-start = 结束日期早于开始日期
reg-end-not-after-start = 结束日期{ $end }应晚于开始日期{ $start }

## ID numbers and cadres

reg-id-length = 身份证号应为18位，“{ $value }”有{ $count }位
reg-id-digits = 身份证号前17位应为数字，末位为数字或X
reg-id-birth-date = 身份证号中的出生日期“{ $value }”不存在
reg-id-check-digit = 身份证号校验位不对（应为{ $expected }），请核对号码
reg-gender-mismatch = 性别“{ $gender }”与身份证号不符（身份证号显示为{ $id_gender }）
reg-birth-mismatch = 出生日期{ $birth }与身份证号不符（身份证号显示为{ $id_birth }）
reg-work-before-birth = 参加工作时间早于出生日期
reg-joined-before-birth = 入党时间早于出生日期

## Units, posts, appointments

reg-parent-self = 上级单位不能是本单位
reg-parent-missing = 上级单位“{ $code }”不存在
reg-unit-missing = 单位“{ $code }”不存在
reg-post-missing = 职位“{ $code }”不存在
reg-overlap = 与该干部在此职位上已有的任职时间重叠

## The audit chain

reg-audit-entry = 第 { $seq } 条审计记录：{ $reason }
reg-audit-seq-gap = 序号不连续：应为 { $expected }，实为 { $found }（记录被删除或调换）
reg-audit-link-broken = 与前一条记录的链接不符（前面的记录被删除、调换或改动）
reg-audit-hash-mismatch = 内容与其哈希不符（记录被改动）
reg-audit-head-missing = 审计链末端应为第 { $expected } 条，实际只到第 { $found } 条（末尾记录被删除）

## The pages

reg-current-post-not-held = 所选的原任职务不属于该干部或已经结束
reg-unknown-record-kind = 未知的记录类别
reg-photo = 照片
reg-photo-choose = 请选择照片文件
reg-photo-too-large = 照片不能超过2MB
reg-photo-format = 照片应为 JPEG 或 PNG 格式
reg-upload-unreadable = 上传内容无法读取
reg-age-range = 年龄“{ $value }”应为16到100之间的整数
