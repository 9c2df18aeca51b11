//! The files a store leaves on disk: exact copies to compare before and after an
//! operation, and byte searches for things that must never be written in the clear.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Every regular file under `dir` (recursively), by path relative to `dir`, with its
/// exact bytes.
pub fn contents(dir: &Path) -> io::Result<BTreeMap<PathBuf, Vec<u8>>> {
    let mut out = BTreeMap::new();
    collect(dir, dir, &mut out)?;
    Ok(out)
}

fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect(root, &path, out)?;
        } else if kind.is_file() {
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            out.insert(relative, fs::read(&path)?);
        }
    }
    Ok(())
}

/// Where `needle` occurs in `haystack`, if anywhere.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The forms a string could take on disk: UTF-8, UTF-16 little- and big-endian.
pub fn encodings(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let le = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    vec![
        ("utf-8", text.as_bytes().to_vec()),
        ("utf-16le", le),
        ("utf-16be", be),
    ]
}

/// Every (file, label, offset) where one of `needles` occurs in a file under `dir`.
pub fn occurrences(
    dir: &Path,
    needles: &[(String, Vec<u8>)],
) -> io::Result<Vec<(PathBuf, String, usize)>> {
    let mut hits = Vec::new();
    for (path, bytes) in contents(dir)? {
        for (label, needle) in needles {
            if let Some(at) = find(&bytes, needle) {
                hits.push((path.clone(), label.clone(), at));
            }
        }
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_sees_needles_at_the_edges() {
        assert_eq!(find(b"abcdef", b"ab"), Some(0));
        assert_eq!(find(b"abcdef", b"ef"), Some(4));
        assert_eq!(find(b"abcdef", b"eg"), None);
        assert_eq!(find(b"ab", b"abc"), None);
    }

    #[test]
    fn utf16_forms_are_two_bytes_a_character() {
        let forms = encodings("Ab");
        assert_eq!(forms[1].1, vec![b'A', 0, b'b', 0]);
        assert_eq!(forms[2].1, vec![0, b'A', 0, b'b']);
    }
}
