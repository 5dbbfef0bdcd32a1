//! Golden byte fixtures of every stored record kind at every schema version: an old database
//! must stay readable for good. Regenerate only when adding a new version, never to make a
//! changed type pass: `UPDATE_GOLDEN=1 cargo test --test golden`.

mod common;

use std::path::PathBuf;

use appeals::domain::action::Draft;
use appeals::domain::draft::{DraftSlot, FormDraft};
use appeals::domain::fact::Fact;
use appeals::domain::model::*;
use appeals::domain::user::{Role, User};
use appeals::domain::validate::{AppealForm, Field};
use appeals::store::codec::{self, Kind};
use chrono::{TimeZone, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn sample_appeal() -> Appeal {
    let at = Utc
        .with_ymd_and_hms(2026, 3, 2, 6, 30, 0)
        .single()
        .expect("valid instant");
    let d = common::date;
    let draft = Draft {
        decision: Decision::Positive,
        justification: "п. 4.3".into(),
        text: "Ответ".into(),
    };
    Appeal {
        id: 17,
        number: RegNumber {
            year: 2026,
            seq: 17,
        },
        number_text: "2026-00017".into(),
        registered_at: at,
        registered_by: "reg".into(),
        reg: Registration {
            appeal_date: d(2026, 2, 27),
            sender_ref: SenderReference {
                number: "01-12/345".into(),
                date: Some(d(2026, 2, 27)),
            },
            received_date: d(2026, 3, 2),
            applicant: "ТОО «Алатау Инжиниринг»".into(),
            affiliation: Affiliation::LegalEntity,
            method: Method::Electronic,
            channel: Channel::Email,
            form: Form::Request,
            summary: "О практике студентов\nвторая строка".into(),
            contacts: Contacts {
                postal_address: "Алматы".into(),
                email: "info@alatau.kz".into(),
                phone: "+7 727 000 00 00".into(),
            },
            iin_bin: "123456789012".into(),
            reply_method: ReplyMethod::Email,
            term_override: Some((d(2026, 3, 9), "запрос акимата".into())),
        },
        status: Status::Signing,
        term: d(2026, 3, 12),
        term_basis: TermBasis::Set {
            basis: "запрос акимата".into(),
        },
        statutory_term: d(2026, 3, 24),
        resolution: Some(Resolution {
            by: "boss".into(),
            at,
            executors: vec!["lead".into(), "co1".into()],
            instruction: "Подготовить ответ".into(),
        }),
        contributions: vec![Contribution {
            by: "co1".into(),
            at,
            text: "Сведения".into(),
        }],
        approvals: vec![Approval {
            by: "co1".into(),
            at,
            verdict: Verdict::Approved,
            note: String::new(),
        }],
        reply: Some(Reply {
            decision: draft.decision,
            justification: draft.justification,
            text: draft.text,
            signed_by: Some("boss".into()),
            signed_at: Some(at),
            dispatch: Some(Dispatch {
                date: d(2026, 3, 11),
                outgoing_number: "исх-5".into(),
                channel: ReplyMethod::Email,
                by: "lead".into(),
            }),
        }),
        extensions: vec![Extension {
            by: "boss".into(),
            at,
            previous_term: d(2026, 3, 9),
            new_term: d(2026, 3, 12),
            reasons: "нужны сведения".into(),
            applicant_told: d(2026, 3, 3),
        }],
        info_requests: vec![InfoRequest {
            by: "lead".into(),
            at,
            text: "Уточните".into(),
            answered_at: Some(at),
            answer: "Уточнено".into(),
        }],
        reworks: vec![Rework {
            by: "audit".into(),
            at,
            from_status: Status::Sent,
            deficiencies: vec!["нет подписи".into()],
            resumed_at: None,
        }],
        links: vec![3, 9],
        revision: 12,
        history_len: 12,
    }
}

fn sample_event() -> HistoryEvent {
    HistoryEvent {
        appeal: 17,
        seq: 4,
        at: Utc
            .with_ymd_and_hms(2026, 3, 2, 6, 30, 0)
            .single()
            .expect("valid instant"),
        by: "boss".into(),
        action: ActionKind::Resolve,
        from_status: Some(Status::Registered),
        to_status: Status::InProgress,
        detail: "executors: lead, co1".into(),
        reason: String::new(),
        facts: Vec::new(),
    }
}

/// An event with one fact of every kind, so that the encoding of each is pinned.
fn sample_event_v2() -> HistoryEvent {
    let d = common::date;
    let facts = vec![
        Fact::Registered {
            number: "2026-00017".into(),
            received: d(2026, 3, 2),
        },
        Fact::Corrected {
            fields: vec![Field::ReceivedDate, Field::Summary],
        },
        Fact::Terms {
            term: d(2026, 3, 12),
            set: false,
            statutory: d(2026, 3, 24),
        },
        Fact::Executors {
            executors: vec!["lead".into(), "co1".into()],
        },
        Fact::FormerExecutors {
            executors: vec!["co2".into()],
        },
        Fact::Instruction {
            text: "Подготовить ответ".into(),
        },
        Fact::TermSet {
            term: d(2026, 3, 9),
        },
        Fact::DraftBackToWork,
        Fact::LeftWithoutConsideration,
        Fact::LeadChanged {
            from: "lead".into(),
            to: "co1".into(),
        },
        Fact::InfoRequested {
            text: "Какой год?".into(),
        },
        Fact::InfoAnswered {
            text: "2019".into(),
        },
        Fact::TermExtended {
            from: d(2026, 3, 12),
            to: d(2026, 4, 10),
            applicant_told: d(2026, 3, 11),
        },
        Fact::ReplyMethodAgreed {
            method: ReplyMethod::Email,
        },
        Fact::Contribution {
            text: "Сведения".into(),
        },
        Fact::DraftForApproval {
            decision: Decision::Positive,
            to: vec!["co1".into()],
            text: "Ответ".into(),
        },
        Fact::ForSignature {
            draft: Some((Decision::Negative, "Отказ".into())),
        },
        Fact::Approved,
        Fact::Commented,
        Fact::Signed,
        Fact::SentBackTo {
            lead: "lead".into(),
        },
        Fact::Dispatched {
            date: d(2026, 3, 11),
            channel: ReplyMethod::Post,
            outgoing_number: "исх-12".into(),
        },
        Fact::Accepted,
        Fact::ReturnedFrom {
            status: Status::Sent,
        },
        Fact::SignatureWithdrawn { by: "boss".into() },
        Fact::DispatchWithdrawn {
            date: d(2026, 3, 11),
            channel: ReplyMethod::Post,
            outgoing_number: "исх-12".into(),
            recorded_by: "reg".into(),
        },
        Fact::ReworkTakenUp,
        Fact::Linked {
            numbers: vec!["2026-00003".into()],
        },
    ];
    HistoryEvent {
        detail: appeals::domain::fact::english(&facts),
        facts,
        ..sample_event()
    }
}

fn sample_user() -> User {
    User {
        login: "ivanov".into(),
        full_name: "Иванов Иван".into(),
        position: "декан".into(),
        roles: vec![Role::Manager, Role::Executor],
        active: true,
    }
}

fn sample_draft() -> FormDraft {
    FormDraft {
        owner: "reg".into(),
        slot: DraftSlot::Edit {
            number: "2026-00017".into(),
        },
        form: AppealForm {
            appeal_date: "27.02.2026".into(),
            received_date: "02.03.2026".into(),
            applicant: "ТОО «Алатау".into(),
            summary: "О практике студентов\nвторая ".into(),
            ..AppealForm::default()
        },
        saved_at: Utc
            .with_ymd_and_hms(2026, 3, 2, 6, 31, 5)
            .single()
            .expect("valid instant"),
        base_revision: Some(1),
    }
}

/// A draft of schema version 2: the form carries links chosen by hand.
fn sample_draft_v2() -> FormDraft {
    let mut draft = sample_draft();
    draft.form.links = vec!["2026-00003".into(), "2025-00117".into()];
    draft
}

fn fixture(name: &str) -> PathBuf {
    fixture_of(1, name)
}

fn fixture_of(version: u16, name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/v{version}"))
        .join(name)
}

/// Compares the committed bytes with the sample, both ways.
fn golden<T>(name: &str, kind: Kind, sample: &T)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    golden_at(fixture(name), kind, sample);
}

fn golden_at<T>(path: PathBuf, kind: Kind, sample: &T)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let name = path.display().to_string();
    let encoded = codec::encode(kind, sample);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &encoded).expect("write the fixture");
    }
    let committed = std::fs::read(&path).expect("the committed fixture exists");
    let decoded: T = codec::decode(kind, "golden", name.as_bytes(), &committed)
        .expect("a record of the current version stays readable");
    assert_eq!(
        &decoded, sample,
        "{name}: decoded fixture differs from the sample"
    );
    assert_eq!(
        encoded, committed,
        "{name}: the encoding of a stored version changed"
    );
}

#[test]
fn appeal_v1_stays_readable() {
    golden("appeal.bin", Kind::Appeal, &sample_appeal());
}

#[test]
fn history_event_v1_stays_readable_with_its_detail_and_no_facts() {
    let committed = std::fs::read(fixture("history.bin")).expect("the committed fixture exists");
    let decoded = codec::decode_history("golden", b"history.bin", &committed)
        .expect("a version 1 event stays readable");
    assert_eq!(decoded, sample_event());
    assert!(
        codec::decode::<HistoryEvent>(Kind::History, "golden", b"history.bin", &committed).is_err()
    );
}

#[test]
fn history_event_v2_stays_readable_with_every_kind_of_fact() {
    let path = fixture_of(2, "history.bin");
    golden_at(path.clone(), Kind::History, &sample_event_v2());
    let committed = std::fs::read(path).expect("the v2 fixture");
    let decoded = codec::decode_history("golden", b"history.bin", &committed).expect("readable");
    assert_eq!(decoded, sample_event_v2());
}

#[test]
fn user_v1_stays_readable() {
    golden("user.bin", Kind::User, &sample_user());
}

#[test]
fn counter_v1_stays_readable() {
    golden("counter.bin", Kind::Counter, &123_456_u64);
}

#[test]
fn draft_v1_stays_readable_as_a_form_without_links() {
    let committed = std::fs::read(fixture("draft.bin")).expect("the committed fixture exists");
    let decoded = codec::decode_draft("golden", b"draft.bin", &committed)
        .expect("a version 1 draft stays readable");
    assert_eq!(decoded, sample_draft());
    assert!(codec::decode::<FormDraft>(Kind::Draft, "golden", b"draft.bin", &committed).is_err());
}

#[test]
fn draft_v2_stays_readable() {
    golden_at(fixture_of(2, "draft.bin"), Kind::Draft, &sample_draft_v2());
    let committed = std::fs::read(fixture_of(2, "draft.bin")).expect("the v2 fixture");
    let decoded = codec::decode_draft("golden", b"draft.bin", &committed).expect("readable");
    assert_eq!(decoded, sample_draft_v2());
}

#[test]
fn trailing_bytes_are_refused_naming_the_key() {
    let mut bytes = codec::encode(Kind::User, &sample_user());
    bytes.push(0);
    let err = codec::decode::<User>(Kind::User, "users", b"ivanov", &bytes).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("ivanov") && text.contains("trailing"),
        "{text}"
    );
}

#[test]
fn unknown_version_and_format_are_refused() {
    let mut bytes = codec::encode(Kind::User, &sample_user());
    bytes[2] = 9;
    let err = codec::decode::<User>(Kind::User, "users", b"ivanov", &bytes).unwrap_err();
    assert!(err.to_string().contains("version 9"), "{err}");
    bytes[0] = 0x00;
    let err = codec::decode::<User>(Kind::User, "users", b"ivanov", &bytes).unwrap_err();
    assert!(err.to_string().contains("format byte"), "{err}");
}

#[test]
fn truncated_record_is_an_error_not_a_panic() {
    let bytes = codec::encode(Kind::Appeal, &sample_appeal());
    for cut in 0..bytes.len() {
        assert!(codec::decode::<Appeal>(Kind::Appeal, "appeals", b"k", &bytes[..cut]).is_err());
    }
}
