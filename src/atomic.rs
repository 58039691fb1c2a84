//! Writing a file so that readers see either the old content or the new, never half of it.
//!
//! Every file claimcheck replaces (a report written with `--output`, the baseline, `claims.toml`
//! when a claim is added) goes through [`write_atomic`]: the bytes go to a temporary file in the
//! same folder, are flushed to disk, and the temporary file is renamed over the target, which the
//! operating system does in one step. If anything fails before the rename, the old file is
//! untouched and the temporary file is removed.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Replaces the content of `path` with `bytes`, atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with the content written by `fill` to any writer (a report), buffered.
pub fn write(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    write_atomic_with(path, |file| {
        let mut buffered = io::BufWriter::new(file);
        fill(&mut buffered)?;
        buffered.flush()
    })
}

/// Like [`write_atomic`], with the content produced by `fill` writing into the temporary file;
/// an error from `fill` leaves `path` as it was.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let temp = temp_path(path);
    let result = (|| {
        let mut file = File::options().write(true).create_new(true).open(&temp)?;
        if let Ok(old) = fs::metadata(path) {
            // Keep the permissions of the file being replaced.
            file.set_permissions(old.permissions())?;
        }
        fill(&mut file)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        // Make the rename itself durable where the platform allows syncing a folder.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// A fresh name beside `path`: `.name.claimcheck-<pid>-<n>.tmp`, hidden, so that no corpus walk or
/// editor picks it up while it exists.
fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.claimcheck-{}-{n}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new content").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new content");
        assert_eq!(entries(dir.path()), ["report.json"]);
    }

    #[test]
    fn a_failure_mid_write_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claims.toml");
        fs::write(&path, "old = true\n").unwrap();
        let result = write_atomic_with(&path, |file| {
            file.write_all(b"half of the new ")?;
            Err(io::Error::other("disk full"))
        });
        assert_eq!(result.unwrap_err().to_string(), "disk full");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old = true\n");
        assert_eq!(entries(dir.path()), ["claims.toml"], "temporary file left");
    }

    #[test]
    fn a_failed_rename_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        // A folder in the way: the rename fails after the content was fully written.
        let path = dir.path().join("baseline.json");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), "kept").unwrap();
        assert!(write_atomic(&path, b"new").is_err());
        assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "kept");
        assert_eq!(entries(dir.path()), ["baseline.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_permissions_of_the_file_it_replaces() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claims.toml");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}
