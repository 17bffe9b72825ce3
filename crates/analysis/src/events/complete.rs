//! Completion of event names by prefix without ranking every event: a sorted table of the
//! lowercase labels, places, kinds and participants' names of the events, each entry
//! pointing at its events best first, walked as a k-way merge.
//!
//! The editor ranks an event by what the typed word matches first (label, then place, then
//! kind, then a participant: [`Field`]) plus its salience ([`salience`]), ties broken by
//! label and id. Every entry of the table holds the events it names sorted by (salience,
//! label, id), so the best rank an unread event of an entry can have is the entry's tier
//! plus the next event's salience. [`CompletionTable::candidates`] merges the entries that
//! start with the typed text in that order; the caller ranks each event exactly and stops
//! once its worst kept item ranks below the next bound. Entries join the merge in the order
//! of their first event (a segment tree over the entries finds the best of a range), so a
//! two-letter prefix that thousands of names start with costs no more than a long one: a
//! keystroke costs a binary search and the events read, not the number of events or names.
//!
//! Ranks are compared as `u64` keys, `(tier + salience) << 32 | label rank`, where the
//! label rank orders all events by (label, id).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::ops::Range;

use super::Event;
use crate::actors::Actor;
use crate::min_tree::MinTree;

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
    /// Lowercase (see [`lowercase`]).
    key: Box<str>,
    field: Field,
    /// Into [`CompletionTable::lists`]; never empty.
    list: Range<u32>,
    /// The rank key of the list's first event for this field: the best the entry offers.
    head: u64,
}

/// The prefix table over every event (see the module docs).
#[derive(Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CompletionTable {
    /// Sorted by key, then field and list.
    entries: Vec<Entry>,
    /// Event ids, one list after another, each sorted by (salience, label, id).
    #[serde(with = "crate::packed::vec")]
    lists: Vec<u32>,
    /// Per event: `salience << 32 | label rank` (the rank key for tier 0).
    order: Vec<u64>,
    /// The entry with the smallest `head` in a range.
    tree: MinTree,
}

impl CompletionTable {
    pub fn build(events: &[Event], actors: &[Actor]) -> CompletionTable {
        let mut by_label: Vec<u32> = (0..events.len() as u32).collect();
        by_label.sort_by(|&a, &b| {
            (events[a as usize].label.as_str(), a).cmp(&(events[b as usize].label.as_str(), b))
        });
        let mut order = vec![0u64; events.len()];
        for (rank, &i) in by_label.iter().enumerate() {
            order[i as usize] = u64::from(salience(&events[i as usize])) << 32 | rank as u64;
        }
        let mut table = CompletionTable {
            order,
            ..CompletionTable::default()
        };
        let push_list = |table: &mut CompletionTable, mut ids: Vec<u32>| -> Range<u32> {
            ids.sort_by_key(|&i| table.order[i as usize]);
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
            by_text.push((lowercase(event.kind.as_str()), Field::Kind, i));
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
            if !key.is_empty() {
                let ids: Vec<u32> = by_text[at..end].iter().map(|e| e.2).collect();
                let list = push_list(&mut table, ids);
                table.entries.push(Entry {
                    key: key.as_str().into(),
                    field,
                    list,
                    head: 0,
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
            table.entries.extend(keys.into_iter().map(|key| Entry {
                key: key.into(),
                field: Field::Participant,
                list: list.clone(),
                head: 0,
            }));
        }
        table.entries.sort_by(|a, b| {
            (&a.key, field_order(a.field), a.list.start).cmp(&(
                &b.key,
                field_order(b.field),
                b.list.start,
            ))
        });
        for i in 0..table.entries.len() {
            let entry = &table.entries[i];
            let head = table.key_at(entry.field.tier(), entry.list.start);
            table.entries[i].head = head;
        }
        table.tree = MinTree::build(table.entries.len(), |i| table.head(i));
        table
    }

    /// The rank key of event `event` ranked `rank` (tier plus salience), to compare with
    /// the bounds [`CompletionTable::candidates`] gives.
    pub fn rank_key(&self, event: usize, rank: u32) -> u64 {
        let label_rank = self
            .order
            .get(event)
            .map_or(u64::from(u32::MAX), |&o| o & 0xffff_ffff);
        u64::from(rank) << 32 | label_rank
    }

    /// The events whose label, place, kind or a participant's name (or later word) starts
    /// with `typed_lower` (lowercased with [`lowercase`]), in increasing order of a lower
    /// bound of their rank key (see [`CompletionTable::rank_key`]). An event can come more
    /// than once (from several fields or names) and its real rank can be above the bound
    /// given with it, but never below the bound of the first time it comes.
    pub fn candidates(&self, typed_lower: &str) -> Candidates<'_> {
        let first = self
            .entries
            .partition_point(|e| e.key.as_ref() < typed_lower);
        let n = self.entries[first..].partition_point(|e| e.key.starts_with(typed_lower));
        let mut candidates = Candidates {
            table: self,
            heap: BinaryHeap::new(),
            lists_seen: HashSet::new(),
        };
        candidates.push_range(first, first + n);
        candidates
    }

    /// Heap bytes of the table.
    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.entries.iter().map(|e| e.key.len()).sum::<usize>()
            + self.lists.capacity() * std::mem::size_of::<u32>()
            + self.order.capacity() * std::mem::size_of::<u64>()
            + self.tree.heap_bytes()
    }

    /// The rank key of the list element at `pos` for a field of `tier`.
    fn key_at(&self, tier: u32, pos: u32) -> u64 {
        let order = self
            .lists
            .get(pos as usize)
            .and_then(|&i| self.order.get(i as usize))
            .copied()
            .unwrap_or(u64::MAX >> 1);
        order.saturating_add(u64::from(tier) << 32)
    }

    /// The rank key of entry `i`'s first event.
    fn head(&self, i: u32) -> u64 {
        self.entries.get(i as usize).map_or(u64::MAX, |e| e.head)
    }

    /// The entry of `from..to` (not empty) whose first event ranks best.
    fn best_entry(&self, from: usize, to: usize) -> u32 {
        self.tree.best(from, to, |i| self.head(i))
    }
}

/// Entries with the same key sort label, place, kind, participant.
fn field_order(field: Field) -> u8 {
    match field {
        Field::Label => 0,
        Field::Place => 1,
        Field::Kind => 2,
        Field::Participant => 3,
    }
}

/// What the merge reads next: the best entry of a range of entries not yet opened, or the
/// rest of an opened entry's list.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Next {
    /// Entries `from..to`, of which `best` has the smallest head.
    Entries { from: u32, to: u32, best: u32 },
    /// List elements `pos..end` of a field of `tier`.
    List { tier: u32, pos: u32, end: u32 },
}

/// See [`CompletionTable::candidates`].
pub struct Candidates<'a> {
    table: &'a CompletionTable,
    /// By the rank key of what each item gives next.
    heap: BinaryHeap<Reverse<(u64, Next)>>,
    /// Lists opened already (an actor's names share one).
    lists_seen: HashSet<u32>,
}

impl Candidates<'_> {
    fn push_range(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        let best = self.table.best_entry(from, to);
        let head = self
            .table
            .entries
            .get(best as usize)
            .map_or(u64::MAX, |e| e.head);
        self.heap.push(Reverse((
            head,
            Next::Entries {
                from: from as u32,
                to: to as u32,
                best,
            },
        )));
    }

    fn push_list(&mut self, tier: u32, pos: u32, end: u32) {
        if pos < end {
            let key = self.table.key_at(tier, pos);
            self.heap
                .push(Reverse((key, Next::List { tier, pos, end })));
        }
    }
}

impl Iterator for Candidates<'_> {
    /// The rank key bound and the event id.
    type Item = (u64, usize);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Reverse((key, next)) = self.heap.pop()?;
            let (tier, pos, end) = match next {
                Next::Entries { from, to, best } => {
                    self.push_range(from as usize, best as usize);
                    self.push_range(best as usize + 1, to as usize);
                    let Some(entry) = self.table.entries.get(best as usize) else {
                        continue;
                    };
                    if !self.lists_seen.insert(entry.list.start) {
                        continue;
                    }
                    (entry.field.tier(), entry.list.start, entry.list.end)
                }
                Next::List { tier, pos, end } => (tier, pos, end),
            };
            self.push_list(tier, pos + 1, end);
            let event = self.table.lists.get(pos as usize)?;
            return Some((key, *event as usize));
        }
    }
}

#[cfg(test)]
mod tests;
