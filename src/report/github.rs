//! The report as GitHub Actions workflow commands: an annotation per finding
//! (`::error file=...,line=...,col=...,title=...::message`) at its first quote, and one per stale
//! baseline entry. GitHub shows only ten annotations of each level per step, so they come most
//! important first and at most ten of each level are printed; the full list goes to the step
//! summary as Markdown (written by the caller, which knows `$GITHUB_STEP_SUMMARY`).

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{Report, excerpt};
use crate::gate::Level;
use crate::gate::baseline::Entry;

/// How many annotations of one level GitHub shows per step.
pub const PER_LEVEL: usize = 10;
/// How many characters of a sentence to quote.
const EXCERPT_WIDTH: usize = 110;

/// One annotation before escaping.
struct Annotation {
    command: &'static str,
    file: String,
    line: usize,
    column: Option<usize>,
    title: String,
    message: String,
}

/// What an annotation is about, before its text is built: only the ones shown are built (a
/// finding's message quotes every source behind it, thousands on a large corpus).
enum Subject<'a> {
    /// Finding `.1` of claim `.0`.
    Finding(usize, usize),
    /// A baseline entry that matches no finding.
    Stale(&'a Entry),
}

/// Writes the annotations, then one plain line saying what fails and what was left out.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
    let mut hidden = 0;
    for (command, subject) in subjects(report) {
        let count = shown.entry(command).or_default();
        if *count == PER_LEVEL {
            hidden += 1;
            continue;
        }
        *count += 1;
        let a = annotation(report, command, subject);
        let mut properties = format!("file={},line={}", escape_property(&a.file), a.line);
        if let Some(column) = a.column {
            properties.push_str(&format!(",col={column}"));
        }
        writeln!(
            out,
            "::{} {properties},title={}::{}",
            a.command,
            escape_property(&a.title),
            escape_data(&a.message)
        )?;
    }
    if hidden > 0 {
        writeln!(
            out,
            "claimcheck: {hidden} more annotation{} not shown (GitHub shows {PER_LEVEL} per level); the step summary lists them all",
            if hidden == 1 { " is" } else { "s are" }
        )?;
    }
    let failing = report.gate.failing();
    writeln!(
        out,
        "claimcheck: {failing} new finding{} at or above {} fail the run, {} known",
        if failing == 1 { "" } else { "s" },
        report.gate.fail_on.name(),
        report.gate.known()
    )
}

/// Every annotation's command and subject, most important first: the findings that have a quote
/// to point at, then the stale baseline entries.
fn subjects(report: &Report) -> impl Iterator<Item = (&'static str, Subject<'_>)> {
    let findings = report
        .gate
        .by_importance()
        .into_iter()
        .filter(|&(c, f)| {
            let claim = &report.claims[c];
            report
                .quotes(claim, &claim.result.findings[f])
                .next()
                .is_some()
        })
        .map(|(c, f)| {
            let a = report.gate.of(c, f);
            // A known finding does not fail the run: it stays visible, as a notice.
            let command = match (&a.known, a.level) {
                (Some(_), _) | (None, Level::Note) => "notice",
                (None, Level::Error) => "error",
                (None, Level::Warning) => "warning",
            };
            (command, Subject::Finding(c, f))
        });
    let stale = report
        .gate
        .stale
        .iter()
        .map(|e| ("warning", Subject::Stale(e)));
    findings.chain(stale)
}

/// The annotation for `subject`, as `command`.
fn annotation(report: &Report, command: &'static str, subject: Subject) -> Annotation {
    match subject {
        Subject::Finding(c, f) => {
            let claim = &report.claims[c];
            let finding = &claim.result.findings[f];
            let a = report.gate.of(c, f);
            let mut message = report.finding_message(claim, finding);
            let mut first = None;
            for (source, m) in report.quotes(claim, finding) {
                let path = source.path();
                message.push_str(&format!(
                    "\n{}:{}:{} {}: «{}»",
                    path,
                    m.line(),
                    m.column(),
                    m.reading.display(),
                    excerpt(m.quote(), m.matched(), EXCERPT_WIDTH)
                ));
                first.get_or_insert((path, m.line(), m.column()));
            }
            if let Some(reason) = a.known.as_ref().and_then(|e| e.reason.as_deref()) {
                message.push_str(&format!("\naccepted in the baseline: {reason}"));
            }
            let (file, line, column) = first.expect("only findings with a quote are annotated");
            let standing = if a.known.is_some() { "known" } else { "new" };
            Annotation {
                command,
                file,
                line,
                column: Some(column),
                title: format!(
                    "claimcheck {} {} ({standing}): {}",
                    a.level.name(),
                    finding.kind.code(),
                    claim.id
                ),
                message,
            }
        }
        Subject::Stale(e) => Annotation {
            command,
            file: report.gate.baseline.clone().unwrap_or_default(),
            line: e.line,
            column: None,
            title: format!("claimcheck stale baseline entry: {}", e.claim),
            message: format!(
                "the baseline entry for {} on {}{} matches no finding any more; `claimcheck baseline --prune` removes it",
                e.code,
                e.claim,
                e.message
                    .as_deref()
                    .map_or(String::new(), |m| format!(" ({m})"))
            ),
        },
    }
}

/// Escapes a message as GitHub's toolkit does: `%`, CR and LF.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as a message, plus `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_documents() {
        assert_eq!(
            escape_data("100% sure\r\nnext: a, b"),
            "100%25 sure%0D%0Anext: a, b"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
