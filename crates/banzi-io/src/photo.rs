//! A portrait checked in full before it is stored (issue 14, item 14).
//!
//! The first bytes of a file say nothing of the rest: an HTML page or a script can follow a
//! JPEG's first three bytes, or ride in its comments and metadata. So the photo is walked
//! whole, as its format lays it out, and what is stored is rebuilt from the parts an image
//! viewer needs:
//!
//! - **JPEG**: every segment from SOI to EOI with its length in bounds, a frame header
//!   (SOF) of sane size before the first scan, every scan's entropy-coded data made only of
//!   data bytes, stuffed `FF 00` and restart markers. Kept: the tables, frame, scans, and the
//!   JFIF and Adobe headers (colour); dropped: comments, EXIF, XMP and other metadata (which
//!   also carry where and when a photo was taken), and anything after EOI.
//! - **PNG**: every chunk's length and CRC, IHDR first with a valid depth and colour type,
//!   the image data inflated whole and exactly as long as the width, height and depth say
//!   (each row's filter byte valid), IEND last. Kept: the chunks that draw the image
//!   (IHDR, PLTE, tRNS, gAMA, cHRM, sRGB, iCCP, pHYs, IDAT, IEND); dropped: text chunks and
//!   anything else that is not needed, and anything after IEND.
//!
//! No image crate is linked for this (none was in the tree): the structure is read here and
//! the PNG data inflated with the `flate2` that `zip` already brings.

use banzi_domain::Msg;

/// Widest and tallest portrait accepted (a phone's photo is about 4000 × 3000).
pub const MAX_SIDE: u32 = 10_000;

/// A photo as stored: its type and its rebuilt bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    pub mime: &'static str,
    pub data: Vec<u8>,
}

/// Checks a JPEG or PNG in full and returns it rebuilt; a file of another type is
/// `reg-photo-format`, a damaged or disguised one `up-photo-not-image`.
pub fn check_photo(bytes: &[u8]) -> Result<Photo, Msg> {
    let bad = || Msg::new("up-photo-not-image");
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg(bytes)
            .map(|data| Photo {
                mime: "image/jpeg",
                data,
            })
            .ok_or_else(bad)
    } else if bytes.starts_with(PNG_SIGNATURE) {
        png(bytes)
            .map(|data| Photo {
                mime: "image/png",
                data,
            })
            .ok_or_else(bad)
    } else {
        Err(Msg::new("reg-photo-format"))
    }
}

fn be16(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]) as usize)
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn jpeg(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = vec![0xFF, 0xD8];
    let mut pos = 2;
    let mut frame = false;
    let mut scans = 0;
    loop {
        if *b.get(pos)? != 0xFF {
            return None;
        }
        // Fill bytes before a marker.
        while *b.get(pos + 1)? == 0xFF {
            pos += 1;
        }
        let marker = *b.get(pos + 1)?;
        pos += 2;
        match marker {
            0xD9 => {
                // EOI: what follows is not part of the image and is not kept.
                if !frame || scans == 0 {
                    return None;
                }
                out.extend_from_slice(&[0xFF, 0xD9]);
                return Some(out);
            }
            0x01 => out.extend_from_slice(&[0xFF, 0x01]),
            0x00 | 0xD0..=0xD8 => return None,
            _ => {
                let len = be16(b, pos)?;
                if len < 2 {
                    return None;
                }
                let seg = b.get(pos + 2..pos + len)?;
                let keep = match marker {
                    // Frame headers (baseline, extended, progressive, lossless …).
                    0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                        if frame || !sof_ok(seg) {
                            return None;
                        }
                        frame = true;
                        true
                    }
                    // Huffman and arithmetic tables, quantisation, restart interval, DNL.
                    0xC4 | 0xCC | 0xDB | 0xDD | 0xDC => true,
                    0xDA => {
                        let ns = *seg.first()? as usize;
                        if !frame || !(1..=4).contains(&ns) || seg.len() != 4 + 2 * ns {
                            return None;
                        }
                        out.extend_from_slice(&b[pos - 2..pos + len]);
                        let end = entropy_end(b, pos + len)?;
                        out.extend_from_slice(&b[pos + len..end]);
                        scans += 1;
                        pos = end;
                        continue;
                    }
                    0xE0 => seg.starts_with(b"JFIF\0") || seg.starts_with(b"JFXX\0"),
                    0xEE => seg.starts_with(b"Adobe"),
                    // Other application segments and comments: metadata, not kept.
                    0xE1..=0xED | 0xEF | 0xFE => false,
                    _ => return None,
                };
                if keep {
                    out.extend_from_slice(&b[pos - 2..pos + len]);
                }
                pos += len;
            }
        }
    }
}

/// A frame header: 8 or 12 bits, a size within [`MAX_SIDE`] (height 0 only with a DNL,
/// which portraits do not use), 1 to 4 components described in full.
fn sof_ok(seg: &[u8]) -> bool {
    let (Some(&p), Some(h), Some(w), Some(&n)) =
        (seg.first(), be16(seg, 1), be16(seg, 3), seg.get(5))
    else {
        return false;
    };
    matches!(p, 8 | 12)
        && (1..=MAX_SIDE as usize).contains(&h)
        && (1..=MAX_SIDE as usize).contains(&w)
        && (1..=4).contains(&n)
        && seg.len() == 6 + 3 * n as usize
}

/// Where the entropy-coded data starting at `pos` ends: at the first marker that is not a
/// stuffed byte or a restart.
fn entropy_end(b: &[u8], mut pos: usize) -> Option<usize> {
    loop {
        let i = pos + memchr::memchr(0xFF, b.get(pos..)?)?;
        match *b.get(i + 1)? {
            0x00 | 0xD0..=0xD7 => pos = i + 2,
            _ => return Some(i),
        }
    }
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

fn png(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = PNG_SIGNATURE.to_vec();
    let mut pos = PNG_SIGNATURE.len();
    let mut header: Option<Header> = None;
    let mut palette = false;
    let mut data = Inflate::default();
    let mut data_done = false;
    loop {
        let len = be32(b, pos)? as usize;
        let kind: [u8; 4] = b.get(pos + 4..pos + 8)?.try_into().ok()?;
        let body = b.get(pos + 8..pos.checked_add(8 + len)?)?;
        let crc = be32(b, pos + 8 + len)?;
        let mut h = crc32fast::Hasher::new();
        h.update(&kind);
        h.update(body);
        if h.finalize() != crc {
            return None;
        }
        let whole = &b[pos..pos + 12 + len];
        pos += 12 + len;
        if header.is_none() && &kind != b"IHDR" {
            return None;
        }
        if data.started && &kind != b"IDAT" {
            data_done = true;
        }
        match &kind {
            b"IHDR" => {
                if header.is_some() {
                    return None;
                }
                header = Some(Header::parse(body)?);
            }
            b"PLTE" => {
                if palette || len == 0 || !len.is_multiple_of(3) || len > 768 || data.started {
                    return None;
                }
                palette = true;
            }
            b"IDAT" => {
                if data_done {
                    return None; // image data must be one run of chunks
                }
                let hd = header.as_ref()?;
                if hd.colour == 3 && !palette {
                    return None;
                }
                data.feed(hd, body)?;
            }
            b"IEND" => {
                if len != 0 || !data.finished() {
                    return None;
                }
                out.extend_from_slice(whole);
                return Some(out);
            }
            b"tRNS" | b"gAMA" | b"cHRM" | b"sRGB" | b"iCCP" | b"pHYs" => {}
            // Another critical chunk cannot be drawn without knowing it.
            k if k[0].is_ascii_uppercase() => return None,
            _ => continue, // ancillary (text, time, …): not kept
        }
        out.extend_from_slice(whole);
    }
}

struct Header {
    width: u32,
    height: u32,
    colour: u8,
    /// Bits per pixel.
    bits: u32,
    interlaced: bool,
}

impl Header {
    fn parse(b: &[u8]) -> Option<Header> {
        if b.len() != 13 {
            return None;
        }
        let (width, height) = (be32(b, 0)?, be32(b, 4)?);
        let (depth, colour) = (b[8], b[9]);
        let channels = match (colour, depth) {
            (0, 1 | 2 | 4 | 8 | 16) => 1,
            (3, 1 | 2 | 4 | 8) => 1,
            (2, 8 | 16) => 3,
            (4, 8 | 16) => 2,
            (6, 8 | 16) => 4,
            _ => return None,
        };
        if !(1..=MAX_SIDE).contains(&width) || !(1..=MAX_SIDE).contains(&height) {
            return None;
        }
        if b[10] != 0 || b[11] != 0 || b[12] > 1 {
            return None;
        }
        Some(Header {
            width,
            height,
            colour,
            bits: channels * u32::from(depth),
            interlaced: b[12] == 1,
        })
    }

    /// The rows of the image as stored, (count, bytes each without the filter byte): one
    /// image, or the seven passes of Adam7.
    fn passes(&self) -> Vec<(u64, u64)> {
        let row = |w: u64| (w * u64::from(self.bits)).div_ceil(8);
        let (w, h) = (u64::from(self.width), u64::from(self.height));
        if !self.interlaced {
            return vec![(h, row(w))];
        }
        // (x start, x step, y start, y step) of each pass.
        const ADAM7: [(u64, u64, u64, u64); 7] = [
            (0, 8, 0, 8),
            (4, 8, 0, 8),
            (0, 4, 4, 8),
            (2, 4, 0, 4),
            (0, 2, 2, 4),
            (1, 2, 0, 2),
            (0, 1, 1, 2),
        ];
        ADAM7
            .iter()
            .map(|&(x0, dx, y0, dy)| {
                let pw = w.saturating_sub(x0).div_ceil(dx);
                let ph = h.saturating_sub(y0).div_ceil(dy);
                if pw == 0 || ph == 0 {
                    (0, 0)
                } else {
                    (ph, row(pw))
                }
            })
            .collect()
    }
}

/// The image data inflated as it comes, counted, never kept; each row's filter byte read.
#[derive(Default)]
struct Inflate {
    z: Option<flate2::Decompress>,
    started: bool,
    ended: bool,
    /// Bytes inflated so far.
    total: u64,
    /// Offsets in the inflated data where a row's filter byte is, in order.
    rows: Vec<(u64, u64, u64)>,
}

impl Inflate {
    fn feed(&mut self, hd: &Header, input: &[u8]) -> Option<()> {
        if !self.started {
            self.started = true;
            self.z = Some(flate2::Decompress::new(true));
            // (first byte of the pass, rows, row length with its filter byte)
            let mut at = 0;
            for (n, len) in hd.passes() {
                if n > 0 {
                    self.rows.push((at, n, len + 1));
                    at += n * (len + 1);
                }
            }
        }
        if self.ended {
            return if input.is_empty() { Some(()) } else { None };
        }
        let expected = self.expected();
        let mut z = self.z.take()?;
        let result = self.inflate(&mut z, input, expected);
        self.z = Some(z);
        result
    }

    fn inflate(
        &mut self,
        z: &mut flate2::Decompress,
        mut input: &[u8],
        expected: u64,
    ) -> Option<()> {
        let mut buf = vec![0u8; 64 << 10];
        loop {
            let (before_in, before_out) = (z.total_in(), z.total_out());
            let status = z
                .decompress(input, &mut buf, flate2::FlushDecompress::None)
                .ok()?;
            let used = (z.total_in() - before_in) as usize;
            let made = (z.total_out() - before_out) as usize;
            input = &input[used..];
            for (i, &byte) in buf[..made].iter().enumerate() {
                if self.is_filter_byte(self.total + i as u64) && byte > 4 {
                    return None;
                }
            }
            self.total += made as u64;
            if self.total > expected {
                return None;
            }
            match status {
                flate2::Status::StreamEnd => {
                    self.ended = true;
                    return if input.is_empty() { Some(()) } else { None };
                }
                _ if input.is_empty() && made < buf.len() => return Some(()),
                _ if used == 0 && made == 0 => return None,
                _ => {}
            }
        }
    }

    fn expected(&self) -> u64 {
        self.rows.iter().map(|&(_, n, len)| n * len).sum()
    }

    fn is_filter_byte(&self, at: u64) -> bool {
        self.rows.iter().any(|&(start, n, len)| {
            at >= start && at < start + n * len && (at - start).is_multiple_of(len)
        })
    }

    fn finished(&self) -> bool {
        self.ended && self.total == self.expected()
    }
}

/// A 1 × 1 grey baseline JPEG (tables, frame, one scan), made by hand for tests.
#[doc(hidden)]
pub fn tiny_jpeg() -> Vec<u8> {
    fn seg(marker: u8, body: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&(body.len() as u16 + 2).to_be_bytes());
        s.extend_from_slice(body);
        s
    }
    let mut dqt = vec![0u8];
    dqt.extend_from_slice(&[1; 64]);
    // One code of length 1 in each table: DC category 0, AC end of block.
    let mut dc = vec![0x00, 1];
    dc.extend_from_slice(&[0; 15]);
    dc.push(0);
    let mut ac = dc.clone();
    ac[0] = 0x10;
    [
        vec![0xFF, 0xD8],
        seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"),
        seg(0xDB, &dqt),
        seg(0xC0, &[8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
        seg(0xC4, &dc),
        seg(0xC4, &ac),
        seg(0xDA, &[1, 1, 0, 0, 0x3F, 0]),
        // The two codes (0, 0) and padding ones.
        vec![0x3F, 0xFF, 0xD9],
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut c = (body.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(body);
        let mut h = crc32fast::Hasher::new();
        h.update(kind);
        h.update(body);
        c.extend_from_slice(&h.finalize().to_be_bytes());
        c
    }

    /// A 2 × 2 grey PNG whose rows are `rows` (filter byte and two pixels each) compressed.
    fn png_of(rows: &[u8], extra: &[Vec<u8>]) -> Vec<u8> {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(rows).unwrap();
        let data = z.finish().unwrap();
        let mut p = PNG_SIGNATURE.to_vec();
        p.extend(chunk(b"IHDR", &[0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0]));
        for e in extra {
            p.extend_from_slice(e);
        }
        p.extend(chunk(b"IDAT", &data));
        p.extend(chunk(b"IEND", &[]));
        p
    }

    #[test]
    fn a_real_jpeg_is_kept_and_its_metadata_dropped() {
        let j = tiny_jpeg();
        assert_eq!(
            check_photo(&j).unwrap(),
            Photo {
                mime: "image/jpeg",
                data: j.clone()
            }
        );
        // A comment carrying a page, an EXIF segment, and a page after the end.
        let mut dressed = j[..2].to_vec();
        dressed.extend_from_slice(&[0xFF, 0xFE, 0, 31]);
        dressed.extend_from_slice(b"<script>alert(1)</script>\0\0\0\0");
        dressed.extend_from_slice(&[0xFF, 0xE1, 0, 8]);
        dressed.extend_from_slice(b"Exif\0\0");
        dressed.extend_from_slice(&j[2..]);
        dressed.extend_from_slice(b"<html><script>alert(1)</script></html>");
        let kept = check_photo(&dressed).unwrap();
        assert_eq!(kept.data, j, "only the image is kept");
    }

    #[test]
    fn a_damaged_jpeg_is_refused() {
        let j = tiny_jpeg();
        let bad = Err(Msg::new("up-photo-not-image"));
        // Cut before its end, or inside a segment.
        assert_eq!(check_photo(&j[..j.len() - 2]), bad);
        assert_eq!(check_photo(&j[..30]), bad);
        // No frame header before the scan.
        let at = j.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        let mut no_frame = j[..at].to_vec();
        no_frame.extend_from_slice(&j[at + 13..]);
        assert_eq!(check_photo(&no_frame), bad);
        // A segment length running past the end.
        let mut long = j.clone();
        long[5] = 0xFF;
        assert_eq!(check_photo(&long), bad);
    }

    #[test]
    fn a_real_png_is_kept_and_its_text_dropped() {
        let rows = [0, 10, 20, 1, 5, 5];
        let p = png_of(&rows, &[]);
        assert_eq!(
            check_photo(&p).unwrap(),
            Photo {
                mime: "image/png",
                data: p.clone()
            }
        );
        let text = chunk(b"tEXt", b"Comment\0<script>alert(1)</script>");
        let mut dressed = png_of(&rows, &[text]);
        dressed.extend_from_slice(b"<html></html>");
        assert_eq!(check_photo(&dressed).unwrap().data, p);
    }

    #[test]
    fn a_damaged_png_is_refused() {
        let bad = Err(Msg::new("up-photo-not-image"));
        // Too little data for 2 × 2, too much, a filter byte that is no filter.
        assert_eq!(check_photo(&png_of(&[0, 1, 2, 0, 3], &[])), bad);
        assert_eq!(check_photo(&png_of(&[0, 1, 2, 0, 3, 4, 0], &[])), bad);
        assert_eq!(check_photo(&png_of(&[9, 1, 2, 0, 3, 4], &[])), bad);
        // A wrong CRC, a cut file.
        let mut p = png_of(&[0, 1, 2, 0, 3, 4], &[]);
        let n = p.len();
        p[n - 20] ^= 1;
        assert_eq!(check_photo(&p), bad);
        let p = png_of(&[0, 1, 2, 0, 3, 4], &[]);
        assert_eq!(check_photo(&p[..p.len() - 12]), bad);
    }

    #[test]
    fn a_file_of_another_type_is_not_a_photo() {
        assert_eq!(
            check_photo(b"<html><script>alert(1)</script></html>"),
            Err(Msg::new("reg-photo-format"))
        );
        // A JPEG's first bytes and then a page.
        let mut fake = vec![0xFF, 0xD8, 0xFF, 0xE0];
        fake.extend_from_slice(b"<html><script>alert(1)</script></html>");
        assert_eq!(check_photo(&fake), Err(Msg::new("up-photo-not-image")));
        let mut fake = PNG_SIGNATURE.to_vec();
        fake.extend_from_slice(b"<html></html>");
        assert_eq!(check_photo(&fake), Err(Msg::new("up-photo-not-image")));
    }
}
