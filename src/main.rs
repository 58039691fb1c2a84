//! The `claimcheck` binary: parses arguments, runs the library, and maps its outcome to an exit
//! status. Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = claimcheck::cli::Cli::parse();
    let status = claimcheck::run(
        cli,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(status)
}
