//! Contributions, consolidation, approval, signature and dispatch.

use super::*;
use crate::domain::model::{ActionKind, Verdict};

fn comment(text: &str) -> Action {
    Action::Comment {
        text: text.to_string(),
    }
}

fn consolidation(text: &str) -> Action {
    Action::Consolidate(draft(text))
}

fn to_signature(draft: Option<Draft>) -> Action {
    Action::ToSignature { draft }
}

fn send_back(text: &str) -> Action {
    Action::SendBack {
        comment: text.to_string(),
    }
}

fn login(name: &str) -> String {
    name.to_string()
}

#[test]
fn co_executor_contributes_and_a_later_contribution_supersedes() {
    let world = World::new();
    let (appeal, event) = world.act(&world.in_progress(), CO_A, contribution("first"));
    assert_eq!(appeal.status, Status::InProgress);
    assert_eq!(event.detail, "contribution: first");

    let appeal = world.step(&appeal, CO_A, contribution("second"));
    let latest = appeal.contribution_of(&login(CO_A)).expect("contributed");
    assert_eq!((latest.text.as_str(), latest.at), ("second", world.now));
}

#[test]
fn only_a_co_executor_contributes() {
    let world = World::new();
    let appeal = world.in_progress();
    for who in [LEAD, SPARE, MANAGER] {
        let refused = world.refuse(&appeal, who, contribution("mine"));
        let expected = Refusal::NotCoExecutor {
            action: ActionKind::Contribute,
        };
        assert_eq!(refused, expected, "{who}");
    }
}

#[test]
fn contribution_needs_text() {
    let world = World::new();
    let refused = world.refuse(&world.in_progress(), CO_A, contribution(" \n "));
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "contribution".into()
        }
    );
}

#[test]
fn consolidation_waits_for_every_contribution() {
    let world = World::new();
    let appeal = world.step(&world.in_progress(), CO_A, contribution("mine"));
    let refused = world.refuse(&appeal, LEAD, consolidation("reply"));
    let expected = Refusal::ContributionsOutstanding {
        from: vec![login(CO_B)],
    };
    assert_eq!(refused, expected);
}

#[test]
fn consolidation_sends_the_draft_for_approval() {
    let world = World::new();
    let (appeal, event) = world.act(&world.contributed(), LEAD, consolidation("a copy"));

    assert_eq!(appeal.status, Status::Approval);
    let reply = appeal.reply.as_ref().expect("drafted");
    assert_eq!(reply.text, "a copy");
    assert_eq!(
        reply.justification,
        "the applicant studied here in 2019-2023"
    );
    assert!(reply.signed_by.is_none() && reply.dispatch.is_none());
    assert!(appeal.approvals.is_empty());
    assert_eq!(event.reason, "the applicant studied here in 2019-2023");
    assert!(
        event.detail.contains("petrova, sidorov"),
        "{}",
        event.detail
    );
}

#[test]
fn consolidation_needs_justification_and_text() {
    let world = World::new();
    let appeal = world.contributed();
    let mut unjustified = draft("a copy");
    unjustified.justification = String::new();
    let refused = world.refuse(&appeal, LEAD, Action::Consolidate(unjustified));
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "justification".into()
        }
    );

    let refused = world.refuse(&appeal, LEAD, consolidation("  "));
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "reply text".into()
        }
    );
}

#[test]
fn lone_lead_has_nothing_to_consolidate() {
    let world = World::new();
    let refused = world.refuse(&world.lone(), LEAD, consolidation("reply"));
    assert_eq!(refused, Refusal::NoCoExecutors);
}

#[test]
fn only_the_lead_consolidates() {
    let world = World::new();
    let refused = world.refuse(&world.contributed(), CO_A, consolidation("reply"));
    assert!(matches!(
        refused,
        Refusal::NotLead {
            action: ActionKind::Consolidate,
            ..
        }
    ));
}

#[test]
fn co_executors_approve_or_comment_and_the_latest_verdict_counts() {
    let world = World::new();
    let (appeal, event) = world.act(&world.on_approval(), CO_A, comment("add the fee"));
    assert_eq!(appeal.status, Status::Approval);
    assert_eq!(event.reason, "add the fee");
    let verdict = |a: &Appeal| a.approval_of(&login(CO_A)).map(|v| v.verdict);
    assert_eq!(verdict(&appeal), Some(Verdict::Commented));

    let appeal = world.step(&appeal, CO_A, approval());
    assert_eq!(verdict(&appeal), Some(Verdict::Approved));
}

#[test]
fn comment_needs_text() {
    let world = World::new();
    let refused = world.refuse(&world.on_approval(), CO_B, comment(""));
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "comment".into()
        }
    );
}

#[test]
fn only_co_executors_judge_the_draft() {
    let world = World::new();
    let appeal = world.on_approval();
    let refused = world.refuse(&appeal, LEAD, approval());
    assert_eq!(
        refused,
        Refusal::NotCoExecutor {
            action: ActionKind::Approve
        }
    );
    let refused = world.refuse(&appeal, SPARE, comment("no"));
    assert_eq!(
        refused,
        Refusal::NotCoExecutor {
            action: ActionKind::Comment
        }
    );
}

#[test]
fn a_co_executor_without_contribution_cannot_approve() {
    // Consolidation needs every contribution, so only a damaged record gets here; the rule
    // still holds.
    let world = World::new();
    let mut appeal = world.on_approval();
    appeal.contributions.retain(|c| c.by != CO_B);
    let refused = world.refuse(&appeal, CO_B, approval());
    let expected = Refusal::NoContribution {
        action: ActionKind::Approve,
        login: login(CO_B),
    };
    assert_eq!(refused, expected);
}

#[test]
fn the_draft_is_judged_only_on_approval() {
    let world = World::new();
    let refused = world.refuse(&world.contributed(), CO_A, approval());
    assert!(matches!(
        refused,
        Refusal::WrongStatus {
            status: Status::InProgress,
            ..
        }
    ));
}

#[test]
fn to_signature_waits_for_every_approval() {
    let world = World::new();
    let appeal = world.step(&world.on_approval(), CO_A, approval());
    let appeal = world.step(&appeal, CO_B, comment("add the fee"));
    let refused = world.refuse(&appeal, LEAD, to_signature(None));
    let expected = Refusal::ApprovalsOutstanding {
        from: vec![login(CO_B)],
    };
    assert_eq!(refused, expected);
}

#[test]
fn reconsolidation_clears_the_verdicts() {
    let world = World::new();
    let appeal = world.step(&world.on_approval(), CO_A, approval());
    let appeal = world.step(&appeal, CO_B, comment("add the fee"));
    let (appeal, _) = world.act(&appeal, LEAD, consolidation("a copy, free of charge"));

    assert_eq!(appeal.status, Status::Approval);
    assert!(appeal.approvals.is_empty());
    let refused = world.refuse(&appeal, LEAD, to_signature(None));
    let expected = Refusal::ApprovalsOutstanding {
        from: vec![login(CO_A), login(CO_B)],
    };
    assert_eq!(refused, expected);
}

#[test]
fn approved_reply_goes_for_signature() {
    let world = World::new();
    let (appeal, event) = world.act(&world.approved(), LEAD, to_signature(None));
    assert_eq!(appeal.status, Status::Signing);
    assert_eq!(
        appeal.reply.as_ref().map(|r| r.text.as_str()),
        Some("a copy will be issued")
    );
    assert_eq!(event.detail, "reply sent for signature");
}

#[test]
fn approved_text_cannot_change_on_the_way_to_signature() {
    let world = World::new();
    let refused = world.refuse(&world.approved(), LEAD, to_signature(Some(draft("new"))));
    assert!(matches!(refused, Refusal::Invalid { ref field, .. } if field == "draft"));
}

#[test]
fn shared_appeal_cannot_skip_consolidation() {
    let world = World::new();
    let action = to_signature(Some(draft("reply")));
    let refused = world.refuse(&world.contributed(), LEAD, action.clone());
    assert_eq!(refused, Refusal::ConsolidationRequired);
    let refused = world.refuse(&world.returned(), LEAD, action);
    assert_eq!(refused, Refusal::ConsolidationRequired);
}

#[test]
fn lone_lead_sends_own_draft_for_signature() {
    let world = World::new();
    let (appeal, event) = world.act(&world.lone(), LEAD, to_signature(Some(draft("a copy"))));
    assert_eq!(appeal.status, Status::Signing);
    assert_eq!(
        appeal.reply.as_ref().map(|r| r.text.as_str()),
        Some("a copy")
    );
    assert_eq!(event.reason, "the applicant studied here in 2019-2023");
    assert!(event.detail.contains("a copy"), "{}", event.detail);
}

#[test]
fn lone_lead_needs_a_draft() {
    let world = World::new();
    let refused = world.refuse(&world.lone(), LEAD, to_signature(None));
    assert_eq!(refused, Refusal::NoDraft);
    let mut empty = draft("");
    empty.decision = Decision::Negative;
    let refused = world.refuse(&world.lone(), LEAD, to_signature(Some(empty)));
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "reply text".into()
        }
    );
}

#[test]
fn lone_lead_resends_the_draft_sent_back() {
    let world = World::new();
    let signing = world.step(&world.lone(), LEAD, to_signature(Some(draft("a copy"))));
    let back = world.step(&signing, MANAGER, send_back("add the date"));
    let again = world.step(&back, LEAD, to_signature(None));
    assert_eq!(again.status, Status::Signing);
    assert_eq!(
        again.reply.as_ref().map(|r| r.text.as_str()),
        Some("a copy")
    );
}

#[test]
fn reply_method_is_agreed_before_signature() {
    let world = World::new();
    let mut reg = sample_registration();
    reg.reply_method = ReplyMethod::ToBeAgreed;
    let appeal = world.step(&world.register(reg).0, MANAGER, resolution(&[LEAD]));
    let refused = world.refuse(&appeal, LEAD, to_signature(Some(draft("a copy"))));
    assert_eq!(refused, Refusal::ReplyMethodNotAgreed);
}

#[test]
fn only_the_lead_sends_for_signature() {
    let world = World::new();
    let refused = world.refuse(&world.approved(), CO_A, to_signature(None));
    assert!(matches!(
        refused,
        Refusal::NotLead {
            action: ActionKind::ToSignature,
            ..
        }
    ));
}

#[test]
fn manager_signs() {
    let world = World::new();
    let (appeal, event) = world.act(&world.signing(), MANAGER, sign());
    assert_eq!(appeal.status, Status::Signing);
    let reply = appeal.reply.as_ref().expect("a reply");
    assert_eq!(reply.signed_by.as_deref(), Some(MANAGER));
    assert_eq!(reply.signed_at, Some(world.now));
    assert_eq!(event.detail, "reply signed");
}

#[test]
fn a_reply_is_signed_once() {
    let world = World::new();
    let refused = world.refuse(&world.signed(), MANAGER, sign());
    assert_eq!(refused, Refusal::AlreadySigned);
}

#[test]
fn executor_cannot_sign() {
    let world = World::new();
    let refused = world.refuse(&world.signing(), LEAD, sign());
    let expected = Refusal::RoleRequired {
        action: ActionKind::Sign,
        role: Role::Manager,
    };
    assert_eq!(refused, expected);
}

#[test]
fn send_back_returns_the_draft_to_work() {
    let world = World::new();
    let (appeal, event) = world.act(&world.signing(), MANAGER, send_back("too long"));
    assert_eq!(appeal.status, Status::InProgress);
    assert!(appeal.approvals.is_empty());
    assert_eq!(
        appeal.reply.as_ref().map(|r| r.text.as_str()),
        Some("a copy will be issued")
    );
    assert_eq!(event.reason, "too long");
    assert!(event.detail.contains(LEAD));
}

#[test]
fn send_back_needs_a_comment() {
    let world = World::new();
    let refused = world.refuse(&world.signing(), MANAGER, send_back(" "));
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "comment".into()
        }
    );
}

#[test]
fn a_signed_reply_cannot_be_sent_back() {
    let world = World::new();
    let refused = world.refuse(&world.signed(), MANAGER, send_back("changed my mind"));
    assert_eq!(refused, Refusal::AlreadySigned);
}

#[test]
fn only_a_manager_sends_back() {
    let world = World::new();
    let refused = world.refuse(&world.signing(), COMPLIANCE, send_back("no"));
    assert!(matches!(
        refused,
        Refusal::RoleRequired {
            role: Role::Manager,
            ..
        }
    ));
}

#[test]
fn lead_or_registrar_records_the_dispatch() {
    let world = World::new();
    for who in [LEAD, REGISTRAR] {
        let action = dispatch(date(2026, 3, 9), ReplyMethod::Email);
        let (appeal, event) = world.act(&world.signed(), who, action);
        assert_eq!(appeal.status, Status::Sent);
        let sent = appeal
            .reply
            .as_ref()
            .and_then(|r| r.dispatch.as_ref())
            .expect("sent");
        assert_eq!(sent.outgoing_number, "01-12/345");
        assert_eq!((sent.channel, sent.by.as_str()), (ReplyMethod::Email, who));
        assert_eq!(appeal.dispatched_on(), Some(date(2026, 3, 9)));
        assert!(event.detail.contains("09.03.2026"), "{}", event.detail);
    }
}

#[test]
fn co_executor_cannot_record_the_dispatch() {
    let world = World::new();
    let refused = world.refuse(
        &world.signed(),
        CO_A,
        dispatch(world.today, ReplyMethod::Post),
    );
    let expected = Refusal::LeadOrRole {
        action: ActionKind::Dispatch,
        role: Role::Registrar,
    };
    assert_eq!(refused, expected);
}

#[test]
fn an_unsigned_reply_is_not_dispatched() {
    let world = World::new();
    let refused = world.refuse(
        &world.signing(),
        LEAD,
        dispatch(world.today, ReplyMethod::Post),
    );
    assert_eq!(refused, Refusal::NotSigned);
}

#[test]
fn dispatch_needs_an_outgoing_number() {
    let world = World::new();
    let action = Action::Dispatch {
        date: world.today,
        outgoing_number: " ".to_string(),
        channel: ReplyMethod::Post,
    };
    let refused = world.refuse(&world.signed(), LEAD, action);
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "outgoing number".into()
        }
    );
}

#[test]
fn dispatch_date_lies_between_receipt_and_today() {
    let world = World::new();
    let appeal = world.signed();
    let tomorrow = date(2026, 3, 11);
    let refused = world.refuse(&appeal, LEAD, dispatch(tomorrow, ReplyMethod::Post));
    let expected = Refusal::DateInFuture {
        field: "dispatch date".into(),
        date: tomorrow,
    };
    assert_eq!(refused, expected);

    let refused = world.refuse(
        &appeal,
        LEAD,
        dispatch(date(2026, 2, 28), ReplyMethod::Post),
    );
    assert!(matches!(
        refused,
        Refusal::DateTooEarly { ref field, .. } if field == "dispatch date"
    ));
}

#[test]
fn dispatch_names_a_real_channel() {
    let world = World::new();
    let action = dispatch(world.today, ReplyMethod::ToBeAgreed);
    let refused = world.refuse(&world.signed(), LEAD, action);
    assert!(matches!(
        refused,
        Refusal::Invalid { ref field, .. } if field == "channel"
    ));
}

#[test]
fn dispatch_by_email_needs_the_address() {
    let world = World::new();
    let mut reg = sample_registration();
    reg.contacts.email = String::new();
    let appeal = world.step(&world.register(reg).0, MANAGER, resolution(&[LEAD]));
    let appeal = world.step(&appeal, LEAD, to_signature(Some(draft("a copy"))));
    let appeal = world.step(&appeal, MANAGER, sign());
    let refused = world.refuse(&appeal, LEAD, dispatch(world.today, ReplyMethod::Email));
    assert_eq!(refused, Refusal::EmailMissing);
}
