//! The form's pure parts: the keys of the choices, the messages of every problem, the
//! draft's timing with a stand-in for the server.

use std::time::{Duration, Instant};

use super::choice::{by_key, choices, key_at};
use super::draft::{Drafts, PAUSE, RETRY, Timer};
use super::fields::{Kind, kind};
use super::messages::{every_problem, problem};
use crate::client::ClientError;
use crate::domain::draft::DraftSlot as Slot;
use crate::domain::validate::{AppealForm, Field};
use crate::i18n::{Catalog, Lang};
use crate::tui::keymap::Keymap;
use crate::tui::ui::{Theme, Ui};

fn ui(lang: Lang) -> Ui {
    Ui {
        catalog: Catalog::new(lang),
        theme: Theme { color: false },
        keymap: Keymap::default(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date"),
        zone: crate::config::Zone::Named(chrono_tz::UTC),
    }
}

#[test]
fn every_choice_has_a_digit_and_a_letter_of_its_label_in_both_languages() {
    for field in Field::ALL.into_iter().filter(|f| kind(*f) == Kind::Choice) {
        let list = choices(field);
        assert!(!list.is_empty() && list.len() <= 9, "{field:?}");
        for lang in [Lang::En, Lang::Ru] {
            for (index, choice) in list.iter().enumerate() {
                assert!(key_at(choice, lang).is_some(), "{field:?} {}", choice.code);
                assert_eq!(by_key(&list, choice.key(lang), lang), Some(index));
                let digit = char::from_digit(index as u32 + 1, 10).expect("a digit");
                assert_eq!(by_key(&list, digit, lang), Some(index));
            }
        }
    }
}

#[test]
fn a_letter_picks_the_same_choice_on_either_keyboard_layout() {
    let list = choices(Field::Channel);
    let post = Some(0);
    // `п` of почта is on the key of `g`.
    assert_eq!(by_key(&list, 'п', Lang::Ru), post);
    assert_eq!(by_key(&list, 'g', Lang::Ru), post);
    assert_eq!(by_key(&list, 'П', Lang::Ru), post);
    // `p` of post is on the key of `з`.
    assert_eq!(by_key(&list, 'p', Lang::En), post);
    assert_eq!(by_key(&list, 'з', Lang::En), post);
    assert_eq!(by_key(&list, '0', Lang::En), None);
    assert_eq!(by_key(&list, 'x', Lang::En), None);
}

#[test]
fn every_problem_reads_in_both_languages_without_a_missing_message() {
    for lang in [Lang::En, Lang::Ru] {
        let ui = ui(lang);
        for p in every_problem() {
            let text = problem(&p, &ui);
            assert!(
                !text.contains('[') && !text.contains('{'),
                "{lang:?} {p:?}: {text}"
            );
        }
    }
    let ru = problem(&every_problem()[6], &ui(Lang::Ru));
    assert_eq!(ru, "03.12.2026 раньше, чем «Дата обращения» (03.12.2026)");
}

/// A server that keeps the drafts it is given, or refuses while `down`.
#[derive(Default)]
struct FakeDrafts {
    saved: Vec<AppealForm>,
    dropped: usize,
    down: bool,
}

impl Drafts for FakeDrafts {
    fn save(&mut self, _: &Slot, form: &AppealForm, _: Option<u64>) -> Result<(), ClientError> {
        if self.down {
            return Err(ClientError::Disconnected("test".into()));
        }
        self.saved.push(form.clone());
        Ok(())
    }

    fn drop_draft(&mut self, _: &Slot) -> Result<(), ClientError> {
        self.dropped += 1;
        Ok(())
    }
}

#[test]
fn a_burst_of_changes_saves_one_draft_a_pause_after_the_last() {
    let mut drafts = FakeDrafts::default();
    let mut timer = Timer::default();
    let start = Instant::now();
    let form = AppealForm::default();
    for ms in [0, 100, 200, 300] {
        timer.changed(start + Duration::from_millis(ms));
    }
    assert_eq!(
        timer.due(),
        Some(start + Duration::from_millis(300) + PAUSE)
    );
    timer
        .flush(&mut drafts, &Slot::New, &form, None, start)
        .expect("saved");
    timer
        .flush(&mut drafts, &Slot::New, &form, None, start)
        .expect("nothing waits");
    assert_eq!(drafts.saved.len(), 1);
    assert_eq!(timer.due(), None);

    timer.discard(&mut drafts, &Slot::New).expect("dropped");
    assert_eq!(drafts.dropped, 1);
    timer
        .discard(&mut drafts, &Slot::New)
        .expect("nothing to drop");
    assert_eq!(drafts.dropped, 1, "a draft never saved is not dropped");
}

#[test]
fn a_draft_the_server_could_not_take_is_tried_again_later() {
    let mut drafts = FakeDrafts {
        down: true,
        ..FakeDrafts::default()
    };
    let mut timer = Timer::default();
    let now = Instant::now();
    timer.changed(now);
    let form = AppealForm::default();
    assert!(
        timer
            .flush(&mut drafts, &Slot::New, &form, None, now)
            .is_err()
    );
    assert_eq!(timer.due(), Some(now + RETRY));
    drafts.down = false;
    timer
        .flush(&mut drafts, &Slot::New, &form, None, now)
        .expect("saved");
    assert_eq!(drafts.saved.len(), 1);

    timer.finished();
    timer
        .discard(&mut drafts, &Slot::New)
        .expect("nothing to drop");
    assert_eq!(drafts.dropped, 0, "a saved appeal took its draft with it");
}
