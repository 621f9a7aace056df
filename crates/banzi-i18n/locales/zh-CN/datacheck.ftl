## 信息校核: the data check of the whole registry (datacheck-)

datacheck-title = 信息校核
datacheck-intro = 逐人核对身份证号与性别、出生日期，三龄两历（入党、参加工作、任职时的年龄，简历的衔接与现职），以及打印任免审批表所需的信息。
datacheck-waiting = 学历起止时间尚未登记，暂不核对。
datacheck-as_of = 核对日期
datacheck-cadres = 核对人数
datacheck-col_unit = 单位
datacheck-col_cadres = 人数
datacheck-col_total = 合计
datacheck-col_cadre = 姓名
datacheck-col_check = 校核项
datacheck-col_message = 问题
datacheck-all_units = 全部单位
datacheck-no_unit = 无现任职务
datacheck-findings = 问题清单
datacheck-showing = 当前筛选：
datacheck-show_all = 显示全部
datacheck-none = 未发现问题。
datacheck-export = 导出 Excel
datacheck-sheet_summary = 汇总
datacheck-sheet_findings = 问题清单

datacheck-check-id-gender = 身份证号与性别
datacheck-check-id-birth = 身份证号与出生日期
datacheck-check-party-age = 入党年龄
datacheck-check-work-age = 参加工作年龄
datacheck-check-resume-reversed = 简历起止颠倒
datacheck-check-resume-gap = 简历断档
datacheck-check-resume-overlap = 简历重叠
datacheck-check-resume-current = 简历与现职
datacheck-check-appointment-age = 任职年龄
datacheck-check-missing-for-print = 审批表缺项
datacheck-check-education-dates = 学历时间

datacheck-id-gender = 性别为{ $gender }，身份证号显示为{ $id_gender }
datacheck-id-birth = 出生日期为{ $birth }，身份证号显示为{ $id_birth }
datacheck-party-age = 入党时间{ $joined }早于年满18周岁之日{ $birthday }
datacheck-work-age = 参加工作时间{ $started }早于年满16周岁之日{ $birthday }
datacheck-resume-reversed = 简历“{ $text }”止于{ $end }，早于起始{ $start }
datacheck-resume-gap = 简历在{ $end }至{ $start }之间断档{ $months }个月
datacheck-resume-overlap = 简历“{ $first }”与“{ $second }”重叠{ $months }个月
datacheck-resume-open-unmatched = 简历现职“{ $text }”与现任职务不符
datacheck-resume-post-unnamed = 现任{ $unit }{ $post }（{ $start }起）未写入简历现职
datacheck-appointment-age = { $start }任{ $unit }{ $post }，早于年满18周岁之日{ $birthday }
datacheck-missing = 缺少{ $count }项：{ $fields }
datacheck-field-ethnicity = 民族
datacheck-field-native-place = 籍贯
datacheck-field-work-started = 参加工作时间
datacheck-field-party-joined = 入党时间
datacheck-field-education = 学历
datacheck-field-photo = 照片
datacheck-field-resume = 简历

datacheck-cli-title = 信息校核（{ $as_of }）
datacheck-cli-total = 核对{ $cadres }人，发现问题{ $total }条。
datacheck-cli-written = 已将{ $total }条问题写入{ $path }

# The help of `banzi check --data` (kept here, not in cli.ftl, beside the check it runs).
cli-arg-banzi-check-data = 信息校核：逐人核对干部信息（代替预警检查）；xlsx 为汇总与问题清单两个工作表
datacheck-education-before-birth = 学习经历“{ $text }”始于{ $start }，早于出生日期{ $birth }
datacheck-education-reversed = 学习经历“{ $text }”止于{ $end }，早于起始{ $start }
datacheck-education-order = 学习经历先后颠倒：“{ $second }”写在“{ $first }”之后，开始却更早
