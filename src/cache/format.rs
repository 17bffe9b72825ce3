//! The cache file on disk: a header naming the build that wrote it, a postcard payload and
//! a trailer with the payload's length and checksum. Written atomically, read distrustfully.
//!
//! ```text
//! magic "DOSSIERI"  format version (u32 LE)  build id length (u16 LE)  build id (UTF-8)
//! payload (postcard)
//! length of everything before the trailer (u64 LE)  xxh3-64 of it (u64 LE)  magic
//! ```
//!
//! The build id is the crate version and a fingerprint of the extraction sources and
//! embedded word lists (see build.rs), so a cache written by any other build is refused
//! before its payload is looked at. The checksum covers header and payload, so a truncated
//! or damaged file is refused before deserialization; a payload that still fails to decode
//! is refused too. Nothing in a refused file is used.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::de::DeserializeOwned;
use serde::Serialize;
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

const MAGIC: &[u8; 8] = b"DOSSIERI";
/// Raised whenever the layout of the file or of the payload's top-level structs changes.
/// (Changes to the analysis types are caught by the build fingerprint anyway.)
pub const FORMAT_VERSION: u32 = 1;
const TRAILER_LEN: usize = 8 + 8 + MAGIC.len();

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
    #[error("written by another version of dossier ({found})")]
    OtherBuild { found: String },
    #[error("written in cache format {found}, this version reads format {FORMAT_VERSION}")]
    OtherFormat { found: u32 },
    #[error("corrupt: {0}")]
    Corrupt(String),
}

/// Reads and checks a cache file written by [`write_atomic`] with the same build.
pub fn read<T: DeserializeOwned>(path: &Path) -> Result<T, Refused> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Err(Refused::Missing),
        Err(err) => return Err(Refused::Unreadable(err)),
    };
    decode(&bytes, &build_id())
}

/// Checks and decodes the bytes of a cache file written by the build `expected_build`.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], expected_build: &str) -> Result<T, Refused> {
    let corrupt = |what: &str| Refused::Corrupt(what.to_string());
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(Refused::NotACache);
    }
    let mut header = &bytes[MAGIC.len()..];
    let version = u32::from_le_bytes(take_array(&mut header).ok_or_else(|| corrupt("cut short"))?);
    if version != FORMAT_VERSION {
        return Err(Refused::OtherFormat { found: version });
    }
    let id_len = u16::from_le_bytes(take_array(&mut header).ok_or_else(|| corrupt("cut short"))?);
    let id = header
        .get(..usize::from(id_len))
        .ok_or_else(|| corrupt("cut short"))?;
    if id != expected_build.as_bytes() {
        return Err(Refused::OtherBuild {
            found: String::from_utf8_lossy(id).into_owned(),
        });
    }
    let payload_start = MAGIC.len() + 4 + 2 + usize::from(id_len);
    if bytes.len() < payload_start + TRAILER_LEN {
        return Err(corrupt("cut short"));
    }
    let body_end = bytes.len() - TRAILER_LEN;
    let mut trailer = &bytes[body_end..];
    let length = u64::from_le_bytes(take_array(&mut trailer).ok_or_else(|| corrupt("cut short"))?);
    let checksum =
        u64::from_le_bytes(take_array(&mut trailer).ok_or_else(|| corrupt("cut short"))?);
    if trailer != MAGIC || length != body_end as u64 {
        return Err(corrupt("cut short or extended"));
    }
    if xxh3_64(&bytes[..body_end]) != checksum {
        return Err(corrupt("checksum mismatch"));
    }
    match postcard::take_from_bytes::<T>(&bytes[payload_start..body_end]) {
        Ok((value, [])) => Ok(value),
        Ok(_) => Err(corrupt("bytes left after the index")),
        Err(err) => Err(Refused::Corrupt(format!("cannot decode ({err})"))),
    }
}

fn take_array<const N: usize>(bytes: &mut &[u8]) -> Option<[u8; N]> {
    let (head, rest) = bytes.split_first_chunk::<N>()?;
    *bytes = rest;
    Some(*head)
}

/// Writes `value` to `path` so that readers see either the old file or the whole new one:
/// into a temporary file in the same folder, renamed over `path` when complete. Returns
/// the size of the file.
///
/// There is no fsync: after a crash the file may be incomplete, and then its checksum
/// refuses it and the index is rebuilt, which is cheaper than syncing every write.
pub fn write_atomic<T: Serialize + ?Sized>(path: &Path, value: &T) -> io::Result<u64> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "cache path has no folder"))?;
    std::fs::create_dir_all(dir)?;
    remove_stale_temp_files(dir);
    let temp = temp_path(path);
    let result = write_file(&temp, value);
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

/// Temporary files older than this were left by a writer that died (a server stopped
/// while writing); younger ones may belong to a writer still at work.
const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

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
        if is_temp && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn write_file<T: Serialize + ?Sized>(temp: &Path, value: &T) -> io::Result<u64> {
    let file = File::create(temp)?;
    // Hashing sits under the buffer, so it sees large chunks rather than postcard's
    // byte-sized writes.
    let mut out = BufWriter::with_capacity(1 << 20, HashingWriter::new(file));
    let id = build_id();
    let id_len = u16::try_from(id.len()).unwrap_or(u16::MAX);
    out.write_all(MAGIC)?;
    out.write_all(&FORMAT_VERSION.to_le_bytes())?;
    out.write_all(&id_len.to_le_bytes())?;
    out.write_all(&id.as_bytes()[..usize::from(id_len)])?;
    let mut out = postcard::to_io(value, out)
        .map_err(|err| io::Error::new(io::ErrorKind::InvalidData, err.to_string()))?;
    out.flush()?;
    let hashing = out.into_inner().map_err(|err| err.into_error())?;
    let (mut file, length, checksum) = hashing.finish();
    file.write_all(&length.to_le_bytes())?;
    file.write_all(&checksum.to_le_bytes())?;
    file.write_all(MAGIC)?;
    Ok(length + TRAILER_LEN as u64)
}

/// Counts and hashes what passes through to the file.
struct HashingWriter {
    file: File,
    hasher: Xxh3,
    length: u64,
}

impl HashingWriter {
    fn new(file: File) -> HashingWriter {
        HashingWriter {
            file,
            hasher: Xxh3::new(),
            length: 0,
        }
    }

    fn finish(self) -> (File, u64, u64) {
        (self.file, self.length, self.hasher.digest())
    }
}

impl Write for HashingWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.length += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Sample {
        name: String,
        numbers: Vec<u32>,
    }

    fn sample() -> Sample {
        Sample {
            name: "Putin’s visit — Tehran 🙂".into(),
            numbers: (0..1000).map(|i| i * 7919).collect(),
        }
    }

    fn written() -> (tempfile::TempDir, PathBuf, Vec<u8>) {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("sub/index.bin");
        let size = write_atomic(&path, &sample()).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(size, bytes.len() as u64);
        (dir, path, bytes)
    }

    #[test]
    fn roundtrip_leaves_no_temporary_file() {
        let (dir, path, _) = written();
        assert_eq!(read::<Sample>(&path).unwrap(), sample());
        let names: Vec<String> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["index.bin"]);
    }

    #[test]
    fn a_missing_file_is_reported_as_such() {
        let dir = tempfile::TempDir::new().unwrap();
        let err = read::<Sample>(&dir.path().join("none.bin")).unwrap_err();
        assert!(matches!(err, Refused::Missing), "{err}");
    }

    #[test]
    fn every_truncation_is_refused() {
        let (_dir, _, bytes) = written();
        for len in 0..bytes.len() {
            let result = decode::<Sample>(&bytes[..len], &build_id());
            assert!(result.is_err(), "accepted a file cut at {len} bytes");
        }
    }

    #[test]
    fn a_flipped_bit_anywhere_is_refused() {
        let (_dir, _, bytes) = written();
        for i in (0..bytes.len()).step_by(7) {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x10;
            let result = decode::<Sample>(&damaged, &build_id());
            assert!(result.is_err(), "accepted a flipped bit at byte {i}");
        }
    }

    #[test]
    fn another_build_or_format_or_random_bytes_are_refused_with_reasons() {
        let (_dir, _, bytes) = written();
        let err = decode::<Sample>(&bytes, "0.0.1+0000000000000000").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("written by another version of dossier ("),
            "{err}"
        );
        let mut other_format = bytes.clone();
        other_format[8..12].copy_from_slice(&99u32.to_le_bytes());
        let err = decode::<Sample>(&other_format, &build_id()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("written in cache format 99, this version reads format {FORMAT_VERSION}")
        );
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let err = decode::<Sample>(&noise, &build_id()).unwrap_err();
        assert_eq!(err.to_string(), "not a dossier index cache");
    }

    #[test]
    fn a_valid_checksum_over_an_undecodable_payload_is_still_refused() {
        // Header and trailer are right, the payload is not a `Sample`: decoding fails
        // cleanly instead of trusting the checksum.
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("index.bin");
        write_atomic(&path, &(u8::MAX, "not a sample")).unwrap();
        let err = read::<Sample>(&path).unwrap_err();
        assert!(err.to_string().starts_with("corrupt: "), "{err}");
    }
}
