//! Problems of the form in the operator's language. Each kind of problem is one message of
//! the catalogue; this table says which, and what goes into it.

use chrono::NaiveDate;

use crate::domain::validate::{Field, Problem, methods_of};
use crate::i18n::{Arg, Lang};
use crate::tui::ui::{Ui, date};

/// A message id and its arguments, as owned text until it is formatted.
type Message = (&'static str, Vec<(&'static str, String)>);

/// The problem as the operator reads it.
pub fn problem(problem: &Problem, ui: &Ui) -> String {
    let (id, args) = message(problem, ui);
    let args: Vec<(&str, Arg)> = args
        .iter()
        .map(|(name, value)| (*name, Arg::Str(value.as_str())))
        .collect();
    ui.text_with(id, &args)
}

fn message(problem: &Problem, ui: &Ui) -> Message {
    let field = |f: Field| field_in_sentence(f, ui.lang());
    let day = |d: &NaiveDate| date(*d);
    match problem {
        Problem::Required => ("problem-required", vec![]),
        Problem::RequiredWith { other } => {
            ("problem-required-with", vec![("other", field(*other))])
        }
        Problem::EmailForReply => ("problem-email-for-reply", vec![]),
        Problem::BadDate { text } => ("problem-bad-date", vec![("text", quoted(text))]),
        Problem::NoSuchDate { text } => ("problem-no-such-date", vec![("text", quoted(text))]),
        Problem::InFuture { date, today } => (
            "problem-in-future",
            vec![("date", day(date)), ("today", day(today))],
        ),
        Problem::Before {
            date,
            other,
            other_date,
        } => (
            "problem-before",
            vec![
                ("date", day(date)),
                ("other", field(*other)),
                ("other_date", day(other_date)),
            ],
        ),
        Problem::After {
            date,
            other,
            other_date,
        } => (
            "problem-after",
            vec![
                ("date", day(date)),
                ("other", field(*other)),
                ("other_date", day(other_date)),
            ],
        ),
        Problem::UnknownValue { text, allowed } => (
            "problem-unknown-value",
            vec![("text", quoted(text)), ("allowed", allowed.clone())],
        ),
        Problem::ChannelContradictsMethod { method, channel } => {
            let fitting: Vec<&str> = methods_of(*channel).iter().map(|m| ui.label(*m)).collect();
            let or = match ui.lang() {
                Lang::En => " or ",
                Lang::Ru => " или ",
            };
            let args = vec![
                ("channel", ui.label(*channel).to_string()),
                ("method", ui.label(*method).to_string()),
                ("fitting", fitting.join(or)),
            ];
            ("problem-channel-method", args)
        }
        Problem::BadEmail { text } => ("problem-bad-email", vec![("text", quoted(text))]),
        Problem::BadPhone { text } => ("problem-bad-phone", vec![("text", quoted(text))]),
        Problem::BadIinBin { text } => ("problem-bad-iin-bin", vec![("text", quoted(text))]),
        Problem::TooLong { limit, actual } => (
            "problem-too-long",
            vec![("limit", limit.to_string()), ("actual", actual.to_string())],
        ),
        Problem::ControlCharacter { found, position } => {
            let id = if matches!(found, '\n' | '\t') {
                "problem-line-break"
            } else {
                "problem-control-character"
            };
            let code = format!("U+{:04X}", u32::from(*found));
            (id, vec![("code", code), ("position", position.to_string())])
        }
    }
}

/// A field named inside a sentence: the lower-case English name, or the Russian label as
/// the form shows it (quoted by the message, since Russian would need another case).
fn field_in_sentence(field: Field, lang: Lang) -> String {
    match lang {
        Lang::En => field.label_en().to_string(),
        Lang::Ru => field.label_ru().to_string(),
    }
}

/// Typed text inside a message: short, and with nothing a terminal would act on.
fn quoted(text: &str) -> String {
    // A message names the text so the operator finds it; 30 characters are enough for that.
    const SHOWN: usize = 30;
    let harmless = crate::tui::ui::harmless(text);
    super::input::fit(&harmless, SHOWN)
}

/// Every kind of problem once, for the test that each has its message in both languages.
#[cfg(test)]
pub fn every_problem() -> Vec<Problem> {
    use crate::domain::labels::Labelled;
    use crate::domain::model::{Channel, Method};
    let day = NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date");
    vec![
        Problem::Required,
        Problem::RequiredWith { other: Field::Term },
        Problem::EmailForReply,
        Problem::BadDate {
            text: "32.13".into(),
        },
        Problem::NoSuchDate {
            text: "31.02.2026".into(),
        },
        Problem::InFuture {
            date: day,
            today: day,
        },
        Problem::Before {
            date: day,
            other: Field::AppealDate,
            other_date: day,
        },
        Problem::After {
            date: day,
            other: Field::ReceivedDate,
            other_date: day,
        },
        Problem::UnknownValue {
            text: "x".into(),
            allowed: Method::codes(),
        },
        Problem::ChannelContradictsMethod {
            method: Method::Oral,
            channel: Channel::Post,
        },
        Problem::BadEmail { text: "a@".into() },
        Problem::BadPhone { text: "12".into() },
        Problem::BadIinBin { text: "123".into() },
        Problem::TooLong {
            limit: 500,
            actual: 501,
        },
        Problem::ControlCharacter {
            found: '\n',
            position: 3,
        },
        Problem::ControlCharacter {
            found: '\u{1b}',
            position: 1,
        },
    ]
}
