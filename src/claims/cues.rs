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
    regex: Regex,
    /// The same alternation without word boundaries: it matches wherever `regex` does (and a
    /// little more), which is what a prefilter needs, and it keeps fast engines usable.
    prefilter: String,
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
        let mut alternatives: Vec<String> = cues.iter().map(|c| cue_pattern(c, true)).collect();
        // Longer alternatives first, so that "instructeurs militaires" wins over "instructeurs".
        alternatives.sort_by_key(|a| std::cmp::Reverse(a.len()));
        let source = alternatives.join("|");
        let loose: Vec<String> = cues.iter().map(|c| cue_pattern(c, false)).collect();
        let regex = RegexBuilder::new(&source)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|e| e.to_string())?;
        Ok(CueSet {
            cues: cues.to_vec(),
            regex,
            prefilter: loose.join("|"),
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

    /// A pattern that matches folded text wherever a cue of this list does: the cues without their
    /// word boundaries, for a multi-pattern prefilter.
    pub fn prefilter_pattern(&self) -> &str {
        &self.prefilter
    }
}

/// How many words `...` in a cue stands for, at most.
const GAP_WORDS: usize = 8;

/// A word written in capitals, two to four letters: an acronym whose letters may take periods.
fn is_acronym(word: &str) -> bool {
    (2..=4).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// The regular expression for one cue: folded, escaped, with the notations above expanded; with
/// `boundaries`, held to whole words.
fn cue_pattern(cue: &str, boundaries: bool) -> String {
    let mut out = String::from("(?:");
    let written: Vec<&str> = cue.split_whitespace().collect();
    let folded: Vec<String> = written.iter().map(|w| fold(w)).collect();
    let words: Vec<&str> = folded.iter().map(String::as_str).collect();
    for (i, word) in words.iter().enumerate() {
        if *word == "..." || *word == "\u{2026}" {
            out.push_str(&format!(r"(?:[\s-]+[^\s]+){{0,{GAP_WORDS}}}"));
            continue;
        }
        if is_acronym(written[i]) {
            // "US" also matches "U.S.", "UN" "U.N.".
            if i > 0 {
                out.push_str(r"[\s-]+");
            }
            if boundaries {
                out.push_str(r"\b");
            }
            let letters: Vec<String> = word
                .chars()
                .map(|c| regex::escape(c.encode_utf8(&mut [0; 4])))
                .collect();
            out.push_str(&letters.join(r"\.?"));
            out.push_str(if boundaries { r"(?:\.|\b)" } else { r"\.?" });
            continue;
        }
        if i > 0 {
            out.push_str(r"[\s-]+");
        }
        let (stem, open_end) = match word.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (*word, false),
        };
        if boundaries && i == 0 && stem.starts_with(|c: char| c.is_alphanumeric()) {
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
        if boundaries
            && !open_end
            && i == words.len() - 1
            && stem.ends_with(|c: char| c.is_alphanumeric())
        {
            out.push_str(r"\b");
        }
    }
    out.push(')');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(cues: &[&str]) -> CueSet {
        CueSet::new(&cues.iter().map(|c| c.to_string()).collect::<Vec<_>>()).unwrap()
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
}
