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
    check("MONTHS", &MONTHS.iter().map(|e| e.0).collect::<Vec<_>>());
    check("SEASONS", &SEASONS.iter().map(|e| e.0).collect::<Vec<_>>());
    check("OPEN_WORDS", OPEN_WORDS);
    check("RANGE_WORDS", RANGE_WORDS);
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
fn windows_open_around_years_with_a_separator_near() {
    let text = "8 YEARS\nnothing\n15+ yrs\na Decade\nyesterday\ny\n2019 - 2020\nSep '21 – now\nJun ’19 - Present\n12345 - 1\n123\nin 2019 we grew\nsince 2020\n2019 onwards\n";
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
