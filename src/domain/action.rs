//! The actions of the workflow as plain data, and why one can be refused.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{ActionKind, Decision, Registration, ReplyMethod, Status};
use super::user::{Login, Role};

/// The reply as the lead drafts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub decision: Decision,
    pub justification: String,
    pub text: String,
}

/// One step of the workflow on an existing appeal (DESIGN.md section 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Correct the registration fields while the appeal awaits its resolution.
    Edit(Registration),
    /// Assign executors in order; the first is the lead. May set the term with its basis.
    Resolve {
        executors: Vec<Login>,
        instruction: String,
        term: Option<(NaiveDate, String)>,
    },
    /// Replace the executors of a resolution already issued.
    Reassign {
        executors: Vec<Login>,
        reason: String,
    },
    /// Leave without consideration, on a legal basis.
    Dismiss {
        basis: String,
    },
    /// The lead passes the appeal to another employee, who becomes the lead.
    Redirect {
        to: Login,
        justification: String,
    },
    RequestInfo {
        text: String,
    },
    InfoReceived {
        answer: String,
    },
    Extend {
        new_term: NaiveDate,
        reasons: String,
        applicant_told: NaiveDate,
    },
    AgreeReplyMethod {
        method: ReplyMethod,
        note: String,
    },
    Contribute {
        text: String,
    },
    /// The lead merges the contributions into a draft and sends it for approval.
    Consolidate(Draft),
    Approve {
        note: String,
    },
    Comment {
        text: String,
    },
    /// Send for signature; the draft is required when nothing was consolidated.
    ToSignature {
        draft: Option<Draft>,
    },
    Sign {
        note: String,
    },
    SendBack {
        comment: String,
    },
    Dispatch {
        date: NaiveDate,
        outgoing_number: String,
        channel: ReplyMethod,
    },
    Accept {
        note: String,
    },
    Return {
        deficiencies: Vec<String>,
    },
    Resume {
        note: String,
    },
}

/// Why an action was not carried out. Nothing changes when an action is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Refusal {
    #[error("{action} is not possible while the appeal is {status}")]
    WrongStatus { action: ActionKind, status: Status },
    #[error("{action} needs the role {role}")]
    RoleRequired { action: ActionKind, role: Role },
    #[error("{action} may be done only by the lead executor {lead}")]
    NotLead { action: ActionKind, lead: Login },
    #[error("{action} may be done only by a co-executor of this appeal")]
    NotCoExecutor { action: ActionKind },
    #[error("{action} may be done by the lead executor or by {role}")]
    LeadOrRole { action: ActionKind, role: Role },
    #[error("{field} must not be empty")]
    Missing { field: String },
    #[error("{field}: {problem}")]
    Invalid { field: String, problem: String },
    #[error("{login} is not a registered active user")]
    UnknownUser { login: Login },
    #[error("{login} does not have the executor role")]
    NotAnExecutor { login: Login },
    #[error("{login} is named twice among the executors")]
    DuplicateExecutor { login: Login },
    #[error("contributions outstanding from: {}", .from.join(", "))]
    ContributionsOutstanding { from: Vec<Login> },
    #[error("approvals outstanding from: {}", .from.join(", "))]
    ApprovalsOutstanding { from: Vec<Login> },
    #[error("no draft reply: consolidate or give the draft")]
    NoDraft,
    #[error("the reply is not signed yet")]
    NotSigned,
    #[error("the reply is already signed")]
    AlreadySigned,
    #[error("the reply method is not agreed with the applicant yet")]
    ReplyMethodNotAgreed,
    #[error("the reply method is already agreed")]
    ReplyMethodAlreadyAgreed,
    #[error("the new term {new} must be after the current term {current}")]
    TermNotLater { new: NaiveDate, current: NaiveDate },
    #[error("{field} {date} is in the future")]
    DateInFuture { field: String, date: NaiveDate },
    #[error("{field} {date} is before {limit}")]
    DateTooEarly {
        field: String,
        date: NaiveDate,
        limit: NaiveDate,
    },
    #[error("a reply by e-mail needs the applicant's e-mail address")]
    EmailMissing,
    #[error("the applicant's answer to the last information request is already recorded")]
    NoOpenInfoRequest,
    #[error("{action} of {login}: they have no contribution to approve on")]
    NoContribution { action: ActionKind, login: Login },
    #[error("there are no co-executors to approve a draft: send it for signature instead")]
    NoCoExecutors,
    #[error("the appeal has co-executors: consolidate their contributions for approval first")]
    ConsolidationRequired,
    #[error("the appeal has no resolution, so it has no lead executor")]
    NoResolution,
}
