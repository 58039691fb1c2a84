//! Step 4 of the pipeline: from what each source says to a status per source and a verdict per
//! claim. Pure functions of the extractions: no input, no output.
//!
//! A source is `stated` (compatible values), `unspecified` (says it does not know), `silent`, or
//! `inconsistent` (contradicts itself). The verdict looks only at sources that state a value they
//! stand by: `agree`, `differ` (two of them are incompatible), `single` or `none`. A source that
//! gives two incompatible values does not vote, since we cannot tell which it stands by; a source
//! that gives a value and also says it is unknown votes with its value.

use std::sync::{Arc, LazyLock};

use crate::extract::{Extraction, Mention, Reading, Value};

/// What one source says about one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// One value, or several compatible ones.
    Stated,
    /// Explicitly leaves the value open.
    Unspecified,
    /// Does not address the claim.
    Silent,
    /// Contradicts itself: incompatible values, or a value and "not specified".
    Inconsistent,
}

impl Status {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Status::Stated => "stated",
            Status::Unspecified => "unspecified",
            Status::Silent => "silent",
            Status::Inconsistent => "inconsistent",
        }
    }
}

/// The sources' agreement on one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// At least two sources state values, all compatible.
    Agree,
    /// At least two sources state incompatible values.
    Differ,
    /// Only one source states a value.
    Single,
    /// No source states a value.
    None,
}

impl Verdict {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Differ => "differ",
            Verdict::Single => "single",
            Verdict::None => "none",
        }
    }
}

/// One source's standing on one claim.
///
/// Kept until the report is written for every source that says something (tens of thousands on a
/// large corpus): the value it stands by is an index into its mentions, not a copy.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceResult {
    /// The source, as an index into the report's sources (the readable articles in name order).
    pub source: usize,
    /// Its status.
    pub status: Status,
    /// Which of `mentions` holds the value it stands by (see [`SourceResult::value`]).
    value_at: Option<u32>,
    /// Everything it says, in text order.
    pub mentions: Box<[Mention]>,
}

/// What a source that does not address a claim says: nothing.
static SILENT: LazyLock<SourceResult> = LazyLock::new(|| SourceResult {
    source: usize::MAX,
    status: Status::Silent,
    value_at: None,
    mentions: Box::default(),
});

impl SourceResult {
    /// The value it stands by (its most precise), when it has one.
    pub fn value(&self) -> Option<&Value> {
        self.mentions[self.value_at? as usize].reading.value()
    }

    /// The distinct values it states, most precise first, as printed.
    pub fn value_texts(&self) -> Vec<String> {
        let mut values: Vec<&Value> = self.values().collect();
        values.sort_by(|a, b| a.vagueness().total_cmp(&b.vagueness()));
        let mut seen = std::collections::HashSet::new();
        values
            .into_iter()
            .map(Value::display)
            .filter(|text| seen.insert(text.clone()))
            .collect()
    }

    fn values(&self) -> impl Iterator<Item = &Value> {
        self.mentions.iter().filter_map(|m| m.reading.value())
    }
}

/// The kinds of finding, each with a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// Two sources state incompatible values.
    Contradiction,
    /// A source leaves open a value that others state.
    UnspecifiedVsStated,
    /// A source contradicts itself.
    InconsistentSource,
    /// Only one source states the value: nothing to check it against.
    SingleSource,
}

impl FindingKind {
    /// All kinds, in order of importance.
    pub const ALL: [FindingKind; 4] = [
        FindingKind::Contradiction,
        FindingKind::InconsistentSource,
        FindingKind::UnspecifiedVsStated,
        FindingKind::SingleSource,
    ];

    /// The stable kebab-case code.
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::Contradiction => "contradiction",
            FindingKind::UnspecifiedVsStated => "unspecified-vs-stated",
            FindingKind::InconsistentSource => "inconsistent-source",
            FindingKind::SingleSource => "single-source",
        }
    }

    /// One line describing the kind, for docs and SARIF rules.
    pub fn description(self) -> &'static str {
        match self {
            FindingKind::Contradiction => "Two sources state incompatible values for a claim",
            FindingKind::UnspecifiedVsStated => {
                "A source leaves open a value that other sources state"
            }
            FindingKind::InconsistentSource => "A source contradicts itself on a claim",
            FindingKind::SingleSource => "Only one source states a value for a claim",
        }
    }
}

/// Something a reader of the report should look at.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What kind.
    pub kind: FindingKind,
    /// The sources concerned, as indexes into the report's sources: for a contradiction, the
    /// sources of one value then those of the other (each side in corpus order); for
    /// unspecified-vs-stated, the source leaving it open then the first source of each stated
    /// value.
    pub sources: FindingSources,
    /// The values in question: for a contradiction, the value of each side (two, however many
    /// sources stand on each: hundreds of articles repeating one figure share one copy); for
    /// unspecified-vs-stated, one per stating source; the values of an inconsistent source; the
    /// single source's value. [`Finding::stated`] pairs them with their sources.
    pub values: FindingValues,
}

/// A finding's values: a contradiction's two held in the finding (a large corpus has thousands
/// of contradictions, and a list of two for each was an allocation of its own), any other's a
/// list, shared where findings have the same one: every source leaving a value open is set
/// against the claim's one list of stated values. Either reads as a slice; two are equal when
/// their values are.
#[derive(Debug, Clone)]
pub enum FindingValues {
    /// A contradiction's two values.
    Pair([Arc<str>; 2]),
    /// Any number of values, shared.
    Shared(Arc<[Arc<str>]>),
}

impl std::ops::Deref for FindingValues {
    type Target = [Arc<str>];

    fn deref(&self) -> &[Arc<str>] {
        match self {
            FindingValues::Pair(pair) => pair,
            FindingValues::Shared(list) => list,
        }
    }
}

impl PartialEq for FindingValues {
    fn eq(&self, other: &FindingValues) -> bool {
        **self == **other
    }
}

/// A finding's sources, in two parts shared with the claim's other findings rather than copied:
/// a contradiction's two sides are the lists of the two value groups (a group of hundreds of
/// articles repeating one figure is in a finding against each other value), an
/// unspecified-vs-stated finding is its source then the claim's list of each value's first
/// source. For a contradiction the parts are its sides, which cannot be told apart from the
/// values: two values can print alike. Equality compares the parts, so two contradictions with
/// the same sources split differently are different.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingSources {
    first: Arc<[usize]>,
    second: Arc<[usize]>,
}

impl FindingSources {
    /// `first` then `second`.
    pub fn new(first: Arc<[usize]>, second: Arc<[usize]>) -> FindingSources {
        FindingSources { first, second }
    }

    /// One source alone.
    pub fn one(source: usize) -> FindingSources {
        // An empty `Arc` slice from `default` allocates nothing.
        FindingSources::new(Arc::new([source]), Arc::default())
    }

    /// The two parts: a contradiction's sides.
    pub fn sides(&self) -> (&[usize], &[usize]) {
        (&self.first, &self.second)
    }

    /// Every source, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.first.iter().chain(self.second.iter()).copied()
    }

    /// How many sources.
    pub fn len(&self) -> usize {
        self.first.len() + self.second.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl std::ops::Index<usize> for FindingSources {
    type Output = usize;

    fn index(&self, at: usize) -> &usize {
        match self.first.get(at) {
            Some(source) => source,
            None => &self.second[at - self.first.len()],
        }
    }
}

impl Finding {
    /// Each source that states a value here, with that value, in `sources` order: every source of
    /// a contradiction with its side's value, the stating sources of unspecified-vs-stated, the
    /// single source; an inconsistent source once per value it states.
    pub fn stated(&self) -> Vec<(usize, &str)> {
        match self.kind {
            FindingKind::Contradiction => {
                let (first, second) = self.sources.sides();
                let (a, b): (&str, &str) = (&self.values[0], &self.values[1]);
                (first.iter().map(|&s| (s, a)))
                    .chain(second.iter().map(|&s| (s, b)))
                    .collect()
            }
            FindingKind::UnspecifiedVsStated => {
                let (_, stating) = self.sources.sides();
                (stating.iter().zip(self.values.iter()))
                    .map(|(&s, v)| (s, &**v))
                    .collect()
            }
            FindingKind::SingleSource | FindingKind::InconsistentSource => self
                .values
                .iter()
                .map(|v| (self.sources[0], &**v))
                .collect(),
        }
    }
}

/// Everything the sources say about one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimResult {
    /// The verdict.
    pub verdict: Verdict,
    /// The sources that say something (every status but silent), in corpus order. Silent sources
    /// are left out, so that a claim over a large corpus costs what its few relevant articles say,
    /// not one entry per article.
    pub sources: Vec<SourceResult>,
    /// What to look at, in a fixed order.
    pub findings: Vec<Finding>,
}

impl ClaimResult {
    /// What source `index` (into the report's sources) says: its entry, or silence.
    pub fn source(&self, index: usize) -> &SourceResult {
        match self.sources.binary_search_by_key(&index, |s| s.source) {
            Ok(at) => &self.sources[at],
            Err(_) => &SILENT,
        }
    }
}

/// Judges source `source` (an index into the report's sources) from its extraction.
pub fn judge_source(source: usize, extraction: Extraction) -> SourceResult {
    // Kept until the report is written, for every source that says something: without the room
    // a growing vector keeps (four mentions' worth for one).
    let mentions = extraction.mentions.into_boxed_slice();
    let values: Vec<(usize, &Value)> = (mentions.iter().enumerate())
        .filter_map(|(at, m)| Some((at, m.reading.value()?)))
        .collect();
    let unspecified = mentions.iter().any(|m| m.reading == Reading::Unspecified);
    // Compare distinct values only: an article repeating one value thousands of times must not
    // cost a comparison per pair of repetitions.
    let distinct: Vec<&Value> = equal_values(values.iter().map(|&(_, v)| ((), v)))
        .into_iter()
        .map(|(value, _, _)| value)
        .collect();
    let coherent = distinct
        .iter()
        .enumerate()
        .all(|(i, a)| distinct[i + 1..].iter().all(|b| a.compatible(b)));
    let representative = (values.iter())
        .min_by(|(_, a), (_, b)| a.vagueness().total_cmp(&b.vagueness()))
        .map(|&(at, _)| u32::try_from(at).expect("fewer than 4 G mentions"));
    let (status, value_at) = match (values.is_empty(), unspecified, coherent) {
        (true, false, _) => (Status::Silent, None),
        (true, true, _) => (Status::Unspecified, None),
        (false, false, true) => (Status::Stated, representative),
        (false, true, true) => (Status::Inconsistent, representative),
        (false, _, false) => (Status::Inconsistent, None),
    };
    SourceResult {
        source,
        status,
        value_at,
        mentions,
    }
}

/// Compares the sources of one claim: those that say something, in corpus order (silent ones may
/// be left out; they change nothing).
///
/// Sources that stand by the same value form a group, and findings are made per group, not per
/// source: a contradiction is one pair of incompatible values with every source
/// on each side, and a source leaving the value open is set against each stated value (with the
/// first source to state it). On a corpus where hundreds of articles repeat one figure and a few
/// another, that is one finding instead of one per pair of articles, so findings (and the memory
/// and report they take) grow with the sources, not with their square.
pub fn compare(mut sources: Vec<SourceResult>) -> ClaimResult {
    sources.retain(|s| s.status != Status::Silent);
    sources.shrink_to_fit();
    let voters: Vec<(usize, &Value)> = sources
        .iter()
        .filter_map(|s| s.value().map(|v| (s.source, v)))
        .collect();
    let groups = value_groups(&voters);
    let mut findings = Vec::new();
    for (k, a) in groups.iter().enumerate() {
        for b in &groups[k + 1..] {
            if !a.value.compatible(b.value) {
                findings.push(Finding {
                    kind: FindingKind::Contradiction,
                    sources: FindingSources::new(a.sources.clone(), b.sources.clone()),
                    values: FindingValues::Pair([a.display.clone(), b.display.clone()]),
                });
            }
        }
    }
    let verdict = match voters.len() {
        0 => Verdict::None,
        1 => Verdict::Single,
        _ if findings.is_empty() => Verdict::Agree,
        _ => Verdict::Differ,
    };
    for s in &sources {
        if s.status == Status::Inconsistent {
            let mut values: Vec<Arc<str>> = s.value_texts().into_iter().map(Arc::from).collect();
            if s.mentions.iter().any(|m| m.reading == Reading::Unspecified) {
                values.push("unspecified".into());
            }
            let values = FindingValues::Shared(Arc::from(values));
            findings.push(Finding {
                kind: FindingKind::InconsistentSource,
                sources: FindingSources::one(s.source),
                values,
            });
        }
    }
    if !voters.is_empty() {
        let stated_values: Arc<[Arc<str>]> = groups.iter().map(|g| g.display.clone()).collect();
        let stating: Arc<[usize]> = groups.iter().map(|g| g.sources[0]).collect();
        for s in &sources {
            if s.status == Status::Unspecified {
                findings.push(Finding {
                    kind: FindingKind::UnspecifiedVsStated,
                    sources: FindingSources::new(Arc::new([s.source]), stating.clone()),
                    values: FindingValues::Shared(stated_values.clone()),
                });
            }
        }
    }
    if verdict == Verdict::Single {
        let (i, v) = voters[0];
        findings.push(Finding {
            kind: FindingKind::SingleSource,
            sources: FindingSources::one(i),
            values: FindingValues::Shared(Arc::new([v.display().into()])),
        });
    }
    findings.shrink_to_fit();
    ClaimResult {
        verdict,
        sources,
        findings,
    }
}

/// The sources standing by one value.
struct ValueGroup<'a> {
    /// The value its sources share.
    value: &'a Value,
    /// It as printed: what the group's sources share.
    display: Arc<str>,
    /// The sources, in corpus order: shared by every finding about the group.
    sources: Arc<[usize]>,
}

/// The voters grouped by the value they stand by, groups in the order of their first source.
/// Values are grouped when equal, not when they print alike: "about 100" and "nearly 100" both
/// print `~100` but only the first is compatible with 105.
fn value_groups<'a>(voters: &[(usize, &'a Value)]) -> Vec<ValueGroup<'a>> {
    equal_values(voters.iter().map(|&(source, value)| (source, value)))
        .into_iter()
        .map(|(value, display, sources)| ValueGroup {
            value,
            display,
            sources: sources.into(),
        })
        .collect()
}

/// Equal values gathered, in the order each first comes, with how it prints and what came with
/// it (a source, or nothing). Values are looked up by how they print, so that each is compared
/// only with the few that print alike, then told apart by equality.
fn equal_values<'a, T>(
    items: impl IntoIterator<Item = (T, &'a Value)>,
) -> Vec<(&'a Value, Arc<str>, Vec<T>)> {
    let mut groups: Vec<(&'a Value, Arc<str>, Vec<T>)> = Vec::new();
    let mut by_display: std::collections::HashMap<Arc<str>, Vec<usize>> = Default::default();
    for (item, value) in items {
        let display: Arc<str> = value.display().into();
        let alike = by_display.entry(display.clone()).or_default();
        match alike.iter().find(|&&g| groups[g].0 == value) {
            Some(&g) => groups[g].2.push(item),
            None => {
                alike.push(groups.len());
                groups.push((value, display, vec![item]));
            }
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quantity::parse_quantity;

    fn texts(values: &[Arc<str>]) -> Vec<&str> {
        values.iter().map(|v| &**v).collect()
    }

    fn mention(reading: Reading) -> Mention {
        Mention::new(reading, "".into(), String::new(), 0..0, (1, 1), 0)
    }

    fn source(index: usize, readings: &[&str]) -> SourceResult {
        let mentions = readings
            .iter()
            .map(|r| match *r {
                "unspecified" => mention(Reading::Unspecified),
                v => mention(Reading::Value(Value::Count(parse_quantity(v).unwrap()))),
            })
            .collect();
        judge_source(
            index,
            Extraction {
                mentions,
                rejections: vec![],
            },
        )
    }

    #[test]
    fn statuses() {
        assert_eq!(source(0, &[]).status, Status::Silent);
        assert_eq!(source(1, &["unspecified"]).status, Status::Unspecified);
        assert_eq!(source(2, &["~100", "100"]).status, Status::Stated);
        assert_eq!(
            source(3, &["~100", "unspecified"]).status,
            Status::Inconsistent
        );
        assert_eq!(source(4, &["100", "200"]).status, Status::Inconsistent);
    }

    #[test]
    fn a_value_and_unspecified_still_votes() {
        let result = compare(vec![
            source(0, &["~100", "unspecified"]),
            source(1, &[]),
            source(2, &["100"]),
        ]);
        assert_eq!(result.verdict, Verdict::Agree);
        assert_eq!(result.findings.len(), 1);
        assert_eq!(result.findings[0].kind, FindingKind::InconsistentSource);
    }

    #[test]
    fn incompatible_values_differ_and_self_contradiction_does_not_vote() {
        let result = compare(vec![
            source(0, &["~100"]),
            source(1, &["~200"]),
            source(2, &["100", "300"]),
        ]);
        assert_eq!(result.verdict, Verdict::Differ);
        let kinds: Vec<_> = result.findings.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [FindingKind::Contradiction, FindingKind::InconsistentSource]
        );
        assert_eq!(texts(&result.findings[0].values), ["~100", "~200"]);
        assert_eq!(result.findings[0].stated(), [(0, "~100"), (1, "~200")]);
    }

    #[test]
    fn sources_of_one_value_make_one_side_of_one_contradiction() {
        let result = compare(vec![
            source(0, &["100"]),
            source(1, &["~300"]),
            source(2, &["100"]),
            source(3, &["100"]),
            source(4, &["unspecified"]),
        ]);
        assert_eq!(result.verdict, Verdict::Differ);
        let contradiction = &result.findings[0];
        assert_eq!(contradiction.kind, FindingKind::Contradiction);
        assert_eq!(
            contradiction.sources.iter().collect::<Vec<_>>(),
            [0, 2, 3, 1]
        );
        assert_eq!(texts(&contradiction.values), ["100", "~300"]);
        assert_eq!(contradiction.sources.sides(), (&[0, 2, 3][..], &[1][..]));
        assert_eq!(
            contradiction.stated(),
            [(0, "100"), (2, "100"), (3, "100"), (1, "~300")]
        );
        let unspecified = &result.findings[1];
        assert_eq!(unspecified.kind, FindingKind::UnspecifiedVsStated);
        assert_eq!(unspecified.sources.iter().collect::<Vec<_>>(), [4, 0, 1]);
        assert_eq!(texts(&unspecified.values), ["100", "~300"]);
        assert_eq!(unspecified.stated(), [(0, "100"), (1, "~300")]);
        assert_eq!(result.findings.len(), 2);
    }

    #[test]
    fn finding_sources_read_as_one_list() {
        let sources = FindingSources::new(Arc::new([4, 7]), Arc::new([1]));
        let indexed: Vec<usize> = (0..sources.len()).map(|i| sources[i]).collect();
        assert_eq!(indexed, [4, 7, 1]);
        assert_eq!(sources.iter().collect::<Vec<_>>(), [4, 7, 1]);
        let one = FindingSources::one(3);
        assert_eq!((one[0], one.len(), one.sides().1.len()), (3, 1, 0));
        assert!(!one.is_empty());
    }

    /// A pair held in the finding and a shared list read alike, and are equal when their values
    /// are.
    #[test]
    fn finding_values_read_as_one_list_however_held() {
        let pair = FindingValues::Pair(["100".into(), "~300".into()]);
        let shared = FindingValues::Shared(Arc::from(["100".into(), "~300".into()]));
        assert_eq!(texts(&pair), ["100", "~300"]);
        assert_eq!(pair, shared);
        assert_ne!(pair, FindingValues::Shared(Arc::from(["100".into()])));
    }

    #[test]
    fn values_that_print_alike_are_still_judged_apart() {
        // "about 100" [90, 110] and "nearly 100" [90, 100] both print ~100; only the second
        // contradicts 105, whatever the order of the sources.
        let about = || {
            mention(Reading::Value(Value::Count(
                parse_quantity("about 100").unwrap(),
            )))
        };
        let nearly = || {
            mention(Reading::Value(Value::Count(
                parse_quantity("nearly 100").unwrap(),
            )))
        };
        let judged = |source, m| {
            judge_source(
                source,
                Extraction {
                    mentions: vec![m],
                    rejections: vec![],
                },
            )
        };
        for (first, second) in [(about(), nearly()), (nearly(), about())] {
            let result = compare(vec![
                judged(0, first),
                judged(1, second),
                source(2, &["105"]),
            ]);
            assert_eq!(result.verdict, Verdict::Differ);
            let contradictions: Vec<&Finding> = result
                .findings
                .iter()
                .filter(|f| f.kind == FindingKind::Contradiction)
                .collect();
            assert_eq!(contradictions.len(), 1);
            assert_eq!(texts(&contradictions[0].values), ["~100", "105"]);
        }
        // The same within one source: "about 100" must not hide "nearly 100" from 105.
        for (first, second) in [(about(), nearly()), (nearly(), about())] {
            let hundred_five = source(0, &["105"]).mentions[0].clone();
            let mentions = vec![first, second, hundred_five];
            let judged = judge_source(
                0,
                Extraction {
                    mentions,
                    rejections: vec![],
                },
            );
            assert_eq!(judged.status, Status::Inconsistent);
        }
    }

    #[test]
    fn single_and_none() {
        let single = compare(vec![source(0, &[">1000"]), source(1, &["unspecified"])]);
        assert_eq!(single.verdict, Verdict::Single);
        let kinds: Vec<_> = single.findings.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [FindingKind::UnspecifiedVsStated, FindingKind::SingleSource]
        );
        assert_eq!(
            compare(vec![source(2, &[]), source(3, &["unspecified"])]).verdict,
            Verdict::None
        );
    }
}
