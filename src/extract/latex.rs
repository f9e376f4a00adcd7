//! LaTeX: the document body with commands stripped.
//!
//! Not a TeX engine: comments go (but for `% rolefit: ignore TERM`
//! directives, kept as text), the preamble goes (everything before
//! `\begin{document}`), sectioning commands become paragraphs, `\item` and
//! `\\` start lines, `&` in tables parts cells, formatting commands leave their
//! argument (`\textbf{C++}` is `C++`), commands that hold no text drop their
//! arguments (`\label`, `\includegraphics`, the URL of `\href`), and escaped
//! characters are themselves (`C\#` is `C#`). Braces nest at most
//! [`MAX_NESTING_DEPTH`] deep.

use std::collections::HashMap;

use super::{InputErrorKind, InputFormat, MAX_NESTING_DEPTH};

const LATEX: InputFormat = InputFormat::Latex;

/// The longest optional argument (`[...]`) read as one.
const MAX_OPTIONAL: usize = 512;

/// Commands whose arguments are no text: dropped with them.
const DROPPED: &[&str] = &[
    "label",
    "ref",
    "pageref",
    "eqref",
    "cite",
    "citep",
    "citet",
    "nocite",
    "vspace",
    "hspace",
    "includegraphics",
    "usepackage",
    "documentclass",
    "newcommand",
    "renewcommand",
    "providecommand",
    "newenvironment",
    "renewenvironment",
    "setlength",
    "addtolength",
    "pagestyle",
    "thispagestyle",
    "bibliographystyle",
    "bibliography",
    "input",
    "include",
    "geometry",
    "hypersetup",
    "definecolor",
    "color",
    "setcounter",
    "addtocounter",
    "fontsize",
    "linespread",
    "titleformat",
    "titlespacing",
    "pagenumbering",
    "raisebox",
    "rule",
    "phantom",
    "hfill",
    "vfill",
    "newline",
    "linebreak",
    "def",
];

/// Commands that start a paragraph and keep their argument.
const SECTIONS: &[&str] = &[
    "part",
    "chapter",
    "section",
    "subsection",
    "subsubsection",
    "paragraph",
    "subparagraph",
    "title",
    "author",
    "date",
    "cvsection",
    "cvsubsection",
];

/// Commands that print a word.
const WORDS: &[(&str, &str)] = &[
    ("LaTeX", "LaTeX"),
    ("TeX", "TeX"),
    ("euro", "€"),
    ("texteuro", "€"),
    ("ldots", "..."),
    ("dots", "..."),
    ("textbackslash", "\\"),
    ("textbar", "|"),
    ("textbullet", "•"),
    ("textendash", "–"),
    ("textemdash", "—"),
    ("textasciitilde", "~"),
    ("copyright", "©"),
    ("ss", "ß"),
];

/// The text of a LaTeX document.
pub(crate) fn extract(source: &str) -> Result<String, InputErrorKind> {
    let source = strip_comments(source);
    let body = match source.find("\\begin{document}") {
        Some(start) => {
            let body = &source[start + "\\begin{document}".len()..];
            body.find("\\end{document}")
                .map_or(body, |end| &body[..end])
        }
        None => &source,
    };
    let mut out = String::with_capacity(body.len());
    let chars: Vec<char> = body.chars().collect();
    let braces = match_braces(&chars)?;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let start = i + 1;
                let mut end = start;
                while end < chars.len() && chars[end].is_ascii_alphabetic() {
                    end += 1;
                }
                if end == start {
                    // A control symbol.
                    match chars.get(start) {
                        Some('\\') => {
                            out.push('\n');
                            i = skip_optional(&chars, start + 1)?;
                            // The source's own line break after `\\` is no second one.
                            i = skip_spaces(&chars, i);
                            if chars.get(i) == Some(&'\n') {
                                i += 1;
                            }
                        }
                        Some(&symbol) => {
                            match symbol {
                                '&' | '%' | '#' | '_' | '$' | '{' | '}' => out.push(symbol),
                                ' ' | ',' | ';' | ':' | '!' => out.push(' '),
                                _ => {}
                            }
                            i = start + 1;
                        }
                        None => i = start,
                    }
                    continue;
                }
                let name: String = chars[start..end].iter().collect();
                let star = chars.get(end) == Some(&'*');
                let mut next = if star { end + 1 } else { end };
                match name.as_str() {
                    "begin" | "end" => {
                        let (environment, after) = argument(&chars, &braces, next)?;
                        next = after;
                        out.push_str("\n\n");
                        if name == "begin"
                            && matches!(
                                environment.as_str(),
                                "tabular" | "tabularx" | "longtable" | "tabu"
                            )
                        {
                            next = skip_optional(&chars, next)?;
                            if environment == "tabularx" {
                                next = argument(&chars, &braces, next)?.1;
                            }
                            next = argument(&chars, &braces, next)?.1;
                        }
                    }
                    "item" => {
                        let kept = out.trim_end_matches([' ', '\t']).len();
                        out.truncate(kept);
                        out.push_str(if out.ends_with('\n') { "- " } else { "\n- " });
                        let after = skip_spaces(&chars, next);
                        if chars.get(after) == Some(&'[') {
                            let (label, after) = optional(&chars, after)?;
                            out.push_str(&extract(&label)?);
                            out.push(' ');
                            next = after;
                        }
                    }
                    "par" => out.push_str("\n\n"),
                    "href" => {
                        next = argument(&chars, &braces, next)?.1;
                    }
                    "url" => {
                        let (url, after) = argument(&chars, &braces, next)?;
                        out.push_str(&url);
                        next = after;
                    }
                    "hline" | "toprule" | "midrule" | "bottomrule" | "cline" | "noindent"
                    | "centering" | "maketitle" => {
                        if name == "cline" {
                            next = argument(&chars, &braces, next)?.1;
                        }
                    }
                    name if SECTIONS.contains(&name) => {
                        out.push_str("\n\n");
                        next = skip_optional(&chars, next)?;
                        let (title, after) = argument(&chars, &braces, next)?;
                        out.push_str(&extract(&title)?);
                        out.push_str("\n\n");
                        next = after;
                    }
                    name if DROPPED.contains(&name) => {
                        next = skip_optional(&chars, next)?;
                        while chars.get(skip_spaces(&chars, next)) == Some(&'{') {
                            next = argument(&chars, &braces, skip_spaces(&chars, next))?.1;
                            next = skip_optional(&chars, next)?;
                        }
                        if name == "newcommand" || name == "def" {
                            // `\newcommand\x` or `\def\x`: the macro name.
                            let after = skip_spaces(&chars, next);
                            if chars.get(after) == Some(&'\\') {
                                next = after + 1;
                                while chars.get(next).is_some_and(char::is_ascii_alphabetic) {
                                    next += 1;
                                }
                            }
                        }
                    }
                    name => {
                        if let Some((_, word)) = WORDS.iter().find(|(command, _)| *command == name)
                        {
                            out.push_str(word);
                        }
                        // Anything else: the command goes, its arguments stay
                        // as text (braces are transparent).
                    }
                }
                // A control word eats the spaces after it.
                i = skip_spaces(&chars, next);
            }
            '{' => i += 1,
            '}' => {
                i += 1;
                // `\cmd{a}{b}`: the arguments of an unknown command stay words.
                if chars.get(i) == Some(&'{') {
                    out.push(' ');
                }
            }
            '&' => {
                out.push_str(" | ");
                i += 1;
            }
            '~' => {
                out.push(' ');
                i += 1;
            }
            '$' => i += 1,
            '-' if chars.get(i + 1) == Some(&'-') => {
                let dashes = if chars.get(i + 2) == Some(&'-') { 3 } else { 2 };
                out.push(if dashes == 3 { '—' } else { '–' });
                i += dashes;
            }
            '`' if chars.get(i + 1) == Some(&'`') => {
                out.push('“');
                i += 2;
            }
            '\'' if chars.get(i + 1) == Some(&'\'') => {
                out.push('”');
                i += 2;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    // Spaces the commands left: one between words, none at line ends.
    let lines: Vec<String> = out
        .split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    Ok(lines.join("\n"))
}

fn too_deep() -> InputErrorKind {
    InputErrorKind::too_complex(
        LATEX,
        format!("braces nest deeper than {MAX_NESTING_DEPTH} levels"),
    )
}

/// The source without `%` comments (an escaped `\%` stays).
fn strip_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.split_inclusive('\n') {
        let mut escaped = false;
        let mut cut = None;
        for (at, c) in line.char_indices() {
            match c {
                '\\' => escaped = !escaped,
                '%' if !escaped => {
                    cut = Some(at);
                    break;
                }
                _ => escaped = false,
            }
        }
        match cut {
            // A `% rolefit: ignore TERM` directive stays, as text.
            Some(at) if line[at + 1..].trim_start().starts_with("rolefit:") => {
                out.push_str(&line[..at]);
                out.push_str(&line[at + 1..]);
            }
            Some(at) => {
                out.push_str(&line[..at]);
                if line.ends_with('\n') {
                    out.push('\n');
                }
            }
            None => out.push_str(line),
        }
    }
    out
}

fn skip_spaces(chars: &[char], mut at: usize) -> usize {
    while chars.get(at).is_some_and(|c| *c == ' ' || *c == '\t') {
        at += 1;
    }
    at
}

/// Where each `{` closes (an unclosed one: at the end), found in one pass so
/// that reading arguments stays linear. Fails past [`MAX_NESTING_DEPTH`].
fn match_braces(chars: &[char]) -> Result<HashMap<usize, usize>, InputErrorKind> {
    let mut closing = HashMap::new();
    let mut open = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '{' => {
                open.push(i);
                if open.len() > MAX_NESTING_DEPTH {
                    return Err(too_deep());
                }
            }
            '}' => {
                if let Some(start) = open.pop() {
                    closing.insert(start, i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    for start in open {
        closing.insert(start, chars.len());
    }
    Ok(closing)
}

/// The brace group at `at` (after spaces): its content and where it ends. No
/// group: an empty argument.
fn argument(
    chars: &[char],
    braces: &HashMap<usize, usize>,
    at: usize,
) -> Result<(String, usize), InputErrorKind> {
    let at = skip_spaces(chars, at);
    if chars.get(at) != Some(&'{') {
        return Ok((String::new(), at));
    }
    let end = braces
        .get(&at)
        .copied()
        .unwrap_or(chars.len())
        .min(chars.len());
    Ok((
        chars[at + 1..end].iter().collect(),
        (end + 1).min(chars.len()),
    ))
}

/// An optional `[...]` argument at `at`: its content and where it ends. One
/// not closed within [`MAX_OPTIONAL`] characters is no argument but text.
fn optional(chars: &[char], at: usize) -> Result<(String, usize), InputErrorKind> {
    let at = skip_spaces(chars, at);
    if chars.get(at) != Some(&'[') {
        return Ok((String::new(), at));
    }
    let window = &chars[..chars.len().min(at + MAX_OPTIONAL)];
    let mut depth = 0usize;
    let mut i = at;
    while i < window.len() {
        match window[i] {
            '\\' => i += 1,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Ok((window[at + 1..i].iter().collect(), i + 1));
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok((String::new(), at))
}

fn skip_optional(chars: &[char], at: usize) -> Result<usize, InputErrorKind> {
    Ok(optional(chars, at)?.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_go_and_text_stays() {
        let source = r"% Azure in a comment
\documentclass[11pt]{article}
\usepackage{hyperref}
\newcommand{\role}[2]{\textbf{#1} \hfill #2}
\begin{document}
{\LARGE \textbf{Alex Morgan}}\\
Lisbon $|$ \href{https://github.com/alex}{github.com/alex} 50\% more
\section*{Skills}
\begin{tabular}{ll}
\textbf{Languages} & C\texttt{++}, C\#, .NET, Node.js \\
\textbf{Cloud} & CI/CD, auto-scaling \\
\end{tabular}
\begin{itemize}
  \item Built \emph{REST} APIs % Azure
  \item[--] Saved \euro{}40 ``fast''
\end{itemize}
\end{document}
Azure after the end";
        let text = super::super::text::tidy(&extract(source).unwrap());
        assert_eq!(
            text,
            "Alex Morgan\nLisbon | github.com/alex 50% more\n\nSkills\n\n\
             Languages | C++, C#, .NET, Node.js\nCloud | CI/CD, auto-scaling\n\n\
             - Built REST APIs\n- – Saved €40 “fast”"
        );
    }

    #[test]
    fn unclosed_groups_end_at_the_end() {
        let text =
            super::super::text::tidy(&extract("\\textbf{C++} and \\section{Skills [Go").unwrap());
        assert_eq!(text, "C++ and\n\nSkills [Go");
        // Many unclosed arguments stay linear: one pass finds every brace.
        let many = "\\emph{x ".repeat(200);
        assert!(extract(&many).is_ok());
    }

    #[test]
    fn rolefit_directives_stay() {
        let text = extract("Go and Kotlin % a comment\n% rolefit: ignore Kotlin\n").unwrap();
        assert_eq!(
            text,
            "Go and Kotlin\n rolefit: ignore Kotlin\n".replace("\n ", "\n")
        );
    }

    #[test]
    fn deep_braces_are_refused() {
        let source = "{".repeat(1000);
        assert_eq!(extract(&source).unwrap_err().code(), "too-complex");
    }
}
