use clap::Parser;

// The import and the checks allocate and free by the million; glibc's allocator spends a
// fifth of the import in its own bookkeeping (see the import benchmark).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let args = banzi::cli::Cli::parse();
    banzi::cli::run(args)
}
