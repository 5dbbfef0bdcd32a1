//! How the term was computed, day by day, worded from the catalogue so that it reads in the
//! screen's language: the rule, each day counted or skipped and why, a move off a day off,
//! and the calendar's warnings. The statutory term is explained the same way.

use ratatui::text::Line;

use super::sections::heading;
use crate::domain::model::{Appeal, TermBasis};
use crate::domain::terms::{
    CalendarWarning, DayCount, DayStep, Explanation, SkipReason, TermStart,
};
use crate::i18n::Arg;
use crate::service::api::AppealView;
use crate::tui::ui::{Ui, date, harmless};

pub fn lines(view: &AppealView, ui: &Ui) -> Vec<Line<'static>> {
    let mut out = vec![heading(ui, "card-term-explained")];
    let overridden = overrides(&view.appeal, &view.term, ui);
    let by_rule = !overridden.is_empty();
    out.extend(overridden);
    if by_rule {
        let term = date(view.term.term);
        out.push(Line::styled(
            ui.text_with("explain-by-rule", &[("term", Arg::Str(&term))]),
            ui.theme.dim(),
        ));
    }
    out.extend(explain(&view.term, ui));
    out.push(Line::default());
    out.push(heading(ui, "card-statutory-explained"));
    out.extend(explain(&view.statutory, ui));
    out.push(Line::default());
    out
}

/// What made the term other than the rule's: the date a state body or a norm set, with its
/// basis, and every extension with its reasons and the day the applicant was told. Empty
/// when the term is the rule's own, which the day-by-day count then explains alone.
fn overrides(appeal: &Appeal, by_rule: &Explanation, ui: &Ui) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let set = match &appeal.term_basis {
        TermBasis::Set { basis } => Some((appeal.term, basis.as_str())),
        TermBasis::Extended => appeal
            .reg
            .term_override
            .as_ref()
            .map(|(day, basis)| (*day, basis.as_str())),
        TermBasis::Rule => None,
    };
    let first = appeal.extensions.first().map(|e| e.previous_term);
    if let Some((day, basis)) = set.filter(|(day, _)| first.is_none_or(|f| f == *day)) {
        let args = [
            ("term", Arg::Str(&date(day))),
            ("basis", Arg::Str(&harmless(basis))),
        ];
        out.push(Line::styled(
            ui.text_with("explain-set", &args),
            ui.theme.title(),
        ));
    }
    for extension in &appeal.extensions {
        let args = [
            ("from", Arg::Str(&date(extension.previous_term))),
            ("to", Arg::Str(&date(extension.new_term))),
            ("on", Arg::Str(&date(ui.local_date(extension.at)))),
            ("by", Arg::Str(&harmless(&extension.by))),
        ];
        out.push(Line::styled(
            ui.text_with("explain-extended", &args),
            ui.theme.title(),
        ));
        let reasons = [("reasons", Arg::Str(&harmless(&extension.reasons)))];
        out.push(Line::from(
            ui.text_with("explain-extension-reasons", &reasons),
        ));
        let told = [("told", Arg::Str(&date(extension.applicant_told)))];
        out.push(Line::from(ui.text_with("explain-extension-told", &told)));
    }
    if out.is_empty() && appeal.term != by_rule.term {
        // A term that differs from the rule with nothing on record to say why: say so rather
        // than let the count below pass for its explanation.
        let args = [("term", Arg::Str(&date(appeal.term)))];
        out.push(Line::styled(
            ui.text_with("explain-other", &args),
            ui.theme.title(),
        ));
    }
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
