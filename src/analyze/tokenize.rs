//! Word segmentation with byte offsets, lines and phrase breaks.
//!
//! Text is cut at ASCII white space into chunks. A chunk of ASCII goes through a
//! byte scanner that follows the Unicode word-boundary rules (UAX #29) as they
//! apply to ASCII: letters, digits and `_` join; `.` and `'` join two letters
//! (`e.g`, `don't`); `.`, `,` and `'` join two digits (`3.14`, `1,000`). A chunk
//! with any other character goes to `unicode-segmentation`. One deliberate
//! difference from UAX #29: a colon always separates words ("Skills:Go").
//!
//! Phrase breaks: a blank line, or any of `. ! ? , ; : ( ) [ ] { } |` (and the
//! em dash and ellipsis) between two words, stops a phrase from matching across.
//! Line breaks, bullets, hyphens, slashes and extra spaces do not.

use unicode_segmentation::UnicodeSegmentation;

/// One word of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte offset of the word in the text.
    pub start: usize,
    /// 1-based line number.
    pub line: u32,
    /// A phrase cannot run from the previous word into this one.
    pub break_before: bool,
}

impl Word<'_> {
    /// Byte offset just past the word.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Calls `visit` for every word of `text`, in order.
pub fn for_each_word<'a>(text: &'a str, mut visit: impl FnMut(Word<'a>)) {
    let bytes = text.as_bytes();
    let mut position = 0;
    let mut line = 1u32;
    let mut pending_break = true;
    while position < bytes.len() {
        let mut newlines = 0;
        while position < bytes.len() {
            let class = CLASS[usize::from(bytes[position])];
            if class & SPACE == 0 {
                break;
            }
            newlines += u32::from(class & NEWLINE != 0);
            position += 1;
        }
        line += newlines;
        if newlines >= 2 {
            pending_break = true;
        }
        let chunk_start = position;
        // One pass finds the chunk's end and tells what it holds: `any` has a
        // flag if some byte has it, `all` if every byte has it.
        let (mut any, mut all) = (0u8, WORD);
        while position < bytes.len() {
            let class = CLASS[usize::from(bytes[position])];
            if class & SPACE != 0 {
                break;
            }
            any |= class;
            all &= class;
            position += 1;
        }
        if chunk_start == position {
            break;
        }
        // ASCII white space never sits inside a UTF-8 sequence, so these are char boundaries.
        let chunk = &text[chunk_start..position];
        let mut scanner = ChunkScanner {
            offset: chunk_start,
            line,
            pending_break: &mut pending_break,
            visit: &mut visit,
        };
        if all & WORD != 0 {
            // Letters, digits and `_` only (most chunks): the chunk is one word.
            scanner.emit(chunk, 0);
        } else if any & NON_ASCII == 0 {
            scanner.scan_ascii(chunk);
        } else {
            scanner.scan_unicode(chunk);
        }
    }
}

/// Byte classes, as bit flags in [`CLASS`].
const SPACE: u8 = 1;
const NEWLINE: u8 = 2;
const WORD: u8 = 4;
const BREAK: u8 = 8;
const NON_ASCII: u8 = 16;

/// The class of every byte: one table lookup instead of a chain of comparisons.
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut index = 0;
    while index < 256 {
        let byte = index as u8;
        let mut class = 0;
        if byte.is_ascii_whitespace() {
            class |= SPACE;
        }
        if byte == b'\n' {
            class |= NEWLINE;
        }
        if is_word_byte(byte) {
            class |= WORD;
        }
        if is_break_byte(byte) {
            class |= BREAK;
        }
        if !byte.is_ascii() {
            class |= NON_ASCII;
        }
        table[index] = class;
        index += 1;
    }
    table
};

struct ChunkScanner<'s, F> {
    offset: usize,
    line: u32,
    pending_break: &'s mut bool,
    visit: &'s mut F,
}

impl<'a, F: FnMut(Word<'a>)> ChunkScanner<'_, F> {
    fn emit(&mut self, text: &'a str, start_in_chunk: usize) {
        (self.visit)(Word {
            text,
            start: self.offset + start_in_chunk,
            line: self.line,
            break_before: *self.pending_break,
        });
        *self.pending_break = false;
    }

    fn scan_ascii(&mut self, chunk: &'a str) {
        let bytes = chunk.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let class = CLASS[usize::from(bytes[i])];
            if class & WORD == 0 {
                if class & BREAK != 0 {
                    *self.pending_break = true;
                }
                i += 1;
                continue;
            }
            let start = i;
            loop {
                while i < bytes.len() && CLASS[usize::from(bytes[i])] & WORD != 0 {
                    i += 1;
                }
                if i + 1 < bytes.len() && joins(bytes[i - 1], bytes[i], bytes[i + 1]) {
                    i += 2;
                } else {
                    break;
                }
            }
            self.emit(&chunk[start..i], start);
        }
    }

    fn scan_unicode(&mut self, chunk: &'a str) {
        if !chunk.chars().any(char::is_alphanumeric) {
            // No letter or digit (a dash, a bullet, an emoji): no word, as
            // `unicode_word_indices` keeps only segments with one; at most a break.
            if chunk.chars().any(is_break_char) {
                *self.pending_break = true;
            }
            return;
        }
        if !self.scan_latin(chunk) {
            self.scan_segmented(chunk);
        }
    }

    /// The fast path for the non-ASCII text most resumes hold: accented Latin
    /// letters, typographic quotes, dashes, bullets. For a chunk of at most
    /// [`LATIN_CHUNK`] characters, all of them known to [`latin_class`], it
    /// applies the UAX #29 rules those characters can meet (WB5 to WB13b) and
    /// returns true; otherwise it returns false having emitted nothing. The
    /// words and breaks are those of [`ChunkScanner::scan_segmented`]
    /// (tested on random chunks below).
    fn scan_latin(&mut self, chunk: &'a str) -> bool {
        let mut chars = [(0usize, Class::Other, false); LATIN_CHUNK];
        let mut count = 0;
        for (offset, c) in chunk.char_indices() {
            let Some(class) = latin_class(c) else {
                return false;
            };
            let Some(slot) = chars.get_mut(count) else {
                return false;
            };
            *slot = (offset, class, is_break_char(c));
            count += 1;
        }
        let chars = &chars[..count];
        let end_of = |index: usize| chars.get(index).map_or(chunk.len(), |c| c.0);
        let mut i = 0;
        while i < chars.len() {
            let (_, class, breaks) = chars[i];
            if !class.is_word() {
                if breaks {
                    *self.pending_break = true;
                }
                i += 1;
                continue;
            }
            let start = i;
            loop {
                while i < chars.len() && chars[i].1.is_word() {
                    i += 1;
                }
                if i + 1 < chars.len() && Class::joins(chars[i - 1].1, chars[i].1, chars[i + 1].1) {
                    i += 2;
                } else {
                    break;
                }
            }
            // UAX #29 keeps only segments with a letter or digit ("__" is none).
            if chars[start..i]
                .iter()
                .any(|c| matches!(c.1, Class::Letter | Class::Digit))
            {
                self.emit(&chunk[chars[start].0..end_of(i)], chars[start].0);
            }
        }
        true
    }

    /// Any other chunk: `unicode-segmentation`'s UAX #29 words, cut at colons.
    fn scan_segmented(&mut self, chunk: &'a str) {
        let mut gap_start = 0;
        for (start, word) in chunk.unicode_word_indices() {
            if chunk[gap_start..start].chars().any(is_break_char) {
                *self.pending_break = true;
            }
            let mut piece_start = start;
            for piece in word.split(':') {
                if piece_start > start {
                    *self.pending_break = true;
                }
                if !piece.is_empty() {
                    self.emit(piece, piece_start);
                }
                piece_start += piece.len() + 1;
            }
            gap_start = start + word.len();
        }
        if chunk[gap_start..].chars().any(is_break_char) {
            *self.pending_break = true;
        }
    }
}

/// The longest chunk, in characters, that [`ChunkScanner::scan_latin`] takes.
const LATIN_CHUNK: usize = 48;

/// UAX #29 word-break classes, for the characters of [`latin_class`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter.
    Letter,
    /// Numeric.
    Digit,
    /// ExtendNumLet (`_`).
    Connector,
    /// MidLetter: joins two letters.
    MidLetter,
    /// MidNumLet and Single_Quote: join two letters or two digits.
    MidNumLet,
    /// MidNum: joins two digits.
    MidNum,
    /// Anything else: never part of a word.
    Other,
}

impl Class {
    fn is_word(self) -> bool {
        matches!(self, Class::Letter | Class::Digit | Class::Connector)
    }

    /// WB6, WB7, WB11, WB12: `middle` joins `before` and `after`.
    fn joins(before: Class, middle: Class, after: Class) -> bool {
        let letters = before == Class::Letter && after == Class::Letter;
        let digits = before == Class::Digit && after == Class::Digit;
        match middle {
            Class::MidLetter => letters,
            Class::MidNumLet => letters || digits,
            Class::MidNum => digits,
            _ => false,
        }
    }
}

/// The class of `c` if the Latin fast path knows it: ASCII, the letters of
/// Latin-1 and Latin Extended-A (U+00C0 to U+017F but × and ÷), the middle
/// dot, typographic quotes, en and em dashes, the bullet and the ellipsis.
/// The colon is a MidLetter in UAX #29, but rolefit cuts words at colons, so
/// here it is `Other` (a phrase break), which comes to the same words.
fn latin_class(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        '_' => Class::Connector,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Class::MidNumLet,
        ',' | ';' => Class::MidNum,
        '\u{00B7}' => Class::MidLetter,
        '\u{00C0}'..='\u{017F}' if c != '\u{00D7}' && c != '\u{00F7}' => Class::Letter,
        '\u{0000}'..='\u{007F}' => Class::Other,
        '\u{201C}' | '\u{201D}' | '\u{2013}' | '\u{2014}' | '\u{2022}' | '\u{2026}' => Class::Other,
        _ => return None,
    })
}

const fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

fn joins(before: u8, middle: u8, after: u8) -> bool {
    match middle {
        b'.' | b'\'' if before.is_ascii_alphabetic() && after.is_ascii_alphabetic() => true,
        b'.' | b',' | b'\'' => before.is_ascii_digit() && after.is_ascii_digit(),
        _ => false,
    }
}

const fn is_break_byte(byte: u8) -> bool {
    matches!(
        byte,
        b'.' | b'!' | b'?' | b',' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'|'
    )
}

fn is_break_char(c: char) -> bool {
    if c.is_ascii() {
        is_break_byte(c as u8)
    } else {
        matches!(
            c,
            '\u{2014}' | '\u{2026}' | '\u{3002}' | '\u{FF0C}' | '\u{FF1B}'
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, u32, bool)> {
        let mut out = Vec::new();
        for_each_word(text, |w| {
            assert_eq!(&text[w.start..w.end()], w.text);
            out.push((w.text.to_string(), w.line, w.break_before));
        });
        out
    }

    fn texts(text: &str) -> Vec<String> {
        words(text).into_iter().map(|(w, _, _)| w).collect()
    }

    #[test]
    fn splits_like_uax29_on_ascii() {
        let cases: &[(&str, &[&str])] = &[
            ("don't stop", &["don't", "stop"]),
            ("v3.14 and 1,000 users", &["v3.14", "and", "1,000", "users"]),
            ("e.g. Node.js", &["e.g", "Node.js"]),
            (
                "auto-scaling snake_case",
                &["auto", "scaling", "snake_case"],
            ),
            ("C++/C# (CI/CD)", &["C", "C", "CI", "CD"]),
            ("Skills:Go,Rust", &["Skills", "Go", "Rust"]),
            ("k8s   **bold**", &["k8s", "bold"]),
        ];
        for (text, expected) in cases {
            assert_eq!(texts(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn ascii_scanner_agrees_with_unicode_segmentation() {
        // Every ASCII sentence without a colon segments the same both ways.
        let samples = [
            "Designed REST APIs for 3.5M users; cut p99 latency by 40% (Node.js, Go).",
            "It's the team's job: no, it isn't... x.y.z 1.2.3 a1b2 __init__ O'Brien",
            "- Built CI/CD pipelines\n* Wrote docs\t| SQL | NoSQL |",
        ];
        for sample in samples {
            let sample = sample.replace(':', " ");
            let expected: Vec<&str> = sample.unicode_words().collect();
            assert_eq!(texts(&sample), expected, "{sample:?}");
        }
    }

    /// Words and breaks of one chunk through `scan`, starting with `pending`.
    fn scan_with(
        chunk: &str,
        pending: bool,
        scan: impl FnOnce(&mut ChunkScanner<'_, &mut dyn FnMut(Word<'_>)>, &str),
    ) -> (Vec<(String, usize, bool)>, bool) {
        let mut words = Vec::new();
        let mut pending_break = pending;
        let mut visit = |w: Word<'_>| words.push((w.text.to_string(), w.start, w.break_before));
        let mut visit: &mut dyn FnMut(Word<'_>) = &mut visit;
        let mut scanner = ChunkScanner {
            offset: 0,
            line: 1,
            pending_break: &mut pending_break,
            visit: &mut visit,
        };
        scan(&mut scanner, chunk);
        (words, pending_break)
    }

    #[test]
    fn the_latin_fast_path_agrees_with_unicode_segmentation() {
        const ALPHABET: &[char] = &[
            'a', 'Z', 'é', 'Ü', 'ß', 'ł', '1', '9', '_', '.', ',', ';', ':', '\'', '’', '‘', '·',
            '“', '”', '–', '—', '•', '…', '-', '/', '(', '!', '"', '#', '×',
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut checked = 0;
        for _ in 0..200_000 {
            let len = 1 + next(10);
            let chunk: String = (0..len).map(|_| ALPHABET[next(ALPHABET.len())]).collect();
            if chunk.is_ascii() {
                continue;
            }
            let pending = next(2) == 0;
            let mut handled = false;
            let fast = scan_with(&chunk, pending, |s, c| handled = s.scan_latin(c));
            if !handled {
                continue;
            }
            let slow = scan_with(&chunk, pending, |s, c| s.scan_segmented(c));
            assert_eq!(fast, slow, "{chunk:?}");
            checked += 1;
        }
        assert!(checked > 100_000, "{checked}");
    }

    #[test]
    fn unicode_chunks_keep_offsets() {
        assert_eq!(
            texts("Zoë’s café—naïve über:alles"),
            ["Zoë’s", "café", "naïve", "über", "alles"]
        );
    }

    #[test]
    fn lines_and_phrase_breaks() {
        let got = words("Continuous\n  - integration. Infrastructure,\n\nas code — done");
        let expected = [
            ("Continuous", 1, true),
            ("integration", 2, false),
            ("Infrastructure", 2, true),
            ("as", 4, true),
            ("code", 4, false),
            ("done", 4, true),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(w, l, b)| (w.to_string(), *l, *b))
            .collect();
        assert_eq!(got, expected);
    }
}
