## 干部任免审批表 files (.lrmx) read and written (lrmx-)

# The elements of the file, by the names the printed form gives them.
lrmx-el-person = 人員（Person）
lrmx-el-xingming = 姓名
lrmx-el-xingbie = 性別
lrmx-el-chushengnianyue = 出生年月
lrmx-el-minzu = 民族
lrmx-el-jiguan = 籍貫
lrmx-el-chushengdi = 出生地
lrmx-el-rudangshijian = 入黨時間
lrmx-el-canjiagongzuoshijian = 參加工作時間
lrmx-el-jiankangzhuangkuang = 健康狀況
lrmx-el-zhuanyejishuzhiwu = 專業技術職務
lrmx-el-shuxizhuanyeyouhezhuanchang = 熟悉專業有何專長
lrmx-el-quanrizhi-xueli = 全日制教育學歷
lrmx-el-quanrizhi-xuewei = 全日制教育學位
lrmx-el-quanrizhi-xueli-yuanxiao = 全日制教育學歷的畢業院校系及專業
lrmx-el-quanrizhi-xuewei-yuanxiao = 全日制教育學位的畢業院校系及專業
lrmx-el-zaizhi-xueli = 在職教育學歷
lrmx-el-zaizhi-xuewei = 在職教育學位
lrmx-el-zaizhi-xueli-yuanxiao = 在職教育學歷的畢業院校系及專業
lrmx-el-zaizhi-xuewei-yuanxiao = 在職教育學位的畢業院校系及專業
lrmx-el-xianrenzhiwu = 現任職務
lrmx-el-nirenzhiwu = 擬任職務
lrmx-el-nimianzhiwu = 擬免職務
lrmx-el-jianli = 簡歷
lrmx-el-jiangchengqingkuang = 獎懲情況
lrmx-el-niandukaohejieguo = 年度考核結果
lrmx-el-renmianliyou = 任免理由
lrmx-el-jiatingchengyuan = 家庭主要成員及重要社會關係
lrmx-el-chengbaodanwei = 呈報單位
lrmx-el-jisuannianlingshijian = 計算年齡時間
lrmx-el-tianbiaoshijian = 填表時間
lrmx-el-tianbiaoren = 填表人
lrmx-el-shenfenzheng = 身分證號
lrmx-el-zhaopian = 照片
lrmx-el-version = 版本號
lrmx-el-gaigeqianrenzhinianlingjiexian = 改革前任職年齡界限
lrmx-el-daolingnianyue = 到齡年月
lrmx-el-item = 家庭成員
lrmx-el-item-chengwei = 稱謂
lrmx-el-item-xingming = 姓名
lrmx-el-item-chushengriqi = 出生日期
lrmx-el-item-zhengzhimianmao = 政治面貌
lrmx-el-item-gongzuodanweijizhiwu = 工作單位及職務
# An element of the n-th family member.
lrmx-family-element = 第{ $n }位家庭成員的{ $element }

# Dates and the 简历.
lrmx-date-malformed = 「{ $value }」不是日期，應寫作 YYYYMM 或 YYYYMMDD（如 199807 或 19980715）
lrmx-date-nonexistent = 日期「{ $value }」不存在
lrmx-resume-no-period = 第{ $line }行「{ $text }」沒有以起訖年月開頭（應為「1998.07--2001.09  單位及職務」）
lrmx-resume-bad-month = 第{ $line }行的年月「{ $value }」不存在
lrmx-resume-end-before-start = 第{ $line }行的截止年月 { $end } 早於起始年月 { $start }
lrmx-resume-no-text = 第{ $line }行只有起訖年月，缺少單位及職務
lrmx-resume-during-first = 第{ $line }行的「（其間：…）」之前沒有所屬的時段
lrmx-resume-during-unclosed = 第{ $line }行的「（其間：…）」沒有寫完（缺少內容或右括號）

# Reading a file: each message names the file, and the element where there is one.
lrmx-file-too-large = { $file }：檔案過大（{ $size } MB，最大 { $max } MB），不是任免審批表檔案
lrmx-not-xml = { $file }：不是任免審批表檔案（.lrmx 應為 XML 文字）
lrmx-not-utf8 = { $file }：檔案不是 UTF-8 編碼，不是任免審批表軟體儲存的 .lrmx 檔案
lrmx-doctype = { $file }：檔案含有文件類型宣告（DOCTYPE）或實體定義，任免審批表檔案不會有，為安全起見拒絕讀取
lrmx-wrong-root = { $file }：根元素是「{ $root }」而不是 Person，不是任免審批表檔案
lrmx-truncated = { $file }：檔案在「{ $element }」處中斷，不完整（可能下載或複製時被截斷），請重新匯出
lrmx-xml-broken = { $file }：「{ $element }」處的 XML 格式有誤，檔案可能已損毀
lrmx-entity-unknown = { $file }：「{ $element }」中有未定義的實體「&{ $entity };」
lrmx-old-format = { $file }：這是舊版任免審批表檔案（.lrm，2.0 版），不能直接讀入；請在任免審批表軟體中開啟後另存為 .lrmx 再匯入
lrmx-element-invalid = { $file }：{ $element }「{ $value }」有誤：{ $reason }
lrmx-element-error = { $file }：{ $element }：{ $reason }
lrmx-element-missing = { $file }：缺少{ $element }
lrmx-element-repeated = { $file }：{ $element }出現了不止一次
lrmx-element-too-long = { $file }：{ $element }過長（最多 { $max } 字）
lrmx-photo-base64 = 照片不是有效的 Base64 編碼
lrmx-not-lrmx-file = { $file }：不是 .lrmx 檔案，已略過

# A zip of many files.
lrmx-zip-broken = { $file }：壓縮檔已損毀或不是 zip 檔案
lrmx-zip-too-large = { $file }：壓縮檔過大（{ $size } MB，最大 { $max } MB），請分批匯入
lrmx-zip-too-many = { $file }：壓縮檔內檔案過多（{ $count } 個，最多 { $max } 個），請分批匯入
lrmx-zip-inflated-too-large = { $file }：壓縮檔解壓後過大（超過 { $max } MB），請分批匯入
lrmx-zip-ratio = { $file }：壓縮檔內「{ $entry }」的壓縮比異常（{ $ratio }:1，最大 { $max }:1），拒絕讀取
lrmx-zip-encrypted = { $file }：壓縮檔內「{ $entry }」已加密，請移除密碼後再匯入
lrmx-zip-compression = { $file }：壓縮檔內「{ $entry }」的壓縮方式無法讀取，請用常見的 zip 格式重新壓縮
lrmx-zip-empty = { $file }：壓縮檔內沒有 .lrmx 檔案

# An import planned before it is written.
lrmx-import-duplicate = { $file }：與「{ $others }」是同一人（身分證號相同），一次匯入中同一人只能有一個檔案；請刪去其中一個
