//! The brief's outline: headings nested by level, with the quotes under them.

use super::types::BriefFile;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Heading,
    Quote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSymbol {
    pub name: String,
    pub kind: SymbolKind,
    pub range: Range<usize>,
    pub selection_range: Range<usize>,
    pub children: Vec<DocumentSymbol>,
}

pub fn document_symbols(file: &BriefFile) -> Vec<DocumentSymbol> {
    // (level, symbol) stack; quotes are level 7, below every heading.
    let mut roots: Vec<DocumentSymbol> = Vec::new();
    let mut stack: Vec<(u8, DocumentSymbol)> = Vec::new();
    let mut items: Vec<(u8, DocumentSymbol)> = file
        .brief
        .headings
        .iter()
        .map(|h| {
            let name = if h.text.is_empty() {
                "(empty heading)".to_string()
            } else {
                h.text.clone()
            };
            (
                h.level,
                DocumentSymbol {
                    name,
                    kind: SymbolKind::Heading,
                    range: h.range.clone(),
                    selection_range: h.range.clone(),
                    children: Vec::new(),
                },
            )
        })
        .chain(file.brief.quotes.iter().map(|q| {
            let name = format!("“{}”", shorten(&q.text, 60));
            (
                7,
                DocumentSymbol {
                    name,
                    kind: SymbolKind::Quote,
                    range: q.range.clone(),
                    selection_range: q.range.clone(),
                    children: Vec::new(),
                },
            )
        }))
        .collect();
    items.sort_by_key(|(_, s)| s.range.start);
    for (level, symbol) in items {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            close_top(&mut stack, &mut roots);
        }
        stack.push((level, symbol));
    }
    while !stack.is_empty() {
        close_top(&mut stack, &mut roots);
    }
    roots
}

fn close_top(stack: &mut Vec<(u8, DocumentSymbol)>, roots: &mut Vec<DocumentSymbol>) {
    let Some((_, mut done)) = stack.pop() else {
        return;
    };
    // A heading's range grows to cover its children.
    if let Some(last) = done.children.last() {
        done.range.end = done.range.end.max(last.range.end);
    }
    match stack.last_mut() {
        Some((_, parent)) => parent.children.push(done),
        None => roots.push(done),
    }
}

pub(crate) fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}
