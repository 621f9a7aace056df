# Messages of the ballot area (DOMAIN.md M5): the kinds of question and their marks, the
# set-up and its checks, 实到人数, a ballot's checks, and the refusals of the store and the
# pages. $question, $group and $item count from 1; names ($name) are shown as written.

## The kinds of question (R-VOTE-1) and the marks an answer gives.

ballot-kind-recommend = 推薦
ballot-kind-approve = 贊成票
ballot-kind-rate-cadre = 幹部測評
ballot-kind-rate-team = 班子測評
ballot-mark-approve-yes = 同意
ballot-mark-approve-no = 不同意
ballot-mark-approve-abstain = 棄權
ballot-mark-cadre-excellent = 優秀
ballot-mark-cadre-competent = 稱職
ballot-mark-cadre-basically-competent = 基本稱職
ballot-mark-cadre-incompetent = 不稱職
ballot-mark-team-good = 好
ballot-mark-team-fairly-good = 較好
ballot-mark-team-fair = 一般
ballot-mark-team-poor = 差

## The set-up form, as typed.

ballot-expected-not-a-number = 應到人數應為正整數
ballot-setup-group-line = 第{ $line }行應寫成「名稱 權重 票數」，如「班子成員 30 12」
ballot-setup-question-line = 第{ $line }行應寫成「種類：題目」，種類為推薦N人、推薦N人可另提、贊成、幹部測評或班子測評

## The set-up, checked whole (R-VOTE-1, R-VOTE-6).

ballot-title-required = 投票名稱不能為空
ballot-title-too-long = 投票名稱不能超過{ $max }個字，現為{ $n }個字
ballot-expected-zero = 應到人數應至少為1
ballot-threshold-zero-denominator = 通過比例的分母不能為0
ballot-threshold-over-one = 通過比例不能大於1，現為{ $num }/{ $den }
ballot-grade-values-increase = 各等次的分值應從好到差依次不增，現為{ $values }
ballot-groups-none = 至少應設1個評議組
ballot-groups-too-many = 評議組不能超過{ $max }個，現為{ $n }個
ballot-group-name-required = 第{ $group }個評議組的名稱不能為空
ballot-group-name-twice = 評議組「{ $name }」重複
ballot-group-weight-zero = 第{ $group }個評議組的權重應至少為1
ballot-group-codes-range = 第{ $group }個評議組的投票碼數應為1到{ $max }，現為{ $n }
ballot-group-weights-sum = 各評議組權重之和應為100，現為{ $sum }
ballot-questions-none = 至少應設1道題
ballot-questions-too-many = 題目不能超過{ $max }道，現為{ $n }道
ballot-question-title-required = 第{ $question }題的題目不能為空
ballot-question-options-none = 第{ $question }題至少應列出1項
ballot-question-options-too-many = 第{ $question }題最多列出{ $max }項，現為{ $n }項
ballot-question-option-name-required = 第{ $question }題第{ $item }項的名稱不能為空
ballot-question-option-twice = 第{ $question }題的「{ $name }」重複列出
ballot-question-max-zero = 第{ $question }題的推薦人數應至少為1
ballot-question-max-over-listed = 第{ $question }題的推薦人數不能多於所列的{ $listed }人，現為{ $max }人
ballot-question-max-over-write-ins = 第{ $question }題的推薦人數不能多於{ $most }人（所列人數加{ $extra }），現為{ $max }人

## A ballot, from a phone or keyed in from paper (R-VOTE-5).

ballot-answers-count = 選票應有{ $want }題的答案，現為{ $got }題
ballot-answer-over-selected = 第{ $question }題最多推薦{ $max }人，您選了{ $n }人
ballot-answer-wrong-form = 第{ $question }題的答案格式不對
ballot-answer-no-such-item = 第{ $question }題沒有第{ $item }項
ballot-answer-picked-twice = 第{ $question }題重複勾選了「{ $name }」
ballot-answer-write-ins-not-allowed = 第{ $question }題不能另提人選
ballot-answer-write-in-blank = 第{ $question }題另提的人選不能為空
ballot-answer-write-in-too-long = 第{ $question }題另提的人選「{ $name }」超過{ $max }個字
ballot-answer-write-in-listed = 第{ $question }題另提的「{ $name }」已在名單中，請直接勾選
ballot-answer-written-twice = 第{ $question }題重複另提了「{ $name }」
ballot-answer-mark-count = 第{ $question }題應對{ $want }項逐項選擇，現為{ $got }項
ballot-answer-bad-mark = 第{ $question }題第{ $item }項的選擇無效

## 实到人数, R-SEL-2's attendees: entered before opening, corrected until closing.

ballot-attended-range = 實到人數應為1到{ $expected }的整數
ballot-attended-range-is = 實到人數應為1到{ $expected }的整數，現為{ $n }
ballot-attended-range-typed = 實到人數應為1到{ $expected }的整數，現為「{ $text }」
ballot-attended-below-cast = 實到人數不能少於已投票數（{ $cast }）
ballot-attended-closed = 投票已結束，不能再修改實到人數
ballot-open-without-attended = 尚未填寫實到人數，不能開始投票；請按會議簽到填寫實到人數
ballot-close-without-attended = 尚未填寫實到人數，不能結束投票；請先按會議簽到填寫實到人數
ballot-close-over-attended = 已投票數（{ $cast }）多於實到人數（{ $attended }），不能結束投票；請核實實到人數

## A session's life: who may run it, its codes, opening and closing, results (R-VOTE-2..5).

ballot-staff-only = 只有組織部工作人員可以管理投票
ballot-not-found = 未找到該投票
ballot-codes-after-close = 投票已結束，不能再發放票碼
ballot-open-not-draft = 只有未開始的投票可以開始
ballot-close-not-open = 只有進行中的投票可以結束
ballot-close-paper-pending = 尚有{ $n }張紙質票未計入結果，請核對計入後再結束投票
ballot-close-db-held = 有其他程式正開啟著資料庫（如備份工具或資料庫命令列視窗），無法清除投票過程的痕跡，投票仍在進行；請關閉該程式後再結束投票
ballot-void-after-close = 投票已結束，不能再作廢票碼
ballot-result-before-close = 投票結束後才能檢視結果
ballot-serials-form = 編號應寫成「3, 5-7」的形式
ballot-void-refused-used = 該票碼已投票，選票不能收回，不能作廢
ballot-void-refused-unknown = 本投票沒有這個編號
ballot-void-refused-already = 此前已作廢
ballot-reissue-after-close = 投票已結束，不能再補發票碼
ballot-reissue-unknown = 本投票沒有編號{ $serial }
ballot-reissue-not-voided = 編號{ $serial }未作廢，不能補發；補發前請先作廢原票碼
ballot-reissue-done = 編號{ $serial }已補發過，不能再次補發
ballot-reissue-group-full = 編號{ $serial }所在的評議組「{ $group }」票碼已足額，無需補發

## What a voter's phone is told (R-VOTE-2, R-VOTE-4).

ballot-code-invalid = 票碼無效，請核對選票上的二維碼
ballot-code-voided = 該票碼已作廢
ballot-code-used = 該票碼已投票
ballot-not-started = 投票尚未開始
ballot-over = 投票已結束
ballot-nonce-invalid = 提交標識不合規，請重新整理頁面後重試
ballot-code-attempts = 本裝置輸入無效票碼次數過多，請{ $minutes }分鐘後再試，或請工作人員協助

## Paper ballots, keyed in twice by two people.

ballot-paper-not-open = 只有進行中的投票可以錄入紙質票
ballot-paper-seq-range = 紙質票序號應為1至{ $max }的整數
ballot-paper-group-required = 請選擇評議組
ballot-paper-counted = 第{ $seq }張紙質票已計入結果，不能再修改
ballot-paper-keyed-twice = 第{ $seq }張紙質票已由兩人錄入，只能由錄入人更正
ballot-paper-unresolved = 第{ $seqs }張紙質票尚未經兩人錄入一致，請先核對
ballot-paper-changed = 紙質票錄入剛剛有改動，請重新整理後再計入
