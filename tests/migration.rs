//! A database of version 1, written before the queues had other orders than the term, gets
//! its lists in received and number order built when opened; a migration cut short is done
//! again from scratch. (The keys version 1 wrote are pinned by a unit test of `index`.)

mod common;

use std::path::Path;

use appeals::domain::queue::{Order, Queue, Sort};
use appeals::service::Service;
use appeals::store::codec::{self, Kind};
use common::{at, service_at};

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
    assert_eq!(stored_version(dir.path()), 2);
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
    assert_eq!(stored_version(dir.path()), 2);
    let service = service_at(dir.path(), at(2026, 1, 12));
    assert!(service.check().unwrap().problems.is_empty());
}
