//! The table's keys: moving, switching queues and orders, the filter as it is typed, and
//! the selection put on a new registration.

use crossterm::event::{KeyCode, KeyEvent};

use super::{App, Flash};
use crate::domain::model::AppealId;
use crate::i18n::Arg;
use crate::protocol::{Request, Response};
use crate::tui::actions::{Action, Context};
use crate::tui::form::FormView;
use crate::tui::keymap::Resolved;
use crate::tui::keys::Key;
use crate::tui::table::{QueueView, next_order, unexpected};

impl App {
    pub(super) fn table_action(&mut self, action: Action) {
        let page = i64::try_from(self.table.height).unwrap_or(1);
        let source = &mut *self.source;
        let result = match action {
            Action::Quit => {
                self.quit = true;
                Ok(())
            }
            // Esc is pressed twice by habit (and tmux sends it slowly): on the table it undoes a
            // kept filter, and otherwise only says how to quit, never quits by itself.
            Action::Cancel if !self.table.filter.is_empty() => {
                self.table.filter.clear();
                return self.apply_filter();
            }
            Action::Cancel => {
                self.flash = self.ui.key_of(Action::Quit).map(|key| {
                    Flash::Info(self.ui.text_with("how-to-quit", &[("key", Arg::Str(&key))]))
                });
                Ok(())
            }
            Action::Up => self.table.move_by(source, -1),
            Action::Down => self.table.move_by(source, 1),
            Action::PageUp => self.table.move_by(source, -page),
            Action::PageDown => self.table.move_by(source, page),
            Action::Top => self.table.select(source, 0),
            Action::Bottom => self.table.select(source, u64::MAX),
            Action::NextQueue => return self.switch_queue(1),
            Action::PrevQueue => return self.switch_queue(-1),
            Action::Open => return self.open_current(),
            Action::Filter => {
                self.table.filtering = true;
                Ok(())
            }
            Action::Sort => {
                return self.change_view(|table| table.chosen = Some(next_order(table.order())));
            }
            Action::NewAppeal if self.may_register() => {
                return self.open_form(FormView::new_appeal(&self.ui));
            }
            Action::NewAppeal => {
                self.flash = Some(Flash::Error(self.ui.text("registrars-only")));
                Ok(())
            }
            _ => Ok(()),
        };
        self.settle(result);
    }

    fn switch_queue(&mut self, step: isize) {
        let queues = self.queues();
        let at = queues
            .iter()
            .position(|q| *q == self.table.queue)
            .unwrap_or(0);
        let next = (at as isize + step).rem_euclid(queues.len() as isize) as usize;
        let queue = queues[next];
        self.change_view(|table| table.queue = queue);
    }

    /// Another queue or order, shown only once its rows have come: while the server is away
    /// the table keeps showing what its title says.
    fn change_view(&mut self, change: impl FnOnce(&mut QueueView)) {
        let mut next = self.table.clone();
        change(&mut next);
        let result = next.reset(&mut *self.source);
        if result.is_ok() {
            self.table = next;
        }
        self.settle(result);
    }

    pub(super) fn open_current(&mut self) {
        let Some(row) = self.table.current() else {
            return;
        };
        let number = row.number.clone();
        self.open_card(&number);
    }

    /// Puts the selection on an appeal when the queue on screen holds it, as a new
    /// registration is: the operator sees where it went. A filtered queue is left as it is
    /// (the filter may not find the new appeal), and so is one that does not hold it.
    pub(super) fn select_appeal(&mut self, id: AppealId) {
        if !self.table.filter.trim().is_empty() {
            return;
        }
        let order = self.table.order();
        let request = Request::Position {
            queue: self.table.queue,
            sort: order.sort,
            descending: order.descending,
            id,
        };
        let result = match self.source.call(request) {
            Ok(Response::Position(Some(row))) => self.table.select(&mut *self.source, row),
            Ok(Response::Position(None)) => Ok(()),
            Ok(other) => Err(unexpected(&other)),
            Err(e) => Err(e),
        };
        self.settle(result);
    }

    /// While the filter is typed, characters go to it (in any layout), Enter keeps it and
    /// Backspace takes one back; other keys mean what the keymap says: cancel or quit (Esc,
    /// Ctrl-C) drop the filter, the moves move in what it found.
    pub(super) fn filter_key(&mut self, event: KeyEvent) {
        let key = Key::from_event(event);
        match event.code {
            KeyCode::Enter => {
                self.table.filtering = false;
                return;
            }
            KeyCode::Backspace => {
                self.table.filter.pop();
                return self.apply_filter();
            }
            KeyCode::Char(c) if !key.ctrl && !key.alt => {
                self.table.filter.push(c);
                return self.apply_filter();
            }
            _ => {}
        }
        match self.ui.keymap.resolve(&[], key, Context::Table) {
            Resolved::Action(Action::Cancel | Action::Quit) => {
                self.table.filtering = false;
                self.table.filter.clear();
                self.apply_filter();
            }
            Resolved::Action(
                action @ (Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom),
            ) => self.act(action),
            _ => {}
        }
    }

    pub(super) fn apply_filter(&mut self) {
        let result = self.table.reset(&mut *self.source);
        self.settle(result);
    }
}
