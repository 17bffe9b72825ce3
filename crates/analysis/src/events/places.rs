//! Place names for events: near-miss spellings ("Helsinski") and which country holds a
//! city (talks "in Kazakhstan" and "in Astana" may be the same talks).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The known place `name` most likely means, when it is no exact name: edit distance 1
/// (2 for names of 8 letters or more), and only when one place is that close.
pub fn closest_known(name: &str, known: &[&str]) -> Option<String> {
    let lower = name.to_lowercase();
    if lower.chars().count() < 5 {
        return None;
    }
    if let Some(exact) = known.iter().find(|k| k.to_lowercase() == lower) {
        return Some(exact.to_string());
    }
    let limit = if lower.chars().count() >= 8 { 2 } else { 1 };
    let mut best: Option<(usize, &str)> = None;
    let mut tie = false;
    for &candidate in known {
        let distance = edit_distance(&lower, &candidate.to_lowercase());
        if distance > limit {
            continue;
        }
        match best {
            Some((d, _)) if d < distance => {}
            Some((d, _)) if d == distance => tie = true,
            _ => {
                best = Some((distance, candidate));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, name)| name.to_string())
}

struct Gazetteer {
    parents: HashMap<String, &'static str>,
    names: HashSet<String>,
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let mut map = HashMap::new();
        let mut names = HashSet::new();
        for line in include_str!("../../../../data/gazetteer/places.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let columns: Vec<&str> = line.split('\t').collect();
            if let Some(name) = columns.first() {
                names.insert(name.trim().to_lowercase());
            }
            for alias in columns.get(2).map_or("", |a| *a).split(';') {
                if !alias.trim().is_empty() {
                    names.insert(alias.trim().to_lowercase());
                }
            }
            if let (Some(name), Some(parent)) = (columns.first(), columns.get(4)) {
                let parent = parent.trim();
                if !parent.is_empty() {
                    map.insert(name.trim().to_lowercase(), parent);
                }
            }
        }
        Gazetteer {
            parents: map,
            names,
        }
    })
}

/// Whether the gazetteer knows the name (or alias).
pub fn is_gazetteer_place(place: &str) -> bool {
    gazetteer().names.contains(&place.to_lowercase())
}

/// The country that holds a city, from the gazetteer's `parent` column.
pub fn parent_of(place: &str) -> Option<&'static str> {
    gazetteer().parents.get(&place.to_lowercase()).copied()
}

/// The same place, or one inside the other.
pub fn same_or_within(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || parent_of(a).is_some_and(|p| p.eq_ignore_ascii_case(b))
        || parent_of(b).is_some_and(|p| p.eq_ignore_ascii_case(a))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}
