//! The store key on disk: read it, or create it once. Creation is crash-safe (the key
//! file appears whole or not at all), owner-only, and never replaces an existing key.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use reconnect_core::StoreKey;
use reconnect_core::store::{DB_FILE, KEYCHECK_FILE, create_private_dir};

use crate::error::CliError;

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

/// Writes a new key to a private temp file beside `key_file`, makes it durable, then
/// links it into place. Linking fails if the key file exists, so an existing key
/// (say, from another `reconnect` started at the same moment) wins and is used instead.
fn create(key_file: &Path) -> Result<StoreKey, CliError> {
    let key = StoreKey::generate().map_err(|e| CliError::Core(e.into()))?;
    let dir = key_file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_private_dir(dir).map_err(|e| CliError::Core(e.into()))?;

    let temp = temp_path(key_file);
    let text = zeroize::Zeroizing::new(format!("{}\n", key.to_hex().as_str()));
    write_private(&temp, text.as_bytes())?;
    let linked = fs::hard_link(&temp, key_file);
    fs::remove_file(&temp).map_err(|source| io_error(&temp, source))?;
    match linked {
        Ok(()) => {
            sync_dir(dir)?;
            Ok(key)
        }
        Err(err) if err.kind() == ErrorKind::AlreadyExists => read(key_file)?.ok_or_else(|| {
            CliError::Usage(format!(
                "the key file {} appeared and vanished while Reconnect was starting; please try again",
                key_file.display()
            ))
        }),
        Err(source) => Err(io_error(key_file, source)),
    }
}

/// A name no other process uses: hidden, beside the key, unique to this process.
fn temp_path(key_file: &Path) -> PathBuf {
    let name = key_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "store.key".into());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let thread = format!("{:?}", std::thread::current().id());
    let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
    key_file.with_file_name(format!(
        ".{name}.{}-{thread}-{nanos}.new",
        std::process::id()
    ))
}

fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(path).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    written.map_err(|source| {
        let _ = fs::remove_file(path);
        io_error(path, source)
    })
}

/// Makes the new directory entry durable. Only Unix lets a directory be fsynced.
fn sync_dir(dir: &Path) -> Result<(), CliError> {
    #[cfg(unix)]
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|source| io_error(dir, source))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
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

fn io_error(path: &Path, source: std::io::Error) -> CliError {
    CliError::Io {
        path: path.to_path_buf(),
        source,
    }
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
