//! Earlier appeals of the applicant being typed: looked up when the name or IIN/BIN has
//! settled (a pause in typing, or leaving the field), shown in a small panel, and linked to
//! the new appeal by hand with one key.

use std::time::{Duration, Instant};

use crate::client::ClientError;
use crate::domain::model::AppealId;
use crate::domain::text::normalize_name;
use crate::domain::validate::{AppealForm, looks_like_iin_bin};
use crate::protocol::{Request, Response};
use crate::service::api::Earlier;
use crate::tui::source::Source;
use crate::tui::table::unexpected;

/// How long typing must pause before the lookup: long enough that a name typed at speed
/// costs one request, short enough that the offer appears while the operator reads it over.
pub const PAUSE: Duration = Duration::from_millis(600);

/// A name is looked up while typing from three characters on, as the server matches it.
const TYPED_MIN: usize = 3;

#[derive(Debug, Default)]
pub struct Panel {
    pub offered: Vec<Earlier>,
    /// The row the pick keys act on.
    pub selected: usize,
    /// Appeals linked before this form opened (editing): shown as linked, kept.
    pub linked_before: Vec<AppealId>,
    /// The appeal being edited, never offered to itself.
    pub own: Option<AppealId>,
    /// The name and IIN/BIN last asked about.
    asked: Option<(String, String)>,
    due: Option<Instant>,
}

impl Panel {
    pub fn due(&self) -> Option<Instant> {
        self.due
    }

    /// Whether the server was asked about a name or IIN/BIN yet.
    pub fn looked_up(&self) -> bool {
        self.asked
            .as_ref()
            .is_some_and(|(name, iin)| !name.is_empty() || !iin.is_empty())
    }

    /// The applicant or IIN/BIN changed: look up after a pause, when there is enough to go on.
    pub fn typed(&mut self, form: &AppealForm, now: Instant) {
        let enough = normalize_name(&form.applicant).chars().count() >= TYPED_MIN
            || looks_like_iin_bin(form.iin_bin.trim());
        self.due = enough.then_some(now + PAUSE);
    }

    /// Looks up now if the name or IIN/BIN differ from the last lookup.
    pub fn look_up(
        &mut self,
        form: &AppealForm,
        source: &mut dyn Source,
    ) -> Result<(), ClientError> {
        self.due = None;
        let query = (
            form.applicant.trim().to_string(),
            form.iin_bin.trim().to_string(),
        );
        if self.asked.as_ref() == Some(&query) {
            return Ok(());
        }
        if query.0.is_empty() && query.1.is_empty() {
            self.asked = Some(query);
            self.offered.clear();
            return Ok(());
        }
        let request = Request::EarlierAppeals {
            applicant: query.0.clone(),
            iin_bin: query.1.clone(),
        };
        let offered = match source.call(request)? {
            Response::Earlier(rows) => rows,
            other => return Err(unexpected(&other)),
        };
        self.asked = Some(query);
        self.offered = offered
            .into_iter()
            .filter(|e| Some(e.row.id) != self.own)
            .collect();
        self.selected = 0;
        Ok(())
    }

    /// Whether the offered appeal at `index` is linked: by hand on this form, or before.
    pub fn is_linked(&self, index: usize, form: &AppealForm) -> bool {
        self.offered.get(index).is_some_and(|e| {
            self.linked_before.contains(&e.row.id) || form.links.contains(&e.row.number)
        })
    }

    /// Links the offered appeal at `index`, or unlinks it if this form linked it.
    pub fn toggle(&self, index: usize, form: &mut AppealForm) -> Toggled {
        let Some(earlier) = self.offered.get(index) else {
            return Toggled::Nothing;
        };
        let number = &earlier.row.number;
        if self.linked_before.contains(&earlier.row.id) {
            Toggled::AlreadyLinked
        } else if let Some(at) = form.links.iter().position(|n| n == number) {
            form.links.remove(at);
            Toggled::Unlinked
        } else {
            form.links.push(number.clone());
            Toggled::Linked
        }
    }

    pub fn step(&mut self, delta: isize) {
        let last = self.offered.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }
}

/// What linking by hand did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toggled {
    Nothing,
    Linked,
    Unlinked,
    /// Linked before this form: an edit adds links, it does not remove them.
    AlreadyLinked,
}
