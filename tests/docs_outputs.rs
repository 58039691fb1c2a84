//! The outputs shown in docs/editing.md are the outputs the end-to-end cases assert: every line of
//! a `$ claimcheck ...` block must appear in some `tests/cmd/*.toml` expectation, so the guide
//! cannot drift from what the tool prints.

#[test]
fn every_output_line_in_the_editing_guide_is_asserted_by_a_case() {
    let doc = std::fs::read_to_string("docs/editing.md").unwrap();
    let mut cases = String::new();
    for entry in std::fs::read_dir("tests/cmd").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            cases.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    let mut checked = 0;
    for block in doc.split("```text\n").skip(1) {
        let block = block.split("```").next().unwrap();
        if !block.starts_with("$ claimcheck") {
            continue;
        }
        let mut continued = false;
        for line in block.lines() {
            let command = line.starts_with("$ ") || continued;
            continued = command && line.ends_with('\\');
            if command || line.trim() == "..." || line.is_empty() {
                continue;
            }
            assert!(cases.contains(line), "not asserted by any case: {line:?}");
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} lines checked");
}
