## the structure pages, the team card, alerts and units (analysis-)
analysis-team_as_of = Team as of
analysis-team_today = Back to today
analysis-team_history = The team as it stood on { $value }: the members in office that day, the posts and the vacancies.
analysis-vacancies = Vacancies
analysis-alert_cadre = Cadre
analysis-card_rule = Each dimension's light follows the alerts its rule raises on this team: green with none, yellow when they are all notices, red with a warning or a violation; for a team with no member in office, the dimensions about members are yellow. The team's light: red when a dimension marked “veto” is red; green when every dimension is green; yellow otherwise.
