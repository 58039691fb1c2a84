//! The gate as CI sees it, through the real binary: fail levels, per-claim severities, the JSON
//! contract read back strictly, SARIF checked against the official schema, `--output`, and the
//! GitHub annotations with their step summary.

mod common;

use std::path::Path;

use claimcheck::report::JsonReport;
use common::{newsroom, root, run, run_with};

const COUNT_ARTICLE: &str = "005_test_contradicting_count.txt";
const DATE_ARTICLE: &str = "006_test_contradicting_date.txt";

/// A newsroom with both contradicting test articles and the reviewed test baseline.
fn contradicted() -> tempfile::TempDir {
    let room = newsroom(&[COUNT_ARTICLE, DATE_ARTICLE]);
    std::fs::copy(
        root().join("tests/fixtures/contradiction.baseline.toml"),
        room.path().join("claimcheck.baseline.toml"),
    )
    .unwrap();
    room
}

#[test]
fn the_fail_level_decides_what_fails_the_bundled_corpus() {
    let room = newsroom(&[]);
    // Two warnings (a source contradicting itself, one leaving the count open) and a note.
    assert_eq!(run(room.path(), &["check"]).status, 0);
    assert_eq!(run(room.path(), &["check", "--fail-on", "error"]).status, 0);
    let warning = run(room.path(), &["check", "--fail-on", "warning"]);
    assert_eq!(warning.status, 1);
    assert!(
        warning
            .stdout
            .ends_with("\n2 new findings at or above warning fail the run\n")
    );
    let note = run(
        room.path(),
        &["check", "--fail-on", "note", "--format", "json"],
    );
    assert_eq!(note.status, 1);
    let report: JsonReport = serde_json::from_str(&note.stdout).unwrap();
    assert_eq!(report.summary.failing, 3);
    let bad = run(room.path(), &["check", "--fail-on", "fatal"]);
    assert_eq!(bad.status, 2);
    assert!(
        bad.stderr.contains("invalid value 'fatal'"),
        "{}",
        bad.stderr
    );
}

#[test]
fn a_claim_can_lower_the_level_of_its_contradictions() {
    let room = newsroom(&[COUNT_ARTICLE]);
    assert_eq!(run(room.path(), &["check"]).status, 1);
    let claims = std::fs::read_to_string(room.path().join("claims.toml")).unwrap();
    let lowered = claims.replacen(
        "kind = \"count\"\n",
        "kind = \"count\"\nseverity = { contradiction = \"warning\" }\n",
        1,
    );
    std::fs::write(room.path().join("claims.toml"), lowered).unwrap();
    let r = run(room.path(), &["check", "--format", "json"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let report: JsonReport = serde_json::from_str(&r.stdout).unwrap();
    let count = &report.claims[0];
    assert_eq!(count.id, "instructor_count");
    let levels: Vec<(&str, &str)> = count
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.severity.as_str()))
        .collect();
    assert_eq!(
        levels,
        [
            ("contradiction", "warning"),
            ("contradiction", "warning"),
            ("inconsistent-source", "warning"),
            ("unspecified-vs-stated", "warning"),
        ]
    );
    assert_eq!(
        run(room.path(), &["check", "--fail-on", "warning"]).status,
        1
    );
}

#[test]
fn unknown_codes_and_levels_in_severity_are_configuration_errors() {
    let room = newsroom(&[]);
    let claims = std::fs::read_to_string(room.path().join("claims.toml")).unwrap();
    let broken = claims.replacen(
        "kind = \"count\"\n",
        "kind = \"count\"\nseverity = { contradictoin = \"warning\", single-source = \"fatal\" }\n",
        1,
    );
    std::fs::write(room.path().join("claims.toml"), broken).unwrap();
    let r = run(room.path(), &["check"]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("error[unknown-finding-code]: `severity` of claim `instructor_count` names an unknown finding code `contradictoin`\n"), "{}", r.stderr);
    assert!(r.stderr.contains("= help: did you mean `contradiction`?"));
    // The marker sits under the misspelt key.
    assert!(r.stderr.contains("17 | severity = { contradictoin = \"warning\", single-source = \"fatal\" }\n   |              ^^^^^^^^^^^^^\n"), "{}", r.stderr);
    assert!(r.stderr.contains("error[unknown-level]: unknown level `fatal` for single-source in claim `instructor_count`\n"));
    assert!(r.stderr.contains("= help: levels: error, warning, note\n"));
}

#[test]
fn a_named_baseline_must_exist_and_be_valid() {
    let room = newsroom(&[]);
    let missing = run(room.path(), &["check", "--baseline", "reviewed.toml"]);
    assert_eq!(missing.status, 2);
    assert!(
        missing
            .stderr
            .starts_with("error[baseline-unreadable]: cannot read the baseline reviewed.toml")
    );
    std::fs::write(
        room.path().join("reviewed.toml"),
        "[[finding]]\nclaim = \"x\"\n",
    )
    .unwrap();
    let invalid = run(room.path(), &["check", "--baseline", "reviewed.toml"]);
    assert_eq!(invalid.status, 2);
    assert!(
        invalid.stderr.contains("error[baseline-invalid]"),
        "{}",
        invalid.stderr
    );
}

#[test]
fn the_json_contract_reads_back_with_new_known_and_stale() {
    let room = contradicted();
    let r = run(room.path(), &["check", "--format", "json"]);
    assert_eq!(r.status, 1);
    let report: JsonReport = serde_json::from_str(&r.stdout).unwrap();
    let contradictions: Vec<(&str, &str, bool, Option<&str>)> = report
        .claims
        .iter()
        .flat_map(|c| &c.findings)
        .filter(|f| f.code == "contradiction")
        .map(|f| {
            (
                f.message.as_str(),
                f.baseline.as_str(),
                f.fails,
                f.reason.as_deref(),
            )
        })
        .collect();
    let reason = Some("the test article's figure is known to be wrong");
    assert_eq!(
        contradictions,
        [
            (
                "instructor_count: 000 says ~100, 005 says ~200",
                "known",
                false,
                reason
            ),
            (
                "instructor_count: 004 says 100, 005 says ~200",
                "known",
                false,
                reason
            ),
            // One finding per pair of values: 000 and 002 give the same date.
            (
                "arrival_date: 000 and 002 say 2024-04-10, 006 says 2024-04-12",
                "new",
                true,
                None
            ),
        ]
    );
    assert_eq!((report.summary.failing, report.summary.known), (1, 2));
    assert_eq!(report.stale.len(), 1);
    assert_eq!(
        (report.stale[0].claim.as_str(), report.stale[0].line),
        ("aircraft_type", 21)
    );
}

#[test]
fn sarif_follows_the_official_schema() {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/sarif-schema-2.1.0.json")).unwrap();
    // The official schema's pattern for `run.language` (and `toolComponent.language`) has a stray `]`, which ECMAScript reads as a
    // literal but the validator's meta-schema check refuses as a regex: escape it, same meaning.
    let stray = r#"[a-zA-Z]{2}-[a-zA-Z]{2}]?$"#;
    assert!(text.contains(stray));
    let text = text.replace(stray, r#"[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$"#);
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for room in [newsroom(&[]), contradicted()] {
        let r = run(room.path(), &["check", "--format", "sarif"]);
        let log: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(!results.is_empty());
        let mut broken = log.clone();
        broken["runs"][0]["results"][0]["level"] = "fatal".into();
        assert!(validator.iter_errors(&broken).next().is_some());
        for result in results {
            let print = result["partialFingerprints"]["primaryLocationLineHash"]
                .as_str()
                .unwrap();
            assert_eq!(print.len(), 16);
        }
    }
}

#[test]
fn output_goes_to_the_file_and_the_status_stays() {
    let room = contradicted();
    let to_stdout = run(room.path(), &["check", "--format", "sarif"]);
    let to_file = run(
        room.path(),
        &["check", "--format", "sarif", "--output", "report.sarif"],
    );
    assert_eq!((to_stdout.status, to_file.status), (1, 1));
    assert_eq!(to_file.stdout, "");
    let written = std::fs::read_to_string(room.path().join("report.sarif")).unwrap();
    assert_eq!(written, to_stdout.stdout);
    let nowhere = run(room.path(), &["check", "--output", "missing/report.txt"]);
    assert_eq!(nowhere.status, 2);
    assert!(
        nowhere
            .stderr
            .contains("error[output-failed]: cannot write the report to missing/report.txt")
    );
}

#[test]
fn output_is_byte_identical_from_run_to_run() {
    let room = contradicted();
    for format in ["table", "json", "markdown", "sarif", "github"] {
        let a = run(room.path(), &["check", "--format", format]);
        let b = run(room.path(), &["check", "--format", format]);
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
}

/// A corpus of `n` test articles, each giving the aircraft another landing date, so that every
/// pair contradicts.
fn many_dates(dir: &Path, n: usize) {
    std::fs::copy(root().join("claims.toml"), dir.join("claims.toml")).unwrap();
    std::fs::create_dir(dir.join("corpus")).unwrap();
    for day in 1..=n {
        std::fs::write(
            dir.join("corpus").join(format!("{day:02}_test.txt")),
            format!("TEST DATA, NOT A REAL ARTICLE.\nThe Russian plane landed in Niamey on April {day}, 2024.\n"),
        )
        .unwrap();
    }
}

#[test]
fn github_shows_ten_annotations_per_level_and_the_summary_lists_all() {
    let dir = tempfile::tempdir().unwrap();
    many_dates(dir.path(), 6);
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let r = run_with(dir.path(), &["check", "--format", "github"], Some(&summary));
    assert_eq!(r.status, 1);
    // 6 sources, 15 pairs.
    assert_eq!(
        r.stdout
            .lines()
            .filter(|l| l.starts_with("::error "))
            .count(),
        10
    );
    assert!(r.stdout.contains("\nclaimcheck: 5 more annotations are not shown (GitHub shows 10 per level); the step summary lists them all\n"));
    assert!(
        r.stdout
            .ends_with("claimcheck: 15 new findings at or above error fail the run, 0 known\n")
    );
    let first = r.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        "::error file=corpus/01_test.txt,line=2,col=39,title=claimcheck error contradiction (new)%3A arrival_date::arrival_date: 01 says 2024-04-01, 02 says 2024-04-02%0Acorpus/01_test.txt:2:39 2024-04-01: «The Russian plane landed in Niamey on April 1, 2024.»%0Acorpus/02_test.txt:2:39 2024-04-02: «The Russian plane landed in Niamey on April 2, 2024.»"
    );
    let written = std::fs::read_to_string(&summary).unwrap();
    let markdown = run(dir.path(), &["check", "--format", "markdown"]).stdout;
    assert_eq!(written, format!("earlier step\n{markdown}"));
    assert_eq!(written.matches("- **error** `contradiction`").count(), 15);
}

#[test]
fn the_examples_in_docs_ci_are_valid() {
    let doc = std::fs::read_to_string(root().join("docs/ci.md")).unwrap();
    let blocks: Vec<&str> = doc
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert_eq!(blocks.len(), 2);
    let claims = claimcheck::claims::parse(Path::new("docs/ci.md"), blocks[0]).unwrap();
    let lowered = &claims.claims[0].severity;
    assert_eq!(
        lowered.get(&claimcheck::compare::FindingKind::Contradiction),
        Some(&claimcheck::gate::Level::Warning)
    );
    let baseline =
        claimcheck::gate::baseline::Baseline::parse(Path::new("docs/ci.md"), blocks[1].to_string())
            .unwrap();
    assert_eq!(baseline.entries[0].fingerprint, "823626cbb5618c88");
    assert_eq!(
        baseline.entries[0].reason.as_deref(),
        Some("the agency's figure was corrected the next day")
    );
}
