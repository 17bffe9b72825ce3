//! What the passes find, recorded: actors by merge key, their mentions, surfaces and roles,
//! and the document's finished `DocActors` (a person's fullest surface becomes the name,
//! the other surfaces its aliases).

use std::ops::Range;

use super::extractor::Extractor;
use super::gazetteer::collapse_whitespace;
use super::roles::clean_role;
use super::{ActorKind, DocActors, LocalActor, LocalMention};

impl Extractor<'_> {
    /// Whether the document already has a non-person actor keyed by this name (checked
    /// through a reused buffer: this runs for every full name).
    pub(super) fn is_named_org(&mut self, surface: &str) -> Option<u32> {
        self.buf.clear();
        self.buf.push_str("n:");
        self.buf
            .extend(surface.chars().flat_map(char::to_lowercase));
        let actor = *self.by_key.get(self.buf.as_str())?;
        (self.actors[actor as usize].kind != ActorKind::Person).then_some(actor)
    }

    pub(super) fn actor_for(&mut self, key: String, name: String, kind: ActorKind) -> u32 {
        if let Some(&actor) = self.by_key.get(&key) {
            return actor;
        }
        let actor = self.actors.len() as u32;
        self.actors.push(LocalActor {
            name,
            kind,
            aliases: Vec::new(),
            roles: Vec::new(),
        });
        self.surfaces.push(Vec::new());
        self.by_key.insert(key, actor);
        actor
    }

    /// A mention of the actor its own surface names (`n:` key), of `kind`.
    pub(super) fn add_named(&mut self, span: Range<usize>, surface: String, kind: ActorKind) {
        let key = format!("n:{}", surface.to_lowercase());
        let actor = self.actor_for(key, surface.clone(), kind);
        self.add_mention(actor, span, surface);
    }

    pub(super) fn add_mention(&mut self, actor: u32, span: Range<usize>, surface: String) {
        let surfaces = &mut self.surfaces[actor as usize];
        if !surfaces.contains(&surface) {
            surfaces.push(surface);
        }
        self.mentions.push(LocalMention { span, actor });
    }

    pub(super) fn add_role(&mut self, actor: u32, role: String) {
        let Some(role) = clean_role(&role) else {
            return;
        };
        let roles = &mut self.actors[actor as usize].roles;
        if !roles.iter().any(|r| r.eq_ignore_ascii_case(&role)) {
            roles.push(role);
        }
    }

    pub(super) fn span(&self, start: usize, end: usize) -> Range<usize> {
        self.tokens[start].start as usize..self.tokens[end - 1].end as usize
    }

    /// The text of a span with its whitespace collapsed.
    pub(super) fn surface(&self, span: Range<usize>) -> String {
        collapse_whitespace(self.text.get(span).unwrap_or(""))
    }

    pub(super) fn finish(mut self) -> DocActors {
        for (actor, surfaces) in self.actors.iter_mut().zip(&self.surfaces) {
            if actor.kind == ActorKind::Person {
                // The fullest form is the name: most words, then most letters.
                if let Some(best) = surfaces.iter().max_by_key(|s| name_fullness(s)) {
                    if name_fullness(best).0 >= name_fullness(&actor.name).0 {
                        actor.name = best.clone();
                    }
                }
            }
            for surface in surfaces {
                if !surface.eq_ignore_ascii_case(&actor.name)
                    && !actor
                        .aliases
                        .iter()
                        .any(|a| a.eq_ignore_ascii_case(surface))
                {
                    actor.aliases.push(surface.clone());
                }
            }
        }
        self.mentions.sort_by_key(|m| (m.span.start, m.span.end));
        self.mentions.dedup_by(|b, a| b.span.start < a.span.end);
        self.tentative.sort_unstable();
        DocActors {
            actors: self.actors,
            mentions: self.mentions,
            tentative: self.tentative,
        }
    }
}

/// How full a form of a person's name is, to pick the canonical one: words (lowercase
/// particles not counted), then the hyphenated "al-" spelling over "al Assad", then letters.
pub(crate) fn name_fullness(name: &str) -> (usize, bool, usize) {
    let words = name
        .split(' ')
        .filter(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || w.contains('-'))
        .count();
    (words, name.contains('-'), name.len())
}
