//! HTML: the text a browser shows.
//!
//! A forgiving tokenizer, not a tree builder (real pages are rarely
//! well-formed, and no tree means no depth to bound): tags, comments (but
//! for `<!-- rolefit: ignore TERM -->` directives, kept as a line) and
//! doctypes are dropped, entities decoded, white space collapsed. Left out
//! entirely: `head` (title and meta included), `script`, `style`, `template`,
//! `noscript`, `svg`, and any element with the `hidden` attribute or an inline
//! `display: none`. Block elements end lines (`p`, headings, `section`, `ul`,
//! `table`… with a blank line; `div`, `li`, `tr`, `br`… without one); table
//! cells are kept apart with ` | `; inline elements (`b`, `span`, `a`…) join
//! their text to the words around them, so `<b>Kuber</b>netes` is one word.

use quick_xml::escape::resolve_html5_entity;

use super::decode::windows_1252_char;
use super::text::TextBuilder;

/// Elements whose content is never shown.
const INVISIBLE: &[&str] = &[
    "head", "script", "style", "template", "noscript", "svg", "title", "iframe", "object",
    "select", "datalist",
];

/// Elements that stand apart as paragraphs.
const PARAGRAPH: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "ul",
    "ol",
    "dl",
    "table",
    "blockquote",
    "pre",
    "figure",
    "hr",
    "form",
    "fieldset",
    "address",
    "details",
    "body",
    "html",
];

/// Elements that start a new line.
const LINE: &[&str] = &[
    "div",
    "li",
    "dt",
    "dd",
    "tr",
    "br",
    "caption",
    "summary",
    "figcaption",
    "legend",
    "option",
    "thead",
    "tbody",
    "tfoot",
];

/// The visible text of an HTML document.
pub(crate) fn extract(html: &str) -> String {
    let mut out = TextBuilder::default();
    let mut rest = html;
    let mut pre = 0usize;
    // While inside an element left out: its name and how many of it are open.
    let mut hidden: Option<(String, usize)> = None;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if hidden.is_none() {
                text(&mut out, rest, pre > 0);
            }
            break;
        };
        if hidden.is_none() {
            text(&mut out, &rest[..lt], pre > 0);
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            if let (Some(directive), None) = (super::markdown::directive(rest), &hidden) {
                out.line();
                out.text(directive);
                out.line();
            }
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        let Some(tag) = parse_tag(rest) else {
            // A lone `<`: text.
            if hidden.is_none() {
                out.text("<");
            }
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.length..];
        if let Some((name, open)) = hidden.as_mut() {
            if tag.name == *name && !tag.self_closing {
                if tag.closing {
                    *open -= 1;
                } else {
                    *open += 1;
                }
            }
            // `head` ends where `body` starts, closed or not.
            let body_starts = name == "head" && tag.name == "body" && !tag.closing;
            if *open == 0 || body_starts {
                hidden = None;
            }
            continue;
        }
        let invisible = INVISIBLE.contains(&tag.name.as_str()) || tag.hidden;
        if invisible && !tag.closing && !tag.self_closing && !is_void(&tag.name) {
            if matches!(tag.name.as_str(), "script" | "style" | "title" | "textarea") {
                // Raw text: everything up to the closing tag.
                rest = skip_raw_text(rest, &tag.name);
            } else {
                hidden = Some((tag.name, 1));
            }
            continue;
        }
        let name = tag.name.as_str();
        if name == "pre" {
            pre = if tag.closing {
                pre.saturating_sub(1)
            } else {
                pre + 1
            };
        }
        if PARAGRAPH.contains(&name) {
            out.paragraph();
        } else if LINE.contains(&name) {
            out.line();
        } else if matches!(name, "td" | "th") {
            out.cell();
        } else if matches!(name, "img" | "input" | "wbr") {
            // No text; an image between words still parts them.
            if name == "img" {
                out.space();
            }
        }
    }
    out.finish()
}

/// Appends text with entities decoded; in `pre`, line breaks are kept.
fn text(out: &mut TextBuilder, raw: &str, preformatted: bool) {
    if raw.is_empty() {
        return;
    }
    let decoded = decode_entities(raw);
    if preformatted {
        out.preformatted(&decoded);
    } else {
        out.text(&decoded);
    }
}

/// Skips raw text up to and past `</name` (in any case).
fn skip_raw_text<'a>(rest: &'a str, name: &str) -> &'a str {
    let bytes = rest.as_bytes();
    for at in memchr::memmem::find_iter(bytes, b"</") {
        let candidate = &bytes[at + 2..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            let after = &rest[at..];
            return after.find('>').map_or("", |end| &after[end + 1..]);
        }
    }
    ""
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// A tag as read.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    /// It has `hidden`, or an inline style that hides it.
    hidden: bool,
    /// Its length in bytes, `<` to `>`.
    length: usize,
}

/// Reads the tag at the start of `input` (which starts with `<`); `None` when
/// no tag starts there.
fn parse_tag(input: &str) -> Option<Tag> {
    let bytes = input.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_start = i;
    while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>') {
        i += 1;
    }
    let name = input[name_start..i].to_ascii_lowercase();
    let attributes_start = i;
    // The end: the first `>` outside quotes.
    let mut quote = None;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            (None, b'>') => break,
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        i += 1;
    }
    let attributes = &input[attributes_start..i.min(input.len())];
    let self_closing = attributes.trim_end().ends_with('/');
    let lower = attributes.to_ascii_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let hidden = has_attribute(&lower, "hidden")
        || compact.contains("display:none")
        || compact.contains("visibility:hidden");
    Some(Tag {
        name,
        closing,
        self_closing,
        hidden,
        length: (i + 1).min(input.len()),
    })
}

/// True when a bare or valued attribute `name` is present (outside quotes).
fn has_attribute(attributes: &str, name: &str) -> bool {
    let mut quote = None;
    let mut word = String::new();
    for c in attributes.chars().chain(std::iter::once(' ')) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, c) if c.is_alphanumeric() || c == '-' => word.push(c),
            (None, _) => {
                if word == name {
                    return true;
                }
                word.clear();
            }
        }
    }
    false
}

/// Decodes `&name;`, `&#N;` and `&#xH;` (numeric references in 128..=159 are
/// read as Windows-1252, as browsers do). Unknown references stay as written.
pub(crate) fn decode_entities(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |i| i + 1);
        let name = &rest[1..end];
        let with_semicolon = rest[end..].starts_with(';');
        let decoded = if let Some(number) = name.strip_prefix('#') {
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse::<u32>().ok(),
            };
            value.map(|value| match u8::try_from(value) {
                Ok(byte @ 0x80..=0x9F) => windows_1252_char(byte)
                    .unwrap_or(char::REPLACEMENT_CHARACTER)
                    .to_string(),
                _ => char::from_u32(value)
                    .unwrap_or(char::REPLACEMENT_CHARACTER)
                    .to_string(),
            })
        } else if with_semicolon {
            resolve_html5_entity(name).map(str::to_string)
        } else {
            // Legacy names browsers accept without a semicolon.
            match name {
                "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg" => {
                    resolve_html5_entity(name).map(str::to_string)
                }
                _ => None,
            }
        };
        match decoded {
            Some(text) => {
                out.push_str(&text);
                rest = &rest[end + usize::from(with_semicolon)..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_only() {
        let html = "<!DOCTYPE html><html><head><title>Azure</title><meta name=x content=Azure>\
            <style>p { color: red }</style><script>var a = '</p>Azure';</script>\
            <body><nav>Home</nav><h1>Backend Engineer</h1>\
            <p>We use <b>C&#43;&#43;</b>, C&num;, &quot;.NET&quot; &amp; <span>Node</span>.js.<br>Remote&nbsp;OK</p>\
            <!-- Azure --><div hidden>Azure <div>nested</div> still</div><p style=\"display: none\">Azure</p>\
            <ul><li>Kuber<b>netes</b></li><li>CI/CD &mdash; &#150; &#x2014;</li></ul>\
            <table><tr><th>Area</th><th>Skills</th></tr><tr><td>Cloud</td><td>AWS</td></tr></table>\
            <template><p>Azure</p></template><p>a < b &unknown; &amp</p></body></html>";
        assert_eq!(
            extract(html),
            "Home\n\nBackend Engineer\n\nWe use C++, C#, \".NET\" & Node.js.\nRemote OK\n\n\
             Kubernetes\nCI/CD — – —\n\nArea | Skills\nCloud | AWS\n\na < b &unknown; &"
        );
    }

    #[test]
    fn rolefit_directives_stay() {
        assert_eq!(
            extract("<p>Go and <!-- rolefit: ignore Kotlin --> Kotlin</p><!-- x -->"),
            "Go and\nrolefit: ignore Kotlin\nKotlin"
        );
    }

    #[test]
    fn raw_text_ends_at_its_closing_tag_in_any_case() {
        assert_eq!(extract("<SCRIPT>a = '<p>Azure';</Script><p>Go</p>"), "Go");
        assert_eq!(extract("<p>Go</p><style>p { }"), "Go");
    }

    #[test]
    fn head_without_end_tag_and_preformatted_text() {
        let html =
            "<html><head><title>Azure</title><body><p>Skills</p><pre>make build\n  make test</pre>";
        assert_eq!(extract(html), "Skills\n\nmake build\nmake test");
    }
}
