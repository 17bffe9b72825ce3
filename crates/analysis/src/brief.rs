//! A brief (markdown) broken into what dossier checks: prose, headings, quotes and
//! citations, each with byte ranges into the brief's text.
//!
//! pulldown-cmark decides what is prose. Everything else (code spans and blocks, HTML and
//! comments, link targets, front matter) is blanked out in [`Brief::masked`], so the quote
//! and citation scanners can work on plain text with the brief's own offsets.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// A parsed brief. Offsets are UTF-8 byte offsets into the text it was parsed from.
#[derive(Debug, Clone, Default)]
pub struct Brief {
    /// The brief with every byte that is not prose replaced by a space (line breaks kept),
    /// so offsets into it are offsets into the brief.
    pub masked: String,
    /// Leaf blocks (paragraphs, headings, list items, table cells): first to last prose byte.
    pub blocks: Vec<Range<usize>>,
    pub headings: Vec<Heading>,
    pub quotes: Vec<BriefQuote>,
    pub citations: Vec<CitationKey>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub range: Range<usize>,
}

/// A quote in a brief: text between quotation marks, or a blockquote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefQuote {
    /// The quote with its marks (for a blockquote: its prose).
    pub range: Range<usize>,
    /// The quoted words.
    pub inner: Range<usize>,
    /// The quoted words with whitespace collapsed.
    pub text: String,
    pub is_block: bool,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
    /// Index into [`Brief::blocks`] of the paragraph that holds it.
    pub block: usize,
}

/// One `@key` of a citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationKey {
    pub key: String,
    /// The key without the `@`.
    pub range: Range<usize>,
    /// Inside `[...]` (pandoc's bracketed citation) rather than a bare `@key`.
    pub bracketed: bool,
}

impl Brief {
    pub fn parse(text: &str) -> Brief {
        let scan = scan_markdown(text);
        let mut brief = Brief {
            masked: scan.masked,
            blocks: Vec::new(),
            headings: scan.headings,
            quotes: Vec::new(),
            citations: Vec::new(),
        };
        for block in &scan.blocks {
            let block_idx = brief.blocks.len();
            brief.blocks.push(block.range.clone());
            let found = find_quotes(&brief.masked, block.range.clone(), block_idx);
            match block.blockquote {
                Some(_) if found.is_empty() => {}
                _ => brief.quotes.extend(found),
            }
        }
        brief.quotes.extend(blockquote_quotes(&brief, &scan.blocks));
        brief.quotes.sort_by_key(|q| q.range.start);
        brief.citations = find_citations(&brief.masked);
        brief
    }

    /// The innermost quote whose range holds `offset` (its closing mark included).
    pub fn quote_at(&self, offset: usize) -> Option<&BriefQuote> {
        self.quotes
            .iter()
            .filter(|q| q.range.start <= offset && offset <= q.range.end)
            .min_by_key(|q| q.range.len())
    }

    pub fn citation_at(&self, offset: usize) -> Option<&CitationKey> {
        // The `@` belongs to the key too, so the range is widened by one on the left.
        self.citations
            .iter()
            .find(|c| c.range.start.saturating_sub(1) <= offset && offset <= c.range.end)
    }

    /// The block (paragraph) holding `offset`.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        self.blocks
            .iter()
            .position(|b| b.start <= offset && offset <= b.end)
    }
}

struct ScannedBlock {
    range: Range<usize>,
    /// The id of the outermost blockquote holding this block.
    blockquote: Option<usize>,
}

struct Scan {
    masked: String,
    blocks: Vec<ScannedBlock>,
    headings: Vec<Heading>,
}

fn scan_markdown(text: &str) -> Scan {
    let mut keep = vec![false; text.len()];
    let mut blocks: Vec<ScannedBlock> = Vec::new();
    let mut headings = Vec::new();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    // Each open leaf block collects the extent of its prose.
    let mut open_blocks: Vec<Option<Range<usize>>> = Vec::new();
    let mut heading: Option<(u8, Range<usize>, String)> = None;
    let mut blockquote_depth = 0usize;
    let mut blockquote_id = 0usize;
    let mut hidden_depth = 0usize; // inside code blocks, images, autolinks, metadata
    let mut link_hides: Vec<bool> = Vec::new(); // autolinks hide their text (a URL)
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match &tag {
                Tag::Paragraph | Tag::TableCell | Tag::Item => open_blocks.push(None),
                Tag::Heading { level, .. } => {
                    open_blocks.push(None);
                    heading = Some((*level as u8, range.clone(), String::new()));
                }
                Tag::BlockQuote(_) => {
                    if blockquote_depth == 0 {
                        blockquote_id += 1;
                    }
                    blockquote_depth += 1;
                }
                Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) | Tag::HtmlBlock => {
                    hidden_depth += 1
                }
                Tag::Link { link_type, .. } => {
                    let hides = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    hidden_depth += hides as usize;
                    link_hides.push(hides);
                }
                _ => {}
            },
            Event::End(tag_end) => match tag_end {
                TagEnd::Paragraph | TagEnd::TableCell | TagEnd::Item | TagEnd::Heading(_) => {
                    if let Some(Some(extent)) = open_blocks.pop() {
                        let blockquote = (blockquote_depth > 0).then_some(blockquote_id);
                        blocks.push(ScannedBlock {
                            range: extent,
                            blockquote,
                        });
                    }
                    if matches!(tag_end, TagEnd::Heading(_)) {
                        if let Some((level, range, text)) = heading.take() {
                            let text = collapse_whitespace(&text);
                            headings.push(Heading { level, text, range });
                        }
                    }
                }
                TagEnd::BlockQuote(_) => blockquote_depth = blockquote_depth.saturating_sub(1),
                TagEnd::CodeBlock
                | TagEnd::Image
                | TagEnd::MetadataBlock(_)
                | TagEnd::HtmlBlock => hidden_depth = hidden_depth.saturating_sub(1),
                TagEnd::Link if link_hides.pop() == Some(true) => {
                    hidden_depth = hidden_depth.saturating_sub(1);
                }
                _ => {}
            },
            Event::Text(content) if hidden_depth == 0 => {
                for slot in &mut keep[range.clone()] {
                    *slot = true;
                }
                if let Some(extent) = open_blocks.last_mut() {
                    let merged = match extent.take() {
                        Some(r) => r.start.min(range.start)..r.end.max(range.end),
                        None => range.clone(),
                    };
                    *extent = Some(merged);
                }
                if let Some((_, _, heading_text)) = heading.as_mut() {
                    heading_text.push_str(&content);
                }
            }
            Event::SoftBreak | Event::HardBreak if hidden_depth == 0 => {
                for slot in &mut keep[range.clone()] {
                    *slot = true;
                }
                if let Some((_, _, heading_text)) = heading.as_mut() {
                    heading_text.push(' ');
                }
            }
            Event::Code(content) => {
                if let Some((_, _, heading_text)) = heading.as_mut() {
                    heading_text.push_str(&content);
                }
            }
            _ => {}
        }
    }
    let masked = mask(text, &keep);
    Scan {
        masked,
        blocks,
        headings,
    }
}

/// The text with every byte not marked `keep` turned into a space; line breaks survive so
/// that lines stay where they were. Whole characters are replaced, so the result is valid
/// UTF-8 of the same length.
fn mask(text: &str, keep: &[bool]) -> String {
    let mut out = Vec::with_capacity(text.len());
    for (i, ch) in text.char_indices() {
        let len = ch.len_utf8();
        if keep[i] || ch == '\n' || ch == '\r' {
            out.extend_from_slice(&text.as_bytes()[i..i + len]);
        } else {
            out.extend(std::iter::repeat_n(b' ', len));
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Straight,
    Curly,
    Guillemet,
}

/// Quotes between marks inside one block. Straight marks open where they follow a space or
/// bracket and precede a word; curly and angle marks say which side they are. A quote left
/// open is closed at the end of its paragraph.
fn find_quotes(masked: &str, block: Range<usize>, block_idx: usize) -> Vec<BriefQuote> {
    let mut quotes = Vec::new();
    let text = &masked[block.clone()];
    let mut open: Option<(usize, Mark)> = None;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let at = block.start + i;
        match (ch, open) {
            ('“' | '„', None) => open = Some((at, Mark::Curly)),
            ('«', None) => open = Some((at, Mark::Guillemet)),
            ('"', None) if opens_straight(prev, next) => open = Some((at, Mark::Straight)),
            ('”' | '»' | '"', Some((start, _))) => {
                quotes.extend(make_quote(
                    masked,
                    start,
                    at + ch.len_utf8(),
                    true,
                    block_idx,
                ));
                open = None;
            }
            ('“', Some((start, Mark::Curly))) => {
                // A second opening mark: the first quote was never closed.
                quotes.extend(make_quote(
                    masked,
                    start,
                    trim_end(masked, start, at),
                    false,
                    block_idx,
                ));
                open = Some((at, Mark::Curly));
            }
            _ => {}
        }
        prev = Some(ch);
    }
    if let Some((start, _)) = open {
        quotes.extend(make_quote(
            masked,
            start,
            trim_end(masked, start, block.end),
            false,
            block_idx,
        ));
    }
    quotes
}

fn opens_straight(prev: Option<char>, next: Option<char>) -> bool {
    let after_boundary = prev.is_none_or(|c| c.is_whitespace() || "([{—–-:/".contains(c));
    let before_word = next.is_some_and(|c| !c.is_whitespace());
    after_boundary && before_word
}

fn trim_end(masked: &str, start: usize, end: usize) -> usize {
    start + masked[start..end].trim_end().len()
}

fn make_quote(
    masked: &str,
    start: usize,
    end: usize,
    closed: bool,
    block: usize,
) -> Option<BriefQuote> {
    let open_len = masked[start..].chars().next().map_or(1, char::len_utf8);
    let close_len = if closed {
        masked[..end].chars().next_back().map_or(0, char::len_utf8)
    } else {
        0
    };
    let inner_start = start + open_len;
    let inner_end = end.saturating_sub(close_len).max(inner_start);
    let text = collapse_whitespace(&masked[inner_start..inner_end]);
    if text.is_empty() {
        return None;
    }
    Some(BriefQuote {
        range: start..end,
        inner: inner_start..inner_end,
        text,
        is_block: false,
        closed,
        block,
    })
}

/// A blockquote without quotation marks inside is itself one quote; a last line that
/// starts with a dash ("— Sergey Lavrov") is its attribution, not part of the quote.
fn blockquote_quotes(brief: &Brief, blocks: &[ScannedBlock]) -> Vec<BriefQuote> {
    let mut quotes = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let Some(id) = blocks[i].blockquote else {
            i += 1;
            continue;
        };
        let first = i;
        while i < blocks.len() && blocks[i].blockquote == Some(id) {
            i += 1;
        }
        let has_marks = brief.quotes.iter().any(|q| (first..i).contains(&q.block));
        if has_marks {
            continue;
        }
        let start = blocks[first].range.start;
        let mut end = blocks[i - 1].range.end;
        let last_block = &brief.masked[blocks[i - 1].range.clone()];
        if let Some(dash_at) = attribution_line_start(last_block) {
            end = blocks[i - 1].range.start + dash_at;
        }
        let end = trim_end(&brief.masked, start, end);
        let text = collapse_whitespace(&brief.masked[start..end]);
        if !text.is_empty() {
            quotes.push(BriefQuote {
                range: start..end,
                inner: start..end,
                text,
                is_block: true,
                closed: true,
                block: first,
            });
        }
    }
    quotes
}

fn attribution_line_start(block_text: &str) -> Option<usize> {
    let mut offset = 0;
    let mut found = None;
    for line in block_text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(['—', '–'])
            || trimmed.starts_with("-- ")
            || trimmed.starts_with("- ")
        {
            found = Some(offset + (line.len() - trimmed.len()));
        }
        offset += line.len();
    }
    found.filter(|&at| at > 0)
}

/// Pandoc citation keys: `@key` not preceded by a word character (so e-mail addresses are
/// not keys); trailing punctuation is not part of the key.
fn find_citations(masked: &str) -> Vec<CitationKey> {
    let bytes = masked.as_bytes();
    let mut keys = Vec::new();
    for at in memchr::memchr_iter(b'@', bytes) {
        let prev = masked[..at].chars().next_back();
        if prev.is_some_and(|c| c.is_alphanumeric() || "._%+-".contains(c)) {
            continue;
        }
        let start = at + 1;
        let end = key_end(masked, start);
        if end == start {
            continue;
        }
        let bracketed = is_bracketed(masked, at, end);
        keys.push(CitationKey {
            key: masked[start..end].to_string(),
            range: start..end,
            bracketed,
        });
    }
    keys
}

/// Where a citation key that starts at `start` ends.
pub fn key_end(text: &str, start: usize) -> usize {
    let mut end = start;
    for (i, ch) in text[start..].char_indices() {
        let is_key_char =
            ch.is_alphanumeric() || ch == '_' || (i > 0 && ":.#$%&-+?<>~/".contains(ch));
        if !is_key_char {
            break;
        }
        end = start + i + ch.len_utf8();
    }
    while end > start && text[..end].ends_with(|c: char| ":.#$%&-+?<>~/".contains(c)) {
        end -= 1;
    }
    end
}

pub fn is_key_start(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

fn is_bracketed(masked: &str, at: usize, end: usize) -> bool {
    let before = &masked[..at];
    let open = before.rfind('[');
    let close_before = before.rfind(']');
    let opened = match (open, close_before) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    };
    let after = &masked[end..];
    let closes = match (after.find(']'), after.find('[')) {
        (Some(c), Some(o)) => c < o,
        (Some(_), None) => true,
        _ => false,
    };
    opened && closes && !masked[open.unwrap_or(0)..at].contains("\n\n")
}

#[cfg(test)]
mod tests;
