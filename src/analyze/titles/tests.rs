use super::words::{POSTING_CUES, POSTING_ROLE_WORDS, SKIPPED_BEFORE};
use super::*;
use crate::analyze::dates::{YearMonth, date_ranges};

const TODAY: YearMonth = YearMonth {
    year: 2025,
    month: 6,
};

/// The first title opening a segment of `line`: text, rung, explicit, field.
fn first_title(line: &str) -> Option<(String, Rung, bool, Field)> {
    let r = Reader::new(line);
    let (parsed, _) = segment_titles(&r).into_iter().next()?;
    let span = r.span(parsed.atoms.start, parsed.atoms.end);
    Some((
        line[span].to_string(),
        parsed.rung,
        parsed.explicit,
        parsed.field,
    ))
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
    check(
        "LEVEL_WORDS",
        &LEVEL_WORDS.iter().map(|e| e.0).collect::<Vec<_>>(),
    );
    check(
        "ROLE_NOUNS",
        &ROLE_NOUNS.iter().map(|e| e.0).collect::<Vec<_>>(),
    );
    check("TECHNICAL_WORDS", TECHNICAL_WORDS);
    check("NON_TECHNICAL_WORDS", NON_TECHNICAL_WORDS);
    check("TITLE_BREAKERS", TITLE_BREAKERS);
    check("GENERAL_WORDS", GENERAL_WORDS);
    check("OTHER_PERSON_CUES", OTHER_PERSON_CUES);
    check("SKIPPED_BEFORE", SKIPPED_BEFORE);
    check("FOUNDER_WORDS", FOUNDER_WORDS);
    check("POSTING_ROLE_WORDS", POSTING_ROLE_WORDS);
    check("POSTING_CUES", POSTING_CUES);
}

#[test]
fn titles_people_write() {
    use Field::*;
    use Rung::*;
    #[rustfmt::skip]
    let cases: &[(&str, &str, Rung, bool, Field)] = &[
        ("Intern", "Intern", Intern, true, General),
        ("Software Engineering Intern", "Software Engineering Intern", Intern, true, Technical),
        ("Software Engineer Intern", "Software Engineer Intern", Intern, true, Technical),
        ("Trainee Developer", "Trainee Developer", Intern, true, Technical),
        ("Apprentice Software Developer", "Apprentice Software Developer", Intern, true, Technical),
        ("Graduate Software Engineer", "Graduate Software Engineer", Junior, true, Technical),
        ("Junior Backend Developer", "Junior Backend Developer", Junior, true, Technical),
        ("Jr. Developer", "Jr. Developer", Junior, true, Technical),
        ("Associate Software Engineer", "Associate Software Engineer", Junior, true, Technical),
        ("Entry-level Developer", "Entry-level Developer", Junior, true, Technical),
        ("Entry Level Python Developer", "Entry Level Python Developer", Junior, true, Technical),
        ("Software Engineer I", "Software Engineer I", Junior, true, Technical),
        ("Software Engineer 1", "Software Engineer 1", Junior, true, Technical),
        ("Software Engineer", "Software Engineer", Mid, false, Technical),
        ("Backend Developer", "Backend Developer", Mid, false, Technical),
        ("Software Engineer II", "Software Engineer II", Mid, true, Technical),
        ("Database Developer II — Northstar", "Database Developer II", Mid, true, Technical),
        ("Mid-Level Developer", "Mid-Level Developer", Mid, true, Technical),
        ("Intermediate Developer", "Intermediate Developer", Mid, true, Technical),
        ("Engineer III", "Engineer III", Senior, true, Technical),
        ("Senior Backend Engineer", "Senior Backend Engineer", Senior, true, Technical),
        ("Sr. Software Engineer", "Sr. Software Engineer", Senior, true, Technical),
        ("Senior-level Engineer", "Senior-level Engineer", Senior, true, Technical),
        ("Senior Site Reliability Engineer", "Senior Site Reliability Engineer", Senior, true, Technical),
        ("Experienced Senior Engineer", "Senior Engineer", Senior, true, Technical),
        ("Staff Engineer", "Staff Engineer", Staff, true, Technical),
        ("Senior Staff Engineer", "Senior Staff Engineer", Staff, true, Technical),
        ("Principal Software Architect", "Principal Software Architect", Staff, true, Technical),
        ("Distinguished Engineer", "Distinguished Engineer", Staff, true, Technical),
        ("Solutions Architect", "Solutions Architect", Staff, true, Technical),
        ("Lead Backend Developer", "Lead Backend Developer", Lead, true, Technical),
        ("Tech Lead", "Tech Lead", Lead, true, Technical),
        ("Team Lead", "Team Lead", Lead, true, General),
        ("*Senior Backend Lead* — Dublin", "Senior Backend Lead", Lead, true, Technical),
        ("Backend Engineer Lead", "Backend Engineer Lead", Lead, true, Technical),
        ("Chief Architect", "Chief Architect", Lead, true, Technical),
        ("Engineering Manager", "Engineering Manager", Manager, true, Technical),
        ("Senior Engineering Manager", "Senior Engineering Manager", Manager, true, Technical),
        ("Director of Engineering", "Director of Engineering", Director, true, Technical),
        ("Senior Director", "Senior Director", Director, true, General),
        ("Associate Director", "Associate Director", Director, true, General),
        ("Head of Platform Engineering", "Head of Platform Engineering", Director, true, Technical),
        ("VP of Engineering", "VP of Engineering", Executive, true, Technical),
        ("VP Engineering", "VP Engineering", Executive, true, Technical),
        ("Vice President of Engineering", "Vice President of Engineering", Executive, true, Technical),
        ("CTO", "CTO", Executive, true, Technical),
        ("Chief Technology Officer", "Chief Technology Officer", Executive, true, Technical),
        ("Co-founder & CTO", "CTO", Executive, true, Technical),
        ("Founder, Lead Engineer", "Lead Engineer", Lead, true, Technical),
        ("Database Administrator", "Database Administrator", Mid, false, Technical),
        ("DBA", "DBA", Mid, false, Technical),
        ("Data Scientist", "Data Scientist", Mid, false, Technical),
        ("Restaurant Manager", "Restaurant Manager", Manager, true, NonTechnical),
        ("Product Manager", "Product Manager", Manager, true, NonTechnical),
        ("Senior Consultant", "Senior Consultant", Senior, true, General),
        ("Software Engineer at Acme", "Software Engineer", Mid, false, Technical),
        ("Acme Corp - Senior Engineer", "Senior Engineer", Senior, true, Technical),
        ("Principal Financial Group — Software Engineer", "Software Engineer", Mid, false, Technical),
        ("Backend/Platform Engineer", "Backend/Platform Engineer", Mid, false, Technical),
    ];
    for (line, text, rung, explicit, field) in cases {
        assert_eq!(
            first_title(line),
            Some((text.to_string(), *rung, *explicit, *field)),
            "{line:?}"
        );
    }
}

#[test]
fn a_founder_counts_by_the_technical_title_beside_it() {
    for line in ["Co-founder & CTO", "Founder, CTO", "Co-founder and CTO"] {
        let r = Reader::new(line);
        let titles = segment_titles(&r);
        assert_eq!(titles.len(), 1, "{line:?}");
        assert!(titles[0].0.founder, "{line:?}");
        assert_eq!(titles[0].0.rung, Rung::Executive, "{line:?}");
    }
}

#[test]
fn words_that_are_not_titles() {
    let lines = [
        "Lead",
        "Founder",
        "Principal Financial Group",
        "Lead the team's migration to Kafka.",
        "Lead engineers through the rewrite",
        "Led the migration",
        "Head Chef",
        "President",
        "Officer",
        "Teaching Assistant, Intro to Programming",
        "Computer science graduate (May 2024)",
        "Staff Accountant",
        "Reported to the Senior Director",
        "Worked with the Principal Architect",
        "Mentored by a Staff Engineer",
        "Tomás Ó Briain",
        "Senior Backend Developers",
    ];
    for line in lines {
        let found = first_title(line).filter(|_| {
            // Plural titles are found, and left out of a resume's.
            let r = Reader::new(line);
            segment_titles(&r).iter().any(|(p, _)| !p.plural)
        });
        assert_eq!(found, None, "{line:?}");
    }
}

/// A resume's titles: text, line, rung and place.
fn resume(text: &str) -> Vec<(String, u32, Rung, Place)> {
    let layout = Layout::new(text);
    let ranges = date_ranges(&layout, TODAY);
    resume_titles(&layout, &ranges, TODAY)
        .into_iter()
        .map(|t| {
            assert_eq!(&text[t.span.clone()], t.text);
            (t.text, t.line, t.rung, t.place)
        })
        .collect()
}

fn found(text: &str, line: u32, rung: Rung, place: Place) -> (String, u32, Rung, Place) {
    (text.to_string(), line, rung, place)
}

#[test]
fn a_resume_names_its_person_in_the_headline_roles_and_summary() {
    let text = "\
Jordan Avery
Backend Engineer · jordan@example.com · +1 555 0100

SUMMARY
Engineering manager with nine years in payments. Reported to the Senior
Director of Engineering and mentored two junior developers.

EXPERIENCE

Engineering Manager — Brightline (Jan 2022 – Present)
- Managed a team of six; worked with the Principal Architect.
- Lead the team's migration to Kafka.

Senior Backend Engineer, Brightline
Mar 2018 – Dec 2021
- Reported to the Senior Director of Engineering.

REFERENCES
Dana Kim, Senior Director, Brightline
";
    assert_eq!(
        resume(text),
        [
            found("Backend Engineer", 2, Rung::Mid, Place::Headline),
            found("Engineering manager", 5, Rung::Manager, Place::Summary),
            found("Engineering Manager", 10, Rung::Manager, Place::RecentRole),
            found(
                "Senior Backend Engineer",
                14,
                Rung::Senior,
                Place::EarlierRole
            ),
        ]
    );
}

#[test]
fn the_most_recent_role_wins_over_an_older_senior_one() {
    // Listed oldest first: the latest end decides, not the order.
    let text = "\
## Experience

**Senior Developer** — Ferrous Ltd, 2012 – 2016

**Backend Developer II** — Quay, 2017 – present

**Staff Engineer** — Ferrous Ltd (2016 – 2017)
";
    let titles = resume(text);
    assert_eq!(
        titles,
        [
            found("Senior Developer", 3, Rung::Senior, Place::EarlierRole),
            found("Backend Developer II", 5, Rung::Mid, Place::RecentRole),
            found("Staff Engineer", 7, Rung::Staff, Place::EarlierRole),
        ]
    );
    // Without dates, the first listed is the most recent.
    let text = "## Experience\n\n### Junior Developer, Acme\n- Built things\n\n### Senior Developer, Bolt\n- Built more\n";
    assert_eq!(
        resume(text),
        [
            found("Junior Developer", 3, Rung::Junior, Place::RecentRole),
            found("Senior Developer", 6, Rung::Senior, Place::EarlierRole),
        ]
    );
}

#[test]
fn a_dated_trade_role_after_an_undated_new_one() {
    // A career changer: the newest role has a single date, the old trade a
    // range; the first listed is the most recent.
    let text = "\
EXPERIENCE

Bootcamp Teaching Fellow - Peachtree Code Academy, Atlanta (2024)
Junior Developer - Peachtree Code Academy (2024)

Inventory Lead - Southline Distribution, Atlanta (2017 - 2023)
";
    let titles = resume(text);
    assert_eq!(
        titles,
        [
            found("Junior Developer", 4, Rung::Junior, Place::RecentRole),
            found("Inventory Lead", 6, Rung::Lead, Place::EarlierRole),
        ]
    );
}

#[test]
fn an_arrow_makes_the_later_title_the_roles() {
    let text = "## Experience\n\n### Backend Engineer → Tech Lead — Fintra, Cork (2014–2019)\n- Wrote the first version.\n";
    assert_eq!(
        resume(text),
        [
            found("Backend Engineer", 3, Rung::Mid, Place::EarlierRole),
            found("Tech Lead", 3, Rung::Lead, Place::RecentRole),
        ]
    );
}

#[test]
fn company_names_verbs_and_other_people_are_not_the_persons_title() {
    let text = "\
Sam Rivera
Software developer

Experience
Software Engineer — Principal Financial Group, 2019 – present
Lead the team's migration to Kafka, reporting to the Senior Director.
Principal Financial Group, 2016 – 2019
Worked with the Principal Architect on the ledger.

References
Senior Director of Engineering, available on request
";
    assert_eq!(
        resume(text),
        [
            found("Software developer", 2, Rung::Mid, Place::Headline),
            found("Software Engineer", 5, Rung::Mid, Place::RecentRole),
        ]
    );
}

#[test]
fn a_plain_text_resume_without_headings() {
    let text = "\
Dev Patel
Senior Software Engineer

Acme Corp, Staff Engineer, 2020 - present
Built the billing system.

Bolt Inc, Software Engineer, 2015 - 2020
";
    assert_eq!(
        resume(text),
        [
            found("Senior Software Engineer", 2, Rung::Senior, Place::Headline),
            found("Staff Engineer", 4, Rung::Staff, Place::RecentRole),
            found("Software Engineer", 7, Rung::Mid, Place::EarlierRole),
        ]
    );
}

#[test]
fn the_fixture_resume_of_a_backend_lead() {
    let text = "\
# Tomás Ó Briain

*Senior Backend Lead* — Dublin, Ireland — tomas.obriain@example.com — +353 1 555 0199

## Summary

Backend lead with twelve years in payments. I own the backend development strategy
for a team of nine.

## Experience

### Senior Backend Lead — Kestrel Pay, Dublin (2019–present)

- Mentoring five engineers; three promotions in four years.

### Backend Engineer → Tech Lead — Fintra, Cork (2014–2019)

### Software Engineer — Oriel Systems, Galway (2012–2014)
";
    assert_eq!(
        resume(text),
        [
            found("Senior Backend Lead", 3, Rung::Lead, Place::Headline),
            found("Backend lead", 7, Rung::Lead, Place::Summary),
            found("Senior Backend Lead", 12, Rung::Lead, Place::RecentRole),
            found("Backend Engineer", 16, Rung::Mid, Place::EarlierRole),
            found("Tech Lead", 16, Rung::Lead, Place::EarlierRole),
            found("Software Engineer", 18, Rung::Mid, Place::EarlierRole),
        ]
    );
}

/// A posting title expected: text, rung, explicit and place.
type Expected = (&'static str, Rung, bool, Place);

/// A posting's titles: text, rung, explicit and place.
fn posting(text: &str) -> Vec<(String, Rung, bool, Place)> {
    posting_titles(&Layout::new(text))
        .into_iter()
        .map(|t| (t.text, t.rung, t.explicit, t.place))
        .collect()
}

#[test]
fn a_posting_names_its_own_title() {
    let cases: &[(&str, &[Expected])] = &[
        (
            "# Junior Backend Developer\n\n**Tidewater** · Norfolk\n\nWe are hiring a junior developer to join the team. You get guidance from a senior developer.",
            &[
                (
                    "Junior Backend Developer",
                    Rung::Junior,
                    true,
                    Place::PostingTitle,
                ),
                ("junior developer", Rung::Junior, true, Place::PostingBody),
            ],
        ),
        (
            "# API Developer (mid-level) — Marketplace Integrations\n\nYou will own features.",
            &[("API Developer", Rung::Mid, true, Place::PostingTitle)],
        ),
        (
            "Acme is growing!\nTitle: Senior Platform Engineer\nLocation: Remote",
            &[(
                "Senior Platform Engineer",
                Rung::Senior,
                true,
                Place::PostingTitle,
            )],
        ),
        (
            "Backend Engineer\n\nThis is a senior-level role. Looking for an experienced Staff Engineer? Not quite.",
            &[
                ("Backend Engineer", Rung::Mid, false, Place::PostingTitle),
                ("senior-level role", Rung::Senior, true, Place::PostingBody),
                ("Staff Engineer", Rung::Staff, true, Place::PostingBody),
            ],
        ),
        (
            "# Marketing Web Developer (12-month contract)\n\nWork with our frontend developers.",
            &[(
                "Marketing Web Developer",
                Rung::Mid,
                false,
                Place::PostingTitle,
            )],
        ),
        ("We build things.\n\nNo title here.", &[]),
    ];
    for (text, expected) in cases {
        let expected: Vec<_> = expected
            .iter()
            .map(|(t, r, e, p)| (t.to_string(), *r, *e, *p))
            .collect();
        assert_eq!(posting(text), expected, "{text:?}");
    }
}

#[test]
fn a_summary_title_after_a_verb_or_preposition_is_someone_elses() {
    let cases: &[(&str, Option<&str>)] = &[
        ("Assisted the Principal Architect on the ledger.", None),
        ("Supported our CTO through two funding rounds.", None),
        ("Hired a Staff Engineer and two juniors.", None),
        ("Reporting directly to the VP of Engineering.", None),
        (
            "Seasoned Staff Engineer who reported to the CTO.",
            Some("Staff Engineer"),
        ),
        (
            "I am a backend developer with an eye for detail.",
            Some("backend developer"),
        ),
    ];
    for (line, expected) in cases {
        let text = format!("## Summary\n{line}\n");
        let titles: Vec<String> = resume(&text).into_iter().map(|t| t.0).collect();
        let expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        assert_eq!(titles, expected, "{line:?}");
    }
}
