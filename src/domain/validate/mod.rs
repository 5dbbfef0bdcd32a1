//! Validation of the registration form: every problem at once, each naming its field.
//!
//! [`validate`] turns the form as typed into a [`Registration`] or into the full list of what
//! is wrong, so an operator fixes everything in one pass. It is pure: today's date comes in as
//! an argument, and no input, however strange, makes it panic.

mod date;
mod field;
mod problem;
mod text;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::labels::Labelled;
use super::model::{
    Affiliation, Channel, Contacts, Form, Method, Registration, ReplyMethod, SenderReference,
};

pub use date::parse_date;
pub use field::{APPLICANT_LIMIT, Field, SUMMARY_LIMIT, TEXT_LIMIT};
pub use problem::{FieldError, Problem};
pub use text::{
    allowed_in_text, check_text, is_forbidden, looks_like_email, looks_like_iin_bin,
    looks_like_phone,
};

/// The registration form as typed: every field a string, as the command line and the screen
/// hold it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppealForm {
    pub appeal_date: String,
    pub sender_number: String,
    pub sender_date: String,
    pub received_date: String,
    pub applicant: String,
    pub affiliation: String,
    pub method: String,
    pub channel: String,
    pub form: String,
    pub summary: String,
    pub postal_address: String,
    pub email: String,
    pub phone: String,
    pub iin_bin: String,
    pub reply_method: String,
    pub term: String,
    pub term_basis: String,
    /// Registration numbers of earlier appeals the registrar links by hand (a repeat appeal
    /// under another name or a related case), beyond those of the same applicant that
    /// registration links by itself. Absent in older JSON, hence the default.
    #[serde(default)]
    pub links: Vec<String>,
}

impl AppealForm {
    /// The typed text of one field.
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::AppealDate => &self.appeal_date,
            Field::SenderNumber => &self.sender_number,
            Field::SenderDate => &self.sender_date,
            Field::ReceivedDate => &self.received_date,
            Field::Applicant => &self.applicant,
            Field::Affiliation => &self.affiliation,
            Field::Method => &self.method,
            Field::Channel => &self.channel,
            Field::Form => &self.form,
            Field::Summary => &self.summary,
            Field::PostalAddress => &self.postal_address,
            Field::Email => &self.email,
            Field::Phone => &self.phone,
            Field::IinBin => &self.iin_bin,
            Field::ReplyMethod => &self.reply_method,
            Field::Term => &self.term,
            Field::TermBasis => &self.term_basis,
        }
    }

    /// The typed text of one field, to change it.
    pub fn get_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::AppealDate => &mut self.appeal_date,
            Field::SenderNumber => &mut self.sender_number,
            Field::SenderDate => &mut self.sender_date,
            Field::ReceivedDate => &mut self.received_date,
            Field::Applicant => &mut self.applicant,
            Field::Affiliation => &mut self.affiliation,
            Field::Method => &mut self.method,
            Field::Channel => &mut self.channel,
            Field::Form => &mut self.form,
            Field::Summary => &mut self.summary,
            Field::PostalAddress => &mut self.postal_address,
            Field::Email => &mut self.email,
            Field::Phone => &mut self.phone,
            Field::IinBin => &mut self.iin_bin,
            Field::ReplyMethod => &mut self.reply_method,
            Field::Term => &mut self.term,
            Field::TermBasis => &mut self.term_basis,
        }
    }
}

/// Checks the whole form against `today` (in the configured time zone) and gives the
/// registration, or every problem found, in form order.
pub fn validate(form: &AppealForm, today: NaiveDate) -> Result<Registration, Vec<FieldError>> {
    let mut check = Checker::new(form);
    let dates = check.dates(today);
    let kinds = check.kinds();
    let texts = check.texts();
    let term_override = check.term_override(dates.term, &texts.term_basis);

    let mut errors = check.errors;
    errors.sort_by_key(|e| e.field);
    if !errors.is_empty() {
        return Err(errors);
    }
    // Every value missing here was reported, so with no problems all are present.
    assemble(dates, kinds, texts, term_override).ok_or(errors)
}

fn assemble(
    dates: Dates,
    kinds: Kinds,
    texts: Texts,
    term_override: Option<(NaiveDate, String)>,
) -> Option<Registration> {
    Some(Registration {
        appeal_date: dates.appeal?,
        sender_ref: SenderReference {
            number: texts.sender_number,
            date: dates.sender,
        },
        received_date: dates.received?,
        applicant: texts.applicant?,
        affiliation: kinds.affiliation?,
        method: kinds.method?,
        channel: kinds.channel?,
        form: kinds.form?,
        summary: texts.summary?,
        contacts: texts.contacts,
        iin_bin: texts.iin_bin,
        reply_method: kinds.reply_method?,
        term_override,
    })
}

/// The methods an appeal arriving by this channel can have been made by: an e-mail is
/// electronic, a call oral, a letter written; a visitor may hand in a paper or speak.
pub fn methods_of(channel: Channel) -> &'static [Method] {
    match channel {
        Channel::Email
        | Channel::WebsiteForm
        | Channel::SocialNetwork
        | Channel::Edms
        | Channel::EGovPortal => &[Method::Electronic],
        Channel::Phone => &[Method::Oral],
        Channel::Post => &[Method::Written],
        Channel::InPerson => &[Method::Written, Method::Oral],
        Channel::Other => &[Method::Written, Method::Oral, Method::Electronic],
    }
}

/// The dates of the form; `None` when empty or wrong (a wrong one is already reported).
struct Dates {
    appeal: Option<NaiveDate>,
    sender: Option<NaiveDate>,
    received: Option<NaiveDate>,
    term: Option<NaiveDate>,
}

/// The enumerations of the form; `None` when wrong or missing (already reported).
struct Kinds {
    affiliation: Option<Affiliation>,
    method: Option<Method>,
    channel: Option<Channel>,
    form: Option<Form>,
    reply_method: Option<ReplyMethod>,
}

/// The free texts of the form, trimmed; optional ones are empty when not given or wrong.
struct Texts {
    sender_number: String,
    applicant: Option<String>,
    summary: Option<String>,
    contacts: Contacts,
    iin_bin: String,
    term_basis: String,
}

/// Walks the form once, collecting problems as it goes.
struct Checker<'a> {
    form: &'a AppealForm,
    errors: Vec<FieldError>,
}

impl<'a> Checker<'a> {
    fn new(form: &'a AppealForm) -> Self {
        Checker {
            form,
            errors: Vec::new(),
        }
    }

    fn report(&mut self, field: Field, problem: Problem) {
        self.errors.push(FieldError { field, problem });
    }

    /// The field's text, trimmed, or `None` when its characters or length are wrong.
    fn text(&mut self, field: Field) -> Option<String> {
        check_text(self.form.get(field), field.limit(), field.multiline())
            .map_err(|problem| self.report(field, problem))
            .ok()
    }

    /// The field's text, or `None` (reported) when it is wrong or empty.
    fn required_text(&mut self, field: Field) -> Option<String> {
        let text = self.text(field)?;
        if text.is_empty() {
            self.report(field, Problem::Required);
            return None;
        }
        Some(text)
    }

    /// An optional field's text; empty when not given or wrong (reported).
    fn optional_text(&mut self, field: Field) -> String {
        self.text(field).unwrap_or_default()
    }

    /// A field's text when it has any; `None` when empty (reported if required) or unusable.
    fn given(&mut self, field: Field, required: bool) -> Option<String> {
        let text = if required {
            self.required_text(field)?
        } else {
            self.text(field)?
        };
        (!text.is_empty()).then_some(text)
    }

    /// A date field: `None` when empty (reported if required) or wrong (reported).
    fn date(&mut self, field: Field, required: bool) -> Option<NaiveDate> {
        let text = self.given(field, required)?;
        parse_date(&text)
            .map_err(|problem| self.report(field, problem))
            .ok()
    }

    /// An enumeration parsed by code or either label; `None` when empty or unknown.
    fn kind<T: Labelled>(&mut self, field: Field, required: bool) -> Option<T> {
        let text = self.given(field, required)?;
        let parsed = T::parse(&text);
        if parsed.is_none() {
            self.report(
                field,
                Problem::UnknownValue {
                    text,
                    allowed: T::codes(),
                },
            );
        }
        parsed
    }
}

impl Checker<'_> {
    /// The four dates, each checked alone, then against today and against each other.
    fn dates(&mut self, today: NaiveDate) -> Dates {
        let dates = Dates {
            appeal: self.date(Field::AppealDate, true),
            sender: self.date(Field::SenderDate, false),
            received: self.date(Field::ReceivedDate, true),
            term: self.date(Field::Term, false),
        };

        for (field, date) in [
            (Field::AppealDate, dates.appeal),
            (Field::ReceivedDate, dates.received),
        ] {
            if let Some(date) = date.filter(|&d| d > today) {
                self.report(field, Problem::InFuture { date, today });
            }
        }
        let (appeal, received) = (dates.appeal, dates.received);
        self.not_before(Field::ReceivedDate, received, Field::AppealDate, appeal);
        self.not_before(Field::Term, dates.term, Field::ReceivedDate, received);
        self.not_after(
            Field::SenderDate,
            dates.sender,
            Field::ReceivedDate,
            received,
        );
        dates
    }

    /// Reports `field` when its date is earlier than the `other` field's date.
    fn not_before(
        &mut self,
        field: Field,
        date: Option<NaiveDate>,
        other: Field,
        limit: Option<NaiveDate>,
    ) {
        if let (Some(date), Some(other_date)) = (date, limit)
            && date < other_date
        {
            self.report(
                field,
                Problem::Before {
                    date,
                    other,
                    other_date,
                },
            );
        }
    }

    /// Reports `field` when its date is later than the `other` field's date.
    fn not_after(
        &mut self,
        field: Field,
        date: Option<NaiveDate>,
        other: Field,
        limit: Option<NaiveDate>,
    ) {
        if let (Some(date), Some(other_date)) = (date, limit)
            && date > other_date
        {
            self.report(
                field,
                Problem::After {
                    date,
                    other,
                    other_date,
                },
            );
        }
    }

    /// The enumerations; the channel is then checked against the method.
    fn kinds(&mut self) -> Kinds {
        // With no reply method named, the executor agrees one with the applicant (regulation,
        // 4.4), so an empty field is a value of its own, not a missing one.
        let reply_method = if self.form.reply_method.trim().is_empty() {
            Some(ReplyMethod::ToBeAgreed)
        } else {
            self.kind(Field::ReplyMethod, false)
        };
        let kinds = Kinds {
            affiliation: self.kind(Field::Affiliation, true),
            method: self.kind(Field::Method, true),
            channel: self.kind(Field::Channel, true),
            form: self.kind(Field::Form, true),
            reply_method,
        };

        if let (Some(method), Some(channel)) = (kinds.method, kinds.channel)
            && !methods_of(channel).contains(&method)
        {
            self.report(
                Field::Channel,
                Problem::ChannelContradictsMethod { method, channel },
            );
        }
        if kinds.reply_method == Some(ReplyMethod::Email) && self.form.email.trim().is_empty() {
            self.report(Field::Email, Problem::EmailForReply);
        }
        kinds
    }

    /// The free texts and contacts, each checked for its shape when given.
    fn texts(&mut self) -> Texts {
        Texts {
            sender_number: self.optional_text(Field::SenderNumber),
            applicant: self.required_text(Field::Applicant),
            summary: self.required_text(Field::Summary),
            contacts: Contacts {
                postal_address: self.optional_text(Field::PostalAddress),
                email: self.shaped(Field::Email, looks_like_email, |text| Problem::BadEmail {
                    text,
                }),
                phone: self.shaped(Field::Phone, looks_like_phone, |text| Problem::BadPhone {
                    text,
                }),
            },
            iin_bin: self.shaped(Field::IinBin, looks_like_iin_bin, |text| {
                Problem::BadIinBin { text }
            }),
            term_basis: self.optional_text(Field::TermBasis),
        }
    }

    /// An optional text that must have a given shape when present.
    fn shaped(
        &mut self,
        field: Field,
        fits: fn(&str) -> bool,
        problem: fn(String) -> Problem,
    ) -> String {
        let text = self.optional_text(field);
        if text.is_empty() || fits(&text) {
            return text;
        }
        self.report(field, problem(text));
        String::new()
    }

    /// A term set at registration needs its basis, and a basis needs its term.
    fn term_override(
        &mut self,
        term: Option<NaiveDate>,
        basis: &str,
    ) -> Option<(NaiveDate, String)> {
        let term_typed = !self.form.term.trim().is_empty();
        let basis_typed = !self.form.term_basis.trim().is_empty();
        if term_typed && !basis_typed {
            self.report(
                Field::TermBasis,
                Problem::RequiredWith { other: Field::Term },
            );
        }
        if basis_typed && !term_typed {
            self.report(
                Field::Term,
                Problem::RequiredWith {
                    other: Field::TermBasis,
                },
            );
        }
        Some((term?, basis.to_owned())).filter(|(_, basis)| !basis.is_empty())
    }
}
