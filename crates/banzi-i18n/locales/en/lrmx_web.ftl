## 任免审批表 (LRMX) files on the pages and the command line (lrmx-web-, lrmx-cli-)

lrmx-web-title = Appointment form files (LRMX)
lrmx-web-hint = Choose one .lrmx file or a zip of many. Preview first: for each file, a new cadre, the fields that would change (before → after), or its errors; nothing is written until you confirm, and then all files or none. Cadres are matched by ID number.
lrmx-web-preview = Preview
lrmx-web-previewing = Reading…
lrmx-web-choose-file = Choose an .lrmx file or a zip first
lrmx-web-preview_head = Preview (nothing written yet):
lrmx-web-new = New
lrmx-web-update = Changed
lrmx-web-same = Unchanged
lrmx-web-error = Errors
lrmx-web-created = Created
lrmx-web-updated = Updated
lrmx-web-nothing = Nothing to write.
lrmx-web-has_errors = Some files have errors and cannot be imported; correct them and preview again
lrmx-web-confirm = Confirm import
lrmx-web-confirm_hint = Writes what the preview shows, recorded in the audit trail
lrmx-web-confirm_ask = Import these appointment forms as previewed?
lrmx-web-done = Imported:
lrmx-web-file = File
lrmx-web-person = Name
lrmx-web-outcome = Result
lrmx-web-detail = Details
lrmx-web-export_search = Export appointment forms (LRMX)

# The profile's 任免审批表 box.
lrmx-web-form_title = Appointment form
lrmx-web-form_hint = Ages are counted to today unless you give another date; the proposed posts and the reason are used for this export or print only and are not saved.
lrmx-web-as_of = Ages counted to
lrmx-web-appoint = Proposed post
lrmx-web-remove = Post to be removed from
lrmx-web-reason = Reason
lrmx-web-download = Download LRMX file
lrmx-web-print = Print appointment form (PDF)

# The command line.
lrmx-cli-preview-new = { $file }: new cadre { $name }
lrmx-cli-preview-update = { $file }: { $name }, { $n } fields change:
lrmx-cli-preview-change = { "  " }{ $field }: { $before } → { $after }
lrmx-cli-preview-same = { $file }: { $name } unchanged
lrmx-cli-preview-error = { $file }:
lrmx-cli-summary = { $files } files: { $new } new, { $update } changed, { $same } unchanged, { $errors } with errors.
lrmx-cli-dry-run = Dry run (--dry-run): nothing was written.
lrmx-cli-refused = Some files have errors; nothing was imported.
lrmx-cli-imported = Imported: { $new } new, { $update } changed, { $same } unchanged.
lrmx-cli-exported = Wrote the appointment forms of { $n } cadres: { $file }
lrmx-cli-output-kind = The output file “{ $file }” should end in .lrmx (one cadre) or .zip (several)
lrmx-cli-one-per-lrmx = One .lrmx file holds one cadre, { $n } were chosen; write a .zip
lrmx-cli-dry-run-workbook = --dry-run is for appointment form files (.lrmx or zip); a roster workbook is imported only when all of it is correct anyway
