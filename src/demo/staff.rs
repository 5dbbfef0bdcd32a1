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

/// A registration form as a registrar fills it for an appeal received on `received`.
pub fn form(rng: &mut ChaCha8Rng, received: NaiveDate) -> AppealForm {
    let affiliation = [
        "individual",
        "individual",
        "individual",
        "legal-entity",
        "state-body",
    ]
    .choose(rng)
    .copied()
    .unwrap_or("individual");
    let applicant = match affiliation {
        "legal-entity" => one(rng, data::ORGANISATIONS).to_string(),
        "state-body" => one(rng, data::STATE_BODIES).to_string(),
        _ => person(rng),
    };
    let form_index = rng.random_range(0..data::SUMMARIES.len());
    let form = [
        "request",
        "proposal",
        "feedback",
        "message",
        "complaint",
        "application",
    ][form_index];
    let (method, channel) = method_and_channel(rng);
    let has_email = channel != "post" && rng.random_range(0..3) != 0;
    let reply = match rng.random_range(0..5) {
        0 => "to-be-agreed",
        1 | 2 if has_email => "email",
        _ => "post",
    };
    let dmy = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    let sent = received - Duration::days(rng.random_range(0..6));
    let organisation = affiliation != "individual";
    AppealForm {
        appeal_date: dmy(sent),
        sender_number: if organisation {
            format!(
                "{}-{}/{}",
                rng.random_range(1..40),
                rng.random_range(1..12),
                rng.random_range(100..999)
            )
        } else {
            String::new()
        },
        sender_date: if organisation {
            dmy(sent)
        } else {
            String::new()
        },
        received_date: dmy(received),
        applicant,
        affiliation: affiliation.to_string(),
        method: method.to_string(),
        channel: channel.to_string(),
        form: form.to_string(),
        summary: one(rng, data::SUMMARIES[form_index]).to_string(),
        postal_address: format!(
            "{}, {}, {}",
            one(rng, data::CITIES),
            one(rng, data::STREETS),
            rng.random_range(1..200)
        ),
        email: if has_email {
            format!("applicant{}@mail.kz", rng.random_range(1..5000))
        } else {
            String::new()
        },
        phone: format!(
            "+7 7{:02} {:03} {:02} {:02}",
            rng.random_range(0..80),
            rng.random_range(0..1000),
            rng.random_range(0..100),
            rng.random_range(0..100)
        ),
        iin_bin: String::new(),
        reply_method: reply.to_string(),
        term: String::new(),
        term_basis: String::new(),
    }
}
