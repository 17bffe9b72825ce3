//! Invariant checks over what the core produces: every span inside its text and on char
//! boundaries, every id pointing at something, every match really holding its words.
//!
//! Used by the fuzz targets (`fuzz/`) and by property tests; each function returns the
//! violations found as sentences, empty when all is well.

use std::collections::HashMap;
use std::ops::Range;

use super::actors::{ActorId, ActorKind};
use super::ide::{self, BriefFile, Context};
use super::quotes::SourceQuote;
use super::CorpusIndex;

/// Violations in the corpus index: per-document results and the merged indexes.
pub fn corpus_violations(corpus: &CorpusIndex) -> Vec<String> {
    let mut out = Vec::new();
    let n_docs = corpus.docs.len();
    let n_actors = corpus.actors.actors.len();
    for (i, (doc, extraction)) in corpus.docs.iter().zip(&corpus.per_doc).enumerate() {
        let analysis = extraction.get(doc);
        let text = doc.text();
        check_span(&mut out, text, &doc.body, &format!("doc {i} body"));
        let n_local = analysis.actors.actors.len();
        for m in &analysis.actors.mentions {
            check_span(
                &mut out,
                text,
                &m.span,
                &format!("doc {i} local actor mention"),
            );
            if m.actor as usize >= n_local {
                out.push(format!(
                    "doc {i}: local mention points at actor {} of {n_local}",
                    m.actor
                ));
            }
        }
        for q in &analysis.quotes.quotes {
            check_span(&mut out, text, &q.span, &format!("doc {i} quote"));
            check_span(&mut out, text, &q.inner, &format!("doc {i} quote words"));
            if q.inner.start < q.span.start || q.inner.end > q.span.end {
                out.push(format!(
                    "doc {i}: quote words {:?} outside the quote {:?}",
                    q.inner, q.span
                ));
            }
            if q.speaker.is_some_and(|s| s as usize >= n_local) {
                out.push(format!(
                    "doc {i}: quote speaker {:?} of {n_local} local actors",
                    q.speaker
                ));
            }
            if let Some(span) = &q.speaker_span {
                check_span(&mut out, text, span, &format!("doc {i} speaker name"));
            }
        }
    }
    for actor in &corpus.actors.actors {
        if actor.name.trim().is_empty() {
            out.push("an actor has an empty name".to_string());
        }
        for m in &actor.mentions {
            match corpus.docs.get(m.doc as usize) {
                Some(doc) => check_span(
                    &mut out,
                    doc.text(),
                    &m.span.range(),
                    &format!("mention of {}", actor.name),
                ),
                None => out.push(format!(
                    "mention of {} in doc {} of {n_docs}",
                    actor.name, m.doc
                )),
            }
        }
    }
    for q in &corpus.quotes.quotes {
        let Some(doc) = corpus.docs.get(q.doc as usize) else {
            out.push(format!("quote in doc {} of {n_docs}", q.doc));
            continue;
        };
        check_span(&mut out, doc.text(), &q.span, "corpus quote");
        check_span(&mut out, doc.text(), &q.inner, "corpus quote words");
        if q.speaker.is_some_and(|s| s as usize >= n_actors) {
            out.push(format!(
                "quote speaker {:?} of {n_actors} actors",
                q.speaker
            ));
        }
    }
    for event in &corpus.events.events {
        if event.participants.iter().any(|&p| p as usize >= n_actors) {
            out.push(format!(
                "event {} has a participant id past {n_actors}",
                event.label
            ));
        }
        for m in &event.mentions {
            match corpus.docs.get(m.doc as usize) {
                Some(doc) => {
                    check_span(
                        &mut out,
                        doc.text(),
                        &m.span.range(),
                        &format!("mention of event {}", event.label),
                    );
                    check_span(
                        &mut out,
                        doc.text(),
                        &m.sentence.range(),
                        &format!("sentence of event {}", event.label),
                    );
                }
                None => out.push(format!("event mention in doc {} of {n_docs}", m.doc)),
            }
        }
    }
    out.extend(table_violations(corpus));
    out
}

/// The per-actor tables computed at merge time (for hover cards) against the scans of the
/// whole corpus they stand for.
pub fn table_violations(corpus: &CorpusIndex) -> Vec<String> {
    let mut out = Vec::new();
    let actors = &corpus.actors;
    for (id, actor) in actors.actors.iter().enumerate() {
        let id = id as ActorId;
        let mut docs: Vec<u32> = actor.mentions.iter().map(|m| m.doc).collect();
        docs.dedup();
        if actors.n_docs(id) != docs.len() {
            out.push(format!(
                "{} is named in {} documents, the table says {}",
                actor.name,
                docs.len(),
                actors.n_docs(id)
            ));
        }
        let mut counts: HashMap<ActorId, usize> = HashMap::new();
        for &doc in &docs {
            for m in actors.mentions_in_doc(doc) {
                let kind = actors.actors.get(m.actor as usize).map(|a| a.kind);
                if m.actor != id
                    && matches!(kind, Some(ActorKind::Person | ActorKind::Organization))
                {
                    *counts.entry(m.actor).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, ActorId)> = counts.into_iter().map(|(a, n)| (n, a)).collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let alongside: Vec<ActorId> = ranked.into_iter().take(3).map(|(_, a)| a).collect();
        if actors.named_alongside(id) != alongside.as_slice() {
            out.push(format!(
                "{} is named alongside {alongside:?}, the table says {:?}",
                actor.name,
                actors.named_alongside(id)
            ));
        }
        let quotes: Vec<*const SourceQuote> = corpus
            .quotes
            .quotes
            .iter()
            .filter(|q| q.is_speech && q.speaker == Some(id))
            .map(|q| q as *const SourceQuote)
            .collect();
        let tabled: Vec<*const SourceQuote> = corpus
            .quotes
            .quotes_of(id)
            .map(|q| q as *const SourceQuote)
            .collect();
        if quotes != tabled {
            out.push(format!(
                "the quotes of {} differ from the table",
                actor.name
            ));
        }
        let mut events: Vec<u32> = (0..corpus.events.events.len() as u32)
            .filter(|&i| corpus.events.events[i as usize].participants.contains(&id))
            .collect();
        let mut tabled = corpus.events.events_of_actor(id).to_vec();
        let order = |&i: &u32| {
            let e = &corpus.events.events[i as usize];
            (e.date.is_none(), e.date.clone(), e.label.clone())
        };
        if !tabled.is_sorted_by_key(order) {
            out.push(format!(
                "the events of {} are not in date order",
                actor.name
            ));
        }
        events.sort_unstable();
        tabled.sort_unstable();
        if events != tabled {
            out.push(format!(
                "the events of {} differ from the table",
                actor.name
            ));
        }
    }
    out
}

/// Violations in a parsed brief.
pub fn brief_violations(file: &BriefFile) -> Vec<String> {
    let mut out = Vec::new();
    let text = file.text.as_str();
    let brief = &file.brief;
    if brief.masked.len() != text.len() {
        out.push(format!(
            "mask is {} bytes for a {}-byte brief",
            brief.masked.len(),
            text.len()
        ));
        return out;
    }
    for block in &brief.blocks {
        check_span(&mut out, text, block, "block");
    }
    for heading in &brief.headings {
        check_span(&mut out, text, &heading.range, "heading");
    }
    for quote in &brief.quotes {
        check_span(&mut out, text, &quote.range, "brief quote");
        check_span(&mut out, text, &quote.inner, "brief quote words");
        if quote.inner.start < quote.range.start || quote.inner.end > quote.range.end {
            out.push(format!(
                "quote words {:?} outside the quote {:?}",
                quote.inner, quote.range
            ));
        }
        if quote.text.is_empty() {
            out.push(format!("empty quote at {:?}", quote.range));
        }
    }
    for citation in &brief.citations {
        check_span(&mut out, text, &citation.range, "citation");
        if text.get(citation.range.clone()) != Some(citation.key.as_str()) {
            out.push(format!(
                "citation key {:?} is not the text at {:?}",
                citation.key, citation.range
            ));
        }
    }
    out
}

/// Violations in the features' answers on a brief, probing at `offsets`.
pub fn feature_violations(cx: Context, file: &BriefFile, offsets: &[usize]) -> Vec<String> {
    let mut out = Vec::new();
    let text = file.text.as_str();
    let len = text.len();
    for d in ide::diagnostics(cx, file) {
        check_span(&mut out, text, &d.range, &format!("diagnostic {}", d.code));
        for r in &d.related {
            check_doc_span(&mut out, cx, r.doc, &r.range, "related information");
        }
    }
    let tokens = ide::semantic_tokens(cx, file);
    for pair in tokens.windows(2) {
        if pair[1].range.start < pair[0].range.end {
            out.push(format!(
                "semantic tokens overlap: {:?} and {:?}",
                pair[0].range, pair[1].range
            ));
        }
    }
    for token in &tokens {
        check_span(&mut out, text, &token.range, "semantic token");
    }
    for hint in ide::inlay_hints(cx, file) {
        if hint.offset > len || !text.is_char_boundary(hint.offset) {
            out.push(format!(
                "inlay hint at {} in a {len}-byte brief",
                hint.offset
            ));
        }
    }
    for symbol in ide::document_symbols(file) {
        check_span(&mut out, text, &symbol.range, "document symbol");
    }
    for &offset in offsets {
        let offset = offset.min(len);
        if let Some(hover) = ide::hover(cx, file, offset) {
            check_span(&mut out, text, &hover.range, "hover");
        }
        if let Some(nav) = ide::definition(cx, file, offset) {
            check_span(&mut out, text, &nav.origin, "definition origin");
            for target in &nav.targets {
                check_doc_span(
                    &mut out,
                    cx,
                    target.doc,
                    &target.full_range,
                    "definition target",
                );
                check_doc_span(
                    &mut out,
                    cx,
                    target.doc,
                    &target.focus_range,
                    "definition focus",
                );
            }
        }
        for item in ide::completion(cx, file, offset) {
            check_span(&mut out, text, &item.edit_range, "completion edit");
            if item.edit_range.end > offset.max(item.edit_range.start)
                && item.edit_range.end != offset
            {
                out.push(format!(
                    "completion edit {:?} reaches past the cursor {offset}",
                    item.edit_range
                ));
            }
        }
        let end = (offset + 16).min(len);
        for action in ide::code_actions(cx, file, offset..end) {
            for edit in &action.edits {
                check_span(&mut out, text, &edit.range, "code action edit");
            }
        }
    }
    out
}

/// Violations in quote matches: each span is in its document and similarity in 0..=1.
pub fn match_violations(corpus: &CorpusIndex, quote: &str) -> Vec<String> {
    let mut out = Vec::new();
    for m in corpus.quotes.find(&corpus.docs, quote) {
        match corpus.docs.get(m.doc as usize) {
            Some(doc) => check_span(&mut out, doc.text(), &m.span, "quote match"),
            None => out.push(format!("match in doc {} of {}", m.doc, corpus.docs.len())),
        }
        if !(0.0..=1.0).contains(&m.similarity) {
            out.push(format!("similarity {} outside 0..=1", m.similarity));
        }
    }
    out
}

fn check_doc_span(out: &mut Vec<String>, cx: Context, doc: u32, span: &Range<usize>, what: &str) {
    match cx.corpus.docs.get(doc as usize) {
        Some(d) => check_span(out, d.text(), span, what),
        None => out.push(format!("{what} in doc {doc} of {}", cx.corpus.docs.len())),
    }
}

fn check_span(out: &mut Vec<String>, text: &str, span: &Range<usize>, what: &str) {
    if span.start > span.end || span.end > text.len() {
        out.push(format!(
            "{what} {span:?} is outside a {}-byte text",
            text.len()
        ));
    } else if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        out.push(format!("{what} {span:?} splits a character"));
    }
}
