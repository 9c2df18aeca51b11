//! Notes can arrive from other devices, so they are cleaned before they reach a
//! terminal: no escape sequences or other control characters, and no hidden
//! text-direction overrides that could disguise the rest of a line.

/// The note as separate lines, each free of control characters; tabs become spaces.
pub fn lines(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split(is_line_break)
        .map(|line| line.chars().filter_map(printable).collect())
        .collect()
}

/// The note on a single line: line breaks become spaces too.
pub fn one_line(text: &str) -> String {
    lines(text).join(" ")
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn printable(c: char) -> Option<char> {
    match c {
        '\t' | '\u{0b}' | '\u{0c}' => Some(' '),
        // Bidirectional embeddings, overrides and isolates.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
        // C0 (including ESC), DEL and C1.
        c if c.is_control() => None,
        c => Some(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        let sneaky = "calm\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m day\u{7f}\u{202e}txt";
        assert_eq!(one_line(sneaky), "calm[2J]0;owned31m daytxt");
    }

    #[test]
    fn line_breaks_split_or_join() {
        let note = "first\r\nsecond\rthird\u{2028}fourth\tend";
        assert_eq!(lines(note), ["first", "second", "third", "fourth end"]);
        assert_eq!(one_line(note), "first second third fourth end");
        assert_eq!(one_line("Ünïcödé, 日本語 😊"), "Ünïcödé, 日本語 😊");
    }
}
