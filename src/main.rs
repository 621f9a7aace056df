// The import and the checks allocate and free by the million; glibc's allocator spends a
// fifth of the import in its own bookkeeping (see the import benchmark).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    banzi::alloc::sqlite_on_mimalloc();
    // Every 2 s what is free goes back to the system (see `banzi::alloc`): the threads that
    // read and index a province for the kept analysis sleep after it, and the server kept
    // about 100 MB they had freed. Giving back at every free instead halved the alert list
    // page's throughput.
    std::thread::spawn(|| {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(2));
            banzi::alloc::give_back();
        }
    });
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let tr = banzi_i18n::Tr::new(banzi::words::lang(&args, |k| std::env::var(k).ok()));
    match banzi::words::parse::<banzi::cli::Cli>(tr, args) {
        Ok(cli) => {
            // `banzi check` holds the registry's rows while it indexes them and frees them
            // as it goes: given back at once, a province's check stays under 250 MB
            // resident (`check::run` ends it before writing).
            if matches!(cli.command, banzi::cli::Command::Check { .. }) {
                banzi::alloc::give_back_at_once(true);
            }
            banzi::cli::run(cli, tr)
        }
        Err(code) => code,
    }
}
