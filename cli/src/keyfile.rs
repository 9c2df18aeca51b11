//! The store key on disk: read it, or create it once. Creation is crash-safe (the key
//! file appears whole or not at all), owner-only, and never replaces an existing key.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use reconnect_core::StoreKey;
use reconnect_core::store::{DB_FILE, KEYCHECK_FILE, create_private_dir};

use crate::error::CliError;
use crate::private_file::{self, Existing, io_error};

/// Reads the key, creating one only when the data directory holds no store yet.
pub fn load_or_create(key_file: &Path, data_dir: &Path) -> Result<StoreKey, CliError> {
    if let Some(key) = read(key_file)? {
        return Ok(key);
    }
    // Any part of a store (even one whose database went missing) was made with a key
    // that is not here; a new key would only make restoring it more confusing.
    let wal = data_dir.join(format!("{DB_FILE}-wal"));
    if data_dir.join(DB_FILE).exists() || data_dir.join(KEYCHECK_FILE).exists() || wal.exists() {
        return Err(CliError::Usage(format!(
            "there is a store in {} but no key at {}; point --key-file at the key it was created with",
            data_dir.display(),
            key_file.display()
        )));
    }
    create(key_file)
}

/// The key in `key_file`, or `None` when there is no such file.
fn read(key_file: &Path) -> Result<Option<StoreKey>, CliError> {
    let text = match fs::read_to_string(key_file) {
        Ok(text) => zeroize::Zeroizing::new(text),
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(io_error(key_file, source)),
    };
    check_private(key_file)?;
    StoreKey::from_hex(&text).map(Some).map_err(|_| {
        CliError::Usage(format!(
            "{} is not a Reconnect key file (expected 64 hex digits)",
            key_file.display()
        ))
    })
}

/// Writes a new key crash-safely beside `key_file` ([`private_file::write`]). Placing it
/// fails if the key file exists, so an existing key (say, from another `reconnect`
/// started at the same moment) wins and is used instead.
fn create(key_file: &Path) -> Result<StoreKey, CliError> {
    let key = StoreKey::generate().map_err(|e| CliError::Core(e.into()))?;
    create_private_dir(private_file::parent(key_file)).map_err(|e| CliError::Core(e.into()))?;
    let text = zeroize::Zeroizing::new(format!("{}\n", key.to_hex().as_str()));
    match private_file::write(key_file, text.as_bytes(), Existing::Keep) {
        Ok(()) => Ok(key),
        Err(err) if private_file::already_exists(&err) => read(key_file)?.ok_or_else(|| {
            CliError::Usage(format!(
                "the key file {} appeared and vanished while Reconnect was starting; please try again",
                key_file.display()
            ))
        }),
        Err(source) => Err(io_error(key_file, source)),
    }
}

/// Refuses a key file that others can read.
#[cfg(unix)]
fn check_private(path: &Path) -> Result<(), CliError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path)
        .map_err(|source| io_error(path, source))?
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
    use crate::private_file::write_private;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_key_is_written_whole_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("keys").join("store.key");
        let key = load_or_create(&key_file, &dir.path().join("store")).unwrap();
        assert_eq!(
            fs::read_to_string(&key_file).unwrap(),
            format!("{}\n", key.to_hex().as_str())
        );
        assert_eq!(entries(&dir.path().join("keys")), ["store.key"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&key_file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{mode:o}");
        }
        assert_eq!(load_or_create(&key_file, dir.path()).unwrap(), key);
    }

    #[test]
    fn an_existing_key_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("store.key");
        let existing = format!("{}\n", "5a".repeat(32));
        write_private(&key_file, existing.as_bytes()).unwrap();
        // As if another process created the key between our look and our write.
        let key = create(&key_file).unwrap();
        assert_eq!(key.to_hex().as_str(), "5a".repeat(32));
        assert_eq!(fs::read_to_string(&key_file).unwrap(), existing);
        assert_eq!(entries(dir.path()), ["store.key"]);
    }

    #[test]
    fn simultaneous_first_runs_agree_on_one_key() {
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("store.key");
        let data_dir = dir.path().join("store");
        let start = std::sync::Barrier::new(8);
        let keys: Vec<Result<StoreKey, String>> = std::thread::scope(|scope| {
            let runs: Vec<_> = (0..8)
                .map(|_| {
                    scope.spawn(|| {
                        start.wait();
                        load_or_create(&key_file, &data_dir).map_err(|e| e.to_string())
                    })
                })
                .collect();
            runs.into_iter().map(|run| run.join().unwrap()).collect()
        });
        let on_disk = StoreKey::from_hex(&fs::read_to_string(&key_file).unwrap()).unwrap();
        for key in keys {
            assert_eq!(key.unwrap(), on_disk);
        }
        assert_eq!(entries(dir.path()), ["store.key"]);
    }

    #[test]
    fn key_files_hold_hex_only() {
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("store.key");
        for bad in [
            "ab".repeat(31),
            "zz".repeat(32),
            "é".repeat(32),
            String::new(),
        ] {
            fs::remove_file(&key_file).ok();
            write_private(&key_file, bad.as_bytes()).unwrap();
            let err = read(&key_file).unwrap_err().to_string();
            assert!(err.contains("not a Reconnect key file"), "{err}");
        }
    }
}
