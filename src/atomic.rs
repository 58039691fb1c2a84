//! Replacing a user's file without ever leaving it half-written: the new content goes to a temporary
//! file beside it, which is flushed to disk and then renamed over the old one. A failure at any
//! point leaves the old file as it was and removes the temporary one.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes `path` with what `fill` writes, atomically.
pub fn write(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let temp = temp_path(path);
    let result = write_temp(&temp, fill).and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        // The temporary file may not exist; either way the old file is untouched.
        let _ = std::fs::remove_file(&temp);
    }
    result
}

fn write_temp(temp: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut writer = BufWriter::new(File::create(temp)?);
    fill(&mut writer)?;
    let file = writer.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}

/// `.NAME.PID.tmp` in the same folder, so that the rename stays on one file system.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.toml");
        std::fs::write(&path, "old").unwrap();
        write(&path, |w: &mut dyn Write| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_interrupted_write_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.toml");
        std::fs::write(&path, "old").unwrap();
        let error = write(&path, |w: &mut dyn Write| {
            w.write_all(b"half of the new con")?;
            Err(io::Error::other("interrupted"))
        })
        .unwrap_err();
        assert_eq!(error.to_string(), "interrupted");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["baseline.toml"]);
    }

    #[test]
    fn a_missing_folder_fails_without_creating_anything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("report.json");
        assert!(write(&path, |w: &mut dyn Write| w.write_all(b"x")).is_err());
        assert!(!dir.path().join("missing").exists());
    }
}
