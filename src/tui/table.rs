//! The chosen queue as the table shows it: a window of rows fetched from the server around
//! the selection, the selection itself, the order and the filter. A queue of 100,000 appeals
//! costs the screen one window of rows, never the whole list.

use crate::client::ClientError;
use crate::domain::model::AppealId;
use crate::domain::queue::{Order, Queue, Sort};
use crate::protocol::{Request, Response};
use crate::service::api::{Row, RowPage};

use super::source::Source;

/// The next sort in the cycle of the sort key: term, received date, number. Terms read
/// soonest first; dates and numbers newest first, as a triage reads them.
pub fn next_order(order: Order) -> Order {
    let sort = match order.sort {
        Sort::Term => Sort::Received,
        Sort::Received => Sort::Number,
        Sort::Number => Sort::Term,
    };
    Order {
        sort,
        descending: sort != Sort::Term,
    }
}

/// The message id of an order's name.
pub fn order_message(order: Order) -> &'static str {
    match (order.sort, order.descending) {
        (Sort::Term, false) => "sort-term",
        (Sort::Term, true) => "sort-term-desc",
        (Sort::Received, false) => "sort-received",
        (Sort::Received, true) => "sort-received-desc",
        (Sort::Number, false) => "sort-number",
        (Sort::Number, true) => "sort-number-desc",
    }
}

/// Rows fetched beyond the visible ones on each side, so that moving a few rows or a page
/// rarely waits for the server.
const MARGIN_PAGES: u64 = 1;

#[derive(Debug, Clone)]
pub struct QueueView {
    pub queue: Queue,
    /// The order the user chose; `None` is the queue's own (All newest first, others by term).
    pub chosen: Option<Order>,
    pub filter: String,
    /// The filter is being typed: characters go to it, not to the keymap.
    pub filtering: bool,
    /// The fetched rows; `rows[0]` is row `first` of the queue.
    pub rows: Vec<Row>,
    pub first: u64,
    pub total: u64,
    pub selected: u64,
    /// The first row on screen.
    pub top: u64,
    /// Rows the table has room for, set from the terminal size.
    pub height: u64,
}

impl QueueView {
    pub fn new(queue: Queue) -> QueueView {
        QueueView {
            queue,
            chosen: None,
            filter: String::new(),
            filtering: false,
            rows: Vec::new(),
            first: 0,
            total: 0,
            selected: 0,
            top: 0,
            height: 10,
        }
    }

    pub fn order(&self) -> Order {
        self.chosen
            .unwrap_or_else(|| Order::default_for(self.queue))
    }

    /// The appeal under the cursor, when its row is fetched.
    pub fn current(&self) -> Option<&Row> {
        let index = self.selected.checked_sub(self.first)?;
        self.rows.get(usize::try_from(index).ok()?)
    }

    /// The rows on screen, from `top`.
    pub fn visible(&self) -> &[Row] {
        let start = self.top.saturating_sub(self.first) as usize;
        let start = start.min(self.rows.len());
        let end = (start + self.height as usize).min(self.rows.len());
        &self.rows[start..end]
    }

    /// Moves the selection by `delta` rows, fetching when it leaves the window.
    pub fn move_by(&mut self, source: &mut dyn Source, delta: i64) -> Result<(), ClientError> {
        let last = self.total.saturating_sub(1);
        let target = self.selected.saturating_add_signed(delta).min(last);
        self.select(source, target)
    }

    /// Selects row `index`; when its rows cannot be fetched the selection stays where it was,
    /// on rows that are on screen.
    pub fn select(&mut self, source: &mut dyn Source, index: u64) -> Result<(), ClientError> {
        let before = (self.selected, self.top);
        self.selected = index.min(self.total.saturating_sub(1));
        self.scroll();
        if !self.window_covers_screen()
            && let Err(e) = self.fetch(source)
        {
            (self.selected, self.top) = before;
            return Err(e);
        }
        Ok(())
    }

    /// Keeps the selection on screen.
    fn scroll(&mut self) {
        let height = self.height.max(1);
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + height {
            self.top = self.selected + 1 - height;
        }
        let max_top = self.total.saturating_sub(height);
        self.top = self.top.min(max_top);
    }

    fn window_covers_screen(&self) -> bool {
        let end = self.first + self.rows.len() as u64;
        let screen_end = (self.top + self.height).min(self.total);
        self.top >= self.first && screen_end <= end
    }

    /// Fetches the window around the screen again, keeping the selection on the same appeal
    /// when it is still in the window (a change elsewhere may have moved it).
    pub fn refresh(&mut self, source: &mut dyn Source) -> Result<(), ClientError> {
        let kept: Option<AppealId> = self.current().map(|r| r.id);
        self.fetch(source)?;
        if let Some(id) = kept
            && let Some(pos) = self.rows.iter().position(|r| r.id == id)
        {
            self.selected = self.first + pos as u64;
        }
        self.selected = self.selected.min(self.total.saturating_sub(1));
        self.scroll();
        if !self.window_covers_screen() {
            self.fetch(source)?;
        }
        Ok(())
    }

    /// Starts the queue again from its first row.
    pub fn reset(&mut self, source: &mut dyn Source) -> Result<(), ClientError> {
        self.selected = 0;
        self.top = 0;
        self.fetch(source)
    }

    fn fetch(&mut self, source: &mut dyn Source) -> Result<(), ClientError> {
        let margin = self.height * MARGIN_PAGES;
        let offset = self.top.saturating_sub(margin);
        // At the top of a queue there is nothing before the screen to fetch.
        let limit = (self.top - offset) + self.height + margin;
        let page = fetch_page(source, self.request(offset, limit.max(1)))?;
        self.first = page.offset;
        self.total = page.total;
        self.rows = page.rows;
        Ok(())
    }

    fn request(&self, offset: u64, limit: u64) -> Request {
        let order = self.order();
        let filter = self.filter.trim();
        Request::Queue {
            queue: self.queue,
            sort: order.sort,
            descending: order.descending,
            filter: (!filter.is_empty()).then(|| filter.to_string()),
            offset,
            limit,
        }
    }
}

fn fetch_page(source: &mut dyn Source, request: Request) -> Result<RowPage, ClientError> {
    match source.call(request)? {
        Response::Page(page) => Ok(page),
        other => Err(unexpected(&other)),
    }
}

/// A server that answers a request with the wrong kind of response is a bug on its side;
/// the screen reports it like a lost connection instead of panicking.
pub fn unexpected(response: &Response) -> ClientError {
    let kind = format!("{response:?}");
    let kind: String = kind.chars().take(40).collect();
    ClientError::Disconnected(format!("unexpected answer from the server: {kind}"))
}
