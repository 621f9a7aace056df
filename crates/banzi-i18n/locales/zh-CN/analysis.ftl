## the structure pages, the team card, alerts and units (analysis-)
analysis-team_as_of = 班子状况日期
analysis-team_today = 回到今天
analysis-team_history = 以下是{ $value }当日的班子：当日在任的成员、职位和空缺（历史班子）。
analysis-vacancies = 空缺
analysis-alert_cadre = 干部
analysis-card_rule = 各维度的信号灯随该维度的规则对本班子发出的预警而定：没有预警为绿灯，只有“提示”为黄灯，有“预警”或“违规”为红灯；没有现任成员的班子，涉及成员的维度为黄灯。班子总体：标“一票否决”的维度为红灯时为红灯；各维度均为绿灯时为绿灯；其余为黄灯。
