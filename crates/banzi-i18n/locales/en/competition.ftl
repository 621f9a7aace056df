## Competitive selection: scores, ranking and the five public notices (competition-), R-SEL-11

competition-score-empty = Enter a score
competition-score-malformed = “{ $text }” is not a score: enter a number such as 85 or 85.5
competition-score-decimals = The score “{ $text }” has more than two decimals
competition-score-out-of-range = The score “{ $text }” should be between 0 and { $max }
competition-score-over-full = { $name }'s score { $score } is above the full mark of { $max }
competition-interview-too-few = Only { $count ->
        [one] { $count } interview score
       *[other] { $count } interview scores
    }: dropping the highest and lowest needs { $need }, so that one is left

competition-title-empty = Enter the name of the competition
competition-no-posts = Set up at least one post
competition-post-title-empty = Post { $n } has no title
competition-post-no-places = The post “{ $post }” needs at least one place
competition-no-conditions = Enter the eligibility conditions: they are published before applications open
competition-weight-out-of-range = The written exam's weight “{ $weight }” should be between 0 and 1
competition-full-marks-out-of-range = The full mark { $value } should be above 0 and at most { $max }
competition-shortlist-not-more = More people than places should go on to inspection: change the shortlist ratio
competition-judge-name-empty = A judge's name is empty
competition-judge-twice = The judge “{ $judge }” is listed twice
competition-judges-too-few = The interview has { $count ->
        [one] { $count } judge
       *[other] { $count } judges
    }; dropping { $drop } highest and { $drop } lowest scores needs at least { $need }

competition-not-reviewed = Scores cannot be computed before these applicants' eligibility review is done: { $names }
competition-post-unknown = Post { $n }, which { $name } applied for, does not exist
competition-reason-empty = Enter why { $name } did not pass the eligibility review
competition-scored-not-passed = { $name } did not pass the eligibility review and should have no scores
competition-written-missing = No written exam score yet for: { $names }
competition-judge-missing = { $name } has no interview score from: { $judges }. Every applicant must be scored by the same judges
competition-judge-unknown = { $name } has interview scores from judges not on the panel: { $judges }

competition-notice-date = { $date }
competition-notice-numbered = { $n }. { $text }
competition-notice-post-title = { $competition }: posts
competition-notice-post-intro = { $competition } offers { $posts ->
        [one] { $posts } post
       *[other] { $posts } posts
    } with { $places ->
        [one] { $places } place
       *[other] { $places } places
    }:
competition-notice-conditions-title = { $competition }: eligibility conditions
competition-notice-conditions-intro = Applicants must meet these conditions:
competition-notice-procedure-title = { $competition }: procedure
competition-notice-procedure-intro = The competition follows these steps:
competition-notice-process-title = { $competition }: eligibility review
competition-notice-process-counts = { $total ->
        [one] { $total } person
       *[other] { $total } people
    } applied; { $passed } met the conditions and { $failed } did not.
competition-notice-process-pending = { $n ->
        [one] { $n } application is
       *[other] { $n } applications are
    } still under review.
competition-notice-process-passed = Applicants who passed the eligibility review:
competition-notice-result-title = { $competition }: results
competition-notice-result-post = Post: { $post } ({ $places ->
        [one] { $places } place
       *[other] { $places } places
    }, { $shortlist } to be inspected)
competition-notice-cut-tie = { $names } have the same total, { $total }, and tie for rank { $rank }: they compete for { $seats ->
        [one] { $seats } inspection place
       *[other] { $seats } inspection places
    } (ranks { $rank } to { $last }), which the organisation department decides.
competition-notice-short = Only { $have } passed the eligibility review, fewer than the { $need } inspection needs.

competition-step-announce = Announcement of the posts, conditions and procedure
competition-step-apply = Applications
competition-step-review = Eligibility review
competition-step-written = Written exam
competition-step-interview = Structured interview
competition-step-total = Totals and ranking, published
competition-step-inspect = Shortlist by the set ratio, and inspection
competition-step-decide = Decision by the Party committee (leading group)
competition-step-publicity = Publicity before appointment

competition-rule-interview = { $judges ->
        [0] The structured interview is scored by judges
       *[other] The structured interview is scored by { $judges } judges
    }; the interview score is the mean after dropping the { $drop } highest and { $drop } lowest scores.
competition-rule-total = Total = written score × { $written } + interview score × { $interview }.
competition-rule-rounding = Interview scores and totals are given to two decimals, rounded half up; ranks follow the published totals, and equal totals share a rank.
competition-rule-shortlist-per-place = { $n } people go on to inspection for each place.
competition-rule-shortlist-extra = { $n ->
        [one] { $n } more person than places goes
       *[other] { $n } more people than places go
    } on to inspection.
competition-rule-shortlist-share = { $share } more people than places go on to inspection (rounded up, at least one more).
competition-rule-cut-tie = Where equal totals straddle the shortlist line, the organisation department decides who goes on.

competition-col-number = No.
competition-col-post = Post
competition-col-places = Places
competition-col-shortlist = To inspection
competition-col-name = Name
competition-col-rank = Rank
competition-col-written = Written
competition-col-interview = Interview
competition-col-total = Total
competition-col-remark = Remark
competition-rank-tied = { $rank } (tied)
competition-standing-shortlisted = To inspection
competition-standing-at-cut = Tied at the shortlist line: to be decided

competition-pdf-glyph-missing = The notice holds a character no font can show, “{ $char }” ({ $code }); no PDF was made: check the character, or install a font that has it
competition-pdf-font-broken = The font file cannot be embedded in a PDF ({ $detail })
competition-pdf-too-long = A line of the notice does not fit on a page even in the smallest type; no PDF was made

# Typing a competition on the case page
competition-text-applicant-twice = Applicants, line { $line }: “{ $name }” twice
competition-text-applicant-line = Applicants, line { $line }: write “{ $text }” as “name”, “name 通过” or “name 不通过 reason”
competition-text-unknown-applicant = Line { $line }: “{ $name }” is not an applicant
competition-text-written-line = Written scores, line { $line }: write “{ $text }” as “name score”
competition-text-written-twice = Written scores, line { $line }: “{ $name }” scored twice
competition-text-interview-line = Interview scores, line { $line }: write “{ $text }” as “judge name score”
competition-text-interview-twice = Interview scores, line { $line }: judge “{ $judge }” scored “{ $name }” twice
competition-text-score = Line { $line }: { $detail }
