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
    fn mi_malloc(size: usize) -> *mut std::ffi::c_void;
    fn mi_realloc(p: *mut std::ffi::c_void, size: usize) -> *mut std::ffi::c_void;
    fn mi_free(p: *mut std::ffi::c_void);
    fn mi_usable_size(p: *const std::ffi::c_void) -> usize;
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

/// SQLite allocates through mimalloc rather than glibc's malloc. Under a province's load a
/// twentieth of the server's time went to glibc's bookkeeping (`malloc_consolidate`,
/// `_int_malloc`, `unlink_chunk`) for SQLite's page caches, emptied whenever the trail is
/// written (issue 18). Called once, before the first connection (`sqlite3_config` is
/// refused, and changes nothing, once SQLite is initialised).
pub fn sqlite_on_mimalloc() {
    use libsqlite3_sys as ffi;
    use std::ffi::{c_int, c_void};
    unsafe extern "C" fn x_malloc(n: c_int) -> *mut c_void {
        // SAFETY: mimalloc's malloc, for any size; SQLite never asks for a negative one.
        unsafe { mi_malloc(n.max(0) as usize) }
    }
    unsafe extern "C" fn x_free(p: *mut c_void) {
        // SAFETY: `p` came from `x_malloc` or `x_realloc` (SQLite frees only what it got).
        unsafe { mi_free(p) }
    }
    unsafe extern "C" fn x_realloc(p: *mut c_void, n: c_int) -> *mut c_void {
        // SAFETY: as `x_free`.
        unsafe { mi_realloc(p, n.max(0) as usize) }
    }
    unsafe extern "C" fn x_size(p: *mut c_void) -> c_int {
        // SAFETY: as `x_free`; SQLite's own allocator reports the usable size too.
        unsafe { mi_usable_size(p).min(c_int::MAX as usize) as c_int }
    }
    unsafe extern "C" fn x_roundup(n: c_int) -> c_int {
        (n + 7) & !7
    }
    unsafe extern "C" fn x_init(_: *mut c_void) -> c_int {
        ffi::SQLITE_OK
    }
    unsafe extern "C" fn x_shutdown(_: *mut c_void) {}
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let methods = ffi::sqlite3_mem_methods {
            xMalloc: Some(x_malloc),
            xFree: Some(x_free),
            xRealloc: Some(x_realloc),
            xSize: Some(x_size),
            xRoundup: Some(x_roundup),
            xInit: Some(x_init),
            xShutdown: Some(x_shutdown),
            pAppData: std::ptr::null_mut(),
        };
        // SAFETY: SQLite copies the methods; they are valid for the process's life. If SQLite
        // was already initialised the call returns SQLITE_MISUSE and changes nothing.
        unsafe {
            ffi::sqlite3_config(
                ffi::SQLITE_CONFIG_MALLOC,
                &methods as *const ffi::sqlite3_mem_methods,
            );
        }
    });
}
