//! The report as a small tree of blocks, written once and rendered twice (Markdown and
//! HTML). Every string in it is plain text: the renderers escape all of it, so no
//! section can forget to. Only the chart is markup, and it is ours (see `chart.rs`).

/// A run of text inside a line. All three hold plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Inline {
    Text(String),
    Strong(String),
    Emph(String),
}

/// One line of inline runs. A `'\n'` inside a run is a line break.
pub(crate) type Line = Vec<Inline>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// Level 1 to 4. Line breaks become spaces.
    Heading(u8, Line),
    Paragraph(Line),
    /// The user's own longer writing (a journal body): blank lines separate paragraphs,
    /// single newlines are line breaks.
    Prose(String),
    List(Vec<Line>),
    Table {
        head: Vec<&'static str>,
        rows: Vec<Vec<Line>>,
    },
    /// Set apart: safety notes, "they said no", conflicting versions.
    Callout(Vec<Block>),
    /// An SVG we generated; embedded as it is.
    Chart(String),
}

pub(crate) fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

pub(crate) fn strong(s: impl Into<String>) -> Inline {
    Inline::Strong(s.into())
}

pub(crate) fn emph(s: impl Into<String>) -> Inline {
    Inline::Emph(s.into())
}

/// A line of one plain run.
pub(crate) fn line(s: impl Into<String>) -> Line {
    vec![text(s)]
}

pub(crate) fn para(s: impl Into<String>) -> Block {
    Block::Paragraph(line(s))
}

/// `**label:** value`, the shape of most facts in the report.
pub(crate) fn fact(label: &str, value: impl Into<String>) -> Line {
    vec![
        strong(format!("{label}:")),
        text(format!(" {}", value.into())),
    ]
}

/// Text with control characters removed (tabs become spaces, `\r\n` and `\r` become
/// `\n`), so neither renderer has to think about them.
pub(crate) fn clean(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}
