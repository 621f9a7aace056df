# Accounts, passwords, sign-in and sessions (issue 14, R-SEC-1, R-SEC-2). Ids start with sec-.

# The division of the three administrators (三员分立, R-SEC-1).
sec-only-sysadmin-creates = Only the system administrator creates accounts
sec-only-sysadmin-disables = Only the system administrator disables or enables accounts
sec-only-secadmin-assigns = Only the security administrator assigns roles; a new account has none until then
sec-only-secadmin-resets = Only the security administrator resets another's password
sec-only-secadmin-locks = Only the security administrator locks or unlocks accounts
sec-admin-role-from-cli = The accounts of the system, security and audit administrators are made only on the server, at the command line (banzi user add)
sec-not-on-self = An administrator cannot do this to their own account
sec-not-on-administrator = Not allowed on the { $role } account { $login }: the three administrators' accounts are managed only at the command line
sec-password-weak = { $min ->
    [one] A password needs at least { $min } character, with letters and digits
   *[other] A password needs at least { $min } characters, with letters and digits
}
sec-password-has-login = The password must not contain the login
sec-password-common = This is a common password, or a common word with digits: easy to guess. Choose another
sec-password-unchanged = The new password must differ from the current one
sec-password-mismatch = The two new passwords differ
sec-current-wrong = The current password is wrong
sec-change-first = Change your initial password first
sec-wait = { $seconds ->
    [one] Too many sign-in attempts: try again in { $seconds } second
   *[other] Too many sign-in attempts: try again in { $seconds } seconds
}
sec-locked-by-admin = The security administrator has locked this account; ask them
sec-disabled = This account is disabled; ask the system administrator
sec-locked-here = Too many failed sign-ins from this computer: the account is paused here until { $until } (Beijing time). Sign in from your usual computer, or ask the security administrator to unlock it
account-title = My account
account-change = Change password
account-save = Save the new password
account-changed = Password changed. You are signed out in every other browser.
account-must_change = An administrator set this password for you. Change it to one only you know first.
account-unassigned = Your account has no role yet, so there is nothing to open. Ask the security administrator for a role.
account-policy = { $n ->
    [one] At least { $n } character
   *[other] At least { $n } characters
}, letters and digits, not containing the login, not a common password.
users-division_sysadmin = Separation of duties: the system administrator creates accounts (with no role; the password is changed at first sign-in) and disables or enables them; the security administrator gives roles. The three administrators' accounts are managed only at the command line.
users-division_secadmin = Separation of duties: the security administrator gives roles, resets passwords, locks and unlocks; the system administrator creates accounts. The three administrators' accounts are managed only at the command line.
users-admin_locked = Locked by the security administrator
users-must_change = Initial password not yet changed
users-cli_only = Command line only
users-assign = Give role
users-reset = Reset password
users-reset_confirm = After the reset the user signs in with the new password and must change it at once; their current sessions end. Reset?
users-temporary = Temporary password
users-lock = Lock
users-lock_confirm = A locked account cannot sign in until it is unlocked. Lock it?
users-disable_confirm = A disabled account cannot sign in, and its current sessions end. Disable it?
users-initial = Initial password
users-new_hint = { $n ->
    [one] A new account has no role until the security administrator gives one, and its user changes the initial password at first sign-in. The initial password: at least { $n } character, letters and digits, not containing the login.
   *[other] A new account has no role until the security administrator gives one, and its user changes the initial password at first sign-in. The initial password: at least { $n } characters, letters and digits, not containing the login.
}
sec-done-created = Account { $login } created; the security administrator gives it a role
sec-done-disabled = Account { $login } disabled
sec-done-enabled = Account { $login } enabled
sec-done-role = Account { $login } now has the role { $role }; its sessions have ended
sec-done-reset = Password of { $login } reset; it must be changed at the next sign-in
sec-done-locked = Account { $login } locked
sec-done-unlocked = Account { $login } unlocked
web-no-such-cadre = No such cadre (the address is wrong, or the cadre is no longer on the roster)
