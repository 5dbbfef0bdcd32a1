//! `appeals act NUMBER ACTION [options]`: every workflow action from the command line.

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::register::{RegisterArgs, form_of, relative_date};
use super::{Failure, Session};
use crate::domain::action::{Action, Draft};
use crate::domain::labels::Labelled;
use crate::domain::model::{Decision, ReplyMethod};
use crate::domain::validate::parse_date;
use crate::service::api::ActRequest;

#[derive(Debug, Args)]
pub struct ActArgs {
    /// Registration number, e.g. 2026-00017.
    pub number: String,
    /// Refuse the action if the appeal changed since this revision (see `show`).
    #[arg(long)]
    pub revision: Option<u64>,
    #[command(subcommand)]
    pub action: ActCommand,
}

/// The reply draft, for consolidate and to-signature.
#[derive(Debug, Clone, Args)]
pub struct DraftArgs {
    /// positive or negative.
    #[arg(long)]
    pub decision: Option<String>,
    #[arg(long)]
    pub justification: Option<String>,
    /// The text of the reply.
    #[arg(long)]
    pub text: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ActCommand {
    /// Correct the registration fields while the appeal awaits its resolution.
    Edit(Box<RegisterArgs>),
    /// Issue the resolution: executors in order, the first is the lead.
    Resolve {
        #[arg(long = "executor", required = true)]
        executors: Vec<String>,
        #[arg(long, default_value = "")]
        instruction: String,
        /// A term set by the resolution; needs --term-basis.
        #[arg(long)]
        term: Option<String>,
        #[arg(long)]
        term_basis: Option<String>,
    },
    /// Replace the executors.
    Reassign {
        #[arg(long = "executor", required = true)]
        executors: Vec<String>,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Pass the appeal to another employee, with a justification (lead).
    Redirect {
        #[arg(long)]
        to: String,
        #[arg(long, default_value = "")]
        justification: String,
    },
    /// Ask the applicant for more material (lead).
    RequestInfo {
        #[arg(long, default_value = "")]
        text: String,
    },
    /// Record the applicant's answer (lead).
    InfoReceived {
        #[arg(long, default_value = "")]
        answer: String,
    },
    /// Extend the term, with reasons and the date the applicant was told.
    Extend {
        #[arg(long)]
        new_term: String,
        #[arg(long, default_value = "")]
        reasons: String,
        /// Date the applicant was told; default today.
        #[arg(long, default_value = "today")]
        told: String,
    },
    /// Agree the reply method with the applicant (lead).
    AgreeReplyMethod {
        /// post, email, in-person, edms or portal.
        #[arg(long)]
        method: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Submit a contribution (co-executor).
    Contribute {
        #[arg(long, default_value = "")]
        text: String,
    },
    /// Merge the contributions into the draft and send it for approval (lead).
    Consolidate(DraftArgs),
    /// Approve the draft (co-executor who contributed).
    Approve {
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Comment on the draft instead of approving it.
    Comment {
        #[arg(long, default_value = "")]
        text: String,
    },
    /// Send for signature (lead); a single executor gives the draft here.
    ToSignature(DraftArgs),
    /// Sign the reply (manager).
    Sign {
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Send the reply back to the lead with a comment (manager).
    SendBack {
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// Record dispatch of the signed reply (lead or registrar).
    Dispatch {
        /// Default today.
        #[arg(long, default_value = "today")]
        date: String,
        #[arg(long, default_value = "")]
        outgoing_number: String,
        /// post, email, in-person, edms or portal.
        #[arg(long)]
        channel: String,
    },
    /// Accept the reply and close the appeal (compliance).
    Accept {
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Return for rework with the deficiencies (compliance).
    Return {
        #[arg(long = "deficiency", required = true)]
        deficiencies: Vec<String>,
    },
    /// Resume work after a return (lead).
    Resume {
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Leave without consideration, on a legal basis (manager).
    Dismiss {
        #[arg(long, default_value = "")]
        basis: String,
    },
}

pub fn run(session: &Session, args: &ActArgs) -> Result<(), Failure> {
    let today = session.today();
    let outcome = match &args.action {
        ActCommand::Edit(fields) => {
            let view = session.show(&args.number)?;
            let form = fields.overlay(form_of(&view.appeal.reg), today);
            let revision = args.revision.or(Some(view.appeal.revision));
            session.edit(&args.number, revision, &form)?
        }
        other => {
            let action = to_action(other, today)?;
            let request = ActRequest {
                number: args.number.clone(),
                revision: args.revision,
                action,
            };
            session.act(&request)?
        }
    };
    println!(
        "{} {}: {:?} (revision {}, term {})",
        outcome.number,
        outcome.event.detail,
        outcome.status,
        outcome.revision,
        outcome.term.format("%d.%m.%Y")
    );
    Ok(())
}

fn date(flag: &str, text: &str, today: NaiveDate) -> Result<NaiveDate, Failure> {
    parse_date(&relative_date(text, today))
        .map_err(|p| Failure::Refused(format!("{flag} `{text}`: {p}")))
}

fn reply_method(flag: &str, text: &str) -> Result<ReplyMethod, Failure> {
    ReplyMethod::parse(text).ok_or_else(|| {
        Failure::Refused(format!(
            "{flag} `{text}`: expected one of {}",
            ReplyMethod::codes()
        ))
    })
}

fn draft(args: &DraftArgs) -> Result<Option<Draft>, Failure> {
    if args.decision.is_none() && args.justification.is_none() && args.text.is_none() {
        return Ok(None);
    }
    let decision = match args.decision.as_deref().map(str::trim) {
        Some("positive") => Decision::Positive,
        Some("negative") => Decision::Negative,
        other => {
            let given = other.unwrap_or("");
            return Err(Failure::Refused(format!(
                "--decision `{given}`: expected positive or negative"
            )));
        }
    };
    Ok(Some(Draft {
        decision,
        justification: args.justification.clone().unwrap_or_default(),
        text: args.text.clone().unwrap_or_default(),
    }))
}

fn to_action(command: &ActCommand, today: NaiveDate) -> Result<Action, Failure> {
    use ActCommand as C;
    Ok(match command {
        C::Edit(_) => return Err(Failure::Refused("edit takes the registration flags".into())),
        C::Resolve {
            executors,
            instruction,
            term,
            term_basis,
        } => Action::Resolve {
            executors: executors.clone(),
            instruction: instruction.clone(),
            term: term_override(term.as_deref(), term_basis.as_deref(), today)?,
        },
        C::Reassign { executors, reason } => Action::Reassign {
            executors: executors.clone(),
            reason: reason.clone(),
        },
        C::Redirect { to, justification } => Action::Redirect {
            to: to.clone(),
            justification: justification.clone(),
        },
        C::RequestInfo { text } => Action::RequestInfo { text: text.clone() },
        C::InfoReceived { answer } => Action::InfoReceived {
            answer: answer.clone(),
        },
        C::Extend {
            new_term,
            reasons,
            told,
        } => Action::Extend {
            new_term: date("--new-term", new_term, today)?,
            reasons: reasons.clone(),
            applicant_told: date("--told", told, today)?,
        },
        C::AgreeReplyMethod { method, note } => Action::AgreeReplyMethod {
            method: reply_method("--method", method)?,
            note: note.clone(),
        },
        C::Contribute { text } => Action::Contribute { text: text.clone() },
        C::Consolidate(args) => Action::Consolidate(draft(args)?.ok_or_else(|| {
            Failure::Refused("consolidate needs --decision, --justification and --text".into())
        })?),
        C::Approve { note } => Action::Approve { note: note.clone() },
        C::Comment { text } => Action::Comment { text: text.clone() },
        C::ToSignature(args) => Action::ToSignature {
            draft: draft(args)?,
        },
        C::Sign { note } => Action::Sign { note: note.clone() },
        C::SendBack { comment } => Action::SendBack {
            comment: comment.clone(),
        },
        C::Dispatch {
            date: when,
            outgoing_number,
            channel,
        } => Action::Dispatch {
            date: date("--date", when, today)?,
            outgoing_number: outgoing_number.clone(),
            channel: reply_method("--channel", channel)?,
        },
        C::Accept { note } => Action::Accept { note: note.clone() },
        C::Return { deficiencies } => Action::Return {
            deficiencies: deficiencies.clone(),
        },
        C::Resume { note } => Action::Resume { note: note.clone() },
        C::Dismiss { basis } => Action::Dismiss {
            basis: basis.clone(),
        },
    })
}

fn term_override(
    term: Option<&str>,
    basis: Option<&str>,
    today: NaiveDate,
) -> Result<Option<(NaiveDate, String)>, Failure> {
    match (term, basis) {
        (None, None) => Ok(None),
        (Some(t), Some(b)) => Ok(Some((date("--term", t, today)?, b.to_string()))),
        (Some(_), None) => Err(Failure::Refused("--term needs --term-basis".into())),
        (None, Some(_)) => Err(Failure::Refused("--term-basis needs --term".into())),
    }
}
