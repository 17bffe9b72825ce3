//! Position conversion: LSP positions and ranges to the core's byte offsets and back,
//! in UTF-8 or UTF-16 columns, and `didChange` edits applied to a brief's rope.
//! Nothing else in dossier knows what a `Position` is.

use std::ops::Range;

use ropey::Rope;
use tower_lsp::lsp_types as lsp;

use crate::analysis::corpus::Document;
use crate::analysis::ide::BriefFile;
use crate::analysis::text::{ColumnUnit, LineCol, LineIndex};

/// The line index of a text: all that position conversion needs. A corpus document's is
/// known without its text, so converting its spans never reads a deferred document.
#[derive(Clone, Copy)]
pub struct TextRef<'a> {
    pub lines: &'a LineIndex,
}

impl<'a> TextRef<'a> {
    pub fn brief(file: &'a BriefFile) -> Self {
        TextRef {
            lines: &file.line_index,
        }
    }

    pub fn doc(doc: &'a Document) -> Self {
        TextRef {
            lines: &doc.line_index,
        }
    }
}

pub fn from_position(text: TextRef, pos: lsp::Position, unit: ColumnUnit) -> usize {
    text.lines.offset(
        LineCol {
            line: pos.line,
            col: pos.character,
        },
        unit,
    )
}

pub fn from_range(text: TextRef, range: lsp::Range, unit: ColumnUnit) -> Range<usize> {
    let start = from_position(text, range.start, unit);
    let end = from_position(text, range.end, unit);
    start.min(end)..end.max(start)
}

pub fn to_position(text: TextRef, offset: usize, unit: ColumnUnit) -> lsp::Position {
    let lc = text.lines.line_col(offset, unit);
    lsp::Position {
        line: lc.line,
        character: lc.col,
    }
}

pub fn to_range(text: TextRef, range: &Range<usize>, unit: ColumnUnit) -> lsp::Range {
    lsp::Range {
        start: to_position(text, range.start, unit),
        end: to_position(text, range.end, unit),
    }
}

/// The char index in a rope of an LSP position, clamped like [`LineIndex::offset`].
pub fn rope_char_index(rope: &Rope, pos: lsp::Position, unit: ColumnUnit) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let line_start = rope.line_to_char(line);
    let mut units = 0usize;
    let wanted = pos.character as usize;
    for (i, ch) in rope.line(line).chars().enumerate() {
        if ch == '\n' || ch == '\r' || units >= wanted {
            return line_start + i;
        }
        units += match unit {
            ColumnUnit::Utf8 => ch.len_utf8(),
            ColumnUnit::Utf16 => ch.len_utf16(),
        };
        if units > wanted {
            return line_start + i;
        }
    }
    rope.len_chars()
}

/// Applies one `didChange` content change to a rope.
pub fn apply_change(
    rope: &mut Rope,
    change: &lsp::TextDocumentContentChangeEvent,
    unit: ColumnUnit,
) {
    match change.range {
        None => *rope = Rope::from_str(&change.text),
        Some(range) => {
            let start = rope_char_index(rope, range.start, unit);
            let end = rope_char_index(rope, range.end, unit).max(start);
            rope.remove(start..end);
            rope.insert(start, &change.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> lsp::Position {
        lsp::Position { line, character }
    }

    #[test]
    fn incremental_edits_with_non_ascii_and_crlf_match_the_client_text() {
        for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16] {
            let mut rope = Rope::from_str("é — ’ 🙂 x\r\nline two\r\n");
            // Replace "x" (after the emoji) with "y🙂"; columns differ per unit.
            let x_col = match unit {
                ColumnUnit::Utf8 => "é — ’ 🙂 ".len() as u32,
                ColumnUnit::Utf16 => "é — ’ 🙂 ".encode_utf16().count() as u32,
            };
            let change = lsp::TextDocumentContentChangeEvent {
                range: Some(lsp::Range {
                    start: pos(0, x_col),
                    end: pos(0, x_col + 1),
                }),
                range_length: None,
                text: "y🙂".into(),
            };
            apply_change(&mut rope, &change, unit);
            // Insert past the end of line 1: clamped to the line's end, before the CRLF.
            let change = lsp::TextDocumentContentChangeEvent {
                range: Some(lsp::Range {
                    start: pos(1, 99),
                    end: pos(1, 99),
                }),
                range_length: None,
                text: "!".into(),
            };
            apply_change(&mut rope, &change, unit);
            assert_eq!(rope.to_string(), "é — ’ 🙂 y🙂\r\nline two!\r\n");
        }
    }

    #[test]
    fn positions_convert_both_ways() {
        let file = BriefFile::new("b".into(), "a🙂b\r\nc".into());
        let text = TextRef::brief(&file);
        let b = file.text.find('b').unwrap();
        assert_eq!(to_position(text, b, ColumnUnit::Utf16), pos(0, 3));
        assert_eq!(from_position(text, pos(0, 3), ColumnUnit::Utf16), b);
        assert_eq!(
            from_position(text, pos(1, 0), ColumnUnit::Utf8),
            file.text.find('c').unwrap()
        );
    }
}

#[cfg(test)]
mod edit_sequences {
    //! Property: any sequence of incremental edits, in either encoding, leaves the rope
    //! identical to the client's own text.

    use super::*;
    use proptest::prelude::*;

    const PIECES: [&str; 12] = [
        "a", "é", "—", "’", "漢字", "🙂", "\r\n", "\n", " ", "word ", "\r\nx", "",
    ];

    /// Reference position of a byte offset, computed independently of `LineIndex`.
    fn reference_position(text: &str, offset: usize, unit: ColumnUnit) -> lsp::Position {
        let mut line = 0;
        let mut line_start = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < offset {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') && i + 1 < offset => {
                    line += 1;
                    i += 2;
                    line_start = i;
                    continue;
                }
                b'\r' | b'\n' => {
                    line += 1;
                    line_start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        let segment = &text[line_start..offset];
        let character = match unit {
            ColumnUnit::Utf8 => segment.len(),
            ColumnUnit::Utf16 => segment.encode_utf16().count(),
        };
        lsp::Position {
            line,
            character: character as u32,
        }
    }

    /// Offsets a client could address: char boundaries not inside a CRLF pair.
    fn addressable(text: &str) -> Vec<usize> {
        (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .filter(|&i| {
                !(i > 0
                    && text.as_bytes()[i - 1] == b'\r'
                    && text.as_bytes().get(i) == Some(&b'\n'))
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn rope_matches_client_text(
            utf8 in any::<bool>(),
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0..PIECES.len(), 0..PIECES.len()), 1..40),
        ) {
            let unit = if utf8 { ColumnUnit::Utf8 } else { ColumnUnit::Utf16 };
            let mut client = String::from("é — ’ 🙂\r\nline\rthird 漢字\n");
            let mut rope = Rope::from_str(&client);
            for (a, b, p1, p2) in edits {
                let offsets = addressable(&client);
                let (x, y) = (a.get(&offsets), b.get(&offsets));
                let (start, end) = (*x.min(y), *x.max(y));
                let new_text = format!("{}{}", PIECES[p1], PIECES[p2]);
                let change = lsp::TextDocumentContentChangeEvent {
                    range: Some(lsp::Range { start: reference_position(&client, start, unit), end: reference_position(&client, end, unit) }),
                    range_length: None,
                    text: new_text.clone(),
                };
                apply_change(&mut rope, &change, unit);
                client.replace_range(start..end, &new_text);
                prop_assert_eq!(rope.to_string(), client.clone());
                // Positions computed by the core agree with the reference everywhere.
                let file = BriefFile::new("b".into(), client.clone());
                for &offset in addressable(&client).iter().step_by(3) {
                    prop_assert_eq!(to_position(TextRef::brief(&file), offset, unit), reference_position(&client, offset, unit));
                }
            }
        }
    }
}
