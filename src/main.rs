use clap::Parser;

fn main() -> std::process::ExitCode {
    let args = banzi::cli::Cli::parse();
    banzi::cli::run(args)
}
