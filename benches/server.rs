//! Whole-system figures of the server on a database of 100,000 demo appeals, printed as
//! medians and 99th percentiles: the round trip of a page of 50 rows, 8 clients registering
//! at once, the time from a commit to the notice at another client, the server's resident
//! memory, and `appeals due` as a whole process.
//!
//! Run: `cargo bench --bench server` (set `APPEALS_BENCH_COUNT` for another size). The
//! database is built once under `target/bench-data/` with `appeals demo`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use appeals::client::{Client, Target};
use appeals::domain::queue::{Queue, Sort};
use appeals::domain::validate::AppealForm;
use appeals::protocol::{Request, Response};
use appeals::runtime::Endpoint;

const EXE: &str = env!("CARGO_BIN_EXE_appeals");

fn count() -> u64 {
    std::env::var("APPEALS_BENCH_COUNT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort_unstable();
    let index = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[index]
}

fn report(name: &str, samples: &mut [Duration]) {
    let (median, p99) = (percentile(samples, 0.5), percentile(samples, 0.99));
    println!(
        "{name:<40} median {:>8.3} ms   p99 {:>8.3} ms",
        ms(median),
        ms(p99)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The bench directory with its demo database and a configuration naming the socket.
fn prepare() -> (PathBuf, PathBuf) {
    let n = count();
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/server-{n}"));
    let config = dir.join("config.toml");
    if !dir.join("ready").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("bench directory");
        let socket = dir.join("bench.sock");
        let text = format!(
            "data_dir = \"{}\"\n[server]\nsocket = \"{}\"\n",
            dir.join("data").display(),
            socket.display()
        );
        std::fs::write(&config, text).expect("bench configuration");
        let mut server = serve(&config);
        let started = Instant::now();
        let status = Command::new(EXE)
            .arg("--config")
            .arg(&config)
            .args(["demo", "--count", &n.to_string()])
            .status()
            .expect("demo runs");
        assert!(status.success());
        println!(
            "built {n} demo appeals in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        stop(&config, &mut server);
        std::fs::write(dir.join("ready"), b"").expect("mark ready");
    }
    (dir, config)
}

fn serve(config: &Path) -> Child {
    let child = Command::new(EXE)
        .arg("--config")
        .arg(config)
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let started = Instant::now();
    while Command::new(EXE)
        .arg("--config")
        .arg(config)
        .arg("status")
        .output()
        .map_or(true, |o| !o.status.success())
    {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "server does not answer"
        );
        thread::sleep(Duration::from_millis(50));
    }
    child
}

fn stop(config: &Path, server: &mut Child) {
    let _ = Command::new(EXE)
        .arg("--config")
        .arg(config)
        .arg("stop")
        .output();
    let _ = server.wait();
}

fn target(dir: &Path, subscribe: bool) -> Target {
    Target {
        endpoint: Endpoint {
            socket: dir.join("bench.sock"),
            shared: true,
        },
        data_dir: dir.join("data"),
        config: None,
        operator: None,
        subscribe,
        config_digest: 0,
    }
}

fn form(i: usize) -> Request {
    let today = chrono::Local::now()
        .date_naive()
        .format("%d.%m.%Y")
        .to_string();
    Request::Register(Box::new(AppealForm {
        appeal_date: today.clone(),
        received_date: today,
        applicant: format!("Нагрузкин Тест {i}"),
        affiliation: "individual".into(),
        method: "written".into(),
        channel: "post".into(),
        form: "request".into(),
        summary: "Проверка производительности сервера".into(),
        reply_method: "post".into(),
        ..AppealForm::default()
    }))
}

fn page_round_trip(dir: &Path) {
    let mut client = Client::connect(&target(dir, false)).expect("connect");
    let mut samples = Vec::new();
    for _ in 0..2000 {
        let started = Instant::now();
        let request = Request::Queue {
            queue: Queue::Overdue,
            sort: Sort::Term,
            descending: false,
            filter: None,
            offset: 0,
            limit: 50,
        };
        let Ok(Response::Page(page)) = client.call(request) else {
            panic!("a page")
        };
        samples.push(started.elapsed());
        assert_eq!(page.rows.len(), 50);
    }
    report("round trip, page of 50 rows (overdue)", &mut samples);
}

fn parallel_registrations(dir: &Path) {
    const CLIENTS: usize = 8;
    const EACH: usize = 60;
    let started = Instant::now();
    let workers: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let target = target(dir, false);
            thread::spawn(move || {
                let mut client = Client::connect(&target).expect("connect");
                for i in 0..EACH {
                    client.call(form(c * 1000 + i)).expect("registers");
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().expect("a worker");
    }
    let rate = (CLIENTS * EACH) as f64 / started.elapsed().as_secs_f64();
    println!(
        "{:<40} {rate:>8.0} durable registrations/s in total",
        "8 clients registering at once"
    );
}

fn notice_latency(dir: &Path) {
    let (tx, rx) = mpsc::channel::<(String, Instant)>();
    let mut watcher = Client::connect(&target(dir, true)).expect("connect");
    let listener = thread::spawn(move || {
        for _ in 0..300 {
            match watcher.next_notice(Duration::from_secs(5)) {
                Ok(Some(notice)) => tx.send((notice.number, Instant::now())).expect("send"),
                _ => return,
            }
        }
    });
    let mut writer = Client::connect(&target(dir, false)).expect("connect");
    let mut committed = Vec::new();
    for i in 0..300 {
        let Ok(Response::Outcome(outcome)) = writer.call(form(i)) else {
            panic!("registers")
        };
        committed.push((outcome.number, Instant::now()));
    }
    listener.join().expect("listener");
    let arrivals: std::collections::HashMap<String, Instant> = rx.try_iter().collect();
    let mut samples: Vec<Duration> = committed
        .iter()
        .filter_map(|(n, done)| {
            arrivals
                .get(n)
                .map(|at| at.saturating_duration_since(*done))
        })
        .collect();
    report(
        "commit acknowledged -> notice at another client",
        &mut samples,
    );
}

/// Resident memory once the workload is over and the allocator has had a moment to return
/// what was freed, and the peak, which sled reaches while rebuilding its page table at start.
fn resident_memory(pid: u32) {
    thread::sleep(Duration::from_secs(3));
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        let line = status.lines().find(|l| l.starts_with(name)).unwrap_or("?");
        line.trim_start_matches(name)
            .trim_start_matches(':')
            .trim()
            .to_string()
    };
    println!(
        "{:<40} {} (peak {})",
        "server resident memory",
        field("VmRSS"),
        field("VmHWM")
    );
}

fn due_process(config: &Path) {
    let mut samples = Vec::new();
    for _ in 0..40 {
        let started = Instant::now();
        let out = Command::new(EXE)
            .arg("--config")
            .arg(config)
            .arg("due")
            .output()
            .expect("due");
        samples.push(started.elapsed());
        assert!(out.status.success());
    }
    report("`appeals due` as a whole process", &mut samples);
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let (dir, config) = prepare();
    let mut server = serve(&config);
    println!("database: {} appeals", count());
    page_round_trip(&dir);
    due_process(&config);
    parallel_registrations(&dir);
    notice_latency(&dir);
    resident_memory(server.id());
    stop(&config, &mut server);
}
