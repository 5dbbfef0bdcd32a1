//! The appeal card: every registration field, the term with its day-by-day explanation and
//! the statutory term, the resolution and executors, earlier appeals of the same applicant,
//! and the history as a timeline. One scrolling page at 80x24; on a wide terminal the
//! explanations of the terms get a column of their own.

mod history;
mod sections;
mod term;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::actions::Action;
use super::source::Source;
use super::table::unexpected;
use super::ui::{Ui, harmless};
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

/// Below this width the card is one column: two would cut every line.
const TWO_COLUMNS_FROM: u16 = 120;

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
            Action::Bottom => self.scroll = u16::MAX,
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
        let inner = block.inner(area);
        frame.render_widget(block, area);

        let mut main = sections::lines(&self.view, ui);
        main.push(Line::default());
        main.extend(history::lines(&self.view, ui));
        let side = term::lines(&self.view, ui);
        if inner.width < TWO_COLUMNS_FROM {
            main.push(Line::default());
            main.extend(side);
            self.pane(frame, inner, main);
        } else {
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .spacing(1)
                    .areas(inner);
            self.pane(frame, left, main);
            self.pane(frame, right, side);
        }
    }

    /// One column of lines, scrolled by the card's offset but never past its end.
    fn pane(&self, frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
        let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
        let rows = u16::try_from(paragraph.line_count(area.width)).unwrap_or(u16::MAX);
        let max = rows.saturating_sub(area.height);
        frame.render_widget(paragraph.scroll((self.scroll.min(max), 0)), area);
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
