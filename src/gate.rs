//! Step 6 of the pipeline: what fails the run. The exit status is decided here, from the findings,
//! before anything is printed, and in no other place: an output format never changes it.
//!
//! Each finding gets a level (a default per kind, overridable per claim in `claims.toml`), a
//! semantic fingerprint, and is either known (covered by an entry of the baseline) or new. The run
//! fails when a new finding is at or above the fail level (`--fail-on`, `error` by default).

pub mod baseline;
pub mod fingerprint;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::compare::FindingKind;
use crate::diag::{Diagnostic, Location};
use crate::report::{ClaimReport, Report};

use baseline::{Baseline, Entry, Record};
use fingerprint::Fingerprint;

/// Exit status: nothing fails.
pub const EXIT_OK: u8 = 0;
/// Exit status: a finding fails the run (a claim on which sources differ).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: the input or the claims could not be used.
pub const EXIT_INPUT: u8 = 2;

/// How much a finding matters. Ordered from most to least important.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, clap::ValueEnum)]
pub enum Level {
    /// Must be looked at; fails the run by default.
    #[default]
    Error,
    /// Worth a look.
    Warning,
    /// For information.
    Note,
}

impl Level {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }

    /// All levels, most important first.
    pub const ALL: [Level; 3] = [Level::Error, Level::Warning, Level::Note];

    /// The level named `name`, as written in `claims.toml` and on the command line.
    pub fn from_name(name: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.name() == name)
    }

    /// Whether a finding at this level fails a run that fails on `fail_on` and above.
    pub fn reaches(self, fail_on: Level) -> bool {
        self <= fail_on
    }
}

/// The default level of each kind of finding.
pub fn severity_of(kind: FindingKind) -> Level {
    match kind {
        FindingKind::Contradiction => Level::Error,
        FindingKind::UnspecifiedVsStated | FindingKind::InconsistentSource => Level::Warning,
        FindingKind::SingleSource => Level::Note,
    }
}

/// How one finding stands: its level, its identity, and whether it is known or fails the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// Its level, after the claim's overrides.
    pub level: Level,
    /// Its semantic fingerprint.
    pub fingerprint: Fingerprint,
    /// The baseline entry that covers it, when it is known. Boxed: every finding has an
    /// assessment, few have an entry, and an entry is five strings wide.
    pub known: Option<Box<Entry>>,
    /// Whether it fails the run: new, and at or above the fail level.
    pub fails: bool,
}

/// What the gate decided for a whole report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gate {
    /// The least important level that fails the run.
    pub fail_on: Level,
    /// The baseline read, as named, when there was one.
    pub baseline: Option<String>,
    /// One assessment per finding, indexed like `report.claims[c].result.findings[f]`.
    pub findings: Vec<Vec<Assessment>>,
    /// Baseline entries that no finding matches any more, in file order.
    pub stale: Vec<Entry>,
}

impl Gate {
    /// The assessment of finding `f` of claim `c`.
    pub fn of(&self, c: usize, f: usize) -> &Assessment {
        &self.findings[c][f]
    }

    /// How many findings fail the run.
    pub fn failing(&self) -> usize {
        self.findings.iter().flatten().filter(|a| a.fails).count()
    }

    /// How many findings the baseline covers.
    pub fn known(&self) -> usize {
        self.findings
            .iter()
            .flatten()
            .filter(|a| a.known.is_some())
            .count()
    }

    /// Every finding as `(claim index, finding index)`, most important first: failing before
    /// passing, new before known, then by level, then in report order.
    pub fn by_importance(&self) -> Vec<(usize, usize)> {
        let mut order: Vec<(usize, usize)> = self
            .findings
            .iter()
            .enumerate()
            .flat_map(|(c, fs)| (0..fs.len()).map(move |f| (c, f)))
            .collect();
        order.sort_by_key(|&(c, f)| {
            let a = self.of(c, f);
            (!a.fails, a.known.is_some(), a.level, c, f)
        });
        order
    }
}

/// The level of a finding of `kind` on `claim`: the claim's override, else the kind's default.
pub fn level_of(claim: &ClaimReport, kind: FindingKind) -> Level {
    claim
        .severity
        .get(&kind)
        .copied()
        .unwrap_or_else(|| severity_of(kind))
}

/// Assesses every finding of `report`: its level and fingerprint, with no baseline and the
/// default fail level (what [`Report::new`] records; [`reassess`] judges against a baseline).
pub fn assess(report: &Report) -> Gate {
    // A claim's findings are fingerprinted apart from the others': on a large corpus a
    // contradiction hashes thousands of source names, so the claims are spread over the cores.
    let findings: Vec<Vec<Assessment>> = report
        .claims
        .par_iter()
        .map(|claim| {
            claim
                .result
                .findings
                .iter()
                .map(|finding| Assessment {
                    level: level_of(claim, finding.kind),
                    fingerprint: fingerprint::of(report, claim, finding),
                    known: None,
                    fails: false,
                })
                .collect()
        })
        .collect();
    judge(findings, None, Level::default())
}

/// Judges again the findings of a report already assessed (every [`Report`] is, with no baseline,
/// when it is made) against `baseline` and `fail_on`. Levels and fingerprints depend on the report
/// alone and are kept; which findings are known and which fail are decided anew.
pub fn reassess(report: &mut Report, baseline: Option<&Baseline>, fail_on: Level) {
    let findings = std::mem::take(&mut report.gate).findings;
    report.gate = judge(findings, baseline, fail_on);
}

/// The gate for assessed `findings`: which of them `baseline` covers, which entries are stale,
/// which findings fail.
fn judge(mut findings: Vec<Vec<Assessment>>, baseline: Option<&Baseline>, fail_on: Level) -> Gate {
    let mut stale = Vec::new();
    for a in findings.iter_mut().flatten() {
        a.known = None;
    }
    if let Some(baseline) = baseline {
        let prints: Vec<Fingerprint> = findings.iter().flatten().map(|a| a.fingerprint).collect();
        let (covered, unmatched) = baseline.matches(&prints);
        for (a, entry) in findings.iter_mut().flatten().zip(covered) {
            a.known = entry.map(|i| Box::new(baseline.entries[i].clone()));
        }
        stale = unmatched
            .into_iter()
            .map(|i| baseline.entries[i].clone())
            .collect();
    }
    for a in findings.iter_mut().flatten() {
        a.fails = a.known.is_none() && a.level.reaches(fail_on);
    }
    Gate {
        fail_on,
        baseline: baseline.map(|b| b.path.display().to_string()),
        findings,
        stale,
    }
}

/// The findings a baseline written now would record: every finding at or above the fail level,
/// known or new, in report order.
pub fn records(report: &Report) -> Vec<(usize, Record)> {
    let mut out = Vec::new();
    let mut index = 0;
    for (c, claim) in report.claims.iter().enumerate() {
        for (f, finding) in claim.result.findings.iter().enumerate() {
            let a = report.gate.of(c, f);
            if a.level.reaches(report.gate.fail_on) {
                let name = |i: usize| report.sources.name(i).to_string();
                let sources: BTreeMap<String, String> = match finding.kind {
                    FindingKind::Contradiction | FindingKind::SingleSource => finding
                        .stated()
                        .into_iter()
                        .map(|(s, v)| (name(s), v.to_string()))
                        .collect(),
                    FindingKind::InconsistentSource => {
                        [(name(finding.sources[0]), finding.values.join(" / "))].into()
                    }
                    FindingKind::UnspecifiedVsStated => {
                        std::iter::once((name(finding.sources[0]), "unspecified".to_string()))
                            .chain(
                                finding
                                    .stated()
                                    .into_iter()
                                    .map(|(s, v)| (name(s), v.to_string())),
                            )
                            .collect()
                    }
                };
                out.push((
                    index,
                    Record {
                        claim: claim.id.clone(),
                        code: finding.kind.code(),
                        fingerprint: a.fingerprint.to_string(),
                        message: report.finding_message(claim, finding),
                        sources,
                    },
                ));
            }
            index += 1;
        }
    }
    out
}

/// A warning for each stale baseline entry, located at its line in the baseline.
pub fn stale_warnings(gate: &Gate, baseline: Option<&Baseline>) -> Vec<Diagnostic> {
    let Some(baseline) = baseline else {
        return Vec::new();
    };
    gate.stale
        .iter()
        .map(|e| {
            let offset = baseline
                .text
                .split_inclusive('\n')
                .take(e.line - 1)
                .map(str::len)
                .sum::<usize>();
            let what = e
                .message
                .as_deref()
                .map_or(String::new(), |m| format!(" ({m})"));
            Diagnostic::warning(
                "stale-baseline-entry",
                format!(
                    "the baseline entry for {} on `{}`{what} matches no finding any more",
                    e.code, e.claim
                ),
            )
            .at(Location::from_span(
                &baseline.path,
                &baseline.text,
                offset..offset + "[[finding]]".len(),
            ))
            .help("remove it with `claimcheck baseline --prune`")
        })
        .collect()
}

/// The exit status a report earns: 1 when a finding fails the run, else 0.
pub fn exit_status(report: &Report) -> u8 {
    if report.gate.failing() > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
