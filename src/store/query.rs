//! Reads: queues and their counts from the indexes, lookups by number, applicant and words.
//! No query here reads every appeal.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::codec::{self, Kind};
use super::index::{self, ExecEntry};
use super::keys::{self, Key, family, meta};
use super::write::read_counter;
use super::{Store, StoreError};
use crate::domain::model::{Appeal, AppealId, Status};
use crate::domain::queue::Queue;
use crate::domain::text::{normalize_name, query_words};
use crate::domain::user::{Role, User};

/// Where a page starts and how long it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub offset: u64,
    pub limit: u64,
}

/// One page of appeals and the size of the whole list.
#[derive(Debug, Clone)]
pub struct Slice {
    pub appeals: Vec<Appeal>,
    pub total: u64,
}

/// A list of appeal ids in display order, before paging.
enum Listing {
    /// Ids are known in full (small lists, e.g. one executor's).
    Ids(Vec<AppealId>),
    /// A range of one index family, read lazily up to the page.
    Range {
        prefix: Vec<u8>,
        until: Option<Vec<u8>>,
        total: u64,
    },
    /// Every appeal, newest first.
    Newest { total: u64 },
}

impl Store {
    /// One page of a queue as the viewer sees it, sorted by term (All: newest first).
    pub fn queue(
        &self,
        queue: Queue,
        viewer: &User,
        today: NaiveDate,
        page: Page,
    ) -> Result<Slice, StoreError> {
        let listing = self.listing(queue, viewer, today)?;
        let (ids, total) = match listing {
            Listing::Ids(ids) => {
                let total = ids.len() as u64;
                (
                    ids.into_iter()
                        .skip(to_usize(page.offset))
                        .take(to_usize(page.limit))
                        .collect(),
                    total,
                )
            }
            Listing::Range {
                prefix,
                until,
                total,
            } => (self.range_ids(&prefix, until.as_deref(), page)?, total),
            Listing::Newest { total } => (self.newest_ids(page)?, total),
        };
        Ok(Slice {
            appeals: self.load_many(&ids)?,
            total,
        })
    }

    /// The number of appeals in a queue as the viewer sees it.
    pub fn count(&self, queue: Queue, viewer: &User, today: NaiveDate) -> Result<u64, StoreError> {
        Ok(match self.listing(queue, viewer, today)? {
            Listing::Ids(ids) => ids.len() as u64,
            Listing::Range { total, .. } | Listing::Newest { total } => total,
        })
    }

    fn listing(
        &self,
        queue: Queue,
        viewer: &User,
        today: NaiveDate,
    ) -> Result<Listing, StoreError> {
        if !viewer.active {
            return Ok(Listing::Ids(Vec::new()));
        }
        if !viewer.sees_all() {
            return self.executor_listing(queue, viewer, today);
        }
        Ok(match queue {
            Queue::Incoming => self.stage_range(Status::Registered.byte())?,
            Queue::Returned => self.stage_range(Status::Returned.byte())?,
            Queue::OnSignature if viewer.has(Role::Manager) => {
                self.stage_range(Status::Signing.byte())?
            }
            Queue::OnSignature => Listing::Ids(Vec::new()),
            Queue::Overdue => self.overdue_range(today)?,
            Queue::All => Listing::Newest {
                total: self.total()?,
            },
            Queue::Mine | Queue::CoExecuting => self.executor_listing(queue, viewer, today)?,
        })
    }

    fn stage_range(&self, stage: u8) -> Result<Listing, StoreError> {
        let total = read_counter(&self.meta, &meta::count(stage))?;
        Ok(Listing::Range {
            prefix: vec![family::STAGE, stage],
            until: None,
            total,
        })
    }

    fn overdue_range(&self, today: NaiveDate) -> Result<Listing, StoreError> {
        let prefix = vec![family::TERM];
        let until = Key::new(family::TERM).day(today).into_bytes();
        let total = self.index.range(prefix.clone()..until.clone()).count() as u64;
        Ok(Listing::Range {
            prefix,
            until: Some(until),
            total,
        })
    }

    /// Queues of one executor, read from their own index entries.
    fn executor_listing(
        &self,
        queue: Queue,
        viewer: &User,
        today: NaiveDate,
    ) -> Result<Listing, StoreError> {
        let entries = self.executor_entries(&viewer.login)?;
        let keep = |term: NaiveDate, e: &ExecEntry| match queue {
            Queue::Incoming => e.status == Status::Registered,
            Queue::Mine => e.my_turn,
            Queue::Overdue => e.status.is_open() && term < today,
            Queue::Returned => e.status == Status::Returned && e.lead,
            Queue::CoExecuting => !e.lead && e.status.is_open(),
            Queue::OnSignature => false,
            Queue::All => true,
        };
        let mut rows: Vec<(NaiveDate, AppealId)> = entries
            .iter()
            .filter(|(t, _, e)| keep(*t, e))
            .map(|(t, id, _)| (*t, *id))
            .collect();
        if queue == Queue::Mine && viewer.has(Role::Manager) {
            rows.extend(self.signatures_of(&viewer.login)?);
        }
        rows.sort();
        rows.dedup();
        let mut ids: Vec<AppealId> = rows.into_iter().map(|(_, id)| id).collect();
        if queue == Queue::All {
            // All is newest first for everyone, as it is read from the appeals tree.
            ids.sort_unstable_by(|a, b| b.cmp(a));
        }
        Ok(Listing::Ids(ids))
    }

    /// Every index entry of one executor: term, appeal and what they have to do.
    pub fn executor_entries(
        &self,
        login: &str,
    ) -> Result<Vec<(NaiveDate, AppealId, ExecEntry)>, StoreError> {
        let prefix = Key::new(family::EXECUTOR).text(login).into_bytes();
        self.index
            .scan_prefix(&prefix)
            .map(|item| {
                let (key, value) = item?;
                let entry: ExecEntry = codec::decode(Kind::ExecEntry, "indexes", &key, &value)?;
                Ok((term_of(&key)?, id_of(&key)?, entry))
            })
            .collect()
    }

    fn signatures_of(&self, login: &str) -> Result<Vec<(NaiveDate, AppealId)>, StoreError> {
        let prefix = Key::new(family::SIGNATURE).text(login).into_bytes();
        self.index
            .scan_prefix(&prefix)
            .keys()
            .map(|key| {
                let key = key?;
                Ok((term_of(&key)?, id_of(&key)?))
            })
            .collect()
    }

    /// Open appeals whose term falls within `from..=to`, by term.
    pub fn open_by_term(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<AppealId>, StoreError> {
        let start = Key::new(family::TERM).day(from).into_bytes();
        let end = Key::new(family::TERM).day(to).id(u64::MAX).into_bytes();
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

    fn range_ids(
        &self,
        prefix: &[u8],
        until: Option<&[u8]>,
        page: Page,
    ) -> Result<Vec<AppealId>, StoreError> {
        let iter = match until {
            Some(end) => self.index.range(prefix.to_vec()..end.to_vec()),
            None => self.index.scan_prefix(prefix),
        };
        iter.keys()
            .skip(to_usize(page.offset))
            .take(to_usize(page.limit))
            .map(|k| id_of(&k?))
            .collect()
    }

    fn newest_ids(&self, page: Page) -> Result<Vec<AppealId>, StoreError> {
        self.appeals
            .iter()
            .keys()
            .rev()
            .skip(to_usize(page.offset))
            .take(to_usize(page.limit))
            .map(|k| id_of(&k?))
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
        let by_number = [vec![family::NUMBER], query.trim().as_bytes().to_vec()].concat();
        for key in self.index.scan_prefix(&by_number).keys() {
            ids.insert(id_of(&key?)?);
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

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

fn id_of(key: &[u8]) -> Result<AppealId, StoreError> {
    keys::trailing_id(key).ok_or_else(|| bad_key(key))
}

fn term_of(key: &[u8]) -> Result<NaiveDate, StoreError> {
    keys::trailing_term(key).ok_or_else(|| bad_key(key))
}

fn bad_key(key: &[u8]) -> StoreError {
    StoreError::Corrupt {
        tree: "indexes",
        key: codec::describe_key(key),
        reason: "index key too short".into(),
    }
}
