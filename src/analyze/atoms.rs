//! A line cut into *atoms*: words, numbers and single marks, each with its
//! byte range in the line.
//!
//! The level signals (date ranges, stated years, titles) read the few lines
//! they look at through this one lexer, so "what is a word" has one answer
//! there: a run of letters, with a hyphen or an apostrophe inside it kept
//! ("co-founder", "mid-level", "team's"); a run of ASCII digits is a number;
//! any other character that is not white space is a mark of its own ("–",
//! "+", "/", "'"). Nothing is lowercased or copied.

/// What an atom is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AtomKind {
    Word,
    Number,
    Mark(char),
}

/// One atom of a line: its kind and byte range in the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Atom {
    pub kind: AtomKind,
    pub start: usize,
    pub end: usize,
}

impl Atom {
    /// The atom's text in `line`.
    pub fn text<'a>(&self, line: &'a str) -> &'a str {
        &line[self.start..self.end]
    }

    /// The value of a number atom of at most `digits` digits.
    pub fn number(&self, line: &str, digits: usize) -> Option<u32> {
        let text = self.text(line);
        (self.kind == AtomKind::Number && text.len() <= digits)
            .then(|| text.parse().ok())
            .flatten()
    }

    /// The word's text lowercased into `buf` (typographic apostrophes made
    /// ASCII), for a lookup in a lowercase table.
    pub fn lower_into<'b>(&self, line: &str, buf: &'b mut String) -> &'b str {
        buf.clear();
        for c in self.text(line).chars() {
            match c {
                '\u{2019}' => buf.push('\''),
                _ => buf.extend(c.to_lowercase()),
            }
        }
        buf
    }
}

/// True when `a` ends where `b` starts: no space between them.
pub(crate) fn touching(a: &Atom, b: &Atom) -> bool {
    a.end == b.start
}

/// The atoms of `line`, in order.
pub(crate) fn atoms(line: &str) -> Vec<Atom> {
    let mut out = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_ascii_digit() {
            while chars.next_if(|&(_, d)| d.is_ascii_digit()).is_some() {}
            AtomKind::Number
        } else if c.is_alphabetic() {
            loop {
                if chars.next_if(|&(_, d)| d.is_alphabetic()).is_some() {
                    continue;
                }
                // A hyphen or an apostrophe between two letters stays inside.
                let joins = |d: char| matches!(d, '-' | '\'' | '\u{2019}');
                let mut ahead = chars.clone();
                match (ahead.next(), ahead.next()) {
                    (Some((_, j)), Some((_, l))) if joins(j) && l.is_alphabetic() => {
                        chars.next();
                    }
                    _ => break,
                }
            }
            AtomKind::Word
        } else {
            AtomKind::Mark(c)
        };
        let end = chars.peek().map_or(line.len(), |&(i, _)| i);
        // A mark ends right after its own character.
        let end = if matches!(kind, AtomKind::Mark(_)) {
            start + c.len_utf8()
        } else {
            end
        };
        out.push(Atom { kind, start, end });
    }
    out
}

/// A line's atoms with their words lowercased, for lookups in the lowercase
/// tables of the level signals.
pub(crate) struct Reader<'a> {
    pub line: &'a str,
    pub atoms: Vec<Atom>,
    lower: Vec<String>,
}

impl<'a> Reader<'a> {
    pub fn new(line: &'a str) -> Self {
        let atoms = atoms(line);
        let mut buf = String::new();
        let lower = atoms
            .iter()
            .map(|a| match a.kind {
                AtomKind::Word => a.lower_into(line, &mut buf).to_string(),
                _ => String::new(),
            })
            .collect();
        Reader { line, atoms, lower }
    }

    /// The lowercase word at `i`, if a word is there.
    pub fn word(&self, i: usize) -> Option<&str> {
        let atom = self.atoms.get(i)?;
        (atom.kind == AtomKind::Word).then(|| self.lower[i].as_str())
    }

    /// The mark at `i`, if a mark is there.
    pub fn mark(&self, i: usize) -> Option<char> {
        match self.atoms.get(i)?.kind {
            AtomKind::Mark(c) => Some(c),
            _ => None,
        }
    }

    /// True when atoms `a` and `b` both exist and touch.
    pub fn touch(&self, a: usize, b: usize) -> bool {
        match (self.atoms.get(a), self.atoms.get(b)) {
            (Some(x), Some(y)) => touching(x, y),
            _ => false,
        }
    }

    /// Bytes in the line from atom `first` to the end of atom `next - 1`.
    pub fn span(&self, first: usize, next: usize) -> std::ops::Range<usize> {
        self.atoms[first].start..self.atoms[next - 1].end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_marks() {
        let line = "Co-founder & CTO, Sep '21–Mar ’23 (team’s 8+ yrs)";
        let texts: Vec<&str> = atoms(line).iter().map(|a| a.text(line)).collect();
        assert_eq!(
            texts,
            [
                "Co-founder",
                "&",
                "CTO",
                ",",
                "Sep",
                "'",
                "21",
                "–",
                "Mar",
                "’",
                "23",
                "(",
                "team’s",
                "8",
                "+",
                "yrs",
                ")"
            ]
        );
        let all = atoms(line);
        assert_eq!(Reader::new(line).word(0), Some("co-founder"));
        assert_eq!(all[6].number(line, 2), Some(21));
        assert_eq!(all[6].number(line, 1), None);
        assert!(touching(&all[6], &all[7]) && !touching(&all[4], &all[5]));
        let mut buf = String::new();
        assert_eq!(all[12].lower_into(line, &mut buf), "team's");
    }

    #[test]
    fn a_trailing_hyphen_is_a_mark() {
        let line = "2019- now -x";
        let kinds: Vec<AtomKind> = atoms(line).iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            [
                AtomKind::Number,
                AtomKind::Mark('-'),
                AtomKind::Word,
                AtomKind::Mark('-'),
                AtomKind::Word
            ]
        );
    }
}
