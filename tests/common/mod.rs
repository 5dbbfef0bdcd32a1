//! Shared fixtures for the integration tests: a service on a temporary database with a
//! pinned clock, and sample forms.

#![allow(
    dead_code,
    reason = "each test binary uses a different part of these fixtures"
)]

use std::path::Path;
use std::sync::Arc;

use appeals::domain::terms::{Calendar, TermRule, Terms};
use appeals::domain::user::{Role, User};
use appeals::domain::validate::AppealForm;
use appeals::service::{Service, Settings};
use appeals::store::Store;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// A service over the database in `dir`, with the clock fixed at `now` (UTC dates).
pub fn service_at(dir: &Path, now: DateTime<Utc>) -> Service {
    let store = Store::open(dir).expect("the test database opens");
    Service::new(store, settings(Arc::new(move || now)))
}

/// A service whose clock the test moves.
pub fn service_with_clock(dir: &Path, clock: appeals::service::Clock) -> Service {
    let store = Store::open(dir).expect("the test database opens");
    Service::new(store, settings(clock))
}

/// A service with the real clock.
pub fn service(dir: &Path) -> Service {
    let store = Store::open(dir).expect("the test database opens");
    Service::new(store, settings(Arc::new(Utc::now)))
}

fn settings(clock: appeals::service::Clock) -> Settings {
    Settings {
        terms: Terms::new(TermRule::default(), Calendar::embedded()),
        number: Arc::new(|year, seq| format!("{year}-{seq:05}")),
        local_date: Arc::new(|now| now.date_naive()),
        clock,
    }
}

pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 9, 0, 0)
        .single()
        .expect("a valid test instant")
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
}

pub fn user(login: &str, roles: &[Role]) -> User {
    User {
        login: login.to_string(),
        full_name: format!("{login} full name"),
        position: "staff".to_string(),
        roles: roles.to_vec(),
        active: true,
    }
}

/// The administrator `admin` plus a registrar, a manager, three executors and compliance.
pub fn staff(service: &Service) {
    service
        .bootstrap("admin", "Administrator")
        .expect("bootstrap");
    let people: [(&str, &[Role]); 6] = [
        ("reg", &[Role::Registrar]),
        ("boss", &[Role::Manager]),
        ("lead", &[Role::Executor]),
        ("co1", &[Role::Executor]),
        ("co2", &[Role::Executor]),
        ("audit", &[Role::Compliance]),
    ];
    for (login, roles) in people {
        service
            .add_user("admin", &user(login, roles))
            .expect("add a test user");
    }
}

/// A valid form received on `received`.
pub fn form(applicant: &str, received: NaiveDate) -> AppealForm {
    AppealForm {
        appeal_date: received.format("%d.%m.%Y").to_string(),
        received_date: received.format("%d.%m.%Y").to_string(),
        applicant: applicant.to_string(),
        affiliation: "individual".into(),
        method: "written".into(),
        channel: "post".into(),
        form: "request".into(),
        summary: "О выдаче справки об обучении".into(),
        postal_address: "Алматы, ул. Абая, 1".into(),
        email: "applicant@example.kz".into(),
        reply_method: "post".into(),
        ..AppealForm::default()
    }
}
pub mod screen;
pub mod tmux;
