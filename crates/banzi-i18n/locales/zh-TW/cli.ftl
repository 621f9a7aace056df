# The command line: help (cli-cmd-<command path>, cli-arg-<command path>-<argument>),
# headings, and what the commands print.

cli-help = 顯示說明
cli-version = 顯示版本
cli-usage = 用法：
cli-commands = 命令：
cli-command = 命令
cli-arguments = 參數：
cli-options = 選項：
cli-error = 錯誤
cli-see_help = 用 --help 查看用法。

cli-cmd-banzi = 班子：領導班子建設管理系統
cli-arg-banzi-database = 資料庫位址：sqlite://檔案 或 postgres://使用者@主機/庫（也可用環境變數 BANZI_DATABASE_URL）
cli-arg-banzi-config = 設定檔（預設讀取目前目錄的 banzi.toml，如存在；也可用環境變數 BANZI_CONFIG）
cli-arg-banzi-lang = 輸出語言：zh-CN（預設）、zh-TW、en；未指定時依 LC_ALL、LANG
cli-cmd-banzi-serve = 啟動網頁服務
cli-arg-banzi-serve-listen = 監聽位址，預設 127.0.0.1:8080（也可用環境變數 BANZI_LISTEN）
cli-cmd-banzi-demo = 產生虛構的示範城市並啟動服務
cli-arg-banzi-demo-listen = 監聽位址，預設 127.0.0.1:8080（也可用環境變數 BANZI_LISTEN）
cli-arg-banzi-demo-no_serve = 只產生資料，不啟動服務
cli-cmd-banzi-user = 帳號管理
cli-cmd-banzi-user-add = 新增帳號，密碼從標準輸入讀取
cli-arg-banzi-user-add-login = 登入名稱
cli-arg-banzi-user-add-role = 角色：staff、leader、liaison、discipline、sysadmin、secadmin、auditor
cli-arg-banzi-user-add-unit = 單位編碼（單位填報員必填）
cli-arg-banzi-user-add-name = 姓名
cli-cmd-banzi-import = 匯入幹部名冊活頁簿（全部正確才寫入），或任免審批表檔案（.lrmx 或其 zip 壓縮檔，先預覽、全部正確才寫入），按檔案內容區分
cli-arg-banzi-import-file = 檔案：名冊活頁簿（.xlsx）、.lrmx 或 .lrmx 的 zip 壓縮檔
cli-arg-banzi-import-dry_run = 只預覽任免審批表（每個檔案新增、變更或錯誤），不寫入任何內容
cli-cmd-banzi-export = 匯出
cli-cmd-banzi-export-roster = 匯出完整名冊
cli-arg-banzi-export-roster-file = 寫入的活頁簿檔案（.xlsx）
cli-cmd-banzi-export-lrmx = 匯出任免審批表檔案（LRMX）
cli-arg-banzi-export-lrmx-ids = 幹部身分證號（可寫多個）
cli-arg-banzi-export-lrmx-output = 寫入的檔案：.lrmx（一人）或 .zip（多人）
cli-arg-banzi-export-lrmx-as_of = 計算年齡時間 YYYY-MM-DD，預設今天
cli-cmd-banzi-template = 寫出空白名冊範本
cli-arg-banzi-template-file = 寫入的活頁簿檔案（.xlsx）
cli-cmd-banzi-audit = 稽核紀錄
cli-cmd-banzi-audit-verify = 校驗稽核鏈，發現改動、刪除或調換時以非零狀態結束
cli-cmd-banzi-check = 結構分析預警：依規則檢查全部班子和幹部（發現問題也以 0 結束）
cli-arg-banzi-check-as_of = 檢查日期 YYYY-MM-DD，預設今天
cli-arg-banzi-check-format = 輸出格式：table（表格，預設）、json、xlsx（每個級別一個工作表）
cli-arg-banzi-check-output = 寫入檔案（xlsx 必填；預設輸出到螢幕）

cli-error-unknown-argument = 無法辨識的參數「{ $arg }」
cli-error-unknown-command = 沒有「{ $command }」這個命令
cli-error-invalid-value = 參數 { $arg } 的值「{ $value }」無效{ $listed ->
    [yes] （可選：{ $choices }）
   *[no] {""}
}
cli-error-missing-argument = 缺少必填參數：{ $arg }
cli-error-missing-command = 請指定命令
cli-error-conflict = 參數 { $arg } 不能與已給出的參數同時使用

cli-no-runtime = 無法啟動執行環境
cli-cannot-open-database = 無法開啟資料庫 { $url }
cli-cannot-read-password = 無法讀取標準輸入中的密碼
cli-cannot-read = 無法讀取 { $file }
cli-config-malformed = 設定檔 { $file } 有誤
cli-config-unreadable = 無法讀取設定檔 { $file }
cli-cannot-write = 無法寫入 { $file }
cli-cannot-listen = 無法監聽 { $addr }
cli-reader-died = 讀取活頁簿的執行緒意外中止
cli-account-created = 已建立帳號 { $login }（{ $role }）
cli-exported = 已匯出 { $units } 個單位、{ $posts } 個職位、{ $cadres } 名幹部、{ $appointments } 筆任職紀錄到 { $file }
cli-template-written = 已寫出空白範本 { $file }
cli-audit-intact = 稽核鏈完整：{ $n } 筆紀錄全部校驗通過
cli-audit-broken = 稽核鏈校驗失敗：{ $detail }
cli-writing = 寫出
cli-reading = 讀取
cli-storing = 寫入
cli-rows_template = {"{"}msg{"}"} {"{"}pos{"}"} 列 {"{"}elapsed{"}"}
cli-reading-sheet = 讀取 { $sheet }
cli-storing-sheet = 寫入 { $sheet }
cli-notice = 提示：工作表「{ $sheet }」：{ $text }
cli-imported = 匯入完成：新增或更新單位 { $units }、職位 { $posts }、幹部 { $cadres }、任職 { $appointments }、分管 { $portfolios }、培訓 { $trainings }{ $changed ->
    [no] （與資料庫一致，沒有變化）
   *[yes] {""}
}
cli-import-refused = 共 { $n } 處錯誤，未匯入任何資料。
cli-started = 班子已啟動：請在瀏覽器開啟 { $url }
cli-local-only = （僅本機可存取；會議掃碼投票需手機能存取本機，請用 --listen 0.0.0.0:{ $port } 啟動，並用區域網路位址開啟後再發放票碼）
cli-demo_written = 示範城市已寫入資料庫。
cli-demo_exists = 資料庫中已有資料，不再產生示範城市。
cli-demo-building = 正在產生示範城市：{ $units } 個單位、{ $posts } 個職位、{ $cadres } 名幹部、{ $appointments } 筆任職紀錄……
cli-demo-accounts = 示範帳號（密碼皆為 { $password }）：
cli-demo-login = { $role }{ $in_unit ->
    [yes] （{ $unit }）
   *[no] {""}
}
cli-selection-intact = 選任紀實完整：{ $n } 個案件的紀實記錄全部校驗通過
