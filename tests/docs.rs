//! The documented examples are the tested examples: every claims file shown in docs/claims.md is
//! loaded and its examples run by the real binary.

mod common;

use common::{root, run};

/// The ```toml blocks of a Markdown file.
fn toml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        match (&mut current, trimmed) {
            (None, "```toml") => current = Some(Vec::new()),
            (Some(lines), "```") => {
                blocks.push(lines.join("\n"));
                current = None;
            }
            (Some(lines), _) => lines.push(line.strip_prefix("   ").unwrap_or(line)),
            _ => {}
        }
    }
    blocks
}

#[test]
fn the_complete_file_in_the_guide_loads_and_its_examples_pass() {
    let guide = std::fs::read_to_string(root().join("docs/claims.md")).unwrap();
    let blocks = toml_blocks(&guide);
    let complete = blocks
        .iter()
        .find(|b| b.starts_with("[story]"))
        .expect("a complete file");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("claims.toml"), complete).unwrap();
    let out = run(dir.path(), &["claims", "lint"]);
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.ends_with("7 passed, 0 failed\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_walk_through_claim_extends_the_bundled_file() {
    let guide = std::fs::read_to_string(root().join("docs/claims.md")).unwrap();
    let blocks = toml_blocks(&guide);
    let added = blocks
        .iter()
        .find(|b| b.contains("air_defence_systems"))
        .expect("walk-through block");
    let bundled = std::fs::read_to_string(root().join("claims.toml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("claims.toml"),
        format!("{bundled}\n{added}\n"),
    )
    .unwrap();
    let out = run(dir.path(), &["claims", "lint"]);
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains(
            "ok   air_defence_systems: \"Moscou a livré deux systèmes antiaériens.\" reads `2`"
        ),
        "{}",
        out.stdout
    );
}
