//! Reading a corpus of any size in constant memory: articles are read, extracted and dropped one
//! at a time, spread over the cores, and only what the report needs of each is kept.
//!
//! Work is split per article with rayon; results are collected in the listing's name order, so the
//! report is byte-identical whatever the number of threads.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::claims::ClaimSet;
use crate::compare::{self, ClaimResult, SourceResult};
use crate::corpus::{Listing, Skipped, SourceMeta, Unreadable};
use crate::diag::Diagnostic;
use crate::extract::scan::CueScan;
use crate::extract::{self, Document};
use crate::report::SourceInfo;

/// What is kept of a corpus once every article has been read.
pub struct Outcome {
    /// The readable articles, in name order, as the report lists them (not their text); their
    /// short names are left empty, to be chosen once every name is known.
    pub articles: Vec<SourceInfo>,
    /// Per claim (in file order), the verdict over the readable articles.
    pub results: Vec<ClaimResult>,
    /// Every file that could not be listed or read, sorted by name.
    pub skipped: Vec<Skipped>,
    /// Warnings, in the order `corpus::load` gives them.
    pub warnings: Vec<Diagnostic>,
}

/// One article's outcome: what it says about each claim, or why it could not be read.
type PerArticle = Result<(Vec<(usize, SourceResult)>, Option<Box<Diagnostic>>), Box<Unreadable>>;

/// Reads and checks every article of `listing` against `claims`. When no article could be read,
/// the files skipped, for the caller's `corpus-empty` error.
pub fn check_corpus(
    claims: &ClaimSet,
    scan: &CueScan,
    listing: Listing,
) -> Result<Outcome, Vec<Skipped>> {
    let progress = Progress::new(listing.files.len());
    let per_article: Vec<PerArticle> = (0..listing.files.len())
        .into_par_iter()
        .map(|index| {
            let outcome = listing.read(index).map(|(article, warning)| {
                // Only what an article says is kept: on a large corpus most articles are silent
                // on most claims. The source index is set once the readable articles are counted.
                let results: Vec<(usize, SourceResult)> = scan
                    .extract_article(claims, &article)
                    .into_iter()
                    .enumerate()
                    .filter(|(_, extraction)| !extraction.mentions.is_empty())
                    .map(|(claim, extraction)| (claim, compare::judge_source(0, extraction)))
                    .collect();
                (results, warning.map(Box::new))
            });
            progress.tick();
            outcome
        })
        .collect();
    progress.finish();

    // What is kept of each article until the end is its outcome (small when it says nothing):
    // its name, path and metadata come from the listing.
    let Listing {
        files,
        meta,
        mut skipped,
        mut warnings,
        unknown,
        ..
    } = listing;
    let mut articles = Vec::new();
    let mut per_claim: Vec<Vec<SourceResult>> = vec![Vec::new(); claims.claims.len()];
    let no_meta = Arc::new(SourceMeta::default());
    let meta: BTreeMap<String, Arc<SourceMeta>> = meta
        .into_iter()
        .map(|(name, m)| (name, Arc::new(m)))
        .collect();
    for ((name, path), outcome) in files.into_iter().zip(per_article) {
        match outcome {
            Ok((results, warning)) => {
                warnings.extend(warning.map(|w| *w));
                let source = articles.len();
                let meta = meta.get(&name).unwrap_or(&no_meta).clone();
                // Metadata is shared: one empty entry for the (usual) articles that
                // `sources.toml` does not name, so a large corpus holds no copy per article.
                articles.push(SourceInfo {
                    path: path.display().to_string(),
                    name,
                    short: String::new(),
                    meta,
                });
                for (claim, mut result) in results {
                    result.source = source;
                    per_claim[claim].push(result);
                }
            }
            Err(unreadable) => {
                skipped.push(unreadable.skipped);
                warnings.push(unreadable.warning);
            }
        }
    }
    skipped.sort_by(|a, b| a.name.cmp(&b.name));
    if articles.is_empty() {
        return Err(skipped);
    }
    warnings.extend(unknown);
    Ok(Outcome {
        articles,
        results: per_claim.into_iter().map(compare::compare).collect(),
        skipped,
        warnings,
    })
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
