//! Step 5 of the pipeline: one findings model, and each output format a pure function of it that
//! writes to any `Write`. The model is built once, in a fixed order (claims as in `claims.toml`,
//! sources by file name), so every format is deterministic.

pub mod explain;
mod github;
mod grid;
pub mod json;
mod markdown;
mod near_misses;
mod pretty;
mod sarif;
mod sources;
mod table;

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::claims::ClaimSet;
use crate::compare::{ClaimResult, Finding, FindingKind};
use crate::corpus::Skipped;
use crate::extract::near_miss::NearMiss;
use crate::extract::{Mention, Reading};
use crate::gate::{self, Gate, Level};

pub use json::JsonReport;
pub use sources::{SourceInfo, Sources, listing_short_lengths};

/// One claim with its outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimReport {
    /// The claim's id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its kind's name.
    pub kind: &'static str,
    /// What the sources say.
    pub result: ClaimResult,
    /// The claim's own levels for some kinds of finding, from `claims.toml`.
    pub severity: BTreeMap<FindingKind, Level>,
}

/// Everything a report shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The claims file, as named.
    pub claims_file: String,
    /// The corpus folder, as named.
    pub corpus: String,
    /// The story's title, when given.
    pub title: Option<String>,
    /// The sources, by name.
    pub sources: Sources,
    /// The files that could not be read.
    pub skipped: Vec<Skipped>,
    /// The claims, in file order.
    pub claims: Vec<ClaimReport>,
    /// Each finding's level, fingerprint and standing against the baseline; what fails the run.
    pub gate: Gate,
    /// With `--near-misses`, the sentences that named each claim but gave no value.
    pub near_misses: Option<NearMisses>,
}

/// Per claim (in file order), the sources with sentences that named the claim but gave no value,
/// as `(source index, those sentences)` in source order; the other sources have none.
pub type NearMisses = Vec<Vec<(usize, Vec<NearMiss>)>>;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for people: claims down, sources across, then findings and quotes.
    Table,
    /// The stable machine-readable report documented in docs/report.md.
    Json,
    /// Markdown for a pull-request comment or a CI step summary.
    Markdown,
    /// SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding, most important first.
    Github,
}

impl Report {
    /// Assembles the report.
    pub fn new(
        claims: &ClaimSet,
        corpus_label: String,
        sources: Sources,
        skipped: Vec<Skipped>,
        results: Vec<ClaimResult>,
    ) -> Report {
        let mut report = Report {
            claims_file: claims.path.display().to_string(),
            corpus: corpus_label,
            title: claims.story.title.clone(),
            sources,
            skipped,
            claims: claims
                .claims
                .iter()
                .zip(results)
                .map(|(c, result)| ClaimReport {
                    id: c.id.clone(),
                    label: c.label.clone(),
                    kind: c.kind.name(),
                    result,
                    severity: c.severity.clone(),
                })
                .collect(),
            gate: Gate::default(),
            near_misses: None,
        };
        report.gate = gate::assess(&report);
        report
    }

    /// Writes the report in `format`.
    pub fn write(&self, format: Format, out: &mut dyn Write) -> io::Result<()> {
        match format {
            Format::Table => {
                table::write(self, out)?;
                near_misses::write(self, out)
            }
            Format::Json => json::write(self, out),
            Format::Markdown => markdown::write(self, out),
            Format::Sarif => sarif::write(self, out),
            Format::Github => github::write(self, out),
        }
    }

    /// The `file:line:column` of every quote behind a finding, with the source and what it says.
    pub fn quotes<'a>(
        &'a self,
        claim: &'a ClaimReport,
        finding: &'a Finding,
    ) -> impl Iterator<Item = (SourceInfo<'a>, &'a crate::extract::Mention)> {
        finding.sources.iter().flat_map(move |i| {
            claim
                .result
                .source(i)
                .mentions
                .iter()
                .map(move |m| (self.sources.get(i), m))
        })
    }

    /// One sentence describing a finding, naming sources by their short names.
    pub fn finding_message(&self, claim: &ClaimReport, finding: &Finding) -> String {
        let short = |i: usize| self.sources.get(i).short;
        let id = &claim.id;
        match finding.kind {
            FindingKind::Contradiction => contradiction_message(id, short, finding),
            FindingKind::InconsistentSource => format!(
                "{id}: {} contradicts itself ({})",
                short(finding.sources[0]),
                finding.values.join(" vs ")
            ),
            FindingKind::UnspecifiedVsStated => {
                // Every stating source is named, thousands on a large corpus: the message is
                // written into one string, not formatted name by name and joined.
                let stated = finding.stated();
                let mut message = format!(
                    "{id}: {} leaves it unspecified, while ",
                    short(finding.sources[0])
                );
                // A short name, its value and the punctuation: seldom more than 24 bytes.
                message.reserve(stated.len() * 24);
                for (n, (s, v)) in stated.into_iter().enumerate() {
                    if n > 0 {
                        message.push_str(", ");
                    }
                    for part in [short(s), " (", v, ")"] {
                        message.push_str(part);
                    }
                }
                message.push_str(" state it");
                message
            }
            FindingKind::SingleSource => format!(
                "{id}: only {} states it ({}); nothing to check it against",
                short(finding.sources[0]),
                finding.values[0]
            ),
        }
    }
}

/// "id: A and B say X, C says Y": each side of a contradiction with the value it stands by,
/// sources named by `short`.
fn contradiction_message<'a>(
    id: &str,
    short: impl Fn(usize) -> &'a str,
    finding: &Finding,
) -> String {
    let side = |sources: &[usize], side: usize| {
        let verb = if sources.len() == 1 { "says" } else { "say" };
        let value = finding.values.get(side).map_or("", |v| &**v);
        let names = name_list(sources.iter().map(|&s| short(s)));
        format!("{names} {verb} {value}")
    };
    let (first, second) = finding.sources.sides();
    format!("{id}: {}, {}", side(first, 0), side(second, 1))
}

/// How many sources a message names before it counts the rest.
const NAMED_IN_MESSAGE: usize = 3;

/// `A`, `A and B`, `A, B and C`, `A, B, C and 1 other` or `A, B, C and 4 others`. Only the names shown are taken
/// from `names`: a side of a contradiction on a large corpus has thousands of sources, and its
/// message is made for every report.
fn name_list<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> String {
    let total = names.len();
    let shown: Vec<&str> = names.take(NAMED_IN_MESSAGE).collect();
    match shown[..] {
        [] => String::new(),
        [one] => one.to_string(),
        _ if total <= NAMED_IN_MESSAGE => {
            let (last, rest) = shown.split_last().expect("two or more");
            format!("{} and {last}", rest.join(", "))
        }
        _ => {
            let more = total - NAMED_IN_MESSAGE;
            let others = if more == 1 { "other" } else { "others" };
            format!("{} and {more} {others}", shown.join(", "))
        }
    }
}

/// The mentions behind a finding, source by source: the values that contradict, the phrase that
/// leaves the value open, everything an inconsistent source says.
pub fn finding_mentions<'a>(
    claim: &'a ClaimReport,
    finding: &Finding,
) -> Vec<(usize, &'a Mention)> {
    let mut out = Vec::new();
    for (position, source) in finding.sources.iter().enumerate() {
        let wanted = |m: &Mention| match finding.kind {
            FindingKind::InconsistentSource => true,
            FindingKind::UnspecifiedVsStated if position == 0 => m.reading == Reading::Unspecified,
            _ => m.reading != Reading::Unspecified,
        };
        out.extend(
            claim
                .result
                .source(source)
                .mentions
                .iter()
                .filter(|m| wanted(m))
                .map(|m| (source, m)),
        );
    }
    out
}

/// A window of `quote` around `matched`, at most about `width` characters, with ellipses where cut.
pub fn excerpt(quote: &str, matched: &str, width: usize) -> String {
    let chars: Vec<char> = quote.chars().collect();
    if chars.len() <= width {
        return quote.to_string();
    }
    let at = quote
        .find(matched)
        .map_or(0, |b| quote[..b].chars().count());
    let len = matched.chars().count();
    let before = (width.saturating_sub(len)) / 3;
    let start = at.saturating_sub(before);
    let end = (start + width).min(chars.len());
    let start = end.saturating_sub(width).min(start);
    // Cut at spaces so that no word is shown in part.
    let start = if start == 0 {
        0
    } else {
        (start..at).find(|&i| chars[i - 1] == ' ').unwrap_or(start)
    };
    let end = if end == chars.len() {
        end
    } else {
        (at + len..end)
            .rev()
            .find(|&i| chars[i] == ' ')
            .unwrap_or(end)
    };
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// Writes `value` as pretty-printed JSON with a final newline ([`pretty::write`]). The printer
/// still writes token by token (a quote, a key, a value; a comma with its line break and indent):
/// through `dyn Write` each would be a call that cannot be inlined, so they go through a buffer of
/// a known type first (a third less time for a large report).
fn write_pretty_json<T: serde::Serialize>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    pretty::write(&mut buffered, value)?;
    writeln!(buffered)?;
    buffered.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::FindingSources;
    use std::sync::Arc;

    #[test]
    fn contradiction_sides_come_from_the_finding_not_from_how_values_print() {
        // Exact 1.001 and exact 1.004 both print 1 but do not overlap.
        let finding = Finding {
            kind: FindingKind::Contradiction,
            sources: FindingSources::new(Arc::new([0, 2]), Arc::new([1])),
            values: crate::compare::FindingValues::Pair(["1".into(), "1".into()]),
        };
        let short = |i: usize| ["a", "b", "c"][i];
        assert_eq!(
            contradiction_message("x", short, &finding),
            "x: a and c say 1, b says 1"
        );
    }

    #[test]
    fn messages_name_three_sources_and_count_the_rest() {
        let list = |names: &[&'static str]| name_list(names.iter().copied());
        assert_eq!(list(&[]), "");
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b"]), "a and b");
        assert_eq!(list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(list(&["a", "b", "c", "d"]), "a, b, c and 1 other");
        assert_eq!(list(&["a", "b", "c", "d", "e"]), "a, b, c and 2 others");
    }

    #[test]
    fn excerpt_centres_on_the_match() {
        let quote = "a ".repeat(50) + "MATCH" + &" b".repeat(50);
        let e = excerpt(&quote, "MATCH", 40);
        assert!(
            e.starts_with('…') && e.ends_with('…') && e.contains("MATCH"),
            "{e}"
        );
        assert_eq!(excerpt("short", "short", 40), "short");
    }
}
