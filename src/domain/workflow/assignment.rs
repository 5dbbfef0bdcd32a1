//! The manager's and the lead's decisions on who handles an appeal: the resolution, a
//! reassignment, a redirect to another lead, and leaving the appeal without consideration.

use chrono::NaiveDate;

use super::payload::{self, not_before, optional, required};
use super::{Context, Outcome, day};
use crate::domain::action::Refusal;
use crate::domain::model::{Appeal, Resolution, Status, TermBasis};
use crate::domain::user::Login;

/// Issues the resolution: executors in order, the first the lead, and perhaps a set term.
pub fn resolve(
    next: &mut Appeal,
    executors: &[Login],
    instruction: &str,
    term: Option<&(NaiveDate, String)>,
    ctx: &Context,
) -> Result<Outcome, Refusal> {
    let executors = payload::executors(executors, ctx)?;
    let instruction = optional("instruction", instruction)?;
    let term = match term {
        Some((date, basis)) => {
            not_before("term", *date, next.reg.received_date)?;
            Some((*date, required("term basis", basis)?))
        }
        None => None,
    };

    let mut detail = format!("executors: {}", roster(&executors));
    if !instruction.is_empty() {
        detail.push_str(&format!("; instruction: {instruction}"));
    }
    let mut reason = String::new();
    if let Some((date, basis)) = term {
        detail.push_str(&format!("; term set to {}", day(date)));
        next.term = date;
        next.term_basis = TermBasis::Set {
            basis: basis.clone(),
        };
        reason = basis;
    }

    next.resolution = Some(Resolution {
        by: ctx.actor.login.clone(),
        at: ctx.now,
        executors,
        instruction,
    });
    next.status = Status::InProgress;
    Ok(Outcome::new(detail, reason))
}

/// Replaces the executors. What people no longer on the appeal contributed is dropped, and
/// approvals are cleared: the draft must be approved by the executors now named. A draft on
/// approval goes back to work, since it changes hands.
pub fn reassign(
    next: &mut Appeal,
    executors: &[Login],
    reason: &str,
    ctx: &Context,
) -> Result<Outcome, Refusal> {
    let executors = payload::executors(executors, ctx)?;
    let reason = required("reason", reason)?;
    let resolution = next.resolution.as_mut().ok_or(Refusal::NoResolution)?;

    let mut detail = format!(
        "executors: {} (were: {})",
        roster(&executors),
        roster(&resolution.executors)
    );
    resolution.executors = executors;
    resolution.by = ctx.actor.login.clone();
    resolution.at = ctx.now;

    let kept = &resolution.executors;
    next.contributions.retain(|c| kept.contains(&c.by));
    next.approvals.clear();
    if next.status == Status::Approval {
        next.status = Status::InProgress;
        detail.push_str("; the draft returns to work for a new consolidation");
    }
    Ok(Outcome::new(detail, reason))
}

/// Leaves the appeal without consideration, on a legal basis: it is closed.
pub fn dismiss(next: &mut Appeal, basis: &str) -> Result<Outcome, Refusal> {
    let reason = required("basis", basis)?;
    next.status = Status::Closed;
    let detail = "left without consideration".to_string();
    Ok(Outcome::new(detail, reason))
}

/// The lead passes the appeal to another executor, who becomes the lead; the old lead leaves
/// the appeal. A co-executor who takes over moves to the front.
pub fn redirect(
    next: &mut Appeal,
    to: &str,
    justification: &str,
    ctx: &Context,
) -> Result<Outcome, Refusal> {
    let to = payload::executor(to, ctx)?;
    let reason = required("justification", justification)?;
    let resolution = next.resolution.as_mut().ok_or(Refusal::NoResolution)?;
    let old_lead = resolution
        .executors
        .first()
        .cloned()
        .ok_or(Refusal::NoResolution)?;
    if to == old_lead {
        let problem = format!("{to} is already the lead executor");
        return Err(Refusal::Invalid {
            field: "to".into(),
            problem,
        });
    }

    resolution
        .executors
        .retain(|login| login != &old_lead && login != &to);
    resolution.executors.insert(0, to.clone());
    let detail = format!(
        "lead executor: {old_lead} -> {to}; executors now: {}",
        roster(&resolution.executors)
    );
    Ok(Outcome::new(detail, reason))
}

/// Executors as the history lists them: `ivanov (lead), petrova, sidorov`.
pub fn roster(executors: &[Login]) -> String {
    let mut names: Vec<String> = executors.to_vec();
    if let Some(lead) = names.first_mut() {
        lead.push_str(" (lead)");
    }
    names.join(", ")
}
