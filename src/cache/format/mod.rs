//! The cache file on disk: a header naming the build that wrote it, blobs each with its
//! own checksum, a table of contents and a trailer. Written atomically, read distrustfully.
//!
//! ```text
//! magic "DOSSIERI"  format version (u32 LE)  build id length (u16 LE)  build id (UTF-8)
//! blobs (postcard values, back to back)
//! table of contents (postcard: whatever the caller stores, with a `BlobRef` per blob)
//! offset of the table (u64 LE)  xxh3-64 of header and table (u64 LE)  magic
//! ```
//!
//! The build id is the crate version and a fingerprint of the extraction sources and
//! embedded word lists (see build.rs), so a cache written by any other build is refused
//! before anything else is looked at. Opening a file reads only the header, the table and
//! the trailer, and checks them: a truncated, extended or damaged file is refused before
//! anything is decoded. A blob is read when it is needed and checked then against the
//! length and xxh3-64 the table gives it, so that a warm start need not read the blobs it
//! does not use (the documents' extractions) and a damaged blob is still never trusted.
//!
//! `layout.rs`: the constants of that layout, the build id and `BlobRef`; `read.rs`: a file
//! opened and checked, its blobs read (or mapped) and checked on demand, and why a file is
//! refused; `write.rs`: a file written blob by blob and renamed into place, and the
//! temporary files a writer that died left behind.

mod layout;
mod read;
mod write;

pub use layout::{build_id, BlobRef, FORMAT_VERSION};
pub use read::{decode_bytes, open, Reader, Refused};
pub use write::write_atomic;

#[cfg(test)]
mod tests;
