//! The lines of the form before they are drawn: label and value of each field, the row of
//! choices of the focused enumeration and the problems under their field, with the label
//! column as wide as the longest label of the language, so that no label is ever cut.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::choice::{self, Choice, choices, key_at};
use super::fields::{Kind, kind, message, required, split_label};
use super::input::{fit, window};
use super::messages;
use super::{FormView, Mode};
use crate::domain::labels::Labelled;
use crate::domain::model::{Channel, Method};
use crate::domain::validate::{Field, methods_of};
use crate::tui::ui::{Ui, harmless};

/// Where the mark of the focused field and the label start.
const MARK: &str = "› ";
const LABEL_X: usize = 2;

/// One column of the form, laid out as lines before scrolling.
#[derive(Default)]
pub struct Column {
    pub lines: Vec<Line<'static>>,
    /// The focused field's first and last line (exclusive).
    pub focus: Option<(usize, usize)>,
    /// The summary's first line and height.
    pub summary: Option<(usize, u16)>,
    /// The text cursor: line and column.
    pub cursor: Option<(usize, usize)>,
}

/// The widths of a column: labels, then values.
#[derive(Clone, Copy)]
pub struct Geometry {
    pub label: usize,
    pub value_x: usize,
    pub value: usize,
}

impl FormView {
    pub(super) fn geometry(&self, fields: &[Field], width: u16, ui: &Ui) -> Geometry {
        let label = fields
            .iter()
            .map(|f| label_width(*f, ui))
            .max()
            .unwrap_or(0);
        let value_x = LABEL_X + label + 1;
        Geometry {
            label,
            value_x,
            value: usize::from(width).saturating_sub(value_x).max(1),
        }
    }

    /// The lines of `fields` with labels as wide as their own, for measuring.
    pub(super) fn build(&self, fields: &[Field], width: u16, summary: u16, ui: &Ui) -> Column {
        self.lay_out(fields, self.geometry(fields, width, ui), summary, ui)
    }

    pub(super) fn lay_out(
        &self,
        fields: &[Field],
        geometry: Geometry,
        summary: u16,
        ui: &Ui,
    ) -> Column {
        let mut column = Column::default();
        let mut group = None;
        for &field in fields {
            let label = ui.text(message(field));
            let (this_group, _) = split_label(&label);
            if let Some(name) = this_group.filter(|g| Some(*g) != group.as_deref()) {
                let heading = format!("{}{name}", " ".repeat(LABEL_X));
                column.lines.push(Line::styled(heading, ui.theme.title()));
            }
            group = this_group.map(str::to_string);
            let start = column.lines.len();
            self.field_lines(field, geometry, summary, ui, &mut column);
            if field == self.focus {
                column.focus = Some((start, column.lines.len()));
            }
        }
        column
    }
}

impl FormView {
    /// The lines of one field: label and value, then its choices or summary lines, then its
    /// problems.
    fn field_lines(
        &self,
        field: Field,
        geometry: Geometry,
        summary: u16,
        ui: &Ui,
        column: &mut Column,
    ) {
        let focused = field == self.focus;
        let mut spans = vec![
            Span::raw(if focused { MARK } else { "  " }),
            label_span(field, geometry.label, focused, ui),
            Span::raw(" "),
        ];
        let first = column.lines.len();
        match kind(field) {
            Kind::Date | Kind::Text => {
                let text = harmless(self.data.get(field)).into_owned();
                if focused {
                    let (shown, x) = window(&text, self.cursor.at, geometry.value);
                    column.cursor = Some((first, x));
                    spans.push(Span::raw(shown));
                } else {
                    spans.push(Span::raw(fit(&text, geometry.value)));
                }
            }
            Kind::Choice => spans.push(self.choice_value(field, geometry.value, ui)),
            Kind::Summary => column.summary = Some((first, summary)),
        }
        column.lines.push(Line::from(spans));
        if field == Field::Summary {
            let blank = usize::from(summary).saturating_sub(1);
            column
                .lines
                .extend(std::iter::repeat_n(Line::default(), blank));
        }
        // While the pick list is open it lists the values itself; the lines would show
        // beside it where it is narrower than they are.
        let picking = matches!(self.mode, Mode::Pick { .. });
        if focused && kind(field) == Kind::Choice && !picking {
            column.lines.extend(self.choice_lines(field, geometry, ui));
        }
        for error in self.checks.of(field) {
            let text = format!("✗ {}", messages::problem(&error.problem, ui));
            for part in wrap(&text, geometry.value) {
                let line = format!("{}{part}", " ".repeat(geometry.value_x));
                column.lines.push(Line::styled(line, ui.theme.error()));
            }
        }
    }

    /// The label of the value a choice field holds; an unknown text as it is, marked wrong.
    fn choice_value(&self, field: Field, width: usize, ui: &Ui) -> Span<'static> {
        let text = self.data.get(field);
        let list = choices(field);
        match choice::position(&list, text) {
            Some(index) => Span::raw(fit(list[index].label(ui.lang()), width)),
            None if text.trim().is_empty() => Span::styled("—", ui.theme.dim()),
            None => Span::styled(fit(&harmless(text), width), ui.theme.error()),
        }
    }

    /// Whether a value goes with what the form holds already: a channel with the method
    /// chosen (a letter comes by post or in person, a call by phone). Anything else fits.
    pub fn fits(&self, field: Field, item: &Choice) -> bool {
        if field != Field::Channel {
            return true;
        }
        let method = Method::parse(self.data.get(Field::Method));
        match (method, Channel::parse(item.code)) {
            (Some(method), Some(channel)) => methods_of(channel).contains(&method),
            _ => true,
        }
    }

    /// Every value of the focused choice field with its digit and its letter marked, wrapped
    /// at the value column; the current value stands out.
    fn choice_lines(&self, field: Field, geometry: Geometry, ui: &Ui) -> Vec<Line<'static>> {
        let list = choices(field);
        let current = choice::position(&list, self.data.get(field));
        let indent = " ".repeat(geometry.value_x);
        let mut lines = Vec::new();
        let mut spans: Vec<Span<'static>> = vec![Span::raw(indent.clone())];
        let mut used = 0;
        for (index, item) in list.iter().enumerate() {
            let fits = self.fits(field, item);
            let option = option_spans(index, item, current == Some(index), fits, ui);
            let width: usize = option.iter().map(|s| s.content.chars().count()).sum();
            // A column stays free at the right, so that a row never touches the frame.
            if used > 0 && used + width >= geometry.value {
                lines.push(Line::from(std::mem::replace(
                    &mut spans,
                    vec![Span::raw(indent.clone())],
                )));
                used = 0;
            }
            used += width + 2;
            spans.extend(option);
            spans.push(Span::raw("  "));
        }
        lines.push(Line::from(spans));
        lines
    }
}

/// A value of a choice: `1 почта`, its letter marked, the current one in reverse video, and
/// one that does not go with the rest of the form (`fits`) dimmed.
pub fn option_spans(
    index: usize,
    item: &Choice,
    current: bool,
    fits: bool,
    ui: &Ui,
) -> Vec<Span<'static>> {
    let (base, marked) = match (current, fits) {
        (true, _) => (
            ui.theme.selected(),
            ui.theme.selected().patch(ui.theme.key()),
        ),
        (false, true) => (Style::new(), ui.theme.key()),
        (false, false) => (ui.theme.dim(), ui.theme.dim()),
    };
    let key = marked.add_modifier(Modifier::UNDERLINED);
    let label = item.label(ui.lang());
    let mut spans = vec![Span::styled(format!("{} ", index + 1), marked)];
    let at = key_at(item, ui.lang());
    for (i, c) in label.chars().enumerate() {
        let style = if Some(i) == at { key } else { base };
        spans.push(Span::styled(c.to_string(), style));
    }
    spans
}

fn label_span(field: Field, width: usize, focused: bool, ui: &Ui) -> Span<'static> {
    let label = ui.text(message(field));
    let (group, name) = split_label(&label);
    let indent = if group.is_some() { "  " } else { "" };
    let star = if required(field) { " *" } else { "" };
    let text = format!("{indent}{name}{star}");
    let padded = format!("{text:<width$}");
    let style = if focused {
        ui.theme.selected()
    } else {
        ui.theme.title()
    };
    Span::styled(padded, style)
}

fn label_width(field: Field, ui: &Ui) -> usize {
    let label = ui.text(message(field));
    let (group, name) = split_label(&label);
    let indent = if group.is_some() { 2 } else { 0 };
    let star = if required(field) { 2 } else { 0 };
    indent + name.chars().count() + star
}

/// Text broken at spaces into lines of at most `width` characters; a longer word is cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > width {
            let rest: String = line.chars().skip(width).collect();
            line = line.chars().take(width).collect();
            lines.push(std::mem::replace(&mut line, rest));
        }
    }
    lines.push(line);
    lines
}
