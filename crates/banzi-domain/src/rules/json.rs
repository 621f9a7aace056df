//! The report as JSON (`banzi check --format json`): `{"as_of", "alerts", "summary"}`, each
//! alert with exactly seven keys (rule, level, due, unit, post, cadre, message), dates as
//! `YYYY-MM-DD`, its message as the edge worded it.
//!
//! Why in parts: wording a province's 200,000 messages (Fluent, in the reader's language) and
//! writing them as JSON take about as long as each other, and one after the other they were
//! most of `banzi check`. Each thread words and writes its share of the alerts and the parts
//! are joined ([`Report::to_json`]); the bytes are those serde_json writes for
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
        self.to_json_on(super::threads(self.alerts.len()), &word, pretty)
    }

    /// [`Report::to_json`] on `threads` threads (the same bytes on any number).
    pub(crate) fn to_json_on(
        &self,
        threads: usize,
        word: &(impl Fn(Msg) -> String + Sync),
        pretty: bool,
    ) -> serde_json::Result<Vec<u8>> {
        let parts = self.alerts.by_chunks(threads, &|c| part(c, word, pretty));
        let parts: Vec<Vec<u8>> = parts.into_iter().collect::<Result<_, _>>()?;
        let parts: Vec<&[u8]> = parts
            .iter()
            .map(Vec::as_slice)
            .filter(|p| !p.is_empty())
            .collect();
        let size: usize = parts.iter().map(|p| p.len() + 2).sum();
        let mut out = Vec::with_capacity(size + 4096);
        if pretty {
            out.extend_from_slice(b"{\n  \"as_of\": ");
            serde_json::to_writer_pretty(&mut out, &self.as_of)?;
            out.extend_from_slice(b",\n  \"alerts\": [");
            if !parts.is_empty() {
                out.push(b'\n');
                out.extend_from_slice(&parts.join(&b",\n"[..]));
                out.extend_from_slice(b"\n  ");
            }
            out.extend_from_slice(b"],\n  \"summary\": ");
            indented(&mut out, &serde_json::to_vec_pretty(&self.summary)?, b"  ");
            out.extend_from_slice(b"\n}");
        } else {
            out.extend_from_slice(b"{\"as_of\":");
            serde_json::to_writer(&mut out, &self.as_of)?;
            out.extend_from_slice(b",\"alerts\":[");
            out.extend_from_slice(&parts.join(&b","[..]));
            out.extend_from_slice(b"],\"summary\":");
            serde_json::to_writer(&mut out, &self.summary)?;
            out.push(b'}');
        }
        Ok(out)
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
