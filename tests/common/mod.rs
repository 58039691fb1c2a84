//! What the end-to-end tests share: running the real binary (at the repository root or in a
//! temporary newsroom of the bundled claims, corpus and test articles), and reading its JSON report
//! back with the strict structs of the contract.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use claimcheck::report::JsonReport;
use tempfile::TempDir;

/// The repository root: tests run the binary from there, as a user would.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `claimcheck ARGS` at the repository root.
pub fn run_here(args: &[&str]) -> Run {
    run(&root(), args)
}

/// Runs `claimcheck check --format json` on a corpus with the bundled claims, and parses the report.
pub fn check_json(corpus: &str) -> (JsonReport, i32) {
    let run = run_here(&["check", "--format", "json", "--corpus", corpus]);
    let report: JsonReport = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("bad JSON ({e}):\n{}\nstderr:\n{}", run.stdout, run.stderr));
    (report, run.status)
}

/// `status` or `status value` for a claim and source, the way the acceptance table reads.
pub fn cell(report: &JsonReport, claim: &str, source_prefix: &str) -> String {
    let claim = report
        .claims
        .iter()
        .find(|c| c.id == claim)
        .unwrap_or_else(|| panic!("no claim {claim}"));
    let Some(source) = claim
        .sources
        .iter()
        .find(|s| s.source.starts_with(source_prefix))
    else {
        // A claim lists only the sources that say something: any other source of the corpus is
        // silent on it.
        assert!(
            report
                .sources
                .iter()
                .any(|s| s.source.starts_with(source_prefix)),
            "no source {source_prefix}"
        );
        return "silent".into();
    };
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
/// A test article from `tests/fixtures/articles`.
pub fn article(name: &str) -> PathBuf {
    root().join("tests/fixtures/articles").join(name)
}

/// A temporary folder holding `claims.toml` and `corpus/` copied from the repository, plus the
/// named test articles in `corpus/`.
pub fn newsroom(extra: &[&str]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("claims.toml"), dir.path().join("claims.toml")).unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for entry in std::fs::read_dir(root().join("corpus")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
    }
    for name in extra {
        std::fs::copy(article(name), corpus.join(name)).unwrap();
    }
    dir
}

/// What a run shows.
#[derive(Debug)]
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary in `dir` with `args`, without the GitHub step-summary variable.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    run_with(dir, args, None)
}

/// Runs the binary in `dir` with `args`, with `GITHUB_STEP_SUMMARY` set to `summary` when given.
pub fn run_with(dir: &Path, args: &[&str], summary: Option<&Path>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    command
        .current_dir(dir)
        .args(args)
        .env_remove("GITHUB_STEP_SUMMARY");
    if let Some(summary) = summary {
        command.env("GITHUB_STEP_SUMMARY", summary);
    }
    let output = command.output().unwrap();
    Run {
        status: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}
