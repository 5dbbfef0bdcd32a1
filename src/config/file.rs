//! Reading the TOML file: its shape checked by serde, each value converted by code that knows
//! its key, so that every error names the file and the key.

use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{
    Config, ConfigError, KeymapChoice, NumberFormat, ScreenSettings, ServerSettings, TermSettings,
    Zone,
};
use crate::domain::terms::{DayCount, TermStart};
use crate::i18n::Lang;

/// The top level of the file. Values stay TOML values here: serde's own type errors do not say
/// which field was wrong, so the conversion below does the typing, key in hand.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    data_dir: Option<toml::Value>,
    time_zone: Option<toml::Value>,
    calendar: Option<toml::Value>,
    number_format: Option<toml::Value>,
    term: Option<toml::Value>,
    server: Option<toml::Value>,
    screen: Option<toml::Value>,
}

/// The `[screen]` section, kept raw likewise.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScreen {
    language: Option<toml::Value>,
    keymap: Option<toml::Value>,
}

const LANGUAGES: &[(&str, Option<Lang>)] = &[
    ("auto", None),
    ("en", Some(Lang::En)),
    ("ru", Some(Lang::Ru)),
];

const KEYMAPS: &[(&str, KeymapChoice)] = &[
    ("default", KeymapChoice::Default),
    ("vim", KeymapChoice::Vim),
];

/// The `[server]` section, kept raw likewise.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawServer {
    socket: Option<toml::Value>,
    group: Option<toml::Value>,
    operator_account: Option<toml::Value>,
    idle_exit_minutes: Option<toml::Value>,
}

/// An on-demand server that outlives a day without clients is forgotten, not idle.
const IDLE_MINUTES: RangeInclusive<i64> = 0..=1440;

/// The `[term]` section, kept raw for the same reason.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    days: Option<toml::Value>,
    count: Option<toml::Value>,
    start: Option<toml::Value>,
    statutory_days: Option<toml::Value>,
    due_soon_days: Option<toml::Value>,
    notice_days: Option<toml::Value>,
}

/// A term or a period longer than a year is a typo, not a rule.
const DAYS: RangeInclusive<i64> = 1..=365;

/// Zero turns the due-soon warning off: only terms due today and overdue ones stand out.
const DUE_SOON_DAYS: RangeInclusive<i64> = 0..=365;

const DAY_COUNTS: &[(&str, DayCount)] = &[
    ("calendar", DayCount::Calendar),
    ("working", DayCount::Working),
];

const TERM_STARTS: &[(&str, TermStart)] = &[
    ("received", TermStart::Received),
    ("registered", TermStart::Registered),
];

/// Settings from the text of the file at `origin`.
pub(super) fn read_config(text: &str, origin: &Path) -> Result<Config, ConfigError> {
    let file = File { origin };
    let table: toml::Table = toml::from_str(text).map_err(|e| file.syntax(text, &e))?;
    let raw: RawConfig = toml::Value::Table(table)
        .try_into()
        .map_err(|e| file.shape("", &e))?;

    let mut config = Config {
        source: Some(origin.to_owned()),
        ..Config::default()
    };
    if let Some(value) = raw.data_dir {
        config.data_dir = file.path("data_dir", value)?;
    }
    if let Some(value) = raw.time_zone {
        config.time_zone = file.zone(value)?;
    }
    if let Some(value) = raw.calendar {
        config.calendar = Some(file.path("calendar", value)?);
    }
    if let Some(value) = raw.number_format {
        config.number_format = file.number(value)?;
    }
    if let Some(value) = raw.term {
        config.term = file.term(value)?;
    }
    if let Some(value) = raw.server {
        config.server = file.server(value)?;
    }
    if let Some(value) = raw.screen {
        config.screen = file.screen(value)?;
    }
    Ok(config)
}

/// The file being read, for naming it in errors and resolving paths against it.
struct File<'a> {
    origin: &'a Path,
}

impl File<'_> {
    fn term(&self, value: toml::Value) -> Result<TermSettings, ConfigError> {
        if !value.is_table() {
            let found = value.type_str();
            return Err(self.bad("term", format!("expected a table, found {found}")));
        }
        let raw: RawTerm = value.try_into().map_err(|e| self.shape("term.", &e))?;

        let mut term = TermSettings::default();
        if let Some(value) = raw.days {
            term.rule.days = self.integer("term.days", value, DAYS)?;
        }
        if let Some(value) = raw.count {
            term.rule.count = self.choice("term.count", value, DAY_COUNTS)?;
        }
        if let Some(value) = raw.start {
            term.rule.start = self.choice("term.start", value, TERM_STARTS)?;
        }
        if let Some(value) = raw.statutory_days {
            term.statutory_days = self.integer("term.statutory_days", value, DAYS)?;
        }
        if let Some(value) = raw.due_soon_days {
            term.due_soon_days = self.integer("term.due_soon_days", value, DUE_SOON_DAYS)?;
        }
        if let Some(value) = raw.notice_days {
            term.notice_days = self.integer("term.notice_days", value, DAYS)?;
        }
        Ok(term)
    }

    fn screen(&self, value: toml::Value) -> Result<ScreenSettings, ConfigError> {
        if !value.is_table() {
            let found = value.type_str();
            return Err(self.bad("screen", format!("expected a table, found {found}")));
        }
        let raw: RawScreen = value.try_into().map_err(|e| self.shape("screen.", &e))?;
        let mut screen = ScreenSettings::default();
        if let Some(value) = raw.language {
            screen.language = self.choice("screen.language", value, LANGUAGES)?;
        }
        if let Some(value) = raw.keymap {
            screen.keymap = self.choice("screen.keymap", value, KEYMAPS)?;
        }
        Ok(screen)
    }

    fn server(&self, value: toml::Value) -> Result<ServerSettings, ConfigError> {
        if !value.is_table() {
            let found = value.type_str();
            return Err(self.bad("server", format!("expected a table, found {found}")));
        }
        let raw: RawServer = value.try_into().map_err(|e| self.shape("server.", &e))?;
        let mut server = ServerSettings::default();
        if let Some(value) = raw.socket {
            server.socket = Some(self.path("server.socket", value)?);
        }
        if let Some(value) = raw.group {
            server.group = Some(self.name("server.group", value)?);
        }
        if let Some(value) = raw.operator_account {
            server.operator_account = Some(self.name("server.operator_account", value)?);
        }
        if let Some(value) = raw.idle_exit_minutes {
            let minutes = self.integer("server.idle_exit_minutes", value, IDLE_MINUTES)?;
            server.idle_exit_minutes = minutes;
        }
        Ok(server)
    }

    /// A system user or group name.
    fn name(&self, key: &str, value: toml::Value) -> Result<String, ConfigError> {
        let text = self.string(key, value)?;
        let ok = !text.is_empty()
            && text.len() <= 32
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
        match ok {
            true => Ok(text),
            false => Err(self.bad(key, format!("`{text}` is not a system user or group name"))),
        }
    }

    fn zone(&self, value: toml::Value) -> Result<Zone, ConfigError> {
        let name = self.string("time_zone", value)?;
        Zone::named(&name).ok_or_else(|| self.bad("time_zone", format!("unknown zone `{name}`")))
    }

    fn number(&self, value: toml::Value) -> Result<NumberFormat, ConfigError> {
        let pattern = self.string("number_format", value)?;
        NumberFormat::parse(&pattern).map_err(|e| self.bad("number_format", e))
    }

    /// A path: `~/` means the home directory, and a relative path is taken from the directory
    /// of the configuration file, so the file means the same wherever the program starts.
    fn path(&self, key: &str, value: toml::Value) -> Result<PathBuf, ConfigError> {
        let text = self.string(key, value)?;
        if text.trim().is_empty() {
            return Err(self.bad(key, "empty path: remove the key to use the default"));
        }
        let home = dirs::home_dir();
        let path = match (text.strip_prefix("~/"), home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ => PathBuf::from(&text),
        };
        Ok(match self.origin.parent() {
            Some(dir) if path.is_relative() => dir.join(path),
            _ => path,
        })
    }

    fn string(&self, key: &str, value: toml::Value) -> Result<String, ConfigError> {
        match value {
            toml::Value::String(text) => Ok(text),
            other => Err(self.bad(
                key,
                format!("expected a string, found {}", other.type_str()),
            )),
        }
    }

    fn integer(
        &self,
        key: &str,
        value: toml::Value,
        range: RangeInclusive<i64>,
    ) -> Result<u32, ConfigError> {
        let (start, end) = (range.start(), range.end());
        let expected = format!("expected a whole number of days from {start} to {end}");
        match value {
            toml::Value::Integer(n) if range.contains(&n) => {
                u32::try_from(n).map_err(|_| self.bad(key, &expected))
            }
            toml::Value::Integer(n) => Err(self.bad(key, format!("{expected}, found {n}"))),
            other => Err(self.bad(key, format!("{expected}, found {}", other.type_str()))),
        }
    }

    /// One of a few named values.
    fn choice<T: Copy>(
        &self,
        key: &str,
        value: toml::Value,
        options: &[(&str, T)],
    ) -> Result<T, ConfigError> {
        let text = self.string(key, value)?;
        let found = options.iter().find(|(name, _)| *name == text);
        found.map(|&(_, choice)| choice).ok_or_else(|| {
            let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
            self.bad(key, format!("`{text}` is not one of: {}", names.join(", ")))
        })
    }

    fn bad(&self, key: &str, problem: impl std::fmt::Display) -> ConfigError {
        ConfigError::BadValue {
            path: self.origin.to_owned(),
            key: key.to_owned(),
            problem: problem.to_string(),
        }
    }

    /// Text that is not TOML at all, with where the reader gave up when it says.
    fn syntax(&self, text: &str, error: &toml::de::Error) -> ConfigError {
        let message = error.message().trim();
        let message = match error.span() {
            Some(span) => {
                let before = text.get(..span.start).unwrap_or(text);
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                format!("line {line}, column {column}: {message}")
            }
            None => message.to_owned(),
        };
        ConfigError::Syntax {
            path: self.origin.to_owned(),
            message,
        }
    }

    /// A table of the wrong shape: with every value kept raw, that is an unknown key. serde
    /// words it "unknown field `name`, expected ..."; the name is taken from there.
    fn shape(&self, section: &str, error: &toml::de::Error) -> ConfigError {
        let message = error.message();
        let unknown = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, _)| name);
        match unknown {
            Some(name) => ConfigError::UnknownKey {
                path: self.origin.to_owned(),
                key: format!("{section}{name}"),
            },
            None if section.is_empty() => self.bad("(top level)", message),
            None => self.bad(section.trim_end_matches('.'), message),
        }
    }
}
