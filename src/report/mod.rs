//! Step 5 of the pipeline: one findings model, and each output format a pure function of it that
//! writes to any `Write`. The model is built once, in a fixed order (claims as in `claims.toml`,
//! sources by file name), so every format is deterministic.

pub mod explain;
mod github;
pub mod json;
mod markdown;
mod near_misses;
mod sarif;
mod table;

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::claims::ClaimSet;
use crate::compare::{ClaimResult, Finding, FindingKind};
use crate::corpus::{Skipped, SourceMeta};
use crate::extract::near_miss::NearMiss;
use crate::extract::{Mention, Reading};
use crate::gate::{self, Gate, Level};

pub use json::JsonReport;

/// A source as reports show it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceInfo {
    /// Its file name relative to the corpus: its identity.
    pub name: String,
    /// A short column title.
    pub short: String,
    /// Its path as opened, for `file:line` locations.
    pub path: String,
    /// What `sources.toml` says about it.
    pub meta: std::sync::Arc<SourceMeta>,
}

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
    pub sources: Vec<SourceInfo>,
    /// The files that could not be read.
    pub skipped: Vec<Skipped>,
    /// The claims, in file order.
    pub claims: Vec<ClaimReport>,
    /// Each finding's level, fingerprint and standing against the baseline; what fails the run.
    pub gate: Gate,
    /// With `--near-misses`: per claim, per source, the sentences that named the claim but gave no
    /// value.
    pub near_misses: Option<Vec<Vec<Vec<NearMiss>>>>,
}

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
        sources: Vec<SourceInfo>,
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
        report.gate = gate::assess(&report, None, Level::default());
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
    ) -> impl Iterator<Item = (&'a SourceInfo, &'a crate::extract::Mention)> {
        finding.sources.iter().flat_map(move |&i| {
            claim
                .result
                .source(i)
                .mentions
                .iter()
                .map(move |m| (&self.sources[i], m))
        })
    }

    /// One sentence describing a finding, naming sources by their short names.
    pub fn finding_message(&self, claim: &ClaimReport, finding: &Finding) -> String {
        let short = |i: usize| self.sources[i].short.as_str();
        let id = &claim.id;
        match finding.kind {
            FindingKind::Contradiction => contradiction_message(id, short, finding),
            FindingKind::InconsistentSource => format!(
                "{id}: {} contradicts itself ({})",
                short(finding.sources[0]),
                finding.values.join(" vs ")
            ),
            FindingKind::UnspecifiedVsStated => {
                let others: Vec<String> = finding.sources[1..]
                    .iter()
                    .zip(&finding.values)
                    .map(|(&s, v)| format!("{} ({v})", short(s)))
                    .collect();
                format!(
                    "{id}: {} leaves it unspecified, while {} state it",
                    short(finding.sources[0]),
                    others.join(", ")
                )
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
    let side = |range: std::ops::Range<usize>| {
        let names: Vec<&str> = finding.sources[range.clone()]
            .iter()
            .map(|&s| short(s))
            .collect();
        let verb = if names.len() == 1 { "says" } else { "say" };
        let value = finding.values.get(range.start).map_or("", String::as_str);
        format!("{} {verb} {value}", name_list(&names))
    };
    let split = finding.first_side;
    format!(
        "{id}: {}, {}",
        side(0..split),
        side(split..finding.sources.len())
    )
}

/// How many sources a message names before it counts the rest.
const NAMED_IN_MESSAGE: usize = 3;

/// `A`, `A and B`, `A, B and C`, or `A, B, C and 4 others`.
fn name_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        _ if names.len() <= NAMED_IN_MESSAGE => {
            let (last, rest) = names.split_last().expect("two or more");
            format!("{} and {last}", rest.join(", "))
        }
        _ => format!(
            "{} and {} others",
            names[..NAMED_IN_MESSAGE].join(", "),
            names.len() - NAMED_IN_MESSAGE
        ),
    }
}

/// The mentions behind a finding, source by source: the values that contradict, the phrase that
/// leaves the value open, everything an inconsistent source says.
pub fn finding_mentions<'a>(
    claim: &'a ClaimReport,
    finding: &Finding,
) -> Vec<(usize, &'a Mention)> {
    let mut out = Vec::new();
    for (position, &source) in finding.sources.iter().enumerate() {
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

/// Short, unique column titles: the metadata `name` when given, else the fewest leading parts of
/// the file name (split at `_`, `-`, `.` and spaces) that tell it apart from every other source.
///
/// Worked out one part count at a time over all sources, counting each prefix once: comparing
/// every source with every other would be quadratic, and 100,000 articles named
/// `outlet-date-slug.txt` would take hours.
pub fn short_names(names: &[&str], metas: &[&SourceMeta]) -> Vec<String> {
    let stems: Vec<&str> = names
        .iter()
        .map(|n| {
            let file = n.rsplit('/').next().unwrap_or(n);
            file.rsplit_once('.').map_or(file, |(stem, _)| stem)
        })
        .collect();
    let mut shorts: Vec<Option<String>> = metas.iter().map(|m| m.name.clone()).collect();
    let mut parts = 1;
    while shorts.iter().any(Option::is_none) {
        let prefixes: Vec<&str> = stems.iter().map(|stem| stem_prefix(stem, parts)).collect();
        let mut counts: std::collections::HashMap<&str, usize> = Default::default();
        for prefix in &prefixes {
            *counts.entry(prefix).or_default() += 1;
        }
        for (i, short) in shorts.iter_mut().enumerate() {
            let prefix = prefixes[i];
            if short.is_none() && (prefix == stems[i] || counts[prefix] == 1) {
                *short = Some(prefix.to_string());
            }
        }
        parts += 1;
    }
    shorts.into_iter().flatten().collect()
}

/// The first `parts` parts of `stem` (split at `_`, `-`, `.` and spaces), or all of it.
fn stem_prefix(stem: &str, parts: usize) -> &str {
    stem.match_indices(['_', '-', '.', ' '])
        .nth(parts - 1)
        .map_or(stem, |(at, _)| &stem[..at])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_unique_prefixes() {
        let names = [
            "000_abc.txt",
            "001_def.txt",
            "lemonde-2024-04-10.txt",
            "lemonde-2024-05-01.txt",
        ];
        let default = SourceMeta::default();
        let named = SourceMeta {
            name: Some("LM".into()),
            ..SourceMeta::default()
        };
        let metas = [&default, &default, &default, &named];
        assert_eq!(
            short_names(&names, &metas),
            ["000", "001", "lemonde-2024-04", "LM"]
        );
    }

    #[test]
    fn short_names_are_the_fewest_parts_no_other_source_shares() {
        // The definition, source against source, on names that share parts in many ways.
        fn by_definition(names: &[&str]) -> Vec<String> {
            let stems: Vec<&str> = names
                .iter()
                .map(|n| n.rsplit_once('.').map_or(*n, |(stem, _)| stem))
                .collect();
            stems
                .iter()
                .enumerate()
                .map(|(i, stem)| {
                    (1..)
                        .map(|parts| stem_prefix(stem, parts))
                        .find(|p| {
                            p == stem
                                || stems.iter().enumerate().all(|(j, other)| {
                                    let parts = p.matches(['_', '-', '.', ' ']).count() + 1;
                                    j == i || stem_prefix(other, parts) != *p
                                })
                        })
                        .unwrap()
                        .to_string()
                })
                .collect()
        }
        let mut names: Vec<String> = Vec::new();
        for outlet in ["lemonde", "rfi", "le_monde", "rfi-afrique"] {
            for day in ["2024-04-10", "2024-04-11", "2024-05-01"] {
                for slug in ["niger", "niger-russie", "x"] {
                    names.push(format!("{outlet}-{day}-{slug}.txt"));
                }
            }
        }
        names.extend([
            "rfi.txt".to_string(),
            "a b.txt".to_string(),
            "a.txt".to_string(),
        ]);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let default = SourceMeta::default();
        let metas = vec![&default; names.len()];
        assert_eq!(short_names(&names, &metas), by_definition(&names));
    }

    #[test]
    fn contradiction_sides_come_from_the_finding_not_from_how_values_print() {
        // Exact 1.001 and exact 1.004 both print 1 but do not overlap.
        let finding = Finding {
            kind: FindingKind::Contradiction,
            sources: vec![0, 2, 1],
            values: vec!["1".into(), "1".into(), "1".into()],
            first_side: 2,
        };
        let short = |i: usize| ["a", "b", "c"][i];
        assert_eq!(
            contradiction_message("x", short, &finding),
            "x: a and c say 1, b says 1"
        );
    }

    #[test]
    fn messages_name_three_sources_and_count_the_rest() {
        assert_eq!(name_list(&["a"]), "a");
        assert_eq!(name_list(&["a", "b"]), "a and b");
        assert_eq!(name_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(
            name_list(&["a", "b", "c", "d", "e"]),
            "a, b, c and 2 others"
        );
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
