//! The terminal while the screen is up: raw mode and the alternate screen on entry, and the
//! way back on every exit (normal, panic, SIGHUP, SIGTERM), so an operator's shell is never
//! left garbled.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Once;

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Room for a whole frame of a large terminal (200x60 cells with colour changes), so that a
/// frame reaches the terminal in one write and is never seen half drawn.
const FRAME_BUFFER: usize = 256 * 1024;

/// Puts the terminal into full-screen mode and installs the panic hook that undoes it.
pub fn enter() -> io::Result<Screen> {
    install_panic_hook();
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableBracketedPaste) {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        FRAME_BUFFER,
        stdout,
    )))
}

/// Leaves full-screen mode. Safe to call more than once and from a panic.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = stdout.flush();
}

/// The default hook prints the panic message; it must run after the terminal is back, or the
/// message is drawn into the alternate screen and vanishes with it.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
