//! Who may take which action in which status: one table that `apply`, `allowed` and the tests
//! all read, so the rules are written down once.

use crate::domain::action::{Action, Refusal};
use crate::domain::model::{ActionKind, Appeal, ReplyMethod, Status};
use crate::domain::user::{Role, User};

use ActionKind::*;
use Status::{Approval, AwaitingInfo, Closed, InProgress, Registered, Returned, Sent, Signing};

/// Who may take an action on an appeal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// Anyone active with this role.
    Role(Role),
    /// The lead executor of this appeal.
    Lead,
    /// The lead executor, or anyone active with this role.
    LeadOrRole(Role),
    /// A co-executor of this appeal (an executor other than the lead).
    CoExecutor,
    /// A co-executor who has contributed to the reply: only they approve or comment on it.
    Contributor,
}

/// One row of the table: an action, the statuses it starts from, and who may take it.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub kind: ActionKind,
    /// The statuses the action may start from; empty for registration, which has no appeal yet.
    pub from: &'static [Status],
    pub who: Who,
    /// What else the appeal itself must be like for the action to make sense at all, whatever
    /// its payload. Things that wait on other people (contributions, approvals, an agreed reply
    /// method) are not here: `apply` checks those so its refusal can say what is missing.
    pub guard: fn(&Appeal) -> Result<(), Refusal>,
}

/// Every action of DESIGN.md section 3, in the order a typical appeal meets them.
#[rustfmt::skip] // one row per action, columns aligned: it is read as a table
pub const RULES: [Rule; 21] = [
    rule(Register,         &[],                                                 REGISTRAR),
    rule(Edit,             &[Registered],                                       REGISTRAR),
    rule(Resolve,          &[Registered],                                       MANAGER),
    rule(Reassign,         &[InProgress, AwaitingInfo, Approval, Returned],     MANAGER),
    rule(Dismiss,          &[Registered, InProgress, AwaitingInfo, Returned],   MANAGER),
    rule(Redirect,         &[InProgress, Returned],                             LEAD),
    rule(RequestInfo,      &[InProgress],                                       LEAD),
    rule(InfoReceived,     &[AwaitingInfo],                                     LEAD)
        .guard(open_info_request),
    rule(Extend,           RUNNING,                                             LEAD_OR_MANAGER),
    rule(AgreeReplyMethod, &[InProgress, AwaitingInfo, Returned, Approval],     LEAD)
        .guard(reply_method_open),
    rule(Contribute,       &[InProgress, AwaitingInfo, Returned],               CO_EXECUTOR),
    rule(Consolidate,      &[InProgress, Returned, Approval],                   LEAD)
        .guard(has_co_executors),
    rule(Approve,          &[Approval],                                         CONTRIBUTOR),
    rule(Comment,          &[Approval],                                         CONTRIBUTOR),
    rule(ToSignature,      &[InProgress, Returned, Approval],                   LEAD)
        .guard(consolidated_if_shared),
    rule(Sign,             &[Signing],                                          MANAGER)
        .guard(unsigned),
    rule(SendBack,         &[Signing],                                          MANAGER)
        .guard(unsigned),
    rule(Dispatch,         &[Signing],                                          LEAD_OR_REGISTRAR)
        .guard(signed),
    rule(Accept,           &[Sent],                                             COMPLIANCE),
    rule(Return,           &[InProgress, Approval, Signing, Sent, Closed],      COMPLIANCE)
        .guard(resolved),
    rule(Resume,           &[Returned],                                         LEAD),
];

const REGISTRAR: Who = Who::Role(Role::Registrar);
const MANAGER: Who = Who::Role(Role::Manager);
const COMPLIANCE: Who = Who::Role(Role::Compliance);
const LEAD: Who = Who::Lead;
const LEAD_OR_MANAGER: Who = Who::LeadOrRole(Role::Manager);
const LEAD_OR_REGISTRAR: Who = Who::LeadOrRole(Role::Registrar);
const CO_EXECUTOR: Who = Who::CoExecutor;
const CONTRIBUTOR: Who = Who::Contributor;

/// The statuses in which the term still runs and someone is working on the reply.
const RUNNING: &[Status] = &[InProgress, AwaitingInfo, Approval, Signing, Returned];

const fn rule(kind: ActionKind, from: &'static [Status], who: Who) -> Rule {
    Rule {
        kind,
        from,
        who,
        guard: no_guard,
    }
}

impl Rule {
    const fn guard(self, guard: fn(&Appeal) -> Result<(), Refusal>) -> Rule {
        Rule { guard, ..self }
    }

    /// Whether `actor` may take this action on `appeal` now, payload aside. Checks the status
    /// first, then the actor, then the guard, so the same situation always gives the same
    /// refusal.
    pub fn admits(&self, appeal: &Appeal, actor: &User) -> Result<(), Refusal> {
        if !self.from.contains(&appeal.status) {
            return Err(Refusal::WrongStatus {
                action: self.kind,
                status: appeal.status,
            });
        }
        check_who(self.kind, self.who, appeal, actor)?;
        (self.guard)(appeal)
    }
}

/// The row of the table for one kind of action.
pub fn rule_of(kind: ActionKind) -> &'static Rule {
    RULES
        .iter()
        .find(|r| r.kind == kind)
        .expect("RULES has a row for every ActionKind (tested)")
}

/// The kind of an action, as the table and the history name it.
pub fn kind_of(action: &Action) -> ActionKind {
    match action {
        Action::Edit(_) => ActionKind::Edit,
        Action::Resolve { .. } => ActionKind::Resolve,
        Action::Reassign { .. } => ActionKind::Reassign,
        Action::Dismiss { .. } => ActionKind::Dismiss,
        Action::Redirect { .. } => ActionKind::Redirect,
        Action::RequestInfo { .. } => ActionKind::RequestInfo,
        Action::InfoReceived { .. } => ActionKind::InfoReceived,
        Action::Extend { .. } => ActionKind::Extend,
        Action::AgreeReplyMethod { .. } => ActionKind::AgreeReplyMethod,
        Action::Contribute { .. } => ActionKind::Contribute,
        Action::Consolidate(_) => ActionKind::Consolidate,
        Action::Approve { .. } => ActionKind::Approve,
        Action::Comment { .. } => ActionKind::Comment,
        Action::ToSignature { .. } => ActionKind::ToSignature,
        Action::Sign { .. } => ActionKind::Sign,
        Action::SendBack { .. } => ActionKind::SendBack,
        Action::Dispatch { .. } => ActionKind::Dispatch,
        Action::Accept { .. } => ActionKind::Accept,
        Action::Return { .. } => ActionKind::Return,
        Action::Resume { .. } => ActionKind::Resume,
    }
}

/// Refuses a user who lacks `role`; inactive users have no roles at all.
pub fn require_role(action: ActionKind, role: Role, actor: &User) -> Result<(), Refusal> {
    if actor.has(role) {
        Ok(())
    } else {
        Err(Refusal::RoleRequired { action, role })
    }
}

fn check_who(action: ActionKind, who: Who, appeal: &Appeal, actor: &User) -> Result<(), Refusal> {
    // An executor's part in an appeal comes from the resolution, not from a role, but a
    // deactivated account must not act through it either.
    let is_lead = actor.active && appeal.lead() == Some(&actor.login);
    let is_co = actor.active && appeal.co_executors().contains(&actor.login);
    match who {
        Who::Role(role) => require_role(action, role, actor),
        Who::Lead if is_lead => Ok(()),
        Who::Lead => Err(not_lead(action, appeal)),
        Who::LeadOrRole(role) if is_lead || actor.has(role) => Ok(()),
        Who::LeadOrRole(role) => Err(Refusal::LeadOrRole { action, role }),
        Who::CoExecutor | Who::Contributor if !is_co => Err(Refusal::NotCoExecutor { action }),
        Who::CoExecutor => Ok(()),
        Who::Contributor if appeal.contribution_of(&actor.login).is_some() => Ok(()),
        Who::Contributor => Err(Refusal::NoContribution {
            action,
            login: actor.login.clone(),
        }),
    }
}

/// The refusal for someone who is not the lead, naming the lead; an appeal without a
/// resolution has no lead to name.
fn not_lead(action: ActionKind, appeal: &Appeal) -> Refusal {
    match appeal.lead() {
        Some(lead) => Refusal::NotLead {
            action,
            lead: lead.clone(),
        },
        None => Refusal::NoResolution,
    }
}

fn no_guard(_: &Appeal) -> Result<(), Refusal> {
    Ok(())
}

fn open_info_request(appeal: &Appeal) -> Result<(), Refusal> {
    match appeal.info_requests.last() {
        Some(request) if request.answered_at.is_none() => Ok(()),
        _ => Err(Refusal::NoOpenInfoRequest),
    }
}

fn reply_method_open(appeal: &Appeal) -> Result<(), Refusal> {
    if appeal.reg.reply_method == ReplyMethod::ToBeAgreed {
        Ok(())
    } else {
        Err(Refusal::ReplyMethodAlreadyAgreed)
    }
}

fn has_co_executors(appeal: &Appeal) -> Result<(), Refusal> {
    if appeal.co_executors().is_empty() {
        Err(Refusal::NoCoExecutors)
    } else {
        Ok(())
    }
}

/// With co-executors, the way to signature leads through consolidation and approval; only a
/// lone lead sends a draft straight from work.
fn consolidated_if_shared(appeal: &Appeal) -> Result<(), Refusal> {
    let shared = !appeal.co_executors().is_empty();
    if shared && appeal.status != Approval {
        return Err(Refusal::ConsolidationRequired);
    }
    Ok(())
}

fn signature(appeal: &Appeal) -> bool {
    appeal.reply.as_ref().is_some_and(|r| r.signed_by.is_some())
}

fn unsigned(appeal: &Appeal) -> Result<(), Refusal> {
    if signature(appeal) {
        Err(Refusal::AlreadySigned)
    } else {
        Ok(())
    }
}

fn signed(appeal: &Appeal) -> Result<(), Refusal> {
    if signature(appeal) {
        Ok(())
    } else {
        Err(Refusal::NotSigned)
    }
}

/// Rework needs a lead to do it: an appeal dismissed before any resolution has none.
fn resolved(appeal: &Appeal) -> Result<(), Refusal> {
    if appeal.resolution.is_some() {
        Ok(())
    } else {
        Err(Refusal::NoResolution)
    }
}
