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
    for word in Words::new(text) {
        visit(word);
    }
}

/// The words of a text, in order: what [`for_each_word`] visits, as an
/// iterator. Its `next` is small and inlined, so a caller's loop keeps its
/// state in registers; a chunk of more than one word (punctuation, non-ASCII
/// text) is scanned whole, out of line, into a buffer it then hands out.
pub struct Words<'a> {
    text: &'a str,
    position: usize,
    line: u32,
    pending_break: bool,
    /// Words of the last chunk scanned whole; `buffer[handed..]` are still to come.
    buffer: Vec<Word<'a>>,
    handed: usize,
}

impl<'a> Words<'a> {
    /// The words of `text`.
    pub fn new(text: &'a str) -> Self {
        Words {
            text,
            position: 0,
            line: 1,
            pending_break: true,
            buffer: Vec::new(),
            handed: 0,
        }
    }

    /// Scans the chunk `start..end` whole into the buffer and returns its
    /// first word, if it has one.
    #[inline(never)]
    fn scan_chunk(&mut self, start: usize, end: usize) -> Option<Word<'a>> {
        // One pass tells what the chunk holds: `any` has a flag if some byte has it.
        let any = self.text.as_bytes()[start..end]
            .iter()
            .fold(0, |any, &b| any | CLASS[usize::from(b)]);
        // ASCII white space never sits inside a UTF-8 sequence, so these are char boundaries.
        let chunk = &self.text[start..end];
        self.buffer.clear();
        self.handed = 0;
        let buffer = &mut self.buffer;
        let mut visit = |word| buffer.push(word);
        let mut scanner = ChunkScanner {
            offset: start,
            line: self.line,
            pending_break: &mut self.pending_break,
            visit: &mut visit,
        };
        if any & NON_ASCII == 0 {
            scanner.scan_ascii(chunk);
        } else {
            scanner.scan_unicode(chunk);
        }
        let first = self.buffer.first().copied();
        self.handed = usize::from(first.is_some());
        first
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    #[inline(always)]
    fn next(&mut self) -> Option<Word<'a>> {
        if let Some(&word) = self.buffer.get(self.handed) {
            self.handed += 1;
            return Some(word);
        }
        let bytes = self.text.as_bytes();
        loop {
            let mut position = self.position;
            let mut newlines = 0;
            while position < bytes.len() {
                let class = CLASS[usize::from(bytes[position])];
                if class & SPACE == 0 {
                    break;
                }
                newlines += u32::from(class & NEWLINE != 0);
                position += 1;
            }
            self.line += newlines;
            if newlines >= 2 {
                self.pending_break = true;
            }
            if position == bytes.len() {
                self.position = position;
                return None;
            }
            let start = position;
            position += word_run(&bytes[start..]);
            let class_at = |at: usize| bytes.get(at).map_or(SPACE, |&b| CLASS[usize::from(b)]);
            let next = class_at(position);
            // Letters, digits and `_` only (most chunks): the chunk is one word.
            let pure = next & SPACE != 0;
            // Or one word and one ASCII mark ("team," "done."): a mark needs a
            // word byte after it to join, so the word ends there.
            let marked =
                next & (SPACE | WORD | NON_ASCII) == 0 && class_at(position + 1) & SPACE != 0;
            if position > start && (pure || marked) {
                self.position = position + usize::from(marked);
                let word = Word {
                    text: self.text.get(start..position)?,
                    start,
                    line: self.line,
                    break_before: self.pending_break,
                };
                self.pending_break = marked && next & BREAK != 0;
                return Some(word);
            }
            if position > start && next & SPLIT != 0 {
                // A mark that never joins ("CI-CD", "TCP/IP", "**Go**"): the
                // word ends there; the mark is read on the next call. (A
                // branch of its own: folded into the one above, it cost the
                // batch benchmark 1% more instructions.)
                self.position = position;
                let word = Word {
                    text: self.text.get(start..position)?,
                    start,
                    line: self.line,
                    break_before: self.pending_break,
                };
                self.pending_break = false;
                return Some(word);
            }
            if position == start
                && (marked || (next & SPLIT != 0 && class_at(position + 1) & NON_ASCII == 0))
            {
                // A lone mark ("-", "|"), or one that never joins, before more
                // ASCII: no word, at most a break. (Before a non-ASCII byte it
                // stays with the rest of the chunk, which is scanned whole.)
                self.position = position + 1;
                self.pending_break |= next & BREAK != 0;
                continue;
            }
            while position < bytes.len() && CLASS[usize::from(bytes[position])] & SPACE == 0 {
                position += 1;
            }
            self.position = position;
            if let Some(word) = self.scan_chunk(start, position) {
                return Some(word);
            }
        }
    }
}

/// How many bytes at the start of `bytes` are word bytes (ASCII letters,
/// digits, `_`): eight at a time, as bit masks in a `u64`, then one by one.
fn word_run(bytes: &[u8]) -> usize {
    let mut run = 0;
    while let Some(eight) = bytes[run..].first_chunk::<8>() {
        let others = !word_bytes(u64::from_le_bytes(*eight)) & HIGH_BITS;
        if others != 0 {
            return run + (others.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    while run < bytes.len() && CLASS[usize::from(bytes[run])] & WORD != 0 {
        run += 1;
    }
    run
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is a word byte (`[A-Za-z0-9_]`).
fn word_bytes(x: u64) -> u64 {
    let low = x & !HIGH_BITS;
    // With the high bits clear, adding 0x80 - n to a byte carries into its high
    // bit exactly when it is at least n, and never into the next byte.
    let at_least = |bytes: u64, n: u8| bytes.wrapping_add(u64::from(0x80 - n) * ONES) & HIGH_BITS;
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    let folded = low | (0x20 * ONES);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let not_underscore = at_least(low ^ (u64::from(b'_') * ONES), 1);
    (digit | letter | !not_underscore) & !x & HIGH_BITS
}

/// Byte classes, as bit flags in [`CLASS`].
const SPACE: u8 = 1;
const NEWLINE: u8 = 2;
const WORD: u8 = 4;
const BREAK: u8 = 8;
const NON_ASCII: u8 = 16;
/// ASCII punctuation that never joins two words, whatever the chunk holds:
/// all but `.`, `,` and `'` (which join letters or digits), and `;` and `:`
/// (which UAX #29 lets join digits or letters in a non-ASCII chunk).
const SPLIT: u8 = 32;

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
        if byte.is_ascii_punctuation() && !matches!(byte, b'.' | b',' | b'\'' | b';' | b':') {
            class |= SPLIT;
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
        if self.scan_latin(chunk) {
            return;
        }
        if !chunk.chars().any(char::is_alphanumeric) {
            // No letter or digit (a dash, a bullet, an emoji): no word, as
            // `unicode_word_indices` keeps only segments with one; at most a break.
            if chunk.chars().any(is_break_char) {
                *self.pending_break = true;
            }
            return;
        }
        self.scan_segmented(chunk);
    }

    /// The fast path for the non-ASCII text most resumes hold: accented Latin
    /// letters, Greek and Cyrillic words, typographic quotes, dashes, bullets.
    /// For a chunk of at most
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
/// Latin-1 and Latin Extended-A (U+00C0 to U+017F but × and ÷), the Greek
/// letters of U+0386 to U+03CE and the Cyrillic letters of U+0400 to U+04FF
/// (a test checks each is an ALetter), the middle dot, typographic quotes,
/// en and em dashes, the bullet and the ellipsis.
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
        '\u{0386}' | '\u{0388}'..='\u{038A}' | '\u{038C}' | '\u{038E}'..='\u{03A1}' => {
            Class::Letter
        }
        '\u{03A3}'..='\u{03CE}' | '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => {
            Class::Letter
        }
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

    /// The segmenter as it was before [`Words`]: one pass per chunk with the
    /// visitor called in place. The iterator must give the same words.
    fn reference_words(text: &str) -> Vec<Word<'_>> {
        let mut out = Vec::new();
        let mut visit = |word| out.push(word);
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
            let chunk = &text[chunk_start..position];
            let mut scanner = ChunkScanner {
                offset: chunk_start,
                line,
                pending_break: &mut pending_break,
                visit: &mut visit,
            };
            if all & WORD != 0 {
                scanner.emit(chunk, 0);
            } else if any & NON_ASCII == 0 {
                scanner.scan_ascii(chunk);
            } else {
                scanner.scan_unicode(chunk);
            }
        }
        out
    }

    fn xorshift(seed: u64) -> impl FnMut(usize) -> usize {
        let mut rng = crate::testing::XorShift::new(seed);
        move |n| rng.below(n)
    }

    #[test]
    fn word_bytes_are_found_eight_at_a_time() {
        // Every byte value at every place among word and other bytes.
        for byte in 0..=255u8 {
            for place in 0..8 {
                for filler in [b'a', b' ', 0x80] {
                    let mut eight = [filler; 8];
                    eight[place] = byte;
                    let mask = word_bytes(u64::from_le_bytes(eight));
                    for (i, &b) in eight.iter().enumerate() {
                        let expected = CLASS[usize::from(b)] & WORD != 0;
                        assert_eq!(mask >> (8 * i + 7) & 1 == 1, expected, "{eight:?} at {i}");
                    }
                }
            }
        }
        let mut next = xorshift(0x1234_5678_9ABC_DEF1);
        const BYTES: &[u8] = b"aZz09_ .,:-'\n\t\xC3\xA9@[`{/";
        for _ in 0..50_000 {
            let len = next(30);
            let bytes: Vec<u8> = (0..len).map(|_| BYTES[next(BYTES.len())]).collect();
            let expected = bytes
                .iter()
                .take_while(|&&b| CLASS[usize::from(b)] & WORD != 0)
                .count();
            assert_eq!(word_run(&bytes), expected, "{bytes:?}");
        }
    }

    #[test]
    fn the_iterator_agrees_with_the_reference_segmenter() {
        const PIECES: &[&str] = &[
            "a",
            "Go",
            "team",
            "engineering",
            "snake_case",
            "x1",
            "3.14",
            "1,000",
            "e.g.",
            "C++",
            "CI/CD",
            "Node.js",
            "don't",
            "Zoë’s",
            "café",
            "naïve",
            "日本語",
            "—",
            "…",
            "•",
            "✓",
            "über:alles",
            "Skills:Go",
            ",",
            ".",
            ";",
            ":",
            "(",
            ")",
            "|",
            "-",
            "**",
            "/",
            "#",
            "%",
            "@",
            "&",
            "\"",
            "\u{301}",
            "-\u{301}",
            "TCP/IP",
            "CI-CD",
            "9;9",
            "א",
            "a_very_long_identifier_name",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            "Ελληνικά",
            "и",
            " ",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\t",
            "\r\n",
        ];
        let mut next = xorshift(0x0DDB_A11C_AFE5_EED5);
        for _ in 0..20_000 {
            let count = next(24);
            let text: String = (0..count).map(|_| PIECES[next(PIECES.len())]).collect();
            let got: Vec<Word<'_>> = Words::new(&text).collect();
            assert_eq!(got, reference_words(&text), "{text:?}");
        }
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
            '“', '”', '–', '—', '•', '…', '-', '/', '(', '!', '"', '#', '×', 'Ά', 'ω', 'Ж', 'я',
            'ӿ', '\u{0482}', '\u{0483}', '\u{0387}', '\u{037E}', '\u{03F6}', '日',
        ];
        let mut rng = crate::testing::XorShift::new(0x2545_F491_4F6C_DD1Du64);
        let mut next = |n: usize| rng.below(n);
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
        assert!(checked > 50_000, "{checked}");
    }

    #[test]
    fn the_latin_letters_are_letters_to_unicode_segmentation() {
        // An ALetter joins a digit on either side (WB9, WB10); nothing else
        // the fast path could take for a letter does.
        for c in (0..=0x04FF).filter_map(char::from_u32) {
            if latin_class(c) != Some(Class::Letter) {
                continue;
            }
            for text in [format!("1{c}"), format!("{c}1"), format!("{c}.{c}")] {
                let words: Vec<&str> = text.unicode_words().collect();
                assert_eq!(words, [text.as_str()], "{c:?} U+{:04X}", u32::from(c));
            }
        }
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
