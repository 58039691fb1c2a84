//! Counts: a number counts for a claim only when what it counts follows it closely, in the same
//! phrase: "100 Russian military instructors", "une centaine d'instructeurs militaires russes".
//!
//! Only a few words may stand between them (the claim's `max_gap`), none of them a number, and no
//! punctuation that closes a phrase. That is deliberately strict: "over three million people
//! displaced" next to "troops" must not become a troop count, and a missed value costs less than
//! an invented one.

use super::{Document, Extraction, Gaps, Reading, Value, quantity};
use crate::claims::CueSet;

/// Words that end the noun phrase a number opens, or show that the number counts something else.
/// - Conjunctions, relative pronouns, prepositions other than "of"/"de": in "50 journalistes et
///   des instructeurs" the 50 are journalists.
/// - Determiners: after a number they make a part of a group ("100 of the instructors", "deux des
///   instructeurs"), not its size.
/// - Units of time, distance, money and the like: in "for 2 years instructors have..." the 2 counts
///   years.
///
/// "une centaine d'instructeurs" and "100 Russian military instructors" still tie.
const PHRASE_BREAKERS: &[&str] = &[
    // French
    "et",
    "ou",
    "mais",
    "avec",
    "pour",
    "dans",
    "sur",
    "par",
    "que",
    "qui",
    "dont",
    "contre",
    "vers",
    "chez",
    "parmi",
    "entre",
    "les",
    "des",
    "ces",
    "leurs",
    "ses",
    "nos",
    "vos",
    "ans",
    "annees",
    "mois",
    "semaines",
    "jours",
    "heures",
    "minutes",
    "km",
    "kilometres",
    "metres",
    "tonnes",
    "dollars",
    "euros",
    "francs",
    "fois",
    "pourcent",
    // English
    "and",
    "or",
    "but",
    "with",
    "for",
    "to",
    "in",
    "on",
    "at",
    "by",
    "that",
    "which",
    "who",
    "than",
    "from",
    "while",
    "against",
    "into",
    "among",
    "the",
    "these",
    "those",
    "their",
    "its",
    "our",
    "years",
    "year",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "miles",
    "kilometers",
    "kilometres",
    "meters",
    "tons",
    "tonnes",
    "dollars",
    "euros",
    "times",
    "percent",
    // Increments: "300 more instructors", "200 other trainers" add to a group, not its size.
    "more",
    "additional",
    "extra",
    "other",
    "autres",
];

/// Words after the subject that make the number an increment: "300 formateurs supplémentaires".
const INCREMENTS_AFTER: &[&str] = &[
    "supplementaire",
    "additionnel",
    "de plus",
    "en plus",
    "more",
    "additional",
];

/// Finds the counts of `subject` in `doc`.
pub fn extract(
    doc: &Document,
    subject: &CueSet,
    max_gap: usize,
    trace: bool,
    out: &mut Extraction,
) {
    for sentence in &doc.sentences {
        let folded = &sentence.folded.text;
        let cues: Vec<_> = subject.find_iter(folded).collect();
        if cues.is_empty() {
            continue;
        }
        let quantities = quantity::find_quantities(folded);
        let gaps = Gaps::new(folded);
        for (i, q) in quantities.iter().enumerate() {
            let span = Document::span(sentence, q.start..q.end);
            let first_after = cues.partition_point(|c| c.start < q.end);
            let Some(cue) = cues.get(first_after) else {
                if trace {
                    let before = cues.iter().rev().find(|c| c.end <= q.start);
                    let reason = match before {
                        Some(c) => format!(
                            "no subject cue after the number in this sentence (`{}` stands before it)",
                            &folded[c.start..c.end]
                        ),
                        None => "no subject cue after the number in this sentence".to_string(),
                    };
                    out.rejections.push(doc.rejection(sentence, span, reason));
                }
                continue;
            };
            let cue_text = &folded[cue.start..cue.end];
            let (words, broken) = gaps.gap(q.end, cue.start);
            let next_number = quantities.get(i + 1).is_some_and(|n| n.start < cue.start);
            // Only read word by word when the gap is short, so that a sentence of thousands of
            // numbers stays linear.
            let breaker = || {
                crate::text::words(&folded[q.end..cue.start])
                    .find(|(_, w)| PHRASE_BREAKERS.contains(w))
            };
            let after = folded[cue.end..].trim_start();
            let increment = INCREMENTS_AFTER.iter().find(|w| after.starts_with(*w));
            let reason = if broken {
                Some(format!(
                    "punctuation between the number and the subject `{cue_text}`"
                ))
            } else if next_number {
                Some(format!(
                    "another number stands between it and the subject `{cue_text}`"
                ))
            } else if let Some(word) = increment {
                Some(format!(
                    "`{word}` after the subject: the number adds to the group, it is not its size"
                ))
            } else if words > max_gap {
                Some(format!(
                    "not tied to the subject: nearest subject cue `{cue_text}` is {words} words away (max_gap {max_gap})"
                ))
            } else if let Some((_, word)) = breaker() {
                Some(format!(
                    "`{word}` ends the phrase before the subject `{cue_text}`"
                ))
            } else {
                None
            };
            match reason {
                Some(reason) if trace => out.rejections.push(doc.rejection(sentence, span, reason)),
                Some(_) => {}
                None => {
                    let rule =
                        format!("number followed by subject `{cue_text}` ({words} words between)");
                    let reading = Reading::Value(Value::Count(q.quantity));
                    out.mentions
                        .push(doc.mention(sentence, span, reading, rule));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Document;

    /// The counts of instructors read in `text`, as printed.
    fn counts(text: &str) -> Vec<String> {
        let subject = CueSet::new(&[
            "instructeurs".into(),
            "instructors".into(),
            "trainers".into(),
        ])
        .unwrap();
        let doc = Document::from_text(text, None);
        let mut out = Extraction::default();
        extract(&doc, &subject, 3, false, &mut out);
        out.mentions.iter().map(|m| m.reading.display()).collect()
    }

    #[test]
    fn a_number_ties_to_the_subject_that_closely_follows_it() {
        assert_eq!(
            counts("L'arrivée d'une centaine d'instructeurs militaires russes."),
            ["~100"]
        );
        assert_eq!(
            counts("The arrival of 100 Russian military instructors."),
            ["100"]
        );
        assert_eq!(
            counts("Moscou a envoyé plus de 200 instructeurs."),
            [">200"]
        );
        assert_eq!(
            counts("Between 80 and 100 Russian trainers arrived."),
            ["80-100"]
        );
    }

    #[test]
    fn numbers_of_something_else_do_not_tie() {
        for text in [
            "Over three million people displaced, instructors say.",
            "Le ministre a reçu 50 journalistes et des instructeurs.",
            "One of the instructors spoke.",
            "Deux des instructeurs sont repartis.",
            "For 2 years instructors have trained the army.",
            "Les 12 pays du Sahel accueillent désormais des instructeurs.",
            "In 2023, instructors trained 3,000 soldiers.",
            "A 45-year-old instructor spoke.",
            "An Il-76 carrying instructors landed.",
            "Moscow sent 300 more instructors.",
            "Moscou enverra 300 instructeurs supplémentaires.",
        ] {
            assert_eq!(counts(text), Vec::<String>::new(), "{text}");
        }
    }
}
