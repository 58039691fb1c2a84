//! What the end-to-end tests share: a newsroom in a temporary folder (the bundled claims and corpus,
//! plus test articles), and running the real binary in it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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
