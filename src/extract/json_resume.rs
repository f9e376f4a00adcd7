//! JSON Resume (jsonresume.org): the fields a reader of the rendered résumé
//! sees, in the order a theme shows them.
//!
//! `basics` (name, label, location, contact, summary, profiles), then `work`,
//! `volunteer`, `projects`, `education`, `awards`, `certificates`,
//! `publications`, `skills` (name: keywords), `languages`, `interests` and
//! `references`. Each section starts with its name as a heading; highlights
//! are list items. Then every other top-level field that is not the schema's
//! own bookkeeping (`meta`, `$schema`), under its name as a heading, as all
//! its strings in document order: a resume that keeps its jobs under
//! `experience` rather than `work` loses no text. JSON that has none of the
//! schema's sections is read as all its strings, in document order, one a
//! line. Nesting deeper than `serde_json`'s limit (128) is refused as
//! damaged JSON.

use serde_json::Value;

use super::{InputErrorKind, InputFormat};

const JSON: InputFormat = InputFormat::JsonResume;

/// Sections after `basics`, with their headings.
const SECTIONS: &[(&str, &str)] = &[
    ("work", "Work"),
    ("volunteer", "Volunteer"),
    ("projects", "Projects"),
    ("education", "Education"),
    ("awards", "Awards"),
    ("certificates", "Certificates"),
    ("publications", "Publications"),
    ("skills", "Skills"),
    ("languages", "Languages"),
    ("interests", "Interests"),
    ("references", "References"),
];

/// The text of a JSON Resume.
pub(crate) fn extract(json: &str) -> Result<String, InputErrorKind> {
    let value: Value = serde_json::from_str(json)
        .map_err(|err| InputErrorKind::corrupt(JSON, format!("invalid JSON: {err}")))?;
    let is_resume =
        value.get("basics").is_some() || SECTIONS.iter().any(|(key, _)| value.get(key).is_some());
    let mut out = Vec::new();
    if !is_resume {
        all_strings(&value, &mut out);
        return Ok(out.join("\n"));
    }
    if let Some(basics) = value.get("basics") {
        basics_text(basics, &mut out);
    }
    for (key, heading) in SECTIONS {
        let Some(items) = value.get(key).and_then(Value::as_array) else {
            continue;
        };
        if items.is_empty() {
            continue;
        }
        out.push(String::new());
        out.push((*heading).to_string());
        for item in items {
            out.push(String::new());
            entry_text(key, item, &mut out);
        }
    }
    if let Some(fields) = value.as_object() {
        for (key, field) in fields {
            let known = key == "basics" || SECTIONS.iter().any(|(section, _)| section == key);
            if known || IGNORED.contains(&key.as_str()) {
                continue;
            }
            let mut strings = Vec::new();
            all_strings(field, &mut strings);
            if !strings.is_empty() {
                out.push(String::new());
                out.push(key.clone());
                out.extend(strings);
            }
        }
    }
    Ok(out.join("\n"))
}

/// Top-level fields that hold no text of the resume.
const IGNORED: &[&str] = &["$schema", "meta"];

fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Non-empty strings joined by `separator`.
fn join(parts: &[Option<&str>], separator: &str) -> Option<String> {
    let parts: Vec<&str> = parts.iter().flatten().copied().collect();
    (!parts.is_empty()).then(|| parts.join(separator))
}

fn push(out: &mut Vec<String>, line: Option<impl Into<String>>) {
    if let Some(line) = line {
        out.push(line.into());
    }
}

fn basics_text(basics: &Value, out: &mut Vec<String>) {
    push(out, text(basics, "name"));
    push(out, text(basics, "label"));
    let location = basics.get("location").and_then(|location| {
        join(
            &[
                text(location, "city"),
                text(location, "region"),
                text(location, "countryCode"),
            ],
            ", ",
        )
    });
    let contact = join(
        &[
            location.as_deref(),
            text(basics, "email"),
            text(basics, "phone"),
            text(basics, "url"),
        ],
        " | ",
    );
    push(out, contact);
    if let Some(summary) = text(basics, "summary") {
        out.push(String::new());
        out.push(summary.to_string());
    }
    for profile in basics
        .get("profiles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let line = join(&[text(profile, "network"), text(profile, "username")], ": ");
        push(
            out,
            line.or_else(|| text(profile, "url").map(str::to_string)),
        );
    }
}

/// Dates as "2021-01 to present".
fn dates(item: &Value) -> Option<String> {
    let start = text(item, "startDate").or_else(|| text(item, "date"))?;
    match text(item, "endDate") {
        Some(end) => Some(format!("({start} to {end})")),
        None if item.get("startDate").is_some() => Some(format!("({start} to present)")),
        None => Some(format!("({start})")),
    }
}

fn entry_text(section: &str, item: &Value, out: &mut Vec<String>) {
    if let Some(plain) = item.as_str() {
        out.push(plain.to_string());
        return;
    }
    let (title, place) = match section {
        "work" => ("position", "name"),
        "volunteer" => ("position", "organization"),
        "education" => ("studyType", "institution"),
        "awards" => ("title", "awarder"),
        "certificates" => ("name", "issuer"),
        "publications" => ("name", "publisher"),
        "languages" => ("language", "fluency"),
        "references" => ("name", "reference"),
        _ => ("name", "entity"),
    };
    let mut heading_parts = vec![text(item, title)];
    if section == "education" {
        heading_parts.push(text(item, "area"));
        let degree = join(&heading_parts, " in ");
        heading_parts = vec![degree.as_deref(), text(item, place)];
        let heading = join(&heading_parts, ", ");
        push(
            out,
            join(&[heading.as_deref(), dates(item).as_deref()], " "),
        );
    } else if section == "skills" || section == "interests" {
        let keywords: Vec<&str> = item
            .get("keywords")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let keywords = (!keywords.is_empty()).then(|| keywords.join(", "));
        let name = join(&[text(item, "name"), text(item, "level")], ", ");
        push(out, join(&[name.as_deref(), keywords.as_deref()], ": "));
        return;
    } else {
        heading_parts.push(text(item, place));
        let heading = join(&heading_parts, ", ");
        push(
            out,
            join(&[heading.as_deref(), dates(item).as_deref()], " "),
        );
    }
    for key in ["summary", "description", "score"] {
        push(out, text(item, key));
    }
    for key in ["highlights", "courses", "roles"] {
        for line in item
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            out.push(format!("- {line}"));
        }
    }
    if let Some(keywords) = item.get("keywords").and_then(Value::as_array) {
        let keywords: Vec<&str> = keywords.iter().filter_map(Value::as_str).collect();
        if !keywords.is_empty() {
            out.push(format!("Keywords: {}", keywords.join(", ")));
        }
    }
}

/// Every string in a JSON value, one a line (object keys left out).
fn all_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) if !text.trim().is_empty() => out.push(text.trim().to_string()),
        Value::Array(items) => items.iter().for_each(|item| all_strings(item, out)),
        Value::Object(map) => map.values().for_each(|item| all_strings(item, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resume_fields_in_reading_order() {
        let json = r#"{
          "meta": {"theme": "Azure"},
          "basics": {"name": "Alex", "label": "Backend Developer", "email": "a@b.c",
                     "location": {"city": "Lisbon", "countryCode": "PT"},
                     "summary": "C++ and C# on .NET.",
                     "profiles": [{"network": "GitHub", "username": "alex"}]},
          "skills": [{"name": "Cloud", "keywords": ["AWS", "CI/CD"]}],
          "work": [{"name": "Northwind", "position": "Developer", "startDate": "2021-01",
                    "highlights": ["Built auto-scaling groups."]}],
          "education": [{"institution": "Porto", "area": "CS", "studyType": "BSc",
                         "startDate": "2014", "endDate": "2018"}]
        }"#;
        assert_eq!(
            extract(json).unwrap(),
            "Alex\nBackend Developer\nLisbon, PT | a@b.c\n\nC++ and C# on .NET.\nGitHub: alex\n\n\
             Work\n\nDeveloper, Northwind (2021-01 to present)\n- Built auto-scaling groups.\n\n\
             Education\n\nBSc in CS, Porto (2014 to 2018)\n\nSkills\n\nCloud: AWS, CI/CD"
        );
    }

    #[test]
    fn fields_outside_the_schema_are_read_too() {
        // A real resume kept its jobs under "experience": 95% of its text.
        let json = r#"{"meta": {"version": "v1"},
          "basics": {"name": "Sam", "label": "Backend Engineer"},
          "experience": [{"company": "Acme", "title": "Senior Engineer",
                          "bullets": ["Led the migration to Kafka.", "Ran PostgreSQL."]}],
          "skills": [{"name": "Languages", "keywords": ["Go"]}],
          "hobbies": "chess"}"#;
        let text = extract(json).unwrap();
        assert_eq!(
            text,
            "Sam\nBackend Engineer\n\nSkills\n\nLanguages: Go\n\nexperience\nAcme\nSenior Engineer\nLed the migration to Kafka.\nRan PostgreSQL.\n\nhobbies\nchess"
        );
        assert!(!text.contains("v1"));
    }

    #[test]
    fn other_json_is_its_strings_and_deep_json_is_refused() {
        assert_eq!(
            extract(r#"{"a": ["C++", 3, {"b": "Go"}]}"#).unwrap(),
            "C++\nGo"
        );
        let deep = format!("{}{}", "[".repeat(500), "]".repeat(500));
        assert_eq!(extract(&deep).unwrap_err().code(), "corrupt");
    }
}
