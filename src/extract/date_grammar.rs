//! Date grammar: finds date expressions in French and English news text and
//! resolves them to calendar dates.
//!
//! `claimcheck` compares what several articles say about one fact ("the date
//! the aircraft landed"). Articles write dates in many shapes ("jeudi 11 avril",
//! "April 10, 2024", "10/04/2024", "fin decembre", "on Wednesday"), often without
//! a year, and sometimes wrongly ("31 fevrier", a weekday that does not match).
//! This module turns such text into [`DateExpr`] values (what was written) and
//! then, with what the reader knows ([`YearContext`]), into [`CalendarDate`]
//! values that can be compared at their common precision.
//!
//! The input is expected to be normalized by the caller: lowercase, accents
//! stripped, curly apostrophes turned into `'`, no-break spaces into spaces and
//! dashes U+2010..U+2013 into `-`. Offsets are byte offsets into that text.
//!
//! Spans cover the date itself: a leading weekday and the precision words
//! `fin`, `debut`, `mi-`, `courant`, `early`, `late`, `mid-`, `end of`,
//! `beginning of`, `start of`, `middle of` are included; articles and
//! prepositions (`le`, `ce`, `en`, `on`, `in`, `des`, `since`, ...) and words
//! after a weekday (`soir`, `dernier`, `night`) are not.
//!
//! Numeric dates are read day first (`10/04/2024` is 10 April), except when
//! the second number cannot be a month (`04/15/2024` is 15 April).

use std::sync::OnceLock;

use chrono::{Datelike, Days};
use regex::Regex;

pub use chrono::{NaiveDate, Weekday};

/// A date as written: any part may be missing. A bare weekday ("mercredi",
/// "on Wednesday") has only `weekday`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    /// Byte offset of the first byte of the expression.
    pub start: usize,
    /// Byte offset just past the expression.
    pub end: usize,
    /// The year written (1000..=2999), if any.
    pub year: Option<i32>,
    /// The month written (1..=12), if any.
    pub month: Option<u32>,
    /// The day of month written (1..=31, not checked against the month), if any.
    pub day: Option<u32>,
    /// The weekday written, if any.
    pub weekday: Option<Weekday>,
}

impl DateExpr {
    /// True for a bare weekday ("mercredi", "last Friday"): a weekday with no
    /// year, month or day, to be read relative to some anchor date.
    pub fn is_relative_weekday(&self) -> bool {
        self.weekday.is_some() && self.year.is_none() && self.month.is_none() && self.day.is_none()
    }
}

/// A resolved date with its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CalendarDate {
    /// A single day.
    Day(NaiveDate),
    /// A whole month.
    Month {
        /// The year.
        year: i32,
        /// The month, 1..=12.
        month: u32,
    },
    /// A whole year.
    Year(i32),
}

impl CalendarDate {
    /// "2024-04-10", "2024-04", "2024".
    pub fn display(&self) -> String {
        match self {
            CalendarDate::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            CalendarDate::Month { year, month } => format!("{year:04}-{month:02}"),
            CalendarDate::Year(y) => format!("{y:04}"),
        }
    }

    /// Parse that display form back ("2024-04-10" / "2024-04" / "2024").
    pub fn parse(text: &str) -> Option<CalendarDate> {
        static RE: OnceLock<Regex> = OnceLock::new();
        let re = RE.get_or_init(|| {
            Regex::new(r"^(-?[0-9]{1,6})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$").expect("valid regex")
        });
        let caps = re.captures(text.trim())?;
        let year: i32 = caps.get(1)?.as_str().parse().ok()?;
        let Some(month) = caps.get(2) else {
            return Some(CalendarDate::Year(year));
        };
        let month: u32 = month.as_str().parse().ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        match caps.get(3) {
            None => Some(CalendarDate::Month { year, month }),
            Some(day) => {
                let day: u32 = day.as_str().parse().ok()?;
                NaiveDate::from_ymd_opt(year, month, day).map(CalendarDate::Day)
            }
        }
    }

    /// Equal at their common precision: 2024-04 and 2024-04-10 are compatible,
    /// 2024-04-10 and 2024-04-11 are not, 2024 and 2024-12 are.
    pub fn compatible(&self, other: &CalendarDate) -> bool {
        use CalendarDate::*;
        match (*self, *other) {
            (Day(a), Day(b)) => a == b,
            (Day(d), Month { year, month }) | (Month { year, month }, Day(d)) => {
                d.year() == year && d.month() == month
            }
            (Day(d), Year(y)) | (Year(y), Day(d)) => d.year() == y,
            (
                Month {
                    year: y1,
                    month: m1,
                },
                Month {
                    year: y2,
                    month: m2,
                },
            ) => y1 == y2 && m1 == m2,
            (Month { year, .. }, Year(y)) | (Year(y), Month { year, .. }) => year == y,
            (Year(a), Year(b)) => a == b,
        }
    }
}

/// What a reader knows to give a year to a date written without one.
#[derive(Debug, Clone, Default)]
pub struct YearContext {
    /// The article's publication date.
    pub published: Option<NaiveDate>,
    /// The period the story is known to fall in (inclusive; order of the two
    /// ends does not matter).
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// Years written elsewhere in the article, in order of preference
    /// (nearest to the expression first).
    pub article_years: Vec<i32>,
}

/// Why an expression could not be resolved cleanly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// "31 fevrier", "30 february", "mercredi 31 avril"
    NoSuchDay {
        /// The year that was used (written or inferred).
        year: i32,
        /// The month written.
        month: u32,
        /// The day written.
        day: u32,
    },
    /// The weekday written does not fall on that date ("jeudi 10 avril 2024" —
    /// it was a Wednesday). Carries the date that was used.
    WeekdayMismatch {
        /// The date used (year written or inferred, month and day written).
        date: NaiveDate,
        /// The weekday written.
        written: Weekday,
        /// The weekday that date really falls on.
        actual: Weekday,
    },
    /// No year could be found for it (no publication date, no period, no other
    /// year in the article)
    NoYear,
}

/// Resolve an absolute (non-bare-weekday) expression.
///
/// A missing year comes, in this order, from: the publication date (the latest
/// such date on or before it), the story period (the years in which that
/// day/month falls inside the period; when several, those whose weekday matches
/// the written weekday, then the one nearest to the article's own years, then
/// the latest), then the years written elsewhere in the article (the first one
/// on which the written weekday falls, else the first one).
///
/// A WeekdayMismatch is returned as Err but carries the date so a caller can
/// still use it with a warning. A bare weekday is resolved with
/// [`previous_weekday`] from the publication date when there is one, else gives
/// `NoYear`. A day without a month is not resolvable: its year if written,
/// else `NoYear`.
pub fn resolve(expr: &DateExpr, ctx: &YearContext) -> Result<CalendarDate, DateProblem> {
    let Some(month) = expr.month else {
        return match (expr.year, expr.weekday, ctx.published) {
            (Some(y), _, _) => Ok(CalendarDate::Year(y)),
            (None, Some(wd), Some(p)) if expr.day.is_none() => {
                Ok(CalendarDate::Day(previous_weekday(p, wd)))
            }
            _ => Err(DateProblem::NoYear),
        };
    };
    let year = match expr.year {
        Some(y) => y,
        None => infer_year(month, expr.day, expr.weekday, ctx).ok_or(DateProblem::NoYear)?,
    };
    let no_such_day = DateProblem::NoSuchDay {
        year,
        month,
        day: expr.day.unwrap_or(0),
    };
    if !(1..=12).contains(&month) {
        return Err(no_such_day);
    }
    let Some(day) = expr.day else {
        return Ok(CalendarDate::Month { year, month });
    };
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(no_such_day)?;
    match expr.weekday {
        Some(written) if written != date.weekday() => Err(DateProblem::WeekdayMismatch {
            date,
            written,
            actual: date.weekday(),
        }),
        _ => Ok(CalendarDate::Day(date)),
    }
}

/// The year to give to a month (and day) written without one, or None.
fn infer_year(
    month: u32,
    day: Option<u32>,
    weekday: Option<Weekday>,
    ctx: &YearContext,
) -> Option<i32> {
    let weekday_fits = |y: i32| match (day, weekday) {
        (Some(d), Some(w)) => {
            NaiveDate::from_ymd_opt(y, month, d).is_some_and(|x| x.weekday() == w)
        }
        _ => false,
    };
    if let Some(p) = ctx.published {
        // (month, 0) <= (p.month, p.day) exactly when the month has begun.
        let key = (month, day.unwrap_or(0));
        return Some(if key <= (p.month(), p.day()) {
            p.year()
        } else {
            p.year() - 1
        });
    }
    if let Some((a, b)) = ctx.period {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let lo = (a.year(), a.month(), a.day());
        let hi = (b.year(), b.month(), b.day());
        let mut years: Vec<i32> = (a.year()..=b.year())
            .filter(|&y| match day {
                Some(d) => (y, month, d) >= lo && (y, month, d) <= hi,
                None => (y, month) >= (lo.0, lo.1) && (y, month) <= (hi.0, hi.1),
            })
            .collect();
        if !years.is_empty() {
            if years.iter().any(|&y| weekday_fits(y)) {
                years.retain(|&y| weekday_fits(y));
            }
            if !ctx.article_years.is_empty() {
                let distance = |y: i32| {
                    ctx.article_years
                        .iter()
                        .map(|&a| (i64::from(y) - i64::from(a)).abs())
                        .min()
                        .unwrap_or(0)
                };
                let best = years.iter().map(|&y| distance(y)).min().unwrap_or(0);
                years.retain(|&y| distance(y) == best);
            }
            return years.iter().copied().max();
        }
    }
    ctx.article_years
        .iter()
        .copied()
        .find(|&y| weekday_fits(y))
        .or_else(|| ctx.article_years.first().copied())
}

/// The most recent `weekday` on or before `anchor` (as a news reader reads
/// "dès mercredi" after "jeudi 11 avril": Wednesday 10 April).
pub fn previous_weekday(anchor: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + anchor.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    anchor
        .checked_sub_days(Days::new(u64::from(back)))
        .unwrap_or(anchor)
}

/// Every date expression, sorted by start, non-overlapping, longest reading.
pub fn find_dates(text: &str) -> Vec<DateExpr> {
    find_dates_from(text, |parser, i| parser.may_start(i))
}

/// [`find_dates`], trying every reading only at the tokens `candidate` accepts: every date
/// starts with a number, a numeric date, a month, a weekday or a qualifier word, and most
/// tokens of a sentence are none of those (tested equal to trying every token).
fn find_dates_from(text: &str, candidate: impl Fn(&Parser, usize) -> bool) -> Vec<DateExpr> {
    let parser = Parser::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < parser.toks.len() {
        if !candidate(&parser, i) {
            i += 1;
            continue;
        }
        let candidates = [
            parser.numeric(i),
            parser.qualified(i),
            parser.weekday(i),
            parser.day_month(i, false),
            parser.month_day(i, false),
            parser.month_year(i),
            parser.month_only(i),
            parser.year_only(i),
        ];
        let mut best: Option<Found> = None;
        for c in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| c.expr.end > b.expr.end) {
                best = Some(c);
            }
        }
        match best {
            Some(f) => {
                i = f.next.max(i + 1);
                out.push(f.expr);
            }
            None => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Parsing internals.

/// The tokens of `text` as byte ranges: a run of ASCII digits, a run of letters (`\p{L}`), or any
/// other character but white space, as the regular expression `[0-9]+|\p{L}+|\S` finds them.
/// Written out because every sentence of a dated article is tokenized: ASCII bytes are classified
/// directly (folded text is nearly all ASCII), and only characters beyond it are decoded and ask
/// the Unicode tables (through that expression).
fn tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    #[derive(Clone, Copy, PartialEq)]
    enum Class {
        Digit,
        Letter,
        Space,
        Other,
    }
    /// The class and length of the character at byte `at`.
    #[inline(always)]
    fn class_at(text: &str, at: usize) -> (Class, usize) {
        match text.as_bytes()[at] {
            b'0'..=b'9' => (Class::Digit, 1),
            b'a'..=b'z' | b'A'..=b'Z' => (Class::Letter, 1),
            // The ASCII characters `char::is_whitespace` accepts.
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => (Class::Space, 1),
            0..0x80 => (Class::Other, 1),
            _ => class_beyond_ascii(text, at),
        }
    }
    #[cold]
    fn class_beyond_ascii(text: &str, at: usize) -> (Class, usize) {
        static LETTER: OnceLock<Regex> = OnceLock::new();
        let c = text[at..].chars().next().expect("a character starts here");
        let class = if c.is_whitespace() {
            Class::Space
        } else if LETTER
            .get_or_init(|| Regex::new(r"^\p{L}$").expect("valid regex"))
            .is_match(c.encode_utf8(&mut [0; 4]))
        {
            Class::Letter
        } else {
            Class::Other
        };
        (class, c.len_utf8())
    }
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let start = at;
            let (kind, length) = class_at(text, at);
            at += length;
            match kind {
                Class::Space => continue,
                Class::Other => return Some((start, at)),
                Class::Digit | Class::Letter => {
                    while at < text.len() {
                        let (next, length) = class_at(text, at);
                        if next != kind {
                            break;
                        }
                        at += length;
                    }
                    return Some((start, at));
                }
            }
        }
        None
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind<'a> {
    /// A run of ASCII digits: its value when it has at most 9 digits, its length.
    Num(Option<u32>, usize),
    /// A run of letters.
    Word(&'a str),
    /// Any other non-space character.
    Punct(char),
    /// A numeric date found beforehand (index into `Parser::numeric`).
    Block(usize),
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    kind: Kind<'a>,
}

/// A match: the expression and the index of the first token after it.
struct Found {
    expr: DateExpr,
    next: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MonthKind {
    Full,
    /// "may", "march" (English verbs) or "mai", "mars" (name, planet).
    Ambiguous {
        verb: bool,
    },
    Abbrev,
}

/// Month names and their abbreviations, French and English, folded.
const MONTH_WORDS: &[(&str, u32, MonthKind)] = {
    use MonthKind::*;
    &[
        ("janvier", 1, Full),
        ("january", 1, Full),
        ("fevrier", 2, Full),
        ("february", 2, Full),
        ("mars", 3, Ambiguous { verb: false }),
        ("march", 3, Ambiguous { verb: true }),
        ("avril", 4, Full),
        ("april", 4, Full),
        ("mai", 5, Ambiguous { verb: false }),
        ("may", 5, Ambiguous { verb: true }),
        ("juin", 6, Full),
        ("june", 6, Full),
        ("juillet", 7, Full),
        ("july", 7, Full),
        ("aout", 8, Full),
        ("august", 8, Full),
        ("septembre", 9, Full),
        ("september", 9, Full),
        ("octobre", 10, Full),
        ("october", 10, Full),
        ("novembre", 11, Full),
        ("november", 11, Full),
        ("decembre", 12, Full),
        ("december", 12, Full),
        ("jan", 1, Abbrev),
        ("janv", 1, Abbrev),
        ("feb", 2, Abbrev),
        ("fev", 2, Abbrev),
        ("fevr", 2, Abbrev),
        ("apr", 4, Abbrev),
        ("avr", 4, Abbrev),
        ("jun", 6, Abbrev),
        ("jul", 7, Abbrev),
        ("juil", 7, Abbrev),
        ("aug", 8, Abbrev),
        ("sep", 9, Abbrev),
        ("sept", 9, Abbrev),
        ("oct", 10, Abbrev),
        ("nov", 11, Abbrev),
        ("dec", 12, Abbrev),
    ]
};

/// Weekday names, French and English.
const WEEKDAY_WORDS: &[(&str, Weekday)] = &[
    ("lundi", Weekday::Mon),
    ("monday", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("tuesday", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("wednesday", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("thursday", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("friday", Weekday::Fri),
    ("samedi", Weekday::Sat),
    ("saturday", Weekday::Sat),
    ("dimanche", Weekday::Sun),
    ("sunday", Weekday::Sun),
];

fn month_word(w: &str) -> Option<(u32, MonthKind)> {
    MONTH_WORDS
        .iter()
        .find(|(name, _, _)| *name == w)
        .map(|&(_, month, kind)| (month, kind))
}

fn weekday_word(w: &str) -> Option<Weekday> {
    WEEKDAY_WORDS
        .iter()
        .find(|(name, _)| *name == w)
        .map(|&(_, day)| day)
}

/// The words a date can start with, besides numbers: months, weekdays and qualifier words (see
/// [`find_dates`]). A text without an ASCII digit and without one of these holds no date.
pub fn date_start_words() -> impl Iterator<Item = &'static str> {
    MONTH_WORDS
        .iter()
        .map(|(w, _, _)| *w)
        .chain(WEEKDAY_WORDS.iter().map(|(w, _)| *w))
        .chain(QUALIFIER_WORDS.iter().copied())
}

/// Words after which a bare month is a month ("en avril", "in March").
const MONTH_PREPS: &[&str] = &[
    "en", "in", "since", "depuis", "during", "durant", "until", "till", "through", "from",
];
/// Words after which a bare 4-digit number is a year ("en 2023", "in 2023").
const YEAR_PREPS: &[&str] = &[
    "en", "in", "since", "depuis", "during", "durant", "until", "till",
];
/// The words a qualified date opens with ("fin avril", "mid-2023", "end of March"): the only
/// words, with months and weekdays, that can start a date.
const QUALIFIER_WORDS: &[&str] = &[
    "fin",
    "debut",
    "mi",
    "mid",
    "early",
    "late",
    "courant",
    "end",
    "beginning",
    "start",
    "middle",
];
/// Words before a day number that make "10 may" / "may 10" a date.
const DAY_TRIGGERS: &[&str] = &[
    "on", "the", "since", "by", "until", "till", "from", "before", "after", "le", "du", "au",
    "depuis", "des", "of",
];

struct Parser<'a> {
    toks: Vec<Tok<'a>>,
    numeric: Vec<DateExpr>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        static NUMERIC: OnceLock<Regex> = OnceLock::new();
        let numeric_re = NUMERIC.get_or_init(|| {
            Regex::new(r"([0-9]+)([/.-])([0-9]+)([/.-])([0-9]+)").expect("valid regex")
        });
        let numeric: Vec<DateExpr> = numeric_re
            .captures_iter(text)
            .filter_map(|c| numeric_date(text, &c))
            .collect();
        let mut toks = Vec::new();
        let mut n = 0;
        for (start, end) in tokens(text) {
            while n < numeric.len() && numeric[n].end <= start {
                n += 1;
            }
            if let Some(d) = numeric.get(n)
                && start >= d.start
            {
                // Inside a numeric date: one Block token stands for it.
                if start == d.start {
                    toks.push(Tok {
                        start: d.start,
                        end: d.end,
                        kind: Kind::Block(n),
                    });
                }
                continue;
            }
            let s = &text[start..end];
            let first = s.chars().next().unwrap_or(' ');
            let kind = if first.is_ascii_digit() {
                Kind::Num(if s.len() <= 9 { s.parse().ok() } else { None }, s.len())
            } else if first.is_alphabetic() {
                Kind::Word(s)
            } else {
                Kind::Punct(first)
            };
            toks.push(Tok { start, end, kind });
        }
        Parser { toks, numeric }
    }

    /// Whether a date could start at token `i`: a number, a numeric date, a month, a weekday or a
    /// qualifier word (what the readings in [`find_dates_from`] each begin with).
    fn may_start(&self, i: usize) -> bool {
        match self.toks[i].kind {
            Kind::Num(..) | Kind::Block(_) => true,
            Kind::Word(w) => {
                month_word(w).is_some() || weekday_word(w).is_some() || QUALIFIER_WORDS.contains(&w)
            }
            Kind::Punct(_) => false,
        }
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        match self.toks.get(i)?.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn is_num(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| t.kind), Some(Kind::Num(..)))
    }

    fn is_alnum(&self, i: usize) -> bool {
        matches!(
            self.toks.get(i).map(|t| t.kind),
            Some(Kind::Num(..) | Kind::Word(_) | Kind::Block(_))
        )
    }

    /// Token `i` and token `i + 1` touch (no space between).
    fn glued(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// The word just before token `i`, if any.
    fn prev_word(&self, i: usize) -> Option<&'a str> {
        i.checked_sub(1).and_then(|p| self.word(p))
    }

    /// Number token `i` is glued to something before it that makes it part of
    /// a bigger token ("a10", "3,10", "1.10").
    fn glued_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        if !self.glued(p) {
            return false;
        }
        if self.is_alnum(p) {
            return true;
        }
        matches!(self.punct(p), Some('.' | ',' | ':' | '/'))
            && p.checked_sub(1)
                .is_some_and(|q| self.glued(q) && self.is_num(q))
    }

    /// Number token `i` is followed by a decimal or time part ("10,5", "10:30").
    fn glued_after_number(&self, i: usize) -> bool {
        self.glued(i)
            && matches!(self.punct(i + 1), Some('.' | ',' | ':' | '/'))
            && self.glued(i + 1)
            && self.is_num(i + 2)
    }

    /// A day number at `i`: (day, has ordinal suffix, next index).
    fn day_at(&self, i: usize) -> Option<(u32, bool, usize)> {
        let Kind::Num(Some(v), len) = self.toks.get(i)?.kind else {
            return None;
        };
        if len > 2 || !(1..=31).contains(&v) || self.glued_before(i) {
            return None;
        }
        if self.glued(i) {
            if let Some(w) = self.word(i + 1) {
                let ok = match w {
                    "er" | "ere" | "re" => v == 1,
                    "st" | "nd" | "rd" | "th" => true,
                    _ => false,
                };
                return ok.then_some((v, true, i + 2));
            }
            if self.glued_after_number(i) {
                return None;
            }
        }
        Some((v, false, i + 1))
    }

    /// A year (4 digits, 1000..=2999) at `i`: (year, next index).
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let Kind::Num(Some(v), 4) = self.toks.get(i)?.kind else {
            return None;
        };
        if !(1000..=2999).contains(&v) || self.glued_before(i) || self.glued_after_number(i) {
            return None;
        }
        if self.glued(i) && self.word(i + 1).is_some() {
            return None;
        }
        Some((v as i32, i + 1))
    }

    /// A month word at `i`: (month, kind, next index past an abbreviation's dot).
    fn month_at(&self, i: usize) -> Option<(u32, MonthKind, usize)> {
        let (m, kind) = month_word(self.word(i)?)?;
        let next = if kind == MonthKind::Abbrev && self.glued(i) && self.punct(i + 1) == Some('.') {
            i + 2
        } else {
            i + 1
        };
        Some((m, kind, next))
    }

    fn expr(&self, first: usize, last: usize) -> DateExpr {
        DateExpr {
            start: self.toks[first].start,
            end: self.toks[last].end,
            year: None,
            month: None,
            day: None,
            weekday: None,
        }
    }

    /// A numeric date found beforehand.
    fn numeric(&self, i: usize) -> Option<Found> {
        let Kind::Block(n) = self.toks.get(i)?.kind else {
            return None;
        };
        Some(Found {
            expr: self.numeric.get(n)?.clone(),
            next: i + 1,
        })
    }

    /// "10 avril 2024", "1er avril", "10th of April", "10 may" (with support).
    fn day_month(&self, i: usize, after_weekday: bool) -> Option<Found> {
        let (day, suffix, j) = self.day_at(i)?;
        let (j, of) = if self.word(j) == Some("of") {
            (j + 1, true)
        } else {
            (j, false)
        };
        let (month, kind, k) = self.month_at(j)?;
        let year = self.year_at(k);
        if kind == (MonthKind::Ambiguous { verb: true })
            && year.is_none()
            && !suffix
            && !of
            && !after_weekday
            && !self.prev_word(i).is_some_and(|w| DAY_TRIGGERS.contains(&w))
        {
            return None;
        }
        let last = if year.is_some() { k } else { j };
        let mut expr = self.expr(i, last);
        expr.day = Some(day);
        expr.month = Some(month);
        expr.year = year.map(|y| y.0);
        Some(Found {
            expr,
            next: last + 1,
        })
    }

    /// "April 10, 2024", "April 10 2024", "April 10th", "may 10" (with support).
    fn month_day(&self, i: usize, after_weekday: bool) -> Option<Found> {
        let (month, kind, j) = self.month_at(i)?;
        let (day, suffix, k) = self.day_at(j)?;
        let year_at = if self.punct(k) == Some(',') { k + 1 } else { k };
        let year = self.year_at(year_at);
        if matches!(kind, MonthKind::Ambiguous { .. })
            && year.is_none()
            && !suffix
            && !after_weekday
            && !self
                .prev_word(i)
                .is_some_and(|w| DAY_TRIGGERS.contains(&w) || w == "in")
            // "May 10." opening a sentence, but not "they may 2."
            && (self.is_alnum(k) || i.checked_sub(1).is_some_and(|p| self.is_alnum(p)))
        {
            return None;
        }
        let last = if year.is_some() { year_at } else { k - 1 };
        let mut expr = self.expr(i, last);
        expr.day = Some(day);
        expr.month = Some(month);
        expr.year = year.map(|y| y.0);
        Some(Found {
            expr,
            next: last + 1,
        })
    }

    /// "avril 2024", "March 2024".
    fn month_year(&self, i: usize) -> Option<Found> {
        let (month, _, j) = self.month_at(i)?;
        let (year, _) = self.year_at(j)?;
        let mut expr = self.expr(i, j);
        expr.month = Some(month);
        expr.year = Some(year);
        Some(Found { expr, next: j + 1 })
    }

    /// "en avril", "in March", "au mois d'aout": the month alone after a preposition.
    fn month_only(&self, i: usize) -> Option<Found> {
        let (month, kind, _) = self.month_at(i)?;
        if kind == MonthKind::Abbrev {
            return None;
        }
        let prep = self.prev_word(i).is_some_and(|w| MONTH_PREPS.contains(&w));
        let mois_de = match i
            .checked_sub(1)
            .and_then(|p| self.toks.get(p).map(|t| t.kind))
        {
            Some(Kind::Word("de")) => i >= 2 && self.word(i - 2) == Some("mois"),
            Some(Kind::Punct('\'')) => {
                i >= 3 && self.word(i - 2) == Some("d") && self.word(i - 3) == Some("mois")
            }
            _ => false,
        };
        if !prep && !mois_de {
            return None;
        }
        let mut expr = self.expr(i, i);
        expr.month = Some(month);
        Some(Found { expr, next: i + 1 })
    }

    /// "en 2023", "in 2023": a year after a preposition.
    fn year_only(&self, i: usize) -> Option<Found> {
        let (year, _) = self.year_at(i)?;
        if !self.prev_word(i).is_some_and(|w| YEAR_PREPS.contains(&w)) {
            return None;
        }
        let mut expr = self.expr(i, i);
        expr.year = Some(year);
        Some(Found { expr, next: i + 1 })
    }

    /// "fin decembre", "debut janvier 2024", "mi-mars", "early March",
    /// "late December 2023", "fin 2023", "mid-2023", "the end of March".
    fn qualified(&self, i: usize) -> Option<Found> {
        // The list is the gate, so that `may_start` knows every word this can open with.
        let word = self.word(i).filter(|w| QUALIFIER_WORDS.contains(w))?;
        let j = match word {
            "fin" | "debut" => match (self.word(i + 1), self.punct(i + 2)) {
                (Some("de"), _) => i + 2,
                (Some("d"), Some('\'')) => i + 3,
                _ => i + 1,
            },
            "mi" | "mid" => {
                if self.glued(i) && self.punct(i + 1) == Some('-') {
                    i + 2
                } else {
                    i + 1
                }
            }
            "early" | "late" | "courant" => i + 1,
            "end" | "beginning" | "start" | "middle" if self.word(i + 1) == Some("of") => i + 2,
            _ => return None,
        };
        let mut expr = self.expr(i, i);
        if let Some((month, kind, k)) = self.month_at(j) {
            expr.month = Some(month);
            if let Some((year, _)) = self.year_at(k) {
                expr.year = Some(year);
                expr.end = self.toks[k].end;
                return Some(Found { expr, next: k + 1 });
            }
            if kind == MonthKind::Abbrev {
                return None;
            }
            expr.end = self.toks[j].end;
            return Some(Found { expr, next: j + 1 });
        }
        let (year, _) = self.year_at(j)?;
        expr.year = Some(year);
        expr.end = self.toks[j].end;
        Some(Found { expr, next: j + 1 })
    }

    /// A weekday, with the absolute date that follows it if any
    /// ("jeudi 11 avril 2024", "Wednesday, April 10", "mercredi 10/04/2024"),
    /// else a bare weekday ("mercredi").
    fn weekday(&self, i: usize) -> Option<Found> {
        let wd = weekday_word(self.word(i)?)?;
        let j = if self.punct(i + 1) == Some(',') {
            i + 2
        } else {
            i + 1
        };
        let absolute = self
            .day_month(j, true)
            .or_else(|| self.month_day(j, true))
            .or_else(|| self.numeric(j));
        if let Some(mut f) = absolute {
            f.expr.start = self.toks[i].start;
            f.expr.weekday = Some(wd);
            return Some(f);
        }
        let mut expr = self.expr(i, i);
        expr.weekday = Some(wd);
        Some(Found { expr, next: i + 1 })
    }
}

/// Check and read one match of the numeric regex.
fn numeric_date(text: &str, c: &regex::Captures<'_>) -> Option<DateExpr> {
    let whole = c.get(0)?;
    if c.get(2)?.as_str() != c.get(4)?.as_str() {
        return None;
    }
    let bytes = text.as_bytes();
    let (s, e) = (whole.start(), whole.end());
    // Before: no letter or digit, and no "1." / "1-" / "1/" glued on.
    if s > 0 {
        let p = bytes[s - 1];
        if p.is_ascii_alphanumeric()
            || (matches!(p, b'/' | b'.' | b'-' | b',') && s > 1 && bytes[s - 2].is_ascii_digit())
        {
            return None;
        }
    }
    let (a, b, d) = (c.get(1)?.as_str(), c.get(3)?.as_str(), c.get(5)?.as_str());
    let iso = a.len() == 4 && b.len() <= 2 && d.len() <= 2;
    // After: no digit, no letter (except ISO "t12:00"), no ".5" / "-3" glued on.
    if let Some(&n) = bytes.get(e) {
        let next_digit = bytes.get(e + 1).is_some_and(|x| x.is_ascii_digit());
        if n.is_ascii_digit()
            || (n.is_ascii_alphabetic() && !(iso && n == b't' && next_digit))
            || (matches!(n, b'/' | b'.' | b'-' | b',') && next_digit)
        {
            return None;
        }
    }
    let num = |x: &str| -> Option<u32> { if x.len() <= 4 { x.parse().ok() } else { None } };
    let (year, month, day) = if iso {
        (num(a)?, num(b)?, num(d)?)
    } else if a.len() <= 2 && b.len() <= 2 && d.len() == 4 {
        let (x, y) = (num(a)?, num(b)?);
        if y <= 12 {
            (num(d)?, y, x) // day first: 10/04/2024, 15/04/2024
        } else {
            (num(d)?, x, y) // second cannot be a month: 04/15/2024
        }
    } else {
        return None;
    };
    if !(1000..=2999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(DateExpr {
        start: s,
        end: e,
        year: Some(year as i32),
        month: Some(month),
        day: Some(day),
        weekday: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_what_the_token_expression_finds() {
        let expression = Regex::new(r"[0-9]+|\p{L}+|\S").unwrap();
        for text in [
            "le 12 mars 2024, à 9h30 : l'Il-76 (Iliouchine) s'est posé.",
            "ⅻ ½ ٣ 3٣ à\u{301}b ß ø Ωmega 東京 x\u{a0}y\u{2028}z 1er 2e",
            "",
            "   ",
            "abc123def!!",
        ] {
            let expected: Vec<(usize, usize)> = expression
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(tokens(text).collect::<Vec<_>>(), expected, "{text}");
        }
    }

    #[test]
    fn trying_only_the_tokens_a_date_can_start_with_finds_the_same_dates() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = std::fs::read_dir(root.join("corpus"))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
            .map(|t| crate::text::fold(&t))
            .collect();
        // And this file's own examples: every quoted string in it, folded.
        let source = std::fs::read_to_string(root.join("src/extract/date_grammar.rs")).unwrap();
        texts.extend(source.split('"').skip(1).step_by(2).map(crate::text::fold));
        for text in &texts {
            let everywhere = find_dates_from(text, |_, _| true);
            assert_eq!(find_dates(text), everywhere, "{text}");
        }
    }

    #[test]
    fn every_qualifier_word_opens_a_date() {
        // The list gates `qualified`: a word in it that no reading accepts would be a dead entry,
        // and a reading's word left out of it could never start a date.
        for word in QUALIFIER_WORDS {
            let opens = [
                format!("{word} avril 2024"),
                format!("{word} of april 2024"),
                format!("{word}-2024"),
            ]
            .iter()
            .any(|text| find_dates(text).first().is_some_and(|d| d.start == 0));
            assert!(opens, "{word}");
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The single expression found in `text`, checked against its span text.
    fn one(text: &str, span: &str) -> DateExpr {
        let found = find_dates(text);
        assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
        let e = found[0].clone();
        assert_eq!(&text[e.start..e.end], span, "{text:?}");
        e
    }

    fn fields(e: &DateExpr) -> (Option<i32>, Option<u32>, Option<u32>, Option<Weekday>) {
        (e.year, e.month, e.day, e.weekday)
    }

    fn check(
        text: &str,
        span: &str,
        y: Option<i32>,
        m: Option<u32>,
        day: Option<u32>,
        w: Option<Weekday>,
    ) {
        let e = one(text, span);
        assert_eq!(fields(&e), (y, m, day, w), "{text:?}");
    }

    use Weekday::*;

    #[test]
    fn numeric_forms() {
        check(
            "le 2024-04-10 a paris",
            "2024-04-10",
            Some(2024),
            Some(4),
            Some(10),
            None,
        );
        check(
            "le 10/04/2024.",
            "10/04/2024",
            Some(2024),
            Some(4),
            Some(10),
            None,
        );
        check(
            "du 10.04.2024 au",
            "10.04.2024",
            Some(2024),
            Some(4),
            Some(10),
            None,
        );
        check(
            "(10-04-2024)",
            "10-04-2024",
            Some(2024),
            Some(4),
            Some(10),
            None,
        );
        check(
            "on 15/04/2024",
            "15/04/2024",
            Some(2024),
            Some(4),
            Some(15),
            None,
        );
        check(
            "on 04/15/2024",
            "04/15/2024",
            Some(2024),
            Some(4),
            Some(15),
            None,
        );
        check(
            "at 2024-04-10t12:00",
            "2024-04-10",
            Some(2024),
            Some(4),
            Some(10),
            None,
        );
        check(
            "mercredi 10/04/2024",
            "mercredi 10/04/2024",
            Some(2024),
            Some(4),
            Some(10),
            Some(Wed),
        );
        for no in [
            "10/04/24",
            "15/15/2024",
            "10/04-2024",
            "1.10.04.2024",
            "10.04.20245",
            "v10.04.2024",
            "2024-13-01",
            "0/04/2024",
            "10/04/0999",
            "version 1.2.3",
        ] {
            assert!(
                find_dates(no).is_empty(),
                "{no:?} gave {:?}",
                find_dates(no)
            );
        }
    }

    #[test]
    fn french_forms() {
        check(
            "le 10 avril 2024,",
            "10 avril 2024",
            Some(2024),
            Some(4),
            Some(10),
            None,
        );
        check(
            "c'etait le 10 avril.",
            "10 avril",
            None,
            Some(4),
            Some(10),
            None,
        );
        check("le 1er avril", "1er avril", None, Some(4), Some(1), None);
        check(
            "mercredi 10 avril",
            "mercredi 10 avril",
            None,
            Some(4),
            Some(10),
            Some(Wed),
        );
        check(
            "annoncee ce jeudi 11 avril a la television",
            "jeudi 11 avril",
            None,
            Some(4),
            Some(11),
            Some(Thu),
        );
        check(
            "jeudi 11 avril 2024",
            "jeudi 11 avril 2024",
            Some(2024),
            Some(4),
            Some(11),
            Some(Thu),
        );
        check("en avril, il", "avril", None, Some(4), None, None);
        check(
            "en decembre 2023",
            "decembre 2023",
            Some(2023),
            Some(12),
            None,
            None,
        );
        check(
            "avril 2024 a ete",
            "avril 2024",
            Some(2024),
            Some(4),
            None,
            None,
        );
        check(
            "a la fin decembre",
            "fin decembre",
            None,
            Some(12),
            None,
            None,
        );
        check(
            "debut janvier 2024",
            "debut janvier 2024",
            Some(2024),
            Some(1),
            None,
            None,
        );
        check("vers la mi-mars", "mi-mars", None, Some(3), None, None);
        check("debut d'avril", "debut d'avril", None, Some(4), None, None);
        check("au mois d'aout", "aout", None, Some(8), None, None);
        check("en 2023, la", "2023", Some(2023), None, None, None);
        check("fin 2023", "fin 2023", Some(2023), None, None, None);
        check("debut 2024", "debut 2024", Some(2024), None, None, None);
        check("le 10 mai", "10 mai", None, Some(5), Some(10), None);
        check("en mars", "mars", None, Some(3), None, None);
        check(
            "le 3 janv. 2024",
            "3 janv. 2024",
            Some(2024),
            Some(1),
            Some(3),
            None,
        );
        check("le 31 fevrier", "31 fevrier", None, Some(2), Some(31), None);
    }

    #[test]
    fn english_forms() {
        check(
            "on april 10, 2024 the",
            "april 10, 2024",
            Some(2024),
            Some(4),
            Some(10),
            None,
        );
        check(
            "april 10 2024",
            "april 10 2024",
            Some(2024),
            Some(4),
            Some(10),
            None,
        );
        check(
            "on 10 april 2024",
            "10 april 2024",
            Some(2024),
            Some(4),
            Some(10),
            None,
        );
        check("on april 10.", "april 10", None, Some(4), Some(10), None);
        check(
            "wednesday, april 10, it",
            "wednesday, april 10",
            None,
            Some(4),
            Some(10),
            Some(Wed),
        );
        check(
            "wednesday april 10, 2024",
            "wednesday april 10, 2024",
            Some(2024),
            Some(4),
            Some(10),
            Some(Wed),
        );
        check("by april 10th", "april 10th", None, Some(4), Some(10), None);
        check(
            "the 10th of april",
            "10th of april",
            None,
            Some(4),
            Some(10),
            None,
        );
        check("in march, the", "march", None, Some(3), None, None);
        check(
            "in march 2024",
            "march 2024",
            Some(2024),
            Some(3),
            None,
            None,
        );
        check(
            "march 2024 was",
            "march 2024",
            Some(2024),
            Some(3),
            None,
            None,
        );
        check("in early march", "early march", None, Some(3), None, None);
        check(
            "late december 2023",
            "late december 2023",
            Some(2023),
            Some(12),
            None,
            None,
        );
        check("by mid-march", "mid-march", None, Some(3), None, None);
        check("in 2023 the", "2023", Some(2023), None, None, None);
        check("by mid-2023", "mid-2023", Some(2023), None, None, None);
        check("at the end of may", "end of may", None, Some(5), None, None);
        check("on may 10", "may 10", None, Some(5), Some(10), None);
        check("may 10. the army", "may 10", None, Some(5), Some(10), None);
        check(
            "march 10, 2024",
            "march 10, 2024",
            Some(2024),
            Some(3),
            Some(10),
            None,
        );
        check("since may", "may", None, Some(5), None, None);
        check(
            "on 3 may 2024",
            "3 may 2024",
            Some(2024),
            Some(5),
            Some(3),
            None,
        );
        check("on march 3rd", "march 3rd", None, Some(3), Some(3), None);
    }

    #[test]
    fn bare_weekdays() {
        for (text, span, w) in [
            (
                "d'ailleurs, des mercredi, dans la capitale",
                "mercredi",
                Wed,
            ),
            ("mercredi", "mercredi", Wed),
            ("ce mercredi", "mercredi", Wed),
            ("mercredi soir", "mercredi", Wed),
            ("mercredi dernier", "mercredi", Wed),
            ("on wednesday", "wednesday", Wed),
            ("late thursday", "thursday", Thu),
            ("thursday night", "thursday", Thu),
            ("last friday", "friday", Fri),
            ("samedi 10 personnes", "samedi", Sat),
        ] {
            let e = one(text, span);
            assert_eq!(fields(&e), (None, None, None, Some(w)), "{text:?}");
            assert!(e.is_relative_weekday());
        }
        assert!(!one("jeudi 11 avril", "jeudi 11 avril").is_relative_weekday());
    }

    #[test]
    fn decoys() {
        for text in [
            "the army may send 100 troops",
            "they will march 10 km to the capital",
            "they march on the capital",
            "la sonde sur mars a atterri",
            "mai a dit que",
            "le budget de 2024 millions",
            "2024",
            "il y a 2023 personnes",
            "10h30 avril",
            "a 3,10 avril",
            "12 monkeys",
            "the 99999 and 0 and 00 and 32 april",
            "article 2024e",
            "they may 2.",
            "released may 10.",
        ] {
            assert!(
                find_dates(text).is_empty(),
                "{text:?} gave {:?}",
                find_dates(text)
            );
        }
    }

    #[test]
    fn several_sorted_non_overlapping() {
        let text = "jeudi 11 avril 2024, des mercredi; en 2023 et le 2024-01-02 puis fin mars";
        let found = find_dates(text);
        let spans: Vec<&str> = found.iter().map(|e| &text[e.start..e.end]).collect();
        assert_eq!(
            spans,
            [
                "jeudi 11 avril 2024",
                "mercredi",
                "2023",
                "2024-01-02",
                "fin mars"
            ]
        );
        assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn non_ascii_offsets() {
        let text = "«\u{a0}ce jeudi 11 avril\u{a0}» — 日本 en 2023 ✈";
        let found = find_dates(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].start..found[0].end], "jeudi 11 avril");
        assert_eq!(&text[found[1].start..found[1].end], "2023");
    }

    fn expr(y: Option<i32>, m: Option<u32>, day: Option<u32>, w: Option<Weekday>) -> DateExpr {
        DateExpr {
            start: 0,
            end: 0,
            year: y,
            month: m,
            day,
            weekday: w,
        }
    }

    #[test]
    fn resolve_written_year() {
        let ctx = YearContext::default();
        assert_eq!(
            resolve(&one("10 avril 2024", "10 avril 2024"), &ctx),
            Ok(CalendarDate::Day(d(2024, 4, 10)))
        );
        assert_eq!(
            resolve(&expr(Some(2023), Some(12), None, None), &ctx),
            Ok(CalendarDate::Month {
                year: 2023,
                month: 12
            })
        );
        assert_eq!(
            resolve(&expr(Some(2023), None, None, None), &ctx),
            Ok(CalendarDate::Year(2023))
        );
        assert_eq!(
            resolve(&expr(None, Some(4), Some(10), None), &ctx),
            Err(DateProblem::NoYear)
        );
        assert_eq!(
            resolve(&expr(None, None, None, Some(Wed)), &ctx),
            Err(DateProblem::NoYear)
        );
    }

    #[test]
    fn resolve_from_published() {
        let ctx = YearContext {
            published: Some(d(2024, 4, 11)),
            period: Some((d(2000, 1, 1), d(2001, 1, 1))),
            article_years: vec![1999],
        };
        let e = one("mercredi 10 avril", "mercredi 10 avril");
        assert_eq!(resolve(&e, &ctx), Ok(CalendarDate::Day(d(2024, 4, 10))));
        // The same day is still "on or before".
        assert_eq!(
            resolve(&expr(None, Some(4), Some(11), None), &ctx),
            Ok(CalendarDate::Day(d(2024, 4, 11)))
        );
        // Later in the year: last year.
        assert_eq!(
            resolve(&expr(None, Some(12), Some(25), None), &ctx),
            Ok(CalendarDate::Day(d(2023, 12, 25)))
        );
        assert_eq!(
            resolve(&expr(None, Some(4), None, None), &ctx),
            Ok(CalendarDate::Month {
                year: 2024,
                month: 4
            })
        );
        assert_eq!(
            resolve(&expr(None, Some(5), None, None), &ctx),
            Ok(CalendarDate::Month {
                year: 2023,
                month: 5
            })
        );
        // A bare weekday reads back from the publication date.
        assert_eq!(
            resolve(&expr(None, None, None, Some(Wed)), &ctx),
            Ok(CalendarDate::Day(d(2024, 4, 10)))
        );
    }

    #[test]
    fn resolve_from_period() {
        let mut ctx = YearContext {
            published: None,
            period: Some((d(2023, 7, 26), d(2024, 12, 31))),
            article_years: vec![],
        };
        let e = one("mercredi 10 avril", "mercredi 10 avril");
        assert_eq!(resolve(&e, &ctx), Ok(CalendarDate::Day(d(2024, 4, 10))));
        // 1 August is inside the period in 2023 and 2024: the latest wins.
        assert_eq!(
            resolve(&expr(None, Some(8), Some(1), None), &ctx),
            Ok(CalendarDate::Day(d(2024, 8, 1)))
        );
        // ... unless the weekday says otherwise: 1 August 2023 was a Tuesday.
        assert_eq!(
            resolve(&expr(None, Some(8), Some(1), Some(Tue)), &ctx),
            Ok(CalendarDate::Day(d(2023, 8, 1)))
        );
        // ... or the article's years are nearer to 2023.
        ctx.article_years = vec![2022];
        assert_eq!(
            resolve(&expr(None, Some(8), Some(1), None), &ctx),
            Ok(CalendarDate::Day(d(2023, 8, 1)))
        );
        // The weekday comes before the article's years: 1 August 2024 is a Thursday.
        assert_eq!(
            resolve(&expr(None, Some(8), Some(1), Some(Thu)), &ctx),
            Ok(CalendarDate::Day(d(2024, 8, 1)))
        );
        // Only one year fits: 1 July is inside the period only in 2024.
        assert_eq!(
            resolve(&expr(None, Some(7), Some(1), None), &ctx),
            Ok(CalendarDate::Day(d(2024, 7, 1)))
        );
        // Month precision: July overlaps the period in 2023 and 2024; nearest to 2022.
        assert_eq!(
            resolve(&expr(None, Some(7), None, None), &ctx),
            Ok(CalendarDate::Month {
                year: 2023,
                month: 7
            })
        );
        // Outside the period: falls back to the article's years.
        let narrow = YearContext {
            published: None,
            period: Some((d(2024, 4, 1), d(2024, 4, 30))),
            article_years: vec![2021],
        };
        assert_eq!(
            resolve(&expr(None, Some(6), Some(1), None), &narrow),
            Ok(CalendarDate::Day(d(2021, 6, 1)))
        );
        // A reversed period is read the right way round.
        let reversed = YearContext {
            period: Some((d(2024, 12, 31), d(2023, 7, 26))),
            ..YearContext::default()
        };
        assert_eq!(
            resolve(&e, &reversed),
            Ok(CalendarDate::Day(d(2024, 4, 10)))
        );
    }

    #[test]
    fn resolve_from_article_years() {
        let ctx = YearContext {
            published: None,
            period: None,
            article_years: vec![2023, 2024],
        };
        // 10 April 2024 is the Wednesday.
        let e = one("mercredi 10 avril", "mercredi 10 avril");
        assert_eq!(resolve(&e, &ctx), Ok(CalendarDate::Day(d(2024, 4, 10))));
        // Without a weekday, the first (nearest) year.
        assert_eq!(
            resolve(&expr(None, Some(4), Some(10), None), &ctx),
            Ok(CalendarDate::Day(d(2023, 4, 10)))
        );
    }

    #[test]
    fn resolve_problems() {
        let ctx = YearContext {
            published: Some(d(2024, 4, 11)),
            ..YearContext::default()
        };
        let e = one("le 31 fevrier", "31 fevrier");
        assert_eq!(
            resolve(&e, &ctx),
            Err(DateProblem::NoSuchDay {
                year: 2024,
                month: 2,
                day: 31
            })
        );
        // 31 April comes after 11 April: the year before publication.
        let e = one("mercredi 31 avril", "mercredi 31 avril");
        assert_eq!(
            resolve(&e, &ctx),
            Err(DateProblem::NoSuchDay {
                year: 2023,
                month: 4,
                day: 31
            })
        );
        let e = one("30 february 2023", "30 february 2023");
        assert_eq!(
            resolve(&e, &YearContext::default()),
            Err(DateProblem::NoSuchDay {
                year: 2023,
                month: 2,
                day: 30
            })
        );
        let e = one("jeudi 10 avril 2024", "jeudi 10 avril 2024");
        assert_eq!(
            resolve(&e, &YearContext::default()),
            Err(DateProblem::WeekdayMismatch {
                date: d(2024, 4, 10),
                written: Thu,
                actual: Wed
            })
        );
        assert_eq!(
            resolve(&one("le 10 avril", "10 avril"), &YearContext::default()),
            Err(DateProblem::NoYear)
        );
        // Odd hand-made values never panic.
        for e in [
            expr(Some(0), Some(13), Some(40), None),
            expr(Some(i32::MAX), Some(1), Some(1), Some(Mon)),
            expr(None, Some(0), None, None),
            expr(None, None, Some(3), None),
        ] {
            let _ = resolve(&e, &ctx);
            let _ = resolve(&e, &YearContext::default());
        }
        let huge = YearContext {
            published: Some(NaiveDate::MIN),
            period: Some((NaiveDate::MIN, NaiveDate::MAX)),
            article_years: vec![i32::MIN, i32::MAX],
        };
        let _ = resolve(&expr(None, Some(2), Some(29), Some(Mon)), &huge);
        let no_pub = YearContext {
            published: None,
            ..huge
        };
        let _ = resolve(&expr(None, Some(2), Some(29), Some(Mon)), &no_pub);
    }

    #[test]
    fn previous_weekday_reads_back() {
        let thu = d(2024, 4, 11);
        assert_eq!(previous_weekday(thu, Wed), d(2024, 4, 10));
        assert_eq!(previous_weekday(thu, Thu), thu);
        assert_eq!(previous_weekday(thu, Fri), d(2024, 4, 5));
        assert_eq!(previous_weekday(thu, Mon), d(2024, 4, 8));
        assert_eq!(previous_weekday(d(2024, 3, 1), Sun), d(2024, 2, 25));
        let _ = previous_weekday(NaiveDate::MIN, Sun);
    }

    #[test]
    fn compatible_truth_table() {
        use CalendarDate::*;
        let day = Day(d(2024, 4, 10));
        let other_day = Day(d(2024, 4, 11));
        let month = Month {
            year: 2024,
            month: 4,
        };
        let other_month = Month {
            year: 2024,
            month: 5,
        };
        let year = Year(2024);
        let other_year = Year(2023);
        let table = [
            (day, day, true),
            (day, other_day, false),
            (day, month, true),
            (day, other_month, false),
            (day, year, true),
            (day, other_year, false),
            (month, month, true),
            (month, other_month, false),
            (month, year, true),
            (month, other_year, false),
            (year, year, true),
            (year, other_year, false),
            (
                Year(2024),
                Month {
                    year: 2024,
                    month: 12,
                },
                true,
            ),
        ];
        for (a, b, want) in table {
            assert_eq!(a.compatible(&b), want, "{a:?} {b:?}");
            assert_eq!(b.compatible(&a), want, "{b:?} {a:?}");
        }
    }

    #[test]
    fn display_parse_round_trip() {
        use CalendarDate::*;
        for (c, s) in [
            (Day(d(2024, 4, 10)), "2024-04-10"),
            (
                Month {
                    year: 2024,
                    month: 4,
                },
                "2024-04",
            ),
            (Year(2024), "2024"),
            (Day(d(987, 1, 2)), "0987-01-02"),
        ] {
            assert_eq!(c.display(), s);
            assert_eq!(CalendarDate::parse(s), Some(c));
        }
        for c in [
            Year(-5),
            Year(12345),
            Month {
                year: -300,
                month: 12,
            },
            Day(d(-44, 3, 15)),
        ] {
            assert_eq!(
                CalendarDate::parse(&c.display()),
                Some(c),
                "{}",
                c.display()
            );
        }
        for bad in [
            "",
            "2024-13",
            "2024-02-30",
            "2024-4-10",
            "x",
            "2024-04-10-01",
            "99999999999",
        ] {
            assert_eq!(CalendarDate::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn robustness_random_inputs() {
        let pieces = [
            "10",
            "1",
            "er",
            "th",
            "31",
            "2024",
            "0",
            "99999",
            "12345678901234567890",
            "avril",
            "may",
            "march",
            "mars",
            "mai",
            "mercredi",
            "jeudi",
            "wednesday",
            "en",
            "in",
            "fin",
            "mi",
            "mid",
            "de",
            "d",
            "'",
            "-",
            "/",
            ".",
            ",",
            " ",
            " ",
            " ",
            "é",
            "日本",
            "\u{1F600}",
            "\u{301}",
            "of",
            "janv",
            "early",
            "the",
            "on",
            "2024-04-10",
            "10/04/2024",
            "\n",
            "\u{a0}",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        for _ in 0..2000 {
            let len = next() % 30;
            let text: String = (0..len).map(|_| pieces[next() % pieces.len()]).collect();
            let found = find_dates(&text);
            let mut last_end = 0;
            for e in &found {
                assert!(e.start < e.end && e.end <= text.len(), "{text:?}");
                assert!(e.start >= last_end, "{text:?}");
                assert!(
                    text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
                    "{text:?}"
                );
                last_end = e.end;
                let ctx = YearContext {
                    published: Some(d(2024, 4, 11)),
                    ..YearContext::default()
                };
                let _ = resolve(e, &ctx);
                let _ = resolve(e, &YearContext::default());
            }
        }
    }

    #[test]
    fn robustness_large_inputs() {
        let many = "le 10 avril 2024, ".repeat(10_000);
        assert_eq!(find_dates(&many).len(), 10_000);
        let digits = "9".repeat(100_000);
        assert!(find_dates(&digits).is_empty());
        let dotted = "1.".repeat(50_000);
        assert!(find_dates(&dotted).is_empty());
        let _ = find_dates(&"mercredi ".repeat(10_000));
        let _ = find_dates(&"\u{301}é日".repeat(10_000));
    }
}
