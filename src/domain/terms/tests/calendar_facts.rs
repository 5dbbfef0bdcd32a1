//! The shipped calendar against kz-calendar-facts.md, day by day over whole years.

use chrono::{Datelike, NaiveDate, Weekday};

use super::d;
use crate::domain::terms::{Calendar, DayKind, YearStatus};

/// The non-working weekdays and the working weekend days of a year, as the facts list them.
struct YearFacts {
    year: i32,
    weekdays_off: &'static [(u32, u32)],
    working_weekend: &'static [(u32, u32)],
}

const FACTS: [YearFacts; 3] = [
    YearFacts {
        year: 2025,
        weekdays_off: &[
            (1, 1),
            (1, 2),
            (1, 3),
            (1, 7),
            (3, 10),
            (3, 21),
            (3, 24),
            (3, 25),
            (5, 1),
            (5, 7),
            (5, 9),
            (6, 6),
            (7, 7),
            (9, 1),
            (10, 27),
            (12, 16),
        ],
        working_weekend: &[(1, 5)],
    },
    YearFacts {
        year: 2026,
        weekdays_off: &[
            (1, 1),
            (1, 2),
            (1, 7),
            (3, 9),
            (3, 23),
            (3, 24),
            (3, 25),
            (5, 1),
            (5, 7),
            (5, 11),
            (5, 27),
            (7, 6),
            (8, 31),
            (10, 26),
            (12, 16),
        ],
        working_weekend: &[],
    },
    YearFacts {
        year: 2027,
        weekdays_off: &[
            (1, 1),
            (1, 4),
            (1, 7),
            (3, 8),
            (3, 22),
            (3, 23),
            (3, 24),
            (5, 3),
            (5, 7),
            (5, 10),
            (7, 6),
            (8, 30),
            (10, 25),
            (12, 16),
        ],
        working_weekend: &[],
    },
];

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Days of a year as (month, day).
type MonthDays = Vec<(u32, u32)>;

/// Every day of the year whose working status differs from the plain weekend rule.
fn exceptions(calendar: &Calendar, year: i32) -> (MonthDays, MonthDays) {
    let days = d(year, 1, 1)
        .iter_days()
        .take_while(|date| date.year() == year);
    let (mut weekdays_off, mut working_weekend) = (Vec::new(), Vec::new());
    for date in days {
        let working = calendar.day(date).is_working();
        if !is_weekend(date) && !working {
            weekdays_off.push((date.month(), date.day()));
        }
        if is_weekend(date) && working {
            working_weekend.push((date.month(), date.day()));
        }
    }
    (weekdays_off, working_weekend)
}

#[test]
fn embedded_calendar_matches_the_published_facts_for_every_day_of_2025_to_2027() {
    let calendar = Calendar::embedded();

    for facts in &FACTS {
        let (weekdays_off, working_weekend) = exceptions(&calendar, facts.year);

        assert_eq!(
            weekdays_off, facts.weekdays_off,
            "non-working weekdays of {}",
            facts.year
        );
        assert_eq!(
            working_weekend, facts.working_weekend,
            "working weekend of {}",
            facts.year
        );
    }
}

#[test]
fn embedded_calendar_loads_2025_to_2027_with_2027_provisional() {
    let calendar = Calendar::embedded();

    assert_eq!(calendar.loaded_years(), vec![2025, 2026, 2027]);
    assert!(matches!(
        calendar.year_status(2025),
        YearStatus::Official { .. }
    ));
    assert!(matches!(
        calendar.year_status(2026),
        YearStatus::Official { .. }
    ));
    let status_2027 = calendar.year_status(2027);
    assert!(matches!(status_2027, YearStatus::Provisional { source } if !source.is_empty()));
    assert_eq!(calendar.year_status(2028), YearStatus::NotLoaded);
}

#[test]
fn sunday_5_january_2025_is_a_working_day_by_transfer_order() {
    let calendar = Calendar::embedded();

    let DayKind::WorkingWeekend { source, .. } = calendar.day(d(2025, 1, 5)) else {
        panic!("5 January 2025 should be a working Sunday");
    };
    assert!(source.contains("436"), "{source}");
    assert!(matches!(
        calendar.day(d(2025, 1, 3)),
        DayKind::DayOff { .. }
    ));
}

#[test]
fn kurban_ait_2026_is_a_day_off_with_its_name() {
    let calendar = Calendar::embedded();

    let DayKind::DayOff { name, source } = calendar.day(d(2026, 5, 27)) else {
        panic!("27 May 2026 should be a day off");
    };
    assert!(name.contains("Курбан айт"), "{name}");
    assert!(source.contains("ст. 84"), "{source}");
}

#[test]
fn holiday_on_a_weekend_is_itself_a_day_off_and_its_moved_day_says_so() {
    let calendar = Calendar::embedded();

    let on_saturday = calendar.day(d(2026, 3, 21));
    let moved = calendar.day(d(2026, 3, 24));
    let second_moved = calendar.day(d(2026, 3, 25));

    assert!(matches!(on_saturday, DayKind::DayOff { name, .. } if name == "Наурыз мейрамы"));
    let DayKind::DayOff { name, source } = moved else {
        panic!("24 March 2026 is off")
    };
    assert_eq!(name, "Наурыз мейрамы (перенос с 21.03.2026)");
    assert!(source.contains("ст. 5"), "{source}");
    assert!(
        matches!(second_moved, DayKind::DayOff { name, .. } if name.ends_with("с 22.03.2026)"))
    );
}

#[test]
fn year_not_loaded_has_weekends_only() {
    let calendar = Calendar::embedded();

    // 21 March 2028 is a Tuesday: a holiday by law, but 2028 is not loaded.
    assert_eq!(calendar.day(d(2028, 3, 21)), DayKind::Working);
    assert_eq!(calendar.day(d(2028, 3, 25)), DayKind::Weekend);
    assert_eq!(calendar.day(d(2024, 12, 16)), DayKind::Working);
    assert_eq!(calendar.year_status(2028), YearStatus::NotLoaded);
}

#[test]
fn is_working_agrees_with_day_over_the_loaded_years() {
    let calendar = Calendar::embedded();

    for date in d(2024, 12, 1)
        .iter_days()
        .take_while(|date| date.year() < 2029)
    {
        assert_eq!(
            calendar.is_working(date),
            calendar.day(date).is_working(),
            "{date}"
        );
    }
}
