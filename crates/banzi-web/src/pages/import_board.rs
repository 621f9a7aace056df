//! The roster imports running now and how far each has got, for the progress the roster
//! page polls (`/roster/import/progress`). The server running an import keeps its stage in
//! memory, exactly; where other servers share the database ([`Store::is_shared`]) it also
//! writes the stage there, at most once every [`PACE`], so that a progress request the load
//! balancer sends to another server finds it (issue 18, item 5). A user sees only their own
//! imports: the key is the login and the ticket the page sent with the file.

use banzi_domain::DomainError;
use banzi_store::{ImportStage, Store};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::sync::Notify;
use tokio::task::JoinHandle;

/// The shortest time between two writes of one import's stage to the database: a
/// province's import reports thousands of steps, and the page asks every 500 ms.
const PACE: Duration = Duration::from_millis(200);

type Key = (String, String);

/// Told of every stage written to the database (the ticket and the stage), so that a test
/// orders its steps by the writes rather than by sleeping. Hidden: for tests only.
#[doc(hidden)]
pub type Written = Arc<dyn Fn(&str, &ImportStage) + Send + Sync>;

pub struct ImportBoard {
    store: Store,
    /// This server's imports.
    running: Mutex<HashMap<Key, ImportStage>>,
    written: OnceLock<Written>,
}

impl ImportBoard {
    pub fn new(store: Store) -> ImportBoard {
        ImportBoard {
            store,
            running: Mutex::default(),
            written: OnceLock::new(),
        }
    }

    /// Puts an import on the board; it leaves the board when [`Entry::end`] is awaited, or
    /// when the returned entry and all its clones are dropped, however the import ends.
    pub fn enter(self: &Arc<Self>, login: &str, ticket: &str) -> Entry {
        let key = (login.to_string(), ticket.to_string());
        if let Ok(mut m) = self.running.lock() {
            m.insert(key.clone(), ImportStage::default());
        }
        let (mirror, task) = if self.store.is_shared() {
            let m = Arc::new(Mirror::default());
            let task = tokio::spawn(mirror(self.clone(), key.clone(), m.clone()));
            (Some(m), Some(task))
        } else {
            (None, None)
        };
        Entry(Arc::new(EntryInner {
            board: self.clone(),
            key,
            mirror,
            task: Mutex::new(task),
        }))
    }

    /// Where `login`'s import with `ticket` stands: this server's own, else as the server
    /// running it last wrote it to the database.
    pub async fn stage(
        &self,
        login: &str,
        ticket: &str,
    ) -> Result<Option<ImportStage>, DomainError> {
        let key = (login.to_string(), ticket.to_string());
        match self.local(&key) {
            Some(s) => Ok(Some(s)),
            None => self.store.import_stage(login, ticket).await,
        }
    }

    /// Sets the test's hook, before the first import; false if one was set already.
    #[doc(hidden)]
    pub fn on_written(&self, hook: Written) -> bool {
        self.written.set(hook).is_ok()
    }

    fn local(&self, key: &Key) -> Option<ImportStage> {
        self.running.lock().ok()?.get(key).cloned()
    }

    fn update(&self, key: &Key, f: impl FnOnce(&mut ImportStage)) {
        if let Ok(mut m) = self.running.lock()
            && let Some(s) = m.get_mut(key)
        {
            f(s);
        }
    }
}

/// One import on the board; its clones report to the same place.
#[derive(Clone)]
pub struct Entry(Arc<EntryInner>);

struct EntryInner {
    board: Arc<ImportBoard>,
    key: Key,
    /// Where other servers share the database: what wakes the task writing the stage there.
    mirror: Option<Arc<Mirror>>,
    task: Mutex<Option<JoinHandle<()>>>,
}

impl EntryInner {
    /// Off this server's board, and the writer told to remove the stage from the database.
    fn close(&self) {
        if let Ok(mut m) = self.board.running.lock() {
            m.remove(&self.key);
        }
        if let Some(m) = &self.mirror {
            m.end();
        }
    }
}

impl Drop for EntryInner {
    fn drop(&mut self) {
        self.close();
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Entry {
    pub fn read(&self, sheet: &'static str, done: usize, total: usize) {
        self.change(|s| {
            sheet.clone_into(&mut s.read_sheet);
            s.read_done = count(done);
            s.read_total = count(total);
        });
    }

    pub fn written(&self, sheet: &'static str, done: usize) {
        self.change(|s| {
            sheet.clone_into(&mut s.write_sheet);
            s.write_done = count(done);
        });
    }

    fn change(&self, f: impl FnOnce(&mut ImportStage)) {
        self.0.board.update(&self.0.key, f);
        if let Some(m) = &self.0.mirror {
            m.changed();
        }
    }

    /// The import has ended: off the board, on every server, before this returns (the
    /// answer to the upload then finds no stage left behind anywhere).
    pub async fn end(self) {
        let task = self.0.task.lock().ok().and_then(|mut t| t.take());
        self.0.close();
        drop(self);
        if let Some(task) = task {
            let _ = task.await;
        }
    }
}

/// Wakes the task that writes one import's stage to the database: a change, or the end.
#[derive(Default)]
struct Mirror {
    ended: AtomicBool,
    wake: Notify,
}

impl Mirror {
    fn changed(&self) {
        self.wake.notify_one();
    }

    fn end(&self) {
        self.ended.store(true, Ordering::SeqCst);
        self.wake.notify_one();
    }

    fn is_ended(&self) -> bool {
        self.ended.load(Ordering::SeqCst)
    }

    async fn ended(&self) {
        while !self.is_ended() {
            self.wake.notified().await;
        }
    }
}

/// Writes the stage of the import `key` whenever it has changed, at most once every
/// [`PACE`], until the import ends; then removes it. One task per import, so its writes and
/// the removal come in order. A failed write is logged and the import goes on: progress is
/// not worth failing an import for.
async fn mirror(board: Arc<ImportBoard>, key: Key, m: Arc<Mirror>) {
    let mut written: Option<ImportStage> = None;
    while !m.is_ended() {
        match board.local(&key) {
            Some(s) if written.as_ref() != Some(&s) => {
                match board.store.put_import_stage(&key.0, &key.1, &s).await {
                    Ok(()) => {
                        if let Some(hook) = board.written.get() {
                            hook(&key.1, &s);
                        }
                    }
                    Err(e) => tracing::warn!("an import's progress was not written: {e}"),
                }
                written = Some(s);
                tokio::select! {
                    _ = tokio::time::sleep(PACE) => {}
                    _ = m.ended() => {}
                }
            }
            // A wake-up sent before this wait is kept by `Notify` for it.
            _ => m.wake.notified().await,
        }
    }
    if let Err(e) = board.store.end_import_stage(&key.0, &key.1).await {
        tracing::warn!("an ended import's progress was not removed: {e}");
    }
}
