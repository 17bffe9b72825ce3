//! Build script: fingerprints the sources the index cache depends on.
//!
//! The cache stores extraction results and merged indexes. Any change to the extraction or
//! merge code, to the embedded word lists or to the cache format must make an old cache
//! unusable, even when the crate version stays the same (it does during development). So
//! the fingerprint is a hash of those files' contents, handed to the crate as
//! `DOSSIER_INDEX_FINGERPRINT` and written into every cache header.
//!
//! FNV-1a is used rather than std's `DefaultHasher` because its output is fixed forever,
//! and no build dependency is needed for it.

use std::path::{Path, PathBuf};

/// Folders whose contents decide what an index holds (`src/sources` turns saved pages and
/// PDFs into the text that is indexed; `crates/packed` is the cache's array format).
/// `crates/analysis/src/ide` (editor features over a finished index) and test files are
/// left out: changing them changes no index.
const INPUTS: [&str; 5] = [
    "crates/analysis/src",
    "crates/packed/src",
    "src/cache",
    "src/sources",
    "data",
];

fn main() {
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        collect(Path::new(input), &mut files);
    }
    files.sort();
    let mut hash = Fnv::new();
    for path in &files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        hash.write(path.to_string_lossy().replace('\\', "/").as_bytes());
        hash.write(&[0]);
        hash.write(&bytes);
        hash.write(&[0]);
    }
    println!(
        "cargo:rustc-env=DOSSIER_INDEX_FINGERPRINT={:016x}",
        hash.finish()
    );
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            if name != "ide" && name != "tests" {
                collect(&path, out);
            }
        } else if name != "tests.rs" && !name.ends_with("_tests.rs") {
            out.push(path);
        }
    }
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
