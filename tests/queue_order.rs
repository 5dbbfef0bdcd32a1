//! Queues in every order and filtered, as the service pages them, against their definition:
//! the pure predicates and `Order::compare` of `domain::queue` over every appeal, and the
//! search for a filter's text.

mod common;

use std::collections::BTreeSet;

use appeals::domain::model::Appeal;
use appeals::domain::queue::{self, Order, Queue, Sort};
use appeals::domain::user::User;
use appeals::service::Service;
use common::{at, service_at};

/// Every order there is.
fn orders() -> Vec<Order> {
    let both = |sort| [false, true].map(|descending| Order { sort, descending });
    Sort::ALL.into_iter().flat_map(both).collect()
}

/// A demo registry received over the 40 days before 12 January 2026. Appeals received on 31
/// December and registered the next day carry 2026 numbers before later ids with 2025 ones,
/// and about ten appeals share each received date.
fn registry(dir: &std::path::Path) -> Service {
    let service = service_at(dir, at(2026, 1, 12));
    common::staff(&service);
    appeals::demo::fill(&service, "admin", 400, 7).expect("the demo fills");
    service
}

fn everything(service: &Service) -> Vec<Appeal> {
    let total = service.store().total().unwrap();
    let ids: Vec<u64> = (1..=total).collect();
    service.store().load_many(&ids).unwrap()
}

fn users(service: &Service) -> Vec<User> {
    service.store().users().unwrap()
}

/// The ids of a queue by its definition, narrowed to `found` when filtered.
fn definition(
    all: &[Appeal],
    service: &Service,
    (queue, viewer): (Queue, &User),
    order: Order,
    found: Option<&BTreeSet<u64>>,
) -> Vec<u64> {
    let today = service.today();
    let mut kept: Vec<&Appeal> = all
        .iter()
        .filter(|a| queue::in_queue(queue, a, viewer, today))
        .filter(|a| found.is_none_or(|f| f.contains(&a.id)))
        .collect();
    kept.sort_by(|a, b| order.compare(a, b));
    kept.iter().map(|a| a.id).collect()
}

/// Every appeal a search finds, whoever may see it (a registrar sees all).
fn search(service: &Service, text: &str) -> BTreeSet<u64> {
    let mut found = BTreeSet::new();
    for offset in (0..).step_by(1000) {
        let page = service.search("reg", text, offset, 1000).unwrap();
        if page.rows.is_empty() {
            return found;
        }
        found.extend(page.rows.iter().map(|r| r.id));
    }
    unreachable!("the loop returns once a page comes back empty")
}

/// Pages of 13 from the start, the middle, near the end (read backwards) and past the end,
/// each equal to its part of `want`, each with the whole size as its total.
fn assert_pages(
    service: &Service,
    (queue, viewer): (Queue, &User),
    order: Order,
    filter: Option<&str>,
    want: &[u64],
) {
    let n = want.len() as u64;
    let whole = service.queue_page(&viewer.login, queue, order, filter, 0, 1000);
    let whole = whole.unwrap();
    let ids: Vec<u64> = whole.rows.iter().map(|r| r.id).collect();
    let what = format!(
        "{queue:?} for {} in {order:?}, filter {filter:?}",
        viewer.login
    );
    assert_eq!(ids, want, "{what}");
    assert_eq!(whole.total, n, "total of {what}");
    for offset in [0, 13, n / 2, n.saturating_sub(5), n, n + 13] {
        let page = service.queue_page(&viewer.login, queue, order, filter, offset, 13);
        let page = page.unwrap();
        let got: Vec<u64> = page.rows.iter().map(|r| r.id).collect();
        let part: Vec<u64> = want
            .iter()
            .skip(offset as usize)
            .take(13)
            .copied()
            .collect();
        assert_eq!(got, part, "{what} at {offset}");
        assert_eq!(page.total, n, "total of {what} at {offset}");
    }
}

#[test]
fn every_queue_of_every_user_pages_in_every_order_as_its_definition_sorts_it() {
    let dir = tempfile::tempdir().unwrap();
    let service = registry(dir.path());
    let all = everything(&service);
    for viewer in users(&service) {
        for queue in Queue::ALL {
            for order in orders() {
                let want = definition(&all, &service, (queue, &viewer), order, None);
                assert_pages(&service, (queue, &viewer), order, None, &want);
            }
        }
    }
}

#[test]
fn the_registry_really_has_ties_and_numbers_out_of_id_order() {
    let dir = tempfile::tempdir().unwrap();
    let service = registry(dir.path());
    let all = everything(&service);
    let days: BTreeSet<_> = all.iter().map(|a| a.reg.received_date).collect();
    assert!(days.len() * 2 < all.len(), "few received dates are shared");
    let out_of_order = all.windows(2).any(|w| w[0].number > w[1].number);
    assert!(
        out_of_order,
        "numbers follow ids everywhere: nothing tests number order"
    );
}

#[test]
fn ties_go_by_id_and_descending_is_the_exact_reverse() {
    let dir = tempfile::tempdir().unwrap();
    let service = registry(dir.path());
    let received = |descending| {
        let order = Order {
            sort: Sort::Received,
            descending,
        };
        let page = service.queue_page("reg", Queue::All, order, None, 0, 1000);
        page.unwrap().rows
    };
    let up = received(false);
    for pair in up.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            (a.received, a.id) < (b.received, b.id),
            "{a:?} before {b:?}"
        );
    }
    let mut down = received(true);
    down.reverse();
    assert_eq!(down, up);
}

#[test]
fn all_is_newest_first_and_work_queues_by_term_unless_asked_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let service = registry(dir.path());
    let newest = everything(&service).into_iter().max_by_key(|a| a.number);
    let newest = newest.expect("the demo registered appeals");
    let order = Order::default_for(Queue::All);
    let page = service
        .queue_page("reg", Queue::All, order, None, 0, 1)
        .unwrap();
    assert_eq!(page.rows[0].number, newest.number_text);
    for queue in Queue::ALL.into_iter().filter(|q| *q != Queue::All) {
        let order = Order::default_for(queue);
        assert_eq!(
            (order.sort, order.descending),
            (Sort::Term, false),
            "{queue:?}"
        );
    }
}

/// Texts an operator types: a surname and a word from the demo, a number in part, a bare
/// sequence number, a word typed in capitals with ё, and two words.
const FILTERS: [&str; 6] = [
    "Омаров",
    "справк",
    "2025-0003",
    "7",
    "СТИПЕНДИЁ",
    "выдаче справки",
];

#[test]
fn a_filter_narrows_every_queue_of_every_user_to_what_the_search_finds() {
    let dir = tempfile::tempdir().unwrap();
    let service = registry(dir.path());
    let all = everything(&service);
    let some_orders = [orders()[1], orders()[2], orders()[5]];
    for text in FILTERS {
        let found = search(&service, text);
        for viewer in users(&service) {
            for queue in Queue::ALL {
                for order in some_orders {
                    let key = (queue, &viewer);
                    let want = definition(&all, &service, key, order, Some(&found));
                    assert_pages(&service, key, order, Some(text), &want);
                }
            }
        }
    }
}

#[test]
fn a_narrow_filter_and_a_broad_one_agree_with_the_definition_alike() {
    // One applicant's number found alone is checked appeal by appeal; a common word is
    // matched while walking the queue (`probe_is_cheaper`). Both must give the definition.
    let dir = tempfile::tempdir().unwrap();
    let service = registry(dir.path());
    let all = everything(&service);
    let reg = service.store().user("reg").unwrap().unwrap();
    let one = all[200].number_text.clone();
    for text in [one.as_str(), "справки"] {
        let found = search(&service, text);
        for queue in [Queue::All, Queue::Overdue, Queue::Incoming] {
            let order = Order {
                sort: Sort::Received,
                descending: true,
            };
            let want = definition(&all, &service, (queue, &reg), order, Some(&found));
            assert_pages(&service, (queue, &reg), order, Some(text), &want);
        }
    }
}

#[test]
fn a_blank_filter_narrows_nothing_and_a_filter_that_finds_nothing_empties_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let service = registry(dir.path());
    let order = Order::default_for(Queue::All);
    let page = |filter| service.queue_page("reg", Queue::All, order, filter, 0, 20);
    let whole = page(None).unwrap();
    assert_eq!(page(Some("")).unwrap(), whole);
    assert_eq!(page(Some("   ")).unwrap(), whole);
    let nothing = page(Some("Несуществующий Заявитель")).unwrap();
    assert_eq!((nothing.rows.len(), nothing.total), (0, 0));
}

#[test]
fn an_executor_filtering_finds_only_their_own_appeals() {
    let dir = tempfile::tempdir().unwrap();
    let service = registry(dir.path());
    let order = Order::default_for(Queue::All);
    let everyone = service.queue_page("reg", Queue::All, order, Some("справки"), 0, 1000);
    let everyone = everyone.unwrap();
    for executor in users(&service).iter().filter(|u| !u.sees_all()) {
        let own = service.queue_page(&executor.login, Queue::All, order, Some("справки"), 0, 1000);
        let own = own.unwrap();
        assert!(
            own.total < everyone.total,
            "{} sees too much",
            executor.login
        );
        for row in &own.rows {
            let appeal = service.store().get(row.id).unwrap().unwrap();
            assert!(appeal.is_executor(&executor.login), "{}", row.number);
        }
    }
}
