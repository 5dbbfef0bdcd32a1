//! The way of the reply: contributions, consolidation, approval, signature and dispatch
//! (regulation 5 and 6.2).

use chrono::NaiveDate;

use super::payload::{line, not_before, not_future, optional, required};
use super::{Context, Outcome};
use crate::domain::action::{Draft, Refusal};
use crate::domain::fact::Fact;
use crate::domain::model::{
    Appeal, Approval, Contribution, Dispatch, Reply, ReplyMethod, Status, Verdict,
};
use crate::domain::user::Login;

/// A co-executor's input for the reply; a later one supersedes their earlier one.
pub fn contribute(next: &mut Appeal, text: &str, ctx: &Context) -> Result<Outcome, Refusal> {
    let text = required("contribution", text)?;
    let fact = Fact::Contribution { text: text.clone() };
    next.contributions.push(Contribution {
        by: ctx.actor.login.clone(),
        at: ctx.now,
        text,
    });
    Ok(Outcome::one(fact, ""))
}

/// The lead merges every co-executor's contribution into a draft and sends it to them for
/// approval. Earlier verdicts are cleared: they were on another draft.
pub fn consolidate(next: &mut Appeal, draft: &Draft) -> Result<Outcome, Refusal> {
    let outstanding = missing_contributions(next);
    if !outstanding.is_empty() {
        return Err(Refusal::ContributionsOutstanding { from: outstanding });
    }
    let reply = drafted(draft)?;

    let fact = Fact::DraftForApproval {
        decision: reply.decision,
        to: next.co_executors().to_vec(),
        text: reply.text.clone(),
    };
    let reason = reply.justification.clone();
    next.reply = Some(reply);
    next.approvals.clear();
    next.status = Status::Approval;
    Ok(Outcome::one(fact, reason))
}

/// A co-executor agrees the draft.
pub fn approve(next: &mut Appeal, note: &str, ctx: &Context) -> Result<Outcome, Refusal> {
    let note = optional("note", note)?;
    record_verdict(next, Verdict::Approved, note.clone(), ctx);
    Ok(Outcome::one(Fact::Approved, note))
}

/// A co-executor asks for changes to the draft; the lead consolidates again.
pub fn comment(next: &mut Appeal, text: &str, ctx: &Context) -> Result<Outcome, Refusal> {
    let text = required("comment", text)?;
    record_verdict(next, Verdict::Commented, text.clone(), ctx);
    Ok(Outcome::one(Fact::Commented, text))
}

fn record_verdict(next: &mut Appeal, verdict: Verdict, note: String, ctx: &Context) {
    let by = ctx.actor.login.clone();
    next.approvals.push(Approval {
        by,
        at: ctx.now,
        verdict,
        note,
    });
}

/// Sends the reply for signature: the approved draft, or a lone lead's own draft.
pub fn to_signature(next: &mut Appeal, draft: Option<&Draft>) -> Result<Outcome, Refusal> {
    let new_reply = reply_for_signature(next, draft)?;

    let outcome = match &new_reply {
        Some(reply) => Outcome::one(
            Fact::ForSignature {
                draft: Some((reply.decision, reply.text.clone())),
            },
            reply.justification.clone(),
        ),
        None => Outcome::one(Fact::ForSignature { draft: None }, ""),
    };
    if new_reply.is_some() {
        next.reply = new_reply;
    }
    let reply = next.reply.as_mut().ok_or(Refusal::NoDraft)?;
    unsign(reply);
    next.status = Status::Signing;
    Ok(outcome)
}

/// Whether the reply may go for signature; gives the lone lead's new draft, when there is one.
fn reply_for_signature(appeal: &Appeal, draft: Option<&Draft>) -> Result<Option<Reply>, Refusal> {
    let approved = appeal.status == Status::Approval;
    if approved {
        let outstanding = missing_approvals(appeal);
        if !outstanding.is_empty() {
            return Err(Refusal::ApprovalsOutstanding { from: outstanding });
        }
    }
    if appeal.reg.reply_method == ReplyMethod::ToBeAgreed {
        return Err(Refusal::ReplyMethodNotAgreed);
    }
    match draft {
        Some(_) if approved => Err(approved_text_is_fixed()),
        Some(draft) => Ok(Some(drafted(draft)?)),
        None if appeal.reply.is_none() => Err(Refusal::NoDraft),
        None => Ok(None),
    }
}

/// The co-executors approved one text; a different one would go out unapproved.
fn approved_text_is_fixed() -> Refusal {
    Refusal::Invalid {
        field: "draft".into(),
        problem: "the approved draft cannot change here: consolidate again to have the new \
                  text approved"
            .to_string(),
    }
}

/// A manager signs the reply; it waits for dispatch.
pub fn sign(next: &mut Appeal, note: &str, ctx: &Context) -> Result<Outcome, Refusal> {
    let note = optional("note", note)?;
    let reply = next.reply.as_mut().ok_or(Refusal::NoDraft)?;
    reply.signed_by = Some(ctx.actor.login.clone());
    reply.signed_at = Some(ctx.now);
    Ok(Outcome::one(Fact::Signed, note))
}

/// A manager sends the unsigned reply back to the lead with a comment. The draft stays for the
/// lead to rework; approvals are cleared, as the reworked draft needs new ones.
pub fn send_back(next: &mut Appeal, comment: &str) -> Result<Outcome, Refusal> {
    let comment = required("comment", comment)?;
    let lead = next.lead().cloned().unwrap_or_default();
    next.approvals.clear();
    next.status = Status::InProgress;
    Ok(Outcome::one(Fact::SentBackTo { lead }, comment))
}

/// Records how the signed reply went out: the appeal is answered.
pub fn dispatch(
    next: &mut Appeal,
    date: NaiveDate,
    outgoing_number: &str,
    channel: ReplyMethod,
    ctx: &Context,
) -> Result<Outcome, Refusal> {
    let outgoing_number = line("outgoing number", outgoing_number)?;
    not_future("dispatch date", date, ctx.today)?;
    not_before("dispatch date", date, next.reg.received_date)?;
    if channel == ReplyMethod::ToBeAgreed {
        let problem = "name the channel the reply went by".to_string();
        return Err(Refusal::Invalid {
            field: "channel".into(),
            problem,
        });
    }
    if channel == ReplyMethod::Email && next.reg.contacts.email.trim().is_empty() {
        return Err(Refusal::EmailMissing);
    }

    let fact = Fact::Dispatched {
        date,
        channel,
        outgoing_number: outgoing_number.clone(),
    };
    let by = ctx.actor.login.clone();
    let reply = next.reply.as_mut().ok_or(Refusal::NotSigned)?;
    reply.dispatch = Some(Dispatch {
        date,
        outgoing_number,
        channel,
        by,
    });
    next.status = Status::Sent;
    Ok(Outcome::one(fact, ""))
}

/// Clears what made a reply final, so it has to be signed and sent again.
pub fn unsign(reply: &mut Reply) {
    reply.signed_by = None;
    reply.signed_at = None;
    reply.dispatch = None;
}

/// The lead's draft as a reply not yet signed; its justification and text are required.
fn drafted(draft: &Draft) -> Result<Reply, Refusal> {
    Ok(Reply {
        decision: draft.decision,
        justification: required("justification", &draft.justification)?,
        text: required("reply text", &draft.text)?,
        signed_by: None,
        signed_at: None,
        dispatch: None,
    })
}

/// Co-executors who have not contributed yet.
pub fn missing_contributions(appeal: &Appeal) -> Vec<Login> {
    let co = appeal.co_executors();
    co.iter()
        .filter(|login| appeal.contribution_of(login).is_none())
        .cloned()
        .collect()
}

/// Co-executors who contributed but whose latest verdict on the draft is not an approval.
pub fn missing_approvals(appeal: &Appeal) -> Vec<Login> {
    let approved = |login: &Login| {
        appeal
            .approval_of(login)
            .is_some_and(|a| a.verdict == Verdict::Approved)
    };
    let co = appeal.co_executors();
    co.iter()
        .filter(|login| appeal.contribution_of(login).is_some() && !approved(login))
        .cloned()
        .collect()
}
