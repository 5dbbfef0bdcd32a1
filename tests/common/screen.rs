//! The screen without a terminal: an `App` over an in-process service with a pinned clock,
//! driven by key strings as keymap files write them, drawn on ratatui's `TestBackend`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use appeals::client::ClientError;
use appeals::config::KeymapChoice;
use appeals::i18n::{Catalog, Lang};
use appeals::protocol::{Request, Response};
use appeals::service::Service;
use appeals::tui::app::App;
use appeals::tui::keymap::Keymap;
use appeals::tui::keys::parse_key;
use appeals::tui::render;
use appeals::tui::run::load_keymap;
use appeals::tui::source::{Local, Signal, Source};
use appeals::tui::ui::{Theme, Ui};
use chrono::NaiveDate;
use crossterm::event::{KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

/// A screen and the registry behind it.
pub struct Screen {
    pub app: App,
    pub service: Arc<Service>,
    pub today: NaiveDate,
    /// While set, every call of this screen fails as with a server gone away.
    pub server_down: Arc<AtomicBool>,
    _dir: Arc<TempDir>,
}

/// The in-process service behind a switch that can make it unreachable.
struct Switched {
    local: Local,
    down: Arc<AtomicBool>,
}

impl Source for Switched {
    fn call(&mut self, request: Request) -> Result<Response, ClientError> {
        if self.down.load(Ordering::SeqCst) {
            return Err(ClientError::Disconnected(String::from("switched off")));
        }
        self.local.call(request)
    }
}

/// The shipped keymap of `choice`, with no user file.
pub fn keymap(choice: KeymapChoice) -> Keymap {
    let (keymap, problems) = load_keymap(choice, None);
    assert!(problems.is_empty(), "shipped keymap problems: {problems:?}");
    keymap
}

pub fn ui(lang: Lang, today: NaiveDate, keymap: Keymap) -> Ui {
    Ui {
        catalog: Catalog::new(lang),
        theme: Theme { color: false },
        keymap,
        today,
        zone: appeals::config::Zone::Named(chrono_tz::UTC),
    }
}

impl Screen {
    /// A screen for `login` on a registry that `fill` prepares, on 3 December 2026.
    pub fn new(lang: Lang, login: &str, fill: impl FnOnce(&Service)) -> Screen {
        Screen::with_keymap(lang, login, keymap(KeymapChoice::Default), fill)
    }

    pub fn with_keymap(
        lang: Lang,
        login: &str,
        keymap: Keymap,
        fill: impl FnOnce(&Service),
    ) -> Screen {
        let dir = Arc::new(tempfile::tempdir().expect("a temporary directory"));
        let service = Arc::new(super::service_at(dir.path(), super::at(2026, 12, 3)));
        super::staff(&service);
        fill(&service);
        Screen::open(lang, login, keymap, service, dir)
    }

    /// Another user's screen on the same registry.
    pub fn beside(&self, lang: Lang, login: &str) -> Screen {
        let keymap = keymap(KeymapChoice::Default);
        Screen::open(
            lang,
            login,
            keymap,
            Arc::clone(&self.service),
            Arc::clone(&self._dir),
        )
    }

    fn open(
        lang: Lang,
        login: &str,
        keymap: Keymap,
        service: Arc<Service>,
        dir: Arc<TempDir>,
    ) -> Screen {
        let today = super::date(2026, 12, 3);
        let server_down = Arc::new(AtomicBool::new(false));
        let source = Switched {
            local: Local {
                service: Arc::clone(&service),
                login: login.to_string(),
            },
            down: Arc::clone(&server_down),
        };
        let mut app = App::new(ui(lang, today, keymap), Box::new(source), Vec::new());
        app.resize(24);
        Screen {
            app,
            service,
            today,
            server_down,
            _dir: dir,
        }
    }

    /// Presses keys written as keymap files write them, separated by spaces: `down down
    /// enter`, `ctrl-s`, `т`. A literal space is `space`.
    pub fn press(&mut self, keys: &str) {
        for text in keys.split_whitespace() {
            self.app.on_key(key_event(text));
        }
    }

    /// Types text into whatever has the keys, character by character.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let event = KeyEvent::new(crossterm::event::KeyCode::Char(c), KeyModifiers::NONE);
            self.app.on_key(event);
        }
    }

    /// What the server would push after a change by someone else.
    pub fn notice(&mut self) {
        let notice = appeals::service::api::Notice {
            id: 0,
            number: String::new(),
            revision: 0,
            status: appeals::domain::model::Status::Registered,
            action: appeals::domain::model::ActionKind::Register,
            by: String::from("someone"),
            at: super::at(2026, 12, 3),
        };
        self.app.on_signal(Signal::Notice(Box::new(notice)));
        self.app.catch_up();
    }

    /// The screen drawn at `width` x `height`, one line per row, trailing spaces cut.
    pub fn draw(&mut self, width: u16, height: u16) -> String {
        self.app.resize(height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
        terminal
            .draw(|frame| render::draw(frame, &self.app))
            .expect("drawing on a test backend");
        text_of(terminal.backend())
    }

    /// The status line, the first row of the screen drawn at `width` x `height`.
    pub fn status_line(&mut self, width: u16, height: u16) -> String {
        let text = self.draw(width, height);
        text.lines().next().unwrap_or_default().to_string()
    }
}

pub fn key_event(text: &str) -> KeyEvent {
    let key = parse_key(text).unwrap_or_else(|e| panic!("bad key `{text}` in a test: {e}"));
    let mut modifiers = KeyModifiers::NONE;
    if key.ctrl {
        modifiers |= KeyModifiers::CONTROL;
    }
    if key.alt {
        modifiers |= KeyModifiers::ALT;
    }
    KeyEvent::new(key.code, modifiers)
}

fn text_of(backend: &TestBackend) -> String {
    let buffer = backend.buffer();
    let mut lines = Vec::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        lines.push(line.trim_end().to_string());
    }
    lines.join("\n")
}

impl Screen {
    /// The form on screen; panics when another screen is up.
    pub fn form(&self) -> &appeals::tui::form::FormView {
        match &self.app.screen {
            appeals::tui::app::Screen::Form(form) => form,
            _ => panic!("the form is not on screen"),
        }
    }

    /// Text pasted into the terminal.
    pub fn paste(&mut self, text: &str) {
        self.app.on_paste(text);
    }

    /// The server goes away, or comes back: the listener's signal and every later call.
    pub fn set_server_down(&mut self, down: bool) {
        self.server_down.store(down, Ordering::SeqCst);
        self.app.on_signal(Signal::Connected(!down));
    }

    /// Time passes until the screen's next deadline (a pause in typing).
    pub fn pause(&mut self) {
        self.app.on_deadline();
    }
}
