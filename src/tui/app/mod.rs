//! The screen's state and what events do to it: a key press becomes an action through the
//! keymap, the action changes the view or calls the server, and a change notice refreshes
//! what is on screen. Nothing here touches the terminal, so tests drive it with key strings.

mod table_keys;

use std::time::Instant;

use crossterm::event::{KeyEvent, KeyEventKind};

use super::actions::{Action, Context};
use super::card::{CardEffect, CardView};
use super::form::{FormEffect, FormView, offer};
use super::keymap::{Problem, Resolved};
use super::keys::Key;
use super::source::{Signal, Source};
use super::table::{QueueView, unexpected};
use super::ui::Ui;
use crate::client::ClientError;
use crate::domain::draft::FormDraft;
use crate::domain::model::ActionKind;
use crate::domain::queue::Queue;
use crate::domain::user::{Role, User};
use crate::protocol::{Request, Response};
use crate::service::api::{QueueCount, Row};

pub enum Screen {
    Table,
    Card(Box<CardView>),
    Form(Box<FormView>),
}

/// A window over the screen that takes the keys until it is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// Problems found in the keymaps at start-up.
    Problems,
    /// A draft of the form left by an earlier session, offered back (`App::draft_offer`).
    Draft,
}

/// A one-line message at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flash {
    Info(String),
    Error(String),
}

pub struct App {
    pub ui: Ui,
    source: Box<dyn Source>,
    pub user: Option<User>,
    pub counts: Vec<QueueCount>,
    pub due_today: u64,
    pub table: QueueView,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub flash: Option<Flash>,
    pub problems: Vec<Problem>,
    pub online: bool,
    pending: Vec<Key>,
    /// The newest draft of the form waiting from an earlier session, while it is offered.
    pub draft_offer: Option<FormDraft>,
    /// A change notice arrived: fetch again before the next frame.
    stale: bool,
    pub quit: bool,
}

impl App {
    /// Builds the screen and loads what it first shows. A server that cannot be reached is
    /// not an error here: the screen says so and fills in when it is back.
    pub fn new(ui: Ui, source: Box<dyn Source>, problems: Vec<Problem>) -> App {
        let overlay = (!problems.is_empty()).then_some(Overlay::Problems);
        let mut app = App {
            ui,
            source,
            user: None,
            counts: Vec::new(),
            due_today: 0,
            table: QueueView::new(Queue::Incoming),
            screen: Screen::Table,
            overlay,
            flash: None,
            problems,
            online: true,
            pending: Vec::new(),
            draft_offer: None,
            stale: false,
            quit: false,
        };
        app.load();
        app
    }

    fn load(&mut self) {
        let result = self.load_user().and_then(|()| {
            self.table.queue = self.first_queue();
            self.table.reset(&mut *self.source)
        });
        self.settle(result);
        self.refresh_counts();
        self.offer_draft();
    }

    fn load_user(&mut self) -> Result<(), ClientError> {
        match self.source.call(Request::Whoami)? {
            Response::User(user) => {
                self.user = Some(user);
                Ok(())
            }
            other => Err(unexpected(&other)),
        }
    }

    /// Where a user starts: the intake for those who triage it, their own work otherwise.
    fn first_queue(&self) -> Queue {
        match &self.user {
            Some(u) if u.has(Role::Registrar) || u.has(Role::Manager) => Queue::Incoming,
            Some(u) if u.has(Role::Compliance) => Queue::Overdue,
            Some(u) if u.has(Role::Executor) => Queue::Mine,
            Some(_) => Queue::All,
            None => Queue::Incoming,
        }
    }

    /// The queues this user has on the left, leaving out those that are always empty for
    /// them: Incoming for an executor (who sees only what is assigned), Assigned to me for
    /// someone nothing can be assigned to or sent for signature, Co-executing for someone who
    /// is not an executor, On signature for anyone but a manager. Before the user is known
    /// (the server away at start) every queue but On signature is there.
    pub fn queues(&self) -> Vec<Queue> {
        let has = |role| self.user.as_ref().is_none_or(|u| u.has(role));
        let sees_all = self.user.as_ref().is_none_or(User::sees_all);
        let manager = self.user.as_ref().is_some_and(|u| u.has(Role::Manager));
        Queue::ALL
            .into_iter()
            .filter(|q| match q {
                Queue::Incoming => sees_all,
                Queue::Mine => has(Role::Executor) || manager,
                Queue::CoExecuting => has(Role::Executor),
                Queue::OnSignature => manager,
                Queue::Overdue | Queue::Returned | Queue::All => true,
            })
            .collect()
    }

    pub fn count(&self, queue: Queue) -> Option<u64> {
        self.counts
            .iter()
            .find(|c| c.queue == queue)
            .map(|c| c.count)
    }

    /// Nothing registered yet, as far as this user can see.
    pub fn registry_empty(&self) -> bool {
        self.online && self.count(Queue::All) == Some(0)
    }

    fn refresh_counts(&mut self) {
        let counts = self.source.call(Request::Counts);
        let due = counts.and_then(|counts| {
            let Response::Counts(counts) = counts else {
                return Err(unexpected(&counts));
            };
            self.counts = counts;
            self.source.call(Request::Due)
        });
        match due {
            Ok(Response::Due(due)) => self.due_today = due_today(&due.rows),
            Ok(other) => self.settle(Err(unexpected(&other))),
            Err(e) => self.settle(Err(e)),
        }
    }

    /// Records what a call to the server came to: a lost connection turns the screen
    /// offline, anything else the server refused is shown as a message.
    fn settle(&mut self, result: Result<(), ClientError>) {
        match result {
            Ok(()) => {
                if !self.online {
                    self.online = true;
                }
            }
            Err(ClientError::Service(e)) => self.flash = Some(Flash::Error(e.to_string())),
            Err(e @ ClientError::Refused(_)) => self.flash = Some(Flash::Error(e.to_string())),
            Err(e) => {
                tracing::info!(error = %e, "screen: server unreachable");
                self.online = false;
            }
        }
    }

    /// The terminal's new size: the table takes what the status line, footer, borders and
    /// header leave.
    pub fn resize(&mut self, height: u16) {
        self.table.height = u64::from(height.saturating_sub(5)).max(1);
        let result = self.table.refresh(&mut *self.source);
        self.settle(result);
    }

    /// Text pasted into the terminal goes to whatever text is being typed, never to keys.
    pub fn on_paste(&mut self, text: &str) {
        match &mut self.screen {
            Screen::Form(form) => form.paste(text),
            Screen::Table if self.table.filtering => {
                self.table.filter.push_str(text);
                self.apply_filter();
            }
            _ => {}
        }
    }

    pub fn on_key(&mut self, event: KeyEvent) {
        if event.kind == KeyEventKind::Release {
            return;
        }
        if self.overlay == Some(Overlay::Draft) {
            return self.draft_offer_key(event);
        }
        if self.overlay.take().is_some() {
            // The keymap's problems come first; a draft waiting is offered after them.
            if self.draft_offer.is_some() {
                self.overlay = Some(Overlay::Draft);
            }
            return;
        }
        if let Screen::Form(_) = self.screen {
            return self.form_key(event);
        }
        if self.table.filtering && matches!(self.screen, Screen::Table) {
            return self.filter_key(event);
        }
        let context = match self.screen {
            Screen::Card(_) => Context::Card,
            _ => Context::Table,
        };
        if let Some(action) = self.resolve(event, context) {
            self.flash = None;
            self.act(action);
        }
    }

    /// The action a key means here, keeping the first key of a two-key binding.
    fn resolve(&mut self, event: KeyEvent, context: Context) -> Option<Action> {
        let key = Key::from_event(event);
        match self.ui.keymap.resolve(&self.pending, key, context) {
            Resolved::Action(action) => {
                self.pending.clear();
                Some(action)
            }
            Resolved::Pending(key) => {
                self.pending.push(key);
                None
            }
            Resolved::Unbound => {
                self.pending.clear();
                None
            }
        }
    }

    fn act(&mut self, action: Action) {
        if action == Action::Help {
            self.overlay = Some(Overlay::Help);
            return;
        }
        match &mut self.screen {
            Screen::Table => self.table_action(action),
            Screen::Card(card) => {
                let effect = card.handle(action);
                self.card_effect(effect);
            }
            Screen::Form(_) => {}
        }
    }

    fn open_card(&mut self, number: &str) {
        match CardView::load(&mut *self.source, number) {
            Ok(card) => self.screen = Screen::Card(Box::new(card)),
            Err(e) => self.settle(Err(e)),
        }
    }

    fn card_effect(&mut self, effect: CardEffect) {
        match effect {
            CardEffect::None => {}
            CardEffect::Close => self.screen = Screen::Table,
            CardEffect::Edit => {
                if let Screen::Card(card) = &self.screen {
                    let form = FormView::edit(&self.ui, &card.view);
                    self.open_form(form);
                }
            }
        }
    }

    fn open_form(&mut self, form: FormView) {
        self.screen = Screen::Form(Box::new(form));
    }

    fn form_key(&mut self, event: KeyEvent) {
        let Screen::Form(form) = &mut self.screen else {
            return;
        };
        let key = Key::from_event(event);
        let action = match self.ui.keymap.resolve(&[], key, Context::Form) {
            Resolved::Action(action) => Some(action),
            _ => None,
        };
        let effect = form.on_key(event, action, &mut *self.source, &self.ui);
        self.form_effect(effect);
    }

    fn form_effect(&mut self, effect: FormEffect) {
        match effect {
            FormEffect::None => {}
            FormEffect::Close => self.screen = Screen::Table,
            FormEffect::Saved { number, registered } => {
                let text = self
                    .ui
                    .text_with("saved", &[("number", number.as_str().into())]);
                self.flash = Some(Flash::Info(text));
                self.screen = Screen::Table;
                self.refresh();
                if let Some(id) = registered {
                    self.select_appeal(id);
                }
            }
            FormEffect::Failed(e) => self.settle(Err(e)),
            FormEffect::Help => self.overlay = Some(Overlay::Help),
        }
    }

    /// A change notice or the connection coming back: counts, the table and an open card
    /// are fetched again, the selection kept on the same appeal.
    pub fn on_signal(&mut self, signal: Signal) {
        match signal {
            Signal::Connected(false) => self.online = false,
            Signal::Connected(true) => {
                self.online = true;
                if self.user.is_none() {
                    self.load();
                } else {
                    self.refresh();
                }
            }
            Signal::Notice(_) => self.stale = true,
        }
    }

    /// Fetches again what notices made stale: once per frame, however many arrived.
    pub fn catch_up(&mut self) {
        if std::mem::take(&mut self.stale) {
            self.refresh();
        }
    }

    pub fn refresh(&mut self) {
        self.refresh_counts();
        let result = self.table.refresh(&mut *self.source);
        self.settle(result);
        if let Screen::Card(card) = &mut self.screen {
            let result = card.reload(&mut *self.source);
            self.settle(result);
        }
    }

    /// When the screen next wants to run without a key press (a draft waiting to be saved).
    pub fn deadline(&self) -> Option<Instant> {
        match &self.screen {
            Screen::Form(form) => form.deadline(),
            _ => None,
        }
    }

    pub fn on_deadline(&mut self) {
        if let Screen::Form(form) = &mut self.screen {
            let effect = form.on_deadline(&mut *self.source);
            self.form_effect(effect);
        }
    }

    /// The screen is being closed by a signal: keep what can be kept.
    pub fn on_terminate(&mut self) {
        self.on_deadline();
        self.quit = true;
    }

    /// Offers the newest draft of the form left by an earlier session (a dropped connection,
    /// a closed terminal), if this user fills the form at all.
    fn offer_draft(&mut self) {
        if !self.may_register() {
            return;
        }
        match offer::waiting(&mut *self.source) {
            Ok(drafts) => self.draft_offer = drafts.into_iter().next(),
            Err(e) => return self.settle(Err(e)),
        }
        if self.draft_offer.is_some() && self.overlay.is_none() {
            self.overlay = Some(Overlay::Draft);
        }
    }

    fn draft_offer_key(&mut self, event: KeyEvent) {
        let answer = offer::answer(event);
        if answer == offer::Answer::Undecided {
            return;
        }
        self.overlay = None;
        let Some(draft) = self.draft_offer.take() else {
            return;
        };
        let result = match answer {
            offer::Answer::Continue => offer::resume(draft, &mut *self.source, &self.ui)
                .map(|form| self.screen = Screen::Form(Box::new(form))),
            offer::Answer::Discard => offer::discard(&draft, &mut *self.source),
            offer::Answer::Later | offer::Answer::Undecided => Ok(()),
        };
        self.settle(result);
    }

    /// Whether this user registers appeals (the form is theirs).
    pub fn may_register(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.has(Role::Registrar))
    }

    /// Whether the open card's registration may be edited by this user now.
    pub fn may_edit(&self) -> bool {
        match &self.screen {
            Screen::Card(card) => card.view.allowed.contains(&ActionKind::Edit),
            _ => false,
        }
    }

    pub fn context(&self) -> Context {
        match self.screen {
            Screen::Table => Context::Table,
            Screen::Card(_) => Context::Card,
            Screen::Form(_) => Context::Form,
        }
    }
}

fn due_today(rows: &[Row]) -> u64 {
    rows.iter()
        .filter(|r| r.urgency == crate::domain::terms::Urgency::DueToday)
        .count() as u64
}
