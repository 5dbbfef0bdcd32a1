//! Which problems the form shows. A field is checked once the operator has left it (or tried
//! to save): an untouched field does not complain, and the field being typed in does not
//! complain about what is still unfinished, yet a fixed problem goes away at once.

use std::collections::BTreeSet;
use std::mem::discriminant;

use chrono::NaiveDate;

use crate::domain::validate::{AppealForm, Field, FieldError, validate};

#[derive(Debug, Default)]
pub struct Checks {
    /// Fields the operator has left at least once.
    visited: BTreeSet<Field>,
    /// The problems on screen, in form order.
    pub shown: Vec<FieldError>,
}

impl Checks {
    /// The problems of `field` on screen.
    pub fn of(&self, field: Field) -> impl Iterator<Item = &FieldError> {
        self.shown.iter().filter(move |e| e.field == field)
    }

    /// The operator left `field`: its problems show from now on.
    pub fn left(&mut self, field: Field, form: &AppealForm, today: NaiveDate) {
        self.visited.insert(field);
        self.shown = self.visible(all(form, today), None);
    }

    /// The form changed while `typing` has the cursor: the other checked fields follow the
    /// change; the one being typed in only loses the problems that went away.
    pub fn changed(&mut self, typing: Field, form: &AppealForm, today: NaiveDate) {
        self.shown = self.visible(all(form, today), Some(typing));
    }

    /// Every problem, as on saving: the whole form counts as checked.
    pub fn everything(&mut self, problems: Vec<FieldError>) {
        self.visited.extend(Field::ALL);
        self.shown = problems;
    }

    pub fn first(&self) -> Option<Field> {
        self.shown.iter().map(|e| e.field).min()
    }

    fn visible(&self, problems: Vec<FieldError>, typing: Option<Field>) -> Vec<FieldError> {
        problems
            .into_iter()
            .filter(|e| self.visited.contains(&e.field))
            .filter(|e| Some(e.field) != typing || self.was_shown(e))
            .collect()
    }

    /// Whether a problem of the same kind was on screen for the same field.
    fn was_shown(&self, error: &FieldError) -> bool {
        let kind = discriminant(&error.problem);
        self.of(error.field)
            .any(|shown| discriminant(&shown.problem) == kind)
    }
}

/// Every problem of the form now.
pub fn all(form: &AppealForm, today: NaiveDate) -> Vec<FieldError> {
    validate(form, today).err().unwrap_or_default()
}
