//! PDF page layout: placed glyphs to lines of text in reading order.
//!
//! A PDF draws glyphs at positions, in whatever order its producer chose; two
//! columns may be drawn line by line in turn. So the order comes from the
//! geometry, in four steps:
//!
//! 1. **Lines**: glyphs on one baseline, left to right; a gap wider than
//!    [`WORD_GAP`] font sizes (after the character spacing the PDF asked for,
//!    so letter-spaced headings stay words) is a space; a doubled glyph drawn
//!    for fake bold is dropped.
//! 2. **Segments**: a line splits where the gap is wider than
//!    [`SEGMENT_GAP`] font sizes or a vertical rule (a table border) runs
//!    between two glyphs: column from column, cell from cell.
//! 3. **Blocks** (recursive XY cut): segments are cut into horizontal bands
//!    (no segment spans two); consecutive bands that leave the same vertical
//!    gutter free are a column area when at least two of them have text on both
//!    sides of it, and the area is read left column first. What is left are
//!    blocks read top to bottom.
//! 4. **Text**: in a block, segments on one line are joined by ` | `; a line
//!    gap wider than [`PARAGRAPH_GAP`] font sizes and than the block's tightest
//!    line gap (a new paragraph or section), and a new block, give a blank
//!    line.

/// A gap between glyphs wider than this many font sizes is a space.
pub(crate) const WORD_GAP: f64 = 0.15;

/// A gap between glyphs wider than this many font sizes splits a line into
/// segments (columns, cells, a right-aligned date).
pub(crate) const SEGMENT_GAP: f64 = 1.0;

/// A free vertical strip at least this many font sizes wide can be a gutter
/// between columns.
const GUTTER: f64 = 1.0;

/// A line gap wider than this many font sizes (and clearly wider than the
/// block's tightest) starts a paragraph.
const PARAGRAPH_GAP: f64 = 1.5;

/// Recursion limit for the XY cut.
const MAX_CUT_DEPTH: usize = 24;

/// A glyph as placed on the page, in PDF user space (points, y up).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    /// Left edge.
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// How far the pen moves after it, character spacing included.
    pub advance: f64,
    /// Font size in user space.
    pub size: f64,
    /// Its text (a ligature or a character that maps to several).
    pub text: String,
}

/// A vertical line on the page (a table border).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rule {
    /// Where it stands.
    pub x: f64,
    /// Its lower end.
    pub y0: f64,
    /// Its upper end.
    pub y1: f64,
}

/// A run of words on one baseline, apart from the rest of its line.
#[derive(Debug, Clone)]
struct Segment {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
}

impl Segment {
    fn top(&self) -> f64 {
        self.y + 0.8 * self.size
    }

    fn bottom(&self) -> f64 {
        self.y - 0.25 * self.size
    }
}

/// The text of one page: lines in reading order, a blank line between
/// paragraphs and blocks.
pub(crate) fn page_text(glyphs: Vec<Glyph>, rules: &[Rule]) -> String {
    let mut rules: Vec<Rule> = rules.iter().copied().filter(|r| r.x.is_finite()).collect();
    rules.sort_by(|a, b| a.x.total_cmp(&b.x));
    let rules = rules.as_slice();
    let segments = segments(glyphs, rules);
    if segments.is_empty() {
        return String::new();
    }
    let mut blocks = Vec::new();
    cut(
        &segments,
        rules,
        (0..segments.len()).collect(),
        0,
        &mut blocks,
    );
    let texts: Vec<String> = blocks
        .iter()
        .map(|block| block_text(&segments, block))
        .filter(|text| !text.is_empty())
        .collect();
    texts.join("\n\n")
}

/// Steps 1 and 2: glyphs to segments.
fn segments(mut glyphs: Vec<Glyph>, rules: &[Rule]) -> Vec<Segment> {
    glyphs.retain(|g| g.x.is_finite() && g.y.is_finite() && g.advance.is_finite() && g.size >= 1.0);
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut segments = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let (y, size) = (glyphs[start].y, glyphs[start].size);
        let mut end = start + 1;
        while end < glyphs.len() && (y - glyphs[end].y).abs() <= 0.5 * size.min(glyphs[end].size) {
            end += 1;
        }
        let line = &mut glyphs[start..end];
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        split_line(line, rules, &mut segments);
        start = end;
    }
    segments
}

/// One baseline's glyphs (sorted by x) to segments.
fn split_line(line: &[Glyph], rules: &[Rule], segments: &mut Vec<Segment>) {
    let mut current: Option<Segment> = None;
    let mut pen = f64::NEG_INFINITY;
    let mut space = false;
    let mut previous: Option<&Glyph> = None;
    for glyph in line {
        if glyph.text.trim().is_empty() {
            space = true;
            pen = pen.max(glyph.x + glyph.advance);
            continue;
        }
        if let Some(p) = previous {
            // The same glyph drawn twice, a hair apart: fake bold or shadow.
            if p.text == glyph.text && (glyph.x - p.x).abs() < 0.25 * p.advance.abs() {
                continue;
            }
        }
        let gap = glyph.x - pen;
        let split = match &current {
            None => true,
            Some(segment) => {
                gap > SEGMENT_GAP * glyph.size
                    || gap < -2.0 * glyph.size
                    || rules_between(rules, segment.x1 - 0.5, glyph.x + 0.5).any(|rule| {
                        rule.y0 <= glyph.y + 0.3 * glyph.size
                            && rule.y1 >= glyph.y + 0.3 * glyph.size
                    })
            }
        };
        if split {
            segments.extend(current.take());
            current = Some(Segment {
                x0: glyph.x,
                x1: glyph.x,
                y: glyph.y,
                size: glyph.size,
                text: String::new(),
            });
        } else if let Some(segment) = current.as_mut()
            && (space || gap > WORD_GAP * glyph.size)
            && !segment.text.ends_with(' ')
        {
            segment.text.push(' ');
        }
        if let Some(segment) = current.as_mut() {
            segment.text.push_str(&glyph.text);
            segment.x1 = segment.x1.max(glyph.x + glyph.advance.max(0.0));
            segment.size = segment.size.max(glyph.size);
        }
        pen = glyph.x + glyph.advance;
        space = false;
        previous = Some(glyph);
    }
    segments.extend(current);
}

/// Segments read together, and the gutter between their columns if any.
type Group = (Vec<usize>, Option<(f64, f64)>);

/// The rules (sorted by x) standing between `left` and `right`.
fn rules_between(rules: &[Rule], left: f64, right: f64) -> impl Iterator<Item = &Rule> {
    let start = rules.partition_point(|rule| rule.x < left);
    rules[start..]
        .iter()
        .take_while(move |rule| rule.x <= right)
}

/// Step 3: orders `ids` (indices into `segments`) into blocks.
fn cut(
    segments: &[Segment],
    rules: &[Rule],
    ids: Vec<usize>,
    depth: usize,
    blocks: &mut Vec<Vec<usize>>,
) {
    if ids.len() <= 1 || depth >= MAX_CUT_DEPTH {
        if !ids.is_empty() {
            blocks.push(ids);
        }
        return;
    }
    let page = Gaps {
        segments,
        rules,
        min_width: GUTTER * median_size(segments, &ids),
    };
    let bands = bands(segments, ids);
    // Group consecutive bands by a shared gutter.
    let mut groups: Vec<Group> = Vec::new();
    for band in bands {
        if let Some((members, Some(gutter))) = groups.last_mut()
            && let Some(narrowed) = page.narrow(&band, *gutter)
        {
            *gutter = narrowed;
            members.extend(band);
            continue;
        }
        match page.widest(&band) {
            Some(mut gutter) => {
                let mut members = Vec::new();
                // Pull in the tail of the text above that stays clear of the
                // gutter: a column that starts a line or two higher.
                if let Some((previous, None)) = groups.last_mut() {
                    while let Some(&last) = previous.last() {
                        match page.narrow(&[last], gutter) {
                            Some(narrowed) => gutter = narrowed,
                            None => break,
                        }
                        members.insert(0, last);
                        previous.pop();
                    }
                    if previous.is_empty() {
                        groups.pop();
                    }
                }
                members.extend(band);
                groups.push((members, Some(gutter)));
            }
            None => match groups.last_mut() {
                Some((members, None)) => members.extend(band),
                _ => groups.push((band, None)),
            },
        }
    }
    // A gutter with text on both sides on fewer than two bands is a gap within
    // lines (a right-aligned date), not columns.
    let mut merged: Vec<Group> = Vec::new();
    for (members, gutter) in groups {
        let gutter = gutter.filter(|&g| two_sided_bands(segments, &members, g) >= 2);
        match (merged.last_mut(), gutter) {
            (Some((previous, None)), None) => previous.extend(members),
            _ => merged.push((members, gutter)),
        }
    }
    let single = merged.len() == 1;
    for (members, gutter) in merged {
        match gutter {
            Some((left_end, _)) => {
                let (left, right): (Vec<usize>, Vec<usize>) = members
                    .into_iter()
                    .partition(|&id| segments[id].x1 <= left_end + 0.5);
                cut(segments, rules, left, depth + 1, blocks);
                cut(segments, rules, right, depth + 1, blocks);
            }
            None if single => blocks.push(members),
            None => cut(segments, rules, members, depth + 1, blocks),
        }
    }
}

/// Splits segments into horizontal bands, top to bottom: no segment spans two.
fn bands(segments: &[Segment], mut ids: Vec<usize>) -> Vec<Vec<usize>> {
    ids.sort_by(|&a, &b| segments[b].top().total_cmp(&segments[a].top()));
    let mut bands: Vec<Vec<usize>> = Vec::new();
    let mut floor = f64::INFINITY;
    for id in ids {
        let segment = &segments[id];
        match bands.last_mut() {
            Some(band) if segment.top() > floor => {
                band.push(id);
                floor = floor.min(segment.bottom());
            }
            _ => {
                bands.push(vec![id]);
                floor = segment.bottom();
            }
        }
    }
    bands
}

/// Finds gutters: free vertical strips at least `min_width` wide, or of any
/// width where a vertical rule (a table border) stands in them.
struct Gaps<'a> {
    segments: &'a [Segment],
    rules: &'a [Rule],
    min_width: f64,
}

impl Gaps<'_> {
    fn qualifies(&self, ids: &[usize], (left, right): (f64, f64)) -> bool {
        if right - left >= self.min_width {
            return true;
        }
        let low = ids
            .iter()
            .map(|&id| self.segments[id].bottom())
            .fold(f64::INFINITY, f64::min);
        let high = ids
            .iter()
            .map(|&id| self.segments[id].top())
            .fold(f64::NEG_INFINITY, f64::max);
        right > left
            && rules_between(self.rules, left - 0.5, right + 0.5)
                .any(|rule| rule.y0 <= high && rule.y1 >= low)
    }

    /// The widest gutter inside a band, between its segments.
    fn widest(&self, band: &[usize]) -> Option<(f64, f64)> {
        let mut spans: Vec<(f64, f64)> = band
            .iter()
            .map(|&id| (self.segments[id].x0, self.segments[id].x1))
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut best: Option<(f64, f64)> = None;
        let mut reach = f64::NEG_INFINITY;
        for (x0, x1) in spans {
            if reach.is_finite()
                && self.qualifies(band, (reach, x0))
                && best.is_none_or(|(a, b)| x0 - reach > b - a)
            {
                best = Some((reach, x0));
            }
            reach = reach.max(x1);
        }
        best
    }

    /// The widest part of `gutter` that the segments `ids` leave free and that
    /// still qualifies.
    fn narrow(&self, ids: &[usize], gutter: (f64, f64)) -> Option<(f64, f64)> {
        let mut free = vec![gutter];
        for &id in ids {
            let (x0, x1) = (self.segments[id].x0, self.segments[id].x1);
            free = free
                .into_iter()
                .flat_map(|(left, right)| {
                    if x1 <= left || x0 >= right {
                        vec![(left, right)]
                    } else {
                        vec![(left, x0.max(left)), (x1.min(right), right)]
                    }
                })
                .filter(|(left, right)| right > left)
                .collect();
        }
        free.into_iter()
            .filter(|&strip| self.qualifies(ids, strip))
            .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))
    }
}

/// How many bands of `ids` have text on both sides of the gutter.
fn two_sided_bands(segments: &[Segment], ids: &[usize], (left, right): (f64, f64)) -> usize {
    bands(segments, ids.to_vec())
        .iter()
        .filter(|band| {
            band.iter().any(|&id| segments[id].x1 <= left + 0.5)
                && band.iter().any(|&id| segments[id].x0 >= right - 0.5)
        })
        .count()
}

fn median_size(segments: &[Segment], ids: &[usize]) -> f64 {
    let mut sizes: Vec<f64> = ids.iter().map(|&id| segments[id].size).collect();
    sizes.sort_by(f64::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(10.0)
}

/// Step 4: a block's lines, top to bottom, with paragraph breaks.
fn block_text(segments: &[Segment], block: &[usize]) -> String {
    let mut ids = block.to_vec();
    ids.sort_by(|&a, &b| {
        segments[b]
            .y
            .total_cmp(&segments[a].y)
            .then(segments[a].x0.total_cmp(&segments[b].x0))
    });
    // Lines: (baseline, size, segment texts).
    let mut lines: Vec<(f64, f64, Vec<&str>)> = Vec::new();
    for id in ids {
        let segment = &segments[id];
        match lines.last_mut() {
            Some((y, size, texts)) if (*y - segment.y).abs() <= 0.5 * size.min(segment.size) => {
                texts.push(segment.text.trim());
                *size = size.max(segment.size);
            }
            _ => lines.push((segment.y, segment.size, vec![segment.text.trim()])),
        }
    }
    // The block's tightest line spacing is its usual one.
    let tightest = lines
        .windows(2)
        .map(|pair| pair[0].0 - pair[1].0)
        .filter(|&gap| gap > 0.5 * lines[0].1.min(8.0))
        .min_by(f64::total_cmp);
    let mut out = String::new();
    let mut previous: Option<(f64, f64)> = None;
    for (y, size, texts) in &lines {
        if let Some((previous_y, previous_size)) = previous {
            let gap = previous_y - y;
            let paragraph = gap > PARAGRAPH_GAP * size.max(previous_size)
                && tightest.is_some_and(|tightest| gap > 1.25 * tightest);
            out.push_str(if paragraph { "\n\n" } else { "\n" });
        }
        let texts: Vec<&str> = texts.iter().copied().filter(|t| !t.is_empty()).collect();
        out.push_str(&texts.join(" | "));
        previous = Some((*y, *size));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs for `text` at (x, y), each `width` wide, spaces included.
    fn run(text: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
        let width = 0.5 * size;
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + i as f64 * width,
                y,
                advance: width,
                size,
                text: c.to_string(),
            })
            .collect()
    }

    #[test]
    fn words_lines_and_paragraphs() {
        let mut glyphs = run("Skills", 50.0, 700.0, 10.0);
        glyphs.extend(run("C++ and C#", 50.0, 680.0, 10.0));
        glyphs.extend(run("and .NET", 50.0, 668.0, 10.0));
        glyphs.extend(run("Node.js", 50.0, 656.0, 10.0));
        glyphs.reverse();
        assert_eq!(
            page_text(glyphs, &[]),
            "Skills\n\nC++ and C#\nand .NET\nNode.js"
        );
    }

    #[test]
    fn gaps_without_space_glyphs_are_spaces_and_spacing_is_not() {
        let mut glyphs = run("Backend", 50.0, 700.0, 10.0);
        glyphs.extend(run("developer", 50.0 + 7.0 * 5.0 + 3.0, 700.0, 10.0));
        // Letter-spaced: each glyph's advance includes the extra spacing.
        let mut spaced = run("SKILLS", 50.0, 680.0, 10.0);
        for (i, glyph) in spaced.iter_mut().enumerate() {
            glyph.x += i as f64 * 3.0;
            glyph.advance += 3.0;
        }
        glyphs.extend(spaced);
        assert_eq!(page_text(glyphs, &[]), "Backend developer\nSKILLS");
    }

    #[test]
    fn two_columns_drawn_in_turn_read_column_by_column() {
        let left = ["Skills", "C++, C#", "Go", "Education", "BSc"];
        let right = [
            "Summary",
            "Backend developer building",
            "backend services with",
            "continuous integration",
            "and auto-scaling.",
        ];
        let mut glyphs = run("Alex Morgan", 40.0, 780.0, 20.0);
        for (i, (l, r)) in left.iter().zip(right).enumerate() {
            glyphs.extend(run(l, 40.0, 700.0 - 12.0 * i as f64, 9.0));
            glyphs.extend(run(r, 215.0, 701.0 - 12.5 * i as f64, 9.0));
        }
        assert_eq!(
            page_text(glyphs, &[]),
            "Alex Morgan\n\nSkills\nC++, C#\nGo\nEducation\nBSc\n\n\
             Summary\nBackend developer building\nbackend services with\n\
             continuous integration\nand auto-scaling."
        );
    }

    #[test]
    fn a_right_aligned_date_stays_on_its_line() {
        let mut glyphs = run("Backend Developer, Northwind", 50.0, 700.0, 10.0);
        glyphs.extend(run("(2021 to present)", 400.0, 700.0, 10.0));
        glyphs.extend(run(
            "Designed and built REST APIs in C# and .NET for",
            50.0,
            687.0,
            10.0,
        ));
        assert_eq!(
            page_text(glyphs, &[]),
            "Backend Developer, Northwind | (2021 to present)\n\
             Designed and built REST APIs in C# and .NET for"
        );
    }

    #[test]
    fn a_rule_splits_cells_and_doubled_glyphs_are_dropped() {
        let mut glyphs = run("DevOps", 50.0, 700.0, 10.0);
        glyphs.extend(run("AWS", 50.0 + 6.0 * 5.0 + 4.0, 700.0, 10.0));
        let mut bold = run("CI", 50.0, 680.0, 10.0);
        bold.extend(run("CI", 50.3, 680.0, 10.0));
        glyphs.extend(bold);
        let rule = Rule {
            x: 82.0,
            y0: 695.0,
            y1: 712.0,
        };
        assert_eq!(page_text(glyphs, &[rule]), "DevOps | AWS\nCI");
    }
}
