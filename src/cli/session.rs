//! One command's connection to the server of its data directory, with typed calls. The
//! server is found (or started on demand) by `client`; only `serve`, `restore` and an offline
//! `check` open the database themselves (see `local`).

use std::cell::RefCell;
use std::path::PathBuf;

use super::{Cli, Failure};
use crate::client::{Client, ClientError, Target};
use crate::config::Config;
use crate::domain::draft::{DraftSlot, FormDraft};
use crate::domain::queue::{Order, Queue};
use crate::domain::user::User;
use crate::domain::validate::AppealForm;
use crate::protocol::{Request, Response, ServerStatus};
use crate::runtime::Endpoint;
use crate::service::api::{
    ActRequest, AppealView, CheckSummary, DueList, Outcome, QueueCount, RowPage,
};
use crate::store::BackupSummary;

pub struct Session {
    client: RefCell<Client>,
    target: Target,
    /// The registered user this command acts as, as the server identified them.
    pub login: String,
    pub config: Config,
    pub data_dir: PathBuf,
}

impl From<ClientError> for Failure {
    fn from(e: ClientError) -> Self {
        match e {
            ClientError::Service(e) => e.into(),
            other => Failure::Refused(other.to_string()),
        }
    }
}

/// The configuration and data directory a command line names.
pub fn resolve(cli: &Cli) -> Result<(Config, PathBuf), Failure> {
    let config = Config::load(cli.config.as_deref()).map_err(anyhow::Error::from)?;
    let data_dir = cli
        .data_dir
        .clone()
        .unwrap_or_else(|| config.data_dir.clone());
    Ok((config, data_dir))
}

/// The configuration, data directory and server a command line names.
pub fn target(cli: &Cli) -> Result<(Config, PathBuf, Target), Failure> {
    let (config, data_dir) = resolve(cli)?;
    let endpoint = Endpoint::for_data_dir(&config, &data_dir)?;
    let target = Target {
        endpoint,
        data_dir: crate::runtime::absolute(&data_dir),
        config: cli.config.clone(),
        operator: cli.operator.clone(),
        subscribe: false,
        config_digest: crate::runtime::config_digest(&config),
    };
    Ok((config, data_dir, target))
}

impl Session {
    /// Connects to the server of the data directory, starting one when needed.
    pub fn connect(cli: &Cli) -> Result<Session, Failure> {
        let (config, data_dir, target) = target(cli)?;
        let client = Client::connect(&target)?;
        let login = client.welcome.login.clone();
        Ok(Session {
            client: RefCell::new(client),
            target,
            login,
            config,
            data_dir,
        })
    }

    /// Makes a call. When the server went away, a read is retried once on a fresh connection
    /// (a private server is started again); a change is not, since it may have been stored:
    /// the message says so and the command can be run again after a look.
    fn call(&self, request: Request) -> Result<Response, Failure> {
        let first = self.client.borrow_mut().call(request.clone());
        match first {
            Err(ClientError::Disconnected(why)) if is_read(&request) => {
                eprintln!("appeals: the server went away ({why}); reconnecting");
                *self.client.borrow_mut() = Client::connect(&self.target)?;
                Ok(self.client.borrow_mut().call(request)?)
            }
            Err(ClientError::Disconnected(why)) => Err(Failure::Refused(format!(
                "the server went away ({why}) before confirming the change; check with \
                 `appeals show` or `appeals list` whether it was stored before repeating it"
            ))),
            other => Ok(other?),
        }
    }

    /// Today in the configured time zone, for `today` and `yesterday` in dates.
    pub fn today(&self) -> chrono::NaiveDate {
        self.config.time_zone.today(chrono::Utc::now())
    }
}

/// Requests that change nothing, safe to send again.
fn is_read(request: &Request) -> bool {
    matches!(
        request,
        Request::Whoami
            | Request::Queue { .. }
            | Request::Counts
            | Request::Show { .. }
            | Request::Search { .. }
            | Request::EarlierAppeals { .. }
            | Request::Due
            | Request::Users
            | Request::Check
            | Request::Status
            | Request::Drafts
    )
}

/// A reply of another kind than the request asks for: a server of another version.
fn unexpected(response: Response) -> Failure {
    Failure::Refused(format!("unexpected reply from the server: {response:?}"))
}

/// Typed calls, one per request.
macro_rules! calls {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $out:ty = $request:expr, $pattern:pat => $value:expr;)+) => {
        impl Session {
            $(
                pub fn $name(&self, $($arg: $ty),*) -> Result<$out, Failure> {
                    match self.call($request)? {
                        $pattern => Ok($value),
                        other => Err(unexpected(other)),
                    }
                }
            )+
        }
    };
}

calls! {
    whoami() -> User = Request::Whoami, Response::User(user) => user;
    register(form: &AppealForm) -> Outcome =
        Request::Register(Box::new(form.clone())), Response::Outcome(o) => *o;
    edit(number: &str, revision: Option<u64>, form: &AppealForm) -> Outcome =
        Request::Edit { number: number.to_string(), revision, form: Box::new(form.clone()) },
        Response::Outcome(o) => *o;
    act(request: &ActRequest) -> Outcome = Request::Act(request.clone()), Response::Outcome(o) => *o;
    queue_page(queue: Queue, order: Order, filter: Option<&str>, offset: u64, limit: u64)
        -> RowPage = Request::Queue {
            queue,
            sort: order.sort,
            descending: order.descending,
            filter: filter.map(str::to_string),
            offset,
            limit,
        },
        Response::Page(page) => page;
    counts() -> Vec<QueueCount> = Request::Counts, Response::Counts(counts) => counts;
    show(number: &str) -> AppealView =
        Request::Show { number: number.to_string() }, Response::Card(card) => *card;
    search(query: &str, offset: u64, limit: u64) -> RowPage =
        Request::Search { query: query.to_string(), offset, limit }, Response::Page(page) => page;
    due() -> DueList = Request::Due, Response::Due(due) => due;
    users() -> Vec<User> = Request::Users, Response::Users(users) => users;
    add_user(user: &User) -> () = Request::AddUser(user.clone()), Response::Done => ();
    disable_user(login: &str) -> () =
        Request::DisableUser { login: login.to_string() }, Response::Done => ();
    demo(count: u64, seed: u64) -> String = Request::Demo { count, seed }, Response::Text(t) => t;
    check() -> CheckSummary = Request::Check, Response::Check(summary) => summary;
    status() -> ServerStatus = Request::Status, Response::Status(status) => status;
    backup(path: &str) -> BackupSummary =
        Request::Backup { path: path.to_string() }, Response::Backup(summary) => summary;
    shutdown() -> () = Request::Shutdown, Response::Done => ();
    save_draft(slot: &DraftSlot, form: &AppealForm, base_revision: Option<u64>) -> FormDraft =
        Request::SaveDraft { slot: slot.clone(), form: Box::new(form.clone()), base_revision },
        Response::Draft(draft) => *draft;
    drafts() -> Vec<FormDraft> = Request::Drafts, Response::Drafts(drafts) => drafts;
    drop_draft(slot: &DraftSlot) -> bool =
        Request::DropDraft { slot: slot.clone() }, Response::DraftDropped { existed } => existed;
}
