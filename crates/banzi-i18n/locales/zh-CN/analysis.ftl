## the structure pages, the team card, alerts and units (analysis-)
analysis-team_as_of = 班子状况日期
analysis-team_today = 回到今天
analysis-team_history = 以下是{ $value }当日的班子：当日在任的成员、职位和空缺（历史班子）。
analysis-vacancies = 空缺
analysis-alert_cadre = 干部
