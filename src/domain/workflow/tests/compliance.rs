//! Compliance accepting or returning, and the lead taking up the rework.

use super::*;
use crate::domain::model::ActionKind;

fn resume() -> Action {
    Action::Resume {
        note: "fixing the date".to_string(),
    }
}

#[test]
fn compliance_accepts_a_sent_reply() {
    let world = World::new();
    let (appeal, event) = world.act(&world.sent(), COMPLIANCE, accept());
    assert_eq!(appeal.status, Status::Closed);
    assert_eq!(event.detail, "reply accepted");
    assert!(
        appeal.dispatched_on().is_some(),
        "the dispatch stays on record"
    );
}

#[test]
fn only_compliance_accepts() {
    let world = World::new();
    let refused = world.refuse(&world.sent(), MANAGER, accept());
    let expected = Refusal::RoleRequired {
        action: ActionKind::Accept,
        role: Role::Compliance,
    };
    assert_eq!(refused, expected);
}

#[test]
fn only_a_sent_reply_is_accepted() {
    let world = World::new();
    let refused = world.refuse(&world.signed(), COMPLIANCE, accept());
    assert!(matches!(
        refused,
        Refusal::WrongStatus {
            status: Status::Signing,
            ..
        }
    ));
}

#[test]
fn return_from_sent_withdraws_signature_and_dispatch() {
    let world = World::new();
    let deficiencies = return_for(&["no legal basis cited", "wrong outgoing date"]);
    let (appeal, event) = world.act(&world.sent(), COMPLIANCE, deficiencies);

    assert_eq!(appeal.status, Status::Returned);
    let reply = appeal.reply.as_ref().expect("the draft stays");
    assert_eq!(reply.text, "a copy will be issued");
    assert!(reply.signed_by.is_none() && reply.signed_at.is_none() && reply.dispatch.is_none());

    let rework = appeal.reworks.last().expect("a rework record");
    assert_eq!(rework.from_status, Status::Sent);
    assert_eq!(
        rework.deficiencies,
        vec!["no legal basis cited", "wrong outgoing date"]
    );
    assert_eq!((rework.by.as_str(), rework.resumed_at), (COMPLIANCE, None));

    assert!(
        event.detail.contains("signature of boss withdrawn"),
        "{}",
        event.detail
    );
    assert!(
        event.detail.contains("outgoing number 01-12/345"),
        "{}",
        event.detail
    );
    assert_eq!(
        event.reason,
        "1. no legal basis cited\n2. wrong outgoing date"
    );
}

#[test]
fn compliance_reopens_a_closed_appeal() {
    let world = World::new();
    let appeal = world.step(&world.closed(), COMPLIANCE, return_for(&["reply was late"]));
    assert_eq!(appeal.status, Status::Returned);
    assert_eq!(appeal.reworks[0].from_status, Status::Closed);
    assert_eq!(appeal.dispatched_on(), None);
}

#[test]
fn compliance_returns_work_in_progress() {
    let world = World::new();
    for appeal in [world.in_progress(), world.on_approval(), world.signed()] {
        let next = world.step(&appeal, COMPLIANCE, return_for(&["term at risk"]));
        assert_eq!(next.status, Status::Returned);
        assert!(next.reply.iter().all(|r| r.signed_by.is_none()));
    }
}

#[test]
fn return_needs_a_deficiency() {
    let world = World::new();
    let appeal = world.sent();
    for deficiencies in [&[][..], &["", "  \n"][..]] {
        let refused = world.refuse(&appeal, COMPLIANCE, return_for(deficiencies));
        assert_eq!(
            refused,
            Refusal::Missing {
                field: "deficiencies".into()
            }
        );
    }
}

#[test]
fn return_keeps_only_the_deficiencies_written() {
    let world = World::new();
    let action = return_for(&["", " no basis cited ", "   "]);
    let appeal = world.step(&world.sent(), COMPLIANCE, action);
    assert_eq!(appeal.reworks[0].deficiencies, vec!["no basis cited"]);
}

#[test]
fn only_compliance_returns() {
    let world = World::new();
    let refused = world.refuse(&world.sent(), MANAGER, return_for(&["late"]));
    let expected = Refusal::RoleRequired {
        action: ActionKind::Return,
        role: Role::Compliance,
    };
    assert_eq!(refused, expected);
}

#[test]
fn nothing_to_rework_before_the_resolution() {
    let world = World::new();
    let refused = world.refuse(&world.registered(), COMPLIANCE, return_for(&["late"]));
    assert!(matches!(
        refused,
        Refusal::WrongStatus {
            status: Status::Registered,
            ..
        }
    ));
}

#[test]
fn an_appeal_dismissed_unresolved_has_nobody_to_rework_it() {
    let world = World::new();
    let dismissal = Action::Dismiss {
        basis: "anonymous".to_string(),
    };
    let closed = world.step(&world.registered(), MANAGER, dismissal);
    let refused = world.refuse(
        &closed,
        COMPLIANCE,
        return_for(&["not anonymous after all"]),
    );
    assert_eq!(refused, Refusal::NoResolution);
}

#[test]
fn lead_takes_up_the_rework() {
    let world = World::new();
    let (appeal, event) = world.act(&world.returned(), LEAD, resume());
    assert_eq!(appeal.status, Status::InProgress);
    assert_eq!(appeal.reworks[0].resumed_at, Some(world.now));
    assert_eq!(event.reason, "fixing the date");
}

#[test]
fn only_the_lead_takes_up_the_rework() {
    let world = World::new();
    let refused = world.refuse(&world.returned(), CO_A, resume());
    let expected = Refusal::NotLead {
        action: ActionKind::Resume,
        lead: LEAD.to_string(),
    };
    assert_eq!(refused, expected);
}

#[test]
fn only_a_returned_appeal_is_resumed() {
    let world = World::new();
    let refused = world.refuse(&world.in_progress(), LEAD, resume());
    assert!(matches!(
        refused,
        Refusal::WrongStatus {
            action: ActionKind::Resume,
            ..
        }
    ));
}
