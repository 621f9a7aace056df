# Uploads and bodies: limits, photos, workbook parts, what a parser refused. Ids start with up-.

## The workbook's parts (banzi-io)

up-xml-doctype = 活頁簿的「{ $part }」部分含有文件類型宣告（DOCTYPE），Excel 儲存的檔案不會有這種內容，為安全起見拒絕匯入；請在 Excel 中開啟並另存為 .xlsx 後再匯入
up-xml-broken = 活頁簿的「{ $part }」部分無法解壓縮或已損毀；請在 Excel 中開啟並另存為 .xlsx 後再匯入
up-shared-strings-too-large = 活頁簿的共用字串部分（「{ $part }」）展開後需要超過 { $max } MB 記憶體，已拒絕；請把花名冊拆成幾個較小的活頁簿分別匯入
up-workbook-xml-broken = 活頁簿內部的 XML 內容已損毀，無法讀取；請在 Excel 中開啟並另存為 .xlsx 後再匯入
up-workbook-zip-broken = 活頁簿的壓縮資料已損毀，無法讀取；請重新匯出或另存檔案後再匯入
up-workbook-unreadable = 無法讀取該活頁簿；請在 Excel 中開啟並另存為 .xlsx 後再匯入
up-sheet-xml-broken = 該工作表的 XML 內容已損毀，無法讀取；請在 Excel 中開啟並另存為 .xlsx 後再匯入
