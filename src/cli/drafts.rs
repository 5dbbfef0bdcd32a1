//! `appeals drafts` and `appeals drafts drop new|NUMBER`: the user's own drafts of the
//! registration form, as the full-screen form saved them while it was being typed.

use clap::Subcommand;

use super::output::{self, cut};
use super::{Failure, Session};
use crate::domain::draft::{DraftSlot, FormDraft};

/// Words of the summary shown in the list: enough to recognise the appeal on one line.
const SUMMARY_WORDS: usize = 8;

/// Columns before the summary: slot, saved at and applicant with their separators.
const FIXED_WIDTH: usize = 12 + 1 + 16 + 2 + 24 + 1;

#[derive(Debug, Subcommand)]
pub enum DraftsCommand {
    /// Drop one draft: `new` for the new appeal, or the registration number of an edit.
    Drop { slot: String },
}

/// Lists the drafts, newest first, or drops one.
pub fn run(session: &Session, command: Option<DraftsCommand>) -> Result<(), Failure> {
    match command {
        None => list(session),
        Some(DraftsCommand::Drop { slot }) => {
            let slot = DraftSlot::parse(&slot);
            match session.drop_draft(&slot)? {
                true => println!("dropped the draft {slot}"),
                false => println!("no draft {slot}"),
            }
            Ok(())
        }
    }
}

fn list(session: &Session) -> Result<(), Failure> {
    let drafts = session.drafts()?;
    if drafts.is_empty() {
        println!("no drafts");
    }
    let summary_width = output::output_width().saturating_sub(FIXED_WIDTH).max(16);
    for draft in &drafts {
        println!("{}", line(session, draft, summary_width));
    }
    Ok(())
}

/// Slot, when it was saved (office time), applicant and the first words of the summary.
fn line(session: &Session, draft: &FormDraft, summary_width: usize) -> String {
    let saved = session.config.time_zone.wall_clock(draft.saved_at);
    let words: Vec<&str> = draft
        .form
        .summary
        .split_whitespace()
        .take(SUMMARY_WORDS)
        .collect();
    format!(
        "{:<12} {}  {:<24} {}",
        cut(&draft.slot.to_string(), 12),
        saved.format("%d.%m.%Y %H:%M"),
        cut(draft.form.applicant.trim(), 24),
        cut(&words.join(" "), summary_width)
    )
}
