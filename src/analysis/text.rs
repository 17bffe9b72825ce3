//! Line bookkeeping for one text: byte offsets to (line, column) and back.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, the three line endings LSP knows. Columns are
//! counted in UTF-8 bytes or UTF-16 code units; the protocol layer picks which.

use std::ops::Range;

/// How columns are counted, as negotiated with the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColumnUnit {
    Utf8,
    #[default]
    Utf16,
}

/// A 0-based line and a column in the chosen unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// The start offset of every line of a text.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while let Some(pos) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + pos;
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            line_starts.push(next);
            i = next;
        }
        LineIndex {
            line_starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line holding `offset` (offsets past the end are on the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset.min(self.len)) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The byte range of `line` without its line ending; `None` past the last line.
    pub fn line_range(&self, text: &str, line: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(line)?;
        let mut end = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        Some(start..end)
    }

    /// The position of `offset`, snapped back to a char boundary and clamped to the text.
    pub fn line_col(&self, text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let segment = &text[start..offset];
        let col = match unit {
            ColumnUnit::Utf8 => segment.len(),
            ColumnUnit::Utf16 => utf16_len(segment),
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// The byte offset of a position. A column past the end of its line gives the line's
    /// end; a line past the end of the text gives the text's end. A column inside a
    /// character (a UTF-16 surrogate half) gives the start of that character.
    pub fn offset(&self, text: &str, pos: LineCol, unit: ColumnUnit) -> usize {
        let Some(range) = self.line_range(text, pos.line as usize) else {
            return text.len();
        };
        let line_text = &text[range.clone()];
        let wanted = pos.col as usize;
        let mut units = 0;
        for (byte_idx, ch) in line_text.char_indices() {
            if units >= wanted {
                return range.start + byte_idx;
            }
            units += match unit {
                ColumnUnit::Utf8 => ch.len_utf8(),
                ColumnUnit::Utf16 => ch.len_utf16(),
            };
            if units > wanted {
                return range.start + byte_idx;
            }
        }
        range.end
    }
}

/// `text.encode_utf16().count()` by bytes: every byte but a continuation byte starts a
/// char (one UTF-16 unit), and a 4-byte char takes two. A loop the compiler vectorises,
/// for answers that convert thousands of long corpus lines.
fn utf16_len(text: &str) -> usize {
    text.as_bytes()
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// 1-based line number of `offset`, as the CLI and the JSON index print it.
pub fn line_number(index: &LineIndex, offset: usize) -> usize {
    index.line_of(offset) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str, unit: ColumnUnit) {
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            let pos = index.line_col(text, offset, unit);
            let is_eol_cr = text.as_bytes()[offset] == b'\n'
                && offset > 0
                && text.as_bytes()[offset - 1] == b'\r';
            if is_eol_cr {
                continue; // the '\n' of a CRLF is not addressable on its own
            }
            assert_eq!(index.offset(text, pos, unit), offset, "{pos:?} in {text:?}");
        }
    }

    #[test]
    fn positions_round_trip_for_non_ascii_and_crlf() {
        let text = "é — ’ 🙂 x\r\nsecond 🙂\rthird\n\nlast";
        round_trip(text, ColumnUnit::Utf8);
        round_trip(text, ColumnUnit::Utf16);
    }

    #[test]
    fn emoji_counts_two_utf16_units_and_four_bytes() {
        let text = "a🙂b";
        let index = LineIndex::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(
            index.line_col(text, b, ColumnUnit::Utf16),
            LineCol { line: 0, col: 3 }
        );
        assert_eq!(
            index.line_col(text, b, ColumnUnit::Utf8),
            LineCol { line: 0, col: 5 }
        );
        // Inside the surrogate pair: snapped to the emoji's start.
        assert_eq!(
            index.offset(text, LineCol { line: 0, col: 2 }, ColumnUnit::Utf16),
            1
        );
    }

    #[test]
    fn utf16_length_by_bytes_is_the_encoders() {
        for text in ["", "ascii", "é — ’ 🙂 x\r\n", "𝄞🙂a\u{10FFFF}ß"] {
            assert_eq!(utf16_len(text), text.encode_utf16().count(), "{text:?}");
        }
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "ab\r\ncd";
        let index = LineIndex::new(text);
        assert_eq!(
            index.offset(text, LineCol { line: 0, col: 99 }, ColumnUnit::Utf16),
            2
        );
        assert_eq!(
            index.offset(text, LineCol { line: 7, col: 0 }, ColumnUnit::Utf16),
            6
        );
        assert_eq!(index.line_count(), 2);
        assert_eq!(
            index.line_col(text, 999, ColumnUnit::Utf8),
            LineCol { line: 1, col: 2 }
        );
    }
}
