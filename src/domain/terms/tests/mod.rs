//! Tests of the terms: the shipped calendar against the published facts, calendar files good
//! and bad, the term rule, urgency, and properties over random dates.

mod calendar_facts;
mod calendar_file;
mod properties;
mod term_rule;
mod urgency;

use chrono::NaiveDate;

/// A date in tests, where a wrong literal is the test's own bug.
fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a real date in a test")
}

/// The rule that counts working days from the received date.
fn working_rule() -> crate::domain::terms::TermRule {
    use crate::domain::terms::{DayCount, TermRule};
    TermRule {
        count: DayCount::Working,
        ..TermRule::default()
    }
}
