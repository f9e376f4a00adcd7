//! Markdown: the text without its markup, line for line.
//!
//! Parsed by `pulldown-cmark` (CommonMark with tables, strikethrough and task
//! lists). Kept: the text of paragraphs, headings, list items, block quotes,
//! table cells (kept apart with ` | `), link text, code. Dropped: heading and
//! list markers, emphasis marks, code ticks, link and image targets, images
//! (alt text included), HTML tags and comments (but for a `<!-- rolefit:
//! ignore TERM -->` directive, kept as its text). Each piece of text is written
//! on the line it has in the source, so line numbers in reports point into the
//! Markdown file, and a blank source line stays a paragraph break. Terms with
//! symbols come through whole: `**C++**` is `C++`, `` `Node.js` `` is
//! `Node.js`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The text of a Markdown document.
pub(crate) fn extract(markdown: &str) -> String {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', markdown.as_bytes()).map(|i| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&start| start <= offset) - 1;
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut out = Writer::default();
    let mut images = 0usize;
    let mut tags = TagStripper::default();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        let line = line_of(range.start);
        match event {
            Event::Start(Tag::Image { .. }) => images += 1,
            Event::End(TagEnd::Image) => images = images.saturating_sub(1),
            _ if images > 0 => {}
            Event::Text(text) | Event::Code(text) => out.write(line, &text),
            Event::Html(html) | Event::InlineHtml(html) => {
                out.write(line, &tags.strip(&html));
            }
            Event::Start(Tag::TableCell) => out.cell(line),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) | Event::Rule => {}
            Event::SoftBreak | Event::HardBreak => out.space(),
            _ => {}
        }
    }
    out.text
}

/// Writes text at source lines.
#[derive(Default)]
struct Writer {
    text: String,
    line: usize,
    line_has_text: bool,
    space: bool,
}

impl Writer {
    /// Moves down to `line`, starting new lines as needed.
    fn go_to(&mut self, line: usize) {
        while self.line < line {
            self.text.push('\n');
            self.line += 1;
            self.line_has_text = false;
            self.space = false;
        }
    }

    fn write(&mut self, line: usize, text: &str) {
        if text.is_empty() {
            return;
        }
        self.go_to(line);
        if self.space && self.line_has_text && !text.starts_with(char::is_whitespace) {
            self.text.push(' ');
        }
        self.space = false;
        self.text.push_str(text);
        self.line += memchr::memchr_iter(b'\n', text.as_bytes()).count();
        self.line_has_text = !text.ends_with('\n');
    }

    fn cell(&mut self, line: usize) {
        self.go_to(line);
        if self.line_has_text {
            self.text.push_str(" | ");
        }
    }

    fn space(&mut self) {
        self.space = true;
    }
}

/// The text of a one-line `<!-- rolefit: ... -->` comment at the start of
/// `html`: a directive for rolefit (`rolefit: ignore TERM`), kept as text.
pub(crate) fn directive(html: &str) -> Option<&str> {
    let inner = html.strip_prefix("<!--")?;
    let end = inner.find("-->")?;
    let content = &inner[..end];
    (content.trim_start().starts_with("rolefit:") && !content.contains('\n')).then_some(content)
}

/// Drops HTML tags and comments from a stream of HTML pieces (a comment may
/// span several), keeping the text between them and every line break.
#[derive(Default)]
struct TagStripper {
    /// Inside a comment, or inside a tag.
    inside: Option<&'static str>,
}

impl TagStripper {
    fn strip(&mut self, html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while !rest.is_empty() {
            match self.inside {
                Some(end) => {
                    let cut = rest.find(end).map_or(rest.len(), |i| i + end.len());
                    out.extend(rest[..cut].chars().filter(|&c| c == '\n'));
                    if cut < rest.len() || rest.ends_with(end) {
                        self.inside = None;
                    }
                    rest = &rest[cut..];
                }
                None => match rest.find('<') {
                    Some(lt) => {
                        out.push_str(&rest[..lt]);
                        rest = &rest[lt..];
                        if let Some(directive) = directive(rest) {
                            out.push_str(directive.trim());
                            rest = &rest[rest.find("-->").map_or(rest.len(), |end| end + 3)..];
                            continue;
                        }
                        self.inside = Some(if rest.starts_with("<!--") { "-->" } else { ">" });
                    }
                    None => {
                        out.push_str(rest);
                        rest = "";
                    }
                },
            }
        }
        super::html::decode_entities(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_text_and_lines_stay() {
        let markdown = "# Alex Morgan\n\
            \n\
            **Backend Developer**  \n\
            Lisbon | [github.com/alex](https://github.com/alex \"GitHub\")\n\
            \n\
            <!-- Hidden: Azure\n\
            still hidden -->\n\
            ![Portrait, Azure](me.png)\n\
            \n\
            ## Skills\n\
            \n\
            | Area | Skills |\n\
            | --- | --- |\n\
            | Languages | **C++**, **C#**, `Node.js` |\n\
            | Cloud | *CI/CD*, .NET |\n\
            \n\
            * Built _auto-scaling_ groups\n\
            * Wrote C++ services\n";
        let expected = "Alex Morgan\n\
            \n\
            Backend Developer\n\
            Lisbon | github.com/alex\n\
            \n\
            \n\
            \n\
            \n\
            \n\
            Skills\n\
            \n\
            Area | Skills\n\
            \n\
            Languages | C++, C#, Node.js\n\
            Cloud | CI/CD, .NET\n\
            \n\
            Built auto-scaling groups\n\
            Wrote C++ services";
        assert_eq!(extract(markdown), expected);
    }

    #[test]
    fn rolefit_directives_stay() {
        assert_eq!(
            extract("Go and Kotlin\n<!-- rolefit: ignore Kotlin -->\n<!-- other -->\n"),
            "Go and Kotlin\nrolefit: ignore Kotlin\n\n"
        );
    }

    #[test]
    fn code_blocks_keep_their_lines() {
        let markdown = "Intro\n\n```\nmake build\nmake test\n```\nafter\n";
        assert_eq!(
            extract(markdown),
            "Intro\n\n\nmake build\nmake test\n\nafter"
        );
    }
}
