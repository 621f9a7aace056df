## 任免審批表 (LRMX) files on the pages and the command line (lrmx-web-, lrmx-cli-)

lrmx-web-title = 任免審批表檔案（LRMX）
lrmx-web-hint = 選擇一個 .lrmx 檔案，或包含多個 .lrmx 的 zip 壓縮檔。先預覽：每個檔案是新增幹部、哪些資訊會變化（原值 → 新值）、還是有錯誤；確認後才寫入，全部寫入或全部不寫入。按身分證號比對已有幹部。
lrmx-web-preview = 預覽
lrmx-web-previewing = 正在讀取…
lrmx-web-choose-file = 請先選擇 .lrmx 檔案或 zip 壓縮檔
lrmx-web-preview_head = 預覽（尚未寫入）：
lrmx-web-new = 新增
lrmx-web-update = 變更
lrmx-web-same = 無變化
lrmx-web-error = 有錯誤
lrmx-web-created = 已新增
lrmx-web-updated = 已更新
lrmx-web-nothing = 沒有需要寫入的內容。
lrmx-web-has_errors = 有檔案存在錯誤，不能匯入；請改正下列檔案後重新預覽
lrmx-web-confirm = 確認匯入
lrmx-web-confirm_hint = 將按上面的預覽寫入，並記入稽核日誌
lrmx-web-confirm_ask = 確認按預覽匯入這些任免審批表嗎？
lrmx-web-done = 匯入完成：
lrmx-web-file = 檔案
lrmx-web-person = 姓名
lrmx-web-outcome = 結果
lrmx-web-detail = 詳情
lrmx-web-export_search = 匯出任免審批表（LRMX）

# The profile's 任免審批表 box.
lrmx-web-form_title = 任免審批表
lrmx-web-form_hint = 計算年齡時間預設為今天；擬任、擬免職務和任免理由只用於本次匯出或列印，不會儲存。
lrmx-web-as_of = 計算年齡時間
lrmx-web-appoint = 擬任職務
lrmx-web-remove = 擬免職務
lrmx-web-reason = 任免理由
lrmx-web-download = 下載 LRMX 檔案
lrmx-web-print = 列印任免審批表（PDF）

# The command line.
lrmx-cli-preview-new = { $file }：新增幹部 { $name }
lrmx-cli-preview-update = { $file }：{ $name } 將變更 { $n } 項：
lrmx-cli-preview-change = { "  " }{ $field }：{ $before } → { $after }
lrmx-cli-preview-same = { $file }：{ $name } 無變化
lrmx-cli-preview-error = { $file }：
lrmx-cli-summary = 共 { $files } 個檔案：新增 { $new }，變更 { $update }，無變化 { $same }，有錯誤 { $errors }。
lrmx-cli-dry-run = 試執行（--dry-run）：未寫入任何內容。
lrmx-cli-refused = 有檔案存在錯誤，未匯入任何內容。
lrmx-cli-imported = 已匯入：新增 { $new }，變更 { $update }，無變化 { $same }。
lrmx-cli-exported = 已寫出 { $n } 人的任免審批表：{ $file }
lrmx-cli-output-kind = 輸出檔案「{ $file }」應以 .lrmx（一人）或 .zip（多人）結尾
lrmx-cli-one-per-lrmx = 一個 .lrmx 檔案只能寫一人，本次選擇了 { $n } 人；請用 .zip 輸出
lrmx-cli-dry-run-workbook = --dry-run 只用於任免審批表檔案（.lrmx 或 zip）；花名冊工作簿的匯入本身就是全部正確才寫入
