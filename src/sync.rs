//! Locking a mutex whatever a panic elsewhere left in it. Every mutex in dossier guards
//! plain data that stays consistent between statements (the server's state, the cache
//! writer's queue, what discovery's threads gather), so a panic in one request or thread
//! must not take the others down through a poisoned lock.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks `mutex`, taking over the data of a holder that panicked.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
