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
    Lint(InputArgs),
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
