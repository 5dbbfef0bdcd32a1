//! Enumerations, contacts, limits and forbidden characters.

use super::*;

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
