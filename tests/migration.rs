//! A database of version 1, written before the queues had other orders than the term, gets
//! its lists in received and number order built when opened; a migration cut short is done
//! again from scratch. A database of version 2, whose history events have no facts, is
//! opened with its events as they are. (The keys version 1 wrote are pinned by a unit test of `index`.)

mod common;

use std::path::Path;

use appeals::domain::model::{ActionKind, Status};
use appeals::domain::queue::{Order, Queue, Sort};
use appeals::service::Service;
use appeals::store::DATABASE_VERSION;
use appeals::store::codec::{self, BINCODE, Kind};
use chrono::{DateTime, Utc};
use common::{at, service_at};
use serde::Serialize;

fn registry(dir: &Path) -> Service {
    let service = service_at(dir, at(2026, 1, 12));
    common::staff(&service);
    appeals::demo::fill(&service, "admin", 120, 3).expect("the demo fills");
    service
}

/// Opens the database files once the service before has let go of them: its background
/// threads drop their handles a moment after the service itself.
fn open_when_free(dir: &Path) -> sled::Db {
    let started = std::time::Instant::now();
    loop {
        match sled::open(dir.join("db")) {
            Ok(db) => return db,
            Err(e) if started.elapsed() > std::time::Duration::from_secs(10) => {
                panic!("the database stays locked: {e}")
            }
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(20)),
        }
    }
}

/// What a version 1 program would have left: no keys of the families version 2 added,
/// and version 1 in meta.
fn make_version_1(dir: &Path) {
    let db = open_when_free(dir);
    let index = db.open_tree("indexes").unwrap();
    for family in [b't', b'r', b'n'] {
        for key in index.scan_prefix([family]).keys() {
            index.remove(key.unwrap()).unwrap();
        }
    }
    let meta = db.open_tree("meta").unwrap();
    meta.insert(b"schema", codec::encode(Kind::Counter, &1u64))
        .unwrap();
    db.flush().unwrap();
}

fn stored_version(dir: &Path) -> u64 {
    let db = open_when_free(dir);
    let bytes = db
        .open_tree("meta")
        .unwrap()
        .get(b"schema")
        .unwrap()
        .unwrap();
    codec::decode(Kind::Counter, "meta", b"schema", &bytes).unwrap()
}

fn by_received(service: &Service) -> Vec<u64> {
    let order = Order {
        sort: Sort::Received,
        descending: false,
    };
    let page = service.queue_page("reg", Queue::All, order, None, 0, 1000);
    page.unwrap().rows.iter().map(|r| r.id).collect()
}

#[test]
fn a_version_1_database_gets_its_queues_in_every_order_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let before = by_received(&registry(dir.path()));
    make_version_1(dir.path());
    assert_eq!(stored_version(dir.path()), 1);

    let service = service_at(dir.path(), at(2026, 1, 12));
    let check = service.check().unwrap();
    assert!(check.problems.is_empty(), "{:?}", check.problems);
    assert_eq!(by_received(&service), before);
    drop(service);
    assert_eq!(stored_version(dir.path()), DATABASE_VERSION);
}

#[test]
fn a_migration_cut_short_is_done_again_from_scratch() {
    let dir = tempfile::tempdir().unwrap();
    drop(registry(dir.path()));
    make_version_1(dir.path());
    {
        // Half a migration, then an older program changed an appeal: an entry that no
        // record implies any more.
        let db = open_when_free(dir.path());
        let index = db.open_tree("indexes").unwrap();
        let stale = [
            b"r*".as_slice(),
            &[0, 0, 0, 1],
            &7u64.to_be_bytes(),
            &[0, 0, 0, 1],
        ];
        index.insert(stale.concat(), &[]).unwrap();
        db.flush().unwrap();
    }
    let service = service_at(dir.path(), at(2026, 1, 12));
    let check = service.check().unwrap();
    assert!(check.problems.is_empty(), "{:?}", check.problems);
}

#[test]
fn a_current_database_is_opened_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    drop(registry(dir.path()));
    assert_eq!(stored_version(dir.path()), DATABASE_VERSION);
    let service = service_at(dir.path(), at(2026, 1, 12));
    assert!(service.check().unwrap().problems.is_empty());
}

/// A history event as version 2 of the database wrote it (record version 1: no facts).
#[derive(Serialize)]
struct EventV1 {
    appeal: u64,
    seq: u32,
    at: DateTime<Utc>,
    by: String,
    action: ActionKind,
    from_status: Option<Status>,
    to_status: Status,
    detail: String,
    reason: String,
}

/// What a version 2 program would have left: every history event without its facts, and
/// version 2 in meta.
fn make_version_2(dir: &Path) {
    let db = open_when_free(dir);
    let history = db.open_tree("history").unwrap();
    for item in history.iter() {
        let (key, bytes) = item.unwrap();
        let event = codec::decode_history("history", &key, &bytes).unwrap();
        let old = EventV1 {
            appeal: event.appeal,
            seq: event.seq,
            at: event.at,
            by: event.by,
            action: event.action,
            from_status: event.from_status,
            to_status: event.to_status,
            detail: event.detail,
            reason: event.reason,
        };
        let mut value = vec![0xB2, 0, 1];
        value.extend(bincode::serde::encode_to_vec(&old, BINCODE).unwrap());
        history.insert(key, value).unwrap();
    }
    let meta = db.open_tree("meta").unwrap();
    meta.insert(b"schema", codec::encode(Kind::Counter, &2u64))
        .unwrap();
    db.flush().unwrap();
}

#[test]
fn a_version_2_database_keeps_its_events_as_written_and_new_ones_get_facts() {
    let dir = tempfile::tempdir().unwrap();
    let before = registry(dir.path()).store().history(1).unwrap();
    make_version_2(dir.path());

    let service = service_at(dir.path(), at(2026, 1, 12));
    let check = service.check().unwrap();
    assert!(check.problems.is_empty(), "{:?}", check.problems);
    let kept = service.store().history(1).unwrap();
    assert_eq!(kept.len(), before.len());
    for (old, new) in kept.iter().zip(&before) {
        assert!(old.facts.is_empty(), "{old:?}");
        assert_eq!((&old.detail, &old.reason), (&new.detail, &new.reason));
    }

    let outcome = service
        .register(
            "reg",
            &common::form("Новый Заявитель", common::date(2026, 1, 12)),
        )
        .unwrap();
    assert!(!outcome.event.facts.is_empty());
    drop(service);
    assert_eq!(stored_version(dir.path()), DATABASE_VERSION);
}
