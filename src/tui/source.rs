//! Where the screen gets its data: one call at a time to the server, through a link that
//! reconnects by itself, and a listener thread that turns the server's change notices into
//! events of the screen's loop.

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crate::client::{Client, ClientError, Target};
use crate::protocol::{Request, Response};
use crate::service::api::Notice;

/// Anything that answers the service's requests: the server, or a stand-in in tests.
pub trait Source {
    fn call(&mut self, request: Request) -> Result<Response, ClientError>;
}

impl Source for Client {
    fn call(&mut self, request: Request) -> Result<Response, ClientError> {
        Client::call(self, request)
    }
}

/// A connection that is made again on the next call after the server went away.
pub struct Link {
    target: Target,
    client: Option<Client>,
}

impl Link {
    pub fn new(target: Target, client: Client) -> Link {
        Link {
            target,
            client: Some(client),
        }
    }

    pub fn connected(&self) -> bool {
        self.client.is_some()
    }
}

impl Source for Link {
    fn call(&mut self, request: Request) -> Result<Response, ClientError> {
        let client = match &mut self.client {
            Some(client) => client,
            None => self.client.insert(Client::connect(&self.target)?),
        };
        let result = client.call(request);
        if matches!(
            result,
            Err(ClientError::Disconnected(_) | ClientError::Refused(_))
        ) {
            self.client = None;
        }
        result
    }
}

/// What the listener tells the screen.
#[derive(Debug, Clone)]
pub enum Signal {
    Notice(Box<Notice>),
    /// The listening connection is up (true) or lost (false).
    Connected(bool),
}

/// How long the listener waits between attempts to reconnect: short enough that the screen
/// comes back within a second or two of the server, long enough not to spin.
const RETRY: Duration = Duration::from_millis(500);

/// Listens for notices on a connection of its own and reconnects when it drops. It never
/// starts a server itself: a key press does that, through the `Link`. Ends when the screen's
/// side of the channel is gone.
pub fn listen<T: Send + 'static>(
    target: Target,
    events: Sender<T>,
    wrap: fn(Signal) -> T,
) -> thread::JoinHandle<()> {
    let target = Target {
        subscribe: true,
        ..target
    };
    thread::spawn(move || {
        let mut up = true;
        loop {
            match Client::connect_running(&target) {
                Ok(Some(client)) => {
                    if !up && events.send(wrap(Signal::Connected(true))).is_err() {
                        return;
                    }
                    up = true;
                    if forward(client, &events, wrap).is_err() {
                        return;
                    }
                }
                Ok(None) => {}
                Err(e) => tracing::debug!(error = %e, "screen: no server yet"),
            }
            if up && events.send(wrap(Signal::Connected(false))).is_err() {
                return;
            }
            up = false;
            thread::sleep(RETRY);
        }
    })
}

/// Forwards notices until the connection drops (`Ok`) or the screen has gone (`Err`).
fn forward<T>(mut client: Client, events: &Sender<T>, wrap: fn(Signal) -> T) -> Result<(), ()> {
    loop {
        match client.next_notice(Duration::from_secs(3600)) {
            Ok(Some(notice)) => events
                .send(wrap(Signal::Notice(Box::new(notice))))
                .map_err(|_| ())?,
            Ok(None) => continue,
            Err(_) => return Ok(()),
        }
    }
}

/// The service answered in this process, without a socket: for tests and benchmarks of the
/// screen, which then see exactly what the server would send.
pub struct Local {
    pub service: std::sync::Arc<crate::service::Service>,
    pub login: String,
}

impl Source for Local {
    fn call(&mut self, request: Request) -> Result<Response, ClientError> {
        let status = || crate::protocol::ServerStatus {
            socket: String::new(),
            pid: std::process::id(),
            uptime_s: 0,
            version: crate::protocol::PROGRAM_VERSION.to_string(),
            data_dir: String::new(),
            database_bytes: 0,
            on_demand: false,
            operators: Vec::new(),
        };
        crate::server::dispatch::dispatch(&self.service, &status, &self.login, request)
            .map_err(ClientError::Service)
    }
}
