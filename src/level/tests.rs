use super::*;

const TODAY: YearMonth = YearMonth {
    year: 2025,
    month: 6,
};

fn resume(text: &str, work: Option<WorkScores>) -> LevelEstimate {
    estimate(&Signals::resume(&Layout::new(text), TODAY), work.as_ref())
}

fn posting(text: &str, work: Option<WorkScores>) -> LevelEstimate {
    estimate(&Signals::posting(&Layout::new(text)), work.as_ref())
}

fn work(entry: f64, mid: f64, senior: f64, lead: f64) -> Option<WorkScores> {
    Some(WorkScores {
        entry,
        mid,
        senior,
        lead,
    })
}

/// A resume with one untitled dated role.
fn dated(range: &str) -> String {
    format!("## Experience\nAcme, {range}\n")
}

#[test]
fn resume_year_bands_at_every_boundary() {
    use Level::*;
    let cases: &[(&str, Level)] = &[
        ("Jan 2020 – Nov 2020", Entry),
        // 2 years 11 months is still entry; 3 years is mid.
        ("Jan 2020 – Nov 2022", Entry),
        ("Jan 2020 – Dec 2022", Mid),
        // 5 years 11 months is still mid; 6 years is senior.
        ("Jan 2017 – Nov 2022", Mid),
        ("Jan 2017 – Dec 2022", Senior),
        ("Jan 2008 – Present", Senior),
    ];
    for (range, expected) in cases {
        let found = resume(&dated(range), None);
        assert_eq!(found.level, *expected, "{range}");
        assert_eq!(found.confidence, Confidence::Medium, "{range}");
        assert_eq!(found.years.map(|y| y.source), Some(YearsSource::Computed));
    }
    let stated: &[(&str, Level)] = &[
        ("Backend developer with 2 years of experience.", Entry),
        ("Backend developer with 3 years of experience.", Mid),
        ("Backend developer with 5 years of experience.", Mid),
        ("Backend developer with 6 years of experience.", Senior),
    ];
    for (line, expected) in stated {
        let text = format!("## Summary\n{line}\n");
        let found = resume(&text, None);
        assert_eq!(found.level, *expected, "{line}");
        // "Backend developer" states no level: the years decide.
        assert_eq!(
            found.decided_by().map(|s| s.evidence.label()),
            Some(format!("states \"{}\" (line 2)", &line[23..line.len() - 1])),
            "{line}"
        );
    }
    let nothing = resume("Just a paragraph about cooking.", None);
    assert_eq!(nothing.level, Unknown);
    assert_eq!(
        nothing.summary(&[]),
        "unknown — no title, dates or years to go by"
    );
}

#[test]
fn posting_year_bands_on_the_lower_bound() {
    use Level::*;
    let cases: &[(&str, Level)] = &[
        ("- 1+ years of Python", Entry),
        ("- 2+ years of Python", Mid),
        ("- 4+ years of Python", Mid),
        ("- 5+ years of Python", Senior),
        ("- 3-5 years of Python", Mid),
        ("- 0-2 years of Python", Entry),
    ];
    for (line, expected) in cases {
        let found = posting(&format!("We build software.\n\n{line}\n"), None);
        assert_eq!(found.level, *expected, "{line}");
        assert_eq!(found.confidence, Confidence::Medium, "{line}");
    }
}

/// A resume whose most recent role is `title`, dated `range`.
fn titled(title: &str, range: &str) -> String {
    format!("## Experience\n\n### {title} — Acme ({range})\n- Built things.\n")
}

#[test]
fn a_title_and_years_give_the_lower_level_a_lead_title_leads() {
    use Confidence::*;
    use Level::*;
    // Title, range, level, confidence, and whether the title decided.
    #[rustfmt::skip]
    let cases: &[(&str, &str, Level, Confidence, bool)] = &[
        ("Senior Backend Engineer", "Jan 2017 – Present", Senior, High, true),
        // A senior title with three years is mid: the lower of the two.
        ("Senior Backend Engineer", "Jan 2022 – Present", Mid, Medium, false),
        ("Senior Backend Engineer", "Jan 2024 – Present", Entry, Low, false),
        // An intern with ten years of dates: the dates are misread.
        ("Backend Engineering Intern", "2015 – Present", Entry, Low, true),
        ("Junior Developer", "Jan 2024 – Present", Entry, High, true),
        // A junior title with four years stays junior.
        ("Junior Developer", "Jan 2021 – Present", Entry, Medium, true),
        ("Software Engineer II", "Jan 2021 – Present", Mid, High, true),
        ("Software Engineer II", "2015 – Present", Mid, Medium, true),
        ("Staff Engineer", "2012 – Present", Senior, High, true),
        ("Staff Engineer", "Jan 2021 – Present", Mid, Medium, false),
        // A lead title decides whatever the years; they set the confidence.
        ("Team Lead", "2016 – Present", Lead, High, true),
        ("Engineering Manager", "Jan 2021 – Present", Lead, Medium, true),
        ("Tech Lead", "Jan 2024 – Present", Lead, Low, true),
        ("Director of Engineering", "2010 – Present", Lead, High, true),
    ];
    for (title, range, level, confidence, by_title) in cases {
        let found = resume(&titled(title, range), None);
        assert_eq!(
            (found.level, found.confidence),
            (*level, *confidence),
            "{title}, {range}"
        );
        let decided = found.decided_by().map(|s| s.evidence.label());
        let title_label = format!("title \"{title}\" (line 3)");
        assert_eq!(
            decided == Some(title_label.clone()),
            *by_title,
            "{title}, {range}"
        );
        if !by_title {
            let title_signal = found
                .signals
                .iter()
                .find(|s| s.evidence.label() == title_label)
                .unwrap();
            assert_eq!(title_signal.weight, Weight::Disagreed, "{title}, {range}");
        }
    }
}

#[test]
fn without_a_level_in_the_title_the_years_decide() {
    let found = resume(&titled("Software Engineer", "2015 – Present"), None);
    assert_eq!(
        (found.level, found.confidence),
        (Level::Senior, Confidence::Medium)
    );
    let title = &found.signals[1];
    assert_eq!(title.weight, Weight::Ignored);
    assert_eq!(title.reason, "states no level; the years decide");
    // No years either: a professional role reads mid, with low confidence.
    let found = resume("## Experience\n\n### Software Engineer — Acme\n", None);
    assert_eq!(
        (found.level, found.confidence),
        (Level::Mid, Confidence::Low)
    );
    // A non-technical title is left out, and makes the years weak.
    let found = resume(&titled("Restaurant Manager", "2012 – Present"), None);
    assert_eq!(
        (found.level, found.confidence),
        (Level::Senior, Confidence::Low)
    );
}

#[test]
fn the_most_recent_role_outranks_an_older_senior_one() {
    let text = "\
Morgan Diaz
Backend Developer

## Experience

### Backend Developer II — Quay (Mar 2022 – Present)
- Payments API.

### Senior Developer — Ferrous Ltd (2014 – 2022)
- Ran the team's releases.
";
    let found = resume(text, None);
    assert_eq!(found.level, Level::Mid);
    // Eleven years of dates say senior: one band apart.
    assert_eq!(found.confidence, Confidence::Medium);
    assert_eq!(
        found.summary(&[]),
        "mid — title \"Backend Developer II\" (line 6); 11 years (2014–present, lines 6–9) says senior"
    );
}

#[test]
fn computed_and_stated_years_together() {
    // Stated years beyond the dates count (early roles left out), but two
    // bands apart they are not sure.
    let text = "## Summary\nBackend developer, 8+ years of experience.\n\n## Experience\nAcme, Jan 2024 – Present\n";
    let found = resume(text, None);
    assert_eq!(
        (found.level, found.confidence),
        (Level::Senior, Confidence::Low)
    );
    assert_eq!(
        found.years.map(|y| (y.years, y.source)),
        Some((8, YearsSource::Stated))
    );
    // The person's own figure goes before the dates, which an old resume's
    // "Present" stretches; they agree here.
    let text = "## Summary\nBackend developer, 6+ years of experience.\n\n## Experience\nAcme, 2017 – Present\n";
    let found = resume(text, None);
    assert_eq!(
        (found.level, found.confidence),
        (Level::Senior, Confidence::High)
    );
    assert_eq!(found.years.map(|y| y.source), Some(YearsSource::Stated));
    // A resume written years ago: four years stated, seven by today's date.
    let text = "## Summary\nBackend developer with four years in cloud.\n\n## Experience\nAcme, 2018 – Present\n";
    let found = resume(text, None);
    assert_eq!(
        (found.level, found.confidence),
        (Level::Mid, Confidence::Medium)
    );
    // Years about one skill do not stand for the person's; the dates count.
    let text = "## Experience\nAcme, 2012 – Present\n- 3 years of Kubernetes\n";
    let found = resume(text, None);
    assert_eq!(found.level, Level::Senior);
    assert_eq!(
        found.years.map(|y| (y.years, y.source)),
        Some((13, YearsSource::Computed))
    );
}

#[test]
fn the_work_breaks_ties_and_speaks_alone() {
    use Confidence::*;
    use Level::*;
    let cases: &[(&str, Option<WorkScores>, Level, Confidence)] = &[
        // 34 months, near the entry/mid edge: the work picks mid.
        (
            "Jan 2020 – Oct 2022",
            work(10.0, 30.0, 5.0, 0.0),
            Mid,
            Medium,
        ),
        // A vote for a band not at the edge changes nothing.
        (
            "Jan 2020 – Oct 2022",
            work(0.0, 5.0, 30.0, 0.0),
            Entry,
            Medium,
        ),
        // 70 months, near the mid/senior edge: the work picks senior.
        (
            "Jan 2017 – Oct 2022",
            work(5.0, 10.0, 30.0, 0.0),
            Senior,
            Medium,
        ),
        // Away from an edge, an agreeing vote makes the years sure.
        ("Jan 2019 – Dec 2022", work(5.0, 30.0, 10.0, 0.0), Mid, High),
        // Senior years with lead work: lead.
        ("2012 – Present", work(5.0, 10.0, 30.0, 40.0), Lead, Medium),
    ];
    for (range, scores, level, confidence) in cases {
        let found = resume(&dated(range), *scores);
        assert_eq!(
            (found.level, found.confidence),
            (*level, *confidence),
            "{range} {scores:?}"
        );
    }
    let alone: &[(Option<WorkScores>, Level)] = &[
        (work(40.0, 10.0, 5.0, 0.0), Entry),
        (work(5.0, 10.0, 40.0, 30.0), Lead),
        // Too close to call, or too low.
        (work(20.0, 18.0, 5.0, 0.0), Unknown),
        (work(10.0, 2.0, 1.0, 0.0), Unknown),
        (None, Unknown),
    ];
    for (scores, level) in alone {
        let found = resume("Some text with no dates.", *scores);
        assert_eq!(found.level, *level, "{scores:?}");
        assert_eq!(found.confidence, Confidence::Low, "{scores:?}");
    }
}

#[test]
fn a_posting_goes_by_its_title_then_its_years() {
    use Confidence::*;
    use Level::*;
    let cases: &[(&str, Level, Confidence)] = &[
        (
            "# Senior Backend Engineer\n\n- 5+ years of Go\n- 2+ years of Kubernetes",
            Senior,
            High,
        ),
        (
            "# Senior Backend Engineer\n\n- 3+ years of Go",
            Senior,
            Medium,
        ),
        ("# Junior Backend Developer\n\n- 5+ years of Go", Entry, Low),
        (
            "# Backend Engineer\n\n- 3-5 years of backend experience",
            Mid,
            Medium,
        ),
        (
            "# Backend Engineer\n\nWe are hiring a senior engineer to own billing.",
            Senior,
            Medium,
        ),
        (
            "# Engineering Manager, Payments\n\n- 6+ years of experience",
            Lead,
            High,
        ),
        ("# API Developer (mid-level)\n\nBuild the API.", Mid, Medium),
        ("# Backend Engineer\n\nBuild the API.", Mid, Low),
        ("We build software for ports.", Unknown, Low),
    ];
    for (text, level, confidence) in cases {
        let found = posting(text, None);
        assert_eq!(
            (found.level, found.confidence),
            (*level, *confidence),
            "{text:?}"
        );
    }
}

#[test]
fn the_summary_reads_like_the_issue_asks() {
    let text = "\
Priya Natarajan
Backend engineer · priya@example.com

## Experience

### Senior Backend Engineer — Tessellate (Mar 2021 – Present)
- Owned the billing API.

### Backend Engineer — Quarry Labs (2016 – 2021)
- Built the ingestion pipeline.
";
    let found = resume(text, work(8.0, 20.0, 36.0, 0.0));
    assert_eq!(
        (found.level, found.confidence),
        (Level::Senior, Confidence::High)
    );
    assert_eq!(
        found.summary(&["senior work 5/14"]),
        "senior — title \"Senior Backend Engineer\" (line 6); 9 years (2016–present, lines 6–9); senior work 5/14"
    );
    let json = serde_json::to_value(&found).unwrap();
    assert_eq!(json["level"], "senior");
    assert_eq!(json["confidence"], "high");
    assert_eq!(json["kind"], "resume");
    assert_eq!(json["years"]["years"], 9);
    let first = &json["signals"][0];
    assert_eq!(first["signal"], "title");
    assert_eq!(first["weight"], "decided");
    assert_eq!(first["says"], "senior");
    assert_eq!(first["title"]["line"], 6);
    assert_eq!(first["title"]["place"], "recent-role");
    let kinds: Vec<&str> = json["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["signal"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["title", "title", "title", "computed-years", "work"]);
    let years = &json["signals"][3];
    assert_eq!(years["weight"], "agreed");
    assert_eq!(years["experience"]["months"], 108);
    assert_eq!(years["experience"]["ranges"][0]["verdict"], "counted");
    assert_eq!(json["signals"][4]["weight"], "agreed");
}

fn fit(posting_text: &str, resume_text: &str) -> (Fit, String) {
    let found = seniority_fit(&posting(posting_text, None), &resume(resume_text, None));
    (found.fit, found.sentence)
}

#[test]
fn seniority_fit_in_every_direction() {
    let senior_posting =
        "# Backend Engineer\n\n## Requirements\n- 5+ years of backend experience\n";
    let junior = dated("Jan 2023 – Present");
    assert_eq!(
        fit(senior_posting, &junior),
        (
            Fit::UnderLevelled,
            "the posting asks 5+ years; the resume shows 2".to_string()
        )
    );
    let seasoned = dated("2014 – Present");
    assert_eq!(
        fit(senior_posting, &seasoned),
        (
            Fit::Aligned,
            "the posting asks 5+ years; the resume shows 11".to_string()
        )
    );
    let mid_posting = "# Backend Engineer\n\n- 2-4 years of Python\n";
    assert_eq!(fit(mid_posting, &seasoned).0, Fit::OverLevelled);
    // Without years on one side, the levels decide.
    let junior_posting = "# Junior Backend Developer\n\nJoin us.";
    let lead = "Dana Wu\nEngineering Manager\n";
    assert_eq!(
        fit(junior_posting, lead),
        (
            Fit::OverLevelled,
            "the posting reads entry: title \"Junior Backend Developer\" (line 1); the resume reads lead: title \"Engineering Manager\" (line 2)"
                .to_string()
        )
    );
    let senior_title = "# Senior Platform Engineer\n\nJoin us.";
    let junior_title = "Sam Lee\nJunior Developer\n";
    assert_eq!(fit(senior_title, junior_title).0, Fit::UnderLevelled);
    assert_eq!(
        fit(senior_title, "Alex Kim\nSenior Engineer\n").0,
        Fit::Aligned
    );
    // A lead applying where "2+ years" is asked with no upper bound.
    let open_posting = "We build software.\n\n- 2+ years of Go\n";
    let lead_resume = titled("Engineering Manager", "2015 – Present");
    assert_eq!(fit(open_posting, &lead_resume).0, Fit::OverLevelled);
    assert_eq!(
        fit("We build software.", &seasoned),
        (
            Fit::Unknown,
            "the posting names no level; the resume reads senior: 11 years (2014–present, line 2)"
                .to_string()
        )
    );
}

#[test]
fn posting_cues_are_sorted_unique_and_lowercase() {
    assert!(super::POSTING_CUES.windows(2).all(|pair| pair[0] < pair[1]));
    assert!(
        super::POSTING_CUES
            .iter()
            .all(|cue| *cue == cue.to_lowercase())
    );
}

#[test]
fn documents_read_as_postings_or_resumes() {
    use crate::analyze::outline::Layout;
    let cases = [
        (
            "# Backend Engineer\n\nWe are looking for a Go engineer.\n\n## Requirements\n- Go\n",
            DocumentKind::Posting,
        ),
        (
            "Sam Lee\nBackend Engineer\n\n## Experience\nAcme, 2019 - now\n- You will not believe it: requirements met.\n",
            DocumentKind::Resume,
        ),
        (
            "Sam Lee\nBackend Engineer\nGo, Kafka, PostgreSQL\n",
            DocumentKind::Resume,
        ),
        (
            "Senior SRE\nWhat you'll do: run Kubernetes.\nNice to have: Go.\n",
            DocumentKind::Posting,
        ),
    ];
    for (text, kind) in cases {
        assert_eq!(DocumentKind::detect(&Layout::new(text)), kind, "{text}");
    }
}
