//! Actors in briefs: hover, definition, references, completion, workspace symbols and
//! semantic tokens, all answered from the corpus's [`ActorIndex`] lookups.
//!
//! A brief's actor mentions are found in its masked text (prose only), so names in code
//! spans or link targets are never actors.

use std::ops::Range;

use super::cursor::typed_word;
use super::ranking::fuzzy_score;
use super::symbols::shorten;
use super::types::{
    BriefFile, Completion, CompletionKind, CompletionTarget, Context, HoverResult, Location,
    NavTarget, Navigation, SemanticToken, TokenKind, WorkspaceSymbol, WorkspaceSymbolKind,
};
use crate::actors::{ActorId, ActorKind, MatchKind};

/// How many completion items one request returns at most.
const MAX_COMPLETIONS: usize = 50;
/// How many workspace symbols one query returns at most.
const MAX_SYMBOLS: usize = 100;

pub fn hover(cx: Context, file: &BriefFile, offset: usize) -> Option<HoverResult> {
    let (range, actor) = actor_at(cx, file, offset)?;
    Some(HoverResult {
        range,
        markdown: card(cx, actor, true),
    })
}

pub fn definition(cx: Context, file: &BriefFile, offset: usize) -> Option<Navigation> {
    let (origin, actor) = actor_at(cx, file, offset)?;
    let target = fullest_mention(cx, actor)?;
    Some(Navigation {
        origin,
        targets: vec![target],
    })
}

pub fn references(
    cx: Context,
    briefs: &[&BriefFile],
    file: &BriefFile,
    offset: usize,
) -> Option<Vec<Location>> {
    let (_, actor) = actor_at(cx, file, offset)?;
    let index = &cx.corpus.actors;
    let mut found: Vec<Location> = index
        .actor(actor)
        .mentions
        .iter()
        .map(|m| Location::Corpus {
            doc: m.doc,
            range: m.span.range(),
        })
        .collect();
    // The brief being edited may not be among `briefs` (an unsaved new file).
    let mut seen_ids: Vec<&str> = Vec::new();
    for brief in briefs.iter().copied().chain(std::iter::once(file)) {
        if cx.is_cancelled() {
            break;
        }
        if seen_ids.contains(&brief.id.as_str()) {
            continue;
        }
        seen_ids.push(&brief.id);
        found.extend(
            index
                .find_in_text(&brief.brief.masked)
                .into_iter()
                .filter(|m| m.actor == actor)
                .map(|m| Location::Brief {
                    id: brief.id.clone(),
                    range: m.span.range(),
                }),
        );
    }
    Some(found)
}

pub fn completion(cx: Context, file: &BriefFile, offset: usize) -> Vec<Completion> {
    let offset = offset.min(file.text.len());
    if !file.text.is_char_boundary(offset) {
        return Vec::new();
    }
    let word = typed_word(&file.text, offset);
    // Only in prose: code spans, code blocks and links are blanked in the masked text.
    let in_prose = |at: usize| file.brief.masked.as_bytes().get(at) == file.text.as_bytes().get(at);
    if word.is_empty() {
        if offset > 0 && !in_prose(offset - 1) && file.text.as_bytes()[offset - 1] != b'\n' {
            return Vec::new();
        }
    } else if !in_prose(word.start) {
        return Vec::new();
    }
    let typed = file.text[word.clone()].trim_start_matches(['\'', '’', '-', '.']);
    let index = &cx.corpus.actors;
    index
        .complete(typed, MAX_COMPLETIONS)
        .into_iter()
        .map(|m| {
            let actor = index.actor(m.actor);
            let role = actor
                .roles
                .first()
                .map(|r| format!(", {r}"))
                .unwrap_or_default();
            let filter_text = if m.kind == MatchKind::Fuzzy {
                actor.name.clone()
            } else {
                m.matched.clone()
            };
            Completion {
                label: actor.name.clone(),
                kind: completion_kind(actor.kind),
                detail: Some(format!("{}{role}", actor.kind.as_str())),
                documentation: None,
                target: Some(CompletionTarget::Actor(m.actor)),
                filter_text,
                insert_text: actor.name.clone(),
                edit_range: word.clone(),
                rank: rank_of(m.kind, m.actor),
            }
        })
        .collect()
}

/// The card of an actor offered by completion (`completionItem/resolve`).
pub(super) fn completion_documentation(cx: Context, id: ActorId, name: &str) -> Option<String> {
    let actor = cx.corpus.actors.actors.get(id as usize)?;
    (actor.name == name).then(|| card(cx, id, false))
}

pub fn semantic_tokens(cx: Context, file: &BriefFile) -> Vec<SemanticToken> {
    cx.corpus
        .actors
        .find_in_text(&file.brief.masked)
        .into_iter()
        .map(|m| SemanticToken {
            range: m.span.range(),
            kind: TokenKind::Actor,
        })
        .collect()
}

pub fn workspace_symbols(cx: Context, query: &str) -> Vec<WorkspaceSymbol> {
    let index = &cx.corpus.actors;
    let mut scored: Vec<(u32, ActorId)> = Vec::new();
    for (id, actor) in index.actors.iter().enumerate() {
        if id % 1024 == 0 && cx.is_cancelled() {
            return Vec::new();
        }
        let best = std::iter::once(&actor.name)
            .chain(&actor.aliases)
            .filter_map(|name| fuzzy_score(query, name))
            .min();
        if let Some(score) = best {
            scored.push((score, id as ActorId));
        }
        // Actors are salience-ordered; enough exact-ish hits means the rest cannot win.
        if scored.len() >= MAX_SYMBOLS * 20 {
            break;
        }
    }
    scored.sort();
    scored
        .into_iter()
        .filter_map(|(_, id)| {
            let actor = index.actor(id);
            let target = fullest_mention(cx, id)?;
            Some(WorkspaceSymbol {
                name: actor.name.clone(),
                kind: symbol_kind(actor.kind),
                doc: target.doc,
                range: target.focus_range,
                container: actor.roles.first().cloned(),
            })
        })
        .take(MAX_SYMBOLS)
        .collect()
}

/// The actor mention under the cursor (a cursor just after the name counts).
fn actor_at(cx: Context, file: &BriefFile, offset: usize) -> Option<(Range<usize>, ActorId)> {
    cx.corpus
        .actors
        .find_in_text(&file.brief.masked)
        .into_iter()
        .map(|m| (m.span.range(), m.actor))
        .find(|(span, _)| span.start <= offset && offset <= span.end)
}

/// The mention where the name is written in full (longest), earliest first.
fn fullest_mention(cx: Context, actor: ActorId) -> Option<NavTarget> {
    let mention = cx
        .corpus
        .actors
        .actor(actor)
        .mentions
        .iter()
        .max_by_key(|m| (m.span.len(), std::cmp::Reverse((m.doc, m.span.start))))?;
    let doc = cx.corpus.docs.get(mention.doc as usize)?;
    Some(NavTarget {
        doc: mention.doc,
        full_range: doc.enclosing_line(mention.span.range()),
        focus_range: mention.span.range(),
    })
}

/// The actor's card: name, kind, roles, aliases, mentions per document, quotes and (when
/// `with_related`) who is named alongside.
fn card(cx: Context, id: ActorId, with_related: bool) -> String {
    let index = &cx.corpus.actors;
    let actor = index.actor(id);
    let mut out = format!("**{}** ({})", actor.name, actor.kind.as_str());
    if !actor.roles.is_empty() {
        out.push_str(&format!(
            "\n\n{}",
            actor
                .roles
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    if !actor.aliases.is_empty() {
        out.push_str(&format!(
            "\n\nAlso: {}",
            actor
                .aliases
                .iter()
                .take(8)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    // The first documents only: the total comes from the index, so a salient actor's
    // card does not walk all its mentions.
    let n_docs = index.n_docs(id);
    let mut per_doc: Vec<(u32, usize)> = Vec::new();
    for m in &actor.mentions {
        let full = per_doc.len() == 5;
        match per_doc.last_mut() {
            Some((doc, n)) if *doc == m.doc => *n += 1,
            _ if full => break,
            _ => per_doc.push((m.doc, 1)),
        }
    }
    let n = actor.mentions.len();
    out.push_str(&format!(
        "\n\n{n} mention{} in {n_docs} document{}",
        if n == 1 { "" } else { "s" },
        if n_docs == 1 { "" } else { "s" }
    ));
    let listed: Vec<String> = per_doc
        .iter()
        .filter_map(|&(doc, n)| {
            cx.corpus
                .docs
                .get(doc as usize)
                .map(|d| format!("`{}` ({n})", d.key))
        })
        .collect();
    if !listed.is_empty() {
        let more = if n_docs > 5 { ", …" } else { "" };
        out.push_str(&format!(": {}{more}", listed.join(", ")));
    }
    let quotes: Vec<String> = cx
        .corpus
        .quotes
        .quotes_of(id)
        .take(3)
        .filter_map(|q| {
            let doc = cx.corpus.docs.get(q.doc as usize)?;
            let text = doc.text().get(q.inner.clone())?;
            Some(format!(
                "> {}",
                shorten(&text.split_whitespace().collect::<Vec<_>>().join(" "), 160)
            ))
        })
        .collect();
    if !quotes.is_empty() {
        out.push_str(&format!("\n\nSaid:\n\n{}", quotes.join("\n>\n")));
    }
    let events = super::events::events_of_actor(cx, id, 5);
    if !events.is_empty() {
        let listed: Vec<String> = events.iter().map(|e| format!("- {e}")).collect();
        out.push_str(&format!("\n\nTakes part in:\n\n{}", listed.join("\n")));
    }
    if with_related {
        let related = index.named_alongside(id);
        if !related.is_empty() {
            let names: Vec<&str> = related
                .iter()
                .map(|&r| index.actor(r).name.as_str())
                .collect();
            out.push_str(&format!("\n\nNamed alongside: {}", names.join(", ")));
        }
    }
    out
}

/// Name matches before alias matches before fuzzy ones, then by salience (the id).
fn rank_of(kind: MatchKind, actor: ActorId) -> u32 {
    let tier = match kind {
        MatchKind::NamePrefix => 0,
        MatchKind::AliasPrefix => 1,
        MatchKind::Fuzzy => 2,
    };
    tier * 10_000_000 + actor.min(9_999_999)
}

fn completion_kind(kind: ActorKind) -> CompletionKind {
    match kind {
        ActorKind::Person => CompletionKind::Person,
        ActorKind::Organization => CompletionKind::Organization,
        ActorKind::Place => CompletionKind::Place,
        ActorKind::Group => CompletionKind::Group,
    }
}

fn symbol_kind(kind: ActorKind) -> WorkspaceSymbolKind {
    match kind {
        ActorKind::Person => WorkspaceSymbolKind::Person,
        ActorKind::Organization => WorkspaceSymbolKind::Organization,
        ActorKind::Place => WorkspaceSymbolKind::Place,
        ActorKind::Group => WorkspaceSymbolKind::Group,
    }
}

#[cfg(test)]
mod tests;
