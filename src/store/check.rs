//! The consistency check: every record decodes, the indexes and counters equal what the
//! records imply, numbers are gapless within each year and histories are contiguous. Drafts
//! of the registration form must decode and sit under their own owner and slot.

use std::collections::{BTreeMap, BTreeSet};

use super::codec::{self, Kind};
use super::index;
use super::keys::{self, meta};
use super::write::read_counter;
use super::{Store, StoreError};
use crate::domain::model::{Appeal, AppealId};
use crate::domain::user::User;

/// Stop listing problems of one kind past this many; the count still says how many.
const SHOWN_PER_KIND: usize = 20;

/// What the check looked at and what it found wrong.
#[derive(Debug, Default, Clone)]
pub struct CheckReport {
    pub appeals: u64,
    pub history_events: u64,
    pub users: u64,
    pub index_entries: u64,
    pub drafts: u64,
    pub years: BTreeMap<i32, u32>,
    pub problems: Vec<String>,
}

impl CheckReport {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    fn problem(&mut self, text: String) {
        self.problems.push(text);
    }
}

impl Store {
    /// Reads the whole database and compares it with what the records imply.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        let mut report = CheckReport::default();
        let appeals = self.check_appeals(&mut report)?;
        self.check_history(&appeals, &mut report)?;
        self.check_users(&mut report)?;
        self.check_index(&appeals, &mut report)?;
        self.check_groups(&mut report)?;
        self.check_counters(&appeals, &mut report)?;
        check_numbers(&appeals, &mut report);
        self.check_drafts(&mut report)?;
        Ok(report)
    }

    fn check_appeals(&self, report: &mut CheckReport) -> Result<Vec<Appeal>, StoreError> {
        let mut appeals = Vec::new();
        for item in self.appeals.iter() {
            let (key, bytes) = item?;
            report.appeals += 1;
            match codec::decode::<Appeal>(Kind::Appeal, "appeals", &key, &bytes) {
                Ok(a) if key.as_ref() == keys::appeal(a.id) => appeals.push(a),
                Ok(a) => report.problem(format!("appeal {} stored under another key", a.id)),
                Err(e) => report.problem(e.to_string()),
            }
        }
        Ok(appeals)
    }

    fn check_history(
        &self,
        appeals: &[Appeal],
        report: &mut CheckReport,
    ) -> Result<(), StoreError> {
        let mut seen: BTreeMap<AppealId, Vec<u32>> = BTreeMap::new();
        for item in self.history.iter() {
            let (key, bytes) = item?;
            report.history_events += 1;
            let Some((id, seq)) = keys::parse_history(&key) else {
                report.problem(format!(
                    "history key {} is malformed",
                    codec::describe_key(&key)
                ));
                continue;
            };
            match codec::decode_history("history", &key, &bytes) {
                Ok(e) if e.appeal == id && e.seq == seq => seen.entry(id).or_default().push(seq),
                Ok(_) => report.problem(format!("history event {id}/{seq} names another place")),
                Err(e) => report.problem(e.to_string()),
            }
        }
        for appeal in appeals {
            let seqs = seen.remove(&appeal.id).unwrap_or_default();
            let expected: Vec<u32> = (0..appeal.history_len).collect();
            if seqs != expected {
                report.problem(format!(
                    "appeal {}: history has events {:?}, expected 0..{}",
                    appeal.number_text,
                    abbreviate(&seqs),
                    appeal.history_len
                ));
            }
        }
        for id in seen.keys() {
            report.problem(format!(
                "history events of appeal id {id}, which does not exist"
            ));
        }
        Ok(())
    }

    fn check_users(&self, report: &mut CheckReport) -> Result<(), StoreError> {
        for item in self.users.iter() {
            let (key, bytes) = item?;
            report.users += 1;
            match codec::decode::<User>(Kind::User, "users", &key, &bytes) {
                Ok(u) if u.login.as_bytes() == key.as_ref() => {}
                Ok(u) => report.problem(format!("user {} stored under another key", u.login)),
                Err(e) => report.problem(e.to_string()),
            }
        }
        Ok(())
    }

    /// A damaged draft is named by its owner and slot when the key still says them, and always
    /// by the key itself (in the decoder's message), so that it can be dropped.
    fn check_drafts(&self, report: &mut CheckReport) -> Result<(), StoreError> {
        for item in self.drafts.iter() {
            let (key, bytes) = item?;
            report.drafts += 1;
            let Some((owner, slot)) = keys::parse_draft(&key) else {
                let key = codec::describe_key(&key);
                report.problem(format!("draft key {key} is malformed"));
                continue;
            };
            match codec::decode_draft("drafts", &key, &bytes) {
                Ok(d) if d.owner == owner && d.slot == slot => {}
                Ok(_) => report.problem(format!("draft {owner}/{slot} names another place")),
                Err(e) => report.problem(format!("draft {owner}/{slot}: {e}")),
            }
        }
        Ok(())
    }

    fn check_index(&self, appeals: &[Appeal], report: &mut CheckReport) -> Result<(), StoreError> {
        let mut expected: BTreeSet<Vec<u8>> = BTreeSet::new();
        for appeal in appeals {
            expected.extend(index::entries(appeal));
        }
        let (mut extra, mut valued) = (Vec::new(), Vec::new());
        for item in self.index.iter() {
            let (key, value) = item?;
            report.index_entries += 1;
            if !expected.remove(key.as_ref()) {
                extra.push(codec::describe_key(&key));
            } else if !value.is_empty() {
                valued.push(codec::describe_key(&key));
            }
        }
        let missing: Vec<String> = expected.iter().map(|k| codec::describe_key(k)).collect();
        let kinds = [
            ("missing", missing),
            ("not implied by any record", extra),
            ("with a value where none belongs", valued),
        ];
        for (what, keys) in kinds {
            if !keys.is_empty() {
                let list = abbreviate(&keys);
                report.problem(format!("{} index entries {what}: {list}", keys.len()));
            }
        }
        Ok(())
    }

    /// Group counters must equal the number of index entries in each group.
    fn check_groups(&self, report: &mut CheckReport) -> Result<(), StoreError> {
        let mut implied: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
        for key in self.index.iter().keys() {
            let key = key?;
            if let Some(group) = index::group(&key) {
                *implied.entry(meta::group(group)).or_default() += 1;
            }
        }
        for item in self.meta.scan_prefix(meta::group(&[])) {
            let (key, bytes) = item?;
            let stored: u64 = match codec::decode(Kind::Counter, "meta", &key, &bytes) {
                Ok(n) => n,
                Err(e) => {
                    report.problem(e.to_string());
                    continue;
                }
            };
            let real = implied.remove(key.as_ref()).unwrap_or(0);
            if real != stored {
                let group = codec::describe_key(&key);
                report.problem(format!(
                    "group counter {group} says {stored}, index has {real}"
                ));
            }
        }
        for key in implied.keys() {
            report.problem(format!(
                "group counter {} is missing",
                codec::describe_key(key)
            ));
        }
        Ok(())
    }

    fn check_counters(
        &self,
        appeals: &[Appeal],
        report: &mut CheckReport,
    ) -> Result<(), StoreError> {
        let mut implied: BTreeMap<u8, u64> = BTreeMap::new();
        for appeal in appeals {
            *implied.entry(index::stage(appeal)).or_default() += 1;
        }
        for (stage, stored) in self.stage_counts()? {
            let real = implied.get(&stage).copied().unwrap_or(0);
            if real != stored {
                report.problem(format!(
                    "stage {stage} counter says {stored}, records say {real}"
                ));
            }
        }
        let next_id = read_counter(&self.meta, meta::NEXT_ID)?.max(1);
        let max_id = appeals.iter().map(|a| a.id).max().unwrap_or(0);
        if next_id != max_id + 1 {
            report.problem(format!(
                "next id is {next_id}, but the last appeal is {max_id}"
            ));
        }
        if appeals.len() as u64 != max_id {
            report.problem(format!(
                "{} appeals for ids 1..={max_id}: ids have gaps",
                appeals.len()
            ));
        }
        for (year, last) in years(appeals) {
            let stored = read_counter(&self.meta, &meta::seq(year))?;
            if stored != u64::from(last) {
                report.problem(format!(
                    "year {year}: sequence counter {stored}, last number {last}"
                ));
            }
        }
        Ok(())
    }
}

fn years(appeals: &[Appeal]) -> BTreeMap<i32, u32> {
    let mut years = BTreeMap::new();
    for appeal in appeals {
        let last = years.entry(appeal.number.year).or_insert(0);
        *last = (*last).max(appeal.number.seq);
    }
    years
}

/// Numbers of each year must be exactly 1..=n, each once, and their texts unique.
fn check_numbers(appeals: &[Appeal], report: &mut CheckReport) {
    let mut by_year: BTreeMap<i32, Vec<u32>> = BTreeMap::new();
    let mut texts = BTreeSet::new();
    for appeal in appeals {
        by_year
            .entry(appeal.number.year)
            .or_default()
            .push(appeal.number.seq);
        if !texts.insert(appeal.number_text.as_str()) {
            report.problem(format!("number {} is given twice", appeal.number_text));
        }
    }
    for (year, mut seqs) in by_year {
        seqs.sort_unstable();
        let n = seqs.len() as u32;
        if seqs != (1..=n).collect::<Vec<_>>() {
            report.problem(format!("year {year}: numbers are not 1..={n} without gaps"));
        }
        report.years.insert(year, n);
    }
}

fn abbreviate<T: std::fmt::Debug>(items: &[T]) -> String {
    let shown: Vec<String> = items
        .iter()
        .take(SHOWN_PER_KIND)
        .map(|i| format!("{i:?}"))
        .collect();
    let more = items.len().saturating_sub(SHOWN_PER_KIND);
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}
