//! The corpus-wide merge: documents' local actors become global actors, surname-only and
//! unconfirmed words attach to someone another document names in full, and the analyst's
//! `[[actor]]` entries override names, aliases, kinds and roles.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::lookup::Lookup;
use super::names::name_key;
use super::record::name_fullness;
use super::{
    Actor, ActorId, ActorIndex, ActorKind, CuratedActor, DocActors, DocMention, LocalActor, Mention,
};
use crate::corpus::{DocId, Document};
use crate::span::Span;
use dossier_packed::{Lists, Packed};

/// `local_to_global` value of a local actor the merge dropped.
pub(crate) const DROPPED: ActorId = ActorId::MAX;

/// A global actor while it is being assembled.
#[derive(Debug, Default)]
struct Draft {
    name: String,
    kind: Option<ActorKind>,
    /// Surface forms with how often documents used them as a name.
    surfaces: Vec<String>,
    roles: Vec<(String, usize)>,
    n_mentions: usize,
    curated: bool,
    /// Set when the draft was merged into another (curated entries join drafts).
    merged_into: Option<usize>,
}

pub(crate) fn build(
    docs: &[Arc<Document>],
    per_doc: &[&DocActors],
    curated: &[CuratedActor],
) -> ActorIndex {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut local_map: Vec<Vec<Option<usize>>> =
        per_doc.iter().map(|d| vec![None; d.actors.len()]).collect();
    // Per document, each local actor's number of mentions, counted in one pass.
    let counts: Vec<Vec<usize>> = per_doc
        .par_iter()
        .map(|doc| {
            let mut counts = vec![0usize; doc.actors.len()];
            for m in &doc.mentions {
                if let Some(n) = counts.get_mut(m.actor as usize) {
                    *n += 1;
                }
            }
            counts
        })
        .collect();
    let n_mentions = |doc_idx: usize, local: usize| counts[doc_idx][local];
    // Per document, the key each local actor is merged by, built in parallel: the passes
    // below only look them up, in corpus order, which decides the drafts' numbers.
    let keys: Vec<Vec<MergeKey>> = per_doc
        .par_iter()
        .map(|doc| {
            (doc.actors.iter().enumerate())
                .map(|(local, actor)| {
                    if doc.tentative.binary_search(&(local as u32)).is_ok() {
                        MergeKey::Tentative {
                            lower: actor.name.to_lowercase(),
                            word: name_key(&actor.name),
                        }
                    } else if is_single_word_person(actor) {
                        MergeKey::Word(name_key(&actor.name))
                    } else {
                        MergeKey::Named(global_key(actor))
                    }
                })
                .collect()
        })
        .collect();

    // 1. Everything that names itself: multi-word persons, places, organizations, groups.
    for (doc_idx, doc) in per_doc.iter().enumerate() {
        for (local, actor) in doc.actors.iter().enumerate() {
            let MergeKey::Named(key) = &keys[doc_idx][local] else {
                continue;
            };
            let key = key.clone();
            let draft = *by_key.entry(key).or_insert_with(|| {
                drafts.push(Draft {
                    name: actor.name.clone(),
                    kind: Some(actor.kind),
                    ..Draft::default()
                });
                drafts.len() - 1
            });
            absorb(&mut drafts[draft], actor, n_mentions(doc_idx, local));
            local_map[doc_idx][local] = Some(draft);
        }
    }
    // 2. Single-word persons the document vouched for ("said Trenin"): the person another
    //    document names in full, else a person of their own.
    let surnames = person_words(&drafts);
    for (doc_idx, doc) in per_doc.iter().enumerate() {
        for (local, actor) in doc.actors.iter().enumerate() {
            let MergeKey::Word(word) = &keys[doc_idx][local] else {
                continue;
            };
            let draft = match surnames.get(word) {
                Some(&draft) => draft,
                None => *by_key.entry(format!("p:|{word}")).or_insert_with(|| {
                    drafts.push(Draft {
                        name: actor.name.clone(),
                        kind: Some(ActorKind::Person),
                        ..Draft::default()
                    });
                    drafts.len() - 1
                }),
            };
            absorb(&mut drafts[draft], actor, n_mentions(doc_idx, local));
            local_map[doc_idx][local] = Some(draft);
        }
    }
    // 3. Unconfirmed words are kept only when they are a known name or surname.
    let surnames = person_words(&drafts);
    let aliases = alias_owners(&drafts);
    for (doc_idx, doc) in per_doc.iter().enumerate() {
        for &local in &doc.tentative {
            let Some(actor) = doc.actors.get(local as usize) else {
                continue;
            };
            let computed;
            let (lower, word) = match keys[doc_idx].get(local as usize) {
                Some(MergeKey::Tentative { lower, word }) => (lower.as_str(), word.as_str()),
                // `tentative` out of order: what the binary search above did not find.
                _ => {
                    computed = (actor.name.to_lowercase(), name_key(&actor.name));
                    (computed.0.as_str(), computed.1.as_str())
                }
            };
            let found = aliases
                .get(lower)
                .copied()
                .or_else(|| surnames.get(word).copied());
            if let Some(draft) = found {
                absorb(
                    &mut drafts[draft],
                    actor,
                    n_mentions(doc_idx, local as usize),
                );
                local_map[doc_idx][local as usize] = Some(draft);
            }
        }
    }
    // 4. The analyst's entries win.
    for entry in curated {
        apply_curated(&mut drafts, entry);
    }

    // Salience order: most mentions first, then by name, so ids are stable for a corpus.
    let resolve = |mut d: usize, drafts: &[Draft]| {
        while let Some(next) = drafts[d].merged_into {
            d = next;
        }
        d
    };
    let mut live: Vec<usize> = (0..drafts.len())
        .filter(|&d| drafts[d].merged_into.is_none())
        .collect();
    live.sort_by(|&a, &b| {
        drafts[b]
            .n_mentions
            .cmp(&drafts[a].n_mentions)
            .then_with(|| drafts[a].name.cmp(&drafts[b].name))
    });
    let mut draft_to_id = vec![DROPPED; drafts.len()];
    for (id, &d) in live.iter().enumerate() {
        draft_to_id[d] = id as ActorId;
    }
    drop(keys);
    // Each actor is finished on its own, each document's mentions mapped on their own.
    let mut actors: Vec<Actor> = live.par_iter().map(|&d| finish(&drafts[d])).collect();
    let local_to_global: Vec<Vec<ActorId>> = local_map
        .par_iter()
        .map(|locals| {
            locals
                .iter()
                .map(|d| d.map_or(DROPPED, |d| draft_to_id[resolve(d, &drafts)]))
                .collect()
        })
        .collect();
    let mut doc_mentions: Vec<Vec<DocMention>> = (per_doc.par_iter().enumerate())
        .map(|(doc_idx, doc)| {
            let mut mentions: Vec<DocMention> = doc
                .mentions
                .iter()
                .filter_map(|m| {
                    let actor = *local_to_global[doc_idx].get(m.actor as usize)?;
                    (actor != DROPPED).then(|| DocMention {
                        span: Span::from(m.span.clone()),
                        actor,
                    })
                })
                .collect();
            mentions.sort_by_key(|m| m.span.start);
            mentions
        })
        .collect();
    // Each actor's mentions are allocated once, at their final size.
    let mut n_per_actor = vec![0usize; actors.len()];
    for m in doc_mentions.iter().flatten() {
        n_per_actor[m.actor as usize] += 1;
    }
    let mut per_actor: Vec<Vec<Mention>> =
        n_per_actor.into_iter().map(Vec::with_capacity).collect();
    for (doc_idx, mentions) in doc_mentions.iter().enumerate() {
        for m in mentions {
            per_actor[m.actor as usize].push(Mention {
                doc: doc_idx as DocId,
                span: m.span,
            });
        }
    }
    for (actor, mentions) in actors.iter_mut().zip(per_actor) {
        actor.mentions = mentions.into();
    }
    doc_mentions.resize(docs.len().max(doc_mentions.len()), Vec::new());
    let doc_mentions = Lists::from(doc_mentions);
    let local_to_global = Lists::from(local_to_global);
    let lookup = Lookup::new(&actors);
    ActorIndex {
        actors,
        doc_mentions,
        local_to_global,
        lookup,
        ..ActorIndex::default()
    }
}

/// What one local actor is merged by: its global key (pass 1), its one word (pass 2),
/// or, for a word the document did not vouch for, its lowercase name and word (pass 3).
enum MergeKey {
    Named(String),
    Word(String),
    Tentative { lower: String, word: String },
}

fn is_single_word_person(actor: &LocalActor) -> bool {
    actor.kind == ActorKind::Person && !actor.name.contains(' ')
}

/// Persons merge by first name and surname ("Bashar al-Assad" = "Bashar Assad"); other
/// actors by kind and name.
fn global_key(actor: &LocalActor) -> String {
    match actor.kind {
        ActorKind::Person => {
            let words: Vec<&str> = actor.name.split(' ').collect();
            let first = words.first().map_or(String::new(), |w| name_key(w));
            let last = words.last().map_or(String::new(), |w| name_key(w));
            format!("p:{first}|{last}")
        }
        kind => format!("{}:{}", kind.as_str(), actor.name.to_lowercase()),
    }
}

fn absorb(draft: &mut Draft, actor: &LocalActor, n_mentions: usize) {
    draft.n_mentions += n_mentions;
    for surface in std::iter::once(&actor.name).chain(&actor.aliases) {
        if !draft
            .surfaces
            .iter()
            .any(|s| s.eq_ignore_ascii_case(surface))
        {
            draft.surfaces.push(surface.clone());
        }
    }
    for role in &actor.roles {
        match draft
            .roles
            .iter_mut()
            .find(|(r, _)| r.eq_ignore_ascii_case(role))
        {
            Some((_, n)) => *n += 1,
            None => draft.roles.push((role.clone(), 1)),
        }
    }
    if draft.kind == Some(ActorKind::Person) && !draft.curated {
        // The fullest form is the name: most words, then most letters.
        let better = |s: &str, than: &str| name_fullness(s) > name_fullness(than);
        if better(&actor.name, &draft.name) {
            draft.name = actor.name.clone();
        }
    }
}

/// Surname or lone first name -> the most mentioned multi-word person who has it.
fn person_words(drafts: &[Draft]) -> HashMap<String, usize> {
    let mut best: HashMap<String, usize> = HashMap::new();
    for (idx, draft) in drafts.iter().enumerate() {
        if draft.kind != Some(ActorKind::Person) || !draft.name.contains(' ') {
            continue;
        }
        let words: Vec<&str> = draft.name.split(' ').collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        for word in [last, first] {
            let key = name_key(word);
            let slot = best.entry(key).or_insert(idx);
            if drafts[*slot].n_mentions < draft.n_mentions {
                *slot = idx;
            }
        }
    }
    best
}

/// Lowercase surface form -> the most mentioned draft that uses it.
fn alias_owners(drafts: &[Draft]) -> HashMap<String, usize> {
    let mut owners: HashMap<String, usize> = HashMap::new();
    for (idx, draft) in drafts.iter().enumerate() {
        for surface in std::iter::once(&draft.name).chain(&draft.surfaces) {
            let slot = owners.entry(surface.to_lowercase()).or_insert(idx);
            if drafts[*slot].n_mentions < draft.n_mentions {
                *slot = idx;
            }
        }
    }
    owners
}

/// Joins every draft the entry names (by name or alias) into one that carries the entry's
/// name, aliases, kind and role; creates it when extraction found none.
fn apply_curated(drafts: &mut Vec<Draft>, entry: &CuratedActor) {
    let mut wanted: Vec<String> = std::iter::once(&entry.name)
        .chain(&entry.aliases)
        .map(|s| s.trim().to_lowercase())
        .collect();
    wanted.retain(|s| !s.is_empty());
    let matching: Vec<usize> = (0..drafts.len())
        .filter(|&d| drafts[d].merged_into.is_none())
        .filter(|&d| {
            let draft = &drafts[d];
            let kind_fits = entry.kind.is_none_or(|k| draft.kind == Some(k));
            kind_fits
                && std::iter::once(&draft.name)
                    .chain(&draft.surfaces)
                    .any(|s| wanted.contains(&s.to_lowercase()))
        })
        .collect();
    let target = match matching.first() {
        Some(&t) => t,
        None => {
            drafts.push(Draft::default());
            drafts.len() - 1
        }
    };
    for &other in matching.iter().skip(1) {
        let (surfaces, roles, n) = {
            let d = &mut drafts[other];
            d.merged_into = Some(target);
            (
                std::mem::take(&mut d.surfaces),
                std::mem::take(&mut d.roles),
                d.n_mentions,
            )
        };
        let t = &mut drafts[target];
        t.n_mentions += n;
        for s in surfaces {
            if !t.surfaces.iter().any(|have| have.eq_ignore_ascii_case(&s)) {
                t.surfaces.push(s);
            }
        }
        t.roles.extend(roles);
    }
    let t = &mut drafts[target];
    t.curated = true;
    t.name = entry.name.trim().to_string();
    if let Some(kind) = entry.kind {
        t.kind = Some(kind);
    }
    t.kind.get_or_insert(ActorKind::Person);
    // Curated aliases come first; extraction's surfaces follow.
    let mut surfaces: Vec<String> = entry
        .aliases
        .iter()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    for s in std::mem::take(&mut t.surfaces) {
        if !surfaces.iter().any(|have| have.eq_ignore_ascii_case(&s)) {
            surfaces.push(s);
        }
    }
    t.surfaces = surfaces;
    if let Some(role) = entry
        .role
        .as_ref()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
    {
        t.roles.retain(|(r, _)| !r.eq_ignore_ascii_case(role));
        t.roles.insert(0, (role.to_string(), usize::MAX));
    }
}

fn finish(draft: &Draft) -> Actor {
    let mut roles = draft.roles.clone();
    // Most often given first; the curated role carries usize::MAX.
    roles.sort_by_key(|r| std::cmp::Reverse(r.1));
    let mut aliases: Vec<String> = Vec::new();
    for s in &draft.surfaces {
        if !s.eq_ignore_ascii_case(&draft.name)
            && !aliases.iter().any(|a| a.eq_ignore_ascii_case(s))
        {
            aliases.push(s.clone());
        }
    }
    Actor {
        name: draft.name.clone(),
        kind: draft.kind.unwrap_or(ActorKind::Person),
        aliases,
        roles: roles.into_iter().map(|(r, _)| r).collect(),
        mentions: Packed::default(),
    }
}
