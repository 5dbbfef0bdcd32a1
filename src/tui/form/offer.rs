//! The draft waiting from an earlier session, offered when the screen starts: Enter goes on
//! with it, Delete discards it, Esc leaves it for later.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

pub use super::draft::waiting;
use super::{FormView, OnServer, draft::Drafts};
use crate::client::ClientError;
use crate::domain::draft::{DraftSlot, FormDraft};
use crate::tui::card::CardView;
use crate::tui::source::Source;
use crate::tui::ui::{Ui, harmless};

/// What the operator said to the offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Continue,
    Discard,
    Later,
    /// Any other key: the offer stays.
    Undecided,
}

pub fn answer(event: KeyEvent) -> Answer {
    match event.code {
        KeyCode::Enter => Answer::Continue,
        KeyCode::Delete => Answer::Discard,
        KeyCode::Esc => Answer::Later,
        _ => Answer::Undecided,
    }
}

/// The form the draft was typed on, with what was typed. An edit goes on from the revision it
/// started from, so that saving it is refused if the appeal changed meanwhile.
pub fn resume(draft: FormDraft, source: &mut dyn Source, ui: &Ui) -> Result<FormView, ClientError> {
    let mut form = match &draft.slot {
        DraftSlot::New => FormView::new_appeal(ui),
        DraftSlot::Edit { number } => FormView::edit(ui, &CardView::load(source, number)?.view),
    };
    form.restore(draft.form, draft.base_revision);
    Ok(form)
}

pub fn discard(draft: &FormDraft, source: &mut dyn Source) -> Result<(), ClientError> {
    OnServer(source).drop_draft(&draft.slot)
}

/// The question over the screen: what the draft is, and the three keys.
pub fn draw(frame: &mut Frame, area: Rect, draft: &FormDraft, ui: &Ui) {
    let question = match &draft.slot {
        DraftSlot::New => ui.text("draft-offer-new"),
        DraftSlot::Edit { number } => ui.text_with(
            "draft-offer-edit",
            &[("number", harmless(number).as_ref().into())],
        ),
    };
    let saved = ui.local_date(draft.saved_at);
    let what = ui.text_with(
        "draft-offer-what",
        &[
            ("applicant", harmless(&draft.form.applicant).as_ref().into()),
            ("saved", crate::tui::ui::date(saved).as_str().into()),
        ],
    );
    let lines = vec![
        Line::from(question),
        Line::styled(what, ui.theme.dim()),
        Line::default(),
        Line::styled(ui.text("draft-offer-keys"), ui.theme.key()),
    ];
    let width = area.width.min(64);
    let height = (lines.len() as u16 + 2).min(area.height);
    let spot = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", ui.text("draft-offer-title")));
    frame.render_widget(Clear, spot);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        spot,
    );
}
