//! Finding known actors by name: a table of every alias's hash that a brief's word windows
//! are looked up in (`windows`), a case-insensitive alias map (for `resolve`), and a sorted
//! lowercase table of names and their word suffixes (for completion by prefix).
//!
//! The last two are built once per corpus change in `ActorIndex::build` (and again when an
//! index is read back from the cache, which a warm start waits for), the window table on
//! the first search of a brief; a request then only searches.

use std::sync::OnceLock;

use rayon::prelude::*;

use super::prefix::{PrefixEntry, PrefixTable};
use super::windows::AliasWindows;
use super::{Actor, ActorId, ActorKind, DocMention};
use crate::fxhash::FxHashMap;

/// How a completion candidate matched what was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// The canonical name starts with the typed text.
    NamePrefix,
    /// An alias, or a later word of the name or an alias, starts with it.
    AliasPrefix,
    /// The typed letters appear in order.
    Fuzzy,
}

/// A completion candidate: the actor and the name or alias that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasMatch {
    pub actor: ActorId,
    /// The name, alias or word suffix that matched; starts with the typed text for prefix
    /// matches, so it can serve as the editor's filter text.
    pub matched: String,
    pub kind: MatchKind,
}

/// Fuzzy matching looks at this many of the most salient actors at most, which keeps a
/// request fast however large the corpus is.
const FUZZY_SCAN_LIMIT: usize = 20_000;

#[derive(Debug, Default)]
pub(crate) struct Lookup {
    /// Pattern id -> the alias as first written (one per distinct lowercase alias).
    patterns: Vec<String>,
    /// The patterns by hash, for the windows of a brief: built on the first search, so
    /// `dossier index`, which never searches a brief, never builds it.
    windows: OnceLock<AliasWindows>,
    /// Pattern id -> actor.
    pattern_actor: Vec<ActorId>,
    /// Pattern id -> the pattern is an acronym and must match with its exact case.
    pattern_exact: Vec<bool>,
    /// Lowercase alias -> actor, `None` when two actors share it.
    by_alias: FxHashMap<String, Option<ActorId>>,
    /// Names and their later words, lowercase, walked best first for completion.
    prefix_table: PrefixTable,
    /// Per actor (salience order): lowercase name, for fuzzy matching.
    lower_names: Vec<Box<str>>,
}

/// The names an actor is found by, with their rank (0 for the canonical name): the name,
/// the aliases and, for a person, the surname ("Hebestreit" for "Steffen Hebestreit": a
/// brief may write it alone even when the corpus never did); trimmed, two chars at least.
fn searched_names(actor: &Actor) -> impl Iterator<Item = (usize, &str)> {
    let surname = (actor.kind == ActorKind::Person && actor.name.contains(' '))
        .then(|| actor.name.rsplit(' ').next().unwrap_or(""))
        .filter(|s| s.chars().count() >= 3 && s.chars().next().is_some_and(char::is_uppercase));
    std::iter::once(actor.name.as_str())
        .chain(actor.aliases.iter().map(String::as_str))
        .chain(surname)
        .enumerate()
        .map(|(rank, alias)| (rank, alias.trim()))
        .filter(|(_, alias)| alias.chars().count() >= 2)
}

type AliasTables = (
    FxHashMap<String, Option<ActorId>>,
    Vec<String>,
    Vec<ActorId>,
    Vec<bool>,
);

/// The lowercase alias map and the searched patterns (one per distinct lowercase alias,
/// as first written, with its actor and whether it is an acronym).
fn alias_tables(actors: &[Actor]) -> AliasTables {
    // Hundreds of thousands of names: the fast hasher, and room for a few per actor.
    let mut by_alias: FxHashMap<String, Option<ActorId>> =
        FxHashMap::with_capacity_and_hasher(actors.len() * 2, Default::default());
    let (mut patterns, mut pattern_actor, mut pattern_exact) = (Vec::new(), Vec::new(), Vec::new());
    for (id, actor) in actors.iter().enumerate() {
        let id = id as ActorId;
        for (_, alias) in searched_names(actor) {
            let lower = alias.to_lowercase();
            // Actors come most salient first, so a shared alias keeps the first owner.
            match by_alias.get_mut(&lower) {
                Some(owner) if *owner != Some(id) => *owner = None,
                Some(_) => {}
                None => {
                    by_alias.insert(lower, Some(id));
                    patterns.push(alias.to_string());
                    pattern_actor.push(id);
                    pattern_exact.push(is_acronym(alias));
                }
            }
        }
    }
    (by_alias, patterns, pattern_actor, pattern_exact)
}

/// Every word start of every searched name ("Velayati" in "Ali Akbar Velayati"),
/// lowercase, sorted, one entry per (text, actor).
fn prefix_table(actors: &[Actor]) -> PrefixTable {
    let mut table: Vec<PrefixEntry> = actors
        .par_iter()
        .enumerate()
        .flat_map_iter(|(id, actor)| {
            let id = id as ActorId;
            searched_names(actor).flat_map(move |(rank, alias)| {
                alias
                    .char_indices()
                    .filter(move |&(i, _)| i == 0 || alias[..i].ends_with(' '))
                    .map(move |(at, _)| {
                        let suffix = &alias[at..];
                        let is_name = rank == 0 && at == 0;
                        (suffix.to_lowercase().into(), id, suffix.into(), is_name)
                    })
            })
        })
        .collect();
    // The same sort as ever: which of two entries of one (text, actor) is kept depends on it.
    table.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    table.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
    PrefixTable::new(table)
}

impl Lookup {
    pub fn new(actors: &[Actor]) -> Lookup {
        // Three independent tables, built side by side (a warm start waits for them).
        let ((by_alias, patterns, pattern_actor, pattern_exact), (prefix_table, lower_names)) =
            rayon::join(
                || alias_tables(actors),
                || {
                    rayon::join(
                        || prefix_table(actors),
                        || {
                            actors
                                .par_iter()
                                .map(|actor| actor.name.to_lowercase().into())
                                .collect()
                        },
                    )
                },
            );
        Lookup {
            patterns,
            windows: OnceLock::new(),
            pattern_actor,
            pattern_exact,
            by_alias,
            prefix_table,
            lower_names,
        }
    }

    pub fn resolve(&self, name: &str) -> Option<ActorId> {
        let lower = name.trim().replace('’', "'").to_lowercase();
        let lower = lower.strip_suffix("'s").unwrap_or(&lower);
        self.by_alias.get(lower).copied().flatten()
    }

    pub fn find_in_text(&self, text: &str) -> Vec<DocMention> {
        let windows = self.windows.get_or_init(|| {
            let started = std::time::Instant::now();
            let windows = AliasWindows::new(&self.patterns);
            tracing::info!(
                "alias windows of {} names built in {} ms",
                self.patterns.len(),
                started.elapsed().as_millis()
            );
            windows
        });
        let occurrences = windows.occurrences(&self.patterns, text);
        let mut found = Vec::with_capacity(occurrences.len());
        for (span, pattern) in occurrences {
            let pattern = pattern as usize;
            let matched = &text[span.clone()];
            // Names are written capitalised; "us" in prose is not the United States.
            if !matched.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if self.pattern_exact.get(pattern) == Some(&true) && !is_acronym(matched) {
                continue;
            }
            if let Some(&actor) = self.pattern_actor.get(pattern) {
                found.push(DocMention {
                    span: span.into(),
                    actor,
                });
            }
        }
        found
    }

    /// The searched patterns with their actors and acronym flags, for the tests that hold
    /// `find_in_text` against a reference.
    #[cfg(test)]
    pub(super) fn patterns(&self) -> (&[String], &[ActorId], &[bool]) {
        (&self.patterns, &self.pattern_actor, &self.pattern_exact)
    }

    pub fn complete(&self, typed: &str, limit: usize) -> Vec<AliasMatch> {
        let typed_lower = typed.trim().replace('’', "'").to_lowercase();
        let mut out: Vec<AliasMatch> = if typed_lower.is_empty() {
            Vec::new()
        } else {
            self.prefix_table
                .best(&typed_lower, limit)
                .into_iter()
                .map(|(actor, text, kind)| AliasMatch {
                    actor,
                    matched: text.to_string(),
                    kind,
                })
                .collect()
        };
        out.truncate(limit);
        if out.len() < limit {
            for (id, name) in self.lower_names.iter().enumerate().take(FUZZY_SCAN_LIMIT) {
                if out.len() >= limit {
                    break;
                }
                let id = id as ActorId;
                if out.iter().any(|m| m.actor == id) || !is_subsequence(&typed_lower, name) {
                    continue;
                }
                out.push(AliasMatch {
                    actor: id,
                    matched: String::new(),
                    kind: MatchKind::Fuzzy,
                });
            }
        }
        out
    }
}

/// Whether the chars of `pattern` appear in `candidate` in order (both lowercase).
fn is_subsequence(pattern: &str, candidate: &str) -> bool {
    let mut wanted = pattern.chars().filter(|c| !c.is_whitespace()).peekable();
    for ch in candidate.chars() {
        match wanted.peek() {
            Some(&w) if w == ch => {
                wanted.next();
            }
            Some(_) => {}
            None => return true,
        }
    }
    wanted.peek().is_none()
}

pub(super) fn is_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !text.chars().any(char::is_lowercase)
}
