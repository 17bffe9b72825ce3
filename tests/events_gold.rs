//! Scores event extraction on seeds/ against tests/gold/events.tsv, a list written by
//! reading the articles: recall of the required events with their places, dates and
//! participants, no event split in two, and precision over all events found.

use std::path::Path;

use dossier::analysis::events::{Event, EventKind, KindFamily};
use dossier::analysis::{CorpusIndex, SourceText};

struct Gold {
    label: String,
    required: bool,
    family: String,
    place: String,
    dates: Vec<String>,
    participants: Vec<String>,
    docs: Vec<String>,
}

fn load_gold() -> Vec<Gold> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/events.tsv");
    let text = std::fs::read_to_string(path).expect("gold list");
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

fn seeds() -> CorpusIndex {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let sources = paths
        .into_iter()
        .map(|path| SourceText {
            rel_path: format!("seeds/{}", path.file_name().unwrap().to_string_lossy()),
            text: std::fs::read_to_string(&path).expect("seed"),
            path,
        })
        .collect();
    CorpusIndex::build(sources, Vec::new())
}

fn family_name(kind: &str) -> &'static str {
    match EventKind::parse(kind).map(EventKind::family) {
        Some(KindFamily::Diplomacy) => "diplomacy",
        Some(KindFamily::Violence) => "violence",
        Some(KindFamily::Accord) => "accord",
        Some(KindFamily::Sanctions) => "sanctions",
        Some(KindFamily::Vote) => "vote",
        Some(KindFamily::Withdrawal) => "withdrawal",
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
    if family_name(&event.kind) != gold.family {
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

#[test]
fn seed_events_against_gold() {
    let corpus = seeds();
    let gold = load_gold();
    let events = &corpus.events.events;
    let mut report = String::new();
    let (mut n_required, mut n_found, mut n_date, mut n_dated, mut n_people, mut n_with_people) =
        (0, 0, 0, 0, 0, 0);
    let mut splits = Vec::new();
    let mut missing_docs = Vec::new();
    for g in &gold {
        let hits: Vec<&Event> = events.iter().filter(|e| matches(&corpus, g, e)).collect();
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
            let people = names(&corpus, event);
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
        .filter(|e| gold.iter().any(|g| matches(&corpus, g, e)))
        .count();
    let recall = n_found as f64 / n_required as f64;
    let precision = matched_found as f64 / events.len().max(1) as f64;
    println!(
        "events: recall {n_found}/{n_required} = {recall:.2}; date {n_date}/{n_dated}; \
         participants {n_people}/{n_with_people}; precision {matched_found}/{} = {precision:.2}\n{report}",
        events.len()
    );
    for e in events {
        println!(
            "  found: {} | {:?} | {:?} | {:?}",
            e.label,
            e.date,
            e.place,
            names(&corpus, e)
        );
    }
    assert!(recall >= 0.8, "recall {recall:.2} below 0.8\n{report}");
    assert!(splits.is_empty(), "events split in two: {splits:#?}");
    assert!(
        missing_docs.is_empty(),
        "mentions missing: {missing_docs:#?}"
    );
    assert!(
        n_date * 10 >= n_dated * 7,
        "dates {n_date}/{n_dated}\n{report}"
    );
    assert!(
        n_people * 10 >= n_with_people * 7,
        "participants {n_people}/{n_with_people}\n{report}"
    );
    assert!(precision >= 0.5, "precision {precision:.2}");
}
