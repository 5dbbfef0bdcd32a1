//! What a key does on the form, by mode. In the fields, a printable character without Ctrl or
//! Alt is the field's before it is anyone's hotkey, so Cyrillic and every Latin letter reach
//! the text as typed; the keymap's actions (Tab, Ctrl-S, Esc...) come next, then the editing
//! keys of the field.

use std::time::Instant;

use chrono::Days;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::CursorMove;

use super::choice::{by_key, choices};
use super::fields::{Kind, kind, step};
use super::{FormEffect, FormView, Mode, OnServer};
use crate::cli::register::relative_date;
use crate::domain::validate::{Field, is_forbidden, parse_date};
use crate::tui::actions::Action;
use crate::tui::source::Source;
use crate::tui::ui::{Ui, date};

/// The character a key types, if it types one: Shift is part of the character; with Ctrl or
/// Alt it is a command.
pub(super) fn typed(event: KeyEvent) -> Option<char> {
    let command = event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match event.code {
        KeyCode::Char(c) if !command => Some(c),
        _ => None,
    }
}

impl FormView {
    pub fn on_key(
        &mut self,
        event: KeyEvent,
        action: Option<Action>,
        source: &mut dyn Source,
        ui: &Ui,
    ) -> FormEffect {
        // The screen's today follows the clock across midnight; so do the form's checks.
        self.today = ui.today;
        match self.mode {
            Mode::Fields => self.field_key(event, action, source, ui),
            Mode::Pick { field, selected } => self.pick_key(event, field, selected, ui),
            Mode::Earlier => self.earlier_key(event, action, ui),
            Mode::Discard => self.discard_key(event, action, source, ui),
        }
    }

    fn field_key(
        &mut self,
        event: KeyEvent,
        action: Option<Action>,
        source: &mut dyn Source,
        ui: &Ui,
    ) -> FormEffect {
        if let Some(c) = typed(event) {
            self.type_char(c, ui);
            return FormEffect::None;
        }
        if self.focus == Field::Summary
            && let Some(effect) = self.summary_key(event, source)
        {
            return effect;
        }
        if let Some(action) = action {
            return self.field_action(action, source, ui);
        }
        self.edit_key(event, source)
    }

    fn field_action(&mut self, action: Action, source: &mut dyn Source, ui: &Ui) -> FormEffect {
        match action {
            Action::NextField => self.go_to(step(self.focus, true), source),
            Action::PrevField => self.go_to(step(self.focus, false), source),
            Action::Save => self.save(source, ui),
            Action::Cancel | Action::Quit => self.cancel(source),
            Action::Today => self.set_date(self.today),
            Action::Yesterday => {
                let yesterday = self.today.checked_sub_days(Days::new(1));
                self.set_date(yesterday.unwrap_or(self.today))
            }
            Action::LinkEarlier => self.link(ui),
            Action::Help => FormEffect::Help,
            _ => FormEffect::None,
        }
    }

    /// A printable character: typed into text, or a choice's key. A character that could act
    /// on a terminal (a direction override an input method sends) is not typed at all.
    fn type_char(&mut self, c: char, ui: &Ui) {
        if is_forbidden(c) {
            return;
        }
        match kind(self.focus) {
            Kind::Choice if c == ' ' => self.open_pick(),
            Kind::Choice => {
                let list = choices(self.focus);
                if let Some(index) = by_key(&list, c, ui.lang()) {
                    self.choose(list[index].code);
                }
            }
            Kind::Summary => {
                self.summary.insert_char(c);
                self.sync_summary();
                self.touched(Instant::now());
            }
            Kind::Date | Kind::Text => {
                let text = self.data.get_mut(self.focus);
                self.cursor.insert(text, &c.to_string());
                self.touched(Instant::now());
            }
        }
    }

    /// Keys that are neither characters nor actions: editing within the field.
    fn edit_key(&mut self, event: KeyEvent, source: &mut dyn Source) -> FormEffect {
        match (kind(self.focus), event.code) {
            (Kind::Choice, KeyCode::Enter) => self.open_pick(),
            (Kind::Choice, KeyCode::Backspace | KeyCode::Delete) => self.choose(""),
            (Kind::Date | Kind::Text, KeyCode::Enter) => {
                return self.go_to(step(self.focus, true), source);
            }
            (Kind::Date | Kind::Text, code) => {
                let text = self.data.get_mut(self.focus);
                if self.cursor.edit(text, code) == Some(true) {
                    self.touched(Instant::now());
                }
            }
            (Kind::Summary, _) => {
                if self.summary.input(event) {
                    self.sync_summary();
                    self.touched(Instant::now());
                }
            }
            (Kind::Choice, _) => {}
        }
        FormEffect::None
    }

    /// The summary's own keys: Enter breaks the line; Up and Down move within the text and
    /// leave it from its first or last line. `None` for keys the form handles.
    fn summary_key(&mut self, event: KeyEvent, source: &mut dyn Source) -> Option<FormEffect> {
        let plain = !event
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let (motion, forward) = match event.code {
            KeyCode::Enter if plain => {
                self.summary.insert_newline();
                self.sync_summary();
                self.touched(Instant::now());
                return Some(FormEffect::None);
            }
            KeyCode::Up if plain => (CursorMove::Up, false),
            KeyCode::Down if plain => (CursorMove::Down, true),
            _ => return None,
        };
        let before = self.summary.cursor();
        self.summary.move_cursor(motion);
        if self.summary.cursor() != before {
            return Some(FormEffect::None);
        }
        Some(self.go_to(step(self.focus, forward), source))
    }

    /// Leaves the field with the cursor for `to`: the field left is tidied and checked, and a
    /// changed applicant is looked up at once.
    pub(super) fn go_to(&mut self, to: Field, source: &mut dyn Source) -> FormEffect {
        let from = self.focus;
        self.tidy_date(from);
        self.checks.left(from, &self.data, self.today);
        self.focus_on(to);
        if matches!(from, Field::Applicant | Field::IinBin)
            && let Err(e) = self.earlier.look_up(&self.data, source)
        {
            return FormEffect::Failed(e);
        }
        FormEffect::None
    }

    /// A date typed in either accepted shape, or as `today` / `вчера`, is written back as
    /// dd.mm.yyyy, the way the screen shows dates; anything else stays for the check to name.
    pub(super) fn tidy_date(&mut self, field: Field) {
        if kind(field) != Kind::Date {
            return;
        }
        let typed = self.data.get(field);
        let relative = relative_date(typed, self.today);
        let Ok(day) = parse_date(&relative) else {
            return;
        };
        let tidy = date(day);
        if tidy != typed {
            *self.data.get_mut(field) = tidy;
            self.draft.changed(Instant::now());
        }
    }

    fn set_date(&mut self, day: chrono::NaiveDate) -> FormEffect {
        if kind(self.focus) == Kind::Date {
            *self.data.get_mut(self.focus) = date(day);
            self.cursor = super::input::Cursor::at_end(self.data.get(self.focus));
            self.touched(Instant::now());
        }
        FormEffect::None
    }

    pub(super) fn choose(&mut self, code: &str) {
        *self.data.get_mut(self.focus) = code.to_string();
        self.touched(Instant::now());
    }

    /// Esc: closes an unchanged form at once, and asks before losing a changed one.
    fn cancel(&mut self, source: &mut dyn Source) -> FormEffect {
        if self.changed() {
            self.mode = Mode::Discard;
            return FormEffect::None;
        }
        self.discard(source)
    }

    /// Closes the form and drops its draft.
    pub(super) fn discard(&mut self, source: &mut dyn Source) -> FormEffect {
        let slot = self.slot();
        match self.draft.discard(&mut OnServer(source), &slot) {
            Ok(()) => FormEffect::Close,
            Err(e) => FormEffect::Failed(e),
        }
    }

    /// Inserts pasted or typed text into the field with the cursor; whether anything went in.
    pub(super) fn insert(&mut self, text: &str) -> bool {
        // The postal address may hold line breaks, but its line on the form shows one line.
        let clean = clean(text, kind(self.focus) == Kind::Summary);
        if clean.is_empty() {
            return false;
        }
        match kind(self.focus) {
            Kind::Choice => return false,
            Kind::Summary => {
                self.summary.insert_str(&clean);
                self.sync_summary();
            }
            Kind::Date | Kind::Text => {
                let field = self.data.get_mut(self.focus);
                self.cursor.insert(field, &clean);
            }
        }
        true
    }
}

/// Pasted text as a field can hold it: office line ends made plain, line breaks and tabs
/// spaces in a one-line field, and nothing that could act on a terminal.
fn clean(text: &str, multiline: bool) -> String {
    let text = text.replace("\r\n", "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' if multiline => Some(c),
            '\n' | '\t' | '\r' => Some(' '),
            c if is_forbidden(c) => None,
            c => Some(c),
        })
        .collect()
}
