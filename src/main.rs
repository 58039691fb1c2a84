//! The `claimcheck` binary: parses arguments, runs the library, and maps its outcome to an exit
//! status. Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = claimcheck::cli::Cli::parse();
    // Buffered: a large report is written in big chunks, not line by line; `run` flushes it.
    let status = claimcheck::run(
        cli,
        &mut std::io::BufWriter::new(std::io::stdout().lock()),
        // Not locked for the whole run: the progress bar writes to it from worker threads.
        &mut std::io::stderr(),
    );
    ExitCode::from(status)
}
