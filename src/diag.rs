//! Diagnostics: every problem claimcheck reports about its input has a stable kebab-case code, a
//! message, and where it can, the file, line and column with the offending line shown.
//!
//! The codes are part of the interface (docs/diagnostics.md lists them): scripts and editors key on
//! them, so a code never changes meaning.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::text::LineIndex;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The input cannot be used; the run stops with exit status 2.
    Error,
    /// Something was skipped or guessed; the run goes on.
    Warning,
}

/// A place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as the user named it.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The text of that line, shown under the message.
    pub line_text: String,
    /// How many characters to underline.
    pub width: usize,
}

impl Location {
    /// The location of byte range `span` of `source`, which was read from `file`.
    pub fn from_span(file: &Path, source: &str, span: std::ops::Range<usize>) -> Location {
        with_line_index(source, |index| {
            Location::from_index(file, source, index, span)
        })
    }

    fn from_index(
        file: &Path,
        source: &str,
        index: &LineIndex,
        span: std::ops::Range<usize>,
    ) -> Location {
        let start = span.start.min(source.len());
        let (line, column) = index.position(source, start);
        let line_text = index.line_text(source, line).to_string();
        let end = span.end.clamp(start, source.len());
        let width = source
            .get(start..end)
            .map_or(1, |s| s.lines().next().unwrap_or("").chars().count().max(1));
        Location {
            file: file.to_path_buf(),
            line,
            column,
            line_text,
            width,
        }
    }

    /// A location naming only a file.
    pub fn file(file: &Path) -> Location {
        Location {
            file: file.to_path_buf(),
            line: 0,
            column: 0,
            line_text: String::new(),
            width: 0,
        }
    }
}

/// Runs `f` with the line index of `source`. A file with ten thousand claims locates each of them
/// in the same source: the index of the last source is kept, so that costs one index, not one
/// per location (comparing the text to the kept copy is far cheaper than indexing it again).
fn with_line_index<R>(source: &str, f: impl FnOnce(&LineIndex) -> R) -> R {
    use std::cell::RefCell;
    thread_local! {
        static LAST: RefCell<Option<(String, LineIndex)>> = const { RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.as_ref().is_none_or(|(text, _)| text != source) {
            *last = Some((source.to_string(), LineIndex::new(source)));
        }
        let (_, index) = last.as_ref().expect("just set");
        f(index)
    })
}

/// One problem found in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable kebab-case code, e.g. `unknown-key`.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// One line saying what is wrong.
    pub message: String,
    /// Where, when known.
    pub location: Option<Location>,
    /// How to fix it, when a fix is likely.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error with a code and message.
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            location: None,
            help: None,
        }
    }

    /// A warning with a code and message.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// The same diagnostic, located.
    pub fn at(mut self, location: Location) -> Diagnostic {
        self.location = Some(location);
        self
    }

    /// The same diagnostic, with a suggested fix.
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Renders the diagnostic the way compilers do: a header, the location, the line with a marker
    /// under the offending part, then the help.
    pub fn render(&self) -> String {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = format!("{level}[{}]: {}\n", self.code, self.message);
        if let Some(loc) = &self.location {
            if loc.line == 0 {
                let _ = writeln!(out, "  --> {}", loc.file.display());
            } else {
                let number = loc.line.to_string();
                let pad = " ".repeat(number.len());
                let _ = writeln!(
                    out,
                    "{pad}--> {}:{}:{}",
                    loc.file.display(),
                    loc.line,
                    loc.column
                );
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{number} | {}", loc.line_text);
                let marker_pad: String = loc
                    .line_text
                    .chars()
                    .take(loc.column.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(out, "{pad} | {marker_pad}{}", "^".repeat(loc.width.max(1)));
            }
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "  = help: {help}");
        }
        out
    }
}

/// The help for a word that is not one of `choices`: "did you mean `x`? {intro}a, b, c" when
/// a choice is close, else "{intro}a, b, c".
pub fn suggestion_help(suggestion: Option<&str>, intro: &str, choices: &[&str]) -> String {
    let list = format!("{intro}{}", choices.join(", "));
    match suggestion {
        Some(s) => format!("did you mean `{s}`? {list}"),
        None => list,
    }
}

/// The closest of `candidates` to `word`, when close enough to be a likely misspelling.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (similar::TextDiff::from_chars(word, c).ratio(), c))
        .filter(|(ratio, _)| *ratio >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_and_marker() {
        let source = "[[claims]]\nalias = 1\n";
        let start = source.find("alias").unwrap();
        let d = Diagnostic::error("unknown-key", "unknown key `alias`")
            .at(Location::from_span(
                Path::new("claims.toml"),
                source,
                start..start + 5,
            ))
            .help("did you mean `aliases`?");
        assert_eq!(
            d.render(),
            "error[unknown-key]: unknown key `alias`\n --> claims.toml:2:1\n  |\n2 | alias = 1\n  | ^^^^^\n  = help: did you mean `aliases`?\n"
        );
    }

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(
            did_you_mean("alias", ["aliases", "id", "kind"]),
            Some("aliases")
        );
        assert_eq!(
            did_you_mean("cout", ["count", "date", "entity"]),
            Some("count")
        );
        assert_eq!(did_you_mean("zzz", ["count", "date", "entity"]), None);
    }
}
