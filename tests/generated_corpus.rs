//! The corpus generator and the extractors agree: on a generated corpus, `claimcheck check` reads
//! exactly what the generator wrote (values, unspecified phrasing, silence despite decoys), the
//! cue prefilter changes nothing, and the report does not depend on the number of threads.

#[path = "../examples/gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use claimcheck::report::JsonReport;

fn generate(dir: &Path, articles: usize, claims: usize, seed: u64) {
    gen_corpus::generate(&gen_corpus::Options {
        articles,
        claims,
        seed,
        out: dir.to_path_buf(),
        relevant: 80,
    })
    .expect("generate the corpus");
}

fn check(dir: &Path, format: &str, threads: &str) -> (Vec<u8>, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--claims"])
        .arg(dir.join("claims.toml"))
        .arg("--corpus")
        .arg(dir.join("corpus"))
        .args(["--format", format])
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .expect("run claimcheck");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.stdout, out.status.code().expect("exit status"))
}

#[test]
fn check_reads_what_the_generator_wrote() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 200, 64, 7);
    let (stdout, _) = check(dir.path(), "json", "2");
    let report: JsonReport = serde_json::from_slice(&stdout).unwrap();
    let expected: BTreeMap<String, BTreeMap<String, String>> =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("expected.json")).unwrap())
            .unwrap();
    assert_eq!(report.sources.len(), 200);
    assert_eq!(report.claims.len(), 64);
    let mut got: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for claim in &report.claims {
        // A claim lists the sources that say something; the others are silent.
        assert_eq!(claim.sources.len() + claim.silent, 200);
        let row = got.entry(claim.id.clone()).or_default();
        for source in &report.sources {
            row.insert(source.source.clone(), "silent".to_string());
        }
        for source in &claim.sources {
            let reading = match source.status.as_str() {
                "stated" => source.values.join(" / "),
                other => other.to_string(),
            };
            got.entry(claim.id.clone())
                .or_default()
                .insert(source.source.clone(), reading);
        }
    }
    assert_eq!(got, expected);
    // The table is not trivially silent: every kind of reading occurs.
    let readings: Vec<&String> = expected.values().flat_map(|t| t.values()).collect();
    for wanted in ["silent", "unspecified", "~100", "Agadez"] {
        assert!(
            readings.iter().any(|r| *r == wanted),
            "no `{wanted}` in the table"
        );
    }
    assert!(readings.iter().any(|r| r.starts_with("2024-")));
}

#[test]
fn report_is_identical_with_one_or_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 150, 16, 3);
    for format in ["table", "json"] {
        let one = check(dir.path(), format, "1");
        let two = check(dir.path(), format, "2");
        assert_eq!(one.1, two.1);
        assert!(String::from_utf8_lossy(&one.0).contains("000149"));
        assert!(
            one.0 == two.0,
            "{format} output differs between 1 and 2 threads"
        );
    }
}

#[test]
fn cue_prefilter_extracts_what_the_full_extractors_do() {
    let dir = tempfile::tempdir().unwrap();
    // Small: the reference path runs every extractor on every sentence, slowly in debug builds.
    generate(dir.path(), 60, 16, 11);
    let claims = claimcheck::load_claims(&dir.path().join("claims.toml")).unwrap();
    let scan = claimcheck::extract::scan::CueScan::new(&claims);
    let listing = claimcheck::corpus::list(&dir.path().join("corpus")).unwrap();
    let mut mentions = 0;
    for index in 0..listing.len() {
        let (article, _) = listing.read(index).unwrap();
        let fast = scan.extract_article(&claims, &article);
        let doc = claimcheck::extract::Document::new(&article);
        let full = claimcheck::stream::extract_unfiltered(&claims, &doc);
        mentions += full.iter().map(|e| e.mentions.len()).sum::<usize>();
        // The scan gives only the claims the article says something about.
        let full: Vec<_> = (full.into_iter().enumerate())
            .filter(|(_, extraction)| extraction != &Default::default())
            .collect();
        assert_eq!(fast, full, "{}", article.name);
    }
    assert!(
        mentions > 10,
        "only {mentions} mentions: the corpus tests little"
    );
}
