## 任免审批表 (LRMX) files on the pages and the command line (lrmx-web-, lrmx-cli-)

lrmx-web-title = 任免审批表文件（LRMX）
lrmx-web-hint = 选择一个 .lrmx 文件，或包含多个 .lrmx 的 zip 压缩包。先预览：每个文件是新增干部、哪些信息会变化（原值 → 新值）、还是有错误；确认后才写入，全部写入或全部不写入。按身份证号匹配已有干部。
lrmx-web-preview = 预览
lrmx-web-previewing = 正在读取…
lrmx-web-choose-file = 请先选择 .lrmx 文件或 zip 压缩包
lrmx-web-preview_head = 预览（尚未写入）：
lrmx-web-new = 新增
lrmx-web-update = 变更
lrmx-web-same = 无变化
lrmx-web-error = 有错误
lrmx-web-created = 已新增
lrmx-web-updated = 已更新
lrmx-web-nothing = 没有需要写入的内容。
lrmx-web-has_errors = 有文件存在错误，不能导入；请改正下列文件后重新预览
lrmx-web-confirm = 确认导入
lrmx-web-confirm_hint = 将按上面的预览写入，并记入审计日志
lrmx-web-confirm_ask = 确认按预览导入这些任免审批表吗？
lrmx-web-done = 导入完成：
lrmx-web-file = 文件
lrmx-web-person = 姓名
lrmx-web-outcome = 结果
lrmx-web-detail = 详情
lrmx-web-export_search = 导出任免审批表（LRMX）

# The profile's 任免审批表 box.
lrmx-web-form_title = 任免审批表
lrmx-web-form_hint = 计算年龄时间默认为今天；拟任、拟免职务和任免理由只用于本次导出或打印，不会保存。
lrmx-web-as_of = 计算年龄时间
lrmx-web-appoint = 拟任职务
lrmx-web-remove = 拟免职务
lrmx-web-reason = 任免理由
lrmx-web-download = 下载 LRMX 文件
lrmx-web-print = 打印任免审批表（PDF）

# The command line.
lrmx-cli-preview-new = { $file }：新增干部 { $name }
lrmx-cli-preview-update = { $file }：{ $name } 将变更 { $n } 项：
lrmx-cli-preview-change = { "  " }{ $field }：{ $before } → { $after }
lrmx-cli-preview-same = { $file }：{ $name } 无变化
lrmx-cli-preview-error = { $file }：
lrmx-cli-summary = 共 { $files } 个文件：新增 { $new }，变更 { $update }，无变化 { $same }，有错误 { $errors }。
lrmx-cli-dry-run = 试运行（--dry-run）：未写入任何内容。
lrmx-cli-refused = 有文件存在错误，未导入任何内容。
lrmx-cli-imported = 已导入：新增 { $new }，变更 { $update }，无变化 { $same }。
lrmx-cli-exported = 已写出 { $n } 人的任免审批表：{ $file }
lrmx-cli-output-kind = 输出文件“{ $file }”应以 .lrmx（一人）或 .zip（多人）结尾
lrmx-cli-one-per-lrmx = 一个 .lrmx 文件只能写一人，本次选择了 { $n } 人；请用 .zip 输出
lrmx-cli-dry-run-workbook = --dry-run 只用于任免审批表文件（.lrmx 或 zip）；花名册工作簿的导入本身就是全部正确才写入
