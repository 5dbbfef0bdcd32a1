//! `appeals serve`: one process owns the database of a data directory and serves the service
//! over a Unix socket to any number of clients, pushing a notice of every committed change to
//! those who subscribed. It learns who a client is from the socket's peer credentials.

mod connection;
pub mod dispatch;

use std::collections::HashMap;
use std::os::fd::AsFd;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};

use crate::protocol::{PROGRAM_VERSION, ServerFrame, ServerStatus};
use crate::runtime::PidFile;
use crate::service::Service;
use crate::service::api::Notice;

/// Connections served at once; past this a newcomer is told so and closed. Far above the
/// registry office's staff, low enough that a runaway script cannot exhaust the server.
const MAX_CONNECTIONS: usize = 256;

/// Frames queued for one client. A client that lets this many notices pile up has stopped
/// reading; it is dropped rather than slowing everyone else.
const OUTBOX: usize = 256;

/// How often the accept loop wakes to look at signals and the idle timer.
const TICK: Duration = Duration::from_millis(200);

/// How long a shutdown waits for requests in flight.
const DRAIN: Duration = Duration::from_secs(10);

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub data_dir: PathBuf,
    pub socket: PathBuf,
    /// Started on demand by a client: exits when idle, may be replaced by a newer client.
    pub on_demand: bool,
    pub idle_exit: Option<Duration>,
    /// The group allowed to connect to a shared socket.
    pub group: Option<String>,
    /// The one account whose `--operator` is trusted.
    pub operator_account: Option<String>,
    /// The fingerprint of the configuration, told to clients in the handshake.
    pub config_digest: u64,
}

/// A connected client as the server tracks it.
struct Peer {
    login: String,
    outbox: SyncSender<ServerFrame>,
    subscribed: bool,
    stream: UnixStream,
}

/// What every connection thread shares.
pub struct Shared {
    pub service: Service,
    options: ServeOptions,
    started: Instant,
    stopping: AtomicBool,
    peers: Mutex<HashMap<u64, Peer>>,
    next_peer: AtomicU64,
    /// The system user the server runs as; only they may stop it over the socket.
    own_uid: u32,
}

impl Shared {
    pub fn status(&self) -> ServerStatus {
        let peers = self.peers.lock().unwrap_or_else(|p| p.into_inner());
        let mut operators: Vec<String> = peers.values().map(|p| p.login.clone()).collect();
        operators.sort();
        ServerStatus {
            socket: self.options.socket.display().to_string(),
            pid: std::process::id(),
            uptime_s: self.started.elapsed().as_secs(),
            version: PROGRAM_VERSION.to_string(),
            data_dir: self.options.data_dir.display().to_string(),
            database_bytes: self.service.store().size_on_disk().unwrap_or(0),
            on_demand: self.options.on_demand,
            operators,
        }
    }

    fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
    }

    fn stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }

    fn connected(&self) -> usize {
        self.peers.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

/// Runs the server until a signal, a `Shutdown` from its own user, or the idle timeout.
pub fn serve(service: Service, options: ServeOptions) -> anyhow::Result<()> {
    if UnixStream::connect(&options.socket).is_ok() {
        bail!(
            "another server already answers on {}",
            options.socket.display()
        );
    }
    let pid_file = PidFile::acquire(&options.data_dir)?;
    let listener = bind(&options)?;
    let shared = Arc::new(Shared {
        service,
        started: Instant::now(),
        stopping: AtomicBool::new(false),
        peers: Mutex::new(HashMap::new()),
        next_peer: AtomicU64::new(1),
        own_uid: nix::unistd::getuid().as_raw(),
        options,
    });
    let signalled = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&signalled))?;
    }
    let notices = shared.service.subscribe();
    let fan_out = {
        let shared = Arc::clone(&shared);
        thread::spawn(move || forward_notices(&shared, &notices))
    };
    tracing::info!(socket = %shared.options.socket.display(), pid = std::process::id(), "serving");
    accept_loop(&shared, &listener, &signalled);
    drain(&shared);
    let _ = std::fs::remove_file(&shared.options.socket);
    shared.service.store().sync()?;
    drop(fan_out);
    pid_file.release();
    tracing::info!("server stopped");
    Ok(())
}

/// Binds the socket, replacing a file left by a server that no longer answers, and gives it
/// the permissions of its kind: the owner alone, or the configured group too.
fn bind(options: &ServeOptions) -> anyhow::Result<UnixListener> {
    let path = &options.socket;
    if path.exists() {
        if UnixStream::connect(path).is_ok() {
            bail!("another server already answers on {}", path.display());
        }
        std::fs::remove_file(path)
            .with_context(|| format!("cannot remove the stale socket {}", path.display()))?;
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let listener =
        UnixListener::bind(path).with_context(|| format!("cannot listen on {}", path.display()))?;
    set_socket_access(path, options.group.as_deref())?;
    Ok(listener)
}

fn set_socket_access(path: &Path, group: Option<&str>) -> anyhow::Result<()> {
    let Some(group) = group else {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
        return Ok(());
    };
    let found = nix::unistd::Group::from_name(group)?
        .with_context(|| format!("server.group: no group `{group}` on this system"))?;
    nix::unistd::chown(path, None, Some(found.gid))
        .with_context(|| format!("cannot give {} to group {group}", path.display()))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o660))?;
    Ok(())
}

fn accept_loop(shared: &Arc<Shared>, listener: &UnixListener, signalled: &AtomicBool) {
    let mut idle_since = Instant::now();
    loop {
        if signalled.load(Ordering::SeqCst) || shared.stopping() {
            shared.stop();
            return;
        }
        if shared.connected() > 0 {
            idle_since = Instant::now();
        } else if shared
            .options
            .idle_exit
            .is_some_and(|limit| idle_since.elapsed() >= limit)
        {
            tracing::info!("no clients for the idle time; exiting");
            shared.stop();
            return;
        }
        if !readable(listener, TICK) {
            continue;
        }
        match listener.accept() {
            Ok((stream, _)) => admit(shared, stream),
            Err(e) => tracing::warn!(error = %e, "accept failed"),
        }
    }
}

/// Waits up to `timeout` for a connection to accept.
fn readable(listener: &UnixListener, timeout: Duration) -> bool {
    let millis = u16::try_from(timeout.as_millis()).unwrap_or(u16::MAX);
    let mut fds = [PollFd::new(listener.as_fd(), PollFlags::POLLIN)];
    matches!(poll(&mut fds, PollTimeout::from(millis)), Ok(n) if n > 0)
}

fn admit(shared: &Arc<Shared>, stream: UnixStream) {
    if shared.connected() >= MAX_CONNECTIONS {
        tracing::warn!("connection refused: {MAX_CONNECTIONS} clients already connected");
        connection::refuse(
            stream,
            "the server has too many connections; try again shortly",
        );
        return;
    }
    let shared = Arc::clone(shared);
    thread::spawn(move || connection::run(&shared, stream));
}

/// Sends each committed change to every subscribed client; drops those who stopped reading.
fn forward_notices(shared: &Shared, notices: &Receiver<Notice>) {
    while let Ok(notice) = notices.recv() {
        let mut peers = shared.peers.lock().unwrap_or_else(|p| p.into_inner());
        let mut lagging = Vec::new();
        for (id, peer) in peers.iter().filter(|(_, p)| p.subscribed) {
            match peer.outbox.try_send(ServerFrame::Notice(notice.clone())) {
                Ok(()) => {}
                Err(TrySendError::Full(_)) | Err(TrySendError::Disconnected(_)) => {
                    lagging.push(*id)
                }
            }
        }
        for id in lagging {
            if let Some(peer) = peers.remove(&id) {
                tracing::warn!(user = %peer.login, "client stopped reading its notices; dropped");
                let _ = peer.stream.shutdown(std::net::Shutdown::Both);
            }
        }
    }
}

/// Stops reading new requests and waits for those in flight to be answered.
fn drain(shared: &Shared) {
    {
        let peers = shared.peers.lock().unwrap_or_else(|p| p.into_inner());
        for peer in peers.values() {
            let _ = peer.stream.shutdown(std::net::Shutdown::Read);
        }
    }
    let started = Instant::now();
    while shared.connected() > 0 && started.elapsed() < DRAIN {
        thread::sleep(Duration::from_millis(20));
    }
}
