//! `claimcheck claims add`: a new claim from command-line flags, appended to `claims.toml` with
//! `toml_edit` so that every comment, blank line and key order already in the file stays as the
//! editor wrote it. The file is only written when the whole result validates.

use std::path::Path;

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, value};

use crate::claims;
use crate::diag::{Diagnostic, Location};

/// The claim to add, as given on the command line.
#[derive(Debug, Clone, Default)]
pub struct NewClaim {
    /// Its id.
    pub id: String,
    /// count, date or entity.
    pub kind: String,
    /// Its label, when given.
    pub label: Option<String>,
    /// Cue lists by key (`subject`, `event`, ...), in the order the file documents them.
    pub cues: Vec<(&'static str, Vec<String>)>,
    /// `CANONICAL=ALIAS,ALIAS` entries for entity claims.
    pub aliases: Vec<String>,
}

/// Adds `claim` to the claims file at `path`. Returns the new file's text after writing it.
pub fn add(path: &Path, claim: &NewClaim) -> Result<String, Vec<Diagnostic>> {
    let source = std::fs::read_to_string(path).map_err(|e| {
        vec![
            Diagnostic::error(
                "claims-unreadable",
                format!("cannot read {}: {e}", path.display()),
            )
            .at(Location::file(path))
            .help("start a new story with `claimcheck init`, or name the file with --claims FILE"),
        ]
    })?;
    // The file must be sound before we add to it, or the editor could not tell whose fault an
    // error is.
    let existing = claims::parse(path, &source).map_err(|e| {
        let mut d = e.diagnostics;
        d.push(not_added(claim, "fix the problems above first"));
        d
    })?;
    if let Some(other) = existing.claims.iter().find(|c| c.id == claim.id) {
        return Err(vec![
            Diagnostic::error(
                "duplicate-id",
                format!("there is already a claim `{}`", claim.id),
            )
            .at(other.location.clone())
            .help("choose another --id; nothing was changed"),
        ]);
    }
    let mut doc: DocumentMut = source.parse().map_err(|e: toml_edit::TomlError| {
        vec![Diagnostic::error("toml-syntax", e.message().to_string())]
    })?;
    let table = claim_table(claim)?;
    match doc.get_mut("claims") {
        Some(Item::ArrayOfTables(list)) => list.push(table),
        Some(_) => {
            return Err(vec![not_added(
                claim,
                "`claims` is not written as [[claims]] tables; add the claim by hand",
            )]);
        }
        None => {
            let mut list = ArrayOfTables::new();
            list.push(table);
            doc.insert("claims", Item::ArrayOfTables(list));
        }
    }
    let mut text = doc.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    // Every problem left is in the new claim: say so where the messages name the file.
    let proposed = std::path::PathBuf::from(format!("{} (with the new claim)", path.display()));
    let set = claims::parse(&proposed, &text).map_err(|e| {
        let mut d: Vec<Diagnostic> = e.diagnostics.into_iter().map(flag_help).collect();
        d.push(not_added(claim, "the new claim has the problems above"));
        d
    })?;
    let failures = claims::examples::failures(&set);
    if !failures.is_empty() {
        let mut d = failures;
        d.push(not_added(claim, "an example fails with the new claim"));
        return Err(d);
    }
    crate::atomic::write_atomic(path, text.as_bytes()).map_err(|e| {
        vec![
            Diagnostic::error(
                "write-failed",
                format!("cannot write {}: {e}", path.display()),
            )
            .at(Location::file(path))
            .help("the file was left as it was"),
        ]
    })?;
    Ok(text)
}

/// On the command line, a missing cue list is given with a flag, not by editing the file.
fn flag_help(mut d: Diagnostic) -> Diagnostic {
    if d.code != "missing-key" {
        return d;
    }
    let flag = [
        ("`subject`", "--subject PHRASE"),
        ("`event`", "--event PHRASE"),
        ("`values`", "--alias \"CANONICAL=ALIAS,ALIAS\""),
    ]
    .into_iter()
    .find(|(key, _)| d.message.ends_with(key));
    if let Some((_, flag)) = flag {
        d.help = Some(format!("give it with {flag}, once per entry"));
    }
    d
}

fn not_added(claim: &NewClaim, why: &str) -> Diagnostic {
    Diagnostic::error(
        "claim-not-added",
        format!("claim `{}` was not added: {why}", claim.id),
    )
    .help("nothing in the claims file was changed")
}

/// The `[[claims]]` table for a new claim, keys in the order docs/claims.md presents them.
fn claim_table(claim: &NewClaim) -> Result<Table, Vec<Diagnostic>> {
    let mut table = Table::new();
    table.decor_mut().set_prefix("\n");
    table.insert("id", value(&claim.id));
    if let Some(label) = &claim.label {
        table.insert("label", value(label));
    }
    table.insert("kind", value(&claim.kind));
    if !claim.aliases.is_empty() {
        let mut values = InlineTable::new();
        for entry in &claim.aliases {
            let (canonical, aliases) = entry.split_once('=').unwrap_or((entry, ""));
            let canonical = canonical.trim();
            if canonical.is_empty() {
                return Err(vec![
                    Diagnostic::error(
                        "invalid-alias",
                        format!("--alias `{entry}` names no value before `=`"),
                    )
                    .help("write --alias \"Canonical name=alias one,alias two\""),
                ]);
            }
            let list: Array = aliases
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .collect();
            if values.contains_key(canonical) {
                return Err(vec![
                    Diagnostic::error(
                        "invalid-alias",
                        format!("--alias gives `{canonical}` twice"),
                    )
                    .help("list all its aliases in one --alias, separated by commas"),
                ]);
            }
            values.insert(canonical, list.into());
        }
        table.insert("values", value(values));
    }
    for (key, cues) in &claim.cues {
        if !cues.is_empty() {
            table.insert(key, value(cues.iter().collect::<Array>()));
        }
    }
    Ok(table)
}
