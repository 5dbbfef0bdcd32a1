//! The card's main column: the registration fields of section 3.2 with contacts and reply
//! method, flags, the resolution with its executors and their progress, the reply, and the
//! earlier appeals of the same applicant.

use ratatui::text::{Line, Span};

use crate::domain::model::{Appeal, Decision, TermBasis, Verdict};
use crate::i18n::Arg;
use crate::service::api::{AppealView, Flag, Link};
use crate::tui::ui::{Ui, date, harmless, urgency_symbol};

/// A labelled line; empty values are left out by the callers, not drawn as blanks.
pub fn field(ui: &Ui, id: &str, value: impl Into<String>) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{}: ", ui.text(id)), ui.theme.title()),
        Span::raw(harmless(&value.into()).into_owned()),
    ])
}

pub fn heading(ui: &Ui, id: &str) -> Line<'static> {
    Line::styled(
        ui.text(id),
        ui.theme
            .title()
            .add_modifier(ratatui::style::Modifier::UNDERLINED),
    )
}

pub fn lines(view: &AppealView, ui: &Ui) -> Vec<Line<'static>> {
    let mut out = registration(&view.appeal, ui);
    out.push(Line::default());
    out.extend(term_summary(view, ui));
    out.extend(flags(view, ui));
    out.push(Line::default());
    out.extend(resolution(&view.appeal, ui));
    out.extend(reply(&view.appeal, ui));
    out.extend(links(view, ui));
    out
}

fn registration(appeal: &Appeal, ui: &Ui) -> Vec<Line<'static>> {
    let reg = &appeal.reg;
    let mut out = vec![
        field(ui, "field-appeal-date", date(reg.appeal_date)),
        field(ui, "field-received-date", date(reg.received_date)),
    ];
    if !reg.sender_ref.number.is_empty() || reg.sender_ref.date.is_some() {
        let when = reg.sender_ref.date.map(date).unwrap_or_default();
        let text = format!("{} {when}", reg.sender_ref.number);
        out.push(field(ui, "field-sender-ref", text.trim().to_string()));
    }
    out.push(field(ui, "field-applicant", reg.applicant.clone()));
    out.push(field(ui, "field-affiliation", ui.label(reg.affiliation)));
    let method = format!("{}, {}", ui.label(reg.method), ui.label(reg.channel));
    out.push(field(ui, "field-method", method));
    out.push(field(ui, "field-form", ui.label(reg.form)));
    out.push(field(ui, "field-summary", reg.summary.clone()));
    let contacts = [
        ("field-postal-address", &reg.contacts.postal_address),
        ("field-email", &reg.contacts.email),
        ("field-phone", &reg.contacts.phone),
        ("field-iin-bin", &reg.iin_bin),
    ];
    for (id, value) in contacts {
        if !value.is_empty() {
            out.push(field(ui, id, value.clone()));
        }
    }
    out.push(field(ui, "field-reply-method", ui.label(reg.reply_method)));
    let registered = format!(
        "{} ({})",
        date(ui.local_date(appeal.registered_at)),
        appeal.registered_by
    );
    out.push(field(ui, "card-registered", registered));
    out
}

fn term_summary(view: &AppealView, ui: &Ui) -> Vec<Line<'static>> {
    let appeal = &view.appeal;
    let symbol = urgency_symbol(&view.urgency);
    let basis = match &appeal.term_basis {
        TermBasis::Rule => ui.text("term-basis-rule"),
        TermBasis::Set { basis } => harmless(basis).into_owned(),
        TermBasis::Extended => ui.text("term-basis-extended"),
    };
    let internal = Line::from(vec![
        Span::styled(format!("{}: ", ui.text("field-term")), ui.theme.title()),
        Span::styled(
            format!("{symbol} {}", date(appeal.term)),
            ui.theme.urgency(&view.urgency),
        ),
        Span::raw(format!(" ({basis})")),
    ]);
    let statutory_symbol = urgency_symbol(&view.statutory_urgency);
    let statutory = Line::from(vec![
        Span::styled(
            format!("{}: ", ui.text("card-statutory-term")),
            ui.theme.title(),
        ),
        Span::styled(
            format!("{statutory_symbol} {}", date(appeal.statutory_term)),
            ui.theme.urgency(&view.statutory_urgency),
        ),
    ]);
    vec![internal, statutory]
}

fn flags(view: &AppealView, ui: &Ui) -> Vec<Line<'static>> {
    view.flags
        .iter()
        .map(|flag| {
            let text = match flag {
                Flag::LateInternal => ui.text("flag-late-internal"),
                Flag::LateStatutory => ui.text("flag-late-statutory"),
                Flag::RepliedLate { days } => {
                    ui.text_with("flag-replied-late", &[("days", (*days).into())])
                }
                Flag::LateExtensionNotice { index } => {
                    ui.text_with("flag-late-notice", &[("index", (*index + 1).into())])
                }
                Flag::ReplyMethodToAgree => ui.text("flag-reply-method"),
            };
            Line::styled(format!("⚑ {text}"), ui.theme.error())
        })
        .collect()
}

fn resolution(appeal: &Appeal, ui: &Ui) -> Vec<Line<'static>> {
    let Some(resolution) = &appeal.resolution else {
        return vec![field(ui, "card-resolution", ui.text("card-no-resolution"))];
    };
    let mut out = vec![heading(ui, "card-resolution")];
    let by = format!("{} · {}", resolution.by, date(ui.local_date(resolution.at)));
    out.push(field(ui, "card-resolved-by", by));
    if !resolution.instruction.is_empty() {
        out.push(field(
            ui,
            "card-instruction",
            resolution.instruction.clone(),
        ));
    }
    for (i, login) in resolution.executors.iter().enumerate() {
        let role = if i == 0 {
            "card-lead"
        } else {
            "card-co-executor"
        };
        let mut progress = Vec::new();
        if appeal.contribution_of(login).is_some() {
            progress.push(ui.text("card-contributed"));
        }
        if let Some(approval) = appeal.approval_of(login) {
            progress.push(ui.text(match approval.verdict {
                Verdict::Approved => "verdict-approved",
                Verdict::Commented => "verdict-commented",
            }));
        }
        let text = format!("{login} {}", progress.join(", "));
        out.push(field(ui, role, text.trim_end().to_string()));
    }
    out
}

fn reply(appeal: &Appeal, ui: &Ui) -> Vec<Line<'static>> {
    let Some(reply) = &appeal.reply else {
        return Vec::new();
    };
    let decision = match reply.decision {
        Decision::Positive => ui.text("decision-positive"),
        Decision::Negative => ui.text("decision-negative"),
    };
    let mut out = vec![Line::default(), heading(ui, "card-reply")];
    out.push(field(ui, "card-decision", decision));
    out.push(field(ui, "card-justification", reply.justification.clone()));
    if let Some(by) = &reply.signed_by {
        out.push(field(ui, "card-signed-by", by.clone()));
    }
    if let Some(dispatch) = &reply.dispatch {
        let text = format!(
            "{} № {} ({})",
            date(dispatch.date),
            dispatch.outgoing_number,
            ui.label(dispatch.channel)
        );
        out.push(field(ui, "card-dispatched", text));
    }
    out
}

/// The earlier appeals this one is linked to, then the applicant's later ones, newest first.
fn links(view: &AppealView, ui: &Ui) -> Vec<Line<'static>> {
    let listed = |link: &Link| {
        let mut summary: String = link.summary.chars().take(60).collect();
        if summary.len() < link.summary.len() {
            summary.push('…');
        }
        Line::from(format!(
            "{} {} {} · {}",
            harmless(&link.number),
            date(link.received),
            ui.label(link.status),
            harmless(&summary)
        ))
    };
    let mut out = Vec::new();
    if !view.links.is_empty() {
        out.extend([Line::default(), heading(ui, "card-earlier")]);
        out.extend(view.links.iter().map(listed));
    }
    let later = &view.later;
    if !later.shown.is_empty() {
        out.extend([Line::default(), heading(ui, "card-later")]);
        out.extend(later.shown.iter().map(listed));
        let more = later.total.saturating_sub(later.shown.len() as u64);
        if more > 0 {
            let more = i64::try_from(more).unwrap_or(i64::MAX);
            let text = ui.text_with("card-later-more", &[("count", Arg::Num(more))]);
            out.push(Line::styled(text, ui.theme.dim()));
        }
    }
    out
}
