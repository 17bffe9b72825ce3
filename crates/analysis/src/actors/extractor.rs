//! The state of one document's actor extraction: the token array, the actors and mentions
//! found so far, and the single words left to resolve. The passes that fill it live in
//! `extract.rs`; `segment.rs`, `record.rs`, `context.rs`, `names.rs`, `roles.rs`, `orgs.rs`,
//! `evidence.rs` and `resolve.rs` add methods of their own. It stands apart so that those
//! files and `extract.rs` depend on it rather than on each other.

use super::gazetteer::Gazetteer;
use super::scan::Token;
use super::{ActorKind, LocalActor, LocalMention};
use crate::fxhash::FxHashMap;

/// A part of a capitalised run, classified.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Seg {
    Named { name: u32, kind: ActorKind },
    Demonym,
    People { country: u32 },
    Title,
    Modifier,
    Honorific,
    Nonname,
    Particle,
    Word,
}

/// A single word that may name an actor the document names elsewhere.
#[derive(Debug)]
pub(super) struct Pending {
    pub(super) tok: usize,
    /// The first token of the mention: `tok`, or a particle before it ("El Gizawy").
    pub(super) from: usize,
    /// A title, honorific or speech verb says this is a person.
    pub(super) is_person: bool,
    pub(super) role: Option<String>,
}

pub(super) struct Extractor<'t> {
    pub(super) text: &'t str,
    pub(super) tokens: Vec<Token>,
    pub(super) headline: Vec<bool>,
    pub(super) gaz: &'static Gazetteer,
    pub(super) buf: String,
    pub(super) actors: Vec<LocalActor>,
    /// Per actor: the surface forms seen (name candidates and aliases).
    pub(super) surfaces: Vec<Vec<String>>,
    /// Merge key ("p:first|last", "n:canonical", "g:...", "t:word") -> actor.
    pub(super) by_key: FxHashMap<String, u32>,
    pub(super) mentions: Vec<LocalMention>,
    pub(super) pending: Vec<Pending>,
    /// Persons named in full: (actor, folded first name, folded surname).
    pub(super) persons: Vec<(u32, String, String)>,
    /// Offsets of full person mentions, for "nearest full mention" disambiguation.
    pub(super) full_mentions: Vec<(usize, u32)>,
    pub(super) tentative: Vec<u32>,
}
