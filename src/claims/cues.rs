//! Cue phrases as an editor writes them, compiled into one matcher per list.
//!
//! A cue is matched on folded text (no case, no accents, plain apostrophes), on whole words.
//! Two small notations keep lists short without regular expressions:
//! - `instructeur*`: a trailing `*` accepts any ending ("instructeur", "instructeurs");
//! - `nombre ... precise`: `...` stands for up to eight words;
//! - `US`: a word in capitals is an acronym, and also matches "U.S.".
//!
//! A hyphen in a cue also matches a space or nothing ("touched-down", "touched down"), and every
//! word also matches its plural in `s` or `x` ("avion" matches "avions").

use std::sync::Arc;

use regex::{Regex, RegexBuilder};

use crate::text::fold;

/// Upper bound on the compiled size of one cue list or pattern, so that a careless list cannot
/// make claimcheck use unbounded memory.
pub const REGEX_SIZE_LIMIT: usize = 2 << 20;

/// A compiled list of cue phrases.
#[derive(Debug, Clone)]
pub struct CueSet {
    /// The cues as written, for messages.
    pub cues: Vec<String>,
    /// Shared by the clones: claims that list the same cues (a story's subject, named by its
    /// count, its date and its place) get one compiled list (see `claims::validate`), and a
    /// cloned `Regex` would get a pool of matching caches of its own, each built again, state by
    /// state, on every thread.
    regex: Arc<Regex>,
}

/// What a word of folded text begins with where a cue matches: a run of [`is_word_byte`] bytes,
/// preceded by the start of the text or another byte, that begins with `text` (or, when `whole`,
/// is exactly `text`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WordStart {
    /// ASCII letters and digits.
    pub text: String,
    /// The text word is exactly `text`, not longer.
    pub whole: bool,
}

/// One place a cue matched, in folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueMatch {
    /// Byte offset of the first matched character.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
}

impl CueSet {
    /// Compiles `cues`. Fails with the regex engine's message if the list is too large.
    pub fn new(cues: &[String]) -> Result<CueSet, String> {
        let mut alternatives: Vec<String> = cues.iter().map(|c| cue_pattern(c)).collect();
        // Longer alternatives first, so that "instructeurs militaires" wins over "instructeurs".
        alternatives.sort_by_key(|a| std::cmp::Reverse(a.len()));
        let source = alternatives.join("|");
        let regex = RegexBuilder::new(&source)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|e| e.to_string())?;
        Ok(CueSet {
            cues: cues.to_vec(),
            regex: Arc::new(regex),
        })
    }

    /// Every match in folded text, left to right.
    pub fn find_iter<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = CueMatch> + 'a {
        self.regex.find_iter(folded).map(|m| CueMatch {
            start: m.start(),
            end: m.end(),
        })
    }

    /// Whether any cue occurs in folded text.
    pub fn is_match(&self, folded: &str) -> bool {
        self.regex.is_match(folded)
    }

    /// For each cue, the words of folded text that every match of it contains, each given as the
    /// forms it may take ("US troop": a word `u` or `us`, and a word beginning with `troop`). A
    /// text lacking one of them cannot hold the cue, which is what lets
    /// [`crate::extract::words`] skip texts without running the cue expressions. A cue whose words
    /// have no ASCII letters or digits needs none (empty), and may occur anywhere.
    pub fn required_words(&self) -> Vec<Vec<Vec<WordStart>>> {
        self.cues
            .iter()
            .map(|cue| required_words(&cue_words(cue)))
            .collect()
    }
}

/// How many words `...` in a cue stands for, at most.
const GAP_WORDS: usize = 8;

/// A word written in capitals, two to four letters: an acronym whose letters may take periods.
fn is_acronym(word: &str) -> bool {
    (2..=4).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// A word of a cue, as the notations read it.
#[derive(Debug, Clone, PartialEq)]
enum CueWord {
    /// `...`: up to [`GAP_WORDS`] words of any kind.
    Gap,
    /// A word written in capitals ("US"), folded: its letters, each of which may take a period.
    Acronym(String),
    /// Any other word, folded, without its trailing `*`; `open_end` when it had one.
    Word { stem: String, open_end: bool },
}

/// The words of one cue: the cue regular expression and the words a match needs (see
/// [`CueSet::required_words`]) are both built from this one reading.
fn cue_words(cue: &str) -> Vec<CueWord> {
    cue.split_whitespace()
        .map(|written| {
            let word = fold(written);
            if word == "..." || word == "\u{2026}" {
                CueWord::Gap
            } else if is_acronym(written) {
                CueWord::Acronym(word)
            } else {
                match word.strip_suffix('*') {
                    Some(stem) => CueWord::Word {
                        stem: stem.to_string(),
                        open_end: true,
                    },
                    None => CueWord::Word {
                        stem: word,
                        open_end: false,
                    },
                }
            }
        })
        .collect()
}

/// The regular expression for one cue: folded, escaped, with the notations above expanded, held
/// to whole words.
fn cue_pattern(cue: &str) -> String {
    let mut out = String::from("(?:");
    let words = cue_words(cue);
    for (i, word) in words.iter().enumerate() {
        let (stem, open_end) = match word {
            CueWord::Gap => {
                out.push_str(&format!(r"(?:[\s-]+[^\s]+){{0,{GAP_WORDS}}}"));
                continue;
            }
            CueWord::Acronym(letters) => {
                // "US" also matches "U.S.", "UN" "U.N.".
                if i > 0 {
                    out.push_str(r"[\s-]+");
                }
                out.push_str(r"\b");
                let letters: Vec<String> = letters
                    .chars()
                    .map(|c| regex::escape(c.encode_utf8(&mut [0; 4])))
                    .collect();
                out.push_str(&letters.join(r"\.?"));
                out.push_str(r"(?:\.|\b)");
                continue;
            }
            CueWord::Word { stem, open_end } => (stem.as_str(), *open_end),
        };
        if i > 0 {
            out.push_str(r"[\s-]+");
        }
        if i == 0 && stem.starts_with(|c: char| c.is_alphanumeric()) {
            out.push_str(r"\b");
        }
        for ch in stem.chars() {
            match ch {
                '-' => out.push_str(r"[\s-]?"),
                c => out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
            }
        }
        if open_end {
            out.push_str(r"\w*");
        } else if stem.ends_with(|c: char| c.is_alphabetic()) {
            // French and English plurals: "avion" also matches "avions", "plane" "planes".
            out.push_str("[sx]?");
        }
        if !open_end && i == words.len() - 1 && stem.ends_with(|c: char| c.is_alphanumeric()) {
            out.push_str(r"\b");
        }
    }
    out.push(')');
    out
}

/// The words any match of a cue contains, each as the forms it may take, for
/// [`CueSet::required_words`]. Words of one or two letters ("de", "la", "US") begin a great many
/// words of any text: they are left out when the cue has a longer one, which says more.
fn required_words(words: &[CueWord]) -> Vec<Vec<WordStart>> {
    let all: Vec<Vec<WordStart>> = words.iter().filter_map(word_forms).collect();
    let shortest = |forms: &Vec<WordStart>| forms.iter().map(|f| f.text.len()).min();
    if all.iter().any(|forms| shortest(forms) >= Some(3)) {
        all.into_iter()
            .filter(|forms| shortest(forms) >= Some(3))
            .collect()
    } else {
        all.into_iter().max_by_key(shortest).into_iter().collect()
    }
}

/// The forms that a word of the text takes where cue word `word` matches, or `None` when the
/// cue word promises none (a gap; a word without ASCII letters or digits).
fn word_forms(word: &CueWord) -> Option<Vec<WordStart>> {
    match word {
        CueWord::Gap => None,
        // "US" is matched as "us", "u.s." or "u.s": a text word "us", or "u" then a period.
        CueWord::Acronym(letters) => Some(
            (1..=letters.len())
                .map(|n| WordStart {
                    text: letters[..n].to_string(),
                    whole: true,
                })
                .collect(),
        ),
        // The longest run of ASCII letters and digits that starts a text word wherever the cue
        // matches: one that opens the stem (after white space, a hyphen or a word boundary) or
        // follows a character the text must contain too ("n'ont": `ont` after the apostrophe),
        // but not one after a hyphen, which the text may leave out ("touched-down" also matches
        // "toucheddown").
        CueWord::Word { stem, .. } => {
            let bytes = stem.as_bytes();
            let mut best: Option<&str> = None;
            let mut at = 0;
            while at < bytes.len() {
                let run = bytes[at..].iter().take_while(|b| is_word_byte(**b)).count();
                if run == 0 {
                    at += 1;
                    continue;
                }
                let opens = at == 0 || bytes[at - 1] != b'-';
                if opens && best.is_none_or(|b| run > b.len()) {
                    best = Some(&stem[at..at + run]);
                }
                at += run;
            }
            best.map(|text| {
                vec![WordStart {
                    text: text.to_string(),
                    whole: false,
                }]
            })
        }
    }
}

/// The bytes text words are made of, for [`WordStart`]: ASCII digits and lower-case letters
/// (folded text has no capitals). Every other byte, beyond ASCII included, separates words.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_digit() || b.is_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(cues: &[&str]) -> CueSet {
        CueSet::new(&cues.iter().map(|c| c.to_string()).collect::<Vec<_>>()).unwrap()
    }

    /// Claims that list the same cues share one compiled list, and with it the caches its
    /// matching builds as it reads: neither is made again for each claim.
    #[test]
    fn claims_listing_the_same_cues_share_one_matcher() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claims.toml");
        let toml = r#"
[story]
title = "t"

[[claims]]
id = "count"
label = "How many"
kind = "count"
subject = ["instructeurs", "instructors"]

[[claims]]
id = "base"
label = "Where"
kind = "entity"
values = { "Niamey" = [] }
context = ["instructeurs", "instructors"]
"#;
        std::fs::write(&path, toml).unwrap();
        let claims = crate::claims::load(&path).unwrap();
        let (count, base) = (&claims.claims[0].kind, &claims.claims[1].kind);
        let (
            crate::claims::ClaimKind::Count { subject, .. },
            crate::claims::ClaimKind::Entity {
                context: Some(context),
                ..
            },
        ) = (count, base)
        else {
            panic!("a count and an entity with context: {count:?} {base:?}");
        };
        assert_eq!(subject.cues, context.cues);
        assert!(Arc::ptr_eq(&subject.regex, &context.regex));
        let clone = subject.clone();
        assert!(Arc::ptr_eq(&subject.regex, &clone.regex));
    }

    fn matches(set: &CueSet, text: &str) -> Vec<String> {
        let folded = fold(text);
        set.find_iter(&folded)
            .map(|m| folded[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn cues_match_folded_whole_words() {
        let s = set(&["s'est posé", "instructeurs"]);
        assert_eq!(matches(&s, "L’avion s’est posé."), ["s'est pose"]);
        assert!(matches(&s, "les instructeursque").is_empty());
        assert_eq!(matches(&s, "d’instructeurs"), ["instructeurs"]);
    }

    #[test]
    fn star_and_ellipsis_notations() {
        let s = set(&["instructeur*", "nombre ... précisé"]);
        assert_eq!(
            matches(&s, "Instructeurs dont le nombre n’a pas été précisé"),
            ["instructeurs", "nombre n'a pas ete precise"]
        );
        assert!(
            matches(
                &set(&["nombre ... précisé"]),
                "nombre a b c d e f g h i precise"
            )
            .is_empty()
        );
    }

    #[test]
    fn hyphens_and_spaces_are_interchangeable() {
        let s = set(&["touched-down"]);
        assert_eq!(
            matches(&s, "touched down and touched-down"),
            ["touched down", "touched-down"]
        );
    }

    #[test]
    fn words_match_their_plurals() {
        let s = set(&["avion", "soldat américain"]);
        assert_eq!(
            matches(&s, "deux avions, des soldats américains"),
            ["avions", "soldats americains"]
        );
        assert!(matches(&s, "avionique").is_empty());
    }

    #[test]
    fn acronyms_match_with_periods() {
        let s = set(&["US troop", "soldat US"]);
        assert_eq!(
            matches(&s, "1,000 U.S. troops and US troops, des soldats US"),
            ["u.s. troops", "us troops", "soldats us"]
        );
        assert!(matches(&s, "us troopers").is_empty());
        assert!(matches(&set(&["soldat US"]), "des soldats usagers").is_empty());
    }

    #[test]
    fn punctuation_cues_work() {
        let s = set(&["nombre (inconnu)"]);
        assert_eq!(
            matches(&s, "un nombre (inconnu) d’instructeurs"),
            ["nombre (inconnu)"]
        );
    }

    /// Each cue's required words, written `word` (a prefix) or `=word` (the whole word), one
    /// group per word of the cue, `|` between the forms of a word.
    fn required(cue: &str) -> Vec<String> {
        set(&[cue]).required_words()[0]
            .iter()
            .map(|forms| {
                let forms: Vec<String> = forms
                    .iter()
                    .map(|f| format!("{}{}", if f.whole { "=" } else { "" }, f.text))
                    .collect();
                forms.join("|")
            })
            .collect()
    }

    #[test]
    fn a_cue_needs_its_longer_words_at_the_start_of_text_words() {
        assert_eq!(required("instructeur*"), ["instructeur"]);
        assert_eq!(required("Soldats américains"), ["soldats", "americains"]);
        // A gap promises nothing; the words of one or two letters are left out.
        assert_eq!(
            required("nombre ... pas été précisé"),
            ["nombre", "pas", "ete", "precise"]
        );
        assert_eq!(required("lieu de déploiement"), ["lieu", "deploiement"]);
        // An acronym: its letters up to the first period ("u.s." is the word `u`), looked for
        // only when the cue has no longer word.
        assert_eq!(required("US"), ["=u|=us"]);
        assert_eq!(required("ONU"), ["=o|=on|=onu"]);
        assert_eq!(required("US troop"), ["troop"]);
        // Only short words: the longest alone.
        assert_eq!(required("à la"), ["la"]);
        // The run after an apostrophe starts a text word; the run after a hyphen may not
        // ("touched-down" matches "toucheddown").
        assert_eq!(required("n'ont"), ["ont"]);
        assert_eq!(required("touched-down"), ["touched"]);
        assert_eq!(required("mi-temps"), ["mi"]);
        assert_eq!(required("(inconnu)"), ["inconnu"]);
        // Nothing in ASCII to look for: the cue needs no word, and may occur anywhere.
        assert!(required("инструктор").is_empty());
    }
}
