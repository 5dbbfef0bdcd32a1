//! Stories of the registration form: what passes, and every problem it can report.

use chrono::NaiveDate;

use super::*;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("test dates exist")
}

fn today() -> NaiveDate {
    date(2026, 3, 10)
}

/// A form a registrar could submit as is.
fn valid_form() -> AppealForm {
    AppealForm {
        appeal_date: "02.03.2026".into(),
        sender_number: "01-12/345".into(),
        sender_date: "2026-03-02".into(),
        received_date: "5.3.2026".into(),
        applicant: "ТОО «Алатау Инжиниринг»".into(),
        affiliation: "legal-entity".into(),
        method: "written".into(),
        channel: "post".into(),
        form: "request".into(),
        summary: "Просит предоставить сведения о выпускниках 2025 года.".into(),
        postal_address: "050000, г. Алматы,\nул. Абая, 1".into(),
        email: "office@alatau.kz".into(),
        phone: "+7 (727) 123-45-67".into(),
        iin_bin: "123456789012".into(),
        reply_method: "post".into(),
        term: String::new(),
        term_basis: String::new(),
    }
}

/// The problems of a form, as (field, problem) pairs.
fn problems(form: &AppealForm) -> Vec<(Field, Problem)> {
    match validate(form, today()) {
        Ok(_) => vec![],
        Err(errors) => errors.into_iter().map(|e| (e.field, e.problem)).collect(),
    }
}

fn problems_of(form: &AppealForm, field: Field) -> Vec<Problem> {
    problems(form)
        .into_iter()
        .filter(|(f, _)| *f == field)
        .map(|(_, p)| p)
        .collect()
}

fn message(form: &AppealForm) -> String {
    match validate(form, today()) {
        Ok(_) => String::new(),
        Err(errors) => errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[test]
fn valid_form_becomes_a_registration() {
    let reg = validate(&valid_form(), today()).expect("the form is valid");

    assert_eq!(reg.appeal_date, date(2026, 3, 2));
    assert_eq!(reg.received_date, date(2026, 3, 5));
    assert_eq!(reg.sender_ref.number, "01-12/345");
    assert_eq!(reg.sender_ref.date, Some(date(2026, 3, 2)));
    assert_eq!(reg.affiliation, Affiliation::LegalEntity);
    assert_eq!(reg.method, Method::Written);
    assert_eq!(reg.channel, Channel::Post);
    assert_eq!(reg.form, Form::Request);
    assert_eq!(reg.reply_method, ReplyMethod::Post);
    assert_eq!(
        reg.contacts.postal_address,
        "050000, г. Алматы,\nул. Абая, 1"
    );
    assert_eq!(reg.iin_bin, "123456789012");
    assert_eq!(reg.term_override, None);
}

#[test]
fn text_is_stored_trimmed() {
    let mut form = valid_form();
    form.applicant = "  Иванов Иван \t".into();
    form.summary = "\n  Жалоба на расписание.  \n".into();

    let reg = validate(&form, today()).expect("the form is valid");

    assert_eq!(reg.applicant, "Иванов Иван");
    assert_eq!(reg.summary, "Жалоба на расписание.");
}

#[test]
fn optional_fields_may_all_be_empty() {
    let mut form = valid_form();
    form.sender_number.clear();
    form.sender_date.clear();
    form.postal_address.clear();
    form.email.clear();
    form.phone.clear();
    form.iin_bin.clear();
    form.reply_method.clear();

    let reg = validate(&form, today()).expect("optional fields are optional");

    assert_eq!(reg.sender_ref.date, None);
    assert_eq!(reg.contacts, Contacts::default());
}

#[test]
fn empty_reply_method_means_to_be_agreed() {
    let mut form = valid_form();
    form.reply_method = "   ".into();

    let reg = validate(&form, today()).expect("the form is valid");

    assert_eq!(reg.reply_method, ReplyMethod::ToBeAgreed);
}

#[test]
fn empty_form_reports_exactly_the_required_fields() {
    let reported: Vec<Field> = problems(&AppealForm::default())
        .into_iter()
        .map(|(field, problem)| {
            assert_eq!(problem, Problem::Required, "{field}");
            field
        })
        .collect();

    let required = [
        Field::AppealDate,
        Field::ReceivedDate,
        Field::Applicant,
        Field::Affiliation,
        Field::Method,
        Field::Channel,
        Field::Form,
        Field::Summary,
    ];
    assert_eq!(reported, required);
}

#[test]
fn whitespace_alone_does_not_fill_a_required_field() {
    let mut form = valid_form();
    form.applicant = " \t ".into();

    assert_eq!(problems(&form), vec![(Field::Applicant, Problem::Required)]);
}

#[test]
fn a_term_needs_its_basis() {
    let mut form = valid_form();
    form.term = "20.03.2026".into();

    assert_eq!(
        problems(&form),
        vec![(
            Field::TermBasis,
            Problem::RequiredWith { other: Field::Term }
        )]
    );
    assert_eq!(
        message(&form),
        "term basis: required when the term is given"
    );
}

#[test]
fn a_basis_needs_its_term() {
    let mut form = valid_form();
    form.term_basis = "письмо МНВО № 12-3/456".into();

    assert_eq!(
        problems(&form),
        vec![(
            Field::Term,
            Problem::RequiredWith {
                other: Field::TermBasis
            }
        )]
    );
}

#[test]
fn a_term_with_its_basis_overrides_the_rule() {
    let mut form = valid_form();
    form.term = "2026-03-12".into();
    form.term_basis = " письмо МНВО № 12-3/456 ".into();

    let reg = validate(&form, today()).expect("the form is valid");

    assert_eq!(
        reg.term_override,
        Some((date(2026, 3, 12), "письмо МНВО № 12-3/456".into()))
    );
}

#[test]
fn a_wrong_term_is_not_also_reported_as_missing() {
    let mut form = valid_form();
    form.term = "soon".into();
    form.term_basis = "запрос акимата".into();

    assert_eq!(
        problems(&form),
        vec![(
            Field::Term,
            Problem::BadDate {
                text: "soon".into()
            }
        )]
    );
}

#[test]
fn reply_by_email_needs_an_address() {
    let mut form = valid_form();
    form.reply_method = "e-mail".into();
    form.email = " ".into();

    assert_eq!(
        problems(&form),
        vec![(Field::Email, Problem::EmailForReply)]
    );
    assert_eq!(
        message(&form),
        "e-mail: required when the reply method is e-mail"
    );
}

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

#[test]
fn enumerations_accept_codes_and_both_labels() {
    let mut form = valid_form();
    form.affiliation = "Юридическое лицо".into();
    form.method = "ELECTRONIC".into();
    form.channel = "e-appeals portal".into();
    form.form = " жалоба ".into();
    form.reply_method = "portal".into();

    let reg = validate(&form, today()).expect("the form is valid");

    assert_eq!(reg.affiliation, Affiliation::LegalEntity);
    assert_eq!(reg.method, Method::Electronic);
    assert_eq!(reg.channel, Channel::EGovPortal);
    assert_eq!(reg.form, Form::Complaint);
    assert_eq!(reg.reply_method, ReplyMethod::EGovPortal);
}

#[test]
fn unknown_values_list_the_codes() {
    let mut form = valid_form();
    form.affiliation = "company".into();

    assert_eq!(
        problems(&form),
        vec![(
            Field::Affiliation,
            Problem::UnknownValue {
                text: "company".into(),
                allowed: "individual, legal-entity, state-body".into()
            }
        )]
    );
    assert_eq!(
        message(&form),
        "affiliation: `company` is not one of: individual, legal-entity, state-body"
    );
}

#[test]
fn every_enumeration_reports_unknown_values() {
    for field in [
        Field::Affiliation,
        Field::Method,
        Field::Channel,
        Field::Form,
        Field::ReplyMethod,
    ] {
        let mut form = valid_form();
        *form.get_mut(field) = "fax".into();

        let found = problems_of(&form, field);

        assert!(
            matches!(found.as_slice(), [Problem::UnknownValue { .. }]),
            "{field}: {found:?}"
        );
    }
}

#[test]
fn the_channel_must_fit_the_method() {
    let fits = |method: &str, channel: &str| {
        let mut form = valid_form();
        form.method = method.into();
        form.channel = channel.into();
        problems(&form).is_empty()
    };

    for channel in ["email", "website", "social", "edms", "portal"] {
        assert!(fits("electronic", channel), "{channel}");
        assert!(!fits("written", channel), "{channel}");
        assert!(!fits("oral", channel), "{channel}");
    }
    assert!(fits("oral", "phone") && !fits("written", "phone") && !fits("electronic", "phone"));
    assert!(fits("written", "post") && !fits("oral", "post") && !fits("electronic", "post"));
    assert!(fits("written", "in-person") && fits("oral", "in-person"));
    assert!(!fits("electronic", "in-person"));
    assert!(fits("written", "other") && fits("oral", "other") && fits("electronic", "other"));
}

#[test]
fn a_contradiction_is_reported_on_the_channel_naming_both() {
    let mut form = valid_form();
    form.method = "oral".into();
    form.channel = "email".into();

    assert_eq!(
        problems(&form),
        vec![(
            Field::Channel,
            Problem::ChannelContradictsMethod {
                method: Method::Oral,
                channel: Channel::Email
            }
        )]
    );
    assert_eq!(
        message(&form),
        "channel: the channel e-mail does not fit the method oral: e-mail takes electronic appeals"
    );
}

#[test]
fn email_addresses_must_look_deliverable() {
    for good in ["a@b.kz", "first.last+tag@mail.example.com", "иван@почта.рф"] {
        assert!(looks_like_email(good), "{good}");
    }
    for bad in [
        "plain", "@b.kz", "a@b", "a@@b.kz", "a@b@c.kz", "a b@c.kz", "a@.kz", "a@b.", "a@b..kz",
    ] {
        assert!(!looks_like_email(bad), "{bad}");
    }

    let mut form = valid_form();
    form.email = "office at alatau.kz".into();
    assert_eq!(
        problems(&form),
        vec![(
            Field::Email,
            Problem::BadEmail {
                text: "office at alatau.kz".into()
            }
        )]
    );
}

#[test]
fn phones_are_digits_with_separators() {
    for good in [
        "12345",
        "+7 (727) 123-45-67",
        "8 701 123 45 67",
        "12345678901234567890",
    ] {
        assert!(looks_like_phone(good), "{good}");
    }
    for bad in [
        "1234",
        "123456789012345678901",
        "+7 727 ext. 5",
        "8/701/1234567",
        "１２３４５",
    ] {
        assert!(!looks_like_phone(bad), "{bad}");
    }

    let mut form = valid_form();
    form.phone = "call me".into();
    assert_eq!(
        problems(&form),
        vec![(
            Field::Phone,
            Problem::BadPhone {
                text: "call me".into()
            }
        )]
    );
}

#[test]
fn iin_bin_is_exactly_twelve_digits() {
    assert!(looks_like_iin_bin("990101300123"));
    for bad in [
        "99010130012",
        "9901013001234",
        "9901 0130 0123",
        "99010130012X",
        "١٢٣٤٥٦٧٨٩٠١٢",
    ] {
        assert!(!looks_like_iin_bin(bad), "{bad}");
    }

    let mut form = valid_form();
    form.iin_bin = "12345".into();
    assert_eq!(
        problems(&form),
        vec![(
            Field::IinBin,
            Problem::BadIinBin {
                text: "12345".into()
            }
        )]
    );
    assert_eq!(
        message(&form),
        "IIN/BIN: `12345` is not an IIN/BIN: it is exactly 12 digits"
    );
}

#[test]
fn limits_count_characters_not_bytes() {
    let mut form = valid_form();
    form.applicant = "Ж".repeat(APPLICANT_LIMIT);
    form.summary = "ж".repeat(SUMMARY_LIMIT);
    form.postal_address = "ш".repeat(TEXT_LIMIT);

    assert_eq!(problems(&form), vec![]);
}

#[test]
fn text_over_its_limit_reports_limit_and_length() {
    let mut form = valid_form();
    form.applicant = "Ж".repeat(APPLICANT_LIMIT + 1);
    form.summary = "ж".repeat(SUMMARY_LIMIT + 2);
    form.sender_number = "7".repeat(TEXT_LIMIT + 3);

    assert_eq!(
        problems(&form),
        vec![
            (
                Field::SenderNumber,
                Problem::TooLong {
                    limit: 500,
                    actual: 503
                }
            ),
            (
                Field::Applicant,
                Problem::TooLong {
                    limit: 300,
                    actual: 301
                }
            ),
            (
                Field::Summary,
                Problem::TooLong {
                    limit: 4000,
                    actual: 4002
                }
            ),
        ]
    );
    assert!(message(&form).contains("applicant: too long: 301 characters, at most 300"));
}

#[test]
fn surrounding_spaces_do_not_count_against_the_limit() {
    let mut form = valid_form();
    form.applicant = format!("  {}  ", "Ж".repeat(APPLICANT_LIMIT));

    assert_eq!(problems(&form), vec![]);
}

#[test]
fn escape_characters_are_refused_in_every_field() {
    for field in Field::ALL {
        let mut form = valid_form();
        *form.get_mut(field) = "ab\u{1b}[2J".into();

        let found = problems_of(&form, field);

        assert_eq!(
            found,
            vec![Problem::ControlCharacter {
                found: '\u{1b}',
                position: 3
            }]
        );
    }
}

#[test]
fn separators_and_bidi_overrides_are_refused_even_in_the_summary() {
    for c in [
        '\u{2028}', '\u{2029}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{7f}',
    ] {
        let mut form = valid_form();
        form.summary = format!("Жалоба{c}текст");

        let found = problems_of(&form, Field::Summary);

        assert_eq!(
            found,
            vec![Problem::ControlCharacter {
                found: c,
                position: 7
            }],
            "{c:?}"
        );
    }
}

#[test]
fn line_breaks_and_tabs_only_in_summary_and_address() {
    let mut form = valid_form();
    form.summary = "Первое.\n\tВторое.".into();
    form.postal_address = "г. Алматы\tул. Абая, 1\nкв. 2".into();
    form.applicant = "Иванов\nИван".into();
    form.term_basis = "запрос\tакимата".into();
    form.term = "20.03.2026".into();

    assert_eq!(
        problems(&form),
        vec![
            (
                Field::Applicant,
                Problem::ControlCharacter {
                    found: '\n',
                    position: 7
                }
            ),
            (
                Field::TermBasis,
                Problem::ControlCharacter {
                    found: '\t',
                    position: 7
                }
            ),
        ]
    );
    assert!(message(&form).contains("applicant: a line break or tab (U+000A) at character 7"));
}

#[test]
fn windows_line_ends_become_line_breaks_but_a_lone_return_is_refused() {
    assert_eq!(
        check_text("один\r\nдва\r\n", 100, true),
        Ok("один\nдва".into())
    );
    assert_eq!(
        check_text("один\rдва", 100, true),
        Err(Problem::ControlCharacter {
            found: '\r',
            position: 5
        })
    );
}

#[test]
fn messages_quote_bad_text_harmlessly() {
    let problem = parse_date("\u{1b}]0;owned\u{7}").expect_err("not a date");
    let shown = problem.to_string();

    assert!(!shown.chars().any(is_forbidden), "{shown:?}");
    assert!(shown.contains("\\u{001B}"), "{shown:?}");

    let long = Problem::BadEmail {
        text: "x".repeat(1000),
    }
    .to_string();
    assert!(long.chars().count() < 200, "{long}");
}

#[test]
fn five_different_problems_are_reported_together() {
    let mut form = valid_form();
    form.received_date = "31.02.2026".into();
    form.applicant.clear();
    form.affiliation = "company".into();
    form.email = "nobody".into();
    form.summary = "ж".repeat(SUMMARY_LIMIT + 1);

    let found = problems(&form);

    assert!(
        matches!(
            found.as_slice(),
            [
                (Field::ReceivedDate, Problem::NoSuchDate { .. }),
                (Field::Applicant, Problem::Required),
                (Field::Affiliation, Problem::UnknownValue { .. }),
                (Field::Summary, Problem::TooLong { .. }),
                (Field::Email, Problem::BadEmail { .. }),
            ]
        ),
        "{found:?}"
    );
}

#[test]
fn problems_come_in_form_order() {
    let mut form = valid_form();
    form.term_basis = "запрос".into();
    form.email = "bad".into();
    form.appeal_date = "bad".into();

    let fields: Vec<Field> = problems(&form)
        .into_iter()
        .map(|(field, _)| field)
        .collect();

    assert_eq!(fields, vec![Field::AppealDate, Field::Email, Field::Term]);
}

#[test]
fn field_all_is_in_declaration_order_with_distinct_names() {
    assert!(Field::ALL.windows(2).all(|pair| pair[0] < pair[1]));
    for (i, a) in Field::ALL.iter().enumerate() {
        assert!(a.flag().starts_with("--"), "{a}");
        for b in &Field::ALL[i + 1..] {
            assert_ne!(a.label_en(), b.label_en());
            assert_ne!(a.label_ru(), b.label_ru());
            assert_ne!(a.flag(), b.flag());
        }
    }
    assert_eq!(Field::AppealDate.label_ru(), "Дата обращения");
    assert_eq!(Field::ReceivedDate.flag(), "--received-date");
}

#[test]
fn only_the_applicant_and_summary_have_their_own_limits() {
    for field in Field::ALL {
        let expected = match field {
            Field::Applicant => 300,
            Field::Summary => 4000,
            _ => 500,
        };
        assert_eq!(field.limit(), expected, "{field}");
    }
}
