//! Changes: registration, workflow actions and bulk loading, each one sled transaction over
//! the appeal, its history event, its indexes and the counters, then made durable. The draft
//! a registration or an edit completes is removed in the same transaction.

use std::collections::BTreeSet;

use sled::Transactional;
use sled::transaction::{
    ConflictableTransactionError, TransactionError, TransactionalTree, UnabortableTransactionError,
};

use super::codec::{self, Kind};
use super::index;
use super::keys::{self, meta};
use super::{Store, StoreError};
use crate::domain::action::Refusal;
use crate::domain::draft::DraftSlot;
use crate::domain::model::{Appeal, AppealId, HistoryEvent, RegNumber};
use crate::domain::workflow::NewIdentity;

/// The trees one change touches, inside its transaction.
struct Tx<'a> {
    appeals: &'a TransactionalTree,
    history: &'a TransactionalTree,
    index: &'a TransactionalTree,
    meta: &'a TransactionalTree,
    drafts: &'a TransactionalTree,
}

type TxResult<T> = Result<T, ConflictableTransactionError<StoreError>>;

fn abort<T>(error: impl Into<StoreError>) -> TxResult<T> {
    Err(ConflictableTransactionError::Abort(error.into()))
}

fn storage(e: UnabortableTransactionError) -> ConflictableTransactionError<StoreError> {
    e.into()
}

/// Builds the new appeal and its first event from the identity the store gives it.
pub type Make<'a> = &'a dyn Fn(NewIdentity) -> Result<(Appeal, HistoryEvent), Refusal>;
/// Turns the stored appeal into the changed one and its event.
pub type Change<'a> = &'a dyn Fn(&Appeal) -> Result<(Appeal, HistoryEvent), Refusal>;
/// The draft a change completes, by owner and slot: removed with the change, so that a crash
/// can never leave the draft of a registered appeal to be offered, and registered, again.
pub type Finished<'a> = Option<(&'a str, &'a DraftSlot)>;

impl Store {
    fn transact<T>(&self, body: impl Fn(&Tx) -> TxResult<T>) -> Result<T, StoreError> {
        let trees = (
            &self.appeals,
            &self.history,
            &self.index,
            &self.meta,
            &self.drafts,
        );
        let result = trees.transaction(|(appeals, history, index, meta, drafts)| {
            body(&Tx {
                appeals,
                history,
                index,
                meta,
                drafts,
            })
        });
        match result {
            Ok(value) => Ok(value),
            Err(TransactionError::Abort(e)) => Err(e),
            Err(TransactionError::Storage(e)) => Err(e.into()),
        }
    }

    /// Registers a new appeal under the next number of `year`, durably.
    pub fn register(
        &self,
        year: i32,
        format: &dyn Fn(i32, u32) -> String,
        make: Make,
        finished: Finished,
    ) -> Result<(Appeal, HistoryEvent), StoreError> {
        let done = self.transact(|tx| {
            let id = counter(tx.meta, meta::NEXT_ID)?.max(1);
            let seq = counter(tx.meta, &meta::seq(year))? + 1;
            let seq32 = u32::try_from(seq).or_else(|_| abort(bulk("year sequence exhausted")))?;
            let number = RegNumber { year, seq: seq32 };
            let identity = NewIdentity {
                id,
                number,
                number_text: format(year, seq32),
            };
            let (appeal, event) = make(identity).or_else(abort)?;
            set_counter(tx.meta, meta::NEXT_ID, id + 1)?;
            set_counter(tx.meta, &meta::seq(year), seq)?;
            insert_new(tx, &appeal, std::slice::from_ref(&event))?;
            remove_draft(tx, finished)?;
            Ok((appeal, event))
        })?;
        self.sync()?;
        Ok(done)
    }

    /// Applies one change to a stored appeal, refusing it when `expected` is an older
    /// revision than the stored one.
    pub fn act(
        &self,
        id: AppealId,
        expected: Option<u64>,
        change: Change,
        finished: Finished,
    ) -> Result<(Appeal, HistoryEvent), StoreError> {
        let done = self.transact(|tx| {
            let old = load(tx, id)?;
            if let Some(expected) = expected.filter(|e| *e != old.revision) {
                return abort(conflict(tx, &old, expected)?);
            }
            let (new, event) = change(&old).or_else(abort)?;
            if new.id != id || event.seq != old.history_len || new.history_len != event.seq + 1 {
                return abort(bulk("a change must keep the id and append one event"));
            }
            replace(tx, &old, &new)?;
            put_event(tx, &event)?;
            remove_draft(tx, finished)?;
            Ok((new, event))
        })?;
        self.sync()?;
        Ok(done)
    }

    /// The identity the next registration in `year` would get, for bulk loading.
    pub fn next_identity(&self, year: i32) -> Result<(AppealId, u32), StoreError> {
        let next_id = read_counter(&self.meta, meta::NEXT_ID)?.max(1);
        let seq = read_counter(&self.meta, &meta::seq(year))? + 1;
        Ok((next_id, u32::try_from(seq).unwrap_or(u32::MAX)))
    }

    /// Stores whole appeals with their histories in one transaction, for `demo` and restore.
    /// Ids and numbers must continue the counters exactly, so the numbering stays gapless.
    pub fn insert_batch(&self, items: &[(Appeal, Vec<HistoryEvent>)]) -> Result<(), StoreError> {
        self.transact(|tx| {
            for (appeal, events) in items {
                let id = counter(tx.meta, meta::NEXT_ID)?.max(1);
                let year = appeal.number.year;
                let seq = counter(tx.meta, &meta::seq(year))? + 1;
                if appeal.id != id || u64::from(appeal.number.seq) != seq {
                    let why = format!(
                        "appeal {} out of order (next id {id}, seq {seq})",
                        appeal.id
                    );
                    return abort(bulk(&why));
                }
                set_counter(tx.meta, meta::NEXT_ID, id + 1)?;
                set_counter(tx.meta, &meta::seq(year), seq)?;
                insert_new(tx, appeal, events)?;
            }
            Ok(())
        })?;
        self.sync()
    }
}

fn bulk(why: &str) -> StoreError {
    StoreError::Bulk(why.to_string())
}

fn load(tx: &Tx, id: AppealId) -> TxResult<Appeal> {
    let key = keys::appeal(id);
    let Some(bytes) = tx.appeals.get(key)? else {
        return abort(StoreError::NotFound(id));
    };
    codec::decode(Kind::Appeal, "appeals", &key, &bytes).or_else(abort)
}

/// Who changed the appeal last, for the refusal of a stale change.
fn conflict(tx: &Tx, appeal: &Appeal, expected: u64) -> TxResult<StoreError> {
    let key = keys::history(appeal.id, appeal.history_len.saturating_sub(1));
    let Some(bytes) = tx.history.get(key)? else {
        return abort(StoreError::NotFound(appeal.id));
    };
    let last: HistoryEvent = codec::decode_history("history", &key, &bytes).or_else(abort)?;
    Ok(StoreError::Conflict {
        expected,
        current: appeal.revision,
        by: last.by,
        at: last.at,
    })
}

fn insert_new(tx: &Tx, appeal: &Appeal, events: &[HistoryEvent]) -> TxResult<()> {
    if tx.appeals.get(keys::appeal(appeal.id))?.is_some() {
        return abort(bulk("an appeal with this id exists"));
    }
    tx.appeals.insert(
        &keys::appeal(appeal.id),
        codec::encode(Kind::Appeal, appeal),
    )?;
    for event in events {
        put_event(tx, event)?;
    }
    write_index(tx, &BTreeSet::new(), &index::entries(appeal))?;
    bump(tx, index::stage(appeal), 1)
}

fn replace(tx: &Tx, old: &Appeal, new: &Appeal) -> TxResult<()> {
    tx.appeals
        .insert(&keys::appeal(new.id), codec::encode(Kind::Appeal, new))?;
    write_index(tx, &index::entries(old), &index::entries(new))?;
    let (from, to) = (index::stage(old), index::stage(new));
    if from != to {
        bump(tx, from, -1)?;
        bump(tx, to, 1)?;
    }
    Ok(())
}

fn remove_draft(tx: &Tx, finished: Finished) -> TxResult<()> {
    if let Some((owner, slot)) = finished {
        tx.drafts.remove(keys::draft(owner, slot))?;
    }
    Ok(())
}

fn put_event(tx: &Tx, event: &HistoryEvent) -> TxResult<()> {
    let key = keys::history(event.appeal, event.seq);
    tx.history
        .insert(&key, codec::encode(Kind::History, event))?;
    Ok(())
}

/// Removes the entries only the old record implied and writes those only the new one
/// implies, keeping the group counters in step.
fn write_index(tx: &Tx, old: &BTreeSet<Vec<u8>>, new: &BTreeSet<Vec<u8>>) -> TxResult<()> {
    for key in old.difference(new) {
        tx.index.remove(key.as_slice())?;
        count_group(tx, key, -1)?;
    }
    for key in new.difference(old) {
        tx.index.insert(key.as_slice(), &[])?;
        count_group(tx, key, 1)?;
    }
    Ok(())
}

fn count_group(tx: &Tx, key: &[u8], by: i64) -> TxResult<()> {
    let Some(group) = index::group(key) else {
        return Ok(());
    };
    let key = meta::group(group);
    let now = counter(tx.meta, &key)?.saturating_add_signed(by);
    if now == 0 {
        tx.meta.remove(key)?;
        return Ok(());
    }
    set_counter(tx.meta, &key, now)
}

fn bump(tx: &Tx, stage: u8, by: i64) -> TxResult<()> {
    let key = meta::count(stage);
    let now = counter(tx.meta, &key)?;
    set_counter(tx.meta, &key, now.saturating_add_signed(by))
}

fn counter(meta: &TransactionalTree, key: &[u8]) -> TxResult<u64> {
    match meta.get(key).map_err(storage)? {
        Some(bytes) => codec::decode(Kind::Counter, "meta", key, &bytes).or_else(abort),
        None => Ok(0),
    }
}

fn set_counter(meta: &TransactionalTree, key: &[u8], value: u64) -> TxResult<()> {
    meta.insert(key, codec::encode(Kind::Counter, &value))?;
    Ok(())
}

/// Reads a counter outside a transaction.
pub(super) fn read_counter(meta: &sled::Tree, key: &[u8]) -> Result<u64, StoreError> {
    match meta.get(key)? {
        Some(bytes) => codec::decode(Kind::Counter, "meta", key, &bytes),
        None => Ok(0),
    }
}
