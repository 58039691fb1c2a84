//! The hot functions of a check, each on the same generated articles: folding, sentence
//! splitting, the number and date grammars, the multi-pattern cue pass, and one article's whole
//! extraction with and without the cue prefilter. Run with `cargo bench`.

#[path = "../examples/gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

use std::sync::OnceLock;

use claimcheck::claims::ClaimSet;
use claimcheck::corpus::Article;
use claimcheck::extract::scan::CueScan;
use claimcheck::extract::{Document, date_grammar, quantity};
use claimcheck::text;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// Generated articles and 64 claims, made once.
struct Fixture {
    _dir: tempfile::TempDir,
    articles: Vec<Article>,
    claims: ClaimSet,
    scan: CueScan,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        gen_corpus::generate(&gen_corpus::Options {
            articles: 50,
            claims: 64,
            seed: 42,
            out: dir.path().to_path_buf(),
            relevant: 80,
        })
        .unwrap();
        let claims = claimcheck::load_claims(&dir.path().join("claims.toml")).unwrap();
        let listing = claimcheck::corpus::list(&dir.path().join("corpus")).unwrap();
        let articles = (0..listing.len())
            .map(|i| listing.read(i).unwrap().0)
            .collect();
        let scan = CueScan::new(&claims);
        Fixture {
            _dir: dir,
            articles,
            claims,
            scan,
        }
    })
}

fn folded_sentences() -> Vec<String> {
    fixture()
        .articles
        .iter()
        .flat_map(|a| text::sentences(&a.text))
        .map(|s| s.folded.text)
        .collect()
}

#[divan::bench]
fn fold(bencher: Bencher) {
    let articles = &fixture().articles;
    bencher.bench(|| {
        for a in articles {
            black_box(text::fold(&a.text));
        }
    });
}

#[divan::bench]
fn sentences(bencher: Bencher) {
    let articles = &fixture().articles;
    bencher.bench(|| {
        for a in articles {
            black_box(text::sentences(&a.text));
        }
    });
}

#[divan::bench]
fn find_quantities(bencher: Bencher) {
    let sentences = folded_sentences();
    bencher.bench(|| {
        for s in &sentences {
            black_box(quantity::find_quantities(s));
        }
    });
}

#[divan::bench]
fn find_dates(bencher: Bencher) {
    let sentences = folded_sentences();
    bencher.bench(|| {
        for s in &sentences {
            black_box(date_grammar::find_dates(s));
        }
    });
}

#[divan::bench]
fn cue_pass_64_claims(bencher: Bencher) {
    let f = fixture();
    bencher
        .with_inputs(|| f.articles.iter().map(Document::new).collect::<Vec<_>>())
        .bench_local_refs(|docs| {
            for d in docs.iter() {
                black_box(f.scan.hits(d));
            }
        });
}

#[divan::bench]
fn extract_prefiltered_64_claims(bencher: Bencher) {
    let f = fixture();
    bencher.bench(|| {
        for a in &f.articles {
            black_box(f.scan.extract_article(&f.claims, a));
        }
    });
}

#[divan::bench(sample_count = 10)]
fn extract_unfiltered_64_claims(bencher: Bencher) {
    let f = fixture();
    bencher.bench(|| {
        for a in &f.articles {
            let doc = Document::new(a);
            black_box(claimcheck::stream::extract_unfiltered(&f.claims, &doc));
        }
    });
}
