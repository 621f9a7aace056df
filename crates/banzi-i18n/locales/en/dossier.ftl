## the cadre's dossier, appointment and removal (dossier-)
