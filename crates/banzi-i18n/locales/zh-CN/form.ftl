## 干部任免审批表 printed as PDF (formpdf-): what the command line and the pages say. The
## form's own labels are not here: the form is an official Chinese document.

formpdf-print = 打印任免审批表
formpdf-print_team = 打印本班子任免审批表
formpdf-file = 干部任免审批表
formpdf-as_of = 计算年龄时间
formpdf-appoint = 拟任职务
formpdf-remove = 拟免职务
formpdf-reason = 任免理由

formpdf-font-missing = 找不到打印任免审批表所需的字体文件 { $path }，请安装 fonts-noto-cjk 或在配置项 form_font 中指定字体
formpdf-font-no-face = 字体文件 { $path } 中没有“{ $family }”字体
formpdf-font-broken = 字体文件 { $path } 无法嵌入 PDF（{ $detail }）
formpdf-glyph-missing = { $name }的任免审批表中有字体无法显示的字“{ $char }”（{ $code }），未生成 PDF；请核对该字，或安装含有该字的字体
formpdf-photo-unreadable = { $name }的照片无法读取，未生成 PDF；请重新上传 JPEG 照片
formpdf-photo-png-kind = { $name }的照片是带透明背景、16 位或隔行扫描的 PNG，无法打印；请改传 JPEG 照片
formpdf-too-long = { $name }的“{ $field }”内容过长，缩到最小字号仍放不下，未生成 PDF；请精简后再打印
formpdf-none = 请至少选择一名干部
formpdf-too-many = 一次最多打印{ $max }人，当前选择了{ $count }人
formpdf-unknown-cadre = 找不到干部：{ $id }
formpdf-unknown-team = 找不到班子：{ $team }
formpdf-bad-date = 计算年龄时间“{ $value }”不是有效日期，应写作 YYYY-MM-DD

formpdf-cli-written = 已将{ $count }人的任免审批表（共{ $pages }页）写入 { $path }

# The help of `banzi print form` (kept here, beside the messages of the command).
cli-cmd-banzi-print = 打印
cli-cmd-banzi-print-form = 打印干部任免审批表：一个 PDF，每人两页（记入审计）
cli-arg-banzi-print-form-ids = 干部的身份证号或编号，可写多个
cli-arg-banzi-print-form-output = 写入的 PDF 文件
cli-arg-banzi-print-form-as_of = 计算年龄时间 YYYY-MM-DD，默认今天
