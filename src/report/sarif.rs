//! The report as SARIF 2.1.0, the format GitHub code scanning and other static-analysis viewers
//! read: a rule per kind of finding (its stable code is the rule id), a result per finding with its
//! level, message, a location per quote, the semantic fingerprint as
//! `partialFingerprints.primaryLocationLineHash`, and `baselineState` new or unchanged.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value, json};

use super::{Report, excerpt};
use crate::compare::FindingKind;
use crate::gate::{Level, severity_of};

/// The schema the output follows.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// How many characters of a sentence to quote in a location's message.
const EXCERPT_WIDTH: usize = 110;

/// SARIF's name for a level.
fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "note",
    }
}

/// Writes the SARIF log, pretty-printed, with a final newline.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    super::write_pretty_json(&log(report), out)
}

/// The SARIF log. Its results are produced one at a time as it is written: on a large corpus a
/// contradiction has thousands of locations, and the whole log held as JSON values took gigabytes.
/// Fields are in alphabetical order, the order `serde_json::Value` objects (the results and the
/// tool) print theirs, so the whole log reads the same.
#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

/// The one run of the log.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    column_kind: &'static str,
    results: Results<'a>,
    tool: Value,
}

/// Every finding as a SARIF result, most important first (see [`Gate::by_importance`]).
///
/// [`Gate::by_importance`]: crate::gate::Gate::by_importance
struct Results<'a>(&'a Report);

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        serializer.collect_seq(
            report
                .gate
                .by_importance()
                .into_iter()
                .map(|(c, f)| result(report, c, f)),
        )
    }
}

fn log(report: &Report) -> Log<'_> {
    let rules: Vec<Value> = FindingKind::ALL
        .iter()
        .map(|k| {
            json!({
                "id": k.code(),
                "name": k.code(),
                "shortDescription": { "text": k.description() },
                "defaultConfiguration": { "level": sarif_level(severity_of(*k)) },
            })
        })
        .collect();
    Log {
        schema: SCHEMA,
        runs: [Run {
            column_kind: "unicodeCodePoints",
            results: Results(report),
            tool: json!({
                "driver": {
                    "name": "claimcheck",
                    "rules": rules,
                },
            }),
        }],
        version: "2.1.0",
    }
}

/// Finding `f` of claim `c` as a SARIF result, with a location per quote behind it. Its fields
/// are in the order `serde_json::Value` objects print theirs (alphabetical), as the rest of the
/// log.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    baseline_state: &'static str,
    level: &'static str,
    locations: Locations<'a>,
    message: Value,
    partial_fingerprints: Value,
    properties: Value,
    rule_id: &'static str,
    rule_index: usize,
}

/// A result's locations, produced one at a time as they are written: a contradiction on a large
/// corpus has a location per source on either side, thousands, and holding them as JSON values
/// took more memory than the findings themselves.
struct Locations<'a> {
    report: &'a Report,
    c: usize,
    f: usize,
}

impl Serialize for Locations<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Locations { report, c, f } = *self;
        let claim = &report.claims[c];
        let finding = &claim.result.findings[f];
        serializer.collect_seq(report.quotes(claim, finding).map(|(source, m)| {
            let mut region = json!({
                "startLine": m.line(),
                "startColumn": m.column(),
                "snippet": { "text": m.matched() },
            });
            if !m.matched().contains('\n') {
                region["endColumn"] = json!(m.column() + m.matched().chars().count());
            }
            json!({
                "physicalLocation": {
                    "artifactLocation": { "uri": source.path().replace('\\', "/") },
                    "region": region,
                },
                "message": {
                    "text": format!(
                        "{} says {}: «{}»",
                        source.short,
                        m.reading.display(),
                        excerpt(m.quote(), m.matched(), EXCERPT_WIDTH)
                    ),
                },
            })
        }))
    }
}

/// Finding `f` of claim `c` as a SARIF result.
fn result(report: &Report, c: usize, f: usize) -> SarifResult<'_> {
    let claim = &report.claims[c];
    let finding = &claim.result.findings[f];
    let a = report.gate.of(c, f);
    let rule_index = FindingKind::ALL
        .iter()
        .position(|k| *k == finding.kind)
        .expect("every kind has a rule");
    let mut properties = json!({ "claim": claim.id, "fails": a.fails });
    if let Some(reason) = a.known.as_ref().and_then(|e| e.reason.as_deref()) {
        properties["reason"] = json!(reason);
    }
    SarifResult {
        baseline_state: if a.known.is_some() {
            "unchanged"
        } else {
            "new"
        },
        level: sarif_level(a.level),
        locations: Locations { report, c, f },
        message: json!({ "text": report.finding_message(claim, finding) }),
        partial_fingerprints: json!({ "primaryLocationLineHash": a.fingerprint.to_string() }),
        properties,
        rule_id: finding.kind.code(),
        rule_index,
    }
}
