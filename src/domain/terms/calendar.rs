//! The working-day calendar: weekends, holidays that move off weekends, days off that never
//! move, and transfers by government order, each entry with its source.
//!
//! The calendar is read from a TOML file (the format is described at the top of
//! `calendars/kz.toml`) and turned once into a map of the days that differ from the plain
//! weekend rule, so that [`Calendar::day`] is a hash lookup in the loops that count terms.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The calendar shipped with the program (Kazakhstan, 2025-2027).
pub const EMBEDDED_KZ: &str = include_str!("../../../calendars/kz.toml");

/// How a moved holiday is named when the file does not say.
const DEFAULT_MOVED_NAME: &str = "{name} (перенос с {date})";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("calendar {origin}: {message}")]
    Parse { origin: String, message: String },
}

/// What kind of day a date is, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayKind {
    Working,
    /// A working Saturday or Sunday by a transfer order.
    WorkingWeekend {
        name: String,
        source: String,
    },
    Weekend,
    /// A day off: a holiday, a holiday moved off a weekend, a fixed day off or a transfer.
    DayOff {
        name: String,
        source: String,
    },
}

impl DayKind {
    pub fn is_working(&self) -> bool {
        matches!(self, DayKind::Working | DayKind::WorkingWeekend { .. })
    }
}

/// How far a year of the calendar can be trusted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum YearStatus {
    Official { source: String },
    Provisional { source: String },
    NotLoaded,
}

/// A loaded calendar: the weekend rule, the loaded years and their exceptional days.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// Whether each day of the week, counted from Monday, is a weekend day.
    weekend: [bool; 7],
    years: BTreeMap<i32, YearStatus>,
    /// Every day of a loaded year that is not what the weekend rule alone makes it.
    exceptions: HashMap<NaiveDate, DayKind>,
}

impl Calendar {
    /// Reads a calendar file; `origin` names it in errors (a path, or "embedded").
    pub fn parse(text: &str, origin: &str) -> Result<Calendar, CalendarError> {
        let error = |message| CalendarError::Parse {
            origin: origin.to_string(),
            message,
        };
        let raw: RawFile =
            toml::from_str(text).map_err(|e| error(describe_toml_error(text, &e)))?;
        build(raw).map_err(error)
    }

    pub fn embedded() -> Calendar {
        Calendar::parse(EMBEDDED_KZ, "embedded").expect("the embedded calendar parses")
    }

    /// What kind of day `date` is. In a year that is not loaded only weekends are days off.
    pub fn day(&self, date: NaiveDate) -> DayKind {
        if let Some(kind) = self.exception(date) {
            return kind.clone();
        }
        if self.is_weekend(date) {
            DayKind::Weekend
        } else {
            DayKind::Working
        }
    }

    /// Whether `date` is a working day; the same answer as [`Calendar::day`] without copying
    /// the names, for loops over many days.
    pub fn is_working(&self, date: NaiveDate) -> bool {
        match self.exception(date) {
            Some(kind) => kind.is_working(),
            None => !self.is_weekend(date),
        }
    }

    pub fn year_status(&self, year: i32) -> YearStatus {
        self.years
            .get(&year)
            .cloned()
            .unwrap_or(YearStatus::NotLoaded)
    }

    /// The years the calendar vouches for, in order.
    pub fn loaded_years(&self) -> Vec<i32> {
        self.years.keys().copied().collect()
    }

    fn exception(&self, date: NaiveDate) -> Option<&DayKind> {
        // Exceptions only ever hold days of loaded years, but a holiday of the last loaded
        // year can move into the next one; an unloaded year must stay weekends only.
        if !self.years.contains_key(&date.year()) {
            return None;
        }
        self.exceptions.get(&date)
    }

    fn is_weekend(&self, date: NaiveDate) -> bool {
        self.weekend[date.weekday().num_days_from_monday() as usize]
    }
}

// The file as written. Private, so `default` is harmless here: nothing else serializes it.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    weekend: Vec<String>,
    moved_holiday_source: String,
    #[serde(default = "default_moved_name")]
    moved_holiday_name: String,
    #[serde(default)]
    holiday: Vec<RawEntry>,
    #[serde(default)]
    fixed_day_off: Vec<RawEntry>,
    #[serde(default)]
    year: BTreeMap<String, RawYear>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    /// A quoted string, or for per-year entries also a bare TOML date.
    date: toml::Value,
    name: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    status: RawStatus,
    source: String,
    #[serde(default)]
    day_off: Vec<RawEntry>,
    #[serde(default)]
    working_day: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum RawStatus {
    Official,
    Provisional,
}

fn default_moved_name() -> String {
    DEFAULT_MOVED_NAME.to_string()
}

/// A holiday or fixed day off that recurs every year on the same month and day.
struct Annual {
    month: u32,
    day: u32,
    name: String,
    source: String,
}

/// A holiday that fell on a weekend day and still needs its day off.
struct Pending {
    date: NaiveDate,
    name: String,
}

/// Turns the file into a calendar; the error says which entry is wrong and why.
fn build(raw: RawFile) -> Result<Calendar, String> {
    let weekend = parse_weekend(&raw.weekend)?;
    let holidays = parse_annual(&raw.holiday, "holiday")?;
    let fixed = parse_annual(&raw.fixed_day_off, "fixed_day_off")?;
    let years = parse_years(raw.year)?;

    let mut calendar = Calendar {
        weekend,
        years: BTreeMap::new(),
        exceptions: HashMap::new(),
    };
    let mut pending = Vec::new();
    for (&year, (_, entries)) in &years {
        pending.extend(calendar.add_annual(year, &holidays, true));
        calendar.add_annual(year, &fixed, false);
        for (index, entry) in entries.day_off.iter().enumerate() {
            let date = parse_year_date(year, entry, "day_off", index)?;
            calendar.add_day_off(date, &entry.name, &entry.source);
        }
    }

    // In date order, so that of two holidays on one weekend the earlier takes the first
    // free weekday (21 and 22 March 2026 become 24 and 25 March).
    pending.sort_by_key(|p| p.date);
    for holiday in pending {
        calendar.move_off_weekend(&holiday, &raw.moved_holiday_name, &raw.moved_holiday_source);
    }

    for (&year, (_, entries)) in &years {
        for (index, entry) in entries.working_day.iter().enumerate() {
            calendar.add_working_weekend(year, entry, index)?;
        }
    }
    calendar.years = years
        .into_iter()
        .map(|(year, (status, _))| (year, status))
        .collect();
    Ok(calendar)
}

impl Calendar {
    /// Adds the days off that recur every year; returns the holidays that fell on a weekend
    /// day when they are to move.
    fn add_annual(&mut self, year: i32, annual: &[Annual], moves: bool) -> Vec<Pending> {
        let mut pending = Vec::new();
        for entry in annual {
            // 29 February exists only in leap years; in other years there is nothing to add.
            let Some(date) = NaiveDate::from_ymd_opt(year, entry.month, entry.day) else {
                continue;
            };
            self.add_day_off(date, &entry.name, &entry.source);
            if moves && self.is_weekend(date) {
                pending.push(Pending {
                    date,
                    name: entry.name.clone(),
                });
            }
        }
        pending
    }

    /// Marks a day off; when two entries fall on one day (Kurban ait on a holiday, say),
    /// both names and sources are kept.
    fn add_day_off(&mut self, date: NaiveDate, name: &str, source: &str) {
        let kind = match self.exceptions.remove(&date) {
            Some(DayKind::DayOff {
                name: old_name,
                source: old_source,
            }) => DayKind::DayOff {
                name: format!("{old_name}; {name}"),
                source: format!("{old_source}; {source}"),
            },
            _ => DayKind::DayOff {
                name: name.to_string(),
                source: source.to_string(),
            },
        };
        self.exceptions.insert(date, kind);
    }

    /// Gives a holiday that fell on a weekend day its day off on the next free weekday.
    fn move_off_weekend(&mut self, holiday: &Pending, template: &str, source: &str) {
        let free =
            |date: &NaiveDate| !self.is_weekend(*date) && !self.exceptions.contains_key(date);
        // Terminates: the weekend leaves a weekday free and the exceptions are finite; the
        // iterator itself ends at the last date chrono can hold.
        let Some(target) = holiday.date.iter_days().skip(1).find(free) else {
            return;
        };
        let name = template
            .replace("{name}", &holiday.name)
            .replace("{date}", &holiday.date.format("%d.%m.%Y").to_string());
        self.exceptions.insert(
            target,
            DayKind::DayOff {
                name,
                source: source.to_string(),
            },
        );
    }

    fn add_working_weekend(
        &mut self,
        year: i32,
        entry: &RawEntry,
        index: usize,
    ) -> Result<(), String> {
        let date = parse_year_date(year, entry, "working_day", index)?;
        let place = entry_place(Some(year), "working_day", index);
        if !self.is_weekend(date) {
            return Err(format!("{place}: {date} is not a weekend day"));
        }
        if let Some(DayKind::DayOff { name, .. }) = self.exceptions.get(&date) {
            return Err(format!("{place}: {date} is a day off ({name})"));
        }
        let kind = DayKind::WorkingWeekend {
            name: entry.name.clone(),
            source: entry.source.clone(),
        };
        self.exceptions.insert(date, kind);
        Ok(())
    }
}

fn parse_weekend(days: &[String]) -> Result<[bool; 7], String> {
    let mut weekend = [false; 7];
    for text in days {
        let day: Weekday = text.parse().map_err(|_| {
            format!("weekend: unknown day \"{text}\" (expected mon, tue, wed, thu, fri, sat, sun)")
        })?;
        weekend[day.num_days_from_monday() as usize] = true;
    }
    if weekend.iter().all(|&off| off) {
        return Err("weekend: at least one day of the week must be a working day".to_string());
    }
    Ok(weekend)
}

fn parse_annual(entries: &[RawEntry], kind: &str) -> Result<Vec<Annual>, String> {
    entries
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let text = date_text(&entry.date);
            let (month, day) = parse_month_day(&text).ok_or_else(|| {
                let place = entry_place(None, kind, index);
                format!("{place}: no such month-day {text} (expected \"MM-DD\")")
            })?;
            Ok(Annual {
                month,
                day,
                name: entry.name.clone(),
                source: entry.source.clone(),
            })
        })
        .collect()
}

/// "03-21" as (3, 21), if such a day exists in some year.
fn parse_month_day(text: &str) -> Option<(u32, u32)> {
    let (month, day) = text.split_once('-')?;
    let (month, day) = (month.parse().ok()?, day.parse().ok()?);
    // 2000 is a leap year, so 29 February is accepted.
    NaiveDate::from_ymd_opt(2000, month, day).map(|_| (month, day))
}

type ParsedYears = BTreeMap<i32, (YearStatus, RawYear)>;

fn parse_years(raw: BTreeMap<String, RawYear>) -> Result<ParsedYears, String> {
    raw.into_iter()
        .map(|(key, entries)| {
            let year = key
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=9999).contains(y))
                .ok_or_else(|| format!("year \"{key}\": not a year number"))?;
            let source = entries.source.clone();
            let status = match entries.status {
                RawStatus::Official => YearStatus::Official { source },
                RawStatus::Provisional => YearStatus::Provisional { source },
            };
            Ok((year, (status, entries)))
        })
        .collect()
}

/// The date of a per-year entry, which must be a real date of that year.
fn parse_year_date(
    year: i32,
    entry: &RawEntry,
    kind: &str,
    index: usize,
) -> Result<NaiveDate, String> {
    let place = entry_place(Some(year), kind, index);
    let text = date_text(&entry.date);
    let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map_err(|_| format!("{place}: no such date {text} (expected YYYY-MM-DD)"))?;
    if date.year() != year {
        return Err(format!("{place}: {date} is not in {year}"));
    }
    Ok(date)
}

/// The date as written, whether quoted or a bare TOML date; anything else as TOML shows it,
/// so that the error quotes it.
fn date_text(value: &toml::Value) -> String {
    match value {
        toml::Value::String(text) => text.clone(),
        toml::Value::Datetime(date) => date.to_string(),
        other => other.to_string(),
    }
}

/// Names an entry the way an administrator finds it: "year 2026, day_off 3" (counted from 1).
fn entry_place(year: Option<i32>, kind: &str, index: usize) -> String {
    match year {
        Some(year) => format!("year {year}, {kind} {}", index + 1),
        None => format!("{kind} {}", index + 1),
    }
}

/// A TOML or shape error as one line with its line number and the table it is in.
fn describe_toml_error(text: &str, error: &toml::de::Error) -> String {
    let message = error.message().trim().replace('\n', " ");
    let Some(start) = error
        .span()
        .map(|span| span.start)
        .filter(|&s| text.is_char_boundary(s))
    else {
        return message;
    };
    let line = text[..start].matches('\n').count() + 1;
    match enclosing_table(text, start) {
        Some(table) => format!("line {line}, in {table}: {message}"),
        None => format!("line {line}: {message}"),
    }
}

/// The last table header up to the error's line, with the entry's number for arrays of
/// tables: "[[year.2026.day_off]] 3".
fn enclosing_table(text: &str, offset: usize) -> Option<String> {
    let line_end = text[offset..]
        .find('\n')
        .map_or(text.len(), |end| offset + end);
    let upto = &text[..line_end];
    let header = upto
        .lines()
        .map(str::trim)
        .rfind(|line| line.starts_with('['))?;
    let header = header.split('#').next().unwrap_or(header).trim();
    if !header.starts_with("[[") {
        return Some(header.to_string());
    }
    let number = upto
        .lines()
        .filter(|line| line.trim().starts_with(header))
        .count();
    Some(format!("{header} {number}"))
}
