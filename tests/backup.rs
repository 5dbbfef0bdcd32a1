//! Backup and restore: a demo database survives the round trip record for record; the file
//! says what it holds in its header; restore refuses a database in use, a damaged or newer
//! file, and never leaves half a database behind; a backup replaces an older one whole.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use appeals::domain::action::Action;
use appeals::service::Service;
use appeals::service::api::ActRequest;
use appeals::store::{BackupSummary, Store};
use chrono::{DateTime, Utc};
use common::{at, date, form, service_at, staff};
use serde_json::Value;

fn now() -> DateTime<Utc> {
    at(2026, 3, 2)
}

/// A service over a database filled by `demo` with `count` appeals and its staff.
fn demo_database(dir: &Path, count: u64) -> Service {
    let service = service_at(dir, now());
    staff(&service);
    appeals::demo::fill(&service, "admin", count, 7).expect("demo fills the database");
    service
}

/// A backup of a demo database, in a directory of its own beside the source data directory.
fn backup_of(root: &Path, count: u64) -> (PathBuf, BackupSummary) {
    let service = demo_database(&root.join("source"), count);
    let file = root.join("backups").join("appeals.jsonl");
    fs::create_dir_all(root.join("backups")).expect("a backups directory");
    let summary = service
        .store()
        .backup(&file)
        .expect("the backup is written");
    (file, summary)
}

fn lines(file: &Path) -> Vec<String> {
    let text = fs::read_to_string(file).expect("the backup reads");
    text.lines().map(str::to_string).collect()
}

fn write_lines(file: &Path, lines: &[String]) {
    fs::write(file, lines.join("\n") + "\n").expect("the edited backup is written");
}

fn restore_error(dir: &Path, file: &Path) -> String {
    Store::restore(dir, file)
        .expect_err("the restore is refused")
        .to_string()
}

/// Neither a database nor the staging copy of one is left in `dir`.
fn assert_no_database(dir: &Path) {
    assert!(!dir.join("db").exists(), "a database was left in {dir:?}");
    assert!(
        !dir.join("db.restoring").exists(),
        "staging was left in {dir:?}"
    );
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the directory lists")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn a_demo_database_survives_the_round_trip_record_for_record() {
    let root = tempfile::tempdir().unwrap();
    let source = demo_database(&root.path().join("source"), 300);
    let file = root.path().join("appeals.jsonl");
    let written = source.store().backup(&file).unwrap();

    let target_dir = root.path().join("target");
    let loaded = Store::restore(&target_dir, &file).unwrap();
    assert_eq!(loaded, written);
    assert_eq!(loaded.appeals, 300);

    let target = service_at(&target_dir, now());
    let (from, to) = (source.store(), target.store());
    assert_eq!(from.users().unwrap(), to.users().unwrap());
    for id in 1..=300 {
        assert_eq!(from.get(id).unwrap(), to.get(id).unwrap(), "appeal id {id}");
        assert_eq!(
            from.history(id).unwrap(),
            to.history(id).unwrap(),
            "history of id {id}"
        );
    }
    assert_eq!(
        from.next_identity(2026).unwrap(),
        to.next_identity(2026).unwrap()
    );
    assert!(target.check().unwrap().problems.is_empty());
}

#[test]
fn the_restored_database_shows_every_card_as_before() {
    let root = tempfile::tempdir().unwrap();
    let source = demo_database(&root.path().join("source"), 60);
    let file = root.path().join("appeals.jsonl");
    source.store().backup(&file).unwrap();
    let target_dir = root.path().join("target");
    Store::restore(&target_dir, &file).unwrap();

    let target = service_at(&target_dir, now());
    for id in 1..=60 {
        let number = source.store().get(id).unwrap().unwrap().number_text;
        let before = serde_json::to_value(source.show("admin", &number).unwrap()).unwrap();
        let after = serde_json::to_value(target.show("admin", &number).unwrap()).unwrap();
        assert_eq!(before, after, "card {number}");
    }
}

#[test]
fn the_header_names_the_format_and_counts_the_records() {
    let root = tempfile::tempdir().unwrap();
    let (file, summary) = backup_of(root.path(), 40);
    let lines = lines(&file);
    let header: Value = serde_json::from_str(&lines[0]).unwrap();

    assert_eq!(header["format"], "appeals-backup");
    assert_eq!(header["format_version"], 1);
    assert_eq!(header["schema_version"], 2);
    assert_eq!(header["program"], env!("CARGO_PKG_VERSION"));
    let created = header["created"].as_str().unwrap();
    assert!(DateTime::parse_from_rfc3339(created).is_ok(), "{created}");

    let counts = &header["counts"];
    assert_eq!(counts["appeals"], 40);
    assert_eq!(counts["users"], summary.users);
    assert_eq!(counts["history_events"], summary.history_events);
    let records = summary.users + summary.appeals + summary.history_events;
    assert_eq!(lines.len() as u64, 1 + records);
    assert_eq!(fs::metadata(&file).unwrap().len(), summary.bytes);
}

#[test]
fn users_come_first_then_each_appeal_followed_by_its_events() {
    let root = tempfile::tempdir().unwrap();
    let (file, summary) = backup_of(root.path(), 20);
    let kinds: Vec<String> = lines(&file)[1..]
        .iter()
        .map(|line| {
            let record: Value = serde_json::from_str(line).unwrap();
            let object = record.as_object().unwrap();
            assert_eq!(object.len(), 1, "one record per line: {line}");
            object.keys().next().unwrap().clone()
        })
        .collect();

    let users = summary.users as usize;
    assert!(kinds[..users].iter().all(|k| k == "user"));
    assert_eq!(kinds[users], "appeal");
    assert!(kinds[users..].iter().all(|k| k == "appeal" || k == "event"));
}

/// A backup written at schema version 1, before history events had facts: the same file
/// with the facts taken out and the header's version put back.
fn as_schema_v1(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut record: Value = serde_json::from_str(line).unwrap();
            if i == 0 {
                record["schema_version"] = Value::from(1);
            } else if let Some(event) = record.get_mut("event") {
                let removed = event.as_object_mut().unwrap().remove("facts");
                assert!(removed.is_some(), "a new event carries its facts: {line}");
            }
            record.to_string()
        })
        .collect()
}

#[test]
fn a_backup_written_before_events_had_facts_restores_with_their_details() {
    let root = tempfile::tempdir().unwrap();
    let (file, summary) = backup_of(root.path(), 20);
    let old = root.path().join("old.jsonl");
    write_lines(&old, &as_schema_v1(&lines(&file)));

    let target_dir = root.path().join("target");
    let restored = Store::restore(&target_dir, &old).unwrap();
    assert_eq!(restored.history_events, summary.history_events);
    let store = Store::open(&target_dir).unwrap();
    let history = store.history(1).unwrap();
    assert!(!history.is_empty());
    assert!(
        history
            .iter()
            .all(|e| e.facts.is_empty() && !e.detail.is_empty())
    );
    assert!(store.check().unwrap().is_clean());
}

#[test]
fn restore_refuses_a_database_that_holds_appeals() {
    let root = tempfile::tempdir().unwrap();
    let (file, _) = backup_of(root.path(), 10);
    let busy = root.path().join("busy");
    let service = service_at(&busy, now());
    staff(&service);
    service
        .register("reg", &form("Иванов Иван", date(2026, 3, 2)))
        .unwrap();
    drop(service);

    let error = restore_error(&busy, &file);
    assert!(error.contains("not empty"), "{error}");
    assert!(error.contains(&busy.display().to_string()), "{error}");
    let kept = service_at(&busy, now());
    assert!(
        kept.store().get(1).unwrap().is_some(),
        "the refused target was changed"
    );
    assert!(
        kept.store().get(2).unwrap().is_none(),
        "the refused target was changed"
    );
}

#[test]
fn restore_fills_an_empty_database() {
    let root = tempfile::tempdir().unwrap();
    let (file, summary) = backup_of(root.path(), 10);
    let empty = root.path().join("empty");
    drop(Store::open(&empty).unwrap());

    assert_eq!(Store::restore(&empty, &file).unwrap(), summary);
    let store = Store::open(&empty).unwrap();
    assert!(store.get(10).unwrap().is_some());
    assert!(store.check().unwrap().is_clean());
    assert!(!empty.join("db.restoring").exists());
}

#[test]
fn a_file_cut_inside_a_line_is_refused_naming_that_line() {
    let root = tempfile::tempdir().unwrap();
    let (file, _) = backup_of(root.path(), 30);
    let bytes = fs::read(&file).unwrap();
    // Cut two thirds in, then step back so the cut falls inside a line, not after one.
    let mut cut = bytes.len() * 2 / 3;
    while bytes[cut - 1] == b'\n' {
        cut -= 1;
    }
    let line = bytes[..cut].iter().filter(|b| **b == b'\n').count() + 1;
    fs::write(&file, &bytes[..cut]).unwrap();

    let target = root.path().join("target");
    let error = restore_error(&target, &file);
    assert!(error.contains(&format!("line {line}:")), "{error}");
    assert_no_database(&target);
}

#[test]
fn a_file_cut_between_lines_is_refused_by_the_header_counts() {
    let root = tempfile::tempdir().unwrap();
    let (file, _) = backup_of(root.path(), 30);
    let mut all = lines(&file);
    // Drop whole trailing lines up to the start of the last appeal, which stays consistent.
    let last_appeal = all
        .iter()
        .rposition(|l| l.starts_with("{\"appeal\""))
        .unwrap();
    all.truncate(last_appeal);
    write_lines(&file, &all);

    let target = root.path().join("target");
    let error = restore_error(&target, &file);
    assert!(error.contains("header counts"), "{error}");
    assert_no_database(&target);
}

#[test]
fn a_malformed_line_is_refused_by_number_and_leaves_the_empty_target_empty() {
    let root = tempfile::tempdir().unwrap();
    let (file, summary) = backup_of(root.path(), 30);
    let mut all = lines(&file);
    // Far enough in that earlier appeals were already written to the staging database.
    let broken = all.len() - 3;
    all[broken] = "{\"event\": {\"appeal\": ".to_string();
    write_lines(&file, &all);
    let target = root.path().join("target");
    drop(Store::open(&target).unwrap());

    let error = restore_error(&target, &file);
    assert!(error.contains(&format!("line {}:", broken + 1)), "{error}");
    assert!(summary.appeals > 1);
    let store = Store::open(&target).unwrap();
    assert!(store.get(1).unwrap().is_none(), "a half restore was left");
    assert!(store.users().unwrap().is_empty(), "a half restore was left");
    assert!(!target.join("db.restoring").exists());
}

#[test]
fn an_event_out_of_place_is_refused_by_line() {
    let root = tempfile::tempdir().unwrap();
    let (file, _) = backup_of(root.path(), 10);
    let mut all = lines(&file);
    // An event followed by another of the same appeal: without it, the next is out of place.
    let is_event = |l: &String| l.starts_with("{\"event\"");
    let dropped = (1..all.len())
        .find(|&i| is_event(&all[i]) && is_event(&all[i + 1]))
        .unwrap();
    all.remove(dropped);
    write_lines(&file, &all);

    let target = root.path().join("target");
    let error = restore_error(&target, &file);
    assert!(
        error.contains(&format!("line {}: event", dropped + 1)),
        "{error}"
    );
    assert_no_database(&target);
}

#[test]
fn a_newer_format_version_is_refused_before_reading_records() {
    let root = tempfile::tempdir().unwrap();
    let (file, _) = backup_of(root.path(), 5);
    let mut all = lines(&file);
    let mut header: Value = serde_json::from_str(&all[0]).unwrap();
    header["format_version"] = 2.into();
    all[0] = header.to_string();
    write_lines(&file, &all);

    let target = root.path().join("target");
    let error = restore_error(&target, &file);
    assert!(error.contains("line 1:"), "{error}");
    assert!(error.contains("format_version 2 is newer"), "{error}");
    assert_no_database(&target);
}

#[test]
fn a_file_of_another_format_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let file = root.path().join("other.jsonl");
    fs::write(
        &file,
        "{\"format\":\"something-else\",\"format_version\":1}\n",
    )
    .unwrap();

    let target = root.path().join("target");
    let error = restore_error(&target, &file);
    assert!(error.contains("line 1: not an appeals backup"), "{error}");
    assert_no_database(&target);
}

#[test]
fn a_backup_replaces_an_older_file_whole_and_leaves_no_scratch_files() {
    let root = tempfile::tempdir().unwrap();
    let service = demo_database(&root.path().join("source"), 20);
    let backups = root.path().join("backups");
    fs::create_dir_all(&backups).unwrap();
    let file = backups.join("appeals.jsonl");
    fs::write(&file, "an older backup\n").unwrap();

    service.store().backup(&file).unwrap();
    let header: Value = serde_json::from_str(&lines(&file)[0]).unwrap();
    assert_eq!(header["counts"]["appeals"], 20);
    assert_eq!(files_in(&backups), ["appeals.jsonl"]);
}

/// Opens a database with sled itself, waiting as `Store::open` does for the lock that a
/// just-closed database releases from sled's background thread.
fn open_raw(path: &Path) -> sled::Db {
    for _ in 0..500 {
        match sled::open(path) {
            Ok(db) => return db,
            Err(_) => thread::sleep(Duration::from_millis(20)),
        }
    }
    sled::open(path).expect("the database opens with sled")
}

#[test]
fn a_failed_backup_keeps_the_older_file() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("source");
    drop(demo_database(&data, 20));
    // Damage: the first event of appeal 5 disappears.
    let db = open_raw(&data.join("db"));
    let history = db.open_tree("history").unwrap();
    let mut key = 5u64.to_be_bytes().to_vec();
    key.extend_from_slice(&0u32.to_be_bytes());
    assert!(history.remove(key).unwrap().is_some());
    db.flush().unwrap();
    drop((history, db));

    let backups = root.path().join("backups");
    fs::create_dir_all(&backups).unwrap();
    let file = backups.join("appeals.jsonl");
    fs::write(&file, "an older backup\n").unwrap();
    let error = Store::open(&data)
        .unwrap()
        .backup(&file)
        .unwrap_err()
        .to_string();
    assert!(error.contains("history"), "{error}");
    assert_eq!(fs::read_to_string(&file).unwrap(), "an older backup\n");
    assert_eq!(files_in(&backups), ["appeals.jsonl"]);
}

/// Registers and resolves appeals until told to stop; returns how many it registered.
fn keep_working(service: &Service, stop: &AtomicBool) -> u64 {
    let mut registered = 0;
    while !stop.load(Ordering::Relaxed) {
        let new = service
            .register("reg", &form("Живой Тест", date(2026, 3, 2)))
            .unwrap();
        registered += 1;
        let resolve = ActRequest {
            number: new.number,
            revision: Some(new.revision),
            action: Action::Resolve {
                executors: vec!["lead".into()],
                instruction: "Подготовить ответ".into(),
                term: None,
            },
        };
        service.act("boss", &resolve).unwrap();
    }
    registered
}

#[test]
fn a_backup_taken_while_appeals_change_restores_clean() {
    let root = tempfile::tempdir().unwrap();
    let service = demo_database(&root.path().join("source"), 100);
    let stop = AtomicBool::new(false);
    let files: Vec<PathBuf> = (0..4)
        .map(|i| root.path().join(format!("{i}.jsonl")))
        .collect();

    let registered = thread::scope(|scope| {
        let worker = scope.spawn(|| keep_working(&service, &stop));
        for file in &files {
            service.store().backup(file).unwrap();
        }
        stop.store(true, Ordering::Relaxed);
        worker.join().unwrap()
    });
    assert!(registered > 0, "nothing changed during the backups");

    for (i, file) in files.iter().enumerate() {
        let summary = Store::restore(&root.path().join(format!("target{i}")), file).unwrap();
        assert!(summary.appeals >= 100);
    }
}
