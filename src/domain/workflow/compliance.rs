//! Compliance control (regulation 8.1): accepting the reply, returning the appeal for rework
//! with its deficiencies, and the lead taking the rework up.

use super::payload::optional;
use super::reply::unsign;
use super::{Context, Outcome};
use crate::domain::action::Refusal;
use crate::domain::fact::Fact;
use crate::domain::model::{Appeal, Reply, Rework, Status};

/// Compliance accepts the sent reply: the appeal is closed.
pub fn accept(next: &mut Appeal, note: &str) -> Result<Outcome, Refusal> {
    let note = optional("note", note)?;
    next.status = Status::Closed;
    Ok(Outcome::one(Fact::Accepted, note))
}

/// Compliance returns the appeal with the deficiencies the lead must remove. A signed or sent
/// reply loses its signature and dispatch: the reworked reply is signed and sent anew. What
/// is withdrawn is written into the history event, so the first dispatch stays on record.
pub fn return_for_rework(
    next: &mut Appeal,
    deficiencies: &[String],
    ctx: &Context,
) -> Result<Outcome, Refusal> {
    let deficiencies = listed(deficiencies)?;
    let from_status = next.status;

    let mut facts = vec![Fact::ReturnedFrom {
        status: from_status,
    }];
    if let Some(reply) = next.reply.as_mut() {
        facts.extend(withdrawn(reply));
        unsign(reply);
    }
    let reason = deficiencies
        .iter()
        .enumerate()
        .map(|(i, d)| format!("{}. {d}", i + 1))
        .collect::<Vec<_>>()
        .join("\n");

    next.reworks.push(Rework {
        by: ctx.actor.login.clone(),
        at: ctx.now,
        from_status,
        deficiencies,
        resumed_at: None,
    });
    next.status = Status::Returned;
    Ok(Outcome::new(facts, reason))
}

/// The lead takes up the rework: the appeal is in progress again.
pub fn resume(next: &mut Appeal, note: &str, ctx: &Context) -> Result<Outcome, Refusal> {
    let note = optional("note", note)?;
    if let Some(rework) = next.reworks.last_mut() {
        rework.resumed_at = Some(ctx.now);
    }
    next.status = Status::InProgress;
    Ok(Outcome::one(Fact::ReworkTakenUp, note))
}

/// The deficiencies given, each checked; blank lines are dropped, but one must remain.
fn listed(deficiencies: &[String]) -> Result<Vec<String>, Refusal> {
    let mut kept = Vec::with_capacity(deficiencies.len());
    for deficiency in deficiencies {
        let deficiency = optional("deficiencies", deficiency)?;
        if !deficiency.is_empty() {
            kept.push(deficiency);
        }
    }
    if kept.is_empty() {
        return Err(Refusal::Missing {
            field: "deficiencies".into(),
        });
    }
    Ok(kept)
}

/// The signature and dispatch a return takes away, for the history.
fn withdrawn(reply: &Reply) -> Vec<Fact> {
    let mut facts = Vec::new();
    if let Some(by) = &reply.signed_by {
        facts.push(Fact::SignatureWithdrawn { by: by.clone() });
    }
    if let Some(dispatch) = &reply.dispatch {
        facts.push(Fact::DispatchWithdrawn {
            date: dispatch.date,
            channel: dispatch.channel,
            outgoing_number: dispatch.outgoing_number.clone(),
            recorded_by: dispatch.by.clone(),
        });
    }
    facts
}
