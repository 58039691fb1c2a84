//! Properties that must hold for any input, checked on generated text (proptest): extraction and
//! the claims loader never panic, extraction is deterministic, every quote is exact text of its
//! article at the reported line and column, and the report does not depend on file order.

use std::path::Path;
use std::sync::OnceLock;

use claimcheck::claims::{self, ClaimSet};
use claimcheck::corpus::html::Markup;
use claimcheck::extract::{Document, Extraction, extract};
use proptest::prelude::*;

fn bundled_claims() -> &'static ClaimSet {
    static SET: OnceLock<ClaimSet> = OnceLock::new();
    SET.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims.toml");
        claims::load(&path).expect("the bundled claims.toml loads")
    })
}

/// Pieces of news text with what the extractors look for, and what trips them up.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("100".to_string()),
        Just("une centaine".to_string()),
        Just("un peu plus de 1 000".to_string()),
        Just("instructeurs militaires russes".to_string()),
        Just("trainers".to_string()),
        Just("soldats américains".to_string()),
        Just("le 10 avril 2024".to_string()),
        Just("mercredi".to_string()),
        Just("31 février".to_string()),
        Just("1e400".to_string()),
        Just("s’est posé".to_string()),
        Just("landed".to_string()),
        Just("Il-76".to_string()),
        Just("Iliouchine".to_string()),
        Just("dont le nombre n’a pas été précisé".to_string()),
        Just("M.".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just(" ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202f}".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\u{2029}".to_string()),
        "[0-9]{1,30}",
        "\\PC{0,12}",
        any::<String>(),
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|parts| parts.join(" "))
}

/// The byte offset of 1-based `line` and character `column` in `text`, lines ending at `\n`,
/// `\r\n` or a lone `\r`, as editors count them.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut start = 0;
    for _ in 1..line {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')?
            + start;
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
    }
    let rest = &text[start..];
    let within = rest
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(rest.len()))
        .nth(column - 1)?;
    Some(start + within)
}

fn extract_all(text: &str) -> Vec<Extraction> {
    let set = bundled_claims();
    let doc = Document::from_text(text, None);
    set.claims
        .iter()
        .map(|claim| extract(claim, &set.story, &doc, true))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn extraction_never_panics_and_is_deterministic(text in article()) {
        let first = extract_all(&text);
        let second = extract_all(&text);
        prop_assert_eq!(first, second);
    }

    #[test]
    fn every_quote_is_the_article_text_at_its_line_and_column(text in article()) {
        for extraction in extract_all(&text) {
            for m in &extraction.mentions {
                let at = offset_of(&text, m.line(), m.column());
                prop_assert!(at.is_some(), "no {}:{} in {:?}", m.line(), m.column(), text);
                let at = at.unwrap();
                prop_assert!(text[at..].starts_with(m.matched()), "{:?} not at {}:{}", m.matched(), m.line(), m.column());
                let quote_at = text.match_indices(m.quote()).any(|(q, _)| q <= at && at + m.matched().len() <= q + m.quote().len());
                prop_assert!(quote_at, "quote {:?} does not surround the value", m.quote());
            }
        }
    }

    #[test]
    fn html_positions_point_into_the_source(parts in prop::collection::vec(
        prop_oneof![
            fragment(),
            Just("<p>".to_string()), Just("</p>".to_string()), Just("<b>".to_string()),
            Just("<script>100 instructeurs</script>".to_string()), Just("<!-- 200 -->".to_string()),
            Just("&eacute;".to_string()), Just("&rsquo;".to_string()), Just("&#233;".to_string()),
            Just("&amp;".to_string()), Just("<".to_string()), Just("&".to_string()),
        ], 0..40)) {
        let source = parts.concat();
        let markup = Markup::new(source.clone());
        let set = bundled_claims();
        let article = claimcheck::corpus::Article {
            name: "a.html".into(),
            path: "a.html".into(),
            text: markup.text.clone(),
            meta: Default::default(),
            markup: Some(markup),
        };
        let doc = Document::new(&article);
        for claim in &set.claims {
            for m in extract(claim, &set.story, &doc, true).mentions {
                let at = offset_of(&source, m.line(), m.column());
                prop_assert!(at.is_some(), "no {}:{} in the source {:?}", m.line(), m.column(), source);
                prop_assert!(article.text.contains(m.quote()));
            }
        }
    }

    #[test]
    fn claims_loader_never_panics_on_toml_shaped_input(lines in prop::collection::vec(prop_oneof![
        Just("[[claims]]".to_string()),
        Just("[story]".to_string()),
        Just("period = { start = \"2024-01-01\", end = \"2023-01-01\" }".to_string()),
        Just("id = \"x\"".to_string()),
        Just("id = \"\"".to_string()),
        prop_oneof![Just("count"), Just("date"), Just("entity"), Just("cout"), Just("")]
            .prop_map(|k| format!("kind = \"{k}\"")),
        "(subject|event|exclude|context|unspecified|patterns) = \\[(\"[^\"\\\\]{0,12}\", ){0,3}\\]",
        "values = \\{ \"[A-Za-z0-9-]{0,6}\" = \\[\"[^\"\\\\]{0,8}\"\\] \\}",
        "(max_gap|similarity) = -?[0-9]{1,20}(\\.[0-9]{0,3})?",
        "examples = \\[\\{ text = \"[^\"\\\\]{0,30}\", expect = \"[^\"\\\\]{0,8}\" \\}\\]",
        "[a-z_]{1,10} = (\"[^\"\\\\]{0,10}\"|[0-9]{1,5}|true|\\[\\])",
        "\\PC{0,20}",
    ], 0..25)) {
        let source = lines.join("\n");
        if let Ok(set) = claims::parse(Path::new("claims.toml"), &source) {
            let _ = claims::examples::run(&set);
        }
    }

    #[test]
    fn claims_loader_never_panics_on_any_text(source in any::<String>()) {
        let _ = claims::parse(Path::new("claims.toml"), &source);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn report_does_not_depend_on_file_order(
        texts in prop::collection::vec(article(), 1..5),
        order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
    ) {
        let write = |reverse: bool| -> String {
            let dir = tempfile::tempdir().unwrap();
            let corpus = dir.path().join("corpus");
            std::fs::create_dir(&corpus).unwrap();
            let mut indexed: Vec<(usize, &String)> = texts.iter().enumerate().collect();
            if reverse {
                indexed.reverse();
                let len = indexed.len();
                indexed.rotate_left((order as usize) % len);
            }
            for (i, text) in indexed {
                std::fs::write(corpus.join(format!("{i:02}_source.txt")), format!("x {text}")).unwrap();
            }
            let input = claimcheck::cli::InputArgs {
                claims: Path::new(env!("CARGO_MANIFEST_DIR")).join("claims.toml"),
                corpus: corpus.clone(),
            };
            let mut out = Vec::new();
            match claimcheck::check(&input) {
                Ok((report, _)) => report.write(claimcheck::report::Format::Json, &mut out).unwrap(),
                Err(d) => out.extend(format!("{d:?}").as_bytes()),
            }
            String::from_utf8(out).unwrap().replace(&dir.path().display().to_string(), "TMP")
        };
        prop_assert_eq!(write(false), write(true));
    }
}

/// Inputs the fuzzers found (tests/regressions/): each once hung or crashed, and must now decode
/// and extract, as text and as HTML, without panicking.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for name in ["fuzz.txt", "fuzz.html"] {
            if let Ok(decoded) =
                claimcheck::corpus::decode::decode_article(Path::new(name), bytes.clone())
            {
                extract_all(&decoded.text);
            }
        }
        count += 1;
    }
    assert!(count >= 1, "the regression inputs are missing");
}
