# Refusals of the web layer itself: the guard, forms it cannot read, who may act.

web-cross-site = 请求来源不符，已拒绝（跨站请求）
web-sign-in-first = 请先登录
web-session-timed-out = 会话已超时，请重新登录
web-form-too-large = 表单内容过大
web-form-expired = 表单已失效（安全校验未通过），请刷新页面后重试
web-liaison-without-unit = 该单位填报员账号未指定单位
web-form-unreadable = 表单内容无法识别，请刷新页面后重新填写（{ $status }）
web-query-malformed = 查询条件格式不对（例如页码应为数字）
web-staff-only = 只有组织部工作人员可以进行此操作
web-search-invalid = 查询条件有误：{ $detail }
