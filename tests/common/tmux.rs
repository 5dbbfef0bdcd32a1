//! A real terminal for the real binary: a private tmux server (its own `-L` socket, no user
//! configuration), keys typed with `send-keys` and the screen read with `capture-pane -p`.
//! The end-to-end tests and the screen bench share it, with a few readers of what the
//! screen of `appeals` shows.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// How long a test waits for text to appear: generous, because a loaded CI machine with
/// two cores runs these tests beside the compiler and the other tests. A screen that works
/// answers in a few hundred milliseconds; the figure only bounds how long a broken one hangs.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// How often the screen is read while waiting: often enough that a wait ends soon after the
/// text appears, rarely enough that tmux itself is not what keeps the machine busy.
const POLL: Duration = Duration::from_millis(50);

/// Printed by the pane's shell once the program has exited, with its exit status: the proof
/// that the shell has the terminal back.
pub const ENDED: &str = "SCREEN-ENDED";

/// What the shell echoes of a line typed after the program has exited; the line only
/// arrives when the terminal is back in its normal mode (echo, line editing, Enter as
/// newline), so seeing it proves the program restored the terminal.
pub const TYPED: &str = "TYPED:";

/// The shell around the program: the program first, then the marker and the program's exit
/// status, then a line read back
/// (see [`TYPED`]); the pane stays open afterwards so its last screen can be read.
fn wrapper() -> String {
    format!(r#""$@"; echo "{ENDED} $?"; read line; echo "{TYPED}$line"; exec sleep 600"#)
}

/// A tmux server of one's own, killed on drop.
pub struct Tmux {
    socket: String,
}

/// One window of that server, where one program runs.
#[derive(Debug, Clone)]
pub struct Pane {
    socket: String,
    target: String,
}

impl Tmux {
    /// A server under a socket name no other test, process or person uses.
    pub fn new(label: &str) -> Tmux {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        Tmux {
            socket: format!("appeals-{label}-{}-{n}", std::process::id()),
        }
    }

    /// Opens a session named `name` of `width` x `height` that runs `argv` inside the
    /// wrapper shell; nothing is waited for.
    pub fn open(&self, name: &str, width: u16, height: u16, argv: &[String]) -> Pane {
        let (w, h) = (width.to_string(), height.to_string());
        let wrapper = wrapper();
        let mut args = vec!["new-session", "-d", "-s", name, "-x", &w, "-y", &h, "--"];
        args.extend(["sh", "-c", &wrapper, "sh"]);
        args.extend(argv.iter().map(String::as_str));
        run(tmux(&self.socket).args(&args));
        Pane {
            socket: self.socket.clone(),
            target: format!("{name}:"),
        }
    }

    /// The file of the server's socket, which tmux leaves behind when it is killed.
    fn socket_path(&self) -> Option<String> {
        let out = tmux(&self.socket)
            .args(["display-message", "-p", "#{socket_path}"])
            .output()
            .ok()?;
        let path = text(&out).trim().to_string();
        (out.status.success() && !path.is_empty()).then_some(path)
    }

    /// The processes of every pane and their children, for the wait after the kill.
    fn processes(&self) -> Vec<u32> {
        let Ok(out) = tmux(&self.socket)
            .args(["list-panes", "-a", "-F", "#{pane_pid}"])
            .output()
        else {
            return Vec::new();
        };
        let shells: Vec<u32> = text(&out)
            .lines()
            .filter_map(|l| l.trim().parse().ok())
            .collect();
        let mut all = shells.clone();
        for shell in shells {
            all.extend(children(shell));
        }
        all
    }
}

impl Drop for Tmux {
    /// Kills this server only (never without `-L`) and removes its socket, then waits until
    /// the programs in its panes have gone, so that nothing of theirs outlives the test: a
    /// screen left running would start its server again after the test stopped it.
    fn drop(&mut self) {
        let processes = self.processes();
        let socket = self.socket_path();
        let _ = tmux(&self.socket).arg("kill-server").output();
        if let Some(path) = socket {
            let _ = std::fs::remove_file(path);
        }
        let started = Instant::now();
        while processes.iter().any(|pid| alive(*pid)) && started.elapsed() < PATIENCE {
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Pane {
    /// Presses keys written as tmux names them (`Enter`, `Escape`, `Tab`, `Down`, `NPage`,
    /// `C-s`, `q`, `?`), one `send-keys` each. Escape followed at once by another key reads
    /// as Alt and that key, as on any terminal: wait for the effect of Escape first.
    pub fn press(&self, keys: &str) {
        for key in keys.split_whitespace() {
            run(tmux(&self.socket).args(["send-keys", "-t", &self.target, key]));
        }
    }

    /// Types text literally, whatever it contains.
    pub fn type_text(&self, text: &str) {
        run(tmux(&self.socket).args(["send-keys", "-t", &self.target, "-l", text]));
    }

    /// The screen as text, one line per row, trailing spaces cut.
    pub fn capture(&self) -> String {
        let out = run(tmux(&self.socket).args(["capture-pane", "-p", "-t", &self.target]));
        text(&out)
    }

    /// Waits until `text` is on screen; the screen at that moment.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("`{text}` on screen"), |screen| {
            screen.contains(text)
        })
    }

    /// Waits until every one of `texts` is on screen at once; the screen at that moment. A
    /// frame reaches the terminal in pieces, so what one frame shows is waited for together
    /// rather than read from a capture that waited for only part of it.
    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("{texts:?} on screen"), |screen| {
            texts.iter().all(|text| screen.contains(text))
        })
    }

    /// Waits until `text` has gone from the screen; the screen at that moment.
    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("`{text}` gone"), |screen| !screen.contains(text))
    }

    /// Waits until the screen satisfies `test`, failing with what it showed last.
    pub fn wait_until(&self, what: &str, test: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            let screen = self.capture();
            if test(&screen) {
                return screen;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "waited {} s for {what}; the screen:\n{screen}",
                PATIENCE.as_secs()
            );
            thread::sleep(POLL);
        }
    }

    /// The terminal of the pane shows the alternate screen (a full-screen program's).
    pub fn alternate_on(&self) -> bool {
        self.display("#{alternate_on}") == "1"
    }

    /// The program the wrapper shell runs, once it has started.
    pub fn program_pid(&self) -> u32 {
        let shell: u32 = self
            .display("#{pane_pid}")
            .parse()
            .expect("tmux names the pane's process");
        let started = Instant::now();
        loop {
            if let Some(pid) = children(shell).first() {
                return *pid;
            }
            assert!(started.elapsed() < PATIENCE, "the program did not start");
            thread::sleep(Duration::from_millis(5));
        }
    }

    fn display(&self, format: &str) -> String {
        let out =
            run(tmux(&self.socket).args(["display-message", "-p", "-t", &self.target, format]));
        text(&out).trim().to_string()
    }
}

/// A whole frame with rows is on screen: rows in the table, and the footer, which is drawn
/// last.
pub fn frame_with_rows(screen: &str) -> bool {
    let footer = screen.lines().last().unwrap_or_default();
    !numbers(screen).is_empty() && !footer.trim().is_empty()
}

/// The registration numbers on screen, top to bottom.
pub fn numbers(screen: &str) -> Vec<String> {
    screen
        .split(|c: char| c.is_whitespace() || c == '│' || c == '›')
        .filter(|word| is_number(word))
        .map(String::from)
        .collect()
}

/// `2026-00017`: the shipped number format.
pub fn is_number(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || b.is_ascii_digit())
}

/// The number of the row under the selection marker: the number right after a `›` (the
/// queue list marks the current queue with the same sign, followed by its name).
pub fn selected(screen: &str) -> Option<String> {
    screen
        .lines()
        .flat_map(|line| line.split('›').skip(1))
        .filter_map(|rest| rest.split([' ', '│']).next())
        .find(|word| is_number(word))
        .map(String::from)
}

/// The count in the table's title, `Incoming · 4 appeals` or `Входящие · 4 обращения`.
pub fn queue_total(screen: &str, queue: &str) -> Option<u64> {
    let title = format!("{queue} · ");
    let at = screen.find(&title)? + title.len();
    let digits: String = screen[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// A tmux command for the server `socket`, in a UTF-8 locale whatever the caller's, so that
/// Cyrillic survives the capture, and outside any tmux the tests themselves may run in.
fn tmux(socket: &str) -> Command {
    let mut command = Command::new("tmux");
    command
        .args(["-u", "-L", socket, "-f", "/dev/null"])
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .env_remove("TMUX");
    command
}

fn run(command: &mut Command) -> Output {
    let out = command
        .output()
        .expect("tmux runs (the end-to-end tests need it: `apt-get install tmux`)");
    assert!(
        out.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The children of `parent`, from `/proc` (the fourth field of `stat` is the parent).
pub fn children(parent: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| stat(*pid).is_some_and(|(_, ppid)| ppid == parent))
        .collect()
}

/// A process exists and is not a zombie waiting to be reaped.
pub fn alive(pid: u32) -> bool {
    stat(pid).is_some_and(|(state, _)| state != 'Z' && state != 'X')
}

/// The state and the parent of a process.
fn stat(pid: u32) -> Option<(char, u32)> {
    let stat =
        std::fs::read_to_string(Path::new("/proc").join(pid.to_string()).join("stat")).ok()?;
    // The command name in parentheses may hold spaces and parentheses: skip past the last.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let parent = fields.next()?.parse().ok()?;
    Some((state, parent))
}
