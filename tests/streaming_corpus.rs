//! Reading articles one at a time keeps what reading them all at once reported: unreadable files
//! are skipped with a warning, in name order, before warnings about `sources.toml`, and a corpus
//! with nothing readable is still an input error.

use std::path::Path;
use std::process::{Command, Output};

fn check(corpus: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--format", "json", "--claims"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("claims.toml"))
        .arg("--corpus")
        .arg(corpus)
        .output()
        .expect("run claimcheck")
}

#[test]
fn unreadable_articles_are_skipped_in_name_order_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path();
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/004_e6ac4a2d74cea2ff.txt");
    std::fs::copy(article, corpus.join("a.txt")).unwrap();
    std::fs::write(corpus.join("c.txt"), b"x\0y").unwrap();
    std::fs::write(corpus.join("b.txt"), b"").unwrap();
    std::fs::write(
        corpus.join("sources.toml"),
        "[\"zz.txt\"]\nlanguage = \"fr\"\n",
    )
    .unwrap();
    let out = check(corpus);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let root = corpus.display();
    assert_eq!(
        stderr,
        format!(
            "warning[article-skipped]: skipped {root}/b.txt: empty file\n  --> {root}/b.txt\n\
             warning[article-skipped]: skipped {root}/c.txt: binary file (contains NUL bytes)\n  --> {root}/c.txt\n\
             warning[metadata-unknown-article]: sources.toml describes `zz.txt`, which is not in the corpus\n  --> {root}/sources.toml\n"
        )
    );
    let report: claimcheck::report::JsonReport = serde_json::from_slice(&out.stdout).unwrap();
    let skipped: Vec<(&str, &str)> = report
        .skipped
        .iter()
        .map(|s| (s.source.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("b.txt", "empty file"),
            ("c.txt", "binary file (contains NUL bytes)")
        ]
    );
    assert_eq!(report.sources.len(), 1);
    let count = &report.claims[0].sources[0];
    assert_eq!(
        (count.status.as_str(), count.value.as_deref()),
        ("stated", Some("100"))
    );
}

#[test]
fn a_corpus_with_nothing_readable_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("error[corpus-empty]: no readable article in"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

/// Sources keep only their names and rebuild their paths from the corpus folder: a file in a
/// subfolder, and one whose name is not UTF-8 (shown with a replacement character, opened by its
/// real name), must still be read, quoted and located.
#[cfg(unix)]
#[test]
fn sources_in_subfolders_and_with_non_utf8_names_are_read_and_located() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path();
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/004_e6ac4a2d74cea2ff.txt");
    std::fs::create_dir(corpus.join("sub")).unwrap();
    std::fs::copy(&article, corpus.join("sub/a.txt")).unwrap();
    let latin1 = corpus.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::copy(&article, &latin1).unwrap();
    let out = check(corpus);
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: claimcheck::report::JsonReport = serde_json::from_slice(&out.stdout).unwrap();
    let root = corpus.display();
    let sources: Vec<(&str, &str, &str)> = report
        .sources
        .iter()
        .map(|s| (s.source.as_str(), s.name.as_str(), s.path.as_str()))
        .collect();
    assert_eq!(
        sources,
        [
            (
                "caf\u{fffd}.txt",
                "caf\u{fffd}",
                &*format!("{root}/caf\u{fffd}.txt")
            ),
            ("sub/a.txt", "a", &*format!("{root}/sub/a.txt")),
        ]
    );
    let count: Vec<(&str, Option<&str>)> = report.claims[0]
        .sources
        .iter()
        .map(|s| (s.source.as_str(), s.value.as_deref()))
        .collect();
    assert_eq!(
        count,
        [("caf\u{fffd}.txt", Some("100")), ("sub/a.txt", Some("100"))]
    );
}
