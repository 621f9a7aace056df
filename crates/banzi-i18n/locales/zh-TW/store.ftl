# Messages of the store: what a refusal names, refusals by role, conflicts with what is
# stored, accounts. Codes, logins and ID numbers are shown as they are.

## What was not found

store-not-found = 找不到：{ $what }
store-cadre = 幹部（身分證號 { $id_number }）
store-appointment = 任職記錄 { $id }
store-unit = 單位「{ $code }」
store-team = 班子「{ $name }」
store-post = 職位「{ $code }」
store-user = 使用者「{ $login }」
store-this-record = 該記錄
store-audit-entry = 審計記錄不存在
store-team-not-found = 未找到該班子

## Conflicts with what is stored

store-exists = 記錄已存在（{ $detail }）
store-still-referenced = 記錄仍被引用或引用的記錄不存在（{ $detail }）
store-reference-missing = 引用的記錄不存在
store-cadre-missing = 該幹部不存在
store-cadre-exists = 該身分證號的幹部已存在
store-unit-code-exists = 該單位編碼已存在
store-post-code-exists = 該職位編碼已存在
store-parent-missing-or-cycle = 上級單位不存在或形成循環
store-parent-in-subtree = 上級單位不能是本單位或其下級單位
store-appointment-recorded = 該任職已經登記
store-appointment-ended = 該任職已經結束，不能再次免職
store-removal-not-after-start = 免職日期應晚於任職開始日期{ $start }
store-no-param = 沒有名為「{ $key }」的規則參數
store-url-scheme = 「{ $url }」應以 sqlite:// 或 postgres:// 開頭

## Refused by role

store-forbidden-units = 只有組織部工作人員可以維護單位
store-forbidden-posts = 只有組織部工作人員可以維護職位
store-forbidden-bulk = 只有組織部工作人員可以批次輸入
store-forbidden-appoint = 只有組織部工作人員可以辦理任免
store-forbidden-portfolios = 只有組織部工作人員可以調整分工
store-forbidden-import = 只有組織部工作人員可以匯入花名冊
store-forbidden-export = 只有組織部工作人員可以匯出花名冊
store-forbidden-params = 只有組織部工作人員可以修改規則參數
store-forbidden-read-registry = 您的角色不能查看幹部資訊
store-forbidden-write-registry = 您的角色不能修改幹部資訊
store-own-unit-only = 您的角色只能查看本單位
store-forbidden-accounts-read = 只有系統管理員和安全管理員可以查看帳號
store-forbidden-accounts-create = 只有系統管理員可以建立帳號
store-forbidden-password-reset = 只有系統管理員可以重設他人密碼
store-forbidden-accounts-disable = 只有系統管理員可以停用或啟用帳號
store-forbidden-unlock = 只有安全管理員可以解除鎖定
store-forbidden-audit = 只有審計管理員可以查看審計記錄

## Accounts

store-liaison-needs-unit = 單位填報員必須指定所屬單位
store-unit-for-liaison-only = 只有單位填報員可以指定單位
store-login-taken = 登入名「{ $login }」已被使用
store-login-malformed = 登入名應為1到40位字母、數字或 _ . -
store-password-weak = 密碼至少10位，且須同時包含字母和數字
store-cannot-disable-self = 不能停用自己的帳號
store-export-too-many = 查詢結果共 { $total } 人，超過一次匯出的上限 { $max } 人；請先加篩選條件（單位、年齡、職級等）再匯出
store-forbidden-import-lrmx = 只有組織部工作人員可以匯入任免審批表
store-lrmx-has-errors = 有檔案存在錯誤，本次匯入未寫入任何內容；請改正後重新預覽
store-lrmx-changed = 預覽之後幹部資訊或上傳的檔案已有變化，本次匯入未寫入任何內容；請重新預覽並確認
store-forms-none = 請至少選擇一名幹部
store-forms-too-many = 一次最多匯出或列印 { $max } 人的任免審批表，本次選擇了 { $total } 人；請分批進行

# 幹部選拔任用 (issue 17)
store-forbidden-selection = 只有組織部工作人員、部領導和紀檢監察審核員可以查看選任案件
store-forbidden-selection-write = 只有組織部工作人員可以辦理選任案件
store-selection-batch-name = 請填寫批次名稱
store-selection-batch-kind = 批次類別應為「換屆」或「個別調整」
store-selection-no-case = 沒有編號為{ $id }的選任案件
store-selection-no-cadre = 沒有編號為{ $id }的幹部
store-selection-concurrent = 他人剛剛辦理了這個案件，請重新整理後再試
store-selection-no-recommend-question = 該投票場次沒有推薦題，不能作為會議推薦
store-selection-no-approve-question = 該投票場次沒有贊成票題，不能作為常委會表決
store-selection-ballot-stranger = 表決票上的「{ $name }」不是本案人選
store-selection-not-their-post = 第{ $id }號任職不是該人選當時的現任職務，不能同時免去
