//! Index entries as a function of the record: what the indexes must hold for one appeal.
//! Writes replace the old appeal's entries with the new one's; the check recomputes them.

use std::collections::BTreeSet;

use super::keys::{Key, family};
use crate::domain::model::{Appeal, Status};
use crate::domain::queue;
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

/// The index entries of one appeal. Every index entry carries all it says in its key; the
/// value is empty.
pub fn entries(appeal: &Appeal) -> BTreeSet<Vec<u8>> {
    let mut out = BTreeSet::new();
    let (id, term) = (appeal.id, appeal.term);
    let mut put = |key: Key| {
        out.insert(key.into_bytes());
    };
    put(Key::new(family::STAGE).byte(stage(appeal)).day(term).id(id));
    if appeal.status.is_open() {
        put(Key::new(family::TERM).day(term).id(id));
    }
    if queue::awaiting_signature(appeal)
        && let Some(resolution) = &appeal.resolution
    {
        put(Key::new(family::SIGNATURE)
            .text(&resolution.by)
            .day(term)
            .id(id));
    }
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
    executor_entries(appeal, &mut out);
    out
}

fn executor_entries(appeal: &Appeal, out: &mut BTreeSet<Vec<u8>>) {
    let Some(resolution) = &appeal.resolution else {
        return;
    };
    let open = appeal.status.is_open();
    for (place, login) in resolution.executors.iter().enumerate() {
        let lead = place == 0;
        let mut put = |list: u8, by_term: bool| {
            let key = Key::new(family::EXECUTOR).text(login).byte(list);
            let key = if by_term { key.day(appeal.term) } else { key };
            out.insert(key.id(appeal.id).into_bytes());
        };
        put(list::ALL, false);
        if open {
            put(list::OPEN, true);
        }
        if queue::waiting_on(appeal, login) {
            put(list::MINE, true);
        }
        if !lead && open {
            put(list::CO, true);
        }
        if lead && appeal.status == Status::Returned {
            put(list::RETURNED, true);
        }
    }
}
