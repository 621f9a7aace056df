//! The secret the audit chain is keyed with (R-SEC-3). It lives in a file outside the
//! database (`banzi_store` reads and creates it); here it is only bytes and the MAC.

use hmac::{Hmac, KeyInit};
use sha2::Sha256;

/// 32 random bytes. `Debug` never shows them.
#[derive(Clone, PartialEq, Eq)]
pub struct AuditKey([u8; 32]);

impl AuditKey {
    pub fn from_bytes(bytes: [u8; 32]) -> AuditKey {
        AuditKey(bytes)
    }

    /// The key file's text: 64 hex digits (surrounding white space ignored).
    pub fn from_hex(text: &str) -> Option<AuditKey> {
        let t = text.trim().as_bytes();
        if t.len() != 64 {
            return None;
        }
        let digit = |b: u8| (b as char).to_digit(16);
        let mut out = [0u8; 32];
        for (i, pair) in t.chunks(2).enumerate() {
            out[i] = (digit(pair[0])? * 16 + digit(pair[1])?) as u8;
        }
        Some(AuditKey(out))
    }

    pub fn to_hex(&self) -> String {
        super::hex(&self.0)
    }

    /// A fresh HMAC-SHA256 under this key. HMAC pads a key shorter than the hash's block
    /// (64 bytes) with zeros, so the padded key is the same key.
    pub(crate) fn mac(&self) -> Hmac<Sha256> {
        let mut block = [0u8; 64];
        block[..32].copy_from_slice(&self.0);
        Hmac::<Sha256>::new(&block.into())
    }
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::Mac;

    #[test]
    fn the_key_reads_back_from_its_text_and_hides_in_debug() {
        let k = AuditKey::from_bytes([7; 32]);
        assert_eq!(
            AuditKey::from_hex(&format!(" {}\n", k.to_hex())),
            Some(k.clone())
        );
        assert_eq!(AuditKey::from_hex("07"), None);
        assert_eq!(AuditKey::from_hex(&"zz".repeat(32)), None);
        assert_eq!(format!("{k:?}"), "AuditKey(…)");
    }

    /// RFC 4231 test case 2 has a short key ("Jefe"): the zero padding is HMAC's own.
    #[test]
    fn the_mac_is_hmac_sha256() {
        let mut b = [0u8; 32];
        b[..4].copy_from_slice(b"Jefe");
        let mut m = AuditKey::from_bytes(b).mac();
        m.update(b"what do ya want for nothing?");
        assert_eq!(
            super::super::hex(&m.finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
