//! The garbled-text guard: refuse a document whose text cannot be compared,
//! rather than score it as a poor match.
//!
//! Text extracted from a PDF or a word-processor file can come out empty (a scan
//! without a text layer), as symbol soup (a font without a character map), with
//! letters set apart one by one, or with the `fi`/`fl`/`ff` ligatures dropped
//! ("con guration"). Any of these would make every term look missing. The checks,
//! in order, each with a fixed threshold:
//!
//! 1. **empty**: no character other than white space;
//! 2. **too few words**: fewer than [`MIN_WORDS`] words with a letter;
//! 3. **bad characters**: at least 3 replacement (`U+FFFD`), private-use,
//!    control or ligature (`U+FB00`–`U+FB06`) characters, making up 1% or more
//!    of the characters other than white space;
//! 4. **few letters**: letters are under half of the characters other than
//!    white space;
//! 5. **scattered letters**: a third or more of the words are single letters
//!    other than "a", "A" and "I";
//! 6. **dropped ligatures**: 3 or more words broken where a ligature was lost,
//!    from a fixed list of common ones ("con guration", "work ow", "ef cient").

use std::fmt;

use serde::Serialize;

use crate::analyze::for_each_word;

/// The fewest words (with at least one letter) a document needs to be compared.
pub const MIN_WORDS: usize = 20;

/// Why a text was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum TextProblem {
    /// No text at all.
    Empty,
    /// Too few words to compare.
    TooFewWords {
        /// Words found.
        words: usize,
    },
    /// Many replacement, private-use, control or ligature characters.
    BadCharacters {
        /// How many.
        count: usize,
    },
    /// Letters are under half of the visible characters.
    FewLetters {
        /// Letters as a percentage of the characters other than white space.
        percent: u32,
    },
    /// A third or more of the words are single letters.
    ScatteredLetters {
        /// Single-letter words as a percentage of all words.
        percent: u32,
    },
    /// Words broken where a ligature (fi, fl, ff) was dropped.
    DroppedLigatures {
        /// Up to three of the broken words, as written.
        examples: Vec<String>,
    },
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextProblem::Empty => {
                f.write_str("has no text to compare (a scanned document without a text layer?)")
            }
            TextProblem::TooFewWords { words } => write!(
                f,
                "has only {words} word{} of text; at least {MIN_WORDS} are needed to compare",
                if *words == 1 { "" } else { "s" }
            ),
            TextProblem::BadCharacters { count } => write!(
                f,
                "looks garbled: {count} replacement, private-use, control or ligature characters \
                 (text extracted with a broken font map or the wrong encoding?)"
            ),
            TextProblem::FewLetters { percent } => write!(
                f,
                "looks garbled: only {percent}% of its characters are letters"
            ),
            TextProblem::ScatteredLetters { percent } => write!(
                f,
                "looks garbled: {percent}% of its words are single letters \
                 (letters extracted one by one?)"
            ),
            TextProblem::DroppedLigatures { examples } => write!(
                f,
                "looks garbled: words are broken where a ligature (fi, fl, ff) was dropped: {}",
                examples
                    .iter()
                    .map(|e| format!("{e:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// Counts behind the checks, for a document that passed them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextStats {
    /// Words with at least one letter.
    pub words: usize,
    /// Characters other than white space.
    pub chars: usize,
    /// Letters.
    pub letters: usize,
}

/// Words that a dropped `fi`, `fl` or `ff` ligature splits in two, as the two
/// pieces left (lowercase). Only common words of resumes and postings.
const LIGATURE_SPLITS: &[(&str, &str)] = &[
    ("bene", "ts"),
    ("certi", "cation"),
    ("certi", "cations"),
    ("certi", "ed"),
    ("classi", "cation"),
    ("con", "dential"),
    ("con", "guration"),
    ("con", "gurations"),
    ("con", "gure"),
    ("con", "gured"),
    ("con", "ict"),
    ("con", "icts"),
    ("de", "ned"),
    ("de", "ning"),
    ("dif", "cult"),
    ("dif", "erent"),
    ("ef", "ciency"),
    ("ef", "cient"),
    ("ef", "ective"),
    ("ef", "ort"),
    ("ef", "orts"),
    ("identi", "ed"),
    ("modi", "ed"),
    ("noti", "cation"),
    ("noti", "cations"),
    ("of", "ce"),
    ("of", "ered"),
    ("of", "ering"),
    ("pro", "ciency"),
    ("pro", "cient"),
    ("pro", "le"),
    ("pro", "les"),
    ("pro", "ling"),
    ("signi", "cant"),
    ("signi", "cantly"),
    ("speci", "c"),
    ("speci", "cally"),
    ("speci", "cation"),
    ("speci", "cations"),
    ("sta", "ng"),
    ("traf", "c"),
    ("veri", "cation"),
    ("veri", "ed"),
    ("work", "ow"),
    ("work", "ows"),
];

/// Checks that `text` can be compared; see the module docs for the rules.
pub fn check_text(text: &str) -> Result<TextStats, TextProblem> {
    let mut stats = TextStats::default();
    let mut bad = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        stats.chars += 1;
        if c.is_alphabetic() {
            stats.letters += 1;
        }
        if is_bad_char(c) {
            bad += 1;
        }
    }
    if stats.chars == 0 {
        return Err(TextProblem::Empty);
    }
    let mut single_letters = 0usize;
    let mut broken = Vec::new();
    let mut previous: Option<&str> = None;
    for_each_word(text, |word| {
        if !word.text.chars().any(char::is_alphabetic) {
            return;
        }
        stats.words += 1;
        let mut chars = word.text.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.is_alphabetic()
            && !matches!(c, 'a' | 'A' | 'I')
        {
            single_letters += 1;
        }
        if let Some(before) = previous
            && is_ligature_split(before, word.text)
        {
            broken.push(format!("{before} {}", word.text));
        }
        previous = Some(word.text);
    });
    if stats.words == 0 {
        return Err(TextProblem::Empty);
    }
    if stats.words < MIN_WORDS {
        return Err(TextProblem::TooFewWords { words: stats.words });
    }
    if bad >= 3 && bad * 100 >= stats.chars {
        return Err(TextProblem::BadCharacters { count: bad });
    }
    if stats.letters * 2 < stats.chars {
        return Err(TextProblem::FewLetters {
            percent: percent_of(stats.letters, stats.chars),
        });
    }
    if single_letters * 3 >= stats.words {
        return Err(TextProblem::ScatteredLetters {
            percent: percent_of(single_letters, stats.words),
        });
    }
    if broken.len() >= 3 {
        broken.truncate(3);
        return Err(TextProblem::DroppedLigatures { examples: broken });
    }
    Ok(stats)
}

fn percent_of(part: usize, whole: usize) -> u32 {
    u32::try_from(part * 100 / whole.max(1)).unwrap_or(100)
}

/// Replacement, private-use, control (other than white space) and ligature
/// presentation characters.
fn is_bad_char(c: char) -> bool {
    matches!(c, '\u{FFFD}' | '\u{E000}'..='\u{F8FF}' | '\u{FB00}'..='\u{FB06}')
        || (c.is_control() && !c.is_whitespace())
}

fn is_ligature_split(before: &str, after: &str) -> bool {
    LIGATURE_SPLITS
        .iter()
        .any(|(head, tail)| before.eq_ignore_ascii_case(head) && after.eq_ignore_ascii_case(tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "Backend developer with five years of building payment services in \
        Go and Python, running them on Kubernetes, and keeping the PostgreSQL databases \
        behind them fast, correct and well documented for the rest of the team.";

    #[test]
    fn readable_text_passes() {
        let stats = check_text(PROSE).unwrap();
        assert!(stats.words >= MIN_WORDS);
        assert!(stats.letters * 2 > stats.chars);
    }

    #[test]
    fn each_problem_is_named() {
        let replacement = PROSE.replace('e', "\u{FFFD}");
        let symbols = format!("{PROSE} {}", "§¶ 12 34 56 78 90 %% && ** ## $$ ".repeat(10));
        let scattered = "S o f t w a r e  e n g i n e e r  w i t h  P y t h o n ".repeat(3);
        let ligatures = format!(
            "{PROSE} Wrote the con guration for the work ow, made it ef cient and speci c."
        );
        let cases: &[(&str, TextProblem)] = &[
            ("", TextProblem::Empty),
            (" \n\t ", TextProblem::Empty),
            ("- • —— 42\n---", TextProblem::Empty),
            ("Go developer", TextProblem::TooFewWords { words: 2 }),
            (&replacement, TextProblem::BadCharacters { count: 28 }),
            (&symbols, TextProblem::FewLetters { percent: 44 }),
            (&scattered, TextProblem::ScatteredLetters { percent: 96 }),
            (
                &ligatures,
                TextProblem::DroppedLigatures {
                    examples: vec!["con guration".into(), "work ow".into(), "ef cient".into()],
                },
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(check_text(text).as_ref(), Err(expected), "{text:?}");
        }
    }

    #[test]
    fn messages_say_what_is_wrong() {
        assert_eq!(
            TextProblem::TooFewWords { words: 1 }.to_string(),
            "has only 1 word of text; at least 20 are needed to compare"
        );
        assert!(
            TextProblem::DroppedLigatures {
                examples: vec!["work ow".into()]
            }
            .to_string()
            .ends_with("dropped: \"work ow\"")
        );
    }

    #[test]
    fn ligature_splits_are_sorted_and_unique() {
        assert!(LIGATURE_SPLITS.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
