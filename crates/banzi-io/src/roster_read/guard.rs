//! Refuses hostile or foreign files before calamine inflates anything (R-SEC-4).
//!
//! An .xlsx is a zip archive. A zip bomb declares (or hides) a few hundred MB behind a few
//! KB, so the archive's central directory is read first, with the same `zip` crate and version
//! calamine uses: the sizes checked here are the sizes `zip` will hold each entry to when
//! calamine reads it (it refuses to inflate an entry past its declared size).

use std::io::{Cursor, Read};

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
/// Most memory the shared strings may take once read. calamine keeps every shared string
/// of the workbook in memory for the whole read (a `String` each), so this part, unlike a
/// sheet, is not streamed: an 11 MB file whose strings unpack to 950 MB held 1.1 GB. A
/// 100,000-cadre workbook needs about 10–30 MB here; past this, the workbook is to be split.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 128 << 20;
/// What one shared string costs beside its text: the `String` (24 bytes) and the rounding
/// of its allocation.
const PER_STRING: u64 = 32;
/// How far into each XML part a document type declaration is looked for: it can only come
/// before the root element, after the XML declaration and perhaps comments.
const PROLOG_BYTES: usize = 64 << 10;

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
    let mut archive = archive;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|_| not_xlsx())?;
        let name = entry.name_raw().to_ascii_lowercase();
        if !(name.ends_with(b".xml") || name.ends_with(b".rels")) {
            continue;
        }
        let part = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if name.ends_with(b"sharedstrings.xml") {
            let declared = entry.size();
            shared_strings(&mut entry, declared, &part)?;
        } else {
            no_doctype(&mut entry, &part)?;
        }
    }
    Ok(())
}

/// Refuses an XML part that declares a document type: Excel never writes one, and a
/// DOCTYPE is how entity tricks (external entities, billion laughs) start.
fn no_doctype(entry: &mut impl Read, part: &str) -> Result<(), RowError> {
    let mut head = Vec::with_capacity(4096);
    entry
        .take(PROLOG_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|_| broken(part))?;
    if has_doctype(&head) {
        return Err(file_error(message!(
            "up-xml-doctype",
            part = part.to_string()
        )));
    }
    Ok(())
}

fn has_doctype(head: &[u8]) -> bool {
    memchr::memmem::find_iter(head, b"<!").any(|i| {
        head.get(i + 2..i + 9)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"DOCTYPE"))
    })
}

/// What the user is told when calamine cannot read the workbook: what is wrong and what to
/// do, never the parser's own words (they name XML events and Rust types).
pub(crate) fn unreadable(e: &calamine::XlsxError) -> Msg {
    use calamine::XlsxError as E;
    match e {
        E::Xml(_) | E::XmlAttr(_) | E::XmlEof(_) | E::UnexpectedNode(_) => {
            Msg::new("up-workbook-xml-broken")
        }
        E::FileNotFound(_) | E::RelationshipNotFound => Msg::new("roster-not-xlsx"),
        E::Zip(_) | E::Io(_) => Msg::new("up-workbook-zip-broken"),
        _ => Msg::new("up-workbook-unreadable"),
    }
}

fn broken(part: &str) -> RowError {
    file_error(message!("up-xml-broken", part = part.to_string()))
}

/// Bounds the memory of the shared strings before calamine reads them: the part is
/// inflated in small pieces and its strings counted (each `<si>`), and it is refused as
/// soon as its text and strings would take more than [`MAX_SHARED_STRINGS_BYTES`]. A part
/// whose declared size alone is over the bound is refused without inflating anything.
fn shared_strings(entry: &mut impl Read, declared: u64, part: &str) -> Result<(), RowError> {
    let too_big = || {
        file_error(message!(
            "up-shared-strings-too-large",
            part = part.to_string(),
            max = (MAX_SHARED_STRINGS_BYTES >> 20) as i64,
        ))
    };
    if declared > MAX_SHARED_STRINGS_BYTES {
        return Err(too_big());
    }
    let mut cost = SharedStringsCost::default();
    let mut buf = vec![0u8; 64 << 10];
    let mut first = true;
    loop {
        let n = entry.read(&mut buf).map_err(|_| broken(part))?;
        if n == 0 {
            return Ok(());
        }
        if first && has_doctype(&buf[..n]) {
            return Err(file_error(message!(
                "up-xml-doctype",
                part = part.to_string()
            )));
        }
        first = false;
        if cost.add(&buf[..n]) > MAX_SHARED_STRINGS_BYTES {
            return Err(too_big());
        }
    }
}

/// The memory the shared strings read so far would take: their bytes (the text is no
/// longer than the XML it is written in) and [`PER_STRING`] for each string.
#[derive(Default)]
pub(crate) struct SharedStringsCost {
    bytes: u64,
    strings: u64,
    /// The last bytes of the previous piece, so that a tag cut in two is still seen.
    carry: Vec<u8>,
    /// Where (in the whole part) the first "si" not yet decided on may be.
    decided: u64,
}

/// Bytes kept from one piece for the next: enough for `<` and a namespace prefix.
const CARRY: usize = 40;

impl SharedStringsCost {
    /// Adds a piece of the part; returns the cost so far.
    pub fn add(&mut self, piece: &[u8]) -> u64 {
        let start = self.bytes - self.carry.len() as u64;
        self.bytes += piece.len() as u64;
        let mut window = std::mem::take(&mut self.carry);
        window.extend_from_slice(piece);
        // A string starts at `<si>`, `<si/>`, `<si attr…>` or with a prefix, `<x:si>`: "si"
        // after `<` or after `:` of a start tag, and before `>`, `/` or a space.
        for i in memchr::memmem::find_iter(&window, b"si") {
            if start + (i as u64) < self.decided {
                continue;
            }
            let Some(after) = window.get(i + 2) else {
                break; // seen again with the next piece
            };
            let opens = match i.checked_sub(1).map(|j| window[j]) {
                Some(b'<') => true,
                Some(b':') => starts_tag(&window[..i - 1]),
                _ => false,
            };
            if opens && matches!(after, b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n') {
                self.strings += 1;
            }
        }
        self.decided = start + window.len().saturating_sub(2) as u64;
        let keep = window.len().min(CARRY);
        self.carry = window[window.len() - keep..].to_vec();
        self.bytes + self.strings * PER_STRING
    }
}

/// Whether `before` ends with `<` and a prefix (`<x`), not `</x`.
fn starts_tag(before: &[u8]) -> bool {
    let name = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        .count();
    let at = before.len() - name;
    name > 0 && at > 0 && before[at - 1] == b'<'
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
pub(crate) fn declared_entries(b: &[u8]) -> Option<u64> {
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
    fn shared_strings_are_counted_across_pieces() {
        let xml = b"<sst><si><t>a</t></si><x:si><t>b</t></x:si><si/><sis>siesta</sis><x:si/></sst>";
        for cut in 0..xml.len() {
            let mut c = SharedStringsCost::default();
            c.add(&xml[..cut]);
            c.add(&xml[cut..]);
            assert_eq!(c.strings, 4, "cut at {cut}");
            assert_eq!(c.bytes, xml.len() as u64);
        }
    }

    #[test]
    fn a_doctype_is_seen_in_any_case() {
        assert!(has_doctype(
            b"<?xml version=\"1.0\"?><!doctype x [<!ENTITY a \"b\">]><x/>"
        ));
        assert!(has_doctype(
            b"<!-- c --><!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x/>"
        ));
        assert!(!has_doctype(b"<?xml version=\"1.0\"?><!-- note --><x/>"));
    }

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
