//! The term rule and its computation, explained day by day.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;

/// Which days are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayCount {
    Calendar,
    Working,
}

/// Which date the count starts after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TermStart {
    Received,
    Registered,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermRule {
    pub days: u32,
    pub count: DayCount,
    pub start: TermStart,
}

impl Default for TermRule {
    fn default() -> Self {
        TermRule { days: 10, count: DayCount::Calendar, start: TermStart::Received }
    }
}

/// Why a day was not counted, or why the last day moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SkipReason {
    Weekend,
    DayOff { name: String, source: String },
}

/// One day of an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayStep {
    pub date: NaiveDate,
    /// Its number in the count, when it was counted.
    pub counted: Option<u32>,
    /// Why it was skipped (working-day count) or passed over (moving the last day).
    pub skipped: Option<SkipReason>,
}

/// Something the calendar could not vouch for while computing a term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CalendarWarning {
    YearNotLoaded { year: i32 },
    Provisional { year: i32, source: String },
}

/// How a term was computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub rule: TermRule,
    pub start: NaiveDate,
    pub steps: Vec<DayStep>,
    /// The last counted day, before any move off a day off.
    pub last_counted: NaiveDate,
    pub term: NaiveDate,
    pub warnings: Vec<CalendarWarning>,
}

/// How close a term is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Urgency {
    Overdue { days: u32 },
    DueToday,
    DueSoon { working_days: u32 },
    Fine,
    /// The reply is sent: the term no longer runs.
    Answered,
}

/// Everything needed to compute terms: the rule, the calendar and the fixed periods.
#[derive(Debug, Clone)]
pub struct Terms {
    pub rule: TermRule,
    pub calendar: Calendar,
    /// Working days of the statutory term (APPC art. 76).
    pub statutory_days: u32,
    /// Working days ahead that count as due soon.
    pub due_soon_days: u32,
    /// Working days within which the applicant must be told of an extension.
    pub notice_days: u32,
}

impl Terms {
    pub fn new(rule: TermRule, calendar: Calendar) -> Terms {
        Terms { rule, calendar, statutory_days: 15, due_soon_days: 2, notice_days: 3 }
    }

    pub fn internal(&self, received: NaiveDate, _registered: NaiveDate) -> Explanation {
        self.explain_count(self.rule, received)
    }

    pub fn statutory(&self, received: NaiveDate) -> Explanation {
        let rule =
            TermRule { days: self.statutory_days, count: DayCount::Working, start: TermStart::Received };
        self.explain_count(rule, received)
    }

    fn explain_count(&self, rule: TermRule, from: NaiveDate) -> Explanation {
        let term = from + chrono::Days::new(u64::from(rule.days));
        Explanation { rule, start: from, steps: vec![], last_counted: term, term, warnings: vec![] }
    }

    pub fn add_working_days(&self, date: NaiveDate, days: u32) -> NaiveDate {
        date + chrono::Days::new(u64::from(days))
    }

    pub fn urgency(&self, term: NaiveDate, today: NaiveDate, open: bool) -> Urgency {
        if !open {
            Urgency::Answered
        } else if today > term {
            Urgency::Overdue { days: (today - term).num_days() as u32 }
        } else if today == term {
            Urgency::DueToday
        } else {
            Urgency::Fine
        }
    }

    pub fn is_working(&self, date: NaiveDate) -> bool {
        self.calendar.day(date).is_working()
    }
}
