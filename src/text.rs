//! Text helpers shared by every step: folding text for matching, splitting it into sentences, and
//! turning byte offsets back into the line and column a reader sees.
//!
//! Matching happens on *folded* text (lowercase, no accents, plain apostrophes and spaces) so that a
//! cue written `s'est pose` matches `s’est posé`; every folded offset maps back to the original so
//! that quotes are always exact substrings of the article.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Text folded for matching, with what it takes to map folded offsets back to the original.
///
/// Folding keeps ASCII bytes one for one; a character outside ASCII folds to a form that may be
/// shorter, as long or longer (`é`, two bytes, to `e`; `Œ` to `oe`; `Д` to `д`), whose bytes all
/// map back to the character's start. So only those characters are recorded, four `u32` each, not an offset
/// per folded byte: a sentence of French keeps a few entries instead of eight bytes for each of
/// its bytes, and Cyrillic or Chinese text costs no more than it did that way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// The folded text: lowercase, accents stripped, typographic variants replaced by ASCII.
    pub text: String,
    /// Every character that is not ASCII, in order: where its folded form lies in `text` and where
    /// it lies in the original (both relative to their start). Between two of them, and before the
    /// first, folded and original bytes correspond one for one.
    changed: Vec<Changed>,
    /// The original's first byte in the article.
    base: usize,
}

/// One character that is not ASCII: its folded bytes and its original bytes, as `start..end`
/// offsets from the start of the text (a sentence of an article, which is at most 256 MiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Changed {
    folded: (u32, u32),
    original: (u32, u32),
}

impl Folded {
    /// Folds `original`, whose first byte sits at `base` in the article.
    ///
    /// # Panics
    /// If `original` is 4 GiB or longer (articles are refused above 256 MiB when read).
    pub fn new(original: &str, base: usize) -> Folded {
        let small = |n: usize| u32::try_from(n).expect("a sentence is shorter than 4 GiB");
        let mut changed = Vec::new();
        let text = fold_with(original, |(a, b), (c, d)| {
            changed.push(Changed {
                folded: (small(a), small(b)),
                original: (small(c), small(d)),
            });
        });
        // Kept with the sentence until the article is done: without a growing vector's spare room.
        changed.shrink_to_fit();
        Folded {
            text,
            changed,
            base,
        }
    }

    /// The folded byte offset of article byte `original`, which must be a character boundary
    /// of the folded text: where the folded form of the character starting there begins.
    pub fn folded_offset(&self, original: usize) -> usize {
        let relative = original - self.base;
        let before = self
            .changed
            .partition_point(|c| (c.original.1 as usize) <= relative);
        match before.checked_sub(1).map(|i| self.changed[i]) {
            None => relative,
            Some(c) => c.folded.1 as usize + (relative - c.original.1 as usize),
        }
    }

    /// The folded form of article bytes `range` (character boundaries of the folded text): what
    /// folding those bytes alone gives, since every character folds on its own. Cutting an
    /// article folded once is cheaper than folding each of its sentences.
    pub fn slice(&self, range: Range<usize>) -> Folded {
        let (start, end) = (
            self.folded_offset(range.start),
            self.folded_offset(range.end),
        );
        let relative = (range.start - self.base) as u32;
        let first = self.changed.partition_point(|c| c.original.0 < relative);
        let last = self
            .changed
            .partition_point(|c| (c.original.0 as usize) < range.end - self.base);
        let shift = start as u32;
        Folded {
            text: self.text[start..end].to_string(),
            changed: self.changed[first..last]
                .iter()
                .map(|c| Changed {
                    folded: (c.folded.0 - shift, c.folded.1 - shift),
                    original: (c.original.0 - relative, c.original.1 - relative),
                })
                .collect(),
            base: range.start,
        }
    }

    /// The article byte offset of folded byte `folded`: a start maps to the start of its
    /// character, an end (exclusive) to the end of the last character before it.
    pub fn original_offset(&self, folded: usize) -> usize {
        let folded = folded.min(self.text.len());
        let before = self
            .changed
            .partition_point(|c| c.folded.0 as usize <= folded);
        let relative = match before.checked_sub(1).map(|i| self.changed[i]) {
            None => folded,
            // Inside the folded form of a character: the character's start.
            Some(c) if folded < c.folded.1 as usize => c.original.0 as usize,
            // In the run of ASCII after it.
            Some(c) => c.original.1 as usize + (folded - c.folded.1 as usize),
        };
        self.base + relative
    }
}

/// Appends the folded form of `ch` to `out`.
fn fold_char(ch: char, out: &mut String) {
    if ch.is_ascii() {
        out.push(char::from(fold_ascii(ch as u8)));
        return;
    }
    match TWO_BYTE_FOLDED.get((ch as usize).wrapping_sub(TWO_BYTE_FIRST)) {
        Some(folded) => out.push_str(folded),
        None => fold_other(ch, out),
    }
}

/// Appends the folded form of `ch`, a character outside ASCII, to `out`: the definition that
/// [`TWO_BYTE_FOLDED`] caches.
fn fold_other(ch: char, out: &mut String) {
    match ch {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
        '\u{2010}'..='\u{2013}' | '\u{2212}' => out.push('-'),
        '\u{0153}' | '\u{0152}' => out.push_str("oe"),
        '\u{00E6}' | '\u{00C6}' => out.push_str("ae"),
        c if c.is_whitespace() => out.push(' '),
        c => {
            for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
                out.extend(d.to_lowercase());
            }
        }
    }
}

/// The first character of [`TWO_BYTE_FOLDED`].
const TWO_BYTE_FIRST: usize = 0x80;

/// [`fold_other`] of every character written with two bytes in UTF-8 (U+0080 to U+07FF: Latin
/// letters with accents, Greek, Cyrillic...), worked out once: French text is full of them, and
/// decomposing each one was most of the cost of folding an article.
static TWO_BYTE_FOLDED: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    (TWO_BYTE_FIRST..0x800)
        .map(|code| {
            let mut folded = String::new();
            if let Some(c) = char::from_u32(code as u32) {
                fold_other(c, &mut folded);
            }
            folded
        })
        .collect()
});

/// The folded form of an ASCII byte: the fast path of [`fold_char`], same result. Written without
/// branches so that folding a run of ASCII (most of an article) is vectorized.
pub(crate) fn fold_ascii(b: u8) -> u8 {
    let upper = u8::from(b.wrapping_sub(b'A') < 26);
    let lower = b | (upper << 5);
    let space = (b == b'\t') | (b == b'\r') | (b == 0x0B) | (b == 0x0C);
    let quote = b == b'`';
    let lower = if space { b' ' } else { lower };
    if quote { b'\'' } else { lower }
}

/// How many bytes at the start of `bytes` are ASCII. Eight at a time: a byte-by-byte search was
/// half the cost of folding an article.
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut len = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        let high = word & HIGH_BITS;
        if high != 0 {
            return len + (high.trailing_zeros() / 8) as usize;
        }
        len += 8;
    }
    len + chunks
        .remainder()
        .iter()
        .take_while(|b| b.is_ascii())
        .count()
}

/// Folds a cue or alias written by an editor, the same way article text is folded. Also used on
/// whole articles, so runs of ASCII take a fast path.
pub fn fold(s: &str) -> String {
    fold_with(s, |_, _| {})
}

/// The bytes of [`fold`], each put through `map`, in `into` (emptied first, its room kept: a
/// reader of many texts allocates once) with room for `spare` bytes more than `s` (the fold is
/// seldom longer): for a reader of bytes that wants them changed (the cue
/// filter's pass over every article keeps only word bytes), in the same pass. The folded text's
/// offsets stay those of [`fold`]. `ascii` must be what an ASCII byte of `s` becomes, `map` of its
/// fold ([`fold_ascii`]), written so that the compiler can vectorize it over runs of ASCII
/// (checked in debug builds).
///
/// `s` need not be UTF-8, so that an article can be read before it is decoded: `None` if it is
/// not (exactly when [`std::str::from_utf8`] would refuse it).
pub(crate) fn fold_bytes_map(
    s: &[u8],
    ascii: impl Fn(u8) -> u8,
    map: impl Fn(u8) -> u8,
    spare: usize,
    into: Vec<u8>,
) -> Option<FoldedBytes> {
    debug_assert!((0..0x80).all(|b| ascii(b) == map(fold_ascii(b))));
    fold_bytes_with(s, ascii, map, spare, into, |_, _| {})
}

/// What [`fold_bytes_map`] gives: the folded bytes, and whether the text holds a C1 control
/// character (U+0080 to U+009F), which the fold decodes on its way. With
/// [`has_ascii_stray_control`], a reader of bytes not yet decoded learns what decoding would
/// have checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoldedBytes {
    pub bytes: Vec<u8>,
    pub has_c1_control: bool,
}

/// Whether `bytes` hold an ASCII control character other than tab, line feed, form feed and
/// carriage return (see [`is_ascii_stray_control`]; a byte below 0x80 is always a character of
/// its own in UTF-8). A pass of its own, which the compiler vectorizes: a test in each run of
/// ASCII of the fold cost more, runs being short in French.
pub(crate) fn has_ascii_stray_control(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .fold(false, |c, &b| c | is_ascii_stray_control(b))
}

/// [`fold`], telling `changed` the folded and original byte ranges (from the start of each) of
/// every character that is not ASCII, in order.
fn fold_with(s: &str, changed: impl FnMut((usize, usize), (usize, usize))) -> String {
    let folded = fold_bytes_with(s.as_bytes(), fold_ascii, |b| b, 0, Vec::new(), changed);
    // Only ASCII bytes and whole folded characters were pushed, unchanged.
    String::from_utf8(folded.expect("a str is UTF-8").bytes).expect("folding keeps UTF-8 valid")
}

/// [`fold_with`] of bytes that may not be UTF-8 (`None` if they are not), each folded byte put
/// through `map` (ASCII bytes of `s` through `ascii`), in `into`, emptied, with room for `spare`
/// bytes more than `s`.
fn fold_bytes_with(
    s: &[u8],
    ascii: impl Fn(u8) -> u8,
    map: impl Fn(u8) -> u8,
    spare: usize,
    into: Vec<u8>,
    mut changed: impl FnMut((usize, usize), (usize, usize)),
) -> Option<FoldedBytes> {
    let mut bytes = into;
    bytes.clear();
    bytes.reserve(s.len() + spare);
    // The C1 control characters (U+0080 to U+009F) are two-byte characters.
    let mut has_c1_control = false;
    let mut scratch = String::new();
    let mut rest = s;
    while !rest.is_empty() {
        let run = ascii_prefix_len(rest);
        let start = bytes.len();
        bytes.extend_from_slice(&rest[..run]);
        for b in &mut bytes[start..] {
            *b = ascii(*b);
        }
        rest = &rest[run..];
        let (folded_start, original_start) = (bytes.len(), s.len() - rest.len());
        // A two-byte character is decoded here and looked up, without going through `char`;
        // a longer one is checked by the standard library, one character at a time. Either way
        // the bytes are UTF-8 exactly when each character is.
        match *rest {
            [] => break,
            [lead @ 0xC2..=0xDF, next, ..] if next & 0xC0 == 0x80 => {
                let code = (usize::from(lead & 0x1F) << 6) | usize::from(next & 0x3F);
                has_c1_control |= code < 0xA0;
                // A fold of one or two bytes, mostly: pushed a byte at a time, as `map` makes
                // it, rather than copied by a call and mapped by a loop of its own.
                for &b in TWO_BYTE_FOLDED[code - TWO_BYTE_FIRST].as_bytes() {
                    bytes.push(map(b));
                }
                rest = &rest[2..];
            }
            [lead, ..] => {
                let len = match lead {
                    0xE0..=0xEF => 3,
                    0xF0..=0xF4 => 4,
                    _ => return None,
                };
                let ch = std::str::from_utf8(rest.get(..len)?).ok()?.chars().next()?;
                scratch.clear();
                fold_char(ch, &mut scratch);
                bytes.extend(scratch.bytes().map(&map));
                rest = &rest[len..];
            }
        }
        changed(
            (folded_start, bytes.len()),
            (original_start, s.len() - rest.len()),
        );
    }
    Some(FoldedBytes {
        bytes,
        has_c1_control,
    })
}

/// Whether ASCII byte `b` is a control character other than tab, line feed, form feed and
/// carriage return: what, with U+0080 to U+009F, marks a file as binary rather than prose (see
/// `corpus::decode`). Written without branches, for loops the compiler vectorizes.
#[inline]
pub(crate) fn is_ascii_stray_control(b: u8) -> bool {
    let low = (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C);
    low | (b == 0x7F)
}

/// A sentence of an article: its byte range in the article and its folded text.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Byte offset of the first character in the article.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The folded text, offsets mapping back into the article.
    pub folded: Folded,
}

/// Words that end with a period without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "st", "mt", "jr", "sr", "vs", "etc", "cf",
    "no", "mme", "mlle", "mgr", "me", "pr", "av", "art", "fig", "vol", "approx", "env",
];

/// Splits an article into sentences. A line break (or U+2028/U+2029) always ends a sentence (headlines, paragraphs);
/// inside a line, `.`, `!`, `?` or `…` end one when followed by space and then a capital letter, a
/// digit or an opening quote, unless the word before is an initial ("M.", "U.S.") or a known
/// abbreviation.
pub fn sentences(article: &str) -> Vec<Sentence> {
    sentences_of(article, &Folded::new(article, 0))
}

/// [`sentences`], given the whole article folded (`Folded::new(article, 0)`): each sentence's
/// folded text is cut from it.
pub fn sentences_of(article: &str, folded: &Folded) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0;
    // A paragraph or line separator (what HTML block tags become) ends a sentence too.
    for (i, separator) in find_marks(article, &LINE_BREAKS) {
        split_line(article, folded, line_start, i, &mut out);
        line_start = i + separator.len();
    }
    split_line(article, folded, line_start, article.len(), &mut out);
    out
}

/// What ends a line: `\n`, `\r`, U+2028 and U+2029.
static LINE_BREAKS: Marks = Marks::new(b"\n\r", &["\u{2028}", "\u{2029}"]);

/// What ends a sentence inside a line: `.`, `!`, `?` and `…`.
static SENTENCE_ENDS: Marks = Marks::new(b".!?", &["\u{2026}"]);

/// A few marks to find in a text: up to three ASCII bytes, and characters written with three
/// bytes that start with 0xE2 (general punctuation).
struct Marks {
    /// The ASCII marks, the last repeated up to three (the needles of one `memchr3`).
    ascii: [u8; 3],
    wide: &'static [&'static str],
}

impl Marks {
    /// The marks `ascii` (one to three ASCII bytes) and `wide` (three-byte characters from U+2000
    /// to U+2FFF, the only ones whose first byte is 0xE2); anything else fails to compile.
    const fn new(ascii: &[u8], wide: &'static [&'static str]) -> Marks {
        assert!(
            !ascii.is_empty() && ascii.len() <= 3,
            "one to three ASCII marks"
        );
        let mut needles = [ascii[ascii.len() - 1]; 3];
        let mut i = 0;
        while i < ascii.len() {
            assert!(ascii[i].is_ascii(), "an ASCII mark");
            needles[i] = ascii[i];
            i += 1;
        }
        let mut i = 0;
        while i < wide.len() {
            let bytes = wide[i].as_bytes();
            assert!(
                bytes.len() == 3 && bytes[0] == 0xE2,
                "a mark from U+2000 to U+2FFF"
            );
            i += 1;
        }
        Marks {
            ascii: needles,
            wide,
        }
    }
}

/// Every mark of `marks` in `text`, in order, with its offset: what `str::match_indices` with an
/// array of characters gives, but searching bytes with `memchr` (vectorized) instead of decoding
/// every character, which was most of the cost of splitting an article into sentences. The ASCII
/// marks and the byte 0xE2 are searched apart: the next 0xE2 is kept until the search passes it,
/// so that text with many ASCII marks and few 0xE2, or the reverse, is read about once.
fn find_marks<'a>(
    text: &'a str,
    marks: &'static Marks,
) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let bytes = text.as_bytes();
    let [a, b, c] = marks.ascii;
    let mut at = 0;
    // Where the next 0xE2 at or after `at` is (the text's length for none), once looked for.
    let mut next_wide: Option<usize> = None;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let wide = match next_wide {
                Some(wide) if wide >= at => wide,
                _ => memchr::memchr(0xE2, &bytes[at..]).map_or(bytes.len(), |i| at + i),
            };
            next_wide = Some(wide);
            if let Some(i) = memchr::memchr3(a, b, c, &bytes[at..wide]) {
                let found = at + i;
                at = found + 1;
                return Some((found, &text[found..found + 1]));
            }
            if wide == bytes.len() {
                at = wide;
                break;
            }
            at = wide + 1;
            if let Some(mark) = marks
                .wide
                .iter()
                .find(|w| bytes[wide..].starts_with(w.as_bytes()))
            {
                at = wide + mark.len();
                return Some((wide, &text[wide..at]));
            }
        }
        None
    })
}

fn split_line(article: &str, folded: &Folded, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let line = &article[start..end];
    let mut sentence_start = 0;
    // Only the places after an end mark are looked at, by slicing: a line is not turned into a
    // vector of characters.
    for (offset, mark) in find_marks(line, &SENTENCE_ENDS) {
        let after_mark = offset + mark.len();
        if after_mark <= sentence_start {
            continue;
        }
        // Closing quotes or brackets belong to the sentence they close.
        let rest = &line[after_mark..];
        let closing = rest.len()
            - rest
                .trim_start_matches(['"', '\'', '»', '”', '’', ')'])
                .len();
        let cut = after_mark + closing;
        let rest = &line[cut..];
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let next_start = line.len() - rest.trim_start().len();
        let Some(first) = line[next_start..].chars().next() else {
            continue;
        };
        let opens = first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(first, '«' | '"' | '“' | '-' | '—');
        if !opens || (mark == "." && is_abbreviation(&line[sentence_start..offset])) {
            continue;
        }
        push_sentence(article, folded, start + sentence_start, start + cut, out);
        sentence_start = next_start;
    }
    push_sentence(article, folded, start + sentence_start, end, out);
}

/// Whether the text before a period ends with an initial or an abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '«' || c == '"')
        .next()
        .unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or("");
    let letters = last.chars().count();
    (letters == 1 && last.chars().all(char::is_alphabetic))
        // The abbreviations are ASCII without a `k` (the one letter a character beyond ASCII,
        // the Kelvin sign, lower-cases to): comparing ASCII letters case-insensitively says what
        // lower-casing `last` would, without a new string for every period.
        || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(last))
}

fn push_sentence(
    article: &str,
    folded: &Folded,
    start: usize,
    end: usize,
    out: &mut Vec<Sentence>,
) {
    let text = &article[start..end];
    let trimmed_start = start + (text.len() - text.trim_start().len());
    let trimmed_end = start + text.trim_end().len();
    if trimmed_start >= trimmed_end {
        return;
    }
    out.push(Sentence {
        start: trimmed_start,
        end: trimmed_end,
        folded: folded.slice(trimmed_start..trimmed_end),
    });
}

/// Maps byte offsets of one text to 1-based lines and columns. `\n`, `\r\n` and a lone `\r` each
/// end a line; columns count characters, as editors do.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// `(byte offset, characters before it)` every [`CHAR_MARK_SPACING`] bytes or so, so that a
    /// column in a very long line is counted from a nearby mark, not from the line's start.
    char_marks: Vec<(usize, usize)>,
}

/// Bytes between two entries of [`LineIndex::char_marks`].
const CHAR_MARK_SPACING: usize = 4096;

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        // Lines are long: the breaks are searched for (vectorized), not each byte tested.
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                line_starts.push(i + 1);
            }
        }
        // A mark at the first character boundary at or after every CHAR_MARK_SPACING bytes from
        // the previous one (`str::chars().count()` counts eight bytes at a time).
        let mut char_marks = vec![(0, 0)];
        let (mut from, mut count) = (0, 0);
        while let Some(at) =
            (from + CHAR_MARK_SPACING..text.len()).find(|&i| text.is_char_boundary(i))
        {
            count += text[from..at].chars().count();
            char_marks.push((at, count));
            from = at;
        }
        LineIndex {
            line_starts,
            char_marks,
        }
    }

    /// How many characters of `text` stand before byte `offset`, a character boundary.
    fn chars_before(&self, text: &str, offset: usize) -> Option<usize> {
        let k = self.char_marks.partition_point(|&(o, _)| o <= offset);
        let (mark, count) = self.char_marks[k - 1];
        Some(count + text.get(mark..offset)?.chars().count())
    }

    /// The 1-based line and character column of byte `offset` in `text`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let column = match (
            self.chars_before(text, start),
            self.chars_before(text, offset),
        ) {
            (Some(a), Some(b)) if b >= a => b - a + 1,
            _ => 1,
        };
        (line, column)
    }

    /// The text of 1-based line `line`, without its line ending.
    pub fn line_text<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let start = self
            .line_starts
            .get(line - 1)
            .copied()
            .unwrap_or(text.len());
        let end = self.line_starts.get(line).copied().unwrap_or(text.len());
        text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// Words of folded text: maximal runs of letters and digits, with their byte spans.
pub fn words(folded: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < folded.len() {
            let (alphanumeric, len) = char_class_at(folded, at);
            if alphanumeric {
                break;
            }
            at += len;
        }
        if at == folded.len() {
            return None;
        }
        let start = at;
        while at < folded.len() {
            let (alphanumeric, len) = char_class_at(folded, at);
            if !alphanumeric {
                break;
            }
            at += len;
        }
        Some((start, &folded[start..at]))
    })
}

/// Whether the character at byte `at` of `text` (a character boundary) is a letter or digit, and
/// its length. Folded text is nearly all ASCII: its bytes are classed as they are, and only the
/// other characters decoded (every sentence that may hold a value is split into words).
#[inline]
fn char_class_at(text: &str, at: usize) -> (bool, usize) {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric(), 1);
    }
    let c = text[at..].chars().next().expect("a character boundary");
    (c.is_alphanumeric(), c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_branchless_ascii_fold_is_the_plain_one() {
        for b in 0..128u8 {
            let plain = match b {
                b'`' => b'\'',
                b'\t' | b'\r' | 0x0B | 0x0C => b' ',
                b => b.to_ascii_lowercase(),
            };
            assert_eq!(fold_ascii(b), plain, "byte {b:#04x}");
        }
    }

    #[test]
    fn fold_reads_every_character_as_the_definition_does() {
        // fold decodes two-byte characters itself and looks them up in a table: every one of
        // them, and characters beyond that range, must come out as the definition says.
        let ranges = [0x80..0x800, 0x800..0x3000, 0x1F300..0x1F320];
        for code in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut expected = String::from("a");
            fold_other(c, &mut expected);
            expected.push('b');
            assert_eq!(fold(&format!("a{c}b")), expected, "U+{code:04X}");
        }
    }

    #[test]
    fn whole_text_and_sentence_folds_agree() {
        let text = "Élysée: l’Iliouchine-76 «\u{a0}ŒUVRE\u{a0}» à Agadès, Ærø, ﬁn\tß `x`";
        assert_eq!(fold(text), Folded::new(text, 0).text);
        assert_eq!(fold("Élysée ŒUVRE Agadès"), "elysee oeuvre agades");
    }

    #[test]
    fn a_slice_of_a_folded_text_is_the_fold_of_the_slice() {
        // Characters that fold shorter, longer, to nothing (a combining mark) and to themselves.
        const PIECES: &[&str] = &[
            "a", "Z", " ", ".", "é", "Œ", "ß", "\u{301}", "’", "日本", "😀", "ﬁ", "\n", "Ærø", "76",
        ];
        let mut next = crate::testing::sequence(0x2545_f491_4f6c_dd1d);
        for _ in 0..3000 {
            let text = crate::testing::text_of(&mut next, PIECES, 30);
            let base = next(100);
            let whole = Folded::new(&text, base);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for _ in 0..10 {
                let (a, b) = (bounds[next(bounds.len())], bounds[next(bounds.len())]);
                let (start, end) = (a.min(b), a.max(b));
                let slice = whole.slice(base + start..base + end);
                assert_eq!(
                    slice,
                    Folded::new(&text[start..end], base + start),
                    "{text:?} {start}..{end}"
                );
                assert_eq!(
                    whole.folded_offset(base + start),
                    fold(&text[..start]).len(),
                    "{text:?} at {start}"
                );
            }
        }
    }

    /// The definition of [`Folded::original_offset`]: the original offset of every folded byte,
    /// character by character (what `Folded` stored before it kept only the changed characters).
    fn offsets_by_definition(original: &str, base: usize) -> Vec<usize> {
        let mut origin = Vec::new();
        for (offset, ch) in original.char_indices() {
            let mut folded = String::new();
            fold_char(ch, &mut folded);
            origin.extend(std::iter::repeat_n(base + offset, folded.len()));
        }
        origin.push(base + original.len());
        origin
    }

    #[test]
    fn offsets_map_back_as_the_definition_says() {
        let mut texts: Vec<String> = [
            "",
            "plain ascii",
            "é",
            "éé",
            "Élysée: l’Iliouchine-76 «\u{a0}ŒUVRE\u{a0}» à Agadès, Ærø, ﬁn\tß `x`",
            "e\u{301}te\u{301} \u{301}a",
            "a\u{301}\u{301}b",
            "日本語 text ✓ 😀 end",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.extend(
            (0x80..0x3000)
                .step_by(7)
                .filter_map(char::from_u32)
                .map(|c| format!("ab{c}cd{c}")),
        );
        for text in &texts {
            let folded = Folded::new(text, 7);
            let expected = offsets_by_definition(text, 7);
            assert_eq!(folded.text.len() + 1, expected.len(), "{text:?}");
            for (at, &offset) in expected.iter().enumerate() {
                assert_eq!(folded.original_offset(at), offset, "{text:?} at {at}");
            }
            assert_eq!(
                folded.original_offset(folded.text.len() + 5),
                7 + text.len()
            );
        }
    }

    #[test]
    fn folding_strips_accents_and_typography_and_keeps_offsets() {
        let original = "l’arrivée d’une centaine\u{a0}d’instructeurs";
        let folded = Folded::new(original, 10);
        assert_eq!(folded.text, "l'arrivee d'une centaine d'instructeurs");
        let start = folded.text.find("arrivee").unwrap();
        let end = start + "arrivee".len();
        assert_eq!(
            &original[folded.original_offset(start) - 10..folded.original_offset(end) - 10],
            "arrivée"
        );
    }

    #[test]
    fn sentences_split_on_periods_but_not_initials() {
        let text = "Il a parlé à M. Toumba. Les U.S. troops left. « Oui », dit-il.\nTitre";
        let got: Vec<&str> = sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            got,
            [
                "Il a parlé à M. Toumba.",
                "Les U.S. troops left.",
                "« Oui », dit-il.",
                "Titre"
            ]
        );
    }

    #[test]
    fn fold_matches_folding_char_by_char() {
        let original = "Tab\tCR\rVT\u{b}FF\u{c} `quote´ L’ÉTÉ « Œuvre » ÆON — 2 000\u{a0}€\nFin";
        assert_eq!(fold(original), Folded::new(original, 0).text);
        assert_eq!(fold("A`b\tC"), "a'b c");
    }

    #[test]
    fn the_ascii_prefix_is_where_the_first_other_byte_is() {
        let text = "abcdefghijklmnopqrstuvwxyz0123456789";
        for at in 0..=text.len() {
            let mut mixed = text[..at].to_string();
            mixed.push('é');
            mixed.push_str(&text[at..]);
            assert_eq!(ascii_prefix_len(mixed.as_bytes()), at);
            assert_eq!(ascii_prefix_len(&text.as_bytes()[..at]), at);
        }
    }

    /// Folding bytes checks them as decoding would: `None` exactly when they are not UTF-8, and
    /// the same controls as `char::is_control` (tab, line feed, form feed, carriage return
    /// aside). Texts of every kind of character, some with a byte changed, cut or added, which
    /// makes every kind of bad sequence (a lone continuation byte, a lead without its
    /// continuation, overlong forms, surrogates, code points past U+10FFFF, 0xF5 to 0xFF).
    #[test]
    fn folding_bytes_refuses_what_is_not_utf8_and_sees_controls() {
        const PIECES: &[&str] = &[
            "Niamey ", "a", "é", "É", "\u{85}", "\u{9F}", "\u{A0}", "’", "—", "𝔸", "\u{7f}",
            "\u{1}", "\u{b}", "\t", "\n", "\r", "\u{c}", "\u{0}", "ﬁ", "日",
        ];
        const BYTES: &[u8] = &[
            0x00, 0x01, 0x1F, 0x20, 0x7F, 0x80, 0x8F, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
            0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
        ];
        let mut next = crate::testing::sequence(0x05ee_d0fb_17e5);
        let (mut refused, mut with_control) = (0, 0);
        for _ in 0..20_000 {
            let text = crate::testing::text_of(&mut next, PIECES, 30);
            let mut bytes = text.into_bytes();
            for _ in 0..next(3) {
                let byte = BYTES[next(BYTES.len())];
                match (next(3), bytes.len()) {
                    (_, 0) | (0, _) => bytes.push(byte),
                    (1, len) => bytes[next(len)] = byte,
                    (_, len) => bytes.truncate(next(len)),
                }
            }
            let folded = fold_bytes_map(&bytes, fold_ascii, |b| b, 0, Vec::new());
            match std::str::from_utf8(&bytes) {
                Err(_) => {
                    assert_eq!(folded, None, "{bytes:?}");
                    refused += 1;
                }
                Ok(text) => {
                    let folded = folded.unwrap_or_else(|| panic!("{bytes:?} refused"));
                    assert_eq!(folded.bytes, fold(text).into_bytes(), "{text:?}");
                    let control = (text.chars())
                        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
                    let seen = folded.has_c1_control || has_ascii_stray_control(&bytes);
                    assert_eq!(seen, control, "{text:?}");
                    with_control += usize::from(control);
                }
            }
        }
        assert!(
            refused > 3_000 && with_control > 3_000,
            "{refused} {with_control}"
        );
    }

    #[test]
    fn fold_is_the_fold_of_each_character() {
        // Runs of ASCII of every length (read eight bytes at a time by `ascii_prefix_len`),
        // characters of every length, and the ASCII bytes that fold to something else.
        const PIECES: &[&str] = &[
            "a",
            "Z",
            " ",
            "Niger",
            "AGADEZ ",
            "é",
            "É",
            "’",
            "«\u{a0}",
            "Œ",
            "\t",
            "\r\n",
            "`",
            "ß",
            "ﬁ",
            "—",
            "𝔸",
            "\u{7f}",
            "\u{1}",
            "Iliouchine-76 ",
            "0123456789",
        ];
        let mut next = crate::testing::sequence(0x0f01_dc4a_2b1e_77e5);
        for _ in 0..5000 {
            let text = crate::testing::text_of(&mut next, PIECES, 40);
            let mut expected = String::new();
            for ch in text.chars() {
                fold_char(ch, &mut expected);
            }
            assert_eq!(fold(&text), expected, "{text:?}");
            let upper = |b: u8| b.to_ascii_uppercase();
            let mapped: Vec<u8> = expected.bytes().map(upper).collect();
            let reused = b"bytes of an earlier text".to_vec();
            let folded =
                fold_bytes_map(text.as_bytes(), |b| upper(fold_ascii(b)), upper, 0, reused);
            assert_eq!(folded.unwrap().bytes, mapped, "{text:?}");
        }
    }

    #[test]
    fn marks_are_found_as_match_indices_finds_characters() {
        let texts = [
            "",
            "a.b!c?d\u{2026}e",
            "l\u{2019}été \u{2014} « oui » \u{2028}x\u{2029}y\r\nz\n",
            // Other characters whose first byte is 0xE2 (a dagger, the euro sign, a narrow
            // no-break space) next to marks; and `â`, U+00E2, which is not one of them.
            "\u{2026}\u{2026}..\u{e2}\u{2020}\u{20ac}\u{202f}!",
            "日本語。テキスト？ ok.",
        ];
        for text in texts {
            let line_breaks: Vec<_> = text
                .match_indices(['\n', '\r', '\u{2028}', '\u{2029}'])
                .collect();
            assert_eq!(
                find_marks(text, &LINE_BREAKS).collect::<Vec<_>>(),
                line_breaks
            );
            let ends: Vec<_> = text.match_indices(['.', '!', '?', '\u{2026}']).collect();
            assert_eq!(find_marks(text, &SENTENCE_ENDS).collect::<Vec<_>>(), ends);
        }
    }

    /// Long texts of every mark, near misses (other characters starting with 0xE2) and plain
    /// runs of every length, so that the vectorized search is used and each mark is found
    /// whether the next 0xE2 is near, far or absent.
    #[test]
    fn marks_are_found_in_texts_of_every_length() {
        const PIECES: &[&str] = &[
            ".",
            "!",
            "?",
            "\n",
            "\r",
            "\u{2026}",
            "\u{2028}",
            "\u{2029}",
            "\u{2019}",
            "\u{20ac}",
            "\u{2020}",
            "é",
            "日本",
            " ",
            "a",
            "word ",
            "a longer run of plain words ",
        ];
        let mut next = crate::testing::sequence(0x3A2C_5E01);
        for _ in 0..3_000 {
            let text = crate::testing::text_of(&mut next, PIECES, 80);
            let line_breaks: Vec<_> = text
                .match_indices(['\n', '\r', '\u{2028}', '\u{2029}'])
                .collect();
            assert_eq!(
                find_marks(&text, &LINE_BREAKS).collect::<Vec<_>>(),
                line_breaks,
                "{text:?}"
            );
            let ends: Vec<_> = text.match_indices(['.', '!', '?', '\u{2026}']).collect();
            assert_eq!(
                find_marks(&text, &SENTENCE_ENDS).collect::<Vec<_>>(),
                ends,
                "{text:?}"
            );
        }
    }

    /// Abbreviations are compared ASCII case-insensitively: that says what lower-casing the word
    /// would as long as no character beyond ASCII lower-cases to a letter of one.
    #[test]
    fn abbreviations_compare_as_lower_casing_would() {
        for abbreviation in ABBREVIATIONS {
            assert!(abbreviation.bytes().all(|b| b.is_ascii_lowercase()));
        }
        for c in (char::MIN..=char::MAX).filter(|c| !c.is_ascii()) {
            let lower: String = c.to_lowercase().collect();
            if lower.is_ascii() {
                assert!(
                    ABBREVIATIONS.iter().all(|a| !a.contains(lower.as_str())),
                    "{c:?} lower-cases to {lower:?}"
                );
            }
        }
        assert!(is_abbreviation("voir Fig"));
        assert!(is_abbreviation("la MME"));
        assert!(!is_abbreviation("la Ḿme"));
    }

    #[test]
    fn character_marks_count_the_characters_before_them() {
        let text = format!(
            "{}\n{}x{}",
            "é".repeat(3000),
            "a€".repeat(2000),
            "ü".repeat(5000)
        );
        let index = LineIndex::new(&text);
        assert!(index.char_marks.len() > 3);
        for &(offset, count) in &index.char_marks {
            assert!(text.is_char_boundary(offset));
            assert_eq!(text[..offset].chars().count(), count, "at {offset}");
        }
        for pair in index.char_marks.windows(2) {
            assert!(
                pair[1].0 >= pair[0].0 + CHAR_MARK_SPACING
                    && pair[1].0 < pair[0].0 + CHAR_MARK_SPACING + 4
            );
        }
    }

    #[test]
    fn numbers_with_decimal_points_do_not_split() {
        let text = "Il y a 1.5 million de personnes. Fin.";
        assert_eq!(sentences(text).len(), 2);
    }

    #[test]
    fn line_index_handles_crlf_and_cr() {
        let text = "a\r\nbé\rc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, text.find('c').unwrap()), (3, 1));
        assert_eq!(index.position(text, text.find('d').unwrap()), (4, 1));
        assert_eq!(index.line_text(text, 2), "bé");
        let after_e = text.find('é').unwrap() + 'é'.len_utf8();
        assert_eq!(index.position(text, after_e), (2, 3));
    }

    #[test]
    fn line_starts_are_found_wherever_the_breaks_fall_in_a_chunk() {
        // Every break and pair of breaks at every position of 24 bytes, across chunk edges.
        for break_at in 0..24 {
            for second in [None, Some(break_at + 1), Some(break_at + 9)] {
                for (first, then) in [("\n", "\n"), ("\r", "\n"), ("\r", "\r"), ("\n", "\r")] {
                    let mut bytes = vec![b'x'; 34];
                    bytes[break_at] = first.as_bytes()[0];
                    if let Some(at) = second {
                        bytes[at] = then.as_bytes()[0];
                    }
                    let text = String::from_utf8(bytes).unwrap();
                    let b = text.as_bytes();
                    let mut expected = vec![0];
                    for i in 0..b.len() {
                        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                            expected.push(i + 1);
                        }
                    }
                    assert_eq!(LineIndex::new(&text).line_starts, expected, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn columns_in_long_lines_count_characters() {
        let text = format!("{}\n{}x", "é".repeat(5000), "ü".repeat(9000));
        let index = LineIndex::new(&text);
        assert_eq!(index.position(&text, text.find('x').unwrap()), (2, 9001));
        assert_eq!(index.position(&text, 2 * 4000), (1, 4001));
    }

    #[test]
    fn words_are_alphanumeric_runs() {
        let got: Vec<&str> = words("un il-76, l'avion").map(|(_, w)| w).collect();
        assert_eq!(got, ["un", "il", "76", "l", "avion"]);
    }

    /// Words are the runs of characters that are alphanumeric, whatever the script, at the
    /// text's ends or not.
    #[test]
    fn words_are_the_runs_char_is_alphanumeric_finds() {
        const PIECES: &[&str] = &[
            "a", "7", " ", "-", "é", "ß", "日本", "٣", "\u{2019}", "\u{a0}", "ǅ", "𝔸", "_",
            "\u{301}",
        ];
        let mut next = crate::testing::sequence(0x0a1f_a7e1);
        for _ in 0..5_000 {
            let text = crate::testing::text_of(&mut next, PIECES, 20);
            let mut expected = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
                match (c.is_alphanumeric() && i < text.len(), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        expected.push((s, &text[s..i]));
                        start = None;
                    }
                    _ => {}
                }
            }
            assert_eq!(words(&text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }
}
