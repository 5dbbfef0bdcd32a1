//! Information requests, extensions and agreeing the reply method.

use super::*;
use crate::domain::model::{ActionKind, TermBasis};

fn request(text: &str) -> Action {
    Action::RequestInfo {
        text: text.to_string(),
    }
}

fn answer(text: &str) -> Action {
    Action::InfoReceived {
        answer: text.to_string(),
    }
}

fn extension(new_term: NaiveDate, reasons: &str, told: NaiveDate) -> Action {
    Action::Extend {
        new_term,
        reasons: reasons.to_string(),
        applicant_told: told,
    }
}

fn agreement(method: ReplyMethod) -> Action {
    Action::AgreeReplyMethod {
        method,
        note: "by phone on 05.03".to_string(),
    }
}

/// Resolved to the lead and one co-executor, from an appeal that named no reply method.
fn method_open(world: &World, email: &str) -> Appeal {
    let mut reg = sample_registration();
    reg.reply_method = ReplyMethod::ToBeAgreed;
    reg.contacts.email = email.to_string();
    let (appeal, _) = world.register(reg);
    world.step(&appeal, MANAGER, resolution(&[LEAD, CO_A]))
}

#[test]
fn lead_requests_information_and_records_the_answer() {
    let world = World::new();
    let (awaiting, event) = world.act(&world.in_progress(), LEAD, request("which year?"));
    assert_eq!(awaiting.status, Status::AwaitingInfo);
    assert_eq!(awaiting.info_requests.len(), 1);
    assert_eq!(awaiting.info_requests[0].text, "which year?");
    assert!(event.detail.contains("which year?"));

    let answered = world.step(&awaiting, LEAD, answer("2023"));
    assert_eq!(answered.status, Status::InProgress);
    let request = &answered.info_requests[0];
    assert_eq!(
        (request.answer.as_str(), request.answered_at),
        ("2023", Some(world.now))
    );
}

#[test]
fn only_the_lead_deals_with_information_requests() {
    let world = World::new();
    let refused = world.refuse(&world.in_progress(), CO_A, request("which year?"));
    let expected = Refusal::NotLead {
        action: ActionKind::RequestInfo,
        lead: LEAD.to_string(),
    };
    assert_eq!(refused, expected);

    let awaiting = world.step(&world.in_progress(), LEAD, request("which year?"));
    let refused = world.refuse(&awaiting, MANAGER, answer("2023"));
    assert!(matches!(
        refused,
        Refusal::NotLead {
            action: ActionKind::InfoReceived,
            ..
        }
    ));
}

#[test]
fn information_request_and_answer_need_text() {
    let world = World::new();
    let refused = world.refuse(&world.in_progress(), LEAD, request(" "));
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "request text".into()
        }
    );

    let awaiting = world.step(&world.in_progress(), LEAD, request("which year?"));
    let refused = world.refuse(&awaiting, LEAD, answer(""));
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "answer".into()
        }
    );
}

#[test]
fn one_information_request_at_a_time() {
    let world = World::new();
    let awaiting = world.step(&world.in_progress(), LEAD, request("which year?"));
    let refused = world.refuse(&awaiting, LEAD, request("and which faculty?"));
    assert!(matches!(
        refused,
        Refusal::WrongStatus {
            status: Status::AwaitingInfo,
            ..
        }
    ));

    let refused = world.refuse(&world.in_progress(), LEAD, answer("2023"));
    assert!(matches!(
        refused,
        Refusal::WrongStatus {
            status: Status::InProgress,
            ..
        }
    ));
}

#[test]
fn an_answer_needs_an_open_request() {
    // Only a damaged record can wait for information with every request answered.
    let world = World::new();
    let mut awaiting = world.step(&world.in_progress(), LEAD, request("which year?"));
    awaiting.info_requests[0].answered_at = Some(world.now);
    let refused = world.refuse(&awaiting, LEAD, answer("2023"));
    assert_eq!(refused, Refusal::NoOpenInfoRequest);
}

#[test]
fn lead_extends_the_term_with_reasons() {
    let world = World::new();
    let appeal = world.in_progress();
    let action = extension(
        date(2026, 4, 10),
        "archive search takes time",
        date(2026, 3, 9),
    );
    let (next, event) = world.act(&appeal, LEAD, action);

    assert_eq!(next.term, date(2026, 4, 10));
    assert_eq!(next.term_basis, TermBasis::Extended);
    assert_eq!(next.status, Status::InProgress);
    let extension = &next.extensions[0];
    assert_eq!(extension.previous_term, appeal.term);
    assert_eq!(extension.applicant_told, date(2026, 3, 9));
    assert_eq!(event.reason, "archive search takes time");
    assert!(event.detail.contains("-> 10.04.2026"), "{}", event.detail);
}

#[test]
fn manager_extends_the_term_too_even_on_signature() {
    let world = World::new();
    let action = extension(date(2026, 4, 10), "the rector is away", world.today);
    let next = world.step(&world.signing(), MANAGER, action);
    assert_eq!(next.term, date(2026, 4, 10));
    assert_eq!(next.status, Status::Signing);
}

#[test]
fn co_executor_cannot_extend_the_term() {
    let world = World::new();
    let action = extension(date(2026, 4, 10), "busy", world.today);
    let refused = world.refuse(&world.in_progress(), CO_A, action);
    let expected = Refusal::LeadOrRole {
        action: ActionKind::Extend,
        role: Role::Manager,
    };
    assert_eq!(refused, expected);
}

#[test]
fn extension_moves_the_term_later() {
    let world = World::new();
    let appeal = world.in_progress();
    for new_term in [appeal.term, appeal.term - chrono::Days::new(1)] {
        let refused = world.refuse(&appeal, LEAD, extension(new_term, "why", world.today));
        let expected = Refusal::TermNotLater {
            new: new_term,
            current: appeal.term,
        };
        assert_eq!(refused, expected);
    }
}

#[test]
fn extension_needs_reasons() {
    let world = World::new();
    let action = extension(date(2026, 4, 10), "   ", world.today);
    let refused = world.refuse(&world.in_progress(), LEAD, action);
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "reasons".into()
        }
    );
}

#[test]
fn applicant_cannot_be_told_in_the_future_or_before_receipt() {
    let world = World::new();
    let appeal = world.in_progress();
    let tomorrow = date(2026, 3, 11);
    let refused = world.refuse(&appeal, LEAD, extension(date(2026, 4, 10), "why", tomorrow));
    let expected = Refusal::DateInFuture {
        field: "applicant told".into(),
        date: tomorrow,
    };
    assert_eq!(refused, expected);

    let early = date(2026, 3, 1);
    let refused = world.refuse(&appeal, LEAD, extension(date(2026, 4, 10), "why", early));
    assert!(matches!(
        refused,
        Refusal::DateTooEarly { ref field, .. } if field == "applicant told"
    ));
}

#[test]
fn a_sent_reply_needs_no_extension() {
    let world = World::new();
    let action = extension(date(2026, 4, 10), "why", world.today);
    let refused = world.refuse(&world.sent(), LEAD, action);
    assert!(matches!(
        refused,
        Refusal::WrongStatus {
            status: Status::Sent,
            ..
        }
    ));
}

#[test]
fn lead_agrees_the_reply_method() {
    let world = World::new();
    let appeal = method_open(&world, "applicant@example.kz");
    let (next, event) = world.act(&appeal, LEAD, agreement(ReplyMethod::Email));
    assert_eq!(next.reg.reply_method, ReplyMethod::Email);
    assert_eq!(event.reason, "by phone on 05.03");
    assert!(event.detail.contains("e-mail"), "{}", event.detail);
}

#[test]
fn an_agreed_reply_method_stays() {
    let world = World::new();
    let refused = world.refuse(&world.in_progress(), LEAD, agreement(ReplyMethod::Email));
    assert_eq!(refused, Refusal::ReplyMethodAlreadyAgreed);
}

#[test]
fn agreeing_needs_a_real_method() {
    let world = World::new();
    let appeal = method_open(&world, "");
    let refused = world.refuse(&appeal, LEAD, agreement(ReplyMethod::ToBeAgreed));
    assert!(matches!(
        refused,
        Refusal::Invalid { ref field, .. } if field == "reply method"
    ));
}

#[test]
fn reply_by_email_needs_the_address() {
    let world = World::new();
    let appeal = method_open(&world, "  ");
    let refused = world.refuse(&appeal, LEAD, agreement(ReplyMethod::Email));
    assert_eq!(refused, Refusal::EmailMissing);
    world.step(&appeal, LEAD, agreement(ReplyMethod::Post));
}

#[test]
fn only_the_lead_agrees_the_reply_method() {
    let world = World::new();
    let appeal = method_open(&world, "");
    let refused = world.refuse(&appeal, CO_A, agreement(ReplyMethod::Post));
    assert!(matches!(refused, Refusal::NotLead { .. }));
}
