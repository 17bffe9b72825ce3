//! A compact byte span, for the records the indexes keep by the million (actor mentions).

use std::ops::Range;

/// A byte range into one document in 8 bytes (a `Range<usize>` takes 16 and is not
/// `Copy`). Offsets fit: no document is larger than 4 GiB (`config::MAX_FILE_BYTES_LIMIT`);
/// a larger offset is clamped rather than wrapped, so a span never points before itself.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
#[repr(C)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        let clamp = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        Span {
            start: clamp(range.start),
            end: clamp(range.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_round_trip_and_clamp() {
        assert_eq!(Span::from(3..9).range(), 3..9);
        assert_eq!(Span::from(3..9).len(), 6);
        let huge = Span::from(usize::MAX - 1..usize::MAX);
        assert_eq!((huge.start, huge.end), (u32::MAX, u32::MAX));
        assert!(huge.is_empty());
        assert_eq!(std::mem::size_of::<Span>(), 8);
    }
}
