//! One multi-pattern pass per sentence finds every cue of every claim, so that each claim's
//! extractor (and its number and date grammars) runs only on the sentences where it can find
//! something, and not at all on the articles where it cannot.
//!
//! The pass uses each cue list's prefilter pattern (see [`CueSet::prefilter_pattern`]), which
//! matches wherever the list does. A sentence it keeps is then read by the claim's own extractor,
//! exactly as without the prefilter, so results are the same; only sentences where the extractor
//! could not have kept anything are left out. This holds for `check`; `explain` reports rejected
//! candidates everywhere and runs the extractors on every sentence.

use regex::RegexSet;

use super::{Document, Extraction, extract};
use crate::claims::cues::REGEX_SIZE_LIMIT;
use crate::claims::{ClaimKind, ClaimSet, CueSet};
use crate::corpus::Article;

/// Every cue list of a claim set, compiled into one matcher, with what each claim needs.
pub struct CueScan {
    /// `None` when the union is too large to compile: every claim then reads every sentence.
    set: Option<RegexSet>,
    needs: Vec<Need>,
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

/// Corpora smaller than this are read without the cue prefilter: on the bundled five articles,
/// compiling it took a fifth of the run.
pub const PREFILTER_MIN_ARTICLES: usize = 32;

impl CueScan {
    /// Compiles the cue lists of every claim of `claims`.
    pub fn new(claims: &ClaimSet) -> CueScan {
        CueScan::for_corpus(claims, usize::MAX)
    }

    /// The scan for a corpus of `articles` articles: below [`PREFILTER_MIN_ARTICLES`] the
    /// prefilter is not compiled, since compiling it costs more than it saves, and every
    /// extractor reads every sentence (the same results, tested in `tests/generated_corpus.rs`).
    pub fn for_corpus(claims: &ClaimSet, articles: usize) -> CueScan {
        let mut patterns: Vec<String> = Vec::new();
        // Claims often share a list (a story's subject): one pattern per distinct list keeps the
        // set's automaton smaller.
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        let mut add = |cues: &CueSet| {
            let pattern = cues.prefilter_pattern();
            *index.entry(pattern.to_string()).or_insert_with(|| {
                patterns.push(pattern.to_string());
                patterns.len() - 1
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
        let set = (articles >= PREFILTER_MIN_ARTICLES)
            .then(|| {
                regex::RegexSetBuilder::new(&patterns)
                    .size_limit(REGEX_SIZE_LIMIT * 8)
                    .dfa_size_limit(REGEX_SIZE_LIMIT * 8)
                    .build()
                    .ok()
            })
            .flatten();
        CueScan { set, needs }
    }

    /// What `article` says about each claim of `claims` (in order). An article in which no cue
    /// of any claim occurs is not even split into sentences: one pass over its folded text shows
    /// that every claim is silent there.
    pub fn extract_article(&self, claims: &ClaimSet, article: &Article) -> Vec<Extraction> {
        if !self.may_match(&article.text) {
            return vec![Extraction::default(); claims.claims.len()];
        }
        let doc = Document::new(article);
        let hits = self.hits(&doc);
        self.extract_all(claims, &doc, hits.as_deref())
    }

    /// Whether any claim could find something in `text`: its anchor cues (with a date's subject)
    /// or its unspecified phrases occur. Sentences are folded pieces of the folded article, so a
    /// cue that occurs in one occurs in the folded article.
    fn may_match(&self, text: &str) -> bool {
        let Some(set) = &self.set else {
            return true;
        };
        if self
            .needs
            .iter()
            .any(|n| n.always_whole || n.anchor.is_none())
        {
            return true;
        }
        let found = set.matches(&crate::text::fold(text));
        let has = |list: Option<usize>| list.is_some_and(|l| found.matched(l));
        self.needs.iter().any(|n| {
            (has(n.unspecified) && n.ties.iter().any(|&l| found.matched(l)))
                || (has(n.anchor) && n.with_anchor.is_none_or(|l| found.matched(l)))
        })
    }

    /// Which cue lists occur in each sentence of `doc`: one row per sentence.
    pub fn hits(&self, doc: &Document) -> Option<Vec<Vec<usize>>> {
        let set = self.set.as_ref()?;
        Some(
            doc.sentences
                .iter()
                .map(|s| set.matches(&s.folded.text).into_iter().collect())
                .collect(),
        )
    }

    /// What `doc` says about each claim of `claims` (in order), the extractors seeing only the
    /// sentences `hits` (from [`CueScan::hits`]) shows they need.
    pub fn extract_all(
        &self,
        claims: &ClaimSet,
        doc: &Document,
        hits: Option<&[Vec<usize>]>,
    ) -> Vec<Extraction> {
        let by_list = hits.map(|rows| self.sentences_by_list(rows));
        let relevant = |need: &Need| match (hits, &by_list) {
            (Some(rows), Some(by_list)) => need.relevant(rows.len(), by_list),
            _ => Relevant::All,
        };
        claims
            .claims
            .iter()
            .zip(&self.needs)
            .map(|(claim, need)| match relevant(need) {
                Relevant::None => Extraction::default(),
                Relevant::All => extract(claim, &claims.story, doc, false),
                Relevant::Some(keep) => {
                    extract(claim, &claims.story, &doc.restricted(&keep), false)
                }
            })
            .collect()
    }

    /// For each cue list, the sentences (in order) where it occurs.
    fn sentences_by_list(&self, rows: &[Vec<usize>]) -> Vec<Vec<usize>> {
        let lists = self.set.as_ref().map_or(0, RegexSet::len);
        let mut by_list = vec![Vec::new(); lists];
        for (sentence, row) in rows.iter().enumerate() {
            for &list in row {
                by_list[list].push(sentence);
            }
        }
        by_list
    }
}

impl Need {
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
