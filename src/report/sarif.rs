//! The report as SARIF 2.1.0, the format GitHub code scanning and other static-analysis viewers
//! read: a rule per kind of finding (its stable code is the rule id), a result per finding with its
//! level, message, a location per quote, the semantic fingerprint as
//! `partialFingerprints.primaryLocationLineHash`, and `baselineState` new or unchanged.

use std::io::{self, Write};

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

fn log(report: &Report) -> Value {
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
    let mut results = Vec::new();
    for (c, f) in report.gate.by_importance() {
        let claim = &report.claims[c];
        let finding = &claim.result.findings[f];
        let a = report.gate.of(c, f);
        let locations: Vec<Value> = report
            .quotes(claim, finding)
            .map(|(source, m)| {
                let mut region = json!({
                    "startLine": m.line,
                    "startColumn": m.column,
                    "snippet": { "text": m.matched() },
                });
                if !m.matched().contains('\n') {
                    region["endColumn"] = json!(m.column + m.matched().chars().count());
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
                            excerpt(&m.quote, m.matched(), EXCERPT_WIDTH)
                        ),
                    },
                })
            })
            .collect();
        let rule_index = FindingKind::ALL
            .iter()
            .position(|k| *k == finding.kind)
            .expect("every kind has a rule");
        let mut result = json!({
            "ruleId": finding.kind.code(),
            "ruleIndex": rule_index,
            "level": sarif_level(a.level),
            "message": { "text": report.finding_message(claim, finding) },
            "locations": locations,
            "partialFingerprints": { "primaryLocationLineHash": a.fingerprint.to_string() },
            "baselineState": if a.known.is_some() { "unchanged" } else { "new" },
            "properties": { "claim": claim.id, "fails": a.fails },
        });
        if let Some(reason) = a.known.as_ref().and_then(|e| e.reason.as_deref()) {
            result["properties"]["reason"] = json!(reason);
        }
        results.push(result);
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "claimcheck",
                    "rules": rules,
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}
