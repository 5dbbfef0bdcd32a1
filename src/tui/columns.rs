//! The columns of the queue table and which of them fit: the number, term and applicant
//! always, the rest as the width allows, in the order a triage needs them.

use ratatui::layout::Constraint;

use super::ui::{Ui, urgency_symbol};
use crate::domain::terms::Urgency;
use crate::service::api::Row;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Number,
    Received,
    Applicant,
    Form,
    Method,
    Status,
    Lead,
    Term,
    Left,
}

/// Columns in the order they are given room; the applicant takes what is left over.
const PRIORITY: [Column; 9] = [
    Column::Number,
    Column::Term,
    Column::Left,
    Column::Applicant,
    Column::Status,
    Column::Received,
    Column::Lead,
    Column::Form,
    Column::Method,
];

/// The order on screen.
const ORDER: [Column; 9] = [
    Column::Number,
    Column::Received,
    Column::Applicant,
    Column::Form,
    Column::Method,
    Column::Status,
    Column::Lead,
    Column::Term,
    Column::Left,
];

/// The narrowest the applicant column may get before other columns give way to it.
const APPLICANT_MIN: u16 = 16;

impl Column {
    /// Fixed widths fit the longest value in either language (dates are 10, the statuses'
    /// Russian labels are the longest text).
    fn width(self) -> u16 {
        match self {
            Column::Number => 10,
            Column::Received | Column::Term => 10,
            Column::Applicant => APPLICANT_MIN,
            Column::Form => 11,
            Column::Method => 11,
            Column::Status => 16,
            Column::Lead => 12,
            Column::Left => 7,
        }
    }

    pub fn constraint(self) -> Constraint {
        match self {
            Column::Applicant => Constraint::Min(APPLICANT_MIN),
            other => Constraint::Length(other.width()),
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Column::Number => "column-number",
            Column::Received => "column-received",
            Column::Applicant => "column-applicant",
            Column::Form => "column-form",
            Column::Method => "column-method",
            Column::Status => "column-status",
            Column::Lead => "column-lead",
            Column::Term => "column-term",
            Column::Left => "column-left",
        }
    }
}

/// The columns that fit `width`, in screen order.
pub fn fit(width: u16) -> Vec<Column> {
    let mut used = 0u16;
    let mut chosen = Vec::new();
    for column in PRIORITY {
        let need = column.width() + 1;
        if used + need <= width || chosen.is_empty() {
            used += need;
            chosen.push(column);
        }
    }
    ORDER.into_iter().filter(|c| chosen.contains(c)).collect()
}

/// Days to the term, with the urgency symbol: `‼ -3` three days overdue, `● 0` due today,
/// `◐ 2` due soon, `· 9` in good time, `✓` answered.
pub fn days_left(row: &Row, ui: &Ui) -> String {
    let symbol = urgency_symbol(&row.urgency);
    match row.urgency {
        Urgency::Answered => symbol.to_string(),
        Urgency::Overdue { days } => format!("{symbol} -{days}"),
        _ => {
            let days = (row.term - ui.today).num_days();
            format!("{symbol} {days}")
        }
    }
}
