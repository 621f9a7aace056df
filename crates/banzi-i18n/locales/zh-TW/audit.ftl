# The audit trail: its key and anchor, masked values (R-SEC-3). Ids start with audit-.

## The command line
cli-arg-banzi-audit_key = 稽核金鑰檔（預設 banzi-audit.key；首次啟動時建立，權限 0600；也可用環境變數 BANZI_AUDIT_KEY 或設定項 audit_key）
cli-cmd-banzi-audit-head = 顯示稽核鏈頭（序號:雜湊），供記下或簽署，日後用 verify --anchor 核對
cli-arg-banzi-audit-verify-anchor = 先前由 banzi audit head 記下的「序號:雜湊」：稽核鏈須仍到達該筆且未被改寫
audit-head-note = 以上是稽核鏈頭：第 { $seq } 筆紀錄及其金鑰雜湊。請記下或簽署這一行，日後用 banzi audit verify --anchor 核對稽核紀錄沒有被截斷或改寫。
audit-head-empty = 稽核紀錄為空，尚無鏈頭可記。
audit-anchor-reached = 錨點第 { $seq } 筆仍在且未被改寫。
audit-anchor-malformed = 錨點「{ $anchor }」格式不對，應為 banzi audit head 顯示的「序號:雜湊」
## Verification
audit-anchor-missing = 稽核鏈只到第 { $found } 筆，錨點卻是第 { $expected } 筆（最新的紀錄被刪除）
audit-anchor-differs = 與記下的錨點不符（稽核鏈被改寫）
audit-trail-empty = 稽核紀錄為空，而資料庫中有資料（稽核紀錄被刪除）
## The key file
audit-key-malformed = 稽核金鑰檔 { $file } 內容不對：應為 64 位十六進位數字
audit-key-unreadable = 無法讀取稽核金鑰檔 { $file }：{ $detail }
audit-key-unwritable = 無法建立稽核金鑰檔 { $file }：{ $detail }
audit-key-exposed = 稽核金鑰檔 { $file } 的權限是 { $mode }，其他使用者可讀；請改為 600
audit-key-missing = 稽核金鑰檔 { $file } 不存在，而資料庫中的稽核鏈不是未加金鑰的完整舊鏈（{ $detail }）：它由另一把金鑰寫成或已損壞。未建立新金鑰，請找回原金鑰檔。
## The audit page
audit-masked = 個人資料（身分證號、家庭成員、考核結果、批次匯入的紀錄等）已遮蓋；檢視原文會記入稽核紀錄。
audit-reveal = 檢視原文
audit-reveal_reason = 檢視原因（選填）
audit-revealed = 以下為原文；本次檢視已記入稽核紀錄。
