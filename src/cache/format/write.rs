//! Writing a cache file: the header, then the blobs streamed and hashed as they go, then
//! the table and the trailer, into a temporary file renamed over the old one when complete
//! (readers see the old file or the whole new one).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

use super::layout::{build_id, BlobRef, FORMAT_VERSION, MAGIC};
use crate::analysis::packed;

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

pub(super) fn remove_stale_temp_files(dir: &Path) {
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
