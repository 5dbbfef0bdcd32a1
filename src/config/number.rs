//! The registration number format: text with `{year}` and `{seq}` placeholders.

use std::fmt;

use crate::domain::validate::is_forbidden;

/// The format used when the configuration names none: `2026-00017`.
pub const DEFAULT_NUMBER_FORMAT: &str = "{year}-{seq:05}";

/// A seq wider than 10 digits is padding only: a `u32` never has more.
const MAX_WIDTH: usize = 10;

/// How a registration number is written, e.g. `{year}-{seq:05}` gives `2026-00017`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberFormat {
    pattern: String,
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Year,
    /// The place in the year's sequence, zero-padded to `width` digits (0: no padding).
    Seq {
        width: usize,
    },
}

/// Why a number format was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberFormatError {
    #[error("missing {{year}}")]
    MissingYear,
    #[error("missing {{seq}}")]
    MissingSeq,
    #[error("unknown placeholder `{{{0}}}`: use {{year}}, {{seq}} or {{seq:N}}")]
    UnknownPlaceholder(String),
    #[error("width `{0}` in {{seq:N}} must be a number from 1 to 10")]
    BadWidth(String),
    #[error("`{{` without a closing `}}`")]
    Unclosed,
    #[error("`}}` without an opening `{{`")]
    StrayClose,
    #[error("control character U+{0:04X}: a number is shown on screens and printed")]
    ControlCharacter(u32),
}

impl NumberFormat {
    /// Reads a pattern; it must hold both `{year}` and `{seq}`, since a number is unique only
    /// by both: the sequence starts again every year.
    pub fn parse(pattern: &str) -> Result<NumberFormat, NumberFormatError> {
        if let Some(c) = pattern.chars().find(|&c| is_forbidden(c)) {
            return Err(NumberFormatError::ControlCharacter(u32::from(c)));
        }

        let parts = parts_of(pattern)?;
        if !parts.contains(&Part::Year) {
            return Err(NumberFormatError::MissingYear);
        }
        if !parts.iter().any(|p| matches!(p, Part::Seq { .. })) {
            return Err(NumberFormatError::MissingSeq);
        }
        Ok(NumberFormat {
            pattern: pattern.to_owned(),
            parts,
        })
    }

    /// The number of the `seq`-th registration of `year`.
    pub fn format(&self, year: i32, seq: u32) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Year => out.push_str(&year.to_string()),
                Part::Seq { width } => out.push_str(&format!("{seq:0width$}")),
            }
        }
        out
    }

    /// The pattern as written in the configuration.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }
}

impl Default for NumberFormat {
    fn default() -> Self {
        NumberFormat {
            pattern: DEFAULT_NUMBER_FORMAT.to_owned(),
            parts: vec![
                Part::Year,
                Part::Text("-".to_owned()),
                Part::Seq { width: 5 },
            ],
        }
    }
}

impl fmt::Display for NumberFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.pattern)
    }
}

/// Splits a pattern into literal text and placeholders.
fn parts_of(pattern: &str) -> Result<Vec<Part>, NumberFormatError> {
    let mut parts = Vec::new();
    let mut rest = pattern;
    while let Some(brace) = rest.find(['{', '}']) {
        if brace > 0 {
            parts.push(Part::Text(rest[..brace].to_owned()));
        }
        if rest[brace..].starts_with('}') {
            return Err(NumberFormatError::StrayClose);
        }
        let after = &rest[brace + 1..];
        let close = after.find('}').ok_or(NumberFormatError::Unclosed)?;
        parts.push(placeholder(&after[..close])?);
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest.to_owned()));
    }
    Ok(parts)
}

/// One placeholder, given without its braces: `year`, `seq` or `seq:N`.
fn placeholder(inner: &str) -> Result<Part, NumberFormatError> {
    match inner.split_once(':') {
        None if inner == "year" => Ok(Part::Year),
        None if inner == "seq" => Ok(Part::Seq { width: 0 }),
        Some(("seq", width)) => {
            let bad = || NumberFormatError::BadWidth(width.to_owned());
            let digits_only = !width.is_empty() && width.bytes().all(|b| b.is_ascii_digit());
            let width: usize = if digits_only {
                width.parse().map_err(|_| bad())?
            } else {
                0
            };
            if (1..=MAX_WIDTH).contains(&width) {
                Ok(Part::Seq { width })
            } else {
                Err(bad())
            }
        }
        _ => Err(NumberFormatError::UnknownPlaceholder(inner.to_owned())),
    }
}
