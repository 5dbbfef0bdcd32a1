//! Version 1 of the records that have changed since, frozen as they were written, and how each
//! becomes today's type. Never edit these shapes: stored bytes depend on every field's place.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::domain::draft::DraftSlot;
use crate::domain::model::{ActionKind, AppealId, Status};
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

/// A history event before it carried its facts: the detail in English alone.
#[derive(Debug, Deserialize)]
pub struct HistoryEvent {
    appeal: AppealId,
    seq: u32,
    at: DateTime<Utc>,
    by: Login,
    action: ActionKind,
    from_status: Option<Status>,
    to_status: Status,
    detail: String,
    reason: String,
}

impl From<HistoryEvent> for crate::domain::model::HistoryEvent {
    fn from(old: HistoryEvent) -> Self {
        crate::domain::model::HistoryEvent {
            appeal: old.appeal,
            seq: old.seq,
            at: old.at,
            by: old.by,
            action: old.action,
            from_status: old.from_status,
            to_status: old.to_status,
            detail: old.detail,
            reason: old.reason,
            facts: Vec::new(),
        }
    }
}
