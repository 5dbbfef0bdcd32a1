//! Reads besides the queues (see `listing`): lookups by number, applicant and words, open
//! terms of an executor, counts of stages. No query here reads every appeal.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::codec;
use super::index;
use super::keys::{self, Key, family, meta};
use super::write::read_counter;
use super::{Store, StoreError};
use crate::domain::model::{Appeal, AppealId};
use crate::domain::text::{normalize_name, query_words};

/// Shortest query matched as the start of a registration number.
const NUMBER_PREFIX_MIN: usize = 4;

impl Store {
    /// Open appeals of one executor whose term is at most `until`, by term.
    pub fn open_until(&self, login: &str, until: NaiveDate) -> Result<Vec<AppealId>, StoreError> {
        let start = Key::new(family::EXECUTOR)
            .text(login)
            .byte(index::list::OPEN)
            .into_bytes();
        let end = Key::new(family::EXECUTOR)
            .text(login)
            .byte(index::list::OPEN);
        let end = end.day(until).id(u64::MAX).into_bytes();
        self.index
            .range(start..=end)
            .keys()
            .map(|k| id_of(&k?))
            .collect()
    }

    /// How many appeals exist.
    pub fn total(&self) -> Result<u64, StoreError> {
        Ok(self.stage_counts()?.iter().map(|(_, n)| n).sum())
    }

    /// The counters of every stage, as stored.
    pub fn stage_counts(&self) -> Result<Vec<(u8, u64)>, StoreError> {
        index::stages()
            .map(|s| Ok((s, read_counter(&self.meta, &meta::count(s))?)))
            .collect()
    }

    pub fn load_many(&self, ids: &[AppealId]) -> Result<Vec<Appeal>, StoreError> {
        ids.iter()
            .map(|id| self.get(*id)?.ok_or(StoreError::NotFound(*id)))
            .collect()
    }

    /// The appeal registered under exactly this number text.
    pub fn by_number(&self, number: &str) -> Result<Option<AppealId>, StoreError> {
        let prefix = Key::new(family::NUMBER).text(number.trim()).into_bytes();
        match self.index.scan_prefix(&prefix).keys().next() {
            Some(key) => Ok(Some(id_of(&key?)?)),
            None => Ok(None),
        }
    }

    /// Earlier appeals of the same applicant: the same normalised name or IIN/BIN.
    pub fn same_applicant(&self, name: &str, iin_bin: &str) -> Result<Vec<AppealId>, StoreError> {
        let mut ids = BTreeSet::new();
        let by_name = Key::new(family::APPLICANT)
            .text(&normalize_name(name))
            .into_bytes();
        for key in self.index.scan_prefix(&by_name).keys() {
            ids.insert(id_of(&key?)?);
        }
        if !iin_bin.trim().is_empty() {
            let by_iin = Key::new(family::IIN_BIN).text(iin_bin.trim()).into_bytes();
            for key in self.index.scan_prefix(&by_iin).keys() {
                ids.insert(id_of(&key?)?);
            }
        }
        Ok(ids.into_iter().collect())
    }

    /// Appeals whose normalised applicant name starts with that of `name`, in name order, at
    /// most `limit`: the registration form offers `Иванов Иван Иванович` while `Иванов` is
    /// being typed. One range of the name index, so the cost is the `limit`, not the registry.
    pub fn applicant_prefix(&self, name: &str, limit: usize) -> Result<Vec<AppealId>, StoreError> {
        let prefix = [vec![family::APPLICANT], normalize_name(name).into_bytes()].concat();
        self.index
            .scan_prefix(&prefix)
            .keys()
            .take(limit)
            .map(|k| id_of(&k?))
            .collect()
    }

    /// Appeals whose applicant or summary has a word starting with each word of the query,
    /// plus those whose number starts with the query; newest first.
    pub fn search(&self, query: &str) -> Result<Vec<AppealId>, StoreError> {
        let mut found: Option<BTreeSet<AppealId>> = None;
        for word in query_words(query) {
            let ids = self.word_prefix(&word)?;
            found = Some(match found {
                Some(before) => before.intersection(&ids).copied().collect(),
                None => ids,
            });
        }
        let mut ids = found.unwrap_or_default();
        // A number typed in part matches as a prefix once it is long enough to mean one
        // (`2026-001`); a short query is a sequence number, which the service resolves.
        if query.trim().chars().count() >= NUMBER_PREFIX_MIN {
            let by_number = [vec![family::NUMBER], query.trim().as_bytes().to_vec()].concat();
            for key in self.index.scan_prefix(&by_number).keys() {
                ids.insert(id_of(&key?)?);
            }
        }
        Ok(ids.into_iter().rev().collect())
    }

    fn word_prefix(&self, word: &str) -> Result<BTreeSet<AppealId>, StoreError> {
        let prefix = [vec![family::WORD], word.as_bytes().to_vec()].concat();
        self.index
            .scan_prefix(&prefix)
            .keys()
            .map(|k| id_of(&k?))
            .collect()
    }
}

pub(super) fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

fn id_of(key: &[u8]) -> Result<AppealId, StoreError> {
    keys::trailing_id(key).ok_or_else(|| bad_key(key))
}

pub(super) fn bad_key(key: &[u8]) -> StoreError {
    StoreError::Corrupt {
        tree: "indexes",
        key: codec::describe_key(key),
        reason: "index key too short".into(),
    }
}
