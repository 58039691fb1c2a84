//! Helpers shared by the end-to-end tests: run the real binary and read its JSON report back with
//! the strict structs of the contract.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use claimcheck::report::JsonReport;

/// What a run of the binary gave.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// The repository root: tests run the binary from there, as a user would.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `claimcheck ARGS` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the claimcheck binary runs");
    Run {
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        code: output.status.code().expect("exited normally"),
    }
}

/// Runs `claimcheck ARGS` at the repository root.
pub fn run(args: &[&str]) -> Run {
    run_in(&root(), args)
}

/// Runs `claimcheck check --format json` on a corpus with the bundled claims, and parses the report.
pub fn check_json(corpus: &str) -> (JsonReport, i32) {
    let run = run(&["check", "--format", "json", "--corpus", corpus]);
    let report: JsonReport = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("bad JSON ({e}):\n{}\nstderr:\n{}", run.stdout, run.stderr));
    (report, run.code)
}

/// `status` or `status value` for a claim and source, the way the acceptance table reads.
pub fn cell(report: &JsonReport, claim: &str, source_prefix: &str) -> String {
    let claim = report
        .claims
        .iter()
        .find(|c| c.id == claim)
        .unwrap_or_else(|| panic!("no claim {claim}"));
    let source = claim
        .sources
        .iter()
        .find(|s| s.source.starts_with(source_prefix))
        .unwrap_or_else(|| panic!("no source {source_prefix}"));
    match &source.value {
        Some(v) => format!("{} {v}", source.status),
        None => source.status.clone(),
    }
}

/// The verdict of a claim.
pub fn verdict(report: &JsonReport, claim: &str) -> String {
    report
        .claims
        .iter()
        .find(|c| c.id == claim)
        .map(|c| c.verdict.clone())
        .unwrap_or_else(|| panic!("no claim {claim}"))
}
