//! A line cut into *atoms*: words, numbers and single marks, each with its
//! byte range in the line.
//!
//! The level signals (date ranges, stated years, titles) read the few lines
//! they look at through this one lexer, so "what is a word" has one answer
//! there: a run of letters, with a hyphen or an apostrophe (' or ’) between
//! two letters kept inside ("co-founder", "mid-level", "team’s"); a run of
//! ASCII digits is a number; any other character that is not white space is
//! a mark of its own ("–", "+", "/", "'").
//!
//! The lexer walks bytes and decodes a character only where a byte is not
//! ASCII, so a line of dashes and names costs little more than an ASCII one;
//! a test holds it to a plain character-by-character oracle.

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
}

/// True when `a` ends where `b` starts: no space between them.
pub(crate) fn touching(a: &Atom, b: &Atom) -> bool {
    a.end == b.start
}

/// The value of `word` in `table`, a table of lowercase words sorted by word:
/// a binary search that compares the first bytes inline, where most
/// comparisons end.
pub(crate) fn find<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    let first = *word.as_bytes().first()?;
    table
        .binary_search_by(|(entry, _)| {
            let head = entry.as_bytes().first().copied().unwrap_or(0);
            head.cmp(&first).then_with(|| (*entry).cmp(word))
        })
        .ok()
        .map(|i| table[i].1)
}

/// True when `word` is in `words`, lowercase and sorted (as [`find`]).
pub(crate) fn listed(words: &[&str], word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    words
        .binary_search_by(|entry| {
            let head = entry.as_bytes().first().copied().unwrap_or(0);
            head.cmp(&first).then_with(|| (*entry).cmp(word))
        })
        .is_ok()
}

/// The character starting at byte `i` of `line` (a character boundary), and
/// its length.
fn char_at(line: &str, i: usize) -> Option<(char, usize)> {
    let c = line.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// The atoms of `line`, in order.
pub(crate) fn atoms(line: &str) -> Vec<Atom> {
    let bytes = line.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 4 + 2);
    // A letter at `i`, and its length.
    let letter = |i: usize| -> Option<usize> {
        let b = *bytes.get(i)?;
        if b.is_ascii_alphabetic() {
            Some(1)
        } else if b < 0x80 {
            None
        } else {
            char_at(line, i)
                .filter(|(c, _)| c.is_alphabetic())
                .map(|(_, n)| n)
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, width) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            match char_at(line, i) {
                Some(found) => found,
                None => break,
            }
        };
        if c.is_whitespace() {
            i += width;
            continue;
        }
        let start = i;
        i += width;
        let kind = if c.is_ascii_digit() {
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            AtomKind::Number
        } else if c.is_alphabetic() {
            loop {
                while let Some(n) = letter(i) {
                    i += n;
                }
                // A hyphen or an apostrophe between two letters stays inside.
                let joiner = match bytes.get(i) {
                    Some(b'-' | b'\'') => 1,
                    Some(0xE2) if bytes.get(i..i + 3) == Some("\u{2019}".as_bytes()) => 3,
                    _ => 0,
                };
                if joiner > 0 && letter(i + joiner).is_some() {
                    i += joiner;
                    continue;
                }
                break;
            }
            AtomKind::Word
        } else {
            AtomKind::Mark(c)
        };
        out.push(Atom {
            kind,
            start,
            end: i,
        });
    }
    out
}

/// A line's atoms, with its words readable in lowercase for lookups in the
/// lowercase tables of the level signals.
///
/// Only ASCII letters are lowercased, so offsets stay those of the line: the
/// tables are ASCII, and a word with another letter matches none of them
/// whatever its case.
pub(crate) struct Reader<'a> {
    pub line: &'a str,
    pub atoms: Vec<Atom>,
    /// The line, ASCII-lowercased; the line itself when it has no capital.
    lower: std::borrow::Cow<'a, str>,
}

impl<'a> Reader<'a> {
    pub fn new(line: &'a str) -> Self {
        use std::borrow::Cow;
        let lower = if line.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(line.to_ascii_lowercase())
        } else {
            Cow::Borrowed(line)
        };
        Reader {
            line,
            atoms: atoms(line),
            lower,
        }
    }

    /// The lowercase word at `i`, if a word is there.
    pub fn word(&self, i: usize) -> Option<&str> {
        let atom = self.atoms.get(i)?;
        if atom.kind != AtomKind::Word {
            return None;
        }
        self.lower.get(atom.start..atom.end)
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

    /// The module docs' rule, character by character: the oracle.
    fn oracle(line: &str) -> Vec<Atom> {
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
            let end = match kind {
                AtomKind::Mark(_) => start + c.len_utf8(),
                _ => chars.peek().map_or(line.len(), |&(i, _)| i),
            };
            out.push(Atom { kind, start, end });
        }
        out
    }

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
        let reader = Reader::new(line);
        assert_eq!(reader.word(0), Some("co-founder"));
        assert_eq!(reader.word(2), Some("cto"));
        assert_eq!(reader.word(1), None);
        assert_eq!(reader.mark(1), Some('&'));
        assert_eq!(all[6].number(line, 2), Some(21));
        assert_eq!(all[6].number(line, 1), None);
        assert!(touching(&all[6], &all[7]) && !touching(&all[4], &all[5]));
    }

    #[test]
    fn the_lexer_cuts_like_the_oracle() {
        for line in [
            "Co-founder & CTO, Sep '21–Mar ’23 (team’s 8+ yrs)\u{b}2019- now -x",
            "  Sr. Engineer II -- a-b 'c' d'- e-' 03/2018",
            "Zoë Ramírez-Okafor · Ó’Briain — Команда из пяти; 東京 ’x ’ y’",
            "\u{a0}non\u{a0}breaking\u{2003}spaces\u{2028}end",
            "",
            "x",
            "é",
        ] {
            assert_eq!(atoms(line), oracle(line), "{line:?}");
        }
    }

    #[test]
    fn only_ascii_letters_are_lowercased() {
        let line = "ÉCOLE Senior TEAM’S";
        let reader = Reader::new(line);
        assert_eq!(reader.word(0), Some("École"));
        assert_eq!(reader.word(1), Some("senior"));
        assert_eq!(reader.word(2), Some("team’s"));
    }

    #[test]
    fn lookups_find_every_entry_and_nothing_else() {
        let table = [("", 0), ("a", 1), ("ab", 2), ("b", 3), ("ba", 4), ("zz", 5)];
        for (word, value) in table {
            assert_eq!(find(&table, word), (!word.is_empty()).then_some(value));
        }
        for word in ["", "aa", "abc", "c", "z", "zzz"] {
            assert_eq!(find(&table, word), None, "{word:?}");
        }
        let words = ["and", "at", "to"];
        assert!(words.iter().all(|w| listed(&words, w)));
        assert!(!listed(&words, "a") && !listed(&words, "") && !listed(&words, "too"));
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
