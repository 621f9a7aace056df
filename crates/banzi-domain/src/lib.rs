//! banzi's domain: the rules and types of DOMAIN.md as plain Rust over plain data.
//!
//! No database, no HTTP, no clock: an as-of date is always a parameter. The storage and
//! web layers load, call this crate, save and render.

pub mod accounts;
pub mod appointment;
pub mod audit;
pub mod ballot;
pub mod cadre;
pub mod calendar;
pub mod codes;
pub mod competition;
pub mod datacheck;
pub mod date;
pub mod dossier;
pub mod error;
pub mod id_number;
pub mod listing;
pub mod lrmx;
pub mod msg;
pub mod pinyin_name;
pub mod registry;
pub mod role;
pub mod roster;
pub mod rules;
pub mod search_keys;
pub mod selection;

pub use date::{Date, YearMonth};
pub use error::{DomainError, FieldError};
pub use id_number::IdNumber;
pub use msg::{Arg, Msg};
