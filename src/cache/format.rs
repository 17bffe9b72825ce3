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

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

use crate::analysis::packed;

const MAGIC: &[u8; 8] = b"DOSSIERI";
/// Raised whenever the layout of the file or of the payload's top-level structs changes.
/// (Changes to the analysis types are caught by the build fingerprint anyway; 4 was
/// raised for one all the same, so that a cache of format 3 is refused by name: events
/// carry a status, and their mentions the reasons they joined in the word above
/// `n_fields`.)
pub const FORMAT_VERSION: u32 = 4;
const TRAILER_LEN: u64 = 8 + 8 + MAGIC.len() as u64;
/// Magic, version and build id length; the build id follows.
const FIXED_HEADER_LEN: u64 = MAGIC.len() as u64 + 4 + 2;

/// Identifies the build that wrote a cache: crate version and analysis fingerprint.
pub fn build_id() -> String {
    format!(
        "{}+{}",
        env!("CARGO_PKG_VERSION"),
        env!("DOSSIER_INDEX_FINGERPRINT")
    )
}

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

/// Where a blob is in its file, and what it must hash to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlobRef {
    offset: u64,
    len: u64,
    hash: u64,
}

/// What a cache file is read through: the file itself, or bytes (tests).
#[derive(Debug)]
enum Source {
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
    blobs: std::ops::Range<u64>,
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
const MAP_AT_LEAST: u64 = if cfg!(test) { 1 } else { 1 << 20 };

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

/// Opens and checks a cache file written by [`write_atomic`] with the same build, and
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
fn check<T: DeserializeOwned>(
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

/// Writes the blobs of a cache file, then (in [`write_atomic`]) its table.
pub struct Writer {
    out: BufWriter<Tracked>,
    /// xxh3 of the header, continued over the table.
    checksum: Xxh3,
}

impl Writer {
    /// Writes bytes as a blob.
    pub fn bytes(&mut self, bytes: &[u8]) -> io::Result<BlobRef> {
        let offset = self.position();
        self.out.write_all(bytes)?;
        Ok(BlobRef {
            offset,
            len: bytes.len() as u64,
            hash: xxh3_64(bytes),
        })
    }

    /// Writes `value` (postcard) as a blob, streamed: large values are never held encoded.
    /// The bytes are counted from the blob's place in the file as they are streamed, so
    /// that large arrays are laid out aligned in the file, to be read in place from a
    /// mapping of it ([`packed::Packed`]).
    pub fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<BlobRef> {
        self.out.flush()?;
        let offset = self.position();
        self.out.get_mut().hasher = Some(Xxh3::new());
        let result = postcard::to_io(value, packed::Counted::new(&mut self.out, offset))
            .map_err(|err| io::Error::new(io::ErrorKind::InvalidData, err.to_string()))
            .and_then(|mut out| out.flush());
        let hasher = self.out.get_mut().hasher.take();
        result?;
        Ok(BlobRef {
            offset,
            len: self.position() - offset,
            hash: hasher.map_or(0, |h| h.digest()),
        })
    }

    fn position(&self) -> u64 {
        self.out.get_ref().position + self.out.buffer().len() as u64
    }
}

/// Counts what passes through to the file and, while a blob is streamed, hashes it.
struct Tracked {
    file: File,
    position: u64,
    hasher: Option<Xxh3>,
}

impl Write for Tracked {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        if let Some(hasher) = &mut self.hasher {
            hasher.update(&buf[..n]);
        }
        self.position += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Writes a cache file to `path` so that readers see either the old file or the whole new
/// one: into a temporary file in the same folder, renamed over `path` when complete.
/// `write_blobs` writes the blobs and returns the table of contents that names them.
/// Returns the size of the file.
///
/// There is no fsync: after a crash the file may be incomplete, and then its checks
/// refuse it and the index is rebuilt, which is cheaper than syncing every write.
pub fn write_atomic<T: Serialize>(
    path: &Path,
    write_blobs: impl FnOnce(&mut Writer) -> io::Result<T>,
) -> io::Result<u64> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "cache path has no folder"))?;
    std::fs::create_dir_all(dir)?;
    remove_stale_temp_files(dir);
    let temp = temp_path(path);
    let result = write_file(&temp, write_blobs);
    match result {
        Ok(size) => match std::fs::rename(&temp, path) {
            Ok(()) => Ok(size),
            Err(err) => {
                let _ = std::fs::remove_file(&temp);
                Err(err)
            }
        },
        Err(err) => {
            let _ = std::fs::remove_file(&temp);
            Err(err)
        }
    }
}

/// A name no other writer uses at the same time (process id and a counter).
fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map_or_else(|| "index".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// A writer holds an exclusive lock on its temporary file while it writes: an unlocked
/// temporary file was left by a writer that died (a server killed while writing), once it
/// is older than this (a writer takes its lock right after creating the file).
const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(5);

fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_temp = name.starts_with('.') && name.ends_with(".tmp");
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMP_AGE);
        if !(is_temp && old) {
            continue;
        }
        let unlocked = File::open(entry.path()).is_ok_and(|file| file.try_lock().is_ok());
        if unlocked {
            tracing::info!(
                "removing {}, left by a cache write that did not finish",
                entry.path().display()
            );
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn write_file<T: Serialize>(
    temp: &Path,
    write_blobs: impl FnOnce(&mut Writer) -> io::Result<T>,
) -> io::Result<u64> {
    let id = build_id();
    let id_len = u16::try_from(id.len()).unwrap_or(u16::MAX);
    let mut header = Vec::new();
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    header.extend_from_slice(&id_len.to_le_bytes());
    header.extend_from_slice(&id.as_bytes()[..usize::from(id_len)]);
    let file = File::create(temp)?;
    // Held until the file is written and closed: see `remove_stale_temp_files`.
    file.lock()?;
    let tracked = Tracked {
        file,
        position: 0,
        hasher: None,
    };
    let mut writer = Writer {
        out: BufWriter::with_capacity(1 << 20, tracked),
        checksum: Xxh3::new(),
    };
    writer.out.write_all(&header)?;
    writer.checksum.update(&header);
    let table = write_blobs(&mut writer)?;
    let table = postcard::to_allocvec(&table)
        .map_err(|err| io::Error::new(io::ErrorKind::InvalidData, err.to_string()))?;
    let table_start = writer.position();
    writer.out.write_all(&table)?;
    writer.checksum.update(&table);
    writer.out.write_all(&table_start.to_le_bytes())?;
    writer
        .out
        .write_all(&writer.checksum.digest().to_le_bytes())?;
    writer.out.write_all(MAGIC)?;
    writer.out.flush()?;
    Ok(writer.position())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Sample {
        name: String,
        numbers: Vec<u32>,
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Table {
        title: String,
        sample: BlobRef,
        raw: BlobRef,
    }

    fn sample() -> Sample {
        Sample {
            name: "Putin’s visit — Tehran 🙂".into(),
            numbers: (0..1000).map(|i| i * 7919).collect(),
        }
    }

    const RAW: &[u8] = b"some raw bytes";

    fn write_sample(path: &Path) -> u64 {
        write_atomic(path, |w| {
            let sample = w.value(&sample())?;
            let raw = w.bytes(RAW)?;
            Ok(Table {
                title: "table".into(),
                sample,
                raw,
            })
        })
        .unwrap()
    }

    fn written() -> (tempfile::TempDir, PathBuf, Vec<u8>) {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("sub/index.bin");
        let size = write_sample(&path);
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(size, bytes.len() as u64);
        (dir, path, bytes)
    }

    /// Opens `bytes` and reads every blob: what a cache user could be given.
    fn read_all(bytes: &[u8], build: &str) -> Result<(Table, Sample, Vec<u8>), String> {
        let (table, reader) =
            check::<Table>(Source::Bytes(bytes.to_vec()), build).map_err(|e| e.to_string())?;
        let sample = reader.decode::<Sample>(&table.sample)?;
        let raw = reader.bytes(&table.raw)?;
        Ok((table, sample, raw))
    }

    #[test]
    fn roundtrip_leaves_no_temporary_file() {
        let (dir, path, _) = written();
        let (table, reader) = open::<Table>(&path).unwrap();
        assert_eq!(table.title, "table");
        assert_eq!(reader.decode::<Sample>(&table.sample).unwrap(), sample());
        assert_eq!(reader.bytes(&table.raw).unwrap(), RAW);
        let names: Vec<String> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["index.bin"]);
    }

    #[test]
    fn blobs_stay_readable_after_a_newer_file_replaces_the_opened_one() {
        let (_dir, path, _) = written();
        let (table, reader) = open::<Table>(&path).unwrap();
        write_atomic(&path, |w| w.bytes(b"another cache")).unwrap();
        assert_eq!(reader.decode::<Sample>(&table.sample).unwrap(), sample());
    }

    #[test]
    fn a_large_blob_is_decoded_from_the_mapped_file_and_still_checked() {
        let large = Sample {
            name: "large".into(),
            numbers: (0..400_000).map(|i| i * 7919).collect(),
        };
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("index.bin");
        write_atomic(&path, |w| {
            let sample = w.value(&large)?;
            let raw = w.bytes(RAW)?;
            Ok(Table {
                title: "large".into(),
                sample,
                raw,
            })
        })
        .unwrap();
        let (table, reader) = open::<Table>(&path).unwrap();
        assert!(table.sample.len >= MAP_AT_LEAST, "the blob is mapped");
        assert_eq!(reader.decode::<Sample>(&table.sample).unwrap(), large);

        // A flipped byte in the middle of the mapped blob is caught by its hash.
        let mut bytes = std::fs::read(&path).unwrap();
        let middle = (table.sample.offset + table.sample.len / 2) as usize;
        bytes[middle] ^= 0x40;
        let corrupt = dir.path().join("corrupt.bin");
        std::fs::write(&corrupt, &bytes).unwrap();
        let (table, reader) = open::<Table>(&corrupt).unwrap();
        let err = reader.decode::<Sample>(&table.sample).unwrap_err();
        assert_eq!(err, "checksum mismatch");
    }

    #[test]
    fn a_missing_file_is_reported_as_such() {
        let dir = tempfile::TempDir::new().unwrap();
        let err = open::<Table>(&dir.path().join("none.bin")).unwrap_err();
        assert!(matches!(err, Refused::Missing), "{err}");
    }

    #[test]
    fn every_truncation_is_refused() {
        let (_dir, _, bytes) = written();
        for len in 0..bytes.len() {
            let result = read_all(&bytes[..len], &build_id());
            assert!(result.is_err(), "accepted a file cut at {len} bytes");
        }
    }

    #[test]
    fn a_flipped_bit_anywhere_is_refused_by_the_open_or_by_the_blob_read() {
        let (_dir, _, bytes) = written();
        assert!(read_all(&bytes, &build_id()).is_ok());
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x10;
            let result = read_all(&damaged, &build_id());
            assert!(result.is_err(), "accepted a flipped bit at byte {i}");
        }
    }

    #[test]
    fn another_build_or_format_or_random_bytes_are_refused_with_reasons() {
        let (_dir, _, bytes) = written();
        let err = read_all(&bytes, "0.0.1+0000000000000000").unwrap_err();
        assert!(
            err.starts_with("written by another version of dossier ("),
            "{err}"
        );
        let mut other_format = bytes.clone();
        other_format[8..12].copy_from_slice(&99u32.to_le_bytes());
        let err = read_all(&other_format, &build_id()).unwrap_err();
        assert_eq!(
            err,
            format!("written in cache format 99, this version reads format {FORMAT_VERSION}")
        );
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let err = read_all(&noise, &build_id()).unwrap_err();
        assert_eq!(err, "not a dossier index cache");
    }

    #[test]
    fn a_valid_checksum_over_an_undecodable_table_is_still_refused() {
        // Header and trailer are right, the table is not a `Table`: decoding fails
        // cleanly instead of trusting the checksum.
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("index.bin");
        write_atomic(&path, |_| Ok((u8::MAX, "not a table"))).unwrap();
        let err = open::<Table>(&path).unwrap_err();
        assert!(err.to_string().starts_with("corrupt: "), "{err}");
    }

    #[test]
    fn a_blob_reference_outside_the_blob_area_is_refused() {
        let (_dir, path, _) = written();
        let (table, reader) = open::<Table>(&path).unwrap();
        let beyond = BlobRef {
            offset: reader.blobs.end - 2,
            len: 4,
            hash: 0,
        };
        assert!(reader.bytes(&beyond).is_err());
        let wrapping = BlobRef {
            offset: u64::MAX,
            len: 2,
            ..table.raw
        };
        assert!(reader.bytes(&wrapping).is_err());
    }
}
