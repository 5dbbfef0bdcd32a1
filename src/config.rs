//! Stub until the configuration module lands.
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::terms::{Calendar, TermRule, Terms};

#[derive(Debug, thiserror::Error)]
#[error("config: {0}")]
pub struct ConfigError(String);

#[derive(Debug, Clone)]
pub struct Zone;
impl Zone {
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&chrono::Local).date_naive()
    }
}
#[derive(Debug, Clone)]
pub struct NumberFormat;
impl NumberFormat {
    pub fn format(&self, year: i32, seq: u32) -> String {
        format!("{year}-{seq:05}")
    }
}
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    pub time_zone: Zone,
    pub number_format: NumberFormat,
}
impl Config {
    pub fn load(_explicit: Option<&Path>) -> Result<Config, ConfigError> {
        Ok(Config {
            data_dir: dirs::data_dir().unwrap_or_default().join("appeals"),
            time_zone: Zone,
            number_format: NumberFormat,
        })
    }
    pub fn terms(&self) -> Result<Terms, ConfigError> {
        Ok(Terms::new(TermRule::default(), Calendar::embedded()))
    }
}
