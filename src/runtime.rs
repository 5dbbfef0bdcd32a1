//! Where a server listens and how it is found: the per-user socket in the runtime directory
//! (one server per data directory), or the shared socket named by the configuration; the
//! startup lock and the pid file beside them.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use nix::fcntl::{Flock, FlockArg};

use crate::config::Config;

/// Where clients find the server of one data directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub socket: PathBuf,
    /// A shared server is run by the administrator; clients never start one.
    pub shared: bool,
}

impl Endpoint {
    /// The shared socket when the configuration names one, else this user's own.
    pub fn for_data_dir(config: &Config, data_dir: &Path) -> anyhow::Result<Endpoint> {
        if let Some(socket) = &config.server.socket {
            return Ok(Endpoint {
                socket: socket.clone(),
                shared: true,
            });
        }
        let base = runtime_base();
        let endpoint = Endpoint::private_in(&base, data_dir);
        if let Some(dir) = endpoint.socket.parent() {
            private_dir(&base)?;
            private_dir(dir)?;
        }
        Ok(endpoint)
    }

    /// This user's socket for a data directory, under a runtime directory.
    pub fn private_in(runtime_base: &Path, data_dir: &Path) -> Endpoint {
        let name = format!("appeals-{:016x}.sock", path_hash(&absolute(data_dir)));
        Endpoint {
            socket: runtime_base.join("appeals").join(name),
            shared: false,
        }
    }

    /// The file clients lock while one of them starts the server.
    pub fn start_lock(&self) -> PathBuf {
        self.socket.with_extension("lock")
    }
}

/// The data directory as an absolute path, so that `./data` and its full path name one server.
pub fn absolute(dir: &Path) -> PathBuf {
    fs::canonicalize(dir).unwrap_or_else(|_| std::path::absolute(dir).unwrap_or(dir.to_owned()))
}

/// A stable name for the socket, the same in every build.
fn path_hash(path: &Path) -> u64 {
    use std::os::unix::ffi::OsStrExt;
    fnv1a(path.as_os_str().as_bytes())
}

/// FNV-1a: small, stable across builds and releases (std's hasher is randomly seeded).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A fingerprint of the configuration a process runs with: its file's path and content
/// (0 for the defaults). A private server started with other settings is replaced, so an
/// edited configuration takes effect with the next command.
pub fn config_digest(config: &Config) -> u64 {
    use std::os::unix::ffi::OsStrExt;
    let Some(source) = &config.source else {
        return 0;
    };
    let mut bytes = source.as_os_str().as_bytes().to_vec();
    bytes.extend(fs::read(source).unwrap_or_default());
    fnv1a(&bytes)
}

/// `$XDG_RUNTIME_DIR`, or `/tmp/appeals-UID` when there is no runtime directory.
fn runtime_base() -> PathBuf {
    match std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) {
        Some(base) => PathBuf::from(base),
        None => std::env::temp_dir().join(format!("appeals-{}", nix::unistd::getuid())),
    }
}

/// Makes sure `dir` is a 0700 directory of this user's own, creating it if needed; refuses
/// one that someone else owns, where they could swap the socket.
fn private_dir(dir: &Path) -> anyhow::Result<()> {
    let uid = nix::unistd::getuid().as_raw();
    if !dir.exists() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("cannot create the runtime directory {}", dir.display()))?;
    }
    let meta = fs::symlink_metadata(dir)?;
    if !meta.is_dir() || meta.uid() != uid {
        bail!(
            "{} is not a directory of this user's own; remove it or set XDG_RUNTIME_DIR",
            dir.display()
        );
    }
    if meta.mode() & 0o077 != 0 {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// An exclusive lock on a file, held until dropped.
pub struct FileLock {
    _lock: Flock<File>,
}

/// Takes the lock on `path`, waiting for it.
pub fn lock_file(path: &Path) -> anyhow::Result<FileLock> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot open the lock file {}", path.display()))?;
    let lock = Flock::lock(file, FlockArg::LockExclusive)
        .map_err(|(_, e)| anyhow::anyhow!("cannot lock {}: {e}", path.display()))?;
    Ok(FileLock { _lock: lock })
}

/// The pid file of the server of a data directory, locked for the server's lifetime.
pub struct PidFile {
    lock: Flock<File>,
}

/// How long a starting server waits for one that is still exiting to let go of the pid file.
const PID_WAIT: std::time::Duration = std::time::Duration::from_secs(12);

pub fn pid_path(data_dir: &Path) -> PathBuf {
    data_dir.join("server.pid")
}

impl PidFile {
    /// Locks the pid file and writes this process's pid. A server that is still exiting
    /// (draining, syncing) is waited for a few seconds; one that stays is reported.
    pub fn acquire(data_dir: &Path) -> anyhow::Result<PidFile> {
        let path = pid_path(data_dir);
        let started = std::time::Instant::now();
        let mut lock = loop {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .read(true)
                .write(true)
                .mode(0o644)
                .open(&path)
                .with_context(|| format!("cannot open {}", path.display()))?;
            match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
                Ok(lock) => break lock,
                Err(_) if started.elapsed() < PID_WAIT => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(_) => {
                    let other = read_pid(data_dir).map_or("?".into(), |p| p.to_string());
                    bail!(
                        "a server already runs for {} (pid {other})",
                        data_dir.display()
                    );
                }
            }
        };
        lock.set_len(0)?;
        write!(lock, "{}", std::process::id())?;
        lock.sync_all()?;
        Ok(PidFile { lock })
    }

    /// Empties the file on a clean exit, so a stale pid is never read.
    pub fn release(self) {
        let _ = self.lock.set_len(0);
    }
}

/// The pid written by the running server, if any.
pub fn read_pid(data_dir: &Path) -> Option<i32> {
    let mut text = String::new();
    File::open(pid_path(data_dir))
        .ok()?
        .read_to_string(&mut text)
        .ok()?;
    text.trim().parse().ok()
}
