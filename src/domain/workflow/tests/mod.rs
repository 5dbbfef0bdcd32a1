//! Tests of the workflow, one file per concern. The fixtures live here: a small office of
//! users, a sample registration, and appeals brought to each status by real actions.

mod assignment;
mod compliance;
mod cycle;
mod execution;
mod registration;
mod reply;
mod rules;
mod texts;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::{Context, NewIdentity, apply, register};
use crate::domain::action::{Action, Draft, Refusal};
use crate::domain::model::{
    Affiliation, Appeal, Channel, Contacts, Decision, Form, HistoryEvent, Method, RegNumber,
    Registration, ReplyMethod, SenderReference, Status,
};
use crate::domain::terms::{Calendar, TermRule, Terms};
use crate::domain::user::{Role, User};

pub const REGISTRAR: &str = "rita";
pub const MANAGER: &str = "boss";
pub const LEAD: &str = "ivanov";
pub const CO_A: &str = "petrova";
pub const CO_B: &str = "sidorov";
/// An executor not named in the resolutions below.
pub const SPARE: &str = "kim";
pub const COMPLIANCE: &str = "olga";
/// An executor whose account is deactivated.
pub const GHOST: &str = "ghost";
/// A registrar without the executor role.
pub const CLERK: &str = "clerk";

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date in a fixture")
}

/// The day the sample appeal came in.
pub fn received() -> NaiveDate {
    date(2026, 3, 2)
}

pub fn user(login: &str, roles: &[Role]) -> User {
    User {
        login: login.to_string(),
        full_name: format!("{login} (full name)"),
        position: "staff".to_string(),
        roles: roles.to_vec(),
        active: true,
    }
}

fn office() -> Vec<User> {
    let mut ghost = user(GHOST, &[Role::Executor]);
    ghost.active = false;
    vec![
        user(REGISTRAR, &[Role::Registrar]),
        user(MANAGER, &[Role::Manager]),
        user(LEAD, &[Role::Executor]),
        user(CO_A, &[Role::Executor]),
        user(CO_B, &[Role::Executor]),
        user(SPARE, &[Role::Executor]),
        user(COMPLIANCE, &[Role::Compliance]),
        user(CLERK, &[Role::Registrar]),
        user("admin", &[Role::Admin]),
        ghost,
    ]
}

/// A written request from an individual who wants the reply by post and gave an e-mail too.
pub fn sample_registration() -> Registration {
    Registration {
        appeal_date: date(2026, 2, 27),
        sender_ref: SenderReference::default(),
        received_date: received(),
        applicant: "Aigerim Nurlanovna".to_string(),
        affiliation: Affiliation::Individual,
        method: Method::Written,
        channel: Channel::Post,
        form: Form::Request,
        summary: "asks for a copy of her diploma supplement".to_string(),
        contacts: Contacts {
            postal_address: "Almaty, Abay ave. 1".to_string(),
            email: "aigerim@example.kz".to_string(),
            phone: String::new(),
        },
        iin_bin: String::new(),
        reply_method: ReplyMethod::Post,
        term_override: None,
    }
}

pub fn draft(text: &str) -> Draft {
    Draft {
        decision: Decision::Positive,
        justification: "the applicant studied here in 2019-2023".to_string(),
        text: text.to_string(),
    }
}

pub fn resolution(executors: &[&str]) -> Action {
    Action::Resolve {
        executors: executors.iter().map(|e| e.to_string()).collect(),
        instruction: "prepare the reply".to_string(),
        term: None,
    }
}

/// Finds a user of the office by login, as the service does for the workflow.
type Lookup = Box<dyn Fn(&str) -> Option<User>>;

/// The office, the terms and the clock every test acts with.
pub struct World {
    pub users: Vec<User>,
    pub terms: Terms,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    lookup: Lookup,
}

impl World {
    pub fn new() -> World {
        let users = office();
        let known = users.clone();
        World {
            users,
            terms: Terms::new(TermRule::default(), Calendar::embedded()),
            now: Utc
                .with_ymd_and_hms(2026, 3, 10, 6, 0, 0)
                .single()
                .expect("a valid instant"),
            today: date(2026, 3, 10),
            lookup: Box::new(move |login| known.iter().find(|u| u.login == login).cloned()),
        }
    }

    pub fn user(&self, login: &str) -> &User {
        let found = self.users.iter().find(|u| u.login == login);
        found.expect("a user of the fixture office")
    }

    pub fn ctx(&self, login: &str) -> Context<'_> {
        self.ctx_as(self.user(login))
    }

    pub fn ctx_as<'a>(&'a self, actor: &'a User) -> Context<'a> {
        Context {
            actor,
            now: self.now,
            today: self.today,
            terms: &self.terms,
            users: &*self.lookup,
        }
    }

    /// Registers `reg` as the registrar does.
    pub fn register(&self, reg: Registration) -> (Appeal, HistoryEvent) {
        let identity = NewIdentity {
            id: 17,
            number: RegNumber {
                year: 2026,
                seq: 17,
            },
            number_text: "2026-00017".to_string(),
        };
        register(reg, identity, vec![3], &self.ctx(REGISTRAR)).expect("registration succeeds")
    }

    /// Applies an action that must succeed, and checks what every success promises.
    pub fn act(&self, appeal: &Appeal, login: &str, action: Action) -> (Appeal, HistoryEvent) {
        let result = apply(appeal, &action, &self.ctx(login));
        let (next, event) = result.unwrap_or_else(|r| panic!("{action:?} by {login}: {r}"));
        assert_eq!(next.revision, appeal.revision + 1);
        assert_eq!(next.history_len, appeal.history_len + 1);
        assert_eq!(event.seq, appeal.history_len);
        assert_eq!(event.appeal, appeal.id);
        assert_eq!(event.by, login);
        assert_eq!(event.at, self.now);
        assert_eq!(event.from_status, Some(appeal.status));
        assert_eq!(event.to_status, next.status);
        (next, event)
    }

    /// Like `act`, for when only the changed appeal matters.
    pub fn step(&self, appeal: &Appeal, login: &str, action: Action) -> Appeal {
        self.act(appeal, login, action).0
    }

    /// Applies an action that must be refused, and checks that the appeal did not change.
    pub fn refuse(&self, appeal: &Appeal, login: &str, action: Action) -> Refusal {
        let before = appeal.clone();
        let refusal = match apply(appeal, &action, &self.ctx(login)) {
            Ok(_) => panic!("{action:?} by {login} should have been refused"),
            Err(refusal) => refusal,
        };
        assert_eq!(appeal, &before, "a refused action changed the appeal");
        refusal
    }

    pub fn registered(&self) -> Appeal {
        self.register(sample_registration()).0
    }

    /// Resolved to the lead and two co-executors.
    pub fn in_progress(&self) -> Appeal {
        self.step(&self.registered(), MANAGER, resolution(&[LEAD, CO_A, CO_B]))
    }

    /// Resolved to the lead alone.
    pub fn lone(&self) -> Appeal {
        self.step(&self.registered(), MANAGER, resolution(&[LEAD]))
    }

    /// Both co-executors have contributed.
    pub fn contributed(&self) -> Appeal {
        let appeal = self.in_progress();
        let appeal = self.step(&appeal, CO_A, contribution("transcript is in the archive"));
        self.step(&appeal, CO_B, contribution("the copy costs nothing"))
    }

    /// The consolidated draft waits for the co-executors' verdicts.
    pub fn on_approval(&self) -> Appeal {
        let consolidated = Action::Consolidate(draft("a copy will be issued"));
        self.step(&self.contributed(), LEAD, consolidated)
    }

    /// Both co-executors approved the draft.
    pub fn approved(&self) -> Appeal {
        let appeal = self.step(&self.on_approval(), CO_A, approval());
        self.step(&appeal, CO_B, approval())
    }

    /// The approved reply waits for the manager's signature.
    pub fn signing(&self) -> Appeal {
        self.step(&self.approved(), LEAD, Action::ToSignature { draft: None })
    }

    pub fn signed(&self) -> Appeal {
        self.step(&self.signing(), MANAGER, sign())
    }

    pub fn sent(&self) -> Appeal {
        self.step(
            &self.signed(),
            LEAD,
            dispatch(self.today, ReplyMethod::Post),
        )
    }

    pub fn closed(&self) -> Appeal {
        self.step(&self.sent(), COMPLIANCE, accept())
    }

    pub fn returned(&self) -> Appeal {
        self.step(&self.sent(), COMPLIANCE, return_for(&["no signature date"]))
    }
}

pub fn contribution(text: &str) -> Action {
    Action::Contribute {
        text: text.to_string(),
    }
}

pub fn approval() -> Action {
    Action::Approve {
        note: String::new(),
    }
}

pub fn sign() -> Action {
    Action::Sign {
        note: String::new(),
    }
}

pub fn accept() -> Action {
    Action::Accept {
        note: String::new(),
    }
}

pub fn dispatch(on: NaiveDate, channel: ReplyMethod) -> Action {
    Action::Dispatch {
        date: on,
        outgoing_number: "01-12/345".to_string(),
        channel,
    }
}

pub fn return_for(deficiencies: &[&str]) -> Action {
    Action::Return {
        deficiencies: deficiencies.iter().map(|d| d.to_string()).collect(),
    }
}

/// One well-formed action of every kind but registration, to try in any status.
pub fn samples(world: &World) -> Vec<Action> {
    vec![
        Action::Edit(sample_registration()),
        resolution(&[LEAD, CO_A]),
        Action::Reassign {
            executors: vec![LEAD.to_string()],
            reason: "workload".to_string(),
        },
        Action::Dismiss {
            basis: "anonymous appeal".to_string(),
        },
        Action::Redirect {
            to: SPARE.to_string(),
            justification: "outside my competence".to_string(),
        },
        Action::RequestInfo {
            text: "which year?".to_string(),
        },
        Action::InfoReceived {
            answer: "2023".to_string(),
        },
        Action::Extend {
            new_term: date(2026, 4, 30),
            reasons: "archive search".to_string(),
            applicant_told: world.today,
        },
        Action::AgreeReplyMethod {
            method: ReplyMethod::Email,
            note: String::new(),
        },
        contribution("my part"),
        Action::Consolidate(draft("the reply")),
        approval(),
        Action::Comment {
            text: "fix the date".to_string(),
        },
        Action::ToSignature { draft: None },
        sign(),
        Action::SendBack {
            comment: "shorter".to_string(),
        },
        dispatch(world.today, ReplyMethod::Post),
        accept(),
        return_for(&["no date"]),
        Action::Resume {
            note: String::new(),
        },
    ]
}

/// The appeal in every status, reached by real actions.
pub fn in_every_status(world: &World) -> Vec<Appeal> {
    let awaiting = Action::RequestInfo {
        text: "which year?".to_string(),
    };
    vec![
        world.registered(),
        world.contributed(),
        world.step(&world.in_progress(), LEAD, awaiting),
        world.approved(),
        world.signing(),
        world.signed(),
        world.sent(),
        world.returned(),
        world.closed(),
    ]
}

#[test]
fn fixtures_reach_every_status() {
    let world = World::new();
    let statuses: Vec<Status> = in_every_status(&world).iter().map(|a| a.status).collect();
    for status in Status::ALL {
        assert!(statuses.contains(&status), "no fixture in {status:?}");
    }
}
