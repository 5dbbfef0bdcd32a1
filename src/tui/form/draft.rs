//! Drafts of the form kept on the server while the operator types, so that a dropped SSH
//! connection or a closed terminal loses nothing: saved a moment after the last change, on
//! termination, and dropped once the appeal is saved or the operator discards the form.

use std::time::{Duration, Instant};

use crate::client::ClientError;
use crate::domain::draft::{DraftSlot, FormDraft};
use crate::domain::validate::AppealForm;
use crate::protocol::{Request, Response};
use crate::tui::source::Source;
use crate::tui::table::unexpected;

/// How long after the last change the draft is saved: typing at speed costs one request a
/// second at most, and a connection lost mid-sentence loses at most that second.
pub const PAUSE: Duration = Duration::from_secs(1);

/// How long to wait before trying again when a save failed (the server is away): often
/// enough to catch it coming back, rarely enough not to spin.
pub const RETRY: Duration = Duration::from_secs(5);

/// Where drafts are kept: the server, or a stand-in in tests.
pub trait Drafts {
    fn save(
        &mut self,
        slot: &DraftSlot,
        form: &AppealForm,
        base: Option<u64>,
    ) -> Result<(), ClientError>;
    fn drop_draft(&mut self, slot: &DraftSlot) -> Result<(), ClientError>;
}

/// The drafts of the server behind a source.
pub struct OnServer<'a>(pub &'a mut dyn Source);

impl Drafts for OnServer<'_> {
    fn save(
        &mut self,
        slot: &DraftSlot,
        form: &AppealForm,
        base: Option<u64>,
    ) -> Result<(), ClientError> {
        let request = Request::SaveDraft {
            slot: slot.clone(),
            form: Box::new(form.clone()),
            base_revision: base,
        };
        match self.0.call(request)? {
            Response::Draft(_) => Ok(()),
            other => Err(unexpected(&other)),
        }
    }

    fn drop_draft(&mut self, slot: &DraftSlot) -> Result<(), ClientError> {
        let request = Request::DropDraft { slot: slot.clone() };
        match self.0.call(request)? {
            Response::DraftDropped { .. } => Ok(()),
            other => Err(unexpected(&other)),
        }
    }
}

/// The caller's drafts on the server, newest first.
pub fn waiting(source: &mut dyn Source) -> Result<Vec<FormDraft>, ClientError> {
    match source.call(Request::Drafts)? {
        Response::Drafts(drafts) => Ok(drafts),
        other => Err(unexpected(&other)),
    }
}

/// When the form's draft is next saved, and whether the server holds one.
#[derive(Debug, Default)]
pub struct Timer {
    due: Option<Instant>,
    /// A draft of this form may be on the server (saved, or the form was opened from it).
    stored: bool,
}

impl Timer {
    /// A timer for a form opened from a draft the server holds.
    pub fn from_stored() -> Timer {
        Timer {
            due: None,
            stored: true,
        }
    }

    pub fn due(&self) -> Option<Instant> {
        self.due
    }

    /// The form changed: save a pause from now, however many changes follow within it.
    pub fn changed(&mut self, now: Instant) {
        self.due = Some(now + PAUSE);
    }

    /// Saves now if a change is waiting; after a failure, tries again [`RETRY`] from `now`.
    pub fn flush(
        &mut self,
        drafts: &mut dyn Drafts,
        slot: &DraftSlot,
        form: &AppealForm,
        base: Option<u64>,
        now: Instant,
    ) -> Result<(), ClientError> {
        if self.due.is_none() {
            return Ok(());
        }
        if let Err(e) = drafts.save(slot, form, base) {
            self.due = Some(now + RETRY);
            return Err(e);
        }
        self.due = None;
        self.stored = true;
        Ok(())
    }

    /// The appeal was saved: the server dropped the draft with it.
    pub fn finished(&mut self) {
        *self = Timer::default();
    }

    /// The operator discarded the form: the draft goes too.
    pub fn discard(
        &mut self,
        drafts: &mut dyn Drafts,
        slot: &DraftSlot,
    ) -> Result<(), ClientError> {
        self.due = None;
        if self.stored {
            drafts.drop_draft(slot)?;
            self.stored = false;
        }
        Ok(())
    }
}
