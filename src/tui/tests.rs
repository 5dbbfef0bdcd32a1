//! Keymaps and keys, driven by key strings without a terminal.

use super::actions::{ACTIONS, Action, Context};
use super::keymap::{DEFAULT, Keymap, Resolved, VIM};
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
    let text = "frobnicate = [\"x\"]\ndown = [\"ctrl-\", \"a b c\"]\nup = 3\nquit = [\"j\"]\nsort = [\"j\"]\n";
    let (_, problems) = Keymap::parse(text, "keymap.toml");
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("unknown action `frobnicate`")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("`ctrl-` is not a key")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("one key or two")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("up: expected a key or a list of keys")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("bound to both quit and sort")),
        "{messages:?}"
    );
    assert!(problems.iter().all(|p| p.origin == "keymap.toml"));
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
