//! Keymaps and keys, driven by key strings without a terminal.

use super::actions::{ACTIONS, Action, Context};
use super::keymap::{DEFAULT, Keymap, Problem, Resolved, Trouble, VIM};
use super::keys::{Key, parse_key, to_latin};

fn keymap(text: &str) -> Keymap {
    let (keymap, problems) = Keymap::parse(text, "test");
    assert!(problems.is_empty(), "{problems:?}");
    keymap
}

/// Presses keys written as a keymap file writes them, returning the actions that fired.
fn press(keymap: &Keymap, keys: &str, context: Context) -> Vec<Action> {
    let mut pending = Vec::new();
    let mut fired = Vec::new();
    for text in keys.split_whitespace() {
        let key = parse_key(text).unwrap();
        match keymap.resolve(&pending, key, context) {
            Resolved::Action(action) => {
                fired.push(action);
                pending.clear();
            }
            Resolved::Pending(key) => pending.push(key),
            Resolved::Unbound => pending.clear(),
        }
    }
    fired
}

#[test]
fn every_shipped_keymap_parses_without_problems_or_duplicates() {
    for (name, text) in [("default", DEFAULT), ("vim", VIM)] {
        let (_, problems) = Keymap::parse(text, name);
        assert!(problems.is_empty(), "{name}: {problems:?}");
    }
}

#[test]
fn every_action_has_a_key_in_every_shipped_keymap() {
    for text in [DEFAULT, VIM] {
        let keymap = keymap(text);
        for info in ACTIONS {
            assert!(
                !keymap.keys_of(info.action).is_empty(),
                "{} has no key",
                info.name
            );
        }
    }
}

#[test]
fn vim_keys_move_and_jump() {
    let vim = keymap(VIM);
    assert_eq!(
        press(&vim, "j j k", Context::Table),
        [Action::Down, Action::Down, Action::Up]
    );
    assert_eq!(
        press(&vim, "g g G", Context::Table),
        [Action::Top, Action::Bottom]
    );
    assert_eq!(
        press(&vim, "ctrl-d ctrl-u", Context::Table),
        [Action::PageDown, Action::PageUp]
    );
}

#[test]
fn russian_layout_keys_act_as_the_latin_key_in_their_place() {
    let vim = keymap(VIM);
    assert_eq!(
        press(&vim, "о л", Context::Table),
        [Action::Down, Action::Up]
    );
    assert_eq!(
        press(&vim, "п п П", Context::Table),
        [Action::Top, Action::Bottom]
    );
    let default = keymap(DEFAULT);
    assert_eq!(
        press(&default, "т й", Context::Table),
        [Action::NewAppeal, Action::Quit]
    );
    assert_eq!(to_latin('Ё'), None);
    assert_eq!(to_latin('ю'), Some('.'));
}

#[test]
fn the_slash_key_filters_and_its_shift_helps_with_the_russian_layout_on() {
    let default = keymap(DEFAULT);
    // The Russian layout types `.` and `,` on the key of `/` and `?`.
    assert_eq!(
        press(&default, ". ,", Context::Table),
        [Action::Filter, Action::Help]
    );
    // `?` typed directly (Shift-7 there) is bound itself and stays help.
    assert_eq!(press(&default, "?", Context::Table), [Action::Help]);
    let own = keymap("sort = [\".\"]\nfilter = [\"/\"]\n");
    assert_eq!(press(&own, ".", Context::Table), [Action::Sort]);
}

#[test]
fn a_cyrillic_key_bound_itself_keeps_its_own_meaning() {
    let keymap = keymap("down = [\"j\"]\nsort = [\"о\"]\n");
    assert_eq!(press(&keymap, "о", Context::Table), [Action::Sort]);
    assert_eq!(press(&keymap, "j", Context::Table), [Action::Down]);
}

#[test]
fn bindings_apply_only_on_their_screens() {
    let default = keymap(DEFAULT);
    assert_eq!(press(&default, "tab", Context::Table), [Action::NextQueue]);
    assert_eq!(press(&default, "tab", Context::Form), [Action::NextField]);
    assert_eq!(press(&default, "esc", Context::Form), [Action::Cancel]);
}

#[test]
fn problems_are_reported_not_ignored() {
    let text = "frobnicate = [\"x\"]\ndown = [\"ctrl-\", \"a b c\", 7]\nup = 3\nquit = [\"j\"]\nsort = [\"j\"]\n";
    let (_, problems) = Keymap::parse(text, "keymap.toml");
    let troubles: Vec<Trouble> = problems.iter().map(|p| p.trouble.clone()).collect();
    let down = || "down".to_string();
    let expected = [
        Trouble::UnknownAction("frobnicate".into()),
        Trouble::NotAKey {
            action: down(),
            key: "ctrl-".into(),
        },
        Trouble::KeyCount {
            action: down(),
            binding: "a b c".into(),
        },
        Trouble::NotText(down()),
        Trouble::NotKeys("up".into()),
        Trouble::BoundTwice {
            keys: "j".into(),
            first: "quit",
            second: "sort",
        },
    ];
    for trouble in &expected {
        assert!(troubles.contains(trouble), "{trouble:?} in {troubles:?}");
    }
    assert_eq!(troubles.len(), expected.len(), "{troubles:?}");
    assert!(problems.iter().all(|p| p.origin == "keymap.toml"));
}

#[test]
fn a_keymap_that_is_not_toml_is_reported_with_its_line() {
    let (keymap, problems) = Keymap::parse("quit = [\"q\"]\n\ndown = [\"j\"\n", "keymap.toml");
    assert!(keymap.keys_of(Action::Quit).is_empty());
    match &problems[..] {
        [
            Problem {
                trouble: Trouble::Syntax { line, .. },
                ..
            },
        ] => assert!(*line >= 3, "line {line}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn keymap_problems_are_worded_in_the_screens_language() {
    use crate::i18n::{Catalog, Lang};
    let problem = Problem {
        origin: "keymap.toml".into(),
        trouble: Trouble::NotAKey {
            action: "down".into(),
            key: "ctrl-".into(),
        },
    };
    let ui = |lang| super::ui::Ui {
        catalog: Catalog::new(lang),
        theme: super::ui::Theme { color: false },
        keymap: Keymap::default(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
        zone: crate::config::Zone::default(),
    };
    assert_eq!(
        ui(Lang::En).problem(&problem),
        "keymap.toml: down: `ctrl-` is not a key"
    );
    assert_eq!(
        ui(Lang::Ru).problem(&problem),
        "keymap.toml: down: `ctrl-` — не клавиша"
    );
}

#[test]
fn a_user_keymap_replaces_the_keys_of_the_actions_it_names() {
    let user = keymap("down = [\"ctrl-n\"]\n");
    let merged = keymap(DEFAULT).merged(user);
    assert_eq!(press(&merged, "ctrl-n", Context::Table), [Action::Down]);
    assert!(press(&merged, "down", Context::Table).is_empty());
    assert_eq!(press(&merged, "up", Context::Table), [Action::Up]);
}

#[test]
fn a_single_key_needs_no_list() {
    let (user, problems) = Keymap::parse("down = \"ctrl-n\"\ntop = \"g g\"\n", "keymap.toml");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(press(&user, "ctrl-n", Context::Table), [Action::Down]);
    assert_eq!(press(&user, "g g", Context::Table), [Action::Top]);
}

#[test]
fn keys_parse_with_modifiers_and_names() {
    let key = parse_key("ctrl-d").unwrap();
    assert!(key.ctrl && key.code == crossterm::event::KeyCode::Char('d'));
    assert_eq!(
        parse_key("f2").unwrap().code,
        crossterm::event::KeyCode::F(2)
    );
    assert!(parse_key("f13").is_err());
    assert_eq!(Key::char('G').latin(), None);
}
