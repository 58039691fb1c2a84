//! `claimcheck init [DIR]`: a new story's starting point, a commented `claims.toml` with one claim
//! of each kind (valid, with examples that pass), an empty `corpus/`, and a README of next steps.
//! It never overwrites a file: if any of them exists, nothing is written.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Location};

/// The claims file a new story starts from; a test checks that it passes `claims lint`.
pub const CLAIMS_TEMPLATE: &str = include_str!("template/claims.toml");
/// The next steps.
pub const README_TEMPLATE: &str = include_str!("template/README.md");

/// What `init` created, for the message to the user.
#[derive(Debug)]
pub struct Created {
    /// The files and folders, in the order they were made.
    pub paths: Vec<PathBuf>,
}

/// Scaffolds a story in `dir`, creating the folder if needed.
pub fn init(dir: &Path) -> Result<Created, Vec<Diagnostic>> {
    // `init` in the current folder names the files plainly: `claims.toml`, not `./claims.toml`.
    let at = |name: &str| {
        if dir == Path::new(".") {
            PathBuf::from(name)
        } else {
            dir.join(name)
        }
    };
    let claims = at("claims.toml");
    let readme = at("README.md");
    let corpus = at("corpus");
    let existing: Vec<Diagnostic> = [&claims, &readme]
        .into_iter()
        .filter(|p| p.exists())
        .map(|p| {
            Diagnostic::error(
                "file-exists",
                format!(
                    "{} already exists; init never overwrites a file",
                    p.display()
                ),
            )
            .at(Location::file(p))
            .help("run `claimcheck init NEW_FOLDER` to start the story in a folder of its own")
        })
        .chain(corpus.is_file().then(|| {
            Diagnostic::error(
                "file-exists",
                format!("{} is a file; init needs a folder there", corpus.display()),
            )
            .at(Location::file(&corpus))
        }))
        .collect();
    if !existing.is_empty() {
        return Err(existing);
    }
    let io = |p: &Path, e: std::io::Error| {
        vec![
            Diagnostic::error(
                "write-failed",
                format!("cannot create {}: {e}", p.display()),
            )
            .at(Location::file(p)),
        ]
    };
    std::fs::create_dir_all(&corpus).map_err(|e| io(&corpus, e))?;
    for (path, text) in [(&claims, CLAIMS_TEMPLATE), (&readme, README_TEMPLATE)] {
        create_new(path, text).map_err(|e| io(path, e))?;
    }
    Ok(Created {
        paths: vec![claims, corpus, readme],
    })
}

/// Writes a file that must not exist yet (checked again here, in case it appeared meanwhile).
fn create_new(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_valid_and_its_examples_pass() {
        let set = crate::claims::parse(Path::new("claims.toml"), CLAIMS_TEMPLATE)
            .unwrap_or_else(|e| panic!("{e}"));
        let kinds: Vec<&str> = set.claims.iter().map(|c| c.kind.name()).collect();
        assert_eq!(kinds, ["count", "date", "entity"]);
        let outcomes = crate::claims::examples::run(&set);
        assert!(outcomes.len() >= 6);
        for o in outcomes {
            assert!(o.passed(), "{o:?}");
        }
    }
}
