//! `appeals demo`: fills a database with realistic appeals in every status, driven through
//! the real validation and workflow, and the staff who work on them.

mod data;
mod staff;
mod story;

use std::collections::HashMap;
use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rand::RngExt;
use rand::SeedableRng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use crate::domain::model::{Appeal, AppealId, HistoryEvent, RegNumber};
use crate::domain::text::normalize_name;
use crate::domain::user::Role;
use crate::domain::validate;
use crate::domain::workflow::{self, Context, NewIdentity};
use crate::service::Service;
use crate::service::api::ServiceError;
use story::{Cast, Story};

/// Appeals written per transaction: large enough to make bulk loading fast, small enough
/// to keep one transaction's memory modest.
const BATCH: usize = 500;

/// Fills the database; the caller must be an administrator. Returns a one-line summary.
pub fn fill(service: &Service, login: &str, count: u64, seed: u64) -> Result<String, ServiceError> {
    let started = Instant::now();
    let me = service.caller(login)?;
    if !me.has(Role::Admin) {
        return Err(ServiceError::Forbidden {
            what: "demo needs the admin role".into(),
        });
    }
    let people = staff::ensure(service, &me)?;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let now = service.now();
    let lookup = |l: &str| people.iter().find(|u| u.login == l).cloned();
    let cast = staff::cast(&people, &lookup);
    let mut writer = Writer::new(service, now)?;
    for received in received_dates(&mut rng, count, service.today()) {
        let (appeal, events) = writer.one(&mut rng, received, &cast)?;
        writer.push(appeal, events)?;
    }
    writer.flush()?;
    Ok(format!(
        "demo: {} appeals and {} staff in {:.1} s",
        writer.written,
        people.len(),
        started.elapsed().as_secs_f64()
    ))
}

/// Received dates, oldest first, spread over a span that grows with the count.
fn received_dates(rng: &mut ChaCha8Rng, count: u64, today: NaiveDate) -> Vec<NaiveDate> {
    let span = (count / 10).clamp(30, 365) as i64;
    let mut dates: Vec<NaiveDate> = (0..count)
        .map(|_| today - Duration::days(rng.random_range(0..=span)))
        .collect();
    dates.sort();
    dates
}

/// Builds appeals in registration order and writes them in batches, continuing the
/// store's counters so numbering stays gapless.
struct Writer<'s> {
    service: &'s Service,
    now: DateTime<Utc>,
    next_id: AppealId,
    next_seq: HashMap<i32, u32>,
    applicants: HashMap<String, Vec<AppealId>>,
    batch: Vec<(Appeal, Vec<HistoryEvent>)>,
    written: u64,
}

impl<'s> Writer<'s> {
    fn new(service: &'s Service, now: DateTime<Utc>) -> Result<Writer<'s>, ServiceError> {
        let (next_id, _) = service.store().next_identity(now.year())?;
        Ok(Writer {
            service,
            now,
            next_id,
            next_seq: HashMap::new(),
            applicants: HashMap::new(),
            batch: Vec::new(),
            written: 0,
        })
    }

    fn identity(&mut self, year: i32) -> Result<NewIdentity, ServiceError> {
        let seq = match self.next_seq.get(&year) {
            Some(seq) => *seq,
            None => self.service.store().next_identity(year)?.1,
        };
        self.next_seq.insert(year, seq + 1);
        let id = self.next_id;
        self.next_id += 1;
        let number_text = self.service.format_number(year, seq);
        Ok(NewIdentity {
            id,
            number: RegNumber { year, seq },
            number_text,
        })
    }

    fn one(
        &mut self,
        rng: &mut ChaCha8Rng,
        received: NaiveDate,
        cast: &Cast,
    ) -> Result<(Appeal, Vec<HistoryEvent>), ServiceError> {
        let registered_at = registration_time(rng, received, self.now);
        let today = registered_at.date_naive();
        let form = staff::form(rng, received);
        let reg = validate::validate(&form, today)
            .map_err(|problems| ServiceError::Invalid { problems })?;
        let key = normalize_name(&reg.applicant);
        let links = self.applicants.get(&key).cloned().unwrap_or_default();
        let identity = self.identity(today.year())?;
        let id = identity.id;
        let registrar = cast.registrars.choose(rng).copied().ok_or_else(no_staff)?;
        let ctx = Context {
            actor: registrar,
            now: registered_at,
            today,
            terms: self.service.terms(),
            users: cast.lookup,
        };
        let first = workflow::register(reg, identity, links, &ctx).map_err(refused)?;
        let mut story = Story::new(first, self.now, self.service.terms(), cast);
        let age = (self.now.date_naive() - received).num_days();
        let goal = story::pick_goal(rng, age);
        story.live(rng, goal).map_err(refused)?;
        self.applicants.entry(key).or_default().push(id);
        Ok((story.appeal, story.events))
    }

    fn push(&mut self, appeal: Appeal, events: Vec<HistoryEvent>) -> Result<(), ServiceError> {
        self.batch.push((appeal, events));
        if self.batch.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ServiceError> {
        if self.batch.is_empty() {
            return Ok(());
        }
        self.service.store().insert_batch(&self.batch)?;
        self.written += self.batch.len() as u64;
        self.batch.clear();
        Ok(())
    }
}

/// Registered on the day of receipt or the next, during office hours, never in the future.
fn registration_time(
    rng: &mut ChaCha8Rng,
    received: NaiveDate,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let day = received + Duration::days(rng.random_range(0..=1));
    let minutes = rng.random_range(9 * 60..17 * 60);
    let at = day
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc() + Duration::minutes(minutes));
    at.unwrap_or(now).min(now)
}

fn refused(refusal: crate::domain::action::Refusal) -> ServiceError {
    ServiceError::BadRequest {
        what: format!("demo story refused by the workflow: {refusal}"),
    }
}

fn no_staff() -> ServiceError {
    ServiceError::BadRequest {
        what: "demo staff is missing".into(),
    }
}
