//! The full-screen interface. A key press travels: terminal thread → `run` loop →
//! `App::on_key` → keymap (`keymap::resolve`, Russian layout included) → an `Action` → the
//! view's state, or a call through `source` to the server → on the server's change notice
//! every screen refreshes → `render::draw`. Only `run` and `terminal` touch the terminal.

pub mod actions;
pub mod app;
pub mod card;
mod columns;
pub mod form;
pub mod keymap;
pub mod keys;
pub mod render;
pub mod run;
pub mod source;
pub mod table;
pub mod terminal;
pub mod ui;

pub use run::{Options, run};

#[cfg(test)]
mod tests;
