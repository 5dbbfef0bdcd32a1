//! One client connection: who it is (peer credentials), the handshake, then requests
//! answered in order while a writer thread sends replies and notices.

use std::io::BufReader;
use std::os::unix::net::UnixStream;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, sync_channel};
use std::thread;
use std::time::Duration;

use nix::sys::socket::{getsockopt, sockopt::PeerCredentials};

use super::{OUTBOX, Peer, Shared, dispatch};
use crate::protocol::{
    ClientFrame, FrameError, Hello, PROGRAM_VERSION, PROTOCOL_VERSION, Request, ServerFrame,
    Welcome, read_frame, write_frame,
};
use crate::service::api::ServiceError;

/// A client has this long to say hello; then the connection is closed.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(5);

/// Says why a connection is not served, and closes it.
pub fn refuse(mut stream: UnixStream, reason: &str) {
    let frame = refused(reason, false);
    let _ = write_frame(&mut stream, &frame);
}

fn refused(reason: &str, on_demand: bool) -> ServerFrame {
    ServerFrame::Refused {
        reason: reason.to_string(),
        protocol: PROTOCOL_VERSION,
        program: PROGRAM_VERSION.to_string(),
        on_demand,
    }
}

/// Serves one connection until it closes, misbehaves or the server stops.
pub fn run(shared: &Shared, stream: UnixStream) {
    let Some((uid, system_login)) = peer_identity(&stream) else {
        refuse(stream, "cannot tell which system user is connecting");
        return;
    };
    let Some((hello, login)) = handshake(shared, &stream, &system_login) else {
        return;
    };
    let Ok(write_half) = stream.try_clone() else {
        return;
    };
    let (outbox, queue) = sync_channel(OUTBOX);
    let writer = thread::spawn(move || write_frames(write_half, &queue));
    let id = shared.next_peer.fetch_add(1, Ordering::SeqCst);
    let Ok(tracked) = stream.try_clone() else {
        return;
    };
    let peer = Peer {
        login: login.clone(),
        outbox: outbox.clone(),
        subscribed: hello.subscribe,
        stream: tracked,
    };
    shared
        .peers
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(id, peer);
    tracing::info!(user = %login, system_user = %system_login, "client connected");
    serve_requests(shared, &stream, &login, uid, &outbox);
    shared
        .peers
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .remove(&id);
    drop(outbox);
    let _ = writer.join();
    tracing::info!(user = %login, "client disconnected");
}

/// The system user at the other end of the socket, from the kernel, never from the client.
fn peer_identity(stream: &UnixStream) -> Option<(u32, String)> {
    let credentials = getsockopt(stream, PeerCredentials).ok()?;
    let uid = credentials.uid();
    let user = nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)).ok()??;
    Some((uid, user.name))
}

/// Reads the hello, checks versions and the user; answers with a welcome or a refusal.
fn handshake(shared: &Shared, stream: &UnixStream, system_login: &str) -> Option<(Hello, String)> {
    let mut reader = stream;
    let _ = stream.set_read_timeout(Some(HANDSHAKE_TIMEOUT));
    let hello = match read_frame::<ClientFrame>(&mut reader) {
        Ok(ClientFrame::Hello(hello)) => hello,
        Ok(_) => return reject(shared, stream, "the first frame must be the handshake"),
        Err(e) => return reject(shared, stream, &format!("no handshake: {e}")),
    };
    let _ = stream.set_read_timeout(None);
    if hello.protocol != PROTOCOL_VERSION {
        let reason = format!(
            "protocol {} spoken by appeals {}, the server speaks {PROTOCOL_VERSION} (appeals \
             {PROGRAM_VERSION})",
            hello.protocol, hello.program
        );
        return reject(shared, stream, &reason);
    }
    let login = acting_login(shared, system_login, hello.operator.as_deref())
        .map_err(|reason| reject::<()>(shared, stream, &reason))
        .ok()?;
    let welcome = Welcome {
        protocol: PROTOCOL_VERSION,
        program: PROGRAM_VERSION.to_string(),
        pid: std::process::id(),
        login: login.clone(),
        on_demand: shared.options.on_demand,
        config_digest: shared.options.config_digest,
    };
    let mut writer = stream;
    write_frame(&mut writer, &ServerFrame::Welcome(welcome)).ok()?;
    Some((hello, login))
}

fn reject<T>(shared: &Shared, stream: &UnixStream, reason: &str) -> Option<T> {
    tracing::warn!(reason, "connection refused");
    let mut writer = stream;
    let _ = write_frame(&mut writer, &refused(reason, shared.options.on_demand));
    None
}

/// The registered user a connection acts as. `--operator` is trusted only from the account
/// the configuration names for it.
fn acting_login(
    shared: &Shared,
    system_login: &str,
    operator: Option<&str>,
) -> Result<String, String> {
    let login = match operator {
        None => system_login,
        Some(name) if shared.options.operator_account.as_deref() == Some(system_login) => name,
        Some(name) if name == system_login => name,
        Some(name) => {
            return Err(format!(
                "{system_login} may not act as {name}: only the account named in \
                 server.operator_account may pass --operator"
            ));
        }
    };
    match shared.service.caller(login) {
        Ok(user) => Ok(user.login),
        Err(e @ ServiceError::UnknownUser { .. }) => Err(e.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

fn serve_requests(
    shared: &Shared,
    stream: &UnixStream,
    login: &str,
    uid: u32,
    outbox: &std::sync::mpsc::SyncSender<ServerFrame>,
) {
    let mut reader = BufReader::new(stream);
    loop {
        let (id, request) = match read_frame::<ClientFrame>(&mut reader) {
            Ok(ClientFrame::Call { id, request }) => (id, request),
            Ok(ClientFrame::Hello(_)) => return,
            Err(FrameError::Closed) => return,
            Err(e) => {
                tracing::warn!(user = login, error = %e, "bad frame; connection closed");
                return;
            }
        };
        let result = match request {
            Request::Shutdown if uid == shared.own_uid => {
                shared.stop();
                Ok(crate::protocol::Response::Done)
            }
            other => dispatch::dispatch(&shared.service, &|| shared.status(), login, other),
        };
        if outbox.send(ServerFrame::Reply { id, result }).is_err() || shared.stopping() {
            return;
        }
    }
}

fn write_frames(mut stream: UnixStream, queue: &Receiver<ServerFrame>) {
    while let Ok(frame) = queue.recv() {
        if write_frame(&mut stream, &frame).is_err() {
            return;
        }
    }
}
