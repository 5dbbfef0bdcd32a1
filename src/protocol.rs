//! The wire protocol between `appeals` clients and the server: a handshake with versions,
//! then length-prefixed bincode frames carrying requests with ids, typed replies and change
//! notices. Every call of the service is one `Request` and one `Response`.

use std::io::{self, Read, Write};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::domain::draft::{DraftSlot, FormDraft};
use crate::domain::model::AppealId;
use crate::domain::queue::{Queue, Sort};
use crate::domain::user::User;
use crate::domain::validate::AppealForm;
use crate::service::api::{
    ActRequest, AppealView, CheckSummary, DueList, Earlier, Notice, Outcome, QueueCount, Row,
    RowPage, ServiceError,
};
use crate::store::BackupSummary;
use crate::store::codec::BINCODE;

/// Raised whenever a frame's meaning changes; client and server must agree on it.
/// 2: drafts of the registration form; a queue asked for in an order and with a filter;
/// earlier appeals with the start of their summary; links chosen by hand on the form.
/// 3: history events carry their facts.
/// 4: a card carries the applicant's later appeals beside the earlier ones linked; the row
/// of an appeal in a queue.
pub const PROTOCOL_VERSION: u32 = 4;

/// The largest frame either side accepts. The biggest legitimate frame is a page of 1,000
/// rows or one appeal's card with its history, well under a megabyte; anything near this is
/// damage or an attack, and the connection is closed.
pub const MAX_FRAME: usize = 4 * 1024 * 1024;

/// The program's version, exchanged in the handshake.
pub const PROGRAM_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The client's first frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    pub protocol: u32,
    pub program: String,
    /// The operator named by an ssh forced command; trusted only from the configured account.
    pub operator: Option<String>,
    /// Whether the client wants change notices pushed to it.
    pub subscribe: bool,
}

/// The server's answer to a good handshake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Welcome {
    pub protocol: u32,
    pub program: String,
    pub pid: u32,
    /// The registered user this connection acts as.
    pub login: String,
    /// Whether the server was started on demand (and may be replaced by a newer client).
    pub on_demand: bool,
    /// The fingerprint of the configuration the server runs with (`runtime::config_digest`).
    pub config_digest: u64,
}

/// What `appeals status` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerStatus {
    pub socket: String,
    pub pid: u32,
    pub uptime_s: u64,
    pub version: String,
    pub data_dir: String,
    pub database_bytes: u64,
    pub on_demand: bool,
    /// Logins connected now, one per connection.
    pub operators: Vec<String>,
}

/// One call of the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    Whoami,
    Register(Box<AppealForm>),
    Edit {
        number: String,
        revision: Option<u64>,
        form: Box<AppealForm>,
    },
    Act(ActRequest),
    /// A page of a queue in the order asked; a filter narrows it to what a search for the
    /// text finds (none, or a blank text, narrows nothing).
    Queue {
        queue: Queue,
        sort: Sort,
        descending: bool,
        filter: Option<String>,
        offset: u64,
        limit: u64,
    },
    Counts,
    Show {
        number: String,
    },
    Search {
        query: String,
        offset: u64,
        limit: u64,
    },
    EarlierAppeals {
        applicant: String,
        iin_bin: String,
    },
    Due,
    Users,
    AddUser(User),
    DisableUser {
        login: String,
    },
    Demo {
        count: u64,
        seed: u64,
    },
    Check,
    /// Write a consistent snapshot to this path (as the server's user sees it).
    Backup {
        path: String,
    },
    Status,
    /// Stop the server; only its own system user may ask (to replace an older server).
    Shutdown,
    /// Save the form being typed as the caller's draft of `slot`, replacing the one there.
    SaveDraft {
        slot: DraftSlot,
        form: Box<AppealForm>,
        /// For an edit, the revision of the appeal the edit started from.
        base_revision: Option<u64>,
    },
    /// The caller's own drafts, newest first.
    Drafts,
    /// Drop the caller's draft of `slot`.
    DropDraft {
        slot: DraftSlot,
    },
    /// The row of an appeal in a queue in this order, as the caller sees the queue.
    Position {
        queue: Queue,
        sort: Sort,
        descending: bool,
        id: AppealId,
    },
}

/// The answer to one call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    User(User),
    Outcome(Box<Outcome>),
    Page(RowPage),
    Counts(Vec<QueueCount>),
    Card(Box<AppealView>),
    Rows(Vec<Row>),
    /// Earlier appeals of an applicant, for the registration form.
    Earlier(Vec<Earlier>),
    Due(DueList),
    Users(Vec<User>),
    Done,
    Text(String),
    Check(CheckSummary),
    Backup(BackupSummary),
    Status(ServerStatus),
    /// The draft as stored, with unsafe characters stripped.
    Draft(Box<FormDraft>),
    Drafts(Vec<FormDraft>),
    /// Whether there was a draft to drop.
    DraftDropped {
        existed: bool,
    },
    /// An appeal's row in a queue, from 0; `None` when the queue does not hold it.
    Position(Option<u64>),
}

/// Frames a client sends.
#[allow(
    clippy::large_enum_variant,
    reason = "a frame lives briefly, one at a time per connection; boxing would buy nothing"
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClientFrame {
    Hello(Hello),
    Call { id: u64, request: Request },
}

/// Frames the server sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServerFrame {
    Welcome(Welcome),
    /// The handshake failed: versions differ, or the user is unknown or disabled.
    Refused {
        reason: String,
        protocol: u32,
        program: String,
        on_demand: bool,
    },
    Reply {
        id: u64,
        result: Result<Response, ServiceError>,
    },
    Notice(Notice),
}

/// Why a frame could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error("connection closed")]
    Closed,
    #[error("frame of {0} bytes is over the limit of {MAX_FRAME}")]
    TooLarge(usize),
    #[error("malformed frame: {0}")]
    Malformed(String),
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Encodes a value as one frame: a 4-byte big-endian length, then the bincode payload.
pub fn encode_frame<T: Serialize>(value: &T) -> Result<Vec<u8>, FrameError> {
    let payload = bincode::serde::encode_to_vec(value, BINCODE)
        .map_err(|e| FrameError::Malformed(e.to_string()))?;
    if payload.len() > MAX_FRAME {
        return Err(FrameError::TooLarge(payload.len()));
    }
    let length = u32::try_from(payload.len()).map_err(|_| FrameError::TooLarge(payload.len()))?;
    let mut frame = Vec::with_capacity(4 + payload.len());
    frame.extend_from_slice(&length.to_be_bytes());
    frame.extend_from_slice(&payload);
    Ok(frame)
}

pub fn write_frame<T: Serialize>(out: &mut impl Write, value: &T) -> Result<(), FrameError> {
    out.write_all(&encode_frame(value)?)?;
    out.flush()?;
    Ok(())
}

/// Decodes one payload (without its length prefix), refusing trailing bytes.
pub fn decode_payload<T: DeserializeOwned>(payload: &[u8]) -> Result<T, FrameError> {
    let (value, used) = bincode::serde::decode_from_slice::<T, _>(payload, BINCODE)
        .map_err(|e| FrameError::Malformed(e.to_string()))?;
    if used != payload.len() {
        let trailing = payload.len() - used;
        return Err(FrameError::Malformed(format!("{trailing} trailing bytes")));
    }
    Ok(value)
}

/// Reads one frame; a clean end of stream before its first byte is `Closed`.
pub fn read_frame<T: DeserializeOwned>(input: &mut impl Read) -> Result<T, FrameError> {
    let mut prefix = [0u8; 4];
    match input.read_exact(&mut prefix) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Err(FrameError::Closed),
        Err(e) => return Err(e.into()),
    }
    let length = u32::from_be_bytes(prefix) as usize;
    if length > MAX_FRAME {
        return Err(FrameError::TooLarge(length));
    }
    let mut payload = vec![0u8; length];
    input.read_exact(&mut payload).map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => FrameError::Malformed("truncated frame".into()),
        _ => FrameError::Io(e),
    })?;
    decode_payload(&payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call() -> ClientFrame {
        ClientFrame::Call {
            id: 7,
            request: Request::Show {
                number: "2026-00017".into(),
            },
        }
    }

    #[test]
    fn a_frame_round_trips() {
        let bytes = encode_frame(&call()).unwrap();
        let back: ClientFrame = read_frame(&mut bytes.as_slice()).unwrap();
        assert_eq!(back, call());
    }

    #[test]
    fn an_oversized_length_is_refused_before_reading_the_payload() {
        let bytes = (u32::MAX).to_be_bytes();
        let err = read_frame::<ClientFrame>(&mut bytes.as_slice()).unwrap_err();
        assert!(matches!(err, FrameError::TooLarge(_)), "{err}");
    }

    #[test]
    fn a_truncated_frame_is_malformed_and_an_empty_stream_is_closed() {
        let bytes = encode_frame(&call()).unwrap();
        let err = read_frame::<ClientFrame>(&mut &bytes[..bytes.len() - 1]).unwrap_err();
        assert!(matches!(err, FrameError::Malformed(_)), "{err}");
        let err = read_frame::<ClientFrame>(&mut &[][..]).unwrap_err();
        assert!(matches!(err, FrameError::Closed), "{err}");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for garbage in [
            &[0, 0, 0, 3, 9, 9, 9][..],
            &[0, 0, 0, 1, 0xFF],
            &[0, 0, 0, 0],
        ] {
            assert!(read_frame::<ClientFrame>(&mut &garbage[..]).is_err());
        }
    }
}
