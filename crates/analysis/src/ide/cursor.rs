//! Where the cursor is in the brief's text: a safe offset, the word being typed.

use std::ops::Range;

/// `offset` clamped to the text and moved back to a char boundary: features take any
/// offset (the protocol layer already snaps, but the core must not trust its callers).
pub fn char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The word being typed just before `offset`: letters, digits, apostrophes and hyphens.
pub fn typed_word(text: &str, offset: usize) -> Range<usize> {
    let offset = offset.min(text.len());
    let mut start = offset;
    for (i, ch) in text[..offset].char_indices().rev() {
        if ch.is_alphanumeric()
            || ch == '-'
            || ch == '\''
            || ch == '’'
            || ch == '.' && i + 1 < offset
        {
            start = i;
        } else {
            break;
        }
    }
    start..offset
}
