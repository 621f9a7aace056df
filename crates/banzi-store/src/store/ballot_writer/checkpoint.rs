//! WAL checkpoints off the commit path (issue 4, "Speed"). SQLite's automatic checkpoint
//! runs inside the COMMIT that takes the WAL past 1,000 pages: that commit, and every
//! voter waiting on it, also copies the WAL's pages into the database file and syncs it.
//! Here the writer's connection instead pokes a thread of its own, with its own
//! connection, which runs the same PASSIVE checkpoint beside the next batches. Nothing
//! about durability changes: a ballot is still acknowledged after its own commit's WAL
//! sync (`synchronous=FULL`), and a checkpoint copies only committed pages.
//!
//! Should the checkpointer fall behind (or fail to start), the writer checkpoints inline
//! as SQLite would, once the WAL holds [`BACKSTOP`] pages, so the WAL cannot grow without
//! bound.

use super::raw::Conn;
use banzi_domain::DomainError;
use libsqlite3_sys as ffi;
use std::ffi::{c_char, c_int, c_void};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// WAL pages after which a checkpoint is asked for (SQLite's own threshold is 1,000): a
/// ballot page takes several ballots between two checkpoints and is copied once for them.
const START: c_int = 8_000;
/// WAL pages after which the writer checkpoints itself (128 MB of 4 KB pages).
const BACKSTOP: c_int = 32_000;

/// What the writer connection's WAL hook holds; it must outlive the connection's hook,
/// so its owner drops it after the connection.
pub(super) struct Hook {
    poke: SyncSender<()>,
}

/// Starts the checkpoint thread with its own connection to `path`; the sender pokes it.
/// The thread ends, closing its connection, when every sender is gone.
pub(super) fn spawn(path: &str) -> Result<SyncSender<()>, DomainError> {
    let (poke, pokes) = sync_channel(1);
    let (opened, ready) = sync_channel(1);
    let path = path.to_string();
    std::thread::Builder::new()
        .name("ballot-checkpoint".into())
        .spawn(move || match Conn::open(&path) {
            Ok(conn) => {
                let _ = opened.send(Ok(()));
                run(&conn, &pokes);
            }
            Err(e) => {
                let _ = opened.send(Err(e));
            }
        })
        .map_err(|e| DomainError::Internal(format!("投票写入服务无法启动：{e}")))?;
    ready
        .recv()
        .map_err(|e| DomainError::Internal(format!("投票写入服务无法启动：{e}")))??;
    Ok(poke)
}

/// One PASSIVE checkpoint per poke (pokes that come while one runs are merged). A failed
/// checkpoint is left to the next poke or the writer's backstop; its message says nothing
/// of any ballot.
fn run(conn: &Conn, pokes: &Receiver<()>) {
    while pokes.recv().is_ok() {
        let _ = conn.exec("PRAGMA wal_checkpoint(PASSIVE)");
    }
}

/// Replaces the connection's automatic checkpoint with [`on_commit`]; the returned hook
/// is to be dropped only after the connection is closed.
pub(super) fn install(conn: &Conn, poke: SyncSender<()>) -> Box<Hook> {
    let hook = Box::new(Hook { poke });
    // SAFETY: the connection is open; the hook's address is stable (boxed) and its owner
    // keeps it until after the connection closes, so SQLite never calls with a dangling
    // pointer. Registering a WAL hook turns SQLite's automatic checkpoint off.
    unsafe {
        ffi::sqlite3_wal_hook(
            conn.handle(),
            Some(on_commit),
            std::ptr::from_ref::<Hook>(&hook).cast_mut().cast(),
        );
    }
    hook
}

/// Called by SQLite on the writer's thread after each commit, with the pages in the WAL.
unsafe extern "C" fn on_commit(
    arg: *mut c_void,
    db: *mut ffi::sqlite3,
    name: *const c_char,
    pages: c_int,
) -> c_int {
    if pages >= BACKSTOP {
        // SAFETY: called by SQLite with its own open handle and database name, on the
        // thread that owns the connection, outside any transaction: what SQLite's own
        // automatic checkpoint does here.
        unsafe {
            ffi::sqlite3_wal_checkpoint_v2(
                db,
                name,
                ffi::SQLITE_CHECKPOINT_PASSIVE,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            );
        }
    } else if pages >= START {
        // SAFETY: `arg` is the `Hook` registered with this connection, alive until after
        // the connection closes (see `install`).
        let hook = unsafe { &*arg.cast::<Hook>() };
        let _ = hook.poke.try_send(());
    }
    ffi::SQLITE_OK
}
