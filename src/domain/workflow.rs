//! The workflow as a pure function: (appeal, action, acting user, now) gives the changed
//! appeal and one history event, or a refusal that says why.

use chrono::{DateTime, NaiveDate, Utc};

use super::action::{Action, Refusal};
use super::model::{Appeal, AppealId, HistoryEvent, RegNumber, Registration};
use super::terms::Terms;
use super::user::User;

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

/// Registers a new appeal: the registrar's first event in its history.
pub fn register(
    _reg: Registration,
    _identity: NewIdentity,
    _links: Vec<AppealId>,
    _ctx: &Context,
) -> Result<(Appeal, HistoryEvent), Refusal> {
    todo!()
}

/// Applies one action to an appeal.
pub fn apply(
    _appeal: &Appeal,
    _action: &Action,
    _ctx: &Context,
) -> Result<(Appeal, HistoryEvent), Refusal> {
    todo!()
}

/// What the user could attempt now.
pub fn allowed(_appeal: &Appeal, _actor: &User) -> Vec<crate::domain::model::ActionKind> {
    Vec::new()
}
