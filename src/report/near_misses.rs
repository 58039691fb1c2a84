//! The `--near-misses` section of the table report: per claim, the sentences that name what the
//! claim is about but gave no value, with where they are and why candidates in them were set aside.

use std::io::{self, Write};

use super::{Report, excerpt};

/// How many characters of a sentence to show.
const EXCERPT_WIDTH: usize = 110;

/// Writes the near misses of every claim that has some; nothing when none was asked for.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let Some(per_claim) = &report.near_misses else {
        return Ok(());
    };
    writeln!(
        out,
        "\nNear misses: sentences that name a claim's subject, event or context but gave no value"
    )?;
    for (claim, sources) in report.claims.iter().zip(per_claim) {
        let count: usize = sources.iter().map(|(_, misses)| misses.len()).sum();
        match count {
            0 => writeln!(out, "\n{}: none", claim.id)?,
            1 => writeln!(out, "\n{}: 1 sentence", claim.id)?,
            n => writeln!(out, "\n{}: {n} sentences", claim.id)?,
        }
        for (source, misses) in sources {
            let source = report.sources.get(*source);
            for miss in misses {
                writeln!(
                    out,
                    "  {}:{}:{} names `{}`",
                    source.path(),
                    miss.line,
                    miss.column,
                    miss.cue
                )?;
                writeln!(
                    out,
                    "    \"{}\"",
                    excerpt(&miss.quote, &miss.cue, EXCERPT_WIDTH)
                )?;
                if miss.reasons.is_empty() {
                    writeln!(out, "    no candidate value in this sentence")?;
                }
                for reason in &miss.reasons {
                    writeln!(out, "    set aside {reason}")?;
                }
            }
        }
    }
    Ok(())
}
