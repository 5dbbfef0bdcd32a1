//! Opening the database for one command: configuration, data directory, log file, the
//! service and the identity of the user at the keyboard.

use std::fs::{self, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, bail};
use tracing_subscriber::EnvFilter;

use super::{Cli, Failure};
use crate::config::Config;
use crate::domain::user::Role;
use crate::service::{Service, Settings};
use crate::store::Store;

/// The environment variable that sets the log level, e.g. `APPEALS_LOG=debug`.
const LOG_ENV: &str = "APPEALS_LOG";

pub struct Session {
    pub service: Service,
    /// The registered user this command acts as.
    pub login: String,
    pub config: Config,
    pub data_dir: PathBuf,
}

impl Session {
    /// Opens the database; with `identified`, also makes sure the user at the keyboard (or
    /// the `--operator` they name) is a registered active user.
    pub fn open(cli: &Cli, identified: bool) -> Result<Session, Failure> {
        let config = Config::load(cli.config.as_deref()).map_err(anyhow::Error::from)?;
        let data_dir = cli
            .data_dir
            .clone()
            .unwrap_or_else(|| config.data_dir.clone());
        prepare_dir(&data_dir)?;
        start_log(&data_dir);
        let started = std::time::Instant::now();
        let store = Store::open(&data_dir).map_err(anyhow::Error::from)?;
        let open_ms = started.elapsed().as_secs_f64() * 1000.0;
        tracing::debug!(dir = %data_dir.display(), open_ms, "database opened");
        let service = Service::new(store, settings(&config)?);
        let system = system_user();
        let login = if identified {
            service.bootstrap(&system.0, &system.1)?;
            acting_login(&service, &system.0, cli.operator.as_deref())?
        } else {
            system.0
        };
        Ok(Session {
            service,
            login,
            config,
            data_dir,
        })
    }
}

/// The service settings the configuration implies.
pub fn settings(config: &Config) -> anyhow::Result<Settings> {
    let zone = config.time_zone;
    let format = config.number_format.clone();
    Ok(Settings {
        terms: config.terms()?,
        number: Arc::new(move |year, seq| format.format(year, seq)),
        local_date: Arc::new(move |now| zone.today(now)),
        clock: Arc::new(chrono::Utc::now),
    })
}

/// Creates the data directory readable by its owner only: it holds personal data.
fn prepare_dir(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() {
        if !dir.is_dir() {
            bail!("data directory {} is not a directory", dir.display());
        }
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    Ok(())
}

/// Logs go to `appeals.log` in the data directory, never to the terminal.
fn start_log(dir: &Path) {
    let Ok(file) = OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("appeals.log"))
    else {
        return;
    };
    let filter = EnvFilter::try_from_env(LOG_ENV).unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init();
}

/// The system user running this process: login and full name from the password database.
pub fn system_user() -> (String, String) {
    let uid = nix::unistd::getuid();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(user)) => {
            let gecos = user.gecos.to_string_lossy().into_owned();
            let full = gecos.split(',').next().unwrap_or("").trim().to_string();
            let full = if full.is_empty() {
                user.name.clone()
            } else {
                full
            };
            (user.name, full)
        }
        _ => (format!("uid{uid}"), format!("uid {uid}")),
    }
}

/// Who the command acts as: the system user, or with `--operator` another registered user,
/// which only an administrator may ask for.
fn acting_login(
    service: &Service,
    system: &str,
    operator: Option<&str>,
) -> Result<String, Failure> {
    let me = service.caller(system)?;
    match operator {
        None => Ok(me.login),
        Some(other) if other == system => Ok(me.login),
        Some(other) => {
            if !me.has(Role::Admin) {
                return Err(Failure::Refused(format!(
                    "--operator {other}: only an administrator may act as another user"
                )));
            }
            Ok(service.caller(other)?.login)
        }
    }
}

impl Session {
    pub fn demo(&self, count: u64, seed: u64) -> Result<(), Failure> {
        let summary = crate::demo::fill(&self.service, &self.login, count, seed)?;
        println!("{summary}");
        Ok(())
    }
}
