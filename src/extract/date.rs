//! Dates: a date counts for a claim when it stands in the same sentence as the event dated, and is
//! that event's nearest date, not an announcement's.
//!
//! Dates are read once per article, in order, because each can depend on the ones before it: a
//! bare weekday ("dès mercredi") is the most recent such day on or before the nearest full date
//! written before it (else the publication date), as a news reader takes it; a day and month
//! without a year take their year from the publication date, the story period or the article's
//! other years (see `date_grammar::resolve`).

use super::date_grammar::{self, CalendarDate, DateExpr, DateProblem, YearContext};
use super::{Document, Extraction, Gaps, Reading, Value};
use crate::claims::cues::CueMatch;
use crate::claims::{CueSet, Story};

/// A date written in the article, resolved as far as it can be.
#[derive(Debug, Clone)]
pub struct DatedMention {
    /// Index of its sentence in `Document::sentences`.
    sentence: usize,
    /// Folded byte range in that sentence.
    start: usize,
    end: usize,
    /// The date, or why it has none.
    resolved: Result<CalendarDate, String>,
    /// What a reader should know about how it was resolved.
    note: Option<String>,
}

/// How many items on either side of a position [`around`] returns.
const NEIGHBOURS: usize = 3;

/// The indexes of the few items of `items` (sorted by start) on either side of position `at`.
/// Distance in words and clauses only grows with distance in the text, so the item nearest to
/// something is among these: finding it does not need to look at every item of a long sentence.
fn around<T>(items: &[T], start_of: impl Fn(&T) -> usize, at: usize) -> std::ops::Range<usize> {
    let k = items.partition_point(|i| start_of(i) < at);
    k.saturating_sub(NEIGHBOURS)..(k + NEIGHBOURS).min(items.len())
}

/// What gives years to the dates of an article.
pub fn year_context(
    story: &Story,
    published: Option<chrono::NaiveDate>,
    exprs: &[DateExpr],
) -> YearContext {
    let mut article_years: Vec<i32> = exprs.iter().filter_map(|e| e.year).collect();
    article_years.sort_unstable();
    article_years.dedup();
    YearContext {
        published,
        period: story.period,
        article_years,
    }
}

/// Reads and resolves every date of the article, in order.
fn read_dates(doc: &Document, story: &Story) -> Vec<DatedMention> {
    let found: Vec<(usize, DateExpr)> = doc
        .sentences
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            date_grammar::find_dates(&s.folded.text)
                .into_iter()
                .map(move |e| (i, e))
        })
        .collect();
    let exprs: Vec<DateExpr> = found.iter().map(|(_, e)| e.clone()).collect();
    let ctx = year_context(story, doc.published, &exprs);
    let mut anchor: Option<(chrono::NaiveDate, String)> = None;
    let mut out = Vec::with_capacity(found.len());
    for (sentence, expr) in found {
        let written = &doc.sentences[sentence].folded.text[expr.start..expr.end];
        let (resolved, note) = if let (true, Some(weekday)) =
            (expr.is_relative_weekday(), expr.weekday)
        {
            match (&anchor, doc.published) {
                (Some((date, text)), _) => {
                    let day = date_grammar::previous_weekday(*date, weekday);
                    (
                        Ok(CalendarDate::Day(day)),
                        Some(format!(
                            "`{written}` read as the last one on or before `{text}` ({date})"
                        )),
                    )
                }
                (None, Some(published)) => {
                    let day = date_grammar::previous_weekday(published, weekday);
                    (
                        Ok(CalendarDate::Day(day)),
                        Some(format!(
                            "`{written}` read as the last one on or before publication ({published})"
                        )),
                    )
                }
                (None, None) => (
                    Err(format!(
                        "`{written}` has no full date before it and the article no publication date"
                    )),
                    None,
                ),
            }
        } else {
            match date_grammar::resolve(&expr, &ctx) {
                Ok(date) => (Ok(date), None),
                Err(DateProblem::WeekdayMismatch {
                    date,
                    written: w,
                    actual,
                }) => (
                    Ok(CalendarDate::Day(date)),
                    Some(format!("the text says {w:?} but {date} was a {actual:?}")),
                ),
                Err(DateProblem::NoSuchDay { year, month, day }) => (
                    Err(format!("there is no day {day} in month {month} of {year}")),
                    None,
                ),
                Err(DateProblem::NoYear) => (
                    Err(
                        "no year: no publication date, story period or other year in the article"
                            .into(),
                    ),
                    None,
                ),
            }
        };
        if let Ok(CalendarDate::Day(day)) = resolved
            && !expr.is_relative_weekday()
        {
            anchor = Some((day, written.to_string()));
        }
        out.push(DatedMention {
            sentence,
            start: expr.start,
            end: expr.end,
            resolved,
            note,
        });
    }
    out
}

/// Finds the dates of `event` in `doc`.
pub fn extract(
    doc: &Document,
    story: &Story,
    event: &CueSet,
    subject: Option<&CueSet>,
    exclude: Option<&CueSet>,
    trace: bool,
    out: &mut Extraction,
) {
    let dates = doc.dates.get_or_init(|| read_dates(doc, story));
    let mut by_sentence: Vec<Vec<&DatedMention>> = vec![Vec::new(); doc.sentences.len()];
    for d in dates {
        if let Some(list) = by_sentence.get_mut(d.sentence) {
            list.push(d);
        }
    }
    for (sentence, in_sentence) in doc.sentences.iter().zip(by_sentence) {
        if in_sentence.is_empty() {
            continue;
        }
        let folded = &sentence.folded.text;
        let events: Vec<_> = event.find_iter(folded).collect();
        let reject = |out: &mut Extraction, d: &DatedMention, reason: String| {
            if trace {
                out.rejections.push(doc.rejection(
                    sentence,
                    Document::span(sentence, d.start..d.end),
                    reason,
                ));
            }
        };
        if events.is_empty() {
            for d in &in_sentence {
                reject(out, d, "no event cue in this sentence".into());
            }
            continue;
        }
        if let Some(subject) = subject
            && !subject.is_match(folded)
        {
            for d in &in_sentence {
                reject(
                    out,
                    d,
                    "the sentence has an event cue but does not name the claim's subject".into(),
                );
            }
            continue;
        }
        let excludes: Vec<_> = exclude
            .map(|x| x.find_iter(folded).collect())
            .unwrap_or_default();
        let gaps = Gaps::new(folded);
        let far =
            |d: &DatedMention, c: &CueMatch| gaps.clause_distance(d.start..d.end, c.start..c.end);
        // A date whose nearest cue is an exclude cue belongs to the announcement, not the event.
        let mut candidates = Vec::new();
        for d in in_sentence {
            let to_event = events[around(&events, |e| e.start, d.start)]
                .iter()
                .map(|e| far(d, e))
                .min()
                .unwrap_or(usize::MAX);
            let nearer_exclude = excludes[around(&excludes, |x| x.start, d.start)]
                .iter()
                .filter(|x| far(d, x) < to_event)
                .min_by_key(|x| (far(d, x), x.start));
            match nearer_exclude {
                Some(x) => reject(
                    out,
                    d,
                    format!(
                        "date belongs to `{}` (an exclude cue), nearer than the event",
                        &folded[x.start..x.end]
                    ),
                ),
                None => candidates.push(d),
            }
        }
        // Each event cue dates only its nearest remaining date.
        let mut cues_of: Vec<Vec<&CueMatch>> = vec![Vec::new(); candidates.len()];
        for e in &events {
            let window = around(&candidates, |o| o.start, e.start);
            let nearest = window
                .clone()
                .min_by_key(|&k| (far(candidates[k], e), candidates[k].start));
            if let Some(k) = nearest {
                cues_of[k].push(e);
            }
        }
        for (d, cues) in candidates.iter().zip(cues_of) {
            let cue = cues.into_iter().min_by_key(|e| far(d, e));
            let Some(cue) = cue else {
                reject(out, d, "another date stands nearer to the event".into());
                continue;
            };
            let cue_text = &folded[cue.start..cue.end];
            match &d.resolved {
                Err(reason) => reject(out, d, reason.clone()),
                Ok(date) => {
                    let span = Document::span(sentence, d.start..d.end);
                    let rule = format!("date nearest to event `{cue_text}` in the same sentence");
                    let mut mention =
                        doc.mention(sentence, span, Reading::Value(Value::Date(*date)), rule);
                    mention.note = d.note.clone();
                    out.mentions.push(mention);
                }
            }
        }
    }
}
