//! Properties of terms over random dates in the loaded years 2025-2027.

use std::sync::LazyLock;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::d;
use crate::domain::terms::{Calendar, DayCount, TermRule, TermStart, Terms};

/// Parsed once: every case runs on the same shipped calendar.
static TERMS: LazyLock<Terms> =
    LazyLock::new(|| Terms::new(TermRule::default(), Calendar::embedded()));

fn received() -> impl Strategy<Value = NaiveDate> {
    // 1 January 2025 to 31 December 2027.
    (0u64..1095).prop_map(|offset| d(2025, 1, 1) + Days::new(offset))
}

/// The shipped calendar with a rule of `days` days counted as `count` from receipt.
fn terms_with(days: u32, count: DayCount) -> Terms {
    Terms {
        rule: TermRule {
            days,
            count,
            start: TermStart::Received,
        },
        ..TERMS.clone()
    }
}

fn count() -> impl Strategy<Value = DayCount> {
    prop_oneof![Just(DayCount::Calendar), Just(DayCount::Working)]
}

proptest! {
    #[test]
    fn term_is_a_working_day_no_earlier_than_the_count(
        received in received(),
        days in 1u32..60,
        count in count(),
    ) {
        let terms = terms_with(days, count);

        let explanation = terms.internal(received, received);

        prop_assert!(terms.is_working(explanation.term), "{:?}", explanation.term);
        prop_assert!(explanation.term >= received + Days::new(u64::from(days)));
        let numbers: Vec<u32> = explanation.steps.iter().filter_map(|step| step.counted).collect();
        prop_assert_eq!(numbers, (1..=days).collect::<Vec<_>>());
    }

    #[test]
    fn working_count_agrees_with_add_working_days(received in received(), days in 1u32..60) {
        let terms = terms_with(days, DayCount::Working);

        let explanation = terms.internal(received, received);

        prop_assert_eq!(explanation.term, terms.add_working_days(received, days));
        prop_assert_eq!(terms.working_days_between(received, explanation.term), days);
        let steps = &explanation.steps;
        prop_assert!(steps.iter().all(|step| step.counted.is_some() != step.skipped.is_some()));
    }

    #[test]
    fn default_term_moves_only_over_days_off(received in received()) {
        let explanation = TERMS.internal(received, received);

        prop_assert_eq!(explanation.last_counted, received + Days::new(10));
        let last = explanation.last_counted;
        let mut passed_over = explanation.steps.iter().filter(|step| step.date > last);
        prop_assert!(passed_over.all(|step| step.counted.is_none() && step.skipped.is_some()));
        prop_assert_eq!(explanation.last_day_off.is_some(), explanation.term != last);
    }
}
