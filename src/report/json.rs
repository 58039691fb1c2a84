//! The machine-readable report. Its shape is a contract documented in docs/report.md: fields are
//! only ever added, never renamed or removed, and `version` changes if that promise is broken.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::{ClaimReport, Report, Sources};
use crate::compare::Status;

/// The version of the JSON contract. Version 2 lists, per claim, only the sources that say
/// something (version 1 listed every source, most of them silent: on a large corpus the report
/// grew with articles times claims).
pub const VERSION: u32 = 2;

/// The whole report. `S` and `C` are how the sources and the claims are held: read back,
/// vectors; written, views of the report's own lists (see [`SourcesView`] and [`ClaimsView`]).
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct JsonReport<S = Vec<JsonSource>, C = Vec<JsonClaim>> {
    pub version: u32,
    pub claims_file: String,
    pub corpus: String,
    pub sources: S,
    pub skipped: Vec<JsonSkipped>,
    pub claims: C,
    pub summary: JsonSummary,
    /// The least important level that fails the run.
    pub fail_on: String,
    /// The baseline read, as named.
    pub baseline: Option<String>,
    /// Baseline entries that match no finding any more.
    pub stale: Vec<JsonStale>,
}

/// A stale baseline entry.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct JsonStale {
    pub claim: String,
    pub code: String,
    pub fingerprint: String,
    pub line: usize,
    pub reason: Option<String>,
}

/// A source of the corpus. Its texts are `String`s when read back, and borrowed from the report
/// when written (its path, rebuilt from the corpus folder, excepted).
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct JsonSource<T = String> {
    pub source: T,
    pub name: T,
    pub path: String,
    pub outlet: Option<T>,
    pub url: Option<T>,
    pub published: Option<String>,
    pub language: Option<T>,
}

/// A file that could not be read.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct JsonSkipped {
    pub source: String,
    pub reason: String,
}

/// One claim. Its texts (those not made for the report) are `String`s when read back, and
/// borrowed from the report when written, as in every element below. `F` is how its findings are
/// held: read back, a vector; written, a view of the claim's own (see [`FindingsView`]).
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct JsonClaim<T = String, F = Vec<JsonFinding<T>>> {
    pub id: T,
    pub label: T,
    pub kind: T,
    pub verdict: T,
    /// The sources that say something, in corpus order; any other source is silent.
    pub sources: Vec<JsonClaimSource<T>>,
    /// How many sources are silent on the claim.
    pub silent: usize,
    pub findings: F,
}

/// What one source says about one claim; the source's name and the status are borrowed when
/// written, one row per source that speaks of the claim.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct JsonClaimSource<T = String> {
    pub source: T,
    pub status: T,
    pub value: Option<String>,
    pub values: Vec<String>,
    pub mentions: Vec<JsonMention<T>>,
}

/// One mention, with the quote behind it. Its texts are `String`s when read back, and borrowed
/// from the report (`&str`) when written: a large report's quotes are not copied to be written.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct JsonMention<T = String> {
    pub reading: String,
    #[serde(rename = "match")]
    pub matched: T,
    pub quote: T,
    pub line: usize,
    pub column: usize,
    pub rule: T,
    pub note: Option<T>,
}

/// A finding. Its sources' names and values, code, severity and baseline state are `String`s when
/// read back, and borrowed from the report when written: a contradiction on a large corpus names
/// thousands of sources.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct JsonFinding<T = String> {
    pub code: T,
    pub severity: T,
    pub sources: Vec<T>,
    pub values: Vec<T>,
    pub message: String,
    /// The semantic fingerprint, the key of baseline entries.
    pub fingerprint: String,
    /// `known` when the baseline covers it, else `new`.
    pub baseline: T,
    /// The baseline entry's reason, when known.
    pub reason: Option<String>,
    /// Whether this finding fails the run.
    pub fails: bool,
}

/// Verdict counts.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct JsonSummary {
    pub claims: usize,
    pub agree: usize,
    pub differ: usize,
    pub single: usize,
    pub none: usize,
    pub skipped: usize,
    /// Findings that fail the run.
    pub failing: usize,
    /// Findings the baseline covers.
    pub known: usize,
}

/// The report's sources, written one by one as [`JsonSource`]s: a corpus of 100,000 articles
/// is not copied a second time to be written.
pub struct SourcesView<'a>(&'a Sources);

impl Serialize for SourcesView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|s| JsonSource {
            source: s.name,
            name: s.short,
            path: s.path(),
            outlet: s.meta.outlet.as_deref(),
            url: s.meta.url.as_deref(),
            published: s.meta.published.map(|d| d.to_string()),
            language: s.meta.language.as_deref(),
        }))
    }
}

/// The report's claims, written one by one as [`JsonClaim`]s, so that only one claim's copy is
/// ever held.
pub struct ClaimsView<'a>(&'a Report);

impl Serialize for ClaimsView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        serializer.collect_seq(
            report
                .claims
                .iter()
                .enumerate()
                .map(|(ci, c)| json_claim(report, ci, c)),
        )
    }
}

/// Claim `ci` of `report` as the JSON contract shows it, its mentions' texts borrowed.
fn json_claim<'a>(
    report: &'a Report,
    ci: usize,
    c: &'a ClaimReport,
) -> JsonClaim<&'a str, FindingsView<'a>> {
    JsonClaim {
        id: &c.id,
        label: &c.label,
        kind: c.kind,
        verdict: c.result.verdict.name(),
        sources: c
            .result
            .sources
            .iter()
            .map(|r| JsonClaimSource {
                source: report.sources.name(r.source),
                status: r.status.name(),
                value: match r.status {
                    Status::Stated | Status::Inconsistent => r.value().map(|v| v.display()),
                    _ => None,
                },
                values: r.value_texts(),
                mentions: r
                    .mentions
                    .iter()
                    .map(|m| JsonMention {
                        reading: m.reading.display(),
                        matched: m.matched(),
                        quote: m.quote(),
                        line: m.line(),
                        column: m.column(),
                        rule: &*m.rule,
                        note: m.note(),
                    })
                    .collect(),
            })
            .collect(),
        silent: report.sources.len() - c.result.sources.len(),
        findings: FindingsView { report, ci, c },
    }
}

/// The findings of claim `ci` of a report, written one by one as [`JsonFinding`]s: a
/// contradiction names every source on each side, and the lists of all of a claim's findings
/// held at once took a megabyte on a corpus of 100,000 articles.
pub struct FindingsView<'a> {
    report: &'a Report,
    ci: usize,
    c: &'a ClaimReport,
}

impl Serialize for FindingsView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let FindingsView { report, ci, c } = *self;
        serializer.collect_seq(
            (c.result.findings.iter().enumerate())
                .map(|(fi, f)| (f, report.gate.of(ci, fi)))
                .map(|(f, a)| JsonFinding {
                    code: f.kind.code(),
                    severity: a.level.name(),
                    sources: f.sources.iter().map(|i| report.sources.name(i)).collect(),
                    // As the contract has always had them: one per source of a contradiction
                    // (each side's value repeated), every value of an inconsistent source.
                    values: f.stated().into_iter().map(|(_, v)| v).collect(),
                    message: report.finding_message(c, f),
                    fingerprint: a.fingerprint.to_string(),
                    baseline: if a.known.is_some() { "known" } else { "new" },
                    reason: a.known.as_ref().and_then(|e| e.reason.clone()),
                    fails: a.fails,
                }),
        )
    }
}

impl<'a> JsonReport<SourcesView<'a>, ClaimsView<'a>> {
    /// The JSON view of a report.
    pub fn from_report(report: &'a Report) -> JsonReport<SourcesView<'a>, ClaimsView<'a>> {
        let count = |name: &str| {
            report
                .claims
                .iter()
                .filter(|c| c.result.verdict.name() == name)
                .count()
        };
        JsonReport {
            version: VERSION,
            claims_file: report.claims_file.clone(),
            corpus: report.corpus.clone(),
            sources: SourcesView(&report.sources),
            skipped: report
                .skipped
                .iter()
                .map(|s| JsonSkipped {
                    source: s.name.clone(),
                    reason: s.reason.clone(),
                })
                .collect(),
            claims: ClaimsView(report),
            summary: JsonSummary {
                claims: report.claims.len(),
                agree: count("agree"),
                differ: count("differ"),
                single: count("single"),
                none: count("none"),
                skipped: report.skipped.len(),
                failing: report.gate.failing(),
                known: report.gate.known(),
            },
            fail_on: report.gate.fail_on.name().to_string(),
            baseline: report.gate.baseline.clone(),
            stale: report
                .gate
                .stale
                .iter()
                .map(|e| JsonStale {
                    claim: e.claim.clone(),
                    code: e.code.clone(),
                    fingerprint: e.fingerprint.clone(),
                    line: e.line,
                    reason: e.reason.clone(),
                })
                .collect(),
        }
    }
}

/// Writes the JSON report, pretty-printed, with a final newline.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    super::write_pretty_json(&JsonReport::from_report(report), out)
}
