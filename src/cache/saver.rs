//! The background writer the language server saves its caches through: one write at a
//! time, always of the newest index, on its own thread.

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use super::save;
use crate::analysis::CorpusIndex;
use crate::sync::lock;

/// Writes caches in the background, one at a time, always the newest index: a burst of
/// corpus changes costs one write after the burst, not one per change. Used by the
/// language server, which must never wait for the disk.
#[derive(Default)]
pub struct Saver {
    pending: Mutex<SaverQueue>,
    /// Told, once per session, in words, when a write fails (the server shows it to the
    /// user: a read-only folder or a full disk would otherwise be a line on stderr).
    on_failure: Mutex<Option<FailureNotice>>,
    failure_told: std::sync::atomic::AtomicBool,
}

type FailureNotice = Box<dyn Fn(String) + Send + Sync>;

#[derive(Default)]
struct SaverQueue {
    /// The newest index waiting to be written, and where.
    next: Option<(PathBuf, Arc<CorpusIndex>)>,
    /// Whether a writer thread is running (it takes `next` until there is none).
    writing: bool,
}

impl Saver {
    /// Sets who is told (once) that the cache cannot be written.
    pub fn on_failure(&self, notice: impl Fn(String) + Send + Sync + 'static) {
        *lock(&self.on_failure) = Some(Box::new(notice));
    }

    /// Queues `corpus` to be written to `path`, replacing anything queued before.
    pub fn save(self: &Arc<Self>, path: PathBuf, corpus: Arc<CorpusIndex>) {
        {
            let mut pending = lock(&self.pending);
            pending.next = Some((path, corpus));
            if pending.writing {
                return;
            }
            pending.writing = true;
        }
        let saver = self.clone();
        let spawned = std::thread::Builder::new()
            .name("dossier-cache".into())
            .spawn(move || saver.drain());
        if let Err(err) = spawned {
            tracing::warn!("cannot start the cache writer: {err}; the index cache is not written");
            lock(&self.pending).writing = false;
        }
    }

    fn drain(&self) {
        loop {
            let next = {
                let mut pending = lock(&self.pending);
                match pending.next.take() {
                    Some(next) => next,
                    None => {
                        pending.writing = false;
                        return;
                    }
                }
            };
            let (path, corpus) = next;
            let started = std::time::Instant::now();
            match save(&path, &corpus) {
                Ok(size) => tracing::info!(
                    "index cache written: {} ({size} bytes, {} ms)",
                    path.display(),
                    started.elapsed().as_millis()
                ),
                Err(err) => {
                    let message = format!(
                        "dossier: cannot write the index cache {}: {err}. Everything works without it, but the next start indexes the corpus from scratch (point DOSSIER_CACHE_DIR or XDG_CACHE_HOME at a writable folder with free space, or set `cache = false`)",
                        path.display()
                    );
                    tracing::warn!("{message}");
                    if !self.failure_told.swap(true, Ordering::SeqCst) {
                        if let Some(notice) = lock(&self.on_failure).as_ref() {
                            notice(message);
                        }
                    }
                }
            }
        }
    }

    /// Waits until nothing is queued or being written (tests, and a clean shutdown).
    pub fn wait_idle(&self) {
        self.wait_idle_for(std::time::Duration::MAX);
    }

    /// [`Saver::wait_idle`] for at most `limit`; whether the writes finished.
    pub fn wait_idle_for(&self, limit: std::time::Duration) -> bool {
        let started = std::time::Instant::now();
        while lock(&self.pending).writing {
            if started.elapsed() >= limit {
                return false;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        true
    }
}
