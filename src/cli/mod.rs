//! The `appeals` subcommands: parsing with clap, then one call to the service each.
//! Exit status: 0 done, 1 refused or invalid (the message names the field or rule), 2 usage.

mod act;
mod drafts;
mod local;
mod output;
pub(crate) mod register;
mod session;
mod user;

use std::os::unix::fs::DirBuilderExt;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::service::api::ServiceError;
pub use session::Session;

#[derive(Debug, Parser)]
#[command(
    name = "appeals",
    version,
    about = "Registry of external appeals (обращения)"
)]
pub struct Cli {
    /// Configuration file (default: appeals/config.toml in the XDG config directory).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Data directory (default: from the configuration, else the XDG data directory).
    #[arg(long, global = true, env = "APPEALS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Act as this registered user; only an administrator may (shared accounts, scripts).
    #[arg(long, global = true, value_name = "LOGIN")]
    pub operator: Option<String>,
    /// Language of the full-screen interface: en or ru (default: the configuration, else the
    /// locale).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<crate::i18n::Lang>,
    /// Without a command: an overview of your queues and what to do next.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Register a new appeal; prints its registration number.
    Register(Box<register::RegisterArgs>),
    /// List a queue: by term, received date or number, maybe filtered by a search text.
    List(output::ListArgs),
    /// Show one appeal with its history and the explanation of its term.
    Show {
        number: String,
        #[arg(long)]
        json: bool,
    },
    /// Search by number, applicant or words of the summary.
    Search {
        query: String,
        #[arg(long, default_value_t = 50)]
        limit: u64,
        #[arg(long)]
        json: bool,
    },
    /// Carry out a workflow action on an appeal.
    Act(act::ActArgs),
    /// Your overdue and due-soon appeals, one line each.
    Due,
    /// Counts of every queue.
    Counts {
        #[arg(long)]
        json: bool,
    },
    /// Manage users.
    #[command(subcommand)]
    User(user::UserCommand),
    /// Your drafts of the registration form (saved by the full-screen form), newest first.
    Drafts {
        #[command(subcommand)]
        command: Option<drafts::DraftsCommand>,
    },
    /// Fill the database with realistic demonstration appeals.
    Demo {
        #[arg(long, default_value_t = 200)]
        count: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Verify the whole database; exits 1 when anything is wrong.
    Check {
        /// Read the files directly instead of asking the server (which must not be running).
        #[arg(long)]
        offline: bool,
    },
    /// Run the server of the data directory (clients start one on demand otherwise).
    Serve {
        /// Listen here instead of the configured or per-user socket.
        #[arg(long, value_name = "PATH")]
        socket: Option<PathBuf>,
        /// Started by a client: exit when idle.
        #[arg(long, hide = true)]
        on_demand: bool,
    },
    /// The server: socket, pid, uptime, version, data directory, size, who is connected.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Stop the server of the data directory (its own system user only).
    Stop,
    /// Write a consistent snapshot as JSON Lines through the running server (admin only).
    Backup { file: PathBuf },
    /// Load a backup into a new, empty data directory, verify the counts and check it.
    Restore { file: PathBuf },
}

/// A failure the user is told about, with the exit status it gives.
#[derive(Debug)]
pub enum Failure {
    /// Refused or invalid: exit 1.
    Refused(String),
    /// The environment failed (configuration, database): exit 1 as well, said plainly.
    Broken(anyhow::Error),
}

impl From<ServiceError> for Failure {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::Invalid { problems } => {
                let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
                Failure::Refused(format!("invalid appeal:\n{}", lines.join("\n")))
            }
            other => Failure::Refused(other.to_string()),
        }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Broken(e)
    }
}

/// Parses the command line, runs the command and gives the exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Refused(message)) => {
            eprintln!("appeals: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Broken(error)) => {
            eprintln!("appeals: {error:#}");
            ExitCode::from(1)
        }
    }
}

/// How long `stop` waits for the server to exit: it drains requests for up to 10 s, then
/// syncs the database.
const STOP_WAIT: std::time::Duration = std::time::Duration::from_secs(15);

/// Asks the server to stop and returns once it has exited, so that the next command (a
/// restore, an offline check, a new version) finds the database free.
fn stop(session: &Session) -> Result<(), Failure> {
    let pid = session.status()?.pid;
    session.shutdown()?;
    let pid = nix::unistd::Pid::from_raw(i32::try_from(pid).unwrap_or(i32::MAX));
    let started = std::time::Instant::now();
    loop {
        // A server this very command started on demand is its child: reap it, or it would
        // linger as a zombie that `kill` still finds.
        let _ = nix::sys::wait::waitpid(pid, Some(nix::sys::wait::WaitPidFlag::WNOHANG));
        if nix::sys::signal::kill(pid, None).is_err() {
            break;
        }
        if started.elapsed() > STOP_WAIT {
            return Err(Failure::Refused(format!(
                "the server (pid {pid}) was asked to stop but is still running after {} s",
                STOP_WAIT.as_secs()
            )));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    println!("server stopped");
    Ok(())
}

fn parse_lang(text: &str) -> Result<crate::i18n::Lang, String> {
    crate::i18n::Lang::parse(text).ok_or_else(|| format!("`{text}` is not en or ru"))
}

/// Without a command on a terminal: the full-screen interface.
fn screen(cli: &Cli) -> Result<(), Failure> {
    let (config, _, target) = session::target(cli)?;
    // The data directory may belong to a shared server's account, so the screen keeps its
    // own log in the user's state directory (~/.local/state/appeals/screen.log).
    if let Some(dir) = dirs::state_dir().or_else(dirs::cache_dir) {
        let dir = dir.join("appeals");
        let made = std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir);
        if made.is_ok() {
            local::start_log_at(&dir.join("screen.log"));
        }
    }
    let options = crate::tui::Options {
        target,
        config,
        lang: cli.lang,
    };
    crate::tui::run(options).map_err(Failure::Broken)
}

fn run(cli: Cli) -> Result<(), Failure> {
    match &cli.command {
        Some(Command::Serve { socket, on_demand }) => {
            return local::serve(&cli, socket.as_deref(), *on_demand);
        }
        Some(Command::Check { offline: true }) => return local::check_offline(&cli),
        Some(Command::Restore { file }) => return local::restore(&cli, file),
        _ => {}
    }
    if cli.command.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return screen(&cli);
    }
    let session = Session::connect(&cli)?;
    let Some(command) = cli.command else {
        return output::overview(&session);
    };
    match command {
        Command::Register(args) => register::run(&session, &args),
        Command::List(args) => output::list(&session, &args),
        Command::Show { number, json } => output::show(&session, &number, json),
        Command::Search { query, limit, json } => output::search(&session, &query, limit, json),
        Command::Act(args) => act::run(&session, &args),
        Command::Due => output::due(&session),
        Command::Counts { json } => output::counts(&session, json),
        Command::User(command) => user::run(&session, command),
        Command::Drafts { command } => drafts::run(&session, command),
        Command::Demo { count, seed } => {
            println!("{}", session.demo(count, seed)?);
            Ok(())
        }
        Command::Check { .. } => output::print_check(&session.check()?),
        Command::Status { json } => output::status(&session, json),
        Command::Stop => stop(&session),
        Command::Backup { file } => output::backup(&session, &file),
        Command::Serve { .. } | Command::Restore { .. } => Ok(()),
    }
}
