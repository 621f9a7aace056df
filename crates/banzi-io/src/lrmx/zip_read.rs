//! An upload of LRMX files: one `.lrmx`, or a zip of many read file by file. The zip is
//! checked as the roster reader checks a workbook (R-SEC-4) before anything is inflated:
//! its size, its declared entries, each entry's method, encryption, size and ratio.

use super::read::{MAX_FILE_BYTES, read_lrmx};
use crate::roster_read::guard::declared_entries;
use banzi_domain::lrmx::LrmxPerson;
use banzi_domain::{Msg, message};
use std::io::{Cursor, Read};
use zip::{CompressionMethod, ZipArchive};

/// Largest upload accepted (as for a roster workbook).
pub const MAX_UPLOAD_BYTES: usize = 200 << 20;
/// Most entries in a zip: a city's cadres in one archive.
pub const MAX_ENTRIES: usize = 20_000;
/// Largest total inflated size.
const MAX_INFLATED: u64 = 1 << 30;
/// Largest inflated/compressed ratio of an entry past [`RATIO_FLOOR`] (XML with a Base64
/// photo compresses about 2:1; deflate's ceiling is about 1030:1).
const MAX_RATIO: u64 = 200;
const RATIO_FLOOR: u64 = 1 << 20;

/// One file of an upload and what was read from it.
#[derive(Debug)]
pub struct FileResult {
    /// The file's name (its path inside the zip).
    pub file: String,
    pub result: Result<LrmxPerson, Vec<Msg>>,
}

impl FileResult {
    /// An entry of a zip that is not an LRMX file (a readme, a scan): skipped, and said so,
    /// not an error that stops the import.
    pub fn is_skipped(&self) -> bool {
        matches!(&self.result, Err(m) if m.len() == 1 && m[0].id == "lrmx-not-lrmx-file")
    }
}

/// Whether an upload is LRMX (one file, or a zip of them) rather than a roster workbook,
/// told by content: a workbook is a zip holding `xl/workbook.xml`.
pub fn is_lrmx_upload(bytes: &[u8]) -> bool {
    if !bytes.starts_with(b"PK\x03\x04") {
        return true;
    }
    match ZipArchive::new(Cursor::new(bytes)) {
        Ok(z) => z.index_for_name("xl/workbook.xml").is_none(),
        Err(_) => false,
    }
}

/// Reads an upload named `file`: a zip (by its signature) file by file, anything else as one
/// `.lrmx`. An error of the whole archive is `Err`; a bad file inside it is that file's result.
pub fn read_lrmx_upload(file: &str, bytes: &[u8]) -> Result<Vec<FileResult>, Msg> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(vec![FileResult {
            file: file.to_string(),
            result: read_lrmx(file, bytes),
        }]);
    }
    let f = || file.to_string();
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(message!(
            "lrmx-zip-too-large",
            file = f(),
            size = bytes.len() >> 20,
            max = MAX_UPLOAD_BYTES >> 20,
        ));
    }
    let broken = || message!("lrmx-zip-broken", file = f());
    if let Some(n) = declared_entries(bytes)
        && n > MAX_ENTRIES as u64
    {
        return Err(too_many(file, n));
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| broken())?;
    if archive.len() > MAX_ENTRIES {
        return Err(too_many(file, archive.len() as u64));
    }
    let mut total: u64 = 0;
    let mut names = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let e = archive.by_index_data(i).map_err(|_| broken())?;
        let entry = entry_name(e.name_raw());
        if e.encrypted() {
            return Err(message!("lrmx-zip-encrypted", file = f(), entry = entry));
        }
        if !matches!(
            e.compression(),
            CompressionMethod::Stored | CompressionMethod::Deflated
        ) {
            return Err(message!("lrmx-zip-compression", file = f(), entry = entry));
        }
        let (size, packed) = (e.size(), e.compressed_size());
        total = total.saturating_add(size);
        if total > MAX_INFLATED {
            return Err(message!(
                "lrmx-zip-inflated-too-large",
                file = f(),
                max = (MAX_INFLATED >> 20) as i64,
            ));
        }
        if size > RATIO_FLOOR && size / packed.max(1) > MAX_RATIO {
            return Err(message!(
                "lrmx-zip-ratio",
                file = f(),
                entry = entry,
                ratio = (size / packed.max(1)) as i64,
                max = MAX_RATIO as i64,
            ));
        }
        names.push((entry, e.is_dir(), size));
    }
    let mut out = Vec::new();
    for (i, (name, dir, size)) in names.into_iter().enumerate() {
        let base = name.rsplit('/').next().unwrap_or(&name);
        if dir || name.starts_with("__MACOSX/") || base.starts_with('.') || base.is_empty() {
            continue;
        }
        let lower = base.to_ascii_lowercase();
        let result = if lower.ends_with(".lrmx") || lower.ends_with(".lrm") {
            let mut data = Vec::with_capacity(size.min(MAX_FILE_BYTES as u64 + 1) as usize);
            let read = archive.by_index(i).map_err(|_| broken()).and_then(|e| {
                e.take(MAX_FILE_BYTES as u64 + 1)
                    .read_to_end(&mut data)
                    .map_err(|_| broken())
            });
            match read {
                Ok(_) => read_lrmx(&name, &data),
                Err(_) => Err(vec![message!(
                    "lrmx-truncated",
                    file = name.clone(),
                    element = super::read::root_name()
                )]),
            }
        } else {
            Err(vec![message!("lrmx-not-lrmx-file", file = name.clone())])
        };
        out.push(FileResult { file: name, result });
    }
    if !out
        .iter()
        .any(|r| r.result.is_ok() || r.file.to_ascii_lowercase().ends_with(".lrmx"))
    {
        return Err(message!("lrmx-zip-empty", file = f()));
    }
    Ok(out)
}

/// An entry's name: UTF-8, or GB18030 as the zip tools of Chinese Windows write it.
fn entry_name(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode(raw).0.into_owned(),
    }
}

fn too_many(file: &str, n: u64) -> Msg {
    message!(
        "lrmx-zip-too-many",
        file = file.to_string(),
        count = i64::try_from(n).unwrap_or(i64::MAX),
        max = MAX_ENTRIES,
    )
}
