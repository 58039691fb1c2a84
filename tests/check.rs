//! `claimcheck check` end to end: the acceptance table on the bundled corpus, and general rules on
//! corpora written for the tests (tests/corpora, invented test data).

mod common;

use common::{cell, check_json, root, run, run_here, verdict};

/// A fresh story folder with the bundled `claims.toml` and an empty `corpus/`, for tests that write
/// their own articles: the folder (removed when dropped) and the corpus path.
fn story_with_bundled_claims() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(root().join("claims.toml"), dir.path().join("claims.toml")).unwrap();
    (dir, corpus)
}

#[test]
fn bundled_corpus_gives_the_acceptance_table() {
    let (report, code) = check_json("corpus");
    assert_eq!(code, 0);
    let rows = [
        (
            "instructor_count",
            [
                "inconsistent ~100",
                "silent",
                "unspecified",
                "silent",
                "stated 100",
            ],
            "agree",
        ),
        (
            "arrival_date",
            [
                "stated 2024-04-10",
                "silent",
                "stated 2024-04-10",
                "silent",
                "silent",
            ],
            "agree",
        ),
        (
            "aircraft_type",
            ["stated Il-76", "silent", "stated Il-76", "silent", "silent"],
            "agree",
        ),
        (
            "us_troop_count",
            ["silent", "silent", "stated >1000", "silent", "silent"],
            "single",
        ),
    ];
    for (claim, cells, expected_verdict) in rows {
        let got: Vec<String> = ["000", "001", "002", "003", "004"]
            .iter()
            .map(|s| cell(&report, claim, s))
            .collect();
        assert_eq!(got, cells, "{claim}");
        assert_eq!(verdict(&report, claim), expected_verdict, "{claim}");
    }
    assert_eq!(report.summary.agree, 3);
    assert_eq!(report.summary.single, 1);
}

/// The mention of `claim` in the source starting with `source`, whose reading is `reading`.
fn mention<'a>(
    report: &'a claimcheck::report::JsonReport,
    claim: &str,
    source: &str,
    reading: &str,
) -> &'a claimcheck::report::json::JsonMention {
    let claim = report.claims.iter().find(|c| c.id == claim).unwrap();
    let source = claim
        .sources
        .iter()
        .find(|s| s.source.starts_with(source))
        .unwrap();
    source
        .mentions
        .iter()
        .find(|m| m.reading == reading)
        .unwrap_or_else(|| panic!("no {reading} in {}", source.source))
}

#[test]
fn every_value_is_traced_to_its_quote_line_and_column() {
    let (report, _) = check_json("corpus");
    let cases = [
        ("instructor_count", "000", "~100", 1, "une centaine"),
        (
            "instructor_count",
            "000",
            "unspecified",
            4,
            "nombre n’a pas été précisé",
        ),
        (
            "instructor_count",
            "002",
            "unspecified",
            14,
            "nombre (inconnu)",
        ),
        ("instructor_count", "004", "100", 11, "100"),
        ("arrival_date", "000", "2024-04-10", 2, "Mercredi 10 avril"),
        ("arrival_date", "002", "2024-04-10", 10, "mercredi"),
        ("aircraft_type", "000", "Il-76", 2, "Iliouchine-76"),
        ("aircraft_type", "002", "Il-76", 10, "lliouchine-76"),
        (
            "us_troop_count",
            "002",
            ">1000",
            26,
            "un peu plus de 1\u{a0}000",
        ),
    ];
    for (claim, source, reading, line, matched) in cases {
        let m = mention(&report, claim, source, reading);
        assert_eq!(
            (m.line, m.matched.as_str()),
            (line, matched),
            "{claim} {source}"
        );
        // The quote is the sentence as written, and the match sits at the reported column.
        let path = report
            .sources
            .iter()
            .find(|s| s.source.starts_with(source))
            .unwrap();
        let text = std::fs::read_to_string(root().join(&path.path)).unwrap();
        let line_text = text.lines().nth(m.line - 1).unwrap();
        assert!(
            line_text.contains(&m.quote),
            "quote not on its line: {}",
            m.quote
        );
        let at: String = line_text
            .chars()
            .skip(m.column - 1)
            .take(matched.chars().count())
            .collect();
        assert_eq!(at, matched);
    }
    let relative = mention(&report, "arrival_date", "002", "2024-04-10");
    assert!(
        relative
            .note
            .as_deref()
            .unwrap()
            .contains("jeudi 11\u{a0}avril"),
        "{:?}",
        relative.note
    );
}

#[test]
fn the_table_shows_claims_down_sources_across_and_a_verdict() {
    let out = run_here(&["check"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let expected_rows = [
        "│ claim            ┆ 000                ┆ 001              ┆ 002         ┆ 003    ┆ 004    ┆ verdict │",
        "│                  ┆                    ┆ Journal du Niger ┆ Le HuffPost ┆ RFI    ┆        ┆         │",
        "│ instructor_count ┆ inconsistent:      ┆ silent           ┆ unspecified ┆ silent ┆ 100    ┆ agree   │",
        "│                  ┆ ~100 / unspecified ┆                  ┆             ┆        ┆        ┆         │",
        "│ arrival_date     ┆ 2024-04-10         ┆ silent           ┆ 2024-04-10  ┆ silent ┆ silent ┆ agree   │",
        "│ aircraft_type    ┆ Il-76              ┆ silent           ┆ Il-76       ┆ silent ┆ silent ┆ agree   │",
        "│ us_troop_count   ┆ silent             ┆ silent           ┆ >1000       ┆ silent ┆ silent ┆ single  │",
    ];
    for row in expected_rows {
        assert!(
            out.stdout.lines().any(|l| l == row),
            "missing row {row}\n{}",
            out.stdout
        );
    }
    assert!(out.stdout.contains(
        "warning[unspecified-vs-stated] instructor_count: 002 leaves it unspecified, while 000 (~100), 004 (100) state it"
    ));
    assert!(
        out.stdout
            .contains("corpus/002_102a93112222056e.txt:26:164  >1000")
    );
}

#[test]
fn a_contradiction_on_each_kind_differs_and_exits_1() {
    let (report, code) = check_json("tests/corpora/contradictions");
    assert_eq!(code, 1);
    assert_eq!(
        cell(&report, "instructor_count", "dailywire"),
        "stated ~200"
    );
    assert_eq!(cell(&report, "instructor_count", "lematin"), "stated ~100");
    assert_eq!(
        cell(&report, "arrival_date", "dailywire"),
        "stated 2024-04-11"
    );
    assert_eq!(
        cell(&report, "arrival_date", "lematin"),
        "stated 2024-04-10"
    );
    assert_eq!(cell(&report, "aircraft_type", "dailywire"), "stated An-124");
    assert_eq!(cell(&report, "aircraft_type", "lematin"), "stated Il-76");
    for claim in ["instructor_count", "arrival_date", "aircraft_type"] {
        assert_eq!(verdict(&report, claim), "differ", "{claim}");
        let c = report.claims.iter().find(|c| c.id == claim).unwrap();
        let contradiction = c
            .findings
            .iter()
            .find(|f| f.code == "contradiction")
            .unwrap();
        assert_eq!(contradiction.severity, "error");
        assert_eq!(contradiction.sources, ["dailywire.txt", "lematin.txt"]);
    }
    assert_eq!(verdict(&report, "us_troop_count"), "none");

    let table = run_here(&["check", "--corpus", "tests/corpora/contradictions"]);
    assert_eq!(table.status, 1);
    assert!(
        table.stdout.contains(
            "error[contradiction] instructor_count: dailywire says ~200, lematin says ~100"
        )
    );
    assert!(table.stdout.contains(
        "tests/corpora/contradictions/dailywire.txt:5:94  ~200  «It carried about 200 Russian military instructors, according to state television.»"
    ));
}

#[test]
fn compatible_phrasings_agree() {
    let (report, code) = check_json("tests/corpora/compatible");
    assert_eq!(code, 0);
    assert_eq!(
        cell(&report, "us_troop_count", "lequotidien"),
        "stated >1000"
    );
    assert_eq!(cell(&report, "us_troop_count", "sahelpost"), "stated 1100");
    assert_eq!(
        cell(&report, "us_troop_count", "westafricawire"),
        "stated ~1000"
    );
    assert_eq!(verdict(&report, "us_troop_count"), "agree");
    assert_eq!(
        cell(&report, "instructor_count", "lequotidien"),
        "stated ~100"
    );
    assert_eq!(cell(&report, "instructor_count", "sahelpost"), "stated 100");
    assert_eq!(verdict(&report, "instructor_count"), "agree");
    // A month and a day in it agree; "late Wednesday" after "Thursday, April 11, 2024" is April 10.
    assert_eq!(cell(&report, "arrival_date", "sahelpost"), "stated 2024-04");
    assert_eq!(
        cell(&report, "arrival_date", "westafricawire"),
        "stated 2024-04-10"
    );
    assert_eq!(verdict(&report, "arrival_date"), "agree");
    assert_eq!(
        cell(&report, "aircraft_type", "westafricawire"),
        "stated Il-76"
    );
}

#[test]
fn decoys_stay_silent() {
    let (report, code) = check_json("tests/corpora/decoys");
    assert_eq!(code, 0);
    for claim in [
        "instructor_count",
        "arrival_date",
        "aircraft_type",
        "us_troop_count",
    ] {
        for source in ["lenvoye", "theobserver"] {
            assert_eq!(
                cell(&report, claim, source),
                "silent",
                "{claim} in {source}"
            );
        }
        assert_eq!(verdict(&report, claim), "none");
    }
}

#[test]
fn explain_says_why_each_decoy_was_set_aside() {
    let out = run_here(&[
        "explain",
        "arrival_date",
        "lenvoye",
        "--corpus",
        "tests/corpora/decoys",
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("set aside 3:21 `lundi 8 avril 2024`"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("date belongs to `a annonce` (an exclude cue), nearer than the event")
    );
    assert!(
        out.stdout
            .contains("the sentence has an event cue but does not name the claim's subject")
    );
    let count = run_here(&[
        "explain",
        "instructor_count",
        "--corpus",
        "tests/corpora/decoys",
    ]);
    assert!(
        count
            .stdout
            .contains("`et` ends the phrase before the subject `instructeurs`"),
        "{}",
        count.stdout
    );
}

#[test]
fn output_does_not_depend_on_file_order_or_run() {
    let first = run_here(&["check", "--format", "json"]);
    let again = run_here(&["check", "--format", "json"]);
    assert_eq!(first.stdout, again.stdout);
    // The same articles created in reverse order in another folder give the same report.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names.reverse();
    for path in names {
        std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::copy(root().join("claims.toml"), dir.path().join("claims.toml")).unwrap();
    let copied = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(copied.stdout, first.stdout);
}

#[test]
fn input_errors_exit_2_with_a_located_message() {
    let missing = run_here(&["check", "--claims", "no-such-claims.toml"]);
    assert_eq!(missing.status, 2);
    assert!(
        missing
            .stderr
            .starts_with("error[claims-unreadable]: cannot read no-such-claims.toml"),
        "{}",
        missing.stderr
    );
    let no_corpus = run_here(&["check", "--corpus", "no-such-folder"]);
    assert_eq!(no_corpus.status, 2);
    assert!(
        no_corpus
            .stderr
            .contains("error[corpus-missing]: corpus folder no-such-folder does not exist")
    );
}

#[test]
fn publication_dates_from_sources_toml_anchor_weekdays_and_give_years() {
    let (dir, corpus) = story_with_bundled_claims();
    // Invented test articles.
    std::fs::write(
        corpus.join("weekday.txt"),
        "The Russian plane landed in Niamey on Wednesday.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("noyear.txt"),
        "L'avion russe a atterri le 3 mars.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("mismatch.txt"),
        "L'avion russe a atterri jeudi 10 avril 2024.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("sources.toml"),
        "[\"weekday.txt\"]\npublished = 2024-04-12\n\n[\"noyear.txt\"]\npublished = \"2025-01-15\"\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check", "--format", "json"]);
    let report: claimcheck::report::JsonReport = serde_json::from_str(&out.stdout).unwrap();
    // The Wednesday before Friday 12 April 2024; 3 March before 15 January 2025 is in 2024.
    assert_eq!(
        cell(&report, "arrival_date", "weekday"),
        "stated 2024-04-10"
    );
    assert_eq!(cell(&report, "arrival_date", "noyear"), "stated 2024-03-03");
    // A weekday that contradicts its date is reported in the mention's note.
    let claim = report
        .claims
        .iter()
        .find(|c| c.id == "arrival_date")
        .unwrap();
    let mismatch = claim
        .sources
        .iter()
        .find(|s| s.source == "mismatch.txt")
        .unwrap();
    assert_eq!(mismatch.value.as_deref(), Some("2024-04-10"));
    let note = mismatch.mentions[0].note.as_deref().unwrap();
    assert_eq!(note, "the text says Thu but 2024-04-10 was a Wed");
    assert_eq!(
        report
            .sources
            .iter()
            .find(|s| s.source == "weekday.txt")
            .unwrap()
            .published
            .as_deref(),
        Some("2024-04-12")
    );
}

#[test]
fn articles_from_unseen_outlets_read_as_a_careful_reader_would() {
    // tests/corpora/unseen: 20 invented articles written by a tester who had seen neither the
    // rules' code nor the seed corpus, with the readings expected before the tool ran
    // (tests/corpora/unseen-expected.md). Three cells stay silent where a reader would find a
    // value the rules cannot tie safely (an apposition in f10, US troops named only as "United
    // States ... personnel" in e07 and f09): missing beats inventing.
    let (report, _) = check_json("tests/corpora/unseen");
    // One row per article: instructor_count, arrival_date, aircraft_type, us_troop_count.
    #[rustfmt::skip]
    let expected = [
        ("e01", ["~100", "2024-04-10", "Il-76", "~1000"]),
        ("e02", ["20-99", "silent", "silent", "1000"]),
        ("e03", [">=100", "2024-04-10", "silent", "~1100"]),
        ("e04", ["unspecified", "silent", "Il-76", "~1100"]),
        ("e05", ["unspecified", "2024-04-10", "silent", "~1100"]),
        ("e06", ["80-100", "2024-04-10", "Il-76", "~1000"]),
        ("e07", [">=100", "2024-04-10", "Il-76", "silent"]),
        ("e08", ["~100", "silent", "silent", "~1000"]),
        ("e09", ["100", "2024-04-10", "silent", "1100"]),
        ("e10", ["unspecified", "2024-04-10", "Il-76", "~1000"]),
        ("f01", ["~80", "2024-04-10", "Il-76", ">1000"]),
        ("f02", ["silent", "silent", "silent", "~1000"]),
        ("f03", ["~100", "2024-04-10", "silent", "silent"]),
        ("f04", ["unspecified", "2024-04-10", "Il-76", "silent"]),
        ("f05", ["80-100", "2024-04-10", "silent", "~1100"]),
        ("f06", ["unspecified", "silent", "silent", "silent"]),
        ("f07", [">=100", "2024-04-10", "Il-76", "1100"]),
        ("f08", ["20-99", "2024-04-10", "silent", "~1000"]),
        ("f09", ["unspecified", "2024-04-10", "Il-76", "silent"]),
        ("f10", ["silent", "2024-04-10", "Il-76", "~1100"]),
    ];
    let claims = [
        "instructor_count",
        "arrival_date",
        "aircraft_type",
        "us_troop_count",
    ];
    for (source, cells) in expected {
        for (claim, want) in claims.iter().zip(cells) {
            let got = cell(&report, claim, source);
            let got = got.rsplit(' ').next().unwrap_or_default();
            assert_eq!(got, want, "{claim} in {source}");
        }
    }
}

#[test]
fn a_possibility_is_seen_in_the_whole_sentence_even_when_the_quote_is_a_window_of_it() {
    let (dir, corpus) = story_with_bundled_claims();
    // An invented test sentence longer than a quote (1,000 bytes): "could" stands far before the
    // number, outside the window the report quotes.
    let filler = "according to several diplomats and analysts in the region ".repeat(25);
    let text = format!("Moscow could, {filler}send about 200 Russian military instructors.\n");
    std::fs::write(corpus.join("long.txt"), text).unwrap();
    let out = run(dir.path(), &["check", "--format", "json"]);
    let report: claimcheck::report::JsonReport = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(cell(&report, "instructor_count", "long"), "silent");
}

/// The table's columns are as wide as what they show: a source that every claim hears from has no
/// "silent" cell, and its column is only as wide as its values.
#[test]
fn a_column_without_a_silent_cell_is_as_wide_as_its_values() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        dir.path().join("claims.toml"),
        "[story]\ntitle = \"t\"\n\n[[claims]]\nid = \"count\"\nlabel = \"Instructors\"\n\
         kind = \"count\"\nsubject = [\"instructor\"]\n",
    )
    .unwrap();
    let say = |name: &str, text: &str| std::fs::write(corpus.join(name), text).unwrap();
    say(
        "a.txt",
        "Niger welcomed 100 Russian military instructors on Wednesday.",
    );
    say("b.txt", "About 100 instructors arrived in Niamey.");
    say("c.txt", "The weather was fine in Niamey.");
    let r = run(dir.path(), &["check"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let grid: Vec<&str> = r.stdout.lines().skip(1).take(6).collect();
    assert_eq!(
        grid,
        [
            "┌───────┬─────┬──────┬────────┬─────────┐",
            "│ claim ┆ a   ┆ b    ┆ c      ┆ verdict │",
            "╞═══════╪═════╪══════╪════════╪═════════╡",
            "│ count ┆ 100 ┆ ~100 ┆ silent ┆ agree   │",
            "└───────┴─────┴──────┴────────┴─────────┘",
            "",
        ]
    );
}
