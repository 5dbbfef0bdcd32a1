//! The commands that open the database themselves: `serve`, and `check --offline`.

use std::fs;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, bail};
use tracing_subscriber::EnvFilter;

use super::{Cli, Failure};
use crate::config::Config;
use crate::runtime::Endpoint;
use crate::server::{self, ServeOptions};
use crate::service::{Service, Settings};
use crate::store::Store;

/// The environment variable that sets the log level, e.g. `APPEALS_LOG=debug`.
const LOG_ENV: &str = "APPEALS_LOG";

/// `appeals serve`: owns the database and serves it until stopped.
pub fn serve(cli: &Cli, socket: Option<&Path>, on_demand: bool) -> Result<(), Failure> {
    let (config, data_dir) = super::session::resolve(cli)?;
    let service = open_service(&config, &data_dir)?;
    let (system, full_name) = system_user();
    service.bootstrap(&system, &full_name)?;
    let endpoint = Endpoint::for_data_dir(&config, &data_dir)?;
    let socket = socket.map_or(endpoint.socket, Path::to_path_buf);
    let idle_minutes = u64::from(config.server.idle_exit_minutes);
    let options = ServeOptions {
        data_dir: crate::runtime::absolute(&data_dir),
        socket,
        on_demand,
        idle_exit: (on_demand && idle_minutes > 0).then(|| Duration::from_secs(idle_minutes * 60)),
        group: config.server.group.clone(),
        operator_account: config.server.operator_account.clone(),
        config_digest: crate::runtime::config_digest(&config),
    };
    server::serve(service, options).map_err(Failure::Broken)
}

/// The database of the data directory opened in this process, logging to its file.
pub fn open_service(config: &Config, data_dir: &Path) -> Result<Service, Failure> {
    prepare_dir(data_dir)?;
    start_log(data_dir);
    let started = std::time::Instant::now();
    let store = Store::open(data_dir).map_err(anyhow::Error::from)?;
    let open_ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(dir = %data_dir.display(), open_ms, "database opened");
    Ok(Service::new(store, settings(config)?))
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
    start_log_at(&dir.join("appeals.log"));
}

/// Logs to the file at `path`, appending; without a log when it cannot be opened.
pub fn start_log_at(path: &Path) {
    let file = fs::OpenOptions::new().create(true).append(true).open(path);
    let Ok(file) = file else {
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

/// `appeals check --offline`: reads the files directly; the server must not be running.
pub fn check_offline(cli: &Cli) -> Result<(), Failure> {
    let (config, data_dir) = super::session::resolve(cli)?;
    let service = open_service(&config, &data_dir)?;
    super::output::print_check(&service.check()?)
}

/// `appeals restore FILE`: a backup into a new, empty data directory, checked.
pub fn restore(cli: &Cli, file: &Path) -> Result<(), Failure> {
    let (_, data_dir) = super::session::resolve(cli)?;
    prepare_dir(&data_dir)?;
    start_log(&data_dir);
    let summary = Store::restore(&data_dir, file).map_err(anyhow::Error::from)?;
    tracing::info!(file = %file.display(), appeals = summary.appeals, "restored");
    println!(
        "restored {} users, {} appeals, {} history events into {}; check: OK",
        summary.users,
        summary.appeals,
        summary.history_events,
        data_dir.display()
    );
    Ok(())
}
