//! The client side: finds the server of a data directory, starting a private one on demand
//! the way tmux does, shakes hands, and makes calls.

use std::collections::VecDeque;
use std::io::BufReader;
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::protocol::{
    ClientFrame, FrameError, Hello, PROGRAM_VERSION, PROTOCOL_VERSION, Request, Response,
    ServerFrame, Welcome, read_frame, write_frame,
};
use crate::runtime::{self, Endpoint};
use crate::service::api::{Notice, ServiceError};

/// How long a client waits for a server it started to answer: a database of 100,000 appeals
/// opens in well under a second, a damaged one is recovered by sled in a few.
const START_WAIT: Duration = Duration::from_secs(20);

/// Why a call could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error(
        "no server answers on the shared socket {}; an administrator starts it with \
         `systemctl start appeals` (or `appeals serve`, see the README)",
        .socket.display()
    )]
    NoSharedServer { socket: PathBuf },
    #[error("cannot start a server for {}: {why}", .data_dir.display())]
    CannotStart { data_dir: PathBuf, why: String },
    #[error("the server refused the connection: {0}")]
    Refused(String),
    #[error("the server went away ({0}); nothing was lost on this side: run the command again")]
    Disconnected(String),
    #[error("{0}")]
    Service(#[from] ServiceError),
}

impl From<FrameError> for ClientError {
    fn from(e: FrameError) -> Self {
        ClientError::Disconnected(e.to_string())
    }
}

/// How to reach and start the server.
#[derive(Debug, Clone)]
pub struct Target {
    pub endpoint: Endpoint,
    pub data_dir: PathBuf,
    /// The configuration file to hand to a server started on demand.
    pub config: Option<PathBuf>,
    pub operator: Option<String>,
    pub subscribe: bool,
    /// The fingerprint of this client's configuration; a private server running with
    /// another is replaced.
    pub config_digest: u64,
}

/// A connection to the server, identified by the handshake.
pub struct Client {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
    next_id: u64,
    pub welcome: Welcome,
    /// Notices that arrived while waiting for a reply.
    pub notices: VecDeque<Notice>,
}

impl Client {
    /// Connects, starting a private server on demand when none answers.
    pub fn connect(target: &Target) -> Result<Client, ClientError> {
        match Client::try_connect(target)? {
            Some(client) => Ok(client),
            None if target.endpoint.shared => Err(ClientError::NoSharedServer {
                socket: target.endpoint.socket.clone(),
            }),
            None => {
                start_on_demand(target)?;
                Client::try_connect(target)?.ok_or_else(|| ClientError::CannotStart {
                    data_dir: target.data_dir.clone(),
                    why: "it started but does not answer".into(),
                })
            }
        }
    }

    /// Connects only to a server that is already running: `None` when none answers. The
    /// screen's notice listener waits this way, so that a server its user stopped is not
    /// started again behind their back.
    pub fn connect_running(target: &Target) -> Result<Option<Client>, ClientError> {
        Client::try_connect(target)
    }

    /// One attempt: `None` when nothing answers on the socket. An older server started on
    /// demand is asked to stop, and `None` returned so a current one is started.
    fn try_connect(target: &Target) -> Result<Option<Client>, ClientError> {
        let Ok(stream) = UnixStream::connect(&target.endpoint.socket) else {
            return Ok(None);
        };
        match handshake(stream, target)? {
            Ok(mut client) if outdated(&client.welcome, target) => {
                client.call(Request::Shutdown)?;
                wait_until_gone(target);
                Ok(None)
            }
            Ok(client) => Ok(Some(client)),
            Err(Mismatch { on_demand: true }) if !target.endpoint.shared => {
                replace_old_server(target)?;
                Ok(None)
            }
            Err(Mismatch { .. }) => Err(ClientError::Refused(format!(
                "the server runs another version of appeals; this is {PROGRAM_VERSION}"
            ))),
        }
    }

    /// Makes one call and waits for its reply, keeping notices that arrive meanwhile.
    pub fn call(&mut self, request: Request) -> Result<Response, ClientError> {
        let id = self.next_id;
        self.next_id += 1;
        write_frame(&mut self.writer, &ClientFrame::Call { id, request })?;
        loop {
            match read_frame::<ServerFrame>(&mut self.reader)? {
                ServerFrame::Reply { id: got, result } if got == id => return Ok(result?),
                ServerFrame::Notice(notice) => self.notices.push_back(notice),
                ServerFrame::Refused { reason, .. } => return Err(ClientError::Refused(reason)),
                _ => continue,
            }
        }
    }

    /// Waits up to `timeout` for the next notice.
    pub fn next_notice(&mut self, timeout: Duration) -> Result<Option<Notice>, ClientError> {
        if let Some(notice) = self.notices.pop_front() {
            return Ok(Some(notice));
        }
        self.reader
            .get_ref()
            .set_read_timeout(Some(timeout))
            .map_err(FrameError::Io)?;
        let frame = read_frame::<ServerFrame>(&mut self.reader);
        self.reader
            .get_ref()
            .set_read_timeout(None)
            .map_err(FrameError::Io)?;
        match frame {
            Ok(ServerFrame::Notice(notice)) => Ok(Some(notice)),
            Ok(_) => Ok(None),
            Err(FrameError::Io(e)) if is_timeout(&e) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    )
}

/// The server speaks another version.
struct Mismatch {
    on_demand: bool,
}

fn handshake(stream: UnixStream, target: &Target) -> Result<Result<Client, Mismatch>, ClientError> {
    let mut writer = stream.try_clone().map_err(FrameError::Io)?;
    let hello = Hello {
        protocol: PROTOCOL_VERSION,
        program: PROGRAM_VERSION.to_string(),
        operator: target.operator.clone(),
        subscribe: target.subscribe,
    };
    write_frame(&mut writer, &ClientFrame::Hello(hello))?;
    let mut reader = BufReader::new(stream);
    match read_frame::<ServerFrame>(&mut reader)? {
        ServerFrame::Welcome(welcome) if welcome.protocol == PROTOCOL_VERSION => {
            let notices = VecDeque::new();
            Ok(Ok(Client {
                reader,
                writer,
                next_id: 1,
                welcome,
                notices,
            }))
        }
        ServerFrame::Welcome(welcome) => Ok(Err(Mismatch {
            on_demand: welcome.on_demand,
        })),
        ServerFrame::Refused {
            protocol,
            on_demand,
            ..
        } if protocol != PROTOCOL_VERSION => Ok(Err(Mismatch { on_demand })),
        ServerFrame::Refused { reason, .. } => Err(ClientError::Refused(reason)),
        _ => Err(ClientError::Refused(
            "the server did not answer the handshake".into(),
        )),
    }
}

/// A private server running with another configuration than this client's.
fn outdated(welcome: &Welcome, target: &Target) -> bool {
    !target.endpoint.shared && welcome.on_demand && welcome.config_digest != target.config_digest
}

/// Stops an older on-demand server of this user's own (by its pid file), waiting until its
/// socket no longer answers.
fn replace_old_server(target: &Target) -> Result<(), ClientError> {
    if let Some(pid) = runtime::read_pid(&target.data_dir) {
        let pid = nix::unistd::Pid::from_raw(pid);
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM);
    }
    wait_until_gone(target);
    Ok(())
}

fn wait_until_gone(target: &Target) {
    let started = Instant::now();
    while UnixStream::connect(&target.endpoint.socket).is_ok() && started.elapsed() < START_WAIT {
        thread::sleep(Duration::from_millis(50));
    }
}

/// Starts a private server in the background, detached from the terminal and the session,
/// under a lock so that clients starting at the same instant end up with one server.
fn start_on_demand(target: &Target) -> Result<(), ClientError> {
    let cannot = |why: String| ClientError::CannotStart {
        data_dir: target.data_dir.clone(),
        why,
    };
    let _lock =
        runtime::lock_file(&target.endpoint.start_lock()).map_err(|e| cannot(e.to_string()))?;
    if UnixStream::connect(&target.endpoint.socket).is_ok() {
        return Ok(());
    }
    let log = target.endpoint.socket.with_extension("start.log");
    let mut child = spawn_server(target, &log).map_err(|e| cannot(e.to_string()))?;
    let started = Instant::now();
    while started.elapsed() < START_WAIT {
        if UnixStream::connect(&target.endpoint.socket).is_ok() {
            // The server outlives this process; reap it from a thread meanwhile so it never
            // lingers as a zombie while this client runs.
            thread::spawn(move || child.wait());
            return Ok(());
        }
        if let Ok(Some(status)) = child.try_wait() {
            let said = std::fs::read_to_string(&log).unwrap_or_default();
            let said = said.trim().trim_start_matches("appeals: ");
            return Err(cannot(format!("the server exited ({status}): {said}")));
        }
        thread::sleep(Duration::from_millis(10));
    }
    let data_log = target.data_dir.join("appeals.log");
    let wait = START_WAIT.as_secs();
    Err(cannot(format!(
        "it did not answer within {wait} s; see {}",
        data_log.display()
    )))
}

/// Starts `appeals serve --on-demand` detached; what it says before it can log goes to `log`.
fn spawn_server(target: &Target, log: &std::path::Path) -> std::io::Result<std::process::Child> {
    let exe = std::env::current_exe()?;
    let mut command = Command::new(exe);
    if let Some(config) = &target.config {
        command.arg("--config").arg(config);
    }
    command
        .arg("--data-dir")
        .arg(&target.data_dir)
        .args(["serve", "--on-demand", "--socket"])
        .arg(&target.endpoint.socket)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log)?);
    // SAFETY: setsid is async-signal-safe; it puts the server in a session of its own, so
    // closing the terminal or the SSH session does not end it.
    unsafe {
        command.pre_exec(|| {
            nix::unistd::setsid()
                .map(|_| ())
                .map_err(std::io::Error::from)
        });
    }
    command.spawn()
}
