## the ballot session pages (meeting-): interface text, not ballot messages

## Opening and closing a session: the question asked first, and what was done.
meeting-open_ask = Start voting on “{ $title }”? Codes can then be used to vote, and the session cannot go back to not started.
meeting-close_ask = Close voting on “{ $title }”? No more votes can be cast and no codes voided or reissued; the results can then be read.
meeting-done_open = Voting on “{ $title }” has started
meeting-done_close = Voting on “{ $title }” has closed; the results can be read

## 作废 and 补发 of codes (issue 15, item 4).
meeting-void_report = Codes voided for “{ $title }”:
meeting-void_voided = Voided: serials { $serials }. These codes can no longer vote; new codes can be reissued below.
meeting-void_refused = Serial { $serial } not voided: { $reason }
meeting-awaiting = Voided codes awaiting reissue
meeting-awaiting_help = Each voided serial can be reissued as one new code in the same rater group. The new code is shown once, on a page that opens anew: print it straight away.
meeting-reissue = Reissue
meeting-reissue_all = Reissue all
meeting-reissue_ask = { $n ->
        [one] Reissue a new code for serial { $serials } of “{ $title }”, in the old code's rater group? It is shown once: print it on the page that opens. The old code stays void. This is audited and cannot be undone.
       *[other] Reissue { $n } new codes for serials { $serials } of “{ $title }”, each in its old code's rater group? They are shown once: print them on the page that opens. The old codes stay void. This is audited and cannot be undone.
    }
meeting-reissued = { $n ->
        [one] One new code reissued for “{ $title }”, in place of voided serial { $serials }. Print it now.
       *[other] { $n } new codes reissued for “{ $title }”, in place of voided serials { $serials }. Print them now.
    }
meeting-replaces = reissued for serial { $serial }

## The big screen once the vote is closed.
meeting-screen_closed = Voting has closed
meeting-screen_results = The results are not shown on this screen. Organization department staff read the results of “{ $title }” on its result page in the system ({ $address }) and publish them as the procedure requires; please ask the meeting staff with any questions.
