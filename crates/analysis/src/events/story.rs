//! One story, one happening: news names its happening many times ("Esther Williams Dies
//! At 91", "has died", "passed away in Beverly Hills on Thursday", "her death") and gives
//! its place and day once. A mention that gives neither takes them from the document's
//! other mentions of the same kind, when those agree on one place (one day) and nothing
//! in the mention says it is another happening of that kind (other people, another day,
//! another place). The story's happening is the one its headline and lead tell: only
//! they give, and only they or a definite mention ("her death", "the shooting") take, so
//! that the background a story goes on to tell ("in 1972 he shot his father in Canada")
//! neither lends its place to the story nor borrows the story's.

use std::ops::Range;

use super::clause::ActorSpan;
use super::dates::{self, DateParts};
use super::kinds::{EventKind, KindFamily};
use super::lexicon::DEFINITE;
use super::places;
use super::words;
use super::LocalEvent;
use crate::lower::lowercase_in;

/// Sentences of the body that make its headline and lead.
const LEAD_SENTENCES: usize = 4;

/// Words in a mention that make it another happening of its kind than the story's ("a
/// second fire", "another shooting", "an earlier attack").
const ANOTHER: &[&str] = &[
    "another", "second", "third", "other", "earlier", "previous", "prior", "similar", "latest",
];

/// Kinds a story tells as one happening: a death, an attack, a disaster, a robbery, an
/// arrest, an escape, a fall, a riot. A sports story tells many games, a diplomatic one
/// many meetings, an awards story many ceremonies: those kinds share nothing.
pub(super) fn one_per_story(kind: EventKind) -> bool {
    matches!(
        kind.family(),
        KindFamily::Death
            | KindFamily::Injury
            | KindFamily::Disaster
            | KindFamily::Robbery
            | KindFamily::Arrest
            | KindFamily::Escape
            | KindFamily::Admission
            | KindFamily::Accident
            | KindFamily::Protest
            | KindFamily::Execution
    ) || matches!(kind, EventKind::Attack | EventKind::ChemicalAttack)
}

/// Gives each reported mention without a place the place of the document's other
/// reported mentions of its kind, and each undated one their day, where they agree.
pub(super) fn share_story_places_and_dates(
    text: &str,
    body: Range<usize>,
    actors: &[ActorSpan],
    mentions: &mut [LocalEvent],
) {
    let n = mentions.len();
    if n < 2 {
        return;
    }
    let sentences = words::sentences(text, body.clone());
    let lead_end = sentences
        .get(LEAD_SENTENCES - 1)
        .map_or(body.end, |s| s.end);
    let in_lead = |m: &LocalEvent| m.trigger.start < lead_end;
    // The headline names the story's happening whatever its kind ("Colts Beat Chiefs
    // 20-13"), and the lead gives its place and day ("on Sunday"): any kind shares there.
    let headline_end = (sentences.first())
        .filter(|s| words::is_headline(text, s))
        .map_or(body.start, |s| s.end);
    let in_headline = |m: &LocalEvent| m.trigger.start < headline_end;
    // "her death", "the shooting", "Williams' death".
    let definite = |m: &LocalEvent| {
        let first = text.get(m.span.clone()).and_then(|s| s.split(' ').next());
        first.is_some_and(|w| {
            lowercase_in(w, DEFINITE) || w.ends_with("'s") || w.ends_with("’s") || w.ends_with('\'')
        })
    };
    // Everyone a mention's sentence names: "Esther Williams, whose films made Hollywood
    // swim, died" takes part in the death whoever the clause's subject was read to be.
    let named_in = |m: &LocalEvent, id: u32| {
        actors.iter().any(|a| {
            a.actor == id && m.sentence.start <= a.span.start && a.span.end <= m.sentence.end
        })
    };
    let other_people = |a: &LocalEvent, b: &LocalEvent| {
        !a.participants.is_empty()
            && !b.participants.is_empty()
            && !a.participants.iter().any(|&p| named_in(b, p))
            && !b.participants.iter().any(|&p| named_in(a, p))
    };
    // The words before the trigger: "a second fire", "another shooting".
    let not_another = |m: &LocalEvent| {
        !text
            .get(m.span.start..m.trigger.start.max(m.span.start))
            .is_some_and(|s| s.split_whitespace().any(|w| lowercase_in(w, ANOTHER)))
    };
    let the_story = |m: &LocalEvent| one_per_story(m.kind) && not_another(m);
    let mut places_given = vec![None; n];
    let mut dates_given = vec![None; n];
    let mut venues_given = vec![None; n];
    for (i, taker) in mentions.iter().enumerate() {
        let headline = in_headline(taker) && not_another(taker);
        if !taker.status.is_reported()
            || !(headline || the_story(taker) && (in_lead(taker) || definite(taker)))
            || (taker.place.is_some() && taker.date.is_some() && taker.venue.is_some())
        {
            continue;
        }
        let givers = || {
            mentions.iter().enumerate().filter(move |&(j, m)| {
                j != i
                    && m.kind == taker.kind
                    && m.status.is_reported()
                    && in_lead(m)
                    && (the_story(m) || headline && not_another(m))
                    && !other_people(taker, m)
                    && !other_day(taker, m)
                    && !other_place(taker, m)
            })
        };
        if taker.place.is_none() {
            let mut placed = givers().filter_map(|(_, m)| m.place.as_ref());
            if let Some(first) = placed.next() {
                if placed.all(|p| places::same_or_within(&p.name, &first.name)) {
                    places_given[i] = Some(first.clone());
                }
            }
        }
        if taker.venue.is_none() {
            let mut named = givers().filter_map(|(_, m)| m.venue.as_ref());
            if let Some(first) = named.next() {
                if named.all(|v| v.name.eq_ignore_ascii_case(&first.name)) {
                    venues_given[i] = Some(first.clone());
                }
            }
        }
        if taker.date.is_none() {
            let mut dated = givers().filter_map(|(_, m)| {
                m.date
                    .as_ref()
                    .filter(|d| !d.unresolved && d.parts.day.is_some())
            });
            if let Some(first) = dated.next() {
                let day = day_of(&first.parts);
                if dated.all(|d| day_of(&d.parts) == day) {
                    dates_given[i] = Some(first.clone());
                }
            }
        }
    }
    for (m, ((place, date), venue)) in
        (mentions.iter_mut()).zip(places_given.into_iter().zip(dates_given).zip(venues_given))
    {
        if m.venue.is_none() {
            m.venue = venue;
        }
        if m.place.is_none() {
            m.place = place;
        }
        if m.date.is_none() {
            m.date = date;
        }
    }
}

fn day_of(p: &DateParts) -> Option<(i32, u8, u8)> {
    Some((p.year?, p.month?, p.day?))
}

/// Both dated, and not within a day of each other ("died in 1972" is another death).
fn other_day(a: &LocalEvent, b: &LocalEvent) -> bool {
    let (Some(x), Some(y)) = (&a.date, &b.date) else {
        return false;
    };
    if x.unresolved || y.unresolved {
        return false;
    }
    let (px, py) = (&x.parts, &y.parts);
    if px.year.is_some() && py.year.is_some() && px.year != py.year {
        return true;
    }
    match (day_of(px), day_of(py)) {
        (Some(dx), Some(dy)) => dates::days_between(dx, dy).abs() > 1,
        _ => px.month.is_some() && py.month.is_some() && px.month != py.month,
    }
}

/// Both placed, and neither place holds the other.
fn other_place(a: &LocalEvent, b: &LocalEvent) -> bool {
    match (&a.place, &b.place) {
        (Some(x), Some(y)) => !places::same_or_within(&x.name, &y.name),
        _ => false,
    }
}
