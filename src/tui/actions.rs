//! The one table of the screen's actions: each declared once with its name, the screens it
//! works on and a description in both languages. Keymap parsing, the help overlay and the
//! footer all read this table, so they can never disagree.

use serde::{Deserialize, Serialize};

/// Where an action applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Context {
    /// Everywhere outside text fields.
    Global,
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
        self == other || self == Context::Global || other == Context::Global
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
}

const fn row(
    action: Action,
    name: &'static str,
    context: Context,
    en: &'static str,
    ru: &'static str,
) -> ActionInfo {
    ActionInfo {
        action,
        name,
        context,
        en,
        ru,
    }
}

use Context::{Card, Form, Global, Table};

/// Every action, in the order the help overlay lists them.
#[rustfmt::skip] // one row per action: it is read as a table
pub const ACTIONS: &[ActionInfo] = &[
    row(Action::Quit,        "quit",         Global, "Quit",                         "Выход"),
    row(Action::Cancel,      "cancel",       Global, "Cancel, close",                "Отмена, закрыть"),
    row(Action::Help,        "help",         Global, "Keys of this screen",          "Клавиши этого экрана"),
    row(Action::Up,          "up",           Table,  "Previous row",                 "Предыдущая строка"),
    row(Action::Down,        "down",         Table,  "Next row",                     "Следующая строка"),
    row(Action::PageUp,      "page-up",      Table,  "Page up",                      "Страница вверх"),
    row(Action::PageDown,    "page-down",    Table,  "Page down",                    "Страница вниз"),
    row(Action::Top,         "top",          Table,  "First row",                    "Первая строка"),
    row(Action::Bottom,      "bottom",       Table,  "Last row",                     "Последняя строка"),
    row(Action::NextQueue,   "next-queue",   Table,  "Next queue",                   "Следующая очередь"),
    row(Action::PrevQueue,   "prev-queue",   Table,  "Previous queue",               "Предыдущая очередь"),
    row(Action::Open,        "open",         Table,  "Open the appeal card",         "Открыть карточку обращения"),
    row(Action::Filter,      "filter",       Table,  "Filter the queue as you type", "Фильтр очереди"),
    row(Action::Sort,        "sort",         Table,  "Sort by term, received, number", "Сортировка: срок, дата поступления, номер"),
    row(Action::NewAppeal,   "new-appeal",   Table,  "Register a new appeal",        "Зарегистрировать обращение"),
    row(Action::Edit,        "edit",         Card,   "Edit the registration",        "Изменить регистрационные данные"),
    row(Action::NextField,   "next-field",   Form,   "Next field",                   "Следующее поле"),
    row(Action::PrevField,   "prev-field",   Form,   "Previous field",               "Предыдущее поле"),
    row(Action::Save,        "save",         Form,   "Save",                         "Сохранить"),
    row(Action::Today,       "today",        Form,   "Date: today",                  "Дата: сегодня"),
    row(Action::Yesterday,   "yesterday",    Form,   "Date: yesterday",              "Дата: вчера"),
    row(Action::LinkEarlier, "link-earlier", Form,   "Link the earlier appeal",      "Связать с предыдущим обращением"),
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
