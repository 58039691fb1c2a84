//! `claims.toml` exactly as written: types that keep the span of every value an error may need to
//! point at. `shape` fills them from the parsed document, reporting every unknown key and wrong type
//! (the serde derives, with unknown keys rejected, describe the same shape). Nothing here judges
//! meaning; `validate` does.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    /// What the editor knows about the story as a whole.
    pub story: Option<RawStory>,
    /// The claims, in file order.
    #[serde(default)]
    pub claims: Vec<Spanned<RawClaim>>,
}

/// `[story]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStory {
    /// A title for reports.
    pub title: Option<String>,
    /// `period = { start = "2023-07-26", end = "2024-12-31" }`.
    pub period: Option<Spanned<RawPeriod>>,
}

/// The dates a story covers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// First day, `YYYY-MM-DD`.
    pub start: Spanned<String>,
    /// Last day, `YYYY-MM-DD`.
    pub end: Spanned<String>,
}

/// A list of cue phrases, with the span of the list.
pub type RawCues = Option<Spanned<Vec<Spanned<String>>>>;

/// One `[[claims]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    pub id: Spanned<String>,
    pub label: Option<String>,
    pub kind: Spanned<String>,
    pub subject: RawCues,
    pub event: RawCues,
    pub exclude: RawCues,
    pub context: RawCues,
    pub unspecified: RawCues,
    pub values: Option<Spanned<BTreeMap<String, Vec<Spanned<String>>>>>,
    pub patterns: Option<Vec<Spanned<String>>>,
    pub examples: Option<Vec<Spanned<RawExample>>>,
    pub max_gap: Option<Spanned<i64>>,
    pub similarity: Option<Spanned<f64>>,
    /// `severity = { contradiction = "warning" }`: levels of this claim's findings, by code.
    pub severity: Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
    /// Keys present but unreadable (already reported by `shape`): not reported again as missing.
    #[serde(skip)]
    pub malformed: Vec<String>,
}

/// `{ text = "...", expect = "~100" }`: a sentence and what the claim must read in it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    pub text: String,
    pub expect: String,
    pub published: Option<Spanned<String>>,
}
