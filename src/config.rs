//! The configuration: one TOML file with a default for every setting.
//!
//! The file is `--config FILE` when given, else `appeals/config.toml` in the user's
//! configuration directory; when that default file does not exist, every setting takes its
//! default. Unknown keys and bad values are errors naming the key and the file, because a
//! misspelt setting silently ignored would change terms without anyone noticing.

mod file;
mod number;
mod zone;

#[cfg(test)]
mod tests;

use std::io;
use std::path::{Path, PathBuf};

use crate::domain::terms::{Calendar, CalendarError, TermRule, Terms};
use crate::i18n::Lang;

pub use number::{DEFAULT_NUMBER_FORMAT, NumberFormat, NumberFormatError};
pub use zone::Zone;

/// Every setting, resolved; relative paths in the file are taken from the file's directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Where the registry keeps its database, log and socket.
    pub data_dir: PathBuf,
    pub time_zone: Zone,
    /// A calendar file replacing the embedded one.
    pub calendar: Option<PathBuf>,
    pub number_format: NumberFormat,
    pub term: TermSettings,
    pub server: ServerSettings,
    pub screen: ScreenSettings,
    /// The file the settings came from; `None` when all are defaults.
    pub source: Option<PathBuf>,
}

/// The `[term]` section: the internal rule and the fixed periods around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermSettings {
    pub rule: TermRule,
    /// Working days of the statutory term (Administrative Procedural Code, art. 76).
    pub statutory_days: u32,
    /// Working days ahead within which a term counts as due soon.
    pub due_soon_days: u32,
    /// Working days within which the applicant must be told of an extension.
    pub notice_days: u32,
}

impl Default for TermSettings {
    fn default() -> Self {
        TermSettings {
            rule: TermRule::default(),
            statutory_days: 15,
            due_soon_days: 2,
            notice_days: 3,
        }
    }
}

/// The `[server]` section: where the server listens and who may connect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerSettings {
    /// A shared server's socket. When set, clients never start a server themselves: the
    /// administrator runs `appeals serve` (see the README). When unset, each user's commands
    /// start a private server on demand with a socket in their runtime directory.
    pub socket: Option<PathBuf>,
    /// The group whose members may connect to the shared socket.
    pub group: Option<String>,
    /// The one system account allowed to name an operator with `--operator` (an ssh forced
    /// command for operators sharing that account).
    pub operator_account: Option<String>,
    /// Minutes an on-demand server waits with no clients before it exits; 0 never.
    pub idle_exit_minutes: u32,
}

impl Default for ServerSettings {
    fn default() -> Self {
        ServerSettings {
            socket: None,
            group: None,
            operator_account: None,
            idle_exit_minutes: 10,
        }
    }
}

/// The `[screen]` section: how the full-screen interface looks to this user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScreenSettings {
    /// `None` follows the locale (`LANG`).
    pub language: Option<Lang>,
    pub keymap: KeymapChoice,
}

/// Which shipped keymap the user's own keymap is merged over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeymapChoice {
    #[default]
    Default,
    Vim,
}

/// Why the configuration or its calendar could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config {}: cannot read: {error}", path.display())]
    Read { path: PathBuf, error: io::Error },
    #[error("config {}: not valid TOML: {message}", path.display())]
    Syntax { path: PathBuf, message: String },
    #[error("config {}: unknown key `{key}`", path.display())]
    UnknownKey { path: PathBuf, key: String },
    #[error("config {}: {key}: {problem}", path.display())]
    BadValue {
        path: PathBuf,
        key: String,
        problem: String,
    },
    #[error("calendar {}: cannot read: {error}", path.display())]
    CalendarRead { path: PathBuf, error: io::Error },
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

impl Default for Config {
    fn default() -> Self {
        Config {
            data_dir: default_data_dir(),
            time_zone: Zone::default(),
            calendar: None,
            number_format: NumberFormat::default(),
            term: TermSettings::default(),
            server: ServerSettings::default(),
            screen: ScreenSettings::default(),
            source: None,
        }
    }
}

impl Config {
    /// Loads `explicit` when given (it must exist), else the default file when it exists,
    /// else the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(path) => path.to_owned(),
            None => match Config::default_path() {
                Some(path) => path,
                None => return Ok(Config::default()),
            },
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::from_toml(&text, &path),
            Err(error) if explicit.is_none() && error.kind() == io::ErrorKind::NotFound => {
                Ok(Config::default())
            }
            Err(error) => Err(ConfigError::Read { path, error }),
        }
    }

    /// `appeals/config.toml` in the user's configuration directory, when there is one.
    pub fn default_path() -> Option<PathBuf> {
        dirs::config_dir().map(|dir| dir.join("appeals").join("config.toml"))
    }

    /// Reads settings from TOML text; `origin` is the file it came from, named in errors and
    /// the base of relative paths in it.
    pub fn from_toml(text: &str, origin: &Path) -> Result<Config, ConfigError> {
        file::read_config(text, origin)
    }

    /// The same settings with the data directory replaced, when `dir` is given: the command
    /// line passes its `--data-dir` flag or the `APPEALS_DATA_DIR` variable here.
    pub fn with_data_dir(mut self, dir: Option<PathBuf>) -> Config {
        if let Some(dir) = dir {
            self.data_dir = dir;
        }
        self
    }

    /// The term rule with its calendar: the configured file, or the embedded one.
    pub fn terms(&self) -> Result<Terms, ConfigError> {
        let calendar = match &self.calendar {
            Some(path) => {
                let text =
                    std::fs::read_to_string(path).map_err(|error| ConfigError::CalendarRead {
                        path: path.clone(),
                        error,
                    })?;
                Calendar::parse(&text, &path.display().to_string())?
            }
            None => Calendar::embedded(),
        };

        let mut terms = Terms::new(self.term.rule, calendar);
        terms.statutory_days = self.term.statutory_days;
        terms.due_soon_days = self.term.due_soon_days;
        terms.notice_days = self.term.notice_days;
        Ok(terms)
    }
}

/// The per-user data directory; without a home directory (a bare service account) a fixed
/// system path, rather than one relative to wherever the program happened to start, which
/// would split the registry in two.
fn default_data_dir() -> PathBuf {
    dirs::data_dir()
        .map(|dir| dir.join("appeals"))
        .unwrap_or_else(|| PathBuf::from("/var/lib/appeals"))
}
