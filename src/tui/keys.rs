//! Keys as keymap files write them (`j`, `G`, `ctrl-d`, `f2`, `enter`), and the Russian
//! ЙЦУКЕН layout: a key pressed with the Russian layout active is read as the key in the same
//! place of the Latin layout, so hotkeys work whichever layout is on.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key press as bindings compare them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    /// Control and Alt only: Shift is in the character itself (`G`), and for named keys
    /// (`backtab`) in the name.
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn char(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
            alt: false,
        }
    }

    pub fn from_event(event: KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// The key a hotkey falls back to when this one is not bound: the same key on the Latin
    /// layout for a Russian letter, and for a symbol the one the Latin layout has where the
    /// Russian layout types it (`.` on the key of `/`).
    pub fn latin(self) -> Option<Key> {
        let KeyCode::Char(c) = self.code else {
            return None;
        };
        let symbol = || RUSSIAN_SYMBOLS.iter().find(|(ru, _)| *ru == c).map(|s| s.1);
        to_latin(c).or_else(symbol).map(|l| Key {
            code: KeyCode::Char(l),
            ..self
        })
    }
}

/// The Russian ЙЦУКЕН layout over US QWERTY, key by key (lower case).
const RUSSIAN: [(char, char); 33] = [
    ('й', 'q'),
    ('ц', 'w'),
    ('у', 'e'),
    ('к', 'r'),
    ('е', 't'),
    ('н', 'y'),
    ('г', 'u'),
    ('ш', 'i'),
    ('щ', 'o'),
    ('з', 'p'),
    ('х', '['),
    ('ъ', ']'),
    ('ф', 'a'),
    ('ы', 's'),
    ('в', 'd'),
    ('а', 'f'),
    ('п', 'g'),
    ('р', 'h'),
    ('о', 'j'),
    ('л', 'k'),
    ('д', 'l'),
    ('ж', ';'),
    ('э', '\''),
    ('я', 'z'),
    ('ч', 'x'),
    ('с', 'c'),
    ('м', 'v'),
    ('и', 'b'),
    ('т', 'n'),
    ('ь', 'm'),
    ('б', ','),
    ('ю', '.'),
    ('ё', '`'),
];

/// Symbols the Russian layout puts where the Latin one has others: the key right of `ю`
/// types `.` and `,` where the Latin layout has `/` and `?`, and Shift with a digit types
/// `"`, `№`, `;`, `:` and `?` in place of `@`, `#`, `$`, `^` and `&`. So `/` and `?` work with
/// either layout on; a symbol bound itself keeps its own meaning, as a Cyrillic letter does.
const RUSSIAN_SYMBOLS: [(char, char); 7] = [
    ('.', '/'),
    (',', '?'),
    ('"', '@'),
    ('№', '#'),
    (';', '$'),
    (':', '^'),
    ('?', '&'),
];

/// The Latin character on the same key as a Russian letter; upper case maps to upper case.
/// The symbols are not mapped here: `.` is a key of its own on the Latin layout as well,
/// so a character alone cannot tell which key typed it (see [`Key::latin`]).
pub fn to_latin(c: char) -> Option<char> {
    let lower = c.to_lowercase().next()?;
    let (_, latin) = RUSSIAN.iter().find(|(ru, _)| *ru == lower)?;
    if c != lower && latin.is_ascii_alphabetic() {
        Some(latin.to_ascii_uppercase())
    } else if c != lower {
        // Shifted punctuation keys (Х, Ъ, Ж, Э, Б, Ю, Ё) give other symbols on the Latin
        // layout; bindings do not use those, so they are not mapped.
        None
    } else {
        Some(*latin)
    }
}

/// Reads one key as a keymap file writes it.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let mut key = Key::char(' ');
    let mut rest = text;
    loop {
        if let Some(after) = rest.strip_prefix("ctrl-") {
            key.ctrl = true;
            rest = after;
        } else if let Some(after) = rest.strip_prefix("alt-") {
            key.alt = true;
            rest = after;
        } else {
            break;
        }
    }
    key.code = code(rest).ok_or_else(|| format!("`{text}` is not a key"))?;
    Ok(key)
}

fn code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let named = match name {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" => KeyCode::Delete,
        "insert" => KeyCode::Insert,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "space" => KeyCode::Char(' '),
        _ => return function_key(name),
    };
    Some(named)
}

fn function_key(name: &str) -> Option<KeyCode> {
    let n: u8 = name.strip_prefix('f')?.parse().ok()?;
    (1..=12).contains(&n).then_some(KeyCode::F(n))
}

/// A key as the footer and help show it: `j`, `Ctrl-d`, `F2`, `Enter`.
pub fn display(key: &Key) -> String {
    let mut out = String::new();
    if key.ctrl {
        out.push_str("Ctrl-");
    }
    if key.alt {
        out.push_str("Alt-");
    }
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::BackTab => "Shift-Tab".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        other => format!("{other:?}"),
    };
    out.push_str(&name);
    out
}
