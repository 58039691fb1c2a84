//! Entities: a run of words that spells one of a value's aliases, ignoring case, accents, hyphens
//! and spaces ("Iliouchine-76", "IL 76", "Ilyushin Il-76"), or misspells one closely enough.
//!
//! A misspelling is only accepted with the same digits and the same number of words as the alias,
//! and on aliases long enough for similarity to mean something: "lliouchine-76" is Il-76, while
//! "Iliouchine" alone (no model number) and "An-125" (another model) are not.

use std::sync::Arc;

use similar::TextDiff;

use super::{Document, Extraction, Reading, Value};
use crate::claims::{AliasKey, CueSet, EntityValue};
use crate::text::words;

/// Aliases shorter than this (in letters and digits) must be spelt exactly.
const MIN_FUZZY_LEN: usize = 6;

/// The cues that decide whether a sentence's entity is the claim's.
#[derive(Debug, Clone, Copy)]
pub struct Cues<'a> {
    /// When given, the sentence must contain one.
    pub context: Option<&'a CueSet>,
    /// When one is in the sentence, it speaks of another event.
    pub exclude: Option<&'a CueSet>,
}

/// Finds the entities of a claim in `doc`.
pub fn extract(
    doc: &Document,
    values: &[EntityValue],
    cues: Cues,
    similarity: f64,
    trace: bool,
    out: &mut Extraction,
) {
    for sentence in &doc.sentences {
        let folded = &sentence.folded.text;
        let found = find(values, folded, similarity);
        if found.is_empty() {
            continue;
        }
        let has_context = cues.context.is_none_or(|c| c.is_match(folded));
        let other_event = cues
            .exclude
            .and_then(|x| x.find_iter(folded).next())
            .map(|m| &folded[m.start..m.end]);
        for hit in found {
            let span = Document::span(sentence, hit.start..hit.end);
            let reason = match other_event {
                _ if !has_context => Some(format!(
                    "`{}` found, but the sentence has no context cue",
                    hit.canonical
                )),
                Some(word) => Some(format!(
                    "`{}` found, but the sentence is about another event (`{word}`)",
                    hit.canonical
                )),
                None => None,
            };
            if let Some(reason) = reason {
                if trace {
                    out.rejections.push(doc.rejection(sentence, span, reason));
                }
                continue;
            }
            let rule = match hit.similarity {
                None => format!("alias of `{}`", hit.canonical),
                Some(s) => format!(
                    "misspelling of an alias of `{}` (similarity {s:.2})",
                    hit.canonical
                ),
            };
            let reading = Reading::Value(Value::Entity(Arc::clone(hit.canonical)));
            out.mentions
                .push(doc.mention(sentence, span, reading, rule));
        }
    }
}

/// The canonical value `text` (all of it) names, if any.
pub fn lookup(values: &[EntityValue], folded: &str, similarity: f64) -> Option<Arc<str>> {
    let total = words(folded).count();
    find(values, folded, similarity)
        .into_iter()
        .find(|h| h.words == total)
        .map(|h| Arc::clone(h.canonical))
}

struct Hit<'a> {
    start: usize,
    end: usize,
    words: usize,
    canonical: &'a Arc<str>,
    similarity: Option<f64>,
}

/// Every alias spelt in `folded`, longest first and without overlaps.
fn find<'a>(values: &'a [EntityValue], folded: &str, similarity: f64) -> Vec<Hit<'a>> {
    let tokens: Vec<(usize, &str)> = words(folded).collect();
    let longest = values
        .iter()
        .flat_map(|v| v.aliases.iter().map(|a| a.words))
        .max()
        .unwrap_or(0);
    let mut hits = Vec::new();
    // One buffer for every window's key: a sentence has as many windows as words.
    let mut key = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut matched = None;
        for len in (1..=longest.min(tokens.len() - i)).rev() {
            let window = &tokens[i..i + len];
            key.clear();
            key.extend(window.iter().map(|(_, w)| *w));
            if let Some((canonical, score)) = best_alias(values, &key, len, similarity) {
                let (last_start, last) = window[len - 1];
                matched = Some(Hit {
                    start: window[0].0,
                    end: last_start + last.len(),
                    words: len,
                    canonical,
                    similarity: score,
                });
                break;
            }
        }
        match matched {
            Some(hit) => {
                i += hit.words;
                hits.push(hit);
            }
            None => i += 1,
        }
    }
    hits
}

/// The value whose alias `key` spells (score `None`) or misspells (with its similarity).
fn best_alias<'a>(
    values: &'a [EntityValue],
    key: &str,
    words: usize,
    similarity: f64,
) -> Option<(&'a Arc<str>, Option<f64>)> {
    let same_words = |a: &&AliasKey| a.words == words;
    // Spelt exactly: any split into words will do ("il76", "IL 76", "Il-76").
    if let Some(v) = values
        .iter()
        .find(|v| v.aliases.iter().any(|a| a.key == key))
    {
        return Some((&v.canonical, None));
    }
    if similarity >= 1.0 {
        return None;
    }
    let key_len = key.chars().count();
    // What the key is compared by, worked out for the first alias that gets that far: most
    // windows of a sentence have none of the right length.
    let key_digits = std::cell::OnceCell::new();
    let key_letters = std::cell::OnceCell::new();
    let mut best: Option<(&Arc<str>, f64)> = None;
    for v in values {
        for alias in v.aliases.iter().filter(same_words) {
            let len = alias.chars;
            if len < MIN_FUZZY_LEN
                || key_len.abs_diff(len) * 5 > len
                || alias.digits
                    != *key_digits.get_or_init(|| {
                        key.chars().filter(char::is_ascii_digit).collect::<String>()
                    })
            {
                continue;
            }
            // The diff's ratio is 2 x matched characters / both lengths, and it cannot match more
            // characters than the two strings have in common: most windows of a sentence are
            // ruled out by that bound without the diff.
            let letters = key_letters.get_or_init(|| Letters::of(key));
            if let Some(common) = letters.as_ref().and_then(|k| k.common(&alias.key)) {
                // Computed as `similar` computes its ratio (in f32), so that the bound is never
                // below the score by a rounding.
                let bound = 2.0 * common as f32 / (key_len + len) as f32;
                if f64::from(bound) < similarity {
                    continue;
                }
            }
            let score = f64::from(TextDiff::from_chars(key, alias.key.as_str()).ratio());
            if score >= similarity && best.is_none_or(|(_, b)| score > b) {
                best = Some((&v.canonical, score));
            }
        }
    }
    best.map(|(c, s)| (c, Some(s)))
}

/// How many times each ASCII character occurs in a string: what two strings have in common
/// bounds how similar they can be.
struct Letters([u16; 128]);

impl Letters {
    /// The counts of `text`, or `None` when it is not ASCII (or too long to count in `u16`).
    fn of(text: &str) -> Option<Letters> {
        if !text.is_ascii() || text.len() > usize::from(u16::MAX) {
            return None;
        }
        let mut counts = [0u16; 128];
        for b in text.bytes() {
            counts[usize::from(b)] += 1;
        }
        Some(Letters(counts))
    }

    /// How many characters `other` shares with these counts (a multiset intersection), or
    /// `None` when `other` is not ASCII.
    fn common(&self, other: &str) -> Option<usize> {
        if !other.is_ascii() {
            return None;
        }
        let mut left = self.0;
        let mut common = 0;
        for b in other.bytes() {
            let count = &mut left[usize::from(b)];
            if *count > 0 {
                *count -= 1;
                common += 1;
            }
        }
        Some(common)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Vec<EntityValue> {
        let value = |canonical: &str, aliases: &[&str]| EntityValue {
            canonical: canonical.into(),
            aliases: std::iter::once(canonical)
                .chain(aliases.iter().copied())
                .map(AliasKey::new)
                .collect(),
        };
        vec![
            value("Il-76", &["Ilyushin Il-76", "Iliouchine-76"]),
            value("An-124", &["Antonov An-124"]),
        ]
    }

    fn names(text: &str) -> Vec<&'static str> {
        let values = Box::leak(Box::new(values()));
        find(values, &crate::text::fold(text), 0.85)
            .iter()
            .map(|h| &**h.canonical)
            .collect()
    }

    #[test]
    fn aliases_match_whatever_the_case_accents_hyphens_and_spaces() {
        assert_eq!(names("un avion Iliouchine-76"), ["Il-76"]);
        assert_eq!(names("an Ilyushin Il-76 jet"), ["Il-76"]);
        assert_eq!(names("un IL 76 et un il76"), ["Il-76", "Il-76"]);
        assert_eq!(names("an Antonov An-124"), ["An-124"]);
    }

    #[test]
    fn close_misspellings_match_but_not_other_models_or_names_without_the_model() {
        assert_eq!(names("un lliouchine-76"), ["Il-76"]);
        assert_eq!(names("un avion Iliouchine"), Vec::<&str>::new());
        assert_eq!(names("an Antonov An-125"), Vec::<&str>::new());
        assert_eq!(names("un Iliouchine-62"), Vec::<&str>::new());
        // Short aliases must be spelt exactly: "Al-76" is not "Il-76".
        assert_eq!(names("un Al-76"), Vec::<&str>::new());
    }

    #[test]
    fn an_alias_key_counts_its_characters_and_keeps_its_digits() {
        let key = AliasKey::new("Iliouchine-76");
        assert_eq!((key.key.as_str(), key.words), ("iliouchine76", 2));
        assert_eq!((key.chars, key.digits.as_str()), (12, "76"));
        let key = AliasKey::new("Tillabéri");
        assert_eq!((key.chars, key.digits.as_str()), (9, ""));
    }

    #[test]
    fn the_common_letters_bound_the_diff_ratio() {
        let pairs = [
            ("lliouchine76", "iliouchine76"),
            ("agades", "agadez"),
            ("niamey", "zinder"),
            ("tillabery", "tillaberi"),
            ("abc", "cba"),
        ];
        // And pairs drawn from a small alphabet, where letters are shared in every order.
        let mut seed = 7u32;
        let mut draw = |len: u32| -> String {
            (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    char::from(b"abcde76-"[(seed >> 16) as usize % 8])
                })
                .collect()
        };
        let drawn: Vec<(String, String)> = (0..500)
            .map(|i| (draw(3 + i % 9), draw(3 + (i * 7) % 11)))
            .collect();
        let pairs = pairs
            .iter()
            .map(|&(a, b)| (a, b))
            .chain(drawn.iter().map(|(a, b)| (a.as_str(), b.as_str())));
        for (a, b) in pairs {
            let common = Letters::of(a).unwrap().common(b).unwrap();
            let bound = 2.0 * common as f32 / (a.len() + b.len()) as f32;
            let ratio = TextDiff::from_chars(a, b).ratio();
            assert!(ratio <= bound, "{a} / {b}: {ratio} > {bound}");
        }
    }

    #[test]
    fn lookup_reads_a_whole_text_only() {
        let values = values();
        assert_eq!(
            lookup(&values, "iliouchine-76", 0.85).as_deref(),
            Some("Il-76")
        );
        assert_eq!(lookup(&values, "un iliouchine-76 russe", 0.85), None);
    }
}
