//! Property tests: whatever is typed, validation answers without panicking, and what it
//! accepts is safe to show and store.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

/// Either arbitrary text or something close to a real value, so that the deeper checks
/// (date order, method and channel, contacts) are reached as well as the shallow ones.
fn field_text() -> impl Strategy<Value = String> {
    let plausible = prop::sample::select(vec![
        "",
        " ",
        "05.03.2026",
        "31.02.2026",
        "2026-03-01",
        "9999-12-31",
        "0000-01-01",
        "written",
        "oral",
        "electronic",
        "post",
        "phone",
        "in-person",
        "email",
        "e-mail",
        "other",
        "individual",
        "request",
        "a@b.kz",
        "+7 (727) 123-45-67",
        "123456789012",
        "Иванов\r\nИван",
    ]);
    prop_oneof![
        any::<String>(),
        plausible.prop_map(str::to_owned),
        "[0-9.\\-]{0,12}"
    ]
}

fn any_form() -> impl Strategy<Value = AppealForm> {
    prop::collection::vec(field_text(), Field::ALL.len()).prop_map(|texts| {
        let mut form = AppealForm::default();
        for (field, text) in Field::ALL.into_iter().zip(texts) {
            *form.get_mut(field) = text;
        }
        form
    })
}

fn any_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        (1900i32..2200, 1u32..=366).prop_filter_map("a day of the year", |(year, ordinal)| {
            NaiveDate::from_yo_opt(year, ordinal)
        }),
    ]
}

proptest! {
    #[test]
    fn arbitrary_text_in_every_field_never_panics(form in any_form(), today in any_day()) {
        match validate(&form, today) {
            Ok(reg) => {
                let texts = [&reg.applicant, &reg.summary, &reg.contacts.postal_address];
                for text in texts {
                    prop_assert!(!text.chars().any(|c| is_forbidden(c) && c != '\n' && c != '\t'));
                    prop_assert_eq!(text.trim(), text.as_str());
                }
                prop_assert!(reg.received_date <= today);
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for error in errors {
                    let shown = error.to_string();
                    prop_assert!(!shown.chars().any(is_forbidden), "{:?}", shown);
                }
            }
        }
    }

    #[test]
    fn check_text_keeps_to_its_limit(
        text in any::<String>(),
        limit in 0usize..50,
        multiline: bool,
    ) {
        if let Ok(checked) = check_text(&text, limit, multiline) {
            prop_assert!(checked.chars().count() <= limit);
        }
    }

    #[test]
    fn parse_date_never_panics(text in any::<String>()) {
        let _ = parse_date(&text);
    }
}
