## the structure pages, the team card, alerts and units (analysis-)
analysis-team_as_of = 班子狀況日期
analysis-team_today = 回到今天
analysis-team_history = 以下是{ $value }當日的班子：當日在任的成員、職位和空缺（歷史班子）。
analysis-vacancies = 空缺
analysis-alert_cadre = 幹部
analysis-card_rule = 各維度的信號燈隨該維度的規則對本班子發出的預警而定：沒有預警為綠燈，只有「提示」為黃燈，有「預警」或「違規」為紅燈；沒有現任成員的班子，涉及成員的維度為黃燈。班子總體：標「一票否決」的維度為紅燈時為紅燈；各維度均為綠燈時為綠燈；其餘為黃燈。
