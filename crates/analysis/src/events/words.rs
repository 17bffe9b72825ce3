//! Sentences, clauses and word tokens of news text, with byte offsets into the text.

use std::ops::Range;

use crate::lower::ascii_lowercase_in;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    /// A word (letters, digits, inner apostrophes, hyphens and dots) or one punctuation mark.
    pub is_word: bool,
}

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "jr", "sr", "prof",
    "maj", "capt", "sgt", "no", "vs", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
    "inc", "corp", "co", "ltd",
];

/// Sentence ranges of `text[range]`: a line break always ends one; `.`, `!` and `?`
/// followed by a space end one unless they close an abbreviation ("Mr.", "U.S.").
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let Some(slice) = text.get(range.clone()) else {
        return found;
    };
    let bytes = slice.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end_here = match b {
            b'\n' | b'\r' => Some(i),
            b'.' | b'!' | b'?' => {
                let next = bytes.get(i + 1).copied();
                let next_is_space = next.is_none_or(|c| c == b' ' || c == b'\n' || c == b'\r');
                (next_is_space && !(b == b'.' && is_abbreviation(&slice[start..i])))
                    .then_some(i + 1)
            }
            _ => None,
        };
        if let Some(end) = end_here {
            push_trimmed(slice, range.start, start..end, &mut found);
            start = end;
        }
        i += 1;
    }
    push_trimmed(slice, range.start, start..bytes.len(), &mut found);
    found
}

/// Whether the word `before` ends with is shortened by a full stop right after it, which
/// then ends no sentence: a title (`Dr.`, `Sen.`), an initial (`George W.`), `U.S.`.
pub(crate) fn is_abbreviation(before: &str) -> bool {
    let word: &str = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or(word);
    if last.chars().count() == 1 && last.chars().all(char::is_uppercase) {
        return true; // "U.S." and initials ("George W. Bush")
    }
    ascii_lowercase_in(last, ABBREVIATIONS)
}

fn push_trimmed(slice: &str, base: usize, local: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &slice[local.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(base + local.start + lead..base + local.end - trail);
    }
}

/// Clauses of a sentence: split at `;`, `:`, dashes and spaced hyphens, where news prose
/// changes subject ("– negotiations about this are already under way").
pub fn clauses(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let Some(slice) = text.get(sentence.clone()) else {
        return found;
    };
    let mut start = 0;
    for (i, ch) in slice.char_indices() {
        let split = match ch {
            ';' | '–' | '—' => true,
            ':' => !slice[i + 1..].starts_with(|c: char| c.is_ascii_digit()),
            '-' => slice[..i].ends_with(' ') && slice[i + 1..].starts_with(' '),
            _ => false,
        };
        if split {
            push_trimmed(slice, sentence.start, start..i, &mut found);
            start = i + ch.len_utf8();
        }
    }
    push_trimmed(slice, sentence.start, start..slice.len(), &mut found);
    found
}

/// Word and punctuation tokens of `text[range]`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let Some(slice) = text.get(range.clone()) else {
        return tokens;
    };
    let mut chars = slice.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        if ch.is_whitespace() {
            continue;
        }
        if !ch.is_alphanumeric() {
            tokens.push(Token {
                span: range.start + i..range.start + i + ch.len_utf8(),
                is_word: false,
            });
            continue;
        }
        let mut end = i + ch.len_utf8();
        while let Some(&(j, c)) = chars.peek() {
            let joins = matches!(c, '\'' | '’' | '-' | '.')
                && slice[j + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if c.is_alphanumeric() || joins {
                end = j + c.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        tokens.push(Token {
            span: range.start + i..range.start + end,
            is_word: true,
        });
    }
    tokens
}

/// Whether a sentence speaks of something to come ("will meet", "upcoming", "next week").
pub fn has_future_cue(sentence: &str) -> bool {
    const CUES: &[&str] = &[
        "will",
        "upcoming",
        "next",
        "scheduled",
        "ahead",
        "plan",
        "plans",
        "intend",
        "intends",
        "planned",
        "expected",
        "slated",
        "due",
        "tomorrow",
        "'ll",
    ];
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| ascii_lowercase_in(w, CUES))
}

/// Whether `sentence` is a headline: a whole line of three to fourteen words that ends
/// without a stop or a closing quote (news heads drop both).
pub(super) fn is_headline(text: &str, sentence: &Range<usize>) -> bool {
    let Some(line) = text.get(sentence.clone()) else {
        return false;
    };
    let line_start = text[..sentence.start]
        .chars()
        .next_back()
        .is_none_or(|c| c == '\n' || c == '\r');
    let line_end = text[sentence.end..]
        .chars()
        .next()
        .is_none_or(|c| c == '\n' || c == '\r');
    let n_words = line.split_whitespace().count();
    line_start
        && line_end
        && (3..=14).contains(&n_words)
        && !line.ends_with(['.', '!', '?', '"', '\'', '”', '’', ':', ','])
}

/// The words of the sentence before `start`, nearest first, lowercased, at most `n`.
pub(super) fn words_before(text: &str, start: usize, n: usize) -> Vec<String> {
    let from = text[..start]
        .rfind(['.', '!', '?', ';', '\n'])
        .map_or(0, |i| i + 1);
    text[from..start]
        .split_whitespace()
        .rev()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect()
}

/// The words after `end`, lowercased, up to the sentence's end, at most `n`.
pub(super) fn words_after(text: &str, end: usize, n: usize) -> Vec<String> {
    let rest = &text[end..];
    let to = rest.find(['.', '!', '?', ';', '\n']).unwrap_or(rest.len());
    rest[..to]
        .split_whitespace()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect()
}
