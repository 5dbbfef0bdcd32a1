//! Bringing a database written by an older program up to this one's version when it is
//! opened. Only derived index entries are written, never a record, so a migration cut short
//! is simply done again at the next open.

use std::time::Instant;

use super::codec::{self, Kind};
use super::index;
use super::keys::family;
use super::{Store, StoreError};
use crate::domain::model::Appeal;

/// Appeals whose entries go into one batch: big enough for speed, small enough that a
/// batch of 100,000 appeals' worth of keys is not held in memory at once.
const BATCH: usize = 1000;

impl Store {
    /// Builds what database version 2 added to version 1: every list in received and number
    /// order, and every appeal and each executor's all by term (`index::is_twin`).
    pub(super) fn migrate(&self) -> Result<(), StoreError> {
        let started = Instant::now();
        // Some 10 entries per appeal: about 40 s for 100,000 appeals on a small server, so
        // whoever waits for the server can read why in the log.
        tracing::info!("database version 1: building the queues in received and number order");
        self.clear_twins()?;
        let appeals = self.build_twins()?;
        tracing::info!(
            appeals,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "database version 1 brought to 2: queues in received and number order"
        );
        Ok(())
    }

    /// Removes what a migration cut short left: an older program may have changed appeals
    /// since, so those entries may no longer be what the records imply.
    fn clear_twins(&self) -> Result<(), StoreError> {
        for twin in [family::BY_TERM, family::BY_RECEIVED, family::BY_NUMBER] {
            let mut batch = sled::Batch::default();
            for key in self.index.scan_prefix([twin]).keys() {
                batch.remove(key?);
            }
            self.index.apply_batch(batch)?;
        }
        Ok(())
    }

    /// Writes the new entries of every appeal; gives how many appeals got them.
    fn build_twins(&self) -> Result<usize, StoreError> {
        let (mut appeals, mut batch) = (0usize, sled::Batch::default());
        for item in self.appeals.iter() {
            let (key, bytes) = item?;
            // A record that does not decode gets no entries; the check names it.
            let Ok(appeal) = codec::decode::<Appeal>(Kind::Appeal, "appeals", &key, &bytes) else {
                continue;
            };
            for entry in index::entries(&appeal)
                .into_iter()
                .filter(|k| index::is_twin(k))
            {
                batch.insert(entry, &[]);
            }
            appeals += 1;
            if appeals % BATCH == 0 {
                self.index.apply_batch(std::mem::take(&mut batch))?;
            }
        }
        self.index.apply_batch(batch)?;
        Ok(appeals)
    }
}
