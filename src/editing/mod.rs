//! Commands that write the editor's files: `claims add` puts a new claim into `claims.toml`
//! without disturbing anything already there, `init` scaffolds a new story. Both refuse to
//! overwrite what exists, and every write replaces a file atomically.

pub mod add;
pub mod init;
