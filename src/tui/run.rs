//! The screen's loop: one channel carries key presses, resizes, change notices and signals;
//! the screen is drawn after each batch of them and at no other time.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Instant;

use anyhow::Context as _;
use crossterm::event::Event as TermEvent;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::app::App;
use super::keymap::{self, Keymap, Problem, Trouble};
use super::render;
use super::source::{self, Link, Signal};
use super::terminal;
use super::ui::{Theme, Ui};
use crate::client::{Client, Target};
use crate::config::{Config, KeymapChoice};
use crate::i18n::{Catalog, Lang};

/// What the loop waits for.
pub enum Event {
    Terminal(TermEvent),
    Server(Signal),
    /// SIGHUP (the SSH session dropped), SIGTERM or SIGINT.
    Terminate,
}

pub struct Options {
    pub target: Target,
    pub config: Config,
    /// `--lang`, over the configuration and the locale.
    pub lang: Option<Lang>,
}

/// Runs the screen until the user quits or a signal ends it.
pub fn run(options: Options) -> anyhow::Result<()> {
    let started = Instant::now();
    let lang = options
        .lang
        .or(options.config.screen.language)
        .unwrap_or_else(Lang::from_env);
    let (keymap, problems) = load_keymap(options.config.screen.keymap, user_keymap_path());
    let client = Client::connect(&options.target)?;
    let ui = Ui {
        catalog: Catalog::new(lang),
        theme: Theme::from_env(),
        keymap,
        today: options.config.time_zone.today(chrono::Utc::now()),
        zone: options.config.time_zone,
    };

    let (events, inbox) = mpsc::channel();
    source::listen(options.target.clone(), events.clone(), Event::Server);
    watch_signals(events.clone())?;
    let link = Link::new(options.target, client);
    let mut app = App::new(ui, Box::new(link), problems);

    let mut screen = terminal::enter().context("cannot take over the terminal")?;
    watch_terminal(events);
    let result = main_loop(&mut screen, &mut app, &inbox, started);
    terminal::restore();
    result
}

fn main_loop(
    screen: &mut terminal::Screen,
    app: &mut App,
    inbox: &Receiver<Event>,
    started: Instant,
) -> anyhow::Result<()> {
    app.resize(screen.size()?.height);
    screen.draw(|frame| render::draw(frame, app))?;
    tracing::info!(
        ms = started.elapsed().as_millis() as u64,
        "screen: first frame"
    );
    while !app.quit {
        let Some(event) = next_event(inbox, app.deadline())? else {
            app.on_deadline();
            screen.draw(|frame| render::draw(frame, app))?;
            continue;
        };
        handle(app, event);
        // Everything already waiting is handled before drawing: a burst of notices or a
        // held-down key costs one frame, not one each.
        while let Ok(event) = inbox.try_recv() {
            handle(app, event);
        }
        app.catch_up();
        if !app.quit {
            screen.draw(|frame| render::draw(frame, app))?;
        }
    }
    Ok(())
}

/// The next event, or `None` when the deadline passed first.
fn next_event(inbox: &Receiver<Event>, deadline: Option<Instant>) -> anyhow::Result<Option<Event>> {
    let gone = || anyhow::anyhow!("the terminal's input has closed");
    match deadline {
        None => inbox.recv().map(Some).map_err(|_| gone()),
        Some(at) => match inbox.recv_timeout(at.saturating_duration_since(Instant::now())) {
            Ok(event) => Ok(Some(event)),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(gone()),
        },
    }
}

pub fn handle(app: &mut App, event: Event) {
    // A screen left open overnight shows the new day's terms from the first event after
    // midnight on.
    app.ui.today = app.ui.zone.today(chrono::Utc::now());
    match event {
        Event::Terminal(TermEvent::Key(key)) => app.on_key(key),
        Event::Terminal(TermEvent::Paste(text)) => app.on_paste(&text),
        Event::Terminal(TermEvent::Resize(_, height)) => app.resize(height),
        Event::Terminal(_) => {}
        Event::Server(signal) => app.on_signal(signal),
        Event::Terminate => app.on_terminate(),
    }
}

/// Reads the terminal on a thread of its own. A read error (the terminal is gone) ends the
/// screen the way SIGHUP does.
fn watch_terminal(events: Sender<Event>) {
    thread::spawn(move || {
        loop {
            let event = match crossterm::event::read() {
                Ok(event) => Event::Terminal(event),
                Err(_) => Event::Terminate,
            };
            let last = matches!(event, Event::Terminate);
            if events.send(event).is_err() || last {
                return;
            }
        }
    });
}

fn watch_signals(events: Sender<Event>) -> anyhow::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = events.send(Event::Terminate);
        }
    });
    Ok(())
}

/// `appeals/keymap.toml` in the user's configuration directory.
pub fn user_keymap_path() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("appeals").join("keymap.toml"))
}

/// The chosen shipped keymap with the user's own merged over it, and every problem in either.
pub fn load_keymap(choice: KeymapChoice, user: Option<PathBuf>) -> (Keymap, Vec<Problem>) {
    let (text, origin) = match choice {
        KeymapChoice::Default => (keymap::DEFAULT, "keymaps/default.toml"),
        KeymapChoice::Vim => (keymap::VIM, "keymaps/vim.toml"),
    };
    let (mut keymap, mut problems) = Keymap::parse(text, origin);
    if let Some(path) = user {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let origin = path.display().to_string();
                let (own, own_problems) = Keymap::parse(&text, &origin);
                problems.extend(own_problems);
                keymap = keymap.merged(own);
                problems.extend(keymap.duplicates(&origin));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => problems.push(Problem {
                origin: path.display().to_string(),
                trouble: Trouble::Unreadable(e.to_string()),
            }),
        }
    }
    problems.dedup();
    (keymap, problems)
}
