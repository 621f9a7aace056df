# Messages of the store: what a refusal names, refusals by role, conflicts with what is
# stored, accounts. Codes, logins and ID numbers are shown as they are.

## What was not found

store-not-found = 未找到：{ $what }
store-cadre = 干部（身份证号 { $id_number }）
store-appointment = 任职记录 { $id }
store-unit = 单位“{ $code }”
store-team = 班子“{ $name }”
store-post = 职位“{ $code }”
store-user = 用户“{ $login }”
store-this-record = 该记录
store-audit-entry = 审计记录不存在
store-team-not-found = 未找到该班子

## Conflicts with what is stored

store-exists = 记录已存在（{ $detail }）
store-still-referenced = 记录仍被引用或引用的记录不存在（{ $detail }）
store-reference-missing = 引用的记录不存在
store-cadre-missing = 该干部不存在
store-cadre-exists = 该身份证号的干部已存在
store-unit-code-exists = 该单位编码已存在
store-post-code-exists = 该职位编码已存在
store-parent-missing-or-cycle = 上级单位不存在或形成循环
store-parent-in-subtree = 上级单位不能是本单位或其下级单位
store-appointment-recorded = 该任职已经登记
store-appointment-ended = 该任职已经结束，不能再次免职
store-removal-not-after-start = 免职日期应晚于任职开始日期{ $start }
store-no-param = 没有名为“{ $key }”的规则参数
store-url-scheme = “{ $url }”应以 sqlite:// 或 postgres:// 开头

## Refused by role

store-forbidden-units = 只有组织部工作人员可以维护单位
store-forbidden-posts = 只有组织部工作人员可以维护职位
store-forbidden-bulk = 只有组织部工作人员可以批量录入
store-forbidden-appoint = 只有组织部工作人员可以办理任免
store-forbidden-portfolios = 只有组织部工作人员可以调整分工
store-forbidden-import = 只有组织部工作人员可以导入花名册
store-forbidden-export = 只有组织部工作人员可以导出花名册
store-forbidden-params = 只有组织部工作人员可以修改规则参数
store-forbidden-read-registry = 您的角色不能查看干部信息
store-forbidden-write-registry = 您的角色不能修改干部信息
store-own-unit-only = 您的角色只能查看本单位
store-forbidden-accounts-read = 只有系统管理员和安全管理员可以查看账号
store-forbidden-accounts-create = 只有系统管理员可以创建账号
store-forbidden-password-reset = 只有系统管理员可以重设他人密码
store-forbidden-accounts-disable = 只有系统管理员可以停用或启用账号
store-forbidden-unlock = 只有安全管理员可以解除锁定
store-forbidden-audit = 只有审计管理员可以查看审计记录

## Accounts

store-liaison-needs-unit = 单位填报员必须指定所属单位
store-unit-for-liaison-only = 只有单位填报员可以指定单位
store-login-taken = 登录名“{ $login }”已被使用
store-login-malformed = 登录名应为1到40位字母、数字或 _ . -
store-password-weak = 密码至少10位，且须同时包含字母和数字
store-cannot-disable-self = 不能停用自己的账号
store-export-too-many = 查询结果共 { $total } 人，超过一次导出的上限 { $max } 人；请先加筛选条件（单位、年龄、职级等）再导出
store-forbidden-import-lrmx = 只有组织部工作人员可以导入任免审批表
store-lrmx-has-errors = 有文件存在错误，本次导入未写入任何内容；请改正后重新预览
store-lrmx-changed = 预览之后干部信息或上传的文件已有变化，本次导入未写入任何内容；请重新预览并确认
store-forms-none = 请至少选择一名干部
store-forms-too-many = 一次最多导出或打印 { $max } 人的任免审批表，本次选择了 { $total } 人；请分批进行

# 干部选拔任用 (issue 17)
store-forbidden-selection = 只有组织部工作人员、部领导和纪检监察审核员可以查看选任案件
store-forbidden-selection-write = 只有组织部工作人员可以办理选任案件
store-selection-batch-name = 请填写批次名称
store-selection-batch-kind = 批次类别应为“换届”或“个别调整”
store-selection-no-case = 没有编号为{ $id }的选任案件
store-selection-no-cadre = 没有编号为{ $id }的干部
store-selection-concurrent = 他人刚刚办理了这个案件，请刷新后再试
store-selection-no-recommend-question = 该投票场次没有推荐题，不能作为会议推荐
store-selection-no-approve-question = 该投票场次没有赞成票题，不能作为常委会表决
store-selection-ballot-stranger = 表决票上的“{ $name }”不是本案人选
store-selection-not-their-post = 第{ $id }号任职不是该人选当时的现任职务，不能同时免去
