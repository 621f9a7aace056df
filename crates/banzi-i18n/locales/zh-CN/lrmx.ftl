## 干部任免审批表 files (.lrmx) read and written (lrmx-)

# The elements of the file, by the names the printed form gives them.
lrmx-el-person = 人员（Person）
lrmx-el-xingming = 姓名
lrmx-el-xingbie = 性别
lrmx-el-chushengnianyue = 出生年月
lrmx-el-minzu = 民族
lrmx-el-jiguan = 籍贯
lrmx-el-chushengdi = 出生地
lrmx-el-rudangshijian = 入党时间
lrmx-el-canjiagongzuoshijian = 参加工作时间
lrmx-el-jiankangzhuangkuang = 健康状况
lrmx-el-zhuanyejishuzhiwu = 专业技术职务
lrmx-el-shuxizhuanyeyouhezhuanchang = 熟悉专业有何专长
lrmx-el-quanrizhi-xueli = 全日制教育学历
lrmx-el-quanrizhi-xuewei = 全日制教育学位
lrmx-el-quanrizhi-xueli-yuanxiao = 全日制教育学历的毕业院校系及专业
lrmx-el-quanrizhi-xuewei-yuanxiao = 全日制教育学位的毕业院校系及专业
lrmx-el-zaizhi-xueli = 在职教育学历
lrmx-el-zaizhi-xuewei = 在职教育学位
lrmx-el-zaizhi-xueli-yuanxiao = 在职教育学历的毕业院校系及专业
lrmx-el-zaizhi-xuewei-yuanxiao = 在职教育学位的毕业院校系及专业
lrmx-el-xianrenzhiwu = 现任职务
lrmx-el-nirenzhiwu = 拟任职务
lrmx-el-nimianzhiwu = 拟免职务
lrmx-el-jianli = 简历
lrmx-el-jiangchengqingkuang = 奖惩情况
lrmx-el-niandukaohejieguo = 年度考核结果
lrmx-el-renmianliyou = 任免理由
lrmx-el-jiatingchengyuan = 家庭主要成员及重要社会关系
lrmx-el-chengbaodanwei = 呈报单位
lrmx-el-jisuannianlingshijian = 计算年龄时间
lrmx-el-tianbiaoshijian = 填表时间
lrmx-el-tianbiaoren = 填表人
lrmx-el-shenfenzheng = 身份证号
lrmx-el-zhaopian = 照片
lrmx-el-version = 版本号
lrmx-el-gaigeqianrenzhinianlingjiexian = 改革前任职年龄界限
lrmx-el-daolingnianyue = 到龄年月
lrmx-el-item = 家庭成员
lrmx-el-item-chengwei = 称谓
lrmx-el-item-xingming = 姓名
lrmx-el-item-chushengriqi = 出生日期
lrmx-el-item-zhengzhimianmao = 政治面貌
lrmx-el-item-gongzuodanweijizhiwu = 工作单位及职务
# An element of the n-th family member.
lrmx-family-element = 第{ $n }位家庭成员的{ $element }

# Dates and the 简历.
lrmx-date-malformed = “{ $value }”不是日期，应写作 YYYYMM 或 YYYYMMDD（如 199807 或 19980715）
lrmx-date-nonexistent = 日期“{ $value }”不存在
lrmx-resume-no-period = 第{ $line }行“{ $text }”没有以起止年月开头（应为“1998.07--2001.09  单位及职务”）
lrmx-resume-bad-month = 第{ $line }行的年月“{ $value }”不存在
lrmx-resume-end-before-start = 第{ $line }行的截止年月 { $end } 早于起始年月 { $start }
lrmx-resume-no-text = 第{ $line }行只有起止年月，缺少单位及职务
lrmx-resume-during-first = 第{ $line }行的“（其间：…）”之前没有所属的时段
lrmx-resume-during-unclosed = 第{ $line }行的“（其间：…）”没有写完（缺少内容或右括号）

# Reading a file: each message names the file, and the element where there is one.
lrmx-file-too-large = { $file }：文件过大（{ $size } MB，最大 { $max } MB），不是任免审批表文件
lrmx-not-xml = { $file }：不是任免审批表文件（.lrmx 应为 XML 文本）
lrmx-not-utf8 = { $file }：文件不是 UTF-8 编码，不是任免审批表软件保存的 .lrmx 文件
lrmx-doctype = { $file }：文件含有文档类型声明（DOCTYPE）或实体定义，任免审批表文件不会有，为安全起见拒绝读取
lrmx-wrong-root = { $file }：根元素是“{ $root }”而不是 Person，不是任免审批表文件
lrmx-truncated = { $file }：文件在“{ $element }”处中断，不完整（可能下载或复制时被截断），请重新导出
lrmx-xml-broken = { $file }：“{ $element }”处的 XML 格式有误，文件可能已损坏
lrmx-entity-unknown = { $file }：“{ $element }”中有未定义的实体“&{ $entity };”
lrmx-old-format = { $file }：这是旧版任免审批表文件（.lrm，2.0 版），不能直接读入；请在任免审批表软件中打开后另存为 .lrmx 再导入
lrmx-element-invalid = { $file }：{ $element }“{ $value }”有误：{ $reason }
lrmx-element-error = { $file }：{ $element }：{ $reason }
lrmx-element-missing = { $file }：缺少{ $element }
lrmx-element-repeated = { $file }：{ $element }出现了不止一次
lrmx-element-too-long = { $file }：{ $element }过长（最多 { $max } 字）
lrmx-photo-base64 = 照片不是有效的 Base64 编码
lrmx-not-lrmx-file = { $file }：不是 .lrmx 文件，已跳过

# A zip of many files.
lrmx-zip-broken = { $file }：压缩包已损坏或不是 zip 文件
lrmx-zip-too-large = { $file }：压缩包过大（{ $size } MB，最大 { $max } MB），请分批导入
lrmx-zip-too-many = { $file }：压缩包内文件过多（{ $count } 个，最多 { $max } 个），请分批导入
lrmx-zip-inflated-too-large = { $file }：压缩包解压后过大（超过 { $max } MB），请分批导入
lrmx-zip-ratio = { $file }：压缩包内“{ $entry }”的压缩比异常（{ $ratio }:1，最大 { $max }:1），拒绝读取
lrmx-zip-encrypted = { $file }：压缩包内“{ $entry }”已加密，请去掉密码后再导入
lrmx-zip-compression = { $file }：压缩包内“{ $entry }”的压缩方式无法读取，请用常见的 zip 格式重新压缩
lrmx-zip-empty = { $file }：压缩包内没有 .lrmx 文件

# An import planned before it is written.
lrmx-import-duplicate = { $file }：与“{ $others }”是同一人（身份证号相同），一次导入中同一人只能有一个文件；请删去其中一个
