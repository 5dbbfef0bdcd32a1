//! The appeal and everything recorded about it, as plain data.
//!
//! These types are also the stored schema (version 1): the store encodes them with bincode,
//! which keeps fields by position. Append enum variants, never reorder them, and freeze a copy
//! of these types before changing a field (see `store::codec`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::fact::Fact;
use super::user::Login;

/// Internal identity of an appeal: its registration order, starting at 1.
pub type AppealId = u64;

/// Who sent the appeal (принадлежность лица).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Affiliation {
    Individual,
    LegalEntity,
    StateBody,
}

/// How the appeal was made (способ обращения).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Method {
    Written,
    Oral,
    Electronic,
}

/// Where the appeal came in (канал поступления).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    Post,
    InPerson,
    Phone,
    Email,
    WebsiteForm,
    SocialNetwork,
    Edms,
    EGovPortal,
    Other,
}

/// The form of the appeal under art. 4 of the Administrative Procedural Code (форма обращения).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Form {
    Request,
    Proposal,
    Feedback,
    Message,
    Complaint,
    Application,
}

/// How the applicant wants the reply (способ ответа).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReplyMethod {
    /// The appeal named none: the lead executor agrees one with the applicant.
    ToBeAgreed,
    Post,
    Email,
    InPerson,
    Edms,
    EGovPortal,
}

/// Where the appeal is in its workflow (DESIGN.md section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    Registered,
    InProgress,
    AwaitingInfo,
    Approval,
    Signing,
    Sent,
    Returned,
    Closed,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Registered,
        Status::InProgress,
        Status::AwaitingInfo,
        Status::Approval,
        Status::Signing,
        Status::Sent,
        Status::Returned,
        Status::Closed,
    ];

    /// True while no reply has been sent: the term still runs.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Sent | Status::Closed)
    }

    /// Stable one-byte code, used in index keys and counters.
    pub fn byte(self) -> u8 {
        self as u8
    }

    pub fn from_byte(code: u8) -> Option<Status> {
        Status::ALL.get(usize::from(code)).copied()
    }
}

/// Why the term is what it is (основание срока).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TermBasis {
    /// The configured rule (by default 10 calendar days).
    Rule,
    /// Set by a state body's request or another norm, with its reference.
    Set { basis: String },
    /// Moved by an extension.
    Extended,
}

/// The sender's own outgoing number and date (регистрационные данные в обращении).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SenderReference {
    pub number: String,
    pub date: Option<NaiveDate>,
}

/// How to reach the applicant.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contacts {
    pub postal_address: String,
    pub email: String,
    pub phone: String,
}

/// The registration fields of section 3.2 and the applicant's details: what the registrar
/// enters, already validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub appeal_date: NaiveDate,
    pub sender_ref: SenderReference,
    pub received_date: NaiveDate,
    pub applicant: String,
    pub affiliation: Affiliation,
    pub method: Method,
    pub channel: Channel,
    pub form: Form,
    pub summary: String,
    pub contacts: Contacts,
    /// Individual or business identification number, 12 digits, when given.
    pub iin_bin: String,
    pub reply_method: ReplyMethod,
    /// A term set at registration (a state body's request), with its basis.
    pub term_override: Option<(NaiveDate, String)>,
}

/// A registration number: the year and the place in that year's gapless sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RegNumber {
    pub year: i32,
    pub seq: u32,
}

/// A manager's resolution: executors in order, the first is the lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub by: Login,
    pub at: DateTime<Utc>,
    pub executors: Vec<Login>,
    pub instruction: String,
}

/// A co-executor's input for the reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub by: Login,
    pub at: DateTime<Utc>,
    pub text: String,
}

/// A co-executor's answer to the consolidated draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Approved,
    Commented,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub by: Login,
    pub at: DateTime<Utc>,
    pub verdict: Verdict,
    pub note: String,
}

/// The decision the reply carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Positive,
    Negative,
}

/// How the reply went out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispatch {
    pub date: NaiveDate,
    pub outgoing_number: String,
    pub channel: ReplyMethod,
    pub by: Login,
}

/// The reply: drafted by the lead, signed by a manager, then dispatched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub decision: Decision,
    pub justification: String,
    pub text: String,
    pub signed_by: Option<Login>,
    pub signed_at: Option<DateTime<Utc>>,
    pub dispatch: Option<Dispatch>,
}

/// A new term with its reasons and the date the applicant was told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub by: Login,
    pub at: DateTime<Utc>,
    pub previous_term: NaiveDate,
    pub new_term: NaiveDate,
    pub reasons: String,
    pub applicant_told: NaiveDate,
}

/// A request to the applicant for more material, and the answer once it came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InfoRequest {
    pub by: Login,
    pub at: DateTime<Utc>,
    pub text: String,
    pub answered_at: Option<DateTime<Utc>>,
    pub answer: String,
}

/// Compliance sending the appeal back, with the deficiencies to remove.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rework {
    pub by: Login,
    pub at: DateTime<Utc>,
    pub from_status: Status,
    pub deficiencies: Vec<String>,
    pub resumed_at: Option<DateTime<Utc>>,
}

/// One external appeal, from intake to archive. The history lives beside it, one event per
/// action, in `history_len` contiguous entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appeal {
    pub id: AppealId,
    pub number: RegNumber,
    /// The number as formatted at registration; the format may change later, this stays.
    pub number_text: String,
    pub registered_at: DateTime<Utc>,
    pub registered_by: Login,
    pub reg: Registration,
    pub status: Status,
    pub term: NaiveDate,
    pub term_basis: TermBasis,
    /// The statutory term: 15 working days from receipt (APPC art. 76).
    pub statutory_term: NaiveDate,
    pub resolution: Option<Resolution>,
    pub contributions: Vec<Contribution>,
    pub approvals: Vec<Approval>,
    pub reply: Option<Reply>,
    pub extensions: Vec<Extension>,
    pub info_requests: Vec<InfoRequest>,
    pub reworks: Vec<Rework>,
    /// Earlier appeals of the same applicant.
    pub links: Vec<AppealId>,
    /// Bumped by every action; a change based on an older revision is refused.
    pub revision: u64,
    pub history_len: u32,
}

impl Appeal {
    /// The lead executor: the first executor of the resolution.
    pub fn lead(&self) -> Option<&Login> {
        self.resolution.as_ref().and_then(|r| r.executors.first())
    }

    /// Co-executors: every executor after the first.
    pub fn co_executors(&self) -> &[Login] {
        match &self.resolution {
            Some(r) if !r.executors.is_empty() => &r.executors[1..],
            _ => &[],
        }
    }

    pub fn is_executor(&self, login: &Login) -> bool {
        self.resolution
            .as_ref()
            .is_some_and(|r| r.executors.contains(login))
    }

    /// The latest contribution of one co-executor, if any.
    pub fn contribution_of(&self, login: &Login) -> Option<&Contribution> {
        self.contributions.iter().rev().find(|c| &c.by == login)
    }

    /// The current verdict of one co-executor on the draft, if any.
    pub fn approval_of(&self, login: &Login) -> Option<&Approval> {
        self.approvals.iter().rev().find(|a| &a.by == login)
    }

    /// The date the reply went out, once dispatched.
    pub fn dispatched_on(&self) -> Option<NaiveDate> {
        self.reply
            .as_ref()
            .and_then(|r| r.dispatch.as_ref())
            .map(|d| d.date)
    }
}

/// What one history event records: the kind of action and its details in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEvent {
    pub appeal: AppealId,
    /// Position in the appeal's history, from 0, contiguous.
    pub seq: u32,
    pub at: DateTime<Utc>,
    pub by: Login,
    pub action: ActionKind,
    pub from_status: Option<Status>,
    pub to_status: Status,
    /// What was done, e.g. the executors named or the new term.
    pub detail: String,
    /// Why: a justification, basis, reasons or comment, when the action has one.
    pub reason: String,
    /// What was done, as data that `detail` words in English. Empty in events written before
    /// schema version 2, which have their detail alone.
    #[serde(default)]
    pub facts: Vec<Fact>,
}

/// The kinds of action that change an appeal; one history event each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionKind {
    Register,
    Edit,
    Resolve,
    Reassign,
    Dismiss,
    Redirect,
    RequestInfo,
    InfoReceived,
    Extend,
    AgreeReplyMethod,
    Contribute,
    Consolidate,
    Approve,
    Comment,
    ToSignature,
    Sign,
    SendBack,
    Dispatch,
    Accept,
    Return,
    Resume,
}

impl ActionKind {
    /// Every kind, in the order of the workflow.
    pub const ALL: [ActionKind; 21] = [
        ActionKind::Register,
        ActionKind::Edit,
        ActionKind::Resolve,
        ActionKind::Reassign,
        ActionKind::Dismiss,
        ActionKind::Redirect,
        ActionKind::RequestInfo,
        ActionKind::InfoReceived,
        ActionKind::Extend,
        ActionKind::AgreeReplyMethod,
        ActionKind::Contribute,
        ActionKind::Consolidate,
        ActionKind::Approve,
        ActionKind::Comment,
        ActionKind::ToSignature,
        ActionKind::Sign,
        ActionKind::SendBack,
        ActionKind::Dispatch,
        ActionKind::Accept,
        ActionKind::Return,
        ActionKind::Resume,
    ];
}
