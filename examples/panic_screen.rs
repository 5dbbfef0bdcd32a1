//! A screen that panics on purpose, for the end-to-end test of the panic hook: it enters
//! full-screen mode the way `appeals` does, draws one frame, waits for a key and panics, so
//! that the test can see the shell get a normal terminal back with the panic message on it.

use std::io;
use std::time::{Duration, Instant};

use appeals::tui::terminal;
use crossterm::event::{self, Event};
use ratatui::widgets::Paragraph;

/// What the frame shows; the test waits for it to know the alternate screen is up.
const FRAME_TEXT: &str = "PANIC-SCREEN-UP: press a key to panic";

/// How long to wait for the key before panicking anyway: longer than the test ever needs to
/// press it, short enough that the program run by hand and left alone still ends.
const KEY_WAIT: Duration = Duration::from_secs(30);

fn main() -> io::Result<()> {
    let mut screen = terminal::enter()?;
    screen.draw(|frame| frame.render_widget(Paragraph::new(FRAME_TEXT), frame.area()))?;
    wait_for_key()?;
    panic!("deliberate panic for the test");
}

/// Waits for a key press, or until [`KEY_WAIT`] has passed. Other events (a resize, a
/// paste) are skipped: panicking on them would leave the test's key to the shell.
fn wait_for_key() -> io::Result<()> {
    let deadline = Instant::now() + KEY_WAIT;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        if event::poll(left)? && matches!(event::read()?, Event::Key(_)) {
            break;
        }
    }
    Ok(())
}
