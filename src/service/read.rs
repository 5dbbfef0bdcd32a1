//! Queries: queues as pages, counts, one appeal with its history and term explanation,
//! search, the user's deadlines and the consistency check.

use chrono::{Datelike, NaiveDate};

use super::Service;
use super::api::{
    AppealView, CheckSummary, DueList, Earlier, Flag, Link, QueueCount, Row, RowPage,
    SameApplicant, ServiceError,
};
use crate::domain::model::{Appeal, AppealId, ReplyMethod};
use crate::domain::queue::{self, Order, Queue};
use crate::domain::text::normalize_name;
use crate::domain::user::User;
use crate::domain::workflow;
use crate::store::{Page, QueueQuery};

/// The longest page a client may ask for; a screen shows far fewer rows.
pub const PAGE_LIMIT: u64 = 1000;

/// Earlier appeals offered at most: the form's panel shows a handful, and an operator who
/// has not found the case among the latest twenty types more of the name.
pub const EARLIER_LIMIT: usize = 20;

/// Candidates read at most for one offer, so that a frequent applicant or a short prefix
/// costs a bounded number of reads whatever the size of the registry.
const EARLIER_SCAN: usize = 200;

/// Later appeals of the same applicant listed on a card at most; the card says how many more
/// there are.
pub const CARD_LATER_LIMIT: usize = 10;

/// A name is matched by its start from three characters on: fewer match too much to help.
const NAME_PREFIX_MIN: usize = 3;

/// Characters of the summary shown beside an earlier appeal: one line of the panel.
const SUMMARY_START: usize = 120;

/// The summary's first characters on one line, cut with an ellipsis.
fn summary_start(summary: &str) -> String {
    let one_line = summary.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= SUMMARY_START {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(SUMMARY_START - 1).collect();
    cut.push('…');
    cut
}

impl Service {
    /// An appeal by its number, if the user may see it.
    pub(super) fn visible_appeal(&self, user: &User, number: &str) -> Result<Appeal, ServiceError> {
        let not_found = || ServiceError::NotFound {
            number: number.to_string(),
        };
        let id = self.store.by_number(number)?.ok_or_else(not_found)?;
        let appeal = self.store.get(id)?.ok_or_else(not_found)?;
        // An appeal the user may not see is reported as absent, so numbers reveal nothing.
        if queue::visible(&appeal, user) {
            Ok(appeal)
        } else {
            Err(not_found())
        }
    }

    pub fn row(&self, appeal: &Appeal, today: NaiveDate) -> Row {
        Row {
            id: appeal.id,
            number: appeal.number_text.clone(),
            received: appeal.reg.received_date,
            applicant: appeal.reg.applicant.clone(),
            affiliation: appeal.reg.affiliation,
            form: appeal.reg.form,
            method: appeal.reg.method,
            channel: appeal.reg.channel,
            status: appeal.status,
            lead: appeal.lead().cloned(),
            term: appeal.term,
            urgency: self
                .terms()
                .urgency(appeal.term, today, appeal.status.is_open()),
            revision: appeal.revision,
        }
    }

    /// One page of a queue in the order asked, narrowed to the appeals a filter finds (by
    /// number, applicant or words of the summary, as `search` finds them); a blank filter
    /// narrows nothing. The total is the size of what the filter kept of the queue.
    pub fn queue_page(
        &self,
        login: &str,
        queue: Queue,
        order: Order,
        filter: Option<&str>,
        offset: u64,
        limit: u64,
    ) -> Result<RowPage, ServiceError> {
        let user = self.caller(login)?;
        let today = self.today();
        let page = Page {
            offset,
            limit: limit.min(PAGE_LIMIT),
        };
        let found = match filter.filter(|f| !f.trim().is_empty()) {
            Some(text) => Some(self.found(text, today)?.into_iter().collect()),
            None => None,
        };
        let query = QueueQuery {
            queue,
            viewer: &user,
            today,
            order,
            only: found.as_ref(),
        };
        let slice = self.store.queue(&query, page)?;
        let rows = slice.appeals.iter().map(|a| self.row(a, today)).collect();
        Ok(RowPage {
            rows,
            total: slice.total,
            offset,
        })
    }

    /// Where an appeal stands in a queue in this order, as this user sees the queue: its row
    /// from 0, or `None` when the queue does not hold it (the screen selects a new appeal
    /// with it).
    pub fn position(
        &self,
        login: &str,
        queue: Queue,
        order: Order,
        id: AppealId,
    ) -> Result<Option<u64>, ServiceError> {
        let user = self.caller(login)?;
        let query = QueueQuery {
            queue,
            viewer: &user,
            today: self.today(),
            order,
            only: None,
        };
        Ok(self.store.position(&query, id)?)
    }

    /// The counts of every queue for this user.
    pub fn counts(&self, login: &str) -> Result<Vec<QueueCount>, ServiceError> {
        let user = self.caller(login)?;
        let today = self.today();
        Queue::ALL
            .into_iter()
            .map(|queue| {
                Ok(QueueCount {
                    queue,
                    count: self.store.count(queue, &user, today)?,
                })
            })
            .collect()
    }

    /// One appeal with its history, term explanations, flags, and the applicant's earlier and
    /// later appeals.
    pub fn show(&self, login: &str, number: &str) -> Result<AppealView, ServiceError> {
        let user = self.caller(login)?;
        let appeal = self.visible_appeal(&user, number)?;
        let today = self.today();
        let terms = self.terms();
        let registered = self.local_date(appeal.registered_at);
        let open = appeal.status.is_open();
        Ok(AppealView {
            history: self.store.history(appeal.id)?,
            term: terms.internal(appeal.reg.received_date, registered),
            statutory: terms.statutory(appeal.reg.received_date),
            urgency: terms.urgency(appeal.term, today, open),
            statutory_urgency: terms.urgency(appeal.statutory_term, today, open),
            flags: self.flags(&appeal, today),
            links: self.links(&user, &appeal)?,
            later: self.same_applicant_after(&user, &appeal)?,
            allowed: workflow::allowed(&appeal, &user),
            appeal,
        })
    }

    fn local_date(&self, at: chrono::DateTime<chrono::Utc>) -> NaiveDate {
        (self.settings.local_date)(at)
    }

    fn flags(&self, appeal: &Appeal, today: NaiveDate) -> Vec<Flag> {
        let mut flags = Vec::new();
        let answered = appeal.dispatched_on();
        let against = answered.unwrap_or(today);
        if appeal.status.is_open() && today > appeal.term && today <= appeal.statutory_term {
            flags.push(Flag::LateInternal);
        }
        if let Some(sent) = answered.filter(|d| *d > appeal.term) {
            let days = (sent - appeal.term)
                .num_days()
                .try_into()
                .unwrap_or(u32::MAX);
            flags.push(Flag::RepliedLate { days });
        }
        if (appeal.status.is_open() || answered.is_some()) && against > appeal.statutory_term {
            flags.push(Flag::LateStatutory);
        }
        for (index, ext) in appeal.extensions.iter().enumerate() {
            if self
                .terms()
                .late_notice(self.local_date(ext.at), ext.applicant_told)
            {
                flags.push(Flag::LateExtensionNotice { index });
            }
        }
        if appeal.status.is_open() && appeal.reg.reply_method == ReplyMethod::ToBeAgreed {
            flags.push(Flag::ReplyMethodToAgree);
        }
        flags
    }

    fn links(&self, user: &User, appeal: &Appeal) -> Result<Vec<Link>, ServiceError> {
        let linked = self.store.load_many(&appeal.links)?;
        Ok(linked
            .into_iter()
            .filter(|a| queue::visible(a, user))
            .map(|a| link_to(&a))
            .collect())
    }

    /// The appeals of the same applicant (name or IIN/BIN) registered after this one: those
    /// link back to it, and whoever opens an old appeal learns that the applicant wrote
    /// again. Newest first, at most [`CARD_LATER_LIMIT`], with how many there are: of all for
    /// those who see every appeal, of those the user may see among the newest
    /// [`EARLIER_SCAN`] for an executor.
    fn same_applicant_after(
        &self,
        user: &User,
        appeal: &Appeal,
    ) -> Result<SameApplicant, ServiceError> {
        let mut ids = self
            .store
            .same_applicant(&appeal.reg.applicant, &appeal.reg.iin_bin)?;
        ids.retain(|id| *id > appeal.id);
        let mut found = SameApplicant::default();
        if user.sees_all() {
            // Nothing to filter out: the count is the index's, and only the shown are read.
            found.total = ids.len() as u64;
            let newest = ids
                .iter()
                .rev()
                .take(CARD_LATER_LIMIT)
                .copied()
                .collect::<Vec<_>>();
            found.shown = self.store.load_many(&newest)?.iter().map(link_to).collect();
            return Ok(found);
        }
        for &id in ids.iter().rev().take(EARLIER_SCAN) {
            let Some(other) = self.store.get(id)? else {
                continue;
            };
            if !queue::visible(&other, user) {
                continue;
            }
            found.total += 1;
            if found.shown.len() < CARD_LATER_LIMIT {
                found.shown.push(link_to(&other));
            }
        }
        Ok(found)
    }

    /// Earlier appeals of an applicant, as the registration form offers them while typing:
    /// those of the same applicant (name or IIN/BIN) first, then those whose name starts with
    /// the typed one, each newest first, at most [`EARLIER_LIMIT`] that the user may see.
    pub fn earlier_appeals(
        &self,
        login: &str,
        applicant: &str,
        iin_bin: &str,
    ) -> Result<Vec<Earlier>, ServiceError> {
        let user = self.caller(login)?;
        let today = self.today();
        let mut same = self.store.same_applicant(applicant, iin_bin)?;
        same.reverse();
        let mut similar = Vec::new();
        if normalize_name(applicant).chars().count() >= NAME_PREFIX_MIN {
            similar = self.store.applicant_prefix(applicant, EARLIER_SCAN)?;
            similar.retain(|id| !same.contains(id));
            similar.sort_unstable_by(|a, b| b.cmp(a));
        }
        let candidates = same.iter().map(|&id| (id, true));
        let candidates = candidates.chain(similar.iter().map(|&id| (id, false)));
        let mut offered = Vec::new();
        for (id, same_applicant) in candidates.take(EARLIER_SCAN) {
            let Some(appeal) = self.store.get(id)? else {
                continue;
            };
            if queue::visible(&appeal, &user) {
                offered.push(Earlier {
                    row: self.row(&appeal, today),
                    summary: summary_start(&appeal.reg.summary),
                    same_applicant,
                });
            }
            if offered.len() == EARLIER_LIMIT {
                break;
            }
        }
        Ok(offered)
    }

    /// Appeals by number, applicant or words of the summary, newest first.
    pub fn search(
        &self,
        login: &str,
        query: &str,
        offset: u64,
        limit: u64,
    ) -> Result<RowPage, ServiceError> {
        let user = self.caller(login)?;
        let today = self.today();
        let ids = self.found(query, today)?;
        let skip = usize::try_from(offset).unwrap_or(usize::MAX);
        let take = usize::try_from(limit.min(PAGE_LIMIT)).unwrap_or(usize::MAX);
        // Those who see everything need only the page loaded; an executor's results are
        // filtered by what they may see first.
        let (page, total) = if user.sees_all() {
            let page: Vec<u64> = ids.iter().skip(skip).take(take).copied().collect();
            (self.store.load_many(&page)?, ids.len() as u64)
        } else {
            let mut visible = Vec::new();
            for id in ids {
                visible.extend(self.store.get(id)?.filter(|a| queue::visible(a, &user)));
            }
            let total = visible.len() as u64;
            (visible.into_iter().skip(skip).take(take).collect(), total)
        };
        let rows = page.iter().map(|a| self.row(a, today)).collect();
        Ok(RowPage {
            rows,
            total,
            offset,
        })
    }

    /// Every appeal a search text finds, newest first, whoever may see it: a number typed
    /// alone is this year's number with that sequence, then the matches of `Store::search`.
    fn found(&self, query: &str, today: NaiveDate) -> Result<Vec<AppealId>, ServiceError> {
        let mut ids = Vec::new();
        if let Ok(seq) = query.trim().parse::<u32>() {
            let number = (self.settings.number)(today.year(), seq);
            ids.extend(self.store.by_number(&number)?);
        }
        // The search's ids are distinct; only the number's may be among them again.
        let by_number = ids.first().copied();
        let matches = self.store.search(query)?.into_iter();
        ids.extend(matches.filter(|id| Some(*id) != by_number));
        Ok(ids)
    }

    /// The user's own overdue and due-soon appeals: where they are an executor, and for a
    /// manager the replies awaiting their signature.
    pub fn due(&self, login: &str) -> Result<DueList, ServiceError> {
        let user = self.caller(login)?;
        let today = self.today();
        let horizon = self
            .terms()
            .add_working_days(today, self.terms().due_soon_days);
        let appeals = self
            .store
            .load_many(&self.store.open_until(&user.login, horizon)?)?;
        let mut rows: Vec<Row> = appeals.iter().map(|a| self.row(a, today)).collect();
        let mine = QueueQuery {
            queue: Queue::Mine,
            viewer: &user,
            today,
            order: Order::default_for(Queue::Mine),
            only: None,
        };
        let signing = self.store.queue(
            &mine,
            Page {
                offset: 0,
                limit: 200,
            },
        )?;
        for appeal in signing
            .appeals
            .iter()
            .filter(|a| queue::awaiting_signature(a))
        {
            if !rows.iter().any(|r| r.id == appeal.id) && appeal.term <= horizon {
                rows.push(self.row(appeal, today));
            }
        }
        let overdue_in_registry = match user.sees_all() {
            true => Some(self.store.count(Queue::Overdue, &user, today)?),
            false => None,
        };
        Ok(DueList {
            rows,
            overdue_in_registry,
        })
    }

    /// Runs the consistency check over the whole database.
    pub fn check(&self) -> Result<CheckSummary, ServiceError> {
        let report = self.store.check()?;
        Ok(CheckSummary {
            appeals: report.appeals,
            history_events: report.history_events,
            users: report.users,
            index_entries: report.index_entries,
            drafts: report.drafts,
            numbers_per_year: report.years.into_iter().collect(),
            problems: report.problems,
        })
    }
}

fn link_to(appeal: &Appeal) -> Link {
    Link {
        id: appeal.id,
        number: appeal.number_text.clone(),
        received: appeal.reg.received_date,
        status: appeal.status,
        summary: appeal.reg.summary.clone(),
    }
}
