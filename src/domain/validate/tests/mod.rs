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
        links: Vec::new(),
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

mod dates;
mod values;
