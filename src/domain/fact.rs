//! What an action did, as data. Each history event keeps its facts beside the English
//! detail written from them, so that a front end can word the event in its own language and
//! the command line and the audit read the same words as before.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::labels::Labelled;
use super::model::{Decision, ReplyMethod, Status};
use super::user::Login;
use super::validate::Field;

/// One thing an action did. The texts are the user's own (an instruction, a contribution);
/// everything else is data a front end puts into its own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fact {
    /// Registered under this number, received on this day.
    Registered {
        number: String,
        received: NaiveDate,
    },
    /// The registration fields an edit changed, in form order; empty when none did.
    Corrected {
        fields: Vec<Field>,
    },
    /// The terms after registration or an edit: the term set by a request or by the rule.
    Terms {
        term: NaiveDate,
        set: bool,
        statutory: NaiveDate,
    },
    /// The executors now, in order: the first is the lead.
    Executors {
        executors: Vec<Login>,
    },
    /// The executors a reassignment replaced.
    FormerExecutors {
        executors: Vec<Login>,
    },
    Instruction {
        text: String,
    },
    /// A term set by the resolution.
    TermSet {
        term: NaiveDate,
    },
    /// A draft on approval went back to work, since its executors changed.
    DraftBackToWork,
    LeftWithoutConsideration,
    LeadChanged {
        from: Login,
        to: Login,
    },
    InfoRequested {
        text: String,
    },
    InfoAnswered {
        text: String,
    },
    TermExtended {
        from: NaiveDate,
        to: NaiveDate,
        applicant_told: NaiveDate,
    },
    ReplyMethodAgreed {
        method: ReplyMethod,
    },
    Contribution {
        text: String,
    },
    /// The lead's consolidated draft, sent to these co-executors for approval.
    DraftForApproval {
        decision: Decision,
        to: Vec<Login>,
        text: String,
    },
    /// The reply went for signature, with the lone lead's draft when there was one.
    ForSignature {
        draft: Option<(Decision, String)>,
    },
    Approved,
    Commented,
    Signed,
    SentBackTo {
        lead: Login,
    },
    Dispatched {
        date: NaiveDate,
        channel: ReplyMethod,
        outgoing_number: String,
    },
    Accepted,
    ReturnedFrom {
        status: Status,
    },
    SignatureWithdrawn {
        by: Login,
    },
    DispatchWithdrawn {
        date: NaiveDate,
        channel: ReplyMethod,
        outgoing_number: String,
        recorded_by: Login,
    },
    ReworkTakenUp,
    /// Earlier appeals linked by hand, by their numbers.
    Linked {
        numbers: Vec<String>,
    },
}

/// The facts in English, as the history's detail has always read: one clause each, joined
/// with "; ", a reply's text on lines of its own.
pub fn english(facts: &[Fact]) -> String {
    let mut out = String::new();
    for fact in facts {
        let clause = clause(fact);
        if !out.is_empty() && !clause.starts_with('\n') {
            out.push_str(if clause.starts_with(' ') { "" } else { "; " });
        }
        out.push_str(&clause);
    }
    out
}

fn clause(fact: &Fact) -> String {
    match fact {
        Fact::Registered { number, received } => {
            format!("registered {number}, received {}", day(*received))
        }
        Fact::Corrected { fields } if fields.is_empty() => "no field changed".into(),
        Fact::Corrected { fields } => {
            let names: Vec<&str> = fields.iter().map(|f| f.label_en()).collect();
            format!("corrected {}", names.join(", "))
        }
        Fact::Terms {
            term,
            set,
            statutory,
        } => {
            let how = if *set { "set" } else { "by the rule" };
            let (term, statutory) = (day(*term), day(*statutory));
            format!("term {term} ({how}), statutory term {statutory}")
        }
        Fact::Executors { executors } => format!("executors: {}", roster(executors)),
        Fact::FormerExecutors { executors } => format!(" (were: {})", roster(executors)),
        Fact::Instruction { text } => format!("instruction: {text}"),
        Fact::TermSet { term } => format!("term set to {}", day(*term)),
        Fact::DraftBackToWork => "the draft returns to work for a new consolidation".into(),
        Fact::LeftWithoutConsideration => "left without consideration".into(),
        Fact::LeadChanged { from, to } => format!("lead executor: {from} -> {to}"),
        Fact::InfoRequested { text } => format!("information requested from the applicant: {text}"),
        Fact::InfoAnswered { text } => format!("the applicant answered: {text}"),
        Fact::TermExtended {
            from,
            to,
            applicant_told,
        } => format!(
            "term {} -> {}; applicant told {}",
            day(*from),
            day(*to),
            day(*applicant_told)
        ),
        Fact::ReplyMethodAgreed { method } => format!("reply method agreed: {}", method.label_en()),
        Fact::Contribution { text } => format!("contribution: {text}"),
        Fact::DraftForApproval { decision, to, text } => format!(
            "{} draft sent for approval to {}:\n{text}",
            decision_word(*decision),
            to.join(", ")
        ),
        Fact::ForSignature { draft: None } => "reply sent for signature".into(),
        Fact::ForSignature {
            draft: Some((decision, text)),
        } => format!(
            "{} reply sent for signature:\n{text}",
            decision_word(*decision)
        ),
        Fact::Approved => "approved the draft".into(),
        Fact::Commented => "commented on the draft".into(),
        Fact::Signed => "reply signed".into(),
        Fact::SentBackTo { lead } => format!("reply sent back to the lead {lead}"),
        Fact::Dispatched {
            date,
            channel,
            outgoing_number,
        } => format!(
            "reply sent {} by {}, outgoing number {outgoing_number}",
            day(*date),
            channel.label_en()
        ),
        Fact::Accepted => "reply accepted".into(),
        Fact::ReturnedFrom { status } => {
            format!("returned for rework from \"{}\"", status.label_en())
        }
        Fact::SignatureWithdrawn { by } => format!("signature of {by} withdrawn"),
        Fact::DispatchWithdrawn {
            date,
            channel,
            outgoing_number,
            recorded_by,
        } => format!(
            "dispatch withdrawn (sent {} by {}, outgoing number {outgoing_number}, recorded by \
             {recorded_by})",
            day(*date),
            channel.label_en()
        ),
        Fact::ReworkTakenUp => "rework taken up".into(),
        Fact::Linked { numbers } => format!("linked to {}", numbers.join(", ")),
    }
}

/// Executors as the history lists them: `ivanov (lead), petrova, sidorov`.
pub fn roster(executors: &[Login]) -> String {
    let mut names: Vec<String> = executors.to_vec();
    if let Some(lead) = names.first_mut() {
        lead.push_str(" (lead)");
    }
    names.join(", ")
}

pub fn decision_word(decision: Decision) -> &'static str {
    match decision {
        Decision::Positive => "positive",
        Decision::Negative => "negative",
    }
}

fn day(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}
