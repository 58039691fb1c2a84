//! Step 3 of the pipeline: find, in one article, what it states for one claim.
//!
//! Each kind of value has its own file (`count`, `date`, `entity`), built on two grammars
//! (`quantity` for numbers, `date_grammar` for dates) and on the shared linking rules here. Every
//! kept value is a [`Mention`] that carries the exact quote, line and column it came from; with
//! tracing on, every candidate that was *not* kept is returned too with the reason, which is what
//! `claimcheck explain` shows.

mod count;
mod date;
pub mod date_grammar;
mod entity;
pub mod near_miss;
pub mod quantity;
pub mod scan;
pub mod words;

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, LazyLock, Mutex};

use chrono::NaiveDate;

use crate::claims::{Claim, ClaimKind, Story};
use crate::corpus::Article;
use crate::corpus::html::Markup;
use crate::text::{Folded, LineIndex, Sentence, sentences, sentences_of};

pub use date_grammar::CalendarDate;
pub use quantity::Quantity;

/// A normalized value a source states.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// How many: an interval with its qualifier.
    Count(Quantity),
    /// When: a date at day, month or year precision.
    Date(CalendarDate),
    /// Which: the canonical name, shared with the claim's value.
    Entity(Arc<str>),
}

impl Value {
    /// The value as reports print it: `~100`, `>1000`, `2024-04-10`, `Il-76`.
    pub fn display(&self) -> String {
        match self {
            Value::Count(q) => q.display(),
            Value::Date(d) => d.display(),
            Value::Entity(e) => e.to_string(),
        }
    }

    /// Whether two values can both be true. Counts: their intervals overlap. Dates: equal at their
    /// common precision. Entities: the same canonical value.
    pub fn compatible(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Count(a), Value::Count(b)) => a.overlaps(b),
            (Value::Date(a), Value::Date(b)) => a.compatible(b),
            (Value::Entity(a), Value::Entity(b)) => a == b,
            _ => false,
        }
    }

    /// Lower is more precise: an exact count before a range, a day before a month.
    pub fn vagueness(&self) -> f64 {
        match self {
            Value::Count(q) => q.high - q.low,
            Value::Date(CalendarDate::Day(_)) => 0.0,
            Value::Date(CalendarDate::Month { .. }) => 1.0,
            Value::Date(CalendarDate::Year(_)) => 2.0,
            Value::Entity(_) => 0.0,
        }
    }
}

/// What a mention says about a claim.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// A value.
    Value(Value),
    /// That the value is not known.
    Unspecified,
}

impl Reading {
    /// The value, unless it is that the value is not known.
    pub fn value(&self) -> Option<&Value> {
        match self {
            Reading::Value(v) => Some(v),
            Reading::Unspecified => None,
        }
    }

    /// `unspecified`, or the value as reports print it.
    pub fn display(&self) -> String {
        match self {
            Reading::Value(v) => v.display(),
            Reading::Unspecified => "unspecified".to_string(),
        }
    }
}

/// One place where an article states something about a claim, with everything needed to show it.
///
/// Mentions are kept until the report is written, tens of thousands on a large corpus, so they
/// are kept small: positions as `u32` (an article's text is under 1 GiB: at most
/// [`MAX_ARTICLE_BYTES`] are read, and decoding at most triples them), the quote and the note in
/// one allocation, the rule and an entity's name shared.
///
/// [`MAX_ARTICLE_BYTES`]: crate::corpus::MAX_ARTICLE_BYTES
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// What it says.
    pub reading: Reading,
    /// The rule that tied it to the claim, for `explain`: one of few texts (they name the
    /// claim's cues and values), each held once however many mentions it ties (see `rule`).
    pub rule: Arc<str>,
    /// The sentence it stands in, exactly as written (see [`Mention::quote`]), then the note when
    /// there is one (see [`Mention::note`]).
    text: Box<str>,
    /// Where the quote ends in `text`.
    quote_end: u32,
    /// Where the exact text of the value as written lies in the quote (see [`Mention::matched`]).
    matched_in_quote: (u32, u32),
    /// 1-based line of the value in the article.
    line: u32,
    /// 1-based character column of the value.
    column: u32,
    /// Byte offset in the article of the sentence it was read in: the quote may be only a window
    /// of a long sentence, and rules about the whole sentence look it up by this.
    sentence_start: u32,
}

impl Mention {
    /// The mention of `reading`, read by `rule` at `line` and `column`, whose text as written is
    /// bytes `matched` of `quote`, in the sentence starting at article byte `sentence_start`.
    pub fn new(
        reading: Reading,
        rule: Arc<str>,
        quote: String,
        matched: Range<usize>,
        (line, column): (usize, usize),
        sentence_start: usize,
    ) -> Mention {
        let small = |n: usize| u32::try_from(n).expect("an article is shorter than 4 GiB");
        Mention {
            reading,
            rule,
            quote_end: small(quote.len()),
            text: quote.into_boxed_str(),
            matched_in_quote: (small(matched.start), small(matched.end)),
            line: small(line),
            column: small(column),
            sentence_start: small(sentence_start),
        }
    }

    /// The same mention with note `note`; none, or an empty one, leaves it as it was.
    pub fn with_note(mut self, note: Option<&str>) -> Mention {
        if let Some(note) = note.filter(|note| !note.is_empty()) {
            let mut text = String::from(self.quote());
            text.push_str(note);
            self.text = text.into_boxed_str();
        }
        self
    }

    /// The sentence it stands in, exactly as written.
    pub fn quote(&self) -> &str {
        &self.text[..self.quote_end as usize]
    }

    /// The exact text of the value as written.
    pub fn matched(&self) -> &str {
        let (start, end) = self.matched_in_quote;
        &self.quote()[start as usize..end as usize]
    }

    /// Anything a reader should know (a weekday that contradicts its date, how a date was
    /// resolved).
    pub fn note(&self) -> Option<&str> {
        Some(&self.text[self.quote_end as usize..]).filter(|note| !note.is_empty())
    }

    /// 1-based line of the value in the article.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// 1-based character column of the value.
    pub fn column(&self) -> usize {
        self.column as usize
    }

    /// Byte offset in the article of the sentence it was read in.
    pub(crate) fn sentence_start(&self) -> usize {
        self.sentence_start as usize
    }
}

/// A candidate the rules considered and set aside, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    /// 1-based line of the candidate.
    pub line: usize,
    /// 1-based column of the candidate.
    pub column: usize,
    /// The candidate's text.
    pub matched: String,
    /// The sentence it stands in.
    pub quote: String,
    /// Why it was not kept.
    pub reason: String,
}

/// What one article says about one claim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// The values and unspecified phrases kept, in text order.
    pub mentions: Vec<Mention>,
    /// With tracing on: the candidates set aside.
    pub rejections: Vec<Rejection>,
}

/// The longest quote kept whole: longer sentences are quoted as a window around the value, so
/// that many values in one huge sentence do not each copy all of it.
pub const MAX_QUOTE_BYTES: usize = 1000;

/// An article split into sentences and indexed, shared by every claim.
pub struct Document<'a> {
    /// The article's text.
    pub text: &'a str,
    /// Its publication date, when known.
    pub published: Option<NaiveDate>,
    /// Its sentences, folded for matching.
    pub sentences: Vec<Sentence>,
    /// Line starts of the file as written: `text` itself, or the HTML source of `markup`.
    lines: LineIndex,
    /// For HTML: the source that lines and columns refer to.
    markup: Option<&'a Markup>,
    dates: OnceCell<Vec<date::DatedMention>>,
}

impl<'a> Document<'a> {
    /// Prepares an article for extraction.
    pub fn new(article: &'a Article) -> Document<'a> {
        Document::with_folded(article, &Folded::new(&article.text, 0))
    }

    /// Prepares an article for extraction, given its text folded whole
    /// (`Folded::new(&article.text, 0)`, which the cue scan has made already): its sentences'
    /// folded texts are cut from it.
    pub fn with_folded(article: &'a Article, folded: &Folded) -> Document<'a> {
        let text = article.text.as_str();
        let (lines, markup) = match &article.markup {
            Some(markup) => (LineIndex::new(&markup.source), Some(markup)),
            None => (LineIndex::new(text), None),
        };
        Document {
            text,
            published: article.meta.published,
            sentences: sentences_of(text, folded),
            lines,
            markup,
            dates: OnceCell::new(),
        }
    }

    /// Prepares a bare text (an example sentence in claims.toml).
    pub fn from_text(text: &'a str, published: Option<NaiveDate>) -> Document<'a> {
        Document {
            text,
            published,
            sentences: sentences(text),
            lines: LineIndex::new(text),
            markup: None,
            dates: OnceCell::new(),
        }
    }

    /// The same article reduced to sentences `keep` (indices into `sentences`), for extractors
    /// that can only find something there (see [`scan`]). Offsets, lines and quotes are unchanged.
    pub fn restricted(&self, keep: &[usize]) -> Document<'a> {
        Document {
            text: self.text,
            published: self.published,
            sentences: keep.iter().map(|&i| self.sentences[i].clone()).collect(),
            lines: self.lines.clone(),
            markup: self.markup,
            dates: OnceCell::new(),
        }
    }

    /// The mention for a value at article bytes `span` in sentence `sentence`.
    fn mention(
        &self,
        sentence: &Sentence,
        span: Range<usize>,
        reading: Reading,
        rule: String,
    ) -> Mention {
        let (quote, quote_start) = self.quote(sentence, &span);
        Mention::new(
            reading,
            self::rule(rule),
            quote,
            span.start - quote_start..span.end - quote_start,
            self.position(span.start),
            sentence.start,
        )
    }

    /// The rejection of a candidate at article bytes `span`.
    fn rejection(&self, sentence: &Sentence, span: Range<usize>, reason: String) -> Rejection {
        let (line, column) = self.position(span.start);
        Rejection {
            line,
            column,
            quote: self.quote(sentence, &span).0,
            matched: self.text[span].to_string(),
            reason,
        }
    }

    /// The sentence around article bytes `span`, exactly as written, and where it starts in the
    /// article; in a sentence longer than [`MAX_QUOTE_BYTES`] (a run-on line of a scrape), a
    /// window of it around the value.
    fn quote(&self, sentence: &Sentence, span: &Range<usize>) -> (String, usize) {
        let (mut start, mut end) = (sentence.start, sentence.end);
        if end - start > MAX_QUOTE_BYTES {
            start = span.start.saturating_sub(MAX_QUOTE_BYTES / 2).max(start);
            end = (span.end + MAX_QUOTE_BYTES / 2).min(end).max(span.end);
            while !self.text.is_char_boundary(start) {
                start -= 1;
            }
            while !self.text.is_char_boundary(end) {
                end += 1;
            }
        }
        (self.text[start..end].to_string(), start)
    }

    /// The 1-based line and column, in the file as written, of text byte `offset`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        match self.markup {
            Some(markup) => self
                .lines
                .position(&markup.source, markup.source_offset(offset)),
            None => self.lines.position(self.text, offset),
        }
    }

    /// Article bytes of folded range `range` of `sentence`.
    fn span(sentence: &Sentence, range: Range<usize>) -> Range<usize> {
        sentence.folded.original_offset(range.start)..sentence.folded.original_offset(range.end)
    }
}

/// The shared copy of rule text `text`. Mentions are kept until the report is written, tens of
/// thousands on a large corpus, and their rules are a few dozen texts: each is held once.
fn rule(text: String) -> Arc<str> {
    static RULES: LazyLock<Mutex<HashSet<Arc<str>>>> = LazyLock::new(Default::default);
    let mut rules = RULES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(shared) = rules.get(text.as_str()) {
        return Arc::clone(shared);
    }
    let shared: Arc<str> = Arc::from(text);
    rules.insert(Arc::clone(&shared));
    shared
}

/// Everything `doc` says about `claim`. With `trace`, the rejected candidates too.
pub fn extract(claim: &Claim, story: &Story, doc: &Document, trace: bool) -> Extraction {
    extract_in(claim, story, doc, trace, None)
}

/// [`extract`], looking for the claim's unspecified phrases only in the sentences
/// `unspecified_in` (indices into `doc.sentences`, in order) when given: those where the cue
/// filter found that the phrases may occur (see [`scan`]). No other sentence can hold one, and
/// a claim that reads a whole article (a date's) would otherwise run its phrase expression over
/// every sentence of it.
pub(crate) fn extract_in(
    claim: &Claim,
    story: &Story,
    doc: &Document,
    trace: bool,
    unspecified_in: Option<&[usize]>,
) -> Extraction {
    let mut out = Extraction::default();
    match &claim.kind {
        ClaimKind::Count { subject, max_gap } => {
            count::extract(doc, subject, *max_gap, trace, &mut out)
        }
        ClaimKind::Date {
            event,
            subject,
            exclude,
        } => date::extract(
            doc,
            story,
            event,
            subject.as_ref(),
            exclude.as_ref(),
            trace,
            &mut out,
        ),
        ClaimKind::Entity {
            values,
            context,
            similarity,
            exclude,
        } => entity::extract(
            doc,
            values,
            entity::Cues {
                context: context.as_ref(),
                exclude: exclude.as_ref(),
            },
            *similarity,
            trace,
            &mut out,
        ),
    }
    set_aside_unasserted(doc, trace, &mut out);
    patterns(claim, story, doc, &mut out);
    unspecified(claim, doc, trace, unspecified_in, &mut out);
    out.mentions.sort_by_key(|m| (m.line, m.column));
    out.mentions
        .dedup_by(|a, b| a.line == b.line && a.column == b.column && a.reading == b.reading);
    out
}

/// Phrases that make a sentence speak of something other than a fact as it stands, with what
/// they make of it: "Russia could send 200 instructors" and "Moscou prévoit d'envoyer 300
/// formateurs" state no number of instructors, and "an earlier version said 200" retracts one.
const NOT_ASSERTED: &[(&str, &[&str])] = &[
    (
        "a possibility",
        &[
            "could",
            "might",
            "pourrait",
            "pourraient",
            "devrait",
            "devraient",
            "expected to",
            "likely to",
            "susceptible",
        ],
    ),
    (
        "a plan",
        &[
            "plans to",
            "planning to",
            "intends to",
            "prevoit",
            "prevoient",
            "projette",
            "envisage",
            "compte envoyer",
        ],
    ),
    (
        "a retracted figure",
        &[
            "earlier version",
            "previous version",
            "initially reported",
            "previously reported",
            "erroneously",
            "version anterieure",
            "precedente version",
            "initialement",
            "par erreur",
        ],
    ),
];

/// The matcher for every phrase of [`NOT_ASSERTED`], and the category of each alternative.
fn not_asserted() -> &'static [(crate::claims::CueSet, &'static str)] {
    static SETS: std::sync::OnceLock<Vec<(crate::claims::CueSet, &'static str)>> =
        std::sync::OnceLock::new();
    SETS.get_or_init(|| {
        NOT_ASSERTED
            .iter()
            .map(|(what, phrases)| {
                let phrases: Vec<String> = phrases.iter().map(|p| p.to_string()).collect();
                let set =
                    crate::claims::CueSet::new(&phrases).expect("the built-in phrases compile");
                (set, *what)
            })
            .collect()
    })
}

/// What the sentence starting at article byte `start` speaks of instead of a fact, and the
/// phrase that says so.
fn unasserted_phrase(doc: &Document, start: usize) -> Option<(&'static str, String)> {
    let i = doc
        .sentences
        .binary_search_by_key(&start, |s| s.start)
        .ok()?;
    let folded = &doc.sentences[i].folded.text;
    not_asserted().iter().find_map(|(set, what)| {
        set.find_iter(folded)
            .next()
            .map(|c| (*what, folded[c.start..c.end].to_string()))
    })
}

/// Moves the values read in sentences that assert nothing to the rejections. The phrases are
/// looked for in the folded sentence the value was read in, which is already at hand.
fn set_aside_unasserted(doc: &Document, trace: bool, out: &mut Extraction) {
    // Each sentence is searched once, however many values it holds.
    let mut by_sentence: std::collections::HashMap<usize, Option<(&str, String)>> =
        std::collections::HashMap::new();
    let mut kept = Vec::with_capacity(out.mentions.len());
    for m in out.mentions.drain(..) {
        let found = match m.reading {
            Reading::Unspecified => None,
            Reading::Value(_) => by_sentence
                .entry(m.sentence_start())
                .or_insert_with(|| unasserted_phrase(doc, m.sentence_start()))
                .clone(),
        };
        match found {
            Some((what, word)) => {
                if trace {
                    out.rejections.push(Rejection {
                        line: m.line(),
                        column: m.column(),
                        matched: m.matched().to_string(),
                        quote: m.quote().to_string(),
                        reason: format!("the sentence speaks of {what} (`{word}`), not a fact"),
                    });
                }
            }
            None => kept.push(m),
        }
    }
    out.mentions = kept;
}

/// The claim's regular expressions: the `value` group read by the claim kind's own grammar.
fn patterns(claim: &Claim, story: &Story, doc: &Document, out: &mut Extraction) {
    for (n, regex) in claim.patterns.iter().enumerate() {
        for sentence in &doc.sentences {
            let text = &doc.text[sentence.start..sentence.end];
            for caps in regex.captures_iter(text) {
                let Some(group) = caps.name("value") else {
                    continue;
                };
                let Some(value) = read_value(&claim.kind, story, doc.published, group.as_str())
                else {
                    continue;
                };
                let span = sentence.start + group.start()..sentence.start + group.end();
                let rule = format!("pattern {} of claim `{}`", n + 1, claim.id);
                out.mentions
                    .push(doc.mention(sentence, span, Reading::Value(value), rule));
            }
        }
    }
}

/// Reads a whole piece of text as one value of the claim's kind.
pub fn read_value(
    kind: &ClaimKind,
    story: &Story,
    published: Option<NaiveDate>,
    text: &str,
) -> Option<Value> {
    let folded = crate::text::fold(text);
    match kind {
        ClaimKind::Count { .. } => quantity::parse_quantity(&folded).map(Value::Count),
        ClaimKind::Date { .. } => {
            let expr = date_grammar::find_dates(&folded).into_iter().next()?;
            let ctx = date::year_context(story, published, std::slice::from_ref(&expr));
            match date_grammar::resolve(&expr, &ctx) {
                Ok(d) => Some(Value::Date(d)),
                Err(date_grammar::DateProblem::WeekdayMismatch { date, .. }) => {
                    Some(Value::Date(CalendarDate::Day(date)))
                }
                Err(_) => None,
            }
        }
        ClaimKind::Entity {
            values, similarity, ..
        } => entity::lookup(values, &folded, *similarity).map(Value::Entity),
    }
}

/// Phrases saying the value is unknown, in a sentence that names the claim's subject or event;
/// looked for in the sentences `only` (indices into `doc.sentences`) when given, else in all.
fn unspecified(
    claim: &Claim,
    doc: &Document,
    trace: bool,
    only: Option<&[usize]>,
    out: &mut Extraction,
) {
    let Some(phrases) = &claim.unspecified else {
        return;
    };
    let ties = claim.kind.tie_cues();
    let searched: Box<dyn Iterator<Item = &Sentence>> = match only {
        Some(only) => Box::new(only.iter().map(|&i| &doc.sentences[i])),
        None => Box::new(doc.sentences.iter()),
    };
    for sentence in searched {
        let folded = &sentence.folded.text;
        for m in phrases.find_iter(folded) {
            let span = Document::span(sentence, m.start..m.end);
            let counts = matches!(claim.kind, ClaimKind::Count { .. });
            if let Some(part) = partitive_after(&folded[m.end..]).filter(|_| counts) {
                if trace {
                    let reason = format!(
                        "`{part}` after the phrase: it leaves open a part of the group, not its size"
                    );
                    out.rejections.push(doc.rejection(sentence, span, reason));
                }
                continue;
            }
            if ties.is_empty() || ties.iter().any(|t| t.is_match(folded)) {
                let rule = "unspecified phrase in a sentence that names the claim".to_string();
                out.mentions
                    .push(doc.mention(sentence, span, Reading::Unspecified, rule));
            } else if trace {
                let reason =
                    "unspecified phrase, but the sentence names neither the subject nor the event"
                        .into();
                out.rejections.push(doc.rejection(sentence, span, reason));
            }
        }
    }
}

/// The partitive that opens `rest` ("of the", "d'entre", "parmi"), if any: "did not say how many
/// of the instructors would stay" says nothing of how many came. Only counts have parts: "lieu de
/// déploiement des instructeurs" is the place of the whole group.
fn partitive_after(rest: &str) -> Option<&str> {
    let rest = rest.trim_start();
    [
        "of the ",
        "of these ",
        "of those ",
        "of them",
        "d'entre ",
        "parmi ",
        "among ",
    ]
    .iter()
    .find(|p| rest.starts_with(*p))
    .map(|p| p.trim_end())
}

/// Punctuation that ends a phrase: a number and its subject cannot stand on either side of one.
fn breaks_phrase(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '"' | '[' | ']'
    )
}

/// Punctuation that closes a clause, for [`Gaps::clause_distance`].
fn closes_clause(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '\u{2014}')
}

/// Punctuation that closes a clause: crossing one counts as this many words.
const CLAUSE_PENALTY: usize = 5;

/// The words and punctuation of one folded sentence, indexed so that counting them between two
/// offsets takes logarithmic time: a sentence with thousands of numbers stays linear to read.
pub(crate) struct Gaps {
    word_starts: Vec<usize>,
    word_ends: Vec<usize>,
    phrase_breaks: Vec<usize>,
    clause_breaks: Vec<usize>,
}

impl Gaps {
    /// Indexes `folded`.
    pub(crate) fn new(folded: &str) -> Gaps {
        let (word_starts, word_ends) = crate::text::words(folded)
            .map(|(start, w)| (start, start + w.len()))
            .unzip();
        let mut phrase_breaks = Vec::new();
        let mut clause_breaks = Vec::new();
        for (i, c) in folded.char_indices() {
            if breaks_phrase(c) {
                phrase_breaks.push(i);
            }
            if closes_clause(c) {
                clause_breaks.push(i);
            }
        }
        Gaps {
            word_starts,
            word_ends,
            phrase_breaks,
            clause_breaks,
        }
    }

    /// How many words overlap bytes `from..to` (a word cut by either end counts).
    fn words(&self, from: usize, to: usize) -> usize {
        if from >= to {
            return 0;
        }
        let started = self.word_starts.partition_point(|&s| s < to);
        let ended = self.word_ends.partition_point(|&e| e <= from);
        started.saturating_sub(ended)
    }

    /// How many of `positions` fall in `from..to`.
    fn count(positions: &[usize], from: usize, to: usize) -> usize {
        positions
            .partition_point(|&p| p < to)
            .saturating_sub(positions.partition_point(|&p| p < from))
    }

    /// Words between two folded offsets, and whether punctuation that ends a phrase stands there.
    fn gap(&self, from: usize, to: usize) -> (usize, bool) {
        let (from, to) = (from.min(to), to.max(from));
        (
            self.words(from, to),
            Gaps::count(&self.phrase_breaks, from, to) > 0,
        )
    }

    /// How far apart two folded ranges are, in words, a clause boundary counting as several words.
    fn clause_distance(&self, a: Range<usize>, b: Range<usize>) -> usize {
        let (from, to) = if a.end <= b.start {
            (a.end, b.start)
        } else {
            (b.end, a.start.max(b.end))
        };
        self.words(from, to) + CLAUSE_PENALTY * Gaps::count(&self.clause_breaks, from, to)
    }
}

#[cfg(test)]
mod gap_tests {
    use super::*;

    /// The direct count, as a reader would do it, that the index must agree with.
    fn direct(folded: &str, from: usize, to: usize) -> (usize, bool, usize) {
        let between = &folded[from..to];
        (
            crate::text::words(between).count(),
            between.chars().any(breaks_phrase),
            crate::text::words(between).count()
                + CLAUSE_PENALTY * between.chars().filter(|&c| closes_clause(c)).count(),
        )
    }

    #[test]
    fn index_counts_like_a_direct_scan() {
        let folded = "une centaine, d'instructeurs (russes) - 100 : arrives le 10 avril";
        let gaps = Gaps::new(folded);
        let bounds: Vec<usize> = (0..=folded.len()).collect();
        for &from in &bounds {
            for &to in &bounds[from..] {
                let (words, broken, distance) = direct(folded, from, to);
                assert_eq!(gaps.gap(from, to), (words, broken), "{from}..{to}");
                assert_eq!(
                    gaps.clause_distance(0..from, to..folded.len()),
                    distance,
                    "{from}..{to}"
                );
            }
        }
    }
}

#[cfg(test)]
mod mention_tests {
    use super::*;

    fn mention() -> Mention {
        let quote = "Il a atterri mercredi à Niamey.".to_string();
        let value = Reading::Value(Value::Entity("Niamey".into()));
        Mention::new(value, "rule".into(), quote, 25..31, (3, 26), 40)
    }

    /// The quote and the note share one allocation: each reads back as given, the value's text
    /// from the quote alone.
    #[test]
    fn quote_and_note_read_back_apart() {
        let plain = mention();
        assert_eq!(plain.quote(), "Il a atterri mercredi à Niamey.");
        assert_eq!(plain.matched(), "Niamey");
        assert_eq!(plain.note(), None);
        assert_eq!(
            (plain.line(), plain.column(), plain.sentence_start()),
            (3, 26, 40)
        );
        let noted = mention().with_note(Some("mercredi: 2024-04-10"));
        assert_eq!(noted.quote(), plain.quote());
        assert_eq!(noted.matched(), "Niamey");
        assert_eq!(noted.note(), Some("mercredi: 2024-04-10"));
        assert_eq!(mention().with_note(None), plain);
    }

    /// Tens of thousands of mentions are kept until the report is written on a large corpus:
    /// this guards their size against a field added without thought (it was 144 bytes).
    #[test]
    fn a_mention_stays_small() {
        assert!(std::mem::size_of::<Mention>() <= 104);
    }
}
