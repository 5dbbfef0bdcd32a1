//! Drawing the form: the fields in one scrolling column, or from 120 columns on in two with
//! the summary across the width below them; the focused field always in view, the earlier
//! appeals beside or under the fields, and the form's own line at the bottom of its frame.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::fields::{Kind, kind};
use super::lines::Geometry;
use super::{FormView, Mode, Notice};
use crate::domain::validate::Field;
use crate::tui::actions::Action;
use crate::tui::ui::{Ui, harmless};

/// From this inner width on, the form takes two columns: two label columns and two values of
/// 50 columns or more fit in it.
pub const WIDE: u16 = 120;

/// The summary's editor has at least this many lines, and grows into room left over: up to
/// a few lines in one column, where the other fields need the height; all the room left at
/// the bottom of two columns, where it has the whole width to itself.
const SUMMARY_MIN: u16 = 3;
const SUMMARY_MAX_NARROW: u16 = 8;

/// Rows of earlier appeals in the one-column layout, where they share the height with the
/// fields; the panel scrolls to the rest.
const PANEL_ROWS: u16 = 4;

/// Rows of earlier appeals in the two-column layout, beside the fields: as many as the left
/// column is tall, so that the summary below keeps its room; the panel scrolls to the rest.
const PANEL_ROWS_WIDE: u16 = 8;

/// A part of the form drawn as one column: its fields, the fields whose labels set the width
/// of its label column (so that parts one above the other align), and how tall the summary
/// may grow in it.
#[derive(Clone, Copy)]
struct Part<'f> {
    fields: &'f [Field],
    labels: &'f [Field],
    summary_max: u16,
}

impl<'f> Part<'f> {
    fn new(fields: &'f [Field], labels: &'f [Field], summary_max: u16) -> Part<'f> {
        Part {
            fields,
            labels,
            summary_max,
        }
    }
}

/// Where the focused field's value starts on screen: pick lists open beside it.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    pub x: u16,
    pub y: u16,
}

impl FormView {
    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let block = Block::default()
            .borders(Borders::ALL)
            .title(self.title(ui))
            .title(Line::from(ui.text("form-required")).right_aligned())
            .title_bottom(self.bottom_line(ui));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let anchor = if inner.width >= WIDE {
            self.render_wide(frame, inner, ui)
        } else {
            self.render_narrow(frame, inner, ui)
        };
        super::popup::draw(self, frame, inner, anchor, ui);
    }

    fn title(&self, ui: &Ui) -> String {
        match &self.editing {
            Some(e) => format!(" {} {} ", ui.text("form-edit-title"), harmless(&e.number)),
            None => format!(" {} ", ui.text("form-new-title")),
        }
    }

    /// Every field in one scrolling column, the earlier appeals under it when there are any.
    fn render_narrow(&self, frame: &mut Frame, area: Rect, ui: &Ui) -> Option<Anchor> {
        let offered = self.earlier.offered.len() as u16;
        let panel = if offered == 0 {
            0
        } else {
            offered.min(PANEL_ROWS) + 2
        };
        let [fields, panel_area] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(panel)]).areas(area);
        let all = Part::new(&Field::ALL, &Field::ALL, SUMMARY_MAX_NARROW);
        let anchor = self.column(frame, fields, all, ui);
        if panel > 0 {
            super::popup::panel(self, frame, panel_area, ui);
        }
        anchor
    }

    /// The registration of section 3.2 on the left, the contacts, reply and term on the
    /// right with the earlier appeals under them, and the summary across the whole width
    /// below, taking the height left.
    fn render_wide(&self, frame: &mut Frame, area: Rect, ui: &Ui) -> Option<Anchor> {
        let at = |field| Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
        let (left, rest) = Field::ALL.split_at(at(Field::Summary));
        let (summary, right) = rest.split_at(1);
        let labels = &Field::ALL[..=at(Field::Summary)];
        let [left_area, right_area] = Layout::horizontal([Constraint::Fill(1); 2])
            .spacing(2)
            .areas(area);
        let height = |fields, width| self.build(fields, width, SUMMARY_MIN, ui).lines.len() as u16;
        let rows = (self.earlier.offered.len() as u16).clamp(2, PANEL_ROWS_WIDE);
        let right_need = height(right, right_area.width);
        let top_need = height(left, left_area.width).max(right_need + 1 + rows + 2);
        let summary_need = height(summary, area.width);
        let top = top_need.min(area.height.saturating_sub(summary_need + 1));
        let [top_area, _, summary_area] = Layout::vertical([
            Constraint::Length(top),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area);
        let [left_area, right_area] = Layout::horizontal([Constraint::Fill(1); 2])
            .spacing(2)
            .areas(top_area);
        let [right_fields, _, panel] = Layout::vertical([
            Constraint::Length(right_need),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(right_area);
        let anchors = [
            self.column(frame, left_area, Part::new(left, labels, 0), ui),
            self.column(frame, right_fields, Part::new(right, right, 0), ui),
            self.column(
                frame,
                summary_area,
                Part::new(summary, labels, u16::MAX),
                ui,
            ),
        ];
        super::popup::panel(self, frame, panel, ui);
        anchors.into_iter().flatten().next()
    }

    /// Draws a part of the form in `area`, scrolled to the focused field; where that field's
    /// value starts on screen, if it is here.
    fn column(&self, frame: &mut Frame, area: Rect, part: Part, ui: &Ui) -> Option<Anchor> {
        let geometry = self.geometry(part.labels, area.width, ui);
        let mut column = self.lay_out(part.fields, geometry, SUMMARY_MIN, ui);
        let spare = area.height.saturating_sub(column.lines.len() as u16);
        if spare > 0 && column.summary.is_some() {
            let height = (SUMMARY_MIN + spare).min(part.summary_max.max(SUMMARY_MIN));
            column = self.lay_out(part.fields, geometry, height, ui);
        }
        let offset = scroll(column.focus, usize::from(area.height));
        let on_screen = |line: usize| {
            let y = line.checked_sub(offset)?;
            (y < usize::from(area.height)).then(|| area.y + y as u16)
        };
        let value_x = area.x + geometry.value_x as u16;
        if let Some((line, x)) = column.cursor.filter(|_| self.mode == Mode::Fields)
            && let Some(y) = on_screen(line)
        {
            frame.set_cursor_position((value_x + x as u16, y));
        }
        let anchor = column
            .focus
            .and_then(|(start, _)| on_screen(start))
            .map(|y| Anchor { x: value_x, y });
        let summary = column.summary;
        let lines: Vec<Line> = column.lines.into_iter().skip(offset).collect();
        frame.render_widget(Paragraph::new(lines), area);
        if let Some(spot) = summary {
            self.draw_summary(frame, area, geometry, spot, offset);
        }
        anchor
    }

    fn draw_summary(
        &self,
        frame: &mut Frame,
        area: Rect,
        geometry: Geometry,
        (line, height): (usize, u16),
        offset: usize,
    ) {
        let top = line.max(offset);
        let bottom = (line + usize::from(height)).min(offset + usize::from(area.height));
        if top >= bottom {
            return;
        }
        let spot = Rect {
            x: area.x + (geometry.value_x - 1) as u16,
            y: area.y + (top - offset) as u16,
            width: (geometry.value + 1) as u16,
            height: (bottom - top) as u16,
        };
        frame.render_widget(&self.summary, spot);
    }
}

/// The first line to show so that the focused field is in view: no scrolling while it fits
/// from the top, else just enough to show its end (and at least its start).
fn scroll(focus: Option<(usize, usize)>, height: usize) -> usize {
    let Some((start, end)) = focus else {
        return 0;
    };
    end.saturating_sub(height).min(start)
}

impl FormView {
    /// The form's own line at the bottom of its frame: what just happened, or how to fill
    /// the focused field.
    fn bottom_line(&self, ui: &Ui) -> Line<'static> {
        match &self.notice {
            Some(Notice::Error(text)) => Line::styled(format!(" {text} "), ui.theme.error()),
            Some(Notice::Info(text)) => Line::styled(format!(" {text} "), ui.theme.good()),
            None => Line::styled(format!(" {} ", self.hint(ui)), ui.theme.dim()),
        }
    }

    fn hint(&self, ui: &Ui) -> String {
        let key = |action| ui.key_of(action).unwrap_or_default();
        match (kind(self.focus), self.focus) {
            (Kind::Date, _) => ui.text_with(
                "form-hint-date",
                &[
                    ("today", key(Action::Today).as_str().into()),
                    ("yesterday", key(Action::Yesterday).as_str().into()),
                ],
            ),
            (Kind::Choice, _) => ui.text("form-hint-choice"),
            (Kind::Summary, _) => ui.text("form-hint-summary"),
            (_, Field::Applicant | Field::IinBin) if !self.earlier.offered.is_empty() => ui
                .text_with(
                    "form-hint-link",
                    &[("key", key(Action::LinkEarlier).as_str().into())],
                ),
            (_, Field::Applicant) => ui.text("form-hint-applicant"),
            _ => ui.text_with(
                "form-hint-text",
                &[("save", key(Action::Save).as_str().into())],
            ),
        }
    }
}
