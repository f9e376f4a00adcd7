//! A resume's titles: the headline's, the role lines' and the summary's, the
//! most recent role marked (see the [`super`] module docs).

use super::words::{OTHER_PERSON_CUES, SKIPPED_BEFORE};
use super::{Parsed, Place, Title, head, parse_title, segment_titles, title};
use crate::analyze::atoms::{Reader, listed};
use crate::analyze::dates::{DateRange, YearMonth};
use crate::analyze::outline::{Layout, LineKind, SectionKind};

/// The person's titles on a resume: the headline's, the experience section's
/// role lines' and the summary's first line's (module docs), in document
/// order. The headline ends early at the first dated line or bullet.
/// `ranges` are the resume's date ranges ([`crate::analyze::dates::date_ranges`]).
pub fn resume_titles(layout: &Layout<'_>, ranges: &[DateRange], today: YearMonth) -> Vec<Title> {
    let mut titles = Vec::new();
    let headline = layout.headline();
    let first_range = ranges
        .first()
        .map_or(usize::MAX, |r| (r.line as usize).saturating_sub(1));
    let first_bullet = layout
        .lines
        .iter()
        .position(|l| l.kind == LineKind::Bullet)
        .unwrap_or(usize::MAX);
    let headline = headline.start..headline.end.min(first_range).min(first_bullet);
    for index in headline.clone() {
        let line = &layout.lines[index];
        if line.kind == LineKind::Blank {
            continue;
        }
        let r = Reader::new(head(line.text));
        for (parsed, _) in segment_titles(&r) {
            if !parsed.plural {
                titles.push(title(layout, index, &r, &parsed, Place::Headline));
            }
        }
    }
    titles.extend(role_titles(layout, ranges, today, headline.end));
    if let Some(index) = (0..layout.lines.len()).find(|&i| {
        let line = &layout.lines[i];
        line.section_kind == Some(SectionKind::Summary)
            && matches!(line.kind, LineKind::Text | LineKind::Bullet)
    }) {
        titles.extend(summary_title(layout, index));
    }
    titles.sort_by_key(|t| (t.line, t.span.start));
    titles
}

/// True when `text` reads as a sentence, not a role line: more than eight
/// words and a full stop at the end.
fn is_sentence(text: &str) -> bool {
    text.trim_end().ends_with('.') && text.split_whitespace().nth(8).is_some()
}

/// The titles of the role lines, the most recent role's marked.
fn role_titles(
    layout: &Layout<'_>,
    ranges: &[DateRange],
    today: YearMonth,
    after_headline: usize,
) -> Vec<Title> {
    let has_experience = layout.has_section(SectionKind::Experience);
    let in_experience = |index: usize| match layout.lines[index].section_kind {
        Some(SectionKind::Experience) => true,
        None | Some(SectionKind::Other) => !has_experience && index >= after_headline,
        _ => false,
    };
    // Per line, its first range.
    let mut by_line: Vec<Option<&DateRange>> = vec![None; layout.lines.len()];
    for range in ranges.iter().rev() {
        if let Some(slot) = by_line.get_mut((range.line as usize).saturating_sub(1)) {
            *slot = Some(range);
        }
    }
    let range_at = |index: usize| by_line.get(index).copied().flatten();
    let lines = &layout.lines;
    let mut after_role_line: Option<usize> = None;
    // Each role's title, with its range's last month and open end.
    let mut roles: Vec<(Title, Option<YearMonth>, bool)> = Vec::new();
    let mut earlier = Vec::new();
    for index in 0..lines.len() {
        if !in_experience(index) {
            continue;
        }
        let kind = lines[index].kind;
        let before = index.checked_sub(1).map(|i| lines[i].kind);
        let dated = |i: Option<usize>| i.and_then(range_at).is_some();
        let role_line = match kind {
            LineKind::Heading => true,
            LineKind::Text if is_sentence(lines[index].text) => false,
            LineKind::Text => {
                matches!(
                    before,
                    None | Some(LineKind::Blank | LineKind::Heading | LineKind::Rule)
                ) || dated(Some(index))
                    || (dated(index.checked_sub(1)) && before != Some(LineKind::Bullet))
                    || dated(Some(index + 1))
                    || after_role_line == Some(index)
            }
            _ => false,
        };
        if !role_line {
            continue;
        }
        // The line under a role line is one too: "Company (2024)" over "Title".
        after_role_line = Some(index + 1);
        let r = Reader::new(head(lines[index].text));
        let found: Vec<(Parsed, bool)> = segment_titles(&r)
            .into_iter()
            .filter(|(p, _)| !p.plural)
            .collect();
        if found.is_empty() {
            continue;
        }
        // The role's title: after the last arrow, else the first.
        let main = found.iter().rposition(|(_, arrow)| *arrow).unwrap_or(0);
        let near = [0isize, 1, -1, 2, -2].iter().find_map(|&d| {
            let i = index.checked_add_signed(d)?;
            (i < lines.len() && lines[i].section_kind == lines[index].section_kind)
                .then(|| range_at(i))
                .flatten()
        });
        for (n, (parsed, _)) in found.iter().enumerate() {
            let t = title(layout, index, &r, parsed, Place::EarlierRole);
            if n == main {
                let end = near.map(|range| range.last_month(today));
                roles.push((t, end, near.is_some_and(DateRange::is_open)));
            } else {
                earlier.push(t);
            }
        }
    }
    // The most recent: the first with an open end; else the first listed
    // when it has no dates (resumes list the newest first); else the latest
    // end, the first listed on a tie.
    let open = roles.iter().position(|(_, _, open)| *open);
    let undated_first = roles.first().is_some_and(|(_, end, _)| end.is_none());
    let recent = if open.is_some() {
        open
    } else if undated_first {
        Some(0)
    } else {
        let mut latest: Option<usize> = None;
        for (n, (_, end, _)) in roles.iter().enumerate() {
            if latest.is_none_or(|best| *end > roles[best].1) {
                latest = Some(n);
            }
        }
        latest
    };
    let mut titles: Vec<Title> = roles
        .into_iter()
        .enumerate()
        .map(|(n, (mut t, _, _))| {
            if Some(n) == recent {
                t.place = Place::RecentRole;
            }
            t
        })
        .collect();
    titles.extend(earlier);
    titles.sort_by_key(|t| (t.line, t.span.start));
    titles
}

/// The person's title in the summary's first line, if it is theirs.
fn summary_title(layout: &Layout<'_>, index: usize) -> Option<Title> {
    let r = Reader::new(head(layout.lines[index].text));
    let stop = (0..r.atoms.len())
        .find(|&i| matches!(r.mark(i), Some('.' | '!' | '?')) && !r.touch(i, i + 1))
        .unwrap_or(r.atoms.len());
    let mut i = 0;
    while i < stop {
        if r.word(i).is_none() {
            i += 1;
            continue;
        }
        if let Some(parsed) = parse_title(&r, i, stop) {
            if !parsed.plural && !someone_else(&r, parsed.atoms.start) {
                return Some(title(layout, index, &r, &parsed, Place::Summary));
            }
            i = parsed.atoms.end;
            continue;
        }
        i += 1;
    }
    None
}

/// True when the words before atom `at` make a title someone else's.
fn someone_else(r: &Reader<'_>, at: usize) -> bool {
    let mut i = at;
    while let Some(prev) = i.checked_sub(1) {
        match r.word(prev) {
            Some(w) if listed(SKIPPED_BEFORE, w) => i = prev,
            Some(w) => return listed(OTHER_PERSON_CUES, w),
            None => return false,
        }
    }
    false
}
