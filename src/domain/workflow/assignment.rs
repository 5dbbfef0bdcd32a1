//! The manager's and the lead's decisions on who handles an appeal: the resolution, a
//! reassignment, a redirect to another lead, and leaving the appeal without consideration.

use chrono::NaiveDate;

use super::payload::{self, not_before, optional, required};
use super::{Context, Outcome};
use crate::domain::action::Refusal;
use crate::domain::fact::Fact;
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

    let mut facts = vec![Fact::Executors {
        executors: executors.clone(),
    }];
    if !instruction.is_empty() {
        let text = instruction.clone();
        facts.push(Fact::Instruction { text });
    }
    let mut reason = String::new();
    if let Some((date, basis)) = term {
        facts.push(Fact::TermSet { term: date });
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
    Ok(Outcome::new(facts, reason))
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

    let mut facts = vec![
        Fact::Executors {
            executors: executors.clone(),
        },
        Fact::FormerExecutors {
            executors: resolution.executors.clone(),
        },
    ];
    resolution.executors = executors;
    resolution.by = ctx.actor.login.clone();
    resolution.at = ctx.now;

    let kept = &resolution.executors;
    next.contributions.retain(|c| kept.contains(&c.by));
    next.approvals.clear();
    if next.status == Status::Approval {
        next.status = Status::InProgress;
        facts.push(Fact::DraftBackToWork);
    }
    Ok(Outcome::new(facts, reason))
}

/// Leaves the appeal without consideration, on a legal basis: it is closed.
pub fn dismiss(next: &mut Appeal, basis: &str) -> Result<Outcome, Refusal> {
    let reason = required("basis", basis)?;
    next.status = Status::Closed;
    Ok(Outcome::one(Fact::LeftWithoutConsideration, reason))
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
    let facts = vec![
        Fact::LeadChanged { from: old_lead, to },
        Fact::Executors {
            executors: resolution.executors.clone(),
        },
    ];
    Ok(Outcome::new(facts, reason))
}
