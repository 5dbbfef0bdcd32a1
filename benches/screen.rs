//! Figures of the full-screen interface on a database of 100,000 demo appeals behind a
//! running server, printed as medians and 99th percentiles: the real binary in tmux from
//! start to its first frame with rows; the same start in process (connect, load, draw); one
//! key handled and the screen redrawn, the terminal excluded; a full 200x60 frame rendered;
//! a registration by another client reaching the screen; and the screen's resident memory
//! after paging through, beside the same on a small database.
//!
//! Run: `cargo bench --bench screen` (needs tmux; set `APPEALS_BENCH_COUNT` for another
//! size). The database is the one `cargo bench --bench server` uses under
//! `target/bench-data/`, built here with `appeals demo` when it is missing.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use appeals::client::{Client, Target};
use appeals::config::KeymapChoice;
use appeals::domain::queue::Queue;
use appeals::domain::validate::AppealForm;
use appeals::i18n::{Catalog, Lang};
use appeals::protocol::{Request, Response};
use appeals::runtime::Endpoint;
use appeals::tui::app::App;
use appeals::tui::render;
use appeals::tui::run::load_keymap;
use appeals::tui::source::Link;
use appeals::tui::ui::{Theme, Ui};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

#[path = "../tests/common/tmux.rs"]
#[allow(
    dead_code,
    reason = "the bench uses part of the tests' terminal harness"
)]
mod tmux;

use tmux::{ENDED, Pane, Tmux, frame_with_rows, queue_total};

/// The same allocator as the `appeals` binary, so the in-process figures match what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXE: &str = env!("CARGO_BIN_EXE_appeals");

/// The size the issue names for a full frame: a large terminal, 200 columns by 60 rows.
const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

/// Whole-process starts: each is a few tens of milliseconds, so ten give a steady median.
const STARTS: usize = 10;

/// Key presses per kind: enough for a 99th percentile that is not a single sample.
const PRESSES: usize = 1000;

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
    let max = samples.iter().max().copied().unwrap_or_default();
    println!(
        "{name:<46} median {:>8.3} ms   p99 {:>8.3} ms   max {:>8.3} ms",
        ms(median),
        ms(p99),
        ms(max)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The bench directory of `cargo bench --bench server`, with its demo database and the
/// configuration naming the socket; built with `appeals demo` when missing.
fn prepare() -> (PathBuf, PathBuf) {
    let n = count();
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/server-{n}"));
    let config = dir.join("config.toml");
    if !dir.join("ready").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("bench directory");
        write_config(&dir, &config);
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
    // Written every time, so that a directory copied from another checkout works here.
    write_config(&dir, &config);
    (dir, config)
}

fn write_config(dir: &Path, config: &Path) {
    let text = format!(
        "data_dir = \"{}\"\n[server]\nsocket = \"{}\"\n",
        dir.join("data").display(),
        dir.join("bench.sock").display()
    );
    std::fs::write(config, text).expect("bench configuration");
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
    while !answers(config) {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "server does not answer"
        );
        thread::sleep(Duration::from_millis(50));
    }
    child
}

fn answers(config: &Path) -> bool {
    Command::new(EXE)
        .arg("--config")
        .arg(config)
        .arg("status")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn stop(config: &Path, server: &mut Child) {
    let _ = Command::new(EXE)
        .arg("--config")
        .arg(config)
        .arg("stop")
        .output();
    let _ = server.wait();
}

fn target(dir: &Path) -> Target {
    Target {
        endpoint: Endpoint {
            socket: dir.join("bench.sock"),
            shared: true,
        },
        data_dir: dir.join("data"),
        config: None,
        operator: None,
        subscribe: false,
        config_digest: 0,
    }
}

/// What `tui::run` does before its first frame, without the terminal: the keymap, a
/// connection, the app loading what it shows, and the size of the screen.
fn open_app(target: &Target) -> App {
    let (keymap, _) = load_keymap(KeymapChoice::Default, None);
    let client = Client::connect(target).expect("connect");
    let ui = Ui {
        catalog: Catalog::new(Lang::En),
        theme: Theme { color: true },
        keymap,
        today: chrono::Local::now().date_naive(),
        zone: appeals::config::Zone::Local,
    };
    let mut app = App::new(ui, Box::new(Link::new(target.clone(), client)), Vec::new());
    app.resize(HEIGHT);
    app
}

fn backend() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| render::draw(frame, app))
        .expect("drawing on a test backend");
}

fn first_frame_in_process(target: &Target) {
    let mut samples = Vec::new();
    for _ in 0..50 {
        let started = Instant::now();
        let app = open_app(target);
        draw(&mut backend(), &app);
        samples.push(started.elapsed());
        assert!(app.table.total > 0, "the first frame has rows");
    }
    report("start to first frame, in process", &mut samples);
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// One key handled (with whatever it fetches from the server) and the frame drawn, `times`
/// times.
fn presses(app: &mut App, code: KeyCode, times: usize) -> Vec<Duration> {
    let mut terminal = backend();
    draw(&mut terminal, app);
    let mut samples = Vec::with_capacity(times);
    for _ in 0..times {
        let started = Instant::now();
        app.on_key(key(code));
        draw(&mut terminal, app);
        samples.push(started.elapsed());
    }
    samples
}

fn keys_and_redraw(target: &Target) {
    let mut app = open_app(target);
    app.on_key(key(KeyCode::BackTab));
    assert_eq!(app.table.queue, Queue::All, "back from Incoming is All");
    let mut down = presses(&mut app, KeyCode::Down, PRESSES);
    report("key + redraw: down (All)", &mut down);

    // Page down from the top through PRESSES pages; the first hundred apart, because a
    // page far down the queue costs the server more.
    app.on_key(key(KeyCode::Home));
    let mut near = presses(&mut app, KeyCode::PageDown, 100);
    let mut all = presses(&mut app, KeyCode::PageDown, PRESSES - 100);
    let deepest = app.table.selected;
    all.extend_from_slice(&near);
    report("key + redraw: page down, first 100 pages", &mut near);
    report("key + redraw: page down, all 1000 pages", &mut all);
    println!(
        "{:<46} row {deepest} of {}",
        "  (page down reached)",
        count()
    );

    let mut tab = presses(&mut app, KeyCode::Tab, PRESSES);
    report("key + redraw: tab, next queue", &mut tab);
}

/// `render::draw` alone into a cleared buffer, and `Terminal::draw` on a test backend
/// (drawing, diffing against the last frame and the backend's copy).
fn render_only(target: &Target) {
    let mut app = open_app(target);
    app.on_key(key(KeyCode::BackTab));
    let mut terminal = backend();
    let mut render = Vec::with_capacity(PRESSES);
    for _ in 0..PRESSES {
        terminal.current_buffer_mut().reset();
        let mut frame = terminal.get_frame();
        let started = Instant::now();
        render::draw(&mut frame, &app);
        render.push(started.elapsed());
    }
    report("render::draw, 200x60, full table", &mut render);
    let mut whole = Vec::with_capacity(PRESSES);
    for i in 0..PRESSES {
        // Alternate two rows so that each frame differs from the last.
        app.on_key(key(if i % 2 == 0 {
            KeyCode::Down
        } else {
            KeyCode::Up
        }));
        let started = Instant::now();
        draw(&mut terminal, &app);
        whole.push(started.elapsed());
    }
    report("Terminal::draw on TestBackend, 200x60", &mut whole);
}

/// The command line of a screen on `config`, in English, with no user keymap.
fn screen_argv(config: &Path, home: &Path) -> Vec<String> {
    vec![
        "env".into(),
        format!("XDG_CONFIG_HOME={}", home.display()),
        EXE.into(),
        "--config".into(),
        config.display().to_string(),
        "--lang".into(),
        "en".into(),
    ]
}

/// Reads the screen as fast as tmux answers until `test` holds.
fn poll(pane: &Pane, test: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let screen = pane.capture();
        if test(&screen) {
            return screen;
        }
        assert!(started.elapsed() < tmux::PATIENCE, "screen:\n{screen}");
        thread::sleep(Duration::from_millis(1));
    }
}

fn quit(pane: &Pane) {
    pane.press("q");
    pane.wait_for(ENDED);
}

/// From asking tmux for a window running the binary until the window shows rows; and, for
/// scale, until a window running `echo` shows its word, which is what tmux alone costs.
fn first_frame_in_tmux(config: &Path, home: &Path) {
    let tmux = Tmux::new("bench");
    let argv = screen_argv(config, home);
    // The first window also starts the tmux server and warms the caches: not counted.
    let warm = tmux.open("warm", WIDTH, HEIGHT, &argv);
    poll(&warm, frame_with_rows);
    quit(&warm);
    let echo = ["echo".to_string(), "READY".to_string()];
    let mut baseline = Vec::new();
    let mut samples = Vec::new();
    for i in 0..STARTS {
        let started = Instant::now();
        let pane = tmux.open(&format!("echo{i}"), WIDTH, HEIGHT, &echo);
        poll(&pane, |s| s.contains("READY"));
        baseline.push(started.elapsed());

        let started = Instant::now();
        let pane = tmux.open(&format!("run{i}"), WIDTH, HEIGHT, &argv);
        poll(&pane, frame_with_rows);
        samples.push(started.elapsed());
        quit(&pane);
    }
    report("start to first frame with rows, tmux", &mut samples);
    report("  tmux alone: a new window to an echo", &mut baseline);
}

fn form(i: usize) -> Request {
    let today = chrono::Local::now()
        .date_naive()
        .format("%d.%m.%Y")
        .to_string();
    Request::Register(Box::new(AppealForm {
        appeal_date: today.clone(),
        received_date: today,
        applicant: format!("Экранов Замер {i}"),
        affiliation: "individual".into(),
        method: "written".into(),
        channel: "post".into(),
        form: "request".into(),
        summary: "Замер времени до экрана".into(),
        reply_method: "post".into(),
        ..AppealForm::default()
    }))
}

/// From sending a registration until the other screen's Incoming count shows it.
fn registration_to_screen(dir: &Path, config: &Path, home: &Path) {
    let tmux = Tmux::new("bench-notice");
    let pane = tmux.open("notice", WIDTH, HEIGHT, &screen_argv(config, home));
    let total = |s: &str| queue_total(s, "Incoming");
    let mut shown = total(&poll(&pane, |s| total(s).is_some())).expect("a count");
    let mut client = Client::connect(&target(dir)).expect("connect");
    let mut samples = Vec::new();
    for i in 0..20 {
        let started = Instant::now();
        let Ok(Response::Outcome(_)) = client.call(form(i)) else {
            panic!("registers")
        };
        let screen = poll(&pane, |s| total(s).is_some_and(|t| t > shown));
        samples.push(started.elapsed());
        shown = total(&screen).expect("a count");
    }
    report("registration elsewhere -> on screen, tmux", &mut samples);
    quit(&pane);
}

/// VmRSS and VmHWM of a process, as /proc writes them.
fn memory(pid: u32) -> (String, String) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        let line = status.lines().find(|l| l.starts_with(name)).unwrap_or("?");
        line.trim_start_matches(name)
            .trim_start_matches(':')
            .trim()
            .to_string()
    };
    (field("VmRSS"), field("VmHWM"))
}

/// The screen's resident memory after paging through every queue, the card opened and
/// closed, and the last row of All and back.
fn resident_memory(name: &str, argv: &[String]) {
    let tmux = Tmux::new("bench-memory");
    let pane = tmux.open("memory", WIDTH, HEIGHT, argv);
    poll(&pane, frame_with_rows);
    let pid = pane.program_pid();
    for _ in 0..7 {
        for _ in 0..30 {
            pane.press("NPage");
        }
        pane.press("Tab");
    }
    pane.press("BTab");
    pane.press("End");
    poll(&pane, |s| s.contains("All · "));
    pane.press("Enter");
    poll(&pane, |s| s.contains("Appeal "));
    pane.press("Escape");
    poll(&pane, |s| s.contains("All · "));
    pane.press("Home");
    // Let the batched keys settle before reading.
    thread::sleep(Duration::from_millis(500));
    let (rss, peak) = memory(pid);
    println!("{name:<46} {rss} (peak {peak})");
    quit(&pane);
}

/// The same screen on a private server with a small demo, for comparison.
fn small_registry_memory(home: &Path) {
    let dir = tempfile::tempdir().expect("a temporary data directory");
    let data = dir.path().join("data");
    let run = |args: &[&str]| {
        Command::new(EXE)
            .env("XDG_CONFIG_HOME", home)
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .output()
            .expect("appeals runs")
    };
    assert!(run(&["demo", "--count", "1000"]).status.success());
    let argv: Vec<String> = vec![
        "env".into(),
        format!("XDG_CONFIG_HOME={}", home.display()),
        EXE.into(),
        "--data-dir".into(),
        data.display().to_string(),
        "--lang".into(),
        "en".into(),
    ];
    resident_memory("screen resident memory, 1,000 appeals", &argv);
    let _ = run(&["stop"]);
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this without it, and then
    // there is nothing to do.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let (dir, config) = prepare();
    let home: TempDir = tempfile::tempdir().expect("an empty configuration directory");
    let mut server = serve(&config);
    println!("database: {} appeals; frames of {WIDTH}x{HEIGHT}", count());
    first_frame_in_tmux(&config, home.path());
    first_frame_in_process(&target(&dir));
    keys_and_redraw(&target(&dir));
    render_only(&target(&dir));
    registration_to_screen(&dir, &config, home.path());
    let argv = screen_argv(&config, home.path());
    let name = format!("screen resident memory, {} appeals", count());
    resident_memory(&name, &argv);
    stop(&config, &mut server);
    small_registry_memory(home.path());
}
