//! The time zone that decides what "today" is for terms and for the received date.

use std::fmt;

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

/// The configured time zone: a named IANA zone, or the system's own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Zone {
    /// Whatever the machine is set to (`chrono::Local`).
    #[default]
    Local,
    Named(Tz),
}

impl Zone {
    /// A zone by its IANA name, spelled exactly, e.g. `Asia/Almaty`.
    pub fn named(name: &str) -> Option<Zone> {
        name.parse::<Tz>().ok().map(Zone::Named)
    }

    /// The date on the office's calendar at the instant `now`.
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        self.wall_clock(now).date()
    }

    /// The office's wall-clock time at an instant, to show when something happened.
    pub fn wall_clock(&self, at: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Local => at.with_timezone(&Local).naive_local(),
            Zone::Named(tz) => at.with_timezone(tz).naive_local(),
        }
    }
}

impl Zone {
    /// The instant `at` as the office's clock shows it, in a `chrono` format.
    pub fn format(&self, at: DateTime<Utc>, pattern: &str) -> String {
        match self {
            Zone::Local => at.with_timezone(&Local).format(pattern).to_string(),
            Zone::Named(tz) => at.with_timezone(tz).format(pattern).to_string(),
        }
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Zone::Local => f.write_str("local"),
            Zone::Named(tz) => f.write_str(tz.name()),
        }
    }
}
