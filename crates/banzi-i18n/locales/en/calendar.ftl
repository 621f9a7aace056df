## Working-day calendar: the holidays and working weekend days the public notice before an appointment is counted on, R-SEL-9 (calendar-)

calendar-title = Working-day calendar
calendar-intro = The public notice before an appointment is counted in working days (R-SEL-9): the day it opens counts when it is a working day, and the appointment is allowed from the day after the last required working day. Working days follow the holiday arrangements published by the General Office of the State Council; a year without them is never guessed, and a notice running into it is not counted.
calendar-shipped = State Council General Office notice
calendar-shipped_note = shipped with the system; it cannot be changed or deleted
calendar-entered = Entered by an administrator
calendar-entered_by = Entered by { $who } on { $time }
calendar-notice_date = published { $date }
calendar-working_days = { $n } working days in the year
calendar-holidays = Holidays
calendar-workdays = Working weekend days
calendar-legend = Legend
calendar-legend-holiday = Holiday
calendar-legend-makeup = Working weekend day
calendar-legend-weekend = Weekend
calendar-legend-working = Working day
calendar-month = { $m ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
calendar-wd-1 = Mo
calendar-wd-2 = Tu
calendar-wd-3 = We
calendar-wd-4 = Th
calendar-wd-5 = Fr
calendar-wd-6 = Sa
calendar-wd-7 = Su
calendar-form_title = Enter or replace the holidays of a year
calendar-form_hint = Once the General Office of the State Council publishes next year's holidays, the system administrator enters them line by line from the notice; a year shipped with the system cannot be entered.
calendar-form_year = Year
calendar-form_text = Holiday arrangements
calendar-form_help = One per line: “2027-01-01 至 2027-01-03 元旦” for days off, “2027-02-20 上班” for a working weekend day; “2027年1月1日至3日 元旦” also works. A line “来源：notice title date” may name the notice.
calendar-save = Save
calendar-edit = Edit
calendar-delete = Delete
calendar-delete_confirm = Delete the calendar of { $year }? A public notice running into { $year } can then no longer be counted.
calendar-saved = The calendar of { $year } is saved.
calendar-deleted = The calendar of { $year } is deleted.
calendar-source_title = “{ $title }”
calendar-no_source = no source given

calendar-year-unknown = There is no working-day calendar for { $year } (the State Council's holiday arrangements), so working days cannot be counted; ask the system administrator to enter it
calendar-year-shipped = The calendar of { $year } comes from the State Council General Office notice shipped with the system; it cannot be entered, changed or deleted
calendar-year-missing = No calendar was entered for { $year }
calendar-year-malformed = Year “{ $value }” should be four digits from 1900 to 2200
calendar-days-zero = A public notice lasts at least 1 working day
calendar-text-too-long = The holiday arrangements are too long ({ $max } characters at most)
calendar-line-malformed = Line { $line } “{ $text }” is not understood: write “date 至 date holiday name” or “date 上班”
calendar-date-nonexistent = Line { $line } “{ $text }” names a day that does not exist
calendar-day-outside-year = Line { $line }: { $date } is not in { $year }
calendar-range-reversed = Line { $line }: the last day is before the first
calendar-workday-not-weekend = Line { $line }: { $date } is not a Saturday or Sunday, so it cannot be a working weekend day
calendar-day-twice = Line { $line }: { $date } is already on line { $other }
calendar-holiday-and-workday = Line { $line }: { $date } is on line { $other } too; a day cannot be both a holiday and a working day
calendar-holiday-name-missing = Line { $line } lacks the holiday's name (such as 国庆节)
calendar-source-empty = Line { $line }: the notice's title is missing after 来源
calendar-source-twice = Line { $line }: only one source line is allowed
calendar-year-empty = The arrangements of { $year } have no holiday
store-calendar-sysadmin-only = Only the system administrator keeps the working-day calendar
store-calendar-read-forbidden = This role cannot view the working-day calendar

audit-action-calendar_save = Enter a working-day calendar
audit-action-calendar_delete = Delete a working-day calendar
audit-entity-calendar_year = Working-day calendar
audit-field-notice = Notice
