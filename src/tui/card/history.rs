//! The appeal's history as a timeline, oldest first: when (local time), who, what, the
//! status it moved to, what the action did in the screen's language, and why. Events written
//! before they carried facts show their English detail as it was stored.

use ratatui::text::{Line, Span};

use super::sections::heading;
use crate::domain::fact::Fact;
use crate::domain::model::{Decision, HistoryEvent};
use crate::domain::validate::Field;
use crate::i18n::{Arg, Lang};
use crate::service::api::AppealView;
use crate::tui::ui::{Ui, date, harmless};

/// How far the lines under an event are indented, so the timeline's dates stand out.
const INDENT: &str = "    ";

pub fn lines(view: &AppealView, ui: &Ui) -> Vec<Line<'static>> {
    let mut out = vec![heading(ui, "card-history")];
    for event in &view.history {
        out.push(headline(event, ui));
        let mut body: Vec<String> = if event.facts.is_empty() {
            vec![event.detail.clone()]
        } else {
            event.facts.iter().flat_map(|f| fact_lines(f, ui)).collect()
        };
        body.push(event.reason.clone());
        out.extend(
            body.iter()
                .flat_map(|text| text.lines().map(str::to_owned).collect::<Vec<_>>())
                .filter(|line| !line.trim().is_empty())
                .map(|line| Line::from(format!("{INDENT}{}", harmless(&line)))),
        );
    }
    out
}

fn headline(event: &HistoryEvent, ui: &Ui) -> Line<'static> {
    let when = ui.local_time(event.at);
    let what = ui.text(&format!("action-{}", event.action.code()));
    let moved = if event.from_status == Some(event.to_status) {
        String::new()
    } else {
        format!(" → {}", ui.label(event.to_status))
    };
    Line::from(vec![
        Span::styled(format!("{when} "), ui.theme.dim()),
        Span::styled(what, ui.theme.title()),
        Span::raw(format!(" · {}{moved}", harmless(&event.by))),
    ])
}

/// A fact in the screen's language: a line, a line with the user's text under it, or none
/// when the action's name has said it all.
fn fact_lines(fact: &Fact, ui: &Ui) -> Vec<String> {
    let said = |id: &str, args: &[(&str, Arg)]| vec![ui.text_with(id, args)];
    match fact {
        Fact::Registered { number, received } => said(
            "fact-registered",
            &[
                ("number", Arg::Str(number)),
                ("received", Arg::Str(&date(*received))),
            ],
        ),
        Fact::Corrected { fields } if fields.is_empty() => vec![ui.text("fact-nothing-corrected")],
        Fact::Corrected { fields } => {
            let names: Vec<&str> = fields.iter().map(|f| field_name(*f, ui.lang())).collect();
            said("fact-corrected", &[("fields", Arg::Str(&names.join(", ")))])
        }
        Fact::Terms {
            term,
            set,
            statutory,
        } => said(
            "fact-terms",
            &[
                ("term", Arg::Str(&date(*term))),
                ("how", Arg::Str(if *set { "set" } else { "rule" })),
                ("statutory", Arg::Str(&date(*statutory))),
            ],
        ),
        Fact::Executors { executors } => said(
            "fact-executors",
            &[("executors", Arg::Str(&roster(executors, ui)))],
        ),
        Fact::FormerExecutors { executors } => said(
            "fact-former-executors",
            &[("executors", Arg::Str(&roster(executors, ui)))],
        ),
        Fact::TermSet { term } => said("fact-term-set", &[("term", Arg::Str(&date(*term)))]),
        Fact::DraftBackToWork => vec![ui.text("fact-draft-back-to-work")],
        Fact::LeadChanged { from, to } => said(
            "fact-lead-changed",
            &[("from", Arg::Str(from)), ("to", Arg::Str(to))],
        ),
        Fact::TermExtended {
            from,
            to,
            applicant_told,
        } => said(
            "fact-term-extended",
            &[
                ("from", Arg::Str(&date(*from))),
                ("to", Arg::Str(&date(*to))),
                ("told", Arg::Str(&date(*applicant_told))),
            ],
        ),
        Fact::ReplyMethodAgreed { method } => said(
            "fact-reply-method",
            &[("method", Arg::Str(ui.label(*method)))],
        ),
        Fact::DraftForApproval { decision, to, text } => {
            let args = [
                ("decision", Arg::Str(&decision_name(*decision, ui))),
                ("to", Arg::Str(&to.join(", "))),
            ];
            vec![ui.text_with("fact-draft-for-approval", &args), text.clone()]
        }
        Fact::ForSignature {
            draft: Some((decision, text)),
        } => {
            let args = [("decision", Arg::Str(&decision_name(*decision, ui)))];
            vec![
                ui.text_with("fact-draft-for-signature", &args),
                text.clone(),
            ]
        }
        Fact::SentBackTo { lead } => said("fact-sent-back", &[("lead", Arg::Str(lead))]),
        Fact::Dispatched {
            date: day,
            channel,
            outgoing_number,
        } => said(
            "fact-dispatched",
            &[
                ("date", Arg::Str(&date(*day))),
                ("channel", Arg::Str(ui.label(*channel))),
                ("number", Arg::Str(outgoing_number)),
            ],
        ),
        Fact::ReturnedFrom { status } => said(
            "fact-returned-from",
            &[("status", Arg::Str(ui.label(*status)))],
        ),
        Fact::SignatureWithdrawn { by } => {
            said("fact-signature-withdrawn", &[("by", Arg::Str(by))])
        }
        Fact::DispatchWithdrawn {
            date: day,
            channel,
            outgoing_number,
            recorded_by,
        } => said(
            "fact-dispatch-withdrawn",
            &[
                ("date", Arg::Str(&date(*day))),
                ("channel", Arg::Str(ui.label(*channel))),
                ("number", Arg::Str(outgoing_number)),
                ("by", Arg::Str(recorded_by)),
            ],
        ),
        Fact::Linked { numbers } => {
            said("fact-linked", &[("numbers", Arg::Str(&numbers.join(", ")))])
        }
        Fact::Instruction { text } => said("fact-instruction", &[("text", Arg::Str(text))]),
        // The user's own words: the action's name already says what they are.
        Fact::InfoRequested { text }
        | Fact::InfoAnswered { text }
        | Fact::Contribution { text } => vec![text.clone()],
        Fact::ForSignature { draft: None }
        | Fact::LeftWithoutConsideration
        | Fact::Approved
        | Fact::Commented
        | Fact::Signed
        | Fact::Accepted
        | Fact::ReworkTakenUp => Vec::new(),
    }
}

/// Executors in order, the first marked as the lead.
fn roster(executors: &[String], ui: &Ui) -> String {
    let lead = ui.text("fact-lead-mark");
    let mut names: Vec<String> = executors.iter().map(|e| harmless(e).into_owned()).collect();
    if let Some(first) = names.first_mut() {
        first.push_str(&format!(" ({lead})"));
    }
    names.join(", ")
}

fn decision_name(decision: Decision, ui: &Ui) -> String {
    ui.text(match decision {
        Decision::Positive => "decision-positive",
        Decision::Negative => "decision-negative",
    })
}

fn field_name(field: Field, lang: Lang) -> &'static str {
    match lang {
        Lang::En => field.label_en(),
        Lang::Ru => field.label_ru(),
    }
}
