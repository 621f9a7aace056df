## the structure pages, the team card, alerts and units (analysis-)
analysis-team_as_of = 班子狀況日期
analysis-team_today = 回到今天
analysis-team_history = 以下是{ $value }當日的班子：當日在任的成員、職位和空缺（歷史班子）。
analysis-vacancies = 空缺
analysis-alert_cadre = 幹部
