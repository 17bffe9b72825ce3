//! A segment tree over positions `0..n` answering "which position of this range has the
//! smallest key": the step both completion tables (actor names, events) walk best first.

/// `nodes[n + i] = i`; `nodes[i]` is the better of `nodes[2i]` and `nodes[2i + 1]`, where
/// better means the smaller `(key(position), position)`.
#[derive(Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub(crate) struct MinTree {
    #[serde(with = "crate::packed::vec")]
    nodes: Vec<u32>,
}

impl MinTree {
    /// The tree over positions `0..n` ordered by `key`.
    pub fn build(n: usize, key: impl Fn(u32) -> u64) -> MinTree {
        let mut nodes = vec![0; 2 * n];
        for i in 0..n {
            nodes[n + i] = i as u32;
        }
        for i in (1..n).rev() {
            nodes[i] = better(&key, nodes[2 * i], nodes[2 * i + 1]);
        }
        MinTree { nodes }
    }

    /// The position of `from..to` (not empty) with the smallest key; `key` must be the one
    /// the tree was built with.
    pub fn best(&self, from: usize, to: usize, key: impl Fn(u32) -> u64) -> u32 {
        let n = self.nodes.len() / 2;
        let (mut lo, mut hi) = (from + n, to + n);
        let mut best = from as u32;
        while lo < hi {
            if lo & 1 == 1 {
                best = better(&key, best, self.nodes[lo]);
                lo += 1;
            }
            if hi & 1 == 1 {
                hi -= 1;
                best = better(&key, best, self.nodes[hi]);
            }
            lo >>= 1;
            hi >>= 1;
        }
        best
    }

    pub fn heap_bytes(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<u32>()
    }
}

/// Of two positions, the one with the smaller `(key, position)`.
fn better(key: &impl Fn(u32) -> u64, a: u32, b: u32) -> u32 {
    if (key(b), b) < (key(a), a) {
        b
    } else {
        a
    }
}
