# Accounts, passwords, sign-in and sessions (issue 14, R-SEC-1, R-SEC-2). Ids start with sec-.

# The division of the three administrators (三员分立, R-SEC-1).
sec-only-sysadmin-creates = 只有系統管理員可以建立帳號
sec-only-sysadmin-disables = 只有系統管理員可以停用或啟用帳號
sec-only-secadmin-assigns = 只有安全管理員可以分配角色；新建立的帳號沒有角色，由安全管理員分配
sec-only-secadmin-resets = 只有安全管理員可以重設他人密碼
sec-only-secadmin-locks = 只有安全管理員可以鎖定或解鎖帳號
sec-admin-role-from-cli = 系統管理員、安全管理員和審計管理員的帳號只能在伺服器上以命令列（banzi user add）建立
sec-not-on-self = 管理員不能對自己的帳號進行此操作
sec-not-on-administrator = 不能對{ $role }帳號 { $login } 進行此操作：三員的帳號只能在伺服器上以命令列管理

# Passwords (R-SEC-2).
sec-password-weak = 密碼至少{ $min }位，且須同時包含字母和數字
sec-password-has-login = 密碼不能包含登入名稱
sec-password-common = 這是常見密碼或由常見單字加數字組成，容易被猜中，請換一個
sec-password-unchanged = 新密碼不能與目前密碼相同
sec-password-mismatch = 兩次輸入的新密碼不一致
sec-current-wrong = 目前密碼不正確
sec-change-first = 請先修改初始密碼，再進行其他操作

# Sign-in (R-SEC-2). Only a correct password learns why the account may not come in.
sec-wait = 登入嘗試過於頻繁，請 { $seconds } 秒後再試
sec-locked-by-admin = 帳號已被安全管理員鎖定，請聯絡安全管理員
sec-disabled = 帳號已停用，請聯絡系統管理員
sec-locked-here = 從本機登入失敗次數過多，帳號在本機暫停登入至 { $until }（北京時間）；可改用常用電腦登入，或請安全管理員解鎖

# The account page.
account-title = 我的帳號
account-change = 修改密碼
account-save = 儲存新密碼
account-changed = 密碼已修改。您在其他瀏覽器或電腦上的登入已全部登出。
account-must_change = 這是管理員為您設定的初始密碼或重設後的密碼，請先修改為只有您知道的密碼。
account-unassigned = 您的帳號尚未分配角色，暫時不能檢視或辦理業務。請聯絡安全管理員分配角色。
account-policy = 至少 { $n } 位，須同時包含字母和數字，不能包含登入名稱，不能是常見密碼。

# The accounts page.
users-division_sysadmin = 三員分立：系統管理員建立帳號（新帳號沒有角色，首次登入須改密碼）、停用和啟用帳號；角色由安全管理員分配。三員的帳號只能在伺服器上以命令列管理。
users-division_secadmin = 三員分立：安全管理員分配角色、重設密碼、鎖定和解鎖帳號；帳號由系統管理員建立。三員的帳號只能在伺服器上以命令列管理。
users-admin_locked = 已被安全管理員鎖定
users-must_change = 待改初始密碼
users-cli_only = 僅命令列管理
users-assign = 分配角色
users-reset = 重設密碼
users-reset_confirm = 重設後該使用者須以新密碼登入並立即修改，其現有登入將全部登出。確定重設？
users-temporary = 臨時密碼
users-lock = 鎖定
users-lock_confirm = 鎖定後該帳號不能登入，直到解鎖。確定鎖定？
users-disable_confirm = 停用後該帳號不能登入，其現有登入將全部登出。確定停用？
users-initial = 初始密碼
users-new_hint = 新帳號沒有角色，由安全管理員分配；使用者首次登入須修改初始密碼。初始密碼至少 { $n } 位，須同時包含字母和數字，不能包含登入名稱。
sec-done-created = 已建立帳號 { $login }，請安全管理員為其分配角色
sec-done-disabled = 已停用帳號 { $login }
sec-done-enabled = 已啟用帳號 { $login }
sec-done-role = 已將帳號 { $login } 的角色設為{ $role }，其現有登入已登出
sec-done-reset = 已重設帳號 { $login } 的密碼，使用者下次登入須修改
sec-done-locked = 已鎖定帳號 { $login }
sec-done-unlocked = 已解鎖帳號 { $login }
web-no-such-cadre = 沒有這名幹部（網址有誤，或該幹部已不在名冊中）
