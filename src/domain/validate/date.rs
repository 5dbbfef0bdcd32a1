//! Dates as people type them: `dd.mm.yyyy` (also `d.m.yyyy`) or `yyyy-mm-dd`.

use chrono::NaiveDate;

use super::problem::Problem;

/// Parses a typed date, trimmed at both ends.
///
/// Text of the right shape naming a day the calendar lacks (`31.02.2026`, `01.13.2026`) is
/// [`Problem::NoSuchDate`], so the message can say the date is wrong rather than the typing.
pub fn parse_date(text: &str) -> Result<NaiveDate, Problem> {
    let text = text.trim();
    let (year, month, day) = date_parts(text).ok_or_else(|| Problem::BadDate {
        text: text.to_owned(),
    })?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| Problem::NoSuchDate {
        text: text.to_owned(),
    })
}

/// Year, month and day from either accepted shape, without judging whether they exist.
fn date_parts(text: &str) -> Option<(i32, u32, u32)> {
    if let Some([day, month, year]) = three_parts(text, '.') {
        return Some((year_number(year)?, small_number(month)?, small_number(day)?));
    }
    let [year, month, day] = three_parts(text, '-')?;
    Some((year_number(year)?, small_number(month)?, small_number(day)?))
}

fn three_parts(text: &str, separator: char) -> Option<[&str; 3]> {
    let mut parts = text.split(separator);
    let found = [parts.next()?, parts.next()?, parts.next()?];
    parts.next().is_none().then_some(found)
}

/// A year of exactly four digits: a two-digit year would leave the century to guesswork.
fn year_number(part: &str) -> Option<i32> {
    digits_only(part, 4..=4)?.parse().ok()
}

/// A month or a day: one or two digits.
fn small_number(part: &str) -> Option<u32> {
    digits_only(part, 1..=2)?.parse().ok()
}

fn digits_only(part: &str, lengths: std::ops::RangeInclusive<usize>) -> Option<&str> {
    let all_digits = part.bytes().all(|b| b.is_ascii_digit());
    (all_digits && lengths.contains(&part.len())).then_some(part)
}
