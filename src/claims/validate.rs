//! From `claims.toml` as written to the claims the extractors use, collecting every problem.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use regex::RegexBuilder;
use toml::Spanned;

use super::cues::{CueSet, REGEX_SIZE_LIMIT};
use super::raw::{RawClaim, RawCues, RawFile};
use super::{AliasKey, Claim, ClaimKind, ClaimSet, ClaimsError, EntityValue, Example, Story};
use crate::compare::FindingKind;
use crate::diag::{Diagnostic, Location, did_you_mean, suggestion_help};
use crate::gate::Level;

/// The kinds a claim may have.
const KINDS: &[&str] = &["count", "date", "entity"];
/// Default number of words allowed between a number and what it counts.
const DEFAULT_MAX_GAP: usize = 3;
/// Default similarity for a misspelt entity alias.
const DEFAULT_SIMILARITY: f64 = 0.85;

/// Collects problems while validating one file.
struct Validator<'a> {
    path: &'a Path,
    source: &'a str,
    problems: Vec<Diagnostic>,
    /// Cue lists already compiled, by their phrases: claims of one story often share a list (the
    /// subject of a count, of a date and the context of an entity), and compiling one is most of
    /// the cost of loading a claims file.
    compiled: HashMap<Vec<String>, Result<CueSet, String>>,
}

impl Validator<'_> {
    fn at(&self, span: std::ops::Range<usize>) -> Location {
        Location::from_span(self.path, self.source, span)
    }

    fn error(
        &mut self,
        code: &'static str,
        span: std::ops::Range<usize>,
        message: String,
    ) -> &mut Diagnostic {
        let d = Diagnostic::error(code, message).at(self.at(span));
        self.problems.push(d);
        self.problems.last_mut().expect("just pushed")
    }

    fn cues(&mut self, claim: &str, key: &str, cues: &RawCues) -> Option<CueSet> {
        let list = cues.as_ref()?;
        let phrases = phrases(list);
        if phrases.iter().all(|p| p.trim().is_empty()) {
            self.error(
                "empty-cues",
                list.span(),
                format!("`{key}` of claim `{claim}` has no cue"),
            )
            .help = Some(format!(
                "list at least one phrase, e.g. {key} = [\"...\"], or remove the key"
            ));
            return None;
        }
        for cue in list.get_ref() {
            if cue.get_ref().trim().is_empty() {
                self.error(
                    "empty-cues",
                    cue.span(),
                    format!("empty cue in `{key}` of claim `{claim}`"),
                );
            }
        }
        let compiled = match self.compiled.get(&phrases) {
            Some(compiled) => compiled.clone(),
            None => {
                let compiled = CueSet::new(&phrases);
                self.compiled.insert(phrases, compiled.clone());
                compiled
            }
        };
        match compiled {
            Ok(set) => Some(set),
            Err(message) => {
                self.error(
                    "invalid-cues",
                    list.span(),
                    format!("`{key}` of claim `{claim}` cannot be compiled: {message}"),
                );
                None
            }
        }
    }

    fn required_cues(
        &mut self,
        claim: &Spanned<RawClaim>,
        key: &str,
        cues: &RawCues,
    ) -> Option<CueSet> {
        let id = claim.get_ref().id.get_ref();
        if claim.get_ref().malformed.iter().any(|k| k == key) {
            return None;
        }
        if cues.is_none() {
            let kind = claim.get_ref().kind.get_ref();
            self.error(
                "missing-key",
                claim.get_ref().id.span(),
                format!("claim `{id}` of kind {kind} needs `{key}`"),
            )
            .help = Some(format!(
                "add {key} = [\"...\"] to the claim: {}",
                key_purpose(key)
            ));
            return None;
        }
        self.cues(id, key, cues)
    }

    fn key_not_for_kind(&mut self, claim: &RawClaim, key: &str, span: std::ops::Range<usize>) {
        let kind = claim.kind.get_ref();
        let kinds: Vec<&str> = KIND_KEYS
            .iter()
            .filter(|(_, keys)| keys.contains(&key))
            .map(|(kind, _)| *kind)
            .collect();
        self.error(
            "key-not-for-kind",
            span,
            format!(
                "`{key}` does not apply to a claim of kind {kind} (claim `{}`)",
                claim.id.get_ref()
            ),
        )
        .help = Some(format!(
            "{key} is for {} claims; remove it",
            kinds.join(" and ")
        ));
    }

    fn date(&mut self, value: &Spanned<String>, what: &str) -> Option<NaiveDate> {
        match NaiveDate::parse_from_str(value.get_ref(), "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(
                    "invalid-date",
                    value.span(),
                    format!("{what} `{}` is not a date: {e}", value.get_ref()),
                )
                .help = Some("write dates as YYYY-MM-DD, e.g. \"2024-04-10\"".into());
                None
            }
        }
    }
}

/// What a cue key is for, in one phrase.
fn key_purpose(key: &str) -> &'static str {
    match key {
        "subject" => "the words for what is counted, e.g. [\"instructeurs\", \"instructors\"]",
        "event" => "the words for the event dated, e.g. [\"a atterri\", \"landed\"]",
        _ => "see docs/claims.md",
    }
}

/// The keys that belong to one kind of claim only, by kind; every other key applies to all.
const KIND_KEYS: &[(&str, &[&str])] = &[
    ("count", &["subject", "max_gap"]),
    ("date", &["event", "subject", "exclude"]),
    ("entity", &["values", "context", "exclude", "similarity"]),
];

/// Each kind-specific key of a claim, with its span when it is written.
fn kind_keys(c: &RawClaim) -> [(&'static str, Option<std::ops::Range<usize>>); 7] {
    [
        ("subject", c.subject.as_ref().map(|s| s.span())),
        ("event", c.event.as_ref().map(|s| s.span())),
        ("exclude", c.exclude.as_ref().map(|s| s.span())),
        ("context", c.context.as_ref().map(|s| s.span())),
        ("values", c.values.as_ref().map(|s| s.span())),
        ("max_gap", c.max_gap.as_ref().map(|s| s.span())),
        ("similarity", c.similarity.as_ref().map(|s| s.span())),
    ]
}

/// A cue list's phrases as written: the key under which a compiled list is kept.
fn phrases(list: &Spanned<Vec<Spanned<String>>>) -> Vec<String> {
    list.get_ref().iter().map(|c| c.get_ref().clone()).collect()
}

/// Every distinct cue list of the file, compiled on all cores: on a small corpus, compiling the
/// lists is the largest part of a run. Validation then finds them compiled (and reports their
/// errors where they occur).
fn compile_cue_lists(raw: &RawFile) -> HashMap<Vec<String>, Result<CueSet, String>> {
    use rayon::prelude::*;
    let mut lists: Vec<Vec<String>> = raw
        .claims
        .iter()
        .flat_map(|claim| {
            // Only the lists validation will compile: those of the claim's kind, and
            // `unspecified`, which every kind has.
            let c = claim.get_ref();
            let used = |key: &str| {
                KIND_KEYS
                    .iter()
                    .any(|(kind, keys)| *kind == c.kind.get_ref() && keys.contains(&key))
            };
            [
                ("subject", &c.subject),
                ("event", &c.event),
                ("exclude", &c.exclude),
                ("context", &c.context),
            ]
            .into_iter()
            .filter(move |(key, _)| used(key))
            .map(|(_, cues)| cues)
            .chain([&c.unspecified])
        })
        .filter_map(|cues| cues.as_ref())
        .map(phrases)
        .collect();
    lists.sort();
    lists.dedup();
    lists
        .into_par_iter()
        .map(|phrases| {
            let compiled = CueSet::new(&phrases);
            (phrases, compiled)
        })
        .collect()
}

/// Validates the raw file, returning every problem at once.
pub fn validate(path: &Path, source: &str, raw: RawFile) -> Result<ClaimSet, ClaimsError> {
    let mut v = Validator {
        path,
        source,
        problems: Vec::new(),
        compiled: compile_cue_lists(&raw),
    };
    let mut story = Story::default();
    if let Some(raw_story) = &raw.story {
        story.title = raw_story.title.clone();
        if let Some(period) = &raw_story.period {
            let start = v.date(&period.get_ref().start, "period start");
            let end = v.date(&period.get_ref().end, "period end");
            if let (Some(start), Some(end)) = (start, end) {
                if start > end {
                    v.error(
                        "invalid-period",
                        period.span(),
                        format!("the story period ends ({end}) before it starts ({start})"),
                    );
                } else {
                    story.period = Some((start, end));
                }
            }
        }
    }
    if raw.claims.is_empty() {
        v.problems.push(
            Diagnostic::error("no-claims", format!("{} defines no claim", path.display()))
                .at(Location::file(path))
                .help("add a [[claims]] table; docs/claims.md shows one of each kind"),
        );
    }

    let mut seen: HashMap<String, std::ops::Range<usize>> = HashMap::new();
    let mut claims = Vec::new();
    for raw_claim in &raw.claims {
        let c = raw_claim.get_ref();
        let id = c.id.get_ref().clone();
        if !valid_id(&id) {
            v.error(
                "invalid-id",
                c.id.span(),
                format!("claim id `{id}` must be lowercase letters, digits, `_` or `-`"),
            )
            .help = Some(
                "ids are stable keys used by reports and baselines, e.g. `instructor_count`".into(),
            );
        }
        if let Some(first) = seen.get(&id) {
            let (line, _) = crate::text::LineIndex::new(source).position(source, first.start);
            v.error(
                "duplicate-id",
                c.id.span(),
                format!("claim id `{id}` is used twice"),
            )
            .help = Some(format!(
                "the first `{id}` is on line {line}; give this claim another id"
            ));
        } else {
            seen.insert(id.clone(), c.id.span());
        }
        if let Some(claim) = validate_claim(&mut v, raw_claim) {
            claims.push(claim);
        }
    }
    if v.problems.is_empty() {
        Ok(ClaimSet {
            path: path.to_path_buf(),
            story,
            claims,
        })
    } else {
        Err(ClaimsError {
            diagnostics: v.problems,
        })
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn validate_claim(v: &mut Validator, raw_claim: &Spanned<RawClaim>) -> Option<Claim> {
    let c = raw_claim.get_ref();
    let id = c.id.get_ref().clone();
    let kind_name = c.kind.get_ref().as_str();
    let problems_before = v.problems.len();
    if let Some((_, allowed)) = KIND_KEYS.iter().find(|(kind, _)| *kind == kind_name) {
        for (key, span) in kind_keys(c) {
            if let Some(span) = span.filter(|_| !allowed.contains(&key)) {
                v.key_not_for_kind(c, key, span);
            }
        }
    }
    let kind = match kind_name {
        "count" => {
            let max_gap = match &c.max_gap {
                Some(gap) if !(0..=20).contains(gap.get_ref()) => {
                    v.error(
                        "invalid-value",
                        gap.span(),
                        format!("max_gap of claim `{id}` must be between 0 and 20 words"),
                    )
                    .help = Some(
                        "max_gap is how many words may stand between the number and what it \
                         counts; 3 suits most sentences"
                            .into(),
                    );
                    DEFAULT_MAX_GAP
                }
                Some(gap) => *gap.get_ref() as usize,
                None => DEFAULT_MAX_GAP,
            };
            v.required_cues(raw_claim, "subject", &c.subject)
                .map(|subject| ClaimKind::Count { subject, max_gap })
        }
        "date" => {
            let event = v.required_cues(raw_claim, "event", &c.event);
            let subject = v.cues(&id, "subject", &c.subject);
            let exclude = v.cues(&id, "exclude", &c.exclude);
            event.map(|event| ClaimKind::Date {
                event,
                subject,
                exclude,
            })
        }
        "entity" => {
            let similarity = match &c.similarity {
                Some(s) if !(0.5..=1.0).contains(s.get_ref()) => {
                    v.error(
                        "invalid-value",
                        s.span(),
                        format!("similarity of claim `{id}` must be between 0.5 and 1.0"),
                    )
                    .help = Some(
                        "1.0 accepts exact spellings only; 0.85 accepts one wrong letter in ten"
                            .into(),
                    );
                    DEFAULT_SIMILARITY
                }
                Some(s) => *s.get_ref(),
                None => DEFAULT_SIMILARITY,
            };
            let context = v.cues(&id, "context", &c.context);
            let exclude = v.cues(&id, "exclude", &c.exclude);
            let values = entity_values(v, raw_claim);
            values.map(|values| ClaimKind::Entity {
                values,
                context,
                similarity,
                exclude,
            })
        }
        other => {
            let help = suggestion_help(
                did_you_mean(other, KINDS.iter().copied()),
                "expected one of ",
                KINDS,
            );
            v.error(
                "unknown-kind",
                c.kind.span(),
                format!("unknown kind `{other}` for claim `{id}`"),
            )
            .help = Some(help);
            None
        }
    };
    let unspecified = v.cues(&id, "unspecified", &c.unspecified);
    let mut patterns = Vec::new();
    for pattern in c.patterns.iter().flatten() {
        let built = RegexBuilder::new(pattern.get_ref())
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_SIZE_LIMIT)
            .build();
        match built {
            Ok(regex) if regex.capture_names().any(|n| n == Some("value")) => patterns.push(regex),
            Ok(_) => {
                v.error(
                    "pattern-without-value",
                    pattern.span(),
                    format!("pattern of claim `{id}` has no group named `value`"),
                )
                .help = Some("name the part that holds the value: (?P<value>...)".into());
            }
            Err(e) => {
                let message = e
                    .to_string()
                    .lines()
                    .last()
                    .unwrap_or("")
                    .trim()
                    .trim_start_matches("error: ")
                    .to_string();
                v.error(
                    "invalid-pattern",
                    pattern.span(),
                    format!("pattern of claim `{id}` is not a valid regular expression: {message}"),
                )
                .help = Some(
                    "patterns use Rust regex syntax; cue lists (subject, event...) need no \
                     regular expression and are often enough"
                        .into(),
                );
            }
        }
    }
    let mut examples = Vec::new();
    for example in c.examples.iter().flatten() {
        let e = example.get_ref();
        let published = e
            .published
            .as_ref()
            .and_then(|p| v.date(p, "example publication date"));
        examples.push(Example {
            text: e.text.clone(),
            expect: e.expect.trim().to_string(),
            published,
            location: v.at(example.span()),
        });
    }
    let severity = severity_overrides(v, &id, &c.severity);
    if v.problems.len() > problems_before {
        return None;
    }
    Some(Claim {
        label: c.label.clone().unwrap_or_else(|| id.clone()),
        id,
        kind: kind?,
        unspecified,
        patterns,
        examples,
        location: v.at(raw_claim.span()),
        severity,
    })
}

/// `severity = { contradiction = "warning" }`: each key a finding code, each value a level.
fn severity_overrides(
    v: &mut Validator,
    id: &str,
    raw: &Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
) -> BTreeMap<FindingKind, Level> {
    let mut levels = BTreeMap::new();
    let Some(raw) = raw else {
        return levels;
    };
    let codes: Vec<&str> = FindingKind::ALL.iter().map(|k| k.code()).collect();
    let names: Vec<&str> = Level::ALL.iter().map(|l| l.name()).collect();
    for (key, level) in raw.get_ref() {
        let code = key.get_ref();
        let kind = FindingKind::ALL.into_iter().find(|k| k.code() == code);
        let Some(kind) = kind else {
            let help = suggestion_help(
                did_you_mean(code, codes.iter().copied()),
                "finding codes: ",
                &codes,
            );
            v.error(
                "unknown-finding-code",
                key.span(),
                format!("`severity` of claim `{id}` names an unknown finding code `{code}`"),
            )
            .help = Some(help);
            continue;
        };
        match Level::from_name(level.get_ref()) {
            Some(l) => {
                levels.insert(kind, l);
            }
            None => {
                let word = level.get_ref();
                let help = suggestion_help(
                    did_you_mean(word, names.iter().copied()),
                    "levels: ",
                    &names,
                );
                v.error(
                    "unknown-level",
                    level.span(),
                    format!("unknown level `{word}` for {code} in claim `{id}`"),
                )
                .help = Some(help);
            }
        }
    }
    levels
}

fn entity_values(v: &mut Validator, raw_claim: &Spanned<RawClaim>) -> Option<Vec<EntityValue>> {
    let c = raw_claim.get_ref();
    let id = c.id.get_ref();
    let Some(values) = &c.values else {
        if c.malformed.iter().any(|k| k == "values") {
            return None;
        }
        v.error(
            "missing-key",
            c.id.span(),
            format!("claim `{id}` of kind entity needs `values`"),
        )
        .help = Some("add values = { \"Il-76\" = [\"Ilyushin Il-76\", \"Iliouchine-76\"] }".into());
        return None;
    };
    if values.get_ref().is_empty() {
        v.error(
            "empty-cues",
            values.span(),
            format!("`values` of claim `{id}` is empty"),
        );
        return None;
    }
    let mut owner: BTreeMap<String, String> = BTreeMap::new();
    let mut out = Vec::new();
    for (canonical, aliases) in values.get_ref() {
        let mut keys = vec![AliasKey::new(canonical)];
        for alias in aliases {
            let key = AliasKey::new(alias.get_ref());
            if key.key.is_empty() {
                v.error(
                    "empty-cues",
                    alias.span(),
                    format!(
                        "alias `{}` of `{canonical}` has no letter or digit",
                        alias.get_ref()
                    ),
                );
                continue;
            }
            keys.push(key);
        }
        for key in &keys {
            match owner.get(&key.key) {
                Some(other) if other != canonical => {
                    let span = aliases
                        .iter()
                        .find(|a| AliasKey::new(a.get_ref()) == *key)
                        .map_or(values.span(), |a| a.span());
                    v.error(
                        "duplicate-alias",
                        span,
                        format!("claim `{id}`: the spelling `{}` names both `{other}` and `{canonical}`", key.key),
                    )
                    .help = Some("an alias may belong to one value only; remove it from one of them".into());
                }
                _ => {
                    owner.insert(key.key.clone(), canonical.clone());
                }
            }
        }
        keys.dedup();
        out.push(EntityValue {
            canonical: Arc::from(canonical.as_str()),
            aliases: keys,
        });
    }
    Some(out)
}
