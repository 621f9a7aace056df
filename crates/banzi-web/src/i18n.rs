//! The pages' words come from `banzi-i18n`: the languages, the translator and the catalogs.

pub use banzi_i18n::{Lang, Tr};
