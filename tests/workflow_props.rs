//! Property tests over the real store: random sequences of actions by random users never
//! leave the table of DESIGN.md section 3, refusals change nothing, and afterwards the
//! consistency check passes and every queue read from the indexes, in every order and
//! filtered, equals its definition.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use appeals::domain::action::{Action, Draft};
use appeals::domain::model::{ActionKind, Appeal, Decision, ReplyMethod, Status};
use appeals::domain::queue::{self, Order, Queue, Sort};
use appeals::domain::terms::{Calendar, TermRule, Terms};
use appeals::domain::user::{Role, User};
use appeals::service::api::{ActRequest, ServiceError};
use appeals::service::{Service, Settings};
use appeals::store::Store;
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

const LOGINS: [&str; 8] = [
    "admin", "reg", "boss", "lead", "co1", "co2", "audit", "gone",
];

/// A service whose clock moves forward by whole days as the test says.
fn service(dir: &std::path::Path, days: Arc<AtomicI64>) -> Service {
    let start = common::at(2026, 3, 2);
    let settings = Settings {
        terms: Terms::new(TermRule::default(), Calendar::embedded()),
        number: Arc::new(|year, seq| format!("{year}-{seq:05}")),
        local_date: Arc::new(|now| now.date_naive()),
        clock: Arc::new(move || start + Duration::days(days.load(Ordering::SeqCst))),
    };
    Service::new(Store::open(dir).expect("opens"), settings)
}

fn staff(service: &Service) {
    common::staff(service);
    service
        .add_user("admin", &common::user("gone", &[Role::Executor]))
        .expect("add");
    service.disable_user("admin", "gone").expect("disable");
}

/// One step of a random story: who acts, what, on which appeal.
#[derive(Debug, Clone)]
struct Step {
    actor: usize,
    action: u8,
    appeal: usize,
    pick: usize,
    days: i64,
}

fn step() -> impl Strategy<Value = Step> {
    (0..LOGINS.len(), 0..21u8, 0..4usize, 0..8usize, 0..2i64).prop_map(
        |(actor, action, appeal, pick, days)| Step {
            actor,
            action,
            appeal,
            pick,
            days,
        },
    )
}

fn executors(pick: usize) -> Vec<String> {
    let teams: [&[&str]; 6] = [
        &["lead"],
        &["lead", "co1"],
        &["lead", "co1", "co2"],
        &["co1", "lead"],
        &["lead", "gone"],
        &["lead", "lead"],
    ];
    teams[pick % teams.len()]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn draft() -> Draft {
    Draft {
        decision: Decision::Negative,
        justification: "п. 5.3".into(),
        text: "Ответ".into(),
    }
}

/// The action a step asks for, given the appeal as it stands.
fn action(step: &Step, appeal: &Appeal, today: NaiveDate) -> Action {
    let text = || "Текст".to_string();
    match step.action {
        0 => Action::Resolve {
            executors: executors(step.pick),
            instruction: text(),
            term: None,
        },
        1 => Action::Reassign {
            executors: executors(step.pick + 1),
            reason: text(),
        },
        2 => Action::Dismiss { basis: text() },
        3 => Action::Redirect {
            to: ["co1", "co2", "lead", "reg"][step.pick % 4].into(),
            justification: text(),
        },
        4 => Action::RequestInfo { text: text() },
        5 => Action::InfoReceived { answer: text() },
        6 => Action::Extend {
            new_term: appeal.term + Duration::days(step.pick as i64 - 2),
            reasons: text(),
            applicant_told: today,
        },
        7 => Action::AgreeReplyMethod {
            method: ReplyMethod::Post,
            note: String::new(),
        },
        8 => Action::Contribute { text: text() },
        9 => Action::Consolidate(draft()),
        10 => Action::Approve {
            note: String::new(),
        },
        11 => Action::Comment { text: text() },
        12 => Action::ToSignature {
            draft: step.pick.is_multiple_of(2).then(draft),
        },
        13 => Action::Sign {
            note: String::new(),
        },
        14 => Action::SendBack { comment: text() },
        15 => Action::Dispatch {
            date: today,
            outgoing_number: "исх-1".into(),
            channel: ReplyMethod::Post,
        },
        16 => Action::Accept {
            note: String::new(),
        },
        17 => Action::Return {
            deficiencies: vec![text()],
        },
        18 => Action::Resume {
            note: String::new(),
        },
        _ => Action::Edit(appeal.reg.clone()),
    }
}

/// Who DESIGN.md section 3 lets take an action, judged on the appeal before it.
fn may(kind: ActionKind, who: &User, before: &Appeal) -> bool {
    let lead = before.lead() == Some(&who.login);
    let co = before.co_executors().contains(&who.login);
    match kind {
        ActionKind::Register | ActionKind::Edit => who.has(Role::Registrar),
        ActionKind::Resolve | ActionKind::Reassign | ActionKind::Dismiss => who.has(Role::Manager),
        ActionKind::Sign | ActionKind::SendBack => who.has(Role::Manager),
        ActionKind::Extend => lead || who.has(Role::Manager),
        ActionKind::Dispatch => lead || who.has(Role::Registrar),
        ActionKind::Contribute | ActionKind::Approve | ActionKind::Comment => co,
        ActionKind::Accept | ActionKind::Return => who.has(Role::Compliance),
        _ => lead,
    }
}

/// The statuses an action may start from and where it may lead.
fn transition_allowed(kind: ActionKind, from: Status, to: Status) -> bool {
    use Status::*;
    let (starts, ends): (&[Status], &[Status]) = match kind {
        ActionKind::Register => (&[], &[Registered]),
        ActionKind::Edit => (&[Registered], &[Registered]),
        ActionKind::Resolve => (&[Registered], &[InProgress]),
        ActionKind::Reassign => (
            &[InProgress, AwaitingInfo, Returned, Approval],
            &[from, InProgress],
        ),
        ActionKind::Dismiss => (&[Registered, InProgress, AwaitingInfo, Returned], &[Closed]),
        ActionKind::Redirect => (&[InProgress, Returned], &[from]),
        ActionKind::RequestInfo => (&[InProgress], &[AwaitingInfo]),
        ActionKind::InfoReceived => (&[AwaitingInfo], &[InProgress]),
        ActionKind::Extend => (
            &[InProgress, AwaitingInfo, Approval, Signing, Returned],
            &[from],
        ),
        ActionKind::AgreeReplyMethod => (&[InProgress, AwaitingInfo, Returned, Approval], &[from]),
        ActionKind::Contribute => (&[InProgress, AwaitingInfo, Returned], &[from]),
        ActionKind::Consolidate => (&[InProgress, Returned, Approval], &[Approval]),
        ActionKind::Approve | ActionKind::Comment => (&[Approval], &[Approval]),
        ActionKind::ToSignature => (&[Approval, InProgress, Returned], &[Signing]),
        ActionKind::Sign => (&[Signing], &[Signing]),
        ActionKind::SendBack => (&[Signing], &[InProgress]),
        ActionKind::Dispatch => (&[Signing], &[Sent]),
        ActionKind::Accept => (&[Sent], &[Closed]),
        ActionKind::Return => (&[InProgress, Approval, Signing, Sent, Closed], &[Returned]),
        ActionKind::Resume => (&[Returned], &[InProgress]),
    };
    starts.contains(&from) && ends.contains(&to)
}

fn stored(service: &Service, number: &str) -> Appeal {
    service
        .show("admin", number)
        .expect("the appeal is stored")
        .appeal
}

/// Action numbers (as `action` reads them) that make sense in each status, so that most
/// steps of a story move it on; the rest of the steps are random and mostly refused.
fn sensible(status: Status) -> &'static [u8] {
    match status {
        Status::Registered => &[0, 0, 0, 19],
        Status::InProgress => &[4, 6, 7, 8, 8, 9, 12, 12, 3, 1, 17],
        Status::AwaitingInfo => &[5, 5, 8, 6],
        Status::Approval => &[10, 10, 11, 12, 12, 9],
        Status::Signing => &[13, 13, 14, 15, 15, 17],
        Status::Sent => &[16, 17],
        Status::Returned => &[18, 18, 8, 3],
        Status::Closed => &[17],
    }
}

/// The user DESIGN.md expects to take an action on this appeal.
fn expected_actor(action: u8, appeal: &Appeal, pick: usize) -> String {
    let lead = appeal.lead().cloned().unwrap_or_else(|| "lead".into());
    let cos = appeal.co_executors();
    match action {
        0 | 1 | 2 | 13 | 14 => "boss".into(),
        19 => "reg".into(),
        16 | 17 => "audit".into(),
        8 | 10 | 11 if !cos.is_empty() => cos[pick % cos.len()].clone(),
        _ => lead,
    }
}

/// Turns a random step into a sensible one three times out of four.
fn guide(step: &Step, appeal: &Appeal) -> (String, u8) {
    if step.actor >= 6 {
        return (LOGINS[step.actor % LOGINS.len()].to_string(), step.action);
    }
    let choices = sensible(appeal.status);
    let action = choices[usize::from(step.action) % choices.len()];
    (expected_actor(action, appeal, step.pick), action)
}

/// Runs one step; asserts the table on success and that a refusal changed nothing.
fn run_step(service: &Service, numbers: &[String], step: &Step) -> Result<(), TestCaseError> {
    let number = &numbers[step.appeal % numbers.len()];
    let before = stored(service, number);
    let (login, chosen) = guide(step, &before);
    let login = login.as_str();
    let actor = service
        .store()
        .user(login)
        .expect("reads")
        .expect("a test user");
    let request = ActRequest {
        number: number.clone(),
        revision: Some(before.revision),
        action: action(
            &Step {
                action: chosen,
                ..step.clone()
            },
            &before,
            service.today(),
        ),
    };
    match service.act(login, &request) {
        Ok(outcome) => {
            let event = &outcome.event;
            prop_assert!(actor.active, "{login} is disabled but acted");
            prop_assert!(
                may(event.action, &actor, &before),
                "{login} may not {:?}",
                event.action
            );
            prop_assert!(
                transition_allowed(event.action, before.status, outcome.status),
                "{:?}: {:?} -> {:?} is not in the table",
                event.action,
                before.status,
                outcome.status
            );
            prop_assert_eq!(outcome.revision, before.revision + 1);
        }
        Err(
            ServiceError::Refused { .. }
            | ServiceError::Disabled { .. }
            | ServiceError::NotFound { .. },
        ) => {
            prop_assert_eq!(
                &stored(service, number),
                &before,
                "a refusal changed the appeal"
            );
        }
        Err(other) => prop_assert!(false, "unexpected error {other}"),
    }
    Ok(())
}

/// Every queue as the indexes give it, in every order and filtered, equals its definition
/// over all appeals: the queue's predicate, `Order::compare`, and the search for a filter.
fn queues_match_definitions(service: &Service) -> Result<(), TestCaseError> {
    let all = service
        .store()
        .load_many(&(1..=service.store().total().unwrap()).collect::<Vec<_>>())
        .unwrap();
    for login in LOGINS.iter().filter(|l| **l != "gone") {
        let user = service.store().user(login).unwrap().unwrap();
        for q in Queue::ALL {
            for order in orders() {
                for filter in [None, Some("иванов")] {
                    queue_matches(service, &all, (q, &user), order, filter)?;
                }
            }
        }
    }
    Ok(())
}

fn orders() -> Vec<Order> {
    let both = |sort| [false, true].map(|descending| Order { sort, descending });
    Sort::ALL.into_iter().flat_map(both).collect()
}

/// One queue of one user in one order, whole and as a page from its middle.
fn queue_matches(
    service: &Service,
    all: &[Appeal],
    (q, user): (Queue, &User),
    order: Order,
    filter: Option<&str>,
) -> Result<(), TestCaseError> {
    let today = service.today();
    let found: Option<Vec<u64>> = filter.map(|text| {
        let page = service.search("reg", text, 0, 1000).unwrap();
        page.rows.iter().map(|r| r.id).collect()
    });
    let mut want: Vec<&Appeal> = all
        .iter()
        .filter(|a| queue::in_queue(q, a, user, today))
        .filter(|a| found.as_ref().is_none_or(|f| f.contains(&a.id)))
        .collect();
    want.sort_by(|a, b| order.compare(a, b));
    let want: Vec<u64> = want.iter().map(|a| a.id).collect();
    let what = format!("{q:?} for {} in {order:?}, filter {filter:?}", user.login);
    for (offset, limit) in [(0, 1000), (1, 2)] {
        let page = service
            .queue_page(&user.login, q, order, filter, offset, limit)
            .unwrap();
        let got: Vec<u64> = page.rows.iter().map(|r| r.id).collect();
        let part: Vec<u64> = want
            .iter()
            .skip(offset as usize)
            .take(limit as usize)
            .copied()
            .collect();
        prop_assert_eq!(&got, &part, "{} at {}", what, offset);
        prop_assert_eq!(page.total, want.len() as u64, "count of {}", what);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_stories_keep_the_table_the_indexes_and_the_queues(
        steps in proptest::collection::vec(step(), 10..90)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let days = Arc::new(AtomicI64::new(0));
        let service = service(dir.path(), days.clone());
        staff(&service);
        let today = service.today();
        let numbers: Vec<String> = ["Иванов Иван", "ТОО «Тест»", "Иванов  иван", "Акимат"]
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let mut form = common::form(name, today);
                if i == 3 {
                    form.reply_method.clear();
                }
                service.register("reg", &form).unwrap().number
            })
            .collect();
        for step in &steps {
            days.fetch_add(step.days, Ordering::SeqCst);
            run_step(&service, &numbers, step)?;
        }
        let check = service.check().unwrap();
        prop_assert!(check.problems.is_empty(), "check: {:?}", check.problems);
        queues_match_definitions(&service)?;
    }
}
