//! Where the store and its key live. Paths are made absolute and tidy first, so
//! `--data-dir .` still puts the key beside the folder, never inside it.

use std::path::{Component, Path, PathBuf};

use crate::error::CliError;

const APP: &str = "reconnect";

pub fn default_data_dir() -> Result<PathBuf, CliError> {
    directories::ProjectDirs::from("app", "Reconnect", APP)
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| CliError::Usage("no home directory found; pass --data-dir".into()))
}

/// `path` made absolute, with `.` dropped and `..` resolved by name (not by following
/// symbolic links), e.g. `./store/../mine/.` run in `/home/me` is `/home/me/mine`.
pub fn normalise(path: &Path) -> Result<PathBuf, CliError> {
    let absolute = std::path::absolute(path).map_err(|source| CliError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut tidy = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                // At the root, `..` is the root itself.
                tidy.pop();
            }
            other => tidy.push(other),
        }
    }
    Ok(tidy)
}

/// The key file: explicit, or beside an explicit data dir, or in the preferences dir.
/// `data_dir` must already be normalised; the result is too.
pub fn key_file_for(
    data_dir: &Path,
    explicit_dir: bool,
    key_file: Option<PathBuf>,
) -> Result<PathBuf, CliError> {
    let path = match key_file {
        Some(path) => normalise(&path)?,
        None if explicit_dir => {
            let name = data_dir
                .file_name()
                .map(|n| format!("{}.key", n.to_string_lossy()))
                .unwrap_or_else(|| "reconnect.key".into());
            data_dir.with_file_name(name)
        }
        None => directories::ProjectDirs::from("app", "Reconnect", APP)
            .map(|dirs| dirs.preference_dir().join("store.key"))
            .ok_or_else(|| CliError::Usage("no home directory found; pass --key-file".into()))?,
    };
    if path.starts_with(data_dir) {
        return Err(CliError::Usage(format!(
            "the key file {} is inside the data directory; keep it elsewhere",
            path.display()
        )));
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_default_key_sits_beside_an_explicit_data_dir() {
        let path = key_file_for(Path::new("/data/mine"), true, None).unwrap();
        assert_eq!(path, Path::new("/data/mine.key"));
        let inside = key_file_for(Path::new("/data/mine"), true, Some("/data/mine/k".into()));
        assert!(inside.is_err());
        let sneaky = key_file_for(
            Path::new("/data/mine"),
            true,
            Some("/data/other/../mine/./k".into()),
        );
        assert!(sneaky.is_err());
    }

    #[cfg(unix)]
    #[test]
    fn dots_are_tidied_away() {
        let tidy = |p: &str| normalise(Path::new(p)).unwrap();
        assert_eq!(tidy("/data/mine/."), Path::new("/data/mine"));
        assert_eq!(tidy("/data/x/../mine/./"), Path::new("/data/mine"));
        assert_eq!(tidy("/../data"), Path::new("/data"));
        let here = std::env::current_dir().unwrap();
        assert_eq!(tidy("."), here);
        assert_eq!(tidy("sub/.."), here);
        let dir = tidy("/data/mine/.");
        assert_eq!(
            key_file_for(&dir, true, None).unwrap(),
            Path::new("/data/mine.key")
        );
    }
}
