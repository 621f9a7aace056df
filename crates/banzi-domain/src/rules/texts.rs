//! The registry's texts (codes, names, titles …) in one buffer: a row holds a [`Text`], where
//! its text lies, rather than a `String` of its own.
//!
//! Why (issue 18): a province is a million short texts. As strings each was an allocation of
//! its own (24 bytes of `String` and 16–64 of heap), made and freed one by one while the
//! registry was read and indexed; the kept analysis held them all. One buffer is about a
//! third of the memory, filled by appending and freed at once.

/// Where a text lies in its [`Texts`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Text {
    start: u32,
    /// [`Texts::FAR`] when `start` indexes the texts kept apart.
    len: u32,
}

/// Texts one after the other in one buffer (see [`Text`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    buf: String,
    /// Texts that do not fit the buffer's 32-bit offsets (a registry has 4 GiB of text only in
    /// theory): kept as they are.
    far: Vec<String>,
}

impl Texts {
    const FAR: u32 = u32::MAX;

    /// Room for `bytes` of text.
    pub fn with_capacity(bytes: usize) -> Texts {
        Texts {
            buf: String::with_capacity(bytes),
            far: Vec::new(),
        }
    }

    /// Appends `s`.
    pub fn add(&mut self, s: &str) -> Text {
        if let (Ok(start), Ok(len)) = (u32::try_from(self.buf.len()), u32::try_from(s.len()))
            && len != Self::FAR
            && start.checked_add(len).is_some()
        {
            self.buf.push_str(s);
            return Text { start, len };
        }
        self.far.push(s.to_string());
        Text {
            start: u32::try_from(self.far.len() - 1).unwrap_or(u32::MAX),
            len: Self::FAR,
        }
    }

    /// The text at `t`; empty when `t` is not one of these texts' (a default `Text` is "").
    pub fn get(&self, t: Text) -> &str {
        if t.len == Self::FAR {
            return self.far.get(t.start as usize).map_or("", String::as_str);
        }
        let (start, end) = (t.start as usize, t.start as usize + t.len as usize);
        self.buf.get(start..end).unwrap_or("")
    }

    /// Bytes of text held.
    pub fn len(&self) -> usize {
        self.buf.len() + self.far.iter().map(String::len).sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Gives the unused capacity back.
    pub fn shrink_to_fit(&mut self) {
        self.buf.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_come_back_as_added() {
        let mut t = Texts::default();
        let a = t.add("江川市财政局");
        let blank = t.add("");
        let b = t.add("P-001");
        assert_eq!(t.get(a), "江川市财政局");
        assert_eq!(t.get(blank), "");
        assert_eq!(t.get(b), "P-001");
        assert_eq!(t.get(Text::default()), "");
        assert_eq!(t.len(), "江川市财政局P-001".len());
        // One kept apart reads the same.
        t.far.push("far".into());
        let far = Text {
            start: 0,
            len: Texts::FAR,
        };
        assert_eq!(t.get(far), "far");
    }
}
