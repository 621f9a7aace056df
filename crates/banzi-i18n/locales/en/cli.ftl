# The command line: help (cli-cmd-<command path>, cli-arg-<command path>-<argument>),
# headings, and what the commands print.

cli-help = Print help
cli-version = Print version
cli-usage = Usage:{" "}
cli-commands = Commands:
cli-command = COMMAND
cli-arguments = Arguments:
cli-options = Options:
cli-error = Error
cli-see_help = For more information, try --help.

cli-cmd-banzi = banzi: leadership team management
cli-arg-banzi-database = Database URL: sqlite://file or postgres://user@host/db (or the environment variable BANZI_DATABASE_URL)
cli-arg-banzi-config = Config file (banzi.toml in the current directory, if there is one; or the environment variable BANZI_CONFIG)
cli-arg-banzi-lang = Output language: zh-CN (default), zh-TW, en; without it, LC_ALL or LANG decide
cli-cmd-banzi-serve = Start the web service
cli-arg-banzi-serve-listen = Address to listen on, 127.0.0.1:8080 by default (or the environment variable BANZI_LISTEN)
cli-cmd-banzi-demo = Build the fictional demo city and start the service
cli-arg-banzi-demo-listen = Address to listen on, 127.0.0.1:8080 by default (or the environment variable BANZI_LISTEN)
cli-arg-banzi-demo-no_serve = Only build the data, do not start the service
cli-cmd-banzi-user = Accounts
cli-cmd-banzi-user-add = Create an account; the password is read from standard input
cli-arg-banzi-user-add-login = Login
cli-arg-banzi-user-add-role = Role: staff, leader, liaison, discipline, sysadmin, secadmin, auditor
cli-arg-banzi-user-add-unit = Unit code (required for a unit liaison)
cli-arg-banzi-user-add-name = Name
cli-cmd-banzi-import = Import a roster workbook (written only if all of it is correct), or appointment form files (.lrmx or a zip of them: previewed, written only if all are correct), told apart by content
cli-arg-banzi-import-file = File: a roster workbook (.xlsx), an .lrmx, or a zip of .lrmx files
cli-arg-banzi-import-dry_run = Only preview the appointment forms (new, changed or in error, file by file); write nothing
cli-cmd-banzi-export = Export
cli-cmd-banzi-export-roster = Export the whole roster
cli-arg-banzi-export-roster-file = Workbook file to write (.xlsx)
cli-cmd-banzi-export-lrmx = Export appointment form files (LRMX)
cli-arg-banzi-export-lrmx-ids = Cadres' ID numbers (one or more)
cli-arg-banzi-export-lrmx-output = File to write: .lrmx (one cadre) or .zip (several)
cli-arg-banzi-export-lrmx-as_of = Day ages are counted to, YYYY-MM-DD; today by default
cli-cmd-banzi-template = Write the empty roster template
cli-arg-banzi-template-file = Workbook file to write (.xlsx)
cli-cmd-banzi-audit = Audit trail
cli-cmd-banzi-audit-verify = Verify the audit chain; exit non-zero on an edit, deletion or swap
cli-cmd-banzi-check = Structure alerts: check every team and cadre against the rules (exit 0 even when alerts are found)
cli-arg-banzi-check-as_of = Date checked, YYYY-MM-DD; today by default
cli-arg-banzi-check-format = Output format: table (the default), json, xlsx (a sheet per level)
cli-arg-banzi-check-output = File to write (required for xlsx; the screen otherwise)

cli-error-unknown-argument = Unknown argument “{ $arg }”
cli-error-unknown-command = There is no command “{ $command }”
cli-error-invalid-value = Invalid value “{ $value }” for { $arg }{ $listed ->
    [yes] {" "}(choices: { $choices })
   *[no] {""}
}
cli-error-missing-argument = Missing required argument: { $arg }
cli-error-missing-command = Give a command
cli-error-conflict = Argument { $arg } cannot be used with one already given

cli-no-runtime = Cannot start the runtime
cli-cannot-open-database = Cannot open the database { $url }
cli-cannot-read-password = Cannot read the password from standard input
cli-cannot-read = Cannot read { $file }
cli-config-malformed = The config file { $file } is malformed
cli-config-unreadable = Cannot read the config file { $file }
cli-cannot-write = Cannot write { $file }
cli-cannot-listen = Cannot listen on { $addr }
cli-reader-died = The thread reading the workbook stopped unexpectedly
cli-account-created = Account { $login } created ({ $role })
cli-exported = Exported { $units } { $units ->
    [one] unit
   *[other] units
}, { $posts } { $posts ->
    [one] post
   *[other] posts
}, { $cadres } { $cadres ->
    [one] cadre
   *[other] cadres
} and { $appointments } { $appointments ->
    [one] appointment
   *[other] appointments
} to { $file }
cli-template-written = Empty template written to { $file }
cli-audit-intact = Audit chain intact: { $n ->
    [one] the one entry verifies
   *[other] all { $n } entries verify
}
cli-audit-broken = Audit chain broken: { $detail }
cli-writing = Writing
cli-reading = Reading
cli-storing = Storing
cli-rows_template = {"{"}msg{"}"} {"{"}pos{"}"} rows {"{"}elapsed{"}"}
cli-reading-sheet = Reading { $sheet }
cli-storing-sheet = Storing { $sheet }
cli-notice = Note: sheet “{ $sheet }”: { $text }
cli-imported = Imported. Created or updated: { $units } { $units ->
    [one] unit
   *[other] units
}, { $posts } { $posts ->
    [one] post
   *[other] posts
}, { $cadres } { $cadres ->
    [one] cadre
   *[other] cadres
}, { $appointments } { $appointments ->
    [one] appointment
   *[other] appointments
}, { $portfolios } { $portfolios ->
    [one] portfolio
   *[other] portfolios
}, { $trainings } { $trainings ->
    [one] training
   *[other] trainings
}{ $changed ->
    [no] {" "}(the same as the database: nothing changed)
   *[yes] {""}
}
cli-import-refused = { $n ->
    [one] 1 error
   *[other] { $n } errors
}; nothing was imported.
cli-started = banzi is running: open { $url } in a browser
cli-local-only = (This computer only. For phones to vote by QR code at a meeting, start with --listen 0.0.0.0:{ $port } and open it by its LAN address before handing out the codes.)
cli-demo_written = The demo city has been written to the database.
cli-demo_exists = The database already has data; the demo city is not built again.
cli-demo-building = Building the demo city: { $units } units, { $posts } posts, { $cadres } cadres, { $appointments } appointments…
cli-demo-accounts = Demo accounts (all with the password { $password }):
cli-demo-login = { $role }{ $in_unit ->
    [yes] {" "}({ $unit })
   *[no] {""}
}
cli-selection-intact = Selection records intact: { $n ->
        [one] one case verified
       *[other] { $n } cases verified
    }
