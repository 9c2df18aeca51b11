//! A short excerpt of an entry's text around the first word a search found, so a list
//! of hits shows why each one matched.

use crate::clean;

/// Characters shown around the match.
const CONTEXT: usize = 30;

/// The text near the first of `words` found in `text` (ignoring case), on one line with
/// "…" where it was cut; `None` when no word is in the text.
pub fn around(text: &str, words: &[String]) -> Option<String> {
    let chars: Vec<char> = clean::one_line(text).chars().collect();
    // The lowercased text, and for each of its characters the original's position.
    let mut lower = Vec::with_capacity(chars.len());
    let mut origin = Vec::with_capacity(chars.len());
    for (i, c) in chars.iter().enumerate() {
        for l in c.to_lowercase() {
            lower.push(l);
            origin.push(i);
        }
    }
    let at = words
        .iter()
        .filter_map(|word| {
            let word: Vec<char> = word.chars().collect();
            (!word.is_empty())
                .then(|| lower.windows(word.len()).position(|w| w == word.as_slice()))
                .flatten()
        })
        .min()?;
    let hit = origin[at];
    let start = hit.saturating_sub(CONTEXT);
    let end = (hit + 2 * CONTEXT).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    Some(out.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_excerpt_surrounds_the_first_hit() {
        let words = vec!["lake".to_string()];
        let text = format!(
            "{}walked to the LAKE today{}",
            "a".repeat(50),
            "b".repeat(80)
        );
        let got = around(&text, &words).unwrap();
        assert!(got.starts_with('…') && got.ends_with('…'), "{got}");
        assert!(got.contains("LAKE today"), "{got}");
        assert_eq!(around("short", &["x".into()]), None);
        assert_eq!(around("İstanbul lake", &words).unwrap(), "İstanbul lake");
    }
}
