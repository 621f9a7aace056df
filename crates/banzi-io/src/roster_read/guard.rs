//! Refuses hostile or foreign files before calamine inflates anything (R-SEC-4).
//!
//! An .xlsx is a zip archive. A zip bomb declares (or hides) a few hundred MB behind a few
//! KB, so the archive's central directory is read first, with the same `zip` crate and version
//! calamine uses: the sizes checked here are the sizes `zip` will hold each entry to when
//! calamine reads it (it refuses to inflate an entry past its declared size).

use std::io::Cursor;

use banzi_domain::roster::RowError;
use banzi_domain::{Msg, message};
use zip::{CompressionMethod, ZipArchive};

/// Largest upload accepted.
pub const MAX_INPUT_BYTES: usize = 200 << 20;
/// Largest total inflated size of all entries.
pub const MAX_INFLATED_BYTES: u64 = 1 << 30;
/// Largest inflated/compressed ratio of one entry (xlsx XML rarely passes 30:1; deflate's
/// ceiling is about 1030:1).
pub const MAX_RATIO: u64 = 200;
/// Entries smaller than this are not ratio-checked: a tiny entry cannot inflate into harm,
/// and the total bound still holds.
const RATIO_FLOOR: u64 = 1 << 20;
/// Most entries in the archive (a roster workbook has about 15).
pub const MAX_ENTRIES: usize = 1000;

use banzi_domain::roster::FILE;

pub(crate) fn file_error(message: Msg) -> RowError {
    RowError {
        sheet: FILE.into(),
        row: 0,
        column: String::new(),
        message,
    }
}

pub(crate) fn not_xlsx() -> RowError {
    file_error(Msg::new("roster-not-xlsx"))
}

/// Checks size, kind and the zip central directory.
pub fn check(bytes: &[u8]) -> Result<(), RowError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(file_error(message!(
            "roster-file-too-large",
            size = bytes.len() >> 20,
            max = MAX_INPUT_BYTES >> 20,
        )));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An OLE container: an old .xls, or an .xlsx encrypted with a password.
        return Err(file_error(Msg::new("roster-not-xlsx-ole")));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(not_xlsx());
    }
    // Cheap look at the end record first, so an archive declaring millions of entries is
    // refused before `zip` builds a table of them.
    if let Some(n) = declared_entries(bytes)
        && n > MAX_ENTRIES as u64
    {
        return Err(too_many(n));
    }
    let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_xlsx())?;
    if archive.len() > MAX_ENTRIES {
        return Err(too_many(archive.len() as u64));
    }
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_data(i).map_err(|_| not_xlsx())?;
        if entry.encrypted() {
            return Err(file_error(Msg::new("roster-encrypted")));
        }
        if !matches!(
            entry.compression(),
            CompressionMethod::Stored | CompressionMethod::Deflated
        ) {
            return Err(file_error(Msg::new("roster-not-xlsx-compression")));
        }
        let (size, packed) = (entry.size(), entry.compressed_size());
        total = total.saturating_add(size);
        if total > MAX_INFLATED_BYTES {
            return Err(file_error(message!(
                "roster-inflated-too-large",
                max = (MAX_INFLATED_BYTES >> 20) as i64,
            )));
        }
        if size > RATIO_FLOOR && size / packed.max(1) > MAX_RATIO {
            return Err(file_error(message!(
                "roster-ratio",
                ratio = (size / packed.max(1)) as i64,
                max = MAX_RATIO as i64,
            )));
        }
    }
    Ok(())
}

fn too_many(n: u64) -> RowError {
    file_error(message!(
        "roster-too-many-entries",
        count = i64::try_from(n).unwrap_or(i64::MAX),
        max = MAX_ENTRIES,
    ))
}

/// The entry count of the end-of-central-directory record nearest the end of the file
/// (ZIP64 when the 16-bit count is saturated), if one is found.
fn declared_entries(b: &[u8]) -> Option<u64> {
    const EOCD: &[u8] = b"PK\x05\x06";
    const EOCD64: &[u8] = b"PK\x06\x06";
    const LOCATOR: &[u8] = b"PK\x06\x07";
    let lowest = b.len().saturating_sub(22 + 0xFFFF);
    let last = b.len().checked_sub(22)?;
    let at = (lowest..=last)
        .rev()
        .find(|&i| b.get(i..i + 4) == Some(EOCD))?;
    let count = u16::from_le_bytes([*b.get(at + 10)?, *b.get(at + 11)?]);
    if count != 0xFFFF {
        return Some(u64::from(count));
    }
    let loc = at.checked_sub(20)?;
    if b.get(loc..loc + 4)? != LOCATOR {
        return Some(u64::from(count));
    }
    let off = u64::from_le_bytes(b.get(loc + 8..loc + 16)?.try_into().ok()?);
    let off = usize::try_from(off).ok()?;
    if b.get(off..off.checked_add(4)?)? != EOCD64 {
        return Some(u64::from(count));
    }
    Some(u64::from_le_bytes(
        b.get(off + 32..off + 40)?.try_into().ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_record_count_is_read() {
        let mut b = b"PK\x03\x04".to_vec();
        b.extend_from_slice(b"PK\x05\x06\0\0\0\0\x07\0\x07\0\0\0\0\0\0\0\0\0\0\0");
        assert_eq!(declared_entries(&b), Some(7));
        b.truncate(10);
        assert_eq!(declared_entries(&b), None);
    }

    #[test]
    fn a_declared_flood_of_entries_is_refused_before_zip_reads_them() {
        let mut b = b"PK\x03\x04".to_vec();
        b.extend_from_slice(b"PK\x05\x06\0\0\0\0\x50\xC3\x50\xC3\0\0\0\0\0\0\0\0\0\0");
        let e = check(&b).unwrap_err();
        assert_eq!(
            e.message,
            message!("roster-too-many-entries", count = 50000, max = MAX_ENTRIES)
        );
    }
}
