//! The second pass: single words (surnames, lone first names, acronyms, headline words)
//! resolved against the full names the whole document gives, once it has all been read.

use super::context::one_edit_apart;
use super::extract::{looks_like_common_word, name_key, Extractor, Pending};
use super::gazetteer::fold_into;
use super::scan::{ALL_CAPS, JOINED, SENTENCE_START};
use super::ActorKind;

impl Extractor<'_> {
    pub(super) fn second_pass(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        for p in pending {
            self.resolve_pending(p);
        }
        self.persons_named_as_orgs();
    }

    /// A "person" whose full name the document elsewhere gives an organization ("talks
    /// with Deutsche Bahn" before "railway operator Deutsche Bahn"): its mentions go to the
    /// organization, and the person is left tentative for the merge to drop.
    fn persons_named_as_orgs(&mut self) {
        for idx in 0..self.persons.len() {
            let actor = self.persons[idx].0;
            if self.actors[actor as usize].kind != ActorKind::Person {
                continue;
            }
            let name = std::mem::take(&mut self.actors[actor as usize].name);
            let org = self.is_named_org(&name);
            self.actors[actor as usize].name = name;
            let Some(org) = org else {
                continue;
            };
            for m in self.mentions.iter_mut().filter(|m| m.actor == actor) {
                m.actor = org;
            }
            self.full_mentions.retain(|&(_, a)| a != actor);
            if !self.tentative.contains(&actor) {
                self.tentative.push(actor);
            }
        }
    }

    pub(super) fn resolve_pending(&mut self, p: Pending) {
        let tok = self.tokens[p.tok];
        let surface = tok.text(self.text).to_string();
        let key = name_key(&surface);
        let at = tok.start as usize;
        let mut found = self.nearest_person(at, |(_, _, last)| *last == key);
        if found.is_none() {
            found = self.nearest_person(at, |(_, first, _)| *first == key);
        }
        if found.is_none() {
            found = self
                .by_key
                .get(&format!("a:{}", surface.to_lowercase()))
                .copied();
        }
        if found.is_none() {
            found = self.known_as(p.tok);
        }
        if found.is_none() && key.chars().count() >= 5 && !tok.has(SENTENCE_START) {
            // A spelling variant of a name in this document ("Maher" beside "Mahar Assad").
            found = self.nearest_person(at, |(_, first, last)| {
                one_edit_apart(first, &key) || one_edit_apart(last, &key)
            });
        }
        let headline = self.headline[p.tok];
        let actor = match found {
            Some(actor) => actor,
            None if headline => return,
            None if p.is_person
                && !tok.has(ALL_CAPS)
                && !(p.role.is_none()
                    && (self.place_context(p.tok) || self.after_article(p.tok)))
                && !(tok.has(SENTENCE_START) && looks_plural(&surface))
                && !self.is_nonname_word(&surface) =>
            {
                let actor = self.actor_for(format!("p:|{key}"), surface.clone(), ActorKind::Person);
                self.by_key
                    .insert(format!("a:{}", surface.to_lowercase()), actor);
                actor
            }
            None if !tok.has(SENTENCE_START) && !tok.has(ALL_CAPS) && self.place_context(p.tok) => {
                self.actor_for(
                    format!("n:{}", surface.to_lowercase()),
                    surface.clone(),
                    ActorKind::Place,
                )
            }
            None if (!tok.has(SENTENCE_START) && self.org_context(p.tok, p.tok + 1))
                || self.org_appositive(p.tok + 1) =>
            {
                self.actor_for(
                    format!("n:{}", surface.to_lowercase()),
                    surface.clone(),
                    ActorKind::Organization,
                )
            }
            None => {
                fold_into(&surface, &mut self.buf);
                if self.gaz.is_nonname(&self.buf)
                    || looks_like_common_word(&self.buf)
                    || surface.chars().count() < 2
                {
                    return;
                }
                let key = format!("t:{}", surface.to_lowercase());
                let is_new = !self.by_key.contains_key(&key);
                let actor = self.actor_for(key, surface.clone(), ActorKind::Person);
                if is_new {
                    self.tentative.push(actor);
                }
                actor
            }
        };
        if let Some(role) = p.role {
            if self.actors[actor as usize].kind == ActorKind::Person {
                self.add_role(actor, role);
            }
        }
        self.add_mention(actor, tok.range(), surface);
        if self.actors[actor as usize].kind == ActorKind::Person {
            self.appositive_role(p.tok + 1, actor);
        }
    }

    /// "a Green, said": a word after an article is a noun, however it is said.
    fn after_article(&self, i: usize) -> bool {
        i > 0
            && self.tokens[i].has(JOINED)
            && matches!(self.tokens[i - 1].text(self.text), "a" | "an" | "the")
    }

    pub(super) fn is_nonname_word(&mut self, word: &str) -> bool {
        fold_into(word, &mut self.buf);
        self.gaz.is_nonname(&self.buf)
    }

    /// Among persons named in full that `matches`: the one named in full just before `at`
    /// (within a sentence or two, "... Mahar Assad. ... Assad will"), else the one the
    /// document introduced first, the story's main person by news convention.
    pub(super) fn nearest_person(
        &self,
        at: usize,
        matches: impl Fn(&(u32, String, String)) -> bool,
    ) -> Option<u32> {
        let candidates: Vec<u32> = self
            .persons
            .iter()
            .filter(|p| matches(p))
            .map(|p| p.0)
            .collect();
        match candidates.len() {
            0 => None,
            1 => Some(candidates[0]),
            _ => {
                const RECENT: usize = 300;
                let mut of_candidates = self
                    .full_mentions
                    .iter()
                    .filter(|(_, actor)| candidates.contains(actor));
                let recent = of_candidates
                    .clone()
                    .filter(|(pos, _)| *pos <= at && at - pos <= RECENT)
                    .max_by_key(|(pos, _)| *pos);
                recent
                    .or_else(|| of_candidates.next())
                    .map(|&(_, actor)| actor)
            }
        }
    }
}

/// "Economists warned", "Analysts said": a sentence-initial plural noun of people is a
/// subject, not a surname.
fn looks_plural(word: &str) -> bool {
    const ENDINGS: [&str; 9] = [
        "sts", "ers", "ians", "ants", "ents", "ics", "ors", "ives", "als",
    ];
    word.len() > 5 && ENDINGS.iter().any(|e| word.ends_with(e))
}
