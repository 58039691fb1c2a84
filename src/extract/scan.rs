//! One pass over each article, and over each sentence of the articles it keeps, finds where the
//! cues of every claim may occur, so that each claim's extractor (and its number and date
//! grammars) runs only on the sentences where it can find something, and not at all on the
//! articles where it cannot.
//!
//! The pass is a [`WordFilter`]: it tells where each cue list *may* occur (every word its cues
//! need is there), never missing a place where it does. A sentence it keeps is then read by the
//! claim's own extractor, exactly as without the pass, so results are the same; only sentences
//! where the extractor could not have kept anything are left out. This holds for `check`;
//! `explain` reports rejected candidates everywhere and runs the extractors on every sentence.

use std::collections::HashMap;
use std::path::Path;

use super::words::{KeyHits, Lists, WordFilter};
use super::{Document, Extraction, extract_in, near_miss};
use crate::claims::{ClaimKind, ClaimSet, CueSet};
use crate::corpus::{Article, decode};
use crate::text::Folded;

/// Every cue list of a claim set, in one filter, with what each claim needs.
pub struct CueScan {
    filter: WordFilter,
    /// How many distinct lists the filter has.
    lists: usize,
    needs: Vec<Need>,
}

/// What [`CueScan::read_article`] finds in one article.
#[derive(Debug, Default)]
pub struct ArticleReading {
    /// `(claim index, extraction)` for each claim the article states a value for or leaves
    /// unspecified, in claim order.
    pub extractions: Vec<(usize, Extraction)>,
    /// When asked for, `(claim index, sentences)` for each claim with near misses in the article
    /// (see [`near_miss`]), in claim order.
    pub near_misses: Vec<(usize, Vec<near_miss::NearMiss>)>,
}

/// What one pass of the filter shows of an article (see [`CueScan::skim`]): where the keys are,
/// and what must be read.
#[derive(Debug)]
pub struct Skimmed {
    keys: KeyHits,
    /// Whether some claim may find a value or an unspecified phrase.
    extracts: bool,
    /// The claims whose near misses are to be traced (only when asked for).
    named: Vec<usize>,
}

impl Skimmed {
    /// Whether [`CueScan::read_article`] would find nothing (no value, no unspecified phrase, no
    /// near miss) in the article.
    pub fn finds_nothing(&self) -> bool {
        !self.extracts && self.named.is_empty()
    }
}

/// Which sentences a claim's extractor must see.
#[derive(Debug, Clone)]
struct Need {
    /// The list whose sentences the extractor reads: a count's subject, a date's event, an
    /// entity's context. `None` when every sentence can matter (an entity without context).
    anchor: Option<usize>,
    /// A list that must occur in the same sentence as `anchor` for the claim to keep a value
    /// there: a date's subject.
    with_anchor: Option<usize>,
    /// The list of unspecified phrases, if any.
    unspecified: Option<usize>,
    /// The lists that tie an unspecified phrase to the claim (see [`ClaimKind::tie_cues`]): the
    /// extractor keeps the phrase only in a sentence where one of them occurs too, so a sentence
    /// with the phrase alone ("did not say how many", about another story) is not needed.
    ties: Vec<usize>,
    /// Dates read the whole article (a weekday resolves against dates before it): once any
    /// sentence has an event cue (and the subject, when the claim names one), every sentence is
    /// needed.
    whole_article_on_hit: bool,
    /// The claim's own regular expressions are not cue lists: every sentence is needed.
    always_whole: bool,
}

/// The sentences of one article that matter to one claim.
enum Relevant {
    None,
    All,
    Some(Vec<usize>),
}

impl CueScan {
    /// The scan for every claim of `claims`.
    pub fn new<'a>(claims: &'a ClaimSet) -> CueScan {
        let mut lists: Vec<&CueSet> = Vec::new();
        // Claims often share a list (a story's subject): each distinct list is looked for once.
        let mut index: HashMap<&'a [String], usize> = HashMap::new();
        let mut add = |cues: &'a CueSet| {
            *index.entry(&cues.cues).or_insert_with(|| {
                lists.push(cues);
                lists.len() - 1
            })
        };
        let needs = claims
            .claims
            .iter()
            .map(|claim| {
                let anchor = match &claim.kind {
                    ClaimKind::Count { subject, .. } => Some(add(subject)),
                    ClaimKind::Date { event, .. } => Some(add(event)),
                    ClaimKind::Entity { context, .. } => context.as_ref().map(&mut add),
                };
                let with_anchor = match &claim.kind {
                    ClaimKind::Date {
                        subject: Some(subject),
                        ..
                    } => Some(add(subject)),
                    _ => None,
                };
                let ties = claim.kind.tie_cues().into_iter().map(&mut add).collect();
                Need {
                    anchor,
                    with_anchor,
                    ties,
                    unspecified: claim.unspecified.as_ref().map(&mut add),
                    whole_article_on_hit: matches!(claim.kind, ClaimKind::Date { .. }),
                    always_whole: !claim.patterns.is_empty()
                        || matches!(claim.kind, ClaimKind::Entity { context: None, .. }),
                }
            })
            .collect();
        CueScan {
            filter: WordFilter::new(&lists),
            lists: lists.len(),
            needs,
        }
    }

    /// What `article` says about the claims of `claims`: `(claim index, extraction)` for each
    /// claim it states a value for or leaves unspecified, in claim order; the claims it is silent
    /// on are left out. An article in which no cue of any claim occurs is not even split into
    /// sentences: one pass over its folded text shows that every claim is silent there.
    pub fn extract_article(
        &self,
        claims: &ClaimSet,
        article: &Article,
    ) -> Vec<(usize, Extraction)> {
        self.read_article(claims, article, false).extractions
    }

    /// What `article` says about the claims of `claims` and, with `near_misses`, the sentences
    /// that name a claim but gave it no value: one fold, one pass of the filter and one split
    /// into sentences serve both.
    pub fn read_article(
        &self,
        claims: &ClaimSet,
        article: &Article,
        near_misses: bool,
    ) -> ArticleReading {
        let keys = self.filter.key_hits_of_text(&article.text);
        let skimmed = self.plan(keys, near_misses);
        self.read_skimmed(claims, article, skimmed)
    }

    /// What one pass of the filter over the article read from `bytes` at `path` shows, before it
    /// is decoded, when decoding will give these very bytes as its text (UTF-8 prose, see
    /// [`decode::is_plain`]); `None` for any other article, which is decoded before the filter
    /// reads it. On a large corpus most articles matter to no claim (see
    /// [`Skimmed::finds_nothing`]) and are then never decoded: the pass checks on its way what
    /// decoding would have checked. `buffer` is the room the pass works in, kept from one
    /// article to the next.
    pub fn skim(
        &self,
        path: &Path,
        bytes: &[u8],
        near_misses: bool,
        buffer: &mut Vec<u8>,
    ) -> Option<Skimmed> {
        if !decode::is_plain(path, bytes) {
            return None;
        }
        let pass = self.filter.key_hits_of_bytes(bytes, buffer)?;
        (!pass.has_control && pass.has_word).then(|| self.plan(pass.hits, near_misses))
    }

    /// [`CueScan::read_article`] of an article already through the filter (see
    /// [`CueScan::skim`]).
    pub fn read_skimmed(
        &self,
        claims: &ClaimSet,
        article: &Article,
        skimmed: Skimmed,
    ) -> ArticleReading {
        // Most articles stop here: the fold that maps offsets back (and is cut into sentences) is
        // made only for the others, and gives the same text.
        if skimmed.finds_nothing() {
            return ArticleReading::default();
        }
        let Skimmed {
            keys,
            extracts,
            named,
        } = skimmed;
        let folded = Folded::new(&article.text, 0);
        let doc = Document::with_folded(article, &folded);
        let extractions = if extracts {
            let ranges = (doc.sentences.iter())
                .map(|s| folded.folded_offset(s.start)..folded.folded_offset(s.end));
            let hits: Vec<Vec<usize>> = (self.filter.lists_in_ranges(&keys, ranges).iter())
                .map(|lists| lists.iter().collect())
                .collect();
            self.extract_all(claims, &doc, &hits)
        } else {
            Vec::new()
        };
        let near_misses = named
            .into_iter()
            .map(|claim| {
                let misses = near_miss::near_misses(&claims.claims[claim], &claims.story, &doc);
                (claim, misses)
            })
            .filter(|(_, misses)| !misses.is_empty())
            .collect();
        ArticleReading {
            extractions,
            near_misses,
        }
    }

    /// What an article where the filter found `keys` (its one pass over the whole folded
    /// article) needs read: whether any claim can find something there, and (with
    /// `near_misses`) the claims it may hold near misses of.
    fn plan(&self, keys: KeyHits, near_misses: bool) -> Skimmed {
        let found = self.filter.lists_of(keys.keys());
        // A near miss holds the claim's naming cue, which is its anchor list here: only the claims
        // whose anchor may occur are traced.
        let named = match near_misses {
            true => (self.needs.iter().enumerate())
                .filter(|(_, need)| need.anchor.is_some_and(|list| found.contains(list)))
                .map(|(claim, _)| claim)
                .collect(),
            false => Vec::new(),
        };
        Skimmed {
            keys,
            extracts: self.may_match(&found),
            named,
        }
    }

    /// Whether any claim could find something in a text where the filter `found` these lists:
    /// its anchor cues (with a date's subject), or its unspecified phrases with a cue that ties
    /// them to the claim, may occur. Sentences are folded pieces of the folded article, so a cue
    /// that occurs in one occurs in the folded article.
    fn may_match(&self, found: &Lists) -> bool {
        self.needs
            .iter()
            .any(|n| n.always_whole || n.anchor.is_none() || n.may_keep(found))
    }

    /// Which cue lists may occur in each sentence of `doc`: one row per sentence, from a pass of
    /// the filter over each sentence. [`CueScan::extract_article`] gets the same rows from its one
    /// pass over the article (see [`WordFilter::lists_in_ranges`]); this is for a document given
    /// without that pass, and for the benchmarks.
    pub fn hits(&self, doc: &Document) -> Vec<Vec<usize>> {
        doc.sentences
            .iter()
            .map(|s| self.filter.lists_in(&s.folded.text).iter().collect())
            .collect()
    }

    /// What `doc` says about the claims of `claims`, as [`CueScan::extract_article`] gives it, the
    /// extractors seeing only the sentences `hits` (from [`CueScan::hits`]) shows they need.
    pub fn extract_all(
        &self,
        claims: &ClaimSet,
        doc: &Document,
        hits: &[Vec<usize>],
    ) -> Vec<(usize, Extraction)> {
        let by_list = self.sentences_by_list(hits);
        claims
            .claims
            .iter()
            .zip(&self.needs)
            .enumerate()
            .filter_map(|(index, (claim, need))| {
                let extraction = match need.relevant(hits.len(), &by_list) {
                    Relevant::None => return None,
                    // The unspecified phrases are looked for only where they may occur.
                    Relevant::All => {
                        let unspecified_in = need.unspecified.map(|l| by_list[l].as_slice());
                        extract_in(claim, &claims.story, doc, false, unspecified_in)
                    }
                    Relevant::Some(keep) => {
                        // In the restricted document, a sentence's index is its rank in `keep`.
                        let unspecified_in: Option<Vec<usize>> = need.unspecified.map(|l| {
                            (keep.iter().enumerate())
                                .filter(|(_, s)| by_list[l].binary_search(s).is_ok())
                                .map(|(rank, _)| rank)
                                .collect()
                        });
                        let restricted = doc.restricted(&keep);
                        let only = unspecified_in.as_deref();
                        extract_in(claim, &claims.story, &restricted, false, only)
                    }
                };
                (!extraction.mentions.is_empty()).then_some((index, extraction))
            })
            .collect()
    }

    /// For each cue list, the sentences (in order) where it may occur.
    fn sentences_by_list(&self, rows: &[Vec<usize>]) -> Vec<Vec<usize>> {
        let mut by_list = vec![Vec::new(); self.lists];
        for (sentence, row) in rows.iter().enumerate() {
            for &list in row {
                by_list[list].push(sentence);
            }
        }
        by_list
    }
}

impl Need {
    /// Whether the claim can keep anything in a text where `found` may occur: its anchor (with
    /// the list tied to it, if any), or its unspecified phrases with a list that ties them to it.
    fn may_keep(&self, found: &Lists) -> bool {
        let has = |list: Option<usize>| list.is_some_and(|l| found.contains(l));
        (has(self.unspecified) && self.ties.iter().any(|&l| found.contains(l)))
            || (has(self.anchor) && self.with_anchor.is_none_or(|l| found.contains(l)))
    }

    /// Which of an article's `sentences` the claim needs, from where each cue list occurs.
    fn relevant(&self, sentences: usize, by_list: &[Vec<usize>]) -> Relevant {
        if self.always_whole || self.anchor.is_none() {
            return Relevant::All;
        }
        let of = |list: Option<usize>| list.map_or(&[][..], |l| by_list[l].as_slice());
        let (anchor, unspecified) = (of(self.anchor), of(self.unspecified));
        let tied = |s: &usize| {
            self.ties
                .iter()
                .any(|&l| by_list[l].binary_search(s).is_ok())
        };
        // Only sentences with the anchor and, when the claim names one, the list tied to it can
        // hold a value: a date's event cue without its subject ("arrived", said of another story)
        // gives the extractor nothing to keep.
        let anchored: Vec<usize> = match self.with_anchor {
            None => anchor.to_vec(),
            Some(l) => anchor
                .iter()
                .copied()
                .filter(|s| by_list[l].binary_search(s).is_ok())
                .collect(),
        };
        if self.whole_article_on_hit && !anchored.is_empty() {
            return Relevant::All;
        }
        let mut keep: Vec<usize> = anchored
            .into_iter()
            .chain(unspecified.iter().copied().filter(tied))
            .collect();
        keep.sort_unstable();
        keep.dedup();
        if keep.is_empty() {
            Relevant::None
        } else if keep.len() == sentences {
            Relevant::All
        } else {
            Relevant::Some(keep)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::decode::decode_article;

    /// The bundled claims and their scan.
    fn bundled() -> (ClaimSet, CueScan) {
        let claims =
            crate::claims::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("claims.toml"))
                .expect("the bundled claims load");
        let scan = CueScan::new(&claims);
        (claims, scan)
    }

    /// A claim that reads a whole article (a date, once its event is named) looks for its
    /// unspecified phrases only in the sentences where the filter says they may occur, and
    /// finds every one that running its extractor on every sentence finds, in a sentence of its
    /// own or beside a value.
    #[test]
    fn whole_article_claims_find_every_unspecified_phrase() {
        let (claims, scan) = bundled();
        let text = "The Russian plane landed in Niamey on April 10, 2024.\n\
            Officials did not say when the instructors would leave.\n\
            The weather was mild and the market was busy.\n\
            The embassy did not say when the aircraft would fly back.\n\
            L'avion est arrivé mercredi ; la date de son départ n'a pas été précisée.\n";
        let article = Article {
            name: "a.txt".into(),
            path: "a.txt".into(),
            text: text.into(),
            meta: Default::default(),
            markup: None,
        };
        let fast = scan.extract_article(&claims, &article);
        let doc = Document::new(&article);
        let full: Vec<(usize, Extraction)> = (claims.claims.iter().enumerate())
            .map(|(i, claim)| (i, super::super::extract(claim, &claims.story, &doc, false)))
            .filter(|(_, extraction)| !extraction.mentions.is_empty())
            .collect();
        assert_eq!(fast, full);
        let date = claims
            .claims
            .iter()
            .position(|c| c.id == "arrival_date")
            .unwrap();
        let (_, arrival) = fast
            .iter()
            .find(|(i, _)| *i == date)
            .expect("the date claim");
        let unspecified = (arrival.mentions.iter())
            .filter(|m| m.reading == super::super::Reading::Unspecified)
            .count();
        assert_eq!(unspecified, 3, "{:#?}", arrival.mentions);
    }

    /// `skim` gives hits only for bytes `decode_article` takes as they are (the text the same
    /// bytes, no warning, no markup), and those hits are the filter's on the decoded text: what
    /// leaving an article undecoded rests on. Texts of the bundled claims' cue words among
    /// characters of every kind, some with a byte changed, cut or added (bad UTF-8, controls,
    /// NUL, byte-order marks), under names with and without an HTML extension.
    #[test]
    fn skim_agrees_with_decoding() {
        let (_, scan) = bundled();
        const PIECES: &[&str] = &[
            "instructeurs ",
            "Il-76 ",
            "mercredi ",
            "100 ",
            "Niamey",
            " ",
            "é",
            "’",
            "\u{a0}",
            ".",
            "\n",
            "\t",
            "𝔸",
        ];
        // Rarer: each refuses or changes the article, or makes it HTML-like.
        const ODD: &[&str] = &[
            "\u{85}", "\u{1}", "\u{7f}", "\u{0}", "\r", "\u{b}", "\u{c}", "\u{feff}", "<p>",
        ];
        const BYTES: &[u8] = &[
            0x00, 0x01, 0x7F, 0x80, 0x9F, 0xC2, 0xE2, 0xEF, 0xBB, 0xBF, 0xFE, 0xFF,
        ];
        const NAMES: &[&str] = &["a.txt", "a.md", "a.html", "a.HTM"];
        let mut next = crate::testing::sequence(0x5c1_3a9d);
        let mut read = 0;
        let mut buffer = Vec::new();
        for _ in 0..10_000 {
            let text: String = (0..next(12))
                .map(|_| match next(8) {
                    0 => ODD[next(ODD.len())],
                    _ => PIECES[next(PIECES.len())],
                })
                .collect();
            let mut bytes = text.into_bytes();
            for _ in 0..next(3) {
                let byte = BYTES[next(BYTES.len())];
                match (next(3), bytes.len()) {
                    (_, 0) | (0, _) => bytes.insert(0, byte),
                    (1, len) => bytes[next(len)] = byte,
                    (_, len) => bytes.truncate(next(len)),
                }
            }
            let path = Path::new(NAMES[next(NAMES.len())]);
            let Some(skimmed) = scan.skim(path, &bytes, false, &mut buffer) else {
                continue;
            };
            read += 1;
            let decoded = decode_article(path, bytes.clone())
                .unwrap_or_else(|reason| panic!("{bytes:?} skimmed, refused: {reason}"));
            assert_eq!(decoded.text.as_bytes(), &bytes[..], "{bytes:?}");
            assert_eq!(decoded.reencoded_from, None, "{bytes:?}");
            assert!(decoded.markup.is_none(), "{bytes:?}");
            let from_text = scan.filter.key_hits_of_text(&decoded.text);
            assert_eq!(skimmed.keys, from_text, "{bytes:?}");
        }
        assert!(read > 800, "only {read} skimmed");
    }
}
