## the ballot session pages (meeting-): interface text, not ballot messages

## Opening and closing a session: the question asked first, and what was done.
meeting-open_ask = 開始「{ $title }」的投票：開始後即可用票碼投票，不能退回未開始狀態。確定開始嗎？
meeting-close_ask = 結束「{ $title }」的投票：結束後不能再投票，也不能再作廢或補發票碼，可以檢視結果。確定結束嗎？
meeting-done_open = 「{ $title }」已開始投票
meeting-done_close = 「{ $title }」已結束投票，可以檢視結果

## 作废 and 补发 of codes (issue 15, item 4).
meeting-void_report = 「{ $title }」的票碼作廢結果：
meeting-void_voided = 已作廢：編號{ $serials }。這些票碼不能再投票，可在下方補發新票碼。
meeting-void_refused = 編號{ $serial }未作廢：{ $reason }
meeting-awaiting = 已作廢、待補發的票碼
meeting-awaiting_help = 每個作廢的編號可補發一張新票碼，屬於同一評議組。新票碼在新開啟的頁面上只顯示一次，請當即列印。
meeting-reissue = 補發
meeting-reissue_all = 全部補發
meeting-reissue_ask = 為「{ $title }」的編號{ $serials }補發{ $n }張新票碼，各屬原票碼的評議組。新票碼只顯示一次，請在開啟的頁面上列印；原票碼仍作廢。記入審計，不能撤回。確定補發嗎？
meeting-reissued = 已為「{ $title }」補發{ $n }張新票碼，替代作廢的編號{ $serials }。請現在列印。
meeting-replaces = 補發，替代編號{ $serial }

## The big screen once the vote is closed.
meeting-screen_closed = 投票已結束
meeting-screen_results = 大螢幕不顯示投票結果。「{ $title }」的結果由組織部工作人員在系統的投票結果頁（{ $address }）檢視並依程序公布；如有疑問，請向會議工作人員詢問。
