//! Step 6 of the pipeline: what fails the run. The exit status is decided here, from the findings,
//! before anything is printed, and in no other place: an output format never changes it.

use crate::compare::{FindingKind, Verdict};
use crate::report::Report;

/// Exit status: nothing fails.
pub const EXIT_OK: u8 = 0;
/// Exit status: a finding fails the run (a claim on which sources differ).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: the input or the claims could not be used.
pub const EXIT_INPUT: u8 = 2;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Fails the run.
    Error,
    /// Worth a look.
    Warning,
    /// For information.
    Note,
}

impl Level {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }
}

/// The default level of each kind of finding.
pub fn severity_of(kind: FindingKind) -> Level {
    match kind {
        FindingKind::Contradiction => Level::Error,
        FindingKind::UnspecifiedVsStated | FindingKind::InconsistentSource => Level::Warning,
        FindingKind::SingleSource => Level::Note,
    }
}

/// The exit status a report earns: 1 when sources differ on any claim, else 0.
pub fn exit_status(report: &Report) -> u8 {
    if report
        .claims
        .iter()
        .any(|c| c.result.verdict == Verdict::Differ)
    {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
