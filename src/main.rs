// The import and the checks allocate and free by the million; glibc's allocator spends a
// fifth of the import in its own bookkeeping (see the import benchmark).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// mimalloc's C API (the version Cargo.lock holds, v3.3).
unsafe extern "C" {
    fn mi_collect(force: bool);
}

fn main() -> std::process::ExitCode {
    // Memory freed goes back to the system only when the thread that freed it allocates
    // again, and the threads that read and index a province for the kept analysis then
    // sleep: the server stayed at 258 MB after the dashboard was first opened, of which about
    // 100 MB freed (issue 18). Every 2 s this gives back what is free in the whole process
    // (mimalloc purges its arenas process-wide); giving it back at every free instead
    // (MIMALLOC_PURGE_DELAY=0) cost the alert list page half its throughput.
    std::thread::spawn(|| {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(2));
            // SAFETY: a plain call into the allocator's C API, safe from any thread.
            unsafe { mi_collect(true) };
        }
    });
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let tr = banzi_i18n::Tr::new(banzi::words::lang(&args, |k| std::env::var(k).ok()));
    match banzi::words::parse::<banzi::cli::Cli>(tr, args) {
        Ok(cli) => banzi::cli::run(cli, tr),
        Err(code) => code,
    }
}
