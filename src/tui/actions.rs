//! The one table of the screen's actions: each declared once with its name, the screens it
//! works on and a description in both languages. Keymap parsing, the help overlay and the
//! footer all read this table, so they can never disagree.

use serde::{Deserialize, Serialize};

/// Where an action applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Context {
    /// Everywhere outside text fields.
    Global,
    /// Moving around: in the table and on the card alike.
    Browse,
    /// The queues and the table.
    Table,
    /// The appeal card.
    Card,
    /// The registration form.
    Form,
}

impl Context {
    /// Two contexts overlap when one key bound in both would be ambiguous.
    pub fn overlaps(self, other: Context) -> bool {
        let browsing = |c: Context| matches!(c, Context::Table | Context::Card);
        self == other
            || self == Context::Global
            || other == Context::Global
            || (self == Context::Browse && browsing(other))
            || (other == Context::Browse && browsing(self))
    }
}

/// Something the user can do with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Action {
    Quit,
    Cancel,
    Help,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextQueue,
    PrevQueue,
    Open,
    Filter,
    Sort,
    NewAppeal,
    Edit,
    NextField,
    PrevField,
    Save,
    Today,
    Yesterday,
    LinkEarlier,
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct ActionInfo {
    pub action: Action,
    /// The name used in keymap files.
    pub name: &'static str,
    pub context: Context,
    pub en: &'static str,
    pub ru: &'static str,
    /// A word or two for the footer.
    pub hint_en: &'static str,
    pub hint_ru: &'static str,
}

const fn row(
    action: Action,
    name: &'static str,
    context: Context,
    (en, hint_en): (&'static str, &'static str),
    (ru, hint_ru): (&'static str, &'static str),
) -> ActionInfo {
    ActionInfo {
        action,
        name,
        context,
        en,
        ru,
        hint_en,
        hint_ru,
    }
}

use Context::{Browse, Card, Form, Global, Table};

/// Every action, in the order the help overlay lists them.
#[rustfmt::skip] // one row per action: it is read as a table
pub const ACTIONS: &[ActionInfo] = &[
    row(Action::Quit,        "quit",         Global, ("Quit", "quit"), ("Выход", "выход")),
    row(Action::Cancel,      "cancel",       Global, ("Cancel, close", "back"), ("Отмена, закрыть", "назад")),
    row(Action::Help,        "help",         Global, ("Keys of this screen", "help"), ("Клавиши этого экрана", "справка")),
    row(Action::Up,          "up",           Browse, ("Previous row", "up"), ("Предыдущая строка", "вверх")),
    row(Action::Down,        "down",         Browse, ("Next row", "down"), ("Следующая строка", "вниз")),
    row(Action::PageUp,      "page-up",      Browse, ("Page up", "page up"), ("Страница вверх", "стр. вверх")),
    row(Action::PageDown,    "page-down",    Browse, ("Page down", "page down"), ("Страница вниз", "стр. вниз")),
    row(Action::Top,         "top",          Browse, ("First row", "first"), ("Первая строка", "в начало")),
    row(Action::Bottom,      "bottom",       Browse, ("Last row", "last"), ("Последняя строка", "в конец")),
    row(Action::NextQueue,   "next-queue",   Table,  ("Next queue", "queue"), ("Следующая очередь", "очередь")),
    row(Action::PrevQueue,   "prev-queue",   Table,  ("Previous queue", "queue back"), ("Предыдущая очередь", "очередь назад")),
    row(Action::Open,        "open",         Table,  ("Open the appeal card", "card"), ("Открыть карточку обращения", "карточка")),
    row(Action::Filter,      "filter",       Table,  ("Filter the queue as you type", "filter"), ("Фильтр очереди", "фильтр")),
    row(Action::Sort,        "sort",         Table,  ("Sort by term, received, number", "sort"), ("Сортировка: срок, дата поступления, номер", "сортировка")),
    row(Action::NewAppeal,   "new-appeal",   Table,  ("Register a new appeal", "new"), ("Зарегистрировать обращение", "новое")),
    row(Action::Edit,        "edit",         Card,   ("Edit the registration", "edit"), ("Изменить регистрационные данные", "изменить")),
    row(Action::NextField,   "next-field",   Form,   ("Next field", "next field"), ("Следующее поле", "след. поле")),
    row(Action::PrevField,   "prev-field",   Form,   ("Previous field", "prev. field"), ("Предыдущее поле", "пред. поле")),
    row(Action::Save,        "save",         Form,   ("Save", "save"), ("Сохранить", "сохранить")),
    row(Action::Today,       "today",        Form,   ("Date: today", "today"), ("Дата: сегодня", "сегодня")),
    row(Action::Yesterday,   "yesterday",    Form,   ("Date: yesterday", "yesterday"), ("Дата: вчера", "вчера")),
    row(Action::LinkEarlier, "link-earlier", Form,   ("Link the earlier appeal", "link"), ("Связать с предыдущим обращением", "связать")),
];

/// The row of an action.
pub fn info(action: Action) -> &'static ActionInfo {
    ACTIONS
        .iter()
        .find(|i| i.action == action)
        .expect("ACTIONS has a row for every Action (tested)")
}

/// The action a keymap file names, if any.
pub fn by_name(name: &str) -> Option<&'static ActionInfo> {
    ACTIONS.iter().find(|i| i.name == name)
}
