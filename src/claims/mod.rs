//! Step 1 of the pipeline: load `claims.toml`, the editor's description of the facts to track.
//!
//! Reading happens in two steps, as cargo-deny does: `shape` reads the file as written into `raw`
//! (unknown keys and wrong types reported, spans kept), then `validate` turns it into the types the
//! extractors use. Both collect every problem they find, so an editor fixes them all in one round.

pub mod cues;
pub mod examples;
mod raw;
mod shape;
mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use regex::Regex;

pub use cues::CueSet;

use crate::compare::FindingKind;
use crate::diag::{Diagnostic, Location};
use crate::gate::Level;

/// Everything `claims.toml` says, validated.
#[derive(Debug, Clone)]
pub struct ClaimSet {
    /// The file it was read from.
    pub path: PathBuf,
    /// The story as a whole.
    pub story: Story,
    /// The claims, in file order.
    pub claims: Vec<Claim>,
}

/// What the editor knows about the story as a whole.
#[derive(Debug, Clone, Default)]
pub struct Story {
    /// A title for reports.
    pub title: Option<String>,
    /// The first and last day the story covers: gives a year to dates written without one.
    pub period: Option<(NaiveDate, NaiveDate)>,
}

/// One fact to track.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Stable identifier, used in reports, baselines and on the command line.
    pub id: String,
    /// Human label for reports.
    pub label: String,
    /// What kind of value, with the cues that tie a value to this claim.
    pub kind: ClaimKind,
    /// Phrases by which a source says it does not know the value.
    pub unspecified: Option<CueSet>,
    /// Precise regular expressions with a `value` group, matched on the original sentence.
    pub patterns: Vec<Regex>,
    /// Sentences that must yield a given reading: the file's own tests.
    pub examples: Vec<Example>,
    /// Where the claim starts in the file, for messages about it.
    pub location: Location,
    /// Levels that replace the defaults for this claim's findings, by kind.
    pub severity: BTreeMap<FindingKind, Level>,
}

/// The kinds of value a claim can have, each with the cues its linking rule needs.
#[derive(Debug, Clone)]
pub enum ClaimKind {
    /// How many of something: a number followed closely by the subject it counts.
    Count {
        /// What is counted ("instructeurs", "trainers").
        subject: CueSet,
        /// How many words may stand between the number and the subject.
        max_gap: usize,
    },
    /// When something happened: a date in the same sentence as the event.
    Date {
        /// The event dated ("a atterri", "landed").
        event: CueSet,
        /// When given, the sentence must also name what the event happened to.
        subject: Option<CueSet>,
        /// Words whose nearby date belongs to something else ("annoncé", "broadcast").
        exclude: Option<CueSet>,
    },
    /// Which one of a set of named things.
    Entity {
        /// The canonical values with their aliases.
        values: Vec<EntityValue>,
        /// When given, the sentence must also contain one of these.
        context: Option<CueSet>,
        /// How similar (0 to 1) a spelling must be to an alias to count as a misspelling of it.
        similarity: f64,
        /// Words that make a sentence speak of another event ("crashed", "s'est écrasé").
        exclude: Option<CueSet>,
    },
}

impl ClaimKind {
    /// The kind's name as written in the file.
    pub fn name(&self) -> &'static str {
        match self {
            ClaimKind::Count { .. } => "count",
            ClaimKind::Date { .. } => "date",
            ClaimKind::Entity { .. } => "entity",
        }
    }

    /// The cues a sentence must contain for an unspecified phrase in it to concern this claim.
    pub fn tie_cues(&self) -> Vec<&CueSet> {
        match self {
            ClaimKind::Count { subject, .. } => vec![subject],
            ClaimKind::Date { event, subject, .. } => {
                std::iter::once(event).chain(subject).collect()
            }
            ClaimKind::Entity { context, .. } => context.iter().collect(),
        }
    }
}

/// A canonical entity and the spellings that name it.
#[derive(Debug, Clone)]
pub struct EntityValue {
    /// The name reports use ("Il-76"), shared with every value read as this entity: they are
    /// kept until the report is written.
    pub canonical: Arc<str>,
    /// Every spelling, canonical included, reduced to a comparison key.
    pub aliases: Vec<AliasKey>,
}

/// A spelling reduced to what matters for comparison: folded letters and digits, no separators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasKey {
    /// "Ilyushin Il-76" → "ilyushinil76".
    pub key: String,
    /// How many words the spelling has ("Ilyushin Il-76" → 3: ilyushin, il, 76).
    pub words: usize,
    /// How many characters `key` has ("il76" → 4). With `digits`, what a misspelling is first
    /// compared by: worked out once, not for every word of every sentence it is compared with.
    pub chars: usize,
    /// The digits of `key`, in order ("il76" → "76").
    pub digits: String,
}

impl AliasKey {
    /// The key of a spelling.
    pub fn new(spelling: &str) -> AliasKey {
        let folded = crate::text::fold(spelling);
        let words: Vec<&str> = crate::text::words(&folded).map(|(_, w)| w).collect();
        let key = words.concat();
        AliasKey {
            chars: key.chars().count(),
            digits: key.chars().filter(char::is_ascii_digit).collect(),
            key,
            words: words.len(),
        }
    }
}

/// A sentence and what the claim must read in it.
#[derive(Debug, Clone)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// The expected reading: a value as reports print it, `unspecified` or `silent`.
    pub expect: String,
    /// A publication date for the example, for dates written without a year.
    pub published: Option<NaiveDate>,
    /// Where the example is written.
    pub location: Location,
}

/// Why `claims.toml` could not be used: every problem found, in file order.
#[derive(Debug)]
pub struct ClaimsError {
    /// The problems, each located in the file.
    pub diagnostics: Vec<Diagnostic>,
}

impl std::fmt::Display for ClaimsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for d in &self.diagnostics {
            write!(f, "{}", d.render())?;
        }
        Ok(())
    }
}

impl std::error::Error for ClaimsError {}

/// Reads and validates the claims file at `path`.
pub fn load(path: &Path) -> Result<ClaimSet, ClaimsError> {
    let fail = |d: Diagnostic| ClaimsError {
        diagnostics: vec![d],
    };
    if path.is_dir() {
        return Err(fail(
            Diagnostic::error(
                "claims-unreadable",
                format!("{} is a directory, not a claims file", path.display()),
            )
            .at(Location::file(path)),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        fail(
            Diagnostic::error(
                "claims-unreadable",
                format!("cannot read {}: {e}", path.display()),
            )
            .at(Location::file(path))
            .help("pass the claims file with --claims FILE, or create one with `claimcheck init`"),
        )
    })?;
    let source = String::from_utf8(bytes).map_err(|e| {
        fail(
            Diagnostic::error(
                "claims-unreadable",
                format!("{} is not UTF-8 text", path.display()),
            )
            .at(Location::from_span(
                path,
                &String::from_utf8_lossy(e.as_bytes()),
                e.utf8_error().valid_up_to()..e.utf8_error().valid_up_to() + 1,
            )),
        )
    })?;
    parse(path, &source)
}

/// Validates claims written in `source`, read from `path`.
pub fn parse(path: &Path, source: &str) -> Result<ClaimSet, ClaimsError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let shape = shape::read(path, source);
    let mut problems = shape.problems;
    if problems.iter().any(|d| d.code == "toml-syntax") {
        return Err(ClaimsError {
            diagnostics: problems,
        });
    }
    let shape_failed = !problems.is_empty();
    match validate::validate(path, source, shape.raw) {
        Ok(set) if !shape_failed => return Ok(set),
        Ok(_) => {}
        Err(e) => problems.extend(
            e.diagnostics
                .into_iter()
                .filter(|d| !(shape_failed && d.code == "no-claims")),
        ),
    }
    // File order, so an editor can fix them from top to bottom.
    problems.sort_by_key(|d| d.location.as_ref().map(|l| (l.line, l.column)));
    Err(ClaimsError {
        diagnostics: problems,
    })
}
