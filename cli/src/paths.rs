//! Where the store and its key live, and how the key file is created and read.
//! The key never sits inside the data directory, and only its owner may read it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use reconnect_core::StoreKey;
use reconnect_core::store::DB_FILE;

use crate::error::CliError;

const APP: &str = "reconnect";

pub fn default_data_dir() -> Result<PathBuf, CliError> {
    directories::ProjectDirs::from("app", "Reconnect", APP)
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| CliError::Usage("no home directory found; pass --data-dir".into()))
}

/// The key file: explicit, or beside an explicit data dir, or in the preferences dir.
pub fn key_file_for(
    data_dir: &Path,
    explicit_dir: bool,
    key_file: Option<PathBuf>,
) -> Result<PathBuf, CliError> {
    let path = match key_file {
        Some(path) => path,
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
    let absolute_key = absolute(&path);
    let absolute_dir = absolute(data_dir);
    if absolute_key.starts_with(&absolute_dir) {
        return Err(CliError::Usage(format!(
            "the key file {} is inside the data directory; keep it elsewhere",
            path.display()
        )));
    }
    Ok(path)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Reads the key, creating one only when the data directory holds no store yet.
pub fn load_or_create_key(key_file: &Path, data_dir: &Path) -> Result<StoreKey, CliError> {
    match fs::read_to_string(key_file) {
        Ok(text) => {
            check_private(key_file)?;
            parse_key(&text).ok_or_else(|| {
                CliError::Usage(format!(
                    "{} is not a Reconnect key file (expected 64 hex digits)",
                    key_file.display()
                ))
            })
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            if data_dir.join(DB_FILE).exists() {
                return Err(CliError::Usage(format!(
                    "there is a store in {} but no key at {}; point --key-file at the key it was created with",
                    data_dir.display(),
                    key_file.display()
                )));
            }
            create_key(key_file)
        }
        Err(err) => Err(CliError::Io {
            path: key_file.to_path_buf(),
            source: err,
        }),
    }
}

fn parse_key(text: &str) -> Option<StoreKey> {
    let hex = text.trim();
    if hex.len() != 64 || !hex.is_ascii() {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..32)
        .map(|i| u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).ok())
        .collect();
    StoreKey::from_bytes(&bytes?).ok()
}

fn create_key(key_file: &Path) -> Result<StoreKey, CliError> {
    let key = StoreKey::generate().map_err(|e| CliError::Core(e.into()))?;
    if let Some(parent) = key_file.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(parent).map_err(|e| CliError::Io {
            path: parent.to_path_buf(),
            source: e,
        })?;
    }
    let hex: String = key.as_bytes().iter().map(|b| format!("{b:02x}")).collect();
    let mut file = private_new_file(key_file).map_err(|e| CliError::Io {
        path: key_file.to_path_buf(),
        source: e,
    })?;
    file.write_all(format!("{hex}\n").as_bytes())
        .and_then(|_| file.sync_all())
        .map_err(|e| CliError::Io {
            path: key_file.to_path_buf(),
            source: e,
        })?;
    Ok(key)
}

#[cfg(unix)]
fn private_new_file(path: &Path) -> std::io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn private_new_file(path: &Path) -> std::io::Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

#[cfg(unix)]
fn create_private_dir(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if path.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)
}

#[cfg(not(unix))]
fn create_private_dir(path: &Path) -> std::io::Result<()> {
    fs::create_dir_all(path)
}

/// Refuses a key file that others can read.
#[cfg(unix)]
fn check_private(path: &Path) -> Result<(), CliError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path)
        .map_err(|e| CliError::Io {
            path: path.to_path_buf(),
            source: e,
        })?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(CliError::Usage(format!(
            "the key file {} can be read by other users; run `chmod 600 {}`",
            path.display(),
            path.display()
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_path: &Path) -> Result<(), CliError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_from_hex_only() {
        assert!(parse_key(&"ab".repeat(32)).is_some());
        assert!(parse_key(&format!("{}\n", "0f".repeat(32))).is_some());
        assert!(parse_key(&"ab".repeat(31)).is_none());
        assert!(parse_key(&"zz".repeat(32)).is_none());
        assert!(parse_key(&"é".repeat(32)).is_none());
    }

    #[test]
    fn the_default_key_sits_beside_an_explicit_data_dir() {
        let path = key_file_for(Path::new("/data/mine"), true, None).unwrap();
        assert_eq!(path, Path::new("/data/mine.key"));
        let inside = key_file_for(Path::new("/data/mine"), true, Some("/data/mine/k".into()));
        assert!(inside.is_err());
    }
}
