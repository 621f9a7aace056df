# Uploads and bodies: limits, photos, workbook parts, what a parser refused. Ids start with up-.

## The workbook's parts (banzi-io)

up-xml-doctype = 工作簿的“{ $part }”部分含有文档类型声明（DOCTYPE），Excel 保存的文件不会有这种内容，为安全起见拒绝导入；请在 Excel 中打开并另存为 .xlsx 后再导入
up-xml-broken = 工作簿的“{ $part }”部分无法解压或已损坏；请在 Excel 中打开并另存为 .xlsx 后再导入
up-shared-strings-too-large = 工作簿的共享字符串部分（“{ $part }”）展开后需要超过 { $max } MB 内存，已拒绝；请把花名册拆成几个较小的工作簿分别导入
up-workbook-xml-broken = 工作簿内部的 XML 内容已损坏，无法读取；请在 Excel 中打开并另存为 .xlsx 后再导入
up-workbook-zip-broken = 工作簿的压缩数据已损坏，无法读取；请重新导出或另存文件后再导入
up-workbook-unreadable = 无法读取该工作簿；请在 Excel 中打开并另存为 .xlsx 后再导入
up-sheet-xml-broken = 该工作表的 XML 内容已损坏，无法读取；请在 Excel 中打开并另存为 .xlsx 后再导入

## Requests and uploads (banzi-web)

up-request_malformed = 无法识别这个请求（网址或提交的内容格式不对）。请回到上一页，从页面上的链接或按钮重新操作。
up-body_too_large = 提交的内容过大，没有保存任何内容。
up-photo_too_large = 所选照片超过 2 MB，没有上传；请缩小照片后再上传。
up-workbook_too_large = 所选文件超过 200 MB，没有上传；请把花名册拆成几个较小的工作簿分别导入。
up-photo-not-image = 照片应为完整的 JPEG 或 PNG 图片（文件内容与图片格式不符或已损坏）；请用看图软件另存为 JPEG 后再上传
