//! How the term was computed, day by day, worded from the catalogue so that it reads in the
//! screen's language: the rule, each day counted or skipped and why, a move off a day off,
//! and the calendar's warnings. The statutory term is explained the same way.

use ratatui::text::Line;

use super::sections::heading;
use crate::domain::terms::{
    CalendarWarning, DayCount, DayStep, Explanation, SkipReason, TermStart,
};
use crate::i18n::Arg;
use crate::service::api::AppealView;
use crate::tui::ui::{Ui, date, harmless};

pub fn lines(view: &AppealView, ui: &Ui) -> Vec<Line<'static>> {
    let mut out = vec![heading(ui, "card-term-explained")];
    out.extend(explain(&view.term, ui));
    out.push(Line::default());
    out.push(heading(ui, "card-statutory-explained"));
    out.extend(explain(&view.statutory, ui));
    out.push(Line::default());
    out
}

fn explain(explanation: &Explanation, ui: &Ui) -> Vec<Line<'static>> {
    let mut out = vec![Line::from(rule(explanation, ui))];
    out.extend(
        explanation
            .steps
            .iter()
            .map(|step| step_line(explanation, step, ui)),
    );
    if let Some(reason) = &explanation.last_day_off {
        let args = [
            ("term", Arg::Str(&date(explanation.term))),
            ("last", Arg::Str(&date(explanation.last_counted))),
            ("reason", Arg::Str(&reason_text(reason, ui))),
        ];
        out.push(Line::from(ui.text_with("explain-moved", &args)));
    }
    let term = date(explanation.term);
    out.push(Line::styled(
        ui.text_with("explain-term", &[("term", Arg::Str(&term))]),
        ui.theme.title(),
    ));
    out.extend(
        explanation
            .warnings
            .iter()
            .map(|w| Line::styled(warning(w, ui), ui.theme.error())),
    );
    out
}

fn rule(explanation: &Explanation, ui: &Ui) -> String {
    let count = match explanation.rule.count {
        DayCount::Calendar => "calendar",
        DayCount::Working => "working",
    };
    let start = match explanation.rule.start {
        TermStart::Received => "received",
        TermStart::Registered => "registered",
    };
    let from = date(explanation.start);
    let args = [
        ("days", Arg::from(explanation.rule.days)),
        ("count", Arg::Str(count)),
        ("start", Arg::Str(start)),
        ("from", Arg::Str(&from)),
    ];
    ui.text_with("explain-rule", &args)
}

fn step_line(explanation: &Explanation, step: &DayStep, ui: &Ui) -> Line<'static> {
    let day = date(step.date);
    match (&step.counted, &step.skipped) {
        (Some(number), _) => {
            let args = [("date", Arg::Str(&day)), ("number", Arg::from(*number))];
            Line::from(ui.text_with("explain-counted", &args))
        }
        (None, Some(reason)) => {
            let id = if step.date > explanation.last_counted {
                "explain-passed"
            } else {
                "explain-skipped"
            };
            let reason = reason_text(reason, ui);
            let args = [("date", Arg::Str(&day)), ("reason", Arg::Str(&reason))];
            Line::styled(ui.text_with(id, &args), ui.theme.dim())
        }
        (None, None) => Line::from(day),
    }
}

fn reason_text(reason: &SkipReason, ui: &Ui) -> String {
    match reason {
        SkipReason::Weekend => ui.text("explain-weekend"),
        SkipReason::DayOff { name, source } => {
            format!("{} ({})", harmless(name), harmless(source))
        }
    }
}

fn warning(warning: &CalendarWarning, ui: &Ui) -> String {
    match warning {
        CalendarWarning::YearNotLoaded { year } => ui.text_with(
            "explain-no-calendar",
            &[("year", Arg::from(i64::from(*year)))],
        ),
        CalendarWarning::Provisional { year, source } => {
            let args = [
                ("year", Arg::from(i64::from(*year))),
                ("source", Arg::Str(source)),
            ];
            ui.text_with("explain-provisional", &args)
        }
    }
}
