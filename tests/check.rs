//! The consistency check finds damage: a missing index entry, a record that does not
//! decode (named by its key), a gap in a history, a damaged draft; and `appeals check`
//! exits 1 for it.

mod common;

use appeals::domain::draft::DraftSlot;
use assert_cmd::Command;
use common::{at, date, form, service_at, staff};

fn database_with_appeals(dir: &std::path::Path) {
    let service = service_at(dir, at(2026, 3, 2));
    staff(&service);
    for name in ["Иванов Иван", "Петрова Анна"] {
        service
            .register("reg", &form(name, date(2026, 3, 2)))
            .unwrap();
    }
}

fn problems(dir: &std::path::Path) -> Vec<String> {
    service_at(dir, at(2026, 3, 2)).check().unwrap().problems
}

fn damage(dir: &std::path::Path, tree: &str, change: impl FnOnce(&sled::Tree)) {
    let db = sled::open(dir.join("db")).unwrap();
    change(&db.open_tree(tree).unwrap());
    db.flush().unwrap();
}

#[test]
fn a_clean_database_passes() {
    let dir = tempfile::tempdir().unwrap();
    database_with_appeals(dir.path());
    assert!(problems(dir.path()).is_empty());
}

#[test]
fn a_missing_index_entry_is_found() {
    let dir = tempfile::tempdir().unwrap();
    database_with_appeals(dir.path());
    damage(dir.path(), "indexes", |t| {
        let key = t.scan_prefix(b"N").keys().next().unwrap().unwrap();
        t.remove(key).unwrap();
    });
    let found = problems(dir.path());
    assert!(found.iter().any(|p| p.contains("missing")), "{found:?}");
}

#[test]
fn a_missing_entry_of_a_queue_in_received_order_is_found() {
    let dir = tempfile::tempdir().unwrap();
    database_with_appeals(dir.path());
    damage(dir.path(), "indexes", |t| {
        let key = t.scan_prefix(b"r").keys().next().unwrap().unwrap();
        t.remove(key).unwrap();
    });
    let found = problems(dir.path());
    assert!(found.iter().any(|p| p.contains("missing")), "{found:?}");
}

#[test]
fn an_undecodable_record_is_named_by_its_key() {
    let dir = tempfile::tempdir().unwrap();
    database_with_appeals(dir.path());
    damage(dir.path(), "appeals", |t| {
        t.insert(2u64.to_be_bytes(), b"\xB2\x00\x01garbage".to_vec())
            .unwrap();
    });
    let found = problems(dir.path());
    assert!(
        found.iter().any(|p| p.contains("0000000000000002")),
        "{found:?}"
    );
}

#[test]
fn a_damaged_draft_is_named_by_its_owner_slot_and_key() {
    let dir = tempfile::tempdir().unwrap();
    database_with_appeals(dir.path());
    {
        let service = service_at(dir.path(), at(2026, 3, 2));
        let typed = form("Сидоров Олег", date(2026, 3, 2));
        service
            .save_draft("reg", DraftSlot::New, &typed, None)
            .unwrap();
        assert!(service.check().unwrap().problems.is_empty());
    }
    damage(dir.path(), "drafts", |t| {
        t.insert(b"reg\0N", b"\xB2\x00\x01\x03".to_vec()).unwrap();
    });
    let found = problems(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("draft reg/new") && found[0].contains("726567004e"),
        "{found:?}"
    );
}

#[test]
fn a_gap_in_a_history_is_found() {
    let dir = tempfile::tempdir().unwrap();
    database_with_appeals(dir.path());
    damage(dir.path(), "history", |t| {
        let key = t.iter().keys().next().unwrap().unwrap();
        t.remove(key).unwrap();
    });
    let found = problems(dir.path());
    assert!(found.iter().any(|p| p.contains("history")), "{found:?}");
}

#[test]
fn the_check_command_exits_one_on_damage() {
    let dir = tempfile::tempdir().unwrap();
    database_with_appeals(dir.path());
    damage(dir.path(), "meta", |t| {
        t.remove(b"next_id").unwrap();
    });
    let home = tempfile::tempdir().unwrap();
    Command::cargo_bin("appeals")
        .unwrap()
        .env("XDG_CONFIG_HOME", home.path())
        .arg("--data-dir")
        .arg(dir.path())
        .args(["check", "--offline"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("PROBLEM: next id"));
}

#[test]
fn a_database_from_a_newer_program_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    database_with_appeals(dir.path());
    let newer = appeals::store::codec::encode(appeals::store::codec::Kind::Counter, &99u64);
    damage(dir.path(), "meta", |t| {
        t.insert(b"schema", newer).unwrap();
    });
    let err = appeals::store::Store::open(dir.path())
        .err()
        .expect("refused");
    assert!(err.to_string().contains("newer"), "{err}");
}
