//! Count expressions ("une centaine", "a little over 1,000", "between 90 and 110") found in
//! normalized French or English text and turned into intervals.
//!
//! `claimcheck` judges whether news sources agree on a figure such as "the number of Russian
//! instructors". Sources rarely write the same number: one says "une centaine", another "about
//! 100", a third "more than 90". Comparing the written numbers would call them contradictory,
//! so this module reads each expression as the *interval of values it asserts* and two sources
//! are compatible when their intervals overlap ([`Quantity::overlaps`]).
//!
//! Input is expected to be normalized by the caller (lowercase, accents stripped, curly
//! apostrophes turned into `'`, no-break spaces into a plain space, dash variants into `-`).
//! Offsets are byte offsets into that text.
//!
//! Intervals by qualifier (n is the number as written):
//!
//! | qualifier | examples | interval |
//! | --- | --- | --- |
//! | `Exact` | "100", "a dozen" | \[n, n\] |
//! | `About` | "about 100", "une centaine", "100 or so" | \[0.9n, 1.1n\] |
//! | `Nearly` | "nearly 100", "pas loin de 100" | \[0.9n, n\] |
//! | `ALittleOver` | "a little over 1,000", "un peu plus de 1 000" | (n, 1.1n\] |
//! | `Over` | "more than 1,000", "plus de 1 000" | (n, +inf) |
//! | `AtLeast` | "at least 50", "au moins 50", "50 or more" | \[n, +inf) |
//! | `Under` | "fewer than 100", "moins de 100" | \[0, n) |
//! | `AtMost` | "up to 300", "jusqu'a 300" | \[0, n\] |
//! | `Range` | "between 90 and 110", "de 90 a 110", "90-110" | \[a, b\] |
//! | `Vague` | "dozens", "des centaines", "tens of thousands" | see below |
//!
//! The ±10 % band is what makes "about 100" compatible with "100" and with "110", "a little
//! over 1,000" compatible with "1,100", and "about 200" incompatible with "100".
//!
//! Vague amounts use a unit u (dozens/dizaines: 10, hundreds/centaines: 100,
//! thousands/milliers: 1 000, millions: 10^6, billions/milliards: 10^9), multiplied by a trailing
//! "of thousands"/"de milliers" etc. when present, and mean \[2u, 10u - 1\]:
//! dozens 20-99, hundreds 200-999, thousands 2000-9999, tens of thousands 20000-99999,
//! hundreds of thousands 200000-999999, millions 2000000-9999999.
//!
//! Number words are read by a small hand-written parser (no `text2num`), so that the rules on
//! articles ("un"/"a" are 1 only before a scale or approximate noun), hyphenated codes and
//! spans stay under this module's control. Known limits: a word that is also a number in the
//! other language ("neuf" = new, "seize" = to seize) is read as a number; a qualifier before a
//! range ("about 90 to 110") keeps only the first number; "entre un et deux millions" reads
//! only "deux millions".

use std::collections::HashMap;
use std::sync::OnceLock;

/// How the number of an expression is qualified ("about", "more than", a range, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    /// A bare number: \[n, n\].
    Exact,
    /// "about", "environ", "une centaine": \[0.9n, 1.1n\].
    About,
    /// "nearly", "presque": \[0.9n, n\].
    Nearly,
    /// "a little over", "un peu plus de": (n, 1.1n\].
    ALittleOver,
    /// "more than", "plus de": (n, +inf).
    Over,
    /// "at least", "au moins": \[n, +inf).
    AtLeast,
    /// "fewer than", "moins de": \[0, n).
    Under,
    /// "up to", "jusqu'a": \[0, n\].
    AtMost,
    /// "between a and b", "a-b": \[a, b\].
    Range,
    /// "dozens", "des centaines": a conventional interval (see the module doc).
    Vague,
}

/// A count expression read as an interval of values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    /// How the number is qualified.
    pub qualifier: Qualifier,
    /// The number as written (for `Range`/`Vague`: the low end).
    pub nominal: f64,
    /// `Range`/`Vague`: the high end.
    pub nominal_high: Option<f64>,
    /// Low end of the interval the expression means.
    pub low: f64,
    /// Whether `low` itself is excluded.
    pub low_open: bool,
    /// High end of the interval (may be `f64::INFINITY`).
    pub high: f64,
    /// Whether `high` itself is excluded.
    pub high_open: bool,
}

/// A count expression found in a text, with its byte span (qualifier words included).
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMatch {
    /// Byte offset of the first byte of the expression.
    pub start: usize,
    /// Byte offset just past the expression.
    pub end: usize,
    /// What the expression means.
    pub quantity: Quantity,
}

impl Quantity {
    /// The quantity for `qualifier` applied to the single number `n` (not for `Range`/`Vague`,
    /// which are built with [`Quantity::range`]).
    fn single(qualifier: Qualifier, n: f64) -> Quantity {
        let (low, low_open, high, high_open) = match qualifier {
            Qualifier::About => (n * 9.0 / 10.0, false, n * 11.0 / 10.0, false),
            Qualifier::Nearly => (n * 9.0 / 10.0, false, n, false),
            Qualifier::ALittleOver => (n, true, n * 11.0 / 10.0, false),
            Qualifier::Over => (n, true, f64::INFINITY, true),
            Qualifier::AtLeast => (n, false, f64::INFINITY, true),
            Qualifier::Under => (0.0, false, n, true),
            Qualifier::AtMost => (0.0, false, n, false),
            Qualifier::Exact | Qualifier::Range | Qualifier::Vague => (n, false, n, false),
        };
        Quantity {
            qualifier,
            nominal: n,
            nominal_high: None,
            low,
            low_open,
            high,
            high_open,
        }
    }

    /// A closed interval \[a, b\] for `Range` or `Vague`.
    fn range(qualifier: Qualifier, a: f64, b: f64) -> Quantity {
        Quantity {
            qualifier,
            nominal: a,
            nominal_high: Some(b),
            low: a,
            low_open: false,
            high: b,
            high_open: false,
        }
    }

    /// Only finite numbers are ever returned (the high end of `Over`/`AtLeast` excepted).
    fn is_sane(&self) -> bool {
        let high_ok = self.high.is_finite()
            || (self.high == f64::INFINITY
                && matches!(self.qualifier, Qualifier::Over | Qualifier::AtLeast));
        self.nominal.is_finite()
            && self.nominal >= 0.0
            && self.nominal_high.is_none_or(f64::is_finite)
            && self.low.is_finite()
            && high_ok
    }

    /// Canonical text: Exact "100", About and Nearly "~100", ALittleOver and Over ">1000",
    /// AtLeast ">=1000", Under "<100", AtMost "<=100", Range and Vague "90-110". Integers
    /// without separators; non-integers with at most 2 decimals, trimmed ("1.5").
    /// `parse_quantity(display)` gives back an equal interval for every qualifier that has a
    /// distinct display.
    pub fn display(&self) -> String {
        let n = fmt_num(self.nominal);
        match self.qualifier {
            Qualifier::Exact => n,
            Qualifier::About | Qualifier::Nearly => format!("~{n}"),
            Qualifier::ALittleOver | Qualifier::Over => format!(">{n}"),
            Qualifier::AtLeast => format!(">={n}"),
            Qualifier::Under => format!("<{n}"),
            Qualifier::AtMost => format!("<={n}"),
            Qualifier::Range | Qualifier::Vague => {
                format!("{}-{}", fmt_num(self.low), fmt_num(self.high))
            }
        }
    }

    /// True when the two intervals share at least one point (respecting open ends): this is
    /// how sources are judged compatible.
    pub fn overlaps(&self, other: &Quantity) -> bool {
        let (lo, lo_open) = if self.low > other.low {
            (self.low, self.low_open)
        } else if other.low > self.low {
            (other.low, other.low_open)
        } else {
            (self.low, self.low_open || other.low_open)
        };
        let (hi, hi_open) = if self.high < other.high {
            (self.high, self.high_open)
        } else if other.high < self.high {
            (other.high, other.high_open)
        } else {
            (self.high, self.high_open || other.high_open)
        };
        lo < hi || (lo == hi && !lo_open && !hi_open)
    }
}

/// Integers without separators, other numbers with at most two decimals, trimmed.
fn fmt_num(x: f64) -> String {
    if !x.is_finite() {
        return "inf".to_string();
    }
    if x.fract() == 0.0 {
        return format!("{x:.0}");
    }
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Every count expression in `text`, sorted by start, non-overlapping, each the longest reading
/// (qualifier words included in the span).
pub fn find_quantities(text: &str) -> Vec<QuantityMatch> {
    let p = Parser::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        match p.at(i) {
            Step::Yes((end, quantity)) => {
                out.push(QuantityMatch {
                    start: p.toks[i].start,
                    end: p.toks[end - 1].end,
                    quantity,
                });
                i = end;
            }
            Step::Skip(k) => i = k.max(i + 1),
            Step::No => i += 1,
        }
    }
    out
}

/// The whole of `text` (trimmed) read as one count expression, e.g. "une centaine", "~100",
/// ">1000", ">=1000", "<100", "<=100", "90-110", "1 000", "three million". `None` if it is not
/// exactly one.
pub fn parse_quantity(text: &str) -> Option<Quantity> {
    let t: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
            '\u{2010}'..='\u{2013}' => '-',
            '\u{2019}' => '\'',
            c => c,
        })
        .collect();
    let found = find_quantities(&t);
    match found.as_slice() {
        [m] if m.start == 0 && m.end == t.len() => Some(m.quantity),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tk {
    /// A run of letters (any script).
    Word,
    /// A run of ASCII digits.
    Digits,
    /// Any other single non-space character.
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Tk,
}

fn char_kind(c: char) -> Tk {
    if c.is_ascii_digit() {
        Tk::Digits
    } else if c.is_alphanumeric() {
        Tk::Word
    } else {
        Tk::Punct
    }
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((s, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = char_kind(c);
        let mut e = s + c.len_utf8();
        if kind != Tk::Punct {
            while let Some(&(p, d)) = it.peek() {
                if d.is_whitespace() || char_kind(d) != kind {
                    break;
                }
                e = p + d.len_utf8();
                it.next();
            }
        }
        toks.push(Tok {
            start: s,
            end: e,
            kind,
        });
    }
    toks
}

// ---------------------------------------------------------------------------------------------
// Lexicon

/// Qualifier phrases placed before the number (normalized text).
const QUALIFIERS: &[(&str, Qualifier)] = {
    use Qualifier::*;
    &[
        ("about", About),
        ("around", About),
        ("roughly", About),
        ("approximately", About),
        ("some", About),
        ("an estimated", About),
        ("circa", About),
        ("environ", About),
        ("pres de", About),
        ("pres d'", About),
        ("quelque", About),
        ("quelques", About),
        ("autour de", About),
        ("autour d'", About),
        ("approximativement", About),
        ("a peu pres", About),
        ("~", About),
        ("≈", About),
        ("nearly", Nearly),
        ("almost", Nearly),
        ("just under", Nearly),
        ("close to", Nearly),
        ("presque", Nearly),
        ("pas loin de", Nearly),
        ("pas loin d'", Nearly),
        ("un peu moins de", Nearly),
        ("un peu moins d'", Nearly),
        ("a little over", ALittleOver),
        ("a little more than", ALittleOver),
        ("a bit more than", ALittleOver),
        ("just over", ALittleOver),
        ("just above", ALittleOver),
        ("slightly more than", ALittleOver),
        ("slightly over", ALittleOver),
        ("slightly above", ALittleOver),
        ("un peu plus de", ALittleOver),
        ("un peu plus d'", ALittleOver),
        ("legerement plus de", ALittleOver),
        ("legerement plus d'", ALittleOver),
        ("more than", Over),
        ("over", Over),
        ("upwards of", Over),
        ("in excess of", Over),
        ("above", Over),
        ("plus de", Over),
        ("plus d'", Over),
        ("au-dela de", Over),
        ("au-dela d'", Over),
        ("au dela de", Over),
        (">", Over),
        ("at least", AtLeast),
        ("no fewer than", AtLeast),
        ("no less than", AtLeast),
        ("not less than", AtLeast),
        ("au moins", AtLeast),
        ("au minimum", AtLeast),
        ("pas moins de", AtLeast),
        ("pas moins d'", AtLeast),
        (">=", AtLeast),
        ("≥", AtLeast),
        ("fewer than", Under),
        ("less than", Under),
        ("under", Under),
        ("below", Under),
        ("moins de", Under),
        ("moins d'", Under),
        ("<", Under),
        ("up to", AtMost),
        ("at most", AtMost),
        ("no more than", AtMost),
        ("not more than", AtMost),
        ("as many as", AtMost),
        ("jusqu'a", AtMost),
        ("au plus", AtMost),
        ("au maximum", AtMost),
        ("tout au plus", AtMost),
        ("pas plus de", AtMost),
        ("pas plus d'", AtMost),
        ("<=", AtMost),
        ("≤", AtMost),
    ]
};

/// Phrases after the number.
const SUFFIXES: &[(&str, Qualifier)] = &[
    ("or so", Qualifier::About),
    ("or more", Qualifier::AtLeast),
    ("ou plus", Qualifier::AtLeast),
    ("or less", Qualifier::AtMost),
    ("or fewer", Qualifier::AtMost),
    ("ou moins", Qualifier::AtMost),
];

type PhraseTable = HashMap<String, Vec<(Vec<String>, Qualifier)>>;

/// Phrases split into tokens, indexed by first token, longest first.
fn phrase_table(list: &[(&str, Qualifier)]) -> PhraseTable {
    let mut map: PhraseTable = HashMap::new();
    for &(phrase, q) in list {
        let words: Vec<String> = tokenize(phrase)
            .iter()
            .map(|t| phrase[t.start..t.end].to_string())
            .collect();
        map.entry(words[0].clone()).or_default().push((words, q));
    }
    for v in map.values_mut() {
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    map
}

fn qualifier_table() -> &'static PhraseTable {
    static T: OnceLock<PhraseTable> = OnceLock::new();
    T.get_or_init(|| phrase_table(QUALIFIERS))
}

fn suffix_table() -> &'static PhraseTable {
    static T: OnceLock<PhraseTable> = OnceLock::new();
    T.get_or_init(|| phrase_table(SUFFIXES))
}

#[derive(Debug, Clone, Copy)]
enum Lex {
    Small(u64),
    Hundred,
    Scale(f64),
    Dozen,
}

fn lex(w: &str) -> Option<Lex> {
    use Lex::*;
    Some(match w {
        "zero" => Small(0),
        "one" | "un" | "une" => Small(1),
        "two" | "deux" => Small(2),
        "three" | "trois" => Small(3),
        "four" | "quatre" => Small(4),
        "five" | "cinq" => Small(5),
        "six" => Small(6),
        "seven" | "sept" => Small(7),
        "eight" | "huit" => Small(8),
        "nine" | "neuf" => Small(9),
        "ten" | "dix" => Small(10),
        "eleven" | "onze" => Small(11),
        "twelve" | "douze" => Small(12),
        "thirteen" | "treize" => Small(13),
        "fourteen" | "quatorze" => Small(14),
        "fifteen" | "quinze" => Small(15),
        "sixteen" | "seize" => Small(16),
        "seventeen" => Small(17),
        "eighteen" => Small(18),
        "nineteen" => Small(19),
        "twenty" | "vingt" | "vingts" => Small(20),
        "thirty" | "trente" => Small(30),
        "forty" | "quarante" => Small(40),
        "fifty" | "cinquante" => Small(50),
        "sixty" | "soixante" => Small(60),
        "seventy" | "septante" => Small(70),
        "eighty" | "huitante" | "octante" => Small(80),
        "ninety" | "nonante" => Small(90),
        "hundred" | "cent" | "cents" => Hundred,
        "thousand" | "mille" => Scale(1e3),
        "million" | "millions" => Scale(1e6),
        "billion" | "billions" | "milliard" | "milliards" => Scale(1e9),
        "trillion" | "trillions" => Scale(1e12),
        "dozen" => Dozen,
        _ => return None,
    })
}

/// French approximate nouns ("une centaine" ~100).
fn approx_noun(w: &str) -> Option<f64> {
    Some(match w {
        "dizaine" => 10.0,
        "douzaine" => 12.0,
        "quinzaine" => 15.0,
        "vingtaine" => 20.0,
        "trentaine" => 30.0,
        "quarantaine" => 40.0,
        "cinquantaine" => 50.0,
        "soixantaine" => 60.0,
        "centaine" => 100.0,
        "millier" => 1000.0,
        _ => return None,
    })
}

/// Plural scale nouns that can follow "de"/"of" ("des centaines de milliers").
fn plural_scale(w: &str) -> Option<f64> {
    Some(match w {
        "milliers" | "thousands" => 1e3,
        "millions" => 1e6,
        "milliards" | "billions" => 1e9,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// Parser

enum Step<T> {
    No,
    Yes(T),
    /// Not a count, and nothing before this token index is one either.
    Skip(usize),
}

/// A bare number (no qualifier), as token span and value.
#[derive(Debug, Clone, Copy)]
struct Core {
    end: usize,
    value: f64,
    /// The multiplier of a trailing scale word ("3 million": 1e6), else 1.
    scale: f64,
    /// An approximate noun ("une centaine").
    approx: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    None,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
}

struct Parser<'a> {
    text: &'a str,
    toks: Vec<Tok>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            text,
            toks: tokenize(text),
        }
    }

    fn s(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.text[t.start..t.end]
    }

    fn kind(&self, i: usize) -> Option<Tk> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        (self.kind(i)? == Tk::Word).then(|| self.s(i))
    }

    fn punct(&self, i: usize) -> Option<char> {
        (self.kind(i)? == Tk::Punct)
            .then(|| self.s(i).chars().next())
            .flatten()
    }

    /// Tokens `a` and `b` touch (no space between).
    fn adj(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.end == y.start,
            _ => false,
        }
    }

    fn phrase_at(&self, i: usize, table: &PhraseTable) -> Option<(Qualifier, usize)> {
        let first = self.s_opt(i)?;
        let cands = table.get(first)?;
        cands.iter().find_map(|(words, q)| {
            let ok = words
                .iter()
                .enumerate()
                .all(|(k, w)| self.s_opt(i + k) == Some(w.as_str()));
            ok.then_some((*q, i + words.len()))
        })
    }

    fn s_opt(&self, i: usize) -> Option<&'a str> {
        (i < self.toks.len()).then(|| self.s(i))
    }

    /// Token index past a percent marker at `j`, if there is one.
    fn percent_at(&self, j: usize) -> Option<usize> {
        if self.punct(j) == Some('%') {
            return Some(j + 1);
        }
        match self.word(j)? {
            "percent" | "pourcent" => Some(j + 1),
            "pour" | "per" if self.word(j + 1) == Some("cent") => Some(j + 2),
            _ => None,
        }
    }

    /// End of the glued run of digits, letters and number punctuation from `i`.
    fn blob_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j < self.toks.len()
            && self.adj(j - 1, j)
            && (self.kind(j) != Some(Tk::Punct)
                || matches!(self.punct(j), Some('.' | ',' | '\'' | ':' | '-')))
        {
            j += 1;
        }
        j
    }

    /// Everything that may start at token `i`.
    fn at(&self, i: usize) -> Step<(usize, Quantity)> {
        if let Some((end, a, b)) = self.lead_range(i) {
            return emit(end, Quantity::range(Qualifier::Range, a, b));
        }
        if let Some((q, k)) = self.phrase_at(i, qualifier_table()) {
            let digits_ok = self.s(i) != "quelques" || self.kind(k) == Some(Tk::Digits);
            if digits_ok {
                match self.core(k) {
                    Step::Yes(c) => return emit(c.end, Quantity::single(q, c.value)),
                    Step::Skip(s) => return Step::Skip(s),
                    Step::No => {}
                }
            }
        }
        if let Some((end, a, b)) = self.vague(i) {
            return emit(end, Quantity::range(Qualifier::Vague, a, b));
        }
        match self.core(i) {
            Step::Yes(c) => {
                if let Some((end, a, b)) = self.tail_range(&c) {
                    return emit(end, Quantity::range(Qualifier::Range, a, b));
                }
                if let Some((q, end)) = self.phrase_at(c.end, suffix_table()) {
                    return emit(end, Quantity::single(q, c.value));
                }
                let q = if c.approx {
                    Qualifier::About
                } else {
                    Qualifier::Exact
                };
                emit(c.end, Quantity::single(q, c.value))
            }
            Step::Skip(s) => Step::Skip(s),
            Step::No => Step::No,
        }
    }

    /// "between X and Y", "entre X et Y", "from X to Y", "de X a Y".
    fn lead_range(&self, i: usize) -> Option<(usize, f64, f64)> {
        let conn = match self.word(i)? {
            "between" => "and",
            "entre" => "et",
            "from" => "to",
            "de" => "a",
            _ => return None,
        };
        let Step::Yes(x) = self.core(i + 1) else {
            return None;
        };
        if self.word(x.end) != Some(conn) {
            return None;
        }
        let Step::Yes(y) = self.core(x.end + 1) else {
            return None;
        };
        let (a, b) = make_range(&x, &y)?;
        Some((y.end, a, b))
    }

    /// "X to Y", "X a Y", "X-Y" (digits) after a number `x`.
    fn tail_range(&self, x: &Core) -> Option<(usize, f64, f64)> {
        let j = x.end;
        let y = if self.punct(j) == Some('-') {
            if self.kind(x.end - 1) != Some(Tk::Digits) || self.kind(j + 1) != Some(Tk::Digits) {
                return None;
            }
            self.digits(j + 1)
        } else if matches!(self.word(j), Some("to" | "a")) {
            self.core(j + 1)
        } else {
            return None;
        };
        let Step::Yes(y) = y else { return None };
        let (a, b) = make_range(x, &y)?;
        Some((y.end, a, b))
    }

    /// "dozens", "des centaines", "several thousand", "tens of thousands", ...
    fn vague(&self, i: usize) -> Option<(usize, f64, f64)> {
        let (k, singular_ok) = match self.word(i)? {
            "des" | "plusieurs" | "quelques" => (i + 1, false),
            "several" => (i + 1, true),
            "a" if self.word(i + 1) == Some("few") => (i + 2, true),
            _ => (i, false),
        };
        let w = self.word(k)?;
        let base = match w {
            "dizaines" | "dozens" | "tens" => 10.0,
            "centaines" | "hundreds" => 100.0,
            "milliers" | "thousands" => 1e3,
            "millions" => 1e6,
            "milliards" | "billions" => 1e9,
            "dozen" if singular_ok => 10.0,
            "hundred" if singular_ok => 100.0,
            "thousand" if singular_ok => 1e3,
            "million" if singular_ok => 1e6,
            "billion" if singular_ok => 1e9,
            _ => return None,
        };
        let mut end = k + 1;
        let mut unit = base;
        if matches!(self.word(end), Some("de" | "of"))
            && let Some(m) = self.word(end + 1).and_then(plural_scale)
            && m > base
        {
            unit = base * m;
            end += 2;
        }
        if w == "tens" && unit == base {
            return None;
        }
        Some((end, 2.0 * unit, 10.0 * unit - 1.0))
    }

    /// A bare number at token `i`: approximate noun, number words, or digits.
    fn core(&self, i: usize) -> Step<Core> {
        match self.kind(i) {
            Some(Tk::Digits) => self.digits(i),
            Some(Tk::Word) => {
                if self.word(i) == Some("half")
                    && self.word(i + 1) == Some("a")
                    && self.word(i + 2) == Some("dozen")
                {
                    return Step::Yes(Core {
                        end: i + 3,
                        value: 6.0,
                        scale: 1.0,
                        approx: false,
                    });
                }
                if let Some(c) = self.approx(i) {
                    return Step::Yes(c);
                }
                self.words(i)
            }
            _ => Step::No,
        }
    }

    /// "une centaine", "un millier", "une dizaine de milliers".
    fn approx(&self, i: usize) -> Option<Core> {
        if !matches!(self.word(i)?, "un" | "une") {
            return None;
        }
        let (v, mut end) = if self.word(i + 1) == Some("demi")
            && self.punct(i + 2) == Some('-')
            && self.word(i + 3) == Some("douzaine")
        {
            (6.0, i + 4)
        } else {
            (approx_noun(self.word(i + 1)?)?, i + 2)
        };
        let mut scale = 1.0;
        if self.word(end) == Some("de")
            && let Some(m) = self.word(end + 1).and_then(plural_scale)
        {
            scale = m;
            end += 2;
        }
        Some(Core {
            end,
            value: v * scale,
            scale,
            approx: true,
        })
    }

    /// Number words, English or French.
    fn words(&self, i: usize) -> Step<Core> {
        let Some(first) = self.word(i) else {
            return Step::No;
        };
        if first == "cent" && i > 0 && matches!(self.word(i - 1), Some("pour" | "per")) {
            return Step::Skip(i + 1);
        }
        if matches!(
            first,
            "millions" | "milliards" | "billions" | "trillions" | "cents" | "vingts"
        ) {
            return Step::No;
        }
        let mut total = 0.0f64;
        let mut cur: u64 = 0;
        let mut last = Last::None;
        let mut last_scale = f64::INFINITY;
        let mut tail_scale = 1.0;
        let mut j = i;
        let mut end = i;
        let mut any = false;
        let mut dozen = false;
        match first {
            "a" | "an" | "un" | "une" => {
                let next = self.word(i + 1);
                let ok = if matches!(first, "a" | "an") {
                    matches!(
                        next,
                        Some("hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen")
                    )
                } else {
                    matches!(next, Some("million" | "milliard"))
                };
                if !ok {
                    return Step::No;
                }
                cur = 1;
                last = Last::Unit;
                j = i + 1;
            }
            _ => {}
        }
        while j < self.toks.len() {
            let mut k = j;
            let mut hyphen = false;
            let mut conj: Option<&str> = None;
            if any {
                if self.punct(k) == Some('-') && self.adj(k - 1, k) && self.adj(k, k + 1) {
                    hyphen = true;
                    k += 1;
                }
                if let Some(c @ ("and" | "et")) = self.word(k) {
                    conj = Some(c);
                    k += 1;
                    if self.punct(k) == Some('-') && self.adj(k - 1, k) && self.adj(k, k + 1) {
                        k += 1;
                    }
                }
            }
            let Some(w) = self.word(k) else { break };
            let Some(lx) = lex(w) else { break };
            let conj_ok = match conj {
                Some("and") => {
                    matches!(last, Last::Hundred | Last::Scale) && matches!(lx, Lex::Small(_))
                }
                Some(_) => {
                    last == Last::Tens
                        && matches!(cur % 100, 20 | 30 | 40 | 50 | 60)
                        && matches!(w, "un" | "une" | "onze")
                }
                None => true,
            };
            if !conj_ok {
                break;
            }
            let ok = match lx {
                Lex::Small(v) => {
                    let kind = match v {
                        0..=9 => Last::Unit,
                        10..=19 => Last::Teen,
                        _ => Last::Tens,
                    };
                    match last {
                        Last::None | Last::Hundred | Last::Scale => {
                            cur += v;
                            last = kind;
                            true
                        }
                        Last::Tens if (1..=9).contains(&v) => {
                            cur += v;
                            last = Last::Unit;
                            true
                        }
                        Last::Tens if matches!(cur % 100, 60 | 80) && (10..=19).contains(&v) => {
                            cur += v;
                            last = Last::Teen;
                            true
                        }
                        Last::Unit if v == 20 && cur % 100 == 4 => {
                            cur += 76;
                            last = Last::Tens;
                            true
                        }
                        Last::Teen if hyphen && cur.is_multiple_of(10) && (7..=9).contains(&v) => {
                            cur += v;
                            last = Last::Unit;
                            true
                        }
                        _ => false,
                    }
                }
                Lex::Hundred => match last {
                    Last::None | Last::Scale if cur == 0 => {
                        cur = 100;
                        last = Last::Hundred;
                        true
                    }
                    Last::Unit | Last::Teen | Last::Tens if (1..100).contains(&cur) => {
                        cur *= 100;
                        last = Last::Hundred;
                        true
                    }
                    _ => false,
                },
                Lex::Scale(s) if s < last_scale => {
                    let group = if cur == 0 { 1 } else { cur };
                    total += group as f64 * s;
                    cur = 0;
                    last = Last::Scale;
                    last_scale = s;
                    true
                }
                Lex::Scale(_) => false,
                Lex::Dozen => {
                    if matches!(last, Last::Unit | Last::Teen | Last::Tens) && total == 0.0 {
                        cur *= 12;
                        dozen = true;
                        true
                    } else {
                        false
                    }
                }
            };
            if !ok {
                break;
            }
            tail_scale = match lx {
                Lex::Hundred => 100.0,
                Lex::Scale(s) => s,
                _ => 1.0,
            };
            any = true;
            end = k + 1;
            j = k + 1;
            if dozen {
                break;
            }
        }
        if !any {
            return Step::No;
        }
        if let Some(p) = self.percent_at(end) {
            return Step::Skip(p);
        }
        Step::Yes(Core {
            end,
            value: total + cur as f64,
            scale: tail_scale,
            approx: false,
        })
    }

    /// Digits with group separators / decimal mark, optionally followed by a scale word.
    fn digits(&self, i: usize) -> Step<Core> {
        let n = self.toks.len();
        let skip = |j: usize| Step::Skip(self.blob_end(i).max(j));
        if i > 0 && self.adj(i - 1, i) {
            let p = i - 1;
            match self.kind(p) {
                Some(Tk::Word) => return skip(i + 1),
                Some(Tk::Punct) => {
                    let c = self.punct(p);
                    let before = if p > 0 && self.adj(p - 1, p) {
                        self.kind(p - 1)
                    } else {
                        None
                    };
                    if c == Some('-') && before == Some(Tk::Word) {
                        return skip(i + 1);
                    }
                    if matches!(c, Some('.' | ',' | '\'' | ':')) && before == Some(Tk::Digits) {
                        return skip(i + 1);
                    }
                }
                _ => {}
            }
        }
        let first = self.s(i);
        let mut num = String::from(first);
        let mut j = i + 1;
        let mut sep: Option<char> = None;
        if first.len() <= 3 && !first.starts_with('0') {
            while j < n {
                let three = |k: usize| self.kind(k) == Some(Tk::Digits) && self.s(k).len() == 3;
                if three(j)
                    && &self.text[self.toks[j - 1].end..self.toks[j].start] == " "
                    && sep.is_none_or(|c| c == ' ')
                {
                    num.push_str(self.s(j));
                    sep = Some(' ');
                    j += 1;
                    continue;
                }
                if let Some(c @ (',' | '.' | '\'')) = self.punct(j)
                    && self.adj(j - 1, j)
                    && self.adj(j, j + 1)
                    && three(j + 1)
                    && sep.is_none_or(|s| s == c)
                {
                    num.push_str(self.s(j + 1));
                    sep = Some(c);
                    j += 2;
                    continue;
                }
                break;
            }
        }
        if let Some(c @ (',' | '.')) = self.punct(j)
            && self.adj(j - 1, j)
            && self.adj(j, j + 1)
            && self.kind(j + 1) == Some(Tk::Digits)
        {
            let d = self.s(j + 1);
            let ok = match sep {
                Some(s) => s != c,
                None => d.len() != 3 || first.starts_with('0'),
            };
            if !ok {
                return skip(j + 2);
            }
            num.push('.');
            num.push_str(d);
            j += 2;
        }
        if j < n && self.adj(j - 1, j) {
            match self.kind(j) {
                Some(Tk::Word) | Some(Tk::Digits) => return skip(j + 1),
                _ => {
                    let c = self.punct(j);
                    let next = if self.adj(j, j + 1) {
                        self.kind(j + 1)
                    } else {
                        None
                    };
                    if matches!(c, Some('.' | ',' | '\'' | ':')) && next == Some(Tk::Digits) {
                        return skip(j + 2);
                    }
                    // "1,000-strong" (English) gives the size of what follows; any other
                    // hyphenated word makes a code or a compound ("76-year", "20-page").
                    if c == Some('-') && next == Some(Tk::Word) && self.s(j + 1) != "strong" {
                        return skip(j + 2);
                    }
                }
            }
        }
        if let Some(p) = self.percent_at(j) {
            return Step::Skip(p);
        }
        let Ok(mut value) = num.parse::<f64>() else {
            return skip(j);
        };
        let mut end = j;
        let mut scale = 1.0;
        if let Some(Lex::Scale(s)) = self.word(j).and_then(lex) {
            value *= s;
            scale = s;
            end = j + 1;
        }
        if !value.is_finite() {
            return skip(end);
        }
        Step::Yes(Core {
            end,
            value,
            scale,
            approx: false,
        })
    }
}

/// A range from two numbers; "2 to 3 million" carries the scale back to the low end.
fn make_range(x: &Core, y: &Core) -> Option<(f64, f64)> {
    let mut a = x.value;
    if x.scale == 1.0 && y.scale > 1.0 && a * y.scale <= y.value {
        a *= y.scale;
    }
    (a < y.value).then_some((a, y.value))
}

fn emit(end: usize, q: Quantity) -> Step<(usize, Quantity)> {
    if q.is_sane() {
        Step::Yes((end, q))
    } else {
        Step::Skip(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (span text, display) of every match.
    fn spans(text: &str) -> Vec<(String, String)> {
        find_quantities(text)
            .iter()
            .map(|m| (text[m.start..m.end].to_string(), m.quantity.display()))
            .collect()
    }

    /// The single match in `text`: its span and quantity.
    fn one(text: &str) -> (String, Quantity) {
        let v = find_quantities(text);
        assert_eq!(v.len(), 1, "{text:?} gave {:?}", spans(text));
        (text[v[0].start..v[0].end].to_string(), v[0].quantity)
    }

    /// The single match has this span text, display and interval.
    fn check(text: &str, span: &str, display: &str, interval: (f64, bool, f64, bool)) {
        let (s, q) = one(text);
        assert_eq!(s, span, "span of {text:?}");
        assert_eq!(q.display(), display, "display of {text:?}");
        assert_eq!(
            (q.low, q.low_open, q.high, q.high_open),
            interval,
            "interval of {text:?}"
        );
    }

    fn none(text: &str) {
        assert!(
            find_quantities(text).is_empty(),
            "{text:?} gave {:?}",
            spans(text)
        );
    }

    const INF: f64 = f64::INFINITY;

    fn exact(text: &str, n: f64) {
        let (_, q) = one(text);
        assert_eq!(q.qualifier, Qualifier::Exact, "{text:?}");
        assert_eq!(q.nominal, n, "{text:?}");
        assert_eq!((q.low, q.high), (n, n));
    }

    #[test]
    fn digits_with_separators() {
        exact("1 000 soldats", 1000.0);
        exact("1,000 soldiers", 1000.0);
        exact("1.000 soldats", 1000.0);
        exact("1'000 soldats", 1000.0);
        exact("10 000 000 de personnes", 1e7);
        exact("1,000,000 people", 1e6);
        exact("3.2", 3.2);
        exact("12,50 euros", 12.5);
        exact("1 000,5", 1000.5);
        exact("1,000.25", 1000.25);
        exact("0.125", 0.125);
        exact("300.", 300.0);
        exact("1,5000", 1.5);
        assert_eq!(
            spans("en 2020 100 soldats"),
            vec![("2020".into(), "2020".into()), ("100".into(), "100".into())]
        );
        assert_eq!(spans("in 2019, 300 troops").len(), 2);
    }

    #[test]
    fn digits_with_scale() {
        check(
            "1,5 million de",
            "1,5 million",
            "1500000",
            (1.5e6, false, 1.5e6, false),
        );
        exact("3 millions de personnes", 3e6);
        exact("1,5 milliard d'euros", 1.5e9);
        exact("2 billion dollars", 2e9);
        exact("10 thousand troops", 1e4);
        exact("10 mille soldats", 1e4);
    }

    #[test]
    fn french_words() {
        exact("cent soldats", 100.0);
        exact("deux cents soldats", 200.0);
        exact("mille soldats", 1000.0);
        exact("dix mille soldats", 1e4);
        exact("trois millions de", 3e6);
        exact("vingt-et-un soldats", 21.0);
        exact("vingt et un soldats", 21.0);
        exact("trente et une", 31.0);
        exact("soixante-dix soldats", 70.0);
        exact("soixante et onze", 71.0);
        exact("soixante-dix-sept", 77.0);
        exact("quatre-vingts soldats", 80.0);
        exact("quatre-vingt-un", 81.0);
        exact("quatre-vingt-dix soldats", 90.0);
        exact("quatre-vingt-dix-neuf", 99.0);
        exact("dix-huit", 18.0);
        exact("deux cent mille", 2e5);
        exact("cent quatre-vingts", 180.0);
        exact("un million deux cent mille", 1.2e6);
        exact("un milliard", 1e9);
        exact("trois", 3.0);
    }

    #[test]
    fn english_words() {
        exact("a hundred soldiers", 100.0);
        exact("one hundred and fifty soldiers", 150.0);
        exact("three million people", 3e6);
        exact("twenty-five troops", 25.0);
        exact("twenty five troops", 25.0);
        exact("a dozen planes", 12.0);
        exact("two dozen planes", 24.0);
        exact("a thousand", 1000.0);
        exact("a hundred thousand", 1e5);
        exact("two thousand and five", 2005.0);
        exact("one", 1.0);
        exact("1", 1.0);
        exact("fifteen hundred", 1500.0);
    }

    #[test]
    fn articles_alone_are_not_one() {
        none("un nombre (inconnu) d'instructeurs");
        none("a transport plane");
        none("une unite");
        none("an official said");
        check(
            "un million",
            "un million",
            "1000000",
            (1e6, false, 1e6, false),
        );
    }

    #[test]
    fn approximate_nouns() {
        let about = |n: f64| (n * 9.0 / 10.0, false, n * 11.0 / 10.0, false);
        check(
            "l'arrivee d'une centaine d'instructeurs",
            "une centaine",
            "~100",
            (90.0, false, 110.0, false),
        );
        check(
            "une dizaine de soldats",
            "une dizaine",
            "~10",
            (9.0, false, 11.0, false),
        );
        check("une douzaine", "une douzaine", "~12", about(12.0));
        check("une quinzaine", "une quinzaine", "~15", about(15.0));
        check("une vingtaine", "une vingtaine", "~20", about(20.0));
        check(
            "une trentaine",
            "une trentaine",
            "~30",
            (27.0, false, 33.0, false),
        );
        check(
            "une quarantaine",
            "une quarantaine",
            "~40",
            (36.0, false, 44.0, false),
        );
        check(
            "une cinquantaine",
            "une cinquantaine",
            "~50",
            (45.0, false, 55.0, false),
        );
        check(
            "une soixantaine",
            "une soixantaine",
            "~60",
            (54.0, false, 66.0, false),
        );
        check(
            "un millier de",
            "un millier",
            "~1000",
            (900.0, false, 1100.0, false),
        );
        check(
            "une centaine de milliers de personnes",
            "une centaine de milliers",
            "~100000",
            (90000.0, false, 110000.0, false),
        );
        none("en quarantaine");
        check("une demi-douzaine", "une demi-douzaine", "~6", about(6.0));
        exact("half a dozen", 6.0);
    }

    #[test]
    fn qualifiers_about() {
        for t in [
            "about 100",
            "around 100",
            "roughly 100",
            "approximately 100",
            "some 100",
            "an estimated 100",
            "environ 100",
            "pres de 100",
            "quelque 100",
            "quelques 100",
            "autour de 100",
            "approximativement 100",
            "a peu pres 100",
            "100 or so",
            "~100",
        ] {
            check(
                &format!("{t} soldats"),
                t,
                "~100",
                (90.0, false, 110.0, false),
            );
        }
        check(
            "pres d'un millier",
            "pres d'un millier",
            "~1000",
            (900.0, false, 1100.0, false),
        );
        check(
            "pres de 50 soldats",
            "pres de 50",
            "~50",
            (45.0, false, 55.0, false),
        );
    }

    #[test]
    fn qualifiers_nearly() {
        for t in [
            "nearly 100",
            "almost 100",
            "just under 100",
            "close to 100",
            "presque 100",
            "pas loin de 100",
            "un peu moins de 100",
        ] {
            let (s, q) = one(&format!("{t} soldats"));
            assert_eq!(s, t);
            assert_eq!(q.qualifier, Qualifier::Nearly);
            assert_eq!(q.display(), "~100");
            assert_eq!(
                (q.low, q.low_open, q.high, q.high_open),
                (90.0, false, 100.0, false)
            );
        }
    }

    #[test]
    fn qualifiers_a_little_over() {
        for t in [
            "a little over 1,000",
            "just over 1,000",
            "slightly more than 1,000",
            "slightly over 1,000",
            "un peu plus de 1 000",
            "legerement plus de 1 000",
        ] {
            let (s, q) = one(&format!("{t} soldats americains"));
            assert_eq!(s, t);
            assert_eq!(q.qualifier, Qualifier::ALittleOver);
            assert_eq!(q.display(), ">1000");
            assert_eq!(
                (q.low, q.low_open, q.high, q.high_open),
                (1000.0, true, 1100.0, false)
            );
        }
    }

    #[test]
    fn qualifiers_over_at_least_under_at_most() {
        type Case = (
            &'static str,
            Qualifier,
            &'static str,
            (f64, bool, f64, bool),
        );
        let cases: &[Case] = &[
            (
                "more than 50",
                Qualifier::Over,
                ">50",
                (50.0, true, INF, true),
            ),
            ("over 50", Qualifier::Over, ">50", (50.0, true, INF, true)),
            (
                "upwards of 50",
                Qualifier::Over,
                ">50",
                (50.0, true, INF, true),
            ),
            (
                "in excess of 50",
                Qualifier::Over,
                ">50",
                (50.0, true, INF, true),
            ),
            (
                "plus de 50",
                Qualifier::Over,
                ">50",
                (50.0, true, INF, true),
            ),
            (
                "au-dela de 50",
                Qualifier::Over,
                ">50",
                (50.0, true, INF, true),
            ),
            (
                "plus d'un millier",
                Qualifier::Over,
                ">1000",
                (1000.0, true, INF, true),
            ),
            (
                "plus d'une centaine",
                Qualifier::Over,
                ">100",
                (100.0, true, INF, true),
            ),
            (
                "more than a dozen",
                Qualifier::Over,
                ">12",
                (12.0, true, INF, true),
            ),
            (
                "at least 50",
                Qualifier::AtLeast,
                ">=50",
                (50.0, false, INF, true),
            ),
            (
                "no fewer than 50",
                Qualifier::AtLeast,
                ">=50",
                (50.0, false, INF, true),
            ),
            (
                "no less than 50",
                Qualifier::AtLeast,
                ">=50",
                (50.0, false, INF, true),
            ),
            (
                "au moins 50",
                Qualifier::AtLeast,
                ">=50",
                (50.0, false, INF, true),
            ),
            (
                "pas moins de 50",
                Qualifier::AtLeast,
                ">=50",
                (50.0, false, INF, true),
            ),
            (
                "50 or more",
                Qualifier::AtLeast,
                ">=50",
                (50.0, false, INF, true),
            ),
            (
                "fewer than 50",
                Qualifier::Under,
                "<50",
                (0.0, false, 50.0, true),
            ),
            (
                "less than 50",
                Qualifier::Under,
                "<50",
                (0.0, false, 50.0, true),
            ),
            (
                "under 50",
                Qualifier::Under,
                "<50",
                (0.0, false, 50.0, true),
            ),
            (
                "below 50",
                Qualifier::Under,
                "<50",
                (0.0, false, 50.0, true),
            ),
            (
                "moins de 50",
                Qualifier::Under,
                "<50",
                (0.0, false, 50.0, true),
            ),
            (
                "moins d'une centaine",
                Qualifier::Under,
                "<100",
                (0.0, false, 100.0, true),
            ),
            (
                "up to 300",
                Qualifier::AtMost,
                "<=300",
                (0.0, false, 300.0, false),
            ),
            (
                "at most 300",
                Qualifier::AtMost,
                "<=300",
                (0.0, false, 300.0, false),
            ),
            (
                "no more than 300",
                Qualifier::AtMost,
                "<=300",
                (0.0, false, 300.0, false),
            ),
            (
                "as many as 300",
                Qualifier::AtMost,
                "<=300",
                (0.0, false, 300.0, false),
            ),
            (
                "jusqu'a 300",
                Qualifier::AtMost,
                "<=300",
                (0.0, false, 300.0, false),
            ),
            (
                "au plus 300",
                Qualifier::AtMost,
                "<=300",
                (0.0, false, 300.0, false),
            ),
            (
                "au maximum 300",
                Qualifier::AtMost,
                "<=300",
                (0.0, false, 300.0, false),
            ),
            (
                "tout au plus 300",
                Qualifier::AtMost,
                "<=300",
                (0.0, false, 300.0, false),
            ),
            (
                "over three million",
                Qualifier::Over,
                ">3000000",
                (3e6, true, INF, true),
            ),
        ];
        for (t, qual, disp, iv) in cases {
            let (s, q) = one(&format!("il y a {t} hommes"));
            assert_eq!(&s, t);
            assert_eq!(q.qualifier, *qual, "{t}");
            assert_eq!(q.display(), *disp, "{t}");
            assert_eq!((q.low, q.low_open, q.high, q.high_open), *iv, "{t}");
        }
    }

    #[test]
    fn ranges() {
        for t in [
            "between 90 and 110",
            "entre 90 et 110",
            "90 to 110",
            "from 90 to 110",
            "de 90 a 110",
            "90-110",
            "90 - 110",
            "90 a 110",
            "entre quatre-vingt-dix et cent dix",
        ] {
            let (s, q) = one(&format!("{t} soldats"));
            assert_eq!(s, t);
            assert_eq!(q.qualifier, Qualifier::Range, "{t}");
            assert_eq!(q.display(), "90-110", "{t}");
            assert_eq!(q.nominal_high, Some(110.0));
            assert_eq!(
                (q.low, q.low_open, q.high, q.high_open),
                (90.0, false, 110.0, false)
            );
        }
        let (_, q) = one("between 2 and 3 million people");
        assert_eq!(q.display(), "2000000-3000000");
        let (_, q) = one("2-3 millions de");
        assert_eq!(q.display(), "2000000-3000000");
        let (_, q) = one("entre vingt et trente");
        assert_eq!(q.display(), "20-30");
        // A descending pair is not a range.
        assert_eq!(
            spans("score 3-1"),
            vec![("3".into(), "3".into()), ("1".into(), "1".into())]
        );
    }

    #[test]
    fn vague_amounts() {
        let cases: &[(&str, &str)] = &[
            ("dozens", "20-99"),
            ("des dizaines", "20-99"),
            ("several dozen", "20-99"),
            ("plusieurs dizaines", "20-99"),
            ("hundreds", "200-999"),
            ("des centaines", "200-999"),
            ("several hundred", "200-999"),
            ("plusieurs centaines", "200-999"),
            ("a few hundred", "200-999"),
            ("quelques centaines", "200-999"),
            ("thousands", "2000-9999"),
            ("des milliers", "2000-9999"),
            ("several thousand", "2000-9999"),
            ("plusieurs milliers", "2000-9999"),
            ("tens of thousands", "20000-99999"),
            ("des dizaines de milliers", "20000-99999"),
            ("hundreds of thousands", "200000-999999"),
            ("des centaines de milliers", "200000-999999"),
            ("millions", "2000000-9999999"),
            ("des millions", "2000000-9999999"),
        ];
        for (t, disp) in cases {
            let (s, q) = one(&format!("{t} de soldats"));
            assert_eq!(&s, t);
            assert_eq!(q.qualifier, Qualifier::Vague, "{t}");
            assert_eq!(q.display(), *disp, "{t}");
            assert!(!q.low_open && !q.high_open);
        }
        none("plusieurs soldats");
        none("several soldiers");
        none("quelques soldats");
        none("tens of soldiers");
    }

    #[test]
    fn not_counts() {
        for t in [
            "il-76",
            "an-124",
            "f-16",
            "covid-19",
            "a400m",
            "76e",
            "1er",
            "2nd",
            "3rd",
            "21st",
            "10h30",
            "10:30",
            "50 %",
            "50%",
            "50 pour cent",
            "50 percent",
            "50 per cent",
            "cinquante pour cent",
            "fifty percent",
            "plus de 50 %",
            "1e400",
            "76-year-old",
            "10.04.2024",
            "version 1.2.3",
        ] {
            none(t);
        }
        exact("-5", 5.0);
        let v = spans("le 10 avril 2024");
        assert_eq!(
            v,
            vec![("10".into(), "10".into()), ("2024".into(), "2024".into())]
        );
        let v = spans("un il-76 et 300 soldats");
        assert_eq!(v, vec![("300".into(), "300".into())]);
    }

    #[test]
    fn spans_in_sentences() {
        let text = "un peu plus de 1 000 soldats americains et une centaine d'instructeurs militaires russes";
        assert_eq!(
            spans(text),
            vec![
                ("un peu plus de 1 000".into(), ">1000".into()),
                ("une centaine".into(), "~100".into())
            ]
        );
        let text = "jusqu'a 300 hommes, pres de 50 avions et over three million people";
        assert_eq!(
            spans(text),
            vec![
                ("jusqu'a 300".into(), "<=300".into()),
                ("pres de 50".into(), "~50".into()),
                ("over three million".into(), ">3000000".into())
            ]
        );
    }

    fn pq(s: &str) -> Quantity {
        parse_quantity(s).unwrap_or_else(|| panic!("parse_quantity({s:?})"))
    }

    #[test]
    fn overlaps_truth_table() {
        let t = |a: &str, b: &str, want: bool| {
            assert_eq!(pq(a).overlaps(&pq(b)), want, "{a} vs {b}");
            assert_eq!(pq(b).overlaps(&pq(a)), want, "{b} vs {a}");
        };
        t("100", "~100", true);
        t("100", "about 100", true);
        t("110", "about 100", true);
        t("~200", "100", false);
        t("about 200", "about 100", false);
        t("a little over 1000", "1100", true);
        t("a little over 1000", "1000", false);
        t("a little over 1000", "1101", false);
        t(">1000", "1000", false);
        t(">1000", "1001", true);
        t(">=1000", "1000", true);
        t("<100", "100", false);
        t("<100", "99", true);
        t("<=100", "100", true);
        t("90-110", "100", true);
        t("90-110", "110", true);
        t("90-110", "111", false);
        t("90-110", "110-200", true);
        t("90-110", "111-200", false);
        t("<100", ">=100", false);
        t("<=100", ">=100", true);
        t(">100", ">5000", true);
        t("nearly 100", "100", true);
        t("nearly 100", "101", false);
        t("des centaines", "une centaine", false);
        t("des centaines", "300", true);
        t("une centaine", "pres de 100", true);
    }

    #[test]
    fn display_parse_round_trip() {
        let qs = [
            Quantity::single(Qualifier::Exact, 100.0),
            Quantity::single(Qualifier::Exact, 1.5),
            Quantity::single(Qualifier::Exact, 0.0),
            Quantity::single(Qualifier::Exact, 1e20),
            Quantity::single(Qualifier::About, 100.0),
            Quantity::single(Qualifier::About, 2.25),
            Quantity::single(Qualifier::Over, 1000.0),
            Quantity::single(Qualifier::AtLeast, 1000.0),
            Quantity::single(Qualifier::Under, 100.0),
            Quantity::single(Qualifier::AtMost, 100.0),
            Quantity::range(Qualifier::Range, 90.0, 110.0),
            Quantity::range(Qualifier::Range, 1.5, 2.5),
            Quantity::range(Qualifier::Vague, 200.0, 999.0),
        ];
        for q in qs {
            let d = q.display();
            let back = pq(&d);
            assert_eq!(
                (back.low, back.low_open, back.high, back.high_open),
                (q.low, q.low_open, q.high, q.high_open),
                "{d}"
            );
            if q.qualifier != Qualifier::Vague {
                assert_eq!(back.qualifier, q.qualifier, "{d}");
            }
        }
        assert_eq!(
            Quantity::single(Qualifier::Exact, 1.0 / 3.0).display(),
            "0.33"
        );
        assert_eq!(Quantity::single(Qualifier::Nearly, 100.0).display(), "~100");
        assert_eq!(
            Quantity::single(Qualifier::ALittleOver, 1000.0).display(),
            ">1000"
        );
    }

    #[test]
    fn parse_quantity_whole_text() {
        assert_eq!(pq("une centaine").display(), "~100");
        assert_eq!(pq("  Une Centaine ").display(), "~100");
        assert_eq!(pq("1\u{a0}000").display(), "1000");
        assert_eq!(pq("three million").display(), "3000000");
        assert_eq!(pq("90-110").qualifier, Qualifier::Range);
        assert_eq!(parse_quantity(""), None);
        assert_eq!(parse_quantity("soldats"), None);
        assert_eq!(parse_quantity("100 soldats"), None);
        assert_eq!(parse_quantity("100 et 200"), None);
        assert_eq!(parse_quantity("un"), None);
    }

    #[test]
    fn robustness_big_inputs() {
        let big = "9".repeat(10_000);
        assert!(find_quantities(&big).is_empty());
        let groups = vec!["100"; 5000].join(" ");
        assert!(
            find_quantities(&groups)
                .iter()
                .all(|m| m.quantity.is_sane())
        );
        none("1e400");
        let many: String = (0..10_000).map(|i| format!("{i}, ")).collect();
        let found = find_quantities(&many);
        assert_eq!(found.len(), 10_000);
        let words = "vingt et un, ".repeat(5000);
        assert_eq!(find_quantities(&words).len(), 5000);
        let q = find_quantities(&format!("plus de {big} soldats"));
        assert!(q.is_empty());
    }

    #[test]
    fn random_strings_never_panic() {
        const ALPHABET: &[&str] = &[
            "0", "1", "5", "9", "00", " ", " ", ",", ".", "'", "-", ":", "%", "~", ">", "<", "=",
            "a", "e", "h", "un", "une", "de", "et", "and", "a", "plus", "moins", "cent", "mille",
            "million", "vingt", "quatre", "dix", "centaine", "des", "dizaines", "de", "milliers",
            "between", "to", "hundred", "dozen", "pour", "é", "日本", "🙂", "\u{a0}", "\u{301}",
            "٣", "\n", "jusqu", "about", "or", "so",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        for _ in 0..4000 {
            let len = next() % 25;
            let mut s = String::new();
            for _ in 0..len {
                s.push_str(ALPHABET[next() % ALPHABET.len()]);
                if next() % 3 == 0 {
                    s.push(' ');
                }
            }
            let found = find_quantities(&s);
            let mut prev_end = 0;
            for m in &found {
                assert!(m.start < m.end && m.end <= s.len(), "{s:?}");
                assert!(
                    s.is_char_boundary(m.start) && s.is_char_boundary(m.end),
                    "{s:?}"
                );
                assert!(m.start >= prev_end, "overlap in {s:?}");
                prev_end = m.end;
                let q = m.quantity;
                assert!(
                    q.nominal.is_finite() && q.low.is_finite() && q.low <= q.high,
                    "{s:?}"
                );
                let _ = parse_quantity(&q.display());
            }
            let _ = parse_quantity(&s);
        }
    }

    #[test]
    fn n_strong_is_a_count() {
        let found = find_quantities("the 1,000-strong us contingent");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].quantity.display(), "1000");
        assert!(find_quantities("a 45-year-old man").is_empty());
    }
}
