## the structure pages, the team card, alerts and units (analysis-)
