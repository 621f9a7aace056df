# Accounts, passwords, sign-in and sessions (issue 14, R-SEC-1, R-SEC-2). Ids start with sec-.
