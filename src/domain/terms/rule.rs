//! The term rule and its computation, explained day by day: the internal term, the statutory
//! term, urgency and the deadline for telling the applicant of an extension.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::calendar::{Calendar, DayKind, YearStatus};

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
        TermRule {
            days: 10,
            count: DayCount::Calendar,
            start: TermStart::Received,
        }
    }
}

/// Why a day was not counted, or why the last day moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SkipReason {
    Weekend,
    DayOff { name: String, source: String },
}

impl SkipReason {
    /// Why `kind` is not a working day; `None` when it is one.
    fn of(kind: DayKind) -> Option<SkipReason> {
        match kind {
            DayKind::Working | DayKind::WorkingWeekend { .. } => None,
            DayKind::Weekend => Some(SkipReason::Weekend),
            DayKind::DayOff { name, source } => Some(SkipReason::DayOff { name, source }),
        }
    }
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

impl DayStep {
    fn counted(date: NaiveDate, number: u32) -> DayStep {
        DayStep {
            date,
            counted: Some(number),
            skipped: None,
        }
    }

    fn skipped(date: NaiveDate, reason: SkipReason) -> DayStep {
        DayStep {
            date,
            counted: None,
            skipped: Some(reason),
        }
    }
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
    /// Why the last counted day could not be the term; set exactly when the term moved.
    pub last_day_off: Option<SkipReason>,
    pub term: NaiveDate,
    pub warnings: Vec<CalendarWarning>,
}

/// How close a term is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Urgency {
    Overdue {
        days: u32,
    },
    DueToday,
    DueSoon {
        working_days: u32,
    },
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
    /// Terms with the periods of DESIGN.md section 4: the statutory 15 working days (APPC
    /// art. 76), due soon within 2 working days, extensions told within 3 working days.
    pub fn new(rule: TermRule, calendar: Calendar) -> Terms {
        Terms {
            rule,
            calendar,
            statutory_days: 15,
            due_soon_days: 2,
            notice_days: 3,
        }
    }

    /// The internal term by the configured rule, counted from the day after the received or
    /// the registration date.
    pub fn internal(&self, received: NaiveDate, registered: NaiveDate) -> Explanation {
        let start = match self.rule.start {
            TermStart::Received => received,
            TermStart::Registered => registered,
        };
        self.explain(self.rule, start)
    }

    /// The statutory term: `statutory_days` working days from the day after receipt.
    pub fn statutory(&self, received: NaiveDate) -> Explanation {
        let rule = TermRule {
            days: self.statutory_days,
            count: DayCount::Working,
            start: TermStart::Received,
        };
        self.explain(rule, received)
    }

    /// The `days`-th working day after `date`; `date` itself when `days` is 0.
    pub fn add_working_days(&self, date: NaiveDate, days: u32) -> NaiveDate {
        match days.checked_sub(1) {
            None => date,
            Some(index) => self
                .working_days_after(date)
                .nth(as_index(index))
                .unwrap_or(date),
        }
    }

    /// How many working days lie after `from`, up to and including `to`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let days = self
            .working_days_after(from)
            .take_while(|&date| date <= to)
            .count();
        u32::try_from(days).unwrap_or(u32::MAX)
    }

    pub fn urgency(&self, term: NaiveDate, today: NaiveDate, open: bool) -> Urgency {
        if !open {
            Urgency::Answered
        } else if today > term {
            let days = (today - term).num_days();
            Urgency::Overdue {
                days: u32::try_from(days).unwrap_or(u32::MAX),
            }
        } else if today == term {
            Urgency::DueToday
        } else {
            match self.working_days_to_reach(today, term, self.due_soon_days) {
                Some(working_days) => Urgency::DueSoon { working_days },
                None => Urgency::Fine,
            }
        }
    }

    /// The last day on which the applicant may be told of an extension decided on `decided`.
    pub fn notice_deadline(&self, decided: NaiveDate) -> NaiveDate {
        self.add_working_days(decided, self.notice_days)
    }

    /// Whether the applicant was told of an extension more than `notice_days` working days
    /// after it was decided. For a notice not yet recorded, pass today as `told`.
    pub fn late_notice(&self, decided: NaiveDate, told: NaiveDate) -> bool {
        told > self.notice_deadline(decided)
    }

    pub fn is_working(&self, date: NaiveDate) -> bool {
        self.calendar.is_working(date)
    }

    fn working_days_after(&self, date: NaiveDate) -> impl Iterator<Item = NaiveDate> + '_ {
        date.iter_days()
            .skip(1)
            .filter(|&day| self.calendar.is_working(day))
    }

    /// The fewest working days after `today` that reach `term`, when no more than `limit`:
    /// the smallest k with `term <= add_working_days(today, k)`.
    fn working_days_to_reach(&self, today: NaiveDate, term: NaiveDate, limit: u32) -> Option<u32> {
        let index = self
            .working_days_after(today)
            .take(as_index(limit))
            .position(|d| d >= term)?;
        Some(u32::try_from(index + 1).unwrap_or(u32::MAX))
    }

    fn explain(&self, rule: TermRule, start: NaiveDate) -> Explanation {
        let mut steps = Vec::new();
        let (last_counted, term, last_day_off) = match rule.count {
            DayCount::Calendar => {
                let last = count_calendar_days(start, rule.days, &mut steps);
                let (term, reason) = self.move_to_working_day(last, &mut steps);
                (last, term, reason)
            }
            DayCount::Working => {
                let last = self.count_working_days(start, rule.days, &mut steps);
                (last, last, None)
            }
        };
        let first = steps.first().map_or(term, |step| step.date);
        let warnings = self.warnings(first, term);
        Explanation {
            rule,
            start,
            steps,
            last_counted,
            last_day_off,
            term,
            warnings,
        }
    }

    fn count_working_days(
        &self,
        start: NaiveDate,
        days: u32,
        steps: &mut Vec<DayStep>,
    ) -> NaiveDate {
        let mut last = start;
        let mut counted = 0;
        for date in start.iter_days().skip(1) {
            if counted == days {
                break;
            }
            match SkipReason::of(self.calendar.day(date)) {
                Some(reason) => steps.push(DayStep::skipped(date, reason)),
                None => {
                    counted += 1;
                    steps.push(DayStep::counted(date, counted));
                    last = date;
                }
            }
        }
        last
    }

    /// Moves a calendar-day term off a day off to the next working day, recording the days
    /// passed over; returns the term and why the last counted day could not be it.
    fn move_to_working_day(
        &self,
        last: NaiveDate,
        steps: &mut Vec<DayStep>,
    ) -> (NaiveDate, Option<SkipReason>) {
        let Some(reason) = SkipReason::of(self.calendar.day(last)) else {
            return (last, None);
        };
        for date in last.iter_days().skip(1) {
            match SkipReason::of(self.calendar.day(date)) {
                Some(skipped) => steps.push(DayStep::skipped(date, skipped)),
                None => return (date, Some(reason)),
            }
        }
        // Only past the last date chrono can hold: keep the last counted day.
        (last, None)
    }

    /// One warning for each year from `first` to `term` the calendar does not fully vouch for.
    fn warnings(&self, first: NaiveDate, term: NaiveDate) -> Vec<CalendarWarning> {
        (first.year()..=term.year())
            .filter_map(|year| match self.calendar.year_status(year) {
                YearStatus::Official { .. } => None,
                YearStatus::Provisional { source } => {
                    Some(CalendarWarning::Provisional { year, source })
                }
                YearStatus::NotLoaded => Some(CalendarWarning::YearNotLoaded { year }),
            })
            .collect()
    }
}

fn count_calendar_days(start: NaiveDate, days: u32, steps: &mut Vec<DayStep>) -> NaiveDate {
    let mut last = start;
    for (number, date) in (1..=days).zip(start.iter_days().skip(1)) {
        steps.push(DayStep::counted(date, number));
        last = date;
    }
    last
}

fn as_index(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// Dates as operators read them: dd.mm.yyyy.
fn dmy(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

// The English rendering. It only words what the struct holds, so that another language can
// render the same data from its own message catalogue.
impl Explanation {
    /// The explanation as short English lines, one per day, then the move, the term and the
    /// warnings.
    pub fn lines_en(&self) -> Vec<String> {
        let mut lines = vec![self.rule_line_en()];
        lines.extend(self.steps.iter().map(|step| self.step_line_en(step)));
        if let Some(reason) = &self.last_day_off {
            let (term, last) = (dmy(self.term), dmy(self.last_counted));
            let reason = reason_en(reason);
            lines.push(format!(
                "term moved to {term}: {last} is not a working day, {reason}"
            ));
        }
        lines.push(format!("term: {}", dmy(self.term)));
        lines.extend(self.warnings.iter().map(warning_en));
        lines
    }

    fn rule_line_en(&self) -> String {
        let count = match self.rule.count {
            DayCount::Calendar => "calendar",
            DayCount::Working => "working",
        };
        let start = match self.rule.start {
            TermStart::Received => "received",
            TermStart::Registered => "registered",
        };
        let (days, from) = (self.rule.days, dmy(self.start));
        format!("{days} {count} days counted from the day after {from} ({start})")
    }

    fn step_line_en(&self, step: &DayStep) -> String {
        let date = dmy(step.date);
        match (&step.counted, &step.skipped) {
            (Some(number), _) => format!("{date} day {number}"),
            (None, Some(reason)) if step.date > self.last_counted => {
                format!("{date} passed over: {}", reason_en(reason))
            }
            (None, Some(reason)) => format!("{date} skipped: {}", reason_en(reason)),
            (None, None) => date,
        }
    }
}

fn reason_en(reason: &SkipReason) -> String {
    match reason {
        SkipReason::Weekend => "weekend".to_string(),
        SkipReason::DayOff { name, source } => format!("{name} ({source})"),
    }
}

fn warning_en(warning: &CalendarWarning) -> String {
    match warning {
        CalendarWarning::YearNotLoaded { year } => {
            format!("warning: no calendar loaded for {year}; only weekends were taken as days off")
        }
        CalendarWarning::Provisional { year, source } => {
            format!("warning: the calendar for {year} is provisional ({source})")
        }
    }
}
