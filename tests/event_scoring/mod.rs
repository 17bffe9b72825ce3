//! Scoring event extraction against a hand-written gold list (shared by the seed and the
//! unseen-news quality tests): recall of the required events with their places, dates and
//! participants, events split in two, mentions missing, and precision over all events found.
//!
//! A gold line is `label<TAB>required (yes/no)<TAB>family<TAB>place<TAB>dates (|)<TAB>
//! participants (;)<TAB>document keys (;)`; a found event matches it by [`matches`].

use dossier::analysis::actors::ActorKind;
use dossier::analysis::events::{Event, EventKind, KindFamily};
use dossier::analysis::CorpusIndex;

pub struct Gold {
    label: String,
    required: bool,
    family: String,
    place: String,
    dates: Vec<String>,
    participants: Vec<String>,
    docs: Vec<String>,
}

pub fn gold(text: &str) -> Vec<Gold> {
    let list = |s: &str, sep: char| -> Vec<String> {
        s.split(sep)
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect()
    };
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let c: Vec<&str> = line.split('\t').collect();
            let col = |i: usize| c.get(i).copied().unwrap_or("").trim();
            Gold {
                label: col(0).to_string(),
                required: col(1) == "yes",
                family: col(2).to_string(),
                place: col(3).to_string(),
                dates: list(col(4), '|'),
                participants: list(col(5), ';'),
                docs: list(col(6), ';'),
            }
        })
        .collect()
}

/// The least each test accepts; each test file states its own.
pub struct Bars {
    /// Required gold events found, of all required.
    pub recall: f64,
    /// Found required events with the gold date, of those the gold dates.
    pub dates: f64,
    /// Found required events with every gold participant, of those the gold names any.
    pub participants: f64,
    /// Found events that match a gold event, of all found.
    pub precision: f64,
}

/// The figures of one scoring, held to a test's bars by [`Score::assert_meets`].
pub struct Score {
    /// Found required events with the gold date, out of those the gold dates.
    n_date: usize,
    n_dated: usize,
    /// Found required events with every gold participant, out of those the gold names any.
    n_people: usize,
    n_with_people: usize,
    /// Required gold events found, of all required.
    recall: f64,
    /// Found events that match a gold event, of all found.
    precision: f64,
    /// Gold events matched by more than one found event.
    splits: Vec<String>,
    /// Gold documents whose mention the found event lacks.
    missing_docs: Vec<String>,
    /// What was missed or wrong, a line each.
    report: String,
    /// The figures, the report and every event found, for the test to print.
    pub summary: String,
}

impl Score {
    /// Panics unless the figures meet `bars`, no gold event is split in two and each found
    /// event has a mention in every document the gold lists.
    pub fn assert_meets(&self, bars: &Bars) {
        assert!(
            self.recall >= bars.recall,
            "recall {:.2} below {}\n{}",
            self.recall,
            bars.recall,
            self.report
        );
        assert!(
            self.splits.is_empty(),
            "events split in two: {:#?}",
            self.splits
        );
        assert!(
            self.missing_docs.is_empty(),
            "mentions missing: {:#?}",
            self.missing_docs
        );
        let shares = [
            ("dates", self.n_date, self.n_dated, bars.dates),
            (
                "participants",
                self.n_people,
                self.n_with_people,
                bars.participants,
            ),
        ];
        for (what, n, of, bar) in shares {
            // A ratio, not a product, so that a share exactly on the bar meets it: both sides
            // round to the same nearest double.
            assert!(
                of == 0 || n as f64 / of as f64 >= bar,
                "{what} {n}/{of}\n{}",
                self.report
            );
        }
        assert!(
            self.precision >= bars.precision,
            "precision {:.2}",
            self.precision
        );
    }
}

/// Scores the events of `corpus` against a gold list.
pub fn score(corpus: &CorpusIndex, gold: &[Gold]) -> Score {
    let events = &corpus.events.events;
    let mut report = String::new();
    let (mut n_required, mut n_found, mut n_date, mut n_dated, mut n_people, mut n_with_people) =
        (0, 0, 0, 0, 0, 0);
    let mut splits = Vec::new();
    let mut missing_docs = Vec::new();
    for g in gold {
        let hits: Vec<&Event> = events.iter().filter(|e| matches(corpus, g, e)).collect();
        if g.required {
            n_required += 1;
        }
        let Some(event) = hits.first() else {
            report.push_str(&format!("MISSED {}\n", g.label));
            continue;
        };
        if hits.len() > 1 {
            splits.push(format!(
                "{}: {:?}",
                g.label,
                hits.iter().map(|e| &e.label).collect::<Vec<_>>()
            ));
        }
        if !g.required {
            continue;
        }
        n_found += 1;
        if !g.dates.is_empty() {
            n_dated += 1;
            let date = event.date.as_deref().unwrap_or("");
            if g.dates.iter().any(|d| date.starts_with(d.as_str())) {
                n_date += 1;
            } else {
                report.push_str(&format!("DATE {}: {date:?}\n", g.label));
            }
        }
        if !g.participants.is_empty() {
            n_with_people += 1;
            let people = names(corpus, event);
            if g.participants
                .iter()
                .all(|p| people.iter().any(|n| n.contains(p.as_str())))
            {
                n_people += 1;
            } else {
                report.push_str(&format!("PEOPLE {}: {people:?}\n", g.label));
            }
        }
        for key in &g.docs {
            let covered = event
                .mentions
                .iter()
                .any(|m| corpus.doc(m.doc).key.starts_with(key.as_str()));
            if !covered {
                missing_docs.push(format!("{} lacks {key}", g.label));
            }
        }
    }
    let matched_found = events
        .iter()
        .filter(|e| gold.iter().any(|g| matches(corpus, g, e)))
        .count();
    let recall = n_found as f64 / n_required as f64;
    let precision = matched_found as f64 / events.len().max(1) as f64;
    let mut summary = format!(
        "events: recall {n_found}/{n_required} = {recall:.2}; date {n_date}/{n_dated}; \
         participants {n_people}/{n_with_people}; precision {matched_found}/{} = {precision:.2}\n{report}",
        events.len()
    );
    for e in events {
        summary.push_str(&format!(
            "\n  found: {} | {:?} | {:?} | {:?}",
            e.label,
            e.date,
            e.place,
            names(corpus, e)
        ));
    }
    Score {
        n_date,
        n_dated,
        n_people,
        n_with_people,
        recall,
        precision,
        splits,
        missing_docs,
        report,
        summary,
    }
}

fn family_name(kind: &str) -> &'static str {
    match EventKind::parse(kind).map(EventKind::family) {
        Some(KindFamily::Diplomacy) => "diplomacy",
        Some(KindFamily::Violence) => "violence",
        Some(KindFamily::Accord) => "accord",
        Some(KindFamily::Sanctions) => "sanctions",
        Some(KindFamily::Vote) => "vote",
        Some(KindFamily::Withdrawal) => "withdrawal",
        Some(other) => other.as_str(),
        None => "?",
    }
}

fn names(corpus: &CorpusIndex, event: &Event) -> Vec<String> {
    event
        .participants
        .iter()
        .map(|&p| corpus.actors.actor(p).name.clone())
        .collect()
}

/// Whether a found event is (a piece of) the gold event: same family, and the same place
/// when both have one, else shared participants or the same date.
fn matches(corpus: &CorpusIndex, gold: &Gold, event: &Event) -> bool {
    if family_name(event.kind.as_str()) != gold.family {
        return false;
    }
    let people = names(corpus, event);
    let n_shared = gold
        .participants
        .iter()
        .filter(|g| people.iter().any(|n| n.contains(g.as_str())))
        .count();
    let shares_person = n_shared >= 1;
    // Two meetings in one city are told apart by who met.
    if !people.is_empty()
        && !gold.participants.is_empty()
        && n_shared < gold.participants.len().min(2)
    {
        return false;
    }
    // A bilateral meeting on the sidelines is not the summit it was held at.
    let n_persons = event
        .participants
        .iter()
        .filter(|&&p| corpus.actors.actor(p).kind == ActorKind::Person)
        .count();
    if gold.participants.is_empty() && n_persons >= 2 {
        return false;
    }
    match (&event.place, gold.place.is_empty()) {
        (Some(place), false) => place.eq_ignore_ascii_case(&gold.place),
        _ => {
            let same_date = event
                .date
                .as_deref()
                .is_some_and(|d| gold.dates.iter().any(|g| d.starts_with(g.as_str())));
            let docs_overlap = event.mentions.iter().any(|m| {
                gold.docs
                    .iter()
                    .any(|k| corpus.doc(m.doc).key.starts_with(k.as_str()))
            });
            docs_overlap && (shares_person || same_date)
        }
    }
}
