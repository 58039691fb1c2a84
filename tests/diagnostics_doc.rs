//! docs/diagnostics.md is the list of codes users rely on: every code the source can emit must be
//! documented there, and every end-to-end case a documented code names must exist and show it.

use std::path::Path;

use regex::Regex;

fn source_files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The codes of `claims.toml` problems and other diagnostics, as the source writes them.
fn emitted_codes() -> Vec<String> {
    let mut files = Vec::new();
    source_files(Path::new("src"), &mut files);
    let call =
        Regex::new(r#"(?:Diagnostic::(?:error|warning)|\.error)\(\s*"([a-z]+(?:-[a-z]+)+)""#)
            .unwrap();
    let mut codes: Vec<String> = files
        .iter()
        .flat_map(|f| call.captures_iter(f).map(|c| c[1].to_string()))
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn every_emitted_code_is_documented() {
    let doc = std::fs::read_to_string("docs/diagnostics.md").unwrap();
    let codes = emitted_codes();
    assert!(codes.len() > 20, "the scan found too few codes: {codes:?}");
    let missing: Vec<&String> = codes
        .iter()
        .filter(|c| !doc.contains(&format!("### {c}\n")) && !doc.contains(&format!("### {c} (")))
        .collect();
    assert!(missing.is_empty(), "undocumented codes: {missing:?}");
}

#[test]
fn every_case_the_docs_name_exists_and_shows_its_code() {
    let doc = std::fs::read_to_string("docs/diagnostics.md").unwrap();
    let section = Regex::new(r"(?m)^### ([a-z-]+)").unwrap();
    let case = Regex::new(r"`(tests/cmd/[a-z-]+\.toml)`").unwrap();
    let starts: Vec<(usize, String)> = section
        .captures_iter(&doc)
        .map(|c| (c.get(0).unwrap().start(), c[1].to_string()))
        .collect();
    let mut checked = 0;
    for (i, (start, code)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(doc.len(), |s| s.0);
        for c in case.captures_iter(&doc[*start..end]) {
            let text = std::fs::read_to_string(&c[1])
                .unwrap_or_else(|e| panic!("{} (named for {code}): {e}", &c[1]));
            assert!(
                text.contains(&format!("[{code}]")),
                "{} does not show [{code}]",
                &c[1]
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} cases checked");
}
