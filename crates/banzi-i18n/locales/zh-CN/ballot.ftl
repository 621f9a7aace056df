# Messages of the ballot area (DOMAIN.md M5): the kinds of question and their marks, the
# set-up and its checks, 实到人数, a ballot's checks, and the refusals of the store and the
# pages. $question, $group and $item count from 1; names ($name) are shown as written.

## The kinds of question (R-VOTE-1) and the marks an answer gives.

ballot-kind-recommend = 推荐
ballot-kind-approve = 赞成票
ballot-kind-rate-cadre = 干部测评
ballot-kind-rate-team = 班子测评
ballot-mark-approve-yes = 同意
ballot-mark-approve-no = 不同意
ballot-mark-approve-abstain = 弃权
ballot-mark-cadre-excellent = 优秀
ballot-mark-cadre-competent = 称职
ballot-mark-cadre-basically-competent = 基本称职
ballot-mark-cadre-incompetent = 不称职
ballot-mark-team-good = 好
ballot-mark-team-fairly-good = 较好
ballot-mark-team-fair = 一般
ballot-mark-team-poor = 差

## The set-up form, as typed.

ballot-expected-not-a-number = 应到人数应为正整数
ballot-setup-group-line = 第{ $line }行应写成“名称 权重 票数”，如“班子成员 30 12”
ballot-setup-question-line = 第{ $line }行应写成“种类：题目”，种类为推荐N人、推荐N人可另提、赞成、干部测评或班子测评

## The set-up, checked whole (R-VOTE-1, R-VOTE-6).

ballot-title-required = 投票名称不能为空
ballot-title-too-long = 投票名称不能超过{ $max }个字，现为{ $n }个字
ballot-expected-zero = 应到人数应至少为1
ballot-threshold-zero-denominator = 通过比例的分母不能为0
ballot-threshold-over-one = 通过比例不能大于1，现为{ $num }/{ $den }
ballot-grade-values-increase = 各等次的分值应从好到差依次不增，现为{ $values }
ballot-groups-none = 至少应设1个评议组
ballot-groups-too-many = 评议组不能超过{ $max }个，现为{ $n }个
ballot-group-name-required = 第{ $group }个评议组的名称不能为空
ballot-group-name-twice = 评议组“{ $name }”重复
ballot-group-weight-zero = 第{ $group }个评议组的权重应至少为1
ballot-group-codes-range = 第{ $group }个评议组的投票码数应为1到{ $max }，现为{ $n }
ballot-group-weights-sum = 各评议组权重之和应为100，现为{ $sum }
ballot-questions-none = 至少应设1道题
ballot-questions-too-many = 题目不能超过{ $max }道，现为{ $n }道
ballot-question-title-required = 第{ $question }题的题目不能为空
ballot-question-options-none = 第{ $question }题至少应列出1项
ballot-question-options-too-many = 第{ $question }题最多列出{ $max }项，现为{ $n }项
ballot-question-option-name-required = 第{ $question }题第{ $item }项的名称不能为空
ballot-question-option-twice = 第{ $question }题的“{ $name }”重复列出
ballot-question-max-zero = 第{ $question }题的推荐人数应至少为1
ballot-question-max-over-listed = 第{ $question }题的推荐人数不能多于所列的{ $listed }人，现为{ $max }人
ballot-question-max-over-write-ins = 第{ $question }题的推荐人数不能多于{ $most }人（所列人数加{ $extra }），现为{ $max }人

## A ballot, from a phone or keyed in from paper (R-VOTE-5).

ballot-answers-count = 选票应有{ $want }题的答案，现为{ $got }题
ballot-answer-over-selected = 第{ $question }题最多推荐{ $max }人，您选了{ $n }人
ballot-answer-wrong-form = 第{ $question }题的答案格式不对
ballot-answer-no-such-item = 第{ $question }题没有第{ $item }项
ballot-answer-picked-twice = 第{ $question }题重复勾选了“{ $name }”
ballot-answer-write-ins-not-allowed = 第{ $question }题不能另提人选
ballot-answer-write-in-blank = 第{ $question }题另提的人选不能为空
ballot-answer-write-in-too-long = 第{ $question }题另提的人选“{ $name }”超过{ $max }个字
ballot-answer-write-in-listed = 第{ $question }题另提的“{ $name }”已在名单中，请直接勾选
ballot-answer-written-twice = 第{ $question }题重复另提了“{ $name }”
ballot-answer-mark-count = 第{ $question }题应对{ $want }项逐项选择，现为{ $got }项
ballot-answer-bad-mark = 第{ $question }题第{ $item }项的选择无效

## 实到人数, R-SEL-2's attendees: entered before opening, corrected until closing.

ballot-attended-range = 实到人数应为1到{ $expected }的整数
ballot-attended-range-is = 实到人数应为1到{ $expected }的整数，现为{ $n }
ballot-attended-range-typed = 实到人数应为1到{ $expected }的整数，现为“{ $text }”
ballot-attended-below-cast = 实到人数不能少于已投票数（{ $cast }）
ballot-attended-closed = 投票已结束，不能再修改实到人数
ballot-open-without-attended = 尚未填写实到人数，不能开始投票；请按会议签到填写实到人数
ballot-close-without-attended = 尚未填写实到人数，不能结束投票；请先按会议签到填写实到人数
ballot-close-over-attended = 已投票数（{ $cast }）多于实到人数（{ $attended }），不能结束投票；请核实实到人数

## A session's life: who may run it, its codes, opening and closing, results (R-VOTE-2..5).

ballot-staff-only = 只有组织部工作人员可以管理投票
ballot-not-found = 未找到该投票
ballot-codes-after-close = 投票已结束，不能再发放票码
ballot-open-not-draft = 只有未开始的投票可以开始
ballot-close-not-open = 只有进行中的投票可以结束
ballot-close-paper-pending = 尚有{ $n }张纸质票未计入结果，请核对计入后再结束投票
ballot-close-db-held = 有其他程序正打开着数据库（如备份工具或数据库命令行窗口），无法清除投票过程的痕迹，投票仍在进行；请关闭该程序后再结束投票
ballot-void-after-close = 投票已结束，不能再作废票码
ballot-result-before-close = 投票结束后才能查看结果
ballot-serials-form = 编号应写成“3, 5-7”的形式
ballot-void-refused-used = 该票码已投票，选票不能收回，不能作废
ballot-void-refused-unknown = 本投票没有这个编号
ballot-void-refused-already = 此前已作废
ballot-reissue-after-close = 投票已结束，不能再补发票码
ballot-reissue-unknown = 本投票没有编号{ $serial }
ballot-reissue-not-voided = 编号{ $serial }未作废，不能补发；补发前请先作废原票码
ballot-reissue-done = 编号{ $serial }已补发过，不能再次补发
ballot-reissue-group-full = 编号{ $serial }所在的评议组“{ $group }”票码已足额，无需补发

## What a voter's phone is told (R-VOTE-2, R-VOTE-4).

ballot-code-invalid = 票码无效，请核对选票上的二维码
ballot-code-voided = 该票码已作废
ballot-code-used = 该票码已投票
ballot-not-started = 投票尚未开始
ballot-over = 投票已结束
ballot-nonce-invalid = 提交标识不合规，请刷新页面后重试
ballot-code-attempts = 本设备输入无效票码次数过多，请{ $minutes }分钟后再试，或请工作人员协助

## Paper ballots, keyed in twice by two people.

ballot-paper-not-open = 只有进行中的投票可以录入纸质票
ballot-paper-seq-range = 纸质票序号应为1至{ $max }的整数
ballot-paper-group-required = 请选择评议组
ballot-paper-counted = 第{ $seq }张纸质票已计入结果，不能再修改
ballot-paper-keyed-twice = 第{ $seq }张纸质票已由两人录入，只能由录入人更正
ballot-paper-unresolved = 第{ $seqs }张纸质票尚未经两人录入一致，请先核对
ballot-paper-changed = 纸质票录入刚刚有改动，请刷新后再计入
