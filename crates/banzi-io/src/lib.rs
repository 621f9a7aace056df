//! Files in and out: the standard roster workbook of ROSTER_FORMAT.md.
//!
//! [`roster_read`] turns an uploaded .xlsx into a checked [`banzi_domain::roster::Roster`] or
//! every problem in it at once (R-SEC-4: bad input changes nothing, and a hostile file is
//! refused before it can use much memory). [`roster_write`] writes a roster back in the same
//! layout, and the empty template users fill in. [`layout`] is the one table of sheets and
//! headers both sides use.

pub mod alerts_write;
pub mod ballot_write;
pub mod cadres_write;
pub mod competition_pdf;
pub mod datacheck_write;
pub mod form_pdf;
pub mod layout;
pub mod listing_pdf;
pub mod listing_write;
pub mod lrmx;
pub mod pdf;
pub mod photo;
pub mod roster_read;
pub mod roster_write;
pub mod selection_write;

pub use alerts_write::write_alerts;
pub use ballot_write::write_ballot_result;
pub use cadres_write::{ListedCadre, write_cadre_list};
pub use competition_pdf::render_notices;
pub use datacheck_write::write_datacheck;
pub use form_pdf::{FormFonts, render_forms};
pub use listing_pdf::render_listing;
pub use listing_write::write_listing;
pub use lrmx::{read_lrmx, read_lrmx_upload, write_lrmx};
pub use photo::{Photo, check_photo};
pub use roster_read::{Notice, read_roster, read_roster_parts, spawn_reader};
pub use roster_write::{IoError, template, write_roster};

/// How far a long read or write has got, for a progress bar: `done` of `total` data rows of
/// `sheet` (`total` is 0 when the sheet does not say how many rows it has).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub sheet: &'static str,
    pub done: usize,
    pub total: usize,
}

/// Rows between two progress calls.
pub(crate) const PROGRESS_EVERY: usize = 1000;
