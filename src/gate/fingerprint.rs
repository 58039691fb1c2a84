//! A finding's identity across runs, built from what it means: the claim, the kind of finding, the
//! sources' file names and their normalized values. Never line numbers or file order, so editing an
//! article around a value keeps the finding known, while changing the value makes a new one.
//!
//! The hash is FNV-1a 64, written here because it must never change between Rust versions or runs
//! (std's hasher is randomized per process).

use crate::compare::{Finding, FindingKind};
use crate::report::{ClaimReport, Report};

/// A finding's fingerprint: a 64-bit hash, written as 16 lowercase hex digits. Held as the number:
/// every finding of a report has one until the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint(u64);

impl Fingerprint {
    /// The fingerprint written as `text` (16 hex digits, either case), if it is one.
    pub fn parse(text: &str) -> Option<Fingerprint> {
        (text.len() == 16 && text.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u64::from_str_radix(text, 16).ok().map(Fingerprint))
            .flatten()
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// The fingerprint of `finding` of `claim`.
pub fn of(report: &Report, claim: &ClaimReport, finding: &Finding) -> Fingerprint {
    let name = |i: usize| report.sources.name(i);
    let mut parts = Parts::new();
    parts.push(&claim.id);
    parts.push(finding.kind.code());
    match finding.kind {
        // Which source said what matters; the order in which the corpus lists them does not.
        FindingKind::Contradiction => {
            let mut pairs: Vec<(&str, &str)> = finding
                .stated()
                .into_iter()
                .map(|(s, v)| (name(s), v))
                .collect();
            pairs.sort_unstable();
            for (source, value) in pairs {
                parts.push(source);
                parts.push(value);
            }
        }
        // One source, with the set of values it gives; for an unspecified-vs-stated finding,
        // the source that leaves the value open, then the values others state (which of them
        // states each is left out: a new article repeating a known value changes nothing).
        FindingKind::InconsistentSource
        | FindingKind::SingleSource
        | FindingKind::UnspecifiedVsStated => {
            parts.push(name(finding.sources[0]));
            let mut values: Vec<&str> = finding.values.iter().map(|v| &**v).collect();
            values.sort_unstable();
            for value in values {
                parts.push(value);
            }
        }
    }
    Fingerprint(parts.0)
}

/// FNV-1a 64 of a list of parts, each fed as its length in decimal, a colon and its bytes, so that
/// no two different lists hash the same bytes ("2:ab1:c" is not "1:a2:bc"). Hashed as the parts
/// come, without joining them: a contradiction on a large corpus has thousands.
struct Parts(u64);

impl Parts {
    fn new() -> Parts {
        Parts(OFFSET_BASIS)
    }

    fn push(&mut self, part: &str) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut len = part.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (len % 10) as u8;
            len /= 10;
            if len == 0 {
                break;
            }
        }
        self.0 = fnv1a64(self.0, &digits[at..]);
        self.0 = fnv1a64(self.0, b":");
        self.0 = fnv1a64(self.0, part.as_bytes());
    }
}

/// Where an FNV-1a 64 hash starts.
const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits, continuing from `hash` ([`OFFSET_BASIS`] to start).
fn fnv1a64(hash: u64, bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(hash, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{ClaimResult, FindingSources, Verdict};
    use crate::gate::Gate;
    use crate::report::Sources;
    use std::sync::Arc;

    /// A report whose corpus lists `names` in this order, with one contradiction between the
    /// sources at `pair`, stating `values`.
    fn report(names: [&str; 2], pair: [usize; 2], values: [&str; 2]) -> (Report, Finding) {
        let finding = Finding {
            kind: FindingKind::Contradiction,
            sources: FindingSources::new(Arc::new([pair[0]]), Arc::new([pair[1]])),
            values: crate::compare::FindingValues::Shared(
                values.iter().map(|&v| v.into()).collect(),
            ),
        };
        let report = Report {
            claims_file: "claims.toml".into(),
            corpus: "corpus".into(),
            title: None,
            sources: {
                let mut sources = Sources::new(std::path::Path::new("corpus"));
                for name in names {
                    sources.push(name, None, None);
                }
                sources
            },
            skipped: vec![],
            claims: vec![ClaimReport {
                id: "instructor_count".into(),
                label: String::new(),
                kind: "count",
                result: ClaimResult {
                    verdict: Verdict::Differ,
                    sources: vec![],
                    findings: vec![finding.clone()],
                },
                severity: Default::default(),
            }],
            gate: Gate::default(),
            near_misses: None,
        };
        (report, finding)
    }

    fn print(names: [&str; 2], pair: [usize; 2], values: [&str; 2]) -> String {
        let (report, finding) = report(names, pair, values);
        of(&report, &report.claims[0], &finding).to_string()
    }

    #[test]
    fn the_order_of_sources_does_not_matter_but_values_do() {
        let first = print(["a.txt", "b.txt"], [0, 1], ["~100", "~200"]);
        assert_eq!(first, print(["b.txt", "a.txt"], [1, 0], ["~100", "~200"]));
        assert_eq!(first, print(["a.txt", "b.txt"], [1, 0], ["~200", "~100"]));
        assert_ne!(first, print(["a.txt", "b.txt"], [0, 1], ["~100", "~300"]));
        assert_ne!(first, print(["a.txt", "c.txt"], [0, 1], ["~100", "~200"]));
        assert_ne!(first, print(["a.txt", "b.txt"], [0, 1], ["~200", "~100"]));
    }

    #[test]
    fn fnv1a64_matches_the_reference_vectors() {
        assert_eq!(fnv1a64(OFFSET_BASIS, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(OFFSET_BASIS, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(OFFSET_BASIS, b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(
            fnv1a64(fnv1a64(OFFSET_BASIS, b"foo"), b"bar"),
            0x8594_4171_f739_67e8
        );
    }

    /// The hash of `parts` pushed one by one.
    fn hash(parts: &[&str]) -> u64 {
        let mut hashed = Parts::new();
        for part in parts {
            hashed.push(part);
        }
        hashed.0
    }

    #[test]
    fn parts_are_hashed_as_length_colon_bytes() {
        let long = "x".repeat(1234);
        assert_eq!(hash(&["ab", "c"]), fnv1a64(OFFSET_BASIS, b"2:ab1:c"));
        assert_eq!(hash(&[]), OFFSET_BASIS);
        assert_eq!(hash(&[""]), fnv1a64(OFFSET_BASIS, b"0:"));
        assert_eq!(
            hash(&["abcdefghij", &long]),
            fnv1a64(OFFSET_BASIS, format!("10:abcdefghij1234:{long}").as_bytes())
        );
    }

    #[test]
    fn parts_cannot_run_into_each_other() {
        assert_ne!(hash(&["ab", "c"]), hash(&["a", "bc"]));
    }

    #[test]
    fn a_fingerprint_reads_back_as_written() {
        let print = Fingerprint(0x00ab_cdef_0123_4567);
        assert_eq!(print.to_string(), "00abcdef01234567");
        assert_eq!(Fingerprint::parse("00abcdef01234567"), Some(print));
        assert_eq!(Fingerprint::parse("00ABCDEF01234567"), Some(print));
        for wrong in [
            "",
            "abcdef0123456",
            "00abcdef0123456g",
            "+0abcdef01234567",
            "00abcdef012345678",
        ] {
            assert_eq!(Fingerprint::parse(wrong), None, "{wrong}");
        }
    }
}
