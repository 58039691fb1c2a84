//! A newsroom's history played with the real binary in a temporary folder: the bundled corpus is
//! baselined, contradicting articles arrive, are accepted with reasons, are edited, and leave.

mod common;

use std::path::Path;

use common::{newsroom, run};

const BASELINE: &str = "claimcheck.baseline.toml";
const COUNT_ARTICLE: &str = "005_test_contradicting_count.txt";
const DATE_ARTICLE: &str = "006_test_contradicting_date.txt";

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// Adds `reason = "..."` under the `message` line of every entry whose message contains `about`.
fn give_reason(dir: &Path, about: &str, reason: &str) {
    let text: String = read(dir, BASELINE)
        .lines()
        .map(|line| {
            if line.starts_with("message = ") && line.contains(about) {
                format!("{line}\nreason = \"{reason}\"\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    std::fs::write(dir.join(BASELINE), text).unwrap();
}

/// The line of the `[[finding]]` header of each entry whose message contains `about`.
fn entry_lines(dir: &Path, about: &str) -> Vec<usize> {
    let text = read(dir, BASELINE);
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("message = ") && line.contains(about) {
            let header = (0..i).rev().find(|&j| lines[j] == "[[finding]]").unwrap();
            out.push(header + 1);
        }
    }
    out
}

#[test]
fn a_newsroom_history() {
    let room = newsroom(&[]);
    let dir = room.path();

    // The bundled corpus has no contradiction: the baseline is empty and the check passes.
    let made = run(dir, &["baseline"]);
    assert_eq!(made.status, 0, "{made:?}");
    assert_eq!(
        made.stdout,
        "claimcheck.baseline.toml: 0 added, 0 stale removed, 0 kept\n"
    );
    assert!(!read(dir, BASELINE).contains("[[finding]]"));
    assert_eq!(run(dir, &["check"]).status, 0);

    // An article whose count contradicts the others fails the run, named with its quotes.
    std::fs::copy(
        common::article(COUNT_ARTICLE),
        dir.join("corpus").join(COUNT_ARTICLE),
    )
    .unwrap();
    let new = run(dir, &["check"]);
    assert_eq!(new.status, 1, "{new:?}");
    assert!(
        new.stdout.contains(
            "error[contradiction] (new) instructor_count: 000 says ~100, 005 says ~200\n"
        ),
        "{}",
        new.stdout
    );
    assert!(
        new.stdout
            .contains("error[contradiction] (new) instructor_count: 004 says 100, 005 says ~200\n")
    );
    assert!(new.stdout.contains("    corpus/005_test_contradicting_count.txt:2:52  ~200  «…reported on Thursday that about 200 Russian military instructors had arrived in Niamey"));
    assert!(new.stdout.contains("    corpus/004_e6ac4a2d74cea2ff.txt:11:186  100  «…Television du Niger disclosed the arrival of 100 Russian military instructors"));
    assert!(
        new.stdout
            .ends_with("\n2 new findings at or above error fail the run\n")
    );

    // Accepted with a reason: known, and the run passes.
    let accepted = run(dir, &["baseline"]);
    assert_eq!(
        accepted.stdout,
        "claimcheck.baseline.toml: 2 added, 0 stale removed, 0 kept\n"
    );
    give_reason(
        dir,
        "005 says ~200",
        "the test article's figure is known to be wrong",
    );
    let known = run(dir, &["check"]);
    assert_eq!(known.status, 0, "{known:?}");
    assert!(
        known.stdout.contains(
            "error[contradiction] (known) instructor_count: 000 says ~100, 005 says ~200\n"
        )
    );

    // A second contradicting article fails the run; accepting it keeps the first reasons.
    std::fs::copy(
        common::article(DATE_ARTICLE),
        dir.join("corpus").join(DATE_ARTICLE),
    )
    .unwrap();
    let second = run(dir, &["check"]);
    assert_eq!(second.status, 1);
    assert!(second.stdout.contains(
        "error[contradiction] (new) arrival_date: 000 and 002 say 2024-04-10, 006 says 2024-04-12\n"
    ));
    assert!(
        second.stdout.contains(
            "error[contradiction] (known) instructor_count: 000 says ~100, 005 says ~200\n"
        )
    );
    let accepted = run(dir, &["baseline"]);
    assert_eq!(
        accepted.stdout,
        "claimcheck.baseline.toml: 1 added, 0 stale removed, 2 kept\n"
    );
    assert_eq!(
        read(dir, BASELINE)
            .matches("reason = \"the test article's figure is known to be wrong\"")
            .count(),
        2
    );
    give_reason(
        dir,
        "006 says 2024-04-12",
        "the agency misdated the landing",
    );
    let text = read(dir, BASELINE).replacen(
        "[[finding]]\nclaim = \"arrival_date\"",
        "# checked with the agency\n[[finding]]\nclaim = \"arrival_date\"",
        1,
    );
    std::fs::write(dir.join(BASELINE), text).unwrap();
    assert_eq!(run(dir, &["check"]).status, 0);

    // Lines inserted at the top of the article move the quote, not the finding's identity.
    let path = dir.join("corpus").join(COUNT_ARTICLE);
    let article = read(&dir.join("corpus"), COUNT_ARTICLE);
    std::fs::write(&path, format!("Updated on Friday.\n\n{article}")).unwrap();
    let moved = run(dir, &["check"]);
    assert_eq!(moved.status, 0, "{moved:?}");
    assert!(
        moved
            .stdout
            .contains("    corpus/005_test_contradicting_count.txt:4:52  ~200  ")
    );
    assert_eq!(moved.stderr, "");

    // A changed value is a new contradiction; the entries it replaces are stale.
    std::fs::write(
        &path,
        read(&dir.join("corpus"), COUNT_ARTICLE).replace("about 200", "about 300"),
    )
    .unwrap();
    let changed = run(dir, &["check"]);
    assert_eq!(changed.status, 1, "{changed:?}");
    assert!(
        changed.stdout.contains(
            "error[contradiction] (new) instructor_count: 000 says ~100, 005 says ~300\n"
        )
    );
    assert!(
        changed
            .stdout
            .contains("about 300 Russian military instructors")
    );

    // The article removed: its entries are reported stale at their lines, and the run passes.
    std::fs::remove_file(&path).unwrap();
    let removed = run(dir, &["check"]);
    assert_eq!(removed.status, 0, "{removed:?}");
    let stale = entry_lines(dir, "005 says ~200");
    assert_eq!(stale.len(), 2);
    for line in &stale {
        assert!(
            removed
                .stderr
                .contains(&format!("--> claimcheck.baseline.toml:{line}:1\n")),
            "{}",
            removed.stderr
        );
    }
    assert_eq!(
        removed
            .stderr
            .matches("warning[stale-baseline-entry]")
            .count(),
        2
    );
    assert!(removed.stdout.contains(&format!("  claimcheck.baseline.toml:{}  instructor_count[contradiction] matches no finding any more\n", stale[0])));

    // The update removes them, adds nothing, and keeps the other reasons and comments.
    let pruned = run(dir, &["baseline", "--prune"]);
    assert_eq!(
        pruned.stdout,
        "claimcheck.baseline.toml: 0 added, 2 stale removed, 1 kept\n"
    );
    let text = read(dir, BASELINE);
    assert!(
        !text.contains("005") && !text.contains("figure is known to be wrong"),
        "{text}"
    );
    assert_eq!(
        text.matches("reason = \"the agency misdated the landing\"")
            .count(),
        1
    );
    assert!(text.contains("# checked with the agency\n[[finding]]\nclaim = \"arrival_date\""));
    assert!(text.starts_with("# claimcheck baseline: findings reviewed and accepted."));
    let clean = run(dir, &["check"]);
    assert_eq!((clean.status, clean.stderr.as_str()), (0, ""));
}

#[test]
fn each_entry_covers_one_finding() {
    // Accepting one of two contradictions the same article brings does not absorb the other.
    let room = newsroom(&[COUNT_ARTICLE]);
    let dir = room.path();
    assert_eq!(run(dir, &["baseline"]).status, 0);
    let text = read(dir, BASELINE);
    // Keep only the entry for 004 against the test article.
    let entries: Vec<&str> = text.split("\n[[finding]]").collect();
    let kept: Vec<&str> = entries
        .iter()
        .copied()
        .filter(|e| !e.contains("000 says"))
        .collect();
    std::fs::write(dir.join(BASELINE), kept.join("\n[[finding]]")).unwrap();
    let run1 = run(dir, &["check"]);
    assert_eq!(run1.status, 1);
    assert!(
        run1.stdout.contains(
            "error[contradiction] (known) instructor_count: 004 says 100, 005 says ~200\n"
        )
    );
    assert!(
        run1.stdout.contains(
            "error[contradiction] (new) instructor_count: 000 says ~100, 005 says ~200\n"
        )
    );
    // Entries form a multiset: a duplicated entry is stale once its twin has matched.
    let text = read(dir, BASELINE);
    let entry = &text[text.find("[[finding]]").unwrap()..];
    std::fs::write(dir.join(BASELINE), format!("{text}\n{entry}")).unwrap();
    let run2 = run(dir, &["check"]);
    assert_eq!(
        run2.stderr.matches("warning[stale-baseline-entry]").count(),
        1,
        "{}",
        run2.stderr
    );
}
