# The audit trail: its key and anchor, masked values (R-SEC-3). Ids start with audit-.

## The command line
cli-arg-banzi-audit_key = Audit key file (banzi-audit.key by default; created at first start, mode 0600; or the environment variable BANZI_AUDIT_KEY, or audit_key in the config file)
cli-cmd-banzi-audit-head = Print the head of the audit chain (SEQ:HASH) to write down or sign, for a later verify --anchor
cli-arg-banzi-audit-verify-anchor = SEQ:HASH as banzi audit head printed it: the chain must still reach that entry unchanged
audit-head-note = Above is the head of the audit chain: entry { $seq } and its keyed hash. Write the line down or sign it; banzi audit verify --anchor checks later that the trail was neither cut back nor rewritten.
audit-head-empty = The audit trail is empty: there is no head to write down yet.
audit-anchor-reached = The anchor, entry { $seq }, is still there and unchanged.
audit-anchor-malformed = The anchor “{ $anchor }” is not SEQ:HASH as banzi audit head prints it
## Verification
audit-anchor-missing = The audit chain ends at entry { $found }, but the anchor is entry { $expected } (the newest entries were deleted)
audit-anchor-differs = Does not match the anchor written down (the chain was rewritten)
audit-trail-empty = The audit trail is empty but the database holds records (the trail was deleted)
## The key file
audit-key-malformed = The audit key file { $file } is malformed: it should hold 64 hexadecimal digits
audit-key-unreadable = Cannot read the audit key file { $file }: { $detail }
audit-key-unwritable = Cannot create the audit key file { $file }: { $detail }
audit-key-exposed = The audit key file { $file } has mode { $mode }, readable by other users; make it 600
audit-key-missing = The audit key file { $file } does not exist, and the database's audit chain is not a whole chain written before keys ({ $detail }): it was written with another key or is broken. No new key was created; find the original key file.
## The audit page
audit-masked = Personal values (ID numbers, family members, ratings, the records of a bulk import …) are masked; viewing an entry as written is itself recorded in the audit trail.
audit-reveal = View as written
audit-reveal_reason = Reason (optional)
audit-revealed = The entry as written; this viewing has been recorded in the audit trail.
