## 干部任免审批表 printed as PDF (formpdf-): what the command line and the pages say. The
## form's own labels are not here: the form is an official Chinese document.

formpdf-print = 列印任免審批表
formpdf-print_team = 列印本班子任免審批表
formpdf-file = 幹部任免審批表
formpdf-as_of = 計算年齡時間
formpdf-appoint = 擬任職務
formpdf-remove = 擬免職務
formpdf-reason = 任免理由

formpdf-font-missing = 找不到列印任免審批表所需的字型檔 { $path }，請安裝 fonts-noto-cjk，或在設定項 form_font 中指定字型
formpdf-font-no-face = 字型檔 { $path } 中沒有「{ $family }」字型
formpdf-font-broken = 字型檔 { $path } 無法嵌入 PDF（{ $detail }）
formpdf-glyph-missing = { $name }的任免審批表中有字型無法顯示的字「{ $char }」（{ $code }），未產生 PDF；請核對該字，或安裝含有該字的字型
formpdf-photo-unreadable = { $name }的照片無法讀取，未產生 PDF；請重新上傳 JPEG 照片
formpdf-photo-png-kind = { $name }的照片是帶透明背景、16 位元或交錯掃描的 PNG，無法列印；請改傳 JPEG 照片
formpdf-too-long = { $name }的「{ $field }」內容過長，縮到最小字級仍放不下，未產生 PDF；請精簡後再列印
formpdf-none = 請至少選擇一名幹部
formpdf-too-many = 一次最多列印{ $max }人，目前選擇了{ $count }人
formpdf-unknown-cadre = 找不到幹部：{ $id }
formpdf-unknown-team = 找不到班子：{ $team }
formpdf-bad-date = 計算年齡時間「{ $value }」不是有效日期，應寫作 YYYY-MM-DD

formpdf-cli-written = 已將{ $count }人的任免審批表（共{ $pages }頁）寫入 { $path }

# The help of `banzi print form` (kept here, beside the messages of the command).
cli-cmd-banzi-print = 列印
cli-cmd-banzi-print-form = 列印幹部任免審批表：一個 PDF，每人兩頁（記入稽核）
cli-arg-banzi-print-form-ids = 幹部的身分證號或編號，可寫多個
cli-arg-banzi-print-form-output = 寫入的 PDF 檔案
cli-arg-banzi-print-form-as_of = 計算年齡時間 YYYY-MM-DD，預設今天
