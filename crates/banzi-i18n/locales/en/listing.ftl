## 名册: the roster listing with chosen columns (listing-)

listing-title = Roster listing
listing-intro = Grouped by unit and ordered by post (principals first, then by start in the post and by name); you choose the columns; ages and times are reckoned on the date given.
listing-as_of = Ages reckoned on
listing-columns = Columns
listing-show = Show the listing
listing-export = Export to Excel
listing-print = Print PDF
listing-count = { $n ->
    [one] 1 cadre
   *[other] { $n } cadres
}
listing-no_unit = No current post
listing-none = No cadre matches.
listing-too_many = More than { $n } cadres: narrow the search to list them
listing-group_heading = { $unit } ({ $n ->
    [one] 1 cadre
   *[other] { $n } cadres
})
listing-heading = Roster of cadres
listing-heading_as_of = Ages reckoned on { $as_of }
listing-sheet = Listing
listing-page_of = Page { $page } of { $pages }
listing-template = Template
listing-template_default = Default columns
listing-template_use = Apply
listing-template_name = Template name
listing-template_save = Save as template
listing-template_delete = Delete template
listing-template_delete_confirm = Delete the chosen template? Colleagues will no longer be able to apply it.
listing-template_saved = Template “{ $name }” saved.
listing-template_deleted = Template “{ $name }” deleted.
listing-template_owner = Saved by { $owner } on { $time }

listing-pdf-row-too-long = Row { $row } of the listing does not fit on a page even in the smallest type; no PDF was made: choose fewer columns and print again
listing-pdf-glyph-missing = The listing holds a character no font can show, “{ $char }” ({ $code }); no PDF was made: check the character, or install a font that has it
listing-pdf-font-broken = The font file cannot be embedded in a PDF ({ $detail })

listing-group-basic = Personal details
listing-group-post = Post
listing-group-computed = Computed

listing-col-name = Name
listing-col-id_number = ID number
listing-col-gender = Gender
listing-col-ethnicity = Ethnicity
listing-col-birth_date = Date of birth
listing-col-native_place = Native place
listing-col-party = Political affiliation
listing-col-party_joined = Joined the Party
listing-col-work_started = Started work
listing-col-ft_education = Full-time education
listing-col-ft_degree = Full-time degree
listing-col-ft_school = Full-time school and major
listing-col-pt_education = In-service education
listing-col-pt_degree = In-service degree
listing-col-pt_school = In-service school and major
listing-col-profession = Professional field
listing-col-rank = Current rank
listing-col-unit = Unit
listing-col-team = Team
listing-col-post = Current posts
listing-col-post_kind = Post kind
listing-col-post_level = Post level
listing-col-manner = Manner of appointment
listing-col-doc_no = Appointment document
listing-col-appointed = Appointment in force since
listing-col-age = Age
listing-col-tenure_start = In current post since
listing-col-level_start = At this level since
listing-col-retire_month = Retirement month

listing-name-required = Give the template a name
listing-name-too-long = A template name has at most { $max } characters
listing-name-control = A template name cannot hold line breaks or other control characters
listing-columns-empty = Choose at least one column
listing-column-unknown = There is no column “{ $key }”
listing-column-twice = The column “{ $column }” is chosen twice

store-listing-too-many = { $total } cadres match; a listing shows at most { $max }: narrow the search
store-listing-template-missing = There is no listing template named “{ $name }”; it may have been deleted
store-listing-template-staff-only = Only organization department staff save or delete listing templates

audit-action-listing_save = Save a listing template
audit-action-listing_delete = Delete a listing template
audit-action-export_listing = Export a roster listing
audit-entity-listing_template = Listing template
audit-entity-listing = Roster listing
audit-field-columns = Columns
audit-field-owner = Saved by
