# Messages of the ballot area (DOMAIN.md M5): the kinds of question and their marks, the
# set-up and its checks, 实到人数, a ballot's checks, and the refusals of the store and the
# pages. $question, $group and $item count from 1; names ($name) are shown as written.

## The kinds of question (R-VOTE-1) and the marks an answer gives.

ballot-kind-recommend = Recommendation
ballot-kind-approve = Approval
ballot-kind-rate-cadre = Cadre rating
ballot-kind-rate-team = Team rating
ballot-mark-approve-yes = For
ballot-mark-approve-no = Against
ballot-mark-approve-abstain = Abstain
ballot-mark-cadre-excellent = Excellent
ballot-mark-cadre-competent = Competent
ballot-mark-cadre-basically-competent = Basically competent
ballot-mark-cadre-incompetent = Incompetent
ballot-mark-team-good = Good
ballot-mark-team-fairly-good = Fairly good
ballot-mark-team-fair = Fair
ballot-mark-team-poor = Poor

## The set-up form, as typed. The set-up is typed with its Chinese words, so they stay.

ballot-expected-not-a-number = The expected attendance should be a positive whole number
ballot-setup-group-line = Line { $line } should read “name weight codes”, e.g. “班子成员 30 12”
ballot-setup-question-line = Line { $line } should read “kind：title”, the kind being 推荐N人, 推荐N人可另提, 赞成, 干部测评 or 班子测评

## The set-up, checked whole (R-VOTE-1, R-VOTE-6).

ballot-title-required = The ballot title is required
ballot-title-too-long = The ballot title may have at most { $max } characters; it has { $n }
ballot-expected-zero = The expected attendance must be at least 1
ballot-threshold-zero-denominator = The pass threshold's denominator cannot be 0
ballot-threshold-over-one = The pass threshold cannot exceed 1; it is { $num }/{ $den }
ballot-grade-values-increase = Grade values must not increase from the best grade to the worst; they are { $values }
ballot-groups-none = Set up at least one rater group
ballot-groups-too-many = At most { $max } rater groups; there are { $n }
ballot-group-name-required = Rater group { $group }: the name is required
ballot-group-name-twice = Rater group “{ $name }” appears twice
ballot-group-weight-zero = Rater group { $group }: the weight must be at least 1
ballot-group-codes-range = Rater group { $group }: the number of voting codes must be 1 to { $max }; it is { $n }
ballot-group-weights-sum = The rater groups' weights must add up to 100; they add up to { $sum }
ballot-questions-none = Set up at least one question
ballot-questions-too-many = At most { $max } questions; there are { $n }
ballot-question-title-required = Question { $question }: the title is required
ballot-question-options-none = Question { $question }: list at least one name
ballot-question-options-too-many = Question { $question }: at most { $max } names may be listed; there are { $n }
ballot-question-option-name-required = Question { $question }, item { $item }: the name is required
ballot-question-option-twice = Question { $question }: “{ $name }” is listed twice
ballot-question-max-zero = Question { $question }: the number to recommend must be at least 1
ballot-question-max-over-listed = Question { $question }: the number to recommend cannot exceed the { $listed } listed; it is { $max }
ballot-question-max-over-write-ins = Question { $question }: the number to recommend cannot exceed { $most } (the number listed plus { $extra }); it is { $max }

## A ballot, from a phone or keyed in from paper (R-VOTE-5).

ballot-answers-count = The ballot should answer { $want ->
        [one] { $want } question
       *[other] { $want } questions
    }; it answers { $got }
ballot-answer-over-selected = Question { $question }: recommend at most { $max }; you chose { $n }
ballot-answer-wrong-form = Question { $question }: the answer is not in the right form
ballot-answer-no-such-item = Question { $question } has no item { $item }
ballot-answer-picked-twice = Question { $question }: “{ $name }” is ticked twice
ballot-answer-write-ins-not-allowed = Question { $question } takes no write-in names
ballot-answer-write-in-blank = Question { $question }: a write-in name cannot be blank
ballot-answer-write-in-too-long = Question { $question }: the write-in name “{ $name }” is longer than { $max } characters
ballot-answer-write-in-listed = Question { $question }: “{ $name }” is on the list; tick it instead of writing it in
ballot-answer-written-twice = Question { $question }: “{ $name }” is written in twice
ballot-answer-mark-count = Question { $question }: answer { $want ->
        [one] the { $want } item
       *[other] each of the { $want } items
    }; there { $got ->
        [one] is { $got } answer
       *[other] are { $got } answers
    }
ballot-answer-bad-mark = Question { $question }, item { $item }: the choice is not valid

## 实到人数, R-SEL-2's attendees: entered before opening, corrected until closing.

ballot-attended-range = The attendance should be a whole number from 1 to { $expected }
ballot-attended-range-is = The attendance should be a whole number from 1 to { $expected }; it is { $n }
ballot-attended-range-typed = The attendance should be a whole number from 1 to { $expected }; it is “{ $text }”
ballot-attended-below-cast = The attendance cannot be less than the ballots already cast ({ $cast })
ballot-attended-closed = Voting has closed; the attendance can no longer be changed
ballot-open-without-attended = The attendance is not entered, so voting cannot start: enter the number signed in at the meeting
ballot-close-without-attended = The attendance is not entered, so the vote cannot close: first enter the number signed in at the meeting
ballot-close-over-attended = More ballots were cast ({ $cast }) than people attended ({ $attended }), so the vote cannot close: check the attendance

## A session's life: who may run it, its codes, opening and closing, results (R-VOTE-2..5).

ballot-staff-only = Only organization department staff can manage ballots
ballot-not-found = Ballot session not found
ballot-codes-after-close = Voting has closed; no more codes can be issued
ballot-open-not-draft = Only a session not yet started can be started
ballot-close-not-open = Only a session in progress can be closed
ballot-close-paper-pending = { $n ->
        [one] { $n } paper slip is not counted yet: check and count it
       *[other] { $n } paper slips are not counted yet: check and count them
    } before closing the vote
ballot-close-db-held = Another program holds the database open (a backup tool or a database shell, say), so the traces of the voting cannot be cleared and the vote stays open: close that program and close the vote again
ballot-void-after-close = Voting has closed; codes can no longer be voided
ballot-result-before-close = Results are available only after the vote closes
ballot-serials-form = Serials should be written like “3, 5-7”
ballot-void-refused-used = the code has voted, and a ballot cannot be taken back
ballot-void-refused-unknown = this session has no such serial
ballot-void-refused-already = it was voided before
ballot-reissue-after-close = Voting has closed; no more codes can be reissued
ballot-reissue-unknown = This session has no serial { $serial }
ballot-reissue-not-voided = Serial { $serial } is not voided, so it cannot be reissued: void the old code first
ballot-reissue-done = Serial { $serial } was reissued already
ballot-reissue-group-full = The rater group “{ $group }” of serial { $serial } holds all its planned codes already: nothing to reissue

## What a voter's phone is told (R-VOTE-2, R-VOTE-4).

ballot-code-invalid = Invalid code: check the QR code on your slip
ballot-code-voided = This code has been voided
ballot-code-used = This code has already voted
ballot-not-started = Voting has not started yet
ballot-over = Voting has closed
ballot-nonce-invalid = The submission id is not valid; reload the page and try again
ballot-code-attempts = Too many invalid codes from this device: try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }, or ask the staff for help

## Paper ballots, keyed in twice by two people.

ballot-paper-not-open = Paper ballots can be keyed only while the vote is open
ballot-paper-seq-range = The slip number should be a whole number from 1 to { $max }
ballot-paper-group-required = Choose a rater group
ballot-paper-counted = Paper slip { $seq } is counted and can no longer be changed
ballot-paper-keyed-twice = Paper slip { $seq } has been keyed by two people; only they can correct it
ballot-paper-unresolved = Paper slips not yet keyed alike by two people: { $seqs }; check them first
ballot-paper-changed = The keying changed just now: reload and count again
