//! How close a term is, and whether the applicant was told of an extension in time.

use super::d;
use crate::domain::terms::{Calendar, TermRule, Terms, Urgency};

fn terms() -> Terms {
    Terms::new(TermRule::default(), Calendar::embedded())
}

#[test]
fn sent_reply_is_answered_even_after_the_term() {
    assert_eq!(
        terms().urgency(d(2026, 6, 1), d(2026, 6, 20), false),
        Urgency::Answered
    );
}

#[test]
fn open_appeal_after_its_term_is_overdue_by_calendar_days() {
    assert_eq!(
        terms().urgency(d(2026, 3, 13), d(2026, 3, 16), true),
        Urgency::Overdue { days: 3 }
    );
}

#[test]
fn open_appeal_on_its_term_is_due_today() {
    assert_eq!(
        terms().urgency(d(2026, 6, 15), d(2026, 6, 15), true),
        Urgency::DueToday
    );
}

#[test]
fn term_on_the_next_working_day_is_due_soon() {
    assert_eq!(
        terms().urgency(d(2026, 6, 16), d(2026, 6, 15), true),
        Urgency::DueSoon { working_days: 1 }
    );
}

#[test]
fn due_soon_counts_working_days_across_a_weekend() {
    // Friday 12 June to Tuesday 16 June: Monday is the first working day, Tuesday the second.
    assert_eq!(
        terms().urgency(d(2026, 6, 16), d(2026, 6, 12), true),
        Urgency::DueSoon { working_days: 2 }
    );
}

#[test]
fn due_soon_counts_working_days_across_nauryz() {
    assert_eq!(
        terms().urgency(d(2026, 3, 27), d(2026, 3, 20), true),
        Urgency::DueSoon { working_days: 2 }
    );
}

#[test]
fn term_on_a_saturday_is_due_soon_from_friday() {
    assert_eq!(
        terms().urgency(d(2026, 6, 13), d(2026, 6, 12), true),
        Urgency::DueSoon { working_days: 1 }
    );
}

#[test]
fn term_three_working_days_ahead_is_fine() {
    assert_eq!(
        terms().urgency(d(2026, 6, 17), d(2026, 6, 12), true),
        Urgency::Fine
    );
}

#[test]
fn nothing_is_due_soon_when_the_window_is_zero() {
    let terms = Terms {
        due_soon_days: 0,
        ..terms()
    };

    assert_eq!(
        terms.urgency(d(2026, 6, 16), d(2026, 6, 15), true),
        Urgency::Fine
    );
}

#[test]
fn extension_told_on_the_third_working_day_is_in_time() {
    let terms = terms();

    assert_eq!(terms.notice_deadline(d(2026, 6, 15)), d(2026, 6, 18));
    assert!(!terms.late_notice(d(2026, 6, 15), d(2026, 6, 18)));
    assert!(terms.late_notice(d(2026, 6, 15), d(2026, 6, 19)));
}

#[test]
fn extension_notice_deadline_skips_kurban_ait() {
    let terms = terms();

    // Monday 25 May 2026: Tuesday, then Thursday and Friday, as 27 May is Kurban ait.
    assert_eq!(terms.notice_deadline(d(2026, 5, 25)), d(2026, 5, 29));
    assert!(!terms.late_notice(d(2026, 5, 25), d(2026, 5, 29)));
    // The period ends with its third working day: the Saturday after it is already late.
    assert!(terms.late_notice(d(2026, 5, 25), d(2026, 5, 30)));
}
