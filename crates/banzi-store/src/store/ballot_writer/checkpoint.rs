//! WAL checkpoints off the commit path (issue 4, "Speed"). SQLite's automatic checkpoint
//! runs inside the COMMIT that takes the WAL past 1,000 pages: that commit, and every
//! voter waiting on it, also copies the WAL's pages into the database file and syncs it.
//! Here the writer's connection instead asks a thread of its own, with its own connection,
//! to run the same PASSIVE checkpoint beside the next batches. Nothing about durability
//! changes: a ballot is still acknowledged after its own commit's WAL sync
//! (`synchronous=FULL`), and a checkpoint copies only committed pages.
//!
//! A cycle, from an empty WAL to the next:
//! 1. once the WAL holds `start` pages, the thread copies them while the writer goes on;
//! 2. while more than `catch_up` pages written meanwhile are left, the thread copies
//!    those (each round is shorter than the one before, as copying is faster than voting),
//!    in at most `rounds` rounds in all;
//! 3. then the writer copies the rest itself, after a commit: the WAL is then wholly in
//!    the database file, and SQLite starts it again from its beginning at the next batch.
//!
//! A checkpoint syncs the WAL, and, when it copies the whole WAL, the database file; only
//! then may SQLite start the WAL again, and it does so at the next write transaction. So
//! the last step of a cycle, a full copy with no commit between it and the next batch,
//! syncs the database file on the writer's thread, before the next batch commits (issue 14,
//! item 12: that sync flushed every page the thread had copied in the cycle, some 32 MB, 52
//! ms on average, 4 times a second under full load: the p99 of the voters' answers). The
//! thread's own rounds copy without that sync, so the thread now syncs the database file
//! itself after each round, beside the writer's commits: the writer's last step then
//! flushes only the pages it copies itself (at most `catch_up`).
//!
//! The thread could never finish a cycle
//! by itself, as the writer commits while it copies: asked after every commit, it would
//! run a small checkpoint, and sync the disk twice, for nearly every batch, on the disk the
//! writer's own commits wait for.
//!
//! Should the thread fall behind (or fail to start), the writer checkpoints inline as
//! SQLite would, once the WAL holds `backstop` pages, so the WAL cannot grow without
//! bound.

use super::raw::Conn;
use banzi_domain::DomainError;
use libsqlite3_sys as ffi;
use std::cell::Cell;
use std::ffi::{c_char, c_int, c_void};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// When a cycle's steps come, in WAL pages (of 4 KB).
#[derive(Clone, Copy)]
pub(super) struct Limits {
    /// Pages after which the thread is asked for a checkpoint (SQLite's own threshold is
    /// 1,000): a ballot page takes several ballots between two checkpoints and is copied
    /// once for them.
    start: c_int,
    /// Pages not yet copied, few enough for the writer to copy itself after a commit and
    /// end the cycle (a few milliseconds, once per cycle).
    catch_up: c_int,
    /// The thread's rounds in a cycle, after which the writer copies what is left however
    /// much it is (a round's own syncs may take as long as the writer takes to write
    /// `catch_up` pages, on a slow disk: the rounds would not get below it).
    rounds: u32,
    /// Pages after which the writer checkpoints itself after every commit, until the WAL
    /// starts again (SQLite runs one checkpoint at a time: while the thread's runs, the
    /// writer's is refused, and it tries again after its next commit).
    backstop: c_int,
}

/// The server's: a cycle every 8,000 pages or so (32 MB); the WAL at most 128 MB.
const LIMITS: Limits = Limits {
    start: 8_000,
    catch_up: 500,
    rounds: 4,
    backstop: 32_000,
};

/// What the thread tells the writer: whether it is copying, and how many of the WAL's
/// pages it has copied so far in this cycle (0 before its first round).
#[derive(Default)]
struct Progress {
    running: AtomicBool,
    copied: AtomicI32,
    /// The thread's rounds done, and the database file's syncs after them (for tests).
    rounds: AtomicU32,
    synced: AtomicU32,
}

/// The checkpoint thread, as the writer's connections know it; the thread ends, closing
/// its connection, when every handle is gone.
#[derive(Clone)]
pub(super) struct Checkpoints {
    poke: SyncSender<()>,
    progress: Arc<Progress>,
    limits: Limits,
}

/// What the writer connection's WAL hook holds; it must outlive the connection's hook,
/// so its owner drops it after the connection.
pub(super) struct Hook {
    thread: Checkpoints,
    /// The WAL's pages after the writer's last commit: fewer now means it started again.
    last: Cell<c_int>,
    /// The thread's rounds in this cycle.
    rounds: Cell<u32>,
}

/// Starts the checkpoint thread with its own connection to `path`.
pub(super) fn spawn(path: &str) -> Result<Checkpoints, DomainError> {
    spawn_with(path, LIMITS)
}

fn spawn_with(path: &str, limits: Limits) -> Result<Checkpoints, DomainError> {
    let (poke, pokes) = sync_channel(1);
    let (opened, ready) = sync_channel(1);
    let progress = Arc::new(Progress::default());
    let shared = progress.clone();
    let path = path.to_string();
    std::thread::Builder::new()
        .name("ballot-checkpoint".into())
        .spawn(move || {
            let file = std::fs::File::open(&path).map_err(|e| {
                DomainError::Internal(format!("the ballot writer cannot open its file: {e}"))
            });
            match Conn::open(&path).and_then(|c| file.map(|f| (c, f))) {
                Ok((conn, file)) => {
                    let _ = opened.send(Ok(()));
                    run(&conn, &file, &pokes, &shared);
                }
                Err(e) => {
                    let _ = opened.send(Err(e));
                }
            }
        })
        .map_err(|e| DomainError::Internal(format!("the ballot writer cannot start: {e}")))?;
    ready
        .recv()
        .map_err(|e| DomainError::Internal(format!("the ballot writer cannot start: {e}")))??;
    Ok(Checkpoints {
        poke,
        progress,
        limits,
    })
}

/// One PASSIVE checkpoint per poke, then a sync of the database file (`file`, opened on
/// it: a sync flushes the file's pages whichever descriptor wrote them), so that what it
/// copied is on the disk before the writer's last step; the writer pokes only while the
/// thread is idle. A failed checkpoint or sync reports no progress and is asked for again
/// after the next commit (or left to the writer's backstop); its message says nothing of
/// any ballot.
fn run(conn: &Conn, file: &std::fs::File, pokes: &Receiver<()>, progress: &Progress) {
    while pokes.recv().is_ok() {
        // SAFETY: the connection is open and used by this thread alone.
        if let Some((_, copied)) = unsafe { passive(conn.handle()) } {
            if file.sync_data().is_ok() {
                progress.synced.fetch_add(1, Ordering::Relaxed);
                progress.copied.store(copied, Ordering::Relaxed);
            }
            // After the sync's count: a reader of `rounds` then `synced` never sees fewer
            // syncs than rounds while every round syncs.
            progress.rounds.fetch_add(1, Ordering::Release);
        }
        // Publishes `copied` to the writer, which reads `running` first.
        progress.running.store(false, Ordering::Release);
    }
}

/// A PASSIVE checkpoint of the main database: (pages in the WAL, pages of it now copied
/// into the database file), or `None` when it failed.
///
/// # Safety
/// `db` is an open connection, used by the calling thread alone for the call, outside any
/// transaction of its own.
unsafe fn passive(db: *mut ffi::sqlite3) -> Option<(c_int, c_int)> {
    let (mut log, mut copied) = (0, 0);
    // SAFETY: as the caller promises; a null name is the main database.
    let rc = unsafe {
        ffi::sqlite3_wal_checkpoint_v2(
            db,
            std::ptr::null(),
            ffi::SQLITE_CHECKPOINT_PASSIVE,
            &mut log,
            &mut copied,
        )
    };
    (rc == ffi::SQLITE_OK).then_some((log, copied))
}

/// Replaces the connection's automatic checkpoint with [`on_commit`]; the returned hook
/// is to be dropped only after the connection is closed.
pub(super) fn install(conn: &Conn, thread: Checkpoints) -> Box<Hook> {
    let hook = Box::new(Hook {
        thread,
        last: Cell::new(0),
        rounds: Cell::new(0),
    });
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

/// What the writer does after a commit that left `pages` in the WAL, given where the
/// thread is: the steps of a cycle (see the module's doc).
#[derive(Debug, PartialEq)]
enum Step {
    Nothing,
    /// Ask the thread for a round.
    Poke,
    /// Copy what is left inline; the cycle ends.
    Finish,
}

/// `running`: whether the thread is copying now; `copied`: the pages it copied in this
/// cycle (0: none yet), in `rounds`.
fn step(l: Limits, pages: c_int, running: bool, copied: c_int, rounds: u32) -> Step {
    if pages >= l.backstop {
        return Step::Finish;
    }
    if running {
        return Step::Nothing;
    }
    match copied {
        0 if pages >= l.start => Step::Poke,
        0 => Step::Nothing,
        c if pages - c > l.catch_up && rounds < l.rounds => Step::Poke,
        _ => Step::Finish,
    }
}

/// Called by SQLite on the writer's thread after each commit, with the pages in the WAL.
unsafe extern "C" fn on_commit(
    arg: *mut c_void,
    db: *mut ffi::sqlite3,
    _name: *const c_char,
    pages: c_int,
) -> c_int {
    // SAFETY: `arg` is the `Hook` registered with this connection, alive until after the
    // connection closes (see `install`); only the writer's thread calls this.
    let hook = unsafe { &*arg.cast::<Hook>() };
    let progress = &hook.thread.progress;
    let new_cycle = || {
        progress.copied.store(0, Ordering::Relaxed);
        hook.rounds.set(0);
    };
    if pages < hook.last.replace(pages) {
        // The WAL started again (another connection may have ended a cycle): what the
        // thread copied was of the WAL before. It is idle, or it would hold the WAL.
        new_cycle();
    }
    // Reads `running` before `copied` (see `run`).
    let running = progress.running.load(Ordering::Acquire);
    let copied = progress.copied.load(Ordering::Relaxed);
    match step(
        hook.thread.limits,
        pages,
        running,
        copied,
        hook.rounds.get(),
    ) {
        Step::Nothing => {}
        Step::Poke => {
            progress.running.store(true, Ordering::Relaxed);
            match hook.thread.poke.try_send(()) {
                Ok(()) => hook.rounds.set(hook.rounds.get() + 1),
                Err(_) => progress.running.store(false, Ordering::Relaxed),
            }
        }
        Step::Finish => {
            // SAFETY: called by SQLite with its own open handle on the thread that owns
            // the connection, outside any transaction: what SQLite's own automatic
            // checkpoint does here. Copied in full, the WAL starts again at the next
            // batch, and a new cycle with it; else the next commit asks again.
            if unsafe { passive(db) }.is_some_and(|(log, copied)| log == copied) {
                new_cycle();
            }
        }
    }
    ffi::SQLITE_OK
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cycle_pokes_the_thread_until_little_is_left_then_the_writer_finishes() {
        let l = LIMITS;
        let step = |pages, running, copied| step(l, pages, running, copied, 1);
        // An empty or short WAL: nothing to do.
        assert_eq!(step(0, false, 0), Step::Nothing);
        assert_eq!(step(l.start - 1, false, 0), Step::Nothing);
        // The first round, and nothing more while it runs.
        assert_eq!(step(l.start, false, 0), Step::Poke);
        assert_eq!(step(l.start + 3_000, true, 0), Step::Nothing);
        // It copied the first `start` pages; 3,000 came meanwhile: another round.
        assert_eq!(step(l.start + 3_000, false, l.start), Step::Poke);
        assert_eq!(step(l.start + 3_900, true, l.start), Step::Nothing);
        // Its second round left `catch_up` pages: the writer copies them, ending the cycle.
        let left = l.start + 3_900 - l.catch_up;
        assert_eq!(step(l.start + 3_900, false, left), Step::Finish);
        assert_eq!(step(l.start + 3_900, false, left - 1), Step::Poke);
        // However much is left after the last round the writer copies it.
        assert_eq!(
            super::step(l, l.start + 3_900, false, left - 1, l.rounds),
            Step::Finish
        );
        // Far behind: the writer checkpoints too, running or not the thread (see `backstop`).
        assert_eq!(step(l.backstop, true, l.start), Step::Finish);
        assert_eq!(step(l.backstop, false, 0), Step::Finish);
    }

    /// Commits of a few random pages each, as the writer's batches are, on a WAL database
    /// with the hook and the thread: every row is kept, and the WAL file (which SQLite
    /// reuses from its start when a cycle ends, and never shrinks) stays a fraction of what
    /// was written through it. With the thread not copying, the WAL would hold it all: the
    /// backstop is set beyond it.
    #[test]
    fn the_wal_starts_again_after_every_cycle_and_every_row_is_kept() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("cycles.db");
        std::fs::File::create(&path).expect("file");
        let path = path.to_str().expect("path");
        let limits = Limits {
            start: 200,
            catch_up: 20,
            rounds: 4,
            backstop: c_int::MAX,
        };
        let thread = spawn_with(path, limits).expect("thread");
        let conn = Conn::open(path).expect("open");
        conn.exec("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID")
            .expect("table");
        let hook = install(&conn, thread);
        let (commits, rows) = (2_000u64, 8u64);
        let filler = "票".repeat(100);
        for c in 0..commits {
            let mut sql = String::from("BEGIN IMMEDIATE;");
            for r in 0..rows {
                let k = (c * rows + r).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                sql.push_str(&format!("INSERT INTO t VALUES ('{k:016x}', '{filler}');"));
            }
            sql.push_str("COMMIT;");
            conn.exec(&sql).expect("commit");
        }
        // Read while the connection is open: the last one to close deletes the WAL.
        let wal = std::fs::metadata(format!("{path}-wal")).expect("wal").len();
        // Every round of the thread was followed by its sync of the database file, so the
        // writer's last step of a cycle flushes only what it copies itself (issue 14, item
        // 12). Read before the connection closes: its hook holds the thread.
        let progress = &hook.thread.progress;
        let rounds = progress.rounds.load(Ordering::Acquire);
        let synced = progress.synced.load(Ordering::Relaxed);
        assert!(rounds > 10, "{rounds} rounds");
        assert!(synced >= rounds, "{synced} syncs for {rounds} rounds");
        drop(conn);
        drop(hook);
        let frames = wal.saturating_sub(32) / (4_096 + 24);
        // Each commit writes a page or more per row (random keys, a table of thousands
        // of pages): over 30,000 in all.
        assert!(
            frames < 4_000,
            "the WAL grew to {frames} pages: the cycles did not end"
        );
        let conn = Conn::open(path).expect("reopen");
        let mut count = conn.prepare("SELECT count(*) FROM t").expect("count");
        let n = count.one(&[], |r| Ok(r.int(0))).expect("count");
        assert_eq!(n, Some((commits * rows) as i64));
    }
}
