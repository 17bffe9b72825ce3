//! Giving freed memory back to the system after a large brief is closed, after indexing
//! the corpus, and after a warm start's check of the corpus files.
//!
//! Why: glibc keeps the pages of freed small allocations in its per-thread arenas, so a
//! server that once held a 50 MB brief (rope, parse, analysis) would stay some hundred
//! megabytes larger for the rest of a days-long session. `malloc_trim` returns them.

/// Returns free heap pages to the system where the allocator supports it (glibc).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim only releases memory the allocator holds free; it has no
        // preconditions and may be called from any thread.
        unsafe {
            libc::malloc_trim(0);
        }
    }
}
