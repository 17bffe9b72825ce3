//! Actor extraction from one document: capitalised runs, split by gazetteer and title
//! matches into places, organizations, groups, roles and groups of name words (made a
//! person's name in `names.rs`); then surname-only, first-name-only and acronym mentions
//! resolved against the full names the document gives (`resolve.rs`).
//!
//! Two passes over one token array: the first finds everything that names itself (full
//! names, gazetteer entries, cue-word organizations); the second resolves single words,
//! since "Putin" in a headline can only be understood after "Vladimir Putin" in the body.
//! A run part is cut into segments in `segment.rs`; what is found is recorded in `record.rs`.

use std::ops::Range;

use super::context::{headline_flags, mark_foreign_sentences};
use super::extractor::{Extractor, Seg};
use super::gazetteer::{fold_into, gazetteer, name_words, Entry};
use super::lexicon::*;
use super::results::mark_sports_lines;
use super::scan::{tokenize, ALL_CAPS, ALPHA, CAP, JOINED, POSSESSIVE};
use super::segment::{entry_seg, plural_name};
use super::{ActorKind, DocActors};
use crate::fxhash::FxHashMap;

/// Extracts the actors of `text[body]` (offsets stay offsets into `text`).
pub(crate) fn extract(text: &str, body: Range<usize>) -> DocActors {
    let mut tokens = Vec::new();
    tokenize(text, body, &mut tokens);
    mark_sports_lines(text, &mut tokens);
    let mut headline = headline_flags(text, &tokens);
    mark_foreign_sentences(text, &tokens, &mut headline);
    let mut ex = Extractor {
        text,
        tokens,
        headline,
        gaz: gazetteer(),
        buf: String::new(),
        actors: Vec::new(),
        surfaces: Vec::new(),
        by_key: FxHashMap::default(),
        mentions: Vec::new(),
        pending: Vec::new(),
        persons: Vec::new(),
        full_mentions: Vec::new(),
        tentative: Vec::new(),
    };
    ex.first_pass();
    ex.second_pass();
    ex.finish()
}

impl<'t> Extractor<'t> {
    pub(super) fn first_pass(&mut self) {
        let mut i = 0;
        while i < self.tokens.len() {
            let tok = self.tokens[i];
            if !tok.has(CAP) || !tok.has(ALPHA) {
                i += 1;
                continue;
            }
            let end = self.run_end(i);
            // "@Borzou", "#Egypt": a handle or a hashtag, not a name as written.
            let sigil = (tok.start as usize)
                .checked_sub(1)
                .and_then(|b| self.text.as_bytes().get(b))
                .is_some_and(|&b| b == b'@' || b == b'#');
            if sigil {
                i = end;
                continue;
            }
            self.process_run(i, end);
            i = end;
        }
    }

    /// The end (exclusive) of the capitalised run starting at `start`.
    fn run_end(&self, start: usize) -> usize {
        let mut end = start + 1;
        if self.tokens[start].has(POSSESSIVE) {
            return end;
        }
        while end < self.tokens.len() {
            let tok = self.tokens[end];
            if !tok.has(JOINED) {
                break;
            }
            if tok.has(CAP) && tok.has(ALPHA) {
                end += 1;
                if tok.has(POSSESSIVE) {
                    break;
                }
                continue;
            }
            // Up to two lowercase connectors or particles, then a capitalised word.
            let mut look = end;
            while look < self.tokens.len() && look < end + 2 {
                let t = self.tokens[look];
                let word = t.text(self.text);
                let joins = t.has(JOINED)
                    && !t.has(CAP)
                    && (is_in(&CONNECTORS, word) || is_name_particle(word));
                if !joins {
                    break;
                }
                look += 1;
            }
            let resumes = look > end
                && self
                    .tokens
                    .get(look)
                    .is_some_and(|t| t.has(JOINED) && t.has(CAP) && t.has(ALPHA));
            if !resumes {
                break;
            }
            end = look;
        }
        end
    }

    fn process_run(&mut self, start: usize, end: usize) {
        // "Davis Cup", "Rose Bowl", "Grand Prix": an event, no actor; so is a name before
        // a lowercase "award" or "prize" ("the 2018 Theodore Roosevelt award").
        if end - start > 1 && is_in(&EVENT_TAILS, self.tokens[end - 1].text(self.text)) {
            return;
        }
        if self.tokens.get(end).is_some_and(|t| {
            t.has(JOINED)
                && !self.tokens[end - 1].has(POSSESSIVE)
                && matches!(t.text(self.text), "award" | "prize" | "medal" | "trophy")
        }) {
            return;
        }
        // A whole-run gazetteer entry ("Antigua and Barbuda", "Islamic Republic of Iran").
        if end - start > 1 {
            if let Some(entry) = self.lookup(start, end) {
                if self.named_entry(entry, start, end) {
                    return;
                }
            }
        }
        if let Some((org_start, org_end)) = self.org_by_cue(start, end) {
            // What is around the organization may name another ("The Federation of Korean
            // Industries and the Japan Business Federation").
            if org_start > start {
                self.process_run(start, org_start);
            }
            self.add_org(org_start, org_end);
            if org_end < end {
                self.process_run(org_end, end);
            }
            return;
        }
        self.split_at_connectors(start, end);
    }

    fn split_at_connectors(&mut self, start: usize, end: usize) {
        let mut part_start = start;
        for i in start..end {
            let tok = self.tokens[i];
            if !tok.has(CAP) && is_in(&CONNECTORS, tok.text(self.text)) {
                if part_start < i {
                    self.process_part(part_start, i);
                }
                part_start = i + 1;
            }
        }
        if part_start < end {
            self.process_part(part_start, end);
        }
    }

    fn process_part(&mut self, start: usize, end: usize) {
        let segs = self.segment(start, end);
        // "c Cork b Croft 46": a scorecard names players, whose surnames may be places.
        if let [(
            Seg::Named {
                kind: ActorKind::Place,
                ..
            },
            s,
            e,
        )] = *segs.as_slice()
        {
            if e == s + 1 && !self.headline[s] && self.in_scorecard(s) {
                self.name_group(s, e, None, true);
                return;
            }
        }
        let mut idx = 0;
        while idx < segs.len() {
            let (seg, s, e) = segs[idx];
            match seg {
                Seg::Named {
                    kind: ActorKind::Place,
                    ..
                } if self.team_of_place(&segs[idx..], end) => {
                    return;
                }
                Seg::Named { .. } | Seg::People { .. } => {
                    self.named_seg(seg, s, e);
                    idx += 1;
                }
                Seg::Word | Seg::Particle => {
                    let mut group_end_idx = idx;
                    while group_end_idx < segs.len()
                        && matches!(segs[group_end_idx].0, Seg::Word | Seg::Particle)
                    {
                        group_end_idx += 1;
                    }
                    let g_start = s;
                    let g_end = segs[group_end_idx - 1].2;
                    let (role, is_person) = self.role_before(&segs[..idx], start);
                    self.name_group(g_start, g_end, role, is_person);
                    idx = group_end_idx;
                }
                _ => idx += 1,
            }
        }
    }

    /// "New York Yankees", "California Angels", "Boston Red Sox": a place before one or two
    /// name words that end the part in a plural is a team of that place, and its nickname
    /// alone ("the Yankees", "Red Sox pitcher") names the team in the rest of the story.
    /// Not after a place that is also a given name ("Jordan Williams"). `segs` opens with
    /// the place; returns whether it made the team.
    fn team_of_place(&mut self, segs: &[(Seg, usize, usize)], end: usize) -> bool {
        let [(_, place_start, place_end), rest @ ..] = segs else {
            return false;
        };
        let (place_start, nick_start) = (*place_start, *place_end);
        if rest.is_empty()
            || end - nick_start > 2
            || rest.iter().any(|&(seg, _, _)| seg != Seg::Word)
            || rest.last().is_none_or(|&(_, _, e)| e != end)
            || self.headline[place_start]
            || (nick_start..end).any(|i| {
                let tok = self.tokens[i];
                !tok.has(CAP) || tok.has(ALL_CAPS) || (tok.has(POSSESSIVE) && i + 1 < end)
            })
        {
            return false;
        }
        let nickname = self.tokens[end - 1].text(self.text);
        if !(nickname == "Sox" || plural_name(nickname)) {
            return false;
        }
        // After a place that is also a given name, only a plural English noun makes a team
        // ("Jordan Giants"; "Jordan Matthews" is a person).
        fold_into(self.tokens[place_start].text(self.text), &mut self.buf);
        if name_words().is_given(&self.buf) {
            fold_into(nickname, &mut self.buf);
            if !name_words().is_common(&self.buf) {
                return false;
            }
        }
        let span = self.span(place_start, end);
        let surface = self.surface(span.clone());
        let actor = self.actor_for(
            format!("n:{}", surface.to_lowercase()),
            surface.clone(),
            ActorKind::Organization,
        );
        self.add_mention(actor, span, surface);
        let nickname = self.surface(self.span(nick_start, end)).to_lowercase();
        self.by_key.entry(format!("n:{nickname}")).or_insert(actor);
        if end - nick_start == 1 {
            self.by_key.entry(format!("a:{nickname}")).or_insert(actor);
        }
        true
    }

    fn named_entry(&mut self, entry: Entry, start: usize, end: usize) -> bool {
        let seg = entry_seg(entry);
        if matches!(seg, Seg::Named { .. } | Seg::People { .. }) {
            self.named_seg(seg, start, end);
            return true;
        }
        false
    }

    fn named_seg(&mut self, seg: Seg, start: usize, end: usize) {
        let span = self.span(start, end);
        let surface = self.surface(span.clone());
        let (key, name, kind) = match seg {
            Seg::Named { name, kind } => {
                let canonical = self
                    .gaz
                    .names
                    .get(name as usize)
                    .cloned()
                    .unwrap_or_else(|| surface.clone());
                (format!("n:{}", canonical.to_lowercase()), canonical, kind)
            }
            Seg::People { country } => (format!("g:{country}"), surface.clone(), ActorKind::Group),
            _ => return,
        };
        let actor = self.actor_for(key, name, kind);
        self.add_mention(actor, span.clone(), surface);
        if kind != ActorKind::Place {
            self.acronym_after(end, actor);
        }
    }

    fn add_org(&mut self, start: usize, end: usize) {
        let span = self.span(start, end);
        let surface = self.surface(span.clone());
        let (key, name, kind) = match self.lookup(start, end) {
            Some(Entry::Named { name, kind }) => {
                let canonical = self
                    .gaz
                    .names
                    .get(name as usize)
                    .cloned()
                    .unwrap_or_else(|| surface.clone());
                (format!("n:{}", canonical.to_lowercase()), canonical, kind)
            }
            _ => (
                format!("n:{}", surface.to_lowercase()),
                surface.clone(),
                ActorKind::Organization,
            ),
        };
        let actor = self.actor_for(key, name, kind);
        self.add_mention(actor, span, surface);
        self.acronym_after(end, actor);
        // "Amoco Corp officials ... Amoco said", "Brush Wellman Inc ... Brush Wellman
        // employees": a company named once with its legal form goes by the rest of its name.
        let suffix = self.tokens[end - 1].text(self.text).trim_end_matches('.');
        if kind == ActorKind::Organization && end - start >= 2 && is_in(&LEGAL_FORMS, suffix) {
            let base = self.surface(self.span(start, end - 1));
            let base = base.trim_end_matches(',').to_lowercase();
            if self.tokens[start].has(CAP) && !base.is_empty() {
                if end - start == 2 {
                    self.by_key.entry(format!("a:{base}")).or_insert(actor);
                }
                self.by_key.entry(format!("n:{base}")).or_insert(actor);
            }
        }
    }

    /// "Syrian Democratic Forces (SDF)": the acronym becomes an alias and a mention.
    fn acronym_after(&mut self, next: usize, actor: u32) {
        let Some(tok) = self.tokens.get(next).copied() else {
            return;
        };
        let prev_end = self.tokens[next - 1].end as usize;
        let between = self.text.get(prev_end..tok.start as usize).unwrap_or("");
        let closes = self.text.as_bytes().get(tok.end as usize) == Some(&b')');
        if tok.has(ALL_CAPS) && between.trim() == "(" && closes {
            let surface = tok.text(self.text).to_string();
            self.by_key
                .entry(format!("a:{}", surface.to_lowercase()))
                .or_insert(actor);
            self.add_mention(actor, tok.range(), surface);
        }
    }
}
