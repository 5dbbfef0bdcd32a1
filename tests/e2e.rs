//! The real `appeals` binary on a real terminal (tmux): the screen starts in either language
//! and gives the terminal back however it ends, a panic included, a registration on the
//! command line or through the form reaches another operator's screen without a key press,
//! the card opens and closes, and a stopped server is waited out. Every test has its own
//! tmux server, and its own data directory and server when it needs one.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use appeals::runtime;
use common::tmux::{
    self, ENDED, Pane, TYPED, Tmux, frame_with_rows, numbers, queue_total, selected,
};
use nix::sys::signal::{self, Signal};
use nix::unistd::Pid;
use tempfile::TempDir;

const EXE: &str = env!("CARGO_BIN_EXE_appeals");

/// A Russian locale for the screens that must follow it, and a neutral one for the rest.
const RU: &str = "ru_RU.UTF-8";
const NEUTRAL: &str = "C.UTF-8";

/// A registry of its own: a data directory and a configuration that lets this system user
/// name operators (as an ssh forced command would), in temporary directories. Its server is
/// stopped on drop.
struct Registry {
    data: TempDir,
    config_home: TempDir,
}

impl Registry {
    fn new() -> Registry {
        let registry = Registry {
            data: tempfile::tempdir().expect("a temporary data directory"),
            config_home: tempfile::tempdir().expect("a temporary configuration directory"),
        };
        let config = format!("[server]\noperator_account = \"{}\"\n", system_login());
        std::fs::write(registry.config_file(), config).expect("the test configuration");
        registry
    }

    fn config_file(&self) -> PathBuf {
        self.config_home.path().join("test.toml")
    }

    /// The binary with this registry's data directory and configuration, and nothing of the
    /// user's own.
    fn command(&self, operator: Option<&str>) -> Command {
        let mut command = Command::new(EXE);
        command
            .env("XDG_CONFIG_HOME", self.config_home.path())
            .env_remove("APPEALS_DATA_DIR")
            .arg("--data-dir")
            .arg(self.data.path())
            .arg("--config")
            .arg(self.config_file());
        if let Some(login) = operator {
            command.args(["--operator", login]);
        }
        command
    }

    /// Runs a command that must succeed; what it printed.
    fn run(&self, operator: Option<&str>, args: &[&str]) -> String {
        let out = self
            .command(operator)
            .args(args)
            .output()
            .expect("appeals runs");
        assert!(
            out.status.success(),
            "appeals {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Registers an appeal received today as `operator`; its number.
    fn register(&self, operator: &str, applicant: &str) -> String {
        let args = [
            "register",
            "--appeal-date",
            "today",
            "--received",
            "today",
            "--applicant",
            applicant,
            "--affiliation",
            "individual",
            "--method",
            "electronic",
            "--channel",
            "email",
            "--form",
            "request",
            "--summary",
            "О выдаче справки с места учёбы",
            "--email",
            "applicant@example.kz",
            "--reply-method",
            "email",
        ];
        self.run(Some(operator), &args).trim().to_string()
    }

    /// The command line of a screen for `operator` under `locale`, with `flags` after it.
    fn screen(&self, operator: &str, locale: &str, flags: &[&str]) -> Vec<String> {
        let mut argv: Vec<String> = ["env", "-u", "LC_ALL", "-u", "LC_MESSAGES"]
            .map(String::from)
            .into();
        argv.push(format!("LANG={locale}"));
        argv.push(format!(
            "XDG_CONFIG_HOME={}",
            self.config_home.path().display()
        ));
        argv.push(EXE.to_string());
        argv.push("--data-dir".into());
        argv.push(self.data.path().display().to_string());
        argv.push("--config".into());
        argv.push(self.config_file().display().to_string());
        argv.extend(["--operator", operator].map(String::from));
        argv.extend(flags.iter().map(|f| f.to_string()));
        argv
    }

    /// `appeals stop`, then the wait until the server has exited: the command returns while
    /// the server is still closing, and a command in that moment finds it going away.
    fn stop_server(&self) {
        let pid = runtime::read_pid(self.data.path()).expect("the server's pid file");
        self.run(None, &["stop"]);
        let pid = u32::try_from(pid).expect("a pid is positive");
        let started = Instant::now();
        while tmux::alive(pid) {
            assert!(
                started.elapsed() < tmux::PATIENCE,
                "the server does not exit"
            );
            thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.command(None).arg("stop").output();
    }
}

fn system_login() -> String {
    let uid = nix::unistd::getuid();
    nix::unistd::User::from_uid(uid)
        .expect("the user database is readable")
        .expect("the test runs as a known system user")
        .name
}

/// A registry with a small demo and two registrars, and the terminals its operators use.
struct Office {
    // Declared first so it is dropped first: the screens end before the server is stopped,
    // or a screen would start it again.
    tmux: Tmux,
    registry: Registry,
}

impl Office {
    fn new(label: &str) -> Office {
        let registry = Registry::new();
        registry.run(None, &["demo", "--count", "30"]);
        for login in ["reg1", "reg2"] {
            let name = format!("Регистратор {login}");
            registry.run(
                None,
                &["user", "add", login, "--name", &name, "--role", "registrar"],
            );
        }
        Office {
            tmux: Tmux::new(label),
            registry,
        }
    }

    /// A screen of 80x24 in a session of its own.
    fn screen(&self, session: &str, operator: &str, locale: &str, flags: &[&str]) -> Pane {
        let argv = self.registry.screen(operator, locale, flags);
        self.tmux.open(session, 80, 24, &argv)
    }
}

/// Waits until a whole frame with rows is on screen; the screen.
fn wait_for_rows(pane: &Pane) -> String {
    pane.wait_until("rows and the footer", frame_with_rows)
}

/// The program has ended well and the shell has the terminal back.
fn assert_terminal_given_back(pane: &Pane) {
    assert_terminal_given_back_after_exit(pane, 0);
}

/// The program has ended with `status` and the shell has the terminal back: the marker with
/// the exit status is printed on the normal screen, and a line typed now is echoed and read
/// whole, as it only is in the terminal's normal mode. The normal screen as the program
/// left it.
fn assert_terminal_given_back_after_exit(pane: &Pane, status: i32) -> String {
    let screen = pane.wait_for(ENDED);
    // The whole line, or status 1 would pass for 101.
    let marker = format!("{ENDED} {status}");
    assert!(
        screen.lines().any(|line| line.trim_end() == marker),
        "exit status:\n{screen}"
    );
    assert!(!pane.alternate_on(), "left in the alternate screen");
    pane.type_text("back");
    pane.press("Enter");
    pane.wait_for(&format!("{TYPED}back"));
    screen
}

#[test]
fn the_screen_starts_in_russian_from_the_locale_shows_help_and_quits_with_q() {
    let office = Office::new("ru");
    let pane = office.screen("ru", "reg1", RU, &[]);

    let screen = wait_for_rows(&pane);
    for text in [
        "Входящие",
        "Просроченные",
        "Возвращённые",
        "на связи",
        "reg1",
    ] {
        assert!(screen.contains(text), "`{text}` missing:\n{screen}");
    }
    assert!(
        pane.alternate_on(),
        "the screen runs in the alternate screen"
    );

    pane.press("?");
    pane.wait_for("Клавиши");
    pane.press("Escape");
    pane.wait_gone("Клавиши");
    pane.press("q");
    assert_terminal_given_back(&pane);
}

#[test]
fn lang_en_overrides_a_russian_locale_and_f10_quits() {
    let office = Office::new("en");
    let pane = office.screen("en", "reg1", RU, &["--lang", "en"]);

    let screen = wait_for_rows(&pane);
    for text in ["Incoming", "Overdue", "Returned", "connected", "? help"] {
        assert!(screen.contains(text), "`{text}` missing:\n{screen}");
    }
    assert!(!screen.contains("Входящие"), "{screen}");

    pane.press("?");
    pane.wait_for_all(&["Keys", "Register a new appeal"]);
    pane.press("Escape");
    pane.wait_gone("Register a new appeal");
    pane.press("F10");
    assert_terminal_given_back(&pane);
}

#[test]
fn a_registration_on_the_command_line_appears_on_two_screens_without_a_key_press() {
    let office = Office::new("two");
    let first = office.screen("first", "reg1", NEUTRAL, &["--lang", "en"]);
    let second = office.screen("second", "reg2", RU, &[]);
    let before = queue_total(&wait_for_rows(&first), "Incoming").expect("a count in the title");
    wait_for_rows(&second);

    let number = office.registry.register("reg1", "Экранов Тест");

    for (pane, queue) in [(&second, "Входящие"), (&first, "Incoming")] {
        let title = format!("{queue} · {}", before + 1);
        pane.wait_for_all(&[&title, &number, "Экранов Тест"]);
    }
}

#[test]
fn enter_opens_the_card_of_the_selected_appeal_and_esc_returns_to_it() {
    let office = Office::new("card");
    let pane = office.screen("card", "reg1", NEUTRAL, &["--lang", "en"]);
    wait_for_rows(&pane);
    pane.press("Down");
    let screen = pane.wait_until("the second row selected", |s| {
        selected(s).is_some_and(|n| numbers(s).get(1) == Some(&n))
    });
    let number = selected(&screen).expect("a selected row");

    pane.press("Enter");
    let title = format!("Appeal {number}");
    pane.wait_for_all(&[&title, "Received date", "Applicant", "Summary", "Esc back"]);

    pane.press("Escape");
    pane.wait_until("the table back with the same row selected", |s| {
        s.contains("Incoming ·") && selected(s).as_ref() == Some(&number)
    });
}

#[test]
fn a_stopped_server_leaves_the_screens_readable_and_offline_until_it_is_back() {
    let office = Office::new("stop");
    let russian = office.screen("ru", "reg1", RU, &[]);
    let english = office.screen("en", "reg2", NEUTRAL, &["--lang", "en"]);
    let rows_ru = numbers(&wait_for_rows(&russian));
    wait_for_rows(&english);
    russian.wait_for("на связи");
    english.wait_for("connected");

    office.registry.stop_server();

    let screen = russian.wait_for("нет связи");
    assert_eq!(
        numbers(&screen),
        rows_ru,
        "the rows stay readable:\n{screen}"
    );
    assert!(screen.contains("Входящие"), "{screen}");
    english.wait_for("offline");
    // The screens wait for a server without starting one: the user stopped it.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(russian.wait_for("нет связи").contains("нет связи"));

    office.registry.run(None, &["status"]);
    let screen = russian.wait_until("connected again", |s| {
        s.contains("на связи") && !s.contains("нет связи")
    });
    assert_eq!(numbers(&screen), rows_ru, "{screen}");
    english.wait_until("connected again", |s| {
        s.contains("connected") && !s.contains("offline")
    });
}

/// Sends `signal` to the screen once it shows its rows.
fn end_with(signal: Signal, label: &str) {
    let office = Office::new(label);
    let pane = office.screen(label, "reg1", NEUTRAL, &["--lang", "en"]);
    wait_for_rows(&pane);
    assert!(pane.alternate_on());

    let pid = i32::try_from(pane.program_pid()).expect("a pid fits in i32");
    signal::kill(Pid::from_raw(pid), signal).expect("the screen takes the signal");

    assert_terminal_given_back(&pane);
}

#[test]
fn sigterm_gives_the_terminal_back() {
    end_with(Signal::SIGTERM, "term");
}

#[test]
fn sighup_gives_the_terminal_back() {
    end_with(Signal::SIGHUP, "hup");
}

/// The applicant typed into the form, to look for on the screens and in the card.
const FORM_APPLICANT: &str = "Формов Тест";

/// What is typed into each field of the registration form, in their order on screen: `None`
/// leaves a field as it is (the received date is today already), a choice takes the letter
/// marked in its label.
const FORM_INPUT: [Option<&str>; 15] = [
    Some("C-t"),
    None,
    None,
    None,
    Some(FORM_APPLICANT),
    Some("i"),
    Some("w"),
    Some("p"),
    Some("r"),
    Some("О переводе на другую образовательную программу"),
    Some("Алматы, ул. Абая, 1"),
    None,
    None,
    None,
    Some("p"),
];

/// An appeal saved through the registration form: its number, and the screen that said so.
struct Saved {
    number: String,
    screen: String,
}

/// Opens the registration form on an English screen, fills it with [`FORM_INPUT`] and
/// saves it.
fn register_through_the_form(pane: &Pane) -> Saved {
    pane.press("n");
    pane.wait_for("New appeal");
    fill_form(pane);
    pane.press("C-s");

    let screen = pane.wait_for("Saved: appeal");
    let number = numbers(&screen)
        .into_iter()
        .find(|n| screen.contains(&format!("Saved: appeal {n}")))
        .expect("the saved number in the message");
    Saved { number, screen }
}

/// Types [`FORM_INPUT`] into the open form, field by field.
fn fill_form(pane: &Pane) {
    for input in FORM_INPUT {
        match input {
            Some(key) if key.starts_with("C-") => pane.press(key),
            Some(text) => pane.type_text(text),
            None => {}
        }
        pane.press("Tab");
    }
}

#[test]
fn an_appeal_registered_through_the_form_is_in_incoming_and_its_card_opens() {
    let office = Office::new("form");
    let pane = office.screen("form", "reg1", NEUTRAL, &["--lang", "en"]);
    let before = queue_total(&wait_for_rows(&pane), "Incoming").expect("a count in the title");

    let Saved { number, screen } = register_through_the_form(&pane);
    assert_eq!(
        queue_total(&screen, "Incoming"),
        Some(before + 1),
        "{screen}"
    );

    // Walk down to the new row; the queue is short, so a few steps reach it.
    for _ in 0..40 {
        let screen = pane.capture();
        if selected(&screen).as_deref() == Some(number.as_str()) {
            break;
        }
        let was = selected(&screen);
        pane.press("Down");
        pane.wait_until("the selection moved", |s| selected(s) != was);
    }
    pane.press("Enter");
    let card = pane.wait_for(&format!("Appeal {number}"));
    assert!(card.contains(FORM_APPLICANT), "{card}");
    pane.press("Escape");
    pane.wait_for("Incoming ·");
    pane.press("q");
    assert_terminal_given_back(&pane);
}

#[test]
fn a_registration_through_the_form_on_one_screen_appears_on_another_without_a_key_press() {
    let office = Office::new("formtwo");
    let form = office.screen("form", "reg1", NEUTRAL, &["--lang", "en"]);
    let other = office.screen("other", "reg2", RU, &[]);
    wait_for_rows(&form);
    let before = queue_total(&wait_for_rows(&other), "Входящие").expect("a count in the title");

    let saved = register_through_the_form(&form);

    // Not a key goes to the other screen: only the server's change notice can redraw it.
    let title = format!("Входящие · {}", before + 1);
    other.wait_for_all(&[&title, &saved.number, FORM_APPLICANT]);
}

/// What the panicking example draws and the message it panics with (examples/panic_screen.rs).
const PANIC_FRAME: &str = "PANIC-SCREEN-UP";
const PANIC_MESSAGE: &str = "deliberate panic for the test";

/// The exit status of a Rust program that panicked in its main thread.
const PANIC_STATUS: i32 = 101;

/// The example program that enters the screen as `appeals` does and panics on a key. Cargo
/// builds examples beside the test binaries, in `target/<profile>/examples` next to this
/// binary's `target/<profile>/deps`.
fn panic_screen() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its path");
    let profile = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test binary lives in target/<profile>/deps");
    let example = profile.join("examples").join("panic_screen");
    assert!(
        example.is_file(),
        "{} is missing: build the examples with the test's profile \
         (`cargo build --release --examples`; a `cargo test` without `--test` does it too)",
        example.display()
    );
    example
}

#[test]
fn a_panic_gives_the_terminal_back_with_its_message_readable() {
    let tmux = Tmux::new("panic");
    // No backtrace, whatever the caller's environment: it would push the message off screen.
    let example = panic_screen().display().to_string();
    let argv = ["env", "RUST_BACKTRACE=0", &example].map(String::from);
    let pane = tmux.open("panic", 80, 24, &argv);
    pane.wait_for(PANIC_FRAME);
    assert!(
        pane.alternate_on(),
        "the frame is drawn in the alternate screen"
    );

    pane.press("x");

    let screen = assert_terminal_given_back_after_exit(&pane, PANIC_STATUS);
    assert!(
        screen.contains(PANIC_MESSAGE),
        "the panic message:\n{screen}"
    );
    assert!(screen.contains("panicked at"), "{screen}");
    assert!(
        !screen.contains(PANIC_FRAME),
        "the frame went with the alternate screen:\n{screen}"
    );
}
