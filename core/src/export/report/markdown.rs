//! Markdown rendering of the report model.
//!
//! **Escaping.** Every string in the model is plain text and goes through [`escape`]:
//! - control characters are dropped (tabs become spaces, `\r\n` and `\r` become `\n`);
//! - these characters are backslash-escaped wherever they appear:
//!   `` \ ` * _ [ ] < > | ~ & $ # `` — so no emphasis, code span or fence, link, image,
//!   raw HTML or autolink, entity (`&amp;`), table cell break, strikethrough, maths
//!   (`$`), heading or blockquote can come out of the user's words;
//! - at the start of every line (and of every run of text), leading blanks shrink to one
//!   space (no indented code block), a `-`, `+` or `=` is escaped, and so is the `.` or
//!   `)` after leading digits when a space or the line's end follows (no list item,
//!   thematic break or setext underline; "3.5" stays as it is);
//! - a line break inside a table cell becomes `<br>`, inside a paragraph or list item a
//!   backslash hard break, in a heading a space; blank lines are kept only in the user's
//!   longer writing (journal bodies), where they separate paragraphs.
//!
//! The one piece of markup passed through is the mood chart, an SVG we generate that
//! holds no user text, as an HTML block (it contains no blank line, so the block holds),
//! followed by a line saying where the same numbers are for viewers that drop inline SVG.

use super::model::{Block, Inline, Line, clean};

/// Said under the chart: not every Markdown viewer draws inline SVG (GitHub does not).
const CHART_NOTE: &str = "If the chart doesn't show in your Markdown viewer, the weekly \
    averages below and the monthly averages under Check-ins tell the same story in numbers; \
    the HTML report always shows it.";

/// Always backslash-escaped.
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '$', '#',
];

pub(crate) fn render(blocks: &[Block]) -> String {
    let mut out = blocks.iter().map(block).collect::<Vec<_>>().join("\n\n");
    out.push('\n');
    out
}

fn block(b: &Block) -> String {
    match b {
        Block::Heading(level, content) => {
            let level = usize::from((*level).clamp(1, 6));
            format!("{} {}", "#".repeat(level), inline(content, " "))
        }
        Block::Paragraph(content) => inline(content, "\\\n"),
        Block::Prose(s) => prose(s),
        Block::List(items) => items
            .iter()
            .map(|item| format!("- {}", inline(item, "\\\n  ")))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { head, rows } => {
            let row = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
            let mut lines = vec![
                row(head.iter().map(|h| escape(h, " ")).collect()),
                row(head.iter().map(|_| "---".to_string()).collect()),
            ];
            for r in rows {
                lines.push(row(r
                    .iter()
                    .map(|cell| {
                        let s = inline(cell, "<br>");
                        if s.is_empty() { " ".into() } else { s }
                    })
                    .collect()));
            }
            lines.join("\n")
        }
        Block::Callout(children) => render(children)
            .trim_end()
            .lines()
            .map(|l| {
                if l.is_empty() {
                    ">".to_string()
                } else {
                    format!("> {l}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Chart(svg) => format!("{}\n\n*{}*", svg.trim(), escape(CHART_NOTE, " ")),
    }
}

/// A line of runs; `br` is what a line break inside a run becomes.
fn inline(content: &Line, br: &str) -> String {
    let mut out = String::new();
    for run in content {
        match run {
            Inline::Text(s) => out.push_str(&escape(s, br)),
            Inline::Strong(s) => wrapped(&mut out, "**", s),
            Inline::Emph(s) => wrapped(&mut out, "*", s),
        }
    }
    out
}

fn wrapped(out: &mut String, mark: &str, s: &str) {
    let s = escape(s, " ");
    let s = s.trim();
    if !s.is_empty() {
        out.push_str(mark);
        out.push_str(s);
        out.push_str(mark);
    }
}

/// Blank lines separate paragraphs; other newlines are hard breaks.
fn prose(s: &str) -> String {
    let cleaned = clean(s);
    let mut paragraphs: Vec<Vec<&str>> = vec![Vec::new()];
    for l in cleaned.split('\n') {
        if l.trim().is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(p) = paragraphs.last_mut() {
            p.push(l);
        }
    }
    paragraphs
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.iter()
                .map(|l| escape_line(l.trim_start()))
                .collect::<Vec<_>>()
                .join("\\\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Plain text made inert. Line breaks become `br`; blank lines inside the text collapse
/// into one break, and a break at either end is kept (so runs can be put side by side).
pub(crate) fn escape(s: &str, br: &str) -> String {
    let cleaned = clean(s);
    let segments: Vec<&str> = cleaned.split('\n').collect();
    let last = segments.len() - 1;
    let mut out = String::with_capacity(cleaned.len() + 8);
    for (i, segment) in segments.iter().enumerate() {
        if i > 0 && i < last && segment.trim().is_empty() {
            continue;
        }
        if i > 0 && !out.ends_with(br) {
            out.push_str(br);
        }
        out.push_str(&escape_line(segment));
    }
    out
}

/// One line, without line breaks, escaped as the module docs say. Leading blanks shrink
/// to one space, which can neither indent a code block nor glue two runs together.
fn escape_line(line: &str) -> String {
    let body = line.trim_start();
    let mut out = String::with_capacity(line.len() + 8);
    if body.len() != line.len() {
        out.push(' ');
    }
    let mut chars = body.chars().peekable();
    // Line-start markers.
    match chars.peek() {
        Some('-' | '+' | '=') => out.push('\\'),
        Some(c) if c.is_ascii_digit() => {
            while let Some(&d) = chars.peek().filter(|c| c.is_ascii_digit()) {
                out.push(d);
                chars.next();
            }
            let mut rest = chars.clone();
            if let Some('.' | ')') = rest.next()
                && rest.next().is_none_or(|c| c == ' ')
            {
                out.push('\\');
            }
        }
        _ => {}
    }
    for c in chars {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_cannot_be_broken() {
        let cases = [
            ("# heading", "\\# heading"),
            ("  - item", " \\- item"),
            ("+ item", "\\+ item"),
            ("===", "\\==="),
            ("12. twelve", "12\\. twelve"),
            ("12.", "12\\."),
            ("3.5 hours", "3.5 hours"),
            ("3) three", "3\\) three"),
            ("2026 was good", "2026 was good"),
            ("a | b", "a \\| b"),
            ("`code` and ```", "\\`code\\` and \\`\\`\\`"),
            ("<b>&amp;</b>", "\\<b\\>\\&amp;\\</b\\>"),
            ("> quote", "\\> quote"),
            ("[link](x) ![img](y)", "\\[link\\](x) !\\[img\\](y)"),
            ("*a* _b_ ~c~ $d$ \\", "\\*a\\* \\_b\\_ \\~c\\~ \\$d\\$ \\\\"),
            ("tab\there", "tab here"),
            ("I'm fine - really.", "I'm fine - really."),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input, "<br>"), want, "{input:?}");
        }
        assert_eq!(escape("one\r\n\n- two", "<br>"), "one<br>\\- two");
    }

    /// Splits escaped output into (escaped char?, char) pairs, our `<br>`s removed.
    fn decode(out: &str) -> Vec<Vec<(bool, char)>> {
        out.split("<br>")
            .map(|line| {
                let mut pairs = Vec::new();
                let mut chars = line.chars();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => pairs.push((true, chars.next().expect("a lone backslash"))),
                        c => pairs.push((false, c)),
                    }
                }
                pairs
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn no_text_escapes_its_cell(s in "[-+=#*_`<>|~&$\\\\\\[\\]()!.0-9a-z \n\r\t]{0,40}") {
            let out = escape(&s, "<br>");
            proptest::prop_assert!(!out.contains('\n') && !out.contains('\r'));
            for line in decode(&out) {
                // Nothing special is left bare anywhere.
                for (escaped, c) in &line {
                    proptest::prop_assert!(*escaped || !SPECIAL.contains(c), "{out:?}");
                }
                // No line starts a block: no indent, no bare list or break marker.
                let start: Vec<&(bool, char)> = line.iter().skip_while(|(e, c)| !e && *c == ' ').collect();
                proptest::prop_assert!(line.iter().take_while(|(e, c)| !e && *c == ' ').count() <= 1);
                if let Some((false, c)) = start.first() {
                    proptest::prop_assert!(!matches!(c, '-' | '+' | '='), "{out:?}");
                }
                let digits = start.iter().take_while(|(e, c)| !e && c.is_ascii_digit()).count();
                if digits > 0
                    && let Some((false, '.' | ')')) = start.get(digits)
                {
                    proptest::prop_assert!(
                        start.get(digits + 1).is_some_and(|(_, c)| *c != ' '),
                        "{out:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn prose_keeps_paragraphs_and_escapes_every_line() {
        let got = prose("First line\n# not a heading\n\n\n\n    indented code?\n---");
        assert_eq!(
            got,
            "First line\\\n\\# not a heading\n\nindented code?\\\n\\---"
        );
    }

    #[test]
    fn tables_and_callouts() {
        let blocks = [
            Block::Table {
                head: vec!["Date", "Note"],
                rows: vec![vec![vec![], vec![Inline::Text("a|b\nc".into())]]],
            },
            Block::Callout(vec![Block::Paragraph(vec![Inline::Text("x\n\ny".into())])]),
        ];
        assert_eq!(
            render(&blocks),
            "| Date | Note |\n| --- | --- |\n|   | a\\|b<br>c |\n\n> x\\\n> y\n"
        );
    }
}
