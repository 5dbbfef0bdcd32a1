//! Criterion benchmarks of the service on a database of 100,000 demo appeals: a durable
//! registration, a page of 50 rows of each queue, pages in received and number order and
//! filtered ones, and the counts of all queues. The database is built once under
//! `target/bench-data` and reused; its size on disk is printed.
//!
//! Run: `cargo bench --bench service` (set `APPEALS_BENCH_COUNT` for another size).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use appeals::domain::queue::{Order, Queue, Sort};
use appeals::domain::terms::{Calendar, TermRule, Terms};
use appeals::domain::validate::AppealForm;
use appeals::service::{Service, Settings};
use appeals::store::Store;
use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};

/// The same allocator as the `appeals` binary, so the figures match what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ADMIN: &str = "bench";
/// A demo executor with a realistic share of the appeals.
const EXECUTOR: &str = "omarov";

fn count() -> u64 {
    std::env::var("APPEALS_BENCH_COUNT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

fn open(dir: &std::path::Path) -> Service {
    let store = Store::open(dir).expect("the bench database opens");
    let settings = Settings {
        terms: Terms::new(TermRule::default(), Calendar::embedded()),
        number: Arc::new(|year, seq| format!("{year}-{seq:05}")),
        local_date: Arc::new(|now| now.date_naive()),
        clock: Arc::new(Utc::now),
    };
    Service::new(store, settings)
}

/// The database of `count()` demo appeals, built on first use.
fn database() -> Service {
    let n = count();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/{n}"));
    let ready = dir.join("ready");
    if !ready.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the bench directory");
        let service = open(&dir);
        service.bootstrap(ADMIN, "Bench").expect("bootstrap");
        let started = Instant::now();
        let summary = appeals::demo::fill(&service, ADMIN, n, 1).expect("demo fills");
        println!(
            "{summary} (built in {:.1} s)",
            started.elapsed().as_secs_f64()
        );
        drop(service);
        std::fs::write(&ready, b"").expect("mark the bench database ready");
    }
    let service = open(&dir);
    let bytes = service.store().size_on_disk().expect("size on disk");
    println!(
        "database: {n} appeals, {bytes} bytes on disk, {} bytes per appeal",
        bytes / n
    );
    service
}

fn form() -> AppealForm {
    let today = Utc::now().date_naive().format("%d.%m.%Y").to_string();
    AppealForm {
        appeal_date: today.clone(),
        received_date: today,
        applicant: "Бенчмарков Тест Тестович".into(),
        affiliation: "individual".into(),
        method: "written".into(),
        channel: "post".into(),
        form: "request".into(),
        summary: "О выдаче справки об обучении".into(),
        postal_address: "Алматы, ул. Абая, 1".into(),
        reply_method: "post".into(),
        ..AppealForm::default()
    }
}

fn benches(c: &mut Criterion) {
    let service = database();
    let form = form();
    c.bench_function("durable registration", |b| {
        b.iter(|| service.register(ADMIN, &form).expect("registers"))
    });
    let mut pages = c.benchmark_group("page of 50");
    for queue in Queue::ALL {
        let login = match queue {
            Queue::Mine | Queue::CoExecuting => EXECUTOR,
            _ => ADMIN,
        };
        pages.bench_function(queue.code(), |b| {
            let order = Order::default_for(queue);
            b.iter(|| {
                let page = service.queue_page(login, queue, order, None, 0, 50);
                page.expect("a page")
            })
        });
    }
    pages.bench_function("overdue, page 100", |b| {
        b.iter(|| {
            let order = Order::default_for(Queue::Overdue);
            let page = service.queue_page(ADMIN, Queue::Overdue, order, None, 5_000, 50);
            page.expect("a page")
        })
    });
    pages.finish();
    sorted_pages(c, &service);
    filtered_pages(c, &service);
    positions(c, &service);
    c.bench_function("counts of all queues (admin)", |b| {
        b.iter(|| service.counts(ADMIN).expect("counts"))
    });
    c.bench_function("counts of all queues (executor)", |b| {
        b.iter(|| service.counts(EXECUTOR).expect("counts"))
    });
    c.bench_function("search one word", |b| {
        b.iter(|| service.search(ADMIN, "стипендии", 0, 50).expect("search"))
    });
}

fn order(sort: Sort, descending: bool) -> Order {
    Order { sort, descending }
}

/// Pages of 50 in the orders other than the term's: the whole registry (also its last page,
/// read from the end), the overdue queue (which steps over appeals whose term has not
/// passed) and an executor's all.
fn sorted_pages(c: &mut Criterion, service: &Service) {
    use Sort::{Number, Received, Term};
    let mut pages = c.benchmark_group("sorted page of 50");
    let mut case = |name: &str, login: &str, queue: Queue, order: Order, offset: u64| {
        pages.bench_function(name, |b| {
            b.iter(|| {
                let page = service.queue_page(login, queue, order, None, offset, 50);
                page.expect("a page")
            })
        });
    };
    let total = service.store().total().expect("the total");
    let last = total.saturating_sub(50);
    case(
        "all by received",
        ADMIN,
        Queue::All,
        order(Received, false),
        0,
    );
    case(
        "all by received, latest first",
        ADMIN,
        Queue::All,
        order(Received, true),
        0,
    );
    case("all by number", ADMIN, Queue::All, order(Number, false), 0);
    case("all by term", ADMIN, Queue::All, order(Term, false), 0);
    case(
        "all by received, last page",
        ADMIN,
        Queue::All,
        order(Received, false),
        last,
    );
    case(
        "all by number, middle page",
        ADMIN,
        Queue::All,
        order(Number, false),
        last / 2,
    );
    case(
        "overdue by received",
        ADMIN,
        Queue::Overdue,
        order(Received, false),
        0,
    );
    case(
        "overdue by number, latest first",
        ADMIN,
        Queue::Overdue,
        order(Number, true),
        0,
    );
    case(
        "executor's all by received",
        EXECUTOR,
        Queue::All,
        order(Received, false),
        0,
    );
    pages.finish();
}

/// Pages of 50 narrowed by a filter, latest received first: a common word (walked), one
/// number (checked appeal by appeal), a surname in a smaller queue, an executor's own.
fn filtered_pages(c: &mut Criterion, service: &Service) {
    let mut pages = c.benchmark_group("filtered page of 50");
    let latest = order(Sort::Received, true);
    let mut case = |name: &str, login: &str, queue: Queue, filter: &str| {
        pages.bench_function(name, |b| {
            b.iter(|| {
                let page = service.queue_page(login, queue, latest, Some(filter), 0, 50);
                page.expect("a page")
            })
        });
    };
    case("all, a common word", ADMIN, Queue::All, "стипендии");
    case("all, one number", ADMIN, Queue::All, "2026-00017");
    case("overdue, a common word", ADMIN, Queue::Overdue, "стипендии");
    case("incoming, a surname", ADMIN, Queue::Incoming, "Омаров");
    case(
        "executor's all, a common word",
        EXECUTOR,
        Queue::All,
        "стипендии",
    );
    pages.finish();
}

/// The row of the newest appeal, as the screen asks after a registration: first in All
/// newest first, last in All by number (the whole registry read), and in Incoming by term.
fn positions(c: &mut Criterion, service: &Service) {
    let newest = service.register(ADMIN, &form()).expect("registers").id;
    let mut rows = c.benchmark_group("position of the newest appeal");
    let mut case = |name: &str, queue: Queue, order: Order| {
        rows.bench_function(name, |b| {
            b.iter(|| {
                let row = service.position(ADMIN, queue, order, newest);
                row.expect("a position").expect("the queue holds it")
            })
        });
    };
    case("all, newest first", Queue::All, order(Sort::Number, true));
    case(
        "all by number: the last row",
        Queue::All,
        order(Sort::Number, false),
    );
    case(
        "incoming by term",
        Queue::Incoming,
        Order::default_for(Queue::Incoming),
    );
    rows.finish();
}

criterion_group! {
    name = service;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(service);
