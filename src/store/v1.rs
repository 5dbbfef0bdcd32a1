//! Version 1 of the records that have changed since, frozen as they were written, and how each
//! becomes today's type. Never edit these shapes: stored bytes depend on every field's place.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::domain::draft::DraftSlot;
use crate::domain::user::Login;

/// The registration form before it carried links chosen by hand.
#[derive(Debug, Deserialize)]
pub struct AppealForm {
    appeal_date: String,
    sender_number: String,
    sender_date: String,
    received_date: String,
    applicant: String,
    affiliation: String,
    method: String,
    channel: String,
    form: String,
    summary: String,
    postal_address: String,
    email: String,
    phone: String,
    iin_bin: String,
    reply_method: String,
    term: String,
    term_basis: String,
}

/// A draft whose form had no links.
#[derive(Debug, Deserialize)]
pub struct FormDraft {
    owner: Login,
    slot: DraftSlot,
    form: AppealForm,
    saved_at: DateTime<Utc>,
    base_revision: Option<u64>,
}

impl From<AppealForm> for crate::domain::validate::AppealForm {
    fn from(old: AppealForm) -> Self {
        crate::domain::validate::AppealForm {
            appeal_date: old.appeal_date,
            sender_number: old.sender_number,
            sender_date: old.sender_date,
            received_date: old.received_date,
            applicant: old.applicant,
            affiliation: old.affiliation,
            method: old.method,
            channel: old.channel,
            form: old.form,
            summary: old.summary,
            postal_address: old.postal_address,
            email: old.email,
            phone: old.phone,
            iin_bin: old.iin_bin,
            reply_method: old.reply_method,
            term: old.term,
            term_basis: old.term_basis,
            links: Vec::new(),
        }
    }
}

impl From<FormDraft> for crate::domain::draft::FormDraft {
    fn from(old: FormDraft) -> Self {
        crate::domain::draft::FormDraft {
            owner: old.owner,
            slot: old.slot,
            form: old.form.into(),
            saved_at: old.saved_at,
            base_revision: old.base_revision,
        }
    }
}
