//! What the binary asks of its allocator, mimalloc (`main.rs`), through its C API (the
//! version Cargo.lock holds, v3.3). Freed memory goes back to the system only after a delay
//! (1 s by default) and only when the freeing thread allocates again; a province's
//! analysis and `banzi check` free hundreds of MB at once from threads that then sleep
//! (issue 18: the server stayed at 258 MB after the dashboard was first opened, `banzi
//! check` peaked at 253–276 MB). Where the global allocator is another (the tests), these
//! only set options of a mimalloc that allocates nothing.

// Linked for its C library even where it is not the global allocator.
use mimalloc as _;

unsafe extern "C" {
    fn mi_collect(force: bool);
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in v3.3's mimalloc.h, and its default (options.c).
const PURGE_DELAY: std::ffi::c_int = 15;
const PURGE_DELAY_DEFAULT: std::ffi::c_long = 1000;

/// Gives back what is free in the whole process now (mimalloc purges its arenas
/// process-wide).
pub fn give_back() {
    // SAFETY: a plain call into the allocator's C API, safe from any thread.
    unsafe { mi_collect(true) }
}

/// Freed memory goes back to the system at once (`true`) or after the default delay. Left
/// alone when the user set MIMALLOC_PURGE_DELAY, or when the option's number does not hold
/// one of the two values (a mimalloc whose options are numbered otherwise).
pub fn give_back_at_once(on: bool) {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: plain calls into the allocator's C API.
    unsafe {
        let now = mi_option_get(PURGE_DELAY);
        if now == PURGE_DELAY_DEFAULT || now == 0 {
            mi_option_set(PURGE_DELAY, if on { 0 } else { PURGE_DELAY_DEFAULT });
        }
    }
}
