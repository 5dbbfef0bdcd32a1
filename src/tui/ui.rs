//! What every drawing function needs besides its own state: the message catalogue, the
//! colours (or none, under `NO_COLOR`), the keymap for key hints, and today's date.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier, Style};

use super::actions::{Action, Context};
use super::keymap::{Binding, Keymap, Problem, Trouble};
use super::keys;
use crate::config::Zone;
use crate::domain::labels::Labelled;
use crate::domain::terms::Urgency;
use crate::domain::validate::is_forbidden;
use crate::i18n::{Arg, Catalog, Lang};

/// Colours readable on dark and on light terminals: the 16 basic colours the user's own theme
/// defines, never the bright yellow or cyan that vanish on white.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// How a term of this urgency is drawn; the symbol beside it carries the same meaning.
    pub fn urgency(self, urgency: &Urgency) -> Style {
        match urgency {
            Urgency::Overdue { .. } => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Urgency::DueToday => self.fg(Color::Magenta).add_modifier(Modifier::BOLD),
            Urgency::DueSoon { .. } => self.fg(Color::Yellow),
            Urgency::Fine => Style::new(),
            Urgency::Answered => self.fg(Color::DarkGray),
        }
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::BOLD)
    }
}

/// The symbol of an urgency, so that the meaning survives without colour.
pub fn urgency_symbol(urgency: &Urgency) -> &'static str {
    match urgency {
        Urgency::Overdue { .. } => "‼",
        Urgency::DueToday => "●",
        Urgency::DueSoon { .. } => "◐",
        Urgency::Fine => "·",
        Urgency::Answered => "✓",
    }
}

pub struct Ui {
    pub catalog: Catalog,
    pub theme: Theme,
    pub keymap: Keymap,
    pub today: NaiveDate,
    /// The office's time zone, for the times of the history.
    pub zone: Zone,
}

impl Ui {
    /// The office's calendar date of an instant.
    pub fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        self.zone.today(at)
    }

    /// An instant as dd.mm.yyyy hh:mm in the office's time zone.
    pub fn local_time(&self, at: DateTime<Utc>) -> String {
        self.zone.format(at, "%d.%m.%Y %H:%M")
    }

    pub fn lang(&self) -> Lang {
        self.catalog.lang()
    }

    pub fn text(&self, id: &str) -> String {
        self.catalog.text(id)
    }

    pub fn text_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.catalog.text_with(id, args)
    }

    /// A keymap problem in the screen's language, after the file it is in.
    pub fn problem(&self, problem: &Problem) -> String {
        let text = match &problem.trouble {
            Trouble::Syntax { line, detail } => self.text_with(
                "keymap-syntax",
                &[("line", (*line).into()), ("detail", detail.as_str().into())],
            ),
            Trouble::UnknownAction(action) => self.text_with(
                "keymap-unknown-action",
                &[("action", action.as_str().into())],
            ),
            Trouble::NotKeys(action) => {
                self.text_with("keymap-not-keys", &[("action", action.as_str().into())])
            }
            Trouble::NotText(action) => {
                self.text_with("keymap-not-text", &[("action", action.as_str().into())])
            }
            Trouble::NotAKey { action, key } => self.text_with(
                "keymap-not-a-key",
                &[
                    ("action", action.as_str().into()),
                    ("key", key.as_str().into()),
                ],
            ),
            Trouble::KeyCount { action, binding } => self.text_with(
                "keymap-key-count",
                &[
                    ("action", action.as_str().into()),
                    ("binding", binding.as_str().into()),
                ],
            ),
            Trouble::BoundTwice {
                keys,
                first,
                second,
            } => self.text_with(
                "keymap-bound-twice",
                &[
                    ("keys", keys.as_str().into()),
                    ("first", (*first).into()),
                    ("second", (*second).into()),
                ],
            ),
            Trouble::Unreadable(detail) => {
                self.text_with("keymap-unreadable", &[("detail", detail.as_str().into())])
            }
        };
        format!("{}: {text}", problem.origin)
    }

    /// The label of an enumeration value in the screen's language.
    pub fn label<T: Labelled>(&self, value: T) -> &'static str {
        match self.lang() {
            Lang::En => value.label_en(),
            Lang::Ru => value.label_ru(),
        }
    }

    /// The first key bound to `action`, as the footer and the help show it.
    pub fn key_of(&self, action: Action) -> Option<String> {
        let bindings = self.keymap.keys_of(action);
        let first = bindings.first()?;
        Some(
            first
                .iter()
                .map(keys::display)
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// Every key bound to `action` that works on a screen of `context`, for the help
    /// overlay: on the form a plain character is typed into the field, never a hotkey.
    pub fn keys_of(&self, action: Action, context: Context) -> String {
        let typed = |b: &&Binding| {
            let plain = |k: &keys::Key| matches!(k.code, KeyCode::Char(_)) && !k.ctrl && !k.alt;
            context == Context::Form && b.first().is_some_and(plain)
        };
        self.keymap
            .keys_of(action)
            .into_iter()
            .filter(|b| !typed(b))
            .map(|b| b.iter().map(keys::display).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Dates on screen are dd.mm.yyyy in both languages, as the regulation writes them.
pub fn date(day: NaiveDate) -> String {
    day.format("%d.%m.%Y").to_string()
}

/// Text from an applicant with every character that could move the cursor or change the
/// terminal replaced by a visible mark.
pub fn harmless(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_forbidden) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_forbidden(c) { '�' } else { c })
            .collect(),
    )
}

impl Ui {
    /// The footer's word or two for an action.
    pub fn short(&self, action: Action) -> &'static str {
        let info = super::actions::info(action);
        match self.lang() {
            Lang::En => info.hint_en,
            Lang::Ru => info.hint_ru,
        }
    }

    /// The help overlay's description of an action.
    pub fn description(&self, action: Action) -> &'static str {
        let info = super::actions::info(action);
        match self.lang() {
            Lang::En => info.en,
            Lang::Ru => info.ru,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_direction_marks_from_applicants_are_made_visible_marks() {
        let hostile = "Иванов\u{1b}[2J\u{1b}]0;pwned\u{7}\u{202e}txt.exe\r\n";
        let shown = harmless(hostile);
        assert!(!shown.chars().any(is_forbidden), "{shown:?}");
        assert_eq!(shown, "Иванов�[2J�]0;pwned��txt.exe��");
    }

    #[test]
    fn ordinary_text_is_not_copied() {
        assert!(matches!(harmless("ТОО «Алатау»"), Cow::Borrowed(_)));
    }

    #[test]
    fn no_color_keeps_bold_but_drops_colours() {
        let plain = Theme { color: false };
        let style = plain.urgency(&Urgency::Overdue { days: 2 });
        assert_eq!(style.fg, None);
        assert!(style.add_modifier.contains(Modifier::BOLD));
        let coloured = Theme { color: true };
        assert_eq!(
            coloured.urgency(&Urgency::Overdue { days: 2 }).fg,
            Some(Color::Red)
        );
    }
}
