## 竞争上岗: scores, ranking and the five public notices (competition-), R-SEL-11

competition-score-empty = 请填写分数
competition-score-malformed = “{ $text }”不是分数，请填写数字，如 85 或 85.5
competition-score-decimals = 分数“{ $text }”最多保留两位小数
competition-score-out-of-range = 分数“{ $text }”应在 0 至 { $max } 之间
competition-score-over-full = { $name }的分数 { $score } 超过满分 { $max }
competition-interview-too-few = 只有{ $count }个面试分数，去掉最高分和最低分后至少还要剩1个，需要{ $need }个

competition-title-empty = 请填写竞争上岗名称
competition-no-posts = 请至少设置一个职位
competition-post-title-empty = 第{ $n }个职位未填写名称
competition-post-no-places = 职位“{ $post }”的职数至少为1
competition-no-conditions = 请填写报名条件：条件须在报名前公开
competition-weight-out-of-range = 笔试成绩权重“{ $weight }”应在 0 至 1 之间
competition-full-marks-out-of-range = 满分 { $value } 应大于 0、不超过 { $max }
competition-shortlist-not-more = 考察人选应多于职数（差额考察），请调整差额比例
competition-judge-name-empty = 评委姓名不能为空
competition-judge-twice = 评委“{ $judge }”填写了两次
competition-judges-too-few = 面试评委只有{ $count }名，去掉{ $drop }个最高分和{ $drop }个最低分至少需要{ $need }名评委

competition-not-reviewed = 以下报名人员尚未完成资格审查，暂不能计算成绩：{ $names }
competition-post-unknown = { $name }报考的第{ $n }个职位不存在
competition-reason-empty = 请填写{ $name }资格审查未通过的原因
competition-scored-not-passed = { $name }未通过资格审查，不应有成绩
competition-written-missing = 以下人员还没有笔试成绩：{ $names }
competition-judge-missing = { $name }缺少以下评委的面试评分：{ $judges }。所有人员须由同一组评委评分
competition-judge-unknown = { $name }的面试评分中有不在评委名单上的评委：{ $judges }

competition-notice-date = { $date }
competition-notice-numbered = { $n }. { $text }
competition-notice-post-title = { $competition }职位公告
competition-notice-post-intro = { $competition }共设{ $posts }个职位、{ $places }个职数，具体如下：
competition-notice-conditions-title = { $competition }报名条件
competition-notice-conditions-intro = 报名人员应当具备下列条件：
competition-notice-procedure-title = { $competition }工作程序
competition-notice-procedure-intro = 本次竞争上岗按照以下程序进行：
competition-notice-process-title = { $competition }资格审查结果
competition-notice-process-counts = 共有{ $total }人报名，经资格审查，{ $passed }人符合报名条件，{ $failed }人不符合。
competition-notice-process-pending = 另有{ $n }人正在审查中。
competition-notice-process-passed = 通过资格审查的人员如下：
competition-notice-result-title = { $competition }成绩公告
competition-notice-result-post = 职位：{ $post }（职数{ $places }名，考察人选{ $shortlist }名）
competition-notice-cut-tie = { $names }总成绩均为 { $total }，并列第{ $rank }名，争第{ $rank }至第{ $last }名的{ $seats }个考察名额，由组织研究确定。
competition-notice-short = 通过资格审查的只有{ $have }人，少于差额考察所需的{ $need }人。

competition-step-announce = 发布公告，公开职位、报名条件和工作程序
competition-step-apply = 个人报名
competition-step-review = 资格审查
competition-step-written = 笔试
competition-step-interview = 结构化面试
competition-step-total = 计算总成绩并排名，公布成绩
competition-step-inspect = 按差额比例确定考察人选，进行考察
competition-step-decide = 党委（党组）讨论决定
competition-step-publicity = 任职前公示

competition-rule-interview = { $judges ->
        [0] 结构化面试由评委评分
       *[other] 结构化面试由{ $judges }名评委评分
    }，去掉{ $drop }个最高分和{ $drop }个最低分后取平均分作为面试成绩。
competition-rule-total = 总成绩 = 笔试成绩 × { $written } + 面试成绩 × { $interview }。
competition-rule-rounding = 面试成绩和总成绩均保留两位小数，第三位四舍五入；按公布的总成绩排名，总成绩相同的名次并列。
competition-rule-shortlist-per-place = 按职数与考察人选 1:{ $n } 的比例差额确定考察人选。
competition-rule-shortlist-extra = 考察人选比职数多{ $n }人。
competition-rule-shortlist-share = 考察人选比职数多{ $share }（向上取整，至少多1人）。
competition-rule-cut-tie = 总成绩并列且跨越差额线的，由组织研究确定考察人选。

competition-col-number = 序号
competition-col-post = 职位
competition-col-places = 职数
competition-col-shortlist = 考察人选数
competition-col-name = 姓名
competition-col-rank = 名次
competition-col-written = 笔试成绩
competition-col-interview = 面试成绩
competition-col-total = 总成绩
competition-col-remark = 备注
competition-rank-tied = { $rank }（并列）
competition-standing-shortlisted = 进入考察
competition-standing-at-cut = 并列于差额线，待研究确定

competition-pdf-glyph-missing = 公告中有字体无法显示的字“{ $char }”（{ $code }），未生成 PDF；请核对该字，或安装含有该字的字体
competition-pdf-font-broken = 字体文件无法嵌入 PDF（{ $detail }）
competition-pdf-too-long = 公告中有一行内容过多，缩小字号后仍排不进一页，未生成 PDF

# 竞争上岗的录入（案件页）
competition-text-applicant-twice = 报名人员第{ $line }行：“{ $name }”重复
competition-text-applicant-line = 报名人员第{ $line }行“{ $text }”应写成“姓名”“姓名 通过”或“姓名 不通过 理由”
competition-text-unknown-applicant = 第{ $line }行：“{ $name }”不在报名人员中
competition-text-written-line = 笔试成绩第{ $line }行“{ $text }”应写成“姓名 分数”
competition-text-written-twice = 笔试成绩第{ $line }行：“{ $name }”的成绩重复
competition-text-interview-line = 面试评分第{ $line }行“{ $text }”应写成“评委 姓名 分数”
competition-text-interview-twice = 面试评分第{ $line }行：评委“{ $judge }”对“{ $name }”的评分重复
competition-text-score = 第{ $line }行：{ $detail }
