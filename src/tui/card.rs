//! The appeal card: every registration field, the term with its day-by-day explanation and
//! the statutory term, the resolution and executors, earlier appeals of the same applicant,
//! and the history as a timeline. One scrolling page, so it reads the same at 80x24 and at
//! 200x60.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::actions::Action;
use super::source::Source;
use super::table::unexpected;
use super::ui::{Ui, date, harmless, urgency_symbol};
use crate::client::ClientError;
use crate::domain::model::ActionKind;
use crate::protocol::{Request, Response};
use crate::service::api::AppealView;

/// What the card asks of the screen after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardEffect {
    None,
    Close,
    Edit,
}

pub struct CardView {
    pub view: AppealView,
    pub scroll: u16,
}

impl CardView {
    pub fn load(source: &mut dyn Source, number: &str) -> Result<CardView, ClientError> {
        Ok(CardView {
            view: fetch(source, number)?,
            scroll: 0,
        })
    }

    /// Fetches the appeal again after a change, keeping the place on the page.
    pub fn reload(&mut self, source: &mut dyn Source) -> Result<(), ClientError> {
        self.view = fetch(source, &self.view.appeal.number_text)?;
        Ok(())
    }

    pub fn handle(&mut self, action: Action) -> CardEffect {
        match action {
            Action::Cancel | Action::Quit => return CardEffect::Close,
            Action::Edit if self.view.allowed.contains(&ActionKind::Edit) => {
                return CardEffect::Edit;
            }
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            Action::Top => self.scroll = 0,
            _ => {}
        }
        CardEffect::None
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let appeal = &self.view.appeal;
        let title = format!(
            " {} {} · {} ",
            ui.text("card-title"),
            harmless(&appeal.number_text),
            ui.label(appeal.status)
        );
        let block = Block::default().borders(Borders::ALL).title(title);
        let lines = lines(&self.view, ui);
        let inner = block.inner(area);
        let max = (lines.len() as u16).saturating_sub(inner.height);
        let paragraph = Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((self.scroll.min(max), 0));
        frame.render_widget(paragraph, area);
    }
}

fn fetch(source: &mut dyn Source, number: &str) -> Result<AppealView, ClientError> {
    let request = Request::Show {
        number: number.to_string(),
    };
    match source.call(request)? {
        Response::Card(view) => Ok(*view),
        other => Err(unexpected(&other)),
    }
}

fn lines<'a>(view: &'a AppealView, ui: &Ui) -> Vec<Line<'a>> {
    let reg = &view.appeal.reg;
    let field = |id: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{}: ", ui.text(id)), ui.theme.title()),
            Span::raw(value),
        ])
    };
    let mut out = vec![
        field("field-received-date", date(reg.received_date)),
        field("field-applicant", harmless(&reg.applicant).into_owned()),
        field("field-summary", harmless(&reg.summary).into_owned()),
    ];
    let symbol = urgency_symbol(&view.urgency);
    out.push(Line::from(vec![
        Span::styled(format!("{}: ", ui.text("field-term")), ui.theme.title()),
        Span::styled(
            format!("{symbol} {}", date(view.appeal.term)),
            ui.theme.urgency(&view.urgency),
        ),
    ]));
    out
}
