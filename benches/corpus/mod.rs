//! A deterministic generator of realistic resumes for benchmarks: a few KB
//! each, made of resume-like sentences around the keyword sets' vocabulary,
//! filler, Unicode text, and the usual traps (C++, "the rest of", go-live).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#![allow(dead_code)]

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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

/// One resume of about `target` bytes.
pub fn resume(rng: &mut Rng, target: usize) -> String {
    let mut text = format!(
        "# {}\nBackend Developer · {}@example.com\n\n## Experience\n",
        rng.pick(NAMES),
        rng.pick(&["dana", "zoe", "kwame", "priya", "jose"])
    );
    while text.len() < target {
        match rng.below(10) {
            0 => {
                text.push_str("\n## ");
                text.push_str(rng.pick(&["Projects", "Skills", "Education", "Experience"]));
                text.push('\n');
            }
            1 => {
                text.push_str(rng.pick(FILLER));
                text.push('\n');
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

/// Writes `count` resumes of 2 to 12 KB into `dir` (nested ten to a folder)
/// and returns their paths and total size in bytes.
pub fn write_corpus(dir: &Path, count: usize, seed: u64) -> io::Result<(Vec<PathBuf>, u64)> {
    let mut rng = Rng::new(seed);
    let mut paths = Vec::with_capacity(count);
    let mut bytes = 0u64;
    for index in 0..count {
        let folder = dir.join(format!("{:04}", index / 100));
        fs::create_dir_all(&folder)?;
        let size = 2048 + rng.below(10 * 1024);
        let text = resume(&mut rng, size);
        let path = folder.join(format!("resume-{index:05}.md"));
        fs::write(&path, &text)?;
        bytes += text.len() as u64;
        paths.push(path);
    }
    Ok((paths, bytes))
}
