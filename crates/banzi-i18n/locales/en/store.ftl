# Messages of the store: what a refusal names, refusals by role, conflicts with what is
# stored, accounts. Codes, logins and ID numbers are shown as they are.

## What was not found

store-not-found = Not found: { $what }
store-cadre = cadre (ID number { $id_number })
store-appointment = appointment record { $id }
store-unit = unit “{ $code }”
store-team = team “{ $name }”
store-post = post “{ $code }”
store-user = user “{ $login }”
store-this-record = this record
store-audit-entry = No such audit entry
store-team-not-found = Team not found

## Conflicts with what is stored

store-exists = The record already exists ({ $detail })
store-still-referenced = The record is still referred to, or refers to one that does not exist ({ $detail })
store-reference-missing = The record referred to does not exist
store-cadre-missing = No such cadre
store-cadre-exists = A cadre with this ID number already exists
store-unit-code-exists = This unit code already exists
store-post-code-exists = This post code already exists
store-parent-missing-or-cycle = The parent unit does not exist or would make a cycle
store-parent-in-subtree = The parent unit cannot be the unit itself or one of its subunits
store-appointment-recorded = This appointment is already recorded
store-appointment-ended = This appointment has already ended
store-removal-not-after-start = The end date should be after the start of the appointment ({ $start })
store-no-param = There is no rule parameter named “{ $key }”
store-url-scheme = “{ $url }” should start with sqlite:// or postgres://

## Refused by role

store-forbidden-units = Only organization department staff can maintain units
store-forbidden-posts = Only organization department staff can maintain posts
store-forbidden-bulk = Only organization department staff can enter records in bulk
store-forbidden-appoint = Only organization department staff can appoint and remove
store-forbidden-portfolios = Only organization department staff can change portfolios
store-forbidden-import = Only organization department staff can import the roster
store-forbidden-export = Only organization department staff can export the roster
store-forbidden-params = Only organization department staff can change rule parameters
store-forbidden-read-registry = Your role cannot see cadre records
store-forbidden-write-registry = Your role cannot change cadre records
store-own-unit-only = Your role may only view your own unit
store-forbidden-accounts-read = Only the system and security administrators can see accounts
store-forbidden-accounts-create = Only the system administrator can create accounts
store-forbidden-password-reset = Only the system administrator can reset another user's password
store-forbidden-accounts-disable = Only the system administrator can disable or enable accounts
store-forbidden-unlock = Only the security administrator can unlock accounts
store-forbidden-audit = Only the audit administrator can read the audit trail

## Accounts

store-liaison-needs-unit = A unit liaison must have a unit
store-unit-for-liaison-only = Only a unit liaison has a unit
store-login-taken = Login “{ $login }” is taken
store-login-malformed = A login is 1 to 40 letters, digits or _ . -
store-password-weak = A password needs at least 10 characters, with both letters and digits
store-cannot-disable-self = You cannot disable your own account
store-export-too-many = The search found { $total } cadres, more than the { $max } one export may hold; narrow it (unit, age, rank …) before exporting
store-forbidden-import-lrmx = Only organization department staff can import appointment forms
store-lrmx-has-errors = Some files have errors; nothing was imported. Correct them and preview again
store-lrmx-changed = The cadres' records or the uploaded files changed after the preview; nothing was imported. Preview again and confirm
store-forms-none = Choose at least one cadre
store-forms-too-many = At most { $max } appointment forms can be exported or printed at once; { $total } were chosen. Do it in batches

# Selection and appointment (issue 17)
store-forbidden-selection = Only department staff, leaders and the discipline reviewer may see selection cases
store-forbidden-selection-write = Only department staff handle selection cases
store-selection-batch-name = Please name the batch
store-selection-batch-kind = A batch is a general reshuffle (换届) or an individual adjustment (个别调整)
store-selection-no-case = There is no selection case { $id }
store-selection-no-cadre = There is no cadre { $id }
store-selection-concurrent = Someone has just recorded a step of this case; reload and try again
store-selection-no-recommend-question = This ballot session has no recommendation question and cannot be a meeting recommendation
store-selection-no-approve-question = This ballot session has no approval question and cannot be the committee's vote
store-selection-ballot-stranger = “{ $name }” on the ballot is not a candidate of this case
store-selection-not-their-post = Appointment { $id } is not a post the candidate holds that day and cannot be ended with this one
