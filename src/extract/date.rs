//! Dates: a date counts for a claim when it stands in the same sentence as the event dated, and is
//! that event's nearest date, not an announcement's.
//!
//! Dates are read once per article, in order, because each can depend on the ones before it: a
//! bare weekday ("dès mercredi") is the most recent such day on or before the nearest full date
//! written before it (else the publication date), as a news reader takes it; a day and month
//! without a year take their year from the publication date, the story period or the article's
//! other years (see `date_grammar::resolve`).

use super::date_grammar::{self, CalendarDate, DateExpr, DateProblem, YearContext};
use super::words::WordFilter;
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

/// Phrases that name a day by its distance from another: "la veille" is the day before the date
/// written last, "hier" the day before publication.
const RELATIVE_DAYS: &[(&str, i64, Base)] = &[
    ("la veille", -1, Base::LastDate),
    ("le lendemain", 1, Base::LastDate),
    ("the previous day", -1, Base::LastDate),
    ("the day before", -1, Base::LastDate),
    ("the next day", 1, Base::LastDate),
    ("the following day", 1, Base::LastDate),
    ("hier", -1, Base::Publication),
    ("yesterday", -1, Base::Publication),
    ("avant-hier", -2, Base::Publication),
];

/// What a relative day counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    LastDate,
    Publication,
}

/// A date as written: a calendar expression, or a day counted from another.
enum Written {
    Expr(DateExpr),
    Offset {
        start: usize,
        end: usize,
        days: i64,
        base: Base,
    },
}

impl Written {
    fn range(&self) -> (usize, usize) {
        match self {
            Written::Expr(e) => (e.start, e.end),
            Written::Offset { start, end, .. } => (*start, *end),
        }
    }
}

/// Whether a folded sentence may hold a date: it has an ASCII digit, or a word a date can start
/// with or a relative day is made of. Most sentences have neither (on a generated corpus, 99 in
/// 100), and this costs a fraction of reading them with the date grammar.
fn may_hold_date(folded: &str) -> bool {
    static WORDS: std::sync::LazyLock<WordFilter> = std::sync::LazyLock::new(|| {
        // A relative day needs each of its words: its longest is enough to look for.
        let relative = RELATIVE_DAYS.iter().map(|(phrase, _, _)| {
            phrase
                .split(|c: char| !c.is_ascii_alphanumeric())
                .max_by_key(|word| word.len())
                .expect("a phrase has a word")
        });
        WordFilter::any_word(date_grammar::date_start_words().chain(relative))
    });
    folded.bytes().any(|b| b.is_ascii_digit()) || WORDS.has_any_word(folded)
}

/// Every date written in a folded sentence, in order.
fn written_dates(folded: &str) -> Vec<Written> {
    if may_hold_date(folded) {
        read_written_dates(folded)
    } else {
        Vec::new()
    }
}

/// [`written_dates`], read with the date grammar whether or not the sentence may hold a date.
fn read_written_dates(folded: &str) -> Vec<Written> {
    static PHRASES: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        let alternatives: Vec<String> = RELATIVE_DAYS
            .iter()
            .map(|(p, _, _)| regex::escape(p))
            .collect();
        regex::Regex::new(&format!(r"\b(?:{})\b", alternatives.join("|")))
            .expect("the phrases compile")
    });
    let mut out: Vec<Written> = date_grammar::find_dates(folded)
        .into_iter()
        .map(Written::Expr)
        .collect();
    for m in phrases.find_iter(folded) {
        // "la veille du 11 avril" is a relation to the date that follows, not a date of its own.
        let followed = folded[m.end()..].trim_start();
        if followed.starts_with("du ") || followed.starts_with("de ") || followed.starts_with("of ")
        {
            continue;
        }
        let (_, days, base) = RELATIVE_DAYS
            .iter()
            .find(|(p, _, _)| *p == m.as_str())
            .expect("a listed phrase");
        if !out
            .iter()
            .any(|w| w.range().0 < m.end() && m.start() < w.range().1)
        {
            out.push(Written::Offset {
                start: m.start(),
                end: m.end(),
                days: *days,
                base: *base,
            });
        }
    }
    out.sort_by_key(|w| w.range());
    out
}

/// Reads and resolves every date of the article, in order.
fn read_dates(doc: &Document, story: &Story) -> Vec<DatedMention> {
    let found: Vec<(usize, Written)> = doc
        .sentences
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            written_dates(&s.folded.text)
                .into_iter()
                .map(move |w| (i, w))
        })
        .collect();
    let exprs: Vec<DateExpr> = found
        .iter()
        .filter_map(|(_, w)| match w {
            Written::Expr(e) => Some(e.clone()),
            Written::Offset { .. } => None,
        })
        .collect();
    let ctx = year_context(story, doc.published, &exprs);
    // The last full date written (anchors weekdays) and the last day read at all (anchors "la veille").
    let mut anchor: Option<(chrono::NaiveDate, String)> = None;
    let mut last_day: Option<(chrono::NaiveDate, String)> = None;
    let mut out = Vec::with_capacity(found.len());
    for (sentence, written_date) in found {
        let (start, end) = written_date.range();
        let written = &doc.text[Document::span(&doc.sentences[sentence], start..end)];
        let (resolved, note) = match &written_date {
            Written::Offset { days, base, .. } => {
                let from = match base {
                    Base::LastDate => last_day.clone(),
                    Base::Publication => doc.published.map(|d| (d, "publication".to_string())),
                };
                match from {
                    Some((date, text)) => {
                        let day = date + chrono::Duration::days(*days);
                        (
                            Ok(CalendarDate::Day(day)),
                            Some(format!("`{written}` counted from `{text}` ({date})")),
                        )
                    }
                    None => (Err(format!("`{written}` has no date to count from")), None),
                }
            }
            Written::Expr(expr) => resolve_expr(expr, written, &ctx, &anchor, doc.published),
        };
        if let Ok(CalendarDate::Day(day)) = resolved {
            if matches!(&written_date, Written::Expr(e) if !e.is_relative_weekday()) {
                anchor = Some((day, written.to_string()));
            }
            last_day = Some((day, written.to_string()));
        }
        out.push(DatedMention {
            sentence,
            start,
            end,
            resolved,
            note,
        });
    }
    out
}

/// Resolves one calendar expression: a bare weekday against the anchor, anything else by the
/// grammar's year rules.
fn resolve_expr(
    expr: &DateExpr,
    written: &str,
    ctx: &YearContext,
    anchor: &Option<(chrono::NaiveDate, String)>,
    published: Option<chrono::NaiveDate>,
) -> (Result<CalendarDate, String>, Option<String>) {
    if let (true, Some(weekday)) = (expr.is_relative_weekday(), expr.weekday) {
        return match (anchor, published) {
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
        };
    }
    match date_grammar::resolve(expr, ctx) {
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
            Err("no year: no publication date, story period or other year in the article".into()),
            None,
        ),
    }
}

/// Words that place an event relative to a date rather than on it.
const RELATIONS: &[&str] = &[
    "after",
    "before",
    "since",
    "until",
    "following",
    "prior",
    "ahead",
    "apres",
    "avant",
    "depuis",
    "jusqu",
    "suite",
    "lendemain",
    "veille",
];

/// The relation word among the three words just before folded offset `start`, in the same clause.
fn relation_before(folded: &str, start: usize) -> Option<&str> {
    // Three words never need more than this many bytes; bounding it keeps a sentence of
    // thousands of dates linear.
    const WINDOW: usize = 80;
    let mut from = start.saturating_sub(WINDOW);
    while !folded.is_char_boundary(from) {
        from -= 1;
    }
    let before = &folded[from..start];
    let clause = before
        .rsplit([',', ';', ':', '(', ')', '.'])
        .next()
        .unwrap_or(before);
    let words: Vec<&str> = crate::text::words(clause).map(|(_, w)| w).collect();
    words
        .iter()
        .rev()
        .take(3)
        .copied()
        .find(|w| RELATIONS.contains(w))
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
        // "a week after the March 26 call": the date places the event relative to another one.
        let (in_sentence, relative): (Vec<&DatedMention>, Vec<&DatedMention>) = in_sentence
            .into_iter()
            .partition(|d| relation_before(folded, d.start).is_none());
        for d in relative {
            let word = relation_before(folded, d.start).unwrap_or_default();
            reject(
                out,
                d,
                format!("`{word}` makes it the date of another event, not of this one"),
            );
        }
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
                    let mention =
                        doc.mention(sentence, span, Reading::Value(Value::Date(*date)), rule);
                    out.mentions.push(mention.with_note(d.note.as_deref()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn dates(text: &str) -> Vec<String> {
        let cues =
            |c: &[&str]| CueSet::new(&c.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
        let event = cues(&["a atterri", "s'est posé", "arrivée", "landed"]);
        let subject = cues(&["avion", "plane"]);
        let exclude = cues(&["annoncé", "annoncée", "announced"]);
        let story = Story {
            title: None,
            period: Some((
                NaiveDate::from_ymd_opt(2023, 7, 26).unwrap(),
                NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
            )),
        };
        let doc = Document::from_text(text, None);
        let mut out = Extraction::default();
        extract(
            &doc,
            &story,
            &event,
            Some(&subject),
            Some(&exclude),
            false,
            &mut out,
        );
        out.mentions.iter().map(|m| m.reading.display()).collect()
    }

    #[test]
    fn the_event_takes_its_nearest_date_not_the_announcement() {
        assert_eq!(
            dates("Mercredi 10 avril, l'avion a atterri à Niamey."),
            ["2024-04-10"]
        );
        assert_eq!(
            dates("Annoncée ce jeudi 11 avril, l'arrivée de l'avion s'est faite dès mercredi."),
            ["2024-04-10"]
        );
        assert_eq!(
            dates("Russia announced on Monday 8 April 2024 that the plane had landed."),
            Vec::<String>::new()
        );
        assert_eq!(
            dates("Le 26 mars, Tiani a parlé à Poutine ; l'avion a atterri le 10 avril."),
            ["2024-04-10"]
        );
    }

    #[test]
    fn a_date_the_event_is_placed_after_or_before_is_not_its_date() {
        assert_eq!(
            dates("The Russian plane landed a week after the March 26 phone call."),
            Vec::<String>::new()
        );
        assert_eq!(
            dates("L'avion s'est posé deux jours après le 8 avril."),
            Vec::<String>::new()
        );
        assert_eq!(
            dates("Dès le 10 avril, l'avion s'est posé."),
            ["2024-04-10"]
        );
    }

    #[test]
    fn the_day_before_counts_from_the_last_date() {
        assert_eq!(
            dates(
                "Le ministre a reçu jeudi 11 avril les instructeurs dont l'avion a atterri la veille."
            ),
            ["2024-04-10"]
        );
        assert_eq!(
            dates("The plane landed the next day."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_weekday_is_read_against_the_full_date_before_it() {
        assert_eq!(
            dates(
                "La télévision en a parlé jeudi 11 avril. Dès mercredi, un avion s'est posé à Niamey."
            ),
            ["2024-04-10"]
        );
        // Without a full date before it nor a publication date, a weekday gives nothing.
        assert_eq!(
            dates("Dès mercredi, un avion s'est posé à Niamey."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn without_the_subject_or_the_event_a_date_is_not_the_claims() {
        assert_eq!(
            dates("Une délégation est arrivée le 10 avril."),
            Vec::<String>::new()
        );
        assert_eq!(
            dates("L'avion a été repeint le 10 avril."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_sentence_ruled_out_by_the_word_check_holds_no_date() {
        const PIECES: &[&str] = &[
            "le",
            "10",
            "mai",
            "maison",
            "Mardi",
            "mardis",
            "fin",
            "finale",
            "mi-avril",
            "mid",
            "2024",
            "hier",
            "avant-hier",
            "la veille",
            "the day before",
            "yesterday",
            "end",
            "endless",
            "of",
            "March",
            "marches",
            "early",
            "lendemain",
            "sept",
            "septembre",
            "10/04/2024",
            "1er",
            "courant",
            "à",
            "the",
            "following",
            "day",
            ",",
            ".",
            "-",
            "'",
            "x",
            "é",
            "—",
        ];
        let mut next = crate::testing::sequence(0x2545_F491_4F6C_DD1D);
        let (mut dated, mut ruled_out) = (0, 0);
        for _ in 0..20_000 {
            let text: Vec<&str> = (0..1 + next(6))
                .map(|_| PIECES[next(PIECES.len())])
                .collect();
            let folded = crate::text::fold(&text.join(" "));
            let read = read_written_dates(&folded);
            if !read.is_empty() {
                dated += 1;
                assert!(may_hold_date(&folded), "{folded}");
            }
            if !may_hold_date(&folded) {
                ruled_out += 1;
            }
        }
        assert!(
            dated > 2000 && ruled_out > 2000,
            "{dated} dated, {ruled_out} ruled out"
        );
    }
}
