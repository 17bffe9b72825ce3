//! Fuzz target: position conversion (arbitrary text, arbitrary LSP positions, both
//! encodings) and incremental edits on a rope, compared with a plain string.
#![no_main]

use dossier::analysis::ide::BriefFile;
use dossier::analysis::text::ColumnUnit;
use dossier::lsp::proto::{apply_change, from_position, to_position, TextRef};
use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use tower_lsp::lsp_types::{Position, Range, TextDocumentContentChangeEvent};

fuzz_target!(|data: &[u8]| {
    if data.len() < 9 {
        return;
    }
    let unit = if data[0] & 1 == 0 {
        ColumnUnit::Utf8
    } else {
        ColumnUnit::Utf16
    };
    let word = |i: usize| u16::from_le_bytes([data[i], data[i + 1]]) as u32;
    let (line, col, line2, col2) = (word(1) % 64, word(3), word(5) % 64, word(7));
    let text = String::from_utf8_lossy(&data[9..]).into_owned();
    let file = BriefFile::new("file:///f.md".into(), text.clone());
    let view = TextRef::brief(&file);
    let start = from_position(
        view,
        Position {
            line,
            character: col,
        },
        unit,
    );
    let end = from_position(
        view,
        Position {
            line: line2,
            character: col2,
        },
        unit,
    );
    for offset in [start, end] {
        assert!(offset <= text.len() && text.is_char_boundary(offset));
        // Back and forth lands on the same offset, except inside a CRLF pair.
        let pos = to_position(view, offset, unit);
        let again = from_position(view, pos, unit);
        let in_crlf = offset > 0
            && text.as_bytes()[offset - 1] == b'\r'
            && text.as_bytes().get(offset) == Some(&b'\n');
        assert!(again == offset || in_crlf, "{offset} -> {pos:?} -> {again}");
    }
    // The same edit on a rope and on the string gives the same text.
    let (lo, hi) = (start.min(end), start.max(end));
    let in_crlf = |o: usize| {
        o > 0 && text.as_bytes()[o - 1] == b'\r' && text.as_bytes().get(o) == Some(&b'\n')
    };
    if in_crlf(lo) || in_crlf(hi) {
        return;
    }
    let mut rope = Rope::from_str(&text);
    let change = TextDocumentContentChangeEvent {
        range: Some(Range {
            start: to_position(view, lo, unit),
            end: to_position(view, hi, unit),
        }),
        range_length: None,
        text: "é🙂\r\n".into(),
    };
    apply_change(&mut rope, &change, unit);
    let mut expected = text.clone();
    expected.replace_range(lo..hi, "é🙂\r\n");
    assert_eq!(rope.to_string(), expected);
});
