//! The warm start's decode of the merged indexes: each of the three blobs of an index
//! cache (actors, quotes, events) decoded alone, `CorpusIndex::from_merged` over them, and
//! the whole `cache::load`. Before the timings it prints, per step, the bytes, one run's
//! time and how many heap allocations it made (a counting allocator wraps the system one):
//! millions of small allocations are what decoding nested collections costs.
//!
//! Run: `cargo bench --bench cache_decode -- --warm-up-time 1 --measurement-time 3`.
//! `DOSSIER_BENCH_CACHE=/path/to/index.bin` benches a real cache (written by a release
//! build of the same sources, e.g. `dossier index --root /tmp/corpus100` with
//! `DOSSIER_CACHE_DIR` set); without it, a cache of seeds/ is written to a temporary folder.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use dossier::analysis::actors::ActorIndex;
use dossier::analysis::events::EventIndex;
use dossier::analysis::quotes::QuoteIndex;
use dossier::analysis::{CorpusIndex, MergedIndexes, SourceText};
use dossier::cache::{self, probe};

struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards every call to the system allocator unchanged; it only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        System.alloc_zeroed(layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The cache to bench, and the folder holding it when it was written here.
fn cache_file() -> (PathBuf, Option<tempfile::TempDir>) {
    if let Some(path) = std::env::var_os("DOSSIER_BENCH_CACHE") {
        return (PathBuf::from(path), None);
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir("seeds")
        .expect("run from the crate root")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let sources = paths
        .into_iter()
        .map(|path| SourceText {
            rel_path: path.to_string_lossy().into_owned(),
            text: std::fs::read_to_string(&path).unwrap_or_default(),
            path,
        })
        .collect();
    let index = CorpusIndex::build(sources, Vec::new());
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let path = dir.path().join("index.bin");
    cache::save(&path, &index).expect("the seeds' cache is written");
    (path, Some(dir))
}

/// Runs `f` once and prints its time and allocations.
fn once<T>(what: &str, bytes: usize, f: impl FnOnce() -> T) -> T {
    let allocations = ALLOCATIONS.load(Ordering::Relaxed);
    let started = Instant::now();
    let value = f();
    let elapsed = started.elapsed();
    let allocations = ALLOCATIONS.load(Ordering::Relaxed) - allocations;
    println!(
        "{what:<12} {:>12} bytes {:>9.1} ms {allocations:>11} allocations",
        bytes,
        elapsed.as_secs_f64() * 1e3
    );
    value
}

fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> T {
    probe::decode(bytes).expect("the blob decodes")
}

fn decode_merged(blobs: &probe::MergedBlobs) -> MergedIndexes {
    MergedIndexes {
        actors: decode(&blobs.actors),
        quotes: decode(&blobs.quotes),
        events: decode(&blobs.events),
    }
}

fn cache_decode(c: &mut Criterion) {
    let (path, _dir) = cache_file();
    let path: &Path = &path;
    let blobs = probe::merged_blobs(path).expect("a cache this build can read");
    println!("cache {}", path.display());
    let actors: ActorIndex = once("actors", blobs.actors.len(), || decode(&blobs.actors));
    let quotes: QuoteIndex = once("quotes", blobs.quotes.len(), || decode(&blobs.quotes));
    let events: EventIndex = once("events", blobs.events.len(), || decode(&blobs.events));
    let merged = MergedIndexes {
        actors,
        quotes,
        events,
    };
    once("from_merged", 0, || {
        CorpusIndex::from_merged(Vec::new(), Vec::new(), Vec::new(), merged)
    });
    let stored = once("load", 0, || cache::load(path).expect("loads"));
    drop(stored);

    let mut group = c.benchmark_group("cache_decode");
    group.sample_size(10);
    group.bench_function("actors", |b| {
        b.iter_batched(
            || (),
            |()| decode::<ActorIndex>(&blobs.actors),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("quotes", |b| {
        b.iter_batched(
            || (),
            |()| decode::<QuoteIndex>(&blobs.quotes),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("events", |b| {
        b.iter_batched(
            || (),
            |()| decode::<EventIndex>(&blobs.events),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("from_merged", |b| {
        b.iter_batched(
            || decode_merged(&blobs),
            |merged| CorpusIndex::from_merged(Vec::new(), Vec::new(), Vec::new(), merged),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("load", |b| {
        b.iter_batched(
            || (),
            // Returned, so that dropping it is not timed (a warm start keeps it).
            |()| cache::load(path).expect("loads"),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, cache_decode);
criterion_main!(benches);
