//! Completion of actor names by prefix without reading every name that starts with the
//! typed text: a sorted table of lowercase names and word suffixes, and a segment tree
//! over it that finds the best entry of any range, walked best first.
//!
//! The editor ranks the actors whose entries start with the typed text by how they matched
//! (the canonical name itself before an alias or a later word) and then by salience (the
//! id); of one actor it shows the entry of its best match, the first of those in table
//! order. Every entry has a key `tier << 32 | actor`; the walk pops the range whose best
//! entry has the smallest (key, position), gives that entry and splits the range around
//! it, so entries come in increasing (key, position) order and the first entry of each
//! actor is the one the editor shows. A two-letter prefix that thousands of names start
//! with then costs the answer's length times a few tree steps, not the size of the range.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

use super::{ActorId, MatchKind};
use crate::min_tree::MinTree;

/// One entry: (lowercase text, actor, the text as written, is the canonical name itself).
pub(crate) type PrefixEntry = (Box<str>, ActorId, Box<str>, bool);

/// A prefix range is read this far at most (ids are salience-ordered, so the best are
/// kept); a range longer than this is cut at this many entries in text order.
const PREFIX_SCAN_LIMIT: usize = 50_000;

#[derive(Debug, Default)]
pub(crate) struct PrefixTable {
    /// Sorted by lowercase text, then actor; one entry per (text, actor).
    entries: Vec<PrefixEntry>,
    /// The best entry of a range by [`PrefixTable::key`].
    tree: MinTree,
}

impl PrefixTable {
    /// `entries` must be sorted by (lowercase text, actor) and hold no duplicate pair.
    pub fn new(entries: Vec<PrefixEntry>) -> PrefixTable {
        let mut table = PrefixTable {
            entries,
            tree: MinTree::default(),
        };
        table.tree = MinTree::build(table.entries.len(), |i| table.key(i));
        table
    }

    /// The `limit` best actors with an entry that starts with `typed_lower` (lowercase,
    /// not empty) among the first [`PREFIX_SCAN_LIMIT`] such entries: name matches before
    /// alias matches, then by id; each with the text of its first best entry.
    pub fn best(&self, typed_lower: &str, limit: usize) -> Vec<(ActorId, &str, MatchKind)> {
        self.best_within(typed_lower, limit, PREFIX_SCAN_LIMIT)
    }

    fn best_within(
        &self,
        typed_lower: &str,
        limit: usize,
        scan_limit: usize,
    ) -> Vec<(ActorId, &str, MatchKind)> {
        let first = self.entries.partition_point(|e| e.0.as_ref() < typed_lower);
        let n = self.entries[first..].partition_point(|e| e.0.starts_with(typed_lower));
        let end = first + n.min(scan_limit);
        let mut out: Vec<(ActorId, &str, MatchKind)> = Vec::new();
        let mut seen: HashSet<ActorId> = HashSet::new();
        // (key of the range's best entry, its position, the range).
        let mut heap: BinaryHeap<Reverse<(u64, u32, u32, u32)>> = BinaryHeap::new();
        self.push_range(&mut heap, first, end);
        while out.len() < limit {
            let Some(Reverse((_, best, from, to))) = heap.pop() else {
                break;
            };
            self.push_range(&mut heap, from as usize, best as usize);
            self.push_range(&mut heap, best as usize + 1, to as usize);
            let Some((_, actor, text, is_name)) = self.entries.get(best as usize) else {
                continue;
            };
            if seen.insert(*actor) {
                let kind = if *is_name {
                    MatchKind::NamePrefix
                } else {
                    MatchKind::AliasPrefix
                };
                out.push((*actor, text, kind));
            }
        }
        out
    }

    fn push_range(
        &self,
        heap: &mut BinaryHeap<Reverse<(u64, u32, u32, u32)>>,
        from: usize,
        to: usize,
    ) {
        if from < to {
            let best = self.best_entry(from, to);
            heap.push(Reverse((self.key(best), best, from as u32, to as u32)));
        }
    }

    /// `tier << 32 | actor`: name matches (tier 0) before the others, then by id.
    fn key(&self, i: u32) -> u64 {
        self.entries
            .get(i as usize)
            .map_or(u64::MAX, |(_, actor, _, is_name)| {
                u64::from(!*is_name) << 32 | u64::from(*actor)
            })
    }

    /// The best entry of `from..to` (not empty).
    fn best_entry(&self, from: usize, to: usize) -> u32 {
        self.tree.best(from, to, |i| self.key(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// What the editor ranked before the tree: every entry of the (cut) range read, the
    /// best kind of each actor kept (the first such entry), sorted by (kind, actor).
    fn reference(
        entries: &[PrefixEntry],
        typed_lower: &str,
        limit: usize,
        scan_limit: usize,
    ) -> Vec<(ActorId, String, MatchKind)> {
        let first = entries.partition_point(|e| e.0.as_ref() < typed_lower);
        let mut best: HashMap<ActorId, (String, MatchKind)> = HashMap::new();
        for (lower, actor, text, is_name) in entries[first..].iter().take(scan_limit) {
            if !lower.starts_with(typed_lower) {
                break;
            }
            let kind = if *is_name {
                MatchKind::NamePrefix
            } else {
                MatchKind::AliasPrefix
            };
            match best.get(actor) {
                Some(have) if have.1 <= kind => {}
                _ => {
                    best.insert(*actor, (text.to_string(), kind));
                }
            }
        }
        let mut out: Vec<(ActorId, String, MatchKind)> =
            best.into_iter().map(|(a, (t, k))| (a, t, k)).collect();
        out.sort_by_key(|m| (m.2, m.0));
        out.truncate(limit);
        out
    }

    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// Entries over a tiny alphabet, so prefixes are shared by many entries and actors
    /// have several entries (name and alias) under one prefix.
    fn random_entries(rng: &mut Rng, n_actors: u32) -> Vec<PrefixEntry> {
        let mut entries: Vec<PrefixEntry> = Vec::new();
        for actor in 0..n_actors {
            for slot in 0..1 + rng.below(4) {
                let len = 1 + rng.below(5);
                let text: String = (0..len)
                    .map(|_| ['a', 'b', 'c', 'É', 'é'][rng.below(5) as usize])
                    .collect();
                let lower: Box<str> = text.to_lowercase().into();
                entries.push((lower, actor, text.into(), slot == 0 && rng.below(3) > 0));
            }
        }
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        entries.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
        entries
    }

    #[test]
    fn best_first_walk_matches_ranking_every_entry() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..60 {
            let n_actors = 1 + rng.below(300) as u32;
            let entries = random_entries(&mut rng, n_actors);
            let table = PrefixTable::new(entries.clone());
            for typed in ["a", "b", "ab", "é", "ca", "abc", "bb", "z", "cé"] {
                for (limit, scan_limit) in [(1, 1000), (7, 1000), (50, 1000), (1000, 1000), (7, 20)]
                {
                    let fast: Vec<(ActorId, String, MatchKind)> = table
                        .best_within(typed, limit, scan_limit)
                        .into_iter()
                        .map(|(a, t, k)| (a, t.to_string(), k))
                        .collect();
                    assert_eq!(
                        fast,
                        reference(&entries, typed, limit, scan_limit),
                        "round {round}, typed {typed:?}, limit {limit}, scan {scan_limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_empty_table_gives_nothing() {
        let table = PrefixTable::new(Vec::new());
        assert!(table.best("a", 10).is_empty());
    }
}
