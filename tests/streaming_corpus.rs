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

/// An article over the size limit (256 MiB) is skipped, with its size, once its first 16 KiB are
/// read (not the rest); the file here is sparse, so it takes no room on disk.
#[test]
fn an_article_over_the_size_limit_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path();
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/004_e6ac4a2d74cea2ff.txt");
    std::fs::copy(article, corpus.join("a.txt")).unwrap();
    let limit = claimcheck::corpus::MAX_ARTICLE_BYTES;
    std::fs::File::create(corpus.join("huge.txt"))
        .unwrap()
        .set_len(limit + 1)
        .unwrap();
    let out = check(corpus);
    assert_eq!(out.status.code(), Some(0));
    let reason = format!("too large ({} bytes; the limit is {limit})", limit + 1);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("skipped {}/huge.txt: {reason}", corpus.display())),
        "{stderr}"
    );
    let report: claimcheck::report::JsonReport = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(
        (
            report.skipped[0].source.as_str(),
            report.skipped[0].reason.as_str()
        ),
        ("huge.txt", reason.as_str())
    );
    assert_eq!(report.sources.len(), 1);
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
/// subfolder, and files whose names are not UTF-8 (shown with a replacement character, opened by
/// their real names), must still be read, quoted and located. The folder `caf\xe9/` is walked
/// before `caf\xe9-c.txt` and `caf\xe9.txt` but sorts after them, so the paths kept for the names
/// that are not UTF-8 must follow their names when sorted. (Linux only: macOS file systems
/// refuse names that are not UTF-8.)
#[cfg(target_os = "linux")]
#[test]
fn sources_in_subfolders_and_with_non_utf8_names_are_read_and_located() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path();
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/004_e6ac4a2d74cea2ff.txt");
    let latin1 = |name: &[u8]| corpus.join(OsStr::from_bytes(name));
    std::fs::create_dir(corpus.join("sub")).unwrap();
    std::fs::create_dir(latin1(b"caf\xe9")).unwrap();
    std::fs::copy(&article, corpus.join("sub/a.txt")).unwrap();
    std::fs::copy(&article, latin1(b"caf\xe9.txt")).unwrap();
    std::fs::copy(&article, latin1(b"caf\xe9/x.txt")).unwrap();
    std::fs::write(
        latin1(b"caf\xe9-c.txt"),
        "Une trentaine d'instructeurs russes sont arriv\u{e9}s \u{e0} Niamey.\n",
    )
    .unwrap();
    let out = check(corpus);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // About 30 against 100: a contradiction, which fails the run.
    assert_eq!(out.status.code(), Some(1));
    let report: claimcheck::report::JsonReport = serde_json::from_slice(&out.stdout).unwrap();
    let root = corpus.display();
    let sources: Vec<(&str, &str)> = report
        .sources
        .iter()
        .map(|s| (s.source.as_str(), s.path.as_str()))
        .collect();
    let path = |name: &str| format!("{root}/{name}");
    assert_eq!(
        sources,
        [
            ("caf\u{fffd}-c.txt", &*path("caf\u{fffd}-c.txt")),
            ("caf\u{fffd}.txt", &*path("caf\u{fffd}.txt")),
            ("caf\u{fffd}/x.txt", &*path("caf\u{fffd}/x.txt")),
            ("sub/a.txt", &*path("sub/a.txt")),
        ]
    );
    let count: Vec<(&str, Option<&str>)> = report.claims[0]
        .sources
        .iter()
        .map(|s| (s.source.as_str(), s.value.as_deref()))
        .collect();
    assert_eq!(
        count,
        [
            ("caf\u{fffd}-c.txt", Some("~30")),
            ("caf\u{fffd}.txt", Some("100")),
            ("caf\u{fffd}/x.txt", Some("100")),
            ("sub/a.txt", Some("100")),
        ]
    );
}

/// A corpus is read in batches of a few thousand articles (`stream::BATCH`): what articles on
/// either side of a batch's end say, and the unreadable files among them, come out as from one
/// listing, and the same on one thread as on several.
#[test]
fn articles_read_in_batches_come_out_as_one_listing() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path();
    let stating = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/004_e6ac4a2d74cea2ff.txt"),
    )
    .unwrap();
    let name = |i: usize| format!("{i:05}.txt");
    let (states, binary) = ([0, 4095, 4096, 4097, 8191, 8192, 9999], [100, 4094, 8190]);
    for i in 0..10_000 {
        let text: &[u8] = match i {
            _ if states.contains(&i) => &stating,
            _ if binary.contains(&i) => b"x\0y",
            _ => b"Rien \xc3\xa0 signaler.\n",
        };
        std::fs::write(corpus.join(name(i)), text).unwrap();
    }
    let out = check(corpus);
    assert_eq!(out.status.code(), Some(0));
    let report: claimcheck::report::JsonReport = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report.sources.len(), 10_000 - binary.len());
    let skipped: Vec<&str> = report.skipped.iter().map(|s| s.source.as_str()).collect();
    assert_eq!(skipped, binary.map(name));
    let count = &report.claims[0];
    let sources: Vec<(&str, Option<&str>)> = count
        .sources
        .iter()
        .map(|s| (s.source.as_str(), s.value.as_deref()))
        .collect();
    let expected: Vec<String> = states.map(name).into();
    let expected: Vec<(&str, Option<&str>)> =
        expected.iter().map(|n| (n.as_str(), Some("100"))).collect();
    assert_eq!(sources, expected);
    assert_eq!(count.silent, 10_000 - binary.len() - states.len());

    let one_thread = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .env("RAYON_NUM_THREADS", "1")
        .args(["check", "--format", "json", "--claims"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("claims.toml"))
        .arg("--corpus")
        .arg(corpus)
        .output()
        .unwrap();
    assert_eq!(one_thread.stdout, out.stdout);
    assert_eq!(one_thread.stderr, out.stderr);
}
