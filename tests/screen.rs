//! The full-screen interface without a terminal: key strings in, the drawn screen out.
//! Snapshots are at 80x24 and 160x48 in both languages.

mod common;

use appeals::config::KeymapChoice;
use appeals::domain::queue::Queue;
use appeals::i18n::Lang;
use appeals::service::Service;
use appeals::tui::app::{Overlay, Screen as View};
use appeals::tui::table::order_message;
use common::screen::{Screen, keymap};
use common::{date, form};

/// Four appeals received on different days, so that the terms differ in urgency.
fn four_appeals(service: &Service) {
    let people = [
        ("Иванов Иван Иванович", date(2026, 11, 16)),
        ("ТОО «Алатау Инжиниринг»", date(2026, 11, 24)),
        ("Smith John", date(2026, 11, 30)),
        ("Петрова Анна Сергеевна", date(2026, 12, 2)),
    ];
    for (name, received) in people {
        service
            .register("reg", &form(name, received))
            .expect("register");
    }
}

#[test]
fn registrar_starts_on_incoming_with_every_appeal_listed() {
    let mut screen = Screen::new(Lang::En, "reg", four_appeals);
    let text = screen.draw(80, 24);
    assert_eq!(screen.app.table.queue, Queue::Incoming);
    assert!(text.contains("Incoming · 4 appeals"), "{text}");
    for name in ["Иванов Иван", "ТОО «Алатау", "Smith John", "Петрова Анна"]
    {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
}

#[test]
fn queue_table_snapshots_in_both_languages_and_sizes() {
    for lang in [Lang::En, Lang::Ru] {
        let mut screen = Screen::new(lang, "reg", four_appeals);
        for (w, h) in [(80, 24), (160, 48)] {
            let text = screen.draw(w, h);
            insta::assert_snapshot!(format!("table_{}_{w}x{h}", lang.code()), text);
        }
    }
}

#[test]
fn empty_registry_greets_with_what_to_do_next() {
    for lang in [Lang::En, Lang::Ru] {
        let mut screen = Screen::new(lang, "reg", |_| {});
        for (w, h) in [(80, 24), (160, 48)] {
            let text = screen.draw(w, h);
            assert!(text.contains("appeals demo"), "{text}");
            insta::assert_snapshot!(format!("empty_{}_{w}x{h}", lang.code()), text);
        }
    }
}

#[test]
fn terms_carry_a_symbol_so_no_colour_keeps_their_meaning() {
    let mut screen = Screen::new(Lang::En, "reg", four_appeals);
    let text = screen.draw(80, 24);
    // Received 16.11 -> term 26.11, overdue by 7 days on 03.12.
    assert!(text.contains("‼ -7"), "{text}");
    assert!(text.contains("· "), "{text}");
}

#[test]
fn arrows_move_the_selection_and_enter_opens_that_card() {
    let mut screen = Screen::new(Lang::En, "reg", four_appeals);
    screen.press("down down");
    assert_eq!(screen.app.table.selected, 2);
    let number = screen
        .app
        .table
        .current()
        .expect("a selected row")
        .number
        .clone();
    screen.press("enter");
    let View::Card(card) = &screen.app.screen else {
        panic!("enter did not open the card");
    };
    assert_eq!(card.view.appeal.number_text, number);
    screen.press("esc");
    assert!(matches!(screen.app.screen, View::Table));
    assert_eq!(
        screen.app.table.selected, 2,
        "the selection survives the card"
    );
}

#[test]
fn russian_layout_keys_act_as_the_latin_key_in_their_place() {
    let mut screen = Screen::new(Lang::Ru, "reg", four_appeals);
    // `ы` sits where `s` is: sort by received date.
    screen.press("ы");
    assert_eq!(
        order_message(screen.app.table.order()),
        "sort-received-desc"
    );
    // `т` sits where `n` is: the registration form.
    screen.press("т");
    assert!(matches!(screen.app.screen, View::Form(_)));
}

#[test]
fn vim_keymap_moves_with_j_and_k_and_their_russian_places() {
    let keymap = keymap(KeymapChoice::Vim);
    let mut screen = Screen::with_keymap(Lang::En, "reg", keymap, four_appeals);
    screen.press("j j k");
    assert_eq!(screen.app.table.selected, 1);
    screen.press("о о");
    assert_eq!(screen.app.table.selected, 3);
    screen.press("g g");
    assert_eq!(screen.app.table.selected, 0);
    screen.press("G");
    assert_eq!(screen.app.table.selected, 3);
}

#[test]
fn tab_walks_the_queues_a_registrar_has() {
    let mut screen = Screen::new(Lang::En, "reg", four_appeals);
    assert_eq!(
        screen.app.queues(),
        [Queue::Incoming, Queue::Overdue, Queue::Returned, Queue::All],
        "nothing is ever assigned to a registrar"
    );
    screen.press("tab");
    assert_eq!(screen.app.table.queue, Queue::Overdue);
    screen.press("backtab backtab");
    assert_eq!(screen.app.table.queue, Queue::All, "wraps");
}

#[test]
fn each_role_starts_on_its_own_work_and_has_no_queue_that_is_always_empty_for_it() {
    use Queue::*;
    // The administrator set up first holds every role.
    let cases: [(&str, Queue, &[Queue]); 4] = [
        (
            "boss",
            Incoming,
            &[Incoming, Mine, Overdue, Returned, OnSignature, All],
        ),
        ("lead", Mine, &[Mine, Overdue, Returned, CoExecuting, All]),
        ("audit", Overdue, &[Incoming, Overdue, Returned, All]),
        ("admin", Incoming, &Queue::ALL),
    ];
    for (login, first, queues) in cases {
        let mut screen = Screen::new(Lang::En, login, four_appeals);
        assert_eq!(screen.app.table.queue, first, "{login}");
        assert_eq!(screen.app.queues(), queues, "{login}");
        let text = screen.draw(80, 24);
        assert_eq!(
            text.contains("Co-executing"),
            queues.contains(&CoExecuting),
            "{login}: {text}"
        );
    }
}

#[test]
fn question_mark_shows_the_keys_of_the_table_from_the_keymap() {
    for lang in [Lang::En, Lang::Ru] {
        let mut screen = Screen::new(lang, "reg", four_appeals);
        screen.press("?");
        assert_eq!(screen.app.overlay, Some(Overlay::Help));
        for (w, h) in [(80, 24), (160, 48)] {
            let text = screen.draw(w, h);
            let (title, register) = match lang {
                Lang::En => ("Keys", "Register a new appeal"),
                Lang::Ru => ("Клавиши", "Зарегистрировать обращение"),
            };
            assert!(text.contains(title) && text.contains(register), "{text}");
            insta::assert_snapshot!(format!("help_{}_{w}x{h}", lang.code()), text);
        }
        screen.press("esc");
        assert_eq!(screen.app.overlay, None);
    }
}

#[test]
fn another_operators_registration_appears_and_the_selection_stays_on_its_appeal() {
    let mut screen = Screen::new(Lang::En, "reg", four_appeals);
    screen.press("down");
    let chosen = screen.app.table.current().expect("selected").id;
    // Received earlier than all the others: it sorts first and pushes the rest down.
    let earlier = form("Early Bird", date(2026, 11, 2));
    screen.service.register("reg", &earlier).expect("register");
    screen.notice();
    assert_eq!(screen.app.table.total, 5);
    assert_eq!(screen.app.table.current().expect("selected").id, chosen);
    assert!(screen.draw(80, 24).contains("Early Bird"));
}

#[test]
fn card_shows_fields_term_explained_day_by_day_and_history_in_both_languages() {
    for lang in [Lang::En, Lang::Ru] {
        let mut screen = Screen::new(lang, "reg", four_appeals);
        screen.press("enter");
        for (w, h) in [(80, 24), (160, 48)] {
            let text = screen.draw(w, h);
            insta::assert_snapshot!(format!("card_{}_{w}x{h}", lang.code()), text);
        }
        let text = screen.draw(160, 48);
        let (day, history) = match lang {
            Lang::En => ("17.11.2026: day 1", "Registered"),
            Lang::Ru => ("17.11.2026: день 1", "Зарегистрировано"),
        };
        assert!(text.contains(day), "{text}");
        assert!(text.contains(history), "{text}");
        assert!(text.contains("Иванов Иван Иванович"), "{text}");
    }
}

#[test]
fn the_card_of_a_first_appeal_lists_the_applicants_later_ones_with_a_count_of_the_rest() {
    let received = date(2026, 11, 20);
    let fill = |service: &Service| {
        for _ in 0..13 {
            service
                .register("reg", &form("ТОО «Частый Заявитель»", received))
                .expect("register");
        }
    };
    for (lang, heading, more) in [
        (Lang::En, "Later appeals of the applicant", "and 2 more"),
        (
            Lang::Ru,
            "Последующие обращения заявителя",
            "и ещё 2 обращения",
        ),
    ] {
        let mut screen = Screen::new(lang, "reg", fill);
        screen.press("enter");
        let text = screen.draw(160, 48);
        assert!(
            text.contains("2026-00001 ·"),
            "the first appeal's card: {text}"
        );
        assert!(text.contains(heading), "{text}");
        assert!(text.contains("2026-00013 20.11.2026"), "{text}");
        assert!(!text.contains("2026-00003 20.11.2026"), "{text}");
        assert!(text.contains(more), "{text}");
    }
}

#[test]
fn on_the_card_q_goes_back_as_esc_does_and_its_help_says_so() {
    let mut screen = Screen::new(Lang::En, "reg", four_appeals);
    screen.press("enter ?");
    let text = screen.draw(80, 24);
    assert!(text.contains("Esc, q, F10, Ctrl-c"), "{text}");
    assert!(!text.contains("Quit"), "{text}");
    screen.press("esc q");
    assert!(
        matches!(screen.app.screen, View::Table),
        "q closed the card"
    );
    assert!(!screen.app.quit, "and did not quit");
}

#[test]
fn every_history_action_has_a_name_in_both_languages() {
    use appeals::domain::model::ActionKind;
    use appeals::i18n::Catalog;
    for lang in [Lang::En, Lang::Ru] {
        let catalog = Catalog::new(lang);
        for kind in ActionKind::ALL {
            let id = format!("action-{}", kind.code());
            assert!(
                !catalog.text(&id).starts_with('['),
                "{id} missing in {}",
                lang.code()
            );
        }
    }
}

#[test]
fn card_scrolls_and_escape_returns_to_the_same_row() {
    let mut screen = Screen::new(Lang::En, "reg", four_appeals);
    screen.press("down enter");
    let before = screen.draw(80, 24);
    screen.press("pagedown");
    let after = screen.draw(80, 24);
    assert_ne!(before, after, "page down scrolls the card");
    screen.press("q");
    assert!(
        matches!(screen.app.screen, View::Table),
        "q closes the card, not the program"
    );
    assert!(!screen.app.quit);
    assert_eq!(screen.app.table.selected, 1);
}

#[test]
fn after_end_on_the_card_one_page_up_moves_and_the_frame_shows_where_there_is_more() {
    let mut screen = Screen::new(Lang::En, "reg", four_appeals);
    screen.press("enter");
    let bottom_line = |text: &str| text.lines().nth(22).unwrap_or_default().to_string();
    let top = screen.draw(80, 24);
    assert!(bottom_line(&top).ends_with(" ↓ ┘"), "{top}");
    screen.press("end");
    let end = screen.draw(80, 24);
    assert!(bottom_line(&end).ends_with(" ↑ ┘"), "{end}");
    screen.press("end down down");
    assert_eq!(screen.draw(80, 24), end, "nothing is past the end");
    screen.press("pageup");
    let up = screen.draw(80, 24);
    assert_ne!(up, end, "one page up from the end moves at once");
    assert!(bottom_line(&up).ends_with(" ↑↓ ┘"), "{up}");
    // A page keeps the row that was at the top in view, at the bottom.
    let first_of_end = end.lines().nth(2).unwrap_or_default();
    assert_eq!(up.lines().nth(21).unwrap_or_default(), first_of_end, "{up}");
    screen.press("home");
    assert_eq!(screen.draw(80, 24), top);
}

#[test]
fn compliance_is_not_offered_the_registration_form() {
    let mut screen = Screen::new(Lang::En, "audit", four_appeals);
    let text = screen.draw(80, 24);
    assert!(
        !text.contains("new"),
        "no `n new` hint for compliance:\n{text}"
    );
    screen.press("n");
    assert!(matches!(screen.app.screen, View::Table));
    assert!(
        screen
            .draw(80, 24)
            .contains("Only registrars register appeals.")
    );
}

#[test]
fn problems_in_the_users_keymap_are_shown_at_start_up_not_ignored() {
    use appeals::tui::keymap::Trouble;
    use appeals::tui::run::load_keymap;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("keymap.toml");
    let own = "open = [\"ctrl-q\"]\nfly = [\"x\"]\nsort = [\"ctrl-\"]\nfilter = [\"ctrl-q\"]\n";
    std::fs::write(&path, own).expect("write the user's keymap");
    let (keymap, problems) = load_keymap(KeymapChoice::Default, Some(path));
    let all: Vec<Trouble> = problems.iter().map(|p| p.trouble.clone()).collect();
    assert!(
        all.contains(&Trouble::UnknownAction("fly".into())),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|t| matches!(t, Trouble::NotAKey { action, .. } if action == "sort")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|t| matches!(t, Trouble::BoundTwice { keys, .. } if keys == "Ctrl-q")),
        "{all:?}"
    );

    let mut screen = Screen::with_keymap(Lang::En, "reg", keymap, four_appeals);
    // The temporary directory's name would make the snapshot differ on every run.
    let shown_dir = dir.path().display().to_string();
    screen.app.problems = problems
        .into_iter()
        .map(|mut p| {
            p.origin = p.origin.replace(&shown_dir, "~/.config/appeals");
            p
        })
        .collect();
    screen.app.overlay = Some(Overlay::Problems);
    for lang in [Lang::En, Lang::Ru] {
        screen.app.ui.catalog = appeals::i18n::Catalog::new(lang);
        for (w, h) in [(80, 24), (160, 48)] {
            let text = screen.draw(w, h);
            let unknown = match lang {
                Lang::En => "unknown action `fly`",
                Lang::Ru => "неизвестное действие `fly`",
            };
            assert!(text.contains(unknown), "{text}");
            insta::assert_snapshot!(format!("keymap_problems_{}_{w}x{h}", lang.code()), text);
        }
    }
    screen.press("esc");
    assert_eq!(screen.app.overlay, None);
    // The user's own binding replaced the shipped one: ctrl-q opens, enter no longer does.
    screen.press("enter");
    assert!(matches!(screen.app.screen, View::Table));
}

#[test]
fn a_keymap_that_does_not_parse_is_named_with_its_line_and_the_window_holds_it_whole() {
    use appeals::tui::run::load_keymap;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("keymap.toml");
    std::fs::write(&path, "down = \"j\"\nup = [k]\n").expect("write the user's keymap");
    let (keymap, problems) = load_keymap(KeymapChoice::Default, Some(path));
    let mut screen = Screen::with_keymap(Lang::Ru, "reg", keymap, four_appeals);
    screen.app.problems = problems;
    screen.app.overlay = Some(Overlay::Problems);
    let text = screen.draw(80, 24);
    assert!(text.contains("строка 2:"), "{text}");
    // However the message wraps, the way out stays inside the window.
    assert!(text.contains("Нажмите любую клавишу"), "{text}");
    // The file was refused whole; the shipped keys work.
    screen.press("esc");
    screen.press("down");
    assert_eq!(screen.app.table.selected, 1);
}

#[test]
fn an_open_card_and_the_counts_follow_a_resolution_issued_elsewhere() {
    use appeals::domain::action::Action;
    use appeals::domain::model::Status;
    use appeals::service::api::ActRequest;

    let mut screen = Screen::new(Lang::En, "boss", four_appeals);
    screen.press("enter");
    let number = match &screen.app.screen {
        View::Card(card) => card.view.appeal.number_text.clone(),
        _ => panic!("the card did not open"),
    };
    let resolve = Action::Resolve {
        executors: vec!["lead".into()],
        instruction: "Подготовить ответ".into(),
        term: None,
    };
    let request = ActRequest {
        number,
        revision: None,
        action: resolve,
    };
    screen.service.act("boss", &request).expect("resolve");
    screen.notice();

    let View::Card(card) = &screen.app.screen else {
        panic!("the card closed");
    };
    assert_eq!(card.view.appeal.status, Status::InProgress);
    assert!(screen.draw(80, 24).contains("in progress"));
    assert_eq!(screen.app.count(Queue::Incoming), Some(3));
}

#[test]
fn slash_filters_the_queue_as_one_types_and_escape_clears_it() {
    let mut screen = Screen::new(Lang::En, "reg", four_appeals);
    screen.press("/");
    screen.type_text("Smith");
    assert_eq!(screen.app.table.total, 1);
    let text = screen.draw(80, 24);
    assert!(text.contains("Filter: Smith"), "{text}");
    assert!(!text.contains("Иванов"), "{text}");
    // Cyrillic goes into the filter as typed, not as the Latin keys in its place.
    screen.press("backspace backspace backspace backspace backspace");
    screen.type_text("Петрова");
    assert_eq!(screen.app.table.filter, "Петрова");
    assert_eq!(screen.app.table.total, 1);
    screen.press("esc");
    assert_eq!(screen.app.table.total, 4);
    assert!(screen.app.table.filter.is_empty());
}

#[test]
fn while_filtering_ctrl_c_drops_the_filter_instead_of_quitting_and_the_moves_move() {
    let mut screen = Screen::new(Lang::En, "reg", four_appeals);
    screen.press("/");
    screen.type_text("2026");
    assert_eq!(screen.app.table.total, 4);
    screen.press("end");
    assert_eq!(screen.app.table.selected, 3, "End goes to the last found");
    assert!(screen.app.table.filtering, "still typing the filter");
    screen.press("home down");
    assert_eq!(screen.app.table.selected, 1);
    // Alt and Ctrl with a letter are keys, not text.
    screen.press("alt-x");
    assert_eq!(screen.app.table.filter, "2026");
    screen.press("ctrl-c");
    assert!(
        !screen.app.quit,
        "Ctrl-C in the filter puts the filter away"
    );
    assert!(!screen.app.table.filtering);
    assert!(screen.app.table.filter.is_empty());
    screen.press("ctrl-c");
    assert!(screen.app.quit, "on the table Ctrl-C quits");
}

#[test]
fn s_cycles_term_received_and_number_order() {
    let mut screen = Screen::new(Lang::En, "reg", four_appeals);
    let first = |screen: &Screen| screen.app.table.visible()[0].applicant.clone();
    assert_eq!(first(&screen), "Иванов Иван Иванович", "soonest term first");
    screen.press("s");
    assert_eq!(
        first(&screen),
        "Петрова Анна Сергеевна",
        "newest received first"
    );
    assert!(screen.draw(80, 24).contains("newest received first"));
    screen.press("s");
    assert_eq!(
        first(&screen),
        "Петрова Анна Сергеевна",
        "highest number first"
    );
    screen.press("s");
    assert_eq!(first(&screen), "Иванов Иван Иванович");
}

/// The table's other states, each drawn in both languages at both sizes: the server gone
/// away (the status line says so and the rows stay readable), a filter being typed, and an
/// order chosen by hand.
#[test]
fn table_state_snapshots_offline_filtered_and_sorted() {
    type Setup = fn(&mut Screen);
    let states: [(&str, Setup); 3] = [
        ("offline", |s| s.set_server_down(true)),
        ("filter", |s| {
            s.press("/");
            s.type_text("ива");
        }),
        ("sorted", |s| s.press("s")),
    ];
    for lang in [Lang::En, Lang::Ru] {
        for (name, setup) in states {
            let mut screen = Screen::new(lang, "reg", four_appeals);
            setup(&mut screen);
            for (w, h) in [(80, 24), (160, 48)] {
                let text = screen.draw(w, h);
                assert!(text.contains("Иванов Иван"), "{name}: {text}");
                insta::assert_snapshot!(format!("table_{name}_{}_{w}x{h}", lang.code()), text);
            }
        }
    }
}

#[test]
fn the_server_going_away_keeps_the_rows_readable_and_its_return_catches_up() {
    let mut screen = Screen::new(Lang::En, "reg", four_appeals);
    screen.set_server_down(true);
    screen.press("down down tab enter s");
    let text = screen.draw(80, 24);
    assert!(text.contains("offline"), "{text}");
    assert!(text.contains("Smith John"), "the rows stay:\n{text}");
    // Nothing the server could not answer changes what the table's title says it shows.
    assert_eq!(screen.app.table.queue, Queue::Incoming);
    assert!(text.contains("Incoming · 4 appeals · by term"), "{text}");
    assert_eq!(
        screen.app.table.current().map(|r| r.number.as_str()),
        Some("2026-00003")
    );

    screen
        .service
        .register("reg", &form("Пока Сервера Не Было", date(2026, 12, 3)))
        .expect("register");
    screen.set_server_down(false);
    let text = screen.draw(80, 24);
    assert!(text.contains("connected"), "{text}");
    assert!(text.contains("Пока Сервера"), "caught up:\n{text}");
    assert_eq!(screen.app.count(Queue::Incoming), Some(5));
}

/// `login` takes `action` on the appeal numbered `number`, whatever its revision.
fn act(service: &Service, login: &str, number: &str, action: appeals::domain::action::Action) {
    let request = appeals::service::api::ActRequest {
        number: number.to_string(),
        revision: None,
        action,
    };
    service.act(login, &request).expect("the action is allowed");
}

/// Twelve appeals resolved to `lead`, so that "Assigned to me" has a two-digit count.
fn twelve_for_lead(service: &Service) {
    for day in 1..=12 {
        let name = format!("Заявитель {day}");
        let outcome = service
            .register("reg", &form(&name, date(2026, 11, day)))
            .expect("register");
        let resolve = appeals::domain::action::Action::Resolve {
            executors: vec!["lead".into()],
            instruction: String::new(),
            term: None,
        };
        act(service, "boss", &outcome.number, resolve);
    }
}

#[test]
fn the_longest_queue_name_keeps_a_space_before_a_two_digit_count() {
    let mut screen = Screen::new(Lang::Ru, "lead", twelve_for_lead);
    let text = screen.draw(80, 24);
    assert!(text.contains("Мне на исполнение 12"), "{text}");
    assert!(
        text.contains("Все               12"),
        "counts stay in one column:\n{text}"
    );
}

#[test]
fn the_status_line_names_the_roles_abbreviated_when_the_full_names_do_not_fit() {
    let mut screen = Screen::new(Lang::Ru, "lead", twelve_for_lead);
    let status = screen.status_line(80, 24);
    assert!(status.contains("lead (исполнитель) │"), "{status}");
    assert!(status.contains("на связи"), "{status}");

    let two_roles = |service: &Service| {
        use appeals::domain::user::Role;
        let dekan = common::user("dekan", &[Role::Manager, Role::Executor]);
        service.add_user("admin", &dekan).expect("add dekan");
    };
    let mut screen = Screen::new(Lang::Ru, "dekan", two_roles);
    let status = screen.status_line(80, 24);
    assert!(status.contains("dekan (рук., исп.) │"), "{status}");
    let status = screen.status_line(160, 48);
    assert!(
        status.contains("dekan (руководитель, исполнитель) │"),
        "{status}"
    );

    let mut screen = Screen::new(Lang::Ru, "admin", |_| {});
    let status = screen.status_line(80, 24);
    assert!(
        !status.contains("администратор"),
        "five roles do not fit: {status}"
    );
    assert!(status.contains("просрочено"), "{status}");
    let status = screen.status_line(160, 48);
    assert!(
        status.contains("admin (регистратор, руководитель"),
        "{status}"
    );
}

#[test]
fn offline_on_a_narrow_line_the_state_is_shortened_before_the_counts_are_cut() {
    let fill = |service: &Service| {
        use appeals::domain::user::Role;
        let long = common::user("registrator.ivanova", &[Role::Registrar]);
        service.add_user("admin", &long).expect("add a registrar");
    };
    let mut screen = Screen::new(Lang::Ru, "registrator.ivanova", fill);
    screen.set_server_down(true);
    let narrow = screen.status_line(80, 24);
    assert!(narrow.contains("срок сегодня: 0"), "{narrow}");
    assert!(narrow.trim_end().ends_with("✗ нет связи"), "{narrow}");
    let wide = screen.status_line(160, 48);
    assert!(wide.contains("✗ нет связи, переподключение"), "{wide}");
}

#[test]
fn escape_on_the_table_clears_a_kept_filter_and_never_quits() {
    let mut screen = Screen::new(Lang::Ru, "reg", four_appeals);
    screen.press("/");
    screen.type_text("Smith");
    screen.press("enter");
    assert_eq!(screen.app.table.total, 1);

    screen.press("esc");
    assert_eq!(screen.app.table.filter, "");
    assert_eq!(screen.app.table.total, 4);

    screen.press("esc esc");
    assert!(
        !screen.app.quit,
        "Esc pressed twice by habit keeps the program"
    );
    let text = screen.draw(80, 24);
    assert!(text.contains("Выход из программы: q."), "{text}");

    screen.press("й");
    assert!(screen.app.quit, "q quits, on the Russian layout too");
}

/// One appeal resolved to `lead` with `co1`, its term extended, and a contribution in.
fn worked_on(service: &Service) {
    use appeals::domain::action::Action;

    let number = service
        .register("reg", &form("Иванов Иван Иванович", date(2026, 11, 16)))
        .expect("register")
        .number;
    let steps = [
        (
            "boss",
            Action::Resolve {
                executors: vec!["lead".into(), "co1".into()],
                instruction: "Подготовить ответ".into(),
                term: None,
            },
        ),
        (
            "lead",
            Action::Extend {
                new_term: date(2026, 12, 10),
                reasons: "Нужны архивные сведения".into(),
                applicant_told: date(2026, 11, 25),
            },
        ),
        (
            "co1",
            Action::Contribute {
                text: "Справка из архива".into(),
            },
        ),
    ];
    for (login, action) in steps {
        act(service, login, &number, action);
    }
}

#[test]
fn the_cards_history_reads_in_russian_on_a_russian_screen() {
    let mut screen = Screen::new(Lang::Ru, "reg", worked_on);
    screen.press("backtab enter");
    let text = screen.draw(160, 48);
    for said in [
        "Рег. номер 2026-00001, дата поступления 16.11.2026",
        "Срок 26.11.2026 (по правилу), срок по АППК",
        "Исполнители: lead (отв.), co1",
        "Поручение: Подготовить ответ",
        "Срок 26.11.2026 → 10.12.2026; заявитель уведомлён 25.11.2026",
        "Нужны архивные сведения",
        "Справка из архива",
    ] {
        assert!(text.contains(said), "`{said}` missing:\n{text}");
    }
    for english in ["registered", "executors:", "term set", "contribution:"] {
        assert!(
            !text.contains(english),
            "`{english}` on a Russian card:\n{text}"
        );
    }
}
