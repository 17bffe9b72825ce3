//! Quotes: what the corpus quotes and who said it, and finding a brief's quote in the
//! corpus text even when it was slightly altered.
//!
//! Extraction runs per document: [`extract`] finds the quotation marks, [`attribution`]
//! reads the speaker's name (or pronoun) around them, and [`extract_document`] maps that
//! name to the document's actors. [`QuoteIndex::build`] gives the quotes global speaker ids
//! and builds the seed index over the *whole* text ([`index`]): an analyst may quote a
//! sentence no quotation mark surrounds. [`QuoteIndex::find`] votes for candidate regions
//! with the quote's seeds and aligns the quote's words there ([`align`]).

pub mod align;
mod anaphora;
pub mod attribution;
mod exact;
pub mod extract;
mod gender;
mod index;
mod lexicon;
pub mod normalize;
mod short;
mod stored;

use std::ops::Range;
use std::sync::Arc;

use super::actors::{ActorId, ActorIndex, ActorKind, DocActors};
use super::corpus::{DocId, Document};
use super::fxhash::FxHashMap;
pub use align::DiffOp;
use anaphora::{last_sentence, Anaphora};
use attribution::Cue;
use extract::Support;
pub use index::SHINGLE;
use normalize::QuoteToken;

/// A quotation in a corpus document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SourceQuote {
    pub doc: DocId,
    /// The quote including its marks.
    pub span: Range<usize>,
    /// The words between the marks.
    pub inner: Range<usize>,
    pub speaker: Option<ActorId>,
    /// The speaker's canonical name when an actor was found, else the name as written.
    pub speaker_name: Option<String>,
    /// False for titles and scare quotes ("denuclearize").
    pub is_speech: bool,
}

/// A quote as one document knows it (speaker as a local actor index).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LocalQuote {
    pub span: Range<usize>,
    pub inner: Range<usize>,
    pub speaker: Option<u32>,
    /// The speaker's name as the text writes it ("Kortunov"), titles stripped.
    pub speaker_name: Option<String>,
    /// Where that name stands in the document.
    pub speaker_span: Option<Range<usize>>,
    pub is_speech: bool,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocQuotes {
    pub quotes: Vec<LocalQuote>,
}

/// Who said a quote, as far as one document tells.
#[derive(Debug, Clone, Default, PartialEq)]
struct Speaker {
    actor: Option<u32>,
    name: Option<String>,
    span: Option<Range<usize>>,
    /// Someone the text describes without a name (`the source recalled`): quotes that
    /// go on from this one are theirs too, not the last named speaker's.
    unnamed: bool,
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
    fn from_span(text: &str, span: Range<usize>, actors: &DocActors) -> Speaker {
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
    fn from_known_span(text: &str, span: Range<usize>, actors: &DocActors) -> Option<Speaker> {
        let speaker = Speaker::from_span(text, span, actors);
        let actor = speaker.actor?;
        let known = actors.tentative.binary_search(&actor).is_err()
            && actors
                .actors
                .get(actor as usize)
                .is_some_and(|a| matches!(a.kind, ActorKind::Person | ActorKind::Organization));
        known.then_some(speaker)
    }

    fn from_actor(actors: &DocActors, mention: usize) -> Option<Speaker> {
        let m = actors.mentions.get(mention)?;
        let name = actors.actors.get(m.actor as usize).map(|a| a.name.clone());
        Some(Speaker {
            actor: Some(m.actor),
            name,
            span: Some(m.span.clone()),
            unnamed: false,
        })
    }

    fn is_known(&self) -> bool {
        self.actor.is_some() || self.name.is_some()
    }

    /// Whether a quote that goes on from this speaker's is theirs (named or not).
    fn continues(&self) -> bool {
        self.is_known() || self.unnamed
    }
}

fn clean_name(name: &str) -> String {
    let name = name.trim_end_matches("'s").trim_end_matches("’s");
    attribution_whitespace(name)
}

fn attribution_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
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

pub fn extract_document(doc: &Document, actors: &DocActors) -> DocQuotes {
    let text = doc.text();
    let paragraphs = extract::paragraphs(text, doc.body.clone());
    let mut quotes: Vec<LocalQuote> = Vec::new();
    // The last speaker heard in the previous paragraph, for a quote paragraph that goes on.
    let mut previous_paragraph_speaker: Option<Speaker> = None;
    // The words of the paragraph (and of the previous one and this) up to the current
    // quote, read on from quote to quote rather than from the paragraph start each time.
    let mut para_words = attribution::PrefixTokens::new(text);
    let mut window_words = attribution::PrefixTokens::new(text);
    let anaphora = Anaphora::new(text, &paragraphs, actors);
    // The last quote whose speaker is known: where it ends, and who. A pronoun with no
    // new subject since then goes on with this speaker.
    let mut recent: Option<(usize, Speaker)> = None;
    for (para_idx, para) in paragraphs.iter().enumerate() {
        // An anaphor's window opens at the previous paragraph, whose words are read.
        std::mem::swap(&mut para_words, &mut window_words);
        let mut last_in_paragraph: Option<Speaker> = None;
        // The paragraph's previous quote: where it ends, what told it was speech, whose.
        let mut previous: Option<(usize, Support, Speaker)> = None;
        // Where this paragraph's quotes start in `quotes`, and for each whether a cue
        // after its closing mark named its speaker (`Some(true)`) or no cue did (`None`).
        let first_of_paragraph = quotes.len();
        let mut cued: Vec<Option<bool>> = Vec::new();
        for quote in extract::find_quotes(text, para.clone(), para_idx) {
            // The paragraph as attribution reads it: at most a few sentences before the
            // quote (the whole of any ordinary paragraph).
            let context = attribution::context_start(text, para.start, quote.span.start)..para.end;
            let cue = attribution::explicit_cue_with(
                &mut para_words,
                context.clone(),
                quote.span.clone(),
            );
            let alone = text[para.start..quote.span.start].trim().is_empty()
                && !text[quote.span.end..para.end]
                    .chars()
                    .any(char::is_alphanumeric);
            let cue = match (cue, paragraphs.get(para_idx + 1)) {
                (None, Some(next)) if alone => {
                    attribution::epigraph_cue(text, quote.span.end..next.end).map(|c| (c, true))
                }
                (cue, _) => cue,
            };
            // `He told his audience, to rowdy applause:` and the quote as the next
            // paragraph, alone: a paragraph that ends with a colon introduces the one
            // after it, and its cue is read as if the quote stood right after the colon.
            let cue = match cue {
                None if alone => para_idx
                    .checked_sub(1)
                    .map(|p| &paragraphs[p])
                    .filter(|prev| text[(*prev).clone()].trim_end().ends_with(':'))
                    .and_then(|prev| {
                        let context =
                            attribution::context_start(text, prev.start, quote.span.start);
                        attribution::explicit_cue(text, context..para.end, quote.span.clone())
                    }),
                cue => cue,
            };
            // A known person or organization that reports the quote's words in its
            // sentence (`Trump called her a "nasty woman"`), when no cue after the quote
            // names someone else.
            let reported = match cue {
                None | Some((Cue::Name(_) | Cue::Subject(_) | Cue::Anaphor(_), false)) => {
                    attribution::reporting_subject_with(
                        &mut para_words,
                        context.clone(),
                        quote.span.clone(),
                    )
                    .and_then(|cue| match cue {
                        Cue::Anaphor(span) => Some(anaphora.resolve_cue(
                            &mut window_words,
                            para_idx,
                            quote.span.start,
                            span,
                            recent.as_ref(),
                        ))
                        .filter(|s| s.actor.is_some()),
                        Cue::Name(span) => Speaker::from_known_span(text, span, actors),
                        _ => None,
                    })
                }
                _ => None,
            };
            // `called him "weak," "a loser" and "a disaster"`: a list of quotes in one
            // sentence is one speaker's, and as much speech as its first.
            let listed = previous
                .as_ref()
                .filter(|(end, _, _)| continues_list(text, *end, quote.span.start));
            cued.push(match &cue {
                Some((_, after)) => Some(*after),
                None if reported.is_none() && listed.is_none() => None,
                None => Some(false),
            });
            // `a "change agent," Cole said`: a cue after the closing mark reports the
            // words however few.
            let cued_after = matches!(cue, Some((Cue::Name(_) | Cue::Anaphor(_), true)));
            let support = if reported.is_some() || cued_after {
                Support::Reported
            } else if match &cue {
                Some((Cue::Name(_) | Cue::Anaphor(_), _)) => true,
                // `Dixon targeted the airline, calling its managers "clowns"`.
                Some((Cue::Subject(span), _)) => {
                    Speaker::from_known_span(text, span.clone(), actors).is_some()
                }
                _ => false,
            } {
                Support::AdjacentName
            } else {
                Support::None
            };
            let support = support.max(listed.map_or(Support::None, |(_, s, _)| *s));
            // `"It's taxing," O'Donnell said. "Big time."`: a sentence in marks right after
            // a quote and its cue goes on with the same speaker's words, however short.
            let support = match &previous {
                Some((end, previous_support, _))
                    if cue.is_none() && follows_its_cue(text, *end, &quote) =>
                {
                    support.max(*previous_support)
                }
                _ => support,
            };
            let is_speech = extract::is_speech(text, &quote, support);
            let speaker = if !is_speech {
                Speaker::default()
            } else if let (None, Some((_, _, speaker))) = (&cue, listed) {
                speaker.clone()
            } else if let (None, Some(speaker)) = (&cue, &reported) {
                speaker.clone()
            } else {
                match cue {
                    Some((Cue::Name(span), _)) => Speaker::from_span(text, span, actors),
                    Some((Cue::Unnamed(_), _)) => Speaker {
                        unnamed: true,
                        ..Speaker::default()
                    },
                    Some((Cue::Subject(span), _)) => {
                        Speaker::from_known_span(text, span, actors).unwrap_or_default()
                    }
                    Some((Cue::Anaphor(span), _)) => anaphora.resolve_cue(
                        &mut window_words,
                        para_idx,
                        quote.span.start,
                        span,
                        recent.as_ref(),
                    ),
                    None => {
                        let starts_paragraph = text[para.start..quote.span.start].trim().is_empty();
                        attribution::enclosing_subject_with(
                            &mut para_words,
                            context.clone(),
                            quote.span.clone(),
                        )
                        .and_then(|span| Speaker::from_known_span(text, span, actors))
                        .or_else(|| {
                            // `But she wanted to know why ... "..."`: a pronoun subject
                            // is as much the sentence's speaker as a name.
                            let span = attribution::enclosing_pronoun_with(
                                &mut para_words,
                                context.clone(),
                                quote.span.clone(),
                            )?;
                            Some(anaphora.resolve_cue(
                                &mut window_words,
                                para_idx,
                                quote.span.start,
                                span,
                                recent.as_ref(),
                            ))
                            .filter(|s| s.actor.is_some())
                        })
                        .or_else(|| last_in_paragraph.clone().filter(Speaker::continues))
                        .or_else(|| {
                            attribution::last_speaker_clause_with(
                                &mut para_words,
                                context.start..quote.span.start,
                            )
                            .map(|span| Speaker::from_span(text, span, actors))
                        })
                        .or_else(|| {
                            previous_paragraph_speaker
                                .clone()
                                .filter(|_| starts_paragraph)
                        })
                        .or_else(|| {
                            // "Viguerie is upbeat about Cruz's chances." then a paragraph
                            // that is only a quote: the previous paragraph's subject.
                            if !alone {
                                return None;
                            }
                            let previous = paragraphs.get(para_idx.checked_sub(1)?)?;
                            anaphora.subject_in(text, last_sentence(text, previous.clone()))
                        })
                        .unwrap_or_default()
                    }
                }
            };
            if is_speech {
                if speaker.actor.is_some() {
                    recent = Some((quote.span.end, speaker.clone()));
                }
                last_in_paragraph = Some(speaker.clone());
                previous = Some((quote.span.end, support, speaker.clone()));
            } else {
                previous = None;
            }
            quotes.push(LocalQuote {
                span: quote.span,
                inner: quote.inner,
                speaker: speaker.actor,
                speaker_name: speaker.name,
                speaker_span: speaker.span,
                is_speech,
            });
        }
        share_cue_back(text, &mut quotes[first_of_paragraph..], &cued);
        // A paragraph without quotes ends the run of a speaker's quote paragraphs.
        previous_paragraph_speaker = last_in_paragraph.filter(Speaker::continues);
    }
    let headline_quotes = headline_quotes(doc, &quotes);
    if !headline_quotes.is_empty() {
        quotes.extend(headline_quotes);
        quotes.sort_by_key(|q| q.span.start);
    }
    DocQuotes { quotes }
}

/// `Rents are "out of control" and "hurting families," Walsh declared`: a cue after the
/// last quote of a list names the speaker of the quotes before it that no cue of their
/// own attributed, and makes them speech however short (`cued` as built in
/// [`extract_document`]: per quote, whether a cue after it named the speaker, or no cue).
fn share_cue_back(text: &str, quotes: &mut [LocalQuote], cued: &[Option<bool>]) {
    for j in (1..quotes.len()).rev() {
        let (before, after) = quotes.split_at_mut(j);
        let (earlier, later) = (&mut before[j - 1], &after[0]);
        let later_cued = cued[j] == Some(true) && later.is_speech;
        if later_cued
            && cued[j - 1].is_none()
            && continues_list(text, earlier.span.end, later.span.start)
        {
            earlier.speaker = later.speaker;
            earlier.speaker_name = later.speaker_name.clone();
            earlier.speaker_span = later.speaker_span.clone();
            earlier.is_speech = true;
        }
    }
}

/// Whether `quote` is a sentence of its own that follows, with only a short cue between
/// (`O'Donnell said.`), a quote ending at `end`.
fn follows_its_cue(text: &str, end: usize, quote: &extract::MarkedQuote) -> bool {
    const CUE_WORDS: usize = 8;
    let Some(between) = text.get(end..quote.span.start).map(str::trim) else {
        return false;
    };
    let inner = text.get(quote.inner.clone()).unwrap_or("").trim();
    between.ends_with('.')
        && !between.contains(['"', '“', '”'])
        && between.split_whitespace().count() <= CUE_WORDS
        && inner.starts_with(char::is_uppercase)
        && inner.ends_with(['.', '!', '?'])
}

/// Whether the quote at `next` goes on a list that a quote ending at `end` opened: only
/// commas, `and`, `or`, `as well as` between them.
fn continues_list(text: &str, end: usize, next: usize) -> bool {
    text.get(end..next).is_some_and(|between| {
        !between.trim().is_empty()
            && between
                .split(|c: char| c.is_whitespace() || c == ',')
                .all(|w| matches!(w, "" | "and" | "or" | "as" | "well"))
    })
}

/// The headline's single-quoted words (`Syria 'congress'`, `'Every minute counts': ...`):
/// headline style marks quotations with single marks, which in body text are too often
/// apostrophes to trust. A headline quotation that a body quotation repeats takes that
/// quotation's speaker, as the headline has no room to attribute it.
fn headline_quotes(doc: &Document, body_quotes: &[LocalQuote]) -> Vec<LocalQuote> {
    let text = doc.text();
    let Some(headline) = headline_range(doc) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for quote in extract::find_single_quotes(text, headline) {
        if body_quotes
            .iter()
            .any(|q| q.span.start <= quote.span.start && quote.span.end <= q.span.end)
        {
            continue;
        }
        let is_speech = extract::is_speech(text, &quote, Support::None);
        let words = normalize::words(text, quote.inner.clone());
        let repeated = body_quotes.iter().filter(|q| q.is_speech).find(|q| {
            let body = normalize::words(text, q.inner.clone());
            !words.is_empty()
                && body
                    .windows(words.len())
                    .any(|w| w.iter().zip(&words).all(|(a, b)| a.hash == b.hash))
        });
        let (speaker, speaker_name, speaker_span) = match repeated.filter(|_| is_speech) {
            Some(q) => (q.speaker, q.speaker_name.clone(), q.speaker_span.clone()),
            None => (None, None, None),
        };
        out.push(LocalQuote {
            span: quote.span,
            inner: quote.inner,
            speaker,
            speaker_name,
            speaker_span,
            is_speech,
        });
    }
    out
}

/// The headline: the front matter's `title:` value, else the body's first line when it is
/// short and does not end like a sentence.
fn headline_range(doc: &Document) -> Option<Range<usize>> {
    let text = doc.text();
    let mut at = 0;
    for line in text.get(..doc.body.start)?.split_inclusive('\n') {
        if let Some(value) = line.strip_prefix("title:") {
            let start = at + "title:".len() + (value.len() - value.trim_start().len());
            return Some(start..at + line.trim_end().len());
        }
        at += line.len();
    }
    let body = text.get(doc.body.clone())?;
    let lead = body.len() - body.trim_start().len();
    let first = body.trim_start().lines().next()?.trim_end();
    let looks_headline = first.len() <= 200 && !first.ends_with(['.', '!', '?']);
    looks_headline.then(|| doc.body.start + lead..doc.body.start + lead + first.len())
}

/// Whether a sentence's first word opens a clause before its subject: a subordinator
/// (`After`, `While`) or a participle (`Noting`, `Asked`).
pub(super) fn opens_fronted_clause(word: &str) -> bool {
    const SUBORDINATORS: &[&str] = &[
        "after", "before", "when", "while", "as", "although", "though", "despite", "since",
        "because", "if", "once", "unlike", "like",
    ];
    SUBORDINATORS.contains(&word)
        || (word.len() > 5 && (word.ends_with("ing") || word.ends_with("ed")))
}

/// Where a quote's words stand in the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMatch {
    pub doc: DocId,
    /// The exact source words that match the quote.
    pub span: Range<usize>,
    /// 1.0 for the same words (after normalisation), lower as they differ.
    pub similarity: f32,
    /// Word by word, source against quote (quote ranges are into the text given to `find`).
    /// A match found in the exact-text table has one `Same` over all its words instead.
    pub diff: Vec<DiffOp>,
}

/// A quote's best sources and how many it has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RankedSources {
    /// At most the number asked for, best first.
    pub best: Vec<QuoteMatch>,
    /// How many sources are at least as close as asked, those in `best` included.
    pub n_near: usize,
}

/// A document's date as a number that sorts (year, month, day; a part not given is 0),
/// `u32::MAX` when it has none that reads as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn source_date(docs: &[Arc<Document>], doc: DocId) -> u32 {
    let Some(date) = docs.get(doc as usize).and_then(|d| d.date()) else {
        return u32::MAX;
    };
    let mut parts = date.trim().splitn(3, '-');
    let number = |part: Option<&str>, len: usize| -> Option<u32> {
        let digits = part?.get(..len)?;
        if digits.bytes().all(|b| b.is_ascii_digit()) {
            digits.parse().ok()
        } else {
            None
        }
    };
    let Some(year) = number(parts.next(), 4) else {
        return u32::MAX;
    };
    let month = number(parts.next(), 2).unwrap_or(0);
    let day = number(parts.next(), 2).unwrap_or(0);
    year * 10_000 + month * 100 + day
}

/// How many of `places` (all exact, so as close as any) overlap none of `found`: those the
/// merge would have added had they been matches.
fn count_apart(found: &[QuoteMatch], places: &[(DocId, Range<usize>)]) -> usize {
    if places.is_empty() {
        return 0;
    }
    let mut by_doc: FxHashMap<DocId, Vec<Range<usize>>> = FxHashMap::default();
    for m in found {
        by_doc.entry(m.doc).or_default().push(m.span.clone());
    }
    let overlaps = |doc: &DocId, span: &Range<usize>| {
        by_doc.get(doc).is_some_and(|spans| {
            spans
                .iter()
                .any(|s| s.start < span.end && span.start < s.end)
        })
    };
    places
        .iter()
        .filter(|(doc, span)| !overlaps(doc, span))
        .count()
}

/// Matches below this similarity are not reported at all.
const MIN_SIMILARITY: f32 = 0.5;
/// Quotes of at most this many words are also aligned against every source quotation
/// when the seed index finds no exact match.
const SHORT_QUOTE_WORDS: usize = 8;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct QuoteIndex {
    #[serde(with = "stored")]
    pub quotes: Vec<SourceQuote>,
    text: index::TextIndex,
    /// Quotations (and their sentences) by their exact words.
    exact: exact::ExactQuotes,
    /// Per actor: its speech quotes (indexes into `quotes`), in corpus order.
    #[serde(with = "crate::packed::nested")]
    by_speaker: Vec<Vec<u32>>,
}

/// The seed index over every document's text, which needs neither the quotes nor the
/// actors: the merge builds it beside the actor merge (see [`QuoteIndex::build_with`]).
pub struct QuoteText(index::TextIndex);

impl QuoteText {
    pub fn build(docs: &[Arc<Document>]) -> QuoteText {
        let texts: Vec<&str> = docs.iter().map(|d| d.text()).collect();
        QuoteText(index::TextIndex::build(&texts))
    }
}

impl QuoteIndex {
    pub fn build(
        docs: &[Arc<Document>],
        per_doc: &[&DocQuotes],
        actors: &ActorIndex,
    ) -> QuoteIndex {
        QuoteIndex::build_with(docs, per_doc, actors, QuoteText::build(docs))
    }

    /// [`QuoteIndex::build`] with the seed index of the same documents built already.
    pub fn build_with(
        docs: &[Arc<Document>],
        per_doc: &[&DocQuotes],
        actors: &ActorIndex,
        text: QuoteText,
    ) -> QuoteIndex {
        let mut quotes = Vec::new();
        for (doc_idx, doc_quotes) in per_doc.iter().enumerate() {
            let doc = doc_idx as DocId;
            for q in &doc_quotes.quotes {
                let speaker = q
                    .speaker
                    .and_then(|local| actors.global_id(doc, local))
                    .filter(|&id| (id as usize) < actors.actors.len());
                let speaker_name = match speaker {
                    Some(id) => Some(actors.actor(id).name.clone()),
                    None => q.speaker_name.clone(),
                };
                quotes.push(SourceQuote {
                    doc,
                    span: q.span.clone(),
                    inner: q.inner.clone(),
                    speaker,
                    speaker_name,
                    is_speech: q.is_speech,
                });
            }
        }
        let mut by_speaker: Vec<Vec<u32>> = vec![Vec::new(); actors.actors.len()];
        for (i, q) in quotes.iter().enumerate() {
            if let Some(list) = q
                .speaker
                .filter(|_| q.is_speech)
                .and_then(|s| by_speaker.get_mut(s as usize))
            {
                list.push(i as u32);
            }
        }
        let exact = exact::ExactQuotes::build(docs, &quotes);
        QuoteIndex {
            quotes,
            text: text.0,
            exact,
            by_speaker,
        }
    }

    /// Source spans that carry `quote`, best first: the closest, then the earliest (see
    /// [`QuoteIndex::find_ranked`]).
    pub fn find(&self, docs: &[Arc<Document>], quote: &str) -> Vec<QuoteMatch> {
        self.find_best(docs, quote, usize::MAX)
    }

    /// The first `limit` of [`QuoteIndex::find`]'s answer, without building the others
    /// when the quote is carried by thousands of documents.
    pub fn find_best(&self, docs: &[Arc<Document>], quote: &str, limit: usize) -> Vec<QuoteMatch> {
        self.find_ranked(docs, quote, limit, 1.0).best
    }

    /// The first `limit` sources of `quote`, and how many sources are `near` it or closer.
    /// Sources are ranked by similarity, then by their document's date (`date:` as
    /// year-month-day; the earliest first, undated ones last: the first to print a line is
    /// likely where it was said), then in corpus order. A line carried by thousands of
    /// documents is ranked and counted from the exact-text table's spans, without building
    /// a match for each.
    pub fn find_ranked(
        &self,
        docs: &[Arc<Document>],
        quote: &str,
        limit: usize,
        near: f32,
    ) -> RankedSources {
        let tokens = normalize::quote_tokens(quote);
        let mut found: Vec<QuoteMatch> = Vec::new();
        for candidate in self.text.candidates(&tokens) {
            let Some(doc) = docs.get(candidate.doc as usize) else {
                continue;
            };
            let words = self
                .text
                .doc_words(candidate.doc, doc.text(), candidate.words.clone());
            let Some(alignment) = align::align(&tokens, &words) else {
                continue;
            };
            if alignment.similarity < MIN_SIMILARITY {
                continue;
            }
            let overlapping = found.iter_mut().find(|m| {
                m.doc == candidate.doc
                    && m.span.start < alignment.source.end
                    && alignment.source.start < m.span.end
            });
            match overlapping {
                Some(existing) if existing.similarity >= alignment.similarity => {}
                Some(existing) => {
                    *existing = QuoteMatch {
                        doc: candidate.doc,
                        span: alignment.source,
                        similarity: alignment.similarity,
                        diff: alignment.ops,
                    };
                }
                None => found.push(QuoteMatch {
                    doc: candidate.doc,
                    span: alignment.source,
                    similarity: alignment.similarity,
                    diff: alignment.ops,
                }),
            }
        }
        // The seed index aligns a few regions only: every quotation that holds the quote's
        // words exactly is a source too, found without a scan however many carry it.
        // A seed match may stand for an exact place (the same words found both ways), so
        // as many more exact places are taken as there are seed matches.
        let n_seed_matches = found.len();
        let mut set = short::MatchSet::new(found);
        let exact = self.exact.find(
            &self.quotes,
            &tokens,
            limit.saturating_add(n_seed_matches),
            |doc| source_date(docs, doc),
        );
        for exact in exact.best {
            set.add(exact);
        }
        let n_words = tokens
            .iter()
            .filter(|t| matches!(t, QuoteToken::Word(_)))
            .count();
        // Short quotes with a word changed have no seed left; quotes carried by so many
        // documents that most of their seeds are stop n-grams have too few. Both are
        // looked for among the corpus' quotations.
        let seedless = || n_words <= SHORT_QUOTE_WORDS || self.text.mostly_stopped_seeds(&tokens);
        if !set.has_exact() && seedless() {
            self.find_short(docs, quote, &tokens, &mut set);
        }
        let mut found = set.into_vec();
        let n_other_exact = count_apart(&found, &exact.rest);
        found.sort_by_cached_key(|m| {
            // Similarities are never negative, so their bits order them.
            let closest = std::cmp::Reverse(m.similarity.to_bits());
            (closest, source_date(docs, m.doc), m.doc, m.span.start)
        });
        let n_near = found.iter().filter(|m| m.similarity >= near).count() + n_other_exact;
        found.truncate(limit);
        RankedSources {
            best: found,
            n_near,
        }
    }

    /// The extracted quote that holds (most of) a matched span, for its speaker.
    pub fn quote_at(&self, doc: DocId, span: &Range<usize>) -> Option<&SourceQuote> {
        let first = self.quotes.partition_point(|q| q.doc < doc);
        self.quotes[first..]
            .iter()
            .take_while(|q| q.doc == doc)
            .filter(|q| q.inner.start < span.end && span.start < q.inner.end)
            .max_by_key(|q| q.inner.end.min(span.end) - q.inner.start.max(span.start))
    }

    /// The speech quotes of one actor.
    pub fn quotes_of(&self, speaker: ActorId) -> impl Iterator<Item = &SourceQuote> {
        self.by_speaker
            .get(speaker as usize)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|&i| self.quotes.get(i as usize))
    }

    /// Heap bytes of the matching index (the seed index and the extracted quotes).
    pub fn heap_bytes(&self) -> usize {
        let quotes: usize = self.quotes.capacity() * std::mem::size_of::<SourceQuote>()
            + self
                .quotes
                .iter()
                .map(|q| q.speaker_name.as_ref().map_or(0, String::capacity))
                .sum::<usize>();
        self.text.heap_bytes() + self.exact.heap_bytes() + quotes
    }
}

#[cfg(test)]
mod tests;
