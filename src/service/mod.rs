//! The one API through which every front end reads and changes appeals on behalf of an
//! identified user. Role rules are the workflow's; visibility (an executor sees only the
//! appeals assigned to them) and user management are enforced here, as is the ownership of
//! drafts of the registration form.

pub mod api;
mod drafts;
mod links;
mod read;
mod users;

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::action::Action;
use crate::domain::draft::DraftSlot;
use crate::domain::model::{Appeal, HistoryEvent};
use crate::domain::terms::{CalendarWarning, Terms};
use crate::domain::user::User;
use crate::domain::validate::{self, AppealForm};
use crate::domain::workflow::{self, Context};
use crate::store::{Store, StoreError};
use api::{ActRequest, Notice, Outcome, ServiceError};

/// Gives the current time; tests pin it.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;
/// Formats a registration number from year and sequence.
pub type NumberFormatter = Arc<dyn Fn(i32, u32) -> String + Send + Sync>;
/// The calendar date of an instant in the configured time zone.
pub type LocalDate = Arc<dyn Fn(DateTime<Utc>) -> NaiveDate + Send + Sync>;

/// What the service needs from the configuration.
#[derive(Clone)]
pub struct Settings {
    pub terms: Terms,
    pub number: NumberFormatter,
    pub local_date: LocalDate,
    pub clock: Clock,
}

pub struct Service {
    store: Store,
    settings: Settings,
    subscribers: Mutex<Vec<Sender<Notice>>>,
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Refused(refusal) => ServiceError::Refused { refusal },
            StoreError::DraftTooLarge { bytes, limit } => {
                ServiceError::DraftTooLarge { bytes, limit }
            }
            StoreError::TooManyDrafts { owner, limit } => ServiceError::TooManyDrafts {
                login: owner,
                limit,
            },
            other => ServiceError::Store {
                message: other.to_string(),
            },
        }
    }
}

impl Service {
    pub fn new(store: Store, settings: Settings) -> Service {
        Service {
            store,
            settings,
            subscribers: Mutex::new(Vec::new()),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn terms(&self) -> &Terms {
        &self.settings.terms
    }

    /// The current instant by the service's clock.
    pub fn now(&self) -> DateTime<Utc> {
        (self.settings.clock)()
    }

    /// A registration number as the configured format writes it.
    pub fn format_number(&self, year: i32, seq: u32) -> String {
        (self.settings.number)(year, seq)
    }

    /// Today in the configured time zone.
    pub fn today(&self) -> NaiveDate {
        (self.settings.local_date)(self.now())
    }

    /// Delivers a notice after every committed change until the receiver is dropped.
    pub fn subscribe(&self) -> Receiver<Notice> {
        let (tx, rx) = channel();
        self.subscribers
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(tx);
        rx
    }

    fn notify(&self, appeal: &Appeal, event: &HistoryEvent) {
        let notice = Notice {
            id: appeal.id,
            number: appeal.number_text.clone(),
            revision: appeal.revision,
            status: appeal.status,
            action: event.action,
            by: event.by.clone(),
            at: event.at,
        };
        let mut subscribers = self.subscribers.lock().unwrap_or_else(|p| p.into_inner());
        subscribers.retain(|s| s.send(notice.clone()).is_ok());
    }

    /// The active registered user behind a login.
    pub fn caller(&self, login: &str) -> Result<User, ServiceError> {
        match self.store.user(login)? {
            Some(user) if user.active => Ok(user),
            Some(_) => Err(ServiceError::Disabled {
                login: login.to_string(),
            }),
            None => Err(ServiceError::UnknownUser {
                login: login.to_string(),
            }),
        }
    }

    /// A lookup of active users, read before a transaction starts: sled lets no other read
    /// happen inside one, so the workflow must not reach the store while it runs.
    fn lookup(&self) -> Result<impl Fn(&str) -> Option<User> + use<>, ServiceError> {
        let users: HashMap<String, User> = self
            .store
            .users()?
            .into_iter()
            .filter(|u| u.active)
            .map(|u| (u.login.clone(), u))
            .collect();
        Ok(move |login: &str| users.get(login).cloned())
    }

    /// Runs `body` with the workflow's context for `actor`: now, today, the terms and the
    /// active users (read before any transaction, see `lookup`).
    fn in_context<T>(
        &self,
        actor: &User,
        body: impl FnOnce(&Context) -> T,
    ) -> Result<T, ServiceError> {
        let users = self.lookup()?;
        let (now, today, terms) = (self.now(), self.today(), &self.settings.terms);
        Ok(body(&Context {
            actor,
            now,
            today,
            terms,
            users: &users,
        }))
    }

    /// Registers a new appeal from the form; nothing is stored unless the whole form is valid.
    /// The appeal is linked to earlier ones of the same applicant and to those chosen by hand.
    /// The user's draft of a new appeal is removed in the registration's own transaction, so
    /// that a crash cannot leave it to be offered, and registered, a second time.
    pub fn register(&self, login: &str, form: &AppealForm) -> Result<Outcome, ServiceError> {
        let actor = self.caller(login)?;
        let chosen = self.chosen_links(&actor, &form.links, None)?;
        let (appeal, event) = self.in_context(&actor, |ctx| {
            let reg = validate::validate(form, ctx.today)
                .map_err(|problems| ServiceError::Invalid { problems })?;
            let links = self.store.same_applicant(&reg.applicant, &reg.iin_bin)?;
            let year = chrono::Datelike::year(&ctx.today);
            let make = |identity| {
                let made = workflow::register(reg.clone(), identity, links.clone(), ctx);
                made.map(|(mut appeal, mut event)| {
                    links::add_links(&mut appeal, &mut event, &chosen);
                    (appeal, event)
                })
            };
            let finished = Some((actor.login.as_str(), &DraftSlot::New));
            let number = &*self.settings.number;
            let registered = self.store.register(year, number, &make, finished);
            registered.map_err(|e| {
                tracing::warn!(user = login, error = %e, "registration refused");
                ServiceError::from(e)
            })
        })??;
        tracing::info!(user = login, number = %appeal.number_text, "registered");
        self.notify(&appeal, &event);
        Ok(self.outcome(&appeal, event))
    }

    /// Corrects the registration fields while the appeal awaits its resolution, adding the
    /// links chosen by hand.
    pub fn edit(
        &self,
        login: &str,
        number: &str,
        revision: Option<u64>,
        form: &AppealForm,
    ) -> Result<Outcome, ServiceError> {
        let reg = validate::validate(form, self.today())
            .map_err(|problems| ServiceError::Invalid { problems })?;
        let request = ActRequest {
            number: number.to_string(),
            revision,
            action: Action::Edit(reg),
        };
        self.act_linking(login, &request, &form.links)
    }

    /// Carries out one workflow action. An edit takes the user's draft of that edit with it.
    pub fn act(&self, login: &str, request: &ActRequest) -> Result<Outcome, ServiceError> {
        self.act_linking(login, request, &[])
    }

    /// Carries out one workflow action, then links the appeals numbered in `links`.
    fn act_linking(
        &self,
        login: &str,
        request: &ActRequest,
        links: &[String],
    ) -> Result<Outcome, ServiceError> {
        let actor = self.caller(login)?;
        let appeal = self.visible_appeal(&actor, &request.number)?;
        let chosen = self.chosen_links(&actor, links, Some(appeal.id))?;
        let edit_slot = DraftSlot::Edit {
            number: appeal.number_text.clone(),
        };
        let finished =
            matches!(request.action, Action::Edit(_)).then_some((actor.login.as_str(), &edit_slot));
        let result = self.in_context(&actor, |ctx| {
            let change = |stored: &Appeal| {
                let (mut next, mut event) = workflow::apply(stored, &request.action, ctx)?;
                links::add_links(&mut next, &mut event, &chosen);
                Ok((next, event))
            };
            self.store
                .act(appeal.id, request.revision, &change, finished)
        })?;
        let (appeal, event) = result.map_err(|e| self.act_error(login, &request.number, e))?;
        tracing::info!(user = login, number = %appeal.number_text, action = ?event.action, "acted");
        self.notify(&appeal, &event);
        Ok(self.outcome(&appeal, event))
    }

    fn act_error(&self, login: &str, number: &str, e: StoreError) -> ServiceError {
        tracing::warn!(user = login, number, error = %e, "action refused");
        match e {
            StoreError::Conflict {
                expected,
                current,
                by,
                at,
            } => ServiceError::Conflict {
                number: number.to_string(),
                by,
                at,
                current,
                expected,
            },
            other => other.into(),
        }
    }
}

impl Service {
    /// What an appeal's terms rest on that the calendar cannot vouch for.
    fn warnings(&self, appeal: &Appeal) -> Vec<CalendarWarning> {
        let terms = self.terms();
        let registered = (self.settings.local_date)(appeal.registered_at);
        let mut warnings = terms
            .internal(appeal.reg.received_date, registered)
            .warnings;
        for w in terms.statutory(appeal.reg.received_date).warnings {
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
        warnings
    }

    fn outcome(&self, appeal: &Appeal, event: HistoryEvent) -> Outcome {
        Outcome {
            warnings: self.warnings(appeal),
            ..outcome(appeal, event)
        }
    }
}

fn outcome(appeal: &Appeal, event: HistoryEvent) -> Outcome {
    Outcome {
        warnings: Vec::new(),
        id: appeal.id,
        number: appeal.number_text.clone(),
        revision: appeal.revision,
        status: appeal.status,
        term: appeal.term,
        event,
        links: appeal.links.clone(),
    }
}
