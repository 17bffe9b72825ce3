//! A fast non-cryptographic hasher (the multiply-add hash of rustc-hash 2, the compiler's
//! own, written out rather than added as a dependency) for the maps that extraction looks
//! words up in many times per document (gazetteer forms, titles, actor keys) and for the
//! event clustering's maps over small integers and place names. The default SipHash is
//! built to resist hash flooding, which costs more than the lookup itself on short keys;
//! these maps hold shipped word lists and the corpus' own names and numbers.
//!
//! Only for maps whose iteration order does not reach any output: the order depends on
//! the hasher.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FxHashSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

/// From rustc-hash 2: an odd constant whose multiplication spreads low bits upwards.
const MULTIPLIER: u64 = 0xf135_7aea_2e62_a9c5;

#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = self.hash.wrapping_add(word).wrapping_mul(MULTIPLIER);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length keeps "ab" and "ab\0" apart.
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiplication leaves the low bits, which pick the bucket, the weakest: small
        // integer keys (cluster, document, actor numbers) would crowd a few buckets.
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_find_what_they_hold() {
        let words = [
            "",
            "a",
            "ab",
            "ab\0",
            "president",
            "foreign minister",
            "Ömer",
        ];
        let map: FxHashMap<String, usize> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.to_string(), i))
            .collect();
        assert_eq!(map.len(), words.len());
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(*w), Some(&i));
        }
        assert_eq!(map.get("presiden"), None);
    }

    #[test]
    fn small_keys_spread_over_buckets() {
        use std::hash::BuildHasher;
        let build = BuildHasherDefault::<FxHasher>::default();
        let buckets: HashSet<u64> = (0u32..1024)
            .map(|n| build.hash_one((n, 7u32)) & 1023)
            .collect();
        assert!(buckets.len() > 600, "only {} buckets used", buckets.len());
    }
}
