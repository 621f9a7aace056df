# The audit trail: its key and anchor, masked values (R-SEC-3). Ids start with audit-.
