//! Plain types and rules, no I/O: the appeal, validation, the workflow, the terms and the
//! drafts of the registration form.

pub mod action;
pub mod draft;
pub mod fact;
pub mod labels;
pub mod model;
pub mod queue;
pub mod terms;
pub mod text;
pub mod user;
pub mod validate;
pub mod workflow;
