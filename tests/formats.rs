//! Snapshots of every output format, on the bundled corpus and on a corpus with contradictions
//! (two test articles, a reviewed baseline that accepts some of them, and a stale entry). The binary
//! runs in a temporary copy with relative paths, so the snapshots do not depend on where it runs.

mod common;

use common::{newsroom, root, run};

const FORMATS: [&str; 5] = ["table", "json", "markdown", "sarif", "github"];

fn shown(dir: &std::path::Path, format: &str) -> String {
    let r = run(dir, &["check", "--format", format]);
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        r.status, r.stdout, r.stderr
    )
}

#[test]
fn every_format_on_the_bundled_corpus() {
    let room = newsroom(&[]);
    for format in FORMATS {
        insta::assert_snapshot!(format!("bundled_{format}"), shown(room.path(), format));
    }
}

#[test]
fn every_format_on_a_corpus_with_contradictions() {
    let room = newsroom(&[
        "005_test_contradicting_count.txt",
        "006_test_contradicting_date.txt",
    ]);
    std::fs::copy(
        root().join("tests/fixtures/contradiction.baseline.toml"),
        room.path().join("claimcheck.baseline.toml"),
    )
    .unwrap();
    for format in FORMATS {
        insta::assert_snapshot!(
            format!("contradiction_{format}"),
            shown(room.path(), format)
        );
    }
}
