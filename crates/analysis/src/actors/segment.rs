//! A part of a capitalised run cut into segments: the longest gazetteer entries and titles,
//! then single words classified (honorific, demonym, initial, a word that is no name), and
//! the rules that give a would-be title, month, demonym or place after a given name back
//! to the name as its surname. With the word lists and word shapes the cuts read.

use super::extractor::{Extractor, Seg};
use super::gazetteer::{fold_into, name_words, Entry};
use super::lexicon::*;
use super::scan::{Token, AFTER_COMMA, ALL_CAPS, ALPHA, CAP, JOINED, POSSESSIVE, SENTENCE_START};
use super::ActorKind;

impl Extractor<'_> {
    /// Longest-match segmentation of a run part into gazetteer entries, titles and words,
    /// then the rules that read a segment again by its neighbours, in this order.
    pub(super) fn segment(&mut self, start: usize, end: usize) -> Vec<(Seg, usize, usize)> {
        let mut segs = self.cut(start, end);
        self.sultan_as_given_name(&mut segs);
        self.month_as_surname(&mut segs);
        self.title_as_surname(&mut segs, end);
        self.demonym_or_place_as_surname(&mut segs, end);
        self.nonname_as_surname(&mut segs, start, end);
        self.place_as_given_name(&mut segs, end);
        self.modifiers_placed(&mut segs);
        segs
    }

    /// Tokens `start..end` cut left to right: at each capitalised word the longest
    /// gazetteer entry or title, else one word classified alone.
    fn cut(&mut self, start: usize, end: usize) -> Vec<(Seg, usize, usize)> {
        let mut segs: Vec<(Seg, usize, usize)> = Vec::new();
        let mut i = start;
        while i < end {
            let (seg, k) = match self.longest_entry_or_title(i, end) {
                Some(found) => found,
                None => (self.word_seg(&segs, i), 1),
            };
            segs.push((seg, i, i + k));
            i += k;
        }
        segs
    }

    /// The longest gazetteer entry or title that starts at token `i` (a capitalised word)
    /// and ends by `end`, with its length in tokens.
    fn longest_entry_or_title(&mut self, i: usize, end: usize) -> Option<(Seg, usize)> {
        if !self.tokens[i].has(CAP) {
            return None;
        }
        let mut max_k = self.gaz.max_words.max(1).min(end - i);
        // Only as many words as begin some entry or title can be one: the rest of
        // the longest-first loop would look up forms that do not exist.
        if max_k > 1 {
            max_k = self.form_prefix_len(i, max_k);
        }
        for k in (1..=max_k).rev() {
            if let Some(entry) = self.lookup(i, i + k) {
                return Some((entry_seg(entry), k));
            }
            if !self.tokens[i + k - 1].has(ALL_CAPS)
                && (self.gaz.is_title(&self.buf) || (k == 1 && is_in(&CORE_TITLES, &self.buf)))
            {
                return Some((Seg::Title, k));
            }
        }
        None
    }

    /// The word at token `i`, which no entry or title starts at, classified alone; `segs`
    /// are the segments before it.
    fn word_seg(&mut self, segs: &[(Seg, usize, usize)], i: usize) -> Seg {
        let tok = self.tokens[i];
        fold_into(tok.text(self.text), &mut self.buf);
        let word = self.buf.trim_end_matches('.');
        if !tok.has(CAP) {
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
            && !(self.gaz.may_be_surname(word) && self.follows_given_name(segs, i)))
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
        }
    }

    /// "Sultan al-Jaber": Sultan is a common Gulf given name far more often than a ruler's
    /// title in news text.
    fn sultan_as_given_name(&self, segs: &mut [(Seg, usize, usize)]) {
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
    }

    /// "Theresa May", "Brian May": a month after a given name is a surname.
    fn month_as_surname(&mut self, segs: &mut [(Seg, usize, usize)]) {
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
                && self.is_given_name(ps)
            {
                segs[idx].0 = Seg::Word;
            }
        }
    }

    /// "John Major", "Billie Jean King", "Erik Prince": a one-word title ending the part
    /// right after a given name is the surname; a title comes before a name, not after.
    fn title_as_surname(&mut self, segs: &mut [(Seg, usize, usize)], end: usize) {
        if let [.., (Seg::Word, gs, ge), (Seg::Title, s, e)] = *segs {
            if e == end
                && e == s + 1
                && ge == gs + 1
                && !self.tokens[s].has(ALL_CAPS)
                && self.is_given_name(gs)
            {
                segs[segs.len() - 1].0 = Seg::Word;
            }
        }
    }

    /// "Volker Turk", "Gautam Adani": a demonym or a one-word organization right after a
    /// given name, ending the part, is a surname. So is a one-word place after a known
    /// given name ("Paul Johnson", "MaliVai Washington", "Bill Jordan") or an initial
    /// ("D. Cork"; not a compass point's, as in "S. Korea").
    fn demonym_or_place_as_surname(&mut self, segs: &mut [(Seg, usize, usize)], end: usize) {
        let after_given = match *segs {
            [.., (Seg::Word, gs, ge), _] if ge == gs + 1 => {
                self.is_given_name(gs)
                    || (self.initial_before_name(gs)
                        && !matches!(self.tokens[gs].text(self.text), "N" | "S" | "E" | "W"))
            }
            _ => false,
        };
        if let [.., (Seg::Word, _, _), (last, s, e)] = segs {
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
    }

    /// "Foreign Minister Dick Spring", "left fielder Barry Bonds": after a role, a word
    /// that is no name alone, ending the part right after a given name, is the surname;
    /// so it is in a list of people ("Steve Waugh, Stuart Law, Glenn McGrath", "Nasser
    /// Hussain and Peter Such"). Without either it stays a word ("Marshall Plan").
    fn nonname_as_surname(&mut self, segs: &mut [(Seg, usize, usize)], start: usize, end: usize) {
        if let [.., (Seg::Word, gs, ge), (Seg::Nonname, s, e)] = *segs {
            if self.two_words_ending_part((gs, ge), (s, e), end) {
                let given = self.is_given_name(gs);
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
    }

    /// "Chad Curtis", "Milan Kucan": a one-word place that is also a given name, before
    /// one word that no list knows ending the part, is the given name ("Orlando Magic",
    /// a dictionary word after it, is not).
    fn place_as_given_name(&mut self, segs: &mut [(Seg, usize, usize)], end: usize) {
        if let [.., (
            Seg::Named {
                kind: ActorKind::Place,
                ..
            },
            ps,
            pe,
        ), (Seg::Word, s, e)] = *segs
        {
            if self.two_words_ending_part((ps, pe), (s, e), end) {
                let given = self.is_given_name(ps);
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
    }

    /// "National Security Advisor": a modifier belongs to a title that follows; alone it
    /// is an ordinary word, or one that is no name.
    fn modifiers_placed(&mut self, segs: &mut [(Seg, usize, usize)]) {
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
    }

    /// Whether segments `first` and `second`, one token each, stand side by side on one
    /// line and end the part, neither in capitals: the shape of a two-word name whose
    /// first or second word a list misreads.
    fn two_words_ending_part(
        &self,
        (fs, fe): (usize, usize),
        (s, e): (usize, usize),
        end: usize,
    ) -> bool {
        fe == fs + 1
            && s == fe
            && e == s + 1
            && e == end
            && self.tokens[s].has(JOINED)
            && !self.tokens[fs].has(ALL_CAPS)
            && !self.tokens[s].has(ALL_CAPS)
    }

    /// Whether the word at token `i` is a given name (folded into the buffer).
    fn is_given_name(&mut self, i: usize) -> bool {
        fold_into(self.tokens[i].text(self.text), &mut self.buf);
        name_words().is_given(&self.buf)
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
}

pub(super) fn entry_seg(entry: Entry) -> Seg {
    match entry {
        Entry::Named { name, kind } => Seg::Named { name, kind },
        Entry::Demonym { .. } => Seg::Demonym,
        Entry::People { country } => Seg::People { country },
    }
}

/// Adjectives of faith and denomination, folded ("Christian" is left out: it is as often
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

/// "Yankees", "Angels", "Giants": a name in the plural, as teams and families take ("Ross",
/// "Davis", "Marcus" end in -s without being plurals).
pub(super) fn plural_name(word: &str) -> bool {
    word.len() >= 5
        && word.ends_with('s')
        && !["ss", "us", "is", "os"]
            .iter()
            .any(|end| word.ends_with(end))
}
