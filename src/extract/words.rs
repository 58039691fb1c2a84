//! Which cue lists may occur in a folded text, found in one pass whose cost does not grow with
//! the number of claims.
//!
//! Every cue match contains certain words of the cue, each starting a word of the text (see
//! [`CueSet::required_words`]): "instructeur*" needs a word beginning with `instructeur`,
//! "nombre ... précisé" words beginning with `nombre` and `precise`, "US" the word `u` or `us`
//! ("u.s."). The pass looks at the start of every word of the text, once: its first two bytes
//! against a table of the required words' first two, then, for the words that pass, its first
//! four against a bitmap of the required words' first four; only the rare words that pass both
//! are compared in full. A list *may occur* when, for one of its cues, every required word was
//! seen. That is a superset of where the list occurs (the claim's extractor then reads the
//! sentence with the real cue expressions), and it costs the same for 4 claims as for 64, where
//! one regular-expression set over every cue grew with the number of claims.
//!
//! Words here are runs of ASCII letters and digits. A cue word without any (folded Cyrillic, say)
//! gives nothing to look for: a cue made only of such words may occur anywhere, so its list is
//! always reported, which is correct, only slower.

use std::collections::HashMap;

use crate::claims::CueSet;
use crate::claims::cues::{WordStart, is_word_byte};

/// The cue lists of a claim set, reduced to the words their cues need.
#[derive(Debug, Clone)]
pub struct WordFilter {
    /// Which first two bytes (see [`head`]; the second zero for a word of one byte) some key's
    /// words may have, by their value as a `u16`: a test cheaper than the head's, which most
    /// words of a text fail.
    pairs: Box<[u64; BITMAP_WORDS]>,
    /// Which hashed heads (see [`head`]) some key's words may have.
    bitmap: Box<[u64; BITMAP_WORDS]>,
    /// Every head a key's words may have, with the key (an index into `keys`), sorted.
    heads: Vec<(u32, usize)>,
    /// Where each head's keys are in `heads`.
    head_index: HeadIndex,
    /// Every distinct word start the cues need.
    keys: Vec<WordStart>,
    /// Each key's first eight bytes, as [`KeyBytes`] compares them.
    key_bytes: Vec<KeyBytes>,
    /// Every cue that needs words, with its list: each entry of the words is a required word, as
    /// the keys (indices into `keys`) of the forms it may take.
    cues: Vec<(usize, Vec<Vec<usize>>)>,
    /// For each key, the cues (indices into `cues`) that need it.
    cues_of_key: Vec<Vec<usize>>,
    /// The lists that may occur in any text: one of their cues needs no word.
    always: Vec<bool>,
}

/// Where the keys start words of a text: `(byte offset of the word, key)`, in text order, every
/// occurrence (see [`WordFilter::key_hits`]).
#[derive(Debug, PartialEq, Eq)]
pub struct KeyHits(Vec<(usize, usize)>);

impl KeyHits {
    /// The keys found, in text order, with repeats.
    pub fn keys(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|&(_, key)| key)
    }
}

/// What [`WordFilter::key_hits_of_bytes`] finds in bytes that are UTF-8.
pub struct BytesPass {
    /// Where the keys start words of their fold.
    pub hits: KeyHits,
    /// Whether they hold a control character other than tab, line feed, form feed and carriage
    /// return.
    pub has_control: bool,
    /// Whether their fold holds a word byte (so that they are not only white space).
    pub has_word: bool,
}

/// The set of lists that may occur in a text (indices into the lists given to
/// [`WordFilter::new`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lists(Vec<bool>);

impl Lists {
    /// Whether list `list` may occur.
    pub fn contains(&self, list: usize) -> bool {
        self.0[list]
    }

    /// The lists that may occur, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0
            .iter()
            .enumerate()
            .filter(|(_, b)| **b)
            .map(|(i, _)| i)
    }
}

/// Bits of a hashed head: 65,536 (8 KiB, in the first-level cache), so that the heads of a few
/// hundred keys leave almost every bit clear.
const BITMAP_BITS: u32 = 16;
const BITMAP_WORDS: usize = 1 << (BITMAP_BITS - 6);

impl WordFilter {
    /// The filter for `lists`, in order.
    pub fn new(lists: &[&CueSet]) -> WordFilter {
        WordFilter::from_required(lists.iter().map(|list| list.required_words()).collect())
    }

    /// A filter with one list, which may occur where one of `words` is a whole word of the text
    /// ("mai" in "le 10 mai", not in "maison"). Each word must be made of word bytes (see
    /// [`is_word_byte`]): another byte could never start or continue a word here.
    pub fn any_word<'w>(words: impl IntoIterator<Item = &'w str>) -> WordFilter {
        let cues = words
            .into_iter()
            .map(|word| {
                assert!(
                    !word.is_empty() && word.bytes().all(is_word_byte),
                    "{word:?} is not made of word bytes"
                );
                let whole = WordStart {
                    text: word.to_string(),
                    whole: true,
                };
                vec![vec![whole]]
            })
            .collect();
        WordFilter::from_required(vec![cues])
    }

    /// The filter for lists given as their cues' required words (see
    /// [`CueSet::required_words`]).
    fn from_required(lists: Vec<Vec<Vec<Vec<WordStart>>>>) -> WordFilter {
        let mut keys: Vec<WordStart> = Vec::new();
        let mut index: HashMap<WordStart, usize> = HashMap::new();
        let mut key_of = |start: WordStart| {
            *index.entry(start.clone()).or_insert_with(|| {
                keys.push(start);
                keys.len() - 1
            })
        };
        let mut always = vec![false; lists.len()];
        let mut cues: Vec<(usize, Vec<Vec<usize>>)> = Vec::new();
        for (list, required) in lists.into_iter().enumerate() {
            for words in required {
                if words.is_empty() {
                    always[list] = true;
                }
                let words = words
                    .into_iter()
                    .map(|forms| forms.into_iter().map(&mut key_of).collect())
                    .collect();
                cues.push((list, words));
            }
        }
        cues.retain(|(list, _)| !always[*list]);
        let mut cues_of_key = vec![Vec::new(); keys.len()];
        for (c, (_, words)) in cues.iter().enumerate() {
            for &k in words.iter().flatten() {
                if cues_of_key[k].last() != Some(&c) {
                    cues_of_key[k].push(c);
                }
            }
        }
        let mut heads: Vec<(u32, usize)> = keys
            .iter()
            .enumerate()
            .flat_map(|(k, key)| heads_of(key).into_iter().map(move |h| (h, k)))
            .collect();
        heads.sort_unstable();
        heads.dedup();
        let mut bitmap = Box::new([0; BITMAP_WORDS]);
        let mut pairs = Box::new([0; BITMAP_WORDS]);
        for &(h, _) in &heads {
            let bit = bucket(h);
            bitmap[bit / 64] |= 1 << (bit % 64);
            let pair = usize::from(h as u16);
            pairs[pair / 64] |= 1 << (pair % 64);
        }
        WordFilter {
            pairs,
            bitmap,
            head_index: HeadIndex::new(&heads),
            heads,
            key_bytes: keys.iter().map(KeyBytes::new).collect(),
            keys,
            cues,
            cues_of_key,
            always,
        }
    }

    /// For a filter made by [`WordFilter::any_word`]: whether one of its words is a whole word
    /// of `folded`, which is `lists_in(folded).contains(0)`. Every cue there is one word, so a
    /// key found is a word found, and no list needs working out (a date's sentences ask this one
    /// by one).
    pub fn has_any_word(&self, folded: &str) -> bool {
        debug_assert!(
            self.always.len() == 1 && self.cues.iter().all(|(_, words)| words.len() == 1),
            "a filter made by any_word"
        );
        self.key_hits(folded.as_bytes()).keys().next().is_some()
    }

    /// The lists that may occur in `folded` (text folded by [`crate::text::fold`]).
    pub fn lists_in(&self, folded: &str) -> Lists {
        self.lists_of(self.key_hits(folded.as_bytes()).keys())
    }

    /// Where the keys start words of `folded`: the one pass over a text, from which
    /// [`WordFilter::lists_of`] and [`WordFilter::lists_in_ranges`] tell what may occur.
    pub fn key_hits(&self, folded: &[u8]) -> KeyHits {
        self.mark_keys(&word_buffer(folded), folded.len())
    }

    /// [`WordFilter::key_hits`] of the fold of `text` (an article as read), folding it and
    /// keeping its word bytes in one pass: the same hits, at the same offsets of the folded text.
    pub fn key_hits_of_text(&self, text: &str) -> KeyHits {
        let (words, len, _) =
            folded_word_buffer(text.as_bytes(), Vec::new()).expect("a str is UTF-8");
        self.mark_keys(&words, len)
    }

    /// [`WordFilter::key_hits_of_text`] of `bytes` read as UTF-8, before they are decoded, with
    /// what decoding would have checked of them; `None` if they are not UTF-8. The word buffer
    /// is made in `buffer`, whose room is kept for the next text (every article of a corpus goes
    /// through here: one allocation each cost more than the fold of a short one); bytes that
    /// are not UTF-8 leave it empty, to be allocated again.
    pub fn key_hits_of_bytes(&self, bytes: &[u8], buffer: &mut Vec<u8>) -> Option<BytesPass> {
        let (words, len, has_c1_control) = folded_word_buffer(bytes, std::mem::take(buffer))?;
        let pass = BytesPass {
            hits: self.mark_keys(&words, len),
            has_control: has_c1_control || crate::text::has_ascii_stray_control(bytes),
            // A word byte is never white space; most texts have one in their first bytes.
            has_word: words[..len].iter().any(|&b| b != 0),
        };
        *buffer = words;
        Some(pass)
    }

    /// The lists that may occur in `folded`'s byte `ranges` (in order, not overlapping), given
    /// the `hits` of `folded`: what [`WordFilter::lists_in`] gives for each range's text, as long
    /// as no run of word bytes crosses a range's edge (sentences end at white space, punctuation
    /// or a line break), so that the words starting in a range are the range's own.
    pub fn lists_in_ranges(
        &self,
        hits: &KeyHits,
        ranges: impl IntoIterator<Item = std::ops::Range<usize>>,
    ) -> Vec<Lists> {
        let mut hits = hits.0.iter().peekable();
        let mut seen = vec![false; self.keys.len()];
        let mut order = Vec::new();
        ranges
            .into_iter()
            .map(|range| {
                while hits.next_if(|&&(at, _)| at < range.start).is_some() {}
                while let Some(&(_, key)) = hits.next_if(|&&(at, _)| at < range.end) {
                    if !std::mem::replace(&mut seen[key], true) {
                        order.push(key);
                    }
                }
                let lists = self.complete(&seen, &order);
                for key in order.drain(..) {
                    seen[key] = false;
                }
                lists
            })
            .collect()
    }

    /// The lists that may occur in a text where `keys` (with repeats) start words, and no other
    /// key does.
    pub fn lists_of(&self, keys: impl Iterator<Item = usize>) -> Lists {
        let mut seen = vec![false; self.keys.len()];
        let mut order = Vec::new();
        for key in keys {
            if !std::mem::replace(&mut seen[key], true) {
                order.push(key);
            }
        }
        self.complete(&seen, &order)
    }

    /// The lists that may occur in a text where the keys `order` (`seen` by index) start words:
    /// those with a cue all of whose words are there.
    fn complete(&self, seen: &[bool], order: &[usize]) -> Lists {
        let mut lists = self.always.clone();
        // Only the cues that need a key the text has can be complete.
        for &k in order {
            for &c in &self.cues_of_key[k] {
                let (list, words) = &self.cues[c];
                if !lists[*list] && words.iter().all(|forms| forms.iter().any(|&f| seen[f])) {
                    lists[*list] = true;
                }
            }
        }
        Lists(lists)
    }

    /// Every key that starts a word of a text of `len` bytes, with the word's offset, in text
    /// order, given the text's `words` (see [`word_buffer`]).
    fn mark_keys(&self, words: &[u8], len: usize) -> KeyHits {
        // Eight bytes at a time from the text's words (see `word_buffer`): a word starts at a
        // byte that is not zero after one that is (`carry`: whether the last byte of the
        // previous chunk was not), and its head is the four bytes there up to the first zero.
        let mut hits = Vec::new();
        let mut carry = 0;
        for i in 0..len.div_ceil(8) {
            // The chunk and the next: the four bytes from any start in the chunk are in it (the
            // buffer is padded for that), with no bounds to check per word.
            let window: &[u8; 16] = words[i * 8..i * 8 + 16].try_into().expect("16 bytes");
            let chunk = u64::from_le_bytes(window[..8].try_into().expect("8 bytes"));
            let in_word = nonzero_bytes(chunk);
            let mut starts = in_word & !((in_word << 8) | carry);
            carry = in_word >> 56;
            while starts != 0 {
                let lane = (starts.trailing_zeros() / 8) as usize & 7;
                starts &= starts - 1;
                let pair = usize::from(u16::from_le_bytes([window[lane], window[lane + 1]]));
                if self.pairs[pair / 64] >> (pair % 64) & 1 == 0 {
                    continue;
                }
                let four = u32::from_le_bytes(window[lane..lane + 4].try_into().expect("4 bytes"));
                let head = four & head_mask(nonzero_bytes(u64::from(four)) as u32);
                let bit = bucket(head);
                if self.bitmap[bit / 64] >> (bit % 64) & 1 != 0 {
                    self.verify(words, i * 8 + lane, head, &mut hits);
                }
            }
        }
        KeyHits(hits)
    }

    /// Records the keys whose heads include `head` and that the word at `at` of `words` (a
    /// word buffer, see [`word_buffer`]) really begins with.
    #[cold]
    fn verify(&self, words: &[u8], at: usize, head: u32, hits: &mut Vec<(usize, usize)>) {
        let Some(candidates) = self.head_index.get(head) else {
            return;
        };
        // The buffer's padding leaves eight bytes after any word start.
        let eight = u64::from_le_bytes(words[at..at + 8].try_into().expect("eight bytes"));
        let mut word: Option<&[u8]> = None;
        for &(_, k) in &self.heads[candidates] {
            let matches = match self.key_bytes[k].matches(eight, words, at) {
                Some(matches) => matches,
                None => {
                    let word = *word.get_or_insert_with(|| {
                        let length = words[at..].iter().take_while(|&&b| b != 0).count();
                        &words[at..at + length]
                    });
                    let key = &self.keys[k];
                    word == key.text.as_bytes()
                        || (!key.whole && word.starts_with(key.text.as_bytes()))
                }
            };
            if matches {
                hits.push((at, k));
            }
        }
    }
}

/// A key of at most eight bytes as one number: a word of a word buffer begins with it when its
/// first eight bytes, masked, equal it, and is it when the byte after is zero. Words that pass
/// the bitmap are many (the cues' own common words, "said", "a declare"), and this spares each a
/// search for the word's end and a `memcmp` per key.
#[derive(Debug, Clone)]
struct KeyBytes {
    /// The key's bytes, then zeros.
    bytes: u64,
    /// Ones over the key's bytes.
    mask: u64,
    /// How many bytes the key has; more than eight: compared as slices.
    len: usize,
    /// The word must be the key, not only begin with it.
    whole: bool,
}

impl KeyBytes {
    fn new(key: &WordStart) -> KeyBytes {
        let text = key.text.as_bytes();
        let mut eight = [0; 8];
        let len = text.len();
        eight[..len.min(8)].copy_from_slice(&text[..len.min(8)]);
        KeyBytes {
            bytes: u64::from_le_bytes(eight),
            mask: u64::MAX
                .checked_shr(8 * (8 - len.min(8)) as u32)
                .unwrap_or(0),
            len,
            whole: key.whole,
        }
    }

    /// Whether the word at `at` of `words`, whose first eight bytes are `eight`, begins with the
    /// key (is the key, for a whole one); `None` for a key longer than eight bytes.
    #[inline]
    fn matches(&self, eight: u64, words: &[u8], at: usize) -> Option<bool> {
        if self.len > 8 {
            return None;
        }
        Some(eight & self.mask == self.bytes && (!self.whole || words[at + self.len] == 0))
    }
}

/// Where each head's entries are in a filter's sorted `heads`: an open-addressing hash table,
/// looked up for every word that passes the bitmap (a binary search through hundreds of heads was
/// most of the cost of checking one).
#[derive(Debug, Clone)]
struct HeadIndex {
    /// `(head, first entry, end of entries)`; a head of 0 marks an empty slot (a head has at
    /// least one byte that is not zero).
    slots: Vec<(u32, u32, u32)>,
    /// How many bits of a head's hash give its slot.
    bits: u32,
}

impl HeadIndex {
    /// The index of `heads`, sorted.
    fn new(heads: &[(u32, usize)]) -> HeadIndex {
        let distinct = heads.chunk_by(|a, b| a.0 == b.0).count();
        // At most half full, so that a probe ends soon.
        let bits = (2 * distinct).max(16).next_power_of_two().trailing_zeros();
        let mut index = HeadIndex {
            slots: vec![(0, 0, 0); 1 << bits],
            bits,
        };
        let mut from = 0;
        for run in heads.chunk_by(|a, b| a.0 == b.0) {
            let head = run[0].0;
            assert_ne!(head, 0, "a head has a byte that is not zero");
            let small = |n: usize| u32::try_from(n).expect("fewer than 2^32 heads");
            let mut slot = index.slot(head);
            while index.slots[slot].0 != 0 {
                slot = (slot + 1) & (index.slots.len() - 1);
            }
            index.slots[slot] = (head, small(from), small(from + run.len()));
            from += run.len();
        }
        index
    }

    /// The first slot `head` may be in.
    fn slot(&self, head: u32) -> usize {
        hash(head, self.bits)
    }

    /// The entries of `heads` whose head is `head`, if any.
    fn get(&self, head: u32) -> Option<std::ops::Range<usize>> {
        let mut slot = self.slot(head);
        loop {
            let (h, from, to) = self.slots[slot];
            if h == head {
                return Some(from as usize..to as usize);
            }
            if h == 0 {
                return None;
            }
            slot = (slot + 1) & (self.slots.len() - 1);
        }
    }
}

/// Every head (see [`head`]) that a word beginning with `key` (or, when whole, equal to it) has.
/// A key shorter than four bytes leaves the rest open: any word bytes, then zeros.
fn heads_of(key: &WordStart) -> Vec<u32> {
    let bytes = key.text.as_bytes();
    let fixed = bytes.len().min(4);
    let mut heads = vec![bytes[..fixed].to_vec()];
    if !key.whole {
        let word_bytes: Vec<u8> = (0..=u8::MAX).filter(|&b| is_word_byte(b)).collect();
        let mut longest = heads.clone();
        for _ in fixed..4 {
            longest = longest
                .iter()
                .flat_map(|h| {
                    word_bytes.iter().map(move |&b| {
                        let mut longer = h.clone();
                        longer.push(b);
                        longer
                    })
                })
                .collect();
            heads.extend(longest.iter().cloned());
        }
    }
    heads
        .into_iter()
        .map(|h| {
            let mut four = [0; 4];
            four[..h.len()].copy_from_slice(&h);
            u32::from_le_bytes(four)
        })
        .collect()
}

/// The mask that makes a word's head (its first four bytes, with zeros from the first byte that is
/// not a word byte on: "de la" gives `de\0\0`) out of the four bytes at its start, given
/// `word_bytes` of them (the high bit of each word byte).
#[inline]
fn head_mask(word_bytes: u32) -> u32 {
    // The lowest high bit that is clear, at bit 8k + 7 for the first non-word byte k, gives the
    // mask of the k bytes before it; none clear gives all four (0 >> 7, less 1, wraps to ones).
    let not_word = !word_bytes & 0x8080_8080;
    ((not_word & not_word.wrapping_neg()) >> 7).wrapping_sub(1)
}

/// The bitmap bit of head `bytes`.
#[inline]
fn bucket(bytes: u32) -> usize {
    hash(bytes, BITMAP_BITS)
}

/// The top `bits` bits (1 to 32) of `bytes` times 2^32 / φ (Fibonacci hashing): spread over a
/// table of 2^`bits` entries, whatever the low bits of the heads have in common.
#[inline]
fn hash(bytes: u32, bits: u32) -> usize {
    (bytes.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize
}

/// What the pass over `text` reads: its word bytes as they are and every other byte zero, then
/// zeros: at least eight, so that a word's first eight bytes (see [`KeyBytes`]) can be read
/// wherever it starts, and up to the end of a chunk of eight, so that every chunk can. Making it
/// is one pass the compiler vectorizes, after which telling word bytes apart takes two operations
/// for eight bytes, not ten.
fn word_buffer(text: &[u8]) -> Vec<u8> {
    let mut words = Vec::with_capacity(text.len() + PADDING);
    words.extend(text.iter().map(|&b| word_byte_or_zero(b)));
    pad(&mut words);
    words
}

/// The [`word_buffer`] of the fold of `text`, made as it is folded (in `into`, emptied first),
/// the folded text's length, and whether `text` holds a C1 control character (see
/// [`crate::text::FoldedBytes`]); `None` if `text` is not UTF-8.
fn folded_word_buffer(text: &[u8], into: Vec<u8>) -> Option<(Vec<u8>, usize, bool)> {
    let folded = crate::text::fold_bytes_map(
        text,
        folded_ascii_word_byte,
        word_byte_or_zero,
        PADDING,
        into,
    )?;
    let mut words = folded.bytes;
    let len = words.len();
    pad(&mut words);
    Some((words, len, folded.has_c1_control))
}

/// [`word_byte_or_zero`] of the fold of ASCII byte `b`, in operations the compiler vectorizes: a
/// letter lower-cased, a digit as it is, anything else (which folds to no word byte) zero.
#[inline]
fn folded_ascii_word_byte(b: u8) -> u8 {
    let lower = b | (u8::from(b.wrapping_sub(b'A') < 26) << 5);
    let word = (lower.wrapping_sub(b'a') < 26) | (b.wrapping_sub(b'0') < 10);
    if word { lower } else { 0 }
}

/// The most zeros [`pad`] adds.
const PADDING: usize = 15;

/// Adds the zeros that end a word buffer: from its text's end to the end of a chunk of eight,
/// then eight more.
fn pad(words: &mut Vec<u8>) {
    words.resize(words.len().div_ceil(8) * 8 + 8, 0);
}

/// `b` if it is a word byte, else zero: what a word buffer holds for each byte of its text.
#[inline]
fn word_byte_or_zero(b: u8) -> u8 {
    if is_word_byte(b) { b } else { 0 }
}

/// The high bit of each byte of `x` that is not zero, for bytes that are zero or word bytes
/// (below 0x80): adding 0x7F sets a byte's high bit unless it is zero, and carries out of none.
#[inline]
fn nonzero_bytes(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    (x + !HIGH) & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Folded, fold, sentences_of};

    fn list(cues: &[&str]) -> CueSet {
        CueSet::new(&cues.iter().map(|c| c.to_string()).collect::<Vec<_>>()).unwrap()
    }

    /// Cue lists with every notation: a star, a gap, acronyms (alone and in a phrase), hyphens,
    /// plurals, an apostrophe, a cue opening with punctuation, digits, short words, a word
    /// beyond ASCII.
    fn notations() -> Vec<CueSet> {
        vec![
            list(&["instructeur*", "military instructor"]),
            list(&["nombre ... précisé", "did not say how many"]),
            list(&["US troop", "soldat US", "ONU"]),
            list(&["touched-down", "s'est posé", "n'ont pas précisé la date"]),
            list(&["(inconnu)", "Il-76", "G7"]),
            list(&["de la"]),
            list(&["инструктор", "mi-temps"]),
        ]
    }

    /// Pieces texts are made of: the cues' words and their variants, separators of every kind,
    /// and neighbours that do or do not end a word.
    const PIECES: &[&str] = &[
        "instructeur",
        "instructeurs",
        "Instructeurs",
        "military",
        "instructor",
        "instructors",
        "nombre",
        "n'a",
        "pas",
        "été",
        "précisé",
        "did",
        "not",
        "say",
        "how",
        "many",
        "US",
        "U.S.",
        "u.s",
        "us",
        "troop",
        "troops",
        "troopers",
        "soldat",
        "soldats",
        "ONU",
        "O.N.U.",
        "touched",
        "down",
        "toucheddown",
        "touched-down",
        "s'est",
        "s’est",
        "posé",
        "n'ont",
        "n’ont",
        "la",
        "date",
        "(inconnu)",
        "inconnu",
        "Il-76",
        "il",
        "76",
        "G7",
        "g7",
        "de",
        "a",
        "à",
        "инструктор",
        "mi",
        "temps",
        "mi-temps",
        "de la",
        "did not say",
        "how many",
        "pas été",
        " ",
        " ",
        "  ",
        "-",
        "—",
        ".",
        ",",
        "'",
        "’",
        "(",
        ")",
        "«",
        "»",
        "\u{a0}",
        "_",
        "é",
        "ж",
        "x",
        "1",
        "\n",
    ];

    /// The filter never misses a list where one of its cues matches, the guarantee the cue scan
    /// rests on: checked on texts drawn from [`PIECES`] (a fixed pseudo-random sequence, so that
    /// a failure repeats), where every list matches many times.
    #[test]
    fn a_list_that_matches_is_never_missed() {
        let lists = notations();
        let filter = WordFilter::new(&lists.iter().collect::<Vec<_>>());
        let mut next = crate::testing::sequence(0x9E37_79B9_7F4A_7C15);
        let mut matched = vec![0; lists.len()];
        for _ in 0..40_000 {
            let mut text = String::new();
            for _ in 0..1 + next(10) {
                text.push_str(PIECES[next(PIECES.len())]);
                if next(3) > 0 {
                    text.push(' ');
                }
            }
            let folded = fold(&text);
            let found = filter.lists_in(&folded);
            for (l, cues) in lists.iter().enumerate() {
                if cues.is_match(&folded) {
                    matched[l] += 1;
                    assert!(found.contains(l), "list {l} missed in {text:?}");
                }
            }
        }
        assert!(
            matched.iter().all(|&n| n >= 30),
            "some list rarely matches: {matched:?}"
        );
    }

    /// Cutting one pass over an article at its sentences' edges gives, for every sentence, what
    /// a pass over the sentence alone gives: what the cue scan relies on to read each article once.
    #[test]
    fn lists_in_ranges_agree_with_a_pass_per_sentence() {
        let lists = notations();
        let filter = WordFilter::new(&lists.iter().collect::<Vec<_>>());
        let mut next = crate::testing::sequence(0x51_7CC1_B727_220A);
        // Sentence ends of every kind, glued to words or not.
        const ENDS: &[&str] = &[
            ". ", "! ", "? ", "… ", ".» ", ".\n", "\n", "\r\n", "\u{2028}", ". A ",
        ];
        let mut sentences = 0;
        for _ in 0..5_000 {
            let mut text = String::new();
            for _ in 0..1 + next(40) {
                text.push_str(PIECES[next(PIECES.len())]);
                match next(6) {
                    0 => text.push_str(ENDS[next(ENDS.len())]),
                    1..=3 => text.push(' '),
                    _ => {}
                }
            }
            let folded = Folded::new(&text, 0);
            let split = sentences_of(&text, &folded);
            let ranges = split
                .iter()
                .map(|s| folded.folded_offset(s.start)..folded.folded_offset(s.end));
            let hits = filter.key_hits(folded.text.as_bytes());
            let (words, len, _) = folded_word_buffer(text.as_bytes(), vec![7; next(99)]).unwrap();
            assert_eq!(words, word_buffer(folded.text.as_bytes()), "{text:?}");
            assert_eq!(len, folded.text.len(), "{text:?}");
            assert_eq!(filter.key_hits_of_text(&text).0, hits.0, "{text:?}");
            let cut = filter.lists_in_ranges(&hits, ranges);
            let alone: Vec<Lists> = split
                .iter()
                .map(|s| filter.lists_in(&s.folded.text))
                .collect();
            assert_eq!(cut, alone, "{text:?}");
            sentences += split.len();
        }
        assert!(sentences > 10_000, "only {sentences} sentences");
    }

    /// An article whose bytes the pass finds a word byte in is not only white space, which lets
    /// it be read undecoded (see `CueScan::skim`): no white space character folds to a word
    /// byte.
    #[test]
    fn a_text_with_a_word_byte_is_not_white_space() {
        let filter = WordFilter::any_word(["mai"]);
        let spaces: String = (char::MIN..=char::MAX)
            .filter(|c| c.is_whitespace())
            .collect();
        assert!(spaces.chars().count() > 20, "{spaces:?}");
        let mut buffer = Vec::new();
        let pass = filter
            .key_hits_of_bytes(spaces.as_bytes(), &mut buffer)
            .unwrap();
        assert!(!pass.has_word);
        for text in ["\u{a0}é ", "\n1", "Œ", "«x»"] {
            let pass = filter
                .key_hits_of_bytes(text.as_bytes(), &mut buffer)
                .unwrap();
            assert!(pass.has_word, "{text:?}");
        }
        assert!(filter.key_hits_of_bytes(b"mai \xE9", &mut buffer).is_none());
    }

    /// The hits are exactly the keys each word begins with (or is, for a whole key): keys of one
    /// to twelve bytes, whole or not, against words equal to them, longer, shorter, or one byte
    /// off anywhere, at every offset of the buffer.
    #[test]
    fn hits_are_the_keys_each_word_begins_with() {
        const KEYS: &[&str] = &[
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijkl",
            "said",
            "saidx",
            "x1",
            "9",
        ];
        let starts: Vec<WordStart> = KEYS
            .iter()
            .flat_map(|k| {
                [true, false].map(|whole| WordStart {
                    text: k.to_string(),
                    whole,
                })
            })
            .collect();
        let lists = starts.iter().map(|s| vec![vec![s.clone()]]).collect();
        let filter = WordFilter::from_required(vec![lists]);
        let mut next = crate::testing::sequence(0x6b_e7b1);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..1 + next(5) {
                let mut word: Vec<u8> = KEYS[next(KEYS.len())].bytes().collect();
                match next(4) {
                    0 => word.truncate(next(word.len() + 1)),
                    1 => word.push(b"az9"[next(3)]),
                    2 => {
                        let at = next(word.len());
                        word[at] = b"bz0"[next(3)];
                    }
                    _ => {}
                }
                text.push_str(std::str::from_utf8(&word).unwrap());
                text.push_str([" ", ", ", "-", "'"][next(4)]);
            }
            let mut expected = Vec::new();
            for (at, word) in crate::text::words(&text) {
                for (k, key) in filter.keys.iter().enumerate() {
                    let text = key.text.as_str();
                    if word == text || (!key.whole && word.starts_with(text)) {
                        expected.push((at, k));
                    }
                }
            }
            let mut got = filter.key_hits(text.as_bytes()).0;
            got.sort_unstable();
            expected.sort_unstable();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    /// The head index finds each head's entries as a search of the sorted heads does, and no
    /// entry for a head it lacks, however the heads share slots.
    #[test]
    fn the_head_index_finds_each_heads_entries() {
        let mut next = crate::testing::sequence(0x4ead_1de7);
        for _ in 0..200 {
            // Few distinct values, so that heads repeat and collide.
            let mut heads: Vec<(u32, usize)> = (0..next(300))
                .map(|_| {
                    let bits = next(20);
                    (1 + next(1 << bits) as u32, next(50))
                })
                .collect();
            heads.sort_unstable();
            heads.dedup();
            let index = HeadIndex::new(&heads);
            for _ in 0..200 {
                let bits = next(20);
                let probe = 1 + next(1 << bits) as u32;
                let from = heads.partition_point(|&(h, _)| h < probe);
                let to = heads.partition_point(|&(h, _)| h <= probe);
                let expected = (from < to).then_some(from..to);
                assert_eq!(index.get(probe), expected, "{probe} in {heads:?}");
            }
            for &(head, _) in &heads {
                assert!(index.get(head).is_some());
            }
        }
    }

    #[test]
    fn every_cue_is_found_in_its_own_words() {
        let lists = notations();
        let filter = WordFilter::new(&lists.iter().collect::<Vec<_>>());
        for (l, cues) in lists.iter().enumerate() {
            for cue in &cues.cues {
                for text in [cue.clone(), format!("«{cue}» "), format!("x, {cue}.")] {
                    assert!(filter.lists_in(&fold(&text)).contains(l), "{text}");
                }
            }
        }
    }

    #[test]
    fn a_text_without_a_needed_word_is_ruled_out() {
        let lists = notations();
        let filter = WordFilter::new(&lists.iter().collect::<Vec<_>>());
        let found = |text: &str| filter.lists_in(&fold(text)).iter().collect::<Vec<_>>();
        // List 6 cannot be ruled out: one of its cues has no ASCII word to look for.
        let anywhere = [6];
        assert_eq!(found("Les formateurs sont arrivés."), anywhere);
        // Every word must be there, at the start of a word of the text.
        assert_eq!(found("le nombre est connu"), anywhere);
        assert_eq!(found("the troupe of usurpers"), anywhere);
        assert_eq!(found("des désinstructeurs"), anywhere);
        assert_eq!(found("instructeurs"), [0, 6]);
        // Short words are looked for only when the cue has nothing longer ("de la": `la`).
        assert_eq!(
            found("Combien? Le nombre... de ce qui a été précisé"),
            [1, 6]
        );
        assert_eq!(found("de la"), [5, 6]);
        assert_eq!(found("1,000 U.S. troops"), [2, 6]);
        assert_eq!(found("it toucheddown"), [3, 6]);
    }

    #[test]
    fn any_word_looks_for_whole_words() {
        let filter = WordFilter::any_word(["mai", "mi", "yesterday"]);
        let found = |text: &str| filter.lists_in(&fold(text)).contains(0);
        assert!(found("le 10 mai"));
        assert!(found("mi-avril"));
        assert!(found("Yesterday, in Niamey"));
        assert!(!found("la maison, le midi, yesterdays"));
        // Asked without working out the lists, the answer is the same.
        const PIECES: &[&str] = &["mai", "maison", "Mi", "midi", "yesterday", "yesterdays"];
        const BETWEEN: &[&str] = &[" ", "-", ", ", "", "."];
        let mut next = crate::testing::sequence(0x0a2f_7e11);
        let (mut with, mut without) = (0, 0);
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..next(4) {
                text.push_str(PIECES[next(PIECES.len())]);
                text.push_str(BETWEEN[next(BETWEEN.len())]);
            }
            let has = filter.has_any_word(&fold(&text));
            assert_eq!(has, found(&text), "{text:?}");
            (with, without) = if has {
                (with + 1, without)
            } else {
                (with, without + 1)
            };
        }
        assert!(
            with > 300 && without > 300,
            "{with} with, {without} without"
        );
    }

    #[test]
    fn the_pass_marks_the_word_bytes_of_every_chunk() {
        // Every byte value in every lane of a chunk, among bytes at the edges of the word
        // ranges, and texts of every length up to three chunks.
        let tricky = [
            0x00, 0x2F, 0x30, 0x39, 0x3A, 0x40, 0x5F, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0xFF,
        ];
        for byte in 0..=u8::MAX {
            for lane in 0..8 {
                for &other in &tricky {
                    let mut bytes = [other; 8];
                    bytes[lane] = byte;
                    let words = word_buffer(&bytes);
                    let chunk = u64::from_le_bytes(words[..8].try_into().unwrap());
                    let expected = (bytes.iter().enumerate())
                        .filter(|(_, b)| is_word_byte(**b))
                        .fold(0, |m, (i, _)| m | 0x80 << (8 * i));
                    assert_eq!(nonzero_bytes(chunk), expected, "{bytes:?}");
                }
            }
        }
        for len in 0..24 {
            let words = word_buffer(&b"a b".repeat(8)[..len]);
            assert!(
                words.len() >= len + 8 && words.len().is_multiple_of(8),
                "{len}"
            );
            assert!(words[len..].iter().all(|&b| b == 0), "{len}");
        }
    }

    #[test]
    fn an_ascii_byte_becomes_the_word_byte_of_its_fold() {
        for b in 0..0x80 {
            let expected = word_byte_or_zero(crate::text::fold_ascii(b));
            assert_eq!(folded_ascii_word_byte(b), expected, "{b:#04x}");
        }
    }

    #[test]
    fn a_head_keeps_the_bytes_before_the_first_non_word_byte() {
        for word in 0..16u32 {
            let high_bits = (0..4)
                .filter(|i| word >> i & 1 != 0)
                .fold(0, |m, i| m | 0x80 << (8 * i));
            let kept = (0..4).take_while(|i| word >> i & 1 != 0).count();
            let expected = if kept == 4 {
                u32::MAX
            } else {
                (1 << (8 * kept)) - 1
            };
            assert_eq!(head_mask(high_bits), expected, "{word:04b}");
        }
    }
}
