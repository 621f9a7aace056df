# Uploads and bodies: limits, photos, workbook parts, what a parser refused. Ids start with up-.

## The workbook's parts (banzi-io)

up-xml-doctype = 活頁簿的「{ $part }」部分含有文件類型宣告（DOCTYPE），Excel 儲存的檔案不會有這種內容，為安全起見拒絕匯入；請在 Excel 中開啟並另存為 .xlsx 後再匯入
up-xml-broken = 活頁簿的「{ $part }」部分無法解壓縮或已損毀；請在 Excel 中開啟並另存為 .xlsx 後再匯入
up-shared-strings-too-large = 活頁簿的共用字串部分（「{ $part }」）展開後需要超過 { $max } MB 記憶體，已拒絕；請把花名冊拆成幾個較小的活頁簿分別匯入
up-workbook-xml-broken = 活頁簿內部的 XML 內容已損毀，無法讀取；請在 Excel 中開啟並另存為 .xlsx 後再匯入
up-workbook-zip-broken = 活頁簿的壓縮資料已損毀，無法讀取；請重新匯出或另存檔案後再匯入
up-workbook-unreadable = 無法讀取該活頁簿；請在 Excel 中開啟並另存為 .xlsx 後再匯入
up-sheet-xml-broken = 該工作表的 XML 內容已損毀，無法讀取；請在 Excel 中開啟並另存為 .xlsx 後再匯入

## Requests and uploads (banzi-web)

up-request_malformed = 無法辨識這個請求（網址或提交的內容格式不對）。請回到上一頁，從頁面上的連結或按鈕重新操作。
up-body_too_large = 提交的內容過大，沒有儲存任何內容。
up-photo_too_large = 所選照片超過 2 MB，沒有上傳；請縮小照片後再上傳。
up-workbook_too_large = 所選檔案超過 200 MB，沒有上傳；請把花名冊拆成幾個較小的活頁簿分別匯入。
up-photo-not-image = 照片應為完整的 JPEG 或 PNG 圖片（檔案內容與圖片格式不符或已損毀）；請用看圖軟體另存為 JPEG 後再上傳
