//! Actors: persons, organizations, places and groups named in the corpus.
//!
//! Extraction runs per document ([`extract_document`], local ids); [`ActorIndex::build`]
//! merges the documents' results into corpus-wide actors with global ids.
//!
//! How it works, and what it deliberately does not do, is written down in `docs/actors.md`.
//! The contract other modules rely on:
//! - [`DocActors::mentions`] is sorted by offset and holds every mention of a person,
//!   surname-only and possessive ones included, with the span of the name alone (no `'s`);
//!   the quotes extractor attributes speakers and resolves pronouns from it.
//! - [`ActorIndex::global_id`] maps a document's local actor to its corpus-wide id, `None`
//!   when the merge dropped it (an unconfirmed single word).
//! - [`ActorIndex::resolve`] turns a name or alias into an actor when exactly one has it.
//! - [`ActorIndex::find_in_text`] finds known actors in any text (a brief's prose).

mod build;
mod context;
mod evidence;
mod extract;
mod extractor;
mod gazetteer;
mod lexicon;
mod lookup;
mod names;
mod orgs;
mod prefix;
mod record;
mod related;
mod resolve;
mod results;
mod roles;
mod scan;
mod segment;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_persons;
mod windows;

pub(crate) use gazetteer::{collapse_whitespace, name_words};

use std::ops::Range;
use std::sync::Arc;

use super::corpus::{DocId, Document};
use super::span::Span;
use dossier_packed::{Lists, Packed, Words};
pub use lookup::{AliasMatch, MatchKind};

/// Whether `folded` (lower case) is a role written before a name in the gazetteer
/// (`president`, `spokesman`, `under-secretary`).
pub(crate) fn is_title(folded: &str) -> bool {
    gazetteer::gazetteer().is_title(folded)
}

/// Index of an actor in [`ActorIndex::actors`].
pub type ActorId = u32;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum ActorKind {
    Person,
    Organization,
    Place,
    Group,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
        }
    }

    pub fn parse(text: &str) -> Option<ActorKind> {
        match text.trim().to_ascii_lowercase().as_str() {
            "person" => Some(ActorKind::Person),
            "organization" | "organisation" | "org" => Some(ActorKind::Organization),
            "place" | "location" => Some(ActorKind::Place),
            "group" => Some(ActorKind::Group),
            _ => None,
        }
    }
}

/// An analyst-curated actor from `dossier.toml`; its aliases and role win over extraction.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CuratedActor {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: Option<ActorKind>,
    pub role: Option<String>,
}

/// One place in a corpus document where an actor is named.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[repr(C)]
pub struct Mention {
    pub doc: DocId,
    pub span: Span,
}

// SAFETY: `Mention` and `Span` are `#[repr(C)]` over `u32`s: doc, start, end (the
// assertions below).
unsafe impl Words for Mention {
    const N: usize = 3;
    const PLAIN: bool = true;
    fn put(&self, out: &mut Vec<u32>) -> Option<()> {
        out.extend([self.doc, self.span.start, self.span.end]);
        Some(())
    }
    fn take(words: &[u32]) -> Option<Self> {
        match *words {
            [doc, start, end] => Some(Mention {
                doc,
                span: Span { start, end },
            }),
            _ => None,
        }
    }
}

const _: () = {
    assert!(std::mem::size_of::<Mention>() == Mention::N * 4);
    assert!(std::mem::align_of::<Mention>() == 4);
    assert!(std::mem::offset_of!(Mention, doc) == 0);
    assert!(std::mem::offset_of!(Mention, span.start) == 4);
    assert!(std::mem::offset_of!(Mention, span.end) == 8);
};

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Actor {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: Packed<Mention>,
}

/// An actor as one document knows it (ids are local to the document).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LocalActor {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
}

/// A mention inside one document, pointing at a [`LocalActor`] by index.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LocalMention {
    pub span: Range<usize>,
    pub actor: u32,
}

/// What extraction found in one document.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocActors {
    pub actors: Vec<LocalActor>,
    /// Sorted by `span.start`.
    pub mentions: Vec<LocalMention>,
    /// Local actors that are only a capitalised word nobody in this document explains
    /// ("Trump" in an article that never says "Donald Trump"). The corpus-wide merge keeps
    /// them only when another document names them; sorted.
    pub tentative: Vec<u32>,
}

/// A mention with its global actor id, as [`ActorIndex::mentions_in_doc`] lists them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[repr(C)]
pub struct DocMention {
    pub span: Span,
    pub actor: ActorId,
}

// SAFETY: `DocMention` and `Span` are `#[repr(C)]` over `u32`s: start, end, actor (the
// assertions below).
unsafe impl Words for DocMention {
    const N: usize = 3;
    const PLAIN: bool = true;
    fn put(&self, out: &mut Vec<u32>) -> Option<()> {
        out.extend([self.span.start, self.span.end, self.actor]);
        Some(())
    }
    fn take(words: &[u32]) -> Option<Self> {
        match *words {
            [start, end, actor] => Some(DocMention {
                span: Span { start, end },
                actor,
            }),
            _ => None,
        }
    }
}

const _: () = {
    assert!(std::mem::size_of::<DocMention>() == DocMention::N * 4);
    assert!(std::mem::align_of::<DocMention>() == 4);
    assert!(std::mem::offset_of!(DocMention, span.start) == 0);
    assert!(std::mem::offset_of!(DocMention, span.end) == 4);
    assert!(std::mem::offset_of!(DocMention, actor) == 8);
};

/// Finds the actors one document names (never fails; odd text gives fewer actors).
pub fn extract_document(doc: &Document) -> DocActors {
    extract::extract(doc.text(), doc.body.clone())
}

/// Corpus-wide actors and the lookups the features need.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ActorIndex {
    /// Ordered by salience: the most mentioned actor has id 0.
    pub actors: Vec<Actor>,
    /// Per document: its mentions in offset order, with global ids.
    doc_mentions: Lists<DocMention>,
    /// Per document: local actor index -> global id ([`build::DROPPED`] when dropped).
    local_to_global: Lists<ActorId>,
    /// Derived from `actors`: not stored in the index cache, rebuilt by
    /// [`ActorIndex::rebuild_lookup`] when a cached index is loaded (hash tables over
    /// the aliases, built again from `actors` in one pass).
    #[serde(skip)]
    lookup: lookup::Lookup,
    /// Per actor: how many documents name it.
    #[serde(with = "crate::packed::vec")]
    doc_counts: Vec<u32>,
    /// Per actor: the persons and organizations most named in the same documents.
    #[serde(with = "crate::packed::nested")]
    alongside: Vec<Vec<ActorId>>,
}

impl ActorIndex {
    /// Merges the documents' actors (same person across documents, surname-only mentions
    /// of someone another document names in full) and the analyst's curated entries.
    pub fn build(
        docs: &[Arc<Document>],
        per_doc: &[&DocActors],
        curated: &[CuratedActor],
    ) -> ActorIndex {
        let mut index = build::build(docs, per_doc, curated);
        index.doc_counts = related::doc_counts(&index.actors);
        index.alongside = related::named_alongside(&index.actors, &index.doc_mentions);
        index
    }

    /// Builds the name lookups again from `actors`; for an index read back from the cache
    /// (see `CorpusIndex::from_merged`, which calls it).
    pub(crate) fn rebuild_lookup(&mut self) {
        self.lookup = lookup::Lookup::new(&self.actors);
    }

    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id as usize]
    }

    /// How many documents name the actor.
    pub fn n_docs(&self, id: ActorId) -> usize {
        self.doc_counts.get(id as usize).map_or(0, |&n| n as usize)
    }

    /// The persons and organizations most often named in the same documents as the actor
    /// (by their mentions there), most first: at most three.
    pub fn named_alongside(&self, id: ActorId) -> &[ActorId] {
        self.alongside.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// Mentions in one document, in offset order.
    pub fn mentions_in_doc(&self, doc: DocId) -> &[DocMention] {
        self.doc_mentions.get(doc as usize).unwrap_or(&[])
    }

    /// The global id of a document's local actor (`None` if the merge dropped it).
    pub fn global_id(&self, doc: DocId, local: u32) -> Option<ActorId> {
        self.local_to_global
            .get(doc as usize)?
            .get(local as usize)
            .copied()
            .filter(|&id| id != build::DROPPED)
    }

    /// The actor a name or alias denotes (case-insensitive), if exactly one does.
    pub fn resolve(&self, name: &str) -> Option<ActorId> {
        self.lookup.resolve(name)
    }

    /// Known actor names in `text` (whole words, possessives allowed), in offset order.
    /// Pass a brief's `masked` text so code and links are skipped.
    pub fn find_in_text(&self, text: &str) -> Vec<DocMention> {
        self.lookup.find_in_text(text)
    }

    /// Actors whose name or alias starts with `prefix` (case-insensitive, also at a word
    /// start inside a name: "Vela" finds "Ali Akbar Velayati"), then fuzzy matches; most
    /// salient first, at most `limit`.
    pub fn complete(&self, prefix: &str, limit: usize) -> Vec<AliasMatch> {
        self.lookup.complete(prefix, limit)
    }
}
