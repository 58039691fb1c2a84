//! The baseline: a committed, reviewed TOML file listing findings that are known and accepted, so
//! that only new ones fail the run. Entries are matched by fingerprint as a multiset (as PHPStan
//! does): two identical findings need two entries. An entry no finding matches is stale.
//!
//! Updating rewrites the file through `toml_edit`, so that the reasons and comments reviewers wrote
//! on the entries that remain are kept byte for byte, and writes it atomically.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, value};

use crate::compare::FindingKind;
use crate::diag::{Diagnostic, Location};
use crate::gate::fingerprint::Fingerprint;

/// The file `check` and `baseline` use when `--baseline` is not given.
pub const DEFAULT_FILE: &str = "claimcheck.baseline.toml";

/// What a new baseline file starts with.
const HEADER: &str = "\
# claimcheck baseline: findings reviewed and accepted. `claimcheck check` reports them as known and
# does not fail on them; any other finding at or above the fail level fails the run.
# Write a `reason` in each entry: `claimcheck baseline` keeps reasons and comments. See docs/ci.md.
";

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The claim's id.
    pub claim: String,
    /// The finding's code.
    pub code: String,
    /// Its semantic fingerprint.
    pub fingerprint: String,
    /// Why it was accepted, as a reviewer wrote it.
    pub reason: Option<String>,
    /// What it was when recorded, for people.
    pub message: Option<String>,
    /// The line of its `[[finding]]` header.
    pub line: usize,
}

/// A baseline file as read.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// The file, as named.
    pub path: PathBuf,
    /// Its text, for updates that keep everything a reviewer wrote.
    pub text: String,
    /// Its entries, in file order.
    pub entries: Vec<Entry>,
}

/// A finding as the baseline records it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The claim's id.
    pub claim: String,
    /// The finding's code.
    pub code: &'static str,
    /// Its semantic fingerprint.
    pub fingerprint: String,
    /// One line saying what it is, for reviewers.
    pub message: String,
    /// What each source concerned says, by file name.
    pub sources: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBaseline {
    #[serde(default)]
    finding: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    claim: String,
    code: Spanned<String>,
    fingerprint: Spanned<String>,
    reason: Option<String>,
    message: Option<String>,
    #[allow(dead_code)]
    sources: Option<BTreeMap<String, String>>,
}

impl Baseline {
    /// An empty baseline that will be written to `path`.
    pub fn empty(path: &Path) -> Baseline {
        Baseline {
            path: path.to_path_buf(),
            text: HEADER.to_string(),
            entries: Vec::new(),
        }
    }

    /// Reads and checks the baseline at `path`.
    pub fn read(path: &Path) -> Result<Baseline, Vec<Diagnostic>> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Diagnostic::error(
                "baseline-unreadable",
                format!("cannot read the baseline {}: {e}", path.display()),
            )
            .at(Location::file(path))
        });
        Baseline::parse(path, text.map_err(|d| vec![d])?)
    }

    /// Checks the baseline written in `text`, read from `path`.
    pub fn parse(path: &Path, text: String) -> Result<Baseline, Vec<Diagnostic>> {
        let invalid = |span: std::ops::Range<usize>, message: String| {
            vec![
                Diagnostic::error("baseline-invalid", message)
                    .at(Location::from_span(path, &text, span)),
            ]
        };
        let raw: RawBaseline = toml::from_str(&text)
            .map_err(|e| {
                invalid(
                    e.span().unwrap_or(0..0),
                    format!(
                        "{} is not a valid baseline: {}",
                        path.display(),
                        e.message()
                    ),
                )
            })
            .map_err(|mut d| {
                d[0].help =
                    Some("regenerate it with `claimcheck baseline`, or see docs/ci.md".into());
                d
            })?;
        let index = crate::text::LineIndex::new(&text);
        let mut entries = Vec::new();
        for entry in &raw.finding {
            let e = entry.get_ref();
            let code = e.code.get_ref();
            if !FindingKind::ALL.iter().any(|k| k.code() == code) {
                let codes: Vec<&str> = FindingKind::ALL.iter().map(|k| k.code()).collect();
                let mut d = invalid(
                    e.code.span(),
                    format!("unknown finding code `{code}` in the baseline"),
                );
                d[0].help = Some(format!("expected one of {}", codes.join(", ")));
                return Err(d);
            }
            let fingerprint = e.fingerprint.get_ref();
            if fingerprint.len() != 16 || !fingerprint.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(invalid(
                    e.fingerprint.span(),
                    format!("fingerprint `{fingerprint}` is not 16 hexadecimal digits"),
                ));
            }
            entries.push(Entry {
                claim: e.claim.clone(),
                code: code.clone(),
                fingerprint: fingerprint.to_ascii_lowercase(),
                reason: e.reason.clone(),
                message: e.message.clone(),
                line: index.position(&text, entry.span().start).0,
            });
        }
        Ok(Baseline {
            path: path.to_path_buf(),
            text,
            entries,
        })
    }

    /// Matches findings, given by fingerprint in report order, against the entries. Returns, for
    /// each finding, the entry that covers it; then the entries that cover nothing (stale). Each
    /// entry covers one finding at most, so a second identical finding is new.
    pub fn matches(&self, fingerprints: &[Fingerprint]) -> (Vec<Option<usize>>, Vec<usize>) {
        let mut free: HashMap<Fingerprint, VecDeque<usize>> = HashMap::new();
        let mut unreadable = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            // Entries are checked when the file is read: none is unreadable but by a bug.
            match Fingerprint::parse(&e.fingerprint) {
                Some(print) => free.entry(print).or_default().push_back(i),
                None => unreadable.push(i),
            }
        }
        let covered: Vec<Option<usize>> = fingerprints
            .iter()
            .map(|f| free.get_mut(f).and_then(VecDeque::pop_front))
            .collect();
        let mut stale: Vec<usize> = free.into_values().flatten().chain(unreadable).collect();
        stale.sort_unstable();
        (covered, stale)
    }

    /// The updated file: without the `stale` entries, and with `added` appended. Everything else,
    /// reasons and comments included, stays as written.
    pub fn updated(&self, stale: &[usize], added: &[Record]) -> Result<String, Vec<Diagnostic>> {
        let mut doc: DocumentMut = self.text.parse().map_err(|e| {
            vec![Diagnostic::error(
                "baseline-invalid",
                format!("{} cannot be edited: {e}", self.path.display()),
            )]
        })?;
        if !stale.is_empty() {
            let findings = doc
                .get_mut("finding")
                .and_then(Item::as_array_of_tables_mut)
                .expect("a baseline with entries has [[finding]] tables");
            let left = remove_keeping_loose_comments(findings, stale);
            if !left.is_empty() {
                let trailing = doc.trailing().as_str().unwrap_or("").to_string();
                doc.set_trailing(format!("{left}{trailing}"));
            }
        }
        if !added.is_empty() {
            if doc.get("finding").is_none() {
                doc.insert("finding", Item::ArrayOfTables(ArrayOfTables::new()));
            }
            // With no table yet, the file's comments are its trailing text: keep them on top.
            let mut lead = String::new();
            let findings = doc["finding"]
                .as_array_of_tables()
                .expect("`finding` was read as [[finding]] tables");
            if findings.is_empty() {
                lead = doc.trailing().as_str().unwrap_or("").to_string();
                doc.set_trailing("");
            }
            let findings = doc["finding"]
                .as_array_of_tables_mut()
                .expect("`finding` was read as [[finding]] tables");
            for record in added {
                let mut table = table_of(record);
                if !lead.is_empty() {
                    table
                        .decor_mut()
                        .set_prefix(format!("{}\n", std::mem::take(&mut lead)));
                }
                findings.push(table);
            }
        }
        Ok(doc.to_string())
    }

    /// Writes `text` to the baseline's file, atomically.
    pub fn write(&self, text: &str) -> std::io::Result<()> {
        crate::atomic::write(&self.path, |w: &mut dyn Write| w.write_all(text.as_bytes()))
    }
}

/// Removes the tables at `indexes`. A comment right above a table belongs to it and goes with it;
/// comments set apart by a blank line belong to the file and move to the next table kept. Returns
/// those that no table is left to carry.
fn remove_keeping_loose_comments(findings: &mut ArrayOfTables, indexes: &[usize]) -> String {
    let mut carried = String::new();
    let mut kept = ArrayOfTables::new();
    let tables: Vec<Table> = std::mem::take(findings).into_iter().collect();
    for (i, mut table) in tables.into_iter().enumerate() {
        let prefix = table
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string();
        if indexes.contains(&i) {
            if let Some(end) = prefix.rfind("\n\n") {
                carried.push_str(&prefix[..end + 1]);
            }
        } else {
            if !carried.is_empty() {
                table
                    .decor_mut()
                    .set_prefix(format!("{}{prefix}", std::mem::take(&mut carried)));
            }
            kept.push(table);
        }
    }
    *findings = kept;
    carried
}

fn table_of(record: &Record) -> Table {
    let mut table = Table::new();
    table.decor_mut().set_prefix("\n");
    table.insert("claim", value(&record.claim));
    table.insert("code", value(record.code));
    table.insert("fingerprint", value(&record.fingerprint));
    table.insert("message", value(&record.message));
    let mut sources = InlineTable::new();
    for (name, said) in &record.sources {
        sources.insert(name, said.into());
    }
    table.insert("sources", value(sources));
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(fingerprint: &str) -> Record {
        Record {
            claim: "instructor_count".into(),
            code: "contradiction",
            fingerprint: fingerprint.into(),
            message: "instructor_count: 000 says ~100, 005 says ~200".into(),
            sources: [
                ("000.txt".into(), "~100".into()),
                ("005.txt".into(), "~200".into()),
            ]
            .into_iter()
            .collect(),
        }
    }

    fn parse(text: &str) -> Baseline {
        Baseline::parse(Path::new("b.toml"), text.to_string()).unwrap()
    }

    #[test]
    fn identical_findings_count_twice() {
        let base = Baseline::empty(Path::new("b.toml"));
        let text = base.updated(&[], &[record("00000000000000aa")]).unwrap();
        let baseline = parse(&text);
        let print = |text| Fingerprint::parse(text).unwrap();
        let (covered, stale) =
            baseline.matches(&[print("00000000000000aa"), print("00000000000000aa")]);
        assert_eq!(covered, [Some(0), None]);
        assert!(stale.is_empty());
        let (covered, stale) = baseline.matches(&[print("00000000000000bb")]);
        assert_eq!(covered, [None]);
        assert_eq!(stale, [0]);
    }

    #[test]
    fn an_update_keeps_reasons_and_comments_of_the_entries_kept() {
        let text = "# header\n\n# why the first\n[[finding]]\nclaim = \"a\"\ncode = \"contradiction\"\nfingerprint = \"00000000000000aa\"\nreason = \"known typo\" # reviewed\n\n# why the second\n[[finding]]\nclaim = \"b\"\ncode = \"contradiction\"\nfingerprint = \"00000000000000bb\"\nreason = \"agency error\"\n";
        let baseline = parse(text);
        assert_eq!(baseline.entries[1].line, 11);
        let updated = baseline.updated(&[0], &[]).unwrap();
        assert_eq!(
            updated,
            "# header\n\n# why the second\n[[finding]]\nclaim = \"b\"\ncode = \"contradiction\"\nfingerprint = \"00000000000000bb\"\nreason = \"agency error\"\n"
        );
        let updated = baseline.updated(&[1], &[]).unwrap();
        assert!(
            updated.contains("reason = \"known typo\" # reviewed\n"),
            "{updated}"
        );
        assert!(!updated.contains("agency error") && !updated.contains("why the second"));
        assert_eq!(baseline.updated(&[0, 1], &[]).unwrap(), "# header\n");
    }

    #[test]
    fn a_new_baseline_is_readable_toml() {
        let text = Baseline::empty(Path::new("b.toml"))
            .updated(&[], &[record("0123456789abcdef")])
            .unwrap();
        assert!(text.starts_with(HEADER), "{text}");
        assert!(
            text.ends_with("\n[[finding]]\nclaim = \"instructor_count\"\ncode = \"contradiction\"\nfingerprint = \"0123456789abcdef\"\nmessage = \"instructor_count: 000 says ~100, 005 says ~200\"\nsources = { \"000.txt\" = \"~100\", \"005.txt\" = \"~200\" }\n"),
            "{text}"
        );
        assert_eq!(parse(&text).entries[0].fingerprint, "0123456789abcdef");
    }

    #[test]
    fn unknown_codes_are_refused_with_the_line() {
        let text = "[[finding]]\nclaim = \"a\"\ncode = \"contradictoin\"\nfingerprint = \"00000000000000aa\"\n";
        let error = Baseline::parse(Path::new("b.toml"), text.into())
            .unwrap_err()
            .remove(0);
        assert_eq!(error.code, "baseline-invalid");
        assert_eq!(error.location.unwrap().line, 3);
        assert!(error.help.unwrap().contains("contradiction"));
    }
}
