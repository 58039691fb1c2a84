//! Step 2 of the pipeline: read the corpus. Walks the folder in a fixed order, decodes each
//! article, attaches the optional metadata of `sources.toml`, and skips what cannot be read with a
//! warning that names the file and the reason: one bad file never stops a run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::diag::{Diagnostic, Location};

/// File endings read as articles.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];
/// The optional metadata file inside the corpus folder.
pub const METADATA_FILE: &str = "sources.toml";

/// What is known about a source; every field is optional and nothing is guessed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    /// A short name for report columns; defaults to the shortest unique start of the file name.
    pub name: Option<String>,
    /// The outlet that published it ("RFI").
    pub outlet: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// When it was published: gives years and anchors weekdays. A TOML date (`2024-04-11`) or
    /// the same as a string.
    #[serde(default, deserialize_with = "toml_date")]
    pub published: Option<NaiveDate>,
    /// Its language, as an IETF tag ("fr", "en").
    pub language: Option<String>,
}

/// Reads a TOML date, or a `YYYY-MM-DD` string, as a calendar date.
fn toml_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        Date(toml::value::Datetime),
        Text(String),
    }
    let text = match Written::deserialize(deserializer)? {
        Written::Date(d) => d.to_string(),
        Written::Text(t) => t,
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            serde::de::Error::custom(format!("`{text}` is not a date; write it as 2024-04-11"))
        })
}

/// One article of the corpus.
#[derive(Debug, Clone)]
pub struct Article {
    /// Its path relative to the corpus folder, with `/` separators: the source's identity.
    pub name: String,
    /// Its path as claimcheck opened it, for locations in reports.
    pub path: PathBuf,
    /// Its text, decoded.
    pub text: String,
    /// What `sources.toml` says about it.
    pub meta: SourceMeta,
}

/// An article that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its path relative to the corpus folder.
    pub name: String,
    /// Why.
    pub reason: String,
}

/// The articles of a corpus, in name order, with what was skipped.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The folder read.
    pub root: PathBuf,
    /// The readable articles, sorted by name.
    pub articles: Vec<Article>,
    /// The files that could not be read, sorted by name.
    pub skipped: Vec<Skipped>,
    /// Warnings to show (skipped files, unknown metadata entries).
    pub warnings: Vec<Diagnostic>,
}

/// Why a corpus could not be read at all.
#[derive(Debug)]
pub struct CorpusError(pub Box<Diagnostic>);

/// Reads every article under `root`.
pub fn load(root: &Path) -> Result<Corpus, CorpusError> {
    check_root(root)?;
    let mut corpus = Corpus {
        root: root.to_path_buf(),
        ..Corpus::default()
    };
    let meta = read_metadata(root, &mut corpus.warnings)?;
    let mut files = Vec::new();
    walk(root, root, &mut files, &mut corpus);
    files.sort();
    for (name, path) in files {
        match read_article(&path) {
            Ok(text) => corpus.articles.push(Article {
                meta: meta.get(&name).cloned().unwrap_or_default(),
                name,
                path,
                text,
            }),
            Err(reason) => skip(&mut corpus, name, &path, reason),
        }
    }
    for name in meta.keys() {
        if !corpus.articles.iter().any(|a| &a.name == name)
            && !corpus.skipped.iter().any(|s| &s.name == name)
        {
            corpus.warnings.push(unknown_article(root, name));
        }
    }
    corpus.skipped.sort_by(|a, b| a.name.cmp(&b.name));
    if corpus.articles.is_empty() {
        return Err(no_article(root));
    }
    Ok(corpus)
}

/// The article files of a corpus, listed but not yet read, so that a large corpus can be read,
/// extracted and dropped one article at a time (see [`list`]).
#[derive(Debug, Default)]
pub struct Listing {
    /// The folder listed.
    pub root: PathBuf,
    /// Article files as (name, path), sorted by name.
    pub files: Vec<(String, PathBuf)>,
    /// Metadata from `sources.toml`, by article name.
    pub meta: BTreeMap<String, SourceMeta>,
    /// Entries that could not even be listed.
    pub skipped: Vec<Skipped>,
    /// Warnings found while listing (metadata, unlistable entries), in [`load`]'s order.
    pub warnings: Vec<Diagnostic>,
    /// Warnings for `sources.toml` entries naming no file: [`load`] gives them last.
    pub unknown: Vec<Diagnostic>,
}

impl Listing {
    /// Reads article `index` of [`Listing::files`]; an unreadable one comes back as [`load`]
    /// records it: the skipped entry and its warning.
    pub fn read(&self, index: usize) -> Result<Article, Box<Unreadable>> {
        let (name, path) = &self.files[index];
        match read_article(path) {
            Ok(text) => Ok(Article {
                meta: self.meta.get(name).cloned().unwrap_or_default(),
                name: name.clone(),
                path: path.clone(),
                text,
            }),
            Err(reason) => Err(Box::new(Unreadable {
                warning: skip_warning(path, &reason),
                skipped: Skipped {
                    name: name.clone(),
                    reason,
                },
            })),
        }
    }

    /// The error [`load`] gives when no article of the corpus could be read.
    pub fn empty_error(&self) -> CorpusError {
        no_article(&self.root)
    }
}

/// An article [`Listing::read`] could not read: what the report lists and the warning to show.
#[derive(Debug)]
pub struct Unreadable {
    /// The entry for the report.
    pub skipped: Skipped,
    /// The warning naming the file and the reason.
    pub warning: Diagnostic,
}

/// Lists the articles under `root` without reading them: the same checks, metadata and warnings
/// as [`load`], minus those that need an article's contents.
pub fn list(root: &Path) -> Result<Listing, CorpusError> {
    check_root(root)?;
    let mut corpus = Corpus {
        root: root.to_path_buf(),
        ..Corpus::default()
    };
    let meta = read_metadata(root, &mut corpus.warnings)?;
    let mut files = Vec::new();
    walk(root, root, &mut files, &mut corpus);
    files.sort();
    let unknown = meta
        .keys()
        .filter(|name| {
            files.binary_search_by(|(n, _)| n.cmp(name)).is_err()
                && !corpus.skipped.iter().any(|s| &s.name == *name)
        })
        .map(|name| unknown_article(root, name))
        .collect();
    Ok(Listing {
        root: root.to_path_buf(),
        files,
        meta,
        skipped: corpus.skipped,
        warnings: corpus.warnings,
        unknown,
    })
}

fn check_root(root: &Path) -> Result<(), CorpusError> {
    if !root.is_dir() {
        let what = if root.exists() {
            "is not a folder"
        } else {
            "does not exist"
        };
        return Err(CorpusError(Box::new(
            Diagnostic::error(
                "corpus-missing",
                format!("corpus folder {} {what}", root.display()),
            )
            .at(Location::file(root))
            .help("pass the folder of articles with --corpus DIR"),
        )));
    }
    Ok(())
}

fn no_article(root: &Path) -> CorpusError {
    CorpusError(Box::new(
        Diagnostic::error(
            "corpus-empty",
            format!("no readable article in {}", root.display()),
        )
        .at(Location::file(root))
        .help(format!(
            "articles are files ending in .{}",
            ARTICLE_EXTENSIONS.join(", .")
        )),
    ))
}

fn unknown_article(root: &Path, name: &str) -> Diagnostic {
    Diagnostic::warning(
        "metadata-unknown-article",
        format!("{METADATA_FILE} describes `{name}`, which is not in the corpus"),
    )
    .at(Location::file(&root.join(METADATA_FILE)))
}

fn skip_warning(path: &Path, reason: &str) -> Diagnostic {
    Diagnostic::warning(
        "article-skipped",
        format!("skipped {}: {reason}", path.display()),
    )
    .at(Location::file(path))
}

fn skip(corpus: &mut Corpus, name: String, path: &Path, reason: String) {
    corpus.warnings.push(skip_warning(path, &reason));
    corpus.skipped.push(Skipped { name, reason });
}

/// Collects article files below `dir`, recording unreadable entries as skipped.
fn walk(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>, corpus: &mut Corpus) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let name = relative_name(root, dir);
            skip(corpus, name, dir, format!("cannot list folder: {e}"));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = relative_name(root, &path);
        let file_type = match std::fs::metadata(&path) {
            Ok(m) => m.file_type(),
            Err(e) => {
                skip(corpus, name, &path, format!("cannot open: {e}"));
                continue;
            }
        };
        if file_type.is_dir() {
            if !entry.file_name().to_string_lossy().starts_with('.') {
                walk(root, &path, files, corpus);
            }
        } else if is_article(&path) {
            files.push((name, path));
        }
    }
}

fn is_article(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    !hidden && ext.is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
}

fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads and decodes one article.
fn read_article(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes)".into());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads `sources.toml`, if present: one table per article, keyed by its name.
fn read_metadata(
    root: &Path,
    warnings: &mut Vec<Diagnostic>,
) -> Result<BTreeMap<String, SourceMeta>, CorpusError> {
    let path = root.join(METADATA_FILE);
    let Ok(source) = std::fs::read_to_string(&path) else {
        if path.exists() {
            warnings.push(
                Diagnostic::warning(
                    "metadata-unreadable",
                    format!(
                        "cannot read {} as UTF-8 text; metadata ignored",
                        path.display()
                    ),
                )
                .at(Location::file(&path)),
            );
        }
        return Ok(BTreeMap::new());
    };
    toml::from_str(&source).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        CorpusError(Box::new(
            Diagnostic::error("metadata-invalid", e.message().trim().to_string())
                .at(Location::from_span(&path, &source, span))
                .help("each article is a table: [\"file.txt\"] with outlet, url, published, language, name"),
        ))
    })
}
