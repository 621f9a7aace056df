//! 干部任免审批表 files (LRMX.md): one `.lrmx` read into a checked
//! [`LrmxPerson`](banzi_domain::lrmx::LrmxPerson) or every problem in it, a zip of many read
//! file by file (one bad file does not hide the others), and people written back in the
//! element order of the format, one file or a zip (issue 16, items 1 and 2).
//!
//! Hostile files are refused before they are parsed (R-SEC-4): a size bound, no document
//! type or entity declarations (XML bombs, external entities), a zip's central directory
//! checked as the roster reader checks a workbook's.
//!
//! The older `.lrm` (2.0) is refused with a message saying so (`lrmx-old-format`): its
//! GB2312 text could be decoded (encoding_rs is in the tree), but the order of its
//! `","`-separated fields is documented nowhere we can check, and a guessed order would
//! import wrong values silently. The editor converts it by saving as `.lrmx`.

mod check;
mod read;
mod write;
mod zip_read;

pub use read::{MAX_FILE_BYTES, read_lrmx};
pub use write::{export_lrmx, file_names, write_lrmx, write_lrmx_zip};
pub use zip_read::{FileResult, MAX_ENTRIES, MAX_UPLOAD_BYTES, is_lrmx_upload, read_lrmx_upload};
