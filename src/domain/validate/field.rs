//! The fields of the registration form: their order, names on screen and on the command line,
//! and how much text each may hold.

use serde::{Deserialize, Serialize};

/// A field of the registration form, declared in form order (the order of section 3.2 of the
/// regulation, then the applicant's contacts and the reply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    AppealDate,
    SenderNumber,
    SenderDate,
    ReceivedDate,
    Applicant,
    Affiliation,
    Method,
    Channel,
    Form,
    Summary,
    PostalAddress,
    Email,
    Phone,
    IinBin,
    ReplyMethod,
    Term,
    TermBasis,
}

/// A legal entity's full official name with its department fits in 300 characters; anything
/// longer is almost always the appeal's text pasted into the wrong field.
pub const APPLICANT_LIMIT: usize = 300;

/// The summary states the substance in a few paragraphs; the appeal itself stays with its
/// original, so 4,000 characters (about a printed page) is room enough.
pub const SUMMARY_LIMIT: usize = 4_000;

/// Numbers, dates, addresses and bases are short; 500 characters stops a pasted document
/// without cutting a long postal address.
pub const TEXT_LIMIT: usize = 500;

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 17] = [
        Field::AppealDate,
        Field::SenderNumber,
        Field::SenderDate,
        Field::ReceivedDate,
        Field::Applicant,
        Field::Affiliation,
        Field::Method,
        Field::Channel,
        Field::Form,
        Field::Summary,
        Field::PostalAddress,
        Field::Email,
        Field::Phone,
        Field::IinBin,
        Field::ReplyMethod,
        Field::Term,
        Field::TermBasis,
    ];

    /// The name in English messages, lower case so it reads inside a sentence.
    pub fn label_en(self) -> &'static str {
        match self {
            Field::AppealDate => "appeal date",
            Field::SenderNumber => "sender's number",
            Field::SenderDate => "sender's date",
            Field::ReceivedDate => "received date",
            Field::Applicant => "applicant",
            Field::Affiliation => "affiliation",
            Field::Method => "method",
            Field::Channel => "channel",
            Field::Form => "form",
            Field::Summary => "summary",
            Field::PostalAddress => "postal address",
            Field::Email => "e-mail",
            Field::Phone => "phone",
            Field::IinBin => "IIN/BIN",
            Field::ReplyMethod => "reply method",
            Field::Term => "term",
            Field::TermBasis => "term basis",
        }
    }

    /// The name on the Russian screen, as the regulation (section 3.2) and the glossary say it.
    pub fn label_ru(self) -> &'static str {
        match self {
            Field::AppealDate => "Дата обращения",
            Field::SenderNumber => "Регистрационные данные в обращении: номер",
            Field::SenderDate => "Регистрационные данные в обращении: дата",
            Field::ReceivedDate => "Дата поступления",
            Field::Applicant => "Наименование лица",
            Field::Affiliation => "Принадлежность лица",
            Field::Method => "Способ обращения",
            Field::Channel => "Канал поступления",
            Field::Form => "Форма обращения",
            Field::Summary => "Краткое содержание",
            Field::PostalAddress => "Почтовый адрес",
            Field::Email => "Электронная почта",
            Field::Phone => "Телефон",
            Field::IinBin => "ИИН/БИН",
            Field::ReplyMethod => "Способ ответа",
            Field::Term => "Срок рассмотрения",
            Field::TermBasis => "Основание срока",
        }
    }

    /// The command-line flag that fills this field.
    pub fn flag(self) -> &'static str {
        match self {
            Field::AppealDate => "--appeal-date",
            Field::SenderNumber => "--sender-number",
            Field::SenderDate => "--sender-date",
            Field::ReceivedDate => "--received-date",
            Field::Applicant => "--applicant",
            Field::Affiliation => "--affiliation",
            Field::Method => "--method",
            Field::Channel => "--channel",
            Field::Form => "--form",
            Field::Summary => "--summary",
            Field::PostalAddress => "--postal-address",
            Field::Email => "--email",
            Field::Phone => "--phone",
            Field::IinBin => "--iin-bin",
            Field::ReplyMethod => "--reply-method",
            Field::Term => "--term",
            Field::TermBasis => "--term-basis",
        }
    }

    /// How many characters the field may hold, after trimming.
    pub fn limit(self) -> usize {
        match self {
            Field::Applicant => APPLICANT_LIMIT,
            Field::Summary => SUMMARY_LIMIT,
            _ => TEXT_LIMIT,
        }
    }

    /// Whether line breaks and tabs are allowed: only where people write several lines.
    pub fn multiline(self) -> bool {
        matches!(self, Field::Summary | Field::PostalAddress)
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label_en())
    }
}
