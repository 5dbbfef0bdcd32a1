//! The keys of what opens over the fields: the pick list of a choice field, the earlier
//! appeals panel, and the question before discarding a changed form.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent};

use super::choice::{by_key, choices, place};
use super::earlier::Toggled;
use super::keys::typed;
use super::{FormEffect, FormView, Mode, Notice};
use crate::domain::validate::Field;
use crate::i18n::Lang;
use crate::tui::actions::Action;
use crate::tui::source::Source;
use crate::tui::ui::Ui;

impl FormView {
    pub(super) fn open_pick(&mut self) {
        let list = choices(self.focus);
        let selected = super::choice::position(&list, self.data.get(self.focus)).unwrap_or(0);
        self.mode = Mode::Pick {
            field: self.focus,
            selected,
        };
    }

    /// The pick list: Up and Down, Enter or Space to choose, a value's key, Esc to go back.
    pub(super) fn pick_key(
        &mut self,
        event: KeyEvent,
        field: Field,
        selected: usize,
        ui: &Ui,
    ) -> FormEffect {
        let list = choices(field);
        let last = list.len().saturating_sub(1);
        let chosen = match (event.code, typed(event)) {
            (KeyCode::Up, _) => return self.pick_at(field, selected.saturating_sub(1)),
            (KeyCode::Down, _) => return self.pick_at(field, (selected + 1).min(last)),
            (KeyCode::Home, _) => return self.pick_at(field, 0),
            (KeyCode::End, _) => return self.pick_at(field, last),
            (KeyCode::Enter, _) | (_, Some(' ')) => Some(selected),
            (KeyCode::Esc, _) => None,
            (_, Some(c)) => match by_key(&list, c, ui.lang()) {
                Some(index) => Some(index),
                None => return FormEffect::None,
            },
            _ => return FormEffect::None,
        };
        self.mode = Mode::Fields;
        if let Some(choice) = chosen.and_then(|i| list.get(i)) {
            self.choose(choice.code);
        }
        FormEffect::None
    }

    fn pick_at(&mut self, field: Field, selected: usize) -> FormEffect {
        self.mode = Mode::Pick { field, selected };
        FormEffect::None
    }

    /// The discard question: `y` (or `д`) discards; `n`, `н` or Esc goes back to the form,
    /// its draft kept. Read as typed, not by key position: on a layout the operator does not
    /// expect, a wrong guess keeps the form.
    /// The answer goes by the key, whichever layout is on, with the letters the question
    /// shows in the screen's language: y and n in English, д and н in Russian. Letters of the
    /// other language mean nothing here, because н sits on the key of y: a Russian "нет"
    /// typed with the Latin layout on must not read as an English "yes".
    pub(super) fn discard_key(
        &mut self,
        event: KeyEvent,
        action: Option<Action>,
        source: &mut dyn Source,
        ui: &Ui,
    ) -> FormEffect {
        let (yes, no) = match ui.lang() {
            Lang::En => ('y', 'n'),
            Lang::Ru => ('д', 'н'),
        };
        let key = typed(event).map(place);
        if key == Some(place(yes)) {
            return self.discard(source);
        }
        // Esc, and whatever else cancels here (Ctrl-C, F10), withdraws the question.
        let cancel = matches!(action, Some(Action::Cancel | Action::Quit));
        if cancel || event.code == KeyCode::Esc || key == Some(place(no)) {
            self.mode = Mode::Fields;
        }
        FormEffect::None
    }
}

impl FormView {
    /// The link key: links the one earlier appeal offered, or opens the panel to choose.
    pub(super) fn link(&mut self, ui: &Ui) -> FormEffect {
        match self.earlier.offered.len() {
            0 => self.notice = Some(Notice::Info(ui.text("form-earlier-none"))),
            1 => self.toggle_link(0, ui),
            _ => self.mode = Mode::Earlier,
        }
        FormEffect::None
    }

    /// The panel of earlier appeals: Up and Down, Enter, Space or the link key to link or
    /// unlink, Esc or Tab back to the fields.
    pub(super) fn earlier_key(
        &mut self,
        event: KeyEvent,
        action: Option<Action>,
        ui: &Ui,
    ) -> FormEffect {
        match (event.code, action) {
            (KeyCode::Up, _) => self.earlier.step(-1),
            (KeyCode::Down, _) => self.earlier.step(1),
            (KeyCode::Enter | KeyCode::Char(' '), _) | (_, Some(Action::LinkEarlier)) => {
                self.toggle_link(self.earlier.selected, ui);
            }
            (KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab, _) => self.mode = Mode::Fields,
            _ => {}
        }
        FormEffect::None
    }

    fn toggle_link(&mut self, index: usize, ui: &Ui) {
        let toggled = self.earlier.toggle(index, &mut self.data);
        let number = self
            .earlier
            .offered
            .get(index)
            .map(|e| e.row.number.clone())
            .unwrap_or_default();
        let id = match toggled {
            Toggled::Nothing => return,
            Toggled::Linked => "form-linked",
            Toggled::Unlinked => "form-unlinked",
            Toggled::AlreadyLinked => "form-linked-before",
        };
        if toggled != Toggled::AlreadyLinked {
            self.draft.changed(Instant::now());
        }
        let text = ui.text_with(id, &[("number", number.as_str().into())]);
        self.notice = Some(Notice::Info(text));
    }
}
