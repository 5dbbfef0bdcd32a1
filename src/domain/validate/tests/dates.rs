//! Dates: the shapes accepted, dates that do not exist, and their order.

use super::*;

#[test]
fn dates_are_read_in_every_accepted_shape() {
    for text in [
        "05.03.2026",
        "5.3.2026",
        "05.3.2026",
        "2026-03-05",
        "2026-3-5",
        " 05.03.2026 ",
    ] {
        assert_eq!(parse_date(text), Ok(date(2026, 3, 5)), "{text:?}");
    }
}

#[test]
fn unreadable_dates_are_bad_dates() {
    for text in [
        "tomorrow",
        "05/03/2026",
        "05.03.26",
        "2026.03.05",
        "5.3.2026.",
        "05 .03.2026",
    ] {
        assert_eq!(
            parse_date(text),
            Err(Problem::BadDate {
                text: text.trim().into()
            })
        );
    }
    for text in ["+5.3.2026", "٥.٣.٢٠٢٦", "", "1.1.10000", "-2026-03-05"] {
        assert!(
            matches!(parse_date(text), Err(Problem::BadDate { .. })),
            "{text:?}"
        );
    }
}

#[test]
fn a_date_that_does_not_exist_is_named() {
    for text in ["31.02.2026", "29.02.2027", "2026-13-01", "00.01.2026"] {
        assert_eq!(
            parse_date(text),
            Err(Problem::NoSuchDate { text: text.into() })
        );
    }
    assert_eq!(parse_date("29.02.2028"), Ok(date(2028, 2, 29)));

    let mut form = valid_form();
    form.received_date = "31.02.2026".into();
    assert_eq!(
        message(&form),
        "received date: 31.02.2026 is not a date that exists"
    );
}

#[test]
fn a_bad_date_message_says_how_to_type_one() {
    let mut form = valid_form();
    form.appeal_date = "вчера".into();

    assert_eq!(
        message(&form),
        "appeal date: `вчера` is not a date: type dd.mm.yyyy or yyyy-mm-dd"
    );
}

#[test]
fn received_date_in_the_future_is_refused() {
    let mut form = valid_form();
    form.received_date = "11.03.2026".into();

    assert_eq!(
        problems(&form),
        vec![(
            Field::ReceivedDate,
            Problem::InFuture {
                date: date(2026, 3, 11),
                today: today()
            }
        )]
    );
    assert_eq!(
        message(&form),
        "received date: 11.03.2026 is in the future (today is 10.03.2026)"
    );
}

#[test]
fn received_today_is_fine() {
    let mut form = valid_form();
    form.received_date = "10.03.2026".into();

    assert_eq!(problems(&form), vec![]);
}

#[test]
fn appeal_date_in_the_future_is_refused() {
    let mut form = valid_form();
    form.appeal_date = "2027-01-01".into();

    let found = problems_of(&form, Field::AppealDate);

    assert_eq!(
        found,
        vec![Problem::InFuture {
            date: date(2027, 1, 1),
            today: today()
        }]
    );
}

#[test]
fn received_before_the_appeal_date_is_refused() {
    let mut form = valid_form();
    form.appeal_date = "06.03.2026".into();
    form.sender_date.clear();

    assert_eq!(
        problems(&form),
        vec![(
            Field::ReceivedDate,
            Problem::Before {
                date: date(2026, 3, 5),
                other: Field::AppealDate,
                other_date: date(2026, 3, 6)
            }
        )]
    );
    assert_eq!(
        message(&form),
        "received date: 05.03.2026 is before the appeal date 06.03.2026"
    );
}

#[test]
fn sender_date_after_the_received_date_is_refused() {
    let mut form = valid_form();
    form.sender_date = "06.03.2026".into();

    assert_eq!(
        problems(&form),
        vec![(
            Field::SenderDate,
            Problem::After {
                date: date(2026, 3, 6),
                other: Field::ReceivedDate,
                other_date: date(2026, 3, 5)
            }
        )]
    );
}

#[test]
fn term_before_the_received_date_is_refused() {
    let mut form = valid_form();
    form.term = "04.03.2026".into();
    form.term_basis = "запрос акимата".into();

    let found = problems_of(&form, Field::Term);

    assert_eq!(
        found,
        vec![Problem::Before {
            date: date(2026, 3, 4),
            other: Field::ReceivedDate,
            other_date: date(2026, 3, 5)
        }]
    );
}
