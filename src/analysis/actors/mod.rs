//! Actors: persons, organizations, places and groups named in the corpus.
//!
//! Extraction runs per document ([`extract_document`], local ids); [`ActorIndex::build`]
//! merges the documents' results into corpus-wide actors with global ids.
//!
//! This is the foundation's placeholder: the types and queries are the contract the rest
//! of dossier uses; extraction itself finds nothing yet (issue "Actors").

use std::ops::Range;
use std::sync::Arc;

use super::corpus::{DocId, Document};

/// Index of an actor in [`ActorIndex::actors`].
pub type ActorId = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct CuratedActor {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: Option<ActorKind>,
    pub role: Option<String>,
}

/// One place in a corpus document where an actor is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub doc: DocId,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// An actor as one document knows it (ids are local to the document).
#[derive(Debug, Clone, PartialEq)]
pub struct LocalActor {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
}

/// A mention inside one document, pointing at a [`LocalActor`] by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalMention {
    pub span: Range<usize>,
    pub actor: u32,
}

/// What extraction found in one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocActors {
    pub actors: Vec<LocalActor>,
    /// Sorted by `span.start`.
    pub mentions: Vec<LocalMention>,
}

/// A mention with its global actor id, as [`ActorIndex::mentions_in_doc`] lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMention {
    pub span: Range<usize>,
    pub actor: ActorId,
}

pub fn extract_document(_doc: &Document) -> DocActors {
    DocActors::default()
}

/// Corpus-wide actors and the lookups the features need.
#[derive(Debug, Default)]
pub struct ActorIndex {
    pub actors: Vec<Actor>,
    /// Per document: its mentions in offset order, with global ids.
    doc_mentions: Vec<Vec<DocMention>>,
    /// Per document: local actor index -> global id.
    local_to_global: Vec<Vec<ActorId>>,
}

impl ActorIndex {
    pub fn build(
        docs: &[Arc<Document>],
        _per_doc: &[&DocActors],
        _curated: &[CuratedActor],
    ) -> ActorIndex {
        ActorIndex {
            actors: Vec::new(),
            doc_mentions: vec![Vec::new(); docs.len()],
            local_to_global: vec![Vec::new(); docs.len()],
        }
    }

    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id as usize]
    }

    /// Mentions in one document, in offset order.
    pub fn mentions_in_doc(&self, doc: DocId) -> &[DocMention] {
        self.doc_mentions
            .get(doc as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The global id of a document's local actor.
    pub fn global_id(&self, doc: DocId, local: u32) -> Option<ActorId> {
        self.local_to_global
            .get(doc as usize)?
            .get(local as usize)
            .copied()
    }

    /// The actor a name or alias denotes (case-insensitive), if exactly one does.
    pub fn resolve(&self, _name: &str) -> Option<ActorId> {
        None
    }

    /// Actor names found in `text`, restricted to the given ranges (a brief's prose).
    pub fn find_in_text(&self, _text: &str) -> Vec<DocMention> {
        Vec::new()
    }
}
