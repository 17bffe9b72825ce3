//! Per-actor tables computed once at merge time, so an actor's hover card costs the same
//! on a huge corpus as on a small one: how many documents name the actor, and who is most
//! often named alongside.

use std::collections::HashMap;

use rayon::prelude::*;

use super::{Actor, ActorId, ActorKind, DocMention};
use dossier_packed::Lists;

/// How many actors "named alongside" keeps per actor (the hover shows three).
pub const MAX_ALONGSIDE: usize = 3;

/// Per actor: the number of documents that name it (mentions are grouped by document).
pub fn doc_counts(actors: &[Actor]) -> Vec<u32> {
    actors
        .iter()
        .map(|actor| {
            let mut docs: Vec<u32> = actor.mentions.iter().map(|m| m.doc).collect();
            docs.dedup();
            docs.len() as u32
        })
        .collect()
}

/// Per actor: the persons and organizations with the most mentions in the documents that
/// name it, most first (ties: the more salient, lower id), at most [`MAX_ALONGSIDE`].
pub fn named_alongside(actors: &[Actor], doc_mentions: &Lists<DocMention>) -> Vec<Vec<ActorId>> {
    // Per document, each person or organization once with its number of mentions: the
    // tally below then costs the distinct actors of a document, not all its mentions.
    let per_doc: Vec<Vec<(ActorId, u32)>> = (0..doc_mentions.len())
        .into_par_iter()
        .map(|doc| {
            let mentions = doc_mentions.get(doc).unwrap_or(&[]);
            let mut counts: Vec<(ActorId, u32)> = Vec::new();
            let mut ids: Vec<ActorId> = mentions
                .iter()
                .map(|m| m.actor)
                .filter(|&a| {
                    actors.get(a as usize).is_some_and(|actor| {
                        matches!(actor.kind, ActorKind::Person | ActorKind::Organization)
                    })
                })
                .collect();
            ids.sort_unstable();
            for id in ids {
                match counts.last_mut() {
                    Some((last, n)) if *last == id => *n += 1,
                    _ => counts.push((id, 1)),
                }
            }
            counts
        })
        .collect();
    actors
        .par_iter()
        .enumerate()
        .map(|(id, actor)| {
            let id = id as ActorId;
            let mut docs: Vec<u32> = actor.mentions.iter().map(|m| m.doc).collect();
            docs.dedup();
            let mut tally: HashMap<ActorId, u32> = HashMap::new();
            for doc in docs {
                for &(other, n) in per_doc.get(doc as usize).map_or(&[][..], Vec::as_slice) {
                    if other != id {
                        *tally.entry(other).or_default() += n;
                    }
                }
            }
            let mut ranked: Vec<(std::cmp::Reverse<u32>, ActorId)> = tally
                .into_iter()
                .map(|(other, n)| (std::cmp::Reverse(n), other))
                .collect();
            if ranked.len() > MAX_ALONGSIDE {
                ranked.select_nth_unstable(MAX_ALONGSIDE);
                ranked.truncate(MAX_ALONGSIDE);
            }
            ranked.sort_unstable();
            ranked.into_iter().map(|(_, other)| other).collect()
        })
        .collect()
}
