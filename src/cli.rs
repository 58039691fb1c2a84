//! Command-line arguments, parsed by clap and resolved once into what each command needs.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::gate::Level;
use crate::report::Format;

/// Checks whether news sources agree on the facts listed in claims.toml.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare what every source states for every claim; exit 1 if a new finding fails the run.
    Check(CheckArgs),
    /// Show every candidate the rules considered for one claim, and why each was kept or set aside.
    Explain(ExplainArgs),
    /// Record the findings that fail the run now into the baseline, so that later runs fail only
    /// on new ones; keeps the reasons and comments of the entries that remain.
    Baseline(BaselineArgs),
    /// Start a new story: a commented claims.toml, an empty corpus/ and a README of next steps.
    Init(InitArgs),
    /// Work on claims.toml.
    Claims {
        /// What to do with the claims file.
        #[command(subcommand)]
        command: ClaimsCommand,
    },
}

/// Subcommands of `claimcheck claims`.
#[derive(Debug, Subcommand)]
pub enum ClaimsCommand {
    /// Check claims.toml alone (no corpus) and run its examples.
    #[command(alias = "validate")]
    Lint(InputArgs),
    /// Add a claim to claims.toml, keeping everything already in the file as it is.
    Add(AddArgs),
}

/// Arguments of `claimcheck init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder of the new story (created if missing).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// Arguments of `claimcheck claims add`. Repeat a cue flag once per phrase.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The claims file.
    #[arg(long, value_name = "FILE", default_value = "claims.toml")]
    pub claims: PathBuf,
    /// The new claim's id: lowercase letters, digits and underscores.
    #[arg(long)]
    pub id: String,
    /// What kind of value: count, date or entity.
    #[arg(long)]
    pub kind: String,
    /// A label for reports.
    #[arg(long)]
    pub label: Option<String>,
    /// What a count counts, or what a dated event happened to (repeatable).
    #[arg(long, value_name = "CUE")]
    pub subject: Vec<String>,
    /// The event a date claim dates (repeatable).
    #[arg(long, value_name = "CUE")]
    pub event: Vec<String>,
    /// Words whose nearby date belongs to something else (repeatable).
    #[arg(long, value_name = "CUE")]
    pub exclude: Vec<String>,
    /// Words an entity's sentence must contain (repeatable).
    #[arg(long, value_name = "CUE")]
    pub context: Vec<String>,
    /// Phrases by which a source says it does not know the value (repeatable).
    #[arg(long, value_name = "CUE")]
    pub unspecified: Vec<String>,
    /// An entity value and its spellings: `CANONICAL=ALIAS,ALIAS` (repeatable).
    #[arg(long, value_name = "CANONICAL=ALIAS,...")]
    pub alias: Vec<String>,
}

/// Where the claims and the corpus are.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// The claims file.
    #[arg(long, value_name = "FILE", default_value = "claims.toml")]
    pub claims: PathBuf,
    /// The folder of articles.
    #[arg(long, value_name = "DIR", default_value = "corpus")]
    pub corpus: PathBuf,
}

/// Arguments of `claimcheck check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Where the claims and the corpus are.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Findings the baseline accepts [default: claimcheck.baseline.toml, when it exists].
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// The least important level of a new finding that fails the run (exit status 1).
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = Level::Error)]
    pub fail_on: Level,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also list, per claim, the sentences that name its subject, event or context but gave no
    /// value (table format only).
    #[arg(long)]
    pub near_misses: bool,
}

/// Arguments of `claimcheck baseline`.
#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// Where the claims and the corpus are.
    #[command(flatten)]
    pub input: InputArgs,
    /// The baseline file to write.
    #[arg(long, value_name = "FILE", default_value = crate::gate::baseline::DEFAULT_FILE)]
    pub baseline: PathBuf,
    /// Record findings at this level and above.
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = Level::Error)]
    pub fail_on: Level,
    /// Only remove stale entries; add nothing.
    #[arg(long)]
    pub prune: bool,
}

/// Arguments of `claimcheck explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The claim's id.
    pub claim: String,
    /// Only this source (its file name, or the start of it).
    pub source: Option<String>,
    /// Where the claims and the corpus are.
    #[command(flatten)]
    pub input: InputArgs,
}
