# The command line: help (cli-cmd-<command path>, cli-arg-<command path>-<argument>),
# headings, and what the commands print.

cli-help = 显示帮助
cli-version = 显示版本
cli-usage = 用法：
cli-commands = 命令：
cli-command = 命令
cli-arguments = 参数：
cli-options = 选项：
cli-error = 错误
cli-see_help = 用 --help 查看用法。

cli-cmd-banzi = 班子：领导班子建设管理系统
cli-arg-banzi-database = 数据库地址：sqlite://文件 或 postgres://用户@主机/库（也可用环境变量 BANZI_DATABASE_URL）
cli-arg-banzi-config = 配置文件（默认读取当前目录的 banzi.toml，如存在；也可用环境变量 BANZI_CONFIG）
cli-arg-banzi-lang = 输出语言：zh-CN（默认）、zh-TW、en；未指定时按 LC_ALL、LANG
cli-cmd-banzi-serve = 启动网页服务
cli-arg-banzi-serve-listen = 监听地址，默认 127.0.0.1:8080（也可用环境变量 BANZI_LISTEN）
cli-cmd-banzi-demo = 生成虚构的示范城市并启动服务
cli-arg-banzi-demo-listen = 监听地址，默认 127.0.0.1:8080（也可用环境变量 BANZI_LISTEN）
cli-arg-banzi-demo-no_serve = 只生成数据，不启动服务
cli-cmd-banzi-user = 账号管理
cli-cmd-banzi-user-add = 新建账号，密码从标准输入读取
cli-arg-banzi-user-add-login = 登录名
cli-arg-banzi-user-add-role = 角色：staff、leader、liaison、discipline、sysadmin、secadmin、auditor
cli-arg-banzi-user-add-unit = 单位编码（单位填报员必填）
cli-arg-banzi-user-add-name = 姓名
cli-cmd-banzi-import = 导入干部花名册工作簿（全部正确才写入），或任免审批表文件（.lrmx 或其 zip 压缩包，先预览、全部正确才写入），按文件内容区分
cli-arg-banzi-import-file = 文件：花名册工作簿（.xlsx）、.lrmx 或 .lrmx 的 zip 压缩包
cli-arg-banzi-import-dry_run = 只预览任免审批表（每个文件新增、变更或错误），不写入任何内容
cli-cmd-banzi-export = 导出
cli-cmd-banzi-export-roster = 导出完整花名册
cli-arg-banzi-export-roster-file = 写入的工作簿文件（.xlsx）
cli-cmd-banzi-export-lrmx = 导出任免审批表文件（LRMX）
cli-arg-banzi-export-lrmx-ids = 干部身份证号（可写多个）
cli-arg-banzi-export-lrmx-output = 写入的文件：.lrmx（一人）或 .zip（多人）
cli-arg-banzi-export-lrmx-as_of = 计算年龄时间 YYYY-MM-DD，默认今天
cli-cmd-banzi-template = 写出空白花名册模板
cli-arg-banzi-template-file = 写入的工作簿文件（.xlsx）
cli-cmd-banzi-audit = 审计记录
cli-cmd-banzi-audit-verify = 校验审计链，发现改动、删除或调换时以非零状态退出
cli-cmd-banzi-check = 结构分析预警：按规则检查全部班子和干部（发现问题也以 0 退出）
cli-arg-banzi-check-as_of = 检查日期 YYYY-MM-DD，默认今天
cli-arg-banzi-check-format = 输出格式：table（表格，默认）、json、xlsx（每个级别一个工作表）
cli-arg-banzi-check-output = 写入文件（xlsx 必填；默认输出到屏幕）

cli-error-unknown-argument = 无法识别的参数“{ $arg }”
cli-error-unknown-command = 没有“{ $command }”这个命令
cli-error-invalid-value = 参数 { $arg } 的值“{ $value }”无效{ $listed ->
    [yes] （可选：{ $choices }）
   *[no] {""}
}
cli-error-missing-argument = 缺少必填参数：{ $arg }
cli-error-missing-command = 请指定命令
cli-error-conflict = 参数 { $arg } 不能与已给出的参数同时使用

cli-no-runtime = 无法启动运行时
cli-cannot-open-database = 无法打开数据库 { $url }
cli-cannot-read-password = 无法读取标准输入中的密码
cli-cannot-read = 无法读取 { $file }
cli-config-malformed = 配置文件 { $file } 有误
cli-config-unreadable = 无法读取配置文件 { $file }
cli-cannot-write = 无法写入 { $file }
cli-cannot-listen = 无法监听 { $addr }
cli-reader-died = 读取工作簿的线程意外中止
cli-account-created = 已创建账号 { $login }（{ $role }）
cli-exported = 已导出 { $units } 个单位、{ $posts } 个职位、{ $cadres } 名干部、{ $appointments } 条任职记录到 { $file }
cli-template-written = 已写出空白模板 { $file }
cli-audit-intact = 审计链完整：{ $n } 条记录全部校验通过
cli-audit-broken = 审计链校验失败：{ $detail }
cli-writing = 写出
cli-reading = 读取
cli-storing = 写入
cli-rows_template = {"{"}msg{"}"} {"{"}pos{"}"} 行 {"{"}elapsed{"}"}
cli-reading-sheet = 读取 { $sheet }
cli-storing-sheet = 写入 { $sheet }
cli-notice = 提示：工作表“{ $sheet }”：{ $text }
cli-imported = 导入完成：新增或更新单位 { $units }、职位 { $posts }、干部 { $cadres }、任职 { $appointments }、分管 { $portfolios }、培训 { $trainings }{ $changed ->
    [no] （与数据库一致，没有变化）
   *[yes] {""}
}
cli-import-refused = 共 { $n } 处错误，未导入任何数据。
cli-started = 班子已启动：请在浏览器打开 { $url }
cli-local-only = （仅本机可访问；会议扫码投票需手机能访问本机，请用 --listen 0.0.0.0:{ $port } 启动，并用局域网地址打开后再发放票码）
cli-demo_written = 示范城市已写入数据库。
cli-demo_exists = 数据库中已有数据，不再生成示范城市。
cli-demo-building = 正在生成示范城市：{ $units } 个单位、{ $posts } 个职位、{ $cadres } 名干部、{ $appointments } 条任职记录……
cli-demo-accounts = 示范账号（密码均为 { $password }）：
cli-demo-login = { $role }{ $in_unit ->
    [yes] （{ $unit }）
   *[no] {""}
}
cli-selection-intact = 选任纪实完整：{ $n } 个案件的纪实记录全部校验通过
