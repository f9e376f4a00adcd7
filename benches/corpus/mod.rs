//! A deterministic generator of realistic resumes for benchmarks: a few KB
//! each, made of resume-like sentences around the keyword sets' vocabulary,
//! filler, Unicode text, and the usual traps (C++, "the rest of", go-live).

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(dead_code)]

use std::fs;
use std::hint::black_box;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A small xorshift generator: same seed, same corpus, on every machine.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "Dana Reyes",
    "Zoë Müller",
    "Kwame Mensah",
    "Priya Natarajan",
    "José Álvarez",
    "Li Wei",
    "Sven Åkesson",
    "Fatima Zahra",
    "Tomasz Wójcik",
    "Aoife Ní Bhriain",
];
const VERBS: &[&str] = &[
    "Designed",
    "Built",
    "Led",
    "Wrote",
    "Ran",
    "Optimized",
    "Maintained",
    "Migrated",
    "Implemented",
    "Automated",
    "Owned",
    "Mentored",
    "Reviewed",
    "Shipped",
    "Debugged",
];
const THINGS: &[&str] = &[
    "RESTful APIs",
    "web services",
    "OAuth authentication",
    "SQL queries",
    "NoSQL stores",
    "PostgreSQL clusters",
    "data modeling",
    "query optimization",
    "indexing strategy",
    "AWS Lambda serverless functions",
    "Azure and Google Cloud Platform",
    "auto-scaling groups",
    "managed databases",
    "CI/CD pipelines",
    "infrastructure as code",
    "monitoring dashboards",
    "encryption at rest",
    "firewalls and intrusion detection systems",
    "vulnerability assessments",
    "secure coding practices",
    "code reviews",
    "technical documentation",
    "system architecture",
    "coding standards",
    "best practices",
    "performance analysis",
    "scalable backend features",
    "C++ services",
    "C# and .NET APIs",
    "Node.js microservices",
    "Go workers",
    "TCP/IP tuning",
];
const TAILS: &[&str] = &[
    "for a team of eight engineers",
    "serving 2M requests a day",
    "with the rest of the team",
    "before the go-live in March",
    "cutting p99 latency by 40%",
    "across three regions",
    "with product managers and stakeholders",
    "under tight deadlines",
    "for the payments platform",
    "and documented the runbooks",
    "in an agile environment",
    "while on call",
];
const FILLER: &[&str] = &[
    "Outside work I enjoy hiking, chess and volunteering at the local library.",
    "References are available on request.",
    "Fluent in English and Spanish; conversational Portuguese.",
    "Our team values clear communication, kindness and steady delivery — every week.",
    "I like to go through the backlog on Fridays and tidy up the rest of the tickets.",
    "Café owner’s son, raised in Zürich; studied at the Université de Montréal.",
];

/// Everyday words of resumes and cover letters, for free text around the terms:
/// most words of a real resume match no term, and many are seen once.
const PROSE: &[&str] = &[
    "responsible",
    "for",
    "the",
    "and",
    "of",
    "to",
    "a",
    "in",
    "with",
    "our",
    "new",
    "customer",
    "customers",
    "product",
    "products",
    "quality",
    "delivery",
    "process",
    "processes",
    "improved",
    "improving",
    "reduced",
    "increased",
    "across",
    "multiple",
    "teams",
    "team",
    "company",
    "business",
    "internal",
    "external",
    "clients",
    "client",
    "requirements",
    "stakeholder",
    "worked",
    "working",
    "closely",
    "support",
    "supported",
    "tools",
    "tooling",
    "platform",
    "platforms",
    "reliable",
    "reliability",
    "latency",
    "throughput",
    "users",
    "traffic",
    "releases",
    "release",
    "weekly",
    "daily",
    "quarterly",
    "roadmap",
    "planning",
    "estimates",
    "sprint",
    "sprints",
    "retrospectives",
    "onboarding",
    "hiring",
    "interviews",
    "interviewed",
    "candidates",
    "junior",
    "senior",
    "engineers",
    "developers",
    "analysts",
    "designers",
    "managers",
    "leadership",
    "ownership",
    "growth",
    "revenue",
    "costs",
    "cost",
    "savings",
    "saved",
    "hours",
    "minutes",
    "seconds",
    "percent",
    "million",
    "thousand",
    "requests",
    "events",
    "messages",
    "jobs",
    "queues",
    "batch",
    "streaming",
    "pipeline",
    "reports",
    "reporting",
    "analytics",
    "metrics",
    "alerts",
    "dashboards",
    "incidents",
    "postmortems",
    "outages",
    "uptime",
    "SLAs",
    "SLOs",
    "on-call",
    "rotation",
    "migration",
    "legacy",
    "monolith",
    "modules",
    "libraries",
    "frameworks",
    "open-source",
    "contributions",
    "contributed",
    "maintainer",
    "conference",
    "talks",
    "workshops",
    "mentorship",
    "volunteer",
    "community",
    "university",
    "degree",
    "bachelor",
    "master",
    "thesis",
    "coursework",
    "algorithms",
    "structures",
    "networks",
    "operating",
    "systems",
    "compilers",
    "statistics",
    "mathematics",
    "physics",
    "certified",
    "certificate",
    "awarded",
    "award",
    "recognition",
    "promoted",
    "promotion",
    "responsibilities",
    "various",
    "several",
    "numerous",
    "complex",
    "critical",
    "high-traffic",
    "real-time",
    "end-to-end",
    "cross-team",
    "well-tested",
    "data-driven",
    "user-facing",
    "customer-facing",
    "B2B",
    "SaaS",
    "fintech",
    "e-commerce",
    "healthcare",
    "logistics",
    "gaming",
    "telecom",
    "retail",
    "Berlin",
    "London",
    "Toronto",
    "Bangalore",
    "Lagos",
    "Remote",
    "Hybrid",
    "2017",
    "2019",
    "2021",
    "2023",
    "Present",
    "v2",
    "v3.1",
    "10x",
    "3.5M",
    "99.99%",
    "p95",
    "SRE",
    "QA",
    "PM",
];
const SKILLS: &[&str] = &[
    "Go",
    "Rust",
    "Python",
    "Java",
    "Kotlin",
    "C++",
    "C#",
    ".NET",
    "Node.js",
    "TypeScript",
    "JavaScript",
    "Ruby",
    "PHP",
    "Scala",
    "Elixir",
    "PostgreSQL",
    "MySQL",
    "MongoDB",
    "Redis",
    "Cassandra",
    "DynamoDB",
    "Elasticsearch",
    "Kafka",
    "RabbitMQ",
    "gRPC",
    "GraphQL",
    "REST",
    "Docker",
    "Kubernetes",
    "k8s",
    "Terraform",
    "Ansible",
    "Jenkins",
    "GitHub Actions",
    "AWS",
    "GCP",
    "Azure",
    "S3",
    "EC2",
    "Lambda",
    "Linux",
    "Git",
    "CI/CD",
    "TCP/IP",
    "OAuth",
    "JWT",
    "TLS",
    "OWASP",
    "Prometheus",
    "Grafana",
    "Datadog",
    "Sentry",
    "NoSQL",
    "SQL",
];
const TRAPS: &[&str] = &[
    "The rest of the year I spent on the mobile app.",
    "We planned the go-live for March, then the go-to-market push.",
    "Authored a blog post; the author list included three colleagues.",
    "Network engineering courses; see example.net for the syllabus.",
    "JavaScript and TypeScript on the front end, not Java.",
    "Letter grades: A, B and C in the first year.",
    "Got certified in first aid; go team!",
];
const UNICODE: &[&str] = &[
    "Worked in São Paulo and Kraków; speaks Português, Polski and 日本語 (JLPT N3).",
    "Résumé — naïve Bayes spam filter, coöperative caching, façade pattern.",
    "Команда из пяти инженеров; Django REST API для логистики.",
    "Mentored interns at Ελληνικό Ανοικτό Πανεπιστήμιο; “clean code” reading club.",
    "Favourite tools: Vim ✓, tmux ✓, jq ✓ … and coffee ☕.",
];

/// One resume of about `target` bytes: headings, bullet points naming the
/// sets' vocabulary, free prose, skills lists, Unicode lines and traps (false
/// friends that must match nothing).
pub fn resume(rng: &mut Rng, target: usize) -> String {
    let mut text = format!(
        "# {}\nBackend Developer · {}@example.com · https://github.com/{}\n\n## Experience\n",
        rng.pick(NAMES),
        rng.pick(&["dana", "zoe", "kwame", "priya", "jose"]),
        rng.pick(&["dreyes", "zmuller", "kmensah", "pnatarajan", "jalvarez"])
    );
    while text.len() < target {
        match rng.below(20) {
            0 | 1 => {
                text.push_str("\n## ");
                text.push_str(rng.pick(&["Projects", "Skills", "Education", "Experience"]));
                text.push('\n');
                text.push_str(&format!(
                    "**{}**, {} — {} to {}\n",
                    rng.pick(&["Acme Corp", "Globex", "Initech", "Umbrella", "Hooli"]),
                    rng.pick(&["Berlin", "Remote", "Lagos", "Toronto"]),
                    rng.pick(&["Jan 2018", "2019", "Mar 2020", "2021"]),
                    rng.pick(&["Present", "2022", "Dec 2023"])
                ));
            }
            2 | 3 => {
                text.push_str(rng.pick(FILLER));
                text.push('\n');
            }
            4 => {
                text.push_str(rng.pick(TRAPS));
                text.push('\n');
            }
            5 => {
                text.push_str(rng.pick(UNICODE));
                text.push('\n');
            }
            6 => {
                text.push_str("Skills: ");
                let count = 4 + rng.below(8);
                for index in 0..count {
                    if index > 0 {
                        text.push_str(", ");
                    }
                    text.push_str(rng.pick(SKILLS));
                }
                text.push('\n');
            }
            7..=10 => {
                // Free prose: a sentence of everyday words, a term now and then.
                let words = 8 + rng.below(16);
                for index in 0..words {
                    if index > 0 {
                        text.push(' ');
                    }
                    if rng.below(12) == 0 {
                        text.push_str(rng.pick(THINGS));
                    } else {
                        text.push_str(rng.pick(PROSE));
                    }
                }
                text.push_str(".\n");
            }
            _ => {
                let sentence = format!(
                    "- {} {} {}.",
                    rng.pick(VERBS),
                    rng.pick(THINGS),
                    rng.pick(TAILS)
                );
                text.push_str(&sentence);
                text.push('\n');
            }
        }
    }
    text
}

/// Writes `count` resumes of 2 to 12 KB into `dir`, a hundred to a folder,
/// as files named `resume-NNNNN.EXTENSION` (`txt`: plain text; `md` makes
/// rolefit read them as Markdown, which costs a parse), and returns their
/// paths and total size in bytes.
pub fn write_corpus(
    dir: &Path,
    count: usize,
    seed: u64,
    extension: &str,
) -> io::Result<(Vec<PathBuf>, u64)> {
    let mut rng = Rng::new(seed);
    let mut paths = Vec::with_capacity(count);
    let mut bytes = 0u64;
    for index in 0..count {
        let folder = dir.join(format!("{:04}", index / 100));
        fs::create_dir_all(&folder)?;
        // Most resumes are short: the smaller of two draws skews sizes
        // towards 2 KB (a mean of about 5.4 KB).
        let size = 2048 + rng.below(10 * 1024).min(rng.below(10 * 1024));
        let text = resume(&mut rng, size);
        let path = folder.join(format!("resume-{index:05}.{extension}"));
        fs::write(&path, &text)?;
        bytes += text.len() as u64;
        paths.push(path);
    }
    Ok((paths, bytes))
}

/// The shortest of `runs` timed runs of `work`: the least disturbed by the
/// rest of the machine.
pub fn best_of<T>(runs: usize, mut work: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}
