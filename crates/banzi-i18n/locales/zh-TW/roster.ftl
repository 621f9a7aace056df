# Messages of the roster workbook: where an error is, the checks across rows and sheets,
# the reader's refusals and notices. Sheets and columns ($sheet, $column, $header) are named
# as the workbook writes them, in Chinese whatever the language, so the user finds them.

## Where

roster-at-sheet = 工作表「{ $sheet }」：{ $message }
roster-at-row = 工作表「{ $sheet }」第{ $row }列：{ $message }
roster-at-cell = 工作表「{ $sheet }」第{ $row }列「{ $column }」欄：{ $message }
roster-errors-more = 另有 { $count } 處錯誤未列出，請先更正以上錯誤後再匯入

## Across rows and sheets

roster-unit-code-repeated = 單位編碼「{ $code }」與第{ $first }列重複
roster-post-code-repeated = 職位編碼「{ $code }」與第{ $first }列重複
roster-id-number-repeated = 身分證號與第{ $first }列重複
roster-parent-cycle = 上級單位關係形成循環
roster-not-in-cadres = 該身分證號的幹部不在「干部」表中

## Sheets, headers and cells

roster-sheet-missing = 缺少工作表「{ $sheet }」
roster-sheet-ignored = 不是花名冊的工作表，已忽略
roster-sheet-unknown = 內部錯誤：未知的工作表
roster-internal = 系統內部錯誤，請聯絡系統管理員
roster-header-missing = 缺少表頭「{ $header }」（第1列須為表頭）
roster-header-repeated = 表頭「{ $header }」重複出現
roster-columns-ignored = 以下欄位不在標準範本中，已忽略：{ $columns }
roster-cell-formula = 儲存格含公式，請複製後「選擇性貼上→值」再匯入
roster-cell-error = 儲存格為錯誤值 { $value }，請更正後再匯入
roster-date-number = 日期儲存格是數字 { $value }，無法確定年月（Excel 會把 1975.10 存成數字 1975.1）；請把該欄設為文字格式，按 YYYY.MM 或 YYYY-MM-DD 填寫
roster-id-not-text = 身分證號應設定為文字格式（設為數字時 Excel 只保留15位），請將該欄設為文字後重新填寫
roster-rows-out-of-order = 工作表的列順序異常，請在 Excel 中另存一次後再匯入
roster-header-cells-repeated = 工作表結構異常（表頭儲存格重複），請在 Excel 中另存一次後再匯入
roster-sheet-too-big = 工作表範圍過大（{ $rows } 列 × { $columns } 欄；上限 { $max_rows } 列、{ $max_columns } 欄），請刪除多餘的列和欄後再匯入
roster-sheet-read-failed = 工作表讀取失敗（檔案可能已損毀），請在 Excel 中開啟並另存為 .xlsx 後再匯入
roster-sheet-unreadable = 無法讀取該工作表（檔案可能已損毀），請在 Excel 中開啟並另存為 .xlsx 後再匯入

## The file

roster-not-xlsx = 檔案不是有效的 .xlsx 活頁簿
roster-not-xlsx-compression = 檔案不是有效的 .xlsx 活頁簿（使用了不支援的壓縮方式）
roster-not-xlsx-ole = 檔案不是有效的 .xlsx 活頁簿（可能是舊版 .xls 或設定了開啟密碼的檔案），請在 Excel 中取消密碼並另存為 .xlsx 後再匯入
roster-encrypted = 活頁簿內容已加密，請取消密碼後再匯入
roster-file-too-large = 檔案過大（{ $size } MB），最大允許 { $max } MB
roster-inflated-too-large = 檔案解壓縮後超過 { $max } MB，疑似壓縮炸彈，已拒絕
roster-ratio = 檔案中有內容的壓縮比異常（{ $ratio }:1，上限 { $max }:1），疑似壓縮炸彈，已拒絕
roster-too-many-entries = 檔案包含 { $count } 個內部項目，超過上限 { $max }，不是正常的花名冊活頁簿
roster-cancelled = 匯入已取消

## The upload

roster-upload-interrupted = 上傳中斷或檔案過大（最大200MB）
roster-choose-file = 請選擇要匯入的 .xlsx 檔案
