//! Reading a cache file distrustfully: the header, table and trailer checked when it is
//! opened, each blob checked against its length and hash when it is read, large blobs
//! mapped into memory and read in place.

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

use super::layout::{build_id, BlobRef, FIXED_HEADER_LEN, FORMAT_VERSION, MAGIC, TRAILER_LEN};
use super::write::remove_stale_temp_files;
use crate::analysis::packed;

/// Why a cache file was not used. Messages are lower-case and say what happens next.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("no cache yet")]
    Missing,
    #[error("cannot read it: {0}")]
    Unreadable(io::Error),
    #[error("not a dossier index cache")]
    NotACache,
    /// A FIFO, a device or a folder where the cache file should be: opening a FIFO for
    /// reading would wait for a writer for ever, so it is never read.
    #[error("not a regular file (a pipe, a device or a folder); remove it")]
    NotAFile,
    #[error("written by another version of dossier ({found})")]
    OtherBuild { found: String },
    #[error("written in cache format {found}, this version reads format {FORMAT_VERSION}")]
    OtherFormat { found: u32 },
    #[error("corrupt: {0}")]
    Corrupt(String),
}
/// What a cache file is read through: the file itself, or bytes (tests).
#[derive(Debug)]
pub(super) enum Source {
    File(File),
    #[cfg(test)]
    Bytes(Vec<u8>),
}

impl Source {
    fn len(&self) -> io::Result<u64> {
        match self {
            Source::File(file) => Ok(file.metadata()?.len()),
            #[cfg(test)]
            Source::Bytes(bytes) => Ok(bytes.len() as u64),
        }
    }

    fn read_at(&self, offset: u64, len: u64) -> io::Result<Vec<u8>> {
        let too_long = || io::Error::new(io::ErrorKind::InvalidData, "range too long");
        let len = usize::try_from(len).map_err(|_| too_long())?;
        match self {
            Source::File(file) => {
                let mut buf = vec![0; len];
                read_exact_at(file, &mut buf, offset)?;
                Ok(buf)
            }
            #[cfg(test)]
            Source::Bytes(bytes) => {
                let start = usize::try_from(offset).map_err(|_| too_long())?;
                bytes
                    .get(start..start.saturating_add(len))
                    .map(<[u8]>::to_vec)
                    .ok_or_else(|| io::Error::from(io::ErrorKind::UnexpectedEof))
            }
        }
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset)? {
            0 => return Err(io::Error::from(io::ErrorKind::UnexpectedEof)),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// An opened cache file whose header, table and trailer were checked: reads its blobs.
/// It keeps the file open, so blobs stay readable after a newer cache is renamed over it.
#[derive(Debug)]
pub struct Reader {
    source: Source,
    /// Where blobs may be: between the header and the table.
    pub(super) blobs: std::ops::Range<u64>,
}

impl Reader {
    /// The bytes of a blob, checked against its length and hash.
    pub fn bytes(&self, blob: &BlobRef) -> Result<Vec<u8>, String> {
        self.check_range(blob)?;
        let bytes = self
            .source
            .read_at(blob.offset, blob.len)
            .map_err(|err| format!("cannot read it: {err}"))?;
        check_hash(&bytes, blob)?;
        Ok(bytes)
    }

    /// A blob decoded as `T`. A large blob (the merged indexes) is decoded from the file
    /// mapped into memory: read into a buffer, its pages would be allocated, zeroed and
    /// filled only to be decoded once and freed, which was a large share of a warm start.
    pub fn decode<T: DeserializeOwned>(&self, blob: &BlobRef) -> Result<T, String> {
        match &self.source {
            Source::File(file) if blob.len >= MAP_AT_LEAST => {
                self.check_range(blob)?;
                let map = map_blob(file, blob).map_err(|err| format!("cannot map it: {err}"))?;
                check_hash(&map, blob)?;
                // Plain arrays are read in place: they keep the mapping alive.
                packed::borrowing_from(Arc::new(MappedBlob(map)), decode_bytes)
            }
            _ => decode_bytes(&self.bytes(blob)?),
        }
    }

    fn check_range(&self, blob: &BlobRef) -> Result<(), String> {
        let end = blob.offset.checked_add(blob.len);
        if blob.offset < self.blobs.start || end.is_none_or(|end| end > self.blobs.end) {
            return Err("blob outside the file's blob area".into());
        }
        Ok(())
    }
}

/// Blobs from this size up are mapped rather than read (a document's extraction, a few
/// kilobytes, is cheaper to read than to map and unmap). Unit tests map every blob, so
/// that the cache tests' small indexes take the path large ones do.
pub(super) const MAP_AT_LEAST: u64 = if cfg!(test) { 1 } else { 1 << 20 };

fn check_hash(bytes: &[u8], blob: &BlobRef) -> Result<(), String> {
    if xxh3_64(bytes) != blob.hash {
        return Err("checksum mismatch".into());
    }
    Ok(())
}

/// A blob mapped into memory, which decoded arrays may borrow from.
struct MappedBlob(memmap2::Mmap);

// SAFETY: the mapping is read-only and lives as long as this value; its bytes do not
// change, since a cache file is never written in place (see `map_blob`).
unsafe impl packed::StableBytes for MappedBlob {
    fn bytes(&self) -> &[u8] {
        &self.0
    }
}

/// Maps a blob's bytes read-only, its pages read in at once (`MAP_POPULATE`).
fn map_blob(file: &File, blob: &BlobRef) -> io::Result<memmap2::Mmap> {
    let len = usize::try_from(blob.len)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "range too long"))?;
    // SAFETY: the map is only read. A cache file is never written in place: `write_atomic`
    // writes a new file and renames it over the old one, so the file mapped here keeps its
    // bytes while the index built from it lives. Something else truncating our cache file
    // in place is the one case left (SIGBUS); ARCHITECTURE lists it.
    unsafe {
        memmap2::MmapOptions::new()
            .offset(blob.offset)
            .len(len)
            .populate()
            .map(file)
    }
}

/// A blob's bytes decoded as `T`, all of them.
pub fn decode_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((value, [])) => Ok(value),
        Ok(_) => Err("bytes left after the value".into()),
        Err(err) => Err(format!("cannot decode ({err})")),
    }
}

/// Opens and checks a cache file written by [`super::write_atomic`] with the same build, and
/// decodes its table of contents.
pub fn open<T: DeserializeOwned>(path: &Path) -> Result<(T, Reader), Refused> {
    // What a writer killed mid-write left behind goes at the next start.
    if let Some(dir) = path.parent() {
        remove_stale_temp_files(dir);
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // Opening a FIFO for reading blocks until a writer comes (the server never became
    // ready); non-blocking, the open returns and the check below refuses it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Err(Refused::Missing),
        Err(err) => return Err(Refused::Unreadable(err)),
    };
    match file.metadata() {
        Ok(metadata) if metadata.is_file() => {}
        Ok(_) => return Err(Refused::NotAFile),
        Err(err) => return Err(Refused::Unreadable(err)),
    }
    check(Source::File(file), &build_id())
}

/// Checks header, trailer and table of `source` and decodes the table.
pub(super) fn check<T: DeserializeOwned>(
    source: Source,
    expected_build: &str,
) -> Result<(T, Reader), Refused> {
    let corrupt = |what: &str| Refused::Corrupt(what.to_string());
    let read = |offset: u64, len: u64| match source.read_at(offset, len) {
        Ok(bytes) => Ok(bytes),
        Err(err) if err.kind() == io::ErrorKind::UnexpectedEof => Err(corrupt("cut short")),
        Err(err) => Err(Refused::Unreadable(err)),
    };
    let file_len = source.len().map_err(Refused::Unreadable)?;
    if file_len < MAGIC.len() as u64 || read(0, MAGIC.len() as u64)? != MAGIC {
        return Err(Refused::NotACache);
    }
    if file_len < FIXED_HEADER_LEN {
        return Err(corrupt("cut short"));
    }
    let fixed = read(0, FIXED_HEADER_LEN)?;
    let mut rest = &fixed[MAGIC.len()..];
    let version = u32::from_le_bytes(take_array(&mut rest).ok_or_else(|| corrupt("cut short"))?);
    if version != FORMAT_VERSION {
        return Err(Refused::OtherFormat { found: version });
    }
    let id_len = u16::from_le_bytes(take_array(&mut rest).ok_or_else(|| corrupt("cut short"))?);
    let header_len = FIXED_HEADER_LEN + u64::from(id_len);
    if file_len < header_len {
        return Err(corrupt("cut short"));
    }
    let header = read(0, header_len)?;
    let id = &header[FIXED_HEADER_LEN as usize..];
    if id != expected_build.as_bytes() {
        return Err(Refused::OtherBuild {
            found: String::from_utf8_lossy(id).into_owned(),
        });
    }
    if file_len < header_len + TRAILER_LEN {
        return Err(corrupt("cut short"));
    }
    let table_end = file_len - TRAILER_LEN;
    let trailer = read(table_end, TRAILER_LEN)?;
    let mut rest = &trailer[..];
    let table_start =
        u64::from_le_bytes(take_array(&mut rest).ok_or_else(|| corrupt("cut short"))?);
    let checksum = u64::from_le_bytes(take_array(&mut rest).ok_or_else(|| corrupt("cut short"))?);
    if rest != MAGIC || table_start < header_len || table_start > table_end {
        return Err(corrupt("cut short or extended"));
    }
    let table = read(table_start, table_end - table_start)?;
    let mut hasher = Xxh3::new();
    hasher.update(&header);
    hasher.update(&table);
    if hasher.digest() != checksum {
        return Err(corrupt("checksum mismatch"));
    }
    let value = match postcard::take_from_bytes::<T>(&table) {
        Ok((value, [])) => value,
        Ok(_) => return Err(corrupt("bytes left after the table of contents")),
        Err(err) => return Err(Refused::Corrupt(format!("cannot decode ({err})"))),
    };
    let reader = Reader {
        source,
        blobs: header_len..table_start,
    };
    Ok((value, reader))
}

fn take_array<const N: usize>(bytes: &mut &[u8]) -> Option<[u8; N]> {
    let (head, rest) = bytes.split_first_chunk::<N>()?;
    *bytes = rest;
    Some(*head)
}
