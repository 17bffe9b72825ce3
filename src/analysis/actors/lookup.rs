//! Finding known actors by name: one aho-corasick automaton over every alias (for briefs),
//! a case-insensitive alias map (for `resolve`), and a sorted lowercase table of names and
//! their word suffixes (for completion by prefix with a binary search).
//!
//! All three are built once per corpus change in `ActorIndex::build`, so a request only
//! searches.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind as AcMatchKind};

use super::{Actor, ActorId, ActorKind, DocMention};

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
/// A prefix range is read this far at most (ids are salience-ordered, so the best are kept).
const PREFIX_SCAN_LIMIT: usize = 50_000;

#[derive(Debug, Default)]
pub(crate) struct Lookup {
    automaton: Option<AhoCorasick>,
    /// Pattern id -> actor.
    pattern_actor: Vec<ActorId>,
    /// Pattern id -> the pattern is an acronym and must match with its exact case.
    pattern_exact: Vec<bool>,
    /// Lowercase alias -> actor, `None` when two actors share it.
    by_alias: HashMap<String, Option<ActorId>>,
    /// (lowercase text, actor, matched text, is the name itself), sorted by text.
    prefix_table: Vec<(Box<str>, ActorId, Box<str>, bool)>,
    /// Per actor (salience order): lowercase name, for fuzzy matching.
    lower_names: Vec<Box<str>>,
}

impl Lookup {
    pub fn new(actors: &[Actor]) -> Lookup {
        let mut lookup = Lookup::default();
        let mut pattern_ids: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        for (id, actor) in actors.iter().enumerate() {
            let id = id as ActorId;
            lookup.lower_names.push(actor.name.to_lowercase().into());
            // A person's surname finds them in a brief even when the corpus never wrote it
            // alone ("Hebestreit" for "Steffen Hebestreit").
            let surname = (actor.kind == ActorKind::Person && actor.name.contains(' '))
                .then(|| actor.name.rsplit(' ').next().unwrap_or("").to_string())
                .filter(|s| {
                    s.chars().count() >= 3 && s.chars().next().is_some_and(char::is_uppercase)
                });
            let names = std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .chain(surname.as_ref());
            for (alias_idx, alias) in names.enumerate() {
                let alias = alias.trim();
                if alias.chars().count() < 2 {
                    continue;
                }
                let lower = alias.to_lowercase();
                // Actors come most salient first, so a shared alias keeps the first owner.
                match lookup.by_alias.get_mut(&lower) {
                    Some(owner) if *owner != Some(id) => *owner = None,
                    Some(_) => {}
                    None => {
                        lookup.by_alias.insert(lower.clone(), Some(id));
                    }
                }
                if !pattern_ids.contains_key(&lower) {
                    pattern_ids.insert(lower.clone(), patterns.len());
                    patterns.push(alias.to_string());
                    lookup.pattern_actor.push(id);
                    lookup.pattern_exact.push(is_acronym(alias));
                }
                let is_name = alias_idx == 0;
                // Every word start of the alias is a way in: "Velayati" in "Ali Akbar Velayati".
                for (at, _) in alias
                    .char_indices()
                    .filter(|&(i, _)| i == 0 || alias[..i].ends_with(' '))
                {
                    let suffix = &alias[at..];
                    lookup.prefix_table.push((
                        suffix.to_lowercase().into(),
                        id,
                        suffix.into(),
                        is_name && at == 0,
                    ));
                }
            }
        }
        lookup
            .prefix_table
            .sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        lookup
            .prefix_table
            .dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
        lookup.automaton = AhoCorasickBuilder::new()
            .match_kind(AcMatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .ok();
        lookup
    }

    pub fn resolve(&self, name: &str) -> Option<ActorId> {
        let lower = name.trim().replace('’', "'").to_lowercase();
        let lower = lower.strip_suffix("'s").unwrap_or(&lower);
        self.by_alias.get(lower).copied().flatten()
    }

    pub fn find_in_text(&self, text: &str) -> Vec<DocMention> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for m in automaton.find_iter(text) {
            let span = m.range();
            let matched = &text[span.clone()];
            let pattern = m.pattern().as_usize();
            if !word_boundary(text, span.start, span.end) {
                continue;
            }
            // Names are written capitalised; "us" in prose is not the United States.
            if !matched.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if self.pattern_exact.get(pattern) == Some(&true) && !is_acronym(matched) {
                continue;
            }
            if let Some(&actor) = self.pattern_actor.get(pattern) {
                found.push(DocMention { span, actor });
            }
        }
        found
    }

    pub fn complete(&self, typed: &str, limit: usize) -> Vec<AliasMatch> {
        let typed_lower = typed.trim().replace('’', "'").to_lowercase();
        let mut best: HashMap<ActorId, AliasMatch> = HashMap::new();
        if !typed_lower.is_empty() {
            let first = self
                .prefix_table
                .partition_point(|e| e.0.as_ref() < typed_lower.as_str());
            for (lower, actor, text, is_name) in
                self.prefix_table[first..].iter().take(PREFIX_SCAN_LIMIT)
            {
                if !lower.starts_with(typed_lower.as_str()) {
                    break;
                }
                let kind = if *is_name {
                    MatchKind::NamePrefix
                } else {
                    MatchKind::AliasPrefix
                };
                let candidate = AliasMatch {
                    actor: *actor,
                    matched: text.to_string(),
                    kind,
                };
                match best.get(actor) {
                    Some(have) if have.kind <= kind => {}
                    _ => {
                        best.insert(*actor, candidate);
                    }
                }
            }
        }
        let mut out: Vec<AliasMatch> = best.into_values().collect();
        out.sort_by_key(|m| (m.kind, m.actor));
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

fn is_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !text.chars().any(char::is_lowercase)
}

fn word_boundary(text: &str, start: usize, end: usize) -> bool {
    let head = &text[..start];
    let before = head.chars().next_back();
    let after = text[end..].chars().next();
    // "al-Assad" holds a mention of "Assad"; "Syrian-Israeli" does not hold "Israeli".
    let article = head.ends_with("al-") || head.ends_with("el-");
    let clean_before = article || !before.is_some_and(|c| c.is_alphanumeric() || c == '-');
    clean_before && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}
