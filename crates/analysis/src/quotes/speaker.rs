//! Who said a quote, as far as one document tells: a name's span, an actor's mention or
//! someone described without a name, mapped to the document's actors.

use std::ops::Range;

use crate::actors::{ActorKind, DocActors};

/// Who said a quote, as far as one document tells.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Speaker {
    pub(super) actor: Option<u32>,
    pub(super) name: Option<String>,
    pub(super) span: Option<Range<usize>>,
    /// Someone the text describes without a name (`the source recalled`): quotes that
    /// go on from this one are theirs too, not the last named speaker's.
    pub(super) unnamed: bool,
}

/// A single word that news writes in lowercase (`Aides`, `Prosecutors`, `Another`): at a
/// sentence's start its capital letter is the sentence's, and it describes someone
/// rather than names them (`"...," Read said` names Read).
fn is_common_noun(name: &str) -> bool {
    !name.contains(' ') && crate::actors::name_words().is_news_common(&name.to_lowercase())
}

/// Whether the word at `at` opens a sentence: nothing but spaces since a paragraph's
/// start or a full stop, question or exclamation mark.
fn starts_sentence(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|before| before.trim_end_matches([' ', '\t']).chars().last())
        .is_none_or(|c| matches!(c, '.' | '?' | '!' | '\n'))
}

impl Speaker {
    pub(super) fn from_span(text: &str, span: Range<usize>, actors: &DocActors) -> Speaker {
        let name = text.get(span.clone()).map(clean_name);
        let actor = actor_at(actors, &span);
        if actor.is_none()
            && name.as_deref().is_some_and(is_common_noun)
            && starts_sentence(text, span.start)
        {
            return Speaker {
                unnamed: true,
                ..Speaker::default()
            };
        }
        Speaker {
            actor,
            name,
            span: Some(span),
            unnamed: false,
        }
    }

    /// [`Speaker::from_span`] when the name there is an actor the document explains, a
    /// person or an organization: a sentence's subject is not a speaker by its capital
    /// letter alone ("One word changed: "...").
    pub(super) fn from_known_span(
        text: &str,
        span: Range<usize>,
        actors: &DocActors,
    ) -> Option<Speaker> {
        let speaker = Speaker::from_span(text, span, actors);
        let actor = speaker.actor?;
        let known = actors.tentative.binary_search(&actor).is_err()
            && actors
                .actors
                .get(actor as usize)
                .is_some_and(|a| matches!(a.kind, ActorKind::Person | ActorKind::Organization));
        known.then_some(speaker)
    }

    pub(super) fn from_actor(actors: &DocActors, mention: usize) -> Option<Speaker> {
        let m = actors.mentions.get(mention)?;
        let name = actors.actors.get(m.actor as usize).map(|a| a.name.clone());
        Some(Speaker {
            actor: Some(m.actor),
            name,
            span: Some(m.span.clone()),
            unnamed: false,
        })
    }

    pub(super) fn is_known(&self) -> bool {
        self.actor.is_some() || self.name.is_some()
    }

    /// Whether a quote that goes on from this speaker's is theirs (named or not).
    pub(super) fn continues(&self) -> bool {
        self.is_known() || self.unnamed
    }
}

fn clean_name(name: &str) -> String {
    let name = name.trim_end_matches("'s").trim_end_matches("’s");
    crate::actors::collapse_whitespace(name)
}

/// The actor whose mention overlaps `span` most (a person preferred).
fn actor_at(actors: &DocActors, span: &Range<usize>) -> Option<u32> {
    let first = actors
        .mentions
        .partition_point(|m| m.span.end <= span.start);
    actors.mentions[first..]
        .iter()
        .take_while(|m| m.span.start < span.end)
        .max_by_key(|m| {
            let overlap = m
                .span
                .end
                .min(span.end)
                .saturating_sub(m.span.start.max(span.start));
            let is_person = actors
                .actors
                .get(m.actor as usize)
                .is_some_and(|a| a.kind == ActorKind::Person);
            (is_person, overlap)
        })
        .map(|m| m.actor)
}
