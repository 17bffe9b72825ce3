//! Actor extraction from one document: capitalised runs, split by gazetteer and title
//! matches into places, organizations, groups, roles and groups of name words (made a
//! person's name in `names.rs`); then surname-only, first-name-only and acronym mentions
//! resolved against the full names the document gives (`resolve.rs`).
//!
//! Two passes over one token array: the first finds everything that names itself (full
//! names, gazetteer entries, cue-word organizations); the second resolves single words,
//! since "Putin" in a headline can only be understood after "Vladimir Putin" in the body.

use std::ops::Range;

use super::context::{headline_flags, mark_foreign_sentences};
use super::extractor::{Extractor, Seg};
use super::gazetteer::{fold_into, gazetteer, name_words, Entry};
use super::lexicon::*;
use super::names::name_fullness;
use super::results::mark_sports_lines;
use super::roles::clean_role;
use super::scan::{
    tokenize, Token, AFTER_COMMA, ALL_CAPS, ALPHA, CAP, JOINED, POSSESSIVE, SENTENCE_START,
};
use super::{ActorKind, DocActors, LocalActor, LocalMention};
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

    /// Longest-match segmentation of a run part into gazetteer entries, titles and words.
    fn segment(&mut self, start: usize, end: usize) -> Vec<(Seg, usize, usize)> {
        let mut segs: Vec<(Seg, usize, usize)> = Vec::new();
        let mut i = start;
        while i < end {
            let tok = self.tokens[i];
            let mut found = None;
            if tok.has(CAP) {
                let mut max_k = self.gaz.max_words.max(1).min(end - i);
                // Only as many words as begin some entry or title can be one: the rest of
                // the longest-first loop would look up forms that do not exist.
                if max_k > 1 {
                    max_k = self.form_prefix_len(i, max_k);
                }
                for k in (1..=max_k).rev() {
                    if let Some(entry) = self.lookup(i, i + k) {
                        found = Some((entry_seg(entry), k));
                        break;
                    }
                    if !self.tokens[i + k - 1].has(ALL_CAPS)
                        && (self.gaz.is_title(&self.buf)
                            || (k == 1 && is_in(&CORE_TITLES, &self.buf)))
                    {
                        found = Some((Seg::Title, k));
                        break;
                    }
                }
            }
            let (seg, k) = found.unwrap_or_else(|| {
                fold_into(tok.text(self.text), &mut self.buf);
                let word = self.buf.trim_end_matches('.');
                let seg = if !tok.has(CAP) {
                    Seg::Particle
                } else if is_in(&HONORIFICS, word) {
                    Seg::Honorific
                } else if is_in(&TITLE_MODIFIERS, word) {
                    Seg::Modifier
                } else if word.len() > 3 && word.starts_with("ex-") {
                    // "Ex-Yankee Randy Velarde", "ex-Senator": a former office is a role.
                    Seg::Title
                } else if is_in(&RELIGIONS, word) || is_in(&PEOPLES, word) {
                    // "Muslim Uighurs", "Catholic bishops", "Tamil rebels": an adjective of
                    // faith or of a people without a state of its own is read as a demonym
                    // is, not as a name.
                    Seg::Demonym
                } else if self.initial_before_name(i) {
                    // "A. Brown", "I. Salisbury": a capital letter and its full stop before
                    // a name is an initial, not the article or the pronoun.
                    Seg::Word
                } else if (self.gaz.is_nonname(word)
                    && !(self.gaz.may_be_surname(word) && self.follows_given_name(&segs, i)))
                    || is_party_tag(word)
                    // "D-N.Y.": the tag's state abbreviation goes on after a full stop.
                    || (matches!(word.as_bytes(), [b'r' | b'd' | b'i', b'-', c] if c.is_ascii_alphabetic())
                        && self
                            .text
                            .get(tok.range().end..)
                            .is_some_and(|r| r.starts_with('.')))
                    || (is_in(&STATE_ABBREVIATIONS, word)
                        && (self.buf.ends_with('.')
                            || self
                                .text
                                .get(tok.range().end..)
                                .is_some_and(|r| r.starts_with('.'))))
                    // "Finally," opening a sentence is an adverb; "Schlafly also noted"
                    // is a name: only a word the dictionary knows.
                    || (tok.has(SENTENCE_START)
                        && looks_like_common_word(word)
                        && name_words().is_common(word))
                    || self.is_compound_of_known(word)
                {
                    Seg::Nonname
                } else {
                    Seg::Word
                };
                (seg, 1)
            });
            segs.push((seg, i, i + k));
            i += k;
        }
        // "Sultan al-Jaber": Sultan is a common Gulf given name far more often than a
        // ruler's title in news text.
        for idx in 0..segs.len().saturating_sub(1) {
            let (seg, s, e) = segs[idx];
            if seg == Seg::Title
                && e == s + 1
                && segs[idx + 1].0 == Seg::Word
                && self.tokens[s].text(self.text) == "Sultan"
            {
                segs[idx].0 = Seg::Word;
            }
        }
        // "Theresa May", "Brian May": a month after a given name is a surname.
        for idx in 1..segs.len() {
            let (seg, s, e) = segs[idx];
            let (prev, ps, pe) = segs[idx - 1];
            if seg == Seg::Nonname
                && e == s + 1
                && prev == Seg::Word
                && pe == ps + 1
                && matches!(
                    self.tokens[s].text(self.text),
                    "May" | "June" | "April" | "August"
                )
            {
                fold_into(self.tokens[ps].text(self.text), &mut self.buf);
                if name_words().is_given(&self.buf) {
                    segs[idx].0 = Seg::Word;
                }
            }
        }
        // "John Major", "Billie Jean King", "Erik Prince": a one-word title ending the part
        // right after a given name is the surname; a title comes before a name, not after.
        if let [.., (Seg::Word, gs, ge), (last @ Seg::Title, s, e)] = segs.as_mut_slice() {
            if *e == end && *e == *s + 1 && *ge == *gs + 1 && !self.tokens[*s].has(ALL_CAPS) {
                fold_into(self.tokens[*gs].text(self.text), &mut self.buf);
                if name_words().is_given(&self.buf) {
                    *last = Seg::Word;
                }
            }
        }
        // "Volker Turk", "Gautam Adani": a demonym or a one-word organization right after a
        // given name, ending the part, is a surname.
        // So is a one-word place after a known given name ("Paul Johnson", "MaliVai
        // Washington", "Bill Jordan") or an initial ("D. Cork"; not a compass point's, as
        // in "S. Korea").
        let after_given = match segs.as_slice() {
            [.., (Seg::Word, gs, ge), _] if *ge == *gs + 1 => {
                fold_into(self.tokens[*gs].text(self.text), &mut self.buf);
                name_words().is_given(&self.buf)
                    || (self.initial_before_name(*gs)
                        && !matches!(self.tokens[*gs].text(self.text), "N" | "S" | "E" | "W"))
            }
            _ => false,
        };
        if let [.., (Seg::Word, _, _), (last, s, e)] = segs.as_mut_slice() {
            let surname_like = match last {
                Seg::Demonym
                | Seg::Named {
                    kind: ActorKind::Organization,
                    ..
                } => true,
                Seg::Named {
                    kind: ActorKind::Place,
                    ..
                } => after_given,
                _ => false,
            };
            if surname_like && *e == *s + 1 && *e == end && !self.tokens[*s].has(ALL_CAPS) {
                *last = Seg::Word;
            }
        }
        // "Foreign Minister Dick Spring", "left fielder Barry Bonds": after a role, a word
        // that is no name alone, ending the part right after a given name, is the surname;
        // so it is in a list of people ("Steve Waugh, Stuart Law, Glenn McGrath", "Nasser
        // Hussain and Peter Such"). Without either it stays a word ("Marshall Plan").
        if let [.., (Seg::Word, gs, ge), (Seg::Nonname, s, e)] = *segs.as_slice() {
            if e == end
                && e == s + 1
                && ge == gs + 1
                && ge == s
                && self.tokens[s].has(JOINED)
                && !self.tokens[s].has(ALL_CAPS)
                && !self.tokens[gs].has(ALL_CAPS)
            {
                fold_into(self.tokens[gs].text(self.text), &mut self.buf);
                let given = name_words().is_given(&self.buf);
                fold_into(self.tokens[s].text(self.text), &mut self.buf);
                let n_segs = segs.len();
                if given
                    && self.gaz.is_nonname(&self.buf)
                    && (self.after_listed_name(gs)
                        || self.role_before(&segs[..n_segs - 2], start).0.is_some())
                {
                    segs[n_segs - 1].0 = Seg::Word;
                }
            }
        }
        // "Chad Curtis", "Milan Kucan": a one-word place that is also a given name, before
        // one word that no list knows ending the part, is the given name ("Orlando Magic",
        // a dictionary word after it, is not).
        if let [.., (
            Seg::Named {
                kind: ActorKind::Place,
                ..
            },
            ps,
            pe,
        ), (Seg::Word, s, e)] = *segs.as_slice()
        {
            if pe == ps + 1
                && s == pe
                && e == s + 1
                && e == end
                && self.tokens[s].has(JOINED)
                && !self.tokens[ps].has(ALL_CAPS)
                && !self.tokens[s].has(ALL_CAPS)
            {
                fold_into(self.tokens[ps].text(self.text), &mut self.buf);
                let given = name_words().is_given(&self.buf);
                let word = self.tokens[s].text(self.text);
                // A plural after it is a team's name ("Houston Astros"), a number a desk's
                // telephone ("Sydney Newsroom 61-2 ...").
                let before_number = self.tokens.get(e).is_some_and(|next| {
                    next.has(JOINED)
                        && next
                            .text(self.text)
                            .starts_with(|c: char| c.is_ascii_digit())
                });
                let plural = word.ends_with('s')
                    && !["ss", "us", "is"].iter().any(|end| word.ends_with(end))
                    && !patronymic_surname(word);
                fold_into(word, &mut self.buf);
                if given
                    && !plural
                    && !before_number
                    && !name_words().is_common(self.buf.trim_end_matches('.'))
                {
                    let n_segs = segs.len();
                    segs[n_segs - 2].0 = Seg::Word;
                }
            }
        }
        // Modifiers belong to a title that follows ("National Security Advisor"); alone
        // they are ordinary words.
        for idx in (0..segs.len()).rev() {
            if segs[idx].0 == Seg::Modifier {
                let next_is_title = segs.get(idx + 1).is_some_and(|s| s.0 == Seg::Title);
                segs[idx].0 = if next_is_title {
                    Seg::Title
                } else {
                    let (s, _) = (segs[idx].1, segs[idx].2);
                    fold_into(self.tokens[s].text(self.text), &mut self.buf);
                    if self.gaz.is_nonname(&self.buf) {
                        Seg::Nonname
                    } else {
                        Seg::Word
                    }
                };
            }
        }
        segs
    }

    /// Whether the word at `i` comes right after a given name that `segs` holds as a word
    /// of its own ("Chris Low", "Kristen Day"): then a word that is no name alone is the
    /// surname. Not in capitals, where a headline may set any word after a name.
    fn follows_given_name(&self, segs: &[(Seg, usize, usize)], i: usize) -> bool {
        let tok = self.tokens[i];
        if !tok.has(JOINED) || tok.has(ALL_CAPS) {
            return false;
        }
        let Some(&(Seg::Word, s, e)) = segs.last() else {
            return false;
        };
        let mut given = String::new();
        fold_into(self.tokens[s].text(self.text), &mut given);
        e == i && s + 1 == i && name_words().is_given(&given)
    }

    /// Whether token `i` opens an item of a list right after a name of two capitalised
    /// words ("Steve Waugh, Stuart ...", "Nasser Hussain and Peter ...").
    fn after_listed_name(&self, i: usize) -> bool {
        let tok = self.tokens[i];
        let last = if tok.has(AFTER_COMMA) {
            i.checked_sub(1)
        } else if tok.has(JOINED) && i >= 2 && self.tokens[i - 1].text(self.text) == "and" {
            Some(i - 2)
        } else {
            None
        };
        last.is_some_and(|last| {
            let name_word = |t: &Token| t.has(CAP) && t.has(ALPHA) && !t.has(ALL_CAPS);
            last >= 1
                && name_word(&self.tokens[last])
                && name_word(&self.tokens[last - 1])
                && self.tokens[last].has(JOINED)
                && !self.tokens[last].has(POSSESSIVE)
        })
    }

    /// "Syrian-Israeli", "US-Russian": a hyphenated pair of gazetteer words is an adjective.
    fn is_compound_of_known(&self, folded: &str) -> bool {
        folded.contains('-')
            && folded
                .split('-')
                .all(|part| self.gaz.lookup(part).is_some())
    }

    /// How many of the tokens `start..start + max_k` (from the first) begin some
    /// gazetteer form or title once folded.
    fn form_prefix_len(&mut self, start: usize, max_k: usize) -> usize {
        let from = self.tokens[start].start as usize;
        let mut k = 0;
        while k < max_k {
            let to = self.tokens[start + k].end as usize;
            fold_into(self.text.get(from..to).unwrap_or(""), &mut self.buf);
            if !self.gaz.begins_a_form(&self.buf) {
                break;
            }
            k += 1;
        }
        k
    }

    /// Folds tokens `start..end` into the buffer and looks them up.
    pub(super) fn lookup(&mut self, start: usize, end: usize) -> Option<Entry> {
        let from = self.tokens[start].start as usize;
        let to = self.tokens[end - 1].end as usize;
        let original = self.text.get(from..to).unwrap_or("");
        fold_into(original, &mut self.buf);
        self.gaz.lookup_as_written(&self.buf, original)
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

    /// Whether the token at `i` is one capital letter with its full stop, with a
    /// capitalised word right after it on the line.
    fn initial_before_name(&self, i: usize) -> bool {
        let tok = self.tokens[i];
        tok.end - tok.start == 1
            && self.text.as_bytes()[tok.start as usize].is_ascii_uppercase()
            && self.text[tok.end as usize..].starts_with('.')
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|next| next.has(CAP) && next.has(JOINED) && !next.has(ALL_CAPS))
    }

    /// Whether the word at `last` ends its noun phrase: a possessive, punctuation or a
    /// function word comes next, not a noun it would qualify.
    pub(super) fn heads_phrase(&self, last: usize) -> bool {
        const FUNCTION_WORDS: [&str; 22] = [
            "in", "on", "at", "of", "to", "for", "with", "by", "from", "and", "or", "but", "have",
            "has", "had", "is", "are", "was", "were", "will", "would", "who",
        ];
        self.tokens[last].has(POSSESSIVE)
            || self
                .tokens
                .get(last + 1)
                .is_none_or(|t| !t.has(JOINED) || is_in(&FUNCTION_WORDS, t.text(self.text)))
    }

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
        let raw = self.text.get(span).unwrap_or("");
        let mut out = String::with_capacity(raw.len());
        for word in raw.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        out
    }

    fn finish(mut self) -> DocActors {
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

fn entry_seg(entry: Entry) -> Seg {
    match entry {
        Entry::Named { name, kind } => Seg::Named { name, kind },
        Entry::Demonym { .. } => Seg::Demonym,
        Entry::People { country } => Seg::People { country },
    }
}

/// a given name).
const RELIGIONS: [&str; 21] = [
    "muslim",
    "catholic",
    "jewish",
    "hindu",
    "buddhist",
    "sikh",
    "protestant",
    "orthodox",
    "sunni",
    "shia",
    "shiite",
    "shi'ite",
    "evangelical",
    "mormon",
    "anglican",
    "methodist",
    "lutheran",
    "coptic",
    "islamic",
    "islamist",
    "jihadist",
];

/// Peoples that no country of the gazetteer names ("Kurdish", "Tamils", "Hutu"), singular
/// and plural. Not those that are also given names or places ("Karen", "Roma").
const PEOPLES: [&str; 44] = [
    "arab",
    "arabs",
    "kurd",
    "kurds",
    "kurdish",
    "tamil",
    "tamils",
    "bedouin",
    "bedouins",
    "hutu",
    "hutus",
    "tutsi",
    "tutsis",
    "uighur",
    "uighurs",
    "uyghur",
    "uyghurs",
    "pashtun",
    "pashtuns",
    "baloch",
    "rohingya",
    "berber",
    "berbers",
    "maori",
    "druze",
    "alawite",
    "alawites",
    "yazidi",
    "yazidis",
    "basque",
    "basques",
    "catalan",
    "catalans",
    "flemish",
    "walloon",
    "zulu",
    "zulus",
    "hispanic",
    "latino",
    "latinos",
    "aboriginal",
    "inuit",
    "hazara",
    "hmong",
];

/// `R-Texas`, `d-calif`, `I-Vt`: a US party and state tag after a legislator's name.
fn is_party_tag(folded: &str) -> bool {
    let mut parts = folded.splitn(2, '-');
    matches!(
        (parts.next(), parts.next()),
        (Some("r" | "d" | "i"), Some(state)) if state.len() >= 2 && state.chars().all(|c| c.is_alphabetic() || c == '.')
    )
}

/// The Associated Press's abbreviations of US states (`Jefferson City, Mo.`), folded and
/// without their full stop: with the stop after them they name a state, not a person.
const STATE_ABBREVIATIONS: [&str; 36] = [
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "vt", "va", "wash", "wis", "wyo", "n.y", "n.c", "n.j", "s.c",
];

/// Sentence-initial words shaped like adverbs and gerunds ("Theoretically", "Spearheading").
pub(super) fn looks_like_common_word(folded: &str) -> bool {
    folded.len() > 5 && (folded.ends_with("ly") || folded.ends_with("ing"))
}

/// "Yankees", "Angels", "Giants": a name in the plural, as teams and families take ("Ross",
/// "Davis", "Marcus" end in -s without being plurals).
/// "Matthews", "Williams", "Edwards": a given name and an "s" is an English surname (the
/// son of Matthew), not a plural ("Jordan Matthews" is a person, "Houston Astros" a team).
fn patronymic_surname(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('s') else {
        return false;
    };
    let mut buf = String::new();
    fold_into(stem, &mut buf);
    stem.len() >= 3 && name_words().is_given(&buf)
}

pub(super) fn plural_name(word: &str) -> bool {
    word.len() >= 5
        && word.ends_with('s')
        && !["ss", "us", "is", "os"]
            .iter()
            .any(|end| word.ends_with(end))
}
