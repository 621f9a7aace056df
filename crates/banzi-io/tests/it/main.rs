//! banzi-io's integration tests, in one binary (STYLE.md).

mod bench;
mod competition_pdf;
mod errors;
mod form_pdf;
mod guard;
mod helpers;
mod hostile_parts;
mod listing_pdf;
mod lrmx_gen;
mod lrmx_hostile;
mod lrmx_roundtrip;
mod memory;
mod roundtrip;
mod streaming;
mod table_pdf;
mod wording;
