//! The layout's constants (magic, format version, header and trailer sizes), the build id
//! a cache is written for, and [`BlobRef`], where a blob is and what it must hash to.

use serde::{Deserialize, Serialize};

pub(super) const MAGIC: &[u8; 8] = b"DOSSIERI";
/// Raised whenever the layout of the file or of the payload's top-level structs changes.
/// (Changes to the analysis types are caught by the build fingerprint anyway; 4 was
/// raised for one all the same, so that a cache of format 3 is refused by name: events
/// carry a status, and their mentions the reasons they joined in the word above
/// `n_fields`.)
pub const FORMAT_VERSION: u32 = 4;
pub(super) const TRAILER_LEN: u64 = 8 + 8 + MAGIC.len() as u64;
/// Magic, version and build id length; the build id follows.
pub(super) const FIXED_HEADER_LEN: u64 = MAGIC.len() as u64 + 4 + 2;

/// Identifies the build that wrote a cache: crate version and analysis fingerprint.
pub fn build_id() -> String {
    format!(
        "{}+{}",
        env!("CARGO_PKG_VERSION"),
        env!("DOSSIER_INDEX_FINGERPRINT")
    )
}

/// Where a blob is in its file, and what it must hash to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlobRef {
    pub(super) offset: u64,
    pub(super) len: u64,
    pub(super) hash: u64,
}
