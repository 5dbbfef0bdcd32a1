//! The lead's dealings with the applicant while the appeal is worked on: information
//! requests and answers, term extensions, and agreeing how the reply goes out.

use chrono::NaiveDate;

use super::payload::{not_before, not_future, optional, required};
use super::{Context, Outcome};
use crate::domain::action::Refusal;
use crate::domain::fact::Fact;
use crate::domain::model::{Appeal, Extension, InfoRequest, ReplyMethod, Status, TermBasis};

/// Asks the applicant for more material; the appeal waits for the answer.
pub fn request_info(next: &mut Appeal, text: &str, ctx: &Context) -> Result<Outcome, Refusal> {
    let text = required("request text", text)?;
    let fact = Fact::InfoRequested { text: text.clone() };
    next.info_requests.push(InfoRequest {
        by: ctx.actor.login.clone(),
        at: ctx.now,
        text,
        answered_at: None,
        answer: String::new(),
    });
    next.status = Status::AwaitingInfo;
    Ok(Outcome::one(fact, ""))
}

/// Records the applicant's answer to the open request; work goes on.
pub fn info_received(next: &mut Appeal, answer: &str, ctx: &Context) -> Result<Outcome, Refusal> {
    let answer = required("answer", answer)?;
    let request = next
        .info_requests
        .last_mut()
        .filter(|r| r.answered_at.is_none())
        .ok_or(Refusal::NoOpenInfoRequest)?;

    let fact = Fact::InfoAnswered {
        text: answer.clone(),
    };
    request.answered_at = Some(ctx.now);
    request.answer = answer;
    next.status = Status::InProgress;
    Ok(Outcome::one(fact, ""))
}

/// Moves the term later, with reasons and the day the applicant was told (regulation 5.2).
pub fn extend(
    next: &mut Appeal,
    new_term: NaiveDate,
    reasons: &str,
    applicant_told: NaiveDate,
    ctx: &Context,
) -> Result<Outcome, Refusal> {
    if new_term <= next.term {
        return Err(Refusal::TermNotLater {
            new: new_term,
            current: next.term,
        });
    }
    let reasons = required("reasons", reasons)?;
    not_future("applicant told", applicant_told, ctx.today)?;
    not_before("applicant told", applicant_told, next.reg.received_date)?;

    let fact = Fact::TermExtended {
        from: next.term,
        to: new_term,
        applicant_told,
    };
    next.extensions.push(Extension {
        by: ctx.actor.login.clone(),
        at: ctx.now,
        previous_term: next.term,
        new_term,
        reasons: reasons.clone(),
        applicant_told,
    });
    next.term = new_term;
    next.term_basis = TermBasis::Extended;
    Ok(Outcome::one(fact, reasons))
}

/// Records the reply method agreed with an applicant whose appeal named none (regulation 4.4).
pub fn agree_reply_method(
    next: &mut Appeal,
    method: ReplyMethod,
    note: &str,
) -> Result<Outcome, Refusal> {
    if method == ReplyMethod::ToBeAgreed {
        let problem = "choose the method agreed with the applicant".to_string();
        return Err(Refusal::Invalid {
            field: "reply method".into(),
            problem,
        });
    }
    if method == ReplyMethod::Email && next.reg.contacts.email.trim().is_empty() {
        return Err(Refusal::EmailMissing);
    }
    let note = optional("note", note)?;

    next.reg.reply_method = method;
    Ok(Outcome::one(Fact::ReplyMethodAgreed { method }, note))
}
