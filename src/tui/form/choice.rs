//! The values of the enumeration fields and the keys that pick them: a digit in either
//! language, and a letter of the label as the operator reads it, which works on either
//! keyboard layout (the Russian letter and the Latin one on the same key are one key).

use crate::domain::labels::Labelled;
use crate::domain::model::{Affiliation, Channel, Form, Method, ReplyMethod};
use crate::domain::validate::Field;
use crate::i18n::Lang;
use crate::tui::keys::to_latin;

/// One value a choice field can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// What the form holds and the server reads.
    pub code: &'static str,
    en: &'static str,
    ru: &'static str,
    key_en: char,
    key_ru: char,
}

impl Choice {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ru => self.ru,
        }
    }

    /// The letter of the label that picks this value.
    pub fn key(&self, lang: Lang) -> char {
        match lang {
            Lang::En => self.key_en,
            Lang::Ru => self.key_ru,
        }
    }
}

/// Keys of each enumeration in the order of its values: a letter of the English label, then
/// one of the Russian label, each unique within the field by its place on the keyboard.
const AFFILIATION: [(char, char); 3] = [('i', 'ф'), ('l', 'ю'), ('s', 'г')];
const METHOD: [(char, char); 3] = [('w', 'п'), ('o', 'у'), ('e', 'э')];
const CHANNEL: [(char, char); 9] = [
    ('p', 'п'),
    ('i', 'л'),
    ('h', 'т'),
    ('e', 'э'),
    ('w', 'в'),
    ('s', 'с'),
    ('d', 'д'),
    ('a', 'р'),
    ('o', 'г'),
];
const FORM: [(char, char); 6] = [
    ('r', 'з'),
    ('p', 'п'),
    ('f', 'о'),
    ('m', 'с'),
    ('c', 'ж'),
    ('a', 'я'),
];
const REPLY_METHOD: [(char, char); 6] = [
    ('t', 'п'),
    ('p', 'ч'),
    ('e', 'э'),
    ('i', 'л'),
    ('d', 'д'),
    ('a', 'т'),
];

fn of<T: Labelled>(keys: &[(char, char)]) -> Vec<Choice> {
    T::VALUES
        .iter()
        .zip(keys)
        .map(|(value, &(key_en, key_ru))| Choice {
            code: value.code(),
            en: value.label_en(),
            ru: value.label_ru(),
            key_en,
            key_ru,
        })
        .collect()
}

/// The values of a choice field, in display order; none for other fields.
pub fn choices(field: Field) -> Vec<Choice> {
    match field {
        Field::Affiliation => of::<Affiliation>(&AFFILIATION),
        Field::Method => of::<Method>(&METHOD),
        Field::Channel => of::<Channel>(&CHANNEL),
        Field::Form => of::<Form>(&FORM),
        Field::ReplyMethod => of::<ReplyMethod>(&REPLY_METHOD),
        _ => Vec::new(),
    }
}

/// The value a typed character picks: its digit (from 1), or its letter on either layout.
pub fn by_key(choices: &[Choice], typed: char, lang: Lang) -> Option<usize> {
    if let Some(digit) = typed.to_digit(10) {
        let index = usize::try_from(digit).ok()?.checked_sub(1)?;
        return (index < choices.len()).then_some(index);
    }
    let pressed = place(typed);
    choices.iter().position(|c| place(c.key(lang)) == pressed)
}

/// The key a character is typed with, as its lower-case Latin character.
pub fn place(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    to_latin(lower).unwrap_or(lower)
}

/// The value the form's text names: its code or either label, in any case.
pub fn position(choices: &[Choice], text: &str) -> Option<usize> {
    let wanted = text.trim().to_lowercase();
    choices.iter().position(|c| {
        c.code == wanted || c.en.to_lowercase() == wanted || c.ru.to_lowercase() == wanted
    })
}

/// Where the key letter sits in the label, in characters, to mark it there.
pub fn key_at(choice: &Choice, lang: Lang) -> Option<usize> {
    let key = choice.key(lang);
    choice
        .label(lang)
        .chars()
        .position(|c| c.to_lowercase().next() == Some(key))
}
