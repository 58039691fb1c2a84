//! The report as Markdown, for a pull-request comment or a CI step summary: whether the run fails,
//! a line per claim, then every finding, most important first, with its quotes.

use std::io::{self, Write};

use super::{Report, excerpt};
use crate::compare::Status;
use crate::extract::Reading;

/// How many characters of a sentence to quote around a value.
const EXCERPT_WIDTH: usize = 90;

/// Writes the Markdown report.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let title = report.title.as_deref().unwrap_or("claimcheck");
    writeln!(out, "## claimcheck: {}\n", escape(title))?;
    let gate = &report.gate;
    let failing = gate.failing();
    let known = gate.known();
    let fail_on = gate.fail_on.name();
    if failing > 0 {
        write!(
            out,
            "**Fails:** {failing} new finding{} at or above `{fail_on}`",
            plural(failing)
        )?;
    } else {
        write!(out, "**Passes:** no new finding at or above `{fail_on}`")?;
    }
    match &gate.baseline {
        Some(file) => writeln!(out, " ({known} known, from `{file}`).\n")?,
        None => writeln!(out, " (no baseline).\n")?,
    }
    writeln!(
        out,
        "{} claims, {} sources (`{}` on `{}`).\n",
        report.claims.len(),
        report.sources.len(),
        report.claims_file,
        report.corpus
    )?;

    writeln!(out, "| claim | verdict | what the sources say |")?;
    writeln!(out, "|---|---|---|")?;
    for claim in &report.claims {
        let said: Vec<String> = claim
            .result
            .sources
            .iter()
            .map(|r| (report.sources.get(r.source), r))
            .map(|(s, r)| {
                let what = match r.status {
                    Status::Stated => r.value_texts().join(" / "),
                    Status::Unspecified => "unspecified".into(),
                    _ => {
                        let mut parts = r.value_texts();
                        if r.mentions.iter().any(|m| m.reading == Reading::Unspecified) {
                            parts.push("unspecified".into());
                        }
                        format!("inconsistent: {}", parts.join(" / "))
                    }
                };
                format!("{}: {}", escape(s.short), escape(&what))
            })
            .collect();
        let said = if said.is_empty() {
            "(no source mentions it)".to_string()
        } else {
            said.join("; ")
        };
        writeln!(
            out,
            "| `{}` | {} | {} |",
            claim.id,
            claim.result.verdict.name(),
            said
        )?;
    }

    let order = gate.by_importance();
    if !order.is_empty() {
        writeln!(out, "\n### Findings\n")?;
    }
    for (c, f) in order {
        let claim = &report.claims[c];
        let finding = &claim.result.findings[f];
        let a = gate.of(c, f);
        let standing = match (&a.known, a.fails) {
            (Some(_), _) => "known",
            (None, true) => "**new, fails the run**",
            (None, false) => "new",
        };
        writeln!(
            out,
            "- **{}** `{}` {standing}: {}",
            a.level.name(),
            finding.kind.code(),
            escape(&report.finding_message(claim, finding))
        )?;
        if let Some(reason) = a.known.as_ref().and_then(|e| e.reason.as_deref()) {
            writeln!(out, "  - accepted: {}", escape(reason))?;
        }
        for (source, m) in report.quotes(claim, finding) {
            writeln!(
                out,
                "  - `{}:{}:{}` {}: «{}»",
                source.path(),
                m.line(),
                m.column(),
                escape(&m.reading.display()),
                escape(&excerpt(m.quote(), m.matched(), EXCERPT_WIDTH))
            )?;
        }
    }

    if !gate.stale.is_empty() {
        let file = gate.baseline.as_deref().unwrap_or("");
        writeln!(out, "\n### Stale baseline entries\n")?;
        for e in &gate.stale {
            writeln!(
                out,
                "- `{file}:{}` `{}` on `{}` matches no finding any more; `claimcheck baseline --prune` removes it",
                e.line, e.code, e.claim
            )?;
        }
    }
    if !report.skipped.is_empty() {
        writeln!(out, "\n### Skipped files\n")?;
        for s in &report.skipped {
            writeln!(out, "- `{}`: {}", s.name, escape(&s.reason))?;
        }
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Text shown as written: every character Markdown (GitHub's flavour included) could read as markup
/// is escaped, and line breaks become spaces so that a quote stays in its list item or cell.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_line_breaks() {
        assert_eq!(
            escape("~100 | *a* <b>\nnext"),
            "\\~100 \\| \\*a\\* \\<b\\> next"
        );
    }
}
