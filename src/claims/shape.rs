//! The shape of `claims.toml`: which keys exist where, and what type each value has.
//!
//! serde stops at the first unknown key or wrong type; an editor would then fix one mistake per
//! run. This module walks the document parsed by `toml_edit` (which keeps the span of every key and
//! value) and reports every unknown key (with a "did you mean"), wrong type and missing key in one
//! pass, then builds the as-written [`RawFile`] from what is well formed, so `validate` can still
//! check the meaning of everything else in the same run.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml_edit::{ImDocument, Item, Key, TableLike, Value};

use super::raw::{RawClaim, RawCues, RawExample, RawFile, RawPeriod, RawStory};
use crate::diag::{Diagnostic, Location, did_you_mean, suggestion_help};

/// Keys allowed at the top of the file.
pub const TOP_KEYS: &[&str] = &["story", "claims"];
/// Keys allowed in `[story]`.
pub const STORY_KEYS: &[&str] = &["title", "period"];
/// Keys allowed in `period`.
pub const PERIOD_KEYS: &[&str] = &["start", "end"];
/// Keys allowed in a `[[claims]]` table. `severity` maps finding codes to levels; its content is
/// checked where severities are used.
pub const CLAIM_KEYS: &[&str] = &[
    "id",
    "label",
    "kind",
    "subject",
    "event",
    "exclude",
    "context",
    "unspecified",
    "values",
    "patterns",
    "examples",
    "max_gap",
    "similarity",
    "severity",
];
/// Keys allowed in one example.
pub const EXAMPLE_KEYS: &[&str] = &["text", "expect", "published"];

/// What the walk found: the file as written, as far as it is well formed, and every shape problem.
pub struct Shape {
    /// The file as written, leaving out what could not be read.
    pub raw: RawFile,
    /// Unknown keys, wrong types, missing keys, or the one TOML syntax error.
    pub problems: Vec<Diagnostic>,
}

/// Reads `source` (from `path`) into its raw shape, collecting every shape problem.
pub fn read(path: &Path, source: &str) -> Shape {
    let mut walk = Walk {
        path,
        source,
        problems: Vec::new(),
    };
    let doc = match ImDocument::parse(source) {
        Ok(doc) => doc,
        Err(e) => {
            walk.syntax(&e);
            return Shape {
                raw: RawFile {
                    story: None,
                    claims: Vec::new(),
                },
                problems: walk.problems,
            };
        }
    };
    let root = doc.as_table();
    walk.unknown_keys(root, TOP_KEYS, "at the top of the file");
    let story = root.get_key_value("story").and_then(|(k, item)| {
        let table = walk.table_like(k, item, "`story`", "[story] with title = \"...\"")?;
        Some(walk.story(table))
    });
    let claims = root
        .get_key_value("claims")
        .map(|(k, item)| walk.claims(k, item))
        .unwrap_or_default();
    Shape {
        raw: RawFile { story, claims },
        problems: walk.problems,
    }
}

/// Keys people write for one the file knows under another name (not a spelling slip).
fn meant_instead(key: &str) -> Option<&'static str> {
    match key {
        "alias" | "aliases" | "synonyms" | "spellings" => Some("values"),
        "type" => Some("kind"),
        "name" | "title" => Some("label"),
        "regex" | "regexes" => Some("patterns"),
        "keywords" | "cues" => Some("subject"),
        "tests" | "test" => Some("examples"),
        _ => None,
    }
}

/// The kinds of value the file uses, named as an editor would say them.
fn describe(item: &Item) -> &'static str {
    match item {
        Item::None => "nothing",
        Item::Table(_) | Item::Value(Value::InlineTable(_)) => "a table",
        Item::ArrayOfTables(_) => "a list of tables",
        Item::Value(v) => describe_value(v),
    }
}

fn describe_value(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "text",
        Value::Integer(_) => "a whole number",
        Value::Float(_) => "a decimal number",
        Value::Boolean(_) => "true or false",
        Value::Datetime(_) => "an unquoted date",
        Value::Array(_) => "a list",
        Value::InlineTable(_) => "a table",
    }
}

struct Walk<'a> {
    path: &'a Path,
    source: &'a str,
    problems: Vec<Diagnostic>,
}

impl Walk<'_> {
    fn at(&self, span: Range<usize>) -> Location {
        Location::from_span(self.path, self.source, span)
    }

    fn syntax(&mut self, e: &toml_edit::TomlError) {
        let span = e.span().unwrap_or(0..0);
        // toml_edit's message repeats the location and the line; keep its last explanation only.
        let message = e
            .message()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        let message = plain_syntax_message(&message);
        let d = Diagnostic::error("toml-syntax", format!("this is not valid TOML: {message}"))
            .at(self.at(span))
            .help(
                "check quotes, brackets and commas on this line; text goes in \"double quotes\", \
                 lists in [square brackets]",
            );
        self.problems.push(d);
    }

    fn key_span(&self, key: &Key, item: &Item) -> Range<usize> {
        key.span().or_else(|| item.span()).unwrap_or(0..0)
    }

    fn item_span(&self, key: &Key, item: &Item) -> Range<usize> {
        item.span().or_else(|| key.span()).unwrap_or(0..0)
    }

    fn unknown_keys(&mut self, table: &dyn TableLike, allowed: &[&str], place: &str) {
        for (name, _) in table.iter() {
            if allowed.contains(&name) {
                continue;
            }
            let (key, item) = table.get_key_value(name).expect("key just listed");
            let help = suggestion_help(
                did_you_mean(name, allowed.iter().copied())
                    .or_else(|| meant_instead(name).filter(|k| allowed.contains(k))),
                "the keys allowed here are ",
                allowed,
            );
            let d = Diagnostic::error("unknown-key", format!("unknown key `{name}` {place}"))
                .at(self.at(self.key_span(key, item)))
                .help(help);
            self.problems.push(d);
        }
    }

    fn wrong_type(
        &mut self,
        span: Range<usize>,
        what: &str,
        expected: &str,
        found: &str,
        fix: &str,
    ) {
        let d = Diagnostic::error(
            "wrong-type",
            format!("{what} should be {expected}, but it is {found}"),
        )
        .at(self.at(span))
        .help(format!("write it as {fix}"));
        self.problems.push(d);
    }

    fn table_like<'i>(
        &mut self,
        key: &Key,
        item: &'i Item,
        what: &str,
        fix: &str,
    ) -> Option<&'i dyn TableLike> {
        match item.as_table_like() {
            Some(t) => Some(t),
            None => {
                self.wrong_type(
                    self.item_span(key, item),
                    what,
                    "a table",
                    describe(item),
                    fix,
                );
                None
            }
        }
    }

    fn string(
        &mut self,
        table: &dyn TableLike,
        name: &str,
        what: &str,
        fix: &str,
    ) -> Option<Spanned<String>> {
        let (key, item) = table.get_key_value(name)?;
        let span = self.item_span(key, item);
        match item.as_str() {
            Some(s) => Some(Spanned::new(span, s.to_string())),
            None => {
                let fix = match item.as_value() {
                    Some(Value::Datetime(d)) => format!("{name} = \"{d}\" (a date goes in quotes)"),
                    _ => fix.to_string(),
                };
                self.wrong_type(span, what, "text in quotes", describe(item), &fix);
                None
            }
        }
    }

    fn story(&mut self, table: &dyn TableLike) -> RawStory {
        self.unknown_keys(table, STORY_KEYS, "in [story]");
        let title = self
            .string(table, "title", "`title`", "title = \"...\"")
            .map(Spanned::into_inner);
        let period = table.get_key_value("period").and_then(|(k, item)| {
            let fix = "period = { start = \"2024-01-01\", end = \"2024-12-31\" }";
            let span = self.item_span(k, item);
            let t = self.table_like(k, item, "`period`", fix)?;
            self.unknown_keys(t, PERIOD_KEYS, "in `period`");
            let start = self.required_string(t, "start", "`period`", span.clone(), fix);
            let end = self.required_string(t, "end", "`period`", span.clone(), fix);
            Some(Spanned::new(
                span,
                RawPeriod {
                    start: start?,
                    end: end?,
                },
            ))
        });
        RawStory { title, period }
    }

    fn required_string(
        &mut self,
        table: &dyn TableLike,
        name: &str,
        owner: &str,
        owner_span: Range<usize>,
        fix: &str,
    ) -> Option<Spanned<String>> {
        if table.get(name).is_none() {
            let d = Diagnostic::error("missing-key", format!("{owner} needs `{name}`"))
                .at(self.at(owner_span))
                .help(format!("add it: {fix}"));
            self.problems.push(d);
            return None;
        }
        self.string(table, name, &format!("`{name}` of {owner}"), fix)
    }

    fn claims(&mut self, key: &Key, item: &Item) -> Vec<Spanned<RawClaim>> {
        let tables: Vec<(&dyn TableLike, Range<usize>)> = match item {
            Item::ArrayOfTables(a) => a
                .iter()
                .map(|t| (t as &dyn TableLike, self.table_span(t, key)))
                .collect(),
            Item::Value(Value::Array(a)) if a.iter().all(Value::is_inline_table) => a
                .iter()
                .filter_map(|v| Some((v.as_inline_table()? as &dyn TableLike, v.span()?)))
                .collect(),
            other => {
                self.wrong_type(
                    self.item_span(key, item),
                    "`claims`",
                    "a list of [[claims]] tables",
                    describe(other),
                    "one [[claims]] table per claim, as in docs/claims.md",
                );
                return Vec::new();
            }
        };
        tables
            .into_iter()
            .filter_map(|(t, span)| self.claim(t, span))
            .collect()
    }

    /// A `[[claims]]` table's span, from its header to its last value.
    fn table_span(&self, table: &toml_edit::Table, key: &Key) -> Range<usize> {
        if let Some(span) = table.span() {
            return span;
        }
        let spans: Vec<Range<usize>> = table
            .iter()
            .filter_map(|(name, _)| {
                let (k, item) = table.get_key_value(name)?;
                Some(k.span()?.start..item.span().map_or(k.span()?.end, |s| s.end))
            })
            .collect();
        match (
            spans.iter().map(|s| s.start).min(),
            spans.iter().map(|s| s.end).max(),
        ) {
            (Some(start), Some(end)) => header_span(self.source, start..start).start..end,
            _ => key.span().unwrap_or(0..0),
        }
    }

    fn claim(&mut self, table: &dyn TableLike, span: Range<usize>) -> Option<Spanned<RawClaim>> {
        let header = header_span(self.source, span.clone());
        let name = match table.get("id").and_then(Item::as_str) {
            Some(id) => format!("claim `{id}`"),
            None => {
                let line = crate::text::LineIndex::new(self.source)
                    .position(self.source, header.start)
                    .0;
                format!("the claim on line {line}")
            }
        };
        let place = format!("in {name}");
        self.unknown_keys(table, CLAIM_KEYS, &place);
        let mut malformed = Vec::new();
        let mut id = None;
        let mut kind = None;
        for (key, fix) in [
            (
                "id",
                "id = \"arrival_date\" (lowercase letters, digits and _)",
            ),
            ("kind", "kind = \"count\" (or \"date\", \"entity\")"),
        ] {
            let value = if table.get(key).is_none() {
                let d = Diagnostic::error("missing-key", format!("{name} has no `{key}`"))
                    .at(self.at(header.clone()))
                    .help(format!("every claim needs `{key}`: {fix}"));
                self.problems.push(d);
                None
            } else {
                self.string(table, key, &format!("`{key}` of {name}"), fix)
            };
            if key == "id" {
                id = value;
            } else {
                kind = value;
            }
        }
        let label = self
            .string(
                table,
                "label",
                &format!("`label` of {name}"),
                "label = \"...\"",
            )
            .map(Spanned::into_inner);
        let mut cues = |walk: &mut Self, key: &str| {
            let cues = walk.cue_list(table, key, &name);
            if cues.is_none() && table.contains_key(key) {
                malformed.push(key.to_string());
            }
            cues
        };
        let subject = cues(self, "subject");
        let event = cues(self, "event");
        let exclude = cues(self, "exclude");
        let context = cues(self, "context");
        let unspecified = cues(self, "unspecified");
        let patterns = cues(self, "patterns").map(Spanned::into_inner);
        let values = self.values(table, &name);
        if values.is_none() && table.contains_key("values") {
            malformed.push("values".to_string());
        }
        let examples = self.examples(table, &name);
        let max_gap = table.get_key_value("max_gap").and_then(|(k, item)| {
            let span = self.item_span(k, item);
            match item.as_integer() {
                Some(n) => Some(Spanned::new(span, n)),
                None => {
                    let found = describe(item);
                    self.wrong_type(
                        span,
                        &format!("`max_gap` of {name}"),
                        "a whole number of words",
                        found,
                        "max_gap = 3",
                    );
                    None
                }
            }
        });
        let similarity = table.get_key_value("similarity").and_then(|(k, item)| {
            let span = self.item_span(k, item);
            let number = item
                .as_float()
                .or_else(|| item.as_integer().map(|n| n as f64));
            match number {
                Some(x) => Some(Spanned::new(span, x)),
                None => {
                    let found = describe(item);
                    self.wrong_type(
                        span,
                        &format!("`similarity` of {name}"),
                        "a number between 0.5 and 1.0",
                        found,
                        "similarity = 0.85",
                    );
                    None
                }
            }
        });
        let severity = self.severity(table, &name);
        let raw = RawClaim {
            id: id?,
            label,
            kind: kind?,
            subject,
            event,
            exclude,
            context,
            unspecified,
            values,
            patterns,
            examples,
            max_gap,
            similarity,
            severity,
            malformed,
        };
        Some(Spanned::new(span, raw))
    }

    /// A list of text: cues or patterns.
    fn cue_list(&mut self, table: &dyn TableLike, key: &str, claim: &str) -> RawCues {
        let (k, item) = table.get_key_value(key)?;
        let span = self.item_span(k, item);
        let what = format!("`{key}` of {claim}");
        let fix = format!("{key} = [\"first phrase\", \"second phrase\"]");
        let Some(array) = item.as_array() else {
            self.wrong_type(span, &what, "a list of text", describe(item), &fix);
            return None;
        };
        self.strings(array, &what, &fix)
            .map(|list| Spanned::new(span, list))
    }

    /// Every element of a list as text, or `None` after reporting each one that is not.
    fn strings(
        &mut self,
        array: &toml_edit::Array,
        what: &str,
        fix: &str,
    ) -> Option<Vec<Spanned<String>>> {
        let mut out = Vec::new();
        let mut ok = true;
        for value in array.iter() {
            let span = value.span().unwrap_or(0..0);
            match value.as_str() {
                Some(s) => out.push(Spanned::new(span, s.to_string())),
                None => {
                    ok = false;
                    self.wrong_type(
                        span,
                        &format!("an entry of {what}"),
                        "text in quotes",
                        describe_value(value),
                        fix,
                    );
                }
            }
        }
        ok.then_some(out)
    }

    fn values(
        &mut self,
        table: &dyn TableLike,
        claim: &str,
    ) -> Option<Spanned<BTreeMap<String, Vec<Spanned<String>>>>> {
        let (k, item) = table.get_key_value("values")?;
        let span = self.item_span(k, item);
        let fix = "values = { \"Canonical name\" = [\"alias\", \"other alias\"] }";
        let t = self.table_like(k, item, &format!("`values` of {claim}"), fix)?;
        let mut out = BTreeMap::new();
        let mut ok = true;
        for (canonical, _) in t.iter() {
            let (ck, citem) = t.get_key_value(canonical).expect("key just listed");
            let what = format!("the aliases of `{canonical}` in {claim}");
            let aliases = match citem.as_array() {
                Some(array) => self.strings(array, &what, fix),
                None => {
                    self.wrong_type(
                        self.item_span(ck, citem),
                        &what,
                        "a list of text",
                        describe(citem),
                        &format!("\"{canonical}\" = [\"alias\", \"other alias\"] (or [] for none)"),
                    );
                    None
                }
            };
            match aliases {
                Some(a) => {
                    out.insert(canonical.to_string(), a);
                }
                None => ok = false,
            }
        }
        ok.then(|| Spanned::new(span, out))
    }

    fn examples(&mut self, table: &dyn TableLike, claim: &str) -> Option<Vec<Spanned<RawExample>>> {
        let (k, item) = table.get_key_value("examples")?;
        let fix = "examples = [{ text = \"A sentence.\", expect = \"~100\" }]";
        let entries: Vec<(&dyn TableLike, Range<usize>)> = match item {
            Item::ArrayOfTables(a) => a
                .iter()
                .map(|t| (t as &dyn TableLike, t.span().unwrap_or(0..0)))
                .collect(),
            Item::Value(Value::Array(a)) => {
                let mut out = Vec::new();
                for v in a.iter() {
                    let span = v.span().unwrap_or(0..0);
                    match v.as_inline_table() {
                        Some(t) => out.push((t as &dyn TableLike, span)),
                        None => self.wrong_type(
                            span,
                            &format!("an example of {claim}"),
                            "a table",
                            describe_value(v),
                            "{ text = \"A sentence.\", expect = \"~100\" }",
                        ),
                    }
                }
                out
            }
            other => {
                self.wrong_type(
                    self.item_span(k, item),
                    &format!("`examples` of {claim}"),
                    "a list of examples",
                    describe(other),
                    fix,
                );
                return None;
            }
        };
        let mut out = Vec::new();
        for (t, span) in entries {
            self.unknown_keys(t, EXAMPLE_KEYS, &format!("in an example of {claim}"));
            let owner = format!("an example of {claim}");
            let text = self.required_string(t, "text", &owner, span.clone(), fix);
            let expect = self.required_string(t, "expect", &owner, span.clone(), fix);
            let published = self.string(
                t,
                "published",
                &format!("`published` of {owner}"),
                "published = \"2024-04-11\"",
            );
            if let (Some(text), Some(expect)) = (text, expect) {
                let example = RawExample {
                    text: text.into_inner(),
                    expect: expect.into_inner(),
                    published,
                };
                out.push(Spanned::new(span, example));
            }
        }
        Some(out)
    }

    /// `severity = { contradiction = "warning" }`: its shape is checked here, its codes and levels
    /// by validation.
    fn severity(
        &mut self,
        table: &dyn TableLike,
        claim: &str,
    ) -> Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>> {
        let (k, item) = table.get_key_value("severity")?;
        let span = self.item_span(k, item);
        let fix = "severity = { contradiction = \"warning\" }";
        let t = self.table_like(k, item, &format!("`severity` of {claim}"), fix)?;
        let mut levels = BTreeMap::new();
        for (code, _) in t.iter() {
            let (ck, citem) = t.get_key_value(code).expect("key just listed");
            let whole = self.item_span(ck, citem);
            match citem.as_str() {
                Some(level) => {
                    let key_span = ck.span().unwrap_or(whole.clone());
                    let value_span = citem.span().unwrap_or(whole);
                    levels.insert(
                        Spanned::new(key_span, code.to_string()),
                        Spanned::new(value_span, level.to_string()),
                    );
                }
                None => self.wrong_type(
                    whole,
                    &format!("the severity of `{code}` in {claim}"),
                    "text in quotes",
                    describe(citem),
                    fix,
                ),
            }
        }
        Some(Spanned::new(span, levels))
    }
}

/// The TOML parser's words for the commonest slips, in an editor's words.
fn plain_syntax_message(message: &str) -> String {
    let plain =
        if message.contains("invalid basic string") || message.contains("invalid literal string") {
            "a quoted text is not closed (a closing quote is missing)"
        } else if message.contains("duplicate key") {
            "the same key is written twice in this table"
        } else if message.contains("invalid array") {
            "a list is not closed or lacks a comma between two entries"
        } else if message.contains("invalid inline table") {
            "a { ... } table is not closed or lacks a comma between two entries"
        } else if message.contains("expected `.`, `=`") {
            "a key must be followed by `=` and a value"
        } else {
            return message.to_string();
        };
    format!("{plain} ({message})")
}

/// The `[[claims]]` header line a table starts at, found by looking back from `span`.
fn header_span(source: &str, span: Range<usize>) -> Range<usize> {
    let end = (span.start + 2).min(source.len());
    match source.get(..end).and_then(|before| before.rfind("[[")) {
        Some(start) if source[start..].starts_with("[[claims]]") => start..start + 10,
        _ => span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(source: &str) -> Vec<(&'static str, usize)> {
        read(Path::new("claims.toml"), source)
            .problems
            .iter()
            .map(|d| (d.code, d.location.as_ref().map_or(0, |l| l.line)))
            .collect()
    }

    #[test]
    fn every_shape_problem_is_reported_in_one_pass() {
        let source = "[story]\ntitel = \"x\"\n\n[[claims]]\nid = \"a\"\nkind = \"count\"\nsubject = \"widgets\"\nmax_gap = \"3\"\n\n[[claims]]\nkind = \"date\"\n";
        assert_eq!(
            codes(source),
            [
                ("unknown-key", 2),
                ("wrong-type", 7),
                ("wrong-type", 8),
                ("missing-key", 10),
            ]
        );
    }

    #[test]
    fn tables_may_be_written_inline_or_as_sections() {
        let source = "[[claims]]\nid = \"w\"\nkind = \"entity\"\nseverity = { \"single-source\" = \"note\" }\n\n[claims.values]\n\"Acme Corp\" = [\"Acme\"]\n\n[[claims.examples]]\ntext = \"Acme makes it.\"\nexpect = \"Acme Corp\"\n";
        let shape = read(Path::new("claims.toml"), source);
        assert!(shape.problems.is_empty(), "{:?}", shape.problems);
        let claim = shape.raw.claims[0].get_ref();
        assert_eq!(claim.values.as_ref().unwrap().get_ref().len(), 1);
        assert_eq!(claim.examples.as_ref().unwrap().len(), 1);
    }

    #[test]
    fn a_syntax_error_is_reported_alone_at_its_place() {
        assert_eq!(
            codes("[[claims]]\nid = \"a\nkind = 1\n"),
            [("toml-syntax", 2)]
        );
    }
}
