//! Reads: queues and their counts from the indexes, lookups by number, applicant and words.
//! No query here reads every appeal.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::codec::{self, Kind};
use super::index;
use super::keys::{self, Key, family, meta};
use super::write::read_counter;
use super::{Store, StoreError};
use crate::domain::model::{Appeal, AppealId, Status};
use crate::domain::queue::Queue;
use crate::domain::text::{normalize_name, query_words};
use crate::domain::user::{Role, User};

/// Shortest query matched as the start of a registration number.
const NUMBER_PREFIX_MIN: usize = 4;

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

/// A range of index keys listing appeals, with the size of the whole range.
struct Range {
    prefix: Vec<u8>,
    /// Exclusive end within the prefix, for ranges that stop at a date.
    until: Option<Vec<u8>>,
    newest_first: bool,
    total: u64,
}

/// A list of appeal ids in display order, before paging.
enum Listing {
    Empty,
    /// One range of one index family, read lazily up to the page.
    Range(Range),
    /// Term-ordered ranges whose union is the list (a manager's own work and signatures).
    Merged(Vec<Range>),
    /// Every appeal, newest first.
    Newest {
        total: u64,
    },
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
        let (ids, total) = match self.listing(queue, viewer, today)? {
            Listing::Empty => (Vec::new(), 0),
            Listing::Range(range) => (self.range_ids(&range, page)?, range.total),
            Listing::Merged(ranges) => self.merged_ids(&ranges, page)?,
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
            Listing::Empty => 0,
            Listing::Range(range) => range.total,
            Listing::Merged(ranges) => ranges.iter().map(|r| r.total).sum(),
            Listing::Newest { total } => total,
        })
    }

    fn listing(
        &self,
        queue: Queue,
        viewer: &User,
        today: NaiveDate,
    ) -> Result<Listing, StoreError> {
        if !viewer.active {
            return Ok(Listing::Empty);
        }
        let manager = viewer.has(Role::Manager);
        Ok(match queue {
            Queue::Mine | Queue::CoExecuting => self.executor_listing(queue, viewer, today)?,
            _ if !viewer.sees_all() => self.executor_listing(queue, viewer, today)?,
            Queue::Incoming => self.stage_range(Status::Registered.byte())?,
            Queue::Returned => self.stage_range(Status::Returned.byte())?,
            Queue::OnSignature if manager => self.stage_range(Status::Signing.byte())?,
            Queue::OnSignature => Listing::Empty,
            Queue::Overdue => {
                let until = Key::new(family::TERM).day(today).into_bytes();
                Listing::Range(self.counted_range(vec![family::TERM], Some(until), false)?)
            }
            Queue::All => Listing::Newest {
                total: self.total()?,
            },
        })
    }

    fn stage_range(&self, stage: u8) -> Result<Listing, StoreError> {
        let total = read_counter(&self.meta, &meta::count(stage))?;
        let prefix = vec![family::STAGE, stage];
        Ok(Listing::Range(Range {
            prefix,
            until: None,
            newest_first: false,
            total,
        }))
    }

    /// A range of a counted family, its total summed from the group counters.
    fn counted_range(
        &self,
        prefix: Vec<u8>,
        until: Option<Vec<u8>>,
        newest_first: bool,
    ) -> Result<Range, StoreError> {
        let start = meta::group(&prefix);
        let groups = match &until {
            Some(end) => self.meta.range(start..meta::group(end)),
            None => self.meta.scan_prefix(start),
        };
        let mut total = 0;
        for item in groups {
            let (key, bytes) = item?;
            total += codec::decode::<u64>(Kind::Counter, "meta", &key, &bytes)?;
        }
        Ok(Range {
            prefix,
            until,
            newest_first,
            total,
        })
    }

    /// Queues of one executor, read from their own lists.
    fn executor_listing(
        &self,
        queue: Queue,
        viewer: &User,
        today: NaiveDate,
    ) -> Result<Listing, StoreError> {
        let list = |l: u8| {
            Key::new(family::EXECUTOR)
                .text(&viewer.login)
                .byte(l)
                .into_bytes()
        };
        let range = |l: u8| self.counted_range(list(l), None, false);
        Ok(match queue {
            Queue::Mine if viewer.has(Role::Manager) => {
                let signatures = Key::new(family::SIGNATURE).text(&viewer.login).into_bytes();
                let signing = self.counted_range(signatures, None, false)?;
                Listing::Merged(vec![range(index::list::MINE)?, signing])
            }
            Queue::Mine => Listing::Range(range(index::list::MINE)?),
            Queue::CoExecuting => Listing::Range(range(index::list::CO)?),
            Queue::Returned => Listing::Range(range(index::list::RETURNED)?),
            Queue::Overdue => {
                let open = list(index::list::OPEN);
                let until = Key::new(family::EXECUTOR).text(&viewer.login);
                let until = until.byte(index::list::OPEN).day(today).into_bytes();
                Listing::Range(self.counted_range(open, Some(until), false)?)
            }
            Queue::All => Listing::Range(self.counted_range(list(index::list::ALL), None, true)?),
            Queue::Incoming | Queue::OnSignature => Listing::Empty,
        })
    }

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

    fn range_iter(&self, range: &Range) -> sled::Iter {
        match &range.until {
            Some(end) => self.index.range(range.prefix.clone()..end.clone()),
            None => self.index.scan_prefix(&range.prefix),
        }
    }

    fn range_ids(&self, range: &Range, page: Page) -> Result<Vec<AppealId>, StoreError> {
        let (skip, take) = (to_usize(page.offset), to_usize(page.limit));
        let keys = self.range_iter(range).keys();
        if range.newest_first {
            keys.rev()
                .skip(skip)
                .take(take)
                .map(|k| id_of(&k?))
                .collect()
        } else {
            keys.skip(skip).take(take).map(|k| id_of(&k?)).collect()
        }
    }

    /// Merges term-ordered ranges into one page; reads at most offset + limit from each.
    fn merged_ids(&self, ranges: &[Range], page: Page) -> Result<(Vec<AppealId>, u64), StoreError> {
        let wanted = to_usize(page.offset.saturating_add(page.limit));
        let mut rows: Vec<(NaiveDate, AppealId)> = Vec::new();
        for range in ranges {
            for key in self.range_iter(range).keys().take(wanted) {
                let key = key?;
                rows.push((term_of(&key)?, id_of(&key)?));
            }
        }
        rows.sort();
        rows.dedup();
        let total = ranges.iter().map(|r| r.total).sum();
        let page_rows = rows
            .into_iter()
            .skip(to_usize(page.offset))
            .take(to_usize(page.limit));
        Ok((page_rows.map(|(_, id)| id).collect(), total))
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
