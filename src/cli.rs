//! Command-line arguments, parsed by clap and resolved once into what each command needs.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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
    /// Compare what every source states for every claim; exit 1 if sources differ.
    Check(CheckArgs),
    /// Show every candidate the rules considered for one claim, and why each was kept or set aside.
    Explain(ExplainArgs),
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
    /// Also list, per claim, the sentences that name its subject, event or context but gave no
    /// value (table format only).
    #[arg(long)]
    pub near_misses: bool,
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
