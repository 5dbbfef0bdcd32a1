//! Index entries as a function of the record: what the indexes must hold for one appeal.
//! Writes replace the old appeal's entries with the new one's; the check recomputes them.
//! The queues are read from lists (`List`), each kept in the three orders of `Sort`.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::keys::{self, Key, family};
use crate::domain::model::{Appeal, AppealId, Status};
use crate::domain::queue::{self, Sort};
use crate::domain::text::{normalize_name, words};

/// A stage is the status, with signed replies awaiting dispatch apart from those awaiting
/// signature, so both queues can be read from one family.
pub const STAGE_SIGNED: u8 = 8;

pub fn stage(appeal: &Appeal) -> u8 {
    if appeal.status == Status::Signing && !queue::awaiting_signature(appeal) {
        STAGE_SIGNED
    } else {
        appeal.status.byte()
    }
}

/// Every stage, for counters.
pub fn stages() -> impl Iterator<Item = u8> {
    Status::ALL.iter().map(|s| s.byte()).chain([STAGE_SIGNED])
}

/// The lists of one executor, each a sub-family of the executor index: keys are
/// executor, 0, list, then term and id (or the id alone for `ALL`).
pub mod list {
    /// Every appeal the executor is named in, by id.
    pub const ALL: u8 = b'a';
    /// Open appeals, by term: overdue and due-soon scans.
    pub const OPEN: u8 = b'o';
    /// Where the next step is theirs.
    pub const MINE: u8 = b'm';
    /// Open appeals where they are a co-executor.
    pub const CO: u8 = b'c';
    /// Returned appeals where they are the lead.
    pub const RETURNED: u8 = b'r';
}

/// Families whose entries are also counted per group (the key without its trailing id), so
/// that counts of ranges read a few hundred counters instead of every entry.
const COUNTED: [u8; 3] = [family::TERM, family::EXECUTOR, family::SIGNATURE];

/// The group an index key is counted in, if its family is counted.
pub fn group(key: &[u8]) -> Option<&[u8]> {
    let family = *key.first()?;
    (COUNTED.contains(&family) && key.len() > 8).then(|| &key[..key.len() - 8])
}

/// A list of appeals the queues are read from. Each list is kept in every order of
/// `Sort`: by term in its own family (all but two, see `List::by_term`), and by received date
/// and by number in the `BY_*` families, whose keys are the family byte, the list's name
/// (the prefix of its own family), the sort key, the id and the term. The id before the
/// term breaks ties by id; the term at the end lets an overdue scan in another order skip
/// appeals whose term has not passed without reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List<'a> {
    /// Every appeal: the All queue of those who see all.
    Every,
    /// The appeals at one stage.
    Stage(u8),
    /// Open appeals: overdue scans.
    Open,
    /// One list of one executor (see `list`).
    Executor(&'a str, u8),
    /// Replies awaiting the signature of the resolution's author.
    Signature(&'a str),
}

/// The name of `List::Every` in keys: a byte no family of its own uses.
const EVERY: u8 = b'*';

/// How the keys of a list in one order end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Term, then id: the lists' own families.
    Term,
    /// Sort key, id, then term: the `BY_*` families.
    Twin,
}

impl List<'_> {
    /// The list's name: the prefix of its keys in its own family.
    pub fn name(self) -> Vec<u8> {
        let key = match self {
            List::Every => Key::new(EVERY),
            List::Stage(stage) => Key::new(family::STAGE).byte(stage),
            List::Open => Key::new(family::TERM),
            List::Executor(login, list) => Key::new(family::EXECUTOR).text(login).byte(list),
            List::Signature(resolver) => Key::new(family::SIGNATURE).text(resolver),
        };
        key.into_bytes()
    }

    /// Whether the list's own family is in term order; every appeal has no family of its
    /// own, and an executor's all is by id.
    fn by_term(self) -> bool {
        !matches!(self, List::Every | List::Executor(_, list::ALL))
    }

    /// Where the list's keys in one order start, and how they end.
    pub fn prefix(self, sort: Sort) -> (Vec<u8>, Layout) {
        let name = self.name();
        let family = match sort {
            Sort::Term if self.by_term() => return (name, Layout::Term),
            Sort::Term => family::BY_TERM,
            Sort::Received => family::BY_RECEIVED,
            Sort::Number => family::BY_NUMBER,
        };
        (Key::new(family).bytes(&name).into_bytes(), Layout::Twin)
    }

    /// The keys that put one appeal on this list, in every order.
    fn keys(self, appeal: &Appeal, out: &mut BTreeSet<Vec<u8>>) {
        let (id, term) = (appeal.id, appeal.term);
        let name = self.name();
        let own = Key::continuing(name.clone());
        let mut put = |key: Key| {
            out.insert(key.into_bytes());
        };
        match self {
            List::Every => {}
            List::Executor(_, list::ALL) => put(own.id(id)),
            _ => put(own.day(term).id(id)),
        }
        let twin = |family: u8| Key::new(family).bytes(&name);
        if !self.by_term() {
            put(twin(family::BY_TERM).day(term).id(id).day(term));
        }
        put(twin(family::BY_RECEIVED)
            .day(appeal.reg.received_date)
            .id(id)
            .day(term));
        put(twin(family::BY_NUMBER)
            .number(appeal.number)
            .id(id)
            .day(term));
    }
}

impl Layout {
    /// The id and the term a key of this layout ends with.
    pub fn tail(self, key: &[u8]) -> Option<(AppealId, NaiveDate)> {
        match self {
            Layout::Term => Some((keys::trailing_id(key)?, keys::trailing_term(key)?)),
            Layout::Twin => keys::twin_tail(key),
        }
    }
}

/// Every list an appeal is on.
fn lists(appeal: &Appeal) -> Vec<List<'_>> {
    let mut lists = vec![List::Every, List::Stage(stage(appeal))];
    if appeal.status.is_open() {
        lists.push(List::Open);
    }
    if queue::awaiting_signature(appeal)
        && let Some(resolution) = &appeal.resolution
    {
        lists.push(List::Signature(&resolution.by));
    }
    executor_lists(appeal, &mut lists);
    lists
}

fn executor_lists<'a>(appeal: &'a Appeal, lists: &mut Vec<List<'a>>) {
    let Some(resolution) = &appeal.resolution else {
        return;
    };
    let open = appeal.status.is_open();
    for (place, login) in resolution.executors.iter().enumerate() {
        let lead = place == 0;
        let mut on = |list: u8, when: bool| {
            if when {
                lists.push(List::Executor(login, list));
            }
        };
        on(list::ALL, true);
        on(list::OPEN, open);
        on(list::MINE, queue::waiting_on(appeal, login));
        on(list::CO, !lead && open);
        on(list::RETURNED, lead && appeal.status == Status::Returned);
    }
}

/// The index entries of one appeal: its lists in every order, and its search keys. Every
/// index entry carries all it says in its key; the value is empty.
pub fn entries(appeal: &Appeal) -> BTreeSet<Vec<u8>> {
    let mut out = BTreeSet::new();
    for list in lists(appeal) {
        list.keys(appeal, &mut out);
    }
    let id = appeal.id;
    let mut put = |key: Key| {
        out.insert(key.into_bytes());
    };
    put(Key::new(family::NUMBER).text(&appeal.number_text).id(id));
    put(Key::new(family::APPLICANT)
        .text(&normalize_name(&appeal.reg.applicant))
        .id(id));
    if !appeal.reg.iin_bin.is_empty() {
        put(Key::new(family::IIN_BIN).text(&appeal.reg.iin_bin).id(id));
    }
    let text = format!("{} {}", appeal.reg.applicant, appeal.reg.summary);
    for word in words(&text) {
        put(Key::new(family::WORD).text(&word).id(id));
    }
    out
}

/// Whether a key belongs to the lists in received and number order (and the two lists in
/// term order) that database version 2 added; a version 1 database gets them built.
pub fn is_twin(key: &[u8]) -> bool {
    matches!(
        key.first(),
        Some(&(family::BY_TERM | family::BY_RECEIVED | family::BY_NUMBER))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::codec::{self, Kind};

    /// The golden appeal of `tests/fixtures`: signed and awaiting dispatch, resolved by
    /// `boss` for `lead` and co-executor `co1`.
    fn golden() -> Appeal {
        let bytes = include_bytes!("../../tests/fixtures/v1/appeal.bin");
        codec::decode(Kind::Appeal, "appeals", b"golden", bytes).expect("the fixture decodes")
    }

    fn lists_of_version_1(key: &[u8]) -> bool {
        let v1 = [
            family::STAGE,
            family::TERM,
            family::EXECUTOR,
            family::SIGNATURE,
        ];
        key.first().is_some_and(|f| v1.contains(f))
    }

    #[test]
    fn the_lists_of_version_1_keep_their_keys() {
        let appeal = golden();
        let (id, term) = (appeal.id, appeal.term);
        let executor = |login: &str, list: u8| Key::new(family::EXECUTOR).text(login).byte(list);
        let expected: BTreeSet<Vec<u8>> = [
            Key::new(family::STAGE).byte(STAGE_SIGNED).day(term).id(id),
            Key::new(family::TERM).day(term).id(id),
            executor("lead", list::ALL).id(id),
            executor("lead", list::OPEN).day(term).id(id),
            executor("lead", list::MINE).day(term).id(id),
            executor("co1", list::ALL).id(id),
            executor("co1", list::OPEN).day(term).id(id),
            executor("co1", list::CO).day(term).id(id),
        ]
        .into_iter()
        .map(Key::into_bytes)
        .collect();
        let found: BTreeSet<Vec<u8>> = entries(&appeal)
            .into_iter()
            .filter(|k| lists_of_version_1(k))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn every_list_is_kept_by_received_date_and_by_number() {
        let appeal = golden();
        let twins: Vec<Vec<u8>> = entries(&appeal)
            .into_iter()
            .filter(|k| is_twin(k))
            .collect();
        // Nine lists (every, stage, open, three of each executor) in two orders, plus the
        // three lists with no term order of their own by term.
        assert_eq!(twins.len(), 9 * 2 + 3);
        let stage = List::Stage(STAGE_SIGNED).name();
        let by_received = Key::new(family::BY_RECEIVED)
            .bytes(&stage)
            .day(appeal.reg.received_date)
            .id(appeal.id)
            .day(appeal.term)
            .into_bytes();
        assert!(twins.contains(&by_received));
        let (prefix, layout) = List::Stage(STAGE_SIGNED).prefix(Sort::Received);
        assert!(by_received.starts_with(&prefix));
        assert_eq!(layout.tail(&by_received), Some((appeal.id, appeal.term)));
    }

    #[test]
    fn number_keys_sort_by_year_then_sequence() {
        let key = |year, seq| {
            Key::new(family::BY_NUMBER)
                .number(crate::domain::model::RegNumber { year, seq })
                .into_bytes()
        };
        assert!(key(2025, 99_999) < key(2026, 1));
        assert!(key(2026, 9) < key(2026, 10));
        assert!(key(2026, 99_999) < key(2026, 100_000));
    }
}
