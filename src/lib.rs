//! The `banzi` command: configuration, the subcommands, and the demo city. `main.rs` only
//! parses arguments and calls [`cli::run`].

pub mod alloc;
pub mod check;
pub mod check_data;
pub mod cli;
pub mod config;
pub mod demo;
pub mod lrmx_cli;
pub mod print_form;
pub mod words;
