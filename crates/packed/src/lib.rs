//! Serde adapters that store large arrays of small fixed-size records (word numbers,
//! postings, mentions) as one run of little-endian `u32` words, for the index cache.
//!
//! Serde's derived form writes such an array element by element, and postcard then spends
//! a varint per field: decoding the merged indexes of a warm start was mostly that loop.
//! Packed, an array is one byte string decoded by a tight loop into a vector allocated
//! once. A nested array (one list per document or per actor) is its lengths then all its
//! records, in one byte string too.
//!
//! Human-readable formats (JSON) keep the derived form. A malformed byte string (a length
//! that is not a whole number of records, lengths that do not add up, a value out of its
//! range) is an error, never a panic. Offsets are stored as `u32`: documents are under
//! 4 GiB (the seed index already keeps byte offsets as `u32`); a larger one makes saving
//! the cache fail, which only means the next start indexes from scratch.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{self, Serialize, Serializer};

mod array;
mod lists;

pub use array::{borrowing_from, Counted, Packed, StableBytes};
pub use lists::Lists;

/// A record of a fixed number of `u32` words.
///
/// # Safety
/// When [`Words::PLAIN`] is true, the type must be laid out as exactly its `N` words, in
/// the order [`Words::put`] writes them (`#[repr(C)]` over `u32` fields, or `u32` and
/// `u64` themselves), with every bit pattern a valid value: [`Packed`] then reads records
/// in place from the cache's bytes. A record's impl sits beside its definition, with
/// `size_of`/`offset_of!` assertions that make the compiler check that layout.
pub unsafe trait Words: Sized {
    /// Words per record.
    const N: usize;
    /// Whether the record is its words in memory (see the trait's safety section).
    const PLAIN: bool = false;
    /// Appends the record's words; `None` when a value does not fit in a `u32`.
    fn put(&self, out: &mut Vec<u32>) -> Option<()>;
    /// The record from exactly [`Words::N`] words; `None` when they cannot be one.
    fn take(words: &[u32]) -> Option<Self>;

    /// Appends the records of `bytes`, a whole number of them, to `out`.
    fn extend_from(bytes: &[u8], out: &mut Vec<Self>) -> Option<()> {
        let mut buf = [0u32; MAX_WORDS];
        for chunk in bytes.chunks_exact(4 * Self::N) {
            for (w, b) in buf.iter_mut().zip(chunk.chunks_exact(4)) {
                *w = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            }
            out.push(Self::take(buf.get(..Self::N)?)?);
        }
        Some(())
    }
}

// SAFETY: a `u32` is one word.
unsafe impl Words for u32 {
    const N: usize = 1;
    const PLAIN: bool = true;
    fn put(&self, out: &mut Vec<u32>) -> Option<()> {
        out.push(*self);
        Some(())
    }
    fn take(words: &[u32]) -> Option<Self> {
        words.first().copied()
    }
    /// The bulk of the cache (postings): one loop the compiler turns into a copy.
    fn extend_from(bytes: &[u8], out: &mut Vec<Self>) -> Option<()> {
        out.extend(
            bytes
                .chunks_exact(4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
        );
        Some(())
    }
}

// SAFETY: on a little-endian machine (the only kind `Packed` borrows on) a `u64` is its
// low word then its high word, the order `put` writes.
unsafe impl Words for u64 {
    const N: usize = 2;
    const PLAIN: bool = true;
    fn put(&self, out: &mut Vec<u32>) -> Option<()> {
        out.extend([*self as u32, (*self >> 32) as u32]);
        Some(())
    }
    fn take(words: &[u32]) -> Option<Self> {
        match words {
            &[low, high] => Some(u64::from(low) | (u64::from(high) << 32)),
            _ => None,
        }
    }
}

/// An offset as a word, when it fits.
pub fn word(value: usize) -> Option<u32> {
    u32::try_from(value).ok()
}

/// An offset back from a word.
pub fn offset(word: u32) -> usize {
    word as usize
}

const TOO_LARGE: &str = "a value too large for the index cache (over 4 GiB)";

fn to_bytes(words: &[u32]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(words.len() * 4);
    for w in words {
        bytes.extend_from_slice(&w.to_le_bytes());
    }
    bytes
}

/// The records as little-endian words, or an error when a value does not fit in a word.
fn encode<T: Words, E: ser::Error>(items: &[T]) -> Result<Vec<u8>, E> {
    let mut words = Vec::with_capacity(items.len() * T::N);
    for item in items {
        item.put(&mut words).ok_or_else(|| E::custom(TOO_LARGE))?;
    }
    Ok(to_bytes(&words))
}

/// A byte string that a format wrote as a sequence of bytes.
fn collect_bytes<'de, A: de::SeqAccess<'de>>(mut seq: A) -> Result<Vec<u8>, A::Error> {
    let mut bytes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
    while let Some(b) = seq.next_element::<u8>()? {
        bytes.push(b);
    }
    Ok(bytes)
}

/// Records wider than this many words are not supported (none is).
const MAX_WORDS: usize = 8;

/// Records from a byte string that must be a whole number of them.
fn records<T: Words, E: de::Error>(bytes: &[u8]) -> Result<Vec<T>, E> {
    let size = 4 * T::N;
    if T::N == 0 || T::N > MAX_WORDS || !bytes.len().is_multiple_of(size) {
        return Err(E::invalid_length(bytes.len(), &"a whole number of records"));
    }
    let mut out = Vec::with_capacity(bytes.len() / size);
    huge_pages::advise(&out);
    T::extend_from(bytes, &mut out).ok_or_else(|| E::custom("a record out of range"))?;
    Ok(out)
}

/// Transparent huge pages for the largest decoded arrays.
///
/// A warm start fills about a gigabyte of fresh memory at 1 GB of corpus, and the
/// kernel's work on it (a fault, then zeroing, per 4 KiB page) was the largest part of
/// decoding. Where the system leaves huge pages to the program (`madvise` mode, the
/// default of most distributions), asking for them on an array's whole 2 MiB pages makes
/// that one fault per 2 MiB. It is only advice: when it is refused nothing changes.
mod huge_pages {
    /// Arrays smaller than this are not worth a system call.
    #[cfg(target_os = "linux")]
    const AT_LEAST: usize = 8 << 20;
    #[cfg(target_os = "linux")]
    const HUGE_PAGE: usize = 2 << 20;

    /// Advises huge pages for the whole 2 MiB pages inside `vec`'s spare capacity. Call
    /// it before writing: pages already touched stay small.
    #[cfg(target_os = "linux")]
    pub fn advise<T>(vec: &Vec<T>) {
        let bytes = vec.capacity() * std::mem::size_of::<T>();
        if bytes < AT_LEAST {
            return;
        }
        let start = vec.as_ptr() as usize;
        let first = start.next_multiple_of(HUGE_PAGE);
        let end = (start + bytes) / HUGE_PAGE * HUGE_PAGE;
        if first < end {
            // SAFETY: the range lies inside the vector's own allocation, and MADV_HUGEPAGE
            // changes how the kernel backs those pages, never their contents.
            unsafe {
                libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE);
            }
        }
    }

    #[cfg(not(target_os = "linux"))]
    pub fn advise<T>(_vec: &Vec<T>) {}
}

/// `#[serde(with = "packed::vec")]` for a `Vec<T>` of [`Words`] records.
pub mod vec {
    use super::*;

    pub fn serialize<T, S>(items: &[T], serializer: S) -> Result<S::Ok, S::Error>
    where
        T: Words + Serialize,
        S: Serializer,
    {
        if serializer.is_human_readable() {
            return items.serialize(serializer);
        }
        serializer.serialize_bytes(&encode::<T, S::Error>(items)?)
    }

    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<Vec<T>, D::Error>
    where
        T: Words + Deserialize<'de>,
        D: Deserializer<'de>,
    {
        if deserializer.is_human_readable() {
            return Vec::<T>::deserialize(deserializer);
        }
        deserializer.deserialize_bytes(BytesVisitor(PhantomData, records::<T, PackedError>))
    }
}

/// `#[serde(with = "packed::nested")]` for a `Vec<Vec<T>>` of [`Words`] records: the
/// number of lists, each list's length, then every record, as words.
pub mod nested {
    use super::*;

    pub fn serialize<T, S>(lists: &[Vec<T>], serializer: S) -> Result<S::Ok, S::Error>
    where
        T: Words + Serialize,
        S: Serializer,
    {
        if serializer.is_human_readable() {
            return lists.serialize(serializer);
        }
        let too_large = || <S::Error as ser::Error>::custom(TOO_LARGE);
        let n_records: usize = lists.iter().map(Vec::len).sum();
        let mut words = Vec::with_capacity(1 + lists.len() + n_records * T::N);
        words.push(word(lists.len()).ok_or_else(too_large)?);
        for list in lists {
            words.push(word(list.len()).ok_or_else(too_large)?);
        }
        for item in lists.iter().flatten() {
            item.put(&mut words).ok_or_else(too_large)?;
        }
        serializer.serialize_bytes(&to_bytes(&words))
    }

    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<Vec<Vec<T>>, D::Error>
    where
        T: Words + Deserialize<'de>,
        D: Deserializer<'de>,
    {
        if deserializer.is_human_readable() {
            return Vec::<Vec<T>>::deserialize(deserializer);
        }
        deserializer.deserialize_bytes(BytesVisitor(PhantomData, split::<T, PackedError>))
    }

    fn split<T: Words, E: de::Error>(bytes: &[u8]) -> Result<Vec<Vec<T>>, E> {
        let bad = || E::custom("list lengths do not match the records");
        let word_at = |i: usize| -> Option<usize> {
            let b = bytes.get(4 * i..4 * i + 4)?;
            Some(offset(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
        };
        let n_lists = word_at(0).ok_or_else(bad)?;
        let header = n_lists
            .checked_add(1)
            .and_then(|n| n.checked_mul(4))
            .filter(|&len| len <= bytes.len())
            .ok_or_else(bad)?;
        let mut rest = &bytes[header..];
        let mut lists = Vec::with_capacity(n_lists);
        for i in 1..=n_lists {
            let len = word_at(i)
                .and_then(|len| len.checked_mul(4 * T::N))
                .filter(|&len| len <= rest.len())
                .ok_or_else(bad)?;
            let (these, after) = rest.split_at(len);
            lists.push(records(these)?);
            rest = after;
        }
        if !rest.is_empty() {
            return Err(bad());
        }
        Ok(lists)
    }
}

/// Reads a byte string (borrowed or owned) and hands it to a decoding function.
struct BytesVisitor<T, F>(PhantomData<T>, F);

impl<'de, T, F> Visitor<'de> for BytesVisitor<T, F>
where
    F: FnOnce(&[u8]) -> Result<T, PackedError>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a packed array of u32 words")
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<T, E> {
        (self.1)(bytes).map_err(|err| E::custom(err.0))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        self.visit_bytes(&collect_bytes(seq)?)
    }
}

/// A decoding error before it is given the deserializer's error type.
#[derive(Debug)]
struct PackedError(String);

impl fmt::Display for PackedError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PackedError {}

impl de::Error for PackedError {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        PackedError(msg.to_string())
    }
}
