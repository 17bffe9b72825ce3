use std::path::{Path, PathBuf};

use super::read::{check, Source, MAP_AT_LEAST};
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
