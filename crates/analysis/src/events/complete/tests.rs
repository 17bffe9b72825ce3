//! The prefix table against a plain ranking of every event, on generated events.

use super::*;
use crate::actors::ActorKind;
use crate::events::{EventKind, EventMention, EventStatus, JoinReasons};

const PLACES: &[&str] = &["Geneva", "Genoa", "Helsinki", "Moscow", "Montreux", "Sochi"];
const KINDS: &[EventKind] = &[
    EventKind::Summit,
    EventKind::Meeting,
    EventKind::Talks,
    EventKind::Attack,
    EventKind::Sanctions,
];
const PEOPLE: &[(&str, &[&str])] = &[
    ("Vladimir Putin", &["Putin"]),
    ("Donald Trump", &["Trump"]),
    ("Ali Akbar Velayati", &["Velayati"]),
    ("Sergey Lavrov", &["Lavrov"]),
    ("Geir Pedersen", &[]),
    ("Μαρία Σάκκαρη", &[]),
];

/// A small deterministic generator (no dependency needed for a test).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn actors() -> Vec<Actor> {
    PEOPLE
        .iter()
        .map(|(name, aliases)| Actor {
            name: name.to_string(),
            kind: ActorKind::Person,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            roles: Vec::new(),
            mentions: Default::default(),
        })
        .collect()
}

fn events(n: usize) -> Vec<Event> {
    let mut rng = Lcg(7);
    (0..n)
        .map(|i| {
            let place = (rng.below(4) > 0).then(|| PLACES[rng.below(PLACES.len())].to_string());
            let kind = KINDS[rng.below(KINDS.len())];
            let mut participants: Vec<u32> = (0..rng.below(3))
                .map(|_| rng.below(PEOPLE.len()) as u32)
                .collect();
            participants.dedup();
            let label = match (&place, rng.below(3)) {
                (Some(place), 0) => format!("{place} {kind}"),
                (_, 1) => format!("{kind} no. {}", i % 37),
                _ => format!("{} {kind}", PEOPLE[rng.below(PEOPLE.len())].0),
            };
            let mentions = (0..1 + rng.below(120))
                .map(|m| EventMention {
                    doc: m as u32,
                    span: (0..1).into(),
                    sentence: (0..1).into(),
                    kind: EventKind::Summit,
                    n_fields: 0,
                    joined: JoinReasons::empty(),
                })
                .collect();
            Event {
                label,
                kind,
                date: None,
                precision: None,
                status: EventStatus::Happened,
                place,
                venue: None,
                participants,
                mentions,
            }
        })
        .collect()
}

/// What the editor ranks an event by, found the plain way: the first field that matches.
fn plain_match(event: &Event, actors: &[Actor], typed: &str) -> Option<u32> {
    let starts = |text: &str| lowercase(text).starts_with(typed);
    let participant = || {
        event.participants.iter().any(|&p| {
            let actor = &actors[p as usize];
            std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .any(|n| starts(n) || n.split(' ').skip(1).any(starts))
        })
    };
    let field = if starts(&event.label) {
        Field::Label
    } else if event.place.as_deref().is_some_and(starts) {
        Field::Place
    } else if starts(event.kind.as_str()) {
        Field::Kind
    } else if participant() {
        Field::Participant
    } else {
        return None;
    };
    Some(field.tier() + salience(event))
}

/// The best `limit` events by walking the table's candidates until the bound passes the
/// worst kept one, as the editor does; and how many candidates were read.
fn through_table(
    table: &CompletionTable,
    events: &[Event],
    actors: &[Actor],
    typed: &str,
    limit: usize,
) -> (Vec<(u32, String, usize)>, usize) {
    let mut kept: Vec<(u64, u32, usize)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut read = 0;
    let mut last_bound = 0;
    for (bound, i) in table.candidates(typed) {
        assert!(bound >= last_bound, "{typed:?}: bounds must not decrease");
        last_bound = bound;
        kept.sort();
        if kept.len() >= limit && kept[limit - 1].0 <= bound {
            break;
        }
        read += 1;
        if !seen.insert(i) {
            continue;
        }
        let rank = plain_match(&events[i], actors, typed).expect("a candidate matches");
        let key = table.rank_key(i, rank);
        assert!(
            key >= bound,
            "{typed:?}: event {i} ranks {key} below its bound {bound}"
        );
        kept.push((key, rank, i));
    }
    kept.sort();
    kept.truncate(limit);
    let kept = kept
        .into_iter()
        .map(|(_, rank, i)| (rank, events[i].label.clone(), i))
        .collect();
    (kept, read)
}

fn by_scan(
    events: &[Event],
    actors: &[Actor],
    typed: &str,
    limit: usize,
) -> Vec<(u32, String, usize)> {
    let mut all: Vec<(u32, String, usize)> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((plain_match(e, actors, typed)?, e.label.clone(), i)))
        .collect();
    all.sort();
    all.truncate(limit);
    all
}

#[test]
fn the_table_gives_the_best_events_of_a_full_ranking() {
    let actors = actors();
    let events = events(3_000);
    let table = CompletionTable::build(&events, &actors);
    let mut typed: Vec<String> = Vec::new();
    for text in PLACES
        .iter()
        .copied()
        .chain(KINDS.iter().map(|k| k.as_str()))
        .chain(PEOPLE.iter().map(|p| p.0))
    {
        let lower = lowercase(text);
        let chars: Vec<char> = lower.chars().collect();
        for n in 1..=chars.len() {
            typed.push(chars[..n].iter().collect());
        }
    }
    typed.extend(["no", "no. 3", "velayati", "zz", "σά", "akbar"].map(String::from));
    let mut broad = 0;
    for typed in &typed {
        let expected = by_scan(&events, &actors, typed, 100);
        let (got, read) = through_table(&table, &events, &actors, typed, 100);
        assert_eq!(got, expected, "typed {typed:?}");
        let matching = events
            .iter()
            .filter(|e| plain_match(e, &actors, typed).is_some())
            .count();
        if matching > 1_000 {
            broad += 1;
            // The point of the table: a broad prefix reads a fraction of what matches.
            assert!(read < matching / 2, "{typed:?}: read {read} of {matching}");
        }
    }
    assert!(
        broad > 5,
        "the generated events must make some prefixes broad"
    );
}

#[test]
fn an_empty_table_and_odd_input_give_nothing() {
    let table = CompletionTable::build(&[], &[]);
    assert_eq!(table.candidates("ge").count(), 0);
    let actors = actors();
    let events = events(50);
    let table = CompletionTable::build(&events, &actors);
    for typed in ["", "\u{0}", "ζζζ", "gene\u{301}"] {
        let _ = table.candidates(typed).count();
    }
    assert_eq!(table.rank_key(usize::MAX, 3) >> 32, 3);
}
