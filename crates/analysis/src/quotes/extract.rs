//! Finding quotations in news text: paragraphs, quotation marks (straight, curly, angle,
//! mixed), nesting, repair of unbalanced marks, and telling speech from titles and scare
//! quotes.

use crate::lower::str_in;
use std::ops::Range;

/// A quotation as the marks delimit it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedQuote {
    /// With its marks.
    pub span: Range<usize>,
    /// Between the marks, trimmed.
    pub inner: Range<usize>,
    /// Index of the paragraph holding its opening mark.
    pub paragraph: usize,
}

/// Lines longer than this are no hard wrap: no one wraps text this wide, so the line break
/// after one ends a paragraph even where blank lines separate others (scraped pages mix
/// both).
const UNWRAPPED_LINE: usize = 160;

/// Paragraphs of `text[body]`. Where the text has blank lines they separate paragraphs and
/// single line breaks are wraps (a quote may run across them), except after a line too
/// long to be wrapped; where it has none, as in many scraped articles, every line is a
/// paragraph.
pub fn paragraphs(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let body_text = match text.get(body.clone()) {
        Some(t) => t,
        None => return Vec::new(),
    };
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut at = body.start;
    for line in body_text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        lines.push(at..at + content.len());
        at += line.len();
    }
    let has_blank_lines = lines.iter().any(|l| text[l.clone()].trim().is_empty());
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in lines {
        let blank = text[line.clone()].trim().is_empty();
        if blank || !has_blank_lines {
            out.extend(current.take());
            if !blank {
                out.push(line);
            }
            continue;
        }
        let unwrapped = line.len() > UNWRAPPED_LINE;
        current = Some(match current {
            Some(open) => open.start..line.end,
            None => line,
        });
        if unwrapped {
            out.extend(current.take());
        }
    }
    out.extend(current);
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Straight,
    Curly,
    Angle,
}

/// Quotations inside one paragraph.
pub fn find_quotes(text: &str, paragraph: Range<usize>, paragraph_idx: usize) -> Vec<MarkedQuote> {
    let mut quotes = Vec::new();
    let Some(para) = text.get(paragraph.clone()) else {
        return quotes;
    };
    let mut open: Option<(usize, Mark)> = None;
    // A straight quote opened inside a curly one ("nested").
    let mut nested_open = false;
    // Only quotation marks do anything: jump from one to the next (`"`, and the first
    // bytes of `“„”` and of `«»`), reading the characters around each one.
    let bytes = para.as_bytes();
    let mut from = 0;
    while let Some(found) = memchr::memchr3(b'"', 0xE2, 0xC2, &bytes[from..]) {
        let i = from + found;
        let Some(ch) = para[i..].chars().next() else {
            break;
        };
        from = i + ch.len_utf8();
        if !matches!(ch, '"' | '“' | '„' | '”' | '«' | '»') {
            continue;
        }
        let prev = para[..i].chars().next_back();
        let next = para[from..].chars().next();
        let at = paragraph.start + i;
        let end = at + ch.len_utf8();
        match (ch, open) {
            ('“' | '„', None) => open = Some((at, Mark::Curly)),
            ('«', None) => open = Some((at, Mark::Angle)),
            ('"', None) if next.is_some_and(|c| !c.is_whitespace()) => {
                open = Some((at, Mark::Straight))
            }
            // `,“ said Helen Marsh`: an opening mark typed where the closing one belongs
            // (right after the words, before a space or punctuation) closes the quote.
            ('“', Some((start, Mark::Curly)))
                if prev.is_some_and(|c| !c.is_whitespace())
                    && next.is_none_or(|c| c.is_whitespace() || ",.;:!?".contains(c)) =>
            {
                quotes.extend(make(text, start, end, true, paragraph_idx));
                open = None;
                nested_open = false;
            }
            ('“', Some((start, Mark::Curly))) => {
                // A second opening mark: the first quote was never closed.
                quotes.extend(make(text, start, at, false, paragraph_idx));
                open = Some((at, Mark::Curly));
                nested_open = false;
            }
            ('"', Some((start, Mark::Curly | Mark::Angle))) => {
                let looks_opening =
                    prev.is_none_or(char::is_whitespace) && next.is_some_and(char::is_alphanumeric);
                if nested_open {
                    nested_open = false;
                } else if looks_opening {
                    nested_open = true;
                } else {
                    // A curly opening closed by a straight mark.
                    quotes.extend(make(text, start, end, true, paragraph_idx));
                    open = None;
                }
            }
            ('”' | '»' | '"', Some((start, _))) => {
                quotes.extend(make(text, start, end, true, paragraph_idx));
                open = None;
                nested_open = false;
            }
            _ => {}
        }
    }
    if let Some((start, _)) = open {
        let close_at = repair_point(text, start, paragraph.end);
        quotes.extend(make(text, start, close_at, false, paragraph_idx));
    }
    quotes
}

/// Where an unclosed quote ends: before a sentence that attributes it ("... table. Lavrov
/// told reporters") when there is one, else at the paragraph end.
fn repair_point(text: &str, start: usize, para_end: usize) -> usize {
    let inner = &text[start..para_end];
    let mut best = para_end;
    for (i, _) in inner.match_indices(". ") {
        let rest = &inner[i + 2..];
        if super::attribution::starts_with_attribution(rest) {
            best = start + i + 1;
            break;
        }
    }
    best
}

fn make(
    text: &str,
    start: usize,
    end: usize,
    closed: bool,
    paragraph: usize,
) -> Option<MarkedQuote> {
    let open_len = text[start..].chars().next().map_or(1, char::len_utf8);
    let close_len = if closed {
        text[..end].chars().next_back().map_or(0, char::len_utf8)
    } else {
        0
    };
    let raw_inner = start + open_len..end.saturating_sub(close_len).max(start + open_len);
    let slice = &text[raw_inner.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let inner = raw_inner.start + lead..raw_inner.end - trail;
    if inner.is_empty() || !text[inner.clone()].chars().any(char::is_alphanumeric) {
        return None;
    }
    let end = if closed { end } else { inner.end };
    Some(MarkedQuote {
        span: start..end,
        inner,
        paragraph,
    })
}

/// Single-quoted spans of `range` (a headline): an opening `'`/`‘` after a space or the
/// start and before a letter, closed by the next `'`/`’` after a non-space and before a
/// non-letter. Apostrophes inside words ("Syria's", "don't") are neither.
pub fn find_single_quotes(text: &str, range: Range<usize>) -> Vec<MarkedQuote> {
    let mut quotes = Vec::new();
    let Some(slice) = text.get(range.clone()) else {
        return quotes;
    };
    let mut open: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let at = range.start + i;
        let is_mark = matches!(ch, '\'' | '‘' | '’');
        let opening = is_mark
            && ch != '’'
            && prev.is_none_or(|c| c.is_whitespace() || "([—–-".contains(c))
            && next.is_some_and(char::is_alphanumeric);
        let closing = is_mark
            && ch != '‘'
            && prev.is_some_and(|c| !c.is_whitespace())
            && next.is_none_or(|c| !c.is_alphanumeric());
        match open {
            None if opening => open = Some(at),
            Some(start) if closing => {
                quotes.extend(make(text, start, at + ch.len_utf8(), true, 0));
                open = None;
            }
            _ => {}
        }
        prev = Some(ch);
    }
    quotes
}

/// Words that introduce a title rather than speech: `the 2017 book "What is Russia?"`.
const TITLE_CUES: [&str; 19] = [
    "book",
    "books",
    "novel",
    "film",
    "movie",
    "documentary",
    "song",
    "album",
    "article",
    "column",
    "essay",
    "report",
    "program",
    "programme",
    "show",
    "series",
    "newspaper",
    "magazine",
    "slogan",
];

/// Verbs that name what follows them: a title or a label only right before the quote (`a
/// book called "Fear"`), as `Trump called Clinton "a liar"` reports words.
const NAMING_VERBS: [&str; 5] = ["called", "named", "dubbed", "titled", "entitled"];

/// What tells a quotation's words from a word merely mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Support {
    /// No attribution: a word or two in marks is a scare quote, title case a title.
    None,
    /// A name cues the quote (`"...," Lavrov said`, `Adorni said he would sign "with
    /// reservations"`): even two words are someone's words.
    AdjacentName,
    /// A known person or organization is the subject of a reporting verb in the quote's
    /// sentence (`Trump called her a "nasty woman"`, `Trump dubbed him "Lyin' Ted"`): a
    /// label in their words, even after an article or in title case.
    Reported,
}

/// Whether the word before the last word of `before` (the naming verb right before a
/// quote) is capitalised: a name as its subject, not a noun (`a book called`).
fn subject_capitalised(before: &str) -> bool {
    before
        .split_whitespace()
        .rev()
        .nth(1)
        .and_then(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .next()
        })
        .is_some_and(char::is_uppercase)
}

/// Small words a title may keep in lower case.
const TITLE_SMALL_WORDS: [&str; 14] = [
    "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "or", "from",
];

/// False for titles ("What is Russia?" after "book") and scare quotes ("denuclearize"):
/// one or two words with no attribution, or capitalised like a title.
pub fn is_speech(text: &str, quote: &MarkedQuote, support: Support) -> bool {
    let inner = &text[quote.inner.clone()];
    let words: Vec<&str> = inner
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    let before = &text[..quote.span.start];
    // The three words before the quote in its own sentence: a title cue in the sentence
    // before ("... on The Laura Ingraham Show on Tuesday. "He's backed ...") is not this
    // quote's.
    let preceding: Vec<String> = before
        .split_whitespace()
        .rev()
        .enumerate()
        .take_while(|(i, w)| {
            !w.ends_with(['.', '!', '?', '"', '”']) && (*i == 0 || !w.ends_with(':'))
        })
        .map(|(_, w)| w)
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    // A title cue right before the quote names a title; a few words back it does only
    // when nobody is said to speak (`The IMF report stated that "growth will slow"`).
    // `what Walsh called "an image problem"`, `he dubbed it "X"`... no: only a subject
    // right before the naming verb (a pronoun, or the name a reporting verb's subject
    // gives) makes the label someone's words; `a book called "Fear"` names a title.
    let subject_names = |w: &String| {
        matches!(w.as_str(), "he" | "she" | "they" | "we" | "i")
            || (support == Support::Reported && subject_capitalised(before))
    };
    // A title opens with a capital letter: after `the program "is gaining traction"` the
    // noun is the sentence's subject and the quote goes on with its verb.
    let opens_lowercase = inner
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(char::is_lowercase);
    let right_before = preceding.first().is_some_and(|w| {
        (str_in(&TITLE_CUES, w.as_str()) && !opens_lowercase)
            || (str_in(&NAMING_VERBS, w.as_str()) && !preceding.get(1).is_some_and(subject_names))
    });
    let nearby =
        support == Support::None && preceding.iter().any(|w| str_in(&TITLE_CUES, w.as_str()));
    if right_before || nearby {
        return false;
    }
    let n_words = inner.split_whitespace().count();
    // `a "congress"`, `the so-called "moderates"`: a word named, not words said.
    let after_determiner = preceding.first().is_some_and(|w| {
        [
            "a",
            "an",
            "the",
            "this",
            "that",
            "its",
            "their",
            "his",
            "her",
            "so-called",
        ]
        .contains(&w.as_str())
    });
    let short_named = match support {
        Support::None => false,
        Support::AdjacentName => !after_determiner,
        Support::Reported => true,
    };
    if n_words <= 2 && !short_named {
        return false;
    }
    let title_case = words.len() >= 2
        && words.iter().enumerate().all(|(i, w)| {
            w.chars().next().is_some_and(char::is_uppercase)
                || (i > 0 && TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        })
        && words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            >= 2;
    let ends_sentence = inner.trim_end().ends_with(['.', '!', '?', ',']);
    !(title_case && !ends_sentence && support == Support::None)
}
