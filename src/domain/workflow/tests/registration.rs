//! Registering an appeal and correcting its registration fields.

use super::*;
use crate::domain::model::{ActionKind, TermBasis};
use crate::domain::workflow::NewIdentity;

fn identity() -> NewIdentity {
    NewIdentity {
        id: 1,
        number: RegNumber { year: 2026, seq: 1 },
        number_text: "2026-00001".to_string(),
    }
}

fn with_override(date: NaiveDate, basis: &str) -> Registration {
    Registration {
        term_override: Some((date, basis.to_string())),
        ..sample_registration()
    }
}

#[test]
fn registration_opens_the_appeal_with_its_first_event() {
    let world = World::new();
    let (appeal, event) = world.register(sample_registration());

    assert_eq!(appeal.status, Status::Registered);
    assert_eq!((appeal.revision, appeal.history_len), (1, 1));
    assert_eq!(appeal.registered_at, world.now);
    assert_eq!(appeal.registered_by, REGISTRAR);
    assert_eq!(appeal.number_text, "2026-00017");
    assert_eq!(appeal.links, vec![3]);
    assert!(appeal.resolution.is_none() && appeal.reply.is_none());

    assert_eq!(event.seq, 0);
    assert_eq!(event.action, ActionKind::Register);
    assert_eq!(event.from_status, None);
    assert_eq!(event.to_status, Status::Registered);
    assert_eq!(event.by, REGISTRAR);
    assert!(event.detail.contains("2026-00017"), "{}", event.detail);
}

#[test]
fn registration_takes_terms_from_the_rule() {
    let world = World::new();
    let (appeal, _) = world.register(sample_registration());

    let internal = world.terms.internal(received(), world.today).term;
    assert_eq!(appeal.term, internal);
    assert_eq!(appeal.term_basis, TermBasis::Rule);
    assert_eq!(
        appeal.statutory_term,
        world.terms.statutory(received()).term
    );
}

#[test]
fn registration_keeps_a_term_set_by_a_state_body() {
    let world = World::new();
    let reg = with_override(date(2026, 3, 5), "letter of the ministry no. 12");
    let (appeal, event) = world.register(reg);

    assert_eq!(appeal.term, date(2026, 3, 5));
    let basis = "letter of the ministry no. 12".to_string();
    assert_eq!(appeal.term_basis, TermBasis::Set { basis });
    assert_eq!(event.reason, "letter of the ministry no. 12");
    assert_eq!(
        appeal.statutory_term,
        world.terms.statutory(received()).term
    );
}

#[test]
fn registration_refuses_a_set_term_without_basis() {
    let world = World::new();
    let reg = with_override(date(2026, 3, 5), "  ");
    let refused = register(reg, identity(), vec![], &world.ctx(REGISTRAR));
    assert_eq!(
        refused,
        Err(Refusal::Missing {
            field: "term basis".into()
        })
    );
}

#[test]
fn registration_refuses_a_set_term_before_receipt() {
    let world = World::new();
    let reg = with_override(date(2026, 3, 1), "ministry");
    let refused = register(reg, identity(), vec![], &world.ctx(REGISTRAR));
    assert!(matches!(
        refused,
        Err(Refusal::DateTooEarly { ref field, .. }) if field == "term"
    ));
}

#[test]
fn only_a_registrar_registers() {
    let world = World::new();
    for login in [MANAGER, LEAD, COMPLIANCE, "admin"] {
        let refused = register(sample_registration(), identity(), vec![], &world.ctx(login));
        let expected = Refusal::RoleRequired {
            action: ActionKind::Register,
            role: Role::Registrar,
        };
        assert_eq!(refused, Err(expected), "{login}");
    }
}

#[test]
fn deactivated_registrar_cannot_register() {
    let world = World::new();
    let mut former = world.user(REGISTRAR).clone();
    former.active = false;
    let refused = register(
        sample_registration(),
        identity(),
        vec![],
        &world.ctx_as(&former),
    );
    assert!(matches!(refused, Err(Refusal::RoleRequired { .. })));
}

#[test]
fn edit_recomputes_the_terms_and_names_the_changed_fields() {
    let world = World::new();
    let appeal = world.registered();
    let corrected = Registration {
        received_date: date(2026, 3, 3),
        summary: "asks for two copies".to_string(),
        ..sample_registration()
    };
    let (edited, event) = world.act(&appeal, REGISTRAR, Action::Edit(corrected.clone()));

    assert_eq!(edited.reg, corrected);
    assert_eq!(edited.status, Status::Registered);
    assert_eq!(
        edited.term,
        world.terms.internal(date(2026, 3, 3), world.today).term
    );
    assert_eq!(
        edited.statutory_term,
        world.terms.statutory(date(2026, 3, 3)).term
    );
    assert!(
        event.detail.contains("received date, summary"),
        "{}",
        event.detail
    );
}

#[test]
fn edit_keeps_a_set_term() {
    let world = World::new();
    let appeal = world.registered();
    let reg = with_override(date(2026, 3, 6), "request of the akimat");
    let edited = world.step(&appeal, REGISTRAR, Action::Edit(reg));

    assert_eq!(edited.term, date(2026, 3, 6));
    let basis = "request of the akimat".to_string();
    assert_eq!(edited.term_basis, TermBasis::Set { basis });
}

#[test]
fn edit_checks_a_set_term_like_registration() {
    let world = World::new();
    let appeal = world.registered();
    let reg = with_override(date(2026, 3, 6), "");
    let refused = world.refuse(&appeal, REGISTRAR, Action::Edit(reg));
    assert_eq!(
        refused,
        Refusal::Missing {
            field: "term basis".into()
        }
    );
}

#[test]
fn only_a_registrar_edits() {
    let world = World::new();
    let appeal = world.registered();
    let refused = world.refuse(&appeal, MANAGER, Action::Edit(sample_registration()));
    let expected = Refusal::RoleRequired {
        action: ActionKind::Edit,
        role: Role::Registrar,
    };
    assert_eq!(refused, expected);
}

#[test]
fn edit_ends_with_the_resolution() {
    let world = World::new();
    let appeal = world.in_progress();
    let refused = world.refuse(&appeal, REGISTRAR, Action::Edit(sample_registration()));
    let expected = Refusal::WrongStatus {
        action: ActionKind::Edit,
        status: Status::InProgress,
    };
    assert_eq!(refused, expected);
}

#[test]
fn links_chosen_by_hand_are_kept_however_old_and_the_latest_others_fill_the_rest() {
    use crate::domain::workflow::{LINKS_MAX, merge_links};

    let others: Vec<u64> = (100..100 + 2 * LINKS_MAX as u64).collect();
    let merged = merge_links(&[7, 3, 7], &others);

    assert_eq!(merged.len(), LINKS_MAX);
    assert_eq!(&merged[..2], &[3, 7], "the chosen ones, once each");
    let newest = *others.last().expect("others");
    assert!(merged.contains(&newest), "the latest of the others fill up");
    assert!(!merged.contains(&100), "the oldest of the others make room");
    assert_eq!(merge_links(&[], &[5, 2, 5]), vec![2, 5]);
}
