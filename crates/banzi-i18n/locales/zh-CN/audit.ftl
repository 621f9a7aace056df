# The audit trail: its key and anchor, masked values (R-SEC-3). Ids start with audit-.

## The command line
cli-arg-banzi-audit_key = 审计密钥文件（默认 banzi-audit.key；首次启动时创建，权限 0600；也可用环境变量 BANZI_AUDIT_KEY 或配置项 audit_key）
cli-cmd-banzi-audit-head = 显示审计链头（序号:哈希），供记下或签署，日后用 verify --anchor 核对
cli-arg-banzi-audit-verify-anchor = 先前由 banzi audit head 记下的“序号:哈希”：审计链须仍到达该条且未被改写
audit-head-note = 以上是审计链头：第 { $seq } 条记录及其密钥哈希。请记下或签署这一行，日后用 banzi audit verify --anchor 核对审计记录没有被截断或改写。
audit-head-empty = 审计记录为空，尚无链头可记。
audit-anchor-reached = 锚点第 { $seq } 条仍在且未被改写。
audit-anchor-malformed = 锚点“{ $anchor }”格式不对，应为 banzi audit head 显示的“序号:哈希”
## Verification
audit-anchor-missing = 审计链只到第 { $found } 条，锚点却是第 { $expected } 条（最新的记录被删除）
audit-anchor-differs = 与记下的锚点不符（审计链被改写）
audit-trail-empty = 审计记录为空，而数据库中有数据（审计记录被删除）
## The key file
audit-key-malformed = 审计密钥文件 { $file } 内容不对：应为 64 位十六进制数字
audit-key-unreadable = 无法读取审计密钥文件 { $file }：{ $detail }
audit-key-unwritable = 无法创建审计密钥文件 { $file }：{ $detail }
audit-key-exposed = 审计密钥文件 { $file } 的权限是 { $mode }，其他用户可读；请改为 600
audit-key-missing = 审计密钥文件 { $file } 不存在，而数据库中的审计链不是未加密钥的完整旧链（{ $detail }）：它由另一个密钥写成或已损坏。未创建新密钥，请找回原密钥文件。
## The audit page
audit-masked = 个人信息（身份证号、家庭成员、考核结果、批量导入的记录等）已遮盖；查看原文会记入审计记录。
audit-reveal = 查看原文
audit-reveal_reason = 查看原因（可选）
audit-revealed = 以下为原文；本次查看已记入审计记录。
