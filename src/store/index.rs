//! Index entries as a function of the record: what the indexes must hold for one appeal.
//! Writes replace the old appeal's entries with the new one's; the check recomputes them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::codec::{self, Kind};
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

/// What the executor index keeps beside each key, so work lists need not load appeals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExecEntry {
    pub lead: bool,
    pub status: Status,
    /// The next step is this executor's.
    pub my_turn: bool,
}

/// The index entries of one appeal, key to value.
pub fn entries(appeal: &Appeal) -> BTreeMap<Vec<u8>, Vec<u8>> {
    let mut out = BTreeMap::new();
    let (id, term) = (appeal.id, appeal.term);
    let mut put = |key: Key| {
        out.insert(key.into_bytes(), Vec::new());
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

fn executor_entries(appeal: &Appeal, out: &mut BTreeMap<Vec<u8>, Vec<u8>>) {
    let Some(resolution) = &appeal.resolution else {
        return;
    };
    for (place, login) in resolution.executors.iter().enumerate() {
        let entry = ExecEntry {
            lead: place == 0,
            status: appeal.status,
            my_turn: queue::waiting_on(appeal, login),
        };
        let key = Key::new(family::EXECUTOR)
            .text(login)
            .day(appeal.term)
            .id(appeal.id);
        out.insert(key.into_bytes(), codec::encode(Kind::ExecEntry, &entry));
    }
}
