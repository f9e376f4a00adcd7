//! The rule of the module docs, one function per document kind.

use std::cmp::Reverse;

use super::{
    Confidence, DocumentKind, EDGE_MONTHS, Evidence, Field, Level, LevelEstimate, Place, Signal,
    Signals, StatedYears, Title, Weight, WorkScores, Years, YearsSource,
};

/// What decided a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decider {
    Title,
    Computed,
    Stated,
    Asked,
    Work,
    /// A title that states no level.
    PlainTitle,
    Nothing,
}

/// How far apart a level and a years band are: a lead level stands in the
/// senior band.
fn distance(level: Level, band: Level) -> Option<u8> {
    let a = level.rank()?.min(2);
    let b = band.rank()?;
    Some(a.abs_diff(b))
}

/// Confidence of a level set by a title, from the years' band.
fn by_years(level: Level, band: Option<Level>) -> Confidence {
    match band.and_then(|band| distance(level, band)) {
        Some(0) => Confidence::High,
        Some(1) | None => Confidence::Medium,
        Some(_) => Confidence::Low,
    }
}

/// True when a signal saying `says` agrees with `level`; a years band of
/// senior agrees with lead.
fn agrees(says: Level, level: Level, years: bool) -> bool {
    says == level || (years && says == Level::Senior && level == Level::Lead)
}

/// The weight of a signal that did not decide.
fn weigh(says: Level, level: Level, years: bool) -> Weight {
    if says == Level::Unknown || level == Level::Unknown {
        Weight::Ignored
    } else if agrees(says, level, years) {
        Weight::Agreed
    } else {
        Weight::Disagreed
    }
}

/// The largest number of years among `stated`, the first on a tie.
fn largest(stated: &[StatedYears]) -> Option<&StatedYears> {
    stated.iter().max_by_key(|s| (s.years, Reverse(s.line)))
}

/// The two bands around the resume band edge near `months`, if any.
fn edge_bands(months: u32) -> Option<(Level, Level)> {
    let near = |edge: u32| months + EDGE_MONTHS >= edge && months < edge + EDGE_MONTHS;
    if near(36) {
        Some((Level::Entry, Level::Mid))
    } else if near(72) {
        Some((Level::Mid, Level::Senior))
    } else {
        None
    }
}

/// Why a title that did not decide was left out.
fn title_reason(title: &Title, chosen: Option<&Title>, decider: Decider) -> String {
    if title.field == Field::NonTechnical {
        return "not a technical title".to_string();
    }
    if chosen.is_some_and(|c| std::ptr::eq(c, title)) {
        return match decider {
            Decider::Computed | Decider::Stated => "states no level; the years decide".to_string(),
            Decider::Asked => "states no level; the years asked decide".to_string(),
            _ => "states no level; the work decides".to_string(),
        };
    }
    match title.place {
        Place::EarlierRole => "an earlier role".to_string(),
        Place::RecentRole if !title.explicit => "states no level".to_string(),
        Place::PostingBody => "the posting's own title goes first".to_string(),
        _ if !title.explicit => "states no level".to_string(),
        _ => match chosen {
            Some(c) if Level::of_rung(c.rung) == Level::of_rung(title.rung) => {
                "says the same as the title that decided".to_string()
            }
            Some(_) => "the title that decided goes first".to_string(),
            None => "left out".to_string(),
        },
    }
}

/// Every title as a signal.
fn title_signals(
    titles: &[Title],
    chosen: Option<&Title>,
    decider: Decider,
    level: Level,
) -> Vec<Signal> {
    titles
        .iter()
        .map(|title| {
            let says = Level::of_rung(title.rung);
            let is_chosen = chosen.is_some_and(|c| std::ptr::eq(c, title));
            let decided = is_chosen && matches!(decider, Decider::Title | Decider::PlainTitle);
            let (weight, reason) = if decided {
                let reason = match title.place {
                    Place::RecentRole => "the most recent role's title",
                    Place::Headline => "the headline's title",
                    Place::Summary => "the summary's title",
                    Place::PostingTitle => "the posting's title",
                    Place::PostingBody => "the level the posting names",
                    Place::EarlierRole => "an earlier role's title",
                };
                let reason = if title.explicit {
                    format!("{reason} states the level")
                } else {
                    format!("{reason}, which states no level: a professional role reads mid")
                };
                (Weight::Decided, reason)
            } else if is_chosen && title.explicit {
                // A title the years outweighed: the lower of the two counts.
                let reason = format!("says {says}; the years say less, and the lower counts");
                (weigh(says, level, false), reason)
            } else {
                (Weight::Ignored, title_reason(title, chosen, decider))
            };
            Signal {
                says,
                weight,
                reason,
                evidence: Evidence::Title {
                    title: title.clone(),
                },
            }
        })
        .collect()
}

/// The work as a signal.
fn work_signal(work: &WorkScores, level: Level, decider: Decider) -> Signal {
    let vote = work.vote();
    let says = match vote {
        Some(Level::Senior) if work.shows_lead() => Level::Lead,
        Some(level) => level,
        None => Level::Unknown,
    };
    let (weight, reason) = if decider == Decider::Work {
        (
            Weight::Decided,
            "no title or years: the work alone decides".to_string(),
        )
    } else if vote.is_none() {
        let reason = if work.shows_lead() {
            "lead work shown, but no level set stands out"
        } else {
            "no level set stands out"
        };
        (Weight::Ignored, reason.to_string())
    } else {
        let weight = weigh(says, level, false);
        let weight = if weight == Weight::Disagreed && vote.is_some_and(|v| v == level) {
            Weight::Agreed
        } else {
            weight
        };
        (weight, "the best level set's score".to_string())
    };
    Signal {
        says,
        weight,
        reason,
        evidence: Evidence::Work { scores: *work },
    }
}

/// Puts the deciding signal first, the others in their order.
fn finish(
    kind: DocumentKind,
    level: Level,
    confidence: Confidence,
    years: Option<Years>,
    mut signals: Vec<Signal>,
) -> LevelEstimate {
    signals.sort_by_key(|s| s.weight != Weight::Decided);
    LevelEstimate {
        kind,
        level,
        confidence,
        years,
        signals,
    }
}

/// The largest number of years among those of `stated` that `keep` keeps.
fn largest_where(
    stated: &[StatedYears],
    keep: impl Fn(&StatedYears) -> bool,
) -> Option<&StatedYears> {
    stated
        .iter()
        .filter(|s| keep(s))
        .max_by_key(|s| (s.years, Reverse(s.line)))
}

/// Confidence from two years bands: high when they agree, low two apart.
fn by_agreement(a: Level, b: Level) -> Confidence {
    match distance(a, b) {
        Some(0) => Confidence::High,
        Some(1) | None => Confidence::Medium,
        Some(_) => Confidence::Low,
    }
}

/// A resume's level (module docs).
pub(super) fn resume(s: &Signals, work: Option<&WorkScores>) -> LevelEstimate {
    let kind = DocumentKind::Resume;
    let order = [Place::RecentRole, Place::Headline, Place::Summary];
    let candidates: Vec<&Title> = order
        .iter()
        .flat_map(|place| {
            s.titles
                .iter()
                .filter(move |t| t.place == *place && t.field != Field::NonTechnical)
        })
        .collect();
    let chosen = candidates
        .iter()
        .find(|t| t.explicit)
        .or(candidates.first())
        .copied();
    let computed = s.experience.as_ref().filter(|e| e.months > 0);
    let computed_band = computed.map(|e| Level::of_years(e.years(), kind));
    // The years that count: the person's own figure (headline or summary),
    // else the larger of the computed years and the other stated ones.
    let own = largest_where(&s.stated, |st| st.about_person);
    let other = largest_where(&s.stated, |st| !st.about_person);
    let stated = match (own, other, computed) {
        (Some(own), _, _) => Some(own),
        (None, Some(other), Some(c)) if other.years > c.years() => Some(other),
        (None, Some(other), None) => Some(other),
        _ => None,
    };
    let (years, months, years_decider) = match (stated, computed) {
        (Some(st), _) => (Some(st.years), st.years * 12, Decider::Stated),
        (None, Some(c)) => (Some(c.years()), c.months, Decider::Computed),
        (None, None) => (None, 0, Decider::Nothing),
    };
    let vote = work.and_then(WorkScores::vote);
    let lead_work = work.is_some_and(WorkScores::shows_lead);
    let non_technical =
        !s.titles.is_empty() && s.titles.iter().all(|t| t.field == Field::NonTechnical);
    let mut notes = Vec::new();

    // The years' band, the work breaking a tie at a band's edge.
    let mut tie = false;
    let band = years.map(|y| {
        let band = Level::of_years(y, kind);
        match (vote, edge_bands(months)) {
            (Some(v), Some((low, high))) if (v == low || v == high) && v != band => {
                notes.push(format!(
                    "within {EDGE_MONTHS} months of the {low}/{high} edge: the work picks {v}"
                ));
                tie = true;
                v
            }
            _ => band,
        }
    });
    // How sure the years are: their two sources agreeing, or the work.
    let years_confidence = band.map(|band| {
        let other_band = match years_decider {
            Decider::Stated => computed_band,
            _ => other.map(|st| Level::of_years(st.years, kind)),
        };
        let sure = match other_band {
            Some(b) => by_agreement(Level::of_years(years.unwrap_or(0), kind), b),
            None if vote == Some(band) => Confidence::High,
            None => Confidence::Medium,
        };
        if tie {
            sure.min(Confidence::Medium)
        } else {
            sure
        }
    });

    let explicit = chosen.filter(|t| t.explicit);
    let (level, confidence, decider) = match (explicit, band) {
        (Some(title), _) if Level::of_rung(title.rung) == Level::Lead => {
            (Level::Lead, by_years(Level::Lead, band), Decider::Title)
        }
        (Some(title), Some(band)) => {
            let said = Level::of_rung(title.rung);
            let confidence = by_years(said, Some(band));
            if said.rank() <= band.rank() {
                (said, confidence, Decider::Title)
            } else {
                notes.push(format!(
                    "the title says {said}: the lower of title and years counts"
                ));
                (band, confidence, years_decider)
            }
        }
        (Some(title), None) => (
            Level::of_rung(title.rung),
            Confidence::Medium,
            Decider::Title,
        ),
        (None, Some(band)) => {
            let mut level = band;
            let mut confidence = years_confidence.unwrap_or(Confidence::Medium);
            if level == Level::Senior && lead_work {
                notes.push("senior years with lead work shown: lead".to_string());
                level = Level::Lead;
                confidence = confidence.min(Confidence::Medium);
            }
            if non_technical {
                notes.push("every title found is non-technical".to_string());
                confidence = Confidence::Low;
            }
            (level, confidence, years_decider)
        }
        (None, None) => match vote {
            Some(v) => {
                let level = if v == Level::Senior && lead_work {
                    Level::Lead
                } else {
                    v
                };
                (level, Confidence::Low, Decider::Work)
            }
            None if chosen.is_some() => (Level::Mid, Confidence::Low, Decider::PlainTitle),
            None => (Level::Unknown, Confidence::Low, Decider::Nothing),
        },
    };
    let with_notes = |mut reason: String| {
        for note in &notes {
            reason.push_str("; ");
            reason.push_str(note);
        }
        reason
    };

    let mut signals = title_signals(&s.titles, chosen, decider, level);
    if let Some(experience) = s.experience.as_ref().filter(|e| !e.ranges.is_empty()) {
        let (says, weight, reason) = match computed_band {
            None => (
                Level::Unknown,
                Weight::Ignored,
                "no range counted".to_string(),
            ),
            Some(band) => {
                let reason = format!("{} years: the {band} band", experience.years());
                if decider == Decider::Computed {
                    (band, Weight::Decided, with_notes(reason))
                } else {
                    (band, weigh(band, level, true), reason)
                }
            }
        };
        signals.push(Signal {
            says,
            weight,
            reason,
            evidence: Evidence::ComputedYears {
                experience: experience.clone(),
            },
        });
    }
    for st in &s.stated {
        let band = Level::of_years(st.years, kind);
        let counted = stated.is_some_and(|used| std::ptr::eq(used, st));
        let (weight, reason) = if counted {
            let whose = if st.about_person {
                "the person's own figure"
            } else {
                "more than the dates show"
            };
            let reason = format!("{} years stated, {whose}: the {band} band", st.years);
            if decider == Decider::Stated {
                (Weight::Decided, with_notes(reason))
            } else {
                (weigh(band, level, true), reason)
            }
        } else if own.is_some() && !st.about_person {
            (
                Weight::Ignored,
                "about one skill or role; the headline or summary gives the person's own figure"
                    .to_string(),
            )
        } else if stated.is_some() {
            (Weight::Ignored, "a larger number is stated".to_string())
        } else {
            (Weight::Ignored, "fewer than the dates show".to_string())
        };
        signals.push(Signal {
            says: band,
            weight,
            reason,
            evidence: Evidence::StatedYears { stated: st.clone() },
        });
    }
    if let Some(work) = work {
        signals.push(work_signal(work, level, decider));
    }
    let years = years.map(|y| Years {
        years: y,
        up_to: None,
        at_least: stated.is_some_and(|st| st.at_least),
        source: if years_decider == Decider::Stated {
            YearsSource::Stated
        } else {
            YearsSource::Computed
        },
    });
    finish(kind, level, confidence, years, signals)
}

/// A posting's level (module docs).
pub(super) fn posting(s: &Signals, work: Option<&WorkScores>) -> LevelEstimate {
    let kind = DocumentKind::Posting;
    let own = s.titles.iter().find(|t| t.place == Place::PostingTitle);
    let body = s
        .titles
        .iter()
        .find(|t| t.place == Place::PostingBody && t.explicit);
    let chosen = own.filter(|t| t.explicit).or(body).or(own);
    let asked = largest(&s.stated);
    let band = asked.map(|a| Level::of_years(a.years, kind));
    let vote = work.and_then(WorkScores::vote);
    let lead_work = work.is_some_and(WorkScores::shows_lead);

    let (level, confidence, decider) = if let Some(title) = chosen.filter(|t| t.explicit) {
        let level = Level::of_rung(title.rung);
        (level, by_years(level, band), Decider::Title)
    } else if let Some(band) = band {
        let confidence = if vote == Some(band) {
            Confidence::High
        } else {
            Confidence::Medium
        };
        (band, confidence, Decider::Asked)
    } else if let Some(v) = vote {
        let level = if v == Level::Senior && lead_work {
            Level::Lead
        } else {
            v
        };
        (level, Confidence::Low, Decider::Work)
    } else if chosen.is_some() {
        (Level::Mid, Confidence::Low, Decider::PlainTitle)
    } else {
        (Level::Unknown, Confidence::Low, Decider::Nothing)
    };

    let mut signals = title_signals(&s.titles, chosen, decider, level);
    for a in &s.stated {
        let says = Level::of_years(a.years, kind);
        let is_largest = asked.is_some_and(|l| std::ptr::eq(l, a));
        let (weight, reason) = if !is_largest {
            (Weight::Ignored, "a larger number is asked".to_string())
        } else if decider == Decider::Asked {
            (
                Weight::Decided,
                format!(
                    "no title states a level; asks {}: the {says} band",
                    a.amount()
                ),
            )
        } else {
            (
                weigh(says, level, true),
                format!("asks {}: the {says} band", a.amount()),
            )
        };
        signals.push(Signal {
            says,
            weight,
            reason,
            evidence: Evidence::AskedYears { asked: a.clone() },
        });
    }
    if let Some(work) = work {
        signals.push(work_signal(work, level, decider));
    }
    let years = asked.map(|a| Years {
        years: a.years,
        up_to: a.up_to,
        at_least: a.at_least,
        source: YearsSource::Asked,
    });
    finish(kind, level, confidence, years, signals)
}
