//! One `.lrmx` file into a person: the XML walked with quick-xml (already in the tree through
//! calamine), every element checked, every problem named by the file and the element.

use banzi_domain::lrmx::{self, Element, FAMILY_ELEMENTS, FAMILY_ITEM, LrmxPerson, ROOT};
use banzi_domain::msg::Arg;
use banzi_domain::{Msg, message};
use quick_xml::events::Event;
use std::borrow::Cow;
use std::collections::HashMap;

/// Largest file read: a form with a large photo is well under 2 MB.
pub const MAX_FILE_BYTES: usize = 16 << 20;
/// Most family members read.
const MAX_FAMILY: usize = 100;
/// Deepest nesting accepted (the format has three levels).
const MAX_DEPTH: usize = 16;

/// The element's Chinese name as an argument; an element the format does not list by its tag.
pub(super) fn name_of(tag: &str) -> Arg {
    lrmx::element(tag)
        .or_else(|| FAMILY_ELEMENTS.iter().copied().find(|e| e.tag == tag))
        .or_else(|| [ROOT, FAMILY_ITEM].into_iter().find(|e| e.tag == tag))
        .map_or_else(|| Arg::from(tag.to_string()), |e| Arg::from(e.msg()))
}

pub(super) fn el(e: Element) -> Arg {
    Arg::from(e.msg())
}

/// Reads one `.lrmx` file named `file` (the name every message shows).
pub fn read_lrmx(file: &str, bytes: &[u8]) -> Result<LrmxPerson, Vec<Msg>> {
    let f = || file.to_string();
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![message!(
            "lrmx-file-too-large",
            file = f(),
            size = bytes.len() >> 20,
            max = MAX_FILE_BYTES >> 20,
        )]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    let lower = file.to_ascii_lowercase();
    if lower.ends_with(".lrm") || (start.is_some_and(|i| bytes[i] != b'<') && old_format(bytes)) {
        return Err(vec![message!("lrmx-old-format", file = f())]);
    }
    if start.is_none_or(|i| bytes[i] != b'<') {
        return Err(vec![message!("lrmx-not-xml", file = f())]);
    }
    if declares(bytes) {
        return Err(vec![message!("lrmx-doctype", file = f())]);
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![message!("lrmx-not-utf8", file = f())]);
    };
    let raw = walk(file, text).map_err(|m| vec![m])?;
    super::check::check(file, raw)
}

/// A 2.0 file: GB2312 text of `","`-separated fields.
fn old_format(b: &[u8]) -> bool {
    memchr::memmem::find(&b[..b.len().min(4096)], b"\",\"").is_some()
}

/// A document type or entity declaration anywhere: LRMX never has one, and it is how entity
/// expansion (billion laughs) and external entities start.
fn declares(b: &[u8]) -> bool {
    memchr::memmem::find_iter(b, b"<!").any(|i| {
        let w = &b[i + 2..b.len().min(i + 9)];
        w.eq_ignore_ascii_case(b"DOCTYPE")
            || w.get(..6)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"ENTITY"))
    })
}

/// The texts of the file: `<Person>`'s children by tag, and each family member's.
#[derive(Default)]
pub(super) struct Raw {
    pub(super) values: HashMap<&'static str, String>,
    pub(super) family: Vec<HashMap<&'static str, String>>,
    pub(super) repeated: Vec<Arg>,
}

/// An element's name: the format's own tags without a copy (the static text of
/// [`ELEMENTS`](lrmx::ELEMENTS) and the family's), any other copied.
fn tag_of(e: &quick_xml::events::BytesStart<'_>) -> Cow<'static, str> {
    let name = e.name();
    let name: &str = name.into_inner();
    lrmx::ELEMENTS
        .iter()
        .chain(FAMILY_ELEMENTS)
        .chain([&ROOT, &FAMILY_ITEM, &FAMILY_ROOT])
        .find(|x| x.tag == name)
        .map_or_else(|| Cow::Owned(name.to_string()), |x| Cow::Borrowed(x.tag))
}

/// The family list's element, as a tag.
const FAMILY_ROOT: Element = Element {
    tag: "JiaTingChengYuan",
    name: "lrmx-el-jiatingchengyuan",
};

/// Walks the XML; the first structural problem ends the walk.
fn walk(file: &str, text: &str) -> Result<Raw, Msg> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<Cow<'static, str>> = Vec::with_capacity(4);
    let mut raw = Raw::default();
    // The element whose text is being read: a child of Person, or of a family Item.
    let mut target: Option<(&'static str, bool)> = None;
    let mut buf = String::new();
    let innermost =
        |stack: &[Cow<'static, str>]| stack.last().map_or_else(|| el(ROOT), |t| name_of(t));
    loop {
        let event = reader.read_event();
        if let Ok(Event::Empty(e)) = &event
            && stack.is_empty()
            && e.name().as_ref() == ROOT.tag
        {
            // `<Person/>`: no element at all.
            return Ok(raw);
        }
        let ev = match event {
            Ok(ev) => ev,
            Err(_) => {
                let at_end = reader.buffer_position() as usize >= text.len();
                return Err(if at_end {
                    message!(
                        "lrmx-truncated",
                        file = file.to_string(),
                        element = innermost(&stack)
                    )
                } else {
                    message!(
                        "lrmx-xml-broken",
                        file = file.to_string(),
                        element = innermost(&stack)
                    )
                });
            }
        };
        match ev {
            Event::Start(e) | Event::Empty(e) if stack.is_empty() => {
                let name = tag_of(&e);
                if name != ROOT.tag {
                    return Err(message!(
                        "lrmx-wrong-root",
                        file = file.to_string(),
                        root = name.to_string()
                    ));
                }
                stack.push(name);
            }
            Event::Start(e) => {
                let name = tag_of(&e);
                if stack.len() >= MAX_DEPTH {
                    return Err(message!(
                        "lrmx-xml-broken",
                        file = file.to_string(),
                        element = name_of(&name)
                    ));
                }
                target = open(&mut raw, &stack, &name);
                buf.clear();
                stack.push(name);
            }
            Event::Empty(e) => {
                let name = tag_of(&e);
                if let Some(t) = open(&mut raw, &stack, &name) {
                    store(&mut raw, t, String::new());
                }
            }
            Event::End(_) => {
                let Some(closed) = stack.pop() else { break };
                if let Some(t) = target.take()
                    && Some(t.0) == known(&closed, stack.len())
                {
                    store(&mut raw, t, std::mem::take(&mut buf));
                }
                if stack.is_empty() {
                    return Ok(raw);
                }
            }
            Event::Text(t) if target.is_some() => buf.push_str(&t.xml10_content()),
            Event::CData(t) if target.is_some() => buf.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten().map(String::from)
                } else {
                    quick_xml::escape::resolve_xml_entity(&r.xml10_content()).map(String::from)
                };
                match resolved {
                    Some(s) if target.is_some() => buf.push_str(&s),
                    Some(_) => {}
                    None => {
                        return Err(message!(
                            "lrmx-entity-unknown",
                            file = file.to_string(),
                            element = innermost(&stack),
                            entity = r.xml10_content().into_owned(),
                        ));
                    }
                }
            }
            Event::DocType(_) => return Err(message!("lrmx-doctype", file = file.to_string())),
            Event::Eof => {
                return Err(if stack.is_empty() {
                    message!("lrmx-not-xml", file = file.to_string())
                } else {
                    message!(
                        "lrmx-truncated",
                        file = file.to_string(),
                        element = innermost(&stack)
                    )
                });
            }
            _ => {}
        }
    }
    Err(message!("lrmx-not-xml", file = file.to_string()))
}

/// The static tag of an element known at this depth (1: Person's child, 3: an Item's).
fn known(name: &str, depth: usize) -> Option<&'static str> {
    match depth {
        1 => lrmx::element(name).map(|e| e.tag),
        3 => FAMILY_ELEMENTS
            .iter()
            .find(|e| e.tag == name)
            .map(|e| e.tag),
        _ => None,
    }
}

/// Starts an element below `stack`: the text target it is, if any (`true`: of the last family
/// member); an `<Item>` of the family starts a member.
fn open(raw: &mut Raw, stack: &[Cow<'static, str>], name: &str) -> Option<(&'static str, bool)> {
    match stack.len() {
        1 => known(name, 1)
            .filter(|t| *t != "JiaTingChengYuan")
            .map(|t| (t, false)),
        2 if stack[1] == "JiaTingChengYuan" && name == FAMILY_ITEM.tag => {
            if raw.family.len() < MAX_FAMILY {
                raw.family.push(HashMap::new());
            }
            None
        }
        3 if stack[1] == "JiaTingChengYuan" && stack[2] == FAMILY_ITEM.tag => {
            known(name, 3).map(|t| (t, true))
        }
        _ => None,
    }
}

fn store(raw: &mut Raw, (tag, family): (&'static str, bool), text: String) {
    let map = if family {
        match raw.family.last_mut() {
            Some(m) => m,
            None => return,
        }
    } else {
        &mut raw.values
    };
    if map.insert(tag, text).is_some() {
        raw.repeated.push(name_of(tag));
    }
}

/// The root element's name, for a file that breaks off before anything was read.
pub(crate) fn root_name() -> Arg {
    el(ROOT)
}
