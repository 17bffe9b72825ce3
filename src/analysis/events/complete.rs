//! Completion of event names by prefix without ranking every event: a sorted table of the
//! lowercase labels, places, kinds and participants' names of the events, each entry
//! pointing at its events best first, walked as a k-way merge.
//!
//! The editor ranks an event by what the typed word matches first (label, then place, then
//! kind, then a participant: [`Field`]) plus its salience ([`salience`]). Every entry of
//! the table holds the events it names sorted by (salience, label, id), so the smallest
//! rank an event of an entry can have, given what was already read from that entry, is the
//! entry's tier plus the next event's salience. [`CompletionTable::candidates`] merges the
//! entries that start with the typed text in that order; the caller ranks each event
//! exactly and stops once its worst kept item ranks below the next bound. A keystroke then
//! costs the entries that match plus the events read, not the number of events.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::ops::Range;

use super::Event;
use crate::analysis::actors::Actor;
use crate::analysis::packed::Words;

/// What a typed word matched in an event, in the order the editor tries them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Field {
    /// The label starts with the typed word.
    Label,
    /// The place starts with it.
    Place,
    /// The kind ("summit") starts with it.
    Kind,
    /// A participant's name or alias, or a later word of one, starts with it.
    Participant,
}

impl Field {
    /// The rank a match of this field starts from (lower is better).
    pub fn tier(self) -> u32 {
        match self {
            Field::Label => 0,
            Field::Place => 10,
            Field::Participant => 20,
            Field::Kind => 30,
        }
    }
}

/// The part of an event's completion rank that does not depend on what was typed: much
/// mentioned events first.
pub fn salience(event: &Event) -> u32 {
    (100 - event.mentions.len().min(99)) as u32
}

/// `text` lowercased char by char, so that a prefix of it is exactly what
/// `text.chars().flat_map(char::to_lowercase)` starts with.
pub fn lowercase(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Entry {
    /// Lowercase (see [`lowercase`]): a range of [`CompletionTable::keys`].
    key: Range<u32>,
    field: Field,
    /// Into [`CompletionTable::lists`].
    list: Range<u32>,
}

/// An entry while the table is built, before its key goes into the key text.
struct Draft {
    key: String,
    field: Field,
    list: Range<u32>,
}

/// The prefix table over every event (see the module docs).
#[derive(Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CompletionTable {
    /// Sorted by key, then field and list.
    #[serde(with = "crate::analysis::packed::vec")]
    entries: Vec<Entry>,
    /// Every entry's key, one after another: one string rather than one per entry, which
    /// is what reading the table back from the index cache costs.
    keys: String,
    /// Event ids, one list after another, each sorted by (salience, label, id).
    #[serde(with = "crate::analysis::packed::vec")]
    lists: Vec<u32>,
}

/// The order of events inside a list: the rank they would have for the same field.
fn order_key(events: &[Event], id: u32) -> (u32, &str, u32) {
    events
        .get(id as usize)
        .map_or((u32::MAX, "", id), |e| (salience(e), e.label.as_str(), id))
}

impl CompletionTable {
    pub fn build(events: &[Event], actors: &[Actor]) -> CompletionTable {
        let mut table = CompletionTable::default();
        let mut drafts: Vec<Draft> = Vec::new();
        let push_list = |table: &mut CompletionTable, mut ids: Vec<u32>| -> Range<u32> {
            ids.sort_by(|&a, &b| order_key(events, a).cmp(&order_key(events, b)));
            ids.dedup();
            let start = table.lists.len() as u32;
            table.lists.extend(ids);
            start..table.lists.len() as u32
        };
        // Labels, places and kinds: the events sharing one lowercase text share an entry.
        let mut by_text: Vec<(String, Field, u32)> = Vec::new();
        for (i, event) in events.iter().enumerate() {
            let i = i as u32;
            by_text.push((lowercase(&event.label), Field::Label, i));
            if let Some(place) = &event.place {
                by_text.push((lowercase(place), Field::Place, i));
            }
            by_text.push((lowercase(&event.kind), Field::Kind, i));
        }
        by_text.sort_by(|a, b| (&a.0, field_order(a.1)).cmp(&(&b.0, field_order(b.1))));
        let mut at = 0;
        while at < by_text.len() {
            let (key, field) = (&by_text[at].0, by_text[at].1);
            let end = at
                + by_text[at..]
                    .iter()
                    .take_while(|(k, f, _)| k == key && *f == field)
                    .count();
            let ids: Vec<u32> = by_text[at..end].iter().map(|e| e.2).collect();
            let list = push_list(&mut table, ids);
            if !key.is_empty() {
                drafts.push(Draft {
                    key: key.clone(),
                    field,
                    list,
                });
            }
            at = end;
        }
        // Participants: an actor's events under every name and later word the editor
        // matches (the name, each alias, and each of their words after the first).
        let mut of_actor: Vec<Vec<u32>> = vec![Vec::new(); actors.len()];
        for (i, event) in events.iter().enumerate() {
            for &p in &event.participants {
                if let Some(list) = of_actor.get_mut(p as usize) {
                    list.push(i as u32);
                }
            }
        }
        for (actor, ids) in actors.iter().zip(of_actor) {
            if ids.is_empty() {
                continue;
            }
            let list = push_list(&mut table, ids);
            let mut keys: Vec<String> = Vec::new();
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                keys.push(lowercase(name));
                keys.extend(name.split(' ').skip(1).map(lowercase));
            }
            keys.retain(|k| !k.is_empty());
            keys.sort();
            keys.dedup();
            drafts.extend(keys.into_iter().map(|key| Draft {
                key,
                field: Field::Participant,
                list: list.clone(),
            }));
        }
        drafts.sort_by(|a, b| {
            (&a.key, field_order(a.field), a.list.start).cmp(&(
                &b.key,
                field_order(b.field),
                b.list.start,
            ))
        });
        table.keys.reserve(drafts.iter().map(|d| d.key.len()).sum());
        table.entries = drafts
            .into_iter()
            .map(|draft| {
                let start = table.keys.len() as u32;
                table.keys.push_str(&draft.key);
                Entry {
                    key: start..table.keys.len() as u32,
                    field: draft.field,
                    list: draft.list,
                }
            })
            .collect();
        table
    }

    fn key(&self, entry: &Entry) -> &str {
        self.keys
            .get(entry.key.start as usize..entry.key.end as usize)
            .unwrap_or("")
    }

    /// The events whose label, place, kind or a participant's name (or later word) starts
    /// with `typed_lower` (lowercased with [`lowercase`]), in increasing order of a lower
    /// bound of their rank: `(tier + salience, label, id)`. An event can come more than
    /// once (from several fields or names) and its real rank can be above the bound given
    /// with it, but never below the bound of the first time it comes.
    pub fn candidates<'a>(&'a self, events: &'a [Event], typed_lower: &str) -> Candidates<'a> {
        let first = self.entries.partition_point(|e| self.key(e) < typed_lower);
        let mut lists_seen: HashSet<u32> = HashSet::new();
        let mut heads: Vec<Reverse<Head<'a>>> = Vec::new();
        for entry in self.entries[first..]
            .iter()
            .take_while(|e| self.key(e).starts_with(typed_lower))
        {
            // An actor's names share one list: merge it once.
            if !lists_seen.insert(entry.list.start) {
                continue;
            }
            let list = (entry.list.start, entry.list.end);
            if let Some(head) = Head::new(self, events, entry.field.tier(), list) {
                heads.push(Reverse(head));
            }
        }
        Candidates {
            table: self,
            events,
            heap: BinaryHeap::from(heads),
        }
    }

    /// Heap bytes of the table.
    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.keys.capacity()
            + self.lists.capacity() * std::mem::size_of::<u32>()
    }
}

impl Words for Entry {
    const N: usize = 5;
    fn put(&self, out: &mut Vec<u32>) -> Option<()> {
        let field = u32::from(field_order(self.field));
        out.extend([self.key.start, self.key.end, field]);
        out.extend([self.list.start, self.list.end]);
        Some(())
    }
    fn take(words: &[u32]) -> Option<Self> {
        match *words {
            [key_start, key_end, field, list_start, list_end] => Some(Entry {
                key: key_start..key_end,
                field: *FIELDS.get(field as usize)?,
                list: list_start..list_end,
            }),
            _ => None,
        }
    }
}

/// Every field, at its [`field_order`].
const FIELDS: [Field; 4] = [Field::Label, Field::Place, Field::Kind, Field::Participant];

/// Entries with the same key sort label, place, kind, participant.
fn field_order(field: Field) -> u8 {
    match field {
        Field::Label => 0,
        Field::Place => 1,
        Field::Kind => 2,
        Field::Participant => 3,
    }
}

/// The next unread event of one list, with its bound.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Head<'a> {
    bound: (u32, &'a str, u32),
    tier: u32,
    /// The unread rest of the list, from this event: `(start, end)`.
    rest: (u32, u32),
}

impl<'a> Head<'a> {
    fn new(
        table: &CompletionTable,
        events: &'a [Event],
        tier: u32,
        rest: (u32, u32),
    ) -> Option<Head<'a>> {
        if rest.0 >= rest.1 {
            return None;
        }
        let id = *table.lists.get(rest.0 as usize)?;
        let (salience, label, id) = order_key(events, id);
        Some(Head {
            bound: (tier.saturating_add(salience), label, id),
            tier,
            rest,
        })
    }
}

/// See [`CompletionTable::candidates`].
pub struct Candidates<'a> {
    table: &'a CompletionTable,
    events: &'a [Event],
    heap: BinaryHeap<Reverse<Head<'a>>>,
}

impl<'a> Iterator for Candidates<'a> {
    /// The rank bound `(tier + salience, label, id)` and the event id.
    type Item = ((u32, &'a str, u32), usize);

    fn next(&mut self) -> Option<Self::Item> {
        let Reverse(head) = self.heap.pop()?;
        let next = (head.rest.0 + 1, head.rest.1);
        if let Some(next) = Head::new(self.table, self.events, head.tier, next) {
            self.heap.push(Reverse(next));
        }
        Some((head.bound, head.bound.2 as usize))
    }
}

#[cfg(test)]
mod tests;
