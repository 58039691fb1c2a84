//! Counts: a number counts for a claim only when what it counts follows it closely, in the same
//! phrase: "100 Russian military instructors", "une centaine d'instructeurs militaires russes".
//!
//! Only a few words may stand between them (the claim's `max_gap`), none of them a number, and no
//! punctuation that closes a phrase. That is deliberately strict: "over three million people
//! displaced" next to "troops" must not become a troop count, and a missed value costs less than
//! an invented one.

use super::{Document, Extraction, Gaps, Reading, Value, quantity};
use crate::claims::CueSet;

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
                    let reason = "no subject cue after the number in this sentence".to_string();
                    out.rejections.push(doc.rejection(sentence, span, reason));
                }
                continue;
            };
            let cue_text = &folded[cue.start..cue.end];
            let (words, broken) = gaps.gap(q.end, cue.start);
            let next_number = quantities.get(i + 1).is_some_and(|n| n.start < cue.start);
            let reason = if broken {
                Some(format!(
                    "punctuation between the number and the subject `{cue_text}`"
                ))
            } else if next_number {
                Some(format!(
                    "another number stands between it and the subject `{cue_text}`"
                ))
            } else if words > max_gap {
                Some(format!(
                    "not tied to the subject: nearest subject cue `{cue_text}` is {words} words away (max_gap {max_gap})"
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
