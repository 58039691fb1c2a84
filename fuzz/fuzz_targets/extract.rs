//! Fuzzes extraction: any bytes, decoded as an article would be (BOM, UTF-16, Windows-1252, HTML),
//! then every claim of the bundled claims.toml extracted from it. Nothing may panic, and every
//! mention must point at its own text.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use claimcheck::claims::ClaimSet;
use claimcheck::extract::{Document, extract};
use libfuzzer_sys::fuzz_target;

fn claims() -> &'static ClaimSet {
    static CLAIMS: OnceLock<ClaimSet> = OnceLock::new();
    CLAIMS.get_or_init(|| {
        let source = include_str!("../../claims.toml");
        claimcheck::claims::parse(Path::new("claims.toml"), source).expect("bundled claims load")
    })
}

fuzz_target!(|data: &[u8]| {
    let html = data.first().is_some_and(|b| b & 1 == 1);
    let name = if html { "fuzz.html" } else { "fuzz.txt" };
    let Ok(decoded) = claimcheck::corpus::decode::decode_article(Path::new(name), data.to_vec()) else {
        return;
    };
    let text = decoded.text;
    let doc = Document::from_text(&text, None);
    let set = claims();
    for claim in &set.claims {
        let got = extract(claim, &set.story, &doc, true);
        for m in &got.mentions {
            assert!(m.quote.contains(&m.matched));
            assert!(m.line >= 1 && m.column >= 1);
        }
    }
});
