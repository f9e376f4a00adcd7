//! RTF: the text of the document, without its tables of fonts, colours and
//! styles, metadata (`\info`), pictures, or field instructions.
//!
//! A small tokenizer over groups and control words: `\par` and `\line` end
//! lines, `\cell` parts cells (` | `) and `\row` ends a table row, `\tab` is a
//! space, `\'hh` is a byte in the document's code page (Windows-1252 unless
//! `\ansicpg` names another one rolefit cannot map, in which case Latin-1),
//! `\uN` a Unicode character followed by `\ucN` fallback characters to skip.
//! Groups that start with `\*` and are not understood are skipped, as the
//! specification asks. Group nesting is capped at [`MAX_NESTING_DEPTH`].

use super::decode::windows_1252_char;
use super::{InputErrorKind, InputFormat, MAX_NESTING_DEPTH};

const RTF: InputFormat = InputFormat::Rtf;

/// Destinations whose content is not document text.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "fldinst",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "generator",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "xmlnstbl",
    "filetbl",
    "pgdsctbl",
    "bkmkstart",
    "bkmkend",
    "xe",
    "tc",
    "template",
    "userprops",
    "nonshppict",
    "shppict",
    "blipuid",
    "mmathPr",
    "wgrffmtfilter",
    "fchars",
    "lchars",
    "pntxta",
    "pntxtb",
    "atnid",
    "atnauthor",
    "annotation",
];

#[derive(Clone, Copy)]
struct Group {
    skip: bool,
    /// Fallback characters after `\uN`.
    unicode_skip: usize,
}

/// The text of an RTF document.
pub(crate) fn extract(bytes: &[u8]) -> Result<String, InputErrorKind> {
    if !bytes.starts_with(b"{\\rtf") {
        return Err(InputErrorKind::corrupt(
            RTF,
            "it does not start with {\\rtf",
        ));
    }
    let mut out = String::new();
    let mut stack: Vec<Group> = Vec::new();
    let mut group = Group {
        skip: false,
        unicode_skip: 1,
    };
    // Fallback characters still to skip after a `\uN`.
    let mut pending_skip = 0usize;
    let mut latin1 = false;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        match byte {
            b'{' => {
                if stack.len() >= MAX_NESTING_DEPTH {
                    return Err(InputErrorKind::too_complex(
                        RTF,
                        format!("groups nest deeper than {MAX_NESTING_DEPTH} levels"),
                    ));
                }
                stack.push(group);
                pending_skip = 0;
                i += 1;
                // `{\*\name`: an optional destination, skipped unless known.
                if bytes[i..].starts_with(b"\\*") {
                    group.skip = true;
                    i += 2;
                }
            }
            b'}' => {
                group = stack.pop().unwrap_or(group);
                pending_skip = 0;
                i += 1;
            }
            b'\\' => {
                let (token, next) = control(bytes, i + 1);
                i = next;
                match token {
                    Control::Word(word, parameter) => {
                        if pending_skip > 0 && word != "u" {
                            pending_skip -= 1;
                            continue;
                        }
                        if SKIPPED.contains(&word) {
                            group.skip = true;
                        }
                        if group.skip {
                            if word == "bin" {
                                i += usize::try_from(parameter.unwrap_or(0)).unwrap_or(0);
                            }
                            continue;
                        }
                        match word {
                            "par" | "line" | "sect" | "page" | "row" => {
                                if word == "row" {
                                    trim_cell_separator(&mut out);
                                }
                                out.push('\n');
                            }
                            "cell" | "nestcell" => out.push_str(" | "),
                            "tab" => out.push('\t'),
                            "bullet" => out.push('•'),
                            "emdash" => out.push('—'),
                            "endash" => out.push('–'),
                            "lquote" => out.push('‘'),
                            "rquote" => out.push('’'),
                            "ldblquote" => out.push('“'),
                            "rdblquote" => out.push('”'),
                            "emspace" | "enspace" | "qmspace" => out.push(' '),
                            "ansicpg" => latin1 = parameter != Some(1252),
                            "uc" => {
                                group.unicode_skip =
                                    usize::try_from(parameter.unwrap_or(1)).unwrap_or(1).min(8);
                            }
                            "u" => {
                                let code = parameter.unwrap_or(0);
                                let code = if code < 0 { code + 65536 } else { code };
                                out.push(
                                    u32::try_from(code)
                                        .ok()
                                        .and_then(char::from_u32)
                                        .unwrap_or(char::REPLACEMENT_CHARACTER),
                                );
                                pending_skip = group.unicode_skip;
                            }
                            "bin" => {
                                i += usize::try_from(parameter.unwrap_or(0)).unwrap_or(0);
                            }
                            _ => {}
                        }
                    }
                    Control::Symbol(symbol) => {
                        if pending_skip > 0 {
                            pending_skip -= 1;
                            continue;
                        }
                        if group.skip {
                            continue;
                        }
                        match symbol {
                            Symbol::Char(c) => out.push(c),
                            Symbol::Byte(b) => out.push(if latin1 {
                                char::from(b)
                            } else {
                                windows_1252_char(b).unwrap_or(char::REPLACEMENT_CHARACTER)
                            }),
                            Symbol::Break => out.push('\n'),
                            Symbol::None => {}
                        }
                    }
                }
            }
            b'\r' | b'\n' => i += 1,
            _ => {
                i += 1;
                if pending_skip > 0 {
                    pending_skip -= 1;
                    continue;
                }
                if !group.skip {
                    out.push(if byte < 0x80 {
                        char::from(byte)
                    } else {
                        windows_1252_char(byte).unwrap_or(char::REPLACEMENT_CHARACTER)
                    });
                }
            }
        }
    }
    Ok(out)
}

enum Symbol {
    Char(char),
    Byte(u8),
    Break,
    None,
}

enum Control<'a> {
    Word(&'a str, Option<i64>),
    Symbol(Symbol),
}

/// Reads the control word or symbol after a backslash at `start`; returns it
/// and where reading goes on.
fn control(bytes: &[u8], start: usize) -> (Control<'_>, usize) {
    let mut i = start;
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() && i - start < 32 {
        i += 1;
    }
    if i > start {
        let word = std::str::from_utf8(&bytes[start..i]).unwrap_or("");
        let number_start = i;
        if i < bytes.len() && bytes[i] == b'-' {
            i += 1;
        }
        while i < bytes.len() && bytes[i].is_ascii_digit() && i - number_start < 10 {
            i += 1;
        }
        let parameter = std::str::from_utf8(&bytes[number_start..i])
            .ok()
            .and_then(|n| n.parse().ok());
        if i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        return (Control::Word(word, parameter), i);
    }
    let Some(&symbol) = bytes.get(start) else {
        return (Control::Symbol(Symbol::None), start);
    };
    let next = start + 1;
    let control = match symbol {
        b'\\' | b'{' | b'}' => Symbol::Char(char::from(symbol)),
        b'~' => Symbol::Char(' '),
        b'_' => Symbol::Char('-'),
        b'\r' | b'\n' => Symbol::Break,
        b'\'' => {
            let hex = bytes
                .get(next..next + 2)
                .and_then(|h| std::str::from_utf8(h).ok());
            return match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                Some(byte) => (Control::Symbol(Symbol::Byte(byte)), next + 2),
                None => (Control::Symbol(Symbol::None), next),
            };
        }
        _ => Symbol::None,
    };
    (Control::Symbol(control), next)
}

/// Drops the ` | ` a row's last `\cell` left.
fn trim_cell_separator(out: &mut String) {
    let trimmed = out.trim_end_matches([' ', '|']).len();
    out.truncate(trimmed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_tables_and_escapes() {
        let rtf = br#"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Helvetica;}}{\colortbl;\red0\green0\blue0;}
{\info{\title Azure}{\author me}}{\*\generator Azure;}{\*\unknown Azure}
\pard\plain{\b\fs36 Alex Morgan}\par
C++, C\'23 and .NET \'96 \'80 40\par
\trowd\cellx2000\cellx9000 \intbl Cloud\cell \intbl AWS\cell\row
{\pntext\bullet\tab}Node.js \u8364?100 {\field{\*\fldinst HYPERLINK "x"}{\fldrslt link}}\par
\{braces\}\line next}"#;
        assert_eq!(
            extract(rtf).unwrap(),
            "Alex Morgan\nC++, C# and .NET – € 40\nCloud | AWS\n•\tNode.js €100 link\n{braces}\nnext"
        );
    }

    #[test]
    fn deep_groups_are_refused() {
        let mut rtf = b"{\\rtf1 ".to_vec();
        rtf.extend(std::iter::repeat_n(b'{', 10_000));
        assert_eq!(extract(&rtf).unwrap_err().code(), "too-complex");
    }
}
