use super::sections::{JOINERS, ascii_heading_key, heading_key, lookup_section};
use super::*;

fn kinds(text: &str) -> Vec<LineKind> {
    Layout::new(text).lines.iter().map(|l| l.kind).collect()
}

#[test]
fn headings_in_their_many_forms() {
    use LineKind::*;
    let cases: &[(&str, &[LineKind])] = &[
        ("# Title\n\ntext", &[Heading, Blank, Text]),
        ("Skills\n------\n- Go", &[Heading, Rule, Bullet]),
        ("Requirements:\n  - Go", &[Heading, Bullet]),
        ("**Must have**\n- Go", &[Heading, Bullet]),
        ("PROFILE\nWrote code.", &[Heading, Text]),
        ("\nWhat you will do\n  - Build", &[Blank, Heading, Bullet]),
        ("Some text that\nwraps here", &[Heading, Text]),
        ("A long line, with a comma\nnext", &[Text, Text]),
        ("| Languages | Go |\n|---|---|", &[TableRow, TableRow]),
        ("1. First step\n2) Second", &[Bullet, Bullet]),
        ("* **CI/CD:** GitHub", &[Bullet]),
    ];
    for (text, expected) in cases {
        assert_eq!(kinds(text), *expected, "{text:?}");
    }
}

#[test]
fn sections_labels_and_masthead() {
    let text = "# Backend Engineer\n\n**Acme** · Oslo · Remote\n\nWe build things.\n\n## Skills\n\n- **Languages:** Go, Rust\n| Data | PostgreSQL |\n";
    let layout = Layout::new(text);
    assert_eq!(layout.masthead(), 0..3);
    assert_eq!(layout.section_title(8).as_deref(), Some("skills"));
    assert_eq!(layout.label(8).as_deref(), Some("languages"));
    assert_eq!(layout.label(9).as_deref(), Some("data"));
    assert_eq!(layout.label(4), None);
    assert_eq!(layout.line_at(text.find("Oslo").unwrap()), 2);
    assert_eq!(layout.index_of(3), Some(2));
}

#[test]
fn trim_is_str_trim() {
    for text in [
        "",
        " ",
        " a ",
        "\u{a0}a\u{2003}",
        "\x0B a \x0B",
        "\t\u{a0} a b\r",
        "é ",
        "\x0C",
    ] {
        assert_eq!(trim(text), text.trim(), "{text:?}");
    }
}

#[test]
fn plurals_find_their_entries_and_nothing_else() {
    for (name, kind) in SECTION_HEADINGS {
        if let Some(singular) = name.strip_suffix('s') {
            assert_eq!(lookup_section(singular), Some(*kind), "{singular}");
        }
    }
    for name in ["skil", "a", "tool", "experience", "zzz", "abou", "work"] {
        let expected = SECTION_HEADINGS
            .iter()
            .find(|(entry, _)| *entry == name || *entry == format!("{name}s"))
            .map(|(_, kind)| *kind);
        assert_eq!(lookup_section(name), expected, "{name}");
    }
}

#[test]
fn the_ascii_key_joins_like_the_table_says() {
    for &joiner in JOINERS {
        let heading = format!("a{joiner}b");
        assert_eq!(ascii_heading_key(heading.as_bytes()), "a and b", "{joiner}");
    }
}

#[test]
fn section_names_are_sorted_unique_and_lowercase() {
    let names: Vec<&str> = SECTION_HEADINGS.iter().map(|(name, _)| *name).collect();
    assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted, unique");
    for name in names {
        assert_eq!(name, name.to_lowercase(), "{name}");
        assert_eq!(name, name.trim(), "{name}");
        assert!(!name.contains(JOINERS), "{name} holds a joiner");
    }
}

#[test]
fn headings_name_their_section_kind() {
    use SectionKind::*;
    let cases: &[(&str, Option<SectionKind>)] = &[
        ("Experience", Some(Experience)),
        ("Work Experience", Some(Experience)),
        ("PROFESSIONAL EXPERIENCE", Some(Experience)),
        ("Relevant Work Experience", Some(Experience)),
        ("Employment History", Some(Experience)),
        ("Career", Some(Experience)),
        ("Work History", Some(Experience)),
        ("Education", Some(Education)),
        ("Academic Background", Some(Education)),
        ("Education & Training", Some(Education)),
        ("Degrees", Some(Education)),
        ("Projects", Some(Projects)),
        ("Personal Projects", Some(Projects)),
        ("Side Projects", Some(Projects)),
        ("Open Source", Some(Projects)),
        ("Open source contributions", Some(Projects)),
        ("Certifications", Some(Certifications)),
        ("Licenses & Certifications", Some(Certifications)),
        ("Courses", Some(Certifications)),
        ("Training", Some(Certifications)),
        ("Certification", Some(Certifications)),
        ("Skills", Some(Skills)),
        ("Technical Skills", Some(Skills)),
        ("Tech Stack", Some(Skills)),
        ("Technologies", Some(Skills)),
        ("Tools", Some(Skills)),
        ("Languages", Some(Skills)),
        ("Skills & Tools", Some(Skills)),
        ("Summary", Some(Summary)),
        ("Professional Summary", Some(Summary)),
        ("Profile", Some(Summary)),
        ("About me", Some(Summary)),
        ("Objective", Some(Summary)),
        ("Volunteer Experience", Some(Volunteering)),
        ("Volunteering", Some(Volunteering)),
        ("Publications", Some(Publications)),
        ("Awards & Honors", Some(Awards)),
        ("References", Some(References)),
        ("Interests / Hobbies", Some(Interests)),
        ("Hobbies", Some(Interests)),
        // Roles, companies and names are no section.
        (
            "Senior Backend Lead — Kestrel Pay, Dublin (2019–present)",
            None,
        ),
        ("Software Engineer - Acme Tools", None),
        ("Engineer at Acme Tools", None),
        ("Tomás Ó Briain", None),
        ("What you will do", None),
        (
            "Experience with Kubernetes and Terraform in production systems",
            None,
        ),
    ];
    for (heading, expected) in cases {
        assert_eq!(section_kind(heading), *expected, "{heading:?}");
    }
}

#[test]
fn lines_take_the_kind_of_their_section() {
    use SectionKind::*;
    let text = "# Ana Lima\nSenior Backend Engineer\n\n## Experience\n\n### Lead — Acme (2019–present)\n- Led things\n\n## Education\nB.Sc., 2012\n\n## Side quest\nmore\n\nTALKS\nRustConf\nSkills\n- Go";
    let layout = Layout::new(text);
    let kinds: Vec<Option<SectionKind>> = layout.lines.iter().map(|l| l.section_kind).collect();
    assert_eq!(
        kinds,
        [
            None,
            None,
            None,
            Some(Experience),
            Some(Experience),
            // A role heading is a sub-heading of Experience.
            Some(Experience),
            Some(Experience),
            Some(Experience),
            Some(Education),
            Some(Education),
            Some(Education),
            // An unknown `##` heading closes the section.
            Some(Other),
            Some(Other),
            Some(Other),
            Some(Publications),
            Some(Publications),
            // A line that is only a section name opens the section.
            Some(Skills),
            Some(Skills),
        ]
    );
    assert_eq!(layout.headline(), 0..3);
    assert!(layout.has_section(Experience));
    assert!(!layout.has_section(Projects));
}

#[test]
fn the_ascii_key_is_the_unicode_key() {
    for heading in [
        "Licenses & Certifications",
        "  Work  History: ",
        "A/B+C, d-e 'f'",
        "&",
        "",
    ] {
        let ascii = ascii_heading_key(heading.as_bytes());
        let unicode = heading_key(&format!("{heading}é"))
            .unwrap()
            .trim_end_matches('é')
            .trim_end()
            .to_string();
        assert_eq!(ascii, unicode, "{heading:?}");
    }
}

#[test]
fn the_headline_is_short_without_sections() {
    let text = "Name\nTitle\nCity\nmail\nphone\nsite\nA paragraph\nmore";
    assert_eq!(Layout::new(text).headline(), 0..6);
    assert_eq!(Layout::new("").headline(), 0..1);
}

#[test]
fn sentences_keep_parentheses_apart() {
    let text = "- Comfort with one scripting language (Python preferred) for\n  migrations; MySQL is a plus. E.g. this stays.\nNext paragraph here";
    let layout = Layout::new(text);
    let sentences: Vec<(&str, Vec<&str>)> = layout
        .sentences()
        .iter()
        .map(|s| {
            (
                &text[s.range.clone()],
                s.parens.iter().map(|p| &text[p.clone()]).collect(),
            )
        })
        .collect();
    assert_eq!(
        sentences,
        [
            (
                "- Comfort with one scripting language (Python preferred) for\n  migrations;",
                vec!["(Python preferred)"]
            ),
            (" MySQL is a plus.", vec![]),
            (" E.g. this stays.", vec![]),
            ("\nNext paragraph here", vec![]),
        ]
    );
}
