//! `appeals register`: one flag per field of the registration form.

use chrono::{Days, NaiveDate};
use clap::Args;

use super::{Failure, Session};
use crate::domain::labels::Labelled;
use crate::domain::model::Registration;
use crate::domain::validate::AppealForm;

/// The registration fields; dates as dd.mm.yyyy or yyyy-mm-dd, or `today` / `yesterday`.
#[derive(Debug, Clone, Default, Args)]
pub struct RegisterArgs {
    /// Date written on the appeal (дата обращения).
    #[arg(long)]
    pub appeal_date: Option<String>,
    /// The sender's outgoing number (регистрационные данные в обращении).
    #[arg(long)]
    pub sender_number: Option<String>,
    /// The sender's outgoing date.
    #[arg(long)]
    pub sender_date: Option<String>,
    /// Date of receipt (дата поступления); default today.
    #[arg(long)]
    pub received: Option<String>,
    /// Applicant's name (наименование лица).
    #[arg(long)]
    pub applicant: Option<String>,
    /// individual, legal-entity or state-body.
    #[arg(long)]
    pub affiliation: Option<String>,
    /// written, oral or electronic.
    #[arg(long)]
    pub method: Option<String>,
    /// post, in-person, phone, email, website, social, edms, portal or other.
    #[arg(long)]
    pub channel: Option<String>,
    /// request, proposal, feedback, message, complaint or application.
    #[arg(long)]
    pub form: Option<String>,
    /// Summary of the substance (краткое содержание).
    #[arg(long)]
    pub summary: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    /// IIN or BIN, 12 digits.
    #[arg(long)]
    pub iin_bin: Option<String>,
    /// post, email, in-person, edms, portal; default to-be-agreed.
    #[arg(long)]
    pub reply_method: Option<String>,
    /// A term set by a state body or another norm; needs --term-basis.
    #[arg(long)]
    pub term: Option<String>,
    #[arg(long)]
    pub term_basis: Option<String>,
}

pub fn run(session: &Session, args: &RegisterArgs) -> Result<(), Failure> {
    let today = session.today();
    let mut form = args.overlay(AppealForm::default(), today);
    if form.received_date.is_empty() {
        form.received_date = today.format("%d.%m.%Y").to_string();
    }
    let outcome = session.register(&form)?;
    println!("{}", outcome.number);
    for warning in &outcome.warnings {
        eprintln!("warning: {}", super::output::calendar_warning(warning));
    }
    if !outcome.links.is_empty() {
        eprintln!(
            "linked to {} earlier appeal(s) of the same applicant",
            outcome.links.len()
        );
    }
    Ok(())
}

impl RegisterArgs {
    /// The form with every given flag written over it.
    pub fn overlay(&self, mut form: AppealForm, today: NaiveDate) -> AppealForm {
        let date = |v: &Option<String>| v.as_deref().map(|t| relative_date(t, today));
        let fields: [(&mut String, Option<String>); 17] = [
            (&mut form.appeal_date, date(&self.appeal_date)),
            (&mut form.sender_number, self.sender_number.clone()),
            (&mut form.sender_date, date(&self.sender_date)),
            (&mut form.received_date, date(&self.received)),
            (&mut form.applicant, self.applicant.clone()),
            (&mut form.affiliation, self.affiliation.clone()),
            (&mut form.method, self.method.clone()),
            (&mut form.channel, self.channel.clone()),
            (&mut form.form, self.form.clone()),
            (&mut form.summary, self.summary.clone()),
            (&mut form.postal_address, self.address.clone()),
            (&mut form.email, self.email.clone()),
            (&mut form.phone, self.phone.clone()),
            (&mut form.iin_bin, self.iin_bin.clone()),
            (&mut form.reply_method, self.reply_method.clone()),
            (&mut form.term, date(&self.term)),
            (&mut form.term_basis, self.term_basis.clone()),
        ];
        for (slot, value) in fields {
            if let Some(value) = value {
                *slot = value;
            }
        }
        form
    }
}

/// `today` and `yesterday` (also in Russian) as dates; anything else as typed.
pub fn relative_date(text: &str, today: NaiveDate) -> String {
    let day = match text.trim().to_lowercase().as_str() {
        "today" | "сегодня" => Some(today),
        "yesterday" | "вчера" => today.checked_sub_days(Days::new(1)),
        _ => None,
    };
    day.map_or_else(|| text.to_string(), |d| d.format("%d.%m.%Y").to_string())
}

/// The form holding a stored registration, for editing.
pub fn form_of(reg: &Registration) -> AppealForm {
    let date = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    let (term, term_basis) = match &reg.term_override {
        Some((d, basis)) => (date(*d), basis.clone()),
        None => (String::new(), String::new()),
    };
    AppealForm {
        appeal_date: date(reg.appeal_date),
        sender_number: reg.sender_ref.number.clone(),
        sender_date: reg.sender_ref.date.map(date).unwrap_or_default(),
        received_date: date(reg.received_date),
        applicant: reg.applicant.clone(),
        affiliation: reg.affiliation.code().to_string(),
        method: reg.method.code().to_string(),
        channel: reg.channel.code().to_string(),
        form: reg.form.code().to_string(),
        summary: reg.summary.clone(),
        postal_address: reg.contacts.postal_address.clone(),
        email: reg.contacts.email.clone(),
        phone: reg.contacts.phone.clone(),
        iin_bin: reg.iin_bin.clone(),
        reply_method: reg.reply_method.code().to_string(),
        term,
        term_basis,
        links: Vec::new(),
    }
}
