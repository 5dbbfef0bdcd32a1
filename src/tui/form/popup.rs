//! What the form draws over or beside its fields: the earlier appeals panel, the pick list of
//! a choice field, and the question before discarding a changed form. Each fits 80x24.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::choice::choices;
use super::fields::message;
use super::input::fit;
use super::lines::option_spans;
use super::view::Anchor;
use super::{FormView, Mode};
use crate::domain::validate::Field;
use crate::tui::actions::Action;
use crate::tui::ui::{Ui, date, harmless};

/// Draws what the mode puts over the fields; a pick list opens under the focused field's
/// value (`anchor`), or over it where there is no room below.
pub fn draw(form: &FormView, frame: &mut Frame, area: Rect, anchor: Option<Anchor>, ui: &Ui) {
    match form.mode {
        Mode::Pick { field, selected } => {
            let list = PickList { field, selected };
            list.draw(frame, area, anchor, form, ui);
        }
        Mode::Discard => discard(frame, area, ui),
        Mode::Fields | Mode::Earlier => {}
    }
}

/// The earlier appeals of the applicant, one a line: a mark (✓ linked, = the same applicant,
/// linked by registration itself), number, received date, status, applicant and the start
/// of the summary.
pub fn panel(form: &FormView, frame: &mut Frame, area: Rect, ui: &Ui) {
    if area.height < 3 {
        return;
    }
    let offered = &form.earlier.offered;
    let picking = form.mode == Mode::Earlier;
    let key = ui.key_of(Action::LinkEarlier).unwrap_or_default();
    let title = ui.text_with("form-earlier-title", &[("count", offered.len().into())]);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if picking {
            ui.theme.title()
        } else {
            ui.theme.dim()
        })
        .title(format!(" {title} "))
        .title_bottom(format!(
            " {} ",
            ui.text_with("form-earlier-keys", &[("key", key.as_str().into())])
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if offered.is_empty() {
        let id = if form.earlier.looked_up() {
            "form-earlier-nothing"
        } else {
            "form-earlier-empty"
        };
        let text = Paragraph::new(ui.text(id))
            .style(ui.theme.dim())
            .wrap(Wrap { trim: true });
        frame.render_widget(text, inner);
        return;
    }
    let rows = usize::from(inner.height);
    let top = form.earlier.selected.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = (top..offered.len())
        .take(rows)
        .map(|i| panel_line(form, i, usize::from(inner.width), picking, ui))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn panel_line(
    form: &FormView,
    index: usize,
    width: usize,
    picking: bool,
    ui: &Ui,
) -> Line<'static> {
    let earlier = &form.earlier.offered[index];
    let row = &earlier.row;
    let mark = if form.earlier.is_linked(index, &form.data) {
        '✓'
    } else if earlier.same_applicant {
        '='
    } else {
        ' '
    };
    let text = format!(
        "{mark} {} {} {} {} — {}",
        harmless(&row.number),
        date(row.received),
        ui.label(row.status),
        harmless(&row.applicant),
        harmless(&earlier.summary)
    );
    let line = fit(&text, width);
    if picking && index == form.earlier.selected {
        Line::styled(line, ui.theme.selected())
    } else {
        Line::raw(line)
    }
}

/// The values of a choice field in a list under the cursor's control; nine at most, so the
/// list fits 24 lines with room to spare.
struct PickList {
    field: Field,
    selected: usize,
}

impl PickList {
    fn draw(
        &self,
        frame: &mut Frame,
        area: Rect,
        anchor: Option<Anchor>,
        form: &FormView,
        ui: &Ui,
    ) {
        let (field, selected) = (self.field, self.selected);
        let list = choices(field);
        let current = super::choice::position(&list, form.data.get(field));
        let lines: Vec<Line> = list
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mark = if i == selected { "› " } else { "  " };
                let mut spans = vec![Span::raw(mark)];
                spans.extend(option_spans(
                    i,
                    item,
                    current == Some(i),
                    form.fits(field, item),
                    ui,
                ));
                let line = Line::from(spans);
                if i == selected {
                    line.patch_style(ui.theme.title())
                } else {
                    line
                }
            })
            .collect();
        let title = format!(" {} ", ui.text(message(field)));
        let hint = format!(" {} ", ui.text("form-pick-keys"));
        let widest = lines.iter().map(Line::width).max().unwrap_or(0) + 1;
        let width = widest.max(title.chars().count()).max(hint.chars().count()) + 2;
        let spot = beside(area, anchor, width as u16, lines.len() as u16 + 2);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(title)
            .title_bottom(hint);
        frame.render_widget(Clear, spot);
        frame.render_widget(Paragraph::new(lines).block(block), spot);
    }
}

/// A box of `width` x `height` under the anchor, or above it, kept inside `area`; centred
/// when there is no anchor.
fn beside(area: Rect, anchor: Option<Anchor>, width: u16, height: u16) -> Rect {
    let Some(anchor) = anchor else {
        return centred(area, width, height);
    };
    let width = width.min(area.width);
    let height = height.min(area.height);
    let right = area.x + area.width;
    let bottom = area.y + area.height;
    let x = anchor.x.min(right - width).max(area.x);
    let y = if anchor.y + 1 + height <= bottom {
        anchor.y + 1
    } else if anchor.y >= area.y + height {
        anchor.y - height
    } else {
        bottom - height
    };
    Rect {
        x,
        y,
        width,
        height,
    }
}

fn discard(frame: &mut Frame, area: Rect, ui: &Ui) {
    let text = vec![
        Line::from(ui.text("form-discard-text")),
        Line::default(),
        Line::styled(ui.text("form-discard-keys"), ui.theme.key()),
    ];
    let width = area.width.min(60);
    let spot = centred(area, width, 5);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", ui.text("form-discard-title")));
    frame.render_widget(Clear, spot);
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(block),
        spot,
    );
}

fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
