//! The queues of DESIGN.md section 5 as pure predicates, and the orders a queue is shown
//! in. The store answers queues from its indexes; these predicates and `compare` are the
//! definition the indexes are tested against.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{Appeal, AppealId, RegNumber, Status};
use super::user::{Role, User};

/// A work list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Queue {
    /// Registered appeals awaiting a resolution.
    Incoming,
    /// Where something is mine to do; for a manager also replies awaiting my signature.
    Mine,
    /// Past their term and unanswered.
    Overdue,
    /// Returned for rework.
    Returned,
    /// Where I am a co-executor and the appeal is open.
    CoExecuting,
    /// Replies awaiting a manager's signature.
    OnSignature,
    /// Everything the user may see.
    All,
}

impl Queue {
    pub const ALL: [Queue; 7] = [
        Queue::Incoming,
        Queue::Mine,
        Queue::Overdue,
        Queue::Returned,
        Queue::CoExecuting,
        Queue::OnSignature,
        Queue::All,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Queue::Incoming => "incoming",
            Queue::Mine => "mine",
            Queue::Overdue => "overdue",
            Queue::Returned => "returned",
            Queue::CoExecuting => "coexec",
            Queue::OnSignature => "signature",
            Queue::All => "all",
        }
    }

    pub fn parse(text: &str) -> Option<Queue> {
        Queue::ALL.into_iter().find(|q| q.code() == text.trim())
    }
}

/// What a queue is sorted by. Ties are broken by the id, so every order is total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sort {
    /// The term, soonest first: what is due comes to the top.
    Term,
    /// The received date, the day the term counts from.
    Received,
    /// The registration number: the year, then the place in that year's sequence.
    Number,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Term, Sort::Received, Sort::Number];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Term => "term",
            Sort::Received => "received",
            Sort::Number => "number",
        }
    }

    pub fn parse(text: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.code() == text.trim())
    }
}

/// A sort and its direction. Descending is the exact reverse of ascending, ties included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Order {
    pub sort: Sort,
    pub descending: bool,
}

impl Order {
    /// How a queue is shown when nobody chose: the All queue newest first, as a journal is
    /// read; every work queue by term, so what is due comes first.
    pub fn default_for(queue: Queue) -> Order {
        match queue {
            Queue::All => Order {
                sort: Sort::Number,
                descending: true,
            },
            _ => Order {
                sort: Sort::Term,
                descending: false,
            },
        }
    }

    /// The definition of the order: by the sort's key, then by id; reversed when descending.
    pub fn compare(self, a: &Appeal, b: &Appeal) -> Ordering {
        let ascending = sort_key(self.sort, a).cmp(&sort_key(self.sort, b));
        if self.descending {
            ascending.reverse()
        } else {
            ascending
        }
    }
}

/// What an appeal is sorted by: a date or the number, then the id.
fn sort_key(sort: Sort, appeal: &Appeal) -> (NaiveDate, Option<RegNumber>, AppealId) {
    match sort {
        Sort::Term => (appeal.term, None, appeal.id),
        Sort::Received => (appeal.reg.received_date, None, appeal.id),
        Sort::Number => (NaiveDate::MIN, Some(appeal.number), appeal.id),
    }
}

/// An executor sees only the appeals assigned to them; registrars, managers and compliance
/// see all.
pub fn visible(appeal: &Appeal, viewer: &User) -> bool {
    viewer.sees_all() || (viewer.active && appeal.is_executor(&viewer.login))
}

/// True when the reply awaits a manager's signature.
pub fn awaiting_signature(appeal: &Appeal) -> bool {
    appeal.status == Status::Signing && appeal.reply.as_ref().is_none_or(|r| r.signed_by.is_none())
}

/// True when the next step of this appeal is the given executor's.
pub fn waiting_on(appeal: &Appeal, login: &str) -> bool {
    let Some(lead) = appeal.lead() else {
        return false;
    };
    if lead == login {
        return lead_has_work(appeal);
    }
    if !appeal.co_executors().iter().any(|c| c == login) {
        return false;
    }
    let contributed = appeal.contribution_of(&login.to_string()).is_some();
    match appeal.status {
        Status::InProgress | Status::AwaitingInfo | Status::Returned => !contributed,
        Status::Approval => contributed && appeal.approval_of(&login.to_string()).is_none(),
        _ => false,
    }
}

fn lead_has_work(appeal: &Appeal) -> bool {
    match appeal.status {
        Status::InProgress | Status::AwaitingInfo | Status::Returned => true,
        // The lead acts once every contributor has answered the draft: to sign or to rework.
        Status::Approval => appeal
            .co_executors()
            .iter()
            .all(|c| appeal.contribution_of(c).is_none() || appeal.approval_of(c).is_some()),
        Status::Signing => !awaiting_signature(appeal),
        _ => false,
    }
}

/// True when the term has passed and no reply was sent.
pub fn is_overdue(appeal: &Appeal, today: NaiveDate) -> bool {
    appeal.status.is_open() && appeal.term < today
}

/// The definition of every queue for one viewer.
pub fn in_queue(queue: Queue, appeal: &Appeal, viewer: &User, today: NaiveDate) -> bool {
    if !visible(appeal, viewer) {
        return false;
    }
    let me = &viewer.login;
    match queue {
        Queue::Incoming => appeal.status == Status::Registered,
        Queue::Mine => waiting_on(appeal, me) || signature_of(appeal, viewer),
        Queue::Overdue => is_overdue(appeal, today),
        Queue::Returned => {
            appeal.status == Status::Returned && (viewer.sees_all() || appeal.lead() == Some(me))
        }
        Queue::CoExecuting => {
            appeal.status.is_open() && appeal.co_executors().iter().any(|c| c == me)
        }
        Queue::OnSignature => viewer.has(Role::Manager) && awaiting_signature(appeal),
        Queue::All => true,
    }
}

/// A reply awaiting the signature of the manager who issued the resolution.
fn signature_of(appeal: &Appeal, viewer: &User) -> bool {
    viewer.has(Role::Manager)
        && awaiting_signature(appeal)
        && appeal
            .resolution
            .as_ref()
            .is_some_and(|r| r.by == viewer.login)
}
