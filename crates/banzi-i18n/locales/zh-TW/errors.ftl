# Refusals of the web layer itself: the guard, forms it cannot read, who may act.

web-cross-site = 請求來源不符，已拒絕（跨站請求）
web-sign-in-first = 請先登入
web-session-timed-out = 工作階段已逾時，請重新登入
web-form-too-large = 表單內容過大
web-form-expired = 表單已失效（安全驗證未通過），請重新整理頁面後重試
web-liaison-without-unit = 該單位填報員帳號未指定單位
web-form-unreadable = 表單內容無法辨識，請重新整理頁面後重新填寫（{ $status }）
web-query-malformed = 查詢條件格式不對（例如頁碼應為數字）
web-staff-only = 只有組織部工作人員可以進行此操作
web-search-invalid = 查詢條件有誤：{ $detail }
