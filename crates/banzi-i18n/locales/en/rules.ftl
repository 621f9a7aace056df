# Messages of the rules area, in English (see zh-CN/rules.ftl for the arguments). Names, post
# and team titles, portfolio work and fields of expertise stay in Chinese, as written.

## Alerts, one entry per rule and case.

# R-STRUCT-2
# A team as the alerts name it: the unit's name and the 班子名称 (data) or the generic word.
rule-team = { $form ->
    [named] { $unit }{ $team }
    [suffixed] { $unit }{ $team } team
   *[none] { $unit } leadership team
}

rule-young = As of { $as_of }, { $team } has no young cadre aged { $age } or under (R-STRUCT-2)
# R-STRUCT-3
rule-no-woman = As of { $as_of }, { $team } has no woman member (R-STRUCT-3)
rule-no-non-cpc = { $unit } must have a non-CPC cadre in its leadership, yet as of { $as_of } no team member is non-CPC (R-STRUCT-3)
# R-STRUCT-4
rule-seats =
    As of { $as_of }, { $post }: { $seats ->
        [one] 1 authorised seat
       *[other] { $seats } authorised seats
    }, { $held } in post{ $seconded ->
        [0] {""}
       *[other] {" "}({ $seconded } more seconded in, taking no seat)
    }, { $n } { $state ->
        [over] over the authorised number
       *[vacant] vacant
    } (R-STRUCT-4)
# R-STRUCT-5
rule-outside =
    As of { $as_of }, { $team } has { $members ->
        [one] 1 member
       *[other] { $members } members
    }, { $outside } of them by exchange from outside the system: below { $share } (R-STRUCT-5, outside exchange share)
# R-STRUCT-6
rule-same-field =
    As of { $as_of }, { $members ->
        [2] both members
       *[other] all { $members } members
    } of { $team } share one field of expertise, { $field }: they do not complement each other (R-STRUCT-6)
rule-same-age =
    As of { $as_of }, { $members ->
        [2] both members
       *[other] all { $members } members
    } of { $team } are aged { $from } to { $to }: they do not complement each other (R-STRUCT-6)
# R-EXCH-1, R-EXCH-3, R-EXCH-4
rule-exch =
    { $name }, { $post } ({ $kind }) since { $since }, { $reached ->
        [yes] reached
       *[no] will reach
    } { $years ->
        [one] 1 year
       *[other] { $years } years
    } in the post on { $due }: { $reached ->
        [yes] { $rule ->
            [R-EXCH-1] must be exchanged
            [R-EXCH-4] should be exchanged under a plan
           *[other] should be exchanged
        }
       *[no] { $rule ->
            [R-EXCH-1] must then be exchanged
            [R-EXCH-4] should then be exchanged under a plan
           *[other] should then be exchanged
        }
    } ({ $rule })
# R-EXCH-2
rule-exch-team =
    { $name }, { $post } ({ $kind }), serving in { $team } without a break since { $since }, { $reached ->
        [yes] reached
       *[no] will reach
    } { $years ->
        [one] 1 year
       *[other] { $years } years
    } on { $due }: { $reached ->
        [yes] should be exchanged
       *[no] should then be exchanged
    } (R-EXCH-2)
# R-EXCH-5
rule-exch-portfolio =
    { $name }, { $post }, in charge of { $work } since { $since }, { $reached ->
        [yes] reached
       *[no] will reach
    } { $years ->
        [one] 1 year
       *[other] { $years } years
    } on { $due }: the division of work should { $reached ->
        [yes] be changed
       *[no] then be changed
    } (R-EXCH-5)
# R-AGE-1
rule-retire =
    { $name } ({ $gender }, born { $birth }), { $post }: statutory retirement age { $age } years{ $months ->
        [0] {""}
        [one] {" "}1 month
       *[other] {" "}{ $months } months
    }, due in { $month }, { $reached ->
        [yes] reached on
       *[no] to be reached on
    } { $due } (R-AGE-1)
rule-leave =
    { $name } ({ $rank }, born { $birth }), { $post }: age for leaving leadership posts { $age }, due in { $month }, { $reached ->
        [yes] reached on
       *[no] to be reached on
    } { $due } (R-AGE-1)
# R-PROB-1
rule-probation = { $name }, { $post } since { $since } ({ $manner }): the { $months }-month probation ends on { $due }; assess and confirm in time (R-PROB-1)
# R-TERM-1
rule-two-terms =
    { $name }, { $post } since { $since }, { $reached ->
        [yes] completed
       *[no] will complete
    } two consecutive terms ({ $years } years) on { $due }: { $reached ->
        [yes] not
       *[no] then not
    } to be recommended, nominated or appointed to the same post again (R-TERM-1)
rule-level-years =
    { $name } (now { $post }) has held leadership posts at { $level } since { $since }, { $reached ->
        [yes] reached
       *[no] will reach
    } { $years } years in total on { $due }: { $reached ->
        [yes] not
       *[no] then not
    } to be recommended, nominated or appointed to a leadership post of the same level again (R-TERM-1){ $unknown ->
        [0] {""}
        [one] ; 1 earlier appointment at a post with no level recorded was not counted
       *[other] ; { $unknown } earlier appointments at posts with no level recorded were not counted
    }
# R-TRAIN-1
rule-trainings =
    { $name } ({ $post }): { $done ->
        [one] 1 professional competence training
       *[other] { $done } professional competence trainings
    } in { $year }, fewer than { $need } a year (R-TRAIN-1)
rule-county-hours =
    { $name } ({ $post }, county level and above): { $hours } h of training in { $from }–{ $to }, fewer than { $need } h in { $years ->
        [one] 1 year
       *[other] { $years } years
    } (R-TRAIN-1)
rule-township-hours = { $name } ({ $post }, township/section level): { $hours } h of training in { $year }, fewer than { $need } h a year (R-TRAIN-1)
# R-TRAIN-2
rule-secondments = City-wide secondments in { $year } up to { $as_of }: { $done }, below the yearly target of { $target } (R-TRAIN-2)
rule-alert = { $rule }

## The team card.

rule-card-youngest = Youngest member aged { $age }
rule-card-no-members = No members
rule-card-one-member = Only one member
rule-card-women =
    { $n ->
        [one] 1 woman
       *[other] { $n } women
    }
rule-card-non-cpc =
    { $n ->
        [one] 1 non-CPC cadre
       *[other] { $n } non-CPC cadres
    } in the unit
rule-card-seats =
    { $seats ->
        [one] 1 seat
       *[other] { $seats } seats
    }, { $held } in post{ $seconded ->
        [0] {""}
       *[other] {" "}({ $seconded } more seconded in, taking no seat)
    }
rule-card-outside = { $outside } of { $members } from outside the system
rule-card-same-field-and-age = All share one field of expertise, { $field }, and one 5-year age band
rule-card-same-field = All share one field of expertise, { $field }
rule-card-same-age = All in one 5-year age band
rule-card-complementary = Fields and ages complement each other

## The rule parameters.

rule-param-not-integer = should be a whole number; “{ $text }” is not
rule-param-out-of-range =
    should be from { $min } to { $max }{ $unit ->
        [age] {" "}years of age
        [years] {" "}years
        [months] {" "}months
        [days] {" "}days
        [hours] {" "}hours
        [persons] {" "}person-times
        [times] {" "}times
       *[none] {""}
    }; “{ $value }” is out of range
rule-fraction-malformed = “{ $text }” should be a fraction (such as 2/3) or a percentage (such as 50%)
rule-fraction-out-of-range = “{ $text }” should be between 0 and 1
rule-rank-age-malformed = “{ $item }” should read “rank=age”
rule-rank-age-gender = “{ $item }”: the gender should be 男 (male) or 女 (female)
rule-rank-age-not-integer = “{ $item }”: the age should be a whole number
rule-rank-age-no-rank = “{ $item }” has no rank
rule-rank-age-out-of-range = “{ $item }”: the age should be from { $min } to { $max }
rule-rank-age-twice = “{ $item }” appears twice
rule-param-twice = The rule parameter “{ $key }” appears twice
rule-param-unknown = Unknown rule parameter “{ $key }”
rule-param-wrong-kind =
    The rule parameter “{ $key }” is not { $kind ->
        [integer] a whole number
        [fraction] a fraction
       *[yes-no] a yes-or-no value
    }

## The alert list as a workbook and on the command line.

rule-col-rule = Rule
rule-col-level = Level
rule-col-due = Due
rule-col-message = Message
rule-check-title = Alert check (as of { $as_of })
rule-check-counts =
    { $violation ->
        [one] 1 violation
       *[other] { $violation } violations
    }, { $warning ->
        [one] 1 warning
       *[other] { $warning } warnings
    }, { $notice ->
        [one] 1 notice
       *[other] { $notice } notices
    }
rule-check-total =
    { $total ->
        [one] 1 alert
       *[other] { $total } alerts
    }: { $counts }.
rule-check-young =
    City department teams with a cadre aged { $age } or under: { $with_young }/{ $teams }, target { $target }: { $meets ->
        [yes] met
       *[no] not met
    }.
rule-check-written =
    Wrote { $total ->
        [one] 1 alert
       *[other] { $total } alerts
    } ({ $counts }) to { $path }
rule-check-bad-date = --as-of: bad date: { $reason }
rule-check-xlsx-needs-output = The xlsx format needs --output with the file to write
rule-check-cannot-write = Cannot write { $path }
