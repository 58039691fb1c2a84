//! The claims file's own tests: each `examples` entry is run through the real extractor every time
//! the file loads, so an editor learns at once when a rule does not do what they meant.

use super::{Claim, ClaimSet};
use crate::compare::{Status, judge_source};
use crate::diag::Diagnostic;
use crate::extract::{Document, extract};

/// The outcome of one example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleOutcome {
    /// The claim it belongs to.
    pub claim: String,
    /// The sentence.
    pub text: String,
    /// What it should read.
    pub expect: String,
    /// What it read.
    pub got: String,
    /// Why the extractor set candidates aside, when it read something else.
    pub why: Vec<String>,
}

impl ExampleOutcome {
    /// Whether it read what it should.
    pub fn passed(&self) -> bool {
        self.expect == self.got
    }
}

/// What a claim reads in a sentence: its value as printed, `unspecified`, `silent`, or
/// `inconsistent`.
pub fn reading(
    claim: &Claim,
    set: &ClaimSet,
    text: &str,
    published: Option<chrono::NaiveDate>,
) -> (String, Vec<String>) {
    let doc = Document::from_text(text, published);
    let extraction = extract(claim, &set.story, &doc, true);
    let why = extraction
        .rejections
        .iter()
        .map(|r| format!("`{}`: {}", r.matched, r.reason))
        .collect();
    let result = judge_source(0, extraction);
    let got = match (result.status, result.value()) {
        (Status::Stated, Some(v)) => v.display(),
        (status, _) => status.name().to_string(),
    };
    (got, why)
}

/// Runs every example of every claim, claims spread over the cores (they run at every load),
/// outcomes in file order.
pub fn run(set: &ClaimSet) -> Vec<ExampleOutcome> {
    use rayon::prelude::*;
    let per_claim: Vec<Vec<ExampleOutcome>> = set
        .claims
        .par_iter()
        .map(|claim| {
            claim
                .examples
                .iter()
                .map(|example| {
                    let (got, why) = reading(claim, set, &example.text, example.published);
                    ExampleOutcome {
                        claim: claim.id.clone(),
                        text: example.text.clone(),
                        expect: example.expect.clone(),
                        got,
                        why,
                    }
                })
                .collect()
        })
        .collect();
    per_claim.into_iter().flatten().collect()
}

/// An error for each failing example, located at the example in the file.
pub fn failures(set: &ClaimSet) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let examples = set.claims.iter().flat_map(|c| c.examples.iter());
    for (outcome, example) in run(set).into_iter().zip(examples) {
        if outcome.passed() {
            continue;
        }
        let mut d = Diagnostic::error(
            "example-failed",
            format!(
                "example of claim `{}` should read `{}` but reads `{}`",
                outcome.claim, outcome.expect, outcome.got
            ),
        )
        .at(example.location.clone());
        d.help = Some(match outcome.why.first() {
            Some(why) => format!("set aside: {why}"),
            None => "no candidate was found: check the cues against the sentence".to_string(),
        });
        diagnostics.push(d);
    }
    diagnostics
}
