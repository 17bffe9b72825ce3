//! Who a pronoun or a description that cues a quote stands for (`he said`, `the Kremlin
//! spokesman said`): a person named before it whose sex, role or place as the subject of
//! a sentence fits, or the last speaker; only what comes before the quote is read.

use std::collections::HashMap;
use std::ops::Range;

use super::lexicon::opens_fronted_clause;
use super::lexicon::{BODY_HEADS, BUSINESS_HEADS, EPITHET_HEADS, OFFICE_HEADS};
use super::speaker::Speaker;
use super::{attribution, gender};
use crate::actors::{ActorKind, DocActors};
use crate::lower::str_in;

/// What a document tells about the persons its pronouns can stand for.
pub(super) struct Anaphora<'a> {
    paragraphs: &'a [Range<usize>],
    actors: &'a DocActors,
    /// Per local actor: the sex its given name or an honorific before one of its
    /// mentions tells (`Mr. Romney`), if any.
    sexes: Vec<Option<gender::Sex>>,
}

impl<'a> Anaphora<'a> {
    pub(super) fn new(text: &str, paragraphs: &'a [Range<usize>], actors: &'a DocActors) -> Self {
        let mut sexes: Vec<Option<gender::Sex>> = actors
            .actors
            .iter()
            .map(|a| gender::of_name(&a.name))
            .collect();
        for m in &actors.mentions {
            let Some(slot) = sexes.get_mut(m.actor as usize) else {
                continue;
            };
            if slot.is_none() {
                *slot = text
                    .get(..m.span.start)
                    .and_then(|before| before.split_whitespace().next_back())
                    .and_then(gender::of_honorific)
                    .or_else(|| {
                        text.get(m.span.clone())
                            .and_then(|name| name.split_whitespace().next())
                            .and_then(gender::of_honorific)
                    });
            }
        }
        Anaphora {
            paragraphs,
            actors,
            sexes,
        }
    }

    /// The speaker a pronoun or a description at `span` stands for: a description whose
    /// role a person named before holds, else read like a pronoun. Only what comes
    /// before the pronoun is read (`She says Trump's tweets accusing Alicia Machado are
    /// "lies"`: not Machado).
    pub(super) fn resolve_cue(
        &self,
        words: &mut attribution::PrefixTokens<'_>,
        para_idx: usize,
        quote_start: usize,
        span: Range<usize>,
        recent: Option<&(usize, Speaker)>,
    ) -> Speaker {
        let written = words.text().get(span.clone()).unwrap_or("");
        let before = quote_start.min(span.start);
        let unnamed = Speaker {
            unnamed: true,
            ..Speaker::default()
        };
        let description = description_head(written);
        let office = match description.map(|d| resolve_description(self.actors, before, d)) {
            Some(Described::Titled(speaker)) => return speaker,
            Some(Described::Unnamed) => return unnamed,
            Some(Described::Office) => description,
            Some(Described::Body) => {
                let head = description.and_then(|d| d.split_whitespace().next_back());
                return self.resolve_body(words.text(), para_idx, before, head.unwrap_or(""));
            }
            Some(Described::Pronoun) | None => None,
        };
        let speaker = if is_plural(written) {
            self.resolve_plural(words, para_idx, before, recent)
        } else {
            let sex = gender::of_pronoun(written);
            self.resolve_person(words, para_idx, before, sex, recent)
        };
        match office {
            Some(d) if !fits_office(self.actors, &speaker, d) => unnamed,
            _ => speaker,
        }
    }

    /// The person or organization the document explains that was the last subject of
    /// a sentence in `range`.
    pub(super) fn subject_in(&self, text: &str, range: Range<usize>) -> Option<Speaker> {
        let known = |actor: u32| {
            self.is_explained(actor, |kind| {
                matches!(kind, ActorKind::Person | ActorKind::Organization)
            })
        };
        last_subject_person(text, self.actors, range.start, range.end, &known)
            .and_then(|i| Speaker::from_actor(self.actors, i))
    }

    /// Whether local actor `actor` is of a kind `wanted` takes and the document explains
    /// it (not a tentative capitalised word).
    fn is_explained(&self, actor: u32, wanted: impl Fn(ActorKind) -> bool) -> bool {
        self.actors.tentative.binary_search(&actor).is_err()
            && self
                .actors
                .actors
                .get(actor as usize)
                .is_some_and(|a| wanted(a.kind))
    }

    /// Whether local actor `actor` is a person `sex` can stand for, whom the document
    /// explains (not a tentative capitalised word).
    fn person_fits(&self, actor: u32, sex: Option<gender::Sex>) -> bool {
        self.is_explained(actor, |kind| kind == ActorKind::Person)
            && match (sex, self.sexes.get(actor as usize).copied().flatten()) {
                (Some(p), Some(n)) => p == n,
                _ => true,
            }
    }

    /// The previous paragraph and this one up to `before`, bounded like the words before
    /// any quote.
    fn window(&self, text: &str, para_idx: usize, before: usize) -> Range<usize> {
        let start = self.paragraphs[para_idx.saturating_sub(1)].start;
        attribution::context_start(text, start.min(before), before)..before
    }

    /// `he said`, `the Russian leader insisted`: a person who became a subject since the
    /// last speaker was heard, else that speaker, else the nearest person named before;
    /// each time only a person the pronoun can stand for (`sex`), and never a capitalised
    /// word the document does not explain (a tentative actor).
    fn resolve_person(
        &self,
        words: &mut attribution::PrefixTokens<'_>,
        para_idx: usize,
        before: usize,
        sex: Option<gender::Sex>,
        recent: Option<&(usize, Speaker)>,
    ) -> Speaker {
        let text = words.text();
        let actors = self.actors;
        let fits = |actor: u32| self.person_fits(actor, sex);
        let window = self.window(text, para_idx, before);
        let clause = attribution::last_speaker_clause_with(words, window.clone());
        // The speaker heard last in the window: a named clause ("Warren said") or the
        // speaker of the last attributed quote (`She said, "...". She tweeted: "..."`).
        let recent = heard_in(recent, &window, &fits);
        let clause_end = clause.as_ref().map_or(window.start, |c| c.end);
        let recent_end = recent.map_or(window.start, |(end, _)| *end);
        // "Karol Nawrocki ... hit back. "My opponent...," he said": a person who became
        // the subject of a sentence after the last speaker was heard is who "he" now is.
        let subject_from = clause_end.max(recent_end);
        if let Some(i) = last_subject_person(text, actors, subject_from, before, &fits) {
            if let Some(speaker) = Speaker::from_actor(actors, i) {
                return speaker;
            }
        }
        if let Some((_, speaker)) = recent.filter(|(end, _)| *end >= clause_end) {
            return speaker.clone();
        }
        if let Some(span) = clause {
            let speaker = Speaker::from_span(text, span, actors);
            let compatible = match speaker.actor {
                Some(actor) => fits(actor),
                None => speaker
                    .name
                    .as_deref()
                    .is_some_and(|name| gender::compatible(sex, name)),
            };
            if compatible {
                return speaker;
            }
        }
        let (first, last) = mentions_before(actors, before);
        (first..last)
            .rev()
            .find(|&i| fits(actors.mentions[i].actor))
            .and_then(|i| Speaker::from_actor(actors, i))
            .unwrap_or_default()
    }

    /// `the company said`, `the ministry said`: the organization that became a subject
    /// since the previous paragraph, if the description can be its ([`fits_body`]); else
    /// the last organization named before whose name holds the description's noun
    /// (`the Defence Ministry`); else the one it can be that was named most often before;
    /// else nobody.
    fn resolve_body(&self, text: &str, para_idx: usize, before: usize, head: &str) -> Speaker {
        let actors = self.actors;
        let named = |actor: u32| {
            self.is_explained(actor, |kind| kind == ActorKind::Organization)
                .then(|| actors.actors.get(actor as usize))
                .flatten()
                .map(|a| a.name.as_str())
        };
        let fits = |actor: u32| named(actor).is_some_and(|name| fits_body(head, name));
        let holds = |actor: u32| named(actor).is_some_and(|name| holds_word(name, head));
        let window = self.window(text, para_idx, before);
        let (first, last) = mentions_before(actors, before);
        // The organization the story is about: named most often so far.
        let most_named = || {
            let mut counts: HashMap<u32, (usize, usize)> = HashMap::new();
            for i in (first..last).filter(|&i| fits(actors.mentions[i].actor)) {
                let entry = counts.entry(actors.mentions[i].actor).or_default();
                *entry = (entry.0 + 1, i);
            }
            counts.into_values().max().map(|(_, i)| i)
        };
        last_subject_person(text, actors, window.start, before, &fits)
            .or_else(|| {
                (first..last)
                    .rev()
                    .find(|&i| holds(actors.mentions[i].actor))
            })
            .or_else(most_named)
            .and_then(|i| Speaker::from_actor(actors, i))
            .unwrap_or(Speaker {
                unnamed: true,
                ..Speaker::default()
            })
    }

    /// `they said`: never one person. An organization that became a subject since the
    /// last speaker was heard, else the last speaker when an organization; else nobody
    /// ("they" are most often a group the document names only by a noun).
    fn resolve_plural(
        &self,
        words: &mut attribution::PrefixTokens<'_>,
        para_idx: usize,
        before: usize,
        recent: Option<&(usize, Speaker)>,
    ) -> Speaker {
        let text = words.text();
        let actors = self.actors;
        let fits = |actor: u32| self.is_explained(actor, |kind| kind == ActorKind::Organization);
        let window = self.window(text, para_idx, before);
        let recent = heard_in(recent, &window, &fits);
        let from = recent.map_or(window.start, |(end, _)| *end);
        last_subject_person(text, actors, from, before, &fits)
            .and_then(|i| Speaker::from_actor(actors, i))
            .or_else(|| recent.map(|(_, s)| s.clone()))
            .unwrap_or(Speaker {
                unnamed: true,
                ..Speaker::default()
            })
    }
}

/// The last sentence of `range` (all of it when it is one sentence).
pub(super) fn last_sentence(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(words) = text.get(range.clone()) else {
        return range;
    };
    let body = words
        .trim_end()
        .trim_end_matches(['.', '!', '?', ':', '"', '”', '’']);
    let start = ['.', '!', '?']
        .iter()
        .filter_map(|stop| body.rfind(&format!("{stop} ")))
        .max()
        .map_or(0, |at| at + 2);
    range.start + start..range.end
}

/// The last attributed quote's speaker, when the quote ended inside `window` and its
/// speaker `fits`.
fn heard_in<'s>(
    recent: Option<&'s (usize, Speaker)>,
    window: &Range<usize>,
    fits: &dyn Fn(u32) -> bool,
) -> Option<&'s (usize, Speaker)> {
    recent.filter(|(end, s)| (window.start..=window.end).contains(end) && s.actor.is_some_and(fits))
}

/// Whether a pronoun speaks for many (`they`, `we`).
fn is_plural(pronoun: &str) -> bool {
    matches!(pronoun.to_ascii_lowercase().as_str(), "they" | "we")
}

/// How far back a pronoun or a description looks for the person it stands for. Twice
/// the longest article of PolNeAR (34 KB), so that no article's answer changes; without a
/// bound, each "the spokesman said" in a document of megabytes scanned every mention
/// before it.
const ANTECEDENT_BYTES: usize = 64 * 1024;

/// The mentions (indexes into `actors.mentions`) that end before `quote_start` and start
/// at most [`ANTECEDENT_BYTES`] before it.
fn mentions_before(actors: &DocActors, quote_start: usize) -> (usize, usize) {
    let from = quote_start.saturating_sub(ANTECEDENT_BYTES);
    let first = actors.mentions.partition_point(|m| m.span.start < from);
    let before = actors
        .mentions
        .partition_point(|m| m.span.end <= quote_start);
    (first.min(before), before)
}

/// The words of a description after its determiner (`the Kremlin spokesman` gives
/// `Kremlin spokesman`); `None` for a pronoun.
fn description_head(words: &str) -> Option<&str> {
    let (_, rest) = words.trim().split_once(char::is_whitespace)?;
    Some(rest.trim())
}

/// What a description that cues a quote says of its speaker.
enum Described {
    /// The person named before whose title holds every word of it.
    Titled(Speaker),
    /// Someone the document never named (`the spokesman` with no spokesman before, `the
    /// Democratic nominee` with no such title).
    Unnamed,
    /// An office with a place or a party (`the Florida senator`) that no title before
    /// holds whole: read like a pronoun, then kept only if that person's titles say
    /// nothing the description leaves out.
    Office,
    /// An organization named before (`the company`, `the agency`).
    Body,
    /// Read like a pronoun (`the Russian leader`: the last speaker).
    Pronoun,
}

/// `the spokesman said`: the nearest person before the quote whose role holds every word
/// of the description (`Kremlin spokesman Dmitry Peskov`; `the Russian leader` is not
/// the "supreme leader" of Iran); else, for a spokesman or an envoy the document never
/// named, nobody (not whoever was mentioned last); else the description is read like a
/// pronoun, checked against the titles for an office with a qualifier.
fn resolve_description(actors: &DocActors, quote_start: usize, description: &str) -> Described {
    const UNNAMED_HEADS: &[&str] = &["spokesman", "spokeswoman", "diplomat", "envoy"];
    let Some(head) = description.split_whitespace().next_back() else {
        return Described::Pronoun;
    };
    // "the senator" alone is read like a pronoun (whoever the story is about): any
    // senator named before may hold the title; "the New Jersey governor" is the one
    // whose title says so.
    let qualified = description.split_whitespace().count() >= 2;
    let (first, before) = mentions_before(actors, quote_start);
    let by_title = qualified || !str_in(OFFICE_HEADS, head);
    let with_role = (first..before).rev().filter(|_| by_title).find(|&i| {
        holds_role(actors, actors.mentions[i].actor, |role| {
            description
                .split_whitespace()
                .all(|d| role.split_whitespace().any(|w| same_role_word(w, d)))
        })
    });
    match with_role.and_then(|i| Speaker::from_actor(actors, i)) {
        Some(speaker) => Described::Titled(speaker),
        None if is_body_head(head) => Described::Body,
        None if UNNAMED_HEADS.iter().any(|h| h.eq_ignore_ascii_case(head)) => Described::Unnamed,
        None if qualified && str_in(OFFICE_HEADS, head) => Described::Office,
        None if str_in(EPITHET_HEADS, head)
            && description
                .split_whitespace()
                .any(|w| w.starts_with(char::is_uppercase)) =>
        {
            Described::Unnamed
        }
        None => Described::Pronoun,
    }
}

/// Whether an organization called `name` can be what `the <head>` refers back to: one
/// whose name holds the noun (`the ministry`, `the Defence Ministry`); for the nouns of
/// business (`the company`, `the group`), any but a public body's.
fn fits_body(head: &str, name: &str) -> bool {
    const PUBLIC: &[&str] = &[
        "senate",
        "house",
        "congress",
        "parliament",
        "government",
        "department",
        "ministry",
        "university",
        "college",
        "school",
        "committee",
        "court",
        "police",
        "council",
        "party",
        "army",
        "navy",
    ];
    holds_word(name, head)
        || (str_in(BUSINESS_HEADS, &head.to_lowercase())
            && !name
                .split_whitespace()
                .any(|w| str_in(PUBLIC, &w.to_lowercase())))
}

/// Whether `the <head>` refers back to an organization (`the company`, `the agency`).
fn is_body_head(head: &str) -> bool {
    let head = head.to_lowercase();
    str_in(BUSINESS_HEADS, &head) || str_in(BODY_HEADS, &head)
}

/// Whether `name` has `word` among its words, ignoring case.
fn holds_word(name: &str, word: &str) -> bool {
    name.split_whitespace()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether the person a qualified office description was read to (`the Florida senator`)
/// can hold it: a title before a name rarely carries the state or party a later
/// description adds ("Sen. Marco Rubio ... the Florida senator said"), but a title with
/// words the description leaves out is someone else's office ("New Jersey Gov." is not
/// "the former Florida governor", nor is "Sen."). A person with no office title fits.
fn fits_office(actors: &DocActors, speaker: &Speaker, description: &str) -> bool {
    let Some(id) = speaker.actor else {
        return false;
    };
    let in_description = |w: &str| description.split_whitespace().any(|d| same_role_word(w, d));
    let is_office = |w: &str| OFFICE_HEADS.iter().any(|o| same_role_word(w, o));
    actors.tentative.binary_search(&id).is_err()
        && actors.actors.get(id as usize).is_some_and(|a| {
            a.roles.iter().all(|role| {
                !role.split_whitespace().any(is_office)
                    || role.split_whitespace().all(in_description)
            })
        })
}

/// Whether local actor `actor` is a person the document explains (not a tentative
/// capitalised word) with a role that `fits`.
fn holds_role(actors: &DocActors, actor: u32, fits: impl Fn(&str) -> bool) -> bool {
    actors.tentative.binary_search(&actor).is_err()
        && actors
            .actors
            .get(actor as usize)
            .is_some_and(|a| a.kind == ActorKind::Person && a.roles.iter().any(|r| fits(r)))
}

/// Whether a word of a role as written (`Gov.`) is a word of a description (`governor`):
/// news writes titles before a name abbreviated and the same office spelled out.
fn same_role_word(role_word: &str, description_word: &str) -> bool {
    const ABBREVIATIONS: &[(&str, &str)] = &[
        ("gov", "governor"),
        ("sen", "senator"),
        ("rep", "representative"),
        ("gen", "general"),
        ("lt", "lieutenant"),
        ("col", "colonel"),
        ("sgt", "sergeant"),
        ("supt", "superintendent"),
        ("atty", "attorney"),
        ("sec", "secretary"),
        ("amb", "ambassador"),
    ];
    let role_word = role_word.trim_end_matches('.');
    role_word.eq_ignore_ascii_case(description_word)
        || ABBREVIATIONS.iter().any(|(short, long)| {
            role_word.eq_ignore_ascii_case(short) && description_word.eq_ignore_ascii_case(long)
        })
}

/// The index of the last mention in `from..to` of an actor that `fits` and is the subject
/// of its sentence:
/// the sentence opens with it, or with a short description set off by a comma ("The
/// government spokesman, Adam Szlapka, dismissed"), or with titles ("Interior Minister Ali
/// Yerlikaya said"). Names after a preposition or a verb ("campaigning for Trzaskowski",
/// "a Nawrocki victory") are not subjects.
fn last_subject_person(
    text: &str,
    actors: &DocActors,
    from: usize,
    to: usize,
    fits: &dyn Fn(u32) -> bool,
) -> Option<usize> {
    const NOT_IN_SUBJECT: &[&str] = &[
        "of", "for", "in", "on", "at", "with", "by", "to", "from", "about", "that", "said", "says",
        "told", "a", "an",
    ];
    let first = actors.mentions.partition_point(|m| m.span.start < from);
    let last = actors.mentions.partition_point(|m| m.span.end <= to);
    (first..last).rev().find(|&i| {
        let mention = &actors.mentions[i];
        if !fits(mention.actor) {
            return false;
        }
        let Some(before) = text.get(from..mention.span.start) else {
            return false;
        };
        // The sentence so far: after the last stop, line break or quotation mark.
        let sentence_start = before
            .char_indices()
            .rev()
            .find(|&(at, c)| {
                ".!?\n\"“”:".contains(c)
                    && !(c == '.' && crate::events::is_abbreviation(&before[..at]))
            })
            .map_or(0, |(at, c)| at + c.len_utf8());
        let prefix = before[sentence_start..].trim();
        let words: Vec<&str> = prefix.split_whitespace().collect();
        let plain = |w: &&str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        // "As for Trump, he said he's not worried": the topic a sentence announces is
        // whom its pronoun subject stands for.
        if let [first, second] = words.as_slice() {
            if plain(first) == "as" && matches!(plain(second).as_str(), "for" | "to") {
                return true;
            }
        }
        // "Noting that both Reagan and Trump battled the media, Schlafly put...": a
        // subject after a fronted clause, however long the clause.
        if prefix.ends_with(',')
            && words
                .first()
                .is_some_and(|w| opens_fronted_clause(&plain(w)))
        {
            return true;
        }
        // "On the eve of the meetings, Trump eased his tone", "In a statement, Senator
        // Rooke went further": a prepositional phrase fronted before the subject, closed
        // by a comma; the words after that comma are what stands before the name.
        let (prefix, words) = match prefix.rfind(',') {
            Some(comma)
                if words
                    .first()
                    .is_some_and(|w| attribution::opens_fronted_phrase(&plain(w))) =>
            {
                let rest = prefix[comma + 1..].trim();
                (rest, rest.split_whitespace().collect())
            }
            _ => (prefix, words),
        };
        if words.len() > 6 {
            return false;
        }
        if words
            .iter()
            .any(|w| NOT_IN_SUBJECT.contains(&plain(w).as_str()))
        {
            return false;
        }
        // "Obama consultant Cornell Belcher, ..., picked up": names and role nouns
        // before the name, no verb among them.
        let role_word = |w: &&str| {
            w.chars().next().is_some_and(char::is_uppercase)
                || (w.chars().all(char::is_lowercase)
                    && !w.ends_with("ed")
                    && !w.ends_with("ing")
                    && !matches!(*w, "is" | "was" | "has" | "had" | "and" | "but"))
        };
        // "Russian celebrity and recent oppositionist figure Ksenia Sobchak": `and`
        // joins two descriptions, not two names.
        let joins_roles = |(i, w): (usize, &&str)| {
            *w == "and"
                && words
                    .get(i + 1)
                    .is_some_and(|n| n.chars().all(char::is_lowercase))
        };
        prefix.is_empty()
            || prefix.ends_with(',')
            || words
                .iter()
                .enumerate()
                .all(|(i, w)| role_word(w) || joins_roles((i, w)))
    })
}
