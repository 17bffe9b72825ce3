//! [`Packed`]: an array of fixed-size records that is either owned, or read in place from
//! the bytes of an index cache mapped into memory.
//!
//! A warm start of a large corpus decoded about a gigabyte of postings and mentions by
//! copying them out of the cache file into fresh vectors, and the kernel's work on that
//! fresh memory was the largest part of the start. When the cache layer decodes a blob
//! from a mapped file it says so ([`borrowing_from`]); an array whose records are plain
//! `u32` words ([`Words::PLAIN`]), written aligned, is then borrowed from the mapping
//! instead: no copy, and its pages are the page cache's.
//!
//! Alignment is arranged when writing: the cache writer counts the bytes it streams
//! ([`Counted`]), and an array is written as a byte string that starts with a padding
//! length, the padding, then the words, padded so that the words start on an 8-byte
//! boundary of the file (a mapping starts on a page boundary, so they are aligned in
//! memory too). Anywhere else (JSON, a byte vector in a test, an unaligned or big-endian
//! case) the array is copied, as before.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::io::{self, Write};
use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::Arc;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use super::{collect_bytes, encode, records, PackedError, Words};

/// Bytes that stay where they are, unchanged, for as long as the value lives.
///
/// # Safety
/// `bytes` must return the same memory, with the same contents, on every call for the
/// whole life of the value: arrays keep pointers into it.
pub unsafe trait StableBytes: Send + Sync {
    fn bytes(&self) -> &[u8];
}

/// Shared ownership of bytes that arrays may borrow from.
pub type Backing = Arc<dyn StableBytes>;

/// Alignment of a borrowed array's first record (enough for every [`Words`] record).
const ALIGN: usize = 8;

/// An array of records: owned, or borrowed from a [`Backing`] kept alive with it.
/// Reads as a slice (`Deref`); built from a `Vec`.
pub struct Packed<T> {
    repr: Repr<T>,
}

enum Repr<T> {
    Owned(Vec<T>),
    Borrowed {
        ptr: *const T,
        len: usize,
        _backing: Backing,
    },
}

// SAFETY: a borrowed array is immutable memory owned by its backing, which is Send and
// Sync; the raw pointer is only read, as a `&[T]` would be.
unsafe impl<T: Send + Sync> Send for Packed<T> {}
// SAFETY: as above; nothing is ever written through a shared `Packed`.
unsafe impl<T: Send + Sync> Sync for Packed<T> {}

impl<T> Packed<T> {
    /// Heap bytes this array owns (none when borrowed).
    pub fn heap_bytes(&self) -> usize {
        match &self.repr {
            Repr::Owned(vec) => vec.capacity() * std::mem::size_of::<T>(),
            Repr::Borrowed { .. } => 0,
        }
    }

    /// Whether the records are read in place from a mapped cache.
    pub fn is_borrowed(&self) -> bool {
        matches!(self.repr, Repr::Borrowed { .. })
    }
}

impl<T> Deref for Packed<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match &self.repr {
            Repr::Owned(vec) => vec,
            // SAFETY: `borrow` checked that the records lie inside the backing's bytes,
            // are aligned for `T` and that `T` is plain words; the backing is alive (we
            // hold it) and never changes (`StableBytes`).
            Repr::Borrowed { ptr, len, .. } => unsafe { std::slice::from_raw_parts(*ptr, *len) },
        }
    }
}

impl<'a, T> IntoIterator for &'a Packed<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> std::slice::Iter<'a, T> {
        self.iter()
    }
}

impl<T> From<Vec<T>> for Packed<T> {
    fn from(vec: Vec<T>) -> Packed<T> {
        Packed {
            repr: Repr::Owned(vec),
        }
    }
}

impl<T> Default for Packed<T> {
    fn default() -> Packed<T> {
        Vec::new().into()
    }
}

impl<T: Clone> Clone for Packed<T> {
    fn clone(&self) -> Packed<T> {
        match &self.repr {
            Repr::Owned(vec) => vec.clone().into(),
            Repr::Borrowed { ptr, len, _backing } => Packed {
                repr: Repr::Borrowed {
                    ptr: *ptr,
                    len: *len,
                    _backing: _backing.clone(),
                },
            },
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Packed<T> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: PartialEq> PartialEq for Packed<T> {
    fn eq(&self, other: &Packed<T>) -> bool {
        **self == **other
    }
}

impl<T: Eq> Eq for Packed<T> {}

thread_local! {
    /// The place in its file of the next byte written on this thread, when counted.
    static WRITTEN: Cell<Option<u64>> = const { Cell::new(None) };
    /// The mapped bytes being decoded on this thread, when arrays may borrow from them.
    static BACKING: RefCell<Option<Backing>> = const { RefCell::new(None) };
}

/// A writer that counts what passes through it, so that arrays serialized into it are
/// laid out aligned (see the module's documentation). Only one may be in use per thread
/// at a time.
pub struct Counted<W> {
    inner: W,
}

impl<W: Write> Counted<W> {
    /// Counting from `at`, the place in the file of the first byte written.
    pub fn new(inner: W, at: u64) -> Counted<W> {
        WRITTEN.with(|w| w.set(Some(at)));
        Counted { inner }
    }
}

impl<W> Drop for Counted<W> {
    fn drop(&mut self) {
        WRITTEN.with(|w| w.set(None));
    }
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        WRITTEN.with(|w| w.set(w.get().map(|at| at + n as u64)));
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Runs `decode` over `backing`'s bytes, letting the arrays it decodes borrow from them.
pub fn borrowing_from<R>(backing: Backing, decode: impl FnOnce(&[u8]) -> R) -> R {
    struct Restore(Option<Backing>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            BACKING.with(|b| *b.borrow_mut() = previous);
        }
    }
    let _restore = Restore(BACKING.with(|b| b.borrow_mut().replace(backing.clone())));
    decode(backing.bytes())
}

/// The number of bytes postcard spends on the length `n`.
fn varint_len(n: usize) -> usize {
    let bits = usize::BITS - (n | 1).leading_zeros();
    bits.div_ceil(7) as usize
}

/// The padding that puts the words of an array on an [`ALIGN`] boundary, when the
/// position of its byte string (`at`) is known.
fn padding(at: Option<u64>, n_bytes: usize) -> usize {
    let Some(at) = at else {
        return 0;
    };
    (0..ALIGN)
        .find(|&pad| {
            let words_at = at as usize + varint_len(1 + pad + n_bytes) + 1 + pad;
            words_at.is_multiple_of(ALIGN)
        })
        .unwrap_or(0)
}

impl<T: Words + Serialize> Serialize for Packed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return (**self).serialize(serializer);
        }
        let payload = encode::<T, S::Error>(self)?;
        let pad = padding(WRITTEN.with(Cell::get), payload.len());
        let mut bytes = Vec::with_capacity(1 + pad + payload.len());
        bytes.push(pad as u8);
        bytes.resize(1 + pad, 0);
        bytes.extend_from_slice(&payload);
        serializer.serialize_bytes(&bytes)
    }
}

impl<'de, T: Words + Deserialize<'de>> Deserialize<'de> for Packed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Packed<T>, D::Error> {
        if deserializer.is_human_readable() {
            return Vec::<T>::deserialize(deserializer).map(Packed::from);
        }
        deserializer.deserialize_bytes(PackedVisitor(PhantomData))
    }
}

struct PackedVisitor<T>(PhantomData<T>);

/// The words of a padded byte string.
fn unpad<E: de::Error>(bytes: &[u8]) -> Result<&[u8], E> {
    let (&pad, rest) = bytes
        .split_first()
        .ok_or_else(|| E::custom("an empty packed array"))?;
    rest.get(usize::from(pad)..)
        .ok_or_else(|| E::custom("a packed array shorter than its padding"))
}

impl<T: Words> PackedVisitor<T> {
    /// The records of `words` borrowed from the backing being decoded, when they can be.
    fn borrow(words: &[u8]) -> Option<Packed<T>> {
        let size = std::mem::size_of::<T>();
        let plain = T::PLAIN
            && cfg!(target_endian = "little")
            && size == 4 * T::N
            && std::mem::align_of::<T>() <= ALIGN;
        if !plain || !words.len().is_multiple_of(size) || !words.as_ptr().cast::<T>().is_aligned() {
            return None;
        }
        let backing = BACKING.with(|b| b.borrow().clone())?;
        let all = backing.bytes().as_ptr_range();
        let these = words.as_ptr_range();
        if these.start < all.start || these.end > all.end {
            return None;
        }
        Some(Packed {
            repr: Repr::Borrowed {
                ptr: words.as_ptr().cast::<T>(),
                len: words.len() / size,
                _backing: backing,
            },
        })
    }
}

impl<'de, T: Words> Visitor<'de> for PackedVisitor<T> {
    type Value = Packed<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a packed array of u32 words")
    }

    fn visit_borrowed_bytes<E: de::Error>(self, bytes: &'de [u8]) -> Result<Packed<T>, E> {
        let words = unpad(bytes)?;
        match PackedVisitor::borrow(words) {
            Some(borrowed) => Ok(borrowed),
            None => self.visit_bytes(bytes),
        }
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Packed<T>, E> {
        let words = unpad(bytes)?;
        records::<T, PackedError>(words)
            .map(Packed::from)
            .map_err(|err| E::custom(err.0))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Packed<T>, A::Error> {
        self.visit_bytes(&collect_bytes(seq)?)
    }
}
