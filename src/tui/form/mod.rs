//! The registration form (in progress): for now it only opens and closes, so that the rest of
//! the screen can be built around it.

use std::time::Instant;

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::actions::Action;
use super::source::Source;
use super::ui::Ui;
use crate::client::ClientError;
use crate::service::api::AppealView;

/// What the form asks of the screen after a key.
pub enum FormEffect {
    None,
    Close,
    Saved { number: String },
    Failed(ClientError),
}

pub struct FormView {
    editing: Option<String>,
}

impl FormView {
    pub fn new_appeal(_ui: &Ui) -> FormView {
        FormView { editing: None }
    }

    pub fn edit(_ui: &Ui, view: &AppealView) -> FormView {
        FormView {
            editing: Some(view.appeal.number_text.clone()),
        }
    }

    pub fn on_key(
        &mut self,
        _event: KeyEvent,
        action: Option<Action>,
        _source: &mut dyn Source,
        _ui: &Ui,
    ) -> FormEffect {
        match action {
            Some(Action::Cancel) => FormEffect::Close,
            _ => FormEffect::None,
        }
    }

    pub fn paste(&mut self, _text: &str) {}

    pub fn deadline(&self) -> Option<Instant> {
        None
    }

    pub fn on_deadline(&mut self, _source: &mut dyn Source) -> FormEffect {
        FormEffect::None
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let title = match &self.editing {
            Some(number) => format!("{} {number}", ui.text("form-edit-title")),
            None => ui.text("form-new-title"),
        };
        let block = Block::default().borders(Borders::ALL).title(title);
        frame.render_widget(Paragraph::new("").block(block), area);
    }
}
