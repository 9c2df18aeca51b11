//! The versions of an entry that two devices changed at once, numbered from 1 as the
//! terminal's `journal show` and the apps' entry screen show them, and resolving keeps them.
//!
//! Titles and texts keep their competing values separately; version N pairs the N-th
//! title with the N-th text (the last one again when one field has fewer), so what is
//! shown as version N is exactly what keeping it writes.

use super::JournalEntry;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    pub number: usize,
    pub title: String,
    pub text: String,
}

/// Every version, or nothing when the entry has just one.
pub fn of(entry: &JournalEntry) -> Vec<Version> {
    if !entry.has_conflict() {
        return Vec::new();
    }
    let titles: Vec<&String> = std::iter::once(&entry.title)
        .chain(&entry.title_conflicts)
        .collect();
    let texts: Vec<&String> = std::iter::once(&entry.body)
        .chain(&entry.body_conflicts)
        .collect();
    let pick = |all: &[&String], i: usize| all[i.min(all.len() - 1)].to_string();
    (0..titles.len().max(texts.len()))
        .map(|i| Version {
            number: i + 1,
            title: pick(&titles, i),
            text: pick(&texts, i),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::EntryKind;
    use chrono::Utc;

    fn entry(titles: &[&str], texts: &[&str]) -> JournalEntry {
        JournalEntry {
            id: "e1".into(),
            kind: EntryKind::Entry,
            title: titles[0].into(),
            body: texts[0].into(),
            title_conflicts: titles[1..].iter().map(|s| s.to_string()).collect(),
            body_conflicts: texts[1..].iter().map(|s| s.to_string()).collect(),
            tags: vec![],
            link: None,
            created_at: Utc::now(),
            edited_at: Utc::now(),
            ready_after: None,
            marked_ready_at: None,
        }
    }

    #[test]
    fn versions_pair_titles_with_texts() {
        assert!(of(&entry(&["t"], &["a"])).is_empty());
        let texts = of(&entry(&["t"], &["a", "b"]));
        assert_eq!(
            texts,
            [
                Version {
                    number: 1,
                    title: "t".into(),
                    text: "a".into()
                },
                Version {
                    number: 2,
                    title: "t".into(),
                    text: "b".into()
                },
            ]
        );
        let both = of(&entry(&["t", "u", "v"], &["a", "b"]));
        assert_eq!(both.len(), 3);
        assert_eq!((both[2].title.as_str(), both[2].text.as_str()), ("v", "b"));
    }
}
