//! claimcheck: checks whether news sources agree on the facts an editor lists in `claims.toml`.
//!
//! The pipeline, one module per step: [`claims`] loads the claims, [`corpus`] reads the articles,
//! [`extract`] finds what each article states for each claim, [`compare`] turns that into statuses
//! and verdicts, [`report`] writes them, and [`gate`] decides the exit status. [`cli`] is the thin
//! layer of arguments on top; the library never prints except to the writers it is given.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod atomic;
pub mod ci;
pub mod claims;
pub mod cli;
pub mod compare;
pub mod corpus;
pub mod diag;
pub mod editing;
pub mod extract;
pub mod gate;
pub mod report;
pub mod stream;
#[cfg(test)]
mod testing;
pub mod text;

use std::io::Write;
use std::path::Path;

use claims::ClaimSet;
use cli::{ClaimsCommand, Cli, Command, InputArgs};
use diag::Diagnostic;
use report::Report;

/// Runs a command, writing its output to `out` and diagnostics to `err`; returns the exit status.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let outcome = match cli.command {
        Command::Check(args) => ci::check(&args, out, err),
        Command::Baseline(args) => ci::baseline(&args, out, err),
        Command::Explain(args) => explain(&args.input, &args.claim, args.source.as_deref(), out),
        Command::Claims {
            command: ClaimsCommand::Lint(input),
        } => lint(&input.claims, out),
        Command::Claims {
            command: ClaimsCommand::Add(args),
        } => add_claim(&args, out),
        Command::Init(args) => init(&args.dir, out),
    };
    // Writers may be buffered: a report that cannot be written must still fail the run.
    let outcome = outcome.and_then(|status| out.flush().map(|()| status).map_err(io_error));
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
    check_with(input, false)
}

/// The whole check, with the near misses of every claim when `near_misses` is set.
pub fn check_with(
    input: &InputArgs,
    near_misses: bool,
) -> Result<(Report, Vec<Diagnostic>), Vec<Diagnostic>> {
    let claims = load_claims(&input.claims)?;
    let listing = corpus::list(&input.corpus).map_err(|e| vec![*e.0])?;
    let scan = extract::scan::CueScan::new(&claims);
    let outcome = stream::check_corpus(&claims, &scan, listing, near_misses)
        .map_err(|skipped| vec![*corpus::no_article(&input.corpus, &skipped).0])?;
    let mut report = Report::new(
        &claims,
        input.corpus.display().to_string(),
        outcome.articles,
        outcome.skipped,
        outcome.results,
    );
    report.near_misses = outcome.near_misses;
    Ok((report, outcome.warnings))
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
        d.help = Some(diag::suggestion_help(
            diag::did_you_mean(claim_id, ids.iter().copied()),
            "claims: ",
            &ids,
        ));
        return Err(vec![d]);
    };
    let corpus = corpus::load(&input.corpus).map_err(|e| vec![*e.0])?;
    let articles: Vec<_> = corpus
        .articles
        .iter()
        .filter(|a| source.is_none_or(|s| a.name.starts_with(s)))
        .collect();
    if articles.is_empty() {
        let names: Vec<&str> = corpus.articles.iter().map(|a| a.name.as_str()).collect();
        return Err(vec![
            Diagnostic::error(
                "unknown-source",
                format!(
                    "no article of {} starts with `{}`",
                    input.corpus.display(),
                    source.unwrap_or("")
                ),
            )
            .help(format!("the articles are: {}", names.join(", "))),
        ]);
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

/// Warnings for options of `check` that the chosen format does not show.
pub(crate) fn ignored_options(args: &cli::CheckArgs) -> Vec<Diagnostic> {
    if !args.near_misses || args.format == report::Format::Table {
        return Vec::new();
    }
    vec![
        Diagnostic::warning(
            "near-misses-ignored",
            "--near-misses is shown with the table format only; this report leaves them out",
        )
        .help("run `claimcheck check --near-misses` without --format to see them"),
    ]
}

/// `claimcheck claims add`: validate the new claim with the file, then write it in place.
fn add_claim(args: &cli::AddArgs, out: &mut dyn Write) -> Result<u8, Vec<Diagnostic>> {
    let claim = editing::add::NewClaim {
        id: args.id.clone(),
        kind: args.kind.clone(),
        label: args.label.clone(),
        cues: vec![
            ("subject", args.subject.clone()),
            ("event", args.event.clone()),
            ("exclude", args.exclude.clone()),
            ("context", args.context.clone()),
            ("unspecified", args.unspecified.clone()),
        ],
        aliases: args.alias.clone(),
    };
    editing::add::add(&args.claims, &claim)?;
    writeln!(
        out,
        "added claim `{}` ({}) to {}; run `claimcheck explain {}` to see what it reads",
        claim.id,
        claim.kind,
        args.claims.display(),
        claim.id
    )
    .map_err(io_error)?;
    Ok(gate::EXIT_OK)
}

/// `claimcheck init`: scaffold a new story.
fn init(dir: &Path, out: &mut dyn Write) -> Result<u8, Vec<Diagnostic>> {
    let created = editing::init::init(dir)?;
    for path in &created.paths {
        writeln!(out, "created {}", path.display()).map_err(io_error)?;
    }
    let go = if dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {}, ", dir.display())
    };
    writeln!(
        out,
        "next: {go}edit claims.toml, put articles in corpus/, then run `claimcheck check` (see README.md)"
    )
    .map_err(io_error)?;
    Ok(gate::EXIT_OK)
}

pub(crate) fn emit(err: &mut dyn Write, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        // Nothing sensible is left to do if standard error itself cannot be written.
        let _ = err.write_all(d.render().as_bytes());
    }
}

pub(crate) fn io_error(e: std::io::Error) -> Vec<Diagnostic> {
    vec![Diagnostic::error(
        "output-failed",
        format!("cannot write the report: {e}"),
    )]
}
