//! What can be wrong with a field, in words an operator can act on.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::field::Field;
use super::methods_of;
use super::text::shown;
use crate::domain::labels::Labelled;
use crate::domain::model::{Channel, Method};

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Empty, but the regulation requires it.
    Required,
    /// Empty, but another field needs it: a term and its basis go together.
    RequiredWith {
        other: Field,
    },
    /// Empty, but the reply is to go by e-mail.
    EmailForReply,
    /// Not a date in any accepted shape.
    BadDate {
        text: String,
    },
    /// Shaped like a date, but no such day exists (`31.02.2026`).
    NoSuchDate {
        text: String,
    },
    /// A date after today, where only the past makes sense.
    InFuture {
        date: NaiveDate,
        today: NaiveDate,
    },
    /// A date earlier than another field's date allows.
    Before {
        date: NaiveDate,
        other: Field,
        other_date: NaiveDate,
    },
    /// A date later than another field's date allows.
    After {
        date: NaiveDate,
        other: Field,
        other_date: NaiveDate,
    },
    /// None of the values of an enumeration; `allowed` lists their codes.
    UnknownValue {
        text: String,
        allowed: String,
    },
    /// The channel cannot carry an appeal made by this method (a phone call is not written).
    ChannelContradictsMethod {
        method: Method,
        channel: Channel,
    },
    BadEmail {
        text: String,
    },
    BadPhone {
        text: String,
    },
    BadIinBin {
        text: String,
    },
    /// Longer than the field holds, in characters.
    TooLong {
        limit: usize,
        actual: usize,
    },
    /// A character that could act on a terminal; `position` counts characters from 1.
    ControlCharacter {
        found: char,
        position: usize,
    },
}

/// A problem and the field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field.label_en(), self.problem)
    }
}

impl std::error::Error for FieldError {}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Required => f.write_str("required"),
            Problem::RequiredWith { other } => write!(f, "required when the {other} is given"),
            Problem::EmailForReply => f.write_str("required when the reply method is e-mail"),
            Problem::BadDate { text } => {
                write!(
                    f,
                    "`{}` is not a date: type dd.mm.yyyy or yyyy-mm-dd",
                    shown(text)
                )
            }
            Problem::NoSuchDate { text } => write!(f, "{} is not a date that exists", shown(text)),
            Problem::InFuture { date, today } => {
                write!(
                    f,
                    "{} is in the future (today is {})",
                    dmy(*date),
                    dmy(*today)
                )
            }
            Problem::Before {
                date,
                other,
                other_date,
            } => {
                write!(
                    f,
                    "{} is before the {other} {}",
                    dmy(*date),
                    dmy(*other_date)
                )
            }
            Problem::After {
                date,
                other,
                other_date,
            } => {
                write!(
                    f,
                    "{} is after the {other} {}",
                    dmy(*date),
                    dmy(*other_date)
                )
            }
            Problem::UnknownValue { text, allowed } => {
                write!(f, "`{}` is not one of: {allowed}", shown(text))
            }
            Problem::ChannelContradictsMethod { method, channel } => {
                contradiction(f, *method, *channel)
            }
            Problem::BadEmail { text } => write!(f, "`{}` {BAD_EMAIL}", shown(text)),
            Problem::BadPhone { text } => write!(f, "`{}` {BAD_PHONE}", shown(text)),
            Problem::BadIinBin { text } => write!(f, "`{}` {BAD_IIN_BIN}", shown(text)),
            Problem::TooLong { limit, actual } => {
                write!(f, "too long: {actual} characters, at most {limit}")
            }
            Problem::ControlCharacter { found, position } => control(f, *found, *position),
        }
    }
}

const BAD_EMAIL: &str = "is not an e-mail address: expected name@domain.tld without spaces";
const BAD_PHONE: &str =
    "is not a phone number: use digits, spaces, +, - and parentheses, 5 to 20 digits";
const BAD_IIN_BIN: &str = "is not an IIN/BIN: it is exactly 12 digits";

fn contradiction(f: &mut fmt::Formatter<'_>, method: Method, channel: Channel) -> fmt::Result {
    let fitting: Vec<&str> = methods_of(channel).iter().map(|m| m.label_en()).collect();
    let channel = channel.label_en();
    write!(
        f,
        "the channel {channel} does not fit the method {}: {channel} takes {} appeals",
        method.label_en(),
        fitting.join(" or ")
    )
}

fn control(f: &mut fmt::Formatter<'_>, found: char, position: usize) -> fmt::Result {
    let code = u32::from(found);
    if matches!(found, '\n' | '\t') {
        write!(
            f,
            "a line break or tab (U+{code:04X}) at character {position}: this field is one line"
        )
    } else {
        write!(
            f,
            "a control or text-direction character (U+{code:04X}) at character {position}: \
             remove it"
        )
    }
}

/// Dates in messages show as the operators write them.
fn dmy(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}
