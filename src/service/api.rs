//! The service's requests and answers as plain owned data, ready to travel over a socket.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::action::{Action, Refusal};
use crate::domain::model::{
    ActionKind, Affiliation, Appeal, AppealId, Channel, Form, HistoryEvent, Method, Status,
};
use crate::domain::queue::Queue;
use crate::domain::terms::{CalendarWarning, Explanation, Urgency};
use crate::domain::user::Login;
use crate::domain::validate::{FieldError, SUMMARY_LIMIT};

/// One line of a queue or a search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub id: AppealId,
    pub number: String,
    pub received: NaiveDate,
    pub applicant: String,
    pub affiliation: Affiliation,
    pub form: Form,
    pub method: Method,
    pub channel: Channel,
    pub status: Status,
    pub lead: Option<Login>,
    pub term: NaiveDate,
    pub urgency: Urgency,
    pub revision: u64,
}

/// One page of rows and the length of the whole list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowPage {
    pub rows: Vec<Row>,
    pub total: u64,
    pub offset: u64,
}

/// The count of one queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueCount {
    pub queue: Queue,
    pub count: u64,
}

/// Something about an appeal that needs attention beyond its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Flag {
    /// Late by the internal term but within the statutory one.
    LateInternal,
    /// Past the statutory term of APPC art. 76.
    LateStatutory,
    /// The reply went out after the term; counts as late in reports even once closed.
    RepliedLate { days: u32 },
    /// The applicant was told of extension `index` later than the notice period allows.
    LateExtensionNotice { index: usize },
    /// The reply method still has to be agreed with the applicant.
    ReplyMethodToAgree,
}

/// Another appeal as a card lists it: an earlier one linked, or a later one of the applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub id: AppealId,
    pub number: String,
    pub received: NaiveDate,
    pub status: Status,
    pub summary: String,
}

/// The newest of an applicant's later appeals, and how many the server found in all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SameApplicant {
    pub shown: Vec<Link>,
    pub total: u64,
}

/// An earlier appeal offered on the registration form while the applicant is typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Earlier {
    pub row: Row,
    /// The start of the summary, on one line: enough to recognise the case.
    pub summary: String,
    /// The same normalised name or IIN/BIN: registration links this one by itself, so only
    /// the others need linking by hand.
    pub same_applicant: bool,
}

/// One appeal with everything a card shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppealView {
    pub appeal: Appeal,
    pub history: Vec<HistoryEvent>,
    pub term: Explanation,
    pub statutory: Explanation,
    pub urgency: Urgency,
    pub statutory_urgency: Urgency,
    pub flags: Vec<Flag>,
    /// The appeals this one is linked to: the applicant's earlier ones, linked on
    /// registration, and those chosen by hand.
    pub links: Vec<Link>,
    /// The applicant's appeals registered after this one.
    pub later: SameApplicant,
    /// What the requesting user may do next.
    pub allowed: Vec<ActionKind>,
}

/// An action on one appeal, based on the revision the user saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActRequest {
    pub number: String,
    /// The revision the user saw; `None` acts on whatever is stored now.
    pub revision: Option<u64>,
    pub action: Action,
}

/// What a change did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub id: AppealId,
    pub number: String,
    pub revision: u64,
    pub status: Status,
    pub term: NaiveDate,
    pub event: HistoryEvent,
    pub links: Vec<AppealId>,
    /// What the calendar could not vouch for in the term (a year not loaded, provisional).
    pub warnings: Vec<CalendarWarning>,
}

/// Sent to subscribers after every committed change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub id: AppealId,
    pub number: String,
    pub revision: u64,
    pub status: Status,
    pub action: ActionKind,
    pub by: Login,
    pub at: DateTime<Utc>,
}

/// The user's own deadlines: overdue first, then due soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueList {
    pub rows: Vec<Row>,
    /// Overdue appeals in the whole registry, for those who see all.
    pub overdue_in_registry: Option<u64>,
}

/// What the consistency check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckSummary {
    pub appeals: u64,
    pub history_events: u64,
    pub users: u64,
    pub index_entries: u64,
    pub drafts: u64,
    pub numbers_per_year: Vec<(i32, u32)>,
    pub problems: Vec<String>,
}

/// Why a request was not served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ServiceError {
    #[error(
        "{login} is not a registered user; an administrator adds them with `appeals user add {login} ...`"
    )]
    UnknownUser { login: Login },
    #[error("user {login} is disabled")]
    Disabled { login: Login },
    #[error("no appeal {number}")]
    NotFound { number: String },
    #[error("invalid: {}", .problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid { problems: Vec<FieldError> },
    #[error("refused: {refusal}")]
    Refused { refusal: Refusal },
    #[error(
        "appeal {number} was changed meanwhile by {by} at {at} (revision {current}, you saw {expected}); reload and try again"
    )]
    Conflict {
        number: String,
        by: Login,
        at: DateTime<Utc>,
        current: u64,
        expected: u64,
    },
    #[error("not allowed: {what}")]
    Forbidden { what: String },
    #[error("{what}")]
    BadRequest { what: String },
    #[error("storage: {message}")]
    Store { message: String },
    #[error(
        "the draft is {bytes} bytes, over the limit of {limit} for a draft: its text is far \
         longer than the form's fields allow (the summary holds {SUMMARY_LIMIT} characters); \
         shorten it"
    )]
    DraftTooLarge { bytes: usize, limit: usize },
    #[error(
        "{login} already keeps {limit} drafts; drop those no longer needed with \
         `appeals drafts drop new|NUMBER`"
    )]
    TooManyDrafts { login: Login, limit: usize },
}
