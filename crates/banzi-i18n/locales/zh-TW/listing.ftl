## 名冊: the roster listing with chosen columns (listing-)

listing-title = 名冊
listing-intro = 按單位分組、按職務排列（正職在前，再按任現職時間、姓名拼音），欄由您選擇；年齡等按計算年齡時間計算。
listing-as_of = 計算年齡時間
listing-columns = 顯示欄
listing-show = 產生名冊
listing-export = 匯出 Excel
listing-print = 列印 PDF
listing-count = 共{ $n }人
listing-no_unit = 未任現職
listing-none = 沒有符合條件的幹部。
listing-too_many = 超過{ $n }人，請縮小查詢範圍後再產生名冊
listing-group_heading = { $unit }（共{ $n }人）
listing-heading = 幹部名冊
listing-heading_as_of = 計算年齡時間：{ $as_of }
listing-sheet = 名冊
listing-page_of = 第 { $page } 頁 共 { $pages } 頁
listing-template = 範本
listing-template_default = 預設欄
listing-template_use = 套用
listing-template_name = 範本名稱
listing-template_save = 另存為範本
listing-template_delete = 刪除範本
listing-template_delete_confirm = 確定刪除所選範本嗎？刪除後其他同事也不能再套用。
listing-template_saved = 已儲存範本「{ $name }」。
listing-template_deleted = 已刪除範本「{ $name }」。
listing-template_owner = 由{ $owner }於{ $time }儲存

listing-pdf-row-too-long = 名冊第{ $row }列內容過多，縮小字級後仍排不進一頁，未產生 PDF；請少選幾欄後再列印
listing-pdf-glyph-missing = 名冊中有字型無法顯示的字「{ $char }」（{ $code }），未產生 PDF；請核對該字，或安裝含有該字的字型
listing-pdf-font-broken = 字型檔無法嵌入 PDF（{ $detail }）

listing-group-basic = 基本資料
listing-group-post = 職務
listing-group-computed = 計算

listing-col-name = 姓名
listing-col-id_number = 身分證號
listing-col-gender = 性別
listing-col-ethnicity = 民族
listing-col-birth_date = 出生日期
listing-col-native_place = 籍貫
listing-col-party = 政治面貌
listing-col-party_joined = 入黨時間
listing-col-work_started = 參加工作時間
listing-col-ft_education = 全日制學歷
listing-col-ft_degree = 全日制學位
listing-col-ft_school = 全日制院校及專業
listing-col-pt_education = 在職學歷
listing-col-pt_degree = 在職學位
listing-col-pt_school = 在職院校及專業
listing-col-profession = 專業領域
listing-col-rank = 現職級
listing-col-unit = 單位
listing-col-team = 班子
listing-col-post = 現任職務
listing-col-post_kind = 職位類別
listing-col-post_level = 職務層次
listing-col-manner = 任職方式
listing-col-doc_no = 任職文號
listing-col-appointed = 本次任職時間
listing-col-age = 年齡
listing-col-tenure_start = 任現職時間
listing-col-level_start = 任同級時間
listing-col-retire_month = 到齡年月

listing-name-required = 請填寫範本名稱
listing-name-too-long = 範本名稱最多{ $max }個字
listing-name-control = 範本名稱不能含換行等控制字元
listing-columns-empty = 請至少選擇一欄
listing-column-unknown = 沒有「{ $key }」這一欄
listing-column-twice = 「{ $column }」欄選了兩次

store-listing-too-many = 符合條件的有{ $total }人，名冊一次最多列出{ $max }人，請縮小查詢範圍
store-listing-template-missing = 沒有名為「{ $name }」的名冊範本，可能已被刪除
store-listing-template-staff-only = 只有組織部工作人員可以儲存或刪除名冊範本

audit-action-listing_save = 儲存名冊範本
audit-action-listing_delete = 刪除名冊範本
audit-action-export_listing = 匯出名冊
audit-entity-listing_template = 名冊範本
audit-entity-listing = 名冊
audit-field-columns = 顯示欄
audit-field-owner = 儲存人
