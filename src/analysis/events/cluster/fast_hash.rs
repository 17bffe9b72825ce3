//! A fast, deterministic hasher for the clustering's maps, whose keys are small integers
//! (cluster, document and actor numbers, kind families) and a few short place names.
//!
//! The standard SipHash resists collision attacks that an index of local files does not
//! face, and costs more than the rest of a lookup on these keys: the greedy clustering
//! makes millions of lookups on a large corpus. This is the multiply-add hash of
//! rustc-hash 2 (the compiler's own), written out here rather than added as a dependency
//! for twenty lines. Nothing iterates these maps in an order that reaches the output, so
//! the hash cannot change results.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub(super) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// From rustc-hash 2: an odd constant whose multiplication spreads low bits upwards.
const MULTIPLIER: u64 = 0xf135_7aea_2e62_a9c5;

#[derive(Default, Clone, Copy)]
pub(super) struct FastHasher {
    hash: u64,
}

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = self.hash.wrapping_add(word).wrapping_mul(MULTIPLIER);
    }
}

impl Hasher for FastHasher {
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
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // The multiplication leaves the low bits, which pick the bucket, the weakest.
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn small_keys_spread_over_buckets() {
        let build = BuildHasherDefault::<FastHasher>::default();
        let buckets: std::collections::HashSet<u64> = (0u32..1024)
            .map(|n| build.hash_one((n, 7u32)) & 1023)
            .collect();
        assert!(buckets.len() > 600, "only {} buckets used", buckets.len());
    }

    #[test]
    fn strings_that_differ_in_length_hash_apart() {
        let build = BuildHasherDefault::<FastHasher>::default();
        assert_ne!(build.hash_one("ab"), build.hash_one("ab\0"));
        assert_ne!(build.hash_one("moscow"), build.hash_one("moscoW"));
    }
}
