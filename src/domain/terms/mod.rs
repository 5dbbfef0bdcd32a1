//! Terms (сроки рассмотрения): the working-day calendar, the term rule, the statutory term,
//! urgency, and a day-by-day explanation of every computed term.

pub mod calendar;
mod rule;

pub use calendar::{Calendar, CalendarError, DayKind, YearStatus};
pub use rule::{
    CalendarWarning, DayCount, DayStep, Explanation, SkipReason, TermRule, TermStart, Terms,
    Urgency,
};

#[cfg(test)]
mod tests;
