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
    /// The list of unspecified phrases, if any.
    unspecified: Option<usize>,
    /// Dates read the whole article (a weekday resolves against dates before it): once any
    /// sentence has an event cue, every sentence is needed.
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
    /// Compiles the cue lists of every claim of `claims`.
    pub fn new(claims: &ClaimSet) -> CueScan {
        let mut patterns: Vec<String> = Vec::new();
        let mut add = |cues: &CueSet| {
            patterns.push(cues.prefilter_pattern().to_string());
            patterns.len() - 1
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
                Need {
                    anchor,
                    unspecified: claim.unspecified.as_ref().map(&mut add),
                    whole_article_on_hit: matches!(claim.kind, ClaimKind::Date { .. }),
                    always_whole: !claim.patterns.is_empty()
                        || matches!(claim.kind, ClaimKind::Entity { context: None, .. }),
                }
            })
            .collect();
        let set = regex::RegexSetBuilder::new(&patterns)
            .size_limit(REGEX_SIZE_LIMIT * 8)
            .dfa_size_limit(REGEX_SIZE_LIMIT * 8)
            .build()
            .ok();
        CueScan { set, needs }
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
        claims
            .claims
            .iter()
            .zip(&self.needs)
            .map(
                |(claim, need)| match hits.map_or(Relevant::All, |h| need.relevant(h)) {
                    Relevant::None => Extraction::default(),
                    Relevant::All => extract(claim, &claims.story, doc, false),
                    Relevant::Some(keep) => {
                        extract(claim, &claims.story, &doc.restricted(&keep), false)
                    }
                },
            )
            .collect()
    }
}

impl Need {
    fn relevant(&self, hits: &[Vec<usize>]) -> Relevant {
        if self.always_whole || self.anchor.is_none() {
            return Relevant::All;
        }
        let has = |row: &Vec<usize>, list: Option<usize>| list.is_some_and(|l| row.contains(&l));
        if self.whole_article_on_hit && hits.iter().any(|row| has(row, self.anchor)) {
            return Relevant::All;
        }
        let keep: Vec<usize> = hits
            .iter()
            .enumerate()
            .filter(|(_, row)| has(row, self.anchor) || has(row, self.unspecified))
            .map(|(i, _)| i)
            .collect();
        if keep.is_empty() {
            Relevant::None
        } else if keep.len() == hits.len() {
            Relevant::All
        } else {
            Relevant::Some(keep)
        }
    }
}
