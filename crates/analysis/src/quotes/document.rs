//! One document's quotes with their speakers: paragraph by paragraph, each quotation's
//! cue (a name, a pronoun, a subject before or after it) or the speaker a quote goes on
//! from, and the headline's quotes (`headline.rs`).

use super::anaphora::{last_sentence, Anaphora};
use super::attribution::{self, Cue};
use super::extract::{self, Support};
use super::headline::headline_quotes;
use super::speaker::Speaker;
use super::{DocQuotes, LocalQuote};
use crate::actors::DocActors;
use crate::corpus::Document;

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
                        // `X told The Post — where Y said she was "..." — "..."`: after
                        // a dash that closes an aside, the aside's speaker is not who
                        // goes on.
                        .or_else(|| {
                            let dashes = text[para.start..quote.span.start]
                                .matches(['—', '–'])
                                .count();
                            let closes_aside = dashes >= 2
                                && dashes.is_multiple_of(2)
                                && text[..quote.span.start].trim_end().ends_with(['—', '–']);
                            last_in_paragraph
                                .clone()
                                .filter(|s| s.continues() && !closes_aside)
                        })
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
                            // that is only a quote: the previous paragraph's subject; or
                            // whom it paraphrased ("The season starts late, Gaskin
                            // said.": news gives the gist, then the words).
                            if !alone {
                                return None;
                            }
                            let previous = paragraphs.get(para_idx.checked_sub(1)?)?;
                            let sentence = last_sentence(text, previous.clone());
                            attribution::last_speaker_clause(text, sentence.clone())
                                .and_then(|span| Speaker::from_known_span(text, span, actors))
                                .or_else(|| anaphora.subject_in(text, sentence))
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
