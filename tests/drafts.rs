//! Drafts of the registration form kept on the server: stored and replaced per owner and
//! slot, seen by their owner only, taken away by the registration or edit they lead to,
//! bounded in size, cleaned of escape sequences, and left out of backups.

mod common;

use std::sync::{Arc, Mutex};

use appeals::domain::draft::{DRAFT_LIMIT, DRAFTS_PER_OWNER, DraftSlot, FormDraft};
use appeals::domain::user::Role;
use appeals::domain::validate::AppealForm;
use appeals::service::Service;
use appeals::service::api::ServiceError;
use appeals::store::Store;
use chrono::{DateTime, Duration, Utc};
use common::{at, date, form, service_at, staff, user};

fn edit(number: &str) -> DraftSlot {
    DraftSlot::Edit {
        number: number.to_string(),
    }
}

/// A form half typed: an applicant and the start of a summary, nothing else.
fn half_typed(applicant: &str) -> AppealForm {
    AppealForm {
        applicant: applicant.to_string(),
        summary: "О переводе на ".to_string(),
        ..AppealForm::default()
    }
}

/// The staff of `common::staff` and a second registrar, `reg2`.
fn office(service: &Service) {
    staff(service);
    service
        .add_user("admin", &user("reg2", &[Role::Registrar]))
        .unwrap();
}

fn slots(drafts: &[FormDraft]) -> Vec<DraftSlot> {
    drafts.iter().map(|d| d.slot.clone()).collect()
}

#[test]
fn a_draft_round_trips_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let draft = FormDraft {
        owner: "reg".into(),
        slot: edit("2026-00017"),
        form: half_typed("Иванов Иван "),
        saved_at: at(2026, 3, 2),
        base_revision: Some(3),
    };
    {
        let store = Store::open(dir.path()).unwrap();
        store.save_draft(&draft).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.drafts("reg").unwrap(), vec![draft]);
    assert!(
        store.drafts("re").unwrap().is_empty(),
        "a login is no prefix"
    );
}

#[test]
fn saving_again_replaces_the_draft_of_the_same_slot() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    service
        .save_draft("reg", DraftSlot::New, &half_typed("Ив"), None)
        .unwrap();
    service
        .save_draft("reg", DraftSlot::New, &half_typed("Иванов"), None)
        .unwrap();
    let drafts = service.drafts("reg").unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].form.applicant, "Иванов");
    assert_eq!(drafts[0].owner, "reg");
}

#[test]
fn each_user_sees_and_drops_only_their_own_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    service
        .save_draft("reg", DraftSlot::New, &half_typed("Первый"), None)
        .unwrap();
    service
        .save_draft("reg2", DraftSlot::New, &half_typed("Второй"), None)
        .unwrap();

    assert!(service.drop_draft("reg2", &DraftSlot::New).unwrap());
    let mine = service.drafts("reg").unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].form.applicant, "Первый");
    assert!(service.drafts("reg2").unwrap().is_empty());
    assert!(service.drafts("boss").unwrap().is_empty());
}

#[test]
fn dropping_a_draft_removes_that_slot_only() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    let number = service
        .register("reg", &form("Петрова Анна", date(2026, 3, 2)))
        .unwrap()
        .number;
    let empty = AppealForm::default();
    service
        .save_draft("reg", DraftSlot::New, &empty, None)
        .unwrap();
    service
        .save_draft("reg", edit(&number), &empty, Some(1))
        .unwrap();

    assert!(service.drop_draft("reg", &DraftSlot::New).unwrap());
    assert!(!service.drop_draft("reg", &DraftSlot::New).unwrap());
    assert_eq!(slots(&service.drafts("reg").unwrap()), vec![edit(&number)]);
}

#[test]
fn drafts_are_listed_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let now = Arc::new(Mutex::new(at(2026, 3, 2)));
    let clock = {
        let now = Arc::clone(&now);
        Arc::new(move || *now.lock().unwrap()) as Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>
    };
    let service = common::service_with_clock(dir.path(), clock);
    office(&service);
    let number = service
        .register("reg", &form("Петрова Анна", date(2026, 3, 2)))
        .unwrap()
        .number;
    let empty = AppealForm::default();
    service
        .save_draft("reg", edit(&number), &empty, Some(1))
        .unwrap();
    *now.lock().unwrap() += Duration::minutes(5);
    service
        .save_draft("reg", DraftSlot::New, &empty, None)
        .unwrap();
    assert_eq!(
        slots(&service.drafts("reg").unwrap()),
        vec![DraftSlot::New, edit(&number)]
    );
}

#[test]
fn registering_takes_away_the_new_draft_and_leaves_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    let first = service
        .register("reg", &form("Петрова Анна", date(2026, 3, 2)))
        .unwrap()
        .number;
    let typed = form("Сидоров Олег", date(2026, 3, 2));
    service
        .save_draft("reg", DraftSlot::New, &typed, None)
        .unwrap();
    service
        .save_draft("reg", edit(&first), &typed, Some(1))
        .unwrap();
    service
        .save_draft("reg2", DraftSlot::New, &typed, None)
        .unwrap();

    service.register("reg", &typed).unwrap();

    assert_eq!(slots(&service.drafts("reg").unwrap()), vec![edit(&first)]);
    assert_eq!(
        slots(&service.drafts("reg2").unwrap()),
        vec![DraftSlot::New]
    );
    assert!(service.check().unwrap().problems.is_empty());
}

#[test]
fn editing_takes_away_the_draft_of_that_edit_only() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    let register = |name: &str| {
        let typed = form(name, date(2026, 3, 2));
        service.register("reg", &typed).unwrap().number
    };
    let (first, second) = (register("Петрова Анна"), register("Сидоров Олег"));
    let corrected = form("Петрова Анна Сергеевна", date(2026, 3, 2));
    for slot in [DraftSlot::New, edit(&first), edit(&second)] {
        service.save_draft("reg", slot, &corrected, None).unwrap();
    }

    service.edit("reg", &first, Some(1), &corrected).unwrap();

    let left = slots(&service.drafts("reg").unwrap());
    assert!(!left.contains(&edit(&first)), "{left:?}");
    assert!(left.contains(&edit(&second)) && left.contains(&DraftSlot::New));
}

#[test]
fn a_refused_registration_keeps_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    let typed = half_typed("Иванов");
    service
        .save_draft("reg", DraftSlot::New, &typed, None)
        .unwrap();
    assert!(service.register("reg", &typed).is_err());
    assert_eq!(slots(&service.drafts("reg").unwrap()), vec![DraftSlot::New]);
}

#[test]
fn a_draft_far_beyond_the_form_limits_is_refused_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    let mut typed = half_typed("Иванов");
    typed.summary = "ж".repeat(DRAFT_LIMIT);

    let err = service
        .save_draft("reg", DraftSlot::New, &typed, None)
        .unwrap_err();

    assert!(matches!(err, ServiceError::DraftTooLarge { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("limit of 65536"), "{message}");
    assert!(service.drafts("reg").unwrap().is_empty());
}

#[test]
fn a_draft_over_the_form_limits_but_within_the_draft_limit_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    let mut typed = half_typed("Иванов");
    // Longer than the summary may be when registered, as a paste not yet cut down is.
    typed.summary = "ж".repeat(6_000);
    service
        .save_draft("reg", DraftSlot::New, &typed, None)
        .unwrap();
    assert_eq!(
        service.drafts("reg").unwrap()[0].form.summary,
        typed.summary
    );
}

#[test]
fn escape_sequences_are_stripped_from_a_saved_draft() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    let typed = AppealForm {
        applicant: "Иванов\u{1b}]0;pwned\u{7}".into(),
        summary: "строка\r\nещё\u{202E}".into(),
        ..AppealForm::default()
    };
    let stored = service
        .save_draft("reg", DraftSlot::New, &typed, None)
        .unwrap();
    assert_eq!(stored.form.applicant, "Иванов]0;pwned");
    assert_eq!(stored.form.summary, "строка\nещё");
    assert_eq!(service.drafts("reg").unwrap()[0], stored);
}

#[test]
fn an_edit_draft_is_kept_under_the_number_of_a_visible_appeal() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    let number = service
        .register("reg", &form("Петрова Анна", date(2026, 3, 2)))
        .unwrap()
        .number;
    let empty = AppealForm::default();
    let stored = service
        .save_draft("reg", edit(&format!(" {number} ")), &empty, Some(1))
        .unwrap();
    assert_eq!(stored.slot, edit(&number));
    assert_eq!(stored.base_revision, Some(1));

    let missing = service.save_draft("reg", edit("1999-00001"), &empty, None);
    assert!(matches!(missing, Err(ServiceError::NotFound { .. })));
    let based = service.save_draft("reg", DraftSlot::New, &empty, Some(4));
    assert!(matches!(based, Err(ServiceError::BadRequest { .. })));
}

#[test]
fn only_active_registrars_save_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    let empty = AppealForm::default();
    let executor = service.save_draft("lead", DraftSlot::New, &empty, None);
    assert!(matches!(executor, Err(ServiceError::Forbidden { .. })));

    service
        .save_draft("reg2", DraftSlot::New, &empty, None)
        .unwrap();
    service.disable_user("admin", "reg2").unwrap();
    let disabled = [
        service
            .save_draft("reg2", DraftSlot::New, &empty, None)
            .err(),
        service.drafts("reg2").err(),
        service.drop_draft("reg2", &DraftSlot::New).err(),
    ];
    for refusal in disabled {
        assert!(
            matches!(refusal, Some(ServiceError::Disabled { .. })),
            "{refusal:?}"
        );
    }
}

#[test]
fn a_user_keeps_a_bounded_number_of_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    let empty = AppealForm::default();
    let mut numbers = Vec::new();
    for i in 0..DRAFTS_PER_OWNER {
        let applicant = format!("Заявитель {i}");
        let typed = form(&applicant, date(2026, 3, 2));
        numbers.push(service.register("reg", &typed).unwrap().number);
    }
    for number in &numbers {
        service
            .save_draft("reg", edit(number), &empty, None)
            .unwrap();
    }

    let err = service
        .save_draft("reg", DraftSlot::New, &empty, None)
        .unwrap_err();
    assert!(matches!(err, ServiceError::TooManyDrafts { .. }), "{err:?}");
    assert!(err.to_string().contains("appeals drafts drop"), "{err}");
    service
        .save_draft("reg", edit(&numbers[0]), &half_typed("Иванов"), None)
        .expect("replacing a draft is not adding one");
}

#[test]
fn a_backup_leaves_drafts_out_and_the_restored_database_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    office(&service);
    service
        .register("reg", &form("Петрова Анна", date(2026, 3, 2)))
        .unwrap();
    service
        .save_draft("reg", DraftSlot::New, &half_typed("Иванов"), None)
        .unwrap();
    let file = dir.path().join("backup.jsonl");
    service.store().backup(&file).unwrap();
    assert!(!std::fs::read_to_string(&file).unwrap().contains("Иванов"));

    let restored = tempfile::tempdir().unwrap();
    Store::restore(restored.path(), &file).unwrap();
    let store = Store::open(restored.path()).unwrap();
    assert!(store.drafts("reg").unwrap().is_empty());
}
