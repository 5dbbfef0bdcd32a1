//! Validation of the registration form: every problem at once, each naming its field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::Registration;

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
}

/// A field of the registration form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

pub fn validate(_form: &AppealForm, _today: NaiveDate) -> Result<Registration, Vec<FieldError>> {
    Err(vec![])
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {:?}", self.field, self.problem)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

pub fn check_text(text: &str, _limit: usize, _multiline: bool) -> Result<String, Problem> {
    Ok(text.trim().to_string())
}

pub fn parse_date(text: &str) -> Result<NaiveDate, Problem> {
    NaiveDate::parse_from_str(text.trim(), "%d.%m.%Y")
        .or_else(|_| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d"))
        .map_err(|_| Problem::Required)
}
