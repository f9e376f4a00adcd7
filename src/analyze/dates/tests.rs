use super::*;

const TODAY: YearMonth = YearMonth {
    year: 2025,
    month: 6,
};

fn ym(year: u16, month: u8) -> When {
    When::Month(YearMonth { year, month })
}

fn season(year: u16, season: Season) -> When {
    When::Season { year, season }
}

fn date(when: When) -> RangeEnd {
    RangeEnd::Date(when)
}

/// The ranges of `text`: start, end and the text of their span.
fn ranges(text: &str) -> Vec<(When, RangeEnd, &str)> {
    date_ranges(&Layout::new(text), TODAY)
        .into_iter()
        .map(|r| (r.start, r.end, &text[r.span]))
        .collect()
}

#[test]
fn month_and_season_names_start_with_the_letters_checked_first() {
    for (name, _) in MONTHS {
        assert!(
            name.starts_with(['a', 'd', 'f', 'j', 'm', 'n', 'o', 's']),
            "{name}"
        );
        assert!((3..=9).contains(&name.len()), "{name}");
    }
    for (name, _) in SEASONS {
        assert!(name.starts_with(['a', 'f', 's', 'w']), "{name}");
        assert!((4..=6).contains(&name.len()), "{name}");
    }
}

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
    let names = |table: &[(&'static str, u8)]| table.iter().map(|e| e.0).collect::<Vec<_>>();
    check("MONTHS", &names(MONTHS));
    check("SEASONS", &SEASONS.iter().map(|e| e.0).collect::<Vec<_>>());
    check("OPEN_WORDS", OPEN_WORDS);
    check("RANGE_WORDS", RANGE_WORDS);
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
fn every_written_form_of_a_range() {
    use RangeEnd::Open;
    use Season::*;
    use When::Year;
    let cases: &[(&str, When, RangeEnd, &str)] = &[
        (
            "Acme · Jan 2019 – Present",
            ym(2019, 1),
            Open,
            "Jan 2019 – Present",
        ),
        (
            "January 2019 - Current",
            ym(2019, 1),
            Open,
            "January 2019 - Current",
        ),
        ("2016–2020", Year(2016), date(Year(2020)), "2016–2020"),
        ("2016 - 2020", Year(2016), date(Year(2020)), "2016 - 2020"),
        ("2010-2012", Year(2010), date(Year(2010 + 2)), "2010-2012"),
        ("2010—2012", Year(2010), date(Year(2012)), "2010—2012"),
        ("(2014 — 2019)", Year(2014), date(Year(2019)), "2014 — 2019"),
        (
            "03/2018 - 11/2021",
            ym(2018, 3),
            date(ym(2021, 11)),
            "03/2018 - 11/2021",
        ),
        (
            "3/2018–11/2021",
            ym(2018, 3),
            date(ym(2021, 11)),
            "3/2018–11/2021",
        ),
        (
            "03.2018 – 11.2021",
            ym(2018, 3),
            date(ym(2021, 11)),
            "03.2018 – 11.2021",
        ),
        ("2019 - now", Year(2019), Open, "2019 - now"),
        (
            "Sept. 2021 to date",
            ym(2021, 9),
            Open,
            "Sept. 2021 to date",
        ),
        (
            "Sep '21 – Mar '23",
            ym(2021, 9),
            date(ym(2023, 3)),
            "Sep '21 – Mar '23",
        ),
        ("Jun ’19 - Present", ym(2019, 6), Open, "Jun ’19 - Present"),
        (
            "2019-01 – 2021-06",
            ym(2019, 1),
            date(ym(2021, 6)),
            "2019-01 – 2021-06",
        ),
        (
            "2019/01 - 2021/06",
            ym(2019, 1),
            date(ym(2021, 6)),
            "2019/01 - 2021/06",
        ),
        (
            "Spring 2020 – Fall 2021",
            season(2020, Spring),
            date(season(2021, Fall)),
            "Spring 2020 – Fall 2021",
        ),
        (
            "Winter 2019 - Autumn 2019",
            season(2019, Winter),
            date(season(2019, Fall)),
            "Winter 2019 - Autumn 2019",
        ),
        ("Freelance since 2020", Year(2020), Open, "since 2020"),
        ("since March 2021", ym(2021, 3), Open, "since March 2021"),
        ("2018 — present", Year(2018), Open, "2018 — present"),
        (
            "Feb 2017 until Aug 2018",
            ym(2017, 2),
            date(ym(2018, 8)),
            "Feb 2017 until Aug 2018",
        ),
        (
            "Mar 2015 till Jun 2016",
            ym(2015, 3),
            date(ym(2016, 6)),
            "Mar 2015 till Jun 2016",
        ),
        (
            "2017 thru 2019",
            Year(2017),
            date(Year(2019)),
            "2017 thru 2019",
        ),
        (
            "from 2012 to 2014",
            Year(2012),
            date(Year(2014)),
            "2012 to 2014",
        ),
        (
            "Oct. 2020 – Dec. 2022",
            ym(2020, 10),
            date(ym(2022, 12)),
            "Oct. 2020 – Dec. 2022",
        ),
        (
            "December, 2019 – February 2020",
            ym(2019, 12),
            date(ym(2020, 2)),
            "December, 2019 – February 2020",
        ),
        (
            "March 3, 2019 – May 2020",
            ym(2019, 3),
            date(ym(2020, 5)),
            "March 3, 2019 – May 2020",
        ),
        ("Aug 2020 – Today", ym(2020, 8), Open, "Aug 2020 – Today"),
        ("2021 – Ongoing", Year(2021), Open, "2021 – Ongoing"),
        (
            "Jul 2022 to the present",
            ym(2022, 7),
            Open,
            "Jul 2022 to the present",
        ),
        (
            "Jan 2023 till date",
            ym(2023, 1),
            Open,
            "Jan 2023 till date",
        ),
        ("Backend Engineer (2018 –)", Year(2018), Open, "2018 –"),
        ("2018 – | Acme", Year(2018), Open, "2018 –"),
        ("2015 onwards", Year(2015), Open, "2015 onwards"),
        (
            "Mar – Jun 2022",
            ym(2022, 3),
            date(ym(2022, 6)),
            "Mar – Jun 2022",
        ),
        (
            "Nov – Feb 2020",
            ym(2019, 11),
            date(ym(2020, 2)),
            "Nov – Feb 2020",
        ),
        (
            "Engineer | Acme | 2019–present",
            Year(2019),
            Open,
            "2019–present",
        ),
    ];
    for (line, start, end, span) in cases {
        assert_eq!(ranges(line), [(*start, *end, *span)], "{line:?}");
    }
}

#[test]
fn single_dates_and_other_numbers_are_no_range() {
    let lines = [
        "2019",
        "Summer 2023",
        "Computer science graduate (May 2024)",
        "+353 1 555 0199",
        "+1 612 555 0147",
        "Windows Server 2019 and SQL Server 2022",
        "2019-20 season",
        "cut the batch from 7 hours to 50 minutes",
        "14,000 merchants, €70,000–€85,000",
        "ISO 20022 message parsing, UTC−5 to UTC+1",
        "Born in 1850 – 1900",
        "in 2019 - Built the new ledger",
        "FY2019 – FY2020",
        "Jan to March",
    ];
    for line in lines {
        assert_eq!(ranges(line), [], "{line:?}");
    }
}

#[test]
fn two_ranges_on_a_line() {
    let found = ranges("Intern 2016–2017, Engineer 2017–2020");
    let spans: Vec<&str> = found.iter().map(|r| r.2).collect();
    assert_eq!(spans, ["2016–2017", "2017–2020"]);
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

/// The lines of the range windows of `text`.
fn window_lines(text: &str) -> Vec<usize> {
    let mut lines: Vec<usize> = range_windows(&Layout::new(text))
        .into_iter()
        .map(|(line, _)| line)
        .collect();
    lines.dedup();
    lines
}

#[test]
fn the_line_filters_find_years_and_year_words() {
    let text = "8 YEARS\nnothing\n15+ yrs\na Decade\nyesterday\ny\n2019 - 2020\nSep '21 – now\nJun ’19 - Present\n12345 - 1\n123\nin 2019 we grew\nsince 2020\n2019 onwards\n";
    let layout = Layout::new(text);
    assert_eq!(years_lines(&layout), [0, 2, 3]);
    assert_eq!(window_lines(text), [6, 7, 8, 12, 13]);
    // Separator words are whole words: "Toronto" and "tools" are none.
    assert_eq!(
        window_lines("Toronto office, tools, 2019"),
        Vec::<usize>::new()
    );
    assert_eq!(window_lines("2019 TO 2020"), [0]);
    // A year after a long stretch without a digit.
    let long = format!("{}\n2019 – 2020", "word ".repeat(20));
    assert_eq!(window_lines(&long), [1]);
    // An apostrophe closing a chunk of eight bytes, its digits in the next.
    for pad in 0..9 {
        let edge = format!("{}'21 to '22", "x".repeat(pad));
        assert_eq!(window_lines(&edge), [0], "{edge:?}");
        assert_eq!(year_hits(edge.as_bytes()), [pad, pad + 7], "{edge:?}");
    }
}

#[test]
fn ranges_far_into_a_long_line_are_found_in_their_window() {
    let prose = "Worked on many things over the years with many people and tools. ".repeat(3);
    let text = format!(
        "## Experience\n{prose}Acme, September 3, 2019 – December 25, 2021, then {prose}2018 –"
    );
    let found = ranges(&text);
    let spans: Vec<&str> = found.iter().map(|r| r.2).collect();
    assert_eq!(spans, ["September 3, 2019 – December 25, 2021", "2018 –"]);
    // A dash at a window's cut, the line going on far after it: no open end.
    let cut = format!("2018 -{}Built it", " ".repeat(60));
    assert_eq!(ranges(&cut), []);
}
