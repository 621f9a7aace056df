## the cadre's dossier, appointment and removal (dossier-)
dossier-seat_vacant = vacant
dossier-seat_full = full
dossier-seat_over = over
dossier-post_seats = { $seats ->
    [one] 1 seat
   *[other] { $seats } seats
}, { $held } in post
dossier-post_filter = Type a unit, post or code to filter
dossier-post_none = No post matches
dossier-post_more = Only the first 50 are listed: type more of the unit, the post or its code
dossier-confirm_title = Confirm the appointment
dossier-over-seats = { $post } has { $seats ->
    [one] 1 authorised seat
   *[other] { $seats } authorised seats
} and { $held } in post already: this appointment puts it over its authorised number.
dossier-over_rule = By the rule on authorised numbers (R-STRUCT-4), a leadership team is not staffed beyond its authorised seats (a secondment takes no seat). If you confirm, the appointment is recorded as usual and the structure alerts will flag the excess.
dossier-holders = In post
dossier-confirm_over = Appoint anyway (over the number)
dossier-confirm_back = Back to the form
dossier-raise-rank = Also change { $name }’s current rank from “{ $from }” to { $to }
dossier-done-appointed = { $name } has been appointed { $post }.
dossier-done-ended = { $name } has been removed as { $post }.
dossier-done-rank = The current rank is now { $rank }.
dossier-done_resume = The résumé has been saved.
dossier-proposal = Suggested résumé line (edit it, then save):
dossier-proposal_save = Save to the résumé
dossier-proposal_skip = Skip
dossier-no_open_line = No current résumé line names this post; add one to the résumé if needed.
dossier-as_of = Posts held on
dossier-as_of_show = Show
dossier-as_of_today = Back to today
dossier-edit = Edit
dossier-edit_done = Done
dossier-end_some = Remove from post
dossier-birth = Born
dossier-ethnicity = Ethnic group
dossier-rank = Current rank
dossier-education = Education and degree
dossier-school = School, department and major
dossier-held_on = Posts held on { $value }
dossier-done_added = A line was added to “{ $value }”.
dossier-done_removed = A line was removed from “{ $value }”.
