//! Key layouts. Integers are big-endian so that sled's byte order is numeric order; text
//! parts end with a 0 byte so that one login or word is never the prefix of another's keys.

use chrono::{Datelike, NaiveDate};

use crate::domain::draft::DraftSlot;
use crate::domain::model::{AppealId, RegNumber};

/// Index families, each a one-byte prefix in the index tree.
pub mod family {
    /// stage, term, id: every appeal by its stage (status, with signed replies apart).
    pub const STAGE: u8 = b'S';
    /// term, id: open appeals by term, for overdue and due-soon scans.
    pub const TERM: u8 = b'T';
    /// executor, 0, list, term (except in `ALL`), id: the lists of each executor
    /// (see `index::list`).
    pub const EXECUTOR: u8 = b'E';
    /// resolver, 0, term, id: replies awaiting the signature of the resolution's author.
    pub const SIGNATURE: u8 = b'G';
    /// number text, 0, id.
    pub const NUMBER: u8 = b'N';
    /// normalised applicant, 0, id.
    pub const APPLICANT: u8 = b'A';
    /// IIN/BIN, 0, id.
    pub const IIN_BIN: u8 = b'I';
    /// word of the applicant or summary, 0, id: search.
    pub const WORD: u8 = b'W';
    /// list, term, id, term: the lists with no term order in a family of their own (every
    /// appeal, an executor's all) by term. The lists are `index::List`.
    pub const BY_TERM: u8 = b't';
    /// list, received date, id, term: every list by received date.
    pub const BY_RECEIVED: u8 = b'r';
    /// list, year, sequence, id, term: every list by registration number.
    pub const BY_NUMBER: u8 = b'n';
}

pub fn appeal(id: AppealId) -> [u8; 8] {
    id.to_be_bytes()
}

pub fn history(id: AppealId, seq: u32) -> [u8; 12] {
    let mut key = [0u8; 12];
    key[..8].copy_from_slice(&id.to_be_bytes());
    key[8..].copy_from_slice(&seq.to_be_bytes());
    key
}

/// Splits a history key into appeal id and position.
pub fn parse_history(key: &[u8]) -> Option<(AppealId, u32)> {
    let id = u64::from_be_bytes(key.get(..8)?.try_into().ok()?);
    let seq = u32::from_be_bytes(key.get(8..12)?.try_into().ok()?);
    (key.len() == 12).then_some((id, seq))
}

/// Days since the common era: a date as a sortable integer.
pub fn day(date: NaiveDate) -> [u8; 4] {
    // Dates of appeals are after year 1, so the day number is positive.
    u32::try_from(date.num_days_from_ce())
        .unwrap_or(0)
        .to_be_bytes()
}

pub fn date_of(bytes: &[u8]) -> Option<NaiveDate> {
    let days = u32::from_be_bytes(bytes.try_into().ok()?);
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)
}

/// Key builder: `Key::new(family).text(login).day(term).id(id)`.
pub struct Key(Vec<u8>);

impl Key {
    pub fn new(family: u8) -> Key {
        Key(vec![family])
    }

    pub fn byte(mut self, b: u8) -> Key {
        self.0.push(b);
        self
    }

    pub fn text(mut self, text: &str) -> Key {
        self.0.extend_from_slice(text.as_bytes());
        self.0.push(0);
        self
    }

    pub fn day(mut self, date: NaiveDate) -> Key {
        self.0.extend_from_slice(&day(date));
        self
    }

    /// The year and the sequence, so that byte order is the order of numbers.
    pub fn number(mut self, number: RegNumber) -> Key {
        // Years of appeals are after year 1, so the year is positive.
        let year = u32::try_from(number.year).unwrap_or(0);
        self.0.extend_from_slice(&year.to_be_bytes());
        self.0.extend_from_slice(&number.seq.to_be_bytes());
        self
    }

    /// Appends raw bytes: the name of a list inside a key of another family.
    pub fn bytes(mut self, bytes: &[u8]) -> Key {
        self.0.extend_from_slice(bytes);
        self
    }

    /// Continues a key whose start was built before.
    pub fn continuing(start: Vec<u8>) -> Key {
        Key(start)
    }

    pub fn id(mut self, id: AppealId) -> Key {
        self.0.extend_from_slice(&id.to_be_bytes());
        self
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

/// The appeal id that ends every index key.
pub fn trailing_id(key: &[u8]) -> Option<AppealId> {
    let start = key.len().checked_sub(8)?;
    Some(u64::from_be_bytes(key[start..].try_into().ok()?))
}

/// The term that precedes the id at the end of a term-ordered key.
pub fn trailing_term(key: &[u8]) -> Option<NaiveDate> {
    let end = key.len().checked_sub(8)?;
    date_of(key.get(end.checked_sub(4)?..end)?)
}

/// The slot part of a draft key: `N` for a new appeal, `E` and the number for an edit.
const DRAFT_NEW: u8 = b'N';
const DRAFT_EDIT: u8 = b'E';

/// A draft: owner, 0, slot. The owner comes first so that one scan finds a user's drafts.
pub fn draft(owner: &str, slot: &DraftSlot) -> Vec<u8> {
    let mut key = drafts_of(owner);
    match slot {
        DraftSlot::New => key.push(DRAFT_NEW),
        DraftSlot::Edit { number } => {
            key.push(DRAFT_EDIT);
            key.extend_from_slice(number.as_bytes());
        }
    }
    key
}

/// The prefix of every draft of one owner.
pub fn drafts_of(owner: &str) -> Vec<u8> {
    Key(Vec::new()).text(owner).into_bytes()
}

/// Splits a draft key into owner and slot.
pub fn parse_draft(key: &[u8]) -> Option<(String, DraftSlot)> {
    let end = key.iter().position(|&b| b == 0)?;
    let owner = std::str::from_utf8(&key[..end]).ok()?.to_string();
    let slot = match key.get(end + 1..)? {
        [DRAFT_NEW] => DraftSlot::New,
        [DRAFT_EDIT, number @ ..] if !number.is_empty() => DraftSlot::Edit {
            number: std::str::from_utf8(number).ok()?.to_string(),
        },
        _ => return None,
    };
    Some((owner, slot))
}

/// The appeal id and the term that end a key of the `BY_*` families (id, then term).
pub fn twin_tail(key: &[u8]) -> Option<(AppealId, NaiveDate)> {
    let term_at = key.len().checked_sub(4)?;
    let id_at = term_at.checked_sub(8)?;
    let id = u64::from_be_bytes(key[id_at..term_at].try_into().ok()?);
    Some((id, date_of(&key[term_at..])?))
}

/// Meta keys.
pub mod meta {
    pub const NEXT_ID: &[u8] = b"next_id";
    pub const SCHEMA: &[u8] = b"schema";

    /// The last sequence number given in a year.
    pub fn seq(year: i32) -> Vec<u8> {
        let mut key = b"seq/".to_vec();
        key.extend_from_slice(&year.to_be_bytes());
        key
    }

    /// How many index entries share a group (an index key without its id).
    pub fn group(group: &[u8]) -> Vec<u8> {
        [b"g/".as_slice(), group].concat()
    }

    /// How many appeals are at one stage.
    pub fn count(stage: u8) -> Vec<u8> {
        vec![b'c', b'/', stage]
    }
}
