## 名册: the roster listing with chosen columns (listing-)

listing-title = 名册
listing-intro = 按单位分组、按职务排列（正职在前，再按任现职时间、姓名拼音），列由您选择；年龄等按计算年龄时间计算。
listing-as_of = 计算年龄时间
listing-columns = 显示列
listing-show = 生成名册
listing-export = 导出 Excel
listing-print = 打印 PDF
listing-count = 共{ $n }人
listing-no_unit = 未任现职
listing-none = 没有符合条件的干部。
listing-too_many = 超过{ $n }人，请缩小查询范围后再生成名册
listing-group_heading = { $unit }（共{ $n }人）
listing-heading = 干部名册
listing-heading_as_of = 计算年龄时间：{ $as_of }
listing-sheet = 名册
listing-page_of = 第 { $page } 页 共 { $pages } 页
listing-template = 模板
listing-template_default = 默认列
listing-template_use = 套用
listing-template_name = 模板名称
listing-template_save = 另存为模板
listing-template_delete = 删除模板
listing-template_delete_confirm = 确定删除所选模板吗？删除后其他同事也不能再套用。
listing-template_saved = 已保存模板“{ $name }”。
listing-template_deleted = 已删除模板“{ $name }”。
listing-template_owner = 由{ $owner }于{ $time }保存

listing-pdf-row-too-long = 名册第{ $row }行内容过多，缩小字号后仍排不进一页，未生成 PDF；请少选几列后再打印
listing-pdf-glyph-missing = 名册中有字体无法显示的字“{ $char }”（{ $code }），未生成 PDF；请核对该字，或安装含有该字的字体
listing-pdf-font-broken = 字体文件无法嵌入 PDF（{ $detail }）

listing-group-basic = 基本信息
listing-group-post = 职务
listing-group-computed = 计算

listing-col-name = 姓名
listing-col-id_number = 身份证号
listing-col-gender = 性别
listing-col-ethnicity = 民族
listing-col-birth_date = 出生日期
listing-col-native_place = 籍贯
listing-col-party = 政治面貌
listing-col-party_joined = 入党时间
listing-col-work_started = 参加工作时间
listing-col-ft_education = 全日制学历
listing-col-ft_degree = 全日制学位
listing-col-ft_school = 全日制院校及专业
listing-col-pt_education = 在职学历
listing-col-pt_degree = 在职学位
listing-col-pt_school = 在职院校及专业
listing-col-profession = 专业领域
listing-col-rank = 现职级
listing-col-unit = 单位
listing-col-team = 班子
listing-col-post = 现任职务
listing-col-post_kind = 职位类别
listing-col-post_level = 职务层次
listing-col-manner = 任职方式
listing-col-doc_no = 任职文号
listing-col-appointed = 本次任职时间
listing-col-age = 年龄
listing-col-tenure_start = 任现职时间
listing-col-level_start = 任同级时间
listing-col-retire_month = 到龄年月

listing-name-required = 请填写模板名称
listing-name-too-long = 模板名称最多{ $max }个字
listing-name-control = 模板名称不能含换行等控制字符
listing-columns-empty = 请至少选择一列
listing-column-unknown = 没有“{ $key }”这一列
listing-column-twice = “{ $column }”列选了两次

store-listing-too-many = 符合条件的有{ $total }人，名册一次最多列出{ $max }人，请缩小查询范围
store-listing-template-missing = 没有名为“{ $name }”的名册模板，可能已被删除
store-listing-template-staff-only = 只有组织部工作人员可以保存或删除名册模板

audit-action-listing_save = 保存名册模板
audit-action-listing_delete = 删除名册模板
audit-action-export_listing = 导出名册
audit-entity-listing_template = 名册模板
audit-entity-listing = 名册
audit-field-columns = 显示列
audit-field-owner = 保存人
