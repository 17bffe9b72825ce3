//! The lookup's lists: cluster numbers under a key, sorted and without repeats, whole and
//! split by the years the clusters had, and the sorted-list operations the search walks
//! them with (`insert`, `merged`, `union`).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::hash::Hash;

use crate::fxhash::FxHashMap;

/// Lists of cluster numbers under a key, sorted and without repeats, whole and split by
/// the years of the cluster's resolved dates when it was recorded (`None`: it had none).
///
/// A mention dated to a year looks only at clusters of that year or of none: a cluster
/// that had another year when it was recorded got it from some document, and if that is
/// another document than the mention's the dates disagree; if it is the mention's own,
/// the cluster is found through `by_doc` anyway. Entries are never removed and may be
/// stale (a cluster recorded as placeless may have gained a place): `fits` decides.
pub(super) struct Lists<K> {
    entries: FxHashMap<K, Entry>,
}

/// The lists of one key. Most keys only ever see one year (or none): while every cluster
/// was recorded under the same single year `uniform`, the list by year is `all` itself
/// and is not kept twice.
struct Entry {
    all: Vec<u32>,
    uniform: Option<i32>,
    /// The lists by year once clusters were recorded under different years.
    split: Option<Vec<(Option<i32>, Vec<u32>)>>,
}

impl<K> Default for Lists<K> {
    fn default() -> Self {
        Lists {
            entries: FxHashMap::default(),
        }
    }
}

impl<K: Hash + Eq + Copy> Lists<K> {
    pub(super) fn record(&mut self, key: K, ci: u32, years: &[i32]) {
        self.entries
            .entry(key)
            .or_insert_with(|| Entry::new(years))
            .record(ci, years);
    }

    /// The lists holding every cluster under `key` that a mention dated to `year` (if
    /// resolved) can join.
    pub(super) fn get(&self, key: K, year: Option<i32>) -> impl Iterator<Item = &[u32]> {
        self.entries
            .get(&key)
            .into_iter()
            .flat_map(move |entry| entry.get(year))
            .flatten()
    }
}

impl Entry {
    fn new(years: &[i32]) -> Entry {
        Entry {
            all: Vec::new(),
            uniform: years.first().copied(),
            split: (years.len() > 1).then(Vec::new),
        }
    }

    fn record(&mut self, ci: u32, years: &[i32]) {
        if self.split.is_none() {
            let same = match years {
                [] => self.uniform.is_none(),
                [year] => self.uniform == Some(*year),
                _ => false,
            };
            if !same {
                self.split = Some(vec![(self.uniform, self.all.clone())]);
            }
        }
        if let Some(split) = &mut self.split {
            if years.is_empty() {
                insert(year_list(split, None), ci);
            }
            for &year in years {
                insert(year_list(split, Some(year)), ci);
            }
        }
        insert(&mut self.all, ci);
    }

    /// Those of the clusters recorded under no year or under `year`, or all of them.
    fn get(&self, year: Option<i32>) -> [Option<&[u32]>; 2] {
        fn find(split: &[(Option<i32>, Vec<u32>)], wanted: Option<i32>) -> Option<&[u32]> {
            (split.iter())
                .find(|(year, _)| *year == wanted)
                .map(|(_, list)| list.as_slice())
        }
        match (year, &self.split) {
            (None, _) => [Some(&self.all), None],
            (Some(year), None) => {
                let fits = self.uniform.is_none_or(|uniform| uniform == year);
                [fits.then_some(self.all.as_slice()), None]
            }
            (Some(year), Some(split)) => [find(split, Some(year)), find(split, None)],
        }
    }
}

fn year_list(split: &mut Vec<(Option<i32>, Vec<u32>)>, year: Option<i32>) -> &mut Vec<u32> {
    let at = match split.iter().position(|(y, _)| *y == year) {
        Some(at) => at,
        None => {
            split.push((year, Vec::new()));
            split.len() - 1
        }
    };
    &mut split[at].1
}

/// Inserts `ci` into a sorted list unless it is there. New clusters have the highest
/// numbers, so this is nearly always a push.
pub(super) fn insert(list: &mut Vec<u32>, ci: u32) {
    match list.last() {
        Some(&last) if last == ci => {}
        Some(&last) if last < ci => list.push(ci),
        None => list.push(ci),
        Some(_) => {
            if let Err(at) = list.binary_search(&ci) {
                list.insert(at, ci);
            }
        }
    }
}

/// The union of sorted lists, in increasing order, without repeats.
pub(super) fn merged(lists: Vec<&[u32]>) -> impl Iterator<Item = u32> + '_ {
    let mut heap: BinaryHeap<Reverse<(u32, usize, usize)>> = (lists.iter().enumerate())
        .filter_map(|(i, list)| list.first().map(|&ci| Reverse((ci, i, 0))))
        .collect();
    let mut last: Option<u32> = None;
    std::iter::from_fn(move || loop {
        let Reverse((ci, which, at)) = heap.pop()?;
        if let Some(&next) = lists[which].get(at + 1) {
            heap.push(Reverse((next, which, at + 1)));
        }
        if last != Some(ci) {
            last = Some(ci);
            return Some(ci);
        }
    })
}

/// The union of two increasing sequences without repeats, in increasing order.
pub(super) fn union(
    a: impl Iterator<Item = u32>,
    b: impl Iterator<Item = u32>,
) -> impl Iterator<Item = u32> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek().copied(), b.peek().copied()) {
        (Some(x), Some(y)) if x == y => {
            b.next();
            a.next()
        }
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}
