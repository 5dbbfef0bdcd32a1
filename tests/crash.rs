//! A child process registers and acts in a loop and is killed with SIGKILL at random
//! moments, many times over; every action it reported done must be present afterwards,
//! numbers gapless and the check clean.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use appeals::domain::action::Action;
use appeals::service::api::ActRequest;

/// How many times the child is killed; each run opens the database again.
const KILLS: usize = 25;
const CHILD_ENV: &str = "APPEALS_CRASH_CHILD_DIR";

/// The child: runs only when the parent starts this test binary with the env variable set.
#[test]
#[ignore = "started by crash_leaves_every_reported_action_in_place as its child process"]
fn crash_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let service = common::service(std::path::Path::new(&dir));
    let today = service.today();
    loop {
        let outcome = service
            .register("admin", &common::form("Крашев Тест", today))
            .expect("the child registers");
        println!("REG {} {}", outcome.number, outcome.revision);
        let resolve = ActRequest {
            number: outcome.number.clone(),
            revision: Some(outcome.revision),
            action: Action::Resolve {
                executors: vec!["admin".into()],
                instruction: "Подготовить ответ".into(),
                term: None,
            },
        };
        let done = service.act("admin", &resolve).expect("the child resolves");
        println!("ACT {} {}", done.number, done.revision);
    }
}

/// Starts the child, reads what it reports until a random moment, then kills it.
fn run_and_kill(dir: &std::path::Path, after: Duration) -> Vec<(String, String, u64)> {
    let exe = std::env::current_exe().expect("the test binary knows its path");
    let mut child = Command::new(exe)
        .args([
            "--exact",
            "crash_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    let reader = thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let parts: Vec<&str> = line.split(' ').collect();
            if let [kind @ ("REG" | "ACT"), number, revision] = parts[..] {
                let revision = revision.parse().expect("a revision number");
                let _ = tx.send((kind.to_string(), number.to_string(), revision));
            }
        }
    });
    thread::sleep(after);
    child.kill().expect("SIGKILL the child");
    child.wait().expect("reap the child");
    reader.join().expect("the reader ends with the pipe");
    rx.try_iter().collect()
}

#[test]
fn crash_leaves_every_reported_action_in_place() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    common::service(dir.path())
        .bootstrap("admin", "Administrator")
        .expect("bootstrap");
    let mut reported: BTreeMap<String, u64> = BTreeMap::new();
    for round in 0..KILLS {
        // Vary the moment: some kills land during start-up, most in the middle of writes.
        let millis = 40 + (round as u64 * 37) % 260;
        for (_, number, revision) in run_and_kill(dir.path(), Duration::from_millis(millis)) {
            let best = reported.entry(number).or_insert(0);
            *best = (*best).max(revision);
        }
    }
    assert!(
        reported.len() > KILLS,
        "the child reported too few actions to test anything"
    );

    let service = common::service(dir.path());
    for (number, revision) in &reported {
        let view = service
            .show("admin", number)
            .expect("a reported appeal is present");
        assert!(
            view.appeal.revision >= *revision,
            "{number} lost revision {revision}"
        );
    }
    let check = service.check().expect("the check runs");
    assert!(
        check.problems.is_empty(),
        "check found: {:?}",
        check.problems
    );
}
