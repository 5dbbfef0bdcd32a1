//! The demo's staff in every role, and registration forms filled as a registrar would.

use chrono::{Duration, NaiveDate};
use rand::RngExt;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::data;
use super::story::Cast;
use crate::domain::user::{Role, User};
use crate::domain::validate::AppealForm;
use crate::service::Service;
use crate::service::api::ServiceError;

/// Login, full name, position and roles of the demo staff.
pub const STAFF: &[(&str, &str, &str, &[Role])] = &[
    (
        "kanc.ospanova",
        "Оспанова Айжан Ерлановна",
        "Специалист канцелярии",
        &[Role::Registrar],
    ),
    (
        "kanc.petrova",
        "Петрова Елена Сергеевна",
        "Специалист канцелярии",
        &[Role::Registrar],
    ),
    (
        "prorector",
        "Ахметов Ержан Маратович",
        "Проректор по академической работе",
        &[Role::Manager],
    ),
    (
        "dekan.smirnov",
        "Смирнов Андрей Петрович",
        "Декан инженерного факультета",
        &[Role::Manager, Role::Executor],
    ),
    (
        "omarov",
        "Омаров Данияр Асхатович",
        "Руководитель офиса регистратора",
        &[Role::Executor],
    ),
    (
        "sadykova",
        "Садыкова Гульнара Нурлановна",
        "Начальник отдела кадров",
        &[Role::Executor],
    ),
    (
        "volkov",
        "Волков Павел Иванович",
        "Заведующий кафедрой информационных систем",
        &[Role::Executor],
    ),
    (
        "kenzhebekova",
        "Кенжебекова Асель Маратовна",
        "Руководитель департамента по делам студентов",
        &[Role::Executor],
    ),
    (
        "musin",
        "Мусин Арман Серикович",
        "Начальник хозяйственного отдела",
        &[Role::Executor],
    ),
    (
        "alieva",
        "Алиева Мадина Ерлановна",
        "Юрисконсульт",
        &[Role::Executor],
    ),
    (
        "compliance",
        "Калиева Динара Бахытжановна",
        "Комплаенс-офицер",
        &[Role::Compliance],
    ),
];

/// Adds the demo staff that are missing and gives the caller every role; returns everyone
/// the demo acts as.
pub fn ensure(service: &Service, me: &User) -> Result<Vec<User>, ServiceError> {
    for (login, full_name, position, roles) in STAFF {
        if service.store().user(login)?.is_some() {
            continue;
        }
        let user = User {
            login: login.to_string(),
            full_name: full_name.to_string(),
            position: position.to_string(),
            roles: roles.to_vec(),
            active: true,
        };
        service.add_user(&me.login, &user)?;
    }
    if me.roles.len() < Role::ALL.len() {
        let everything = User {
            roles: Role::ALL.to_vec(),
            ..me.clone()
        };
        service.store().update_user(&everything)?;
    }
    let mut people = Vec::new();
    for (login, ..) in STAFF {
        people.extend(service.store().user(login)?.filter(|u| u.active));
    }
    Ok(people)
}

pub fn cast<'a>(people: &'a [User], lookup: &'a dyn Fn(&str) -> Option<User>) -> Cast<'a> {
    let with = |role: Role| people.iter().filter(|u| u.has(role)).collect::<Vec<_>>();
    Cast {
        registrars: with(Role::Registrar),
        managers: with(Role::Manager),
        executors: with(Role::Executor),
        compliance: with(Role::Compliance),
        lookup,
    }
}

fn one<'a>(rng: &mut ChaCha8Rng, items: &[&'a str]) -> &'a str {
    // The word lists are constants with entries.
    items.choose(rng).copied().unwrap_or_default()
}

fn person(rng: &mut ChaCha8Rng) -> String {
    if rng.random_range(0..2) == 0 {
        let (s, n, p) = (
            data::MALE_SURNAMES,
            data::MALE_NAMES,
            data::MALE_PATRONYMICS,
        );
        format!("{} {} {}", one(rng, s), one(rng, n), one(rng, p))
    } else {
        let (s, n, p) = (
            data::FEMALE_SURNAMES,
            data::FEMALE_NAMES,
            data::FEMALE_PATRONYMICS,
        );
        format!("{} {} {}", one(rng, s), one(rng, n), one(rng, p))
    }
}

/// Method and channel that agree, chosen in the proportions a registry sees.
fn method_and_channel(rng: &mut ChaCha8Rng) -> (&'static str, &'static str) {
    const PAIRS: &[(&str, &str)] = &[
        ("written", "post"),
        ("written", "in-person"),
        ("oral", "in-person"),
        ("oral", "phone"),
        ("electronic", "email"),
        ("electronic", "website"),
        ("electronic", "social"),
        ("electronic", "edms"),
        ("electronic", "portal"),
    ];
    PAIRS.choose(rng).copied().unwrap_or(("written", "post"))
}

/// Who sent the appeal: three in five are individuals.
fn applicant(rng: &mut ChaCha8Rng) -> (&'static str, String) {
    match rng.random_range(0..5) {
        0 => ("legal-entity", one(rng, data::ORGANISATIONS).to_string()),
        1 => ("state-body", one(rng, data::STATE_BODIES).to_string()),
        _ => ("individual", person(rng)),
    }
}

const FORMS: [&str; 6] = [
    "request",
    "proposal",
    "feedback",
    "message",
    "complaint",
    "application",
];

/// A registration form as a registrar fills it for an appeal received on `received`.
pub fn form(rng: &mut ChaCha8Rng, received: NaiveDate) -> AppealForm {
    let (affiliation, applicant) = applicant(rng);
    let form_index = rng.random_range(0..FORMS.len());
    let (method, channel) = method_and_channel(rng);
    let sent = received - Duration::days(rng.random_range(0..6));
    let mut form = AppealForm {
        appeal_date: dmy(sent),
        received_date: dmy(received),
        applicant,
        affiliation: affiliation.to_string(),
        method: method.to_string(),
        channel: channel.to_string(),
        form: FORMS[form_index].to_string(),
        summary: one(rng, data::SUMMARIES[form_index]).to_string(),
        ..AppealForm::default()
    };
    contacts(rng, &mut form);
    if affiliation != "individual" {
        form.sender_number = format!(
            "{}-{}/{}",
            rng.random_range(1..40),
            rng.random_range(1..12),
            rng.random_range(100..999)
        );
        form.sender_date = dmy(sent);
        form.iin_bin = format!(
            "{:012}",
            rng.random_range(100_000_000_000_u64..999_999_999_999)
        );
    }
    if affiliation == "state-body" && rng.random_range(0..2) == 0 {
        // A state body's request often sets its own, shorter term.
        form.term = dmy(received + Duration::days(5));
        form.term_basis = format!("срок по запросу, исх. № {}", form.sender_number);
    }
    form
}

/// Postal address and phone always; e-mail for most electronic and oral appeals; the reply
/// method as the applicant asked, or to be agreed.
fn contacts(rng: &mut ChaCha8Rng, form: &mut AppealForm) {
    let city = one(rng, data::CITIES);
    let street = one(rng, data::STREETS);
    form.postal_address = format!("{city}, {street}, {}", rng.random_range(1..200));
    form.phone = format!(
        "+7 7{:02} {:03} {:02} {:02}",
        rng.random_range(0..80),
        rng.random_range(0..1000),
        rng.random_range(0..100),
        rng.random_range(0..100)
    );
    let has_email = form.channel != "post" && rng.random_range(0..3) != 0;
    if has_email {
        form.email = format!("applicant{}@mail.kz", rng.random_range(1..5000));
    }
    form.reply_method = match rng.random_range(0..5) {
        0 => "to-be-agreed",
        1 | 2 if has_email => "email",
        _ => "post",
    }
    .to_string();
}

fn dmy(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}
