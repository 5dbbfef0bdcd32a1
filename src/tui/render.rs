//! State to screen: the status line, the queues, the table, the footer and the overlays.
//! Pure drawing on a ratatui frame; the snapshot tests draw on a `TestBackend`.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, HighlightSpacing, List, ListItem, Paragraph, Row, Table, TableState,
    Wrap,
};

use super::actions::{ACTIONS, Action, Context};
use super::app::{App, Flash, Overlay, Screen};
use super::columns::{self, Column};
use super::table::order_message;
use super::ui::{Ui, date, harmless};
use crate::domain::queue::Queue;
use crate::domain::terms::Urgency;
use crate::i18n::Arg;
use crate::service::api;

/// The narrowest the queue panel gets, so that it does not jump as counts grow by a digit.
const QUEUES_MIN_WIDTH: u16 = 22;
/// Never wider than this, whatever the language: the table needs the room more.
const QUEUES_MAX_WIDTH: u16 = 30;

pub fn draw(frame: &mut Frame, app: &App) {
    let [status, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    status_line(frame, status, app);
    match &app.screen {
        Screen::Table => table_screen(frame, body, app),
        Screen::Card(card) => card.render(frame, body, &app.ui),
        Screen::Form(form) => form.render(frame, body, &app.ui),
    }
    footer_line(frame, footer, app);
    match app.overlay {
        Some(Overlay::Help) => help(frame, body, app),
        Some(Overlay::Problems) => problems(frame, body, app),
        Some(Overlay::Draft) => {
            if let Some(draft) = &app.draft_offer {
                super::form::offer::draw(frame, body, draft, &app.ui);
            }
        }
        None => {}
    }
}

fn status_line(frame: &mut Frame, area: Rect, app: &App) {
    let ui = &app.ui;
    let who = match &app.user {
        Some(user) => harmless(&user.login).into_owned(),
        None => String::from("…"),
    };
    let overdue = app.count(Queue::Overdue).unwrap_or(0);
    let overdue_style = if overdue > 0 {
        ui.theme.urgency(&Urgency::Overdue { days: 1 })
    } else {
        Style::new()
    };
    let due_today = Arg::Num(i64::try_from(app.due_today).unwrap_or(i64::MAX));
    let overdue = Arg::Num(i64::try_from(overdue).unwrap_or(i64::MAX));
    let counts = vec![
        Span::styled(
            ui.text_with("status-overdue", &[("count", overdue)]),
            overdue_style,
        ),
        Span::raw(" │ "),
        Span::raw(ui.text_with("status-due-today", &[("count", due_today)])),
    ];
    let counts_width: usize = counts.iter().map(|s| s.content.chars().count()).sum();
    let today = date(ui.today);
    let bare = format!(" {who} │ {today} │ ");
    let room = |state: &str| {
        usize::from(area.width)
            .checked_sub(bare.chars().count() + counts_width + state.chars().count() + 3)
    };
    let (state, style) = if app.online {
        (ui.text("status-online"), ui.theme.good())
    } else {
        // Offline the state is longer; on a narrow line it loses the "reconnecting" first.
        let full = ui.text("status-offline");
        let state = if room(&full).is_some() {
            full
        } else {
            ui.text("status-offline-short")
        };
        (state, ui.theme.error())
    };
    // The roles follow the login when the line has room for them, abbreviated if need be:
    // the counts and the connection state matter more.
    let spare = room(&state).unwrap_or(0);
    let head = [false, true]
        .into_iter()
        .map(|short| roles(app, short))
        .find(|roles| !roles.is_empty() && roles.chars().count() + 3 <= spare)
        .map_or(bare, |roles| format!(" {who} ({roles}) │ {today} │ "));
    let mut left = vec![Span::raw(head)];
    left.extend(counts);
    let left = Line::from(left);
    // The connection state is what must never be cut off, so it gets its room first.
    let width = state.chars().count() as u16 + 2;
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(width)]).areas(area);
    frame.render_widget(Paragraph::new(left), left_area);
    let right = Line::styled(format!(" {state} "), style);
    frame.render_widget(
        Paragraph::new(right).alignment(Alignment::Right),
        right_area,
    );
}

/// The roles of the user at the keyboard, in full or abbreviated.
fn roles(app: &App, short: bool) -> String {
    let Some(user) = &app.user else {
        return String::new();
    };
    let names: Vec<String> = user
        .roles
        .iter()
        .map(|r| {
            let prefix = if short { "role-short" } else { "role" };
            app.ui.text(&format!("{prefix}-{}", r.name()))
        })
        .collect();
    names.join(", ")
}

fn table_screen(frame: &mut Frame, area: Rect, app: &App) {
    let width = if area.width >= 60 {
        queues_width(app)
    } else {
        0
    };
    let [left, right] =
        Layout::horizontal([Constraint::Length(width), Constraint::Min(20)]).areas(area);
    if width > 0 {
        queues(frame, left, app);
    }
    if app.registry_empty() {
        greeting(frame, right, &app.ui);
    } else {
        table(frame, right, app);
    }
}

/// The longest queue name, a space and its count, the selection mark and the borders.
fn queues_width(app: &App) -> u16 {
    let widest = app
        .queues()
        .into_iter()
        .map(|queue| {
            let name = app.ui.text(queue_message(queue)).chars().count();
            let count = app.count(queue).map_or(0, |c| c.to_string().len());
            name + 1 + count
        })
        .max()
        .unwrap_or(0);
    let width = u16::try_from(widest + 3).unwrap_or(QUEUES_MAX_WIDTH);
    width.clamp(QUEUES_MIN_WIDTH, QUEUES_MAX_WIDTH)
}

fn queues(frame: &mut Frame, area: Rect, app: &App) {
    let ui = &app.ui;
    let items: Vec<ListItem> = app
        .queues()
        .into_iter()
        .map(|queue| {
            let name = ui.text(queue_message(queue));
            let count = app.count(queue).map(|c| c.to_string()).unwrap_or_default();
            let mark = if queue == app.table.queue { '›' } else { ' ' };
            let room = usize::from(area.width.saturating_sub(3));
            let pad = room
                .saturating_sub(name.chars().count() + count.chars().count())
                .max(1);
            let text = format!("{mark}{name}{}{count}", " ".repeat(pad));
            let style = if queue == app.table.queue {
                ui.theme.selected()
            } else {
                Style::new()
            };
            ListItem::new(Line::styled(text, style))
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(ui.text("queues-title"));
    frame.render_widget(List::new(items).block(block), area);
}

pub fn queue_message(queue: Queue) -> &'static str {
    match queue {
        Queue::Incoming => "queue-incoming",
        Queue::Mine => "queue-mine",
        Queue::Overdue => "queue-overdue",
        Queue::Returned => "queue-returned",
        Queue::CoExecuting => "queue-coexec",
        Queue::OnSignature => "queue-signature",
        Queue::All => "queue-all",
    }
}

fn table(frame: &mut Frame, area: Rect, app: &App) {
    let ui = &app.ui;
    let view = &app.table;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(table_title(app))
        .title_bottom(filter_line(app));
    let inner = block.inner(area);
    let chosen = columns::fit(inner.width);
    let header = Row::new(chosen.iter().map(|c| ui.text(c.message()))).style(ui.theme.title());
    let rows: Vec<Row> = view
        .visible()
        .iter()
        .map(|row| Row::new(chosen.iter().map(|c| cell(*c, row, ui))))
        .collect();
    let widths: Vec<Constraint> = chosen.iter().map(|c| c.constraint()).collect();
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(ui.theme.selected())
        // The marker shows the selection where reverse video does not (a plain capture).
        .highlight_symbol("›")
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = TableState::default();
    state.select(usize::try_from(view.selected.saturating_sub(view.top)).ok());
    frame.render_stateful_widget(table, area, &mut state);
    if view.total == 0 {
        let text = Paragraph::new(ui.text("queue-empty")).style(ui.theme.dim());
        let spot = Rect {
            y: inner.y + 1,
            height: 1,
            ..inner
        };
        frame.render_widget(text, spot);
    }
}

fn table_title(app: &App) -> String {
    let ui = &app.ui;
    let view = &app.table;
    let count = ui.text_with("appeals-count", &[("count", Arg::Num(view.total as i64))]);
    let order = ui.text(order_message(view.order()));
    format!(
        " {} · {count} · {order} ",
        ui.text(queue_message(view.queue))
    )
}

fn filter_line(app: &App) -> Line<'static> {
    let view = &app.table;
    if !view.filtering && view.filter.is_empty() {
        return Line::default();
    }
    let cursor = if view.filtering { "▏" } else { "" };
    Line::from(format!(
        " {}: {}{cursor} ",
        app.ui.text("filter-title"),
        harmless(&view.filter)
    ))
}

fn cell<'a>(column: Column, row: &'a api::Row, ui: &Ui) -> ratatui::widgets::Cell<'a> {
    use ratatui::widgets::Cell;
    match column {
        Column::Number => Cell::from(harmless(&row.number).into_owned()),
        Column::Received => Cell::from(date(row.received)),
        Column::Applicant => Cell::from(harmless(&row.applicant).into_owned()),
        Column::Form => Cell::from(ui.label(row.form)),
        Column::Method => Cell::from(ui.label(row.method)),
        Column::Status => Cell::from(ui.label(row.status)),
        Column::Lead => Cell::from(
            row.lead
                .as_deref()
                .map(harmless)
                .unwrap_or_default()
                .into_owned(),
        ),
        Column::Term => Cell::from(date(row.term)).style(ui.theme.urgency(&row.urgency)),
        Column::Left => {
            Cell::from(columns::days_left(row, ui)).style(ui.theme.urgency(&row.urgency))
        }
    }
}

fn greeting(frame: &mut Frame, area: Rect, ui: &Ui) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(ui.text("welcome-title"));
    let text = Paragraph::new(ui.text("empty-registry"))
        .wrap(Wrap { trim: true })
        .block(block);
    frame.render_widget(text, area);
}

fn footer_line(frame: &mut Frame, area: Rect, app: &App) {
    let ui = &app.ui;
    let line = match &app.flash {
        Some(Flash::Info(text)) => Line::styled(text.clone(), ui.theme.good()),
        Some(Flash::Error(text)) => Line::styled(text.clone(), ui.theme.error()),
        None => hints(app),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The frequent keys of the current screen, from the keymap and the table of actions.
fn hints(app: &App) -> Line<'static> {
    let ui = &app.ui;
    let wanted: &[Action] = match app.context() {
        Context::Table if app.table.filtering => &[Action::Cancel],
        Context::Table if !app.may_register() => &[
            Action::Open,
            Action::Filter,
            Action::Sort,
            Action::NextQueue,
            Action::Help,
            Action::Quit,
        ],
        Context::Table => &[
            Action::Open,
            Action::NewAppeal,
            Action::Filter,
            Action::Sort,
            Action::NextQueue,
            Action::Help,
            Action::Quit,
        ],
        Context::Card if app.may_edit() => &[Action::Edit, Action::Cancel, Action::Help],
        Context::Card => &[Action::Cancel, Action::Help],
        Context::Form | Context::Global | Context::Browse => &[
            Action::Save,
            Action::NextField,
            Action::Today,
            Action::LinkEarlier,
            Action::Cancel,
        ],
    };
    let mut spans = Vec::new();
    if app.context() == Context::Table && app.table.filtering {
        // Enter is the filter's own key, not an action of the keymap.
        spans.push(Span::styled("Enter", ui.theme.key()));
        spans.push(Span::raw(format!(" {}  ", ui.text("filter-keep"))));
    }
    for action in wanted {
        let Some(key) = ui.key_of(*action) else {
            continue;
        };
        spans.push(Span::styled(key, ui.theme.key()));
        spans.push(Span::raw(format!(" {}  ", ui.short(*action))));
    }
    Line::from(spans)
}

fn help(frame: &mut Frame, area: Rect, app: &App) {
    let ui = &app.ui;
    let context = app.context();
    // On the card and the form the quit keys close it, as Esc does: they are listed with Esc.
    let closes = context != Context::Table;
    let rows: Vec<Row> = ACTIONS
        .iter()
        .filter(|info| info.context.overlaps(context))
        .filter(|info| !(closes && info.action == Action::Quit))
        .map(|info| {
            let mut keys = ui.keys_of(info.action, context);
            if closes && info.action == Action::Cancel {
                let quit = ui.keys_of(Action::Quit, context);
                if !quit.is_empty() {
                    keys = format!("{keys}, {quit}");
                }
            }
            Row::new(vec![
                Span::styled(keys, ui.theme.key()),
                Span::raw(ui.description(info.action)),
            ])
        })
        .collect();
    let height = (rows.len() as u16 + 2).min(area.height);
    let width = area.width.min(64);
    let spot = centred(area, width, height);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(ui.text("help-title"));
    let table = Table::new(rows, [Constraint::Length(20), Constraint::Min(10)]).block(block);
    frame.render_widget(Clear, spot);
    frame.render_widget(table, spot);
}

fn problems(frame: &mut Frame, area: Rect, app: &App) {
    let ui = &app.ui;
    let mut lines = vec![Line::from(ui.text("keymap-problems-intro"))];
    lines.extend(
        app.problems
            .iter()
            .map(|p| Line::from(harmless(&ui.problem(p)).into_owned())),
    );
    lines.push(Line::styled(ui.text("press-any-key"), ui.theme.dim()));
    let width = area.width.min(76);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(ui.text("keymap-problems-title"));
    let paragraph = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block);
    // A long path or parser message wraps: the window grows with it, up to the screen.
    let height = u16::try_from(paragraph.line_count(width)).unwrap_or(u16::MAX);
    let spot = centred(area, width, height.min(area.height));
    frame.render_widget(Clear, spot);
    frame.render_widget(paragraph, spot);
}

fn centred(area: Rect, width: u16, height: u16) -> Rect {
    Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    }
}
