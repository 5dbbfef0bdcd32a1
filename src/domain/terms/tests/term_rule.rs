//! The internal and statutory terms on the shipped Kazakhstan calendar, and their explanation.

use super::{d, working_rule};
use crate::domain::terms::{
    Calendar, CalendarWarning, DayCount, DayStep, Explanation, SkipReason, TermRule, TermStart,
    Terms,
};

fn terms(rule: TermRule) -> Terms {
    Terms::new(rule, Calendar::embedded())
}

/// The default rule: 10 calendar days from the day after receipt.
fn default_terms() -> Terms {
    terms(TermRule::default())
}

fn counted(steps: &[DayStep]) -> usize {
    steps.iter().filter(|step| step.counted.is_some()).count()
}

fn skipped_dates(explanation: &Explanation) -> Vec<chrono::NaiveDate> {
    let steps = explanation
        .steps
        .iter()
        .filter(|step| step.skipped.is_some());
    steps.map(|step| step.date).collect()
}

fn day_off_name(reason: &Option<SkipReason>) -> &str {
    match reason {
        Some(SkipReason::DayOff { name, .. }) => name,
        other => panic!("expected a day off, got {other:?}"),
    }
}

#[test]
fn calendar_term_ending_on_saturday_moves_to_monday() {
    let explanation = default_terms().internal(d(2026, 4, 8), d(2026, 4, 8));

    assert_eq!(explanation.last_counted, d(2026, 4, 18));
    assert_eq!(explanation.term, d(2026, 4, 20));
    assert_eq!(explanation.last_day_off, Some(SkipReason::Weekend));
    assert_eq!(counted(&explanation.steps), 10);
    let sunday = explanation.steps.last().expect("the passed-over Sunday");
    assert_eq!(
        sunday,
        &DayStep {
            date: d(2026, 4, 19),
            counted: None,
            skipped: Some(SkipReason::Weekend)
        }
    );
}

#[test]
fn calendar_term_ending_on_a_working_day_does_not_move() {
    let explanation = default_terms().internal(d(2026, 4, 6), d(2026, 4, 6));

    assert_eq!(explanation.term, d(2026, 4, 16));
    assert_eq!(explanation.last_counted, explanation.term);
    assert_eq!(explanation.last_day_off, None);
    assert_eq!(explanation.steps.len(), 10);
}

#[test]
fn calendar_term_across_nauryz_2026_moves_past_the_moved_days_off() {
    // Counted 14 to 23 March; 23 is Nauryz, 24 and 25 are its days moved off the weekend.
    let explanation = default_terms().internal(d(2026, 3, 13), d(2026, 3, 13));

    assert_eq!(explanation.last_counted, d(2026, 3, 23));
    assert_eq!(explanation.term, d(2026, 3, 26));
    assert_eq!(day_off_name(&explanation.last_day_off), "Наурыз мейрамы");
    assert_eq!(
        skipped_dates(&explanation),
        vec![d(2026, 3, 24), d(2026, 3, 25)]
    );
    let moved = &explanation.steps[10].skipped;
    assert_eq!(day_off_name(moved), "Наурыз мейрамы (перенос с 21.03.2026)");
}

#[test]
fn working_day_term_skips_nauryz_2026_and_the_weekends() {
    let explanation = terms(TermRule {
        days: 5,
        ..working_rule()
    })
    .internal(d(2026, 3, 20), d(2026, 3, 20));

    assert_eq!(explanation.term, d(2026, 4, 1));
    assert_eq!(explanation.last_counted, explanation.term);
    assert_eq!(counted(&explanation.steps), 5);
    let skipped = vec![
        d(2026, 3, 21),
        d(2026, 3, 22),
        d(2026, 3, 23),
        d(2026, 3, 24),
        d(2026, 3, 25),
        d(2026, 3, 28),
        d(2026, 3, 29),
    ];
    assert_eq!(skipped_dates(&explanation), skipped);
}

#[test]
fn working_sunday_5_january_2025_counts_in_a_working_day_term() {
    let terms = terms(TermRule {
        days: 1,
        ..working_rule()
    });

    let explanation = terms.internal(d(2025, 1, 2), d(2025, 1, 2));

    assert!(terms.is_working(d(2025, 1, 5)));
    assert_eq!(explanation.term, d(2025, 1, 5));
    assert_eq!(
        day_off_name(&explanation.steps[0].skipped),
        "Перенос выходного дня с 05.01.2025"
    );
    assert_eq!(explanation.steps[1].skipped, Some(SkipReason::Weekend));
    assert_eq!(explanation.steps[2].counted, Some(1));
}

#[test]
fn calendar_term_ending_on_kurban_ait_2026_moves_to_28_may() {
    let terms = default_terms();

    let explanation = terms.internal(d(2026, 5, 17), d(2026, 5, 17));

    assert!(!terms.is_working(d(2026, 5, 27)));
    assert_eq!(explanation.last_counted, d(2026, 5, 27));
    assert_eq!(explanation.term, d(2026, 5, 28));
    assert_eq!(
        day_off_name(&explanation.last_day_off),
        "Курбан айт (первый день)"
    );
}

#[test]
fn term_in_a_year_without_calendar_is_computed_and_reported() {
    let terms = default_terms();

    // 11 March 2028 is a Saturday: the weekend still moves the term.
    let explanation = terms.internal(d(2028, 3, 1), d(2028, 3, 1));

    assert_eq!(explanation.term, d(2028, 3, 13));
    assert_eq!(
        explanation.warnings,
        vec![CalendarWarning::YearNotLoaded { year: 2028 }]
    );
}

#[test]
fn term_in_2027_is_reported_provisional() {
    let explanation = default_terms().internal(d(2027, 2, 1), d(2027, 2, 1));

    assert!(matches!(
        explanation.warnings.as_slice(),
        [CalendarWarning::Provisional { year: 2027, source }] if !source.is_empty()
    ));
}

#[test]
fn term_in_an_official_year_has_no_warnings() {
    let explanation = default_terms().internal(d(2026, 6, 1), d(2026, 6, 1));

    assert!(explanation.warnings.is_empty());
}

#[test]
fn term_across_new_year_reports_each_year_once() {
    let statutory = default_terms().statutory(d(2027, 12, 20));
    let into_2027 = default_terms().internal(d(2026, 12, 28), d(2026, 12, 28));

    assert!(matches!(
        statutory.warnings.as_slice(),
        [
            CalendarWarning::Provisional { year: 2027, .. },
            CalendarWarning::YearNotLoaded { year: 2028 }
        ]
    ));
    assert!(matches!(
        into_2027.warnings.as_slice(),
        [CalendarWarning::Provisional { year: 2027, .. }]
    ));
}

#[test]
fn statutory_term_is_15_working_days_from_receipt() {
    // March 2026 loses 9 March and 23-25 March to holidays.
    let explanation = default_terms().statutory(d(2026, 3, 2));

    assert_eq!(explanation.term, d(2026, 3, 27));
    assert_eq!(explanation.rule.count, DayCount::Working);
    assert_eq!(explanation.rule.days, 15);
    assert_eq!(counted(&explanation.steps), 15);
}

#[test]
fn statutory_term_ignores_the_configured_rule() {
    let calendar_rule = default_terms();
    let working_rule = terms(TermRule {
        days: 3,
        ..working_rule()
    });

    assert_eq!(
        calendar_rule.statutory(d(2026, 3, 2)),
        working_rule.statutory(d(2026, 3, 2))
    );
}

#[test]
fn rule_starting_at_registration_counts_from_the_registration_date() {
    let terms = terms(TermRule {
        start: TermStart::Registered,
        ..TermRule::default()
    });

    let explanation = terms.internal(d(2026, 4, 1), d(2026, 4, 3));

    assert_eq!(explanation.start, d(2026, 4, 3));
    assert_eq!(explanation.term, d(2026, 4, 13));
}

#[test]
fn add_working_days_counts_after_the_date_and_skips_days_off() {
    let terms = default_terms();

    assert_eq!(terms.add_working_days(d(2026, 6, 13), 0), d(2026, 6, 13));
    assert_eq!(terms.add_working_days(d(2026, 6, 12), 1), d(2026, 6, 15));
    assert_eq!(terms.add_working_days(d(2026, 3, 20), 1), d(2026, 3, 26));
}

#[test]
fn working_days_between_counts_the_days_after_the_first_date() {
    let terms = default_terms();

    assert_eq!(terms.working_days_between(d(2026, 3, 20), d(2026, 4, 1)), 5);
    assert_eq!(terms.working_days_between(d(2026, 4, 1), d(2026, 4, 1)), 0);
    assert_eq!(terms.working_days_between(d(2026, 4, 2), d(2026, 4, 1)), 0);
}

#[test]
fn explanation_reads_as_english_lines_with_skips_and_the_move() {
    let explanation = default_terms().internal(d(2026, 3, 13), d(2026, 3, 13));

    let lines = explanation.lines_en();

    assert_eq!(
        lines[0],
        "10 calendar days counted from the day after 13.03.2026 (received)"
    );
    assert_eq!(lines[1], "14.03.2026 day 1");
    assert_eq!(lines[10], "23.03.2026 day 10");
    assert!(
        lines[11].starts_with("24.03.2026 passed over: Наурыз мейрамы (перенос с 21.03.2026) (")
    );
    assert!(
        lines[13].starts_with("term moved to 26.03.2026: 23.03.2026 is not a working day, Наурыз")
    );
    assert_eq!(lines.last().map(String::as_str), Some("term: 26.03.2026"));
}

#[test]
fn explanation_lines_show_skipped_days_and_warnings() {
    let explanation = terms(TermRule {
        days: 2,
        ..working_rule()
    })
    .internal(d(2027, 3, 19), d(2027, 3, 19));

    let lines = explanation.lines_en();

    assert_eq!(lines[1], "20.03.2027 skipped: weekend");
    assert!(
        lines[3].starts_with("22.03.2027 skipped: Наурыз мейрамы (Закон"),
        "{}",
        lines[3]
    );
    assert!(
        lines.contains(&"term: 26.03.2027".to_string()),
        "{lines:#?}"
    );
    assert!(
        lines
            .last()
            .is_some_and(|line| line.starts_with("warning: the calendar for 2027 is provisional"))
    );
}

#[test]
fn explanation_survives_bincode() {
    let explanation = default_terms().internal(d(2026, 3, 13), d(2026, 3, 13));
    let config = bincode::config::standard();

    let bytes = bincode::serde::encode_to_vec(&explanation, config).expect("encodes");
    let (decoded, _): (Explanation, usize) =
        bincode::serde::decode_from_slice(&bytes, config).expect("decodes");

    assert_eq!(decoded, explanation);
}
