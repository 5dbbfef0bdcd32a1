//! The registration form: one field per line with labels from the regulation, enumerations
//! picked by a key or from a short list, dates typed or set to today, the summary in a
//! multi-line editor, problems shown beside their field as one leaves it, earlier appeals of
//! the applicant offered for linking, and a draft kept on the server while one types. The
//! same form corrects an appeal while it is still registered.
//!
//! - `fields`, `choice`: what each field is and the keys of the enumerations;
//! - `keys`: what a key does in the fields;
//! - `input`: editing one line; `check`, `messages`: which problems show, in which words;
//! - `earlier`, `draft`: the timed work (the lookup and the draft, see [`FormView::deadline`]);
//! - `modes`: the keys of the pick list, the earlier appeals panel and the discard question;
//! - `save`: the request and its answer; `view`, `lines`, `popup`, `offer`: drawing.

mod check;
mod choice;
mod draft;
mod earlier;
mod fields;
mod input;
mod keys;
mod lines;
mod messages;
mod modes;
pub mod offer;
mod popup;
mod save;
mod view;

#[cfg(test)]
mod tests;

use std::time::Instant;

use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders};
use ratatui_textarea::{TextArea, WrapMode};

use self::check::Checks;
use self::earlier::Panel;
use self::input::Cursor;
use super::source::Source;
use super::ui::{Ui, date};
use crate::client::ClientError;
use crate::domain::draft::DraftSlot;
use crate::domain::model::AppealId;
use crate::domain::validate::{AppealForm, Field, FieldError};
use crate::service::api::{AppealView, Earlier};

pub use self::draft::{Drafts, OnServer};

/// What the form asks of the screen after a key.
pub enum FormEffect {
    None,
    Close,
    Saved {
        number: String,
        /// A new registration's appeal, for the table to select; `None` after an edit.
        registered: Option<AppealId>,
    },
    Failed(ClientError),
    /// Show the keys of the form.
    Help,
}

/// What takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Fields,
    /// The values of a choice field, listed; `selected` is the highlighted one.
    Pick {
        field: Field,
        selected: usize,
    },
    /// The earlier appeals panel, to link one of several.
    Earlier,
    /// "Discard the changes?" after Esc on a changed form.
    Discard,
}

/// The appeal a form corrects.
#[derive(Debug, Clone)]
struct Editing {
    number: String,
    revision: u64,
}

/// A line of the form's own about the last thing done (problems found, an appeal linked).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Notice {
    Info(String),
    Error(String),
}

pub struct FormView {
    data: AppealForm,
    /// The form as opened, to tell whether Esc loses anything.
    original: AppealForm,
    focus: Field,
    cursor: Cursor,
    /// The summary's editor; `data.summary` follows it after every change.
    summary: TextArea<'static>,
    mode: Mode,
    editing: Option<Editing>,
    checks: Checks,
    earlier: Panel,
    draft: draft::Timer,
    notice: Option<Notice>,
    today: NaiveDate,
}

impl FormView {
    /// An empty form for a new appeal, received today unless the operator says otherwise.
    pub fn new_appeal(ui: &Ui) -> FormView {
        let data = AppealForm {
            received_date: date(ui.today),
            ..AppealForm::default()
        };
        FormView::open(data.clone(), data, None, ui.today)
    }

    /// The registration of an appeal, to correct while it awaits its resolution.
    pub fn edit(ui: &Ui, view: &AppealView) -> FormView {
        let data = crate::cli::register::form_of(&view.appeal.reg);
        let editing = Editing {
            number: view.appeal.number_text.clone(),
            revision: view.appeal.revision,
        };
        let mut form = FormView::open(data.clone(), data, Some(editing), ui.today);
        form.earlier.linked_before = view.appeal.links.clone();
        form.earlier.own = Some(view.appeal.id);
        // The applicant is known: offer the earlier appeals as soon as the form settles.
        form.earlier.typed(&form.data, Instant::now());
        form
    }

    /// Puts back what was typed into a form before (its draft); it counts as a change. An
    /// edit goes on from the revision its draft started from.
    pub fn restore(&mut self, typed: AppealForm, base_revision: Option<u64>) {
        self.summary = editor(&typed.summary);
        self.data = typed;
        self.draft = draft::Timer::from_stored();
        self.earlier.typed(&self.data, Instant::now());
        if let (Some(editing), Some(base)) = (&mut self.editing, base_revision) {
            editing.revision = base;
        }
        self.focus_on(self.focus);
    }

    fn open(
        data: AppealForm,
        original: AppealForm,
        editing: Option<Editing>,
        today: NaiveDate,
    ) -> FormView {
        let summary = editor(&data.summary);
        let focus = Field::ALL[0];
        let mut form = FormView {
            cursor: Cursor::at_end(data.get(focus)),
            data,
            original,
            focus,
            summary,
            mode: Mode::Fields,
            editing,
            checks: Checks::default(),
            earlier: Panel::default(),
            draft: draft::Timer::default(),
            notice: None,
            today,
        };
        form.show_summary_cursor(false);
        form
    }

    /// The form as typed so far.
    pub fn data(&self) -> &AppealForm {
        &self.data
    }

    /// The field with the cursor.
    pub fn focus(&self) -> Field {
        self.focus
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The problems on screen, in form order.
    pub fn problems(&self) -> &[FieldError] {
        &self.checks.shown
    }

    /// The earlier appeals offered for linking.
    pub fn offered(&self) -> &[Earlier] {
        &self.earlier.offered
    }

    /// The appeal this form corrects, if it is not a new one.
    pub fn number(&self) -> Option<&str> {
        self.editing.as_ref().map(|e| e.number.as_str())
    }

    /// Which draft this form keeps on the server.
    pub fn slot(&self) -> DraftSlot {
        match &self.editing {
            Some(e) => DraftSlot::Edit {
                number: e.number.clone(),
            },
            None => DraftSlot::New,
        }
    }

    fn base_revision(&self) -> Option<u64> {
        self.editing.as_ref().map(|e| e.revision)
    }

    /// Whether Esc would lose anything typed.
    pub fn changed(&self) -> bool {
        self.data != self.original
    }

    /// Text pasted into the terminal goes into the field with the cursor, if it holds text.
    pub fn paste(&mut self, text: &str) {
        if self.mode == Mode::Fields && self.insert(text) {
            self.touched(Instant::now());
        }
    }

    /// When the form next has timed work: the earlier appeals lookup or the draft.
    pub fn deadline(&self) -> Option<Instant> {
        match (self.earlier.due(), self.draft.due()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Does all the waiting timed work now. The loop calls this when the first deadline
    /// passes, and the screen when it is closed by a signal: doing the later one a little
    /// early costs nothing, and on termination everything waiting must be done.
    pub fn on_deadline(&mut self, source: &mut dyn Source) -> FormEffect {
        self.drafts_due(&mut OnServer(source), Instant::now());
        if self.earlier.due().is_none() {
            return FormEffect::None;
        }
        match self.earlier.look_up(&self.data, source) {
            Ok(()) => FormEffect::None,
            Err(e) => FormEffect::Failed(e),
        }
    }

    /// Saves the draft if a change waits; on failure tries again a while later (the screen
    /// shows the server as offline meanwhile).
    pub fn drafts_due(&mut self, drafts: &mut dyn Drafts, now: Instant) {
        let (slot, base) = (self.slot(), self.base_revision());
        if let Err(e) = self.draft.flush(drafts, &slot, &self.data, base, now) {
            tracing::info!(error = %e, "screen: draft not saved, will retry");
        }
    }

    /// Bookkeeping after the form's text changed: the draft, the lookup, the problems.
    fn touched(&mut self, now: Instant) {
        self.draft.changed(now);
        if matches!(self.focus, Field::Applicant | Field::IinBin) {
            self.earlier.typed(&self.data, now);
        }
        self.checks.changed(self.focus, &self.data, self.today);
        self.notice = None;
    }

    /// Moves the cursor to `field` without checking the one left (saving does that).
    fn focus_on(&mut self, field: Field) {
        self.focus = field;
        self.cursor = Cursor::at_end(self.data.get(field));
        self.show_summary_cursor(field == Field::Summary);
    }

    /// The summary's editor draws its own cursor; it shows only while the summary has focus.
    fn show_summary_cursor(&mut self, shown: bool) {
        let style = if shown {
            Style::new().add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            Style::new()
        };
        self.summary.set_cursor_style(style);
    }

    fn sync_summary(&mut self) {
        self.data.summary = self.summary.lines().join("\n");
    }

    /// Every problem of the form on screen, the cursor on the first, and a line saying so.
    fn show_problems(&mut self, problems: Vec<FieldError>, ui: &Ui) {
        let count = crate::i18n::Arg::from(problems.len());
        self.checks.everything(problems);
        if let Some(first) = self.checks.first() {
            self.focus_on(first);
        }
        self.notice = Some(Notice::Error(
            ui.text_with("form-problems", &[("count", count)]),
        ));
    }
}

/// The summary's editor holding `text`: long lines wrap at words, as the card shows them,
/// and a line on its left shows how far the box goes while it is still empty.
fn editor(text: &str) -> TextArea<'static> {
    let mut summary = TextArea::new(text.lines().map(str::to_string).collect());
    summary.set_wrap_mode(WrapMode::WordOrGlyph);
    summary.set_cursor_line_style(Style::new());
    summary.set_block(Block::default().borders(Borders::LEFT));
    summary
}
