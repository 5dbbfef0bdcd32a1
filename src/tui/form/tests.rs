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
    // `ю` of юридическое лицо is on the key of `.`, which the Latin layout types as itself.
    let affiliation = choices(Field::Affiliation);
    assert_eq!(by_key(&affiliation, 'ю', Lang::Ru), Some(1));
    assert_eq!(by_key(&affiliation, '.', Lang::Ru), Some(1));
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

#[test]
fn a_line_is_edited_by_characters_not_bytes() {
    use super::input::Cursor;
    use crossterm::event::KeyCode;

    let mut text = String::from("Ивнов");
    let mut cursor = Cursor { at: 2 };
    cursor.insert(&mut text, "а");
    assert_eq!((text.as_str(), cursor.at), ("Иванов", 3));
    assert_eq!(cursor.edit(&mut text, KeyCode::Backspace), Some(true));
    assert_eq!(cursor.edit(&mut text, KeyCode::Delete), Some(true));
    assert_eq!((text.as_str(), cursor.at), ("Ивов", 2));
    assert_eq!(cursor.edit(&mut text, KeyCode::End), Some(false));
    assert_eq!(
        cursor.edit(&mut text, KeyCode::Delete),
        Some(false),
        "nothing after the end"
    );
    assert_eq!(
        cursor.edit(&mut text, KeyCode::Enter),
        None,
        "not a line's key"
    );
}

#[test]
fn a_long_value_scrolls_to_keep_the_cursor_in_view_and_is_cut_when_not_focused() {
    use super::input::{fit, window};

    assert_eq!(window("абвгдежз", 8, 4), (String::from("ежз"), 3));
    assert_eq!(window("абвгдежз", 1, 4), (String::from("абвг"), 1));
    assert_eq!(fit("абвгдежз", 5), "абвг…");
    assert_eq!(fit("абв", 5), "абв");
}

#[test]
fn problems_wrap_at_spaces_and_a_word_too_long_is_cut() {
    use super::lines::wrap;

    assert_eq!(wrap("один два три", 8), ["один два", "три"]);
    assert_eq!(wrap("абвгдежзик", 4), ["абвг", "дежз", "ик"]);
    assert_eq!(wrap("", 4), [""]);
}

#[test]
fn only_fields_left_complain_and_the_field_being_typed_does_not_start_anew() {
    use super::check::Checks;

    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date");
    let mut form = AppealForm::default();
    let mut checks = Checks::default();
    checks.changed(Field::AppealDate, &form, today);
    assert!(checks.shown.is_empty(), "nothing left yet");

    checks.left(Field::AppealDate, &form, today);
    assert_eq!(checks.first(), Some(Field::AppealDate), "required");

    form.appeal_date = "1".into();
    checks.changed(Field::AppealDate, &form, today);
    assert!(
        checks.shown.is_empty(),
        "required went away; a bad date waits for leaving"
    );
    checks.left(Field::AppealDate, &form, today);
    assert_eq!(
        checks.of(Field::AppealDate).count(),
        1,
        "now the date is named bad"
    );
}

#[test]
fn channels_that_do_not_go_with_the_method_chosen_are_told_apart() {
    use super::FormView;
    let ui = ui(Lang::Ru);
    let mut form = FormView::new_appeal(&ui);
    let channels = choices(Field::Channel);
    let fitting = |form: &FormView| -> Vec<&str> {
        channels
            .iter()
            .filter(|c| form.fits(Field::Channel, c))
            .map(|c| c.code)
            .collect()
    };
    assert_eq!(
        fitting(&form).len(),
        channels.len(),
        "no method yet: all fit"
    );
    let mut typed = AppealForm {
        method: "oral".into(),
        ..AppealForm::default()
    };
    form.restore(typed.clone(), None);
    assert_eq!(fitting(&form), ["in-person", "phone", "other"]);
    typed.method = "письменное".into();
    form.restore(typed, None);
    assert_eq!(fitting(&form), ["post", "in-person", "other"]);
    let methods = choices(Field::Method);
    assert!(methods.iter().all(|m| form.fits(Field::Method, m)));
}
