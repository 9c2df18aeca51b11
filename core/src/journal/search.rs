//! Journal search: every word of the query must appear in an entry's titles, texts
//! (concurrent versions included) or tags, ignoring case. An index of lowercased text
//! is rebuilt only when the document changed, so searching years of entries is a
//! string scan.

use automerge::ChangeHash;
use chrono::{DateTime, Utc};

use super::JournalEntry;

/// The longest query accepted; longer input is an error, not a slow scan.
pub const QUERY_MAX_CHARS: usize = 500;

struct Indexed {
    id: String,
    created_at: DateTime<Utc>,
    text: String,
}

/// Lowercased text of every entry, valid for the document heads it was built at.
pub struct SearchIndex {
    heads: Vec<ChangeHash>,
    items: Vec<Indexed>,
}

impl SearchIndex {
    pub fn build(heads: Vec<ChangeHash>, entries: &[JournalEntry]) -> SearchIndex {
        let items = entries.iter().map(indexed).collect();
        SearchIndex { heads, items }
    }

    pub fn is_current(&self, heads: &[ChangeHash]) -> bool {
        self.heads == heads
    }

    /// Marks the index current at `heads`, after a local write it has been told about.
    pub fn advance(&mut self, heads: Vec<ChangeHash>) {
        self.heads = heads;
    }

    /// Adds an entry, or replaces it after an edit.
    pub fn upsert(&mut self, entry: &JournalEntry) {
        self.remove(&entry.id);
        self.items.push(indexed(entry));
    }

    pub fn remove(&mut self, id: &str) {
        self.items.retain(|item| item.id != id);
    }

    /// Ids of the entries matching every word of `query`, newest first.
    pub fn find(&self, query: &str) -> Vec<String> {
        let words = words(query);
        let mut hits: Vec<&Indexed> = self
            .items
            .iter()
            .filter(|item| words.iter().all(|w| item.text.contains(w.as_str())))
            .collect();
        hits.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(a.id.cmp(&b.id)));
        hits.into_iter().map(|item| item.id.clone()).collect()
    }
}

fn indexed(e: &JournalEntry) -> Indexed {
    let mut text = String::new();
    for part in std::iter::once(&e.title)
        .chain(&e.title_conflicts)
        .chain(std::iter::once(&e.body))
        .chain(&e.body_conflicts)
        .chain(&e.tags)
    {
        text.push_str(&part.to_lowercase());
        text.push('\n');
    }
    Indexed {
        id: e.id.clone(),
        created_at: e.created_at,
        text,
    }
}

/// The lowercased words of a query; `#tag` searches for the tag's word.
pub fn words(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .map(|w| w.trim_start_matches('#').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::EntryKind;

    fn entry(
        id: &str,
        day: i64,
        title: &str,
        body: &str,
        conflicts: &[&str],
        tags: &[&str],
    ) -> JournalEntry {
        let at = DateTime::<Utc>::from_timestamp(1_700_000_000 + day * 86_400, 0).unwrap();
        JournalEntry {
            id: id.into(),
            kind: EntryKind::Entry,
            title: title.into(),
            body: body.into(),
            title_conflicts: vec![],
            body_conflicts: conflicts.iter().map(|s| s.to_string()).collect(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
            link: None,
            created_at: at,
            edited_at: at,
            ready_after: None,
            marked_ready_at: None,
        }
    }

    #[test]
    fn every_word_must_match_somewhere_ignoring_case() {
        let entries = [
            entry("a", 1, "Lake walk", "Cold wind, warm tea.", &[], &["calm"]),
            entry(
                "b",
                2,
                "Bad night",
                "Wanted to TEXT them at 2am.",
                &["Did not text."],
                &["urge"],
            ),
            entry("c", 3, "Therapy", "Talked about the lake house.", &[], &[]),
        ];
        let index = SearchIndex::build(vec![], &entries);
        let cases: &[(&str, &[&str])] = &[
            ("lake", &["c", "a"]),
            ("LAKE walk", &["a"]),
            ("text", &["b"]),
            ("did not", &["b"]),
            ("#urge", &["b"]),
            ("calm tea", &["a"]),
            ("lake urge", &[]),
            ("", &["c", "b", "a"]),
        ];
        for (query, expected) in cases {
            assert_eq!(index.find(query), expected.to_vec(), "{query:?}");
        }
    }
}
