//! Keymaps: TOML files binding action names to keys, the shipped ones merged with the user's
//! own, every problem reported (unknown actions, malformed keys, duplicate bindings), and
//! the pure step from key presses to an action.

use super::actions::{self, Action, Context};
use super::keys::{Key, parse_key};

/// The keymap for arrows, Enter, Esc, letters and F-keys.
pub const DEFAULT: &str = include_str!("../../keymaps/default.toml");
/// The keymap for hjkl, gg, G, Ctrl-d and Ctrl-u.
pub const VIM: &str = include_str!("../../keymaps/vim.toml");

/// One or two keys pressed in turn (`g g`).
pub type Binding = Vec<Key>;

/// Something wrong in a keymap file, shown on screen at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as the user would look for it.
    pub origin: String,
    pub trouble: Trouble,
}

/// What is wrong, as data: the screen words it in its own language (`Ui::problem`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// The file is not TOML: the line (from 1) and the parser's own words.
    Syntax {
        line: usize,
        detail: String,
    },
    UnknownAction(String),
    /// An action given something other than a key or a list of keys.
    NotKeys(String),
    /// An item of an action's list that is not a quoted string.
    NotText(String),
    NotAKey {
        action: String,
        key: String,
    },
    /// A binding of no keys or more than two.
    KeyCount {
        action: String,
        binding: String,
    },
    BoundTwice {
        keys: String,
        first: &'static str,
        second: &'static str,
    },
    /// The user's file exists but cannot be read.
    Unreadable(String),
}

/// What a key press means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    Action(Action),
    /// The first key of a longer binding: keep this key (on the layout it matched) as pending
    /// and wait for the next.
    Pending(Key),
    Unbound,
}

#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: Vec<(Binding, Action)>,
}

impl Keymap {
    /// Reads a keymap file, keeping every good binding and reporting every bad one.
    pub fn parse(text: &str, origin: &str) -> (Keymap, Vec<Problem>) {
        let problem = |trouble: Trouble| Problem {
            origin: origin.to_string(),
            trouble,
        };
        let table: toml::Table = match toml::from_str(text) {
            Ok(table) => table,
            Err(e) => {
                let at = e.span().map_or(0, |span| span.start);
                let line = text.get(..at).unwrap_or(text).lines().count().max(1);
                let syntax = Trouble::Syntax {
                    line,
                    detail: e.message().trim().to_string(),
                };
                return (Keymap::default(), vec![problem(syntax)]);
            }
        };
        let mut keymap = Keymap::default();
        let mut problems = Vec::new();
        for (name, value) in table {
            let Some(info) = actions::by_name(&name) else {
                problems.push(problem(Trouble::UnknownAction(name)));
                continue;
            };
            // `down = "j"` is as good as `down = ["j"]`.
            let list = match value {
                toml::Value::Array(list) => list,
                toml::Value::String(_) => vec![value],
                _ => {
                    problems.push(problem(Trouble::NotKeys(name)));
                    continue;
                }
            };
            for item in &list {
                let Some(written) = item.as_str() else {
                    problems.push(problem(Trouble::NotText(name.clone())));
                    continue;
                };
                match parse_binding(written, &name) {
                    Ok(binding) => keymap.bindings.push((binding, info.action)),
                    Err(trouble) => problems.push(problem(trouble)),
                }
            }
        }
        problems.extend(keymap.duplicates(origin));
        (keymap, problems)
    }

    /// The user's bindings replace the shipped ones of the same actions.
    pub fn merged(mut self, user: Keymap) -> Keymap {
        self.bindings
            .retain(|(_, a)| !user.bindings.iter().any(|(_, u)| u == a));
        self.bindings.extend(user.bindings);
        self
    }

    /// Keys bound to two actions that can be active at once.
    pub fn duplicates(&self, origin: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (i, (keys, action)) in self.bindings.iter().enumerate() {
            for (other_keys, other) in &self.bindings[i + 1..] {
                let clash = keys == other_keys
                    || keys.starts_with(other_keys)
                    || other_keys.starts_with(keys);
                let (a, b) = (actions::info(*action), actions::info(*other));
                if clash && action != other && a.context.overlaps(b.context) {
                    let shown: Vec<String> = keys.iter().map(super::keys::display).collect();
                    problems.push(Problem {
                        origin: origin.to_string(),
                        trouble: Trouble::BoundTwice {
                            keys: shown.join(" "),
                            first: a.name,
                            second: b.name,
                        },
                    });
                }
            }
        }
        problems
    }

    /// The bindings of one action, for the footer and the help overlay.
    pub fn keys_of(&self, action: Action) -> Vec<&Binding> {
        self.bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(b, _)| b)
            .collect()
    }

    /// What `key` means after the keys already `pending`, on a screen of `context`. A key of
    /// the Russian layout that is not bound itself acts as the Latin key in its place.
    pub fn resolve(&self, pending: &[Key], key: Key, context: Context) -> Resolved {
        let direct = self.lookup(pending, key, context);
        if direct != Resolved::Unbound || self.binds_first(key) {
            return direct;
        }
        match key.latin() {
            Some(latin) => self.lookup(pending, latin, context),
            None => direct,
        }
    }

    fn lookup(&self, pending: &[Key], key: Key, context: Context) -> Resolved {
        let mut typed: Vec<Key> = pending.to_vec();
        typed.push(key);
        let active = self
            .bindings
            .iter()
            .filter(|(_, a)| actions::info(*a).context.overlaps(context));
        let mut longer = false;
        for (binding, action) in active {
            if *binding == typed {
                return Resolved::Action(*action);
            }
            longer |= binding.len() > typed.len() && binding.starts_with(&typed);
        }
        if longer {
            Resolved::Pending(key)
        } else {
            Resolved::Unbound
        }
    }

    /// Whether any binding uses this exact key (then it is not read on the Latin layout).
    fn binds_first(&self, key: Key) -> bool {
        self.bindings
            .iter()
            .any(|(binding, _)| binding.contains(&key))
    }
}

/// A binding of `action` as written: keys separated by spaces, at most two.
fn parse_binding(text: &str, action: &str) -> Result<Binding, Trouble> {
    let keys: Vec<&str> = text.split_whitespace().collect();
    if keys.is_empty() || keys.len() > 2 {
        return Err(Trouble::KeyCount {
            action: action.to_string(),
            binding: text.to_string(),
        });
    }
    keys.into_iter()
        .map(|key| {
            parse_key(key).map_err(|_| Trouble::NotAKey {
                action: action.to_string(),
                key: key.to_string(),
            })
        })
        .collect()
}
