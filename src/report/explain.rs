//! The views that show *why*: `explain` lists every candidate the rules considered for a claim,
//! kept or set aside with the reason; `claims lint` lists the claims file's examples with what each
//! read. This is how an editor turns a `silent` into a `stated`.

use std::io::{self, Write};

use crate::claims::examples::ExampleOutcome;
use crate::claims::{Claim, ClaimKind, ClaimSet};
use crate::compare::{Status, judge_source};
use crate::extract::Extraction;

/// Writes the explanation of one claim over some articles.
pub fn write(claim: &Claim, traces: &[(&str, Extraction)], out: &mut dyn Write) -> io::Result<()> {
    if claim.label == claim.id {
        writeln!(out, "{}, kind {}", claim.id, claim.kind.name())?;
    } else {
        writeln!(
            out,
            "{} ({}), kind {}",
            claim.id,
            claim.label,
            claim.kind.name()
        )?;
    }
    for (name, trace) in traces {
        let result = judge_source(0, trace.clone());
        let reads = match (&result.status, result.value()) {
            (Status::Stated, Some(v)) => format!("reads {}", v.display()),
            (status, _) => status.name().to_string(),
        };
        writeln!(out, "\n{name}: {reads}")?;
        if trace.mentions.is_empty() && trace.rejections.is_empty() {
            writeln!(out, "  {}", no_candidate(claim))?;
        }
        // Kept and set-aside candidates in text order, as a reader meets them.
        let mut lines: Vec<((usize, usize), Vec<String>)> = Vec::new();
        for m in &trace.mentions {
            let mut text = vec![format!(
                "  kept {}:{} `{}` = {}",
                m.line(),
                m.column(),
                m.matched(),
                m.reading.display()
            )];
            text.push(format!("       rule: {}", m.rule));
            if let Some(note) = m.note() {
                text.push(format!("       note: {note}"));
            }
            text.push(format!("       in: {}", m.quote()));
            lines.push(((m.line(), m.column()), text));
        }
        for r in &trace.rejections {
            let text = vec![
                format!("  set aside {}:{} `{}`", r.line, r.column, r.matched),
                format!("       why: {}", r.reason),
                format!("       in: {}", r.quote),
            ];
            lines.push(((r.line, r.column), text));
        }
        lines.sort_by_key(|(at, _)| *at);
        for (_, text) in lines {
            for line in text {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// `1 claim`, `2 claims`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// What to look at when an article offers no candidate at all.
fn no_candidate(claim: &Claim) -> String {
    let cues = match &claim.kind {
        ClaimKind::Count { .. } => "a number followed by a `subject` cue",
        ClaimKind::Date { .. } => "a date in a sentence with an `event` cue",
        ClaimKind::Entity { .. } => "a spelling listed in `values`",
    };
    format!(
        "no candidate: no sentence has {cues}; `check --near-misses` lists the sentences that come close"
    )
}

/// Writes the outcome of the claims file's examples.
pub fn write_lint(
    set: &ClaimSet,
    outcomes: &[ExampleOutcome],
    out: &mut dyn Write,
) -> io::Result<()> {
    let passed = outcomes.iter().filter(|o| o.passed()).count();
    writeln!(
        out,
        "{}: {}, {}",
        set.path.display(),
        plural(set.claims.len(), "claim"),
        plural(outcomes.len(), "example")
    )?;
    for o in outcomes {
        let mark = if o.passed() { "ok  " } else { "FAIL" };
        writeln!(out, "{mark} {}: {:?} reads `{}`", o.claim, o.text, o.got)?;
        if !o.passed() {
            writeln!(out, "     expected `{}`", o.expect)?;
            for why in &o.why {
                writeln!(out, "     set aside {why}")?;
            }
        }
    }
    writeln!(out, "{passed} passed, {} failed", outcomes.len() - passed)
}
