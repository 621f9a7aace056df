# Refusals of the web layer itself: the guard, forms it cannot read, who may act.

web-cross-site = Refused: the request came from another site
web-sign-in-first = Please sign in first
web-session-timed-out = Your session timed out; please sign in again
web-form-too-large = The form is too large
web-form-expired = The form has expired (security check failed); reload the page and try again
web-liaison-without-unit = This liaison account has no unit
web-form-unreadable = The form could not be read; reload the page and fill it in again ({ $status })
web-query-malformed = Malformed search (a page number should be a number, for instance)
web-staff-only = Only organization department staff can do this
web-search-invalid = The search cannot run: { $detail }
