//! Queues as pages. A queue is one or two lists of the indexes (`index::List`), read in the
//! order asked: a page costs the keys before it, from the nearer end of the list, never the
//! whole queue. A filtered page either checks the few appeals a search found or walks the
//! queue once, whichever reads less.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::codec::{self, Kind};
use super::index::{self, Layout, List};
use super::keys::{Key, meta};
use super::query::{bad_key, to_usize};
use super::write::read_counter;
use super::{Store, StoreError};
use crate::domain::model::{Appeal, AppealId, Status};
use crate::domain::queue::{self, Order, Queue};
use crate::domain::user::{Role, User};

/// How much dearer loading one appeal is than stepping over one index key: on 100,000 demo
/// appeals a load that misses sled's cache takes some 60 us, a step of a scan about 1.2 us.
/// A filter that found fewer appeals than the queue's size divided by this is checked appeal
/// by appeal; a broader one is matched while walking the queue.
const LOAD_COST: u64 = 40;

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

/// What to read of a queue: whose, in which order, narrowed to which appeals.
#[derive(Debug, Clone, Copy)]
pub struct QueueQuery<'a> {
    pub queue: Queue,
    pub viewer: &'a User,
    pub today: NaiveDate,
    pub order: Order,
    /// Only these appeals, as a search found them; `None` reads the whole queue.
    pub only: Option<&'a BTreeSet<AppealId>>,
}

/// A queue as lists whose union it is, with its size from the counters.
struct Source<'a> {
    lists: Vec<List<'a>>,
    /// Only appeals whose term is before this day: the overdue queue.
    before: Option<NaiveDate>,
    total: u64,
}

impl Source<'_> {
    fn empty() -> Self {
        Source {
            lists: Vec::new(),
            before: None,
            total: 0,
        }
    }

    /// Whether the queue is every appeal, as for those who see all.
    fn is_every(&self) -> bool {
        self.lists == [List::Every]
    }

    fn ranges(&self, order: Order) -> Vec<Range> {
        self.lists
            .iter()
            .map(|list| Range::new(*list, self.before, order))
            .collect()
    }
}

/// One list of a queue in one order and direction.
#[derive(Clone)]
struct Range {
    prefix: Vec<u8>,
    layout: Layout,
    /// Exclusive end of a term-ordered range that stops at a day.
    until: Option<Vec<u8>>,
    /// Keys whose term is not before this day are stepped over (overdue in other orders).
    before: Option<NaiveDate>,
    descending: bool,
}

/// A key of a range and the appeal it names.
type Hit = (sled::IVec, AppealId);

/// Where a key sorts among the keys of all the queue's lists (the key without its list's
/// prefix), and its id.
type Position = (Vec<u8>, AppealId);

impl Range {
    fn new(list: List, before: Option<NaiveDate>, order: Order) -> Range {
        let (prefix, layout) = list.prefix(order.sort);
        // A term-ordered list stops at the day; in another order the term is checked per key.
        let (until, before) = match (before, layout) {
            (Some(day), Layout::Term) => {
                let end = Key::continuing(prefix.clone()).day(day).into_bytes();
                (Some(end), None)
            }
            (before, _) => (None, before),
        };
        Range {
            prefix,
            layout,
            until,
            before,
            descending: order.descending,
        }
    }

    fn reversed(&self) -> Range {
        Range {
            descending: !self.descending,
            ..self.clone()
        }
    }

    /// The keys of the range in its direction.
    fn hits(&self, tree: &sled::Tree) -> impl Iterator<Item = Result<Hit, StoreError>> + use<> {
        let keys = match &self.until {
            Some(end) => tree.range(self.prefix.clone()..end.clone()).keys(),
            None => tree.scan_prefix(&self.prefix).keys(),
        };
        let keys: Box<dyn Iterator<Item = sled::Result<sled::IVec>>> = match self.descending {
            true => Box::new(keys.rev()),
            false => Box::new(keys),
        };
        let (layout, before) = (self.layout, self.before);
        keys.filter_map(move |key| {
            let key = match key {
                Ok(key) => key,
                Err(e) => return Some(Err(e.into())),
            };
            let Some((id, term)) = layout.tail(&key) else {
                return Some(Err(bad_key(&key)));
            };
            let wanted = before.is_none_or(|day| term < day);
            wanted.then_some(Ok((key, id)))
        })
    }

    fn position(&self, (key, id): Hit) -> Position {
        (key[self.prefix.len()..].to_vec(), id)
    }

    /// The ids at `skip..skip + take` of the range, counting only those `kept`.
    fn ids(
        &self,
        tree: &sled::Tree,
        kept: impl Fn(AppealId) -> bool,
        skip: u64,
        take: u64,
    ) -> Result<Vec<AppealId>, StoreError> {
        // An error is kept, to end the page with it.
        let hits = self.hits(tree).filter(|hit| match hit {
            Ok((_, id)) => kept(*id),
            Err(_) => true,
        });
        let page = hits.skip(to_usize(skip)).take(to_usize(take));
        page.map(|p| Ok(p?.1)).collect()
    }
}

impl Store {
    /// One page of a queue as the viewer sees it, in the order asked, with the size of the
    /// whole queue (of what the filter kept of it, when filtered).
    pub fn queue(&self, query: &QueueQuery, page: Page) -> Result<Slice, StoreError> {
        let source = self.source(query.queue, query.viewer, query.today)?;
        let Some(only) = query.only else {
            let ids = self.page_ids(&source, query.order, page)?;
            return Ok(Slice {
                appeals: self.load_many(&ids)?,
                total: source.total,
            });
        };
        let every = source.is_every();
        if probe_is_cheaper(only.len() as u64, source.total, every, page) {
            self.probe(query, only, page)
        } else if every {
            self.walk_to_page(query.order, only, page)
        } else {
            self.walk(&source, query.order, only, page)
        }
    }

    /// The row an appeal has in a queue in the query's order (from 0), or `None` when the
    /// queue as the viewer sees it does not hold it. The rows are read from the top, four
    /// times more each time, so an appeal near the top (the newest in All) costs little
    /// and one at the bottom about a third more than reading the queue once.
    pub fn position(&self, query: &QueueQuery, id: AppealId) -> Result<Option<u64>, StoreError> {
        let source = self.source(query.queue, query.viewer, query.today)?;
        let mut limit = 256;
        loop {
            let page = Page { offset: 0, limit };
            let ids = self.page_ids(&source, query.order, page)?;
            if let Some(at) = ids.iter().position(|other| *other == id) {
                return Ok(Some(at as u64));
            }
            if limit >= source.total {
                return Ok(None);
            }
            limit = limit.saturating_mul(4);
        }
    }

    /// The number of appeals in a queue as the viewer sees it.
    pub fn count(&self, queue: Queue, viewer: &User, today: NaiveDate) -> Result<u64, StoreError> {
        Ok(self.source(queue, viewer, today)?.total)
    }

    fn source<'a>(
        &self,
        queue: Queue,
        viewer: &'a User,
        today: NaiveDate,
    ) -> Result<Source<'a>, StoreError> {
        if !viewer.active {
            return Ok(Source::empty());
        }
        match queue {
            Queue::Mine | Queue::CoExecuting => self.executor_source(queue, viewer, today),
            _ if !viewer.sees_all() => self.executor_source(queue, viewer, today),
            Queue::Incoming => self.stage_source(Status::Registered),
            Queue::Returned => self.stage_source(Status::Returned),
            Queue::OnSignature if viewer.has(Role::Manager) => self.stage_source(Status::Signing),
            Queue::OnSignature => Ok(Source::empty()),
            Queue::Overdue => Ok(Source {
                lists: vec![List::Open],
                before: Some(today),
                total: self.counted(List::Open, Some(today))?,
            }),
            Queue::All => Ok(Source {
                lists: vec![List::Every],
                before: None,
                total: self.total()?,
            }),
        }
    }

    fn stage_source(&self, status: Status) -> Result<Source<'static>, StoreError> {
        Ok(Source {
            lists: vec![List::Stage(status.byte())],
            before: None,
            total: read_counter(&self.meta, &meta::count(status.byte()))?,
        })
    }

    /// Queues of one executor, read from their own lists.
    fn executor_source<'a>(
        &self,
        queue: Queue,
        viewer: &'a User,
        today: NaiveDate,
    ) -> Result<Source<'a>, StoreError> {
        let login = viewer.login.as_str();
        let own = |list: u8| List::Executor(login, list);
        let (lists, before) = match queue {
            Queue::Mine if viewer.has(Role::Manager) => {
                (vec![own(index::list::MINE), List::Signature(login)], None)
            }
            Queue::Mine => (vec![own(index::list::MINE)], None),
            Queue::CoExecuting => (vec![own(index::list::CO)], None),
            Queue::Returned => (vec![own(index::list::RETURNED)], None),
            Queue::Overdue => (vec![own(index::list::OPEN)], Some(today)),
            Queue::All => (vec![own(index::list::ALL)], None),
            Queue::Incoming | Queue::OnSignature => return Ok(Source::empty()),
        };
        let mut total = 0;
        for list in &lists {
            total += self.counted(*list, before)?;
        }
        Ok(Source {
            lists,
            before,
            total,
        })
    }

    /// The size of a list whose family is counted per group, or of its part with terms
    /// before a day: a few hundred counters instead of every entry.
    fn counted(&self, list: List, before: Option<NaiveDate>) -> Result<u64, StoreError> {
        let name = list.name();
        let start = meta::group(&name);
        let groups = match before {
            Some(day) => {
                let end = meta::group(&Key::continuing(name).day(day).into_bytes());
                self.meta.range(start..end)
            }
            None => self.meta.scan_prefix(start),
        };
        let mut total = 0;
        for item in groups {
            let (key, bytes) = item?;
            total += codec::decode::<u64>(Kind::Counter, "meta", &key, &bytes)?;
        }
        Ok(total)
    }

    fn page_ids(
        &self,
        source: &Source,
        order: Order,
        page: Page,
    ) -> Result<Vec<AppealId>, StoreError> {
        let ranges = source.ranges(order);
        match ranges.as_slice() {
            [] => Ok(Vec::new()),
            [range] if range.before.is_none() => {
                self.whole_range_page(range, |_| true, source.total, page)
            }
            [range] => range.ids(&self.index, |_| true, page.offset, page.limit),
            _ => self.merged_page(&ranges, order, page),
        }
    }

    /// A page of a range whose size (of the keys `kept`) is known: read from the nearer end,
    /// a page at the end of a long list costs as little as the first (sled can only count
    /// keys by stepping over them).
    fn whole_range_page(
        &self,
        range: &Range,
        kept: impl Fn(AppealId) -> bool,
        total: u64,
        page: Page,
    ) -> Result<Vec<AppealId>, StoreError> {
        if page.offset >= total {
            return Ok(Vec::new());
        }
        let end = page.offset.saturating_add(page.limit).min(total);
        let after = total - end;
        if after >= page.offset {
            return range.ids(&self.index, kept, page.offset, page.limit);
        }
        let mut ids = range
            .reversed()
            .ids(&self.index, kept, after, end - page.offset)?;
        ids.reverse();
        Ok(ids)
    }

    /// Merges the ranges of one order into a page; reads at most offset + limit from each.
    fn merged_page(
        &self,
        ranges: &[Range],
        order: Order,
        page: Page,
    ) -> Result<Vec<AppealId>, StoreError> {
        let wanted = to_usize(page.offset.saturating_add(page.limit));
        let mut rows = Vec::new();
        for range in ranges {
            for hit in range.hits(&self.index).take(wanted) {
                rows.push(range.position(hit?));
            }
        }
        let rows = in_order(rows, order);
        Ok(paged(rows, page).map(|(_, id)| id).collect())
    }

    /// A filtered page by walking the queue in order and keeping the appeals found: every
    /// key of the queue is read once, no appeal but the page's.
    fn walk(
        &self,
        source: &Source,
        order: Order,
        only: &BTreeSet<AppealId>,
        page: Page,
    ) -> Result<Slice, StoreError> {
        let mut rows = Vec::new();
        for range in source.ranges(order) {
            for hit in range.hits(&self.index) {
                let hit = hit?;
                if only.contains(&hit.1) {
                    rows.push(range.position(hit));
                }
            }
        }
        let rows = in_order(rows, order);
        let total = rows.len() as u64;
        let ids: Vec<AppealId> = paged(rows, page).map(|(_, id)| id).collect();
        Ok(Slice {
            appeals: self.load_many(&ids)?,
            total,
        })
    }

    /// A filtered page of every appeal: what was found is the whole of it, so the walk stops
    /// at the page (from the nearer end, like an unfiltered one).
    fn walk_to_page(
        &self,
        order: Order,
        only: &BTreeSet<AppealId>,
        page: Page,
    ) -> Result<Slice, StoreError> {
        let range = Range::new(List::Every, None, order);
        let total = only.len() as u64;
        let ids = self.whole_range_page(&range, |id| only.contains(&id), total, page)?;
        Ok(Slice {
            appeals: self.load_many(&ids)?,
            total,
        })
    }

    /// A filtered page by loading each appeal found and applying the queue's definition
    /// (`queue::in_queue`) and the order's (`Order::compare`).
    fn probe(
        &self,
        query: &QueueQuery,
        only: &BTreeSet<AppealId>,
        page: Page,
    ) -> Result<Slice, StoreError> {
        let mut kept = Vec::new();
        for id in only {
            let appeal = self.get(*id)?.ok_or(StoreError::NotFound(*id))?;
            if queue::in_queue(query.queue, &appeal, query.viewer, query.today) {
                kept.push(appeal);
            }
        }
        kept.sort_by(|a, b| query.order.compare(a, b));
        let total = kept.len() as u64;
        Ok(Slice {
            appeals: paged(kept, page).collect(),
            total,
        })
    }
}

/// Whether checking each appeal a filter found costs less than walking the queue, both in
/// steps over index keys. A walk reads the whole queue to count what it keeps, unless the
/// queue is every appeal: then it stops at the page, some `(offset + limit) * queue / found`
/// keys in.
fn probe_is_cheaper(found: u64, queue: u64, every: bool, page: Page) -> bool {
    let probe = found.saturating_mul(LOAD_COST);
    let walk = match every {
        true => page.offset.saturating_add(page.limit).saturating_mul(queue) / found.max(1),
        false => queue,
    };
    probe < walk.min(queue)
}

/// Positions from several lists in the order's direction, each appeal once.
fn in_order(mut rows: Vec<Position>, order: Order) -> Vec<Position> {
    rows.sort_unstable();
    rows.dedup();
    if order.descending {
        rows.reverse();
    }
    rows
}

fn paged<T>(rows: Vec<T>, page: Page) -> impl Iterator<Item = T> {
    rows.into_iter()
        .skip(to_usize(page.offset))
        .take(to_usize(page.limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST: Page = Page {
        offset: 0,
        limit: 50,
    };

    #[test]
    fn a_narrow_filter_checks_appeals_and_a_broad_one_walks() {
        assert!(probe_is_cheaper(10, 20_000, false, FIRST));
        assert!(!probe_is_cheaper(5_000, 20_000, false, FIRST));
        // Over every appeal the walk stops at the page, so it wins far sooner.
        assert!(probe_is_cheaper(100, 100_000, true, FIRST));
        assert!(!probe_is_cheaper(2_000, 100_000, true, FIRST));
    }

    #[test]
    fn an_empty_queue_is_never_probed() {
        assert!(!probe_is_cheaper(3, 0, false, FIRST));
        assert!(!probe_is_cheaper(0, 0, true, FIRST));
    }
}
