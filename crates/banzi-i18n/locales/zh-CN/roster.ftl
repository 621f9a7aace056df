# Messages of the roster workbook: where an error is, the checks across rows and sheets,
# the reader's refusals and notices. Sheets and columns ($sheet, $column, $header) are named
# as the workbook writes them, in Chinese whatever the language, so the user finds them.

## Where

roster-at-sheet = 工作表“{ $sheet }”：{ $message }
roster-at-row = 工作表“{ $sheet }”第{ $row }行：{ $message }
roster-at-cell = 工作表“{ $sheet }”第{ $row }行“{ $column }”列：{ $message }
roster-errors-more = 另有 { $count } 处错误未列出，请先更正以上错误后再导入

## Across rows and sheets

roster-unit-code-repeated = 单位编码“{ $code }”与第{ $first }行重复
roster-post-code-repeated = 职位编码“{ $code }”与第{ $first }行重复
roster-id-number-repeated = 身份证号与第{ $first }行重复
roster-parent-cycle = 上级单位关系形成循环
roster-not-in-cadres = 该身份证号的干部不在“干部”表中

## Sheets, headers and cells

roster-sheet-missing = 缺少工作表“{ $sheet }”
roster-sheet-ignored = 不是花名册的工作表，已忽略
roster-sheet-unknown = 内部错误：未知的工作表
roster-internal = 系统内部错误，请联系系统管理员
roster-header-missing = 缺少表头“{ $header }”（第1行须为表头）
roster-header-repeated = 表头“{ $header }”重复出现
roster-columns-ignored = 以下列不在标准模板中，已忽略：{ $columns }
roster-cell-formula = 单元格含公式，请复制后“选择性粘贴为数值”再导入
roster-cell-error = 单元格为错误值 { $value }，请更正后再导入
roster-date-number = 日期单元格是数字 { $value }，无法确定年月（Excel 会把 1975.10 存成数字 1975.1）；请把该列设为文本格式，按 YYYY.MM 或 YYYY-MM-DD 填写
roster-id-not-text = 身份证号应设置为文本格式（设为数字时 Excel 只保留15位），请将该列设为文本后重新填写
roster-rows-out-of-order = 工作表的行顺序异常，请在 Excel 中另存一次后再导入
roster-header-cells-repeated = 工作表结构异常（表头单元格重复），请在 Excel 中另存一次后再导入
roster-sheet-too-big = 工作表范围过大（{ $rows } 行 × { $columns } 列；上限 { $max_rows } 行、{ $max_columns } 列），请删除多余的行和列后再导入
roster-sheet-read-failed = 工作表读取失败（文件可能已损坏），请在 Excel 中打开并另存为 .xlsx 后再导入
roster-sheet-unreadable = 无法读取该工作表（文件可能已损坏），请在 Excel 中打开并另存为 .xlsx 后再导入

## The file

roster-not-xlsx = 文件不是有效的 .xlsx 工作簿
roster-not-xlsx-compression = 文件不是有效的 .xlsx 工作簿（使用了不支持的压缩方式）
roster-not-xlsx-ole = 文件不是有效的 .xlsx 工作簿（可能是旧版 .xls 或设置了打开密码的文件），请在 Excel 中取消密码并另存为 .xlsx 后再导入
roster-encrypted = 工作簿内容已加密，请取消密码后再导入
roster-file-too-large = 文件过大（{ $size } MB），最大允许 { $max } MB
roster-inflated-too-large = 文件解压后超过 { $max } MB，疑似压缩炸弹，已拒绝
roster-ratio = 文件中有内容的压缩比异常（{ $ratio }:1，上限 { $max }:1），疑似压缩炸弹，已拒绝
roster-too-many-entries = 文件包含 { $count } 个内部条目，超过上限 { $max }，不是正常的花名册工作簿
roster-cancelled = 导入已取消

## The upload

roster-upload-interrupted = 上传中断或文件过大（最大200MB）
roster-choose-file = 请选择要导入的 .xlsx 文件
