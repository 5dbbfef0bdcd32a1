//! The service API as a front end uses it: notices, conflicts, visibility, search, links,
//! counts and the flags that tell an internal delay from a breach of the law.

mod common;

use appeals::domain::action::Action;
use appeals::domain::model::Status;
use appeals::domain::queue::Queue;
use appeals::service::api::{ActRequest, Flag, ServiceError};
use common::{at, date, form, service_at, staff};

fn act(number: &str, revision: Option<u64>, action: Action) -> ActRequest {
    ActRequest {
        number: number.to_string(),
        revision,
        action,
    }
}

fn resolve(executors: &[&str]) -> Action {
    Action::Resolve {
        executors: executors.iter().map(|s| s.to_string()).collect(),
        instruction: String::new(),
        term: None,
    }
}

#[test]
fn subscribers_are_told_of_every_committed_change() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    staff(&service);
    let notices = service.subscribe();
    let n = service
        .register("reg", &form("Иванов Иван", date(2026, 3, 2)))
        .unwrap()
        .number;
    service
        .act("boss", &act(&n, None, resolve(&["lead"])))
        .unwrap();
    let _ = service.act("lead", &act(&n, None, resolve(&["lead"])));
    let got: Vec<_> = notices.try_iter().collect();
    assert_eq!(got.len(), 2, "a refused action sends no notice: {got:?}");
    assert_eq!((got[0].revision, got[1].revision), (1, 2));
    assert_eq!(got[1].status, Status::InProgress);
    assert_eq!(got[1].by, "boss");
}

#[test]
fn a_change_based_on_an_old_revision_names_who_changed_it() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    staff(&service);
    let n = service
        .register("reg", &form("Иванов Иван", date(2026, 3, 2)))
        .unwrap()
        .number;
    service
        .act("boss", &act(&n, Some(1), resolve(&["lead"])))
        .unwrap();
    let stale = service.act(
        "boss",
        &act(
            &n,
            Some(1),
            Action::Dismiss {
                basis: "повтор".into(),
            },
        ),
    );
    match stale {
        Err(ServiceError::Conflict {
            by,
            current,
            expected,
            ..
        }) => {
            assert_eq!((by.as_str(), current, expected), ("boss", 2, 1));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(
        service.show("admin", &n).unwrap().appeal.status,
        Status::InProgress
    );
}

#[test]
fn search_finds_by_number_applicant_and_summary_words() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    staff(&service);
    let mut other = form("ТОО «Алатау Инжиниринг»", date(2026, 3, 2));
    other.summary = "Предложение о сотрудничестве по практике".into();
    let first = service
        .register("reg", &form("Семёнов Пётр", date(2026, 3, 2)))
        .unwrap();
    let second = service.register("reg", &other).unwrap();
    let numbers = |q: &str| -> Vec<String> {
        service
            .search("reg", q, 0, 50)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.number)
            .collect()
    };
    assert_eq!(numbers("семенов"), vec![first.number.clone()]);
    assert_eq!(numbers("алатау практ"), vec![second.number.clone()]);
    assert_eq!(numbers("2"), vec![second.number.clone()]);
    assert_eq!(numbers(&first.number), vec![first.number.clone()]);
    assert!(numbers("несуществующее").is_empty());
}

#[test]
fn a_repeated_appeal_links_the_earlier_ones_of_the_same_applicant() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    staff(&service);
    let first = service
        .register("reg", &form("Семёнов Пётр", date(2026, 3, 2)))
        .unwrap();
    let again = service
        .register("reg", &form("семенов  петр", date(2026, 3, 2)))
        .unwrap();
    assert_eq!(again.links, vec![first.id]);
    let card = service.show("reg", &again.number).unwrap();
    assert_eq!(card.links[0].number, first.number);
    let offered = service.earlier_appeals("reg", "СЕМЕНОВ ПЕТР", "").unwrap();
    assert_eq!(offered.len(), 2);
}

#[test]
fn a_card_lists_the_applicants_later_appeals_that_its_viewer_may_see() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    staff(&service);
    let mut with_iin = form("Семёнов Пётр", date(2026, 3, 2));
    with_iin.iin_bin = "900101300123".into();
    let first = service.register("reg", &with_iin).unwrap();
    let again = service
        .register("reg", &form("семенов  петр", date(2026, 3, 2)))
        .unwrap();
    service
        .register("reg", &form("Другой Человек", date(2026, 3, 2)))
        .unwrap();
    let mut same_iin = form("Semyonov Pyotr", date(2026, 3, 2));
    same_iin.iin_bin = "900101300123".into();
    let by_iin = service.register("reg", &same_iin).unwrap();

    let numbers = |login: &str, number: &str| -> (Vec<String>, u64) {
        let later = service.show(login, number).unwrap().later;
        (
            later.shown.into_iter().map(|l| l.number).collect(),
            later.total,
        )
    };
    assert_eq!(
        numbers("reg", &first.number),
        (vec![by_iin.number.clone(), again.number.clone()], 2),
        "newest first, by name or by IIN/BIN"
    );
    assert_eq!(numbers("reg", &by_iin.number), (vec![], 0));
    let card = service.show("reg", &again.number).unwrap();
    assert_eq!(
        card.links[0].number, first.number,
        "the earlier one is linked"
    );
    assert!(card.later.shown.is_empty(), "{:?}", card.later);

    // An executor is told only of the appeals assigned to them.
    for n in [&first.number, &by_iin.number] {
        service
            .act("boss", &act(n, None, resolve(&["lead"])))
            .unwrap();
    }
    assert_eq!(
        numbers("lead", &first.number),
        (vec![by_iin.number.clone()], 1)
    );
}

#[test]
fn a_card_lists_ten_later_appeals_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    staff(&service);
    let numbers: Vec<String> = (0..13)
        .map(|_| {
            service
                .register("reg", &form("ТОО «Частый Заявитель»", date(2026, 3, 2)))
                .unwrap()
                .number
        })
        .collect();
    let later = service.show("audit", &numbers[0]).unwrap().later;
    let shown: Vec<&str> = later.shown.iter().map(|l| l.number.as_str()).collect();
    let newest: Vec<&str> = numbers[3..].iter().rev().map(String::as_str).collect();
    assert_eq!(shown, newest);
    assert_eq!(later.total, 12);
}

#[test]
fn an_appeals_row_in_a_queue_is_found_in_its_order_and_only_where_its_viewer_sees_it() {
    use appeals::domain::queue::{Order, Sort};
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    staff(&service);
    // More rows than the first read takes (256), received over two months.
    let ids: Vec<u64> = (0..300)
        .map(|i| {
            let received = date(2026, 1, 1) + chrono::Days::new(i % 60);
            service
                .register("reg", &form("Петров Пётр", received))
                .unwrap()
                .id
        })
        .collect();
    let by_number = |descending| Order {
        sort: Sort::Number,
        descending,
    };
    let row = |login: &str, queue, order, id| service.position(login, queue, order, id).unwrap();
    assert_eq!(row("reg", Queue::All, by_number(true), ids[299]), Some(0));
    assert_eq!(
        row("reg", Queue::All, by_number(false), ids[299]),
        Some(299)
    );
    assert_eq!(
        row("reg", Queue::Incoming, by_number(true), ids[0]),
        Some(299)
    );
    // By term, the 59th day's appeals come last, in number order among themselves.
    let by_term = Order::default_for(Queue::Incoming);
    let last = row("reg", Queue::Incoming, by_term, ids[299]);
    assert_eq!(last, Some(299), "{last:?}");

    // Resolved, it leaves Incoming; the executor sees it in their own queue only.
    let number = service
        .show("reg", &format!("2026-{:05}", 300))
        .unwrap()
        .appeal
        .number_text;
    service
        .act("boss", &act(&number, None, resolve(&["lead"])))
        .unwrap();
    assert_eq!(row("reg", Queue::Incoming, by_term, ids[299]), None);
    assert_eq!(row("lead", Queue::Mine, by_term, ids[299]), Some(0));
    assert_eq!(
        row("lead", Queue::All, by_term, ids[0]),
        None,
        "not the executor's"
    );
}

#[test]
fn the_form_is_offered_earlier_appeals_whose_name_starts_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    staff(&service);
    let full = service
        .register("reg", &form("Иванов Иван Иванович", date(2026, 3, 2)))
        .unwrap();
    let short = service
        .register("reg", &form("Иванов", date(2026, 3, 2)))
        .unwrap();
    service
        .register("reg", &form("Петров Пётр", date(2026, 3, 2)))
        .unwrap();

    let offered = service.earlier_appeals("reg", "иванов", "").unwrap();
    let numbers: Vec<&str> = offered.iter().map(|e| e.row.number.as_str()).collect();
    assert_eq!(numbers, [short.number.as_str(), full.number.as_str()]);
    assert!(offered[0].same_applicant && !offered[1].same_applicant);
    assert_eq!(offered[1].summary, "О выдаче справки об обучении");
    assert!(service.earlier_appeals("reg", "Ив", "").unwrap().is_empty());
}

#[test]
fn links_chosen_on_the_form_are_stored_with_the_appeal_and_told_in_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    staff(&service);
    let earlier = service
        .register("reg", &form("ТОО «Алатау»", date(2026, 3, 2)))
        .unwrap();
    let mut linked = form("Алатау Инжиниринг ТОО", date(2026, 3, 2));
    linked.links = vec![earlier.number.clone(), earlier.number.clone()];
    let outcome = service.register("reg", &linked).unwrap();
    assert_eq!(outcome.links, vec![earlier.id]);
    let card = service.show("reg", &outcome.number).unwrap();
    assert_eq!(card.links[0].number, earlier.number);
    assert!(
        card.history[0].detail.contains(&earlier.number),
        "{}",
        card.history[0].detail
    );

    linked.links = vec!["2026-99999".into()];
    let err = service.register("reg", &linked).unwrap_err();
    assert!(matches!(err, ServiceError::NotFound { .. }), "{err}");
    let order = appeals::domain::queue::Order::default_for(Queue::All);
    let all = service.queue_page("reg", Queue::All, order, None, 0, 10);
    let all = all.unwrap().total;
    assert_eq!(all, 2, "nothing stored for a form with a bad link");
}

#[test]
fn an_edit_adds_links_but_never_to_the_appeal_itself() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    staff(&service);
    let first = service
        .register("reg", &form("Первый Заявитель", date(2026, 3, 2)))
        .unwrap();
    let second = service
        .register("reg", &form("Второй Заявитель", date(2026, 3, 2)))
        .unwrap();
    let mut edit = form("Второй Заявитель", date(2026, 3, 2));
    edit.links = vec![second.number.clone()];
    let err = service
        .edit("reg", &second.number, Some(second.revision), &edit)
        .unwrap_err();
    assert!(matches!(err, ServiceError::BadRequest { .. }), "{err}");

    edit.links = vec![first.number.clone()];
    let outcome = service
        .edit("reg", &second.number, Some(second.revision), &edit)
        .unwrap();
    assert_eq!(outcome.links, vec![first.id]);
    assert!(
        outcome.event.detail.contains("linked to"),
        "{}",
        outcome.event.detail
    );
}

#[test]
fn executors_see_only_their_appeals_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2026, 3, 2));
    staff(&service);
    let mine = service
        .register("reg", &form("А Б", date(2026, 3, 2)))
        .unwrap()
        .number;
    let theirs = service
        .register("reg", &form("В Г", date(2026, 3, 2)))
        .unwrap()
        .number;
    service
        .act("boss", &act(&mine, None, resolve(&["lead", "co1"])))
        .unwrap();
    service
        .act("boss", &act(&theirs, None, resolve(&["co2"])))
        .unwrap();
    let counts = service.counts("co1").unwrap();
    let count = |q: Queue| counts.iter().find(|c| c.queue == q).unwrap().count;
    assert_eq!(
        (
            count(Queue::All),
            count(Queue::CoExecuting),
            count(Queue::Mine)
        ),
        (1, 1, 1)
    );
    assert_eq!(count(Queue::Incoming), 0);
    assert!(matches!(
        service.show("co1", &theirs),
        Err(ServiceError::NotFound { .. })
    ));
    let boss = service.counts("boss").unwrap();
    assert_eq!(
        boss.iter().find(|c| c.queue == Queue::All).unwrap().count,
        2
    );
}

#[test]
fn late_by_the_internal_term_is_told_apart_from_late_by_the_law() {
    let dir = tempfile::tempdir().unwrap();
    let received = date(2026, 3, 2);
    let n = {
        let service = service_at(dir.path(), at(2026, 3, 2));
        staff(&service);
        service
            .register("reg", &form("Д Е", received))
            .unwrap()
            .number
    };
    // 10 calendar days end on 12 March; 15 working days (Nauryz skipped) end on 26 March.
    let on = |day: u32| {
        service_at(dir.path(), at(2026, 3, day))
            .show("reg", &n)
            .unwrap()
    };
    let within_law = on(16);
    assert!(
        within_law.flags.contains(&Flag::LateInternal),
        "{:?}",
        within_law.flags
    );
    assert!(!within_law.flags.contains(&Flag::LateStatutory));
    let past_law = on(30);
    assert!(
        past_law.flags.contains(&Flag::LateStatutory),
        "{:?}",
        past_law.flags
    );
    assert!(!past_law.flags.contains(&Flag::LateInternal));
}

#[test]
fn due_lists_overdue_and_due_soon_for_the_executor_only() {
    let dir = tempfile::tempdir().unwrap();
    let late = {
        let early = service_at(dir.path(), at(2026, 3, 2));
        staff(&early);
        let late = early
            .register("reg", &form("Ж З", date(2026, 3, 2)))
            .unwrap()
            .number;
        early
            .act("boss", &act(&late, None, resolve(&["lead"])))
            .unwrap();
        late
    };
    let later = service_at(dir.path(), at(2026, 3, 11));
    let soon = later
        .register("reg", &form("И К", date(2026, 3, 11)))
        .unwrap()
        .number;
    later
        .act("boss", &act(&soon, None, resolve(&["co1"])))
        .unwrap();
    let due = later.due("lead").unwrap();
    let numbers: Vec<_> = due.rows.iter().map(|r| r.number.clone()).collect();
    assert_eq!(
        numbers,
        vec![late],
        "the 12 March term is due soon on 11 March"
    );
    assert_eq!(
        due.overdue_in_registry, None,
        "an executor is not told the registry's total"
    );
}

#[test]
fn a_term_reaching_a_year_without_a_calendar_is_reported() {
    use appeals::domain::terms::CalendarWarning;
    let dir = tempfile::tempdir().unwrap();
    let service = service_at(dir.path(), at(2027, 12, 20));
    staff(&service);
    let outcome = service
        .register("reg", &form("Л М", date(2027, 12, 20)))
        .unwrap();
    assert!(
        outcome
            .warnings
            .contains(&CalendarWarning::YearNotLoaded { year: 2028 })
    );
    assert!(
        outcome
            .warnings
            .iter()
            .any(|w| matches!(w, CalendarWarning::Provisional { year: 2027, .. }))
    );
    let card = service.show("reg", &outcome.number).unwrap();
    assert!(
        card.statutory
            .warnings
            .contains(&CalendarWarning::YearNotLoaded { year: 2028 })
    );
}
