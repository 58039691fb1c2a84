//! Fuzzes loading claims.toml: any text must give a claim set or diagnostics, never a panic or a
//! hang, and a loaded set's inline examples must run.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(set) = claimcheck::claims::parse(Path::new("claims.toml"), source) {
        let _ = claimcheck::claims::examples::run(&set);
    }
});
