//! Criterion benchmarks of the service on a database of 100,000 demo appeals: a durable
//! registration, a page of 50 rows of each queue, and the counts of all queues. The database
//! is built once under `target/bench-data` and reused; its size on disk is printed.
//!
//! Run: `cargo bench --bench service` (set `APPEALS_BENCH_COUNT` for another size).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use appeals::domain::queue::{Order, Queue};
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

criterion_group! {
    name = service;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(service);
