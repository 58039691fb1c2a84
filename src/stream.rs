//! Reading a corpus of any size in constant memory: articles are read, extracted and dropped one
//! at a time, spread over the cores, and only what the report needs of each is kept.
//!
//! Work is split per article with rayon; results are collected in the listing's name order, so the
//! report is byte-identical whatever the number of threads.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::claims::ClaimSet;
use crate::compare::{self, ClaimResult, SourceResult};
use crate::corpus::{Listing, Skipped, Unreadable};
use crate::diag::Diagnostic;
use crate::extract::near_miss::NearMiss;
use crate::extract::scan::{CueScan, Skimmed};
use crate::extract::{self, Document};
use crate::report::{NearMisses, Sources, listing_short_lengths};

/// What is kept of a corpus once every article has been read.
pub struct Outcome {
    /// The readable articles, in name order, as the report lists them (not their text).
    pub articles: Sources,
    /// Per claim (in file order), the verdict over the readable articles.
    pub results: Vec<ClaimResult>,
    /// Every file that could not be listed or read, sorted by name.
    pub skipped: Vec<Skipped>,
    /// Warnings, in the order `corpus::load` gives them.
    pub warnings: Vec<Diagnostic>,
    /// When asked for, the near misses of every claim.
    pub near_misses: Option<NearMisses>,
}

/// One article's outcome: what it says about each claim, or why it could not be read.
type PerArticle = Result<Said, Box<Unreadable>>;

/// What is kept of a readable article.
struct Said {
    /// `(claim index, what it says)` for the claims it speaks of.
    results: Vec<(usize, SourceResult)>,
    /// `(claim index, sentences)` for the claims it has near misses of (when asked for).
    near_misses: Vec<(usize, Vec<NearMiss>)>,
    /// A warning about reading it (re-encoded, for example).
    warning: Option<Box<Diagnostic>>,
}

/// Articles are read in batches of this many, and what a batch said is moved to the claims'
/// lists before the next is read. Held for the whole corpus until its last article was read,
/// the per-article outcomes (and the room collecting them took) were 2.4 MB of the peak at
/// 100,000 articles x 64 claims. A batch is tens of milliseconds of work: long enough to keep
/// every core busy.
const BATCH: usize = 4096;

/// Reads and checks every article of `listing` against `claims`, with the near misses of every
/// claim when `near_misses` is set. When no article could be read, the files skipped, for the
/// caller's `corpus-empty` error.
pub fn check_corpus(
    claims: &ClaimSet,
    scan: &CueScan,
    mut listing: Listing,
    near_misses: bool,
) -> Result<Outcome, Vec<Skipped>> {
    // Short names sort every name: worked out before the findings take their memory.
    let short_names = listing_short_lengths(&listing.names, &listing.meta);
    let progress = Progress::new(listing.len());
    let mut gathered = Gathered {
        skipped: std::mem::take(&mut listing.skipped),
        warnings: std::mem::take(&mut listing.warnings),
        unreadable: Vec::new(),
        per_claim: vec![Vec::new(); claims.claims.len()],
        near_misses: vec![Vec::new(); claims.claims.len()],
    };
    for start in (0..listing.len()).step_by(BATCH) {
        let batch = start..listing.len().min(start + BATCH);
        // Only the articles with something to keep come back, by index: on a large corpus most
        // are readable and silent on every claim, and cost nothing once read.
        let said: Vec<(usize, PerArticle)> = batch
            .into_par_iter()
            .map_init(Scratch::default, |scratch, index| {
                let outcome = read_article(claims, scan, &listing, index, near_misses, scratch);
                progress.tick();
                outcome.map(|outcome| (index, outcome))
            })
            .flatten_iter()
            .collect();
        for (index, outcome) in said {
            gathered.add(index, outcome);
        }
    }
    progress.finish();

    let Gathered {
        mut skipped,
        mut warnings,
        unreadable,
        per_claim,
        near_misses: misses_per_claim,
    } = gathered;
    let names = std::mem::take(&mut listing.names);
    let articles = Sources::from_listing(
        &listing.root,
        names,
        &unreadable,
        &listing.odd_paths,
        &listing.meta,
        short_names,
    );
    skipped.sort_by(|a, b| a.name.cmp(&b.name));
    if articles.is_empty() {
        return Err(skipped);
    }
    warnings.append(&mut listing.unknown);
    drop(listing);
    Ok(Outcome {
        articles,
        results: per_claim.into_iter().map(compare::compare).collect(),
        skipped,
        warnings,
        near_misses: near_misses.then_some(misses_per_claim),
    })
}

/// What the articles read so far said, gathered per claim, in listing order.
struct Gathered {
    /// Every file that could not be listed or read.
    skipped: Vec<Skipped>,
    /// The listing's warnings, then those of reading each article.
    warnings: Vec<Diagnostic>,
    /// The listing indexes of the articles that could not be read, in order: every other
    /// article is a source, numbered in name order.
    unreadable: Vec<usize>,
    /// Per claim, what each source that speaks of it says.
    per_claim: Vec<Vec<SourceResult>>,
    /// Per claim, the near misses of each source that has some.
    near_misses: NearMisses,
}

impl Gathered {
    /// Adds what article `index` of the listing said (articles come in listing order).
    fn add(&mut self, index: usize, outcome: PerArticle) {
        let kept = match outcome {
            Ok(kept) => kept,
            Err(unreadable) => {
                self.skipped.push(unreadable.skipped);
                self.warnings.push(unreadable.warning);
                self.unreadable.push(index);
                return;
            }
        };
        let source = index - self.unreadable.len();
        self.warnings.extend(kept.warning.map(|w| *w));
        for (claim, mut result) in kept.results {
            result.source = source;
            self.per_claim[claim].push(result);
        }
        for (claim, misses) in kept.near_misses {
            self.near_misses[claim].push((source, misses));
        }
    }
}

/// The buffers a worker reads articles into, kept from one article to the next: most articles
/// are read, skimmed and dropped, and one allocation of each per article cost more than
/// skimming a short one.
#[derive(Default)]
struct Scratch {
    /// The article's bytes as read.
    bytes: Vec<u8>,
    /// The room the cue filter's pass works in (see [`CueScan::skim`]).
    words: Vec<u8>,
}

impl Scratch {
    /// Buffers larger than this are not kept once used, so that one long article does not hold
    /// its room for the rest of the run.
    const KEPT_BYTES: usize = 256 << 10;

    /// Drops the buffers that grew past [`Scratch::KEPT_BYTES`].
    fn trim(&mut self) {
        for buffer in [&mut self.bytes, &mut self.words] {
            if buffer.capacity() > Scratch::KEPT_BYTES {
                *buffer = Vec::new();
            }
        }
    }
}

/// What article `index` of `listing` says about `claims` (with its near misses when
/// `near_misses` is set), or why it could not be read; `None` for a readable article with nothing
/// to keep (no value, no near miss, no warning), as most articles of a large corpus are.
fn read_article(
    claims: &ClaimSet,
    scan: &CueScan,
    listing: &Listing,
    index: usize,
    near_misses: bool,
    scratch: &mut Scratch,
) -> Option<PerArticle> {
    scratch.trim();
    let path = match listing.read_bytes(index, &mut scratch.bytes) {
        Ok(path) => path,
        Err(unreadable) => return Some(Err(unreadable)),
    };
    // Plain UTF-8 prose goes through the cue filter before it is decoded, and is decoded only if
    // some claim may find something in it.
    let skimmed = scan.skim(&path, &scratch.bytes, near_misses, &mut scratch.words);
    if skimmed.as_ref().is_some_and(Skimmed::finds_nothing) {
        return None;
    }
    // The bytes become the article's text: the next article is read into a new buffer.
    let bytes = std::mem::take(&mut scratch.bytes);
    let (article, warning) = match listing.decode(index, path, bytes) {
        Ok(read) => read,
        Err(unreadable) => return Some(Err(unreadable)),
    };
    let reading = match skimmed {
        Some(skimmed) => scan.read_skimmed(claims, &article, skimmed),
        None => scan.read_article(claims, &article, near_misses),
    };
    // The source index is set once the readable articles are counted.
    let results: Vec<(usize, SourceResult)> = (reading.extractions.into_iter())
        .map(|(claim, extraction)| (claim, compare::judge_source(0, extraction)))
        .collect();
    let said = Said {
        results,
        near_misses: reading.near_misses,
        warning: warning.map(Box::new),
    };
    let nothing = said.results.is_empty() && said.near_misses.is_empty() && said.warning.is_none();
    (!nothing).then_some(Ok(said))
}

/// What one article says about every claim, without the prefilter: the reference the prefiltered
/// path must agree with (used by tests and benchmarks).
pub fn extract_unfiltered(claims: &ClaimSet, doc: &Document) -> Vec<extract::Extraction> {
    claims
        .claims
        .iter()
        .map(|claim| extract::extract(claim, &claims.story, doc, false))
        .collect()
}

/// Runs longer than this get a progress bar (when standard error is a terminal).
const PROGRESS_AFTER_SECS: f64 = 1.0;

/// A progress bar on standard error, drawn only when it is a terminal and once the run has taken
/// more than about a second: short runs and redirected output stay clean.
struct Progress {
    bar: ProgressBar,
    started: Instant,
    terminal: bool,
    shown: std::sync::Once,
    done: AtomicUsize,
}

impl Progress {
    fn new(total: usize) -> Progress {
        use std::io::IsTerminal;
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} articles  eta {eta}")
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            started: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            shown: std::sync::Once::new(),
            done: AtomicUsize::new(0),
        }
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if !self.terminal {
            return;
        }
        if self.started.elapsed().as_secs_f64() > PROGRESS_AFTER_SECS {
            self.shown
                .call_once(|| self.bar.set_draw_target(ProgressDrawTarget::stderr()));
        }
        if done.is_multiple_of(64) {
            self.bar.set_position(done as u64);
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A worker keeps the room of the buffers it reads articles into, except a buffer that one
    /// long article made larger than [`Scratch::KEPT_BYTES`].
    #[test]
    fn scratch_keeps_the_room_of_usual_articles_only() {
        let mut scratch = Scratch {
            bytes: Vec::with_capacity(Scratch::KEPT_BYTES + 1),
            words: Vec::with_capacity(Scratch::KEPT_BYTES),
        };
        scratch.trim();
        assert_eq!(scratch.bytes.capacity(), 0);
        assert!(scratch.words.capacity() >= Scratch::KEPT_BYTES);
    }
}
