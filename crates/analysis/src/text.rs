//! Line bookkeeping for one text: byte offsets to (line, column) and back, without the text.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, the three line endings LSP knows. Columns are
//! counted in UTF-8 bytes or UTF-16 code units; the protocol layer picks which.
//!
//! The index keeps, besides the line starts, where the characters of more than one UTF-8
//! byte are and which lines end in `\r\n` (as rust-analyzer's line-index crate does). That
//! is all a conversion needs, so a corpus document whose text stays on disk (a deferred
//! document after a warm start) converts its spans without being read: a definition
//! answering 40,000 sources would otherwise read 40,000 files for their columns. English
//! news is mostly ASCII with a few curly quotes and dashes per line, so the list is short
//! (~0.4% of the index cache); adjacent characters of one length are kept as one run, so
//! that a word of Cyrillic or a line of Chinese costs one entry, not one per character.

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

/// Where the lines of a text start and where its multi-byte characters are.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
    /// The characters of 2 to 4 UTF-8 bytes in text order, as runs of adjacent characters
    /// of the same length packed in one word each (see [`WideRun`]): the index lives in
    /// memory for every corpus document.
    wide_runs: Vec<u64>,
    /// Bit `l` is set when line `l` ends in `\r\n` (one bit per line; empty when no line
    /// does, as in most corpora): what [`LineIndex::line_range`] needs to drop the ending.
    crlf_lines: Vec<u64>,
}

/// `count` adjacent characters of `len` UTF-8 bytes each from `start`, unpacked. Packed as
/// `start << 8 | (count - 1) << 2 | (len - 2)`: runs of up to 64 characters (a longer one
/// is split), so that the packed word stays small for the cache's varints (3 bytes for a
/// start under 8 KB).
#[derive(Debug, Clone, Copy)]
struct WideRun {
    start: usize,
    len: usize,
    count: usize,
}

const MAX_RUN: usize = 1 << 6;

impl WideRun {
    fn unpack(packed: u64) -> WideRun {
        WideRun {
            start: (packed >> 8) as usize,
            count: ((packed >> 2) & (MAX_RUN as u64 - 1)) as usize + 1,
            len: (packed & 3) as usize + 2,
        }
    }

    fn pack(self) -> u64 {
        ((self.start as u64) << 8)
            | (((self.count.clamp(1, MAX_RUN) - 1) as u64) << 2)
            | (self.len.clamp(2, 4) - 2) as u64
    }

    fn end(self) -> usize {
        self.start + self.len * self.count
    }

    /// One character's length in `unit`: 4-byte chars are a UTF-16 surrogate pair, the
    /// others one unit.
    fn units(self, unit: ColumnUnit) -> usize {
        match unit {
            ColumnUnit::Utf8 => self.len,
            ColumnUnit::Utf16 if self.len == 4 => 2,
            ColumnUnit::Utf16 => 1,
        }
    }
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut index = LineIndex {
            line_starts: vec![0],
            len: text.len(),
            wide_runs: Vec::new(),
            crlf_lines: Vec::new(),
        };
        let mut i = 0;
        while let Some(pos) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + pos;
            index.add_wide_chars(text, i..at);
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                index.mark_crlf(index.line_starts.len() - 1);
                at + 2
            } else {
                at + 1
            };
            index.line_starts.push(next);
            i = next;
        }
        index.add_wide_chars(text, i..text.len());
        index
    }

    /// Records the multi-byte characters of one line's content (a line is mostly ASCII,
    /// which `is_ascii` checks a word at a time).
    fn add_wide_chars(&mut self, text: &str, line: Range<usize>) {
        let Some(content) = text.get(line.clone()) else {
            return;
        };
        if content.is_ascii() {
            return;
        }
        for (at, ch) in content.char_indices() {
            let (start, len) = (line.start + at, ch.len_utf8());
            if len == 1 {
                continue;
            }
            let last = self.wide_runs.last().map(|&packed| WideRun::unpack(packed));
            match last {
                Some(run) if run.end() == start && run.len == len && run.count < MAX_RUN => {
                    if let Some(packed) = self.wide_runs.last_mut() {
                        *packed = WideRun {
                            count: run.count + 1,
                            ..run
                        }
                        .pack();
                    }
                }
                _ => self.wide_runs.push(
                    WideRun {
                        start,
                        len,
                        count: 1,
                    }
                    .pack(),
                ),
            }
        }
    }

    fn mark_crlf(&mut self, line: usize) {
        let word = line / 64;
        if self.crlf_lines.len() <= word {
            self.crlf_lines.resize(word + 1, 0);
        }
        self.crlf_lines[word] |= 1 << (line % 64);
    }

    fn ends_in_crlf(&self, line: usize) -> bool {
        self.crlf_lines
            .get(line / 64)
            .is_some_and(|word| word & (1 << (line % 64)) != 0)
    }

    /// The number of runs of multi-byte characters kept (for size accounting and tests).
    pub fn wide_run_count(&self) -> usize {
        self.wide_runs.len()
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
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(line)?;
        let end = match self.line_starts.get(line + 1) {
            // A line that has a next one ends in "\r\n", "\n" or "\r".
            Some(&next) if self.ends_in_crlf(line) => next - 2,
            Some(&next) => next - 1,
            None => self.len,
        };
        Some(start..end.max(start))
    }

    /// The runs starting in `range`, as indexes into `wide_runs`. A run never spans a line
    /// ending (line endings are ASCII).
    fn runs_in(&self, range: Range<usize>) -> Range<usize> {
        let starts_before =
            |offset: usize| move |&packed: &u64| WideRun::unpack(packed).start < offset;
        let first = self.wide_runs.partition_point(starts_before(range.start));
        let end = first + self.wide_runs[first..].partition_point(starts_before(range.end));
        first..end
    }

    /// `offset` clamped to the text and moved back to the start of the character it is in.
    fn snap(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        let before = self
            .wide_runs
            .partition_point(|&packed| WideRun::unpack(packed).start < offset);
        let run = before
            .checked_sub(1)
            .map(|i| WideRun::unpack(self.wide_runs[i]));
        match run {
            Some(run) if offset < run.end() => run.start + (offset - run.start) / run.len * run.len,
            _ => offset,
        }
    }

    /// The position of `offset`, snapped back to a char boundary and clamped to the text.
    pub fn line_col(&self, offset: usize, unit: ColumnUnit) -> LineCol {
        let offset = self.snap(offset);
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let mut col = offset - start;
        if unit == ColumnUnit::Utf16 {
            for &packed in &self.wide_runs[self.runs_in(start..offset)] {
                let run = WideRun::unpack(packed);
                // The run's characters before `offset` (a char boundary).
                let before = ((offset - run.start) / run.len).min(run.count);
                col -= before * (run.len - run.units(unit));
            }
        }
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// The byte offset of a position. A column past the end of its line gives the line's
    /// end; a line past the end of the text gives the text's end. A column inside a
    /// character (a UTF-16 surrogate half, or a UTF-8 continuation byte) gives the start of
    /// that character.
    pub fn offset(&self, pos: LineCol, unit: ColumnUnit) -> usize {
        let Some(range) = self.line_range(pos.line as usize) else {
            return self.len;
        };
        let wanted = pos.col as usize;
        // Walk the line's runs; between them one byte is one unit.
        let (mut at, mut units) = (range.start, 0);
        for &packed in &self.wide_runs[self.runs_in(range.clone())] {
            let run = WideRun::unpack(packed);
            let ascii = run.start - at;
            if units + ascii >= wanted {
                return at + (wanted - units);
            }
            units += ascii;
            // The first character whose end passes `wanted` (or the one it starts at).
            let nth = (wanted - units) / run.units(unit);
            if nth < run.count {
                return run.start + nth * run.len;
            }
            units += run.count * run.units(unit);
            at = run.end();
        }
        (at + (wanted - units.min(wanted))).min(range.end)
    }
}

/// 1-based line number of `offset`, as the CLI and the JSON index print it.
pub fn line_number(index: &LineIndex, offset: usize) -> usize {
    index.line_of(offset) + 1
}

#[cfg(test)]
mod tests;
