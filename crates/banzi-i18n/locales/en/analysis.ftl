## the structure pages, the team card, alerts and units (analysis-)
analysis-team_as_of = Team as of
analysis-team_today = Back to today
analysis-team_history = The team as it stood on { $value }: the members in office that day, the posts and the vacancies.
analysis-vacancies = Vacancies
analysis-alert_cadre = Cadre
