//! The views that show *why*: `explain` lists every candidate the rules considered for a claim,
//! kept or set aside with the reason; `claims lint` lists the claims file's examples with what each
//! read. This is how an editor turns a `silent` into a `stated`.

use std::io::{self, Write};

use crate::claims::examples::ExampleOutcome;
use crate::claims::{Claim, ClaimSet};
use crate::extract::Extraction;

/// Writes the explanation of one claim over some articles.
pub fn write(claim: &Claim, traces: &[(&str, Extraction)], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} ({}), kind {}",
        claim.id,
        claim.label,
        claim.kind.name()
    )?;
    for (name, trace) in traces {
        writeln!(out, "\n{name}")?;
        if trace.mentions.is_empty() && trace.rejections.is_empty() {
            writeln!(
                out,
                "  no candidate: no sentence has this claim's cues together with a value"
            )?;
        }
        for m in &trace.mentions {
            writeln!(
                out,
                "  kept {}:{} `{}` = {}",
                m.line,
                m.column,
                m.matched,
                m.reading.display()
            )?;
            writeln!(out, "       rule: {}", m.rule)?;
            if let Some(note) = &m.note {
                writeln!(out, "       note: {note}")?;
            }
            writeln!(out, "       in: {}", m.quote)?;
        }
        for r in &trace.rejections {
            writeln!(out, "  set aside {}:{} `{}`", r.line, r.column, r.matched)?;
            writeln!(out, "       why: {}", r.reason)?;
            writeln!(out, "       in: {}", r.quote)?;
        }
    }
    Ok(())
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
        "{}: {} claims, {} examples",
        set.path.display(),
        set.claims.len(),
        outcomes.len()
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
