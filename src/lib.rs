//! `appeals`: a registry of external appeals (обращения) for a university's registry office.
//!
//! A map of the modules, and how a request becomes a stored change:
//!
//! - [`domain`]: plain types and rules with no I/O: the appeal, validation, the workflow
//!   (statuses, actions, who may do what) and the terms with their calendar.
//! - [`store`]: the only module that knows sled: versioned records, indexes, registration
//!   numbers, the history, drafts of the registration form, durability and the consistency
//!   check.
//! - [`service`]: the one API every front end calls on behalf of an identified user; it
//!   enforces the role and visibility rules and notifies subscribers of every change.
//! - [`config`]: the TOML configuration with a default for every setting.
//! - [`protocol`], [`server`], [`client`], [`runtime`]: the service over a Unix socket, one
//!   server per data directory, started on demand or shared, with notices of every change.
//! - [`cli`]: the `appeals` subcommands, each a client of the server.
//! - [`demo`]: realistic demonstration data through the real validation and workflow.
//! - [`tui`], [`i18n`]: the full-screen interface (queues, card, registration form; one
//!   table of actions behind the keymaps, the footer and the help; the Russian layout) and
//!   its English and Russian message catalogue. A key press there becomes an action, then a
//!   request through the same client; a change notice from the server redraws every screen.
//!
//! A command such as `appeals act 2026-00017 resolve --executor ivanov` is parsed by `cli`,
//! becomes an [`domain::action::Action`], and travels as a [`protocol::Request`] to the
//! server, which learns the user from the socket's peer credentials and calls
//! [`service::Service::act`]. The store runs the pure [`domain::workflow::apply`] inside one
//! sled transaction that writes the appeal, its indexes and its history event, then flushes
//! and fsyncs (shared with concurrent writers) before the reply goes back; subscribers get a
//! notice of the change.

pub mod cli;
pub mod client;
pub mod config;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod protocol;
pub mod runtime;
pub mod server;
pub mod service;
pub mod store;
pub mod tui;
