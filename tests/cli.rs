//! End-to-end cases, one per behaviour, as data: each `tests/cmd/NAME.toml` runs the real binary
//! (in `NAME.in/` when that folder exists) and states the exact stdout, stderr and exit status a
//! user sees; `NAME.out/` holds the files a writing command must leave behind.
//!
//! After an intended change of output, `TRYCMD=overwrite cargo test --test cli` rewrites the
//! expectations; read the diff as a journalist would before committing it.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin(
            "claimcheck",
            std::path::Path::new(env!("CARGO_BIN_EXE_claimcheck")),
        )
        .case("tests/cmd/*.toml");
}
