//! claimcheck: checks whether news sources agree on the facts an editor lists in `claims.toml`.
//!
//! The pipeline, one module per step: [`claims`] loads the claims, [`corpus`] reads the articles,
//! [`extract`] finds what each article states for each claim, [`compare`] turns that into statuses
//! and verdicts, [`report`] writes them, and [`gate`] decides the exit status. [`cli`] is the thin
//! layer of arguments on top; the library never prints except to the writers it is given.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod atomic;
pub mod claims;
pub mod cli;
pub mod compare;
pub mod corpus;
pub mod diag;
pub mod extract;
pub mod gate;
pub mod report;
pub mod text;

use std::io::Write;
use std::path::Path;

use claims::ClaimSet;
use cli::{ClaimsCommand, Cli, Command, InputArgs};
use compare::ClaimResult;
use corpus::Corpus;
use diag::Diagnostic;
use report::{Report, SourceInfo};

/// Runs a command, writing its output to `out` and diagnostics to `err`; returns the exit status.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let outcome = match cli.command {
        Command::Check(args) => check(&args.input).and_then(|(report, warnings)| {
            emit(err, &warnings);
            let status = gate::exit_status(&report);
            report.write(args.format, out).map_err(io_error)?;
            Ok(status)
        }),
        Command::Explain(args) => explain(&args.input, &args.claim, args.source.as_deref(), out),
        Command::Claims {
            command: ClaimsCommand::Lint(input),
        } => lint(&input.claims, out),
    };
    match outcome {
        Ok(status) => status,
        Err(diagnostics) => {
            emit(err, &diagnostics);
            gate::EXIT_INPUT
        }
    }
}

/// The whole check: load claims, read the corpus, extract, compare, report.
pub fn check(input: &InputArgs) -> Result<(Report, Vec<Diagnostic>), Vec<Diagnostic>> {
    let claims = load_claims(&input.claims)?;
    let corpus = corpus::load(&input.corpus).map_err(|e| vec![*e.0])?;
    let results = analyse(&claims, &corpus);
    let sources = source_infos(&corpus);
    let report = Report::new(
        &claims,
        input.corpus.display().to_string(),
        sources,
        corpus.skipped,
        results,
    );
    Ok((report, corpus.warnings))
}

/// Loads and validates the claims, running the file's own examples.
pub fn load_claims(path: &Path) -> Result<ClaimSet, Vec<Diagnostic>> {
    let set = claims::load(path).map_err(|e| e.diagnostics)?;
    let failures = claims::examples::failures(&set);
    if failures.is_empty() {
        Ok(set)
    } else {
        Err(failures)
    }
}

/// Extracts every claim from every article, then compares sources claim by claim.
pub fn analyse(claims: &ClaimSet, corpus: &Corpus) -> Vec<ClaimResult> {
    let mut per_claim: Vec<Vec<compare::SourceResult>> = vec![Vec::new(); claims.claims.len()];
    for article in &corpus.articles {
        let doc = extract::Document::new(article);
        for (claim, results) in claims.claims.iter().zip(per_claim.iter_mut()) {
            let extraction = extract::extract(claim, &claims.story, &doc, false);
            results.push(compare::judge_source(extraction));
        }
    }
    per_claim.into_iter().map(compare::compare).collect()
}

fn source_infos(corpus: &Corpus) -> Vec<SourceInfo> {
    let names: Vec<String> = corpus.articles.iter().map(|a| a.name.clone()).collect();
    let metas: Vec<_> = corpus.articles.iter().map(|a| &a.meta).collect();
    let shorts = report::short_names(&names, &metas);
    corpus
        .articles
        .iter()
        .zip(shorts)
        .map(|(a, short)| SourceInfo {
            name: a.name.clone(),
            short,
            path: a.path.display().to_string(),
            meta: a.meta.clone(),
        })
        .collect()
}

/// `claimcheck explain`: every candidate for one claim, kept or set aside, article by article.
fn explain(
    input: &InputArgs,
    claim_id: &str,
    source: Option<&str>,
    out: &mut dyn Write,
) -> Result<u8, Vec<Diagnostic>> {
    let claims = claims::load(&input.claims).map_err(|e| e.diagnostics)?;
    let Some(claim) = claims.claims.iter().find(|c| c.id == claim_id) else {
        let ids: Vec<&str> = claims.claims.iter().map(|c| c.id.as_str()).collect();
        let mut d = Diagnostic::error(
            "unknown-claim",
            format!("no claim `{claim_id}` in {}", input.claims.display()),
        );
        d.help = Some(match diag::did_you_mean(claim_id, ids.iter().copied()) {
            Some(id) => format!("did you mean `{id}`? claims: {}", ids.join(", ")),
            None => format!("claims: {}", ids.join(", ")),
        });
        return Err(vec![d]);
    };
    let corpus = corpus::load(&input.corpus).map_err(|e| vec![*e.0])?;
    let articles: Vec<_> = corpus
        .articles
        .iter()
        .filter(|a| source.is_none_or(|s| a.name.starts_with(s)))
        .collect();
    if articles.is_empty() {
        return Err(vec![Diagnostic::error(
            "unknown-source",
            format!(
                "no article of {} starts with `{}`",
                input.corpus.display(),
                source.unwrap_or("")
            ),
        )]);
    }
    let traces: Vec<_> = articles
        .iter()
        .map(|a| {
            let doc = extract::Document::new(a);
            (
                a.name.as_str(),
                extract::extract(claim, &claims.story, &doc, true),
            )
        })
        .collect();
    report::explain::write(claim, &traces, out).map_err(io_error)?;
    Ok(gate::EXIT_OK)
}

/// `claimcheck claims lint`: validate the claims file and run its examples.
fn lint(path: &Path, out: &mut dyn Write) -> Result<u8, Vec<Diagnostic>> {
    let set = claims::load(path).map_err(|e| e.diagnostics)?;
    let outcomes = claims::examples::run(&set);
    report::explain::write_lint(&set, &outcomes, out).map_err(io_error)?;
    if outcomes.iter().all(|o| o.passed()) {
        Ok(gate::EXIT_OK)
    } else {
        Err(claims::examples::failures(&set))
    }
}

fn emit(err: &mut dyn Write, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        // Nothing sensible is left to do if standard error itself cannot be written.
        let _ = err.write_all(d.render().as_bytes());
    }
}

fn io_error(e: std::io::Error) -> Vec<Diagnostic> {
    vec![Diagnostic::error(
        "output-failed",
        format!("cannot write the report: {e}"),
    )]
}
