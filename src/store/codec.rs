//! The envelope of every stored value: a format byte, a schema version, then the bincode
//! payload. Decoding dispatches on the version and names the key of a record it cannot read.
//!
//! The current version of every record is the domain type itself. Before changing a stored
//! type, freeze its present shape in a module of that version beside this file (`v1` holds
//! the first draft of the form) and decode the old version through it; the golden fixtures
//! in `tests/fixtures/` fail first if that step is forgotten.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;
use super::v1;
use crate::domain::draft::FormDraft;
use crate::domain::model::HistoryEvent;

/// Marks a value written by this program with bincode's standard configuration. Anything else
/// in the first byte is not ours, or not this encoding.
pub const FORMAT_BINCODE: u8 = 0xB2;

/// Largest payload accepted; appeals are a few kilobytes, so anything near this is damage.
const PAYLOAD_LIMIT: usize = 16 * 1024 * 1024;

/// The one bincode configuration used everywhere: varint integers, little endian, and a
/// size limit so a damaged length prefix cannot make the decoder allocate without bound.
pub const BINCODE: bincode::config::Configuration<
    bincode::config::LittleEndian,
    bincode::config::Varint,
    bincode::config::Limit<PAYLOAD_LIMIT>,
> = bincode::config::standard().with_limit::<PAYLOAD_LIMIT>();

/// What kind of record a value holds, with the schema version written now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Appeal,
    /// A history event. Version 2 added its facts (`domain::fact`), read with
    /// [`decode_history`] whatever the version.
    History,
    User,
    Counter,
    /// A draft of the registration form (`domain::draft::FormDraft`). Added without raising
    /// the schema: it lives in a tree of its own, which older programs never open. Version 2
    /// added the links chosen by hand to the form (read with [`decode_draft`]); a program
    /// that knows only version 1 leaves such a draft out, as it does a damaged one.
    Draft,
}

impl Kind {
    /// The schema version written for this kind today.
    pub fn current(self) -> u16 {
        match self {
            Kind::Draft | Kind::History => 2,
            Kind::Appeal | Kind::User | Kind::Counter => 1,
        }
    }
}

/// Wraps a value in the envelope at its kind's current version.
pub fn encode<T: Serialize>(kind: Kind, value: &T) -> Vec<u8> {
    let mut out = vec![FORMAT_BINCODE];
    out.extend_from_slice(&kind.current().to_be_bytes());
    // Encoding plain owned data into a Vec cannot fail except past the size limit, which
    // validation keeps far away (texts are limited to a few thousand characters).
    let payload = bincode::serde::encode_to_vec(value, BINCODE)
        .expect("a validated record encodes within the size limit");
    out.extend_from_slice(&payload);
    out
}

/// Opens an envelope of the current version, checking format, version and that nothing
/// trails the payload. Older versions of a kind are read by that kind's own function.
pub fn decode<T: DeserializeOwned>(
    kind: Kind,
    tree: &'static str,
    key: &[u8],
    bytes: &[u8],
) -> Result<T, StoreError> {
    let (version, payload) = open(kind, tree, key, bytes)?;
    if version != kind.current() {
        let reason = format!("{kind:?} schema version {version} is not readable");
        return Err(corrupt(tree, key, reason));
    }
    read(kind, version, tree, key, payload)
}

/// Opens a draft of any version this program wrote, as today's type.
pub fn decode_draft(tree: &'static str, key: &[u8], bytes: &[u8]) -> Result<FormDraft, StoreError> {
    let (version, payload) = open(Kind::Draft, tree, key, bytes)?;
    match version {
        1 => read::<v1::FormDraft>(Kind::Draft, version, tree, key, payload).map(FormDraft::from),
        2 => read(Kind::Draft, version, tree, key, payload),
        _ => Err(corrupt(
            tree,
            key,
            format!("Draft schema version {version} is not readable"),
        )),
    }
}

/// Opens a history event of any version this program wrote, as today's type: a version 1
/// event has its English detail and no facts.
pub fn decode_history(
    tree: &'static str,
    key: &[u8],
    bytes: &[u8],
) -> Result<HistoryEvent, StoreError> {
    let (version, payload) = open(Kind::History, tree, key, bytes)?;
    match version {
        1 => read::<v1::HistoryEvent>(Kind::History, version, tree, key, payload)
            .map(HistoryEvent::from),
        _ => read(Kind::History, version, tree, key, payload),
    }
}

/// The version and payload of an envelope written by this program's encoding.
fn open<'b>(
    kind: Kind,
    tree: &'static str,
    key: &[u8],
    bytes: &'b [u8],
) -> Result<(u16, &'b [u8]), StoreError> {
    let [format, v1, v2, payload @ ..] = bytes else {
        let reason = format!("value of {} bytes has no envelope", bytes.len());
        return Err(corrupt(tree, key, reason));
    };
    if *format != FORMAT_BINCODE {
        let reason = format!("unknown format byte {format:#04x}");
        return Err(corrupt(tree, key, reason));
    }
    let version = u16::from_be_bytes([*v1, *v2]);
    if version == 0 || version > kind.current() {
        let reason = format!("{kind:?} schema version {version} is not readable");
        return Err(corrupt(tree, key, reason));
    }
    Ok((version, payload))
}

/// Decodes a payload, refusing trailing bytes.
fn read<T: DeserializeOwned>(
    kind: Kind,
    version: u16,
    tree: &'static str,
    key: &[u8],
    payload: &[u8],
) -> Result<T, StoreError> {
    let (value, used) = bincode::serde::decode_from_slice::<T, _>(payload, BINCODE)
        .map_err(|e| corrupt(tree, key, format!("{kind:?} v{version}: {e}")))?;
    if used != payload.len() {
        let reason = format!(
            "{} trailing bytes after the {kind:?} record",
            payload.len() - used
        );
        return Err(corrupt(tree, key, reason));
    }
    Ok(value)
}

fn corrupt(tree: &'static str, key: &[u8], reason: String) -> StoreError {
    StoreError::Corrupt {
        tree,
        key: describe_key(key),
        reason,
    }
}

/// A key as a person can read it in a message: printable text as is, the rest in hex.
pub fn describe_key(key: &[u8]) -> String {
    let printable = key.iter().all(|b| b.is_ascii_graphic() || *b == b' ');
    if printable && !key.is_empty() {
        String::from_utf8_lossy(key).into_owned()
    } else {
        key.iter().map(|b| format!("{b:02x}")).collect()
    }
}
