//! Tests of [`LineIndex`]: fixed cases, and a property that every conversion agrees with one
//! computed from the text itself.

use proptest::prelude::*;

use super::*;

/// The position of `offset` computed from the text (the conversion the index replaces):
/// snapped back to a char boundary, clamped, columns counted over the line's prefix.
fn reference_line_col(text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let (mut line, mut line_start) = (0, 0);
    let bytes = text.as_bytes();
    for (i, &b) in bytes[..offset].iter().enumerate() {
        let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends_line {
            line += 1;
            line_start = i + 1;
        }
    }
    let segment = &text[line_start..offset];
    let col = match unit {
        ColumnUnit::Utf8 => segment.len(),
        ColumnUnit::Utf16 => segment.encode_utf16().count(),
    };
    LineCol {
        line: line as u32,
        col: col as u32,
    }
}

/// The lines of a text without their endings, from the text.
fn reference_lines(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let (mut lines, mut start, mut i) = (Vec::new(), 0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                lines.push(start..i);
                i += 2;
                start = i;
            }
            b'\r' | b'\n' => {
                lines.push(start..i);
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    lines.push(start..text.len());
    lines
}

/// The offset of a position, from the text: the first char at or past the column, the start
/// of a char the column falls inside, the line's end past it.
fn reference_offset(text: &str, pos: LineCol, unit: ColumnUnit) -> usize {
    let Some(range) = reference_lines(text).get(pos.line as usize).cloned() else {
        return text.len();
    };
    let mut units = 0;
    for (at, ch) in text[range.clone()].char_indices() {
        if units >= pos.col as usize {
            return range.start + at;
        }
        units += match unit {
            ColumnUnit::Utf8 => ch.len_utf8(),
            ColumnUnit::Utf16 => ch.len_utf16(),
        };
        if units > pos.col as usize {
            return range.start + at;
        }
    }
    range.end
}

fn check_against_text(text: &str) {
    let index = LineIndex::new(text);
    let lines = reference_lines(text);
    assert_eq!(index.line_count(), lines.len(), "{text:?}");
    for (line, range) in lines.iter().enumerate() {
        assert_eq!(
            index.line_range(line),
            Some(range.clone()),
            "line {line} of {text:?}"
        );
    }
    assert_eq!(index.line_range(lines.len()), None);
    for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16] {
        // Every byte offset, inside characters and past the end included.
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                index.line_col(offset, unit),
                reference_line_col(text, offset, unit),
                "offset {offset} ({unit:?}) of {text:?}"
            );
        }
        for line in 0..=lines.len() as u32 {
            for col in 0..=text.len() as u32 + 2 {
                let pos = LineCol { line, col };
                assert_eq!(
                    index.offset(pos, unit),
                    reference_offset(text, pos, unit),
                    "{pos:?} ({unit:?}) of {text:?}"
                );
            }
        }
    }
}

#[test]
fn conversions_agree_with_the_text_on_fixed_cases() {
    for text in [
        "",
        "ascii only",
        "é — ’ 🙂 x\r\nsecond 🙂\rthird\n\nlast",
        "\r\r\n\n\r",
        "a\r\nb\r\n",
        "𝄞🙂a\u{10FFFF}ß\r\n漢字\rend🙂",
        "“Quote,” he said — twice.\n",
    ] {
        check_against_text(text);
    }
}

const PIECES: [&str; 16] = [
    "a",
    "word ",
    "é",
    "—",
    "’",
    "漢字",
    "🙂",
    "𝄞",
    "\r\n",
    "\n",
    "\r",
    "\r\r\n",
    " ",
    "",
    "Привет",
    "🙂🙂",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn conversions_agree_with_the_text(pieces in proptest::collection::vec(0..PIECES.len(), 0..40)) {
        let text: String = pieces.iter().map(|&p| PIECES[p]).collect();
        check_against_text(&text);
    }
}

fn round_trip(text: &str, unit: ColumnUnit) {
    let index = LineIndex::new(text);
    for (offset, _) in text.char_indices() {
        let pos = index.line_col(offset, unit);
        let is_eol_cr =
            text.as_bytes()[offset] == b'\n' && offset > 0 && text.as_bytes()[offset - 1] == b'\r';
        if is_eol_cr {
            continue; // the '\n' of a CRLF is not addressable on its own
        }
        assert_eq!(index.offset(pos, unit), offset, "{pos:?} in {text:?}");
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
        index.line_col(b, ColumnUnit::Utf16),
        LineCol { line: 0, col: 3 }
    );
    assert_eq!(
        index.line_col(b, ColumnUnit::Utf8),
        LineCol { line: 0, col: 5 }
    );
    // Inside the surrogate pair: snapped to the emoji's start.
    assert_eq!(
        index.offset(LineCol { line: 0, col: 2 }, ColumnUnit::Utf16),
        1
    );
    // An offset inside the emoji's bytes is the emoji's position.
    assert_eq!(
        index.line_col(3, ColumnUnit::Utf16),
        LineCol { line: 0, col: 1 }
    );
}

#[test]
fn positions_past_the_end_are_clamped() {
    let text = "ab\r\ncd";
    let index = LineIndex::new(text);
    assert_eq!(
        index.offset(LineCol { line: 0, col: 99 }, ColumnUnit::Utf16),
        2
    );
    assert_eq!(
        index.offset(LineCol { line: 7, col: 0 }, ColumnUnit::Utf16),
        6
    );
    assert_eq!(index.line_count(), 2);
    assert_eq!(
        index.line_col(999, ColumnUnit::Utf8),
        LineCol { line: 1, col: 2 }
    );
}

#[test]
fn only_multi_byte_chars_and_crlf_lines_are_kept() {
    let index = LineIndex::new("plain\nline ’two’\r\nthree🙂\r\n");
    assert_eq!(index.wide_run_count(), 3);
    // Adjacent chars of one length make one run; another length or ASCII ends it.
    assert_eq!(LineIndex::new("Привет мир").wide_run_count(), 2);
    assert_eq!(LineIndex::new("漢字漢字🙂🙂é").wide_run_count(), 3);
    assert_eq!(LineIndex::new(&"字".repeat(130)).wide_run_count(), 3);
    check_against_text(&format!("{}a🙂\r\n{}", "字".repeat(130), "é".repeat(64)));
    assert_eq!(index.crlf_lines, vec![0b110]);
    assert!(LineIndex::new("a\nb\rc").crlf_lines.is_empty());
}
