//! The report for people: claims down, sources across, a verdict per claim; then every finding and
//! every value with the quote and `file:line:column` it came from.

use std::borrow::Cow;
use std::io::{self, Write};

use super::grid::Grid;

use super::{Report, excerpt, finding_mentions};
use crate::compare::{SourceResult, Status};
use crate::extract::Reading;

/// How many characters of a sentence to show around a quoted value.
const EXCERPT_WIDTH: usize = 110;

/// The grid: claims down, sources across (the short name, and the outlet below it when known),
/// the verdict last. Written a row at a time: on a large corpus the grid has millions of cells,
/// nearly all "silent".
fn write_grid(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let sources = report.sources.len();
    let header = || {
        std::iter::once(Cow::Borrowed("claim"))
            .chain(report.sources.iter().map(|s| match &s.meta.outlet {
                Some(outlet) => Cow::Owned(format!("{}\n{outlet}", s.short)),
                None => Cow::Borrowed(s.short),
            }))
            .chain(std::iter::once(Cow::Borrowed("verdict")))
    };
    let mut grid = Grid::new(sources + 2);
    for (column, text) in header().enumerate() {
        grid.fit(column, &text);
    }
    // How many claims each source speaks of: a column with fewer has a "silent" cell.
    let mut speaking = vec![0u32; sources];
    for claim in &report.claims {
        grid.fit(0, &claim.id);
        grid.fit(sources + 1, claim.result.verdict.name());
        for result in &claim.result.sources {
            speaking[result.source] += 1;
            grid.fit(result.source + 1, &cell(result));
        }
    }
    for (source, &count) in speaking.iter().enumerate() {
        if (count as usize) < report.claims.len() {
            grid.fit(source + 1, SILENT);
        }
    }
    drop(speaking);
    grid.top(out)?;
    grid.row_of(out, header)?;
    grid.below_header(out)?;
    for claim in &report.claims {
        // The cells of the sources that speak of the claim, by column; every other is silent.
        let said: Vec<(usize, String)> = (claim.result.sources.iter())
            .map(|result| (result.source + 1, cell(result)))
            .collect();
        let row = || {
            let mut said = said.iter().peekable();
            (0..sources + 2).map(move |column| match column {
                0 => Cow::Borrowed(claim.id.as_str()),
                _ if column == sources + 1 => Cow::Borrowed(claim.result.verdict.name()),
                _ => match said.next_if(|(at, _)| *at == column) {
                    Some((_, text)) => Cow::Borrowed(text.as_str()),
                    None => Cow::Borrowed(SILENT),
                },
            })
        };
        grid.row_of(out, row)?;
    }
    grid.bottom(out)
}

/// The cell of a source that says nothing about a claim.
const SILENT: &str = "silent";

/// The text of one cell.
fn cell(source: &SourceResult) -> String {
    match source.status {
        Status::Stated => source.value().map(|v| v.display()).unwrap_or_default(),
        Status::Unspecified => "unspecified".into(),
        Status::Silent => SILENT.into(),
        Status::Inconsistent => {
            let mut parts = source.value_texts();
            if source
                .mentions
                .iter()
                .any(|m| m.reading == Reading::Unspecified)
            {
                parts.push("unspecified".into());
            }
            format!("inconsistent:\n{}", parts.join(" / "))
        }
    }
}

/// Writes the table report.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let title = report.title.as_deref().unwrap_or("claimcheck");
    writeln!(
        out,
        "{title}: {} claims, {} sources ({} on {})",
        report.claims.len(),
        report.sources.len(),
        report.claims_file,
        report.corpus
    )?;
    write_grid(report, out)?;

    // Gone through as they are written, not gathered first: tens of thousands on a large corpus.
    let findings = report.claims.iter().enumerate().flat_map(|(ci, c)| {
        c.result
            .findings
            .iter()
            .enumerate()
            .map(move |(fi, f)| (c, f, report.gate.of(ci, fi)))
    });
    if report.claims.iter().any(|c| !c.result.findings.is_empty()) {
        writeln!(out, "\nFindings")?;
        for (claim, finding, assessment) in findings {
            let level = assessment.level.name();
            let standing = match &assessment.known {
                Some(_) => " (known)",
                None if report.gate.baseline.is_some() => " (new)",
                None => "",
            };
            writeln!(
                out,
                "{level}[{}]{standing} {}",
                finding.kind.code(),
                report.finding_message(claim, finding)
            )?;
            for (i, m) in finding_mentions(claim, finding) {
                writeln!(
                    out,
                    "    {}:{}:{}  {}  «{}»",
                    report.sources.get(i).path(),
                    m.line(),
                    m.column(),
                    m.reading.display(),
                    excerpt(m.quote(), m.matched(), EXCERPT_WIDTH)
                )?;
            }
        }
    }

    writeln!(out, "\nEvidence")?;
    // One width for every claim's list: the widest short name of all the sources.
    let name_width = (report.sources.iter())
        .map(|s| s.short.chars().count())
        .max()
        .unwrap_or(0);
    for claim in &report.claims {
        writeln!(
            out,
            "{} ({}): {}",
            claim.id,
            claim.label,
            claim.result.verdict.name()
        )?;
        let mut any = false;
        let reading_width = claim
            .result
            .sources
            .iter()
            .flat_map(|s| &s.mentions)
            .map(|m| m.reading.display().chars().count())
            .max()
            .unwrap_or(0);
        for result in &claim.result.sources {
            let source = report.sources.get(result.source);
            for m in &result.mentions {
                any = true;
                writeln!(
                    out,
                    "  {:name_width$}  {:reading_width$}  {}:{}:{}  «{}»",
                    source.short,
                    m.reading.display(),
                    source.path(),
                    m.line(),
                    m.column(),
                    excerpt(m.quote(), m.matched(), EXCERPT_WIDTH)
                )?;
                if let Some(note) = m.note() {
                    writeln!(out, "      note: {note}")?;
                }
            }
        }
        if !any {
            writeln!(out, "  (no source mentions it)")?;
        }
    }
    if !report.gate.stale.is_empty() {
        let file = report.gate.baseline.as_deref().unwrap_or("");
        writeln!(out, "\nStale baseline entries")?;
        for e in &report.gate.stale {
            writeln!(
                out,
                "  {file}:{}  {}[{}] matches no finding any more",
                e.line, e.claim, e.code
            )?;
        }
    }
    if !report.skipped.is_empty() {
        writeln!(out, "\nSkipped")?;
        for s in &report.skipped {
            writeln!(out, "  {}: {}", s.name, s.reason)?;
        }
    }
    let failing = report.gate.failing();
    if failing > 0 {
        writeln!(
            out,
            "\n{failing} new finding{} at or above {} fail the run",
            if failing == 1 { "" } else { "s" },
            report.gate.fail_on.name()
        )?;
    }
    Ok(())
}
