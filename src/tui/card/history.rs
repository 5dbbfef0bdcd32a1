//! The appeal's history as a timeline, oldest first: when (local time), who, what, the
//! status it moved to, and why.

use ratatui::text::{Line, Span};

use super::sections::heading;
use crate::service::api::AppealView;
use crate::tui::ui::{Ui, harmless};

pub fn lines(view: &AppealView, ui: &Ui) -> Vec<Line<'static>> {
    let mut out = vec![heading(ui, "card-history")];
    for event in &view.history {
        let when = ui.local_time(event.at);
        let what = ui.text(&format!("action-{}", event.action.code()));
        let moved = if event.from_status == Some(event.to_status) {
            String::new()
        } else {
            format!(" → {}", ui.label(event.to_status))
        };
        out.push(Line::from(vec![
            Span::styled(format!("{when} "), ui.theme.dim()),
            Span::styled(what, ui.theme.title()),
            Span::raw(format!(" · {}{moved}", harmless(&event.by))),
        ]));
        for text in [&event.detail, &event.reason] {
            if !text.is_empty() {
                out.push(Line::from(format!("    {}", harmless(text))));
            }
        }
    }
    out
}
