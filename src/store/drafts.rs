//! Drafts of the registration form, in a tree of their own keyed by owner and slot. They are
//! working state, not registry records: no history, no indexes, not in backups.
//!
//! A draft save is not made durable on its own. The screen saves about once a second while
//! the operator types, and an fsync each time would cost every writer of the registry
//! (registrations share the fsyncs, see `GroupSync`) for text that is retyped in a minute if
//! a power cut loses it. sled writes its log out every half second by itself, and any
//! registration's sync carries the drafts saved before it; a server that exits syncs too.

use super::codec::{self, Kind};
use super::keys;
use super::{Store, StoreError};
use crate::domain::draft::{DRAFT_LIMIT, DRAFTS_PER_OWNER, DraftSlot, FormDraft};

impl Store {
    /// Stores a draft in place of the owner's draft of the same slot. Refused when it is over
    /// [`DRAFT_LIMIT`] encoded, or when it would be the owner's draft past
    /// [`DRAFTS_PER_OWNER`] (a limit that two saves racing for new slots may pass by one).
    pub fn save_draft(&self, draft: &FormDraft) -> Result<(), StoreError> {
        let too_large = |bytes| StoreError::DraftTooLarge {
            bytes,
            limit: DRAFT_LIMIT,
        };
        // Checked before encoding too, so that no size of text makes the encoder work hard.
        if draft.text_bytes() > DRAFT_LIMIT {
            return Err(too_large(draft.text_bytes()));
        }
        let value = codec::encode(Kind::Draft, draft);
        if value.len() > DRAFT_LIMIT {
            return Err(too_large(value.len()));
        }
        let key = keys::draft(&draft.owner, &draft.slot);
        if !self.drafts.contains_key(&key)? {
            let count = self
                .drafts
                .scan_prefix(keys::drafts_of(&draft.owner))
                .count();
            if count >= DRAFTS_PER_OWNER {
                return Err(StoreError::TooManyDrafts {
                    owner: draft.owner.clone(),
                    limit: DRAFTS_PER_OWNER,
                });
            }
        }
        self.drafts.insert(key, value)?;
        Ok(())
    }

    /// The owner's drafts in key order. One that does not decode is left out and logged: a
    /// lost draft is text to type again, not a reason to withhold the others; `check` names
    /// it, and saving or dropping its slot replaces it.
    pub fn drafts(&self, owner: &str) -> Result<Vec<FormDraft>, StoreError> {
        let mut found = Vec::new();
        for item in self.drafts.scan_prefix(keys::drafts_of(owner)) {
            let (key, bytes) = item?;
            match codec::decode_draft("drafts", &key, &bytes) {
                Ok(draft) => found.push(draft),
                Err(e) => tracing::warn!(user = owner, error = %e, "damaged draft left out"),
            }
        }
        Ok(found)
    }

    /// Removes the owner's draft of one slot; true when there was one.
    pub fn drop_draft(&self, owner: &str, slot: &DraftSlot) -> Result<bool, StoreError> {
        Ok(self.drafts.remove(keys::draft(owner, slot))?.is_some())
    }
}
