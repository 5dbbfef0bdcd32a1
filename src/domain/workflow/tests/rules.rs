//! The table of rules, the order of checks, and `allowed` for the screens.

use super::*;
use crate::domain::model::ActionKind;
use crate::domain::workflow::{RULES, allowed, kind_of, rule_of};

use ActionKind::*;

const EVERY_KIND: [ActionKind; 21] = [
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
];

const EVERYONE: [&str; 10] = [
    REGISTRAR, MANAGER, LEAD, CO_A, CO_B, SPARE, COMPLIANCE, CLERK, GHOST, "admin",
];

/// Refusals of the checks `allowed` makes: the status, the actor, and the appeal's shape.
fn is_about_access(refusal: &Refusal) -> bool {
    matches!(
        refusal,
        Refusal::WrongStatus { .. }
            | Refusal::RoleRequired { .. }
            | Refusal::NotLead { .. }
            | Refusal::NotCoExecutor { .. }
            | Refusal::LeadOrRole { .. }
            | Refusal::NoContribution { .. }
            | Refusal::NoResolution
            | Refusal::NoOpenInfoRequest
            | Refusal::ReplyMethodAlreadyAgreed
            | Refusal::NoCoExecutors
            | Refusal::ConsolidationRequired
            | Refusal::AlreadySigned
            | Refusal::NotSigned
    )
}

#[test]
fn every_action_kind_has_exactly_one_rule() {
    for kind in EVERY_KIND {
        let rows = RULES.iter().filter(|r| r.kind == kind).count();
        assert_eq!(rows, 1, "{kind:?}");
        assert_eq!(rule_of(kind).kind, kind);
    }
    assert_eq!(RULES.len(), EVERY_KIND.len());
}

#[test]
fn samples_cover_every_action_on_an_appeal() {
    let world = World::new();
    let kinds: Vec<ActionKind> = samples(&world).iter().map(kind_of).collect();
    for kind in EVERY_KIND.into_iter().filter(|k| *k != Register) {
        assert!(kinds.contains(&kind), "no sample of {kind:?}");
    }
}

#[test]
fn every_action_is_refused_outside_its_statuses() {
    let world = World::new();
    for appeal in in_every_status(&world) {
        for action in samples(&world) {
            let kind = kind_of(&action);
            if rule_of(kind).from.contains(&appeal.status) {
                continue;
            }
            for login in EVERYONE {
                let expected = Refusal::WrongStatus {
                    action: kind,
                    status: appeal.status,
                };
                assert_eq!(world.refuse(&appeal, login, action.clone()), expected);
            }
        }
    }
}

#[test]
fn status_is_checked_before_the_actor_and_the_actor_before_the_payload() {
    let world = World::new();
    let refused = world.refuse(&world.registered(), LEAD, sign());
    assert!(matches!(refused, Refusal::WrongStatus { .. }));

    let empty = Action::Dismiss {
        basis: String::new(),
    };
    let refused = world.refuse(&world.in_progress(), LEAD, empty);
    assert!(matches!(refused, Refusal::RoleRequired { .. }));
}

#[test]
fn allowed_follows_status_and_part_in_the_appeal() {
    let world = World::new();
    let registered = world.registered();
    assert_eq!(allowed(&registered, world.user(REGISTRAR)), vec![Edit]);
    assert_eq!(
        allowed(&registered, world.user(MANAGER)),
        vec![Resolve, Dismiss]
    );
    assert!(allowed(&registered, world.user(LEAD)).is_empty());

    let working = world.in_progress();
    let lead = vec![Redirect, RequestInfo, Extend, Consolidate];
    assert_eq!(allowed(&working, world.user(LEAD)), lead);
    assert_eq!(allowed(&working, world.user(CO_A)), vec![Contribute]);
    assert_eq!(
        allowed(&working, world.user(MANAGER)),
        vec![Reassign, Dismiss, Extend]
    );
    assert_eq!(allowed(&working, world.user(COMPLIANCE)), vec![Return]);
    assert!(allowed(&working, world.user(SPARE)).is_empty());
    assert!(allowed(&working, world.user("admin")).is_empty());
}

#[test]
fn allowed_shows_signature_and_dispatch_in_turn() {
    let world = World::new();
    let signing = world.signing();
    assert_eq!(
        allowed(&signing, world.user(MANAGER)),
        vec![Extend, Sign, SendBack]
    );
    assert_eq!(allowed(&signing, world.user(LEAD)), vec![Extend]);
    assert!(allowed(&signing, world.user(REGISTRAR)).is_empty());

    let signed = world.signed();
    assert_eq!(allowed(&signed, world.user(MANAGER)), vec![Extend]);
    assert_eq!(allowed(&signed, world.user(LEAD)), vec![Extend, Dispatch]);
    assert_eq!(allowed(&signed, world.user(REGISTRAR)), vec![Dispatch]);
}

#[test]
fn allowed_shows_the_lone_lead_the_way_to_signature() {
    let world = World::new();
    let lone = world.lone();
    assert_eq!(
        allowed(&lone, world.user(LEAD)),
        vec![Redirect, RequestInfo, Extend, ToSignature]
    );

    let approval = world.on_approval();
    let lead = vec![Extend, Consolidate, ToSignature];
    assert_eq!(allowed(&approval, world.user(LEAD)), lead);
    assert_eq!(allowed(&approval, world.user(CO_B)), vec![Approve, Comment]);
}

#[test]
fn a_deactivated_user_may_do_nothing() {
    let world = World::new();
    let appeal = world.in_progress();
    let mut former_lead = world.user(LEAD).clone();
    former_lead.active = false;
    assert!(allowed(&appeal, &former_lead).is_empty());

    let action = Action::RequestInfo {
        text: "which year?".to_string(),
    };
    let refused = crate::domain::workflow::apply(&appeal, &action, &world.ctx_as(&former_lead));
    assert!(matches!(refused, Err(Refusal::NotLead { .. })));
}

#[test]
fn allowed_agrees_with_apply() {
    let world = World::new();
    for appeal in in_every_status(&world) {
        for login in EVERYONE {
            let offered = allowed(&appeal, world.user(login));
            for action in samples(&world) {
                let kind = kind_of(&action);
                let result = crate::domain::workflow::apply(&appeal, &action, &world.ctx(login));
                match result {
                    Ok(_) => assert!(offered.contains(&kind), "{login} did {kind:?} unoffered"),
                    Err(refusal) if offered.contains(&kind) => {
                        assert!(
                            !is_about_access(&refusal),
                            "{login} offered {kind:?}: {refusal}"
                        )
                    }
                    Err(_) => {}
                }
            }
        }
    }
}
