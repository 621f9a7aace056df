# Accounts, passwords, sign-in and sessions (issue 14, R-SEC-1, R-SEC-2). Ids start with sec-.

# The division of the three administrators (三员分立, R-SEC-1).
sec-only-sysadmin-creates = 只有系统管理员可以创建账号
sec-only-sysadmin-disables = 只有系统管理员可以停用或启用账号
sec-only-secadmin-assigns = 只有安全管理员可以分配角色；新建的账号没有角色，由安全管理员分配
sec-only-secadmin-resets = 只有安全管理员可以重置他人密码
sec-only-secadmin-locks = 只有安全管理员可以锁定或解锁账号
sec-admin-role-from-cli = 系统管理员、安全管理员和审计管理员的账号只能在服务器上用命令行（banzi user add）建立
sec-not-on-self = 管理员不能对自己的账号进行此操作
sec-not-on-administrator = 不能对{ $role }账号 { $login } 进行此操作：三员的账号只能在服务器上用命令行管理

# Passwords (R-SEC-2).
sec-password-weak = 密码至少{ $min }位，且须同时包含字母和数字
sec-password-has-login = 密码不能包含登录名
sec-password-common = 这是常见密码或由常见单词加数字组成，容易被猜中，请换一个
sec-password-unchanged = 新密码不能与当前密码相同
sec-password-mismatch = 两次输入的新密码不一致
sec-current-wrong = 当前密码不正确
sec-change-first = 请先修改初始密码，再进行其他操作

# Sign-in (R-SEC-2). Only a correct password learns why the account may not come in.
sec-wait = 登录尝试过于频繁，请 { $seconds } 秒后再试
sec-locked-by-admin = 账号已被安全管理员锁定，请联系安全管理员
sec-disabled = 账号已停用，请联系系统管理员
sec-locked-here = 从本机登录失败次数过多，账号在本机暂停登录至 { $until }（北京时间）；可换用常用电脑登录，或请安全管理员解锁

# The account page.
account-title = 我的账号
account-change = 修改密码
account-save = 保存新密码
account-changed = 密码已修改。您在其他浏览器或电脑上的登录已全部退出。
account-must_change = 这是管理员为您设置的初始密码或重置后的密码，请先修改为只有您知道的密码。
account-unassigned = 您的账号尚未分配角色，暂时不能查看或办理业务。请联系安全管理员分配角色。
account-policy = 至少 { $n } 位，须同时包含字母和数字，不能包含登录名，不能是常见密码。

# The accounts page.
users-division_sysadmin = 三员分立：系统管理员新建账号（新账号没有角色，首次登录须改密码）、停用和启用账号；角色由安全管理员分配。三员的账号只能在服务器上用命令行管理。
users-division_secadmin = 三员分立：安全管理员分配角色、重置密码、锁定和解锁账号；账号由系统管理员新建。三员的账号只能在服务器上用命令行管理。
users-admin_locked = 已被安全管理员锁定
users-must_change = 待改初始密码
users-cli_only = 仅命令行管理
users-assign = 分配角色
users-reset = 重置密码
users-reset_confirm = 重置后该用户须用新密码登录并立即修改，其现有登录将全部退出。确定重置？
users-temporary = 临时密码
users-lock = 锁定
users-lock_confirm = 锁定后该账号不能登录，直到解锁。确定锁定？
users-disable_confirm = 停用后该账号不能登录，其现有登录将全部退出。确定停用？
users-initial = 初始密码
users-new_hint = 新账号没有角色，由安全管理员分配；用户首次登录须修改初始密码。初始密码至少 { $n } 位，须同时包含字母和数字，不能包含登录名。
sec-done-created = 已新建账号 { $login }，请安全管理员为其分配角色
sec-done-disabled = 已停用账号 { $login }
sec-done-enabled = 已启用账号 { $login }
sec-done-role = 已将账号 { $login } 的角色设为{ $role }，其现有登录已退出
sec-done-reset = 已重置账号 { $login } 的密码，用户下次登录须修改
sec-done-locked = 已锁定账号 { $login }
sec-done-unlocked = 已解锁账号 { $login }
web-no-such-cadre = 没有这名干部（地址有误，或该干部已不在名册中）
