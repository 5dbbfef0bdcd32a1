//! The envelope of every stored value: a format byte, a schema version, then the bincode
//! payload. Decoding dispatches on the version and names the key of a record it cannot read.
//!
//! Version 1 of every record is the current domain type itself. Before changing a stored
//! type, freeze its present shape as `v1` beside this file and decode version 1 through it;
//! the golden fixtures in `tests/fixtures/` fail first if that step is forgotten.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;

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
    History,
    User,
    Counter,
    /// A draft of the registration form (`domain::draft::FormDraft`). Added without raising
    /// the schema: it lives in a tree of its own, which older programs never open.
    Draft,
}

impl Kind {
    /// The schema version written for this kind today.
    pub fn current(self) -> u16 {
        1
    }

    /// Every version this program can still read.
    fn readable(self) -> &'static [u16] {
        &[1]
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

/// Opens an envelope, checking format, version and that nothing trails the payload.
pub fn decode<T: DeserializeOwned>(
    kind: Kind,
    tree: &'static str,
    key: &[u8],
    bytes: &[u8],
) -> Result<T, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt {
        tree,
        key: describe_key(key),
        reason,
    };
    let [format, v1, v2, payload @ ..] = bytes else {
        return Err(corrupt(format!(
            "value of {} bytes has no envelope",
            bytes.len()
        )));
    };
    if *format != FORMAT_BINCODE {
        return Err(corrupt(format!("unknown format byte {format:#04x}")));
    }
    let version = u16::from_be_bytes([*v1, *v2]);
    if !kind.readable().contains(&version) {
        return Err(corrupt(format!(
            "{kind:?} schema version {version} is not readable"
        )));
    }
    let (value, used) = bincode::serde::decode_from_slice::<T, _>(payload, BINCODE)
        .map_err(|e| corrupt(format!("{kind:?} v{version}: {e}")))?;
    if used != payload.len() {
        return Err(corrupt(format!(
            "{} trailing bytes after the {kind:?} record",
            payload.len() - used
        )));
    }
    Ok(value)
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
