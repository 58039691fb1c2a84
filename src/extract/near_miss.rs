//! Near misses: sentences that name what a claim is about (its subject, event or context cue) but
//! from which no value was read. They show an editor where the cues fall short, so that a `silent`
//! source can be turned into a `stated` one by widening a cue list.
//!
//! Nothing is extracted here: the claim's own extractor runs with tracing on, and a sentence is a
//! near miss when it holds a tie cue and none of the extractor's mentions; the reasons the
//! extractor gave for setting candidates aside in it come along.

use super::{Document, extract};
use crate::claims::{Claim, ClaimKind, CueSet, Story};

/// A sentence that names the claim but gave no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearMiss {
    /// 1-based line where the sentence starts.
    pub line: usize,
    /// 1-based column where the sentence starts.
    pub column: usize,
    /// The cue found in it, as written in the article.
    pub cue: String,
    /// The sentence, as written.
    pub quote: String,
    /// Why the extractor set aside the candidates it saw in this sentence (none: it saw none).
    pub reasons: Vec<String>,
}

/// The cues that say a sentence is about the claim: what a count counts, the event a date dates,
/// the context an entity needs (an entity claim without context has no near misses).
fn naming_cues(kind: &ClaimKind) -> Option<&CueSet> {
    match kind {
        ClaimKind::Count { subject, .. } => Some(subject),
        ClaimKind::Date { event, .. } => Some(event),
        ClaimKind::Entity { context, .. } => context.as_ref(),
    }
}

/// The near misses of `claim` in `doc`, in text order.
pub fn near_misses(claim: &Claim, story: &Story, doc: &Document) -> Vec<NearMiss> {
    let Some(cues) = naming_cues(&claim.kind) else {
        return Vec::new();
    };
    let trace = extract(claim, story, doc, true);
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let quote = &doc.text[sentence.start..sentence.end];
        let folded = &sentence.folded.text;
        let Some(cue) = cues.find_iter(folded).next() else {
            continue;
        };
        if trace.mentions.iter().any(|m| m.quote() == quote) {
            continue;
        }
        let span = Document::span(sentence, cue.start..cue.end);
        let (line, column) = doc.lines.position(doc.text, sentence.start);
        let reasons = trace
            .rejections
            .iter()
            .filter(|r| r.quote == quote)
            .map(|r| format!("`{}`: {}", r.matched, r.reason))
            .collect();
        out.push(NearMiss {
            line,
            column,
            cue: doc.text[span].to_string(),
            quote: quote.to_string(),
            reasons,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::parse;

    const CLAIMS: &str = r#"
[[claims]]
id = "trainers"
kind = "count"
subject = ["trainers"]
"#;

    #[test]
    fn a_sentence_with_the_subject_but_no_value_is_a_near_miss() {
        let set = parse(std::path::Path::new("c.toml"), CLAIMS).unwrap();
        let text =
            "Some 200 trainers arrived.\nThe trainers, about 300 of whom left, stayed.\nRain fell.";
        let doc = Document::from_text(text, None);
        let misses = near_misses(&set.claims[0], &set.story, &doc);
        assert_eq!(misses.len(), 1, "{misses:?}");
        assert_eq!(misses[0].line, 2);
        assert_eq!(misses[0].cue, "trainers");
        assert_eq!(
            misses[0].quote,
            "The trainers, about 300 of whom left, stayed."
        );
        assert!(
            !misses[0].reasons.is_empty(),
            "the number 300 was considered"
        );
    }
}
