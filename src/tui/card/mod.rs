//! The appeal card: every registration field, the term with its day-by-day explanation and
//! the statutory term, the resolution and executors, earlier appeals of the same applicant,
//! and the history as a timeline. One scrolling page at 80x24; on a wide terminal the
//! explanations of the terms get a column of their own.

mod history;
mod sections;
mod term;

use std::cell::Cell;

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
    /// How far the card scrolls at most and how many rows it shows, as the last frame drew
    /// it: the keys move within that, so that Up after End moves at once.
    extent: Cell<Extent>,
}

#[derive(Debug, Clone, Copy)]
struct Extent {
    furthest: u16,
    rows: u16,
}

/// Before the first frame the card knows no bounds.
const UNDRAWN: Extent = Extent {
    furthest: u16::MAX,
    rows: 10,
};

impl CardView {
    pub fn load(source: &mut dyn Source, number: &str) -> Result<CardView, ClientError> {
        Ok(CardView {
            view: fetch(source, number)?,
            scroll: 0,
            extent: Cell::new(UNDRAWN),
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
            Action::PageUp => self.scroll = self.scroll.saturating_sub(self.page()),
            Action::PageDown => self.scroll = self.scroll.saturating_add(self.page()),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = u16::MAX,
            _ => {}
        }
        self.scroll = self.scroll.min(self.extent.get().furthest);
        CardEffect::None
    }

    /// A page keeps one row of the last in view.
    fn page(&self) -> u16 {
        self.extent.get().rows.saturating_sub(1).max(1)
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
        let panes = self.panes(inner, ui);

        let furthest = panes.iter().map(|p| p.furthest).max().unwrap_or(0);
        self.extent.set(Extent {
            furthest,
            rows: inner.height,
        });
        let more = more_marker(self.scroll.min(furthest), furthest);
        frame.render_widget(block.title_bottom(Line::from(more).right_aligned()), area);
        // Each column scrolls with the card but never past its own end.
        for pane in panes {
            let scroll = self.scroll.min(pane.furthest);
            frame.render_widget(pane.text.scroll((scroll, 0)), pane.spot);
        }
    }

    /// The card's columns: one at 80 columns, the term's explanations beside the rest on a
    /// wide terminal.
    fn panes(&self, inner: Rect, ui: &Ui) -> Vec<Pane<'static>> {
        let mut main = sections::lines(&self.view, ui);
        main.push(Line::default());
        main.extend(history::lines(&self.view, ui));
        let side = term::lines(&self.view, ui);
        let columns = if inner.width < TWO_COLUMNS_FROM {
            main.push(Line::default());
            main.extend(side);
            vec![(inner, main)]
        } else {
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .spacing(1)
                    .areas(inner);
            vec![(left, main), (right, side)]
        };
        columns
            .into_iter()
            .map(|(spot, lines)| {
                let text = Paragraph::new(lines).wrap(Wrap { trim: false });
                let rows = u16::try_from(text.line_count(spot.width)).unwrap_or(u16::MAX);
                Pane {
                    spot,
                    text,
                    furthest: rows.saturating_sub(spot.height),
                }
            })
            .collect()
    }
}

/// One column of the card, wrapped, with how far it can scroll.
struct Pane<'a> {
    spot: Rect,
    text: Paragraph<'a>,
    furthest: u16,
}

/// Arrows on the frame where there is more above or below.
fn more_marker(scroll: u16, furthest: u16) -> &'static str {
    match (scroll > 0, scroll < furthest) {
        (true, true) => " ↑↓ ",
        (true, false) => " ↑ ",
        (false, true) => " ↓ ",
        (false, false) => "",
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
