//! A report of a disaster or an accident names where it happened at its top: the
//! dateline ("WELLINGTON —"), the headline ("Fire guts Wellington supermarket") or the
//! lead ("A fire broke out in Wellington on Friday"). The body then tells the happening
//! by the spot ("the blaze at the Waitrose store"), which another report of it may not
//! name, so that the mention-by-mention joining splits them on venue against town. A
//! fire, an earthquake, an explosion or a crash has no protagonist to join on (see
//! `protagonist`): the story's place stands for it. Two articles whose top names the
//! same place first, telling a happening of such a family on close days (or undated),
//! tell one happening: their events are merged, whatever spot each names.

use super::protagonist::{days_agree, groups_by_key, merge_groups};
use super::{Candidate, Cluster};
use crate::actors::{ActorId, ActorIndex, ActorKind};
use crate::corpus::{DocId, Document};
use crate::events::kinds::KindFamily;
use crate::events::JoinReasons;

use std::sync::Arc;

/// How many non-empty lines of the body are its top: a headline, a date line or a
/// dateline, and the lead.
const TOP_LINES: usize = 3;

/// Per document: the place its top names first.
pub(super) struct StoryPlaces {
    by_doc: Vec<Option<ActorId>>,
}

impl StoryPlaces {
    pub(super) fn of(docs: &[Arc<Document>], actors: &ActorIndex) -> StoryPlaces {
        let by_doc = (docs.iter().enumerate())
            .map(|(i, doc)| story_place(doc, i as DocId, actors))
            .collect();
        StoryPlaces { by_doc }
    }
}

/// The first place named in the body's first [`TOP_LINES`] non-empty lines.
fn story_place(doc: &Document, doc_id: DocId, actors: &ActorIndex) -> Option<ActorId> {
    let lines = &doc.line_index;
    let mut line = lines.line_of(doc.body.start);
    let mut top_end = None;
    let mut seen = 0;
    while seen < TOP_LINES {
        let Some(range) = lines.line_range(line) else {
            break;
        };
        if range.end > range.start.max(doc.body.start) {
            seen += 1;
            top_end = Some(range.end);
        }
        line += 1;
    }
    let top_end = top_end?;
    (actors.mentions_in_doc(doc_id).iter())
        .filter(|m| (m.span.start as usize) >= doc.body.start && (m.span.end as usize) <= top_end)
        .filter(|m| {
            let kind = actors.actors.get(m.actor as usize).map(|a| a.kind);
            kind == Some(ActorKind::Place)
        })
        .min_by_key(|m| m.span.start)
        .map(|m| m.actor)
}

/// Families a story tells once and that have no protagonist: disasters and accidents.
fn placed_by_story(family: KindFamily) -> bool {
    matches!(family, KindFamily::Disaster | KindFamily::Accident)
}

/// Merges the events of a disaster or an accident whose mentions share their articles'
/// story place, unless their days disagree.
pub(super) fn merge_by_story_place<'a>(
    clusters: &mut Vec<Cluster<'a>>,
    candidates: &[Candidate<'a>],
    story_places: &StoryPlaces,
) {
    let groups = groups_by_key(clusters, candidates, |c| {
        let family = c.local.kind.family();
        let place = story_places.by_doc.get(c.doc as usize).copied().flatten()?;
        placed_by_story(family).then_some((family, place))
    });
    merge_groups(clusters, candidates, groups, agree, JoinReasons::STORY);
}

/// Whether two events may be one happening: the same family, and their days agreeing
/// ([`days_agree`]). Their places are not asked: the spot one report names and the town
/// another does are the story's place.
fn agree(a: &Cluster, b: &Cluster) -> bool {
    a.family == b.family && !a.members.is_empty() && !b.members.is_empty() && days_agree(a, b)
}
