//! Long content paragraphs folded to the terminal's usual width, and user text made
//! safe to show (it may come from another device).

use crate::clean;

/// Lines are folded before this many characters, indentation included.
pub const WIDTH: usize = 80;

/// `text` folded at word boundaries, each line starting with `indent`.
pub fn wrap(text: &str, indent: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::from(indent);
    let room = WIDTH.saturating_sub(indent.chars().count()).max(20);
    let mut used = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if used > 0 && used + 1 + len > room {
            lines.push(std::mem::replace(&mut line, String::from(indent)));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        line.push_str(word);
        used += len;
    }
    if used > 0 {
        lines.push(line);
    }
    lines
}

/// User text on one line, free of control characters, in quotes.
pub fn quoted(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", clean::one_line(text.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_fold_at_word_boundaries() {
        let text = "word ".repeat(40);
        let lines = wrap(&text, "  ");
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(line.chars().count() <= WIDTH, "{line}");
            assert!(line.starts_with("  word"), "{line}");
        }
        assert_eq!(wrap("", "  "), Vec::<String>::new());
        assert_eq!(wrap("short", "> "), ["> short"]);
    }

    #[test]
    fn user_text_is_quoted_on_one_line() {
        assert_eq!(
            quoted(" two\nlines\u{1b}[2J "),
            "\u{201c}two lines[2J\u{201d}"
        );
    }
}
