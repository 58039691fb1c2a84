//! The commands CI runs: `check` with the baseline and the fail level, its report written to
//! standard output or atomically to a file (plus the GitHub step summary), and `baseline`, which
//! records the findings that fail the run now so that later runs fail only on new ones.
//!
//! The exit status is decided by the gate before any report is written; where the report goes
//! never changes it.

use std::io::Write;
use std::path::Path;

use crate::cli::{BaselineArgs, CheckArgs};
use crate::diag::Diagnostic;
use crate::gate::baseline::{Baseline, DEFAULT_FILE};
use crate::gate::fingerprint::Fingerprint;
use crate::gate::{self, EXIT_OK};
use crate::report::Format;
use crate::{emit, io_error};

/// The variable GitHub Actions sets to the file a step's summary is appended to.
const STEP_SUMMARY: &str = "GITHUB_STEP_SUMMARY";

/// `claimcheck check`: report every finding, and fail on new ones at or above the fail level.
pub fn check(
    args: &CheckArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Vec<Diagnostic>> {
    // Only the table shows near misses: another format warns that it leaves them out (see
    // `ignored_options`), and they are not looked for.
    let near_misses = args.near_misses && args.format == Format::Table;
    let (mut report, mut warnings) = crate::check_with(&args.input, near_misses)?;
    warnings.extend(crate::ignored_options(args));
    let baseline = match &args.baseline {
        Some(path) => Some(Baseline::read(path)?),
        None if Path::new(DEFAULT_FILE).is_file() => Some(Baseline::read(Path::new(DEFAULT_FILE))?),
        None => None,
    };
    gate::reassess(&mut report, baseline.as_ref(), args.fail_on);
    warnings.extend(gate::stale_warnings(&report.gate, baseline.as_ref()));
    emit(err, &warnings);
    let status = gate::exit_status(&report);
    match &args.output {
        Some(path) => crate::atomic::write(path, |w: &mut dyn Write| report.write(args.format, w))
            .map_err(|e| {
                vec![Diagnostic::error(
                    "output-failed",
                    format!("cannot write the report to {}: {e}", path.display()),
                )]
            })?,
        None => match report.write(args.format, out) {
            // A reader that stops early (`| head`) is not an error; the status stands.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.map_err(io_error)?,
        },
    }
    let summary = std::env::var_os(STEP_SUMMARY).filter(|s| !s.is_empty());
    if let (Format::Github, Some(summary)) = (args.format, summary) {
        append_summary(Path::new(&summary), &report)?;
    }
    // Freeing the report is the last work of the run, and the longest to do for nothing: on a
    // corpus of 100,000 articles it is hundreds of thousands of allocations (20 to 30 ms). It is
    // done on a thread of its own, which the end of the process may cut short. Should no thread be
    // had, the report is freed here: a failed spawn drops the closure and the report it holds.
    let _ = std::thread::Builder::new().spawn(move || drop(report));
    Ok(status)
}

/// Appends the Markdown report to the step summary file, as GitHub expects.
fn append_summary(path: &Path, report: &crate::report::Report) -> Result<(), Vec<Diagnostic>> {
    let failed = |e: std::io::Error| {
        vec![Diagnostic::error(
            "output-failed",
            format!("cannot write the step summary {}: {e}", path.display()),
        )]
    };
    let mut markdown = Vec::new();
    report
        .write(Format::Markdown, &mut markdown)
        .map_err(failed)?;
    std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .and_then(|mut f| f.write_all(&markdown))
        .map_err(failed)
}

/// `claimcheck baseline`: drop the entries that match nothing any more and, unless `--prune`,
/// add the findings at or above the fail level that no entry covers yet.
pub fn baseline(
    args: &BaselineArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Vec<Diagnostic>> {
    let (mut report, warnings) = crate::check(&args.input)?;
    emit(err, &warnings);
    let exists = args.baseline.exists();
    let base = if exists {
        Baseline::read(&args.baseline)?
    } else {
        Baseline::empty(&args.baseline)
    };
    gate::reassess(&mut report, Some(&base), args.fail_on);
    let prints: Vec<Fingerprint> = report
        .gate
        .findings
        .iter()
        .flatten()
        .map(|a| a.fingerprint)
        .collect();
    let (covered, stale) = base.matches(&prints);
    let added: Vec<_> = if args.prune {
        Vec::new()
    } else {
        gate::records(&report)
            .into_iter()
            .filter(|(i, _)| covered[*i].is_none())
            .map(|(_, r)| r)
            .collect()
    };
    let text = base.updated(&stale, &added)?;
    if !exists || text != base.text {
        base.write(&text).map_err(|e| {
            vec![Diagnostic::error(
                "output-failed",
                format!("cannot write the baseline {}: {e}", args.baseline.display()),
            )]
        })?;
    }
    let kept = base.entries.len() - stale.len();
    writeln!(
        out,
        "{}: {} added, {} stale removed, {kept} kept",
        args.baseline.display(),
        added.len(),
        stale.len()
    )
    .map_err(io_error)?;
    Ok(EXIT_OK)
}
