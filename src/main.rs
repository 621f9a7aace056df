// The import and the checks allocate and free by the million; glibc's allocator spends a
// fifth of the import in its own bookkeeping (see the import benchmark).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let tr = banzi_i18n::Tr::new(banzi::words::lang(&args, |k| std::env::var(k).ok()));
    match banzi::words::parse::<banzi::cli::Cli>(tr, args) {
        Ok(cli) => banzi::cli::run(cli, tr),
        Err(code) => code,
    }
}
