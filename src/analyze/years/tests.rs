use super::*;
use crate::analyze::dates::date_ranges;

const TODAY: YearMonth = YearMonth {
    year: 2025,
    month: 6,
};

#[test]
fn tables_are_sorted_unique_and_lowercase() {
    fn check(name: &str, words: &[&str]) {
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "{name}: sorted, unique"
        );
        for word in words {
            assert_eq!(*word, word.to_lowercase(), "{name}: {word}");
        }
    }
    check("EDUCATION_WORDS", EDUCATION_WORDS);
    check(
        "NUMBER_WORDS",
        &NUMBER_WORDS.iter().map(|e| e.0).collect::<Vec<_>>(),
    );
    check("YEARS_QUALIFIERS", YEARS_QUALIFIERS);
    check("YEARS_REJECTED_AFTER", YEARS_REJECTED_AFTER);
    check("YEARS_REJECTED_BEFORE", YEARS_REJECTED_BEFORE);
    check("NOT_AFTER_OF", NOT_AFTER_OF);
}

#[test]
fn months_covered() {
    let cases: &[(&str, u32)] = &[
        ("Jan 2019 – Mar 2019", 3),
        ("Jan 2019 – Jan 2019", 1),
        ("2016–2020", 48),
        ("2019–2019", 6),
        ("Jan 2019 – Present", 78),
        ("2019 - now", 72),
        ("Spring 2020 – Fall 2021", 21),
        ("2019 – Mar 2021", 21),
    ];
    for (text, months) in cases {
        let text = format!("## Experience\n{text}");
        let layout = Layout::new(&text);
        let found = experience(&layout, &date_ranges(&layout, TODAY), TODAY);
        assert_eq!(found.months, *months, "{text:?}");
    }
}

/// Years of experience of `text`: months, and each range's span and verdict.
fn tenure(text: &str) -> (u32, Vec<(&str, Verdict)>) {
    let layout = Layout::new(text);
    let found = experience(&layout, &date_ranges(&layout, TODAY), TODAY);
    let verdicts = found
        .ranges
        .iter()
        .map(|r| (&text[r.range.span.clone()], r.verdict))
        .collect();
    (found.months, verdicts)
}

const RESUME: &str = "\
# Priya Natarajan
Senior Backend Engineer · priya@example.com

## Summary
Backend engineer since 2015, mostly Go.

## Experience

### Senior Backend Engineer — Tessellate (Mar 2021 – Present)
- Owned the billing API.

### Backend Engineer — Quarry Labs, 2016 – 2021
- Built the ingestion pipeline.

### Contract work (Jun 2019 - Dec 2019)
- Evenings and weekends, overlapping the job above.

## Projects
**Kettle**, a task runner (2018–2020)

## Education
B.Sc. Computer Science, University of Leeds, 2012–2016

## Volunteering
Code club mentor, 2017 - present
";

#[test]
fn a_resume_counts_its_experience_section_only() {
    let (months, verdicts) = tenure(RESUME);
    let section = |kind| Verdict::Section { kind };
    assert_eq!(
        verdicts,
        [
            ("since 2015", section(SectionKind::Summary)),
            ("Mar 2021 – Present", Verdict::Counted),
            ("2016 – 2021", Verdict::Counted),
            ("Jun 2019 - Dec 2019", Verdict::Counted),
            ("2018–2020", section(SectionKind::Projects)),
            ("2012–2016", section(SectionKind::Education)),
            ("2017 - present", section(SectionKind::Volunteering)),
        ]
    );
    // Jul 2016 – Jun 2025, the overlapping ranges merged: 9 years.
    assert_eq!(months, 9 * 12);
    let layout = Layout::new(RESUME);
    let found = experience(&layout, &date_ranges(&layout, TODAY), TODAY);
    assert_eq!(found.years(), 9);
    assert_eq!(
        found.describe().as_deref(),
        Some("9 years (2016–present, lines 9–15)")
    );
    assert_eq!(found.periods.len(), 1);
    assert!(found.periods[0].open);
}

#[test]
fn touching_ranges_merge_and_gaps_stay() {
    let text = "Experience\nA, Jan 2018 – Dec 2019\nB, Jan 2020 – Jun 2020\nC, Jan 2022 – Dec 2022";
    let layout = Layout::new(text);
    let found = experience(&layout, &date_ranges(&layout, TODAY), TODAY);
    assert_eq!(found.months, 24 + 6 + 12);
    let periods: Vec<(YearMonth, YearMonth)> =
        found.periods.iter().map(|p| (p.first, p.last)).collect();
    let at = |year, month| YearMonth { year, month };
    assert_eq!(
        periods,
        [(at(2018, 1), at(2020, 6)), (at(2022, 1), at(2022, 12))]
    );
    assert_eq!(
        found.describe().as_deref(),
        Some("3 years (2018–2022, lines 2–4)")
    );
}

#[test]
fn impossible_ranges_are_left_out() {
    let text = "## Experience\n\
        A, 2021 – 2019\n\
        B, Jan 2027 – Present\n\
        C, 1960 – 2020\n\
        D, Jan 2024 – Dec 2026\n";
    let (months, verdicts) = tenure(text);
    assert_eq!(
        verdicts,
        [
            ("2021 – 2019", Verdict::EndsBeforeStart),
            ("Jan 2027 – Present", Verdict::Future),
            ("1960 – 2020", Verdict::TooLong),
            ("Jan 2024 – Dec 2026", Verdict::CountedToToday),
        ]
    );
    // Jan 2024 to June 2025, today's month included.
    assert_eq!(months, 18);
}

#[test]
fn without_an_experience_heading_education_lines_stay_out() {
    let text = "Sam Okafor\nBackend developer\n\n\
        Acme Corp, developer, 2019 - present\n\
        B.Sc. Computing, Staffordshire University, 2015 - 2019\n\
        Bachelor's thesis on compilers (2018-2019)\n";
    let (months, verdicts) = tenure(text);
    assert_eq!(
        verdicts,
        [
            ("2019 - present", Verdict::Counted),
            ("2015 - 2019", Verdict::EducationLine),
            ("2018-2019", Verdict::EducationLine),
        ]
    );
    assert_eq!(months, 72);
}

#[test]
fn with_an_experience_heading_the_headline_stays_out() {
    let text = "Ana · Engineer · 2010–2024 alumni\n\nExperience\nAcme, 2020 - 2022\n";
    let (months, verdicts) = tenure(text);
    assert_eq!(
        verdicts,
        [
            ("2010–2024", Verdict::OutsideExperience),
            ("2020 - 2022", Verdict::Counted)
        ]
    );
    assert_eq!(months, 24);
}

#[test]
fn no_ranges_no_years() {
    let layout = Layout::new("Just some text.");
    let found = experience(&layout, &date_ranges(&layout, TODAY), TODAY);
    assert_eq!(found.months, 0);
    assert_eq!(found.describe(), None);
}

/// A years phrase expected: years, up to, at least, phrase.
type Expected = Option<(u32, Option<u32>, bool, &'static str)>;

/// The (years, up to, at least, phrase) a resume states in `text`.
fn stated(text: &str) -> Vec<(u32, Option<u32>, bool, String)> {
    stated_years(&Layout::new(text))
        .into_iter()
        .map(|s| (s.years, s.up_to, s.at_least, s.phrase))
        .collect()
}

/// The same, for a posting.
fn asked(text: &str) -> Vec<(u32, Option<u32>, bool, String)> {
    years_asked(&Layout::new(text))
        .into_iter()
        .map(|s| (s.years, s.up_to, s.at_least, s.phrase))
        .collect()
}

#[test]
fn years_a_resume_states() {
    // Lines under an "Experience" heading, so the summary rule does not apply.
    let cases: &[(&str, Expected)] = &[
        (
            "8+ years of experience in Go",
            Some((8, None, true, "8+ years of experience")),
        ),
        (
            "over a decade of backend work",
            Some((10, None, true, "over a decade of backend")),
        ),
        (
            "10 years in backend development",
            Some((10, None, false, "10 years in backend")),
        ),
        (
            "five years of professional experience",
            Some((5, None, false, "five years of professional experience")),
        ),
        ("15+ yrs", Some((15, None, true, "15+ yrs"))),
        (
            "two decades of experience",
            Some((20, None, false, "two decades of experience")),
        ),
        (
            "Seven years building APIs",
            Some((7, None, false, "Seven years building")),
        ),
        (
            "12 years' experience",
            Some((12, None, false, "12 years' experience")),
        ),
        (
            "a 10-year career in payments",
            Some((10, None, false, "10-year career")),
        ),
        (
            "nearly twenty years with Java",
            Some((20, None, false, "twenty years with Java")),
        ),
        (
            "4 years as a backend engineer",
            Some((4, None, false, "4 years as a")),
        ),
        (
            "at least 6 years of hands-on work",
            Some((6, None, true, "at least 6 years of hands-on")),
        ),
        // Not about experience.
        ("Signed a 5-year contract", None),
        ("The company was founded 10 years ago", None),
        ("Comes with 3 years warranty", None),
        ("Three promotions in four years", None),
        ("Grew revenue over the last 5 years", None),
        ("Kept the service up for 3 years", None),
        ("A 2-year plan", None),
        ("Volunteered 2 years", None),
        ("Within 2 years of experience we shipped", None),
        ("10 years old", None),
    ];
    for (line, expected) in cases {
        let text = format!("## Experience\n{line}");
        let found = stated(&text);
        let expected: Vec<_> = expected
            .iter()
            .map(|(y, u, a, p)| (*y, *u, *a, p.to_string()))
            .collect();
        assert_eq!(found, expected, "{line:?}");
    }
}

#[test]
fn the_summary_and_headline_speak_about_the_person() {
    let text = "Sam Lee\nBackend engineer, 9 years\n\n## Summary\nI have built payment systems for 6 years.\n\n## Experience\nShipped it for 3 years.\n";
    let years: Vec<u32> = stated(text).iter().map(|s| s.0).collect();
    assert_eq!(years, [9, 6]);
    let found = stated_years(&Layout::new(text));
    assert_eq!(found[0].line, 2);
    assert_eq!(&text[found[0].span.clone()], "9 years");
}

#[test]
fn years_a_posting_asks() {
    let cases: &[(&str, Expected)] = &[
        ("- 5+ years", Some((5, None, true, "5+ years"))),
        (
            "- 3-5 years of backend experience",
            Some((3, Some(5), false, "3-5 years of backend experience")),
        ),
        (
            "- 3 to 5 years with Python",
            Some((3, Some(5), false, "3 to 5 years with Python")),
        ),
        ("- 3–5 years", Some((3, Some(5), false, "3–5 years"))),
        (
            "- At least 7 years",
            Some((7, None, true, "At least 7 years")),
        ),
        (
            "- A minimum of 4 years",
            Some((4, None, true, "minimum of 4 years")),
        ),
        (
            "- Minimum 4 years in a similar role",
            Some((4, None, true, "Minimum 4 years in a")),
        ),
        (
            "- 2+ years of professional experience with Go",
            Some((2, None, true, "2+ years of professional experience")),
        ),
        (
            "- Two or more years building marketing websites.",
            Some((2, None, true, "Two or more years building")),
        ),
        (
            "- 4 years experience minimum",
            Some((4, None, true, "4 years experience minimum")),
        ),
        (
            "- More than 6 years of backend work",
            Some((6, None, true, "More than 6 years of backend")),
        ),
        // Not asked.
        ("This is a 12-month contract, renewable for 2 years", None),
        ("We were founded 10 years ago.", None),
        ("Laptop with a 3 years warranty", None),
        ("Our team doubled in 2 years", None),
    ];
    for (line, expected) in cases {
        let found = asked(line);
        let expected: Vec<_> = expected
            .iter()
            .map(|(y, u, a, p)| (*y, *u, *a, p.to_string()))
            .collect();
        assert_eq!(found, expected, "{line:?}");
    }
}

#[test]
fn amounts_read_back() {
    let text = "## Experience\n- 3-5 years of Go\n- 8+ years of Rust\n- 1 year of Java\n";
    let amounts: Vec<String> = years_asked(&Layout::new(text))
        .iter()
        .map(StatedYears::amount)
        .collect();
    assert_eq!(amounts, ["3–5 years", "8+ years", "1 year"]);
}

#[test]
fn the_line_filter_finds_year_words() {
    let text = "8 YEARS\nnothing\n15+ yrs\na Decade\nyesterday\ny\n2019 - 2020\n";
    assert_eq!(years_lines(&Layout::new(text)), [0, 2, 3]);
}
