//! The report as JSON (`banzi check --format json`): `{"as_of", "alerts", "summary"}`, each
//! alert with exactly seven keys (rule, level, due, unit, post, cadre, message), dates as
//! `YYYY-MM-DD`, its message as the edge worded it.
//!
//! Why in parts: wording a province's 200,000 messages (Fluent, in the reader's language) and
//! writing them as JSON take about as long as each other, and one after the other they were
//! most of `banzi check`. Each thread words and writes blocks of the alerts, and the blocks
//! go out in order as they are done ([`Report::write_json`]): a province's JSON (85 MB
//! pretty) was held three times over while it was joined (issue 18: half of `banzi check`'s
//! memory), now a few blocks at a time. The bytes are those serde_json writes for
//! [`Report::worded`].

use super::Report;
use super::alerts::{AlertRef, Alerts, Chunk};
use crate::msg::Msg;
use serde::ser::{SerializeSeq, SerializeStruct};

impl Report {
    /// The report as `banzi check --format json` writes it: the date, every alert with its
    /// seven keys, and the summary; `texts` are the alerts' messages as the edge worded them,
    /// one per alert in order ([`Alerts::messages_with`]).
    pub fn worded<'a>(&'a self, texts: &'a [String]) -> Worded<'a> {
        debug_assert_eq!(texts.len(), self.alerts.len(), "one text per alert");
        Worded {
            report: self,
            texts,
        }
    }
}

/// A [`Report`] with its messages worded, to serialise ([`Report::worded`]).
pub struct Worded<'a> {
    report: &'a Report,
    texts: &'a [String],
}

impl serde::Serialize for Worded<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// The alerts, each with its text.
        struct List<'a>(&'a Alerts, &'a [String]);
        impl serde::Serialize for List<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.len()))?;
                for (a, text) in self.0.iter().zip(self.1) {
                    seq.serialize_element(&One(a, text))?;
                }
                seq.end()
            }
        }
        let r = self.report;
        let mut st = s.serialize_struct("Report", 3)?;
        st.serialize_field("as_of", &r.as_of)?;
        st.serialize_field("alerts", &List(&r.alerts, self.texts))?;
        st.serialize_field("summary", &r.summary)?;
        st.end()
    }
}

/// Alerts worded and written per block: enough for both cores to share the work evenly, small
/// enough that the blocks waiting to be written stay a few megabytes.
const BLOCK: usize = 4096;

impl Report {
    /// The report as JSON, each message as `word` words it: pretty (two-space indents, as
    /// `serde_json::to_vec_pretty` writes [`Report::worded`]) or compact (as
    /// `serde_json::to_vec`). Worded and written on several threads when there are many
    /// alerts.
    pub fn to_json(
        &self,
        word: impl Fn(Msg) -> String + Sync,
        pretty: bool,
    ) -> serde_json::Result<Vec<u8>> {
        let mut out = Vec::new();
        self.write_json(&mut out, word, pretty)
            .map_err(serde_json::Error::io)?;
        Ok(out)
    }

    /// [`Report::to_json`] written to `out` as it is made, a block of alerts at a time:
    /// `banzi check` writes a province's 85 MB of JSON without holding it.
    pub fn write_json<W: std::io::Write + ?Sized>(
        &self,
        out: &mut W,
        word: impl Fn(Msg) -> String + Sync,
        pretty: bool,
    ) -> std::io::Result<()> {
        self.write_json_on(super::threads(self.alerts.len()), BLOCK, out, &word, pretty)
    }

    /// [`Report::to_json`] on `threads` threads, in blocks of `block` alerts (the same bytes
    /// for any of them).
    #[cfg(test)]
    pub(crate) fn to_json_on(
        &self,
        threads: usize,
        word: &(impl Fn(Msg) -> String + Sync),
        pretty: bool,
    ) -> serde_json::Result<Vec<u8>> {
        let block = self.alerts.len().div_ceil(threads.max(1));
        let mut out = Vec::new();
        self.write_json_on(threads, block, &mut out, word, pretty)
            .map_err(serde_json::Error::io)?;
        Ok(out)
    }

    /// [`Report::write_json`] on `threads` threads, in blocks of `block` alerts.
    pub(crate) fn write_json_on<W: std::io::Write + ?Sized>(
        &self,
        threads: usize,
        block: usize,
        out: &mut W,
        word: &(impl Fn(Msg) -> String + Sync),
        pretty: bool,
    ) -> std::io::Result<()> {
        if pretty {
            out.write_all(b"{\n  \"as_of\": ")?;
            serde_json::to_writer_pretty(&mut *out, &self.as_of)?;
            out.write_all(b",\n  \"alerts\": [")?;
        } else {
            out.write_all(b"{\"as_of\":")?;
            serde_json::to_writer(&mut *out, &self.as_of)?;
            out.write_all(b",\"alerts\":[")?;
        }
        let mut any = false;
        self.alerts
            .by_blocks(threads, block, &|c| part(c, word, pretty), |part| {
                let part = part?;
                if part.is_empty() {
                    return Ok::<(), std::io::Error>(());
                }
                out.write_all(match (any, pretty) {
                    (false, true) => b"\n",
                    (false, false) => b"",
                    (true, true) => b",\n",
                    (true, false) => b",",
                })?;
                any = true;
                out.write_all(&part)
            })?;
        if pretty {
            if any {
                out.write_all(b"\n  ")?;
            }
            out.write_all(b"],\n  \"summary\": ")?;
            let mut summary = Vec::new();
            indented(
                &mut summary,
                &serde_json::to_vec_pretty(&self.summary)?,
                b"  ",
            );
            out.write_all(&summary)?;
            out.write_all(b"\n}")
        } else {
            out.write_all(b"],\"summary\":")?;
            serde_json::to_writer(&mut *out, &self.summary)?;
            out.write_all(b"}")
        }
    }
}

/// One alert with its text.
struct One<'a>(AlertRef<'a>, &'a str);

impl serde::Serialize for One<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_with(s, self.1)
    }
}

/// The alerts of a chunk as elements of the JSON array, joined: pretty, each indented as an
/// element of `"alerts"` is (four spaces).
fn part(
    chunk: Chunk<'_>,
    word: &impl Fn(Msg) -> String,
    pretty: bool,
) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut one = Vec::new();
    for (i, (a, m)) in chunk.enumerate() {
        let text = word(m);
        if i > 0 {
            out.extend_from_slice(if pretty { b",\n" } else { b"," });
        }
        if pretty {
            one.clear();
            serde_json::to_writer_pretty(&mut one, &One(a, &text))?;
            out.extend_from_slice(b"    ");
            indented(&mut out, &one, b"    ");
        } else {
            serde_json::to_writer(&mut out, &One(a, &text))?;
        }
    }
    Ok(out)
}

/// `json` with `by` after each line break: a value written at the top level, moved in to
/// where it stands (a string never holds a raw line break).
fn indented(out: &mut Vec<u8>, json: &[u8], by: &[u8]) {
    for line in json.split_inclusive(|b| *b == b'\n') {
        out.extend_from_slice(line);
        if line.ends_with(b"\n") {
            out.extend_from_slice(by);
        }
    }
}
