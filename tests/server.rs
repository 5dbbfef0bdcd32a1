//! The server over its Unix socket: many clients at once, notices, bad frames, start-up
//! races, stale sockets, SIGKILL in the middle of writes, and drafts that outlive their
//! connection.

mod common;

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use appeals::client::{Client, ClientError, Target};
use appeals::domain::action::Action;
use appeals::domain::draft::{DraftSlot, FormDraft};
use appeals::domain::validate::AppealForm;
use appeals::protocol::{Request, Response};
use appeals::runtime::Endpoint;
use appeals::service::api::ActRequest;

fn exe() -> PathBuf {
    assert_cmd::cargo::cargo_bin("appeals")
}

/// A server process on a data directory and socket of the test's own.
struct Server {
    child: Child,
    dir: PathBuf,
    socket: PathBuf,
}

impl Server {
    fn start(dir: &Path) -> Server {
        let socket = dir.join("test.sock");
        let child = Command::new(exe())
            .arg("--data-dir")
            .arg(dir.join("data"))
            .arg("serve")
            .arg("--socket")
            .arg(&socket)
            .env("XDG_CONFIG_HOME", dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let started = Instant::now();
        while UnixStream::connect(&socket).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the server does not answer"
            );
            thread::sleep(Duration::from_millis(10));
        }
        Server {
            child,
            dir: dir.to_owned(),
            socket,
        }
    }

    fn target(&self, subscribe: bool) -> Target {
        Target {
            endpoint: Endpoint {
                socket: self.socket.clone(),
                shared: true,
            },
            data_dir: self.dir.join("data"),
            config: None,
            operator: None,
            subscribe,
            config_digest: 0,
        }
    }

    fn client(&self) -> Client {
        Client::connect(&self.target(false)).expect("a client connects")
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

fn form() -> Request {
    let today = chrono::Local::now().date_naive();
    Request::Register(Box::new(common::form("Параллельный Заявитель", today)))
}

fn register(client: &mut Client) -> Result<String, ClientError> {
    match client.call(form())? {
        Response::Outcome(outcome) => Ok(outcome.number),
        other => panic!("unexpected {other:?}"),
    }
}

fn resolve(client: &mut Client, number: &str) -> Result<(), ClientError> {
    let login = client.welcome.login.clone();
    let action = Action::Resolve {
        executors: vec![login],
        instruction: String::new(),
        term: None,
    };
    let request = ActRequest {
        number: number.to_string(),
        revision: Some(1),
        action,
    };
    client.call(Request::Act(request)).map(|_| ())
}

fn check_is_clean(client: &mut Client) {
    match client.call(Request::Check).unwrap() {
        Response::Check(summary) => assert!(summary.problems.is_empty(), "{:?}", summary.problems),
        other => panic!("unexpected {other:?}"),
    }
}

/// Sequence numbers of the registration numbers, sorted.
fn sequences(numbers: &[String]) -> Vec<u32> {
    let mut seqs: Vec<u32> = numbers
        .iter()
        .map(|n| n.rsplit('-').next().unwrap().parse().unwrap())
        .collect();
    seqs.sort_unstable();
    seqs
}

#[test]
fn eight_clients_registering_and_acting_at_once_get_gapless_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let numbers = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let (target, numbers) = (server.target(false), Arc::clone(&numbers));
            thread::spawn(move || {
                let mut client = Client::connect(&target).unwrap();
                for _ in 0..20 {
                    let number = register(&mut client).unwrap();
                    resolve(&mut client, &number).unwrap();
                    numbers.lock().unwrap().push(number);
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    let numbers = numbers.lock().unwrap().clone();
    assert_eq!(sequences(&numbers), (1..=160).collect::<Vec<u32>>());
    let mut client = server.client();
    for number in &numbers {
        let Response::Card(card) = client
            .call(Request::Show {
                number: number.clone(),
            })
            .unwrap()
        else {
            panic!("a card")
        };
        assert_eq!(card.appeal.revision, 2, "{number} lost its resolution");
    }
    check_is_clean(&mut client);
}

#[test]
fn a_subscriber_is_told_of_another_clients_change_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let mut watcher = Client::connect(&server.target(true)).unwrap();
    let mut writer = server.client();
    let sent = Instant::now();
    let number = register(&mut writer).unwrap();
    let notice = watcher
        .next_notice(Duration::from_secs(2))
        .unwrap()
        .expect("a notice");
    assert_eq!(notice.number, number);
    assert!(sent.elapsed() < Duration::from_secs(1));
}

#[test]
fn garbage_truncated_and_oversized_frames_close_only_their_connection() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let mut good = server.client();
    let attempts: [&[u8]; 4] = [
        b"GET / HTTP/1.1\r\n\r\n",
        &[0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3],
        &[0, 0, 0, 100, 1, 2, 3],
        &[0, 0, 0, 2, 0xEE, 0xEE],
    ];
    for bytes in attempts {
        let mut raw = UnixStream::connect(&server.socket).unwrap();
        raw.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        raw.write_all(bytes).unwrap();
        let _ = raw.shutdown(std::net::Shutdown::Write);
        let mut answer = Vec::new();
        let _ = raw.read_to_end(&mut answer);
        assert!(answer.len() < 4096, "a bad client gets at most a refusal");
    }
    register(&mut good).expect("the server goes on serving the others");
    let mut late = server.client();
    register(&mut late).expect("and new clients");
}

#[test]
fn acknowledged_writes_survive_sigkill_of_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    for round in 0..10u64 {
        let mut server = Server::start(dir.path());
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let (target, acknowledged) = (server.target(false), Arc::clone(&acknowledged));
                thread::spawn(move || {
                    let Ok(mut client) = Client::connect(&target) else {
                        return;
                    };
                    while let Ok(number) = register(&mut client) {
                        acknowledged.lock().unwrap().push(number);
                    }
                })
            })
            .collect();
        thread::sleep(Duration::from_millis(150 + round * 40));
        server.kill();
        for worker in workers {
            worker.join().unwrap();
        }
    }
    let server = Server::start(dir.path());
    let mut client = server.client();
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() > 20, "too few writes to test anything");
    for number in &acknowledged {
        let shown = client.call(Request::Show {
            number: number.clone(),
        });
        assert!(shown.is_ok(), "{number} was acknowledged but is gone");
    }
    check_is_clean(&mut client);
}

/// Runs the binary as a client with its own runtime directory, so it starts its own server.
fn on_demand(runtime: &Path, data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(exe())
        .env("XDG_RUNTIME_DIR", runtime)
        .env("XDG_CONFIG_HOME", runtime)
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn two_clients_starting_at_once_share_one_server() {
    let dir = tempfile::tempdir().unwrap();
    let (runtime, data) = (dir.path().join("run"), dir.path().join("data"));
    std::fs::create_dir_all(&runtime).unwrap();
    let both: Vec<_> = (0..2)
        .map(|_| {
            let (runtime, data) = (runtime.clone(), data.clone());
            thread::spawn(move || on_demand(&runtime, &data, &["counts"]))
        })
        .collect();
    for client in both {
        let out = client.join().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let status = on_demand(&runtime, &data, &["status", "--json"]);
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    let pid = appeals::runtime::read_pid(&data).expect("a pid file");
    assert_eq!(status["pid"], pid);
    assert_eq!(status["on_demand"], true);
    let servers = Command::new("pgrep")
        .args(["-f", &format!("{} serve", data.display())])
        .output();
    if let Ok(servers) = servers {
        assert_eq!(String::from_utf8_lossy(&servers.stdout).lines().count(), 1);
    }
    assert!(on_demand(&runtime, &data, &["stop"]).status.success());
}

/// Whether the kernel lets a process have transparent huge pages, from its status file;
/// `None` where the kernel does not say.
fn thp_enabled(pid: impl std::fmt::Display) -> Option<bool> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("THP_enabled:"))?;
    Some(line.split_whitespace().nth(1)? == "1")
}

#[test]
fn a_server_started_by_a_client_keeps_the_huge_pages_the_client_gave_up() {
    let dir = tempfile::tempdir().unwrap();
    let (runtime, data) = (dir.path().join("run"), dir.path().join("data"));
    std::fs::create_dir_all(&runtime).unwrap();
    let out = on_demand(&runtime, &data, &["counts"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pid = appeals::runtime::read_pid(&data).expect("a pid file");
    let ours = thp_enabled(std::process::id());
    if ours == Some(true) {
        assert_eq!(
            thp_enabled(pid),
            Some(true),
            "the server inherited the client's flag"
        );
    }
    assert!(on_demand(&runtime, &data, &["stop"]).status.success());
}

#[test]
fn a_socket_left_by_a_killed_server_is_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let (runtime, data) = (dir.path().join("run"), dir.path().join("data"));
    std::fs::create_dir_all(&data).unwrap();
    let endpoint = Endpoint::private_in(&runtime, &data);
    std::fs::create_dir_all(endpoint.socket.parent().unwrap()).unwrap();
    drop(std::os::unix::net::UnixListener::bind(&endpoint.socket).unwrap());
    assert!(
        endpoint.socket.exists(),
        "the stale socket file stays behind"
    );
    let out = on_demand(&runtime, &data, &["counts"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(on_demand(&runtime, &data, &["stop"]).status.success());
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start(dir.path());
    let mut client = server.client();
    register(&mut client).unwrap();
    let pid = nix::unistd::Pid::from_raw(server.child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
    let status = server.child.wait().unwrap();
    assert!(status.success(), "exit status {status:?}");
    assert!(
        !server.socket.exists(),
        "the socket is removed on a clean exit"
    );
    assert_eq!(appeals::runtime::read_pid(&dir.path().join("data")), None);
    let restarted = Server::start(dir.path());
    let mut client = restarted.client();
    let number = register(&mut client).unwrap();
    assert!(number.ends_with("00002"), "{number}");
}

#[test]
fn an_older_private_server_is_replaced_by_a_newer_client() {
    use appeals::protocol::{ClientFrame, ServerFrame, read_frame, write_frame};
    let dir = tempfile::tempdir().unwrap();
    let (runtime, data) = (dir.path().join("run"), dir.path().join("data"));
    std::fs::create_dir_all(&data).unwrap();
    let endpoint = Endpoint::private_in(&runtime, &data);
    std::fs::create_dir_all(endpoint.socket.parent().unwrap()).unwrap();
    // The "old server": a process named in the pid file, and a socket that answers with
    // another protocol version once, then goes away as a stopped server would.
    let mut old = Command::new("sleep").arg("30").spawn().unwrap();
    std::fs::write(data.join("server.pid"), old.id().to_string()).unwrap();
    let listener = std::os::unix::net::UnixListener::bind(&endpoint.socket).unwrap();
    let socket = endpoint.socket.clone();
    let fake = thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let _hello: ClientFrame = read_frame(&mut stream).unwrap();
        let refusal = ServerFrame::Refused {
            reason: "protocol 0".into(),
            protocol: 0,
            program: "0.0.1".into(),
            on_demand: true,
        };
        write_frame(&mut stream, &refusal).unwrap();
        drop(listener);
        std::fs::remove_file(socket).unwrap();
    });
    let out = on_demand(&runtime, &data, &["counts"]);
    fake.join().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ended = old.wait().unwrap();
    assert!(!ended.success(), "the old server was sent SIGTERM");
    assert!(on_demand(&runtime, &data, &["stop"]).status.success());
}

#[test]
fn a_subscriber_that_stops_reading_is_dropped_and_the_others_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let mut stalled = Client::connect(&server.target(true)).unwrap();
    let writers: Vec<_> = (0..8)
        .map(|_| {
            let target = server.target(false);
            thread::spawn(move || {
                let mut client = Client::connect(&target).unwrap();
                for _ in 0..400 {
                    register(&mut client).unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer
            .join()
            .expect("writers are never slowed down by the stalled subscriber");
    }
    // Now read: the buffered notices come, then the end of a connection the server closed.
    let started = Instant::now();
    let closed = loop {
        match stalled.next_notice(Duration::from_secs(2)) {
            Ok(Some(_)) => continue,
            Ok(None) => break false,
            Err(_) => break true,
        }
    };
    assert!(
        closed,
        "the stalled subscriber was not dropped ({:?})",
        started.elapsed()
    );
    let mut client = server.client();
    register(&mut client).expect("the server goes on");
}

fn save_new_draft(client: &mut Client, applicant: &str) {
    let form = AppealForm {
        applicant: applicant.to_string(),
        summary: "О восстановлении в число ".to_string(),
        ..AppealForm::default()
    };
    let request = Request::SaveDraft {
        slot: DraftSlot::New,
        form: Box::new(form),
        base_revision: None,
    };
    match client.call(request).unwrap() {
        Response::Draft(draft) => assert_eq!(draft.form.applicant, applicant),
        other => panic!("unexpected {other:?}"),
    }
}

fn drafts(client: &mut Client) -> Vec<FormDraft> {
    match client.call(Request::Drafts).unwrap() {
        Response::Drafts(drafts) => drafts,
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_draft_saved_on_a_dropped_connection_is_offered_on_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let mut typing = server.client();
    save_new_draft(&mut typing, "Ахметова Дин");
    drop(typing);

    let mut next = server.client();
    let offered = drafts(&mut next);
    assert_eq!(offered.len(), 1, "{offered:?}");
    assert_eq!(offered[0].slot, DraftSlot::New);
    assert_eq!(offered[0].form.applicant, "Ахметова Дин");
    assert_eq!(offered[0].owner, next.welcome.login);

    let dropped = next.call(Request::DropDraft {
        slot: DraftSlot::New,
    });
    assert_eq!(dropped.unwrap(), Response::DraftDropped { existed: true });
    assert!(drafts(&mut next).is_empty());
}

#[test]
fn a_draft_is_flushed_without_a_sync_of_its_own_and_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start(dir.path());
    save_new_draft(&mut server.client(), "Ахметова Динара");
    // sled writes its log out every half second; a draft younger than that may be lost.
    thread::sleep(Duration::from_secs(2));
    server.kill();

    let server = Server::start(dir.path());
    let offered = drafts(&mut server.client());
    assert_eq!(offered.len(), 1, "{offered:?}");
    check_is_clean(&mut server.client());
}
