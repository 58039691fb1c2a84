//! The report's sources: every readable article of the corpus, by name, with its short column
//! title, its path and its metadata.
//!
//! A report lists every source, and a monitoring desk's corpus has 100,000 of them, most of which
//! say nothing: they are kept packed (names end to end, a short name as a length into its name,
//! the path rebuilt from the corpus folder, metadata only for the few `sources.toml` describes), so
//! that a source costs its name's bytes and two numbers rather than four allocations.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::corpus::names::Names;
use crate::corpus::{SourceMeta, article_path};

/// What a source that `sources.toml` does not describe has for metadata: nothing.
static NO_META: SourceMeta = SourceMeta {
    name: None,
    outlet: None,
    url: None,
    published: None,
    language: None,
};

/// The readable articles of a corpus, in name order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sources {
    /// The corpus folder: a source's path is this joined with its name, unless `odd_paths` says
    /// otherwise.
    root: PathBuf,
    /// Each source's name: its path relative to the corpus, with `/` separators.
    names: Names,
    /// The paths that are not the root joined with the name (see [`article_path`]).
    odd_paths: BTreeMap<usize, PathBuf>,
    /// The metadata of the sources `sources.toml` describes.
    metas: BTreeMap<usize, SourceMeta>,
    /// Per source, the byte length of its short name within the last part of its name; empty
    /// until short names are chosen.
    short_lens: Vec<u32>,
}

/// One source as reports show it.
#[derive(Debug, Clone, Copy)]
pub struct SourceInfo<'a> {
    /// Its file name relative to the corpus: its identity.
    pub name: &'a str,
    /// A short column title.
    pub short: &'a str,
    /// What `sources.toml` says about it.
    pub meta: &'a SourceMeta,
    root: &'a Path,
    odd_path: Option<&'a Path>,
}

impl SourceInfo<'_> {
    /// Its path as opened, for `file:line` locations.
    pub fn path(&self) -> String {
        // What `display()` shows (names that are not UTF-8 with replacement characters), without
        // going through the formatting machinery: reports ask for a path per quote.
        let path = article_path(self.root, self.name, self.odd_path).into_os_string();
        path.into_string()
            .unwrap_or_else(|path| path.to_string_lossy().into_owned())
    }
}

impl Sources {
    /// No sources yet, from the corpus folder `root`.
    pub fn new(root: &Path) -> Sources {
        Sources {
            root: root.to_path_buf(),
            ..Sources::default()
        }
    }

    /// The readable articles of a listing of corpus folder `root`: its `names` (sorted) but those
    /// at `unreadable` (sorted indexes into `names`), with the listing's `odd_paths` (by index),
    /// metadata `meta` (by name) and short names `short` (from [`listing_short_lengths`]). The
    /// names are taken over in place, not copied: on a corpus of 100,000 articles a copy was 1.8 MB
    /// more while the findings were gathered. The short names are chosen again only when some
    /// article was unreadable.
    pub fn from_listing(
        root: &Path,
        mut names: Names,
        unreadable: &[usize],
        odd_paths: &BTreeMap<usize, PathBuf>,
        meta: &BTreeMap<String, SourceMeta>,
        short: Vec<u32>,
    ) -> Sources {
        // Listing index -> source index, for the articles that were read.
        let source = |index: usize| match unreadable.binary_search(&index) {
            Ok(_) => None,
            Err(before) => Some(index - before),
        };
        let odd_paths = (odd_paths.iter())
            .filter_map(|(&index, path)| Some((source(index)?, path.clone())))
            .collect();
        // Looked up by name for every article read: two files can have one name once made
        // UTF-8, and each gets the name's metadata.
        let metas = (0..names.len())
            .filter_map(|index| Some((source(index)?, meta.get(names.get(index))?)))
            .filter(|(_, m)| **m != NO_META)
            .map(|(source, m)| (source, m.clone()))
            .collect();
        names.retain(|index| source(index).is_some());
        let mut sources = Sources {
            root: root.to_path_buf(),
            names,
            odd_paths,
            metas,
            short_lens: short,
        };
        if !unreadable.is_empty() {
            sources.choose_short_names();
        }
        sources
    }

    /// Adds the next source, by name (in name order), with the path it was opened at when that is
    /// not the corpus folder joined with the name, and its metadata, if any.
    pub fn push(&mut self, name: &str, odd_path: Option<&Path>, meta: Option<&SourceMeta>) {
        let index = self.names.len();
        if let Some(path) = odd_path {
            self.odd_paths.insert(index, path.to_path_buf());
        }
        if let Some(meta) = meta.filter(|m| **m != NO_META) {
            self.metas.insert(index, meta.clone());
        }
        self.names.push(name);
    }

    /// How many sources there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Source `index`.
    ///
    /// # Panics
    /// When `index` is out of bounds, like slice indexing.
    pub fn get(&self, index: usize) -> SourceInfo<'_> {
        let name = self.names.get(index);
        let meta = self.metas.get(&index).unwrap_or(&NO_META);
        let short = match (&meta.name, self.short_lens.get(index)) {
            (Some(short), _) => short.as_str(),
            (None, Some(&len)) => {
                let start = file_start(name);
                &name[start..start + len as usize]
            }
            (None, None) => name,
        };
        SourceInfo {
            name,
            short,
            meta,
            root: &self.root,
            odd_path: self.odd_paths.get(&index).map(PathBuf::as_path),
        }
    }

    /// The name of source `index`: what [`Sources::get`] gives as `name`, without working out
    /// the rest (findings name their sources by name, hundreds of thousands of times on a large
    /// corpus).
    ///
    /// # Panics
    /// When `index` is out of bounds, like slice indexing.
    pub fn name(&self, index: usize) -> &str {
        self.names.get(index)
    }

    /// Every source, in name order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = SourceInfo<'_>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Gives every source its short column title (see [`short_lengths`]).
    fn choose_short_names(&mut self) {
        let named: Vec<bool> = (0..self.len())
            .map(|i| self.metas.get(&i).is_some_and(|m| m.name.is_some()))
            .collect();
        self.short_lens = short_lengths(&self.names, &named);
    }
}

/// Per article of a listing's `names`, the byte length of its short column title (see
/// `short_lengths`); those metadata `meta` names take theirs from it. Worked out before the
/// articles are read: it sorts every name, and costs least while no finding is held.
pub fn listing_short_lengths(names: &Names, meta: &BTreeMap<String, SourceMeta>) -> Vec<u32> {
    let named: Vec<bool> = (0..names.len())
        .map(|i| meta.get(names.get(i)).is_some_and(|m| m.name.is_some()))
        .collect();
    short_lengths(names, &named)
}

/// The last part of a name without its extension: `lemonde/2024-04-10.txt` -> `2024-04-10`.
fn stem(name: &str) -> &str {
    let file = &name[file_start(name)..];
    file.rsplit_once('.').map_or(file, |(stem, _)| stem)
}

/// Where the last part of a name starts.
fn file_start(name: &str) -> usize {
    name.rfind('/').map_or(0, |slash| slash + 1)
}

/// Short, unique column titles, as byte lengths into the stem of each name: the fewest leading
/// parts of the stem (split at `_`, `-`, `.` and spaces) that tell it apart from every other
/// source. Sources marked in `named` take their title from the metadata instead (their length is
/// 0) but still count as others.
///
/// Worked out one part count at a time over all sources, by sorting their prefixes and counting
/// equal neighbours: comparing every source with every other would be quadratic, and 100,000
/// articles named `outlet-date-slug.txt` would take hours; a hash map of 100,000 prefixes (or a
/// string per source) would cost more memory than the sources themselves, so prefixes are byte
/// ranges of the names, and sources are numbered, as `u32` (a name is a path of a few hundred
/// bytes).
fn short_lengths(names: &Names, named: &[bool]) -> Vec<u32> {
    const OPEN: u32 = u32::MAX;
    let small = |n: usize| u32::try_from(n).expect("fewer than 4 G names, each under 4 GiB");
    let mut lens: Vec<u32> = named.iter().map(|&n| if n { 0 } else { OPEN }).collect();
    let mut order: Vec<u32> = (0..small(names.len())).collect();
    // Per source, its current prefix as a byte range of its name.
    let mut prefixes: Vec<(u32, u32)> = vec![(0, 0); names.len()];
    let mut parts = 1;
    while lens.contains(&OPEN) {
        for (i, prefix) in prefixes.iter_mut().enumerate() {
            let name = names.get(i);
            let start = file_start(name);
            let part = stem_prefix(stem(name), parts);
            *prefix = (small(start), small(start + part.len()));
        }
        let prefix = |i: u32| {
            let (start, end) = prefixes[i as usize];
            &names.get(i as usize)[start as usize..end as usize]
        };
        order.sort_unstable_by(|&a, &b| prefix(a).cmp(prefix(b)));
        for run in order.chunk_by(|&a, &b| prefix(a) == prefix(b)) {
            for &i in run {
                let i = i as usize;
                let (start, end) = prefixes[i];
                let whole = || (end - start) as usize == stem(names.get(i)).len();
                if lens[i] == OPEN && (run.len() == 1 || whole()) {
                    lens[i] = end - start;
                }
            }
        }
        parts += 1;
    }
    lens
}

/// The first `parts` parts of `stem` (split at `_`, `-`, `.` and spaces), or all of it.
fn stem_prefix(stem: &str, parts: usize) -> &str {
    stem.match_indices(['_', '-', '.', ' '])
        .nth(parts - 1)
        .map_or(stem, |(at, _)| &stem[..at])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(names: &[&str], metas: &[Option<SourceMeta>]) -> Sources {
        let mut sources = Sources::new(Path::new("corpus"));
        for (name, meta) in names.iter().zip(metas) {
            sources.push(name, None, meta.as_ref());
        }
        sources.choose_short_names();
        sources
    }

    #[test]
    fn short_names_are_unique_prefixes() {
        let names = [
            "000_abc.txt",
            "001_def.txt",
            "lemonde-2024-04-10.txt",
            "lemonde-2024-05-01.txt",
        ];
        let named = SourceMeta {
            name: Some("LM".into()),
            ..SourceMeta::default()
        };
        let sources = sources(&names, &[None, None, None, Some(named)]);
        let shorts: Vec<&str> = sources.iter().map(|s| s.short).collect();
        assert_eq!(shorts, ["000", "001", "lemonde-2024-04", "LM"]);
    }

    /// A listing's names become the sources in place: the unreadable ones left out, the others
    /// numbered again with their odd paths and metadata, and short names chosen among the
    /// readable ones only.
    #[test]
    fn sources_from_a_listing_leave_out_the_unreadable() {
        let listed = [
            "lemonde-avril.txt",
            "lemonde-mai.txt",
            "rfi-avril.txt",
            "rfi-mai.txt",
            "rfi-mai.txt",
        ];
        let mut names = Names::new();
        listed.iter().for_each(|name| names.push(name));
        let odd_paths = BTreeMap::from([(3, PathBuf::from("odd/rfi-mai.txt"))]);
        let meta = |name: &str| SourceMeta {
            name: Some(name.into()),
            ..SourceMeta::default()
        };
        let meta = BTreeMap::from([
            ("rfi-avril.txt".to_string(), meta("RFI")),
            ("rfi-mai.txt".to_string(), meta("RFI 2")),
        ]);
        let root = Path::new("corpus");
        let short = listing_short_lengths(&names, &meta);
        let all = Sources::from_listing(root, names.clone(), &[], &odd_paths, &meta, short.clone());
        let shorts: Vec<&str> = all.iter().map(|s| s.short).collect();
        assert_eq!(
            shorts,
            ["lemonde-avril", "lemonde-mai", "RFI", "RFI 2", "RFI 2"]
        );

        let read = Sources::from_listing(root, names, &[1, 2], &odd_paths, &meta, short);
        let got: Vec<(&str, &str, String)> =
            read.iter().map(|s| (s.name, s.short, s.path())).collect();
        let path = |p: &str| Path::new(p).display().to_string();
        assert_eq!(
            got,
            [
                (
                    "lemonde-avril.txt",
                    "lemonde",
                    path("corpus/lemonde-avril.txt")
                ),
                ("rfi-mai.txt", "RFI 2", path("odd/rfi-mai.txt")),
                ("rfi-mai.txt", "RFI 2", path("corpus/rfi-mai.txt")),
            ]
        );
    }

    #[test]
    fn short_names_are_the_fewest_parts_no_other_source_shares() {
        // The definition, source against source, on names that share parts in many ways.
        fn by_definition(names: &[&str]) -> Vec<String> {
            // The stem written out again, not `stem()`: the last part of the path, without what
            // follows its last period.
            let stems: Vec<&str> = names
                .iter()
                .map(|n| {
                    let file = n.rsplit('/').next().unwrap();
                    file.rsplit_once('.').map_or(file, |(stem, _)| stem)
                })
                .collect();
            stems
                .iter()
                .enumerate()
                .map(|(i, stem)| {
                    (1..)
                        .map(|parts| stem_prefix(stem, parts))
                        .find(|p| {
                            p == stem
                                || stems.iter().enumerate().all(|(j, other)| {
                                    let parts = p.matches(['_', '-', '.', ' ']).count() + 1;
                                    j == i || stem_prefix(other, parts) != *p
                                })
                        })
                        .unwrap()
                        .to_string()
                })
                .collect()
        }
        let mut names: Vec<String> = Vec::new();
        for outlet in ["lemonde", "rfi", "le_monde", "rfi-afrique"] {
            for day in ["2024-04-10", "2024-04-11", "2024-05-01"] {
                for slug in ["niger", "niger-russie", "x"] {
                    names.push(format!("{outlet}-{day}-{slug}.txt"));
                }
            }
        }
        names.extend([
            "rfi.txt".to_string(),
            "a b.txt".to_string(),
            "a.txt".to_string(),
            "sub/a-b.txt".to_string(),
            "sub/rfi-2024.md".to_string(),
        ]);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let sources = sources(&names, &vec![None; names.len()]);
        let shorts: Vec<&str> = sources.iter().map(|s| s.short).collect();
        assert_eq!(shorts, by_definition(&names));
    }

    #[test]
    fn paths_are_rebuilt_from_the_corpus_folder_unless_opened_elsewhere() {
        let mut sources = Sources::new(Path::new("corpus/"));
        sources.push("a.txt", None, None);
        sources.push("sub/b.txt", None, None);
        sources.push("c\u{fffd}.txt", Some(Path::new("corpus/c\u{e9}.txt")), None);
        let paths: Vec<String> = sources.iter().map(|s| s.path()).collect();
        assert_eq!(
            paths,
            ["corpus/a.txt", "corpus/sub/b.txt", "corpus/c\u{e9}.txt"]
        );
        assert_eq!(sources.odd_paths.len(), 1);
    }

    #[test]
    fn metadata_is_kept_only_where_given() {
        let rfi = SourceMeta {
            outlet: Some("RFI".into()),
            ..SourceMeta::default()
        };
        let sources = sources(
            &["a.txt", "b.txt", "c.txt"],
            &[None, Some(SourceMeta::default()), Some(rfi.clone())],
        );
        assert_eq!(sources.metas.len(), 1);
        assert_eq!(*sources.get(2).meta, rfi);
        assert_eq!(*sources.get(0).meta, SourceMeta::default());
    }
}
