# Messages of the registry area: fields of units, posts, cadres and their records, dates,
# ID numbers, vocabularies, the audit chain. Labels ($what, $gender …) are translated by the
# label catalog; what the user typed ($value) and codes are shown as they are.

## Vocabularies and fields

reg-not-a-choice = { $what } “{ $value }” is not one of the choices ({ $choices })
reg-yes-no = “{ $value }” should be 是 (yes) or 否 (no)
reg-role-unknown = Role “{ $value }” does not exist (choices: { $choices })
reg-required = Required
reg-too-long = Too long (200 characters at most)
reg-name-too-long = Name too long
reg-code-malformed = A code is letters, digits and - _ . only, 40 at most
reg-hours-range = Hours “{ $value }” should be a number from 0 to 10000
reg-seats-range = Seats “{ $value }” should be a whole number from 1 to 99
reg-year-four-digits = The year should have four digits

## Dates

reg-date-required = A date is required
reg-date-malformed = Date “{ $value }” is malformed; write YYYY-MM-DD or YYYY.MM
reg-date-nonexistent = Date “{ $value }” does not exist
reg-month-malformed = Year and month “{ $value }” are malformed; write YYYY.MM
reg-month-nonexistent = Year and month “{ $value }” do not exist
reg-to-before-from = “To” is before “From”
reg-end-before-start = The end date is before the start date
reg-end-not-after-start = The end date { $end } should be after the start date { $start }

## ID numbers and cadres

reg-id-length = An ID number has 18 characters; “{ $value }” has { $count }
reg-id-digits = An ID number is 17 digits followed by a digit or X
reg-id-birth-date = The date of birth “{ $value }” in the ID number does not exist
reg-id-check-digit = Wrong check digit in the ID number (should be { $expected }); please check the number
reg-gender-mismatch = Gender “{ $gender }” does not match the ID number (which says { $id_gender })
reg-birth-mismatch = Date of birth { $birth } does not match the ID number (which says { $id_birth })
reg-work-before-birth = Started work before the date of birth
reg-joined-before-birth = Joined the CPC before the date of birth

## Units, posts, appointments

reg-parent-self = A unit cannot be its own parent
reg-parent-missing = Parent unit “{ $code }” does not exist
reg-unit-missing = Unit “{ $code }” does not exist
reg-post-missing = Post “{ $code }” does not exist
reg-overlap = Overlaps an appointment this cadre already has to this post

## The audit chain

reg-audit-entry = Audit entry { $seq }: { $reason }
reg-audit-seq-gap = Sequence broken: expected { $expected }, found { $found } (an entry was deleted or reordered)
reg-audit-link-broken = Does not link to the previous entry (an earlier entry was deleted, reordered or changed)
reg-audit-hash-mismatch = The content does not match its hash (the entry was changed)
reg-audit-head-missing = The audit chain should end at entry { $expected } but ends at entry { $found } (the last entries were deleted)

## The pages

reg-current-post-not-held = A selected current post is not this cadre's or has already ended
reg-unknown-record-kind = Unknown kind of record
reg-photo = photo
reg-photo-choose = Choose a photo file
reg-photo-too-large = A photo may not exceed 2 MB
reg-photo-format = A photo should be a JPEG or PNG file
reg-upload-unreadable = The upload could not be read
reg-age-range = Age “{ $value }” should be a whole number from 16 to 100
