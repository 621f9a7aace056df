## 干部任免审批表 printed as PDF (formpdf-): what the command line and the pages say. The
## form's own labels are not here: the form is an official Chinese document.

formpdf-print = Print the approval form
formpdf-print_team = Print the team's approval forms
formpdf-file = Appointment approval form
formpdf-as_of = Ages as of
formpdf-appoint = Proposed post
formpdf-remove = Post to be removed from
formpdf-reason = Reason

formpdf-font-missing = The font file { $path } the approval form is printed with is missing: install fonts-noto-cjk or name a font in the setting form_font
formpdf-font-no-face = The font file { $path } has no face "{ $family }"
formpdf-font-broken = The font file { $path } cannot be embedded in a PDF ({ $detail })
formpdf-glyph-missing = The approval form of { $name } has a character no font can show, "{ $char }" ({ $code }); no PDF was made: check the character or install a font that has it
formpdf-photo-unreadable = The photo of { $name } cannot be read; no PDF was made: upload a JPEG photo again
formpdf-photo-png-kind = The photo of { $name } is a PNG with transparency, 16-bit samples or interlacing, which cannot be printed: upload a JPEG photo instead
formpdf-too-long = "{ $field }" of { $name } is too long to fit even in the smallest type; no PDF was made: shorten it and print again
formpdf-none = Choose at least one cadre
formpdf-too-many = At most { $max } forms can be printed at once; { $count } were chosen
formpdf-unknown-cadre = No such cadre: { $id }
formpdf-unknown-team = No such team: { $team }
formpdf-bad-date = "{ $value }" is not a valid date for the ages; write YYYY-MM-DD

formpdf-cli-written = Wrote the approval forms of { $count ->
    [one] 1 cadre
   *[other] { $count } cadres
} ({ $pages } pages) to { $path }

# The help of `banzi print form` (kept here, beside the messages of the command).
cli-cmd-banzi-print = Print
cli-cmd-banzi-print-form = Print appointment approval forms: one PDF, two pages a cadre (audited)
cli-arg-banzi-print-form-ids = ID numbers or registry numbers of the cadres, one or more
cli-arg-banzi-print-form-output = The PDF file to write
cli-arg-banzi-print-form-as_of = Ages as of YYYY-MM-DD; today by default
