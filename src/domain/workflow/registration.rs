//! Registration and its corrections: the appeal's first event, and the terms that follow from
//! the registration fields.

use chrono::NaiveDate;

use super::payload::{not_before, required};
use super::rules::require_role;
use super::{Context, NewIdentity, Outcome};
use crate::domain::action::Refusal;
use crate::domain::fact::{self, Fact};
use crate::domain::model::{
    ActionKind, Appeal, AppealId, HistoryEvent, Registration, Status, TermBasis,
};
use crate::domain::terms::Terms;
use crate::domain::user::Role;
use crate::domain::validate::Field;

/// Earlier appeals kept as links: the most recent ones. A frequent applicant (a ministry, a
/// large company) may have thousands, and the card shows only the latest few anyway.
pub const LINKS_MAX: usize = 20;

fn latest_links(mut links: Vec<AppealId>) -> Vec<AppealId> {
    links.sort_unstable();
    links.dedup();
    let excess = links.len().saturating_sub(LINKS_MAX);
    links.split_off(excess)
}

/// The links of an appeal when the registrar chose some by hand: every chosen one is kept,
/// however old (the registrar meant it), and the latest of the `others` fill the places left
/// up to [`LINKS_MAX`]. Each appeal once, in registration order.
pub fn merge_links(chosen: &[AppealId], others: &[AppealId]) -> Vec<AppealId> {
    let mut kept = latest_links(chosen.to_vec());
    let mut rest: Vec<AppealId> = others
        .iter()
        .copied()
        .filter(|id| !kept.contains(id))
        .collect();
    rest.sort_unstable();
    rest.dedup();
    let room = LINKS_MAX.saturating_sub(kept.len());
    let skip = rest.len().saturating_sub(room);
    kept.extend_from_slice(&rest[skip..]);
    kept.sort_unstable();
    kept
}

/// Builds a new appeal from the registrar's fields, with its first history event.
pub fn register(
    reg: Registration,
    identity: NewIdentity,
    links: Vec<AppealId>,
    ctx: &Context,
) -> Result<(Appeal, HistoryEvent), Refusal> {
    require_role(ActionKind::Register, Role::Registrar, ctx.actor)?;
    let reg = checked(reg)?;
    let links = latest_links(links);
    let terms = TermsOf::compute(&reg, ctx.today, ctx.terms);
    let registered = Fact::Registered {
        number: identity.number_text.clone(),
        received: reg.received_date,
    };
    let facts = vec![registered, terms.fact()];
    let event = HistoryEvent {
        appeal: identity.id,
        seq: 0,
        at: ctx.now,
        by: ctx.actor.login.clone(),
        action: ActionKind::Register,
        from_status: None,
        to_status: Status::Registered,
        detail: fact::english(&facts),
        reason: terms.reason(),
        facts,
    };
    let appeal = Appeal {
        id: identity.id,
        number: identity.number,
        number_text: identity.number_text,
        registered_at: ctx.now,
        registered_by: ctx.actor.login.clone(),
        reg,
        status: Status::Registered,
        term: terms.term,
        term_basis: terms.basis,
        statutory_term: terms.statutory,
        resolution: None,
        contributions: Vec::new(),
        approvals: Vec::new(),
        reply: None,
        extensions: Vec::new(),
        info_requests: Vec::new(),
        reworks: Vec::new(),
        links,
        revision: 1,
        history_len: 1,
    };
    Ok((appeal, event))
}

/// Corrects the registration fields and computes the terms again from them.
pub fn edit(next: &mut Appeal, reg: &Registration, ctx: &Context) -> Result<Outcome, Refusal> {
    let reg = checked(reg.clone())?;
    let terms = TermsOf::compute(&reg, registered_on(next, ctx), ctx.terms);
    let fields = changed_fields(&next.reg, &reg);
    let facts = vec![Fact::Corrected { fields }, terms.fact()];
    let reason = terms.reason();

    next.reg = reg;
    next.term = terms.term;
    next.term_basis = terms.basis;
    next.statutory_term = terms.statutory;
    Ok(Outcome::new(facts, reason))
}

/// The registration with its term override, if any, checked: the basis is required, and the
/// term cannot end before the appeal arrived.
fn checked(mut reg: Registration) -> Result<Registration, Refusal> {
    if let Some((date, basis)) = &reg.term_override {
        not_before("term", *date, reg.received_date)?;
        let basis = required("term basis", basis)?;
        reg.term_override = Some((*date, basis));
    }
    Ok(reg)
}

/// The day the appeal was registered, in the configured time zone. The appeal keeps only the
/// UTC instant, so this shifts its date by the day the zone is ahead of or behind UTC now; it
/// can be a day off only for an edit made near midnight after a change of offset.
fn registered_on(appeal: &Appeal, ctx: &Context) -> NaiveDate {
    let zone_shift = ctx.today - ctx.now.date_naive();
    appeal.registered_at.date_naive() + zone_shift
}

/// The internal and statutory terms that follow from the registration fields.
struct TermsOf {
    term: NaiveDate,
    basis: TermBasis,
    statutory: NaiveDate,
}

impl TermsOf {
    fn compute(reg: &Registration, registered_on: NaiveDate, terms: &Terms) -> TermsOf {
        let (term, basis) = match &reg.term_override {
            Some((date, basis)) => (
                *date,
                TermBasis::Set {
                    basis: basis.clone(),
                },
            ),
            None => (
                terms.internal(reg.received_date, registered_on).term,
                TermBasis::Rule,
            ),
        };
        let statutory = terms.statutory(reg.received_date).term;
        TermsOf {
            term,
            basis,
            statutory,
        }
    }

    fn fact(&self) -> Fact {
        Fact::Terms {
            term: self.term,
            set: matches!(self.basis, TermBasis::Set { .. }),
            statutory: self.statutory,
        }
    }

    /// The basis of a set term is the reason of the event; the rule needs none.
    fn reason(&self) -> String {
        match &self.basis {
            TermBasis::Set { basis } => basis.clone(),
            TermBasis::Rule | TermBasis::Extended => String::new(),
        }
    }
}

/// The registration fields that differ, in form order, for the history.
fn changed_fields(old: &Registration, new: &Registration) -> Vec<Field> {
    let (a, b) = (old, new);
    let pairs = [
        (Field::AppealDate, a.appeal_date != b.appeal_date),
        (
            Field::SenderNumber,
            a.sender_ref.number != b.sender_ref.number,
        ),
        (Field::SenderDate, a.sender_ref.date != b.sender_ref.date),
        (Field::ReceivedDate, a.received_date != b.received_date),
        (Field::Applicant, a.applicant != b.applicant),
        (Field::Affiliation, a.affiliation != b.affiliation),
        (Field::Method, a.method != b.method),
        (Field::Channel, a.channel != b.channel),
        (Field::Form, a.form != b.form),
        (Field::Summary, a.summary != b.summary),
        (
            Field::PostalAddress,
            a.contacts.postal_address != b.contacts.postal_address,
        ),
        (Field::Email, a.contacts.email != b.contacts.email),
        (Field::Phone, a.contacts.phone != b.contacts.phone),
        (Field::IinBin, a.iin_bin != b.iin_bin),
        (Field::ReplyMethod, a.reply_method != b.reply_method),
        (Field::Term, term_of(a) != term_of(b)),
        (Field::TermBasis, basis_of(a) != basis_of(b)),
    ];
    pairs
        .into_iter()
        .filter(|(_, differs)| *differs)
        .map(|(field, _)| field)
        .collect()
}

fn term_of(reg: &Registration) -> Option<NaiveDate> {
    reg.term_override.as_ref().map(|(day, _)| *day)
}

fn basis_of(reg: &Registration) -> Option<&str> {
    reg.term_override.as_ref().map(|(_, basis)| basis.as_str())
}
