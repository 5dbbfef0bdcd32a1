//! Read-only commands and how they print: aligned text for people, JSON for scripts.

use std::io::IsTerminal;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Failure, Session};
use crate::domain::labels::Labelled;
use crate::domain::model::TermBasis;
use crate::domain::queue::{Order, Queue, Sort};
use crate::domain::terms::{CalendarWarning, Urgency};
use crate::protocol::ServerStatus;
use crate::service::api::{AppealView, CheckSummary, Flag, Link, Row};

fn dmy(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

fn print_json<T: Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(anyhow::Error::from)?;
    println!("{text}");
    Ok(())
}

/// Urgency as a symbol and words, so the meaning survives without colour.
pub fn urgency_text(urgency: Urgency) -> String {
    match urgency {
        Urgency::Overdue { days } => format!("! overdue {days}d"),
        Urgency::DueToday => "! due today".to_string(),
        Urgency::DueSoon { working_days } => format!("~ due in {working_days}wd"),
        Urgency::Fine => "  on time".to_string(),
        Urgency::Answered => "  answered".to_string(),
    }
}

/// Replaces control characters so that applicant text cannot move the cursor.
pub fn harmless(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '·' } else { c })
        .collect()
}

/// The text made harmless and cut to `width` characters, with an ellipsis when cut.
pub(super) fn cut(text: &str, width: usize) -> String {
    let clean = harmless(text);
    if clean.chars().count() <= width {
        return clean;
    }
    let mut short: String = clean.chars().take(width.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// Urgency in at most 11 characters for table rows, with a symbol for `NO_COLOR` readers.
fn short_urgency(urgency: Urgency) -> String {
    match urgency {
        Urgency::Overdue { days } => format!("! {days}d late"),
        Urgency::DueToday => "! today".to_string(),
        Urgency::DueSoon { working_days } => format!("~ {working_days} wd"),
        Urgency::Fine | Urgency::Answered => String::new(),
    }
}

/// Column widths for the terminal at hand: the applicant takes what the others leave.
struct Layout {
    received: bool,
    applicant: usize,
}

/// Width assumed when the output is not a terminal: whole rows for scripts and pagers.
const PIPE_WIDTH: usize = 132;
/// Fixed columns: number, term, urgency, status and lead with their separators.
const FIXED_WIDTH: usize = 11 + 11 + 12 + 14 + 13;

/// Columns to fill: the terminal's width, or `PIPE_WIDTH` when the output is not a terminal.
pub(super) fn output_width() -> usize {
    match std::io::stdout().is_terminal() {
        true => crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w)),
        false => PIPE_WIDTH,
    }
}

impl Layout {
    fn for_output() -> Layout {
        let width = output_width();
        // The received date is worth its 11 columns only when the applicant keeps 24.
        let received = width >= FIXED_WIDTH + 11 + 24;
        let rest = width.saturating_sub(FIXED_WIDTH + if received { 11 } else { 0 });
        Layout {
            received,
            applicant: rest.max(12),
        }
    }

    fn line(&self, cells: [&str; 7]) -> String {
        let [number, received, term, urgency, status, lead, applicant] = cells;
        let received = if self.received {
            format!("{received:<10} ")
        } else {
            String::new()
        };
        format!(
            "{number:<10} {received}{term:<10} {urgency:<11} {status:<13} {:<12} {}",
            cut(lead, 12),
            cut(applicant, self.applicant)
        )
        .trim_end()
        .to_string()
    }

    fn header(&self) -> String {
        self.line([
            "number",
            "received",
            "term",
            "urgency",
            "status",
            "lead",
            "applicant",
        ])
    }

    fn row(&self, row: &Row) -> String {
        let (received, term) = (dmy(row.received), dmy(row.term));
        let urgency = short_urgency(row.urgency);
        let lead = row.lead.as_deref().unwrap_or("-");
        self.line([
            &row.number,
            &received,
            &term,
            &urgency,
            row.status.code(),
            lead,
            &row.applicant,
        ])
    }

    fn print(&self, rows: &[Row]) {
        println!("{}", self.header());
        for row in rows {
            println!("{}", self.row(row));
        }
    }
}

/// What `appeals list` shows: one page of a queue in an order, maybe filtered.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// incoming, mine, overdue, returned, coexec, signature or all.
    #[arg(long, default_value = "incoming")]
    queue: String,
    /// term, received or number (default: by term; all: by number, newest first).
    #[arg(long, value_name = "KEY")]
    sort: Option<String>,
    /// Latest first.
    #[arg(long)]
    desc: bool,
    /// Only the appeals a search for this text finds: number, applicant, words of the summary.
    #[arg(long, value_name = "TEXT")]
    filter: Option<String>,
    #[arg(long, default_value_t = 0)]
    offset: u64,
    #[arg(long, default_value_t = 50)]
    limit: u64,
    #[arg(long)]
    json: bool,
}

pub fn list(session: &Session, args: &ListArgs) -> Result<(), Failure> {
    let queue = Queue::parse(&args.queue).ok_or_else(|| {
        let known: Vec<&str> = Queue::ALL.iter().map(|q| q.code()).collect();
        Failure::Refused(format!(
            "--queue `{}`: expected one of {}",
            args.queue,
            known.join(", ")
        ))
    })?;
    let order = list_order(queue, args.sort.as_deref(), args.desc)?;
    let filter = args.filter.as_deref();
    let page = session.queue_page(queue, order, filter, args.offset, args.limit)?;
    if args.json {
        return print_json(&page);
    }
    Layout::for_output().print(&page.rows);
    let shown = page.rows.len() as u64;
    match filter.filter(|f| !f.trim().is_empty()) {
        Some(text) => println!(
            "{shown} of {} in {} matching `{text}`",
            page.total,
            queue.code()
        ),
        None => println!("{shown} of {} in {}", page.total, queue.code()),
    }
    Ok(())
}

/// The order `--sort` and `--desc` ask for; without `--sort`, the queue's own order (the
/// All queue newest first), reversed by `--desc` only where it is ascending.
fn list_order(queue: Queue, sort: Option<&str>, desc: bool) -> Result<Order, Failure> {
    let Some(text) = sort else {
        let usual = Order::default_for(queue);
        return Ok(Order {
            descending: usual.descending || desc,
            ..usual
        });
    };
    let sort = Sort::parse(text).ok_or_else(|| {
        let known: Vec<&str> = Sort::ALL.iter().map(|s| s.code()).collect();
        Failure::Refused(format!(
            "--sort `{text}`: expected one of {}",
            known.join(", ")
        ))
    })?;
    Ok(Order {
        sort,
        descending: desc,
    })
}

pub fn search(session: &Session, query: &str, limit: u64, json: bool) -> Result<(), Failure> {
    let page = session.search(query, 0, limit)?;
    if json {
        return print_json(&page);
    }
    Layout::for_output().print(&page.rows);
    println!("{} of {} found", page.rows.len(), page.total);
    Ok(())
}

pub fn due(session: &Session) -> Result<(), Failure> {
    let due = session.due()?;
    for row in &due.rows {
        println!(
            "{} {} {} {}",
            row.number,
            urgency_text(row.urgency).trim(),
            dmy(row.term),
            cut(&row.applicant, 40)
        );
    }
    if let Some(n) = due.overdue_in_registry.filter(|n| *n > 0) {
        println!("overdue in the registry: {n}");
    }
    Ok(())
}

pub fn counts(session: &Session, json: bool) -> Result<(), Failure> {
    let counts = session.counts()?;
    if json {
        return print_json(&counts);
    }
    for c in counts {
        println!("{:<10} {}", c.queue.code(), c.count);
    }
    Ok(())
}

pub fn show(session: &Session, number: &str, json: bool) -> Result<(), Failure> {
    let view = session.show(number)?;
    if json {
        return print_json(&view);
    }
    print!("{}", card(&view));
    Ok(())
}

/// The appeal as text: fields, term with its explanation, people, reply and history.
pub fn card(view: &AppealView) -> String {
    let mut out = Vec::new();
    fields(view, &mut out);
    term_lines(view, &mut out);
    work_lines(view, &mut out);
    out.push("history:".to_string());
    for e in &view.history {
        let reason = if e.reason.is_empty() {
            String::new()
        } else {
            format!(" — {}", harmless(&e.reason))
        };
        out.push(format!(
            "  {} {:<10} {}: {}{}",
            e.at.format("%d.%m.%Y %H:%M"),
            e.by,
            e.action.code(),
            harmless(&e.detail),
            reason
        ));
    }
    out.push(String::new());
    out.join("\n")
}

fn fields(view: &AppealView, out: &mut Vec<String>) {
    let a = &view.appeal;
    let r = &a.reg;
    let mut put =
        |label: &str, value: String| out.push(format!("{label:<22} {}", harmless(&value)));
    put(
        "number",
        format!("{} (revision {})", a.number_text, a.revision),
    );
    put("status", r_status(view));
    put("appeal date", dmy(r.appeal_date));
    let sender_date = r.sender_ref.date.map(dmy).unwrap_or_default();
    put(
        "sender reference",
        format!("{} {}", r.sender_ref.number, sender_date)
            .trim()
            .to_string(),
    );
    put("received", dmy(r.received_date));
    put(
        "registered",
        format!(
            "{} by {}",
            a.registered_at.format("%d.%m.%Y %H:%M"),
            a.registered_by
        ),
    );
    put("applicant", r.applicant.clone());
    put("affiliation", r.affiliation.label_en().to_string());
    put(
        "method / channel",
        format!("{} / {}", r.method.label_en(), r.channel.label_en()),
    );
    put("form", r.form.label_en().to_string());
    put("summary", r.summary.clone());
    put("postal address", r.contacts.postal_address.clone());
    put("e-mail", r.contacts.email.clone());
    put("phone", r.contacts.phone.clone());
    put("IIN/BIN", r.iin_bin.clone());
    put("reply method", r.reply_method.label_en().to_string());
    let listed = |link: &Link| {
        format!(
            "{} {} {}",
            link.number,
            dmy(link.received),
            link.status.code()
        )
    };
    for link in &view.links {
        put("earlier appeal", listed(link));
    }
    for link in &view.later.shown {
        put("later appeal", listed(link));
    }
    let more = view
        .later
        .total
        .saturating_sub(view.later.shown.len() as u64);
    if more > 0 {
        put("later appeal", format!("and {more} more"));
    }
}

fn r_status(view: &AppealView) -> String {
    let flags: Vec<String> = view.flags.iter().map(flag_text).collect();
    let status = view.appeal.status.label_en().to_string();
    if flags.is_empty() {
        status
    } else {
        format!("{status} [{}]", flags.join("; "))
    }
}

fn flag_text(flag: &Flag) -> String {
    match flag {
        Flag::LateInternal => "late by the internal term, within the statutory one".into(),
        Flag::LateStatutory => "past the statutory term".into(),
        Flag::RepliedLate { days } => format!("replied {days} days late"),
        Flag::LateExtensionNotice { index } => {
            format!("applicant told late of extension {}", index + 1)
        }
        Flag::ReplyMethodToAgree => "reply method to be agreed".into(),
    }
}

fn term_lines(view: &AppealView, out: &mut Vec<String>) {
    let a = &view.appeal;
    let basis = match &a.term_basis {
        TermBasis::Rule => "by the rule".to_string(),
        TermBasis::Set { basis } => format!("set: {}", harmless(basis)),
        TermBasis::Extended => "extended".to_string(),
    };
    let urgency = urgency_text(view.urgency);
    out.push(format!(
        "{:<22} {} {} ({basis})",
        "term",
        dmy(a.term),
        urgency.trim()
    ));
    let statutory = urgency_text(view.statutory_urgency);
    out.push(format!(
        "{:<22} {} {}",
        "statutory term",
        dmy(a.statutory_term),
        statutory.trim()
    ));
    out.push("the rule, day by day:".to_string());
    out.extend(view.term.lines_en().into_iter().map(|l| format!("  {l}")));
    out.push("the statutory term, day by day:".to_string());
    out.extend(
        view.statutory
            .lines_en()
            .into_iter()
            .map(|l| format!("  {l}")),
    );
}

fn work_lines(view: &AppealView, out: &mut Vec<String>) {
    let a = &view.appeal;
    if let Some(res) = &a.resolution {
        out.push(format!(
            "{:<22} by {} on {}: {} {}",
            "resolution",
            res.by,
            res.at.format("%d.%m.%Y"),
            res.executors.join(", "),
            harmless(&res.instruction)
        ));
    }
    for c in &a.contributions {
        out.push(format!(
            "{:<22} {}: {}",
            "contribution",
            c.by,
            harmless(&c.text)
        ));
    }
    for ap in &a.approvals {
        out.push(format!(
            "{:<22} {} {:?} {}",
            "approval",
            ap.by,
            ap.verdict,
            harmless(&ap.note)
        ));
    }
    if let Some(reply) = &a.reply {
        out.push(format!(
            "{:<22} {:?}: {}",
            "reply",
            reply.decision,
            harmless(&reply.justification)
        ));
        if let Some(signer) = &reply.signed_by {
            out.push(format!("{:<22} {signer}", "signed by"));
        }
        if let Some(d) = &reply.dispatch {
            out.push(format!(
                "{:<22} {} no. {} {}",
                "dispatched",
                dmy(d.date),
                d.outgoing_number,
                d.channel.code()
            ));
        }
    }
    if !view.allowed.is_empty() {
        let names: Vec<&str> = view.allowed.iter().map(|k| k.code()).collect();
        out.push(format!("{:<22} {}", "you may", names.join(", ")));
    }
}

/// Prints what the check looked at; a damaged database exits 1.
pub fn print_check(summary: &CheckSummary) -> Result<(), Failure> {
    println!("appeals:        {}", summary.appeals);
    println!("history events: {}", summary.history_events);
    println!("users:          {}", summary.users);
    println!("index entries:  {}", summary.index_entries);
    println!("drafts:         {}", summary.drafts);
    for (year, n) in &summary.numbers_per_year {
        println!("year {year}: numbers 1..={n}, gapless");
    }
    if summary.problems.is_empty() {
        println!(
            "checked: records decode, indexes and counters match the records, numbers gapless, histories contiguous: OK"
        );
        return Ok(());
    }
    for p in &summary.problems {
        println!("PROBLEM: {p}");
    }
    Err(Failure::Refused(format!(
        "check found {} problem(s)",
        summary.problems.len()
    )))
}

/// What `appeals` alone prints: who you are, where the data is, your queues, what next.
pub fn overview(session: &Session) -> Result<(), Failure> {
    let me = session.whoami()?;
    let roles: Vec<&str> = me.roles.iter().map(|r| r.name()).collect();
    println!(
        "appeals {} — data in {}",
        env!("CARGO_PKG_VERSION"),
        session.data_dir.display()
    );
    println!(
        "you are {} ({}), roles: {}",
        me.login,
        me.full_name,
        roles.join(", ")
    );
    let counts = session.counts()?;
    let total = counts
        .iter()
        .find(|c| c.queue == Queue::All)
        .map_or(0, |c| c.count);
    if total == 0 {
        println!();
        println!("The registry is empty. Register the first appeal:");
        println!("  appeals register --appeal-date today --applicant \"Иванов Иван\" \\");
        println!("    --affiliation individual --method written --channel post \\");
        println!("    --form request --summary \"О выдаче справки\"");
        println!("or fill it with demonstration data: appeals demo");
        return Ok(());
    }
    for c in counts {
        println!("  {:<10} {}", c.queue.code(), c.count);
    }
    println!("`appeals list --queue NAME`, `appeals show NUMBER`, `appeals --help` for more.");
    Ok(())
}

/// A calendar warning in words, for the command line.
pub fn calendar_warning(warning: &CalendarWarning) -> String {
    match warning {
        CalendarWarning::YearNotLoaded { year } => {
            format!(
                "the calendar has no year {year}: its days off other than weekends are not known"
            )
        }
        CalendarWarning::Provisional { year, source } => {
            format!("the calendar for {year} is provisional ({source})")
        }
    }
}

/// `appeals status`: the server as it answers now.
pub fn status(session: &Session, json: bool) -> Result<(), Failure> {
    let status: ServerStatus = session.status()?;
    if json {
        return print_json(&status);
    }
    let kind = if status.on_demand {
        "private, started on demand"
    } else {
        "started by `serve`"
    };
    println!("socket:     {}", status.socket);
    println!("pid:        {} ({kind})", status.pid);
    println!("uptime:     {} s", status.uptime_s);
    println!("version:    {}", status.version);
    println!("data:       {}", status.data_dir);
    println!("database:   {:.1} MB", status.database_bytes as f64 / 1e6);
    println!("connected:  {}", status.operators.join(", "));
    Ok(())
}

/// `appeals backup FILE`: the path is made absolute, as the server resolves it on its own.
pub fn backup(session: &Session, file: &std::path::Path) -> Result<(), Failure> {
    let path = std::path::absolute(file).map_err(anyhow::Error::from)?;
    let summary = session.backup(&path.display().to_string())?;
    println!(
        "backup {}: {} users, {} appeals, {} history events, {} bytes",
        path.display(),
        summary.users,
        summary.appeals,
        summary.history_events,
        summary.bytes
    );
    Ok(())
}
