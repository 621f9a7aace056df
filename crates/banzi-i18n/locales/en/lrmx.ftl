## 干部任免审批表 files (.lrmx) read and written (lrmx-)

# The elements of the file, by the names the printed form gives them.
lrmx-el-person = Person
lrmx-el-xingming = Name
lrmx-el-xingbie = Gender
lrmx-el-chushengnianyue = Date of birth
lrmx-el-minzu = Ethnicity
lrmx-el-jiguan = Native place
lrmx-el-chushengdi = Place of birth
lrmx-el-rudangshijian = Date joined the Party
lrmx-el-canjiagongzuoshijian = Date started work
lrmx-el-jiankangzhuangkuang = Health
lrmx-el-zhuanyejishuzhiwu = Professional title
lrmx-el-shuxizhuanyeyouhezhuanchang = Fields of expertise
lrmx-el-quanrizhi-xueli = Full-time education
lrmx-el-quanrizhi-xuewei = Full-time degree
lrmx-el-quanrizhi-xueli-yuanxiao = School and major of the full-time education
lrmx-el-quanrizhi-xuewei-yuanxiao = School and major of the full-time degree
lrmx-el-zaizhi-xueli = In-service education
lrmx-el-zaizhi-xuewei = In-service degree
lrmx-el-zaizhi-xueli-yuanxiao = School and major of the in-service education
lrmx-el-zaizhi-xuewei-yuanxiao = School and major of the in-service degree
lrmx-el-xianrenzhiwu = Current post
lrmx-el-nirenzhiwu = Proposed post
lrmx-el-nimianzhiwu = Post to be removed from
lrmx-el-jianli = Résumé
lrmx-el-jiangchengqingkuang = Rewards and punishments
lrmx-el-niandukaohejieguo = Annual assessments
lrmx-el-renmianliyou = Reason for the appointment or removal
lrmx-el-jiatingchengyuan = Family members and important social relations
lrmx-el-chengbaodanwei = Submitting unit
lrmx-el-jisuannianlingshijian = Date ages are counted to
lrmx-el-tianbiaoshijian = Date filled in
lrmx-el-tianbiaoren = Filled in by
lrmx-el-shenfenzheng = ID number
lrmx-el-zhaopian = Photo
lrmx-el-version = Version
lrmx-el-gaigeqianrenzhinianlingjiexian = Age limit before the reform
lrmx-el-daolingnianyue = Month the age limit is reached
lrmx-el-item = Family member
lrmx-el-item-chengwei = Relation
lrmx-el-item-xingming = Name
lrmx-el-item-chushengriqi = Date of birth
lrmx-el-item-zhengzhimianmao = Political status
lrmx-el-item-gongzuodanweijizhiwu = Employer and post
# An element of the n-th family member.
lrmx-family-element = { $element } of family member { $n }

# Dates and the 简历.
lrmx-date-malformed = “{ $value }” is not a date; write it as YYYYMM or YYYYMMDD (e.g. 199807 or 19980715)
lrmx-date-nonexistent = The date “{ $value }” does not exist
lrmx-resume-no-period = Line { $line } “{ $text }” does not start with its period (write “1998.07--2001.09  employer and post”)
lrmx-resume-bad-month = The month “{ $value }” on line { $line } does not exist
lrmx-resume-end-before-start = On line { $line } the end { $end } is before the start { $start }
lrmx-resume-no-text = Line { $line } has a period but no employer and post
lrmx-resume-during-first = The “（其间：…）” line { $line } has no period above it to belong to
lrmx-resume-during-unclosed = The “（其间：…）” on line { $line } is not complete (its text or closing bracket is missing)

# Reading a file: each message names the file, and the element where there is one.
lrmx-file-too-large = { $file }: the file is too large ({ $size } MB, at most { $max } MB) to be a cadre appointment form
lrmx-not-xml = { $file }: not a cadre appointment form file (an .lrmx file is XML text)
lrmx-not-utf8 = { $file }: the file is not UTF-8 text, so it is not an .lrmx file saved by the appointment form editor
lrmx-doctype = { $file }: the file declares a document type (DOCTYPE) or entities, which appointment form files never do; it is refused for safety
lrmx-wrong-root = { $file }: the root element is “{ $root }”, not Person, so this is not a cadre appointment form file
lrmx-truncated = { $file }: the file breaks off in “{ $element }” and is incomplete (perhaps cut short when downloaded or copied); export it again
lrmx-xml-broken = { $file }: the XML is malformed at “{ $element }”; the file may be damaged
lrmx-entity-unknown = { $file }: “{ $element }” uses an undefined entity “&{ $entity };”
lrmx-old-format = { $file }: this is an old appointment form file (.lrm, version 2.0), which cannot be read directly; open it in the appointment form editor, save it as .lrmx and import that
lrmx-element-invalid = { $file }: { $element } “{ $value }” is wrong: { $reason }
lrmx-element-error = { $file }: { $element }: { $reason }
lrmx-element-missing = { $file }: { $element } is missing
lrmx-element-repeated = { $file }: { $element } appears more than once
lrmx-element-too-long = { $file }: { $element } is too long (at most { $max } characters)
lrmx-photo-base64 = The photo is not valid Base64
lrmx-not-lrmx-file = { $file }: not an .lrmx file; skipped

# A zip of many files.
lrmx-zip-broken = { $file }: the archive is damaged or not a zip file
lrmx-zip-too-large = { $file }: the archive is too large ({ $size } MB, at most { $max } MB); import it in parts
lrmx-zip-too-many = { $file }: the archive holds too many files ({ $count }, at most { $max }); import it in parts
lrmx-zip-inflated-too-large = { $file }: the archive unpacks to more than { $max } MB; import it in parts
lrmx-zip-ratio = { $file }: “{ $entry }” in the archive is compressed suspiciously well ({ $ratio }:1, at most { $max }:1) and is refused
lrmx-zip-encrypted = { $file }: “{ $entry }” in the archive is encrypted; remove the password and import it again
lrmx-zip-compression = { $file }: “{ $entry }” in the archive uses a compression method that cannot be read; compress it again as an ordinary zip
lrmx-zip-empty = { $file }: the archive holds no .lrmx file

# An import planned before it is written.
lrmx-import-duplicate = { $file }: the same person (same ID number) as “{ $others }”; one import may hold one file per person. Remove one of them
