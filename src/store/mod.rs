//! The durable store on sled: appeals, their history, users, indexes and counters, each in a
//! tree of its own. Only this module knows sled. Every change is one transaction covering the
//! record, its indexes, its history event and any counter, made durable before it returns.
//! Drafts of the registration form have a tree too, but are working state (see `drafts`).

mod backup;
mod check;
pub mod codec;
mod drafts;
mod index;
pub mod keys;
mod listing;
mod migrate;
mod query;
mod v1;
mod write;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

pub use backup::{BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupSummary};
pub use check::CheckReport;
pub use index::STAGE_SIGNED;
pub use listing::{Page, QueueQuery, Slice};

use crate::domain::action::Refusal;
use crate::domain::model::{Appeal, AppealId, HistoryEvent};
use crate::domain::user::{Login, User};
use codec::Kind;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error(
        "database {path} is in use by another appeals process; waited {waited_s} s for it \
         (commands are short: try again, or see which process holds it with `fuser -v {path}/db`)"
    )]
    Locked { path: PathBuf, waited_s: u64 },
    #[error("database: {0}")]
    Sled(#[from] sled::Error),
    #[error("database file sync: {0}")]
    Sync(#[from] std::io::Error),
    #[error("damaged record in {tree} at key {key}: {reason}")]
    Corrupt {
        tree: &'static str,
        key: String,
        reason: String,
    },
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error("appeal changed meanwhile by {by} at {at} (revision {current}, yours {expected})")]
    Conflict {
        expected: u64,
        current: u64,
        by: Login,
        at: DateTime<Utc>,
    },
    #[error("no appeal with id {0}")]
    NotFound(AppealId),
    #[error("user {0} already exists")]
    UserExists(Login),
    #[error("no user {0}")]
    NoUser(Login),
    #[error("bulk load: {0}")]
    Bulk(String),
    #[error("draft of {bytes} bytes is over the limit of {limit}")]
    DraftTooLarge { bytes: usize, limit: usize },
    #[error("{owner} already keeps {limit} drafts")]
    TooManyDrafts { owner: Login, limit: usize },
}

/// sled's page cache. Its default (1 GiB) would let a long-running server grow far past what
/// the registry needs; the working set of queues and cards is small.
const CACHE_BYTES: u64 = 16 * 1024 * 1024;

/// How long a command waits for another process to release the database: long enough for
/// any single command, short enough that a stuck holder is reported.
const LOCK_WAIT: Duration = Duration::from_secs(10);
const LOCK_RETRY: Duration = Duration::from_millis(20);

/// sled 0.34 reports a held lock only in the text of an I/O error.
fn is_locked(error: &sled::Error) -> bool {
    matches!(error, sled::Error::Io(io) if io.to_string().contains("could not acquire lock"))
}

/// The layout of the records (the domain types as encoded); a backup's header names it.
/// Version 2 added the facts of history events, which a backup carries as a field.
pub const SCHEMA_VERSION: u64 = 2;

/// The version of the database as a whole, kept in meta under `schema`: the records' layout
/// plus the trees and index keys derived from them; raised when any of these changes.
/// Version 2 added the lists in received and number order (`index::List`): a version 1
/// database gets them built when it is opened (`migrate`), and an older program refuses a
/// version 2 database, so it never changes an appeal without the entries it does not know.
/// Version 3 writes history events with their facts (`codec::Kind::History` version 2);
/// older events stay as they are and are read as they were, so nothing is rebuilt, and an
/// older program, which could not read the new events, refuses the database.
pub const DATABASE_VERSION: u64 = 3;

/// The first database version with the lists in received and number order.
const TWIN_LISTS_SINCE: u64 = 2;

/// The open database of one data directory.
pub struct Store {
    db: sled::Db,
    appeals: sled::Tree,
    history: sled::Tree,
    users: sled::Tree,
    index: sled::Tree,
    meta: sled::Tree,
    drafts: sled::Tree,
    dir: PathBuf,
    /// The database file, kept open for its fsync after every change.
    file: File,
    syncs: GroupSync,
}

/// Group commit: a writer whose transaction committed while another writer's sync was
/// already running waits for the next sync instead of starting its own, so concurrent
/// writers share fsyncs and each is still acknowledged only once its change is durable.
#[derive(Default)]
struct GroupSync {
    state: Mutex<SyncState>,
    done: Condvar,
}

#[derive(Default)]
struct SyncState {
    /// Changes committed so far, numbered.
    committed: u64,
    /// Every change up to this number is durable.
    durable: u64,
    running: bool,
}

impl Store {
    /// Opens or creates the database in `dir/db`. sled lets one process open a database at
    /// a time; another command holding it is waited for, up to `LOCK_WAIT`.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.join("db");
        let started = Instant::now();
        let db = loop {
            let config = sled::Config::new().path(&path).cache_capacity(CACHE_BYTES);
            match config.open() {
                Ok(db) => break db,
                Err(e) if is_locked(&e) && started.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(LOCK_RETRY);
                }
                Err(e) if is_locked(&e) => {
                    let waited_s = LOCK_WAIT.as_secs();
                    return Err(StoreError::Locked { path, waited_s });
                }
                Err(e) => {
                    return Err(StoreError::Open {
                        path,
                        reason: e.to_string(),
                    });
                }
            }
        };
        let open_err = |e: sled::Error| StoreError::Open {
            path: path.clone(),
            reason: e.to_string(),
        };
        let tree = |name: &str| db.open_tree(name).map_err(open_err);
        let store = Store {
            appeals: tree("appeals")?,
            history: tree("history")?,
            users: tree("users")?,
            index: tree("indexes")?,
            meta: tree("meta")?,
            drafts: tree("drafts")?,
            file: File::open(path.join("db")).map_err(StoreError::Sync)?,
            syncs: GroupSync::default(),
            dir: path.clone(),
            db,
        };
        store.check_schema()?;
        store.sync_directory()?;
        Ok(store)
    }

    /// Where the database files are.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Makes every committed change durable: sled's flush, then an fsync of the database
    /// file, so that a power cut keeps what was acknowledged. The directory entries are made
    /// durable once, when the database is opened (`sync_directory`).
    pub fn sync(&self) -> Result<(), StoreError> {
        let mine = {
            let mut state = self.syncs.state.lock().unwrap_or_else(|p| p.into_inner());
            state.committed += 1;
            state.committed
        };
        let mut state = self.syncs.state.lock().unwrap_or_else(|p| p.into_inner());
        while state.durable < mine {
            if state.running {
                state = self
                    .syncs
                    .done
                    .wait(state)
                    .unwrap_or_else(|p| p.into_inner());
                continue;
            }
            state.running = true;
            let upto = state.committed;
            drop(state);
            let result = self.flush_and_fsync();
            state = self.syncs.state.lock().unwrap_or_else(|p| p.into_inner());
            state.running = false;
            if result.is_ok() {
                state.durable = state.durable.max(upto);
            }
            self.syncs.done.notify_all();
            result?;
        }
        Ok(())
    }

    fn flush_and_fsync(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        self.file.sync_all()?;
        Ok(())
    }

    /// Records the version in a new database, brings an older one up to this version, and
    /// refuses one written by a newer program, whose records or indexes this one could
    /// misread or fail to keep.
    fn check_schema(&self) -> Result<(), StoreError> {
        let key = keys::meta::SCHEMA;
        let found: u64 = match self.meta.get(key)? {
            Some(bytes) => codec::decode(Kind::Counter, "meta", key, &bytes)?,
            None => {
                self.meta
                    .insert(key, codec::encode(Kind::Counter, &DATABASE_VERSION))?;
                return Ok(());
            }
        };
        if found > DATABASE_VERSION {
            return Err(StoreError::Open {
                path: self.dir.clone(),
                reason: format!(
                    "written by a newer appeals (schema {found}, this program reads up to \
                     {DATABASE_VERSION}); use that version or newer"
                ),
            });
        }
        if found < DATABASE_VERSION {
            if found < TWIN_LISTS_SINCE {
                self.migrate()?;
            }
            self.meta
                .insert(key, codec::encode(Kind::Counter, &DATABASE_VERSION))?;
            self.sync()?;
        }
        Ok(())
    }

    /// Fsyncs the database directory and its parent, so that a newly created database's
    /// files are found after a power cut.
    fn sync_directory(&self) -> Result<(), StoreError> {
        File::open(&self.dir)?.sync_all()?;
        if let Some(parent) = self.dir.parent() {
            File::open(parent)?.sync_all()?;
        }
        Ok(())
    }

    /// Bytes the database occupies on disk.
    pub fn size_on_disk(&self) -> Result<u64, StoreError> {
        Ok(self.db.size_on_disk()?)
    }

    pub fn get(&self, id: AppealId) -> Result<Option<Appeal>, StoreError> {
        let key = keys::appeal(id);
        match self.appeals.get(key)? {
            Some(bytes) => Ok(Some(codec::decode(Kind::Appeal, "appeals", &key, &bytes)?)),
            None => Ok(None),
        }
    }

    /// The history of one appeal, oldest first.
    pub fn history(&self, id: AppealId) -> Result<Vec<HistoryEvent>, StoreError> {
        self.history
            .scan_prefix(keys::appeal(id))
            .map(|item| {
                let (key, bytes) = item?;
                codec::decode_history("history", &key, &bytes)
            })
            .collect()
    }

    pub fn user(&self, login: &str) -> Result<Option<User>, StoreError> {
        match self.users.get(login.as_bytes())? {
            Some(bytes) => Ok(Some(codec::decode(
                Kind::User,
                "users",
                login.as_bytes(),
                &bytes,
            )?)),
            None => Ok(None),
        }
    }

    pub fn users(&self) -> Result<Vec<User>, StoreError> {
        self.users
            .iter()
            .map(|item| {
                let (key, bytes) = item?;
                codec::decode(Kind::User, "users", &key, &bytes)
            })
            .collect()
    }

    pub fn has_users(&self) -> Result<bool, StoreError> {
        Ok(!self.users.is_empty())
    }

    /// Adds a new user; refused when the login is taken.
    pub fn add_user(&self, user: &User) -> Result<(), StoreError> {
        let value = codec::encode(Kind::User, user);
        let swapped = self.users.compare_and_swap(
            user.login.as_bytes(),
            None as Option<&[u8]>,
            Some(value),
        )?;
        if swapped.is_err() {
            return Err(StoreError::UserExists(user.login.clone()));
        }
        self.sync()
    }

    /// Replaces a stored user.
    pub fn update_user(&self, user: &User) -> Result<(), StoreError> {
        if self.user(&user.login)?.is_none() {
            return Err(StoreError::NoUser(user.login.clone()));
        }
        self.users
            .insert(user.login.as_bytes(), codec::encode(Kind::User, user))?;
        self.sync()
    }
}
