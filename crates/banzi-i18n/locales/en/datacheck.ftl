## 信息校核: the data check of the whole registry (datacheck-)

datacheck-title = Data check
datacheck-intro = Each record checked: the ID number against gender and birth date; ages at joining the Party, starting work and each appointment; the résumé in order and naming the posts held; and what the appointment approval form needs.
datacheck-waiting = Education dates are not recorded yet, so they are not checked.
datacheck-as_of = As of
datacheck-cadres = Cadres checked
datacheck-col_unit = Unit
datacheck-col_cadres = Cadres
datacheck-col_total = Total
datacheck-col_cadre = Name
datacheck-col_check = Check
datacheck-col_message = Problem
datacheck-all_units = All units
datacheck-no_unit = No current post
datacheck-findings = Problems
datacheck-showing = Showing:
datacheck-show_all = Show all
datacheck-none = No problems found.
datacheck-export = Export to Excel
datacheck-sheet_summary = Summary
datacheck-sheet_findings = Problems

datacheck-check-id-gender = ID number and gender
datacheck-check-id-birth = ID number and birth date
datacheck-check-party-age = Age at joining the Party
datacheck-check-work-age = Age at starting work
datacheck-check-resume-reversed = Résumé line reversed
datacheck-check-resume-gap = Résumé gap
datacheck-check-resume-overlap = Résumé overlap
datacheck-check-resume-current = Résumé and current post
datacheck-check-appointment-age = Age at appointment
datacheck-check-missing-for-print = Missing for the approval form
datacheck-check-education-dates = Education dates

datacheck-id-gender = Gender: { $gender }; the ID number says { $id_gender }
datacheck-id-birth = Birth date: { $birth }; the ID number says { $id_birth }
datacheck-party-age = Joined the Party on { $joined }, before the 18th birthday on { $birthday }
datacheck-work-age = Started work on { $started }, before the 16th birthday on { $birthday }
datacheck-resume-reversed = Résumé line “{ $text }” ends in { $end }, before it starts in { $start }
datacheck-resume-gap =
    The résumé has a gap of { $months ->
        [one] 1 month
       *[other] { $months } months
    } between { $end } and { $start }
datacheck-resume-overlap =
    Résumé lines “{ $first }” and “{ $second }” overlap by { $months ->
        [one] 1 month
       *[other] { $months } months
    }
datacheck-resume-open-unmatched = The résumé's current line “{ $text }” names no post held now
datacheck-resume-post-unnamed = The post held now, { $post } of { $unit } (since { $start }), is not the résumé's current line
datacheck-appointment-age = Appointed { $post } of { $unit } on { $start }, before the 18th birthday on { $birthday }
datacheck-missing =
    { $count ->
        [one] 1 item missing
       *[other] { $count } items missing
    }: { $fields }
datacheck-field-ethnicity = ethnicity
datacheck-field-native-place = native place
datacheck-field-work-started = date started work
datacheck-field-party-joined = date joined the Party
datacheck-field-education = education
datacheck-field-photo = photo
datacheck-field-resume = résumé

datacheck-cli-title = Data check (as of { $as_of })
datacheck-cli-total =
    { $cadres ->
        [one] 1 cadre checked
       *[other] { $cadres } cadres checked
    }, { $total ->
        [one] 1 problem found
       *[other] { $total } problems found
    }.
datacheck-cli-written =
    Wrote { $total ->
        [one] 1 problem
       *[other] { $total } problems
    } to { $path }

# The help of `banzi check --data` (kept here, not in cli.ftl, beside the check it runs).
cli-arg-banzi-check-data = The data check of every cadre's record instead of the alerts; xlsx: a summary sheet and the findings
datacheck-education-before-birth = Study “{ $text }” starts in { $start }, before the date of birth { $birth }
datacheck-education-reversed = Study “{ $text }” ends in { $end }, before it starts in { $start }
datacheck-education-order = Studies out of order: “{ $second }” is written after “{ $first }” but starts earlier
