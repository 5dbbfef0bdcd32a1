//! Checks of what an action carries: texts, dates and the executors it names.

use chrono::NaiveDate;

use super::Context;
use crate::domain::action::Refusal;
use crate::domain::user::{Login, Role};

/// The longest free text an action may carry. A reply letter or a list of reasons fits well
/// within it, and it keeps every history event small enough to show and store.
pub const MAX_TEXT: usize = 4_000;

/// The longest one-line field, such as an outgoing number: real ones are a dozen characters,
/// and the registration journal shows them in a narrow column.
pub const MAX_LINE: usize = 40;

/// A multi-line text that must be given: trimmed, with Windows line ends made plain.
pub fn required(field: &'static str, text: &str) -> Result<String, Refusal> {
    let text = optional(field, text)?;
    if text.is_empty() {
        Err(Refusal::Missing {
            field: field.into(),
        })
    } else {
        Ok(text)
    }
}

/// A multi-line text that may be empty. Newlines and tabs are the only control characters
/// allowed: anything else could move an operator's cursor when the text is shown.
pub fn optional(field: &'static str, text: &str) -> Result<String, Refusal> {
    let text = text.replace("\r\n", "\n");
    let text = text.trim();
    check_chars(field, text, |c| c == '\n' || c == '\t')?;
    check_length(field, text, MAX_TEXT)?;
    Ok(text.to_string())
}

/// A one-line field that must be given.
pub fn line(field: &'static str, text: &str) -> Result<String, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Refusal::Missing {
            field: field.into(),
        });
    }
    check_chars(field, text, |_| false)?;
    check_length(field, text, MAX_LINE)?;
    Ok(text.to_string())
}

fn check_chars(field: &'static str, text: &str, allowed: fn(char) -> bool) -> Result<(), Refusal> {
    match text.chars().find(|&c| c.is_control() && !allowed(c)) {
        Some(c) => Err(Refusal::Invalid {
            field: field.into(),
            problem: format!("contains the control character U+{:04X}", u32::from(c)),
        }),
        None => Ok(()),
    }
}

fn check_length(field: &'static str, text: &str, limit: usize) -> Result<(), Refusal> {
    let length = text.chars().count();
    if length > limit {
        let problem = format!("{length} characters, at most {limit} allowed");
        return Err(Refusal::Invalid {
            field: field.into(),
            problem,
        });
    }
    Ok(())
}

/// A date that must already have come: something the actor says has happened.
pub fn not_future(field: &'static str, date: NaiveDate, today: NaiveDate) -> Result<(), Refusal> {
    if date > today {
        Err(Refusal::DateInFuture {
            field: field.into(),
            date,
        })
    } else {
        Ok(())
    }
}

/// A date that cannot precede `limit`, usually the day the appeal was received.
pub fn not_before(field: &'static str, date: NaiveDate, limit: NaiveDate) -> Result<(), Refusal> {
    if date < limit {
        Err(Refusal::DateTooEarly {
            field: field.into(),
            date,
            limit,
        })
    } else {
        Ok(())
    }
}

/// Executors named in a resolution: at least one, each an active user with the executor role,
/// none twice. Logins are taken as typed, save surrounding spaces.
pub fn executors(logins: &[Login], ctx: &Context) -> Result<Vec<Login>, Refusal> {
    if logins.is_empty() {
        return Err(Refusal::Missing {
            field: "executors".into(),
        });
    }
    let mut checked: Vec<Login> = Vec::with_capacity(logins.len());
    for login in logins {
        let login = executor(login, ctx)?;
        if checked.contains(&login) {
            return Err(Refusal::DuplicateExecutor { login });
        }
        checked.push(login);
    }
    Ok(checked)
}

/// One user who is to execute an appeal: known, active, and holding the executor role.
pub fn executor(login: &str, ctx: &Context) -> Result<Login, Refusal> {
    let login = login.trim().to_string();
    match (ctx.users)(&login) {
        Some(user) if user.has(Role::Executor) => Ok(user.login),
        Some(user) if user.active => Err(Refusal::NotAnExecutor { login }),
        _ => Err(Refusal::UnknownUser { login }),
    }
}
