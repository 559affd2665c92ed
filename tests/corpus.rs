//! The article corpus: one folder per case under `tests/corpus/`, each holding the article
//! (`input.txt` or `input.html`) and `expected.toml`, the claims a reader must see beside it.
//! Adding a case is adding a folder; `tests/corpus/README.md` describes the format.
#![cfg(feature = "native")]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use claimlens::{Claim, ClaimKind, Marker, Notice, Report, SourceType};
use serde::Deserialize;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

/// `expected.toml`: what a reader must see on the page.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    description: String,
    /// The case is known to fail for this reason; it must fail until the marker is removed.
    known_failure: Option<String>,
    /// The notice the reader gets instead of (or beside) claims; none when absent.
    notice: Option<Notice>,
    max_claims: Option<usize>,
    min_claims: Option<usize>,
    #[serde(default)]
    claim: Vec<ExpectedClaim>,
    #[serde(default)]
    absent: Vec<AbsentClaim>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedClaim {
    /// A piece of the claim's text, as written in the article.
    contains: String,
    /// The canonical source name, or "none" for an unattributed claim.
    source: Option<String>,
    #[serde(rename = "type")]
    source_type: Option<SourceType>,
    kind: Option<ClaimKind>,
    /// Outer reporters, nearest first (an empty list asserts there are none).
    via: Option<Vec<String>>,
    /// Markers that must be there (others may be too).
    #[serde(default)]
    markers: Vec<Marker>,
    /// Markers that must not be there.
    #[serde(default)]
    absent_markers: Vec<Marker>,
    /// The source mention as written.
    mention: Option<String>,
    /// What the text calls the source.
    descriptor: Option<String>,
    /// This one claim is known to be wrong, for this reason; the rest of the case is still checked.
    known_failure: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AbsentClaim {
    /// No claim's text may contain this...
    contains: String,
    /// ...or, when given, no claim containing it may be given to this source ("none": unattributed;
    /// "any": any source at all, so only an unattributed claim may contain it).
    source: Option<String>,
    /// Such a claim is known to be there, for this reason; the rest of the case is still checked.
    known_failure: Option<String>,
}

impl AbsentClaim {
    fn describe(&self) -> String {
        match &self.source {
            Some(s) => format!("no claim with {:?} given to {s:?}", self.contains),
            None => format!("no claim with {:?}", self.contains),
        }
    }

    fn check(&self, report: &Report) -> Result<(), String> {
        let found: Vec<String> = report
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.text.contains(&self.contains))
            .filter(|(_, c)| {
                self.source.as_deref().is_none_or(|s| s == source_name(c) || s == "any" && c.source.is_some())
            })
            .map(|(i, _)| format!("[{}]", i + 1))
            .collect();
        if found.is_empty() {
            Ok(())
        } else {
            Err(format!("but found {}", found.join(", ")))
        }
    }
}

/// The source name as the expectation spells it: "none" for an unattributed claim.
fn source_name(claim: &Claim) -> &str {
    claim.source.as_ref().map_or("none", |s| s.name.as_str())
}

fn snake<T: serde::Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

fn snakes<T: serde::Serialize + Copy>(values: &[T]) -> String {
    let names: Vec<_> = values.iter().map(|&v| snake(v)).collect();
    format!("[{}]", names.join(", "))
}

impl ExpectedClaim {
    /// What differs between this expectation and `claim` (empty: it matches).
    fn mismatches(&self, claim: &Claim) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(want) = &self.source {
            if want != source_name(claim) {
                out.push(format!("source: want {want:?}, got {:?}", source_name(claim)));
            }
        }
        if let Some(want) = self.source_type {
            let got = claim.source.as_ref().map(|s| s.kind);
            if got != Some(want) {
                out.push(format!("type: want {}, got {}", snake(want), got.map_or("none".into(), snake)));
            }
        }
        if let Some(want) = self.kind {
            if want != claim.kind {
                out.push(format!("kind: want {}, got {}", snake(want), snake(claim.kind)));
            }
        }
        if let Some(want) = &self.via {
            let got: Vec<_> = claim.via.iter().map(|v| v.name.as_str()).collect();
            if *want != got {
                out.push(format!("via: want {want:?}, got {got:?}"));
            }
        }
        let missing: Vec<_> = self.markers.iter().copied().filter(|m| !claim.markers.contains(m)).collect();
        if !missing.is_empty() {
            out.push(format!("markers: missing {}, got {}", snakes(&missing), snakes(&claim.markers)));
        }
        let extra: Vec<_> =
            self.absent_markers.iter().copied().filter(|m| claim.markers.contains(m)).collect();
        if !extra.is_empty() {
            out.push(format!("markers: must not have {}", snakes(&extra)));
        }
        if let Some(want) = &self.mention {
            let got = claim.source.as_ref().map(|s| s.mention.as_str());
            if got != Some(want.as_str()) {
                out.push(format!("mention: want {want:?}, got {got:?}"));
            }
        }
        if let Some(want) = &self.descriptor {
            let got = claim.source.as_ref().and_then(|s| s.descriptor.as_deref());
            if got != Some(want.as_str()) {
                out.push(format!("descriptor: want {want:?}, got {got:?}"));
            }
        }
        out
    }

    /// The badge a reader should see, as far as the expectation says.
    fn describe(&self) -> String {
        let mut parts = vec![format!("{:?}", self.contains)];
        if let Some(s) = &self.source {
            parts.push(format!("source {s:?}"));
        }
        if let Some(t) = self.source_type {
            parts.push(format!("type {}", snake(t)));
        }
        if let Some(k) = self.kind {
            parts.push(snake(k));
        }
        if let Some(v) = &self.via {
            parts.push(format!("via {v:?}"));
        }
        if !self.markers.is_empty() {
            parts.push(format!("markers {}", snakes(&self.markers)));
        }
        if !self.absent_markers.is_empty() {
            parts.push(format!("not {}", snakes(&self.absent_markers)));
        }
        if let Some(m) = &self.mention {
            parts.push(format!("mention {m:?}"));
        }
        if let Some(d) = &self.descriptor {
            parts.push(format!("descriptor {d:?}"));
        }
        parts.join(" · ")
    }

    /// Checks the expectation against the report: `Err` says what is wrong, for the diff.
    fn check(&self, report: &Report) -> Result<(), String> {
        let candidates: Vec<(usize, Vec<String>)> = report
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.text.contains(&self.contains))
            .map(|(i, c)| (i, self.mismatches(c)))
            .collect();
        // The best candidate is the one with the fewest differences (the first among equals).
        match candidates.into_iter().min_by_key(|(_, m)| m.len()) {
            None => Err("no claim contains this text".to_string()),
            Some((_, m)) if m.is_empty() => Ok(()),
            Some((i, m)) => Err(format!("closest is claim [{}]: {}", i + 1, m.join("; "))),
        }
    }
}

/// One case's outcome: every problem found, in reading order, and the claim-level known failures.
struct Outcome {
    problems: Vec<String>,
    /// Expectations marked known_failure that failed as expected, with the reason.
    known: Vec<String>,
}

fn check_case(expected: &Expected, report: &Report) -> Outcome {
    let mut problems = Vec::new();
    let mut known = Vec::new();
    if report.notice != expected.notice {
        problems.push(format!(
            "notice: want {}, got {}",
            expected.notice.map_or("none".into(), snake),
            report.notice.map_or("none".into(), snake)
        ));
    }
    let n = report.claims.len();
    if let Some(max) = expected.max_claims.filter(|&max| n > max) {
        problems.push(format!("claims: want at most {max}, got {n}"));
    }
    if let Some(min) = expected.min_claims.filter(|&min| n < min) {
        problems.push(format!("claims: want at least {min}, got {n}"));
    }
    let checks =
        expected.claim.iter().map(|c| (format!("claim {}", c.describe()), &c.known_failure, c.check(report)));
    let absent = expected.absent.iter().map(|a| (a.describe(), &a.known_failure, a.check(report)));
    for (what, known_failure, result) in checks.chain(absent) {
        match (known_failure, result) {
            (None, Ok(())) => {}
            (None, Err(why)) => problems.push(format!("{what}\n        {why}")),
            (Some(reason), Ok(())) => problems
                .push(format!("{what}: marked known_failure ({reason:?}) but now passes: remove the marker")),
            (Some(reason), Err(why)) => known.push(format!("{what}: {reason}\n        ({why})")),
        }
    }
    Outcome { problems, known }
}

/// The claims found, with their badges, for a failing case's diff.
fn found_claims(report: &Report) -> String {
    let mut out = String::new();
    if report.claims.is_empty() {
        out.push_str("    (no claims)\n");
    }
    for (i, c) in report.claims.iter().enumerate() {
        let mention = c.source.as_ref().map(|s| format!(" [mention {:?}]", s.mention)).unwrap_or_default();
        let _ = writeln!(out, "    [{}] {:?}\n        {}{mention}", i + 1, c.text, Report::badge(c));
    }
    out
}

fn case_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(CORPUS)
        .expect("tests/corpus exists")
        .map(|e| e.expect("readable corpus entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn analyze(dir: &Path) -> Result<Report, String> {
    let txt = dir.join("input.txt");
    let html = dir.join("input.html");
    match (txt.exists(), html.exists()) {
        (true, false) => {
            fs::read_to_string(&txt).map(|t| claimlens::analyze_text(&t)).map_err(|e| e.to_string())
        }
        (false, true) => {
            fs::read_to_string(&html).map(|h| claimlens::analyze_html(&h)).map_err(|e| e.to_string())
        }
        _ => Err("needs exactly one of input.txt and input.html".to_string()),
    }
}

#[test]
fn corpus() {
    // CLAIMLENS_CORPUS=<part of a name> runs only the matching cases; CLAIMLENS_CORPUS_VERBOSE=1
    // also prints the claims found for cases that fail as known.
    let only = std::env::var("CLAIMLENS_CORPUS").unwrap_or_default();
    let verbose = std::env::var_os("CLAIMLENS_CORPUS_VERBOSE").is_some();
    let dirs: Vec<_> = case_dirs()
        .into_iter()
        .filter(|d| d.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.contains(&only)))
        .collect();
    assert!(!dirs.is_empty(), "no cases in {CORPUS} (filter {only:?})");
    let (mut passed, mut known_cases, mut known_expectations) = (0, 0, 0);
    let mut failures: Vec<String> = Vec::new();
    let mut log = String::new();
    for dir in &dirs {
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let expected: Expected = match fs::read_to_string(dir.join("expected.toml"))
            .map_err(|e| e.to_string())
            .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(e) => e,
            Err(e) => {
                let _ = writeln!(log, "\n✗ {name}: expected.toml: {e}");
                failures.push(name);
                continue;
            }
        };
        let report = match analyze(dir) {
            Ok(r) => r,
            Err(e) => {
                let _ = writeln!(log, "\n✗ {name}: {e}");
                failures.push(name);
                continue;
            }
        };
        let outcome = check_case(&expected, &report);
        let found = format!("  claims found:\n{}", found_claims(&report));
        let mut known_log = String::new();
        for k in &outcome.known {
            let _ = writeln!(known_log, "    ~ {k}");
        }
        known_expectations += outcome.known.len();
        match (&expected.known_failure, outcome.problems.is_empty()) {
            (None, true) if outcome.known.is_empty() => passed += 1,
            (None, true) => {
                known_cases += 1;
                let _ = writeln!(log, "~ {name}: known failures\n{known_log}");
                if verbose {
                    let _ = writeln!(log, "{found}");
                }
            }
            (None, false) => {
                let _ = writeln!(log, "\n✗ {name}: {}\n  differences:", expected.description);
                for p in &outcome.problems {
                    let _ = writeln!(log, "    - {p}");
                }
                let _ = writeln!(log, "{known_log}{found}");
                failures.push(name);
            }
            (Some(reason), false) => {
                known_cases += 1;
                let _ = writeln!(log, "~ {name}: known failure: {reason}\n{known_log}");
                if verbose {
                    for p in &outcome.problems {
                        let _ = writeln!(log, "    - {p}");
                    }
                    let _ = writeln!(log, "{found}");
                }
            }
            (Some(reason), true) => {
                let _ = writeln!(
                    log,
                    "\n✗ {name}: marked known_failure ({reason}) but passes: remove the marker\n{found}"
                );
                failures.push(format!("{name} (known_failure passed)"));
            }
        }
    }
    println!("{log}");
    let summary = format!(
        "corpus: {passed} passed, {known_cases} known failures ({known_expectations} expectations \
         marked known_failure failed as expected), {} failed",
        failures.len()
    );
    println!("{summary}");
    assert!(failures.is_empty(), "{summary}\nfailing cases: {}", failures.join(", "));
}
