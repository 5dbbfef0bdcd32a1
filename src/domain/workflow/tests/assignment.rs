//! The resolution, reassignment, redirect and dismissal.

use super::*;
use crate::domain::model::{ActionKind, TermBasis};

fn logins(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

fn resolution_with_term(term: NaiveDate, basis: &str) -> Action {
    Action::Resolve {
        executors: logins(&[LEAD]),
        instruction: String::new(),
        term: Some((term, basis.to_string())),
    }
}

fn reassignment(executors: &[&str], reason: &str) -> Action {
    Action::Reassign {
        executors: logins(executors),
        reason: reason.to_string(),
    }
}

fn redirect(to: &str, justification: &str) -> Action {
    Action::Redirect {
        to: to.to_string(),
        justification: justification.to_string(),
    }
}

fn dismissal(basis: &str) -> Action {
    Action::Dismiss {
        basis: basis.to_string(),
    }
}

fn executors_of(appeal: &Appeal) -> Vec<String> {
    appeal
        .resolution
        .as_ref()
        .map(|r| r.executors.clone())
        .unwrap_or_default()
}

#[test]
fn manager_resolves_to_executors_in_order() {
    let world = World::new();
    let registered = world.registered();
    let (appeal, event) = world.act(&registered, MANAGER, resolution(&[LEAD, CO_A, CO_B]));

    assert_eq!(appeal.status, Status::InProgress);
    assert_eq!(appeal.lead(), Some(&LEAD.to_string()));
    assert_eq!(appeal.co_executors(), logins(&[CO_A, CO_B]).as_slice());
    let resolution = appeal.resolution.as_ref().expect("resolved");
    assert_eq!(
        (resolution.by.as_str(), resolution.at),
        (MANAGER, world.now)
    );
    assert_eq!(resolution.instruction, "prepare the reply");
    assert!(
        event
            .detail
            .starts_with("executors: ivanov (lead), petrova, sidorov")
    );
    assert_eq!(
        appeal.term, registered.term,
        "no term given: the term stays"
    );
}

#[test]
fn executor_cannot_issue_resolution() {
    let world = World::new();
    let refused = world.refuse(&world.registered(), LEAD, resolution(&[LEAD]));
    let expected = Refusal::RoleRequired {
        action: ActionKind::Resolve,
        role: Role::Manager,
    };
    assert_eq!(refused, expected);
}

#[test]
fn resolution_is_issued_once() {
    let world = World::new();
    let refused = world.refuse(&world.in_progress(), MANAGER, resolution(&[LEAD]));
    assert!(matches!(
        refused,
        Refusal::WrongStatus {
            action: ActionKind::Resolve,
            ..
        }
    ));
}

#[test]
fn resolution_needs_an_executor() {
    let world = World::new();
    let refused = world.refuse(&world.registered(), MANAGER, resolution(&[]));
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "executors".into()
        }
    );
}

#[test]
fn resolution_names_only_active_executors() {
    let world = World::new();
    let appeal = world.registered();
    let unknown = world.refuse(&appeal, MANAGER, resolution(&[LEAD, "nobody"]));
    assert_eq!(
        unknown,
        Refusal::UnknownUser {
            login: "nobody".to_string()
        }
    );

    let inactive = world.refuse(&appeal, MANAGER, resolution(&[GHOST]));
    assert_eq!(
        inactive,
        Refusal::UnknownUser {
            login: GHOST.to_string()
        }
    );

    let not_executor = world.refuse(&appeal, MANAGER, resolution(&[LEAD, CLERK]));
    assert_eq!(
        not_executor,
        Refusal::NotAnExecutor {
            login: CLERK.to_string()
        }
    );
}

#[test]
fn resolution_names_each_executor_once() {
    let world = World::new();
    let refused = world.refuse(
        &world.registered(),
        MANAGER,
        resolution(&[LEAD, CO_A, LEAD]),
    );
    assert_eq!(
        refused,
        Refusal::DuplicateExecutor {
            login: LEAD.to_string()
        }
    );
}

#[test]
fn resolution_may_set_the_term_with_its_basis() {
    let world = World::new();
    let action = resolution_with_term(date(2026, 3, 20), "order of the rector no. 5");
    let (appeal, event) = world.act(&world.registered(), MANAGER, action);

    assert_eq!(appeal.term, date(2026, 3, 20));
    let basis = "order of the rector no. 5".to_string();
    assert_eq!(appeal.term_basis, TermBasis::Set { basis });
    assert_eq!(event.reason, "order of the rector no. 5");
    assert!(
        event.detail.contains("term set to 20.03.2026"),
        "{}",
        event.detail
    );
}

#[test]
fn resolution_term_needs_a_basis() {
    let world = World::new();
    let action = resolution_with_term(date(2026, 3, 20), " ");
    let refused = world.refuse(&world.registered(), MANAGER, action);
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "term basis".into()
        }
    );
}

#[test]
fn resolution_term_cannot_precede_receipt() {
    let world = World::new();
    let action = resolution_with_term(date(2026, 3, 1), "order");
    let refused = world.refuse(&world.registered(), MANAGER, action);
    let expected = Refusal::DateTooEarly {
        field: "term".into(),
        date: date(2026, 3, 1),
        limit: received(),
    };
    assert_eq!(refused, expected);
}

#[test]
fn reassignment_replaces_executors_and_drops_what_leavers_contributed() {
    let world = World::new();
    let (appeal, event) = world.act(
        &world.contributed(),
        MANAGER,
        reassignment(&[LEAD, CO_A, SPARE], "sidorov is on leave"),
    );

    assert_eq!(appeal.status, Status::InProgress);
    assert_eq!(executors_of(&appeal), logins(&[LEAD, CO_A, SPARE]));
    assert!(appeal.contribution_of(&CO_A.to_string()).is_some());
    assert!(appeal.contributions.iter().all(|c| c.by != CO_B));
    assert_eq!(event.reason, "sidorov is on leave");
    assert!(
        event
            .detail
            .contains("were: ivanov (lead), petrova, sidorov")
    );
}

#[test]
fn reassignment_keeps_awaiting_info_and_returned() {
    let world = World::new();
    let asked = Action::RequestInfo {
        text: "which year?".to_string(),
    };
    let awaiting = world.step(&world.in_progress(), LEAD, asked);
    for appeal in [awaiting, world.returned()] {
        let next = world.step(&appeal, MANAGER, reassignment(&[SPARE], "workload"));
        assert_eq!(next.status, appeal.status);
        assert_eq!(next.lead(), Some(&SPARE.to_string()));
    }
}

#[test]
fn reassignment_on_approval_returns_the_draft_to_work() {
    let world = World::new();
    let appeal = world.step(&world.on_approval(), CO_A, approval());
    let (next, event) = world.act(
        &appeal,
        MANAGER,
        reassignment(&[LEAD, CO_A], "sidorov left"),
    );

    assert_eq!(next.status, Status::InProgress);
    assert!(
        next.approvals.is_empty(),
        "approvals reset: the draft changes hands"
    );
    assert!(next.contributions.iter().all(|c| c.by != CO_B));
    assert!(next.reply.is_some(), "the draft itself stays for the lead");
    assert!(
        event.detail.contains("new consolidation"),
        "{}",
        event.detail
    );
}

#[test]
fn reassignment_needs_a_reason_and_valid_executors() {
    let world = World::new();
    let appeal = world.in_progress();
    let no_reason = world.refuse(&appeal, MANAGER, reassignment(&[LEAD], "  "));
    assert_eq!(
        no_reason,
        Refusal::Missing {
            field: "reason".into()
        }
    );

    let twice = world.refuse(&appeal, MANAGER, reassignment(&[CO_A, CO_A], "workload"));
    assert_eq!(
        twice,
        Refusal::DuplicateExecutor {
            login: CO_A.to_string()
        }
    );

    let nobody = world.refuse(&appeal, MANAGER, reassignment(&[], "workload"));
    assert_eq!(
        nobody,
        Refusal::Missing {
            field: "executors".into()
        }
    );
}

#[test]
fn only_a_manager_reassigns() {
    let world = World::new();
    let refused = world.refuse(&world.in_progress(), LEAD, reassignment(&[CO_A], "busy"));
    let expected = Refusal::RoleRequired {
        action: ActionKind::Reassign,
        role: Role::Manager,
    };
    assert_eq!(refused, expected);
}

#[test]
fn reassignment_stops_once_the_reply_is_on_signature() {
    let world = World::new();
    let refused = world.refuse(&world.signing(), MANAGER, reassignment(&[CO_A], "busy"));
    assert!(matches!(
        refused,
        Refusal::WrongStatus {
            status: Status::Signing,
            ..
        }
    ));
}

#[test]
fn manager_dismisses_with_a_basis() {
    let world = World::new();
    for appeal in [world.registered(), world.in_progress(), world.returned()] {
        let (next, event) = world.act(&appeal, MANAGER, dismissal("anonymous, art. 89 APPC"));
        assert_eq!(next.status, Status::Closed);
        assert_eq!(event.reason, "anonymous, art. 89 APPC");
        assert_eq!(event.detail, "left without consideration");
    }
}

#[test]
fn dismissal_needs_a_basis() {
    let world = World::new();
    let refused = world.refuse(&world.registered(), MANAGER, dismissal(""));
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "basis".into()
        }
    );
}

#[test]
fn only_a_manager_dismisses() {
    let world = World::new();
    let refused = world.refuse(&world.in_progress(), LEAD, dismissal("anonymous"));
    assert!(matches!(
        refused,
        Refusal::RoleRequired {
            role: Role::Manager,
            ..
        }
    ));
}

#[test]
fn a_reply_on_approval_cannot_be_dismissed() {
    let world = World::new();
    let refused = world.refuse(&world.on_approval(), MANAGER, dismissal("anonymous"));
    assert!(matches!(
        refused,
        Refusal::WrongStatus {
            status: Status::Approval,
            ..
        }
    ));
}

#[test]
fn lead_redirects_and_leaves_the_appeal() {
    let world = World::new();
    let appeal = world.in_progress();
    let (next, event) = world.act(&appeal, LEAD, redirect(SPARE, "admissions question"));

    assert_eq!(executors_of(&next), logins(&[SPARE, CO_A, CO_B]));
    assert_eq!(next.status, Status::InProgress);
    assert_eq!(event.reason, "admissions question");
    assert!(
        event.detail.starts_with("lead executor: ivanov -> kim"),
        "{}",
        event.detail
    );
}

#[test]
fn redirect_to_a_co_executor_moves_them_to_the_front() {
    let world = World::new();
    let next = world.step(&world.returned(), LEAD, redirect(CO_B, "finance question"));
    assert_eq!(executors_of(&next), logins(&[CO_B, CO_A]));
    assert_eq!(next.status, Status::Returned);
}

#[test]
fn only_the_lead_redirects() {
    let world = World::new();
    let appeal = world.in_progress();
    for login in [CO_A, MANAGER] {
        let refused = world.refuse(&appeal, login, redirect(SPARE, "not mine"));
        let expected = Refusal::NotLead {
            action: ActionKind::Redirect,
            lead: LEAD.to_string(),
        };
        assert_eq!(refused, expected, "{login}");
    }
}

#[test]
fn redirect_needs_a_justification() {
    let world = World::new();
    let refused = world.refuse(&world.in_progress(), LEAD, redirect(SPARE, "\n \t"));
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "justification".into()
        }
    );
}

#[test]
fn redirect_goes_to_another_active_executor() {
    let world = World::new();
    let appeal = world.in_progress();
    let to_self = world.refuse(&appeal, LEAD, redirect(LEAD, "oops"));
    assert!(matches!(to_self, Refusal::Invalid { ref field, .. } if field == "to"));

    let to_ghost = world.refuse(&appeal, LEAD, redirect(GHOST, "left"));
    assert_eq!(
        to_ghost,
        Refusal::UnknownUser {
            login: GHOST.to_string()
        }
    );

    let to_clerk = world.refuse(&appeal, LEAD, redirect(CLERK, "registry"));
    assert_eq!(
        to_clerk,
        Refusal::NotAnExecutor {
            login: CLERK.to_string()
        }
    );
}

#[test]
fn redirect_waits_while_information_is_requested() {
    let world = World::new();
    let asked = Action::RequestInfo {
        text: "which year?".to_string(),
    };
    let awaiting = world.step(&world.in_progress(), LEAD, asked);
    let refused = world.refuse(&awaiting, LEAD, redirect(SPARE, "not mine"));
    assert!(matches!(
        refused,
        Refusal::WrongStatus {
            status: Status::AwaitingInfo,
            ..
        }
    ));
}
