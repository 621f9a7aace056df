## 信息校核: the data check of the whole registry (datacheck-)

datacheck-title = 資訊校核
datacheck-intro = 逐人核對身分證號與性別、出生日期，三齡兩歷（入黨、參加工作、任職時的年齡，簡歷的銜接與現職），以及列印任免審批表所需的資訊。
datacheck-waiting = 學歷起迄時間尚未登記，暫不核對。
datacheck-as_of = 核對日期
datacheck-cadres = 核對人數
datacheck-col_unit = 單位
datacheck-col_cadres = 人數
datacheck-col_total = 合計
datacheck-col_cadre = 姓名
datacheck-col_check = 校核項
datacheck-col_message = 問題
datacheck-all_units = 全部單位
datacheck-no_unit = 無現任職務
datacheck-findings = 問題清單
datacheck-showing = 目前篩選：
datacheck-show_all = 顯示全部
datacheck-none = 未發現問題。
datacheck-export = 匯出 Excel
datacheck-sheet_summary = 彙總
datacheck-sheet_findings = 問題清單

datacheck-check-id-gender = 身分證號與性別
datacheck-check-id-birth = 身分證號與出生日期
datacheck-check-party-age = 入黨年齡
datacheck-check-work-age = 參加工作年齡
datacheck-check-resume-reversed = 簡歷起迄顛倒
datacheck-check-resume-gap = 簡歷斷檔
datacheck-check-resume-overlap = 簡歷重疊
datacheck-check-resume-current = 簡歷與現職
datacheck-check-appointment-age = 任職年齡
datacheck-check-missing-for-print = 審批表缺項
datacheck-check-education-dates = 學歷時間

datacheck-id-gender = 性別為{ $gender }，身分證號顯示為{ $id_gender }
datacheck-id-birth = 出生日期為{ $birth }，身分證號顯示為{ $id_birth }
datacheck-party-age = 入黨時間{ $joined }早於年滿18週歲之日{ $birthday }
datacheck-work-age = 參加工作時間{ $started }早於年滿16週歲之日{ $birthday }
datacheck-resume-reversed = 簡歷「{ $text }」止於{ $end }，早於起始{ $start }
datacheck-resume-gap = 簡歷在{ $end }至{ $start }之間斷檔{ $months }個月
datacheck-resume-overlap = 簡歷「{ $first }」與「{ $second }」重疊{ $months }個月
datacheck-resume-open-unmatched = 簡歷現職「{ $text }」與現任職務不符
datacheck-resume-post-unnamed = 現任{ $unit }{ $post }（{ $start }起）未寫入簡歷現職
datacheck-appointment-age = { $start }任{ $unit }{ $post }，早於年滿18週歲之日{ $birthday }
datacheck-missing = 缺少{ $count }項：{ $fields }
datacheck-field-ethnicity = 民族
datacheck-field-native-place = 籍貫
datacheck-field-work-started = 參加工作時間
datacheck-field-party-joined = 入黨時間
datacheck-field-education = 學歷
datacheck-field-photo = 照片
datacheck-field-resume = 簡歷

datacheck-cli-title = 資訊校核（{ $as_of }）
datacheck-cli-total = 核對{ $cadres }人，發現問題{ $total }條。
datacheck-cli-written = 已將{ $total }條問題寫入{ $path }

# The help of `banzi check --data` (kept here, not in cli.ftl, beside the check it runs).
cli-arg-banzi-check-data = 資訊校核：逐人核對幹部資訊（代替預警檢查）；xlsx 為彙總與問題清單兩個工作表
datacheck-education-before-birth = 學習經歷「{ $text }」始於{ $start }，早於出生日期{ $birth }
datacheck-education-reversed = 學習經歷「{ $text }」止於{ $end }，早於起始{ $start }
datacheck-education-order = 學習經歷先後顛倒：「{ $second }」寫在「{ $first }」之後，開始卻更早
