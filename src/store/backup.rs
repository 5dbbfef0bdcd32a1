//! Backup and restore: the whole database as JSON Lines, readable with any JSON tool and
//! without sled or bincode, so that a backup outlives the storage engine that wrote it.
//!
//! The file: line 1 is a header naming the format, its version, the schema version, the
//! program and the record counts; then one line per user (`{"user":{..}}`), then for each
//! appeal in id order `{"appeal":{..}}` followed by its history (`{"event":{..}}`, oldest
//! first). Indexes and counters are not written: restore derives them from the records.
//! Drafts of the registration form are not written either: they are operators' unfinished
//! typing, not registry records, and a backup restored days later would offer forms long
//! since registered or abandoned; a restored database starts without drafts.
//!
//! Consistency without stopping the service: sled has no snapshots and its transactions
//! cannot iterate, but every single read sees a transaction whole. So the backup reads the
//! appeals registered before it began, one by one, and for each exactly the `history_len`
//! events that revision of the appeal counts. Events are only appended, so those are present,
//! and an event an action adds meanwhile is left out together with the change it belongs to.
//! Users are read last: they are never deleted, so everyone an appeal names is among them.
//!
//! Restore builds the database in `dir/db.restoring/` and moves it to `dir/db` only once it is
//! complete and passes the check; on any failure the staging directory is removed, so a
//! half-restored database is never left where the program would open it.

use std::fmt::Display;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::codec;
use super::keys::{self, meta};
use super::write::read_counter;
use super::{SCHEMA_VERSION, Store, StoreError};
use crate::domain::model::{Appeal, AppealId, HistoryEvent};
use crate::domain::user::User;

/// The first field of every backup, telling it apart from any other JSON Lines file.
pub const BACKUP_FORMAT: &str = "appeals-backup";

/// The layout of lines described in the module doc; raised when it changes.
pub const BACKUP_FORMAT_VERSION: u64 = 1;

/// Appeals per restore transaction, as in `demo`: fast loading, modest memory per transaction.
const BATCH: usize = 500;

/// Where a restore builds the new database, inside the target data directory so that the
/// final move is a rename within one file system.
const STAGING: &str = "db.restoring";

/// Problems of a restored database quoted in the refusal; the check command lists them all.
const PROBLEMS_SHOWN: usize = 5;

/// What a backup wrote or a restore loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupSummary {
    pub users: u64,
    pub appeals: u64,
    pub history_events: u64,
    /// Size of the backup file.
    pub bytes: u64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Counts {
    users: u64,
    appeals: u64,
    history_events: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    format_version: u64,
    schema_version: u64,
    program: String,
    created: DateTime<Utc>,
    counts: Counts,
}

/// One line after the header; the lowercase name is the line's only key. The appeal is boxed
/// because it is seven times the size of the others; the JSON is the same.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Record {
    User(User),
    Appeal(Box<Appeal>),
    Event(HistoryEvent),
}

impl Store {
    /// Writes a consistent copy of the database to `path` (see the module doc). The file
    /// appears whole or not at all: it is written to `<path>.tmp`, made durable and renamed
    /// over `path`, so an earlier backup there survives a failed one.
    pub fn backup(&self, path: &Path) -> Result<BackupSummary, StoreError> {
        let tmp = beside(path, "tmp")?;
        let body = beside(path, "body.tmp")?;
        let written = self.write_backup(path, &tmp, &body);

        // Failing to remove a scratch file must not hide the outcome, which is the news.
        let _ = fs::remove_file(&body);
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written
    }

    /// The appeal lines go to `body` first: the header before them needs counts known only
    /// after the last appeal, and the users before them are read only after the appeals.
    fn write_backup(
        &self,
        path: &Path,
        tmp: &Path,
        body: &Path,
    ) -> Result<BackupSummary, StoreError> {
        let mut counts = self.write_appeals(body)?;
        let users = self.users()?;
        counts.users = users.len() as u64;

        let file = File::create(tmp).map_err(io_error(tmp, "creating"))?;
        let mut out = BufWriter::new(file);
        write_line(&mut out, tmp, &header(counts))?;
        for user in users {
            write_line(&mut out, tmp, &Record::User(user))?;
        }
        let mut appeals = File::open(body).map_err(io_error(body, "reading"))?;
        io::copy(&mut appeals, &mut out).map_err(io_error(tmp, "writing"))?;
        let bytes = finish(out, tmp)?;

        fs::rename(tmp, path).map_err(io_error(path, "replacing"))?;
        sync_dir(parent_of(path))?;
        Ok(summary(counts, bytes))
    }

    /// Writes every appeal registered before now with its counted events; returns the counts.
    fn write_appeals(&self, body: &Path) -> Result<Counts, StoreError> {
        let file = File::create(body).map_err(io_error(body, "creating"))?;
        let mut out = BufWriter::new(file);
        // Ids are given in order with no gaps, so the counter read once bounds the snapshot;
        // appeals registered after this read are left out whole.
        let last = read_counter(&self.meta, meta::NEXT_ID)?.saturating_sub(1);
        let mut counts = Counts::default();
        for id in 1..=last {
            let appeal = self.registered(id)?;
            let events = self.counted_events(&appeal)?;
            counts.appeals += 1;
            counts.history_events += events.len() as u64;
            write_line(&mut out, body, &Record::Appeal(Box::new(appeal)))?;
            for event in events {
                write_line(&mut out, body, &Record::Event(event))?;
            }
        }
        out.flush().map_err(io_error(body, "writing"))?;
        Ok(counts)
    }

    /// An appeal below the id counter, which must exist: its absence is damage.
    fn registered(&self, id: AppealId) -> Result<Appeal, StoreError> {
        self.get(id)?.ok_or_else(|| StoreError::Corrupt {
            tree: "appeals",
            key: codec::describe_key(&keys::appeal(id)),
            reason: "missing, though later ids are given; run `appeals check`".into(),
        })
    }

    /// Exactly the events the appeal counts, read by key (see the module doc for why).
    fn counted_events(&self, appeal: &Appeal) -> Result<Vec<HistoryEvent>, StoreError> {
        let read = |seq: u32| {
            let key = keys::history(appeal.id, seq);
            match self.history.get(key)? {
                Some(bytes) => codec::decode_history("history", &key, &bytes),
                None => Err(StoreError::Corrupt {
                    tree: "history",
                    key: codec::describe_key(&key),
                    reason: format!(
                        "missing, though appeal {} counts {} events",
                        appeal.number_text, appeal.history_len
                    ),
                }),
            }
        };
        (0..appeal.history_len).map(read).collect()
    }

    /// Builds the database of the data directory `dir` from a backup file, and returns what
    /// it loaded. Refused when `dir` already holds a database with users or appeals. Nothing
    /// is left half-written: see the module doc.
    pub fn restore(dir: &Path, backup: &Path) -> Result<BackupSummary, StoreError> {
        // Held open until the move, so no server starts on the old database meanwhile.
        let existing = claim_target(dir)?;
        let staging = dir.join(STAGING);
        clear_staging(&staging)?;

        let restored = load(&staging, backup)
            .and_then(|summary| install(dir, &staging, existing).map(|()| summary));
        if restored.is_err() {
            // The backup file still holds everything; the staging copy is worth nothing.
            let _ = fs::remove_dir_all(&staging);
        }
        restored
    }
}

fn header(counts: Counts) -> Header {
    Header {
        format: BACKUP_FORMAT.to_string(),
        format_version: BACKUP_FORMAT_VERSION,
        schema_version: SCHEMA_VERSION,
        program: env!("CARGO_PKG_VERSION").to_string(),
        created: Utc::now(),
        counts,
    }
}

fn summary(counts: Counts, bytes: u64) -> BackupSummary {
    BackupSummary {
        users: counts.users,
        appeals: counts.appeals,
        history_events: counts.history_events,
        bytes,
    }
}

/// Refuses a data directory whose database holds anything; returns its empty database, if
/// there is one, still open.
fn claim_target(dir: &Path) -> Result<Option<Store>, StoreError> {
    fs::create_dir_all(dir).map_err(io_error(dir, "creating"))?;
    if !dir.join("db").exists() {
        return Ok(None);
    }
    let store = Store::open(dir)?;
    let users = store.users.len();
    let appeals = store.appeals.len();
    if users > 0 || appeals > 0 {
        return Err(StoreError::Bulk(format!(
            "refusing to restore into {}: its database is not empty ({users} users, \
             {appeals} appeals); restore into a new data directory",
            dir.display()
        )));
    }
    Ok(Some(store))
}

/// Removes what an interrupted restore left, unless a restore still running holds it: sled
/// locks an open database, and opening it waits for that lock and then reports it.
fn clear_staging(staging: &Path) -> Result<(), StoreError> {
    if !staging.exists() {
        return Ok(());
    }
    if let Err(locked @ StoreError::Locked { .. }) = Store::open(staging) {
        return Err(locked);
    }
    fs::remove_dir_all(staging).map_err(io_error(staging, "removing"))
}

/// Reads the backup into a new database in `staging` and verifies it there.
fn load(staging: &Path, backup: &Path) -> Result<BackupSummary, StoreError> {
    let file = File::open(backup).map_err(io_error(backup, "opening"))?;
    let bytes = file.metadata().map_err(io_error(backup, "reading"))?.len();
    let mut lines = BufReader::new(file).lines();
    let header = read_header(backup, lines.next())?;

    let store = Store::open(staging)?;
    let mut loader = Loader::new(&store, backup);
    for (index, line) in lines.enumerate() {
        // Line 1 was the header, and people count lines from 1.
        let number = index as u64 + 2;
        let line = line.map_err(|e| at_line(backup, number, e))?;
        let record = serde_json::from_str(&line).map_err(|e| at_line(backup, number, e))?;
        loader.take(number, record)?;
    }
    let counts = loader.finish()?;

    verify(&store, backup, header.counts, counts)?;
    store.sync()?;
    Ok(summary(counts, bytes))
}

/// Checks the format and versions before anything else in the header, so that a newer
/// backup is refused for what it is rather than for a field this program does not know.
fn read_header(file: &Path, first: Option<io::Result<String>>) -> Result<Header, StoreError> {
    let bad = |what: String| at_line(file, 1, what);
    let line = first
        .ok_or_else(|| bad("the file is empty; a backup starts with its header".into()))?
        .map_err(|e| bad(e.to_string()))?;
    let value: Value =
        serde_json::from_str(&line).map_err(|e| bad(format!("the header is not JSON: {e}")))?;

    let format = value.get("format").and_then(Value::as_str);
    if format != Some(BACKUP_FORMAT) {
        return Err(bad(format!(
            "not an appeals backup (format {}, expected \"{BACKUP_FORMAT}\")",
            format.unwrap_or("missing")
        )));
    }
    newest(&value, "format_version", BACKUP_FORMAT_VERSION).map_err(bad)?;
    newest(&value, "schema_version", SCHEMA_VERSION).map_err(bad)?;
    serde_json::from_value(value).map_err(|e| bad(format!("the header is malformed: {e}")))
}

/// Refuses a version field newer than this program reads.
fn newest(header: &Value, field: &str, readable: u64) -> Result<(), String> {
    match header.get(field).and_then(Value::as_u64) {
        Some(found) if found <= readable => Ok(()),
        Some(found) => Err(format!(
            "{field} {found} is newer than this program reads (up to {readable}); \
             restore with the appeals version that wrote it or a newer one"
        )),
        None => Err(format!("the header has no {field}")),
    }
}

/// The counts must match the header, which catches a file cut at a line boundary, and the
/// new database must pass the same check as any other.
fn verify(store: &Store, file: &Path, header: Counts, found: Counts) -> Result<(), StoreError> {
    if header != found {
        return Err(StoreError::Bulk(format!(
            "backup {}: the header counts {} users, {} appeals and {} history events, the \
             file holds {}, {} and {}; it is incomplete or was edited",
            file.display(),
            header.users,
            header.appeals,
            header.history_events,
            found.users,
            found.appeals,
            found.history_events
        )));
    }
    let report = store.check()?;
    if !report.is_clean() {
        let shown: Vec<&str> = report
            .problems
            .iter()
            .take(PROBLEMS_SHOWN)
            .map(String::as_str)
            .collect();
        return Err(StoreError::Bulk(format!(
            "backup {}: the restored database fails the check ({} problems): {}",
            file.display(),
            report.problems.len(),
            shown.join("; ")
        )));
    }
    Ok(())
}

/// Moves the restored database into place by renames only, so that `dir/db` is at every
/// moment the old empty database, absent, or the complete restored one.
fn install(dir: &Path, staging: &Path, existing: Option<Store>) -> Result<(), StoreError> {
    // Closing the old empty database releases its lock before its directory moves.
    drop(existing);
    let target = dir.join("db");
    if target.exists() {
        let aside = staging.join("replaced");
        fs::rename(&target, &aside).map_err(io_error(&target, "moving aside"))?;
    }
    let built = staging.join("db");
    fs::rename(&built, &target).map_err(io_error(&built, "moving into place"))?;
    sync_dir(dir)?;
    fs::remove_dir_all(staging).map_err(io_error(staging, "removing"))
}

/// The appeal being read: its record, its events so far and the line it began on.
struct Open {
    appeal: Appeal,
    events: Vec<HistoryEvent>,
    line: u64,
}

/// Loads records in file order, checking as it goes what can be named by a line.
struct Loader<'a> {
    store: &'a Store,
    file: &'a Path,
    counts: Counts,
    open: Option<Open>,
    batch: Vec<(Appeal, Vec<HistoryEvent>)>,
    /// The line of the first appeal in `batch`, to place a refusal of the whole batch.
    batch_line: u64,
    next_id: AppealId,
}

impl<'a> Loader<'a> {
    fn new(store: &'a Store, file: &'a Path) -> Loader<'a> {
        Loader {
            store,
            file,
            counts: Counts::default(),
            open: None,
            batch: Vec::new(),
            batch_line: 0,
            next_id: 1,
        }
    }

    fn take(&mut self, line: u64, record: Record) -> Result<(), StoreError> {
        match record {
            Record::User(user) => self.user(line, &user),
            Record::Appeal(appeal) => self.appeal(line, *appeal),
            Record::Event(event) => self.event(line, event),
        }
    }

    fn user(&mut self, line: u64, user: &User) -> Result<(), StoreError> {
        self.store
            .add_user(user)
            .map_err(|e| at_line(self.file, line, e))?;
        self.counts.users += 1;
        Ok(())
    }

    fn appeal(&mut self, line: u64, appeal: Appeal) -> Result<(), StoreError> {
        self.close()?;
        if appeal.id != self.next_id {
            return Err(at_line(
                self.file,
                line,
                format!(
                    "appeal id {} where {} was expected: appeals must follow in id order",
                    appeal.id, self.next_id
                ),
            ));
        }
        self.next_id += 1;
        let events = Vec::with_capacity(appeal.history_len as usize);
        self.open = Some(Open {
            appeal,
            events,
            line,
        });
        Ok(())
    }

    /// An event must be the next one of the appeal just read.
    fn event(&mut self, line: u64, event: HistoryEvent) -> Result<(), StoreError> {
        let Some(open) = self.open.as_mut() else {
            return Err(at_line(
                self.file,
                line,
                "a history event before any appeal",
            ));
        };
        let expected = open.events.len() as u32;
        if event.appeal != open.appeal.id || event.seq != expected {
            let why = format!(
                "event {} of appeal id {} where event {expected} of appeal id {} belongs",
                event.seq, event.appeal, open.appeal.id
            );
            return Err(at_line(self.file, line, why));
        }
        if expected >= open.appeal.history_len {
            let why = format!(
                "appeal id {} counts only {} events",
                open.appeal.id, open.appeal.history_len
            );
            return Err(at_line(self.file, line, why));
        }
        open.events.push(event);
        self.counts.history_events += 1;
        Ok(())
    }

    /// Ends the appeal being read once its events are complete, and queues it for writing.
    fn close(&mut self) -> Result<(), StoreError> {
        let Some(open) = self.open.take() else {
            return Ok(());
        };
        let (counted, found) = (open.appeal.history_len, open.events.len());
        if found != counted as usize {
            let why = format!("the appeal has history_len {counted}, but {found} events follow it");
            return Err(at_line(self.file, open.line, why));
        }
        if self.batch.is_empty() {
            self.batch_line = open.line;
        }
        self.batch.push((open.appeal, open.events));
        self.counts.appeals += 1;
        if self.batch.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), StoreError> {
        if self.batch.is_empty() {
            return Ok(());
        }
        self.store.insert_batch(&self.batch).map_err(|e| {
            let place = format!("the {} appeals from this line", self.batch.len());
            at_line(self.file, self.batch_line, format!("{place}: {e}"))
        })?;
        self.batch.clear();
        Ok(())
    }

    fn finish(mut self) -> Result<Counts, StoreError> {
        self.close()?;
        self.flush()?;
        Ok(self.counts)
    }
}

fn write_line(out: &mut impl Write, path: &Path, value: &impl Serialize) -> Result<(), StoreError> {
    serde_json::to_writer(&mut *out, value).map_err(|e| io_error(path, "writing")(e.into()))?;
    out.write_all(b"\n").map_err(io_error(path, "writing"))
}

/// Flushes and fsyncs a finished file; returns its size.
fn finish(out: BufWriter<File>, path: &Path) -> Result<u64, StoreError> {
    let file = out
        .into_inner()
        .map_err(|e| io_error(path, "writing")(e.into_error()))?;
    file.sync_all().map_err(io_error(path, "syncing"))?;
    Ok(file.metadata().map_err(io_error(path, "reading"))?.len())
}

/// Makes a rename or a new entry in `dir` durable.
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_error(dir, "syncing"))
}

/// `<path>.<suffix>` in the same directory, so that the final rename stays atomic.
fn beside(path: &Path, suffix: &str) -> Result<PathBuf, StoreError> {
    let Some(name) = path.file_name() else {
        let what = format!("backup path {} names no file", path.display());
        return Err(StoreError::Bulk(what));
    };
    let mut name = name.to_os_string();
    name.push(".");
    name.push(suffix);
    Ok(path.with_file_name(name))
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// An I/O failure, with what was being done to which file.
fn io_error<'p>(path: &'p Path, doing: &'p str) -> impl Fn(io::Error) -> StoreError + 'p {
    move |e| {
        let message = format!("{doing} {}: {e}", path.display());
        StoreError::Sync(io::Error::new(e.kind(), message))
    }
}

/// A problem with one line of a backup file.
fn at_line(file: &Path, line: u64, what: impl Display) -> StoreError {
    StoreError::Bulk(format!("backup {}, line {line}: {what}", file.display()))
}
