//! A posting's titles: its own title, and the level its body names (see the
//! [`super`] module docs).

use super::words::{POSTING_CUES, POSTING_ROLE_WORDS, TITLE_BREAKERS};
use super::{
    Field, Parsed, Place, Rung, Title, level_word, parse_title, segment_titles, segments, title,
};
use crate::analyze::atoms::{Reader, listed};
use crate::analyze::outline::{Layout, LineKind};

/// A posting's titles: its own title first, then the titles and level words
/// of its body (module docs).
pub fn posting_titles(layout: &Layout<'_>) -> Vec<Title> {
    let mut titles = Vec::new();
    let lines = &layout.lines;
    let labelled = (0..lines.len()).find_map(|i| {
        let t = lines[i].text.trim_start_matches(['#', '*', '_', ' ', '\t']);
        let lower = t.get(..t.find(':')?)?.trim().to_ascii_lowercase();
        let label = matches!(
            lower.trim_end_matches(['*', '_']),
            "title" | "position" | "role" | "job title"
        );
        label.then_some(i)
    });
    let first = (0..lines.len()).find(|&i| lines[i].kind != LineKind::Blank);
    let heading = layout
        .masthead()
        .find(|&i| lines[i].kind == LineKind::Heading);
    for index in [labelled, first, heading].into_iter().flatten() {
        if let Some(t) = posting_title_at(layout, index) {
            titles.push(t);
            break;
        }
    }
    let own = titles.first().map(|t| t.line);
    for (index, line) in lines.iter().enumerate() {
        if Some(u32::try_from(index + 1).unwrap_or(u32::MAX)) == own {
            continue;
        }
        titles.extend(body_titles(layout, index, line.text));
    }
    titles
}

/// The title of a posting's title line, with its level from a segment that
/// is only level words.
fn posting_title_at(layout: &Layout<'_>, index: usize) -> Option<Title> {
    let r = Reader::new(layout.lines[index].text);
    let (parsed, _) = segment_titles(&r).into_iter().next()?;
    let mut t = title(layout, index, &r, &parsed, Place::PostingTitle);
    if !t.explicit {
        let level = segments(&r).into_iter().find_map(|(segment, _)| {
            let words: Vec<&str> = segment.clone().filter_map(|i| r.word(i)).collect();
            let rungs: Vec<Rung> = words
                .iter()
                .map(|w| level_word(w).or((*w == "level").then_some(Rung::Mid)))
                .collect::<Option<_>>()?;
            rungs
                .into_iter()
                .zip(&words)
                .filter(|(_, w)| **w != "level")
                .map(|(rung, _)| rung)
                .max()
        });
        if let Some(rung) = level {
            t.rung = rung;
            t.explicit = true;
        }
    }
    Some(t)
}

/// Titles a posting's body names as its own role (module docs).
fn body_titles(layout: &Layout<'_>, index: usize, text: &str) -> Vec<Title> {
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    let cues = [
        "hiring",
        "seeking",
        "looking for",
        " as ",
        "role",
        "position",
        "opening",
    ];
    if !cues.iter().any(|cue| lower.contains(cue)) {
        return out;
    }
    let r = Reader::new(text);
    for i in 0..r.atoms.len() {
        let Some(word) = r.word(i) else { continue };
        // "hiring a", "seeking an", "looking for a", "as a/an/our".
        let cue = (listed(POSTING_CUES, word)
            || (word == "for" && i > 0 && r.word(i - 1) == Some("looking")))
            && matches!(r.word(i + 1), Some("a" | "an" | "our"));
        if cue {
            // Up to two describing words before the title: "an experienced".
            for skip in 0..3 {
                let at = i + 2 + skip;
                if r.word(at).is_none_or(|w| listed(TITLE_BREAKERS, w)) {
                    break;
                }
                if let Some(parsed) = parse_title(&r, at, r.atoms.len()) {
                    out.push(title(layout, index, &r, &parsed, Place::PostingBody));
                    break;
                }
            }
        }
        // "a senior-level role", "this mid-level position".
        if let Some(rung) = level_word(word) {
            let mut j = i + 1;
            if r.word(j) == Some("level") {
                j += 1;
            }
            if r.word(j).is_some_and(|w| listed(POSTING_ROLE_WORDS, w)) {
                let parsed = Parsed {
                    atoms: i..j + 1,
                    rung,
                    explicit: true,
                    field: Field::General,
                    plural: false,
                    founder: false,
                };
                out.push(title(layout, index, &r, &parsed, Place::PostingBody));
            }
        }
    }
    out
}
