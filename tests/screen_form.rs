//! The registration form driven by keys as an operator presses them: registering an appeal,
//! the checks as one leaves a field and on saving, the Russian layout, correcting a
//! registered appeal, linking an earlier one. Snapshots at 80x24 and 160x48 in both
//! languages.

mod common;

use appeals::domain::model::{Affiliation, Channel, Form, Method, ReplyMethod, Status};
use appeals::domain::queue::Queue;
use appeals::domain::validate::{Field, Problem};
use appeals::i18n::Lang;
use appeals::service::Service;
use appeals::tui::app::{Flash, Screen as View};
use appeals::tui::form::Mode;
use common::screen::Screen;
use common::{date, form};

/// Moves the cursor to `field` with Tab from the first field.
fn tab_to(screen: &mut Screen, field: Field) {
    for _ in 0..Field::ALL.len() {
        if screen.form().focus() == field {
            return;
        }
        screen.press("tab");
    }
    panic!("Tab never reached {field:?}");
}

/// Types a value into each field named, in form order, leaving the cursor after the last.
fn fill(screen: &mut Screen, values: &[(Field, &str)]) {
    for (field, value) in values {
        tab_to(screen, *field);
        screen.type_text(value);
    }
}

/// The fields every appeal needs, typed as an operator would: enumerations by their keys.
fn fill_required(screen: &mut Screen) {
    screen.press("ctrl-t");
    fill(
        screen,
        &[
            (Field::Applicant, "Сидоров Семён"),
            (Field::Affiliation, "1"),
            (Field::Method, "1"),
            (Field::Channel, "1"),
            (Field::Form, "1"),
            (Field::Summary, "О выдаче справки"),
        ],
    );
}

fn flash(screen: &Screen) -> String {
    match &screen.app.flash {
        Some(Flash::Info(text) | Flash::Error(text)) => text.clone(),
        None => String::new(),
    }
}

/// The number the flash names after saving.
fn saved_number(screen: &Screen) -> String {
    let text = flash(screen);
    let number = text
        .split(' ')
        .find(|w| w.starts_with("2026-"))
        .unwrap_or_else(|| panic!("no number in {text:?}"));
    number.trim_end_matches('.').to_string()
}

fn stored(screen: &Screen) -> u64 {
    let order = appeals::domain::queue::Order::default_for(Queue::All);
    let page = screen
        .service
        .queue_page("reg", Queue::All, order, None, 0, 10);
    page.expect("the registry answers").total
}

#[test]
fn an_appeal_registered_by_keys_is_stored_with_every_value_and_its_number_shown() {
    let mut screen = Screen::new(Lang::En, "reg", |_| {});
    screen.press("n");
    screen.press("ctrl-y");
    fill(
        &mut screen,
        &[
            (Field::SenderNumber, "01-12/345"),
            (Field::SenderDate, "2026-12-01"),
        ],
    );
    tab_to(&mut screen, Field::ReceivedDate);
    screen.press("ctrl-t");
    fill(
        &mut screen,
        &[
            (Field::Applicant, "ТОО «Алатау Инжиниринг»"),
            (Field::Affiliation, "l"),
            (Field::Method, "e"),
            (Field::Channel, "e"),
            (Field::Form, "c"),
            (Field::Summary, "Просит выдать справку."),
        ],
    );
    screen.press("enter");
    screen.type_text("Вторая строка.");
    fill(
        &mut screen,
        &[
            (Field::PostalAddress, "Алматы, ул. Абая, 1"),
            (Field::Email, "office@alatau.kz"),
            (Field::Phone, "+7 727 123 45 67"),
            (Field::IinBin, "123456789012"),
            (Field::ReplyMethod, "e"),
        ],
    );
    screen.press("ctrl-s");

    assert!(matches!(screen.app.screen, View::Table), "the form closed");
    let number = screen
        .app
        .table
        .current()
        .expect("the new row")
        .number
        .clone();
    assert_eq!(flash(&screen), format!("Saved: appeal {number}."));
    let reg = screen
        .service
        .show("reg", &number)
        .expect("stored")
        .appeal
        .reg;
    assert_eq!(reg.appeal_date, date(2026, 12, 2));
    assert_eq!(reg.received_date, date(2026, 12, 3));
    assert_eq!(reg.sender_ref.number, "01-12/345");
    assert_eq!(reg.sender_ref.date, Some(date(2026, 12, 1)));
    assert_eq!(reg.applicant, "ТОО «Алатау Инжиниринг»");
    assert_eq!(
        (reg.affiliation, reg.method, reg.channel, reg.form),
        (
            Affiliation::LegalEntity,
            Method::Electronic,
            Channel::Email,
            Form::Complaint
        )
    );
    assert_eq!(reg.summary, "Просит выдать справку.\nВторая строка.");
    assert_eq!(reg.contacts.email, "office@alatau.kz");
    assert_eq!(reg.iin_bin, "123456789012");
    assert_eq!(reg.reply_method, ReplyMethod::Email);
}

/// Sixty appeals received in November: a new one's term comes after all of theirs.
fn sixty_in_november(service: &Service) {
    for day in 0..60 {
        let received = date(2026, 11, 1 + day % 28);
        service
            .register("reg", &form("Петров Пётр", received))
            .expect("register");
    }
}

#[test]
fn a_new_registration_is_selected_in_the_queue_on_screen_wherever_it_falls() {
    let mut screen = Screen::new(Lang::En, "reg", sixty_in_november);
    screen.draw(80, 24);
    screen.press("n");
    fill_required(&mut screen);
    screen.press("ctrl-s");
    let number = saved_number(&screen);
    assert_eq!(screen.app.table.queue, Queue::Incoming);
    assert_eq!(
        screen.app.table.selected, 60,
        "the latest term is the last row"
    );
    let current = screen.app.table.current().map(|r| r.number.clone());
    assert_eq!(current.as_deref(), Some(number.as_str()));
    let text = screen.draw(80, 24);
    assert!(text.contains(&format!("›{number}")), "{text}");

    // In All, newest first, it is the first row.
    screen.press("backtab");
    screen.press("n");
    fill_required(&mut screen);
    screen.press("ctrl-s");
    assert_eq!(screen.app.table.queue, Queue::All);
    assert_eq!(screen.app.table.selected, 0);
    assert_eq!(
        screen.app.table.current().map(|r| r.number.clone()),
        Some(saved_number(&screen))
    );
}

#[test]
fn a_filtered_queue_keeps_its_selection_after_a_registration() {
    let mut screen = Screen::new(Lang::En, "reg", sixty_in_november);
    screen.draw(80, 24);
    screen.press("/");
    screen.type_text("Петров");
    screen.press("enter down down");
    screen.press("n");
    fill_required(&mut screen);
    screen.press("ctrl-s");
    assert_eq!(screen.app.table.filter, "Петров");
    assert_eq!(screen.app.table.selected, 2);
}

#[test]
fn russian_saving_flashes_the_number_in_russian() {
    let mut screen = Screen::new(Lang::Ru, "reg", |_| {});
    screen.press("т");
    fill_required(&mut screen);
    screen.press("ctrl-ы");
    assert_eq!(flash(&screen), "Сохранено: обращение 2026-00001.");
}

#[test]
fn leaving_a_field_shows_its_problem_beside_it_in_either_language() {
    let cases = [
        (
            Lang::En,
            "31.02.2026 is not a date that exists",
            "✗ required",
        ),
        (
            Lang::Ru,
            "даты 31.02.2026 не существует",
            "✗ обязательное поле",
        ),
    ];
    for (lang, bad_date, required) in cases {
        let mut screen = Screen::new(lang, "reg", |_| {});
        screen.press("n");
        screen.type_text("31.02.2026");
        let text = screen.draw(80, 24);
        assert!(!text.contains(bad_date), "not while typing:\n{text}");
        screen.press("tab");
        let text = screen.draw(80, 24);
        assert!(text.contains(bad_date), "{text}");
        assert!(
            !text.contains(required),
            "untouched fields stay quiet:\n{text}"
        );

        tab_to(&mut screen, Field::Applicant);
        screen.press("tab");
        let problems = screen.form().problems();
        assert_eq!(problems[1].field, Field::Applicant);
        assert_eq!(problems[1].problem, Problem::Required);
        assert!(screen.draw(80, 24).contains(required));
    }
}

#[test]
fn a_fixed_problem_goes_away_as_it_is_typed() {
    let mut screen = Screen::new(Lang::En, "reg", |_| {});
    screen.press("n tab backtab");
    assert_eq!(
        screen.form().problems().len(),
        1,
        "the appeal date is required"
    );
    screen.type_text("1.12.2026");
    assert!(screen.form().problems().is_empty());
    screen.press("tab");
    assert_eq!(
        screen.form().data().appeal_date,
        "01.12.2026",
        "written out in full"
    );
}

#[test]
fn a_channel_contradicting_the_method_is_named_in_either_language() {
    for (lang, words) in [
        (Lang::En, "the channel phone / call centre takes oral"),
        (
            Lang::Ru,
            "канал «телефон / колл-центр» не подходит к способу",
        ),
    ] {
        let mut screen = Screen::new(lang, "reg", |_| {});
        screen.press("n");
        fill(&mut screen, &[(Field::Method, "1"), (Field::Channel, "3")]);
        screen.press("tab");
        let text = screen.draw(80, 24);
        assert!(text.contains(words), "{text}");
    }
}

#[test]
fn saving_an_incomplete_form_stores_nothing_and_goes_to_the_first_problem() {
    let mut screen = Screen::new(Lang::En, "reg", |_| {});
    screen.press("n");
    tab_to(&mut screen, Field::Summary);
    screen.press("ctrl-s");
    assert_eq!(stored(&screen), 0);
    let form = screen.form();
    assert_eq!(form.focus(), Field::AppealDate);
    let fields: Vec<Field> = form.problems().iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [
            Field::AppealDate,
            Field::Applicant,
            Field::Affiliation,
            Field::Method,
            Field::Channel,
            Field::Form,
            Field::Summary
        ]
    );
    assert!(
        screen
            .draw(80, 24)
            .contains("7 problems: fix the marked fields")
    );

    fill_required(&mut screen);
    tab_to(&mut screen, Field::Summary);
    screen.press("ctrl-a ctrl-k");
    let form = screen.form();
    assert_eq!(form.data().summary, "", "the summary emptied again");
    screen.press("ctrl-s");
    assert_eq!(screen.form().focus(), Field::Summary);
    assert_eq!(stored(&screen), 0);
}

#[test]
fn cyrillic_goes_into_the_text_as_typed_while_ctrl_keys_still_act() {
    let mut screen = Screen::new(Lang::Ru, "reg", |_| {});
    screen.press("т");
    // Ctrl with the Russian `е` is Ctrl-T on the key beneath it: today.
    screen.press("ctrl-е");
    assert_eq!(screen.form().data().appeal_date, "03.12.2026");
    tab_to(&mut screen, Field::Applicant);
    // `т`, `о` and `д` sit on n, j and l: none of them acts in a text field, and q and ?
    // are letters of a name here, not Quit and Help.
    screen.type_text("Тодд q?");
    assert_eq!(screen.form().data().applicant, "Тодд q?");
    assert!(screen.app.overlay.is_none() && !screen.app.quit);
    screen.press("backspace backspace backspace");
    screen.press("tab");
    assert_eq!(screen.form().focus(), Field::Affiliation);
    // On a choice, the Russian letter marked in the label picks the value: ю of юридическое.
    screen.type_text("ю");
    assert_eq!(screen.form().data().affiliation, "legal-entity");
    screen.type_text(".");
    assert_eq!(
        screen.form().data().affiliation,
        "legal-entity",
        "ю is on the . key"
    );
    screen.type_text("ф");
    assert_eq!(screen.form().data().affiliation, "individual");
    screen.type_text("a");
    assert_eq!(
        screen.form().data().affiliation,
        "individual",
        "a is on the ф key"
    );
}

#[test]
fn space_opens_the_pick_list_and_enter_takes_the_highlighted_value() {
    let mut screen = Screen::new(Lang::En, "reg", |_| {});
    screen.press("n");
    tab_to(&mut screen, Field::Channel);
    screen.press("space");
    assert!(matches!(screen.form().mode(), Mode::Pick { .. }));
    screen.press("down down down enter");
    assert_eq!(screen.form().data().channel, "email");
    assert_eq!(screen.form().mode(), Mode::Fields);
    screen.press("enter up esc");
    assert_eq!(screen.form().data().channel, "email", "Esc keeps the value");
    screen.press("backspace");
    assert_eq!(screen.form().data().channel, "");
}

#[test]
fn pasted_text_goes_into_the_field_on_one_line_and_harmless() {
    let mut screen = Screen::new(Lang::En, "reg", |_| {});
    screen.press("n");
    tab_to(&mut screen, Field::Applicant);
    screen.paste("Иванов\r\nИван\u{1b}[31m");
    assert_eq!(screen.form().data().applicant, "Иванов Иван[31m");
    screen.type_text("\u{202E}");
    assert_eq!(
        screen.form().data().applicant,
        "Иванов Иван[31m",
        "nothing typed"
    );
    tab_to(&mut screen, Field::Summary);
    screen.paste("первая\r\nвторая");
    assert_eq!(screen.form().data().summary, "первая\nвторая");
}

#[test]
fn esc_closes_an_untouched_form_and_asks_before_losing_a_changed_one() {
    let mut screen = Screen::new(Lang::En, "reg", |_| {});
    screen.press("n esc");
    assert!(matches!(screen.app.screen, View::Table));

    screen.press("n");
    screen.type_text("1.12.2026");
    screen.press("esc");
    assert_eq!(screen.form().mode(), Mode::Discard);
    screen.press("n");
    assert_eq!(screen.form().mode(), Mode::Fields);
    assert_eq!(screen.form().data().appeal_date, "1.12.2026", "kept");
    screen.press("esc y");
    assert!(matches!(screen.app.screen, View::Table));
    assert_eq!(stored(&screen), 0);
}

#[test]
fn the_discard_question_goes_by_the_key_of_the_letters_it_shows_whichever_layout_is_on() {
    // (language, keys that go on editing, keys that mean nothing here, the key that discards);
    // н sits on y, д on l and т on n.
    let cases = [
        (Lang::Ru, ["н", "y", "ctrl-c"], ["n", "т"], "д"),
        (Lang::Ru, ["Н", "Y", "f10"], ["N", "j"], "l"),
        (Lang::En, ["n", "т", "esc"], ["д", "l"], "y"),
        (Lang::En, ["N", "Т", "esc"], ["Д", "x"], "н"),
    ];
    for (lang, go_on, ignored, discard) in cases {
        let mut screen = Screen::new(lang, "reg", |_| {});
        screen.press("n");
        screen.type_text("1.12.2026");
        for key in go_on {
            screen.press("esc");
            screen.press(key);
            let mode = screen.form().mode();
            assert_eq!(mode, Mode::Fields, "{lang:?}: `{key}` goes on editing");
        }
        screen.press("esc");
        for key in ignored {
            screen.press(key);
            let mode = screen.form().mode();
            assert_eq!(mode, Mode::Discard, "{lang:?}: `{key}` is no answer");
        }
        screen.press(discard);
        assert!(
            matches!(screen.app.screen, View::Table),
            "{lang:?}: `{discard}` discards"
        );
    }
}

#[test]
fn the_focused_field_stays_in_view_at_80x24() {
    let mut screen = Screen::new(Lang::Ru, "reg", |_| {});
    // Saving the empty form shows every problem: the longest the form gets.
    screen.press("т ctrl-ы");
    for _ in 0..Field::ALL.len() {
        let text = screen.draw(80, 24);
        let focused = screen.form().focus();
        let marked = text.lines().find(|l| l.contains("│› ")).unwrap_or_else(|| {
            panic!("{focused:?} out of view:\n{text}");
        });
        let label = match focused {
            Field::SenderNumber => "номер",
            Field::SenderDate => "дата",
            other => other.label_ru(),
        };
        assert!(marked.contains(label), "{focused:?}:\n{text}");
        screen.press("tab");
    }
}

/// Two appeals of one applicant under a longer name, and one of someone else.
fn earlier_appeals(service: &Service) {
    for name in ["Иванов Иван Иванович", "Иванова Мария", "Петров Пётр"]
    {
        service
            .register("reg", &form(name, date(2026, 11, 20)))
            .expect("register");
    }
}

#[test]
fn earlier_appeals_are_offered_after_a_pause_in_typing_and_one_key_links_one() {
    let mut screen = Screen::new(Lang::En, "reg", earlier_appeals);
    screen.press("n");
    tab_to(&mut screen, Field::Applicant);
    screen.type_text("Иванов Иван");
    assert!(screen.form().offered().is_empty(), "not on every key");
    assert!(screen.app.deadline().is_some());
    screen.pause();
    assert!(screen.app.deadline().is_none());
    let offered: Vec<&str> = screen
        .form()
        .offered()
        .iter()
        .map(|e| e.row.applicant.as_str())
        .collect();
    assert_eq!(offered, ["Иванов Иван Иванович"]);
    let text = screen.draw(80, 24);
    assert!(
        text.contains("Иванов Иван Иванович — О выдаче справки"),
        "{text}"
    );
    screen.press("ctrl-l");
    let earlier = screen.form().offered()[0].row.clone();
    assert_eq!(screen.form().data().links, vec![earlier.number.clone()]);

    screen.press("home");
    screen.press("ctrl-t");
    tab_to(&mut screen, Field::AppealDate);
    screen.press("ctrl-t");
    fill(
        &mut screen,
        &[
            (Field::Affiliation, "1"),
            (Field::Method, "w"),
            (Field::Channel, "p"),
            (Field::Form, "r"),
            (Field::Summary, "Повторно о справке"),
        ],
    );
    screen.press("ctrl-s");
    let view = screen
        .service
        .show("reg", &saved_number(&screen))
        .expect("stored");
    assert_eq!(view.appeal.links, vec![earlier.id]);
    assert_eq!(view.appeal.reg.applicant, "Иванов Иван");
}

#[test]
fn with_several_earlier_appeals_the_link_key_opens_the_panel_to_choose() {
    let mut screen = Screen::new(Lang::En, "reg", earlier_appeals);
    screen.press("n");
    tab_to(&mut screen, Field::Applicant);
    screen.type_text("Иванов");
    screen.press("tab");
    assert_eq!(
        screen.form().offered().len(),
        2,
        "looked up on leaving the field"
    );
    screen.press("ctrl-l");
    assert_eq!(screen.form().mode(), Mode::Earlier);
    screen.press("down enter esc");
    let second = screen.form().offered()[1].row.number.clone();
    assert_eq!(screen.form().data().links, vec![second]);
    assert_eq!(screen.form().mode(), Mode::Fields);
}

/// One appeal still registered, one already resolved by the manager.
fn registered_and_resolved(service: &Service) {
    for name in ["Ещё Не Рассмотрен", "Уже Расписан"] {
        service
            .register("reg", &form(name, date(2026, 12, 1)))
            .expect("register");
    }
    let act = appeals::service::api::ActRequest {
        number: String::from("2026-00002"),
        revision: None,
        action: appeals::domain::action::Action::Resolve {
            executors: vec![String::from("lead")],
            instruction: String::new(),
            term: None,
        },
    };
    service.act("boss", &act).expect("resolve");
}

#[test]
fn a_registered_appeal_is_corrected_on_the_same_form_and_a_resolved_one_is_not_offered() {
    let mut screen = Screen::new(Lang::En, "reg", registered_and_resolved);
    screen.press("backtab");
    assert_eq!(screen.app.table.queue, Queue::All);
    let number_of = |screen: &Screen| screen.app.table.current().expect("a row").number.clone();
    while number_of(&screen) != "2026-00001" {
        screen.press("down");
    }
    screen.press("enter e");
    assert_eq!(screen.form().number(), Some("2026-00001"));
    assert_eq!(screen.form().data().applicant, "Ещё Не Рассмотрен");
    tab_to(&mut screen, Field::Form);
    screen.type_text("c");
    screen.press("ctrl-s");
    let view = screen.service.show("reg", "2026-00001").expect("stored");
    assert_eq!(view.appeal.reg.form, Form::Complaint);
    assert_eq!(view.appeal.status, Status::Registered);

    screen.press("up");
    while number_of(&screen) != "2026-00002" {
        screen.press("down");
    }
    screen.press("enter e");
    assert!(
        matches!(screen.app.screen, View::Card(_)),
        "no form once resolved"
    );
}

#[test]
fn an_edit_the_appeal_moved_on_from_meanwhile_is_refused_and_the_form_stays() {
    let mut screen = Screen::new(Lang::En, "reg", |service| {
        service
            .register("reg", &form("Ещё Не Рассмотрен", date(2026, 12, 1)))
            .expect("register");
    });
    screen.press("enter e");
    tab_to(&mut screen, Field::Form);
    screen.type_text("c");
    let act = appeals::service::api::ActRequest {
        number: String::from("2026-00001"),
        revision: None,
        action: appeals::domain::action::Action::Resolve {
            executors: vec![String::from("lead")],
            instruction: String::new(),
            term: None,
        },
    };
    screen.service.act("boss", &act).expect("resolve");
    screen.press("ctrl-s");
    assert!(
        matches!(screen.app.screen, View::Form(_)),
        "nothing typed is lost"
    );
    assert!(
        flash(&screen).contains("changed meanwhile"),
        "{}",
        flash(&screen)
    );
    let view = screen.service.show("reg", "2026-00001").expect("stored");
    assert_eq!(view.appeal.reg.form, Form::Request);
}

fn drafts(screen: &Screen) -> Vec<appeals::domain::draft::FormDraft> {
    screen.service.drafts("reg").expect("drafts")
}

#[test]
fn a_draft_kept_while_typing_is_offered_back_by_the_next_start() {
    let mut screen = Screen::new(Lang::En, "reg", |_| {});
    screen.press("n");
    tab_to(&mut screen, Field::Applicant);
    screen.type_text("Недописанный Заявитель");
    assert!(drafts(&screen).is_empty(), "not on every key");
    screen.pause();
    assert_eq!(drafts(&screen)[0].form.applicant, "Недописанный Заявитель");

    // The terminal closed; the operator starts the screen again.
    let mut again = screen.beside(Lang::En, "reg");
    assert_eq!(again.app.overlay, Some(appeals::tui::app::Overlay::Draft));
    let text = again.draw(80, 24);
    assert!(
        text.contains("Continue the unfinished registration?"),
        "{text}"
    );
    assert!(text.contains("Недописанный Заявитель"), "{text}");
    again.press("enter");
    assert_eq!(again.form().data().applicant, "Недописанный Заявитель");
    assert_eq!(again.form().data().received_date, "03.12.2026");
    again.press("ctrl-t");
    fill(
        &mut again,
        &[
            (Field::Affiliation, "1"),
            (Field::Method, "1"),
            (Field::Channel, "1"),
            (Field::Form, "1"),
            (Field::Summary, "Дописано после обрыва связи"),
        ],
    );
    again.press("ctrl-s");
    assert_eq!(stored(&again), 1);
    assert!(drafts(&again).is_empty(), "the registration took its draft");
    assert!(
        again.app.deadline().is_none(),
        "and no late save brings it back"
    );
}

#[test]
fn a_draft_is_saved_when_the_screen_is_closed_by_a_signal() {
    let mut screen = Screen::new(Lang::En, "reg", |_| {});
    screen.press("n");
    screen.type_text("1.12.2026");
    screen.app.on_terminate();
    assert_eq!(drafts(&screen)[0].form.appeal_date, "1.12.2026");
    assert!(screen.app.quit);
}

#[test]
fn a_draft_offered_can_be_discarded_or_left_for_later() {
    let mut screen = Screen::new(Lang::Ru, "reg", |_| {});
    screen.press("т");
    screen.type_text("01.12.2026");
    screen.pause();

    let mut later = screen.beside(Lang::Ru, "reg");
    assert!(
        later
            .draw(80, 24)
            .contains("Продолжить незавершённую регистрацию?")
    );
    later.press("esc");
    assert_eq!(later.app.overlay, None);
    assert_eq!(drafts(&later).len(), 1, "kept for another time");

    let mut discard = screen.beside(Lang::Ru, "reg");
    discard.press("delete");
    assert!(drafts(&discard).is_empty());
    assert!(matches!(discard.app.screen, View::Table));
}

#[test]
fn esc_keeps_the_draft_while_the_operator_goes_on_and_drops_it_on_discard() {
    let mut screen = Screen::new(Lang::En, "reg", |_| {});
    screen.press("n");
    screen.type_text("01.12.2026");
    screen.pause();
    screen.press("esc n");
    assert_eq!(drafts(&screen).len(), 1);
    screen.press("esc y");
    assert!(drafts(&screen).is_empty());
    assert!(screen.beside(Lang::En, "reg").app.overlay.is_none());
}

#[test]
fn an_edit_left_unfinished_goes_on_from_its_draft() {
    let mut screen = Screen::new(Lang::En, "reg", |service| {
        service
            .register("reg", &form("Ещё Не Рассмотрен", date(2026, 12, 1)))
            .expect("register");
    });
    screen.press("enter e");
    tab_to(&mut screen, Field::Form);
    screen.type_text("c");
    screen.pause();

    let mut again = screen.beside(Lang::En, "reg");
    assert!(
        again
            .draw(80, 24)
            .contains("Continue editing appeal 2026-00001?")
    );
    again.press("enter");
    assert_eq!(again.form().number(), Some("2026-00001"));
    assert_eq!(again.form().data().form, "complaint");
    again.press("ctrl-s");
    let view = again.service.show("reg", "2026-00001").expect("stored");
    assert_eq!(view.appeal.reg.form, Form::Complaint);
    assert!(drafts(&again).is_empty());
}

/// The form in each state worth seeing, drawn in both languages at 80x24 and 160x48.
#[test]
fn form_snapshots_in_both_languages_and_sizes() {
    type Setup = fn(&mut Screen);
    let states: [(&str, Setup); 6] = [
        ("empty", |_| {}),
        ("errors", |s| s.press("ctrl-s")),
        ("earlier", |s| {
            tab_to(s, Field::Applicant);
            s.type_text("Иванов");
            s.press("tab");
            s.press("ctrl-l down enter esc");
        }),
        ("pick", |s| {
            tab_to(s, Field::Channel);
            s.press("space down");
        }),
        ("discard", |s| {
            s.type_text("01.12.2026");
            s.press("esc");
        }),
        ("summary", |s| {
            fill_required(s);
            s.press("enter");
            s.type_text(
                "Вторая строка краткого содержания, достаточно длинная, чтобы перенестись.",
            );
        }),
    ];
    for lang in [Lang::En, Lang::Ru] {
        for (name, setup) in states {
            let mut screen = Screen::new(lang, "reg", earlier_appeals);
            screen.press("n");
            setup(&mut screen);
            for (w, h) in [(80, 24), (160, 48)] {
                let text = screen.draw(w, h);
                insta::assert_snapshot!(format!("form_{name}_{}_{w}x{h}", lang.code()), text);
            }
        }
    }
}

#[test]
fn f1_shows_the_keys_of_the_form_and_any_key_goes_back_to_it() {
    let mut screen = Screen::new(Lang::En, "reg", |_| {});
    screen.press("n f1");
    assert_eq!(screen.app.overlay, Some(appeals::tui::app::Overlay::Help));
    let text = screen.draw(80, 24);
    assert!(text.contains("Link the earlier appeal"), "{text}");
    // F10 and Ctrl-C close the form as Esc does, and are listed with it, not as quitting.
    assert!(text.contains("Esc, F10, Ctrl-c"), "{text}");
    assert!(!text.contains("Quit"), "{text}");
    screen.press("esc");
    assert_eq!(screen.app.overlay, None);
    assert_eq!(
        screen.form().mode(),
        Mode::Fields,
        "the form is still there"
    );
}

/// The dialogs around the form in both languages at both sizes: the draft offered back at
/// start, the form's keys, and the form editing a registered appeal.
#[test]
fn draft_offer_help_and_edit_snapshots() {
    for lang in [Lang::En, Lang::Ru] {
        let mut first = Screen::new(lang, "reg", earlier_appeals);
        first.press("n");
        tab_to(&mut first, Field::Applicant);
        first.type_text("Недописанный Заявитель");
        first.pause();
        let mut offer = first.beside(lang, "reg");
        assert_eq!(offer.app.overlay, Some(appeals::tui::app::Overlay::Draft));

        let mut help = Screen::new(lang, "reg", earlier_appeals);
        help.press("n f1");

        let mut edit = Screen::new(lang, "reg", earlier_appeals);
        edit.press("enter e");
        assert!(edit.form().number().is_some(), "the edit form is open");

        for (name, screen) in [
            ("draft_offer", &mut offer),
            ("help", &mut help),
            ("edit", &mut edit),
        ] {
            for (w, h) in [(80, 24), (160, 48)] {
                let text = screen.draw(w, h);
                insta::assert_snapshot!(format!("form_{name}_{}_{w}x{h}", lang.code()), text);
            }
        }
    }
}
