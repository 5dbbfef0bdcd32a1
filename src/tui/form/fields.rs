//! What each field of the form is on screen: a date, a line of text, a choice from an
//! enumeration or the multi-line summary; its label from the catalogue; whether the
//! regulation requires it.

use crate::domain::validate::Field;

/// How a field is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `dd.mm.yyyy` or `yyyy-mm-dd`, with keys for today and yesterday.
    Date,
    /// One line of free text.
    Text,
    /// One value of an enumeration, picked by a key or from a list.
    Choice,
    /// The summary: several lines in an editor of its own.
    Summary,
}

pub fn kind(field: Field) -> Kind {
    match field {
        Field::AppealDate | Field::SenderDate | Field::ReceivedDate | Field::Term => Kind::Date,
        Field::Affiliation | Field::Method | Field::Channel | Field::Form | Field::ReplyMethod => {
            Kind::Choice
        }
        Field::Summary => Kind::Summary,
        Field::SenderNumber
        | Field::Applicant
        | Field::PostalAddress
        | Field::Email
        | Field::Phone
        | Field::IinBin
        | Field::TermBasis => Kind::Text,
    }
}

/// The fields section 3.2 of the regulation requires (the reply method is not among them: an
/// empty one means it is to be agreed with the applicant).
pub fn required(field: Field) -> bool {
    matches!(
        field,
        Field::AppealDate
            | Field::ReceivedDate
            | Field::Applicant
            | Field::Affiliation
            | Field::Method
            | Field::Channel
            | Field::Form
            | Field::Summary
    )
}

/// The catalogue id of the field's label.
pub fn message(field: Field) -> &'static str {
    match field {
        Field::AppealDate => "field-appeal-date",
        Field::SenderNumber => "field-sender-number",
        Field::SenderDate => "field-sender-date",
        Field::ReceivedDate => "field-received-date",
        Field::Applicant => "field-applicant",
        Field::Affiliation => "field-affiliation",
        Field::Method => "field-method",
        Field::Channel => "field-channel",
        Field::Form => "field-form",
        Field::Summary => "field-summary",
        Field::PostalAddress => "field-postal-address",
        Field::Email => "field-email",
        Field::Phone => "field-phone",
        Field::IinBin => "field-iin-bin",
        Field::ReplyMethod => "field-reply-method",
        Field::Term => "field-term",
        Field::TermBasis => "field-term-basis",
    }
}

/// A label of the form `group: name` split in two, so that fields sharing a long group name
/// (the regulation's "registration data in the appeal: number / date") show it once above
/// them instead of cutting it in a narrow label column.
pub fn split_label(label: &str) -> (Option<&str>, &str) {
    match label.split_once(": ") {
        Some((group, name)) => (Some(group), name),
        None => (None, label),
    }
}

/// The field after (`forward`) or before `field` in form order, round from the last to the
/// first, so that Tab keeps walking the form.
pub fn step(field: Field, forward: bool) -> Field {
    let count = Field::ALL.len();
    let at = Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
    let to = if forward { at + 1 } else { at + count - 1 };
    Field::ALL[to % count]
}
