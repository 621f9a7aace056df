## 競爭上崗: scores, ranking and the five public notices (competition-), R-SEL-11

competition-score-empty = 請填寫分數
competition-score-malformed = 「{ $text }」不是分數，請填寫數字，如 85 或 85.5
competition-score-decimals = 分數「{ $text }」最多保留兩位小數
competition-score-out-of-range = 分數「{ $text }」應在 0 至 { $max } 之間
competition-score-over-full = { $name }的分數 { $score } 超過滿分 { $max }
competition-interview-too-few = 只有{ $count }個面試分數，去掉最高分和最低分後至少還要剩1個，需要{ $need }個

competition-title-empty = 請填寫競爭上崗名稱
competition-no-posts = 請至少設置一個職位
competition-post-title-empty = 第{ $n }個職位未填寫名稱
competition-post-no-places = 職位「{ $post }」的職數至少為1
competition-no-conditions = 請填寫報名條件：條件須在報名前公開
competition-weight-out-of-range = 筆試成績權重「{ $weight }」應在 0 至 1 之間
competition-full-marks-out-of-range = 滿分 { $value } 應大於 0、不超過 { $max }
competition-shortlist-not-more = 考察人選應多於職數（差額考察），請調整差額比例
competition-judge-name-empty = 評委姓名不能為空
competition-judge-twice = 評委「{ $judge }」填寫了兩次
competition-judges-too-few = 面試評委只有{ $count }名，去掉{ $drop }個最高分和{ $drop }個最低分至少需要{ $need }名評委

competition-not-reviewed = 以下報名人員尚未完成資格審查，暫不能計算成績：{ $names }
competition-post-unknown = { $name }報考的第{ $n }個職位不存在
competition-reason-empty = 請填寫{ $name }資格審查未通過的原因
competition-scored-not-passed = { $name }未通過資格審查，不應有成績
competition-written-missing = 以下人員還沒有筆試成績：{ $names }
competition-judge-missing = { $name }缺少以下評委的面試評分：{ $judges }。所有人員須由同一組評委評分
competition-judge-unknown = { $name }的面試評分中有不在評委名單上的評委：{ $judges }

competition-notice-date = { $date }
competition-notice-numbered = { $n }. { $text }
competition-notice-post-title = { $competition }職位公告
competition-notice-post-intro = { $competition }共設{ $posts }個職位、{ $places }個職數，具體如下：
competition-notice-conditions-title = { $competition }報名條件
competition-notice-conditions-intro = 報名人員應當具備下列條件：
competition-notice-procedure-title = { $competition }工作程序
competition-notice-procedure-intro = 本次競爭上崗按照以下程序進行：
competition-notice-process-title = { $competition }資格審查結果
competition-notice-process-counts = 共有{ $total }人報名，經資格審查，{ $passed }人符合報名條件，{ $failed }人不符合。
competition-notice-process-pending = 另有{ $n }人正在審查中。
competition-notice-process-passed = 通過資格審查的人員如下：
competition-notice-result-title = { $competition }成績公告
competition-notice-result-post = 職位：{ $post }（職數{ $places }名，考察人選{ $shortlist }名）
competition-notice-cut-tie = { $names }總成績均為 { $total }，並列第{ $rank }名，爭第{ $rank }至第{ $last }名的{ $seats }個考察名額，由組織研究確定。
competition-notice-short = 通過資格審查的只有{ $have }人，少於差額考察所需的{ $need }人。

competition-step-announce = 發佈公告，公開職位、報名條件和工作程序
competition-step-apply = 個人報名
competition-step-review = 資格審查
competition-step-written = 筆試
competition-step-interview = 結構化面試
competition-step-total = 計算總成績並排名，公佈成績
competition-step-inspect = 按差額比例確定考察人選，進行考察
competition-step-decide = 黨委（黨組）討論決定
competition-step-publicity = 任職前公示

competition-rule-interview = { $judges ->
        [0] 結構化面試由評委評分
       *[other] 結構化面試由{ $judges }名評委評分
    }，去掉{ $drop }個最高分和{ $drop }個最低分後取平均分作為面試成績。
competition-rule-total = 總成績 = 筆試成績 × { $written } + 面試成績 × { $interview }。
competition-rule-rounding = 面試成績和總成績均保留兩位小數，第三位四捨五入；按公佈的總成績排名，總成績相同的名次並列。
competition-rule-shortlist-per-place = 按職數與考察人選 1:{ $n } 的比例差額確定考察人選。
competition-rule-shortlist-extra = 考察人選比職數多{ $n }人。
competition-rule-shortlist-share = 考察人選比職數多{ $share }（向上取整，至少多1人）。
competition-rule-cut-tie = 總成績並列且跨越差額線的，由組織研究確定考察人選。

competition-col-number = 序號
competition-col-post = 職位
competition-col-places = 職數
competition-col-shortlist = 考察人選數
competition-col-name = 姓名
competition-col-rank = 名次
competition-col-written = 筆試成績
competition-col-interview = 面試成績
competition-col-total = 總成績
competition-col-remark = 備註
competition-rank-tied = { $rank }（並列）
competition-standing-shortlisted = 進入考察
competition-standing-at-cut = 並列於差額線，待研究確定

competition-pdf-glyph-missing = 公告中有字型無法顯示的字「{ $char }」（{ $code }），未產生 PDF；請核對該字，或安裝含有該字的字型
competition-pdf-font-broken = 字型檔無法嵌入 PDF（{ $detail }）
competition-pdf-too-long = 公告中有一行內容過多，縮小字號後仍排不進一頁，未產生 PDF

# 競爭上崗的錄入（案件頁）
competition-text-applicant-twice = 報名人員第{ $line }行：「{ $name }」重複
competition-text-applicant-line = 報名人員第{ $line }行「{ $text }」應寫成「姓名」「姓名 通過」或「姓名 不通過 理由」
competition-text-unknown-applicant = 第{ $line }行：「{ $name }」不在報名人員中
competition-text-written-line = 筆試成績第{ $line }行「{ $text }」應寫成「姓名 分數」
competition-text-written-twice = 筆試成績第{ $line }行：「{ $name }」的成績重複
competition-text-interview-line = 面試評分第{ $line }行「{ $text }」應寫成「評委 姓名 分數」
competition-text-interview-twice = 面試評分第{ $line }行：評委「{ $judge }」對「{ $name }」的評分重複
competition-text-score = 第{ $line }行：{ $detail }
