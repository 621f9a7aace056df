//! Images a PDF can hold without decoding them: a JPEG as it is (DCTDecode) and a PNG's
//! compressed data as it is (FlateDecode with the PNG predictors), for the photos
//! [`crate::photo::check_photo`] accepts. A PNG with transparency, 16-bit samples or
//! interlacing would have to be decoded first: it is refused ([`ImageError::PngKind`]) and
//! the user asked for a JPEG, rather than printing something else than the photo.

use pdf_writer::{Filter, Finish, Name, Pdf, Ref};

/// Why a photo cannot be embedded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageError {
    /// Not a JPEG or PNG whose structure could be read.
    Unreadable,
    /// A PNG of a kind embedded only after decoding (alpha, 16-bit, interlaced).
    PngKind,
}

#[derive(Debug, Clone)]
enum Kind {
    Jpeg {
        components: u8,
        adobe: bool,
    },
    Png {
        colors: u8,
        palette: Option<Vec<u8>>,
    },
}

/// An image ready to be written as an XObject.
#[derive(Debug, Clone)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    kind: Kind,
    data: Vec<u8>,
}

impl Image {
    /// A JPEG or PNG (told apart by their signatures).
    pub fn parse(bytes: &[u8]) -> Result<Image, ImageError> {
        if bytes.starts_with(&[0xFF, 0xD8]) {
            jpeg(bytes)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            png(bytes)
        } else {
            Err(ImageError::Unreadable)
        }
    }

    pub(crate) fn write(&self, pdf: &mut Pdf, id: Ref) {
        let mut x = pdf.image_xobject(id, &self.data);
        x.width(self.width as i32).height(self.height as i32);
        x.bits_per_component(8);
        match &self.kind {
            Kind::Jpeg { components, adobe } => {
                x.filter(Filter::DctDecode);
                match components {
                    1 => x.color_space().device_gray(),
                    4 => {
                        x.color_space().device_cmyk();
                        // Adobe's CMYK JPEGs are stored inverted.
                        if *adobe {
                            x.decode([1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]);
                        }
                    }
                    _ => x.color_space().device_rgb(),
                };
            }
            Kind::Png { colors, palette } => {
                x.filter(Filter::FlateDecode);
                let mut p = x.decode_parms();
                p.predictor(pdf_writer::types::Predictor::PngOptimum)
                    .colors(i32::from(*colors))
                    .bits_per_component(8)
                    .columns(self.width as i32);
                p.finish();
                match palette {
                    Some(table) => {
                        let mut cs = x.insert(Name(b"ColorSpace")).array();
                        cs.item(Name(b"Indexed"))
                            .item(Name(b"DeviceRGB"))
                            .item((table.len() / 3).saturating_sub(1) as i32)
                            .item(pdf_writer::Str(table));
                        cs.finish();
                    }
                    None if *colors == 1 => {
                        x.color_space().device_gray();
                    }
                    None => {
                        x.color_space().device_rgb();
                    }
                }
            }
        }
    }
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Width, height and components from the frame header; whether an Adobe segment is there.
fn jpeg(b: &[u8]) -> Result<Image, ImageError> {
    let mut pos = 2;
    let mut adobe = false;
    while pos + 4 <= b.len() {
        if b[pos] != 0xFF {
            return Err(ImageError::Unreadable);
        }
        let marker = b[pos + 1];
        if marker == 0xFF {
            pos += 1;
            continue;
        }
        let len = usize::from(be16(b, pos + 2).ok_or(ImageError::Unreadable)?);
        let seg = b
            .get(pos + 4..pos + 2 + len)
            .ok_or(ImageError::Unreadable)?;
        match marker {
            0xEE if seg.starts_with(b"Adobe") => adobe = true,
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let height = u32::from(be16(seg, 1).ok_or(ImageError::Unreadable)?);
                let width = u32::from(be16(seg, 3).ok_or(ImageError::Unreadable)?);
                let components = *seg.get(5).ok_or(ImageError::Unreadable)?;
                if width == 0 || height == 0 || !matches!(components, 1 | 3 | 4) {
                    return Err(ImageError::Unreadable);
                }
                return Ok(Image {
                    width,
                    height,
                    kind: Kind::Jpeg { components, adobe },
                    data: b.to_vec(),
                });
            }
            _ => {}
        }
        pos += 2 + len;
    }
    Err(ImageError::Unreadable)
}

/// IHDR, PLTE and the IDAT chunks joined (the zlib stream the PDF reader inflates).
fn png(b: &[u8]) -> Result<Image, ImageError> {
    let mut pos = 8;
    let mut header = None;
    let mut palette = None;
    let mut data = Vec::new();
    while pos + 8 <= b.len() {
        let len = be32(b, pos).ok_or(ImageError::Unreadable)? as usize;
        let kind = &b[pos + 4..pos + 8];
        let body = b
            .get(pos + 8..pos + 8 + len)
            .ok_or(ImageError::Unreadable)?;
        match kind {
            b"IHDR" => header = Some(body.to_vec()),
            b"PLTE" => palette = Some(body.to_vec()),
            b"IDAT" => data.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
        pos += 12 + len;
    }
    let h = header
        .filter(|h| h.len() >= 13)
        .ok_or(ImageError::Unreadable)?;
    let width = be32(&h, 0).ok_or(ImageError::Unreadable)?;
    let height = be32(&h, 4).ok_or(ImageError::Unreadable)?;
    let (depth, colour, interlace) = (h[8], h[9], h[12]);
    if depth != 8 || interlace != 0 {
        return Err(ImageError::PngKind);
    }
    let (colors, palette) = match colour {
        0 => (1, None),
        2 => (3, None),
        3 => (1, Some(palette.ok_or(ImageError::Unreadable)?)),
        _ => return Err(ImageError::PngKind),
    };
    Ok(Image {
        width,
        height,
        kind: Kind::Png { colors, palette },
        data,
    })
}
