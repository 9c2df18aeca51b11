//! HTML rendering of the report model: one self-contained page. Inline CSS, no scripts,
//! no external URL of any kind (fonts, images, styles), `<meta charset="utf-8">`, and a
//! Content-Security-Policy that forbids scripts and fetching anyway.
//!
//! **Escaping.** Every string in the model goes through [`escape`]: control characters
//! dropped as in Markdown, then `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;`
//! `&#39;`. Line breaks become `<br>`. Text is never turned into links. The one piece of
//! markup passed through is the mood chart, an SVG we generate that holds no user text.

use super::model::{Block, Inline, Line, clean};

const STYLE: &str = "\
:root{color-scheme:light dark;--fg:#222;--bg:#fdfcfa;--line:#ddd;--soft:#f3efe8;--accent:#2f6f73}
@media (prefers-color-scheme:dark){:root{--fg:#e8e6e3;--bg:#1c1c1e;--line:#444;--soft:#2a2a2d;--accent:#7cc4c8}}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif}
main{max-width:48rem;margin:0 auto;padding:1.5rem 1rem 4rem}
h1{font-size:1.8rem;margin:.5rem 0}
h2{font-size:1.4rem;margin-top:2.5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.15rem;margin-top:1.8rem}
h4{font-size:1rem;margin-top:1.2rem}
p,ul{margin:.6rem 0}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem;margin:.6rem 0}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft)}
.callout{background:var(--soft);border-left:4px solid var(--accent);padding:.2rem 1rem;margin:1rem 0;border-radius:4px}
.prose{border-left:2px solid var(--line);padding-left:1rem;overflow-wrap:anywhere}
td{overflow-wrap:anywhere}
figure{margin:1rem 0}
svg{width:100%;height:auto;display:block}
svg .mood-line{stroke:var(--accent)}
svg .mood-dots{fill:var(--accent)}
@media print{body{background:#fff;color:#000}.callout{border:1px solid #999}h2{break-after:avoid}tr{break-inside:avoid}}
";

/// The whole page.
pub(crate) fn render(title: &str, blocks: &[Block]) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(title, " ")));
    out.push_str(&format!(
        "<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n"
    ));
    for b in blocks {
        block(&mut out, b);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Heading(level, content) => {
            let level = (*level).clamp(1, 6);
            out.push_str(&format!("<h{level}>{}</h{level}>\n", inline(content, " ")));
        }
        Block::Paragraph(content) => {
            out.push_str(&format!("<p>{}</p>\n", inline(content, "<br>")));
        }
        Block::Prose(s) => {
            out.push_str("<div class=\"prose\">\n");
            let cleaned = clean(s);
            let mut paragraph: Vec<&str> = Vec::new();
            let flush = |out: &mut String, p: &mut Vec<&str>| {
                if !p.is_empty() {
                    let lines: Vec<String> = p.iter().map(|l| escape(l, " ")).collect();
                    out.push_str(&format!("<p>{}</p>\n", lines.join("<br>")));
                    p.clear();
                }
            };
            for l in cleaned.split('\n') {
                if l.trim().is_empty() {
                    flush(out, &mut paragraph);
                } else {
                    paragraph.push(l);
                }
            }
            flush(out, &mut paragraph);
            out.push_str("</div>\n");
        }
        Block::List(items) => {
            out.push_str("<ul>\n");
            for item in items {
                out.push_str(&format!("<li>{}</li>\n", inline(item, "<br>")));
            }
            out.push_str("</ul>\n");
        }
        Block::Table { head, rows } => {
            out.push_str("<div class=\"table\"><table>\n<thead><tr>");
            for h in head {
                out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h, " ")));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for r in rows {
                out.push_str("<tr>");
                for cell in r {
                    out.push_str(&format!("<td>{}</td>", inline(cell, "<br>")));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table></div>\n");
        }
        Block::Callout(children) => {
            out.push_str("<aside class=\"callout\">\n");
            for child in children {
                block(out, child);
            }
            out.push_str("</aside>\n");
        }
        Block::Chart(svg) => {
            out.push_str("<figure class=\"chart\">\n");
            out.push_str(svg.trim());
            out.push_str("\n</figure>\n");
        }
    }
}

fn inline(content: &Line, br: &str) -> String {
    let mut out = String::new();
    for run in content {
        match run {
            Inline::Text(s) => out.push_str(&escape(s, br)),
            Inline::Strong(s) => out.push_str(&format!("<strong>{}</strong>", escape(s, " "))),
            Inline::Emph(s) => out.push_str(&format!("<em>{}</em>", escape(s, " "))),
        }
    }
    out
}

/// Plain text made inert; line breaks become `br`.
pub(crate) fn escape(s: &str, br: &str) -> String {
    let cleaned = clean(s);
    let mut out = String::with_capacity(cleaned.len() + 8);
    for c in cleaned.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str(br),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_is_escaped() {
        assert_eq!(
            escape("<script>alert('x & \"y\"')</script>\u{0}\n", "<br>"),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;<br>"
        );
        let page = render(
            "<t>",
            &[Block::Prose("<img src=x onerror=alert(1)>\n\nok".into())],
        );
        assert!(page.contains("<title>&lt;t&gt;</title>"));
        assert!(page.contains("<p>&lt;img src=x onerror=alert(1)&gt;</p>\n<p>ok</p>"));
    }
}
