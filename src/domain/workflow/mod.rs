//! The workflow as a pure function: (appeal, action, acting user, now) gives the changed
//! appeal and one history event, or a refusal that says why.
//!
//! - [`rules`]: the one table of who may take which action in which status.
//! - [`payload`]: checks of the texts, dates and executors an action carries.
//! - `registration`, `assignment`, `execution`, `reply`, `compliance`: what each action does,
//!   grouped as DESIGN.md section 3 lists them.
//!
//! Every action is checked in the same order: the status, then who is acting, then what the
//! appeal must be like for the action to make sense, then the payload. Nothing is changed
//! until every check has passed, and the input appeal is never touched.

use chrono::{DateTime, NaiveDate, Utc};

use super::action::{Action, Refusal};
use super::fact::{self, Fact};
use super::model::{ActionKind, Appeal, AppealId, HistoryEvent, RegNumber, Registration};
use super::terms::Terms;
use super::user::User;

mod assignment;
mod compliance;
mod execution;
pub mod payload;
mod registration;
mod reply;
pub mod rules;

#[cfg(test)]
mod tests;

pub use registration::{LINKS_MAX, merge_links};
pub use rules::{RULES, Rule, Who, kind_of, rule_of};

/// What an action needs to know beyond the appeal itself.
pub struct Context<'a> {
    pub actor: &'a User,
    pub now: DateTime<Utc>,
    /// Today in the configured time zone.
    pub today: NaiveDate,
    pub terms: &'a Terms,
    /// Looks up another user by login (executors named in a resolution or redirect).
    pub users: &'a dyn Fn(&str) -> Option<User>,
}

/// Identity given to a new appeal by the store.
#[derive(Debug, Clone)]
pub struct NewIdentity {
    pub id: AppealId,
    pub number: RegNumber,
    pub number_text: String,
}

/// What an action recorded for its history event.
struct Outcome {
    /// What was done.
    facts: Vec<Fact>,
    /// Why: the justification, basis, reasons or comment given, or empty.
    reason: String,
}

impl Outcome {
    fn new(facts: Vec<Fact>, reason: impl Into<String>) -> Outcome {
        Outcome {
            facts,
            reason: reason.into(),
        }
    }

    fn one(fact: Fact, reason: impl Into<String>) -> Outcome {
        Outcome::new(vec![fact], reason)
    }
}

/// Registers a new appeal: the registrar's first event in its history.
pub fn register(
    reg: Registration,
    identity: NewIdentity,
    links: Vec<AppealId>,
    ctx: &Context,
) -> Result<(Appeal, HistoryEvent), Refusal> {
    registration::register(reg, identity, links, ctx)
}

/// Applies one action to an appeal.
pub fn apply(
    appeal: &Appeal,
    action: &Action,
    ctx: &Context,
) -> Result<(Appeal, HistoryEvent), Refusal> {
    let kind = kind_of(action);
    rule_of(kind).admits(appeal, ctx.actor)?;

    let mut next = appeal.clone();
    let outcome = carry_out(&mut next, action, ctx)?;

    let event = HistoryEvent {
        appeal: appeal.id,
        seq: appeal.history_len,
        at: ctx.now,
        by: ctx.actor.login.clone(),
        action: kind,
        from_status: Some(appeal.status),
        to_status: next.status,
        detail: fact::english(&outcome.facts),
        reason: outcome.reason,
        facts: outcome.facts,
    };
    next.revision = appeal.revision + 1;
    next.history_len = appeal.history_len + 1;
    Ok((next, event))
}

/// The actions `actor` could take on `appeal` now, going by its status, the actor's roles and
/// part in it, and the appeal's state; whether a payload would pass is not considered.
pub fn allowed(appeal: &Appeal, actor: &User) -> Vec<ActionKind> {
    RULES
        .iter()
        .filter(|rule| rule.admits(appeal, actor).is_ok())
        .map(|rule| rule.kind)
        .collect()
}

/// Hands the action to the code that carries it out; `next` is a copy of the appeal.
fn carry_out(next: &mut Appeal, action: &Action, ctx: &Context) -> Result<Outcome, Refusal> {
    match action {
        Action::Edit(reg) => registration::edit(next, reg, ctx),
        Action::Resolve {
            executors,
            instruction,
            term,
        } => assignment::resolve(next, executors, instruction, term.as_ref(), ctx),
        Action::Reassign { executors, reason } => {
            assignment::reassign(next, executors, reason, ctx)
        }
        Action::Dismiss { basis } => assignment::dismiss(next, basis),
        Action::Redirect { to, justification } => {
            assignment::redirect(next, to, justification, ctx)
        }
        Action::RequestInfo { text } => execution::request_info(next, text, ctx),
        Action::InfoReceived { answer } => execution::info_received(next, answer, ctx),
        Action::Extend {
            new_term,
            reasons,
            applicant_told,
        } => execution::extend(next, *new_term, reasons, *applicant_told, ctx),
        Action::AgreeReplyMethod { method, note } => {
            execution::agree_reply_method(next, *method, note)
        }
        Action::Contribute { text } => reply::contribute(next, text, ctx),
        Action::Consolidate(draft) => reply::consolidate(next, draft),
        Action::Approve { note } => reply::approve(next, note, ctx),
        Action::Comment { text } => reply::comment(next, text, ctx),
        Action::ToSignature { draft } => reply::to_signature(next, draft.as_ref()),
        Action::Sign { note } => reply::sign(next, note, ctx),
        Action::SendBack { comment } => reply::send_back(next, comment),
        Action::Dispatch {
            date,
            outgoing_number,
            channel,
        } => reply::dispatch(next, *date, outgoing_number, *channel, ctx),
        Action::Accept { note } => compliance::accept(next, note),
        Action::Return { deficiencies } => compliance::return_for_rework(next, deficiencies, ctx),
        Action::Resume { note } => compliance::resume(next, note, ctx),
    }
}
