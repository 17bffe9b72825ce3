//! Events: what happened, when, where and with whom, clustered across documents.
//!
//! This is the foundation's placeholder: the types are the contract the rest of dossier
//! uses; extraction and clustering are the "Events" issue.

use std::ops::Range;
use std::sync::Arc;

use super::actors::{ActorId, ActorIndex, DocActors};
use super::corpus::{DocId, Document};

#[derive(Debug, Clone, PartialEq)]
pub struct EventMention {
    pub doc: DocId,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub label: String,
    pub kind: String,
    /// ISO where the text allows (`2018-07-16`, `2017-11`), else the phrase as written.
    pub date: Option<String>,
    pub place: Option<String>,
    pub participants: Vec<ActorId>,
    pub mentions: Vec<EventMention>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocEvents {}

pub fn extract_document(_doc: &Document, _actors: &DocActors) -> DocEvents {
    DocEvents::default()
}

#[derive(Debug, Default)]
pub struct EventIndex {
    pub events: Vec<Event>,
}

impl EventIndex {
    pub fn build(
        _docs: &[Arc<Document>],
        _per_doc: &[&DocEvents],
        _actors: &ActorIndex,
    ) -> EventIndex {
        EventIndex::default()
    }
}
