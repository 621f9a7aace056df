## the ballot session pages (meeting-): interface text, not ballot messages

## Opening and closing a session: the question asked first, and what was done.
meeting-open_ask = 开始“{ $title }”的投票：开始后即可用票码投票，不能退回未开始状态。确定开始吗？
meeting-close_ask = 结束“{ $title }”的投票：结束后不能再投票，也不能再作废或补发票码，可以查看结果。确定结束吗？
meeting-done_open = “{ $title }”已开始投票
meeting-done_close = “{ $title }”已结束投票，可以查看结果

## 作废 and 补发 of codes (issue 15, item 4).
meeting-void_report = “{ $title }”的票码作废结果：
meeting-void_voided = 已作废：编号{ $serials }。这些票码不能再投票，可在下方补发新票码。
meeting-void_refused = 编号{ $serial }未作废：{ $reason }
meeting-awaiting = 已作废、待补发的票码
meeting-awaiting_help = 每个作废的编号可补发一张新票码，属于同一评议组。新票码在新打开的页面上只显示一次，请当即打印。
meeting-reissue = 补发
meeting-reissue_all = 全部补发
meeting-reissue_ask = 为“{ $title }”的编号{ $serials }补发{ $n }张新票码，各属原票码的评议组。新票码只显示一次，请在打开的页面上打印；原票码仍作废。记入审计，不能撤回。确定补发吗？
meeting-reissued = 已为“{ $title }”补发{ $n }张新票码，替代作废的编号{ $serials }。请现在打印。
meeting-replaces = 补发，替代编号{ $serial }

## The big screen once the vote is closed.
meeting-screen_closed = 投票已结束
meeting-screen_results = 大屏不显示投票结果。“{ $title }”的结果由组织部工作人员在系统的投票结果页（{ $address }）查看并按程序公布；如有疑问，请向会议工作人员询问。
