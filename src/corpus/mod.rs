//! Step 2 of the pipeline: read the corpus. Walks the folder in a fixed order, decodes each
//! article, attaches the optional metadata of `sources.toml`, and skips what cannot be read with a
//! warning that names the file and the reason: one bad file never stops a run.
//!
//! Decoding (encodings, binary files) lives in [`decode`], HTML text extraction in [`html`].

pub mod decode;
pub mod html;
pub mod names;

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::fs::FileType;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::diag::{Diagnostic, Location};
use names::Names;

/// File endings read as articles (HTML ones are read through [`html`]).
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text", "html", "htm"];
/// Articles larger than this are skipped: no news article comes close, and it bounds memory.
pub const MAX_ARTICLE_BYTES: u64 = 256 << 20;
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
    /// For an HTML article: its source and the map from `text` back to it, so that lines and
    /// columns refer to the file.
    pub markup: Option<html::Markup>,
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
    let listing = list(root)?;
    let mut corpus = Corpus {
        root: root.to_path_buf(),
        ..Corpus::default()
    };
    for index in 0..listing.len() {
        match listing.read(index) {
            Ok((article, warning)) => {
                corpus.warnings.extend(warning);
                corpus.articles.push(article);
            }
            Err(unreadable) => {
                corpus.warnings.push(unreadable.warning);
                corpus.skipped.push(unreadable.skipped);
            }
        }
    }
    let Listing {
        skipped,
        warnings,
        unknown,
        ..
    } = listing;
    corpus.skipped.extend(skipped);
    let mut all = warnings;
    all.append(&mut corpus.warnings);
    all.extend(unknown);
    corpus.warnings = all;
    corpus.skipped.sort_by(|a, b| a.name.cmp(&b.name));
    if corpus.articles.is_empty() {
        return Err(no_article(root, &corpus.skipped));
    }
    Ok(corpus)
}

/// The article files of a corpus, listed but not yet read, so that a large corpus can be read,
/// extracted and dropped one article at a time (see [`list`]).
#[derive(Debug, Default)]
pub struct Listing {
    /// The folder listed.
    pub root: PathBuf,
    /// The article files' names, sorted: their paths relative to `root`, with `/` separators.
    pub names: Names,
    /// The paths that are not `root` joined with the name (see [`article_path`]).
    pub odd_paths: BTreeMap<usize, PathBuf>,
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
    /// How many article files it lists.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether it lists none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The path to open article `index` at.
    pub fn path(&self, index: usize) -> PathBuf {
        let odd = self.odd_paths.get(&index).map(PathBuf::as_path);
        article_path(&self.root, self.names.get(index), odd)
    }

    /// Reads article `index` of [`Listing::names`], with a warning when it had to be re-encoded;
    /// an unreadable one comes back as the skipped entry and its warning.
    pub fn read(&self, index: usize) -> Result<(Article, Option<Diagnostic>), Box<Unreadable>> {
        let mut bytes = Vec::new();
        let path = self.read_bytes(index, &mut bytes)?;
        self.decode(index, path, bytes)
    }

    /// The first half of [`Listing::read`]: the bytes of article `index`, in `bytes` (emptied
    /// first, its room kept: a reader of many articles that keeps few allocates once), and the
    /// path they were read at, for a reader that looks at them before they are decoded (see
    /// [`decode::is_plain`]).
    pub fn read_bytes(
        &self,
        index: usize,
        bytes: &mut Vec<u8>,
    ) -> Result<PathBuf, Box<Unreadable>> {
        let path = self.path(index);
        match read_bytes(&path, bytes) {
            Ok(()) => Ok(path),
            Err(reason) => Err(self.unreadable(index, &path, reason)),
        }
    }

    /// The second half of [`Listing::read`]: article `index`, from the `bytes`
    /// [`Listing::read_bytes`] read at `path`.
    pub fn decode(
        &self,
        index: usize,
        path: PathBuf,
        bytes: Vec<u8>,
    ) -> Result<(Article, Option<Diagnostic>), Box<Unreadable>> {
        let decoded = match decode::decode_article(&path, bytes) {
            Ok(decoded) => decoded,
            Err(reason) => return Err(self.unreadable(index, &path, reason)),
        };
        let warning = decoded.reencoded_from.map(|encoding| {
            Diagnostic::warning(
                "article-reencoded",
                format!("{} is not UTF-8; read it as {encoding}", path.display()),
            )
            .at(Location::file(&path))
            .help("save the article as UTF-8 to silence this warning")
        });
        let name = self.names.get(index);
        let article = Article {
            meta: self.meta.get(name).cloned().unwrap_or_default(),
            name: name.to_string(),
            path,
            text: decoded.text,
            markup: decoded.markup,
        };
        Ok((article, warning))
    }

    /// Article `index`, read at `path`, skipped for `reason`.
    fn unreadable(&self, index: usize, path: &Path, reason: String) -> Box<Unreadable> {
        Box::new(Unreadable {
            warning: skip_warning(path, &reason),
            skipped: Skipped {
                name: self.names.get(index).to_string(),
                reason,
            },
        })
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
    let mut found = Found::default();
    let mut visited = BTreeSet::new();
    walk(root, root, &mut found, &mut visited, &mut corpus);
    let (names, odd_paths) = found.sorted(root);
    let unknown = meta
        .keys()
        .filter(|name| {
            names.binary_search(name).is_err() && !corpus.skipped.iter().any(|s| &s.name == *name)
        })
        .map(|name| unknown_article(root, name))
        .collect();
    Ok(Listing {
        root: root.to_path_buf(),
        names,
        odd_paths,
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

/// The error for a corpus with no readable article, saying what was skipped.
pub fn no_article(root: &Path, skipped: &[Skipped]) -> CorpusError {
    CorpusError(Box::new(
        Diagnostic::error(
            "corpus-empty",
            format!(
                "no readable article in {}{}",
                root.display(),
                skipped_summary(skipped)
            ),
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

/// `; skipped: a.txt (empty file), ...`: why a corpus with files in it has no article.
fn skipped_summary(skipped: &[Skipped]) -> String {
    const SHOWN: usize = 5;
    if skipped.is_empty() {
        return String::new();
    }
    let mut parts: Vec<String> = skipped
        .iter()
        .take(SHOWN)
        .map(|s| format!("{} ({})", s.name, s.reason))
        .collect();
    if skipped.len() > SHOWN {
        parts.push(format!("and {} more", skipped.len() - SHOWN));
    }
    format!("; skipped: {}", parts.join(", "))
}

fn skip(corpus: &mut Corpus, name: String, path: &Path, reason: String) {
    corpus.warnings.push(skip_warning(path, &reason));
    corpus.skipped.push(Skipped { name, reason });
}

/// Where the article named `name` in the corpus folder `root` is: the folder joined with the name,
/// unless the walk recorded another path, `odd`. That is kept only where the two differ: a name
/// that is not UTF-8 (made readable with replacement characters, but opened by its real bytes),
/// or on Windows, where names use `/` and paths `\`. Listing and report keep names, not paths,
/// so that 100,000 articles do not cost 100,000 paths.
pub fn article_path(root: &Path, name: &str, odd: Option<&Path>) -> PathBuf {
    if let Some(odd) = odd {
        return odd.to_path_buf();
    }
    // `root.join(name)` in one allocation: `join` copies the folder, then grows the copy for the
    // name (two per article read, and per source written in a report).
    let mut path = PathBuf::with_capacity(root.as_os_str().len() + 1 + name.len());
    path.push(root);
    path.push(name);
    path
}

/// The article files [`walk`] finds, in the order it finds them: names packed, and a path kept
/// only when it is not the corpus folder joined with the name.
#[derive(Default)]
struct Found {
    names: Names,
    odd_paths: BTreeMap<usize, PathBuf>,
}

impl Found {
    fn push(&mut self, root: &Path, name: String, path: PathBuf) {
        if article_path(root, &name, None).as_os_str() != path.as_os_str() {
            self.odd_paths.insert(self.names.len(), path);
        }
        self.names.push(&name);
    }

    /// The names in byte order (then by path, for two names alike once made UTF-8), with the odd
    /// paths renumbered to match.
    fn sorted(self, root: &Path) -> (Names, BTreeMap<usize, PathBuf>) {
        let path = |i: usize| {
            article_path(
                root,
                self.names.get(i),
                self.odd_paths.get(&i).map(PathBuf::as_path),
            )
        };
        // The names come in the order the folders list them: most comparisons are settled by
        // their first eight bytes (see [`head`]), worked out once per name and sorted with it.
        let name = |i: u32| self.names.get(i as usize);
        let count = u32::try_from(self.names.len()).expect("fewer than 4 G files are listed");
        let mut order: Vec<(u64, u32)> =
            (0..count).map(|i| (head(name(i).as_bytes()), i)).collect();
        order.sort_unstable_by(|&(head_a, a), &(head_b, b)| {
            (head_a.cmp(&head_b))
                .then_with(|| name(a).cmp(name(b)))
                .then_with(|| path(a as usize).cmp(&path(b as usize)))
        });
        let mut names = Names::with_capacity(self.names.len(), self.names.text_len());
        let mut odd_paths = BTreeMap::new();
        for (at, &(_, i)) in order.iter().enumerate() {
            names.push(name(i));
            if let Some(path) = self.odd_paths.get(&(i as usize)) {
                odd_paths.insert(at, path.clone());
            }
        }
        (names, odd_paths)
    }
}

/// Collects article files below `dir`, recording unreadable entries as skipped. Symbolic links
/// are followed; a folder reached twice (a symlink loop) is skipped the second time.
fn walk(
    root: &Path,
    dir: &Path,
    files: &mut Found,
    visited: &mut BTreeSet<PathBuf>,
    corpus: &mut Corpus,
) {
    if let Ok(real) = std::fs::canonicalize(dir)
        && !visited.insert(real.clone())
    {
        let name = relative_name(root, dir);
        let reason = format!("symlink loop: folder {} is already read", real.display());
        skip(corpus, name, dir, reason);
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let name = relative_name(root, dir);
            skip(corpus, name, dir, format!("cannot list folder: {e}"));
            return;
        }
    };
    let at_root = dir == root;
    // Most entries of a corpus are articles right in its folder, named in UTF-8: the name is the
    // file name and the path the folder joined with it, so neither is built (a folder of 100,000
    // articles built 300,000 paths and names here), and they are packed as they come, since
    // `Found::sorted` sorts every name. Only the other entries are kept to be sorted and visited
    // in order (folders, links, odd names: what can be skipped with a warning), each with its
    // name and type (a `DirEntry` holds more): holding every entry of a folder of 100,000
    // articles until it was sorted was the listing's peak memory.
    let mut others: Vec<(OsString, std::io::Result<FileType>)> = Vec::new();
    for entry in entries.flatten() {
        let (file_name, file_type) = (entry.file_name(), entry.file_type());
        if let (true, Some(name), Ok(t)) = (at_root, file_name.to_str(), &file_type)
            && t.is_file()
        {
            if is_article_name(&file_name) {
                files.names.push(name);
            }
            continue;
        }
        others.push((file_name, file_type));
    }
    sort_by_name(&mut others);
    for (file_name, file_type) in others {
        let path = dir.join(&file_name);
        let name = relative_name(root, &path);
        let hidden = file_name.to_string_lossy().starts_with('.');
        // The folder listing already tells files and folders apart: only links and odd entries
        // cost a `stat` here (a corpus of 100,000 files would pay 100,000 of them, one by one).
        // A file's size is checked when it is read, in parallel.
        match file_type {
            Ok(t) if t.is_file() => {
                if is_article(&path) {
                    files.push(root, name, path);
                }
                continue;
            }
            Ok(t) if t.is_dir() => {
                if !hidden {
                    walk(root, &path, files, visited, corpus);
                }
                continue;
            }
            _ => {}
        }
        let metadata = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                if !hidden && (is_article(&path) || file_type.is_ok_and(|t| t.is_symlink())) {
                    skip(corpus, name, &path, unopenable(&path, &e));
                }
                continue;
            }
        };
        if metadata.is_dir() {
            if !hidden {
                walk(root, &path, files, visited, corpus);
            }
        } else if is_article(&path) {
            if !metadata.is_file() {
                skip(
                    corpus,
                    name,
                    &path,
                    format!("not a regular file ({})", file_kind(&metadata)),
                );
            } else {
                files.push(root, name, path);
            }
        }
    }
}

/// Why an entry cannot be opened, in a reader's words.
fn unopenable(path: &Path, e: &std::io::Error) -> String {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return format!("cannot open: {e}");
    }
    let target = std::fs::read_link(path)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    if e.kind() == std::io::ErrorKind::NotFound {
        format!("broken symbolic link (to {target}, which does not exist)")
    } else if e.raw_os_error() == Some(40) {
        format!("symbolic link loop (to {target})")
    } else {
        format!("cannot follow symbolic link to {target}: {e}")
    }
}

/// A name for a file that is neither a regular file nor a folder.
fn file_kind(metadata: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = metadata.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = metadata;
    "not a file"
}

/// Sorts `entries` in the byte order of their names, in place: the entries of a folder that
/// [`walk`] visits in order (its subfolders, links and odd names; its plain articles are sorted
/// with every name by `Found::sorted`). Most comparisons are settled by the first eight bytes of
/// each name, read as one integer (see [`head`]), and only names alike that far are compared in
/// full. Nothing is allocated.
fn sort_by_name<T>(entries: &mut [(OsString, T)]) {
    let head = |name: &OsString| head(name.as_encoded_bytes());
    entries.sort_unstable_by(|(a, _), (b, _)| head(a).cmp(&head(b)).then_with(|| a.cmp(b)));
}

/// The first eight bytes of `name` (zeros after a shorter one) as one integer, in the names'
/// byte order: two names whose heads differ compare as their heads do.
fn head(name: &[u8]) -> u64 {
    match name.first_chunk::<8>() {
        Some(&eight) => u64::from_be_bytes(eight),
        None => {
            let mut bytes = [0u8; 8];
            bytes[..name.len()].copy_from_slice(name);
            u64::from_be_bytes(bytes)
        }
    }
}

fn is_article(path: &Path) -> bool {
    path.file_name().is_some_and(is_article_name)
}

/// Whether a file named `file_name` is an article: not hidden, with an article's extension in any
/// case. Asked once per file of the corpus.
fn is_article_name(file_name: &std::ffi::OsStr) -> bool {
    let bytes = file_name.as_encoded_bytes();
    if bytes.first() == Some(&b'.') {
        return false;
    }
    // What `Path::extension` gives for a name that does not start with a dot, without parsing
    // the name as a path.
    let Some(dot) = bytes.iter().rposition(|&b| b == b'.') else {
        return false;
    };
    is_one_of(&bytes[dot + 1..], ARTICLE_EXTENSIONS)
}

/// Whether the file extension `ext` is one of `known` (lower case) in any case. An ASCII
/// extension, the usual one, is compared as it is, without a copy; any other is lower-cased
/// first, as Unicode says (the Kelvin sign is a `k`).
fn is_one_of(ext: &[u8], known: &[&str]) -> bool {
    if ext.is_ascii() {
        known.iter().any(|k| k.as_bytes().eq_ignore_ascii_case(ext))
    } else {
        let ext = String::from_utf8_lossy(ext).to_lowercase();
        known.contains(&ext.as_str())
    }
}

fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads the bytes of one article, refusing one too large to be read whole.
fn read_bytes(path: &Path, bytes: &mut Vec<u8>) -> Result<(), String> {
    use std::io::Read;
    let cannot_read = |e: std::io::Error| format!("cannot read: {e}");
    bytes.clear();
    let mut file = std::fs::File::open(path).map_err(cannot_read)?;
    // Most articles are a few kilobytes: they are read whole into a buffer of `FIRST_READ`
    // bytes (open, read, read to see the end, close), and only a file that fills it is asked for
    // its size, a system call more, for the limit and the room to read the rest. Reading goes
    // through `Take`: `File::read_to_end` would ask the file for its size and position again.
    bytes.reserve(FIRST_READ);
    (&mut file)
        .take(FIRST_READ as u64)
        .read_to_end(bytes)
        .map_err(cannot_read)?;
    if bytes.len() < FIRST_READ {
        return Ok(());
    }
    let size = file.metadata().map_err(cannot_read)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(format!(
            "too large ({size} bytes; the limit is {MAX_ARTICLE_BYTES})"
        ));
    }
    bytes.reserve(
        usize::try_from(size)
            .unwrap_or(0)
            .saturating_sub(FIRST_READ),
    );
    // The limit also stops a file that grew since its size was read.
    file.take(MAX_ARTICLE_BYTES + 1 - FIRST_READ as u64)
        .read_to_end(bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(format!(
            "too large (over {MAX_ARTICLE_BYTES} bytes; the limit is {MAX_ARTICLE_BYTES})"
        ));
    }
    Ok(())
}

/// How many bytes of an article [`read_bytes`] reads before asking the file for its size: more
/// than most news articles hold.
const FIRST_READ: usize = 16 << 10;

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

// Names that are not UTF-8 are made from bytes, as only Unix allows.
#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStringExt;

    /// Articles shorter than the first read, as long, and longer (read in a second step once
    /// their size is known) come back whole.
    #[test]
    fn articles_of_every_size_are_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        for len in [
            0,
            1,
            FIRST_READ - 1,
            FIRST_READ,
            FIRST_READ + 1,
            2 * FIRST_READ + 7,
        ] {
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let path = dir.path().join(format!("{len}.txt"));
            std::fs::write(&path, &bytes).unwrap();
            let mut fresh = Vec::new();
            read_bytes(&path, &mut fresh).unwrap();
            assert_eq!(fresh, bytes, "{len} bytes");
            // Into a buffer that held a longer article, and one that held a shorter.
            for earlier in [vec![9; 3 * FIRST_READ], vec![9; 5]] {
                let mut reused = earlier;
                read_bytes(&path, &mut reused).unwrap();
                assert_eq!(reused, bytes, "{len} bytes");
            }
        }
        let mut bytes = b"an earlier article".to_vec();
        let missing = read_bytes(&dir.path().join("missing.txt"), &mut bytes).unwrap_err();
        assert!(missing.starts_with("cannot read: "), "{missing}");
    }

    /// Names alike for eight bytes and more, shorter than eight bytes, prefixes of one another,
    /// and bytes above 0x7F (which must sort after every ASCII byte, as bytes do).
    #[test]
    fn entries_sort_as_their_names_do() {
        const PIECES: &[&[u8]] = &[
            b"a",
            b"A",
            b"0",
            b"9",
            b".",
            b"_",
            b"article_2024_",
            b"txt",
            b"\xc3\xa9",
            b"\xff",
        ];
        let mut next = crate::testing::sequence(0x5eed_0f11_571e);
        for _ in 0..500 {
            let names: Vec<OsString> = (0..next(60))
                .map(|_| {
                    let bytes: Vec<u8> = (0..next(6))
                        .flat_map(|_| PIECES[next(PIECES.len())].iter().copied())
                        .collect();
                    OsString::from_vec(bytes)
                })
                .collect();
            let mut entries: Vec<(OsString, usize)> = names.iter().cloned().zip(0..).collect();
            sort_by_name(&mut entries);
            let sorted: Vec<OsString> = entries.into_iter().map(|(name, _)| name).collect();
            let mut expected = names;
            expected.sort();
            assert_eq!(sorted, expected);
        }
    }

    /// A folder's articles are packed as the folder lists them, then sorted with every other
    /// name: names alike for their first eight bytes and more, prefixes of one another and in
    /// subfolders come out in byte order, whatever order they were written in.
    #[test]
    fn a_listing_is_in_the_byte_order_of_its_names() {
        let dir = tempfile::tempdir().unwrap();
        let written = [
            "article_2024_10.txt",
            "article_2024_1.txt",
            "article_2024.txt",
            "sub/article_2024_0.txt",
            "article_2024_1.TXT",
            "\u{e9}t\u{e9}.txt",
            "article_2025.txt",
            "a.txt",
            "sub/a.txt",
            "article_2024_100.txt",
            // A folder named like a file up to the file's `.`: as a name, `.` sorts before `/`;
            // as paths, the folder `article_2024` before the file `article_2024.txt`.
            "article_2024/x.txt",
        ];
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::create_dir(dir.path().join("article_2024")).unwrap();
        for name in written {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let listing = list(dir.path()).unwrap();
        let listed: Vec<&str> = (0..listing.len()).map(|i| listing.names.get(i)).collect();
        let mut expected = written.to_vec();
        expected.sort();
        assert_eq!(listed, expected);
    }

    #[test]
    fn article_names_are_told_by_their_extension_in_any_case() {
        for name in [
            "a.txt",
            "b.TXT",
            "c.Md",
            "d.MARKDOWN",
            "e.text",
            "f.HtM",
            "g.html",
            "y.z.txt",
            "résumé.txt",
            // A Kelvin sign lower-cases to `k`.
            "k.mar\u{212a}down",
        ] {
            assert!(is_article_name(name.as_ref()), "{name}");
        }
        for name in [
            ".x.txt",
            ".txt",
            "noext",
            "file.",
            "x.txt.bak",
            "txt",
            "w.ｔｘｔ",
            "a.tx",
            "a.txtt",
            "",
        ] {
            assert!(!is_article_name(name.as_ref()), "{name}");
        }
        let not_utf8 = OsString::from_vec(b"bad\xff.txt".to_vec());
        assert!(is_article_name(&not_utf8));
        let not_utf8_ext = OsString::from_vec(b"bad.t\xffxt".to_vec());
        assert!(!is_article_name(&not_utf8_ext));
    }
}
