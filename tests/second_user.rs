//! A client running as a second system user (nobody) against a shared server: refused while
//! unknown, then served with that user's roles, with the role and visibility rules enforced
//! over the socket. Needs root to switch users; elsewhere it says so and passes vacuously.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const NOBODY: u32 = 65534;

fn appeals(config: &Path, as_nobody: bool, args: &[&str]) -> Output {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("appeals"));
    command
        .arg("--config")
        .arg(config)
        .args(args)
        .env("HOME", "/")
        .stdin(Stdio::null());
    if as_nobody {
        command
            .uid(NOBODY)
            .gid(NOBODY)
            .env_remove("XDG_RUNTIME_DIR");
    }
    command.output().expect("the client runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_second_system_user_is_refused_until_registered_then_held_to_their_role() {
    if !nix::unistd::getuid().is_root() {
        eprintln!("skipped: switching to the nobody user needs root (CI runs as root)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let socket = dir.path().join("shared.sock");
    let config = dir.path().join("config.toml");
    let data = dir.path().join("data");
    let settings = format!(
        "data_dir = \"{}\"\n[server]\nsocket = \"{}\"\ngroup = \"nogroup\"\n",
        data.display(),
        socket.display()
    );
    std::fs::write(&config, settings).unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();

    let mut server = Command::new(assert_cmd::cargo::cargo_bin("appeals"))
        .arg("--config")
        .arg(&config)
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while std::os::unix::net::UnixStream::connect(&socket).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the shared server does not answer"
        );
        std::thread::sleep(Duration::from_millis(10));
    }

    let unknown = appeals(&config, true, &["list"]);
    assert_eq!(unknown.status.code(), Some(1), "{}", text(&unknown));
    assert!(
        text(&unknown).contains("nobody is not a registered user"),
        "{}",
        text(&unknown)
    );
    assert!(
        text(&unknown).contains("appeals user add nobody"),
        "{}",
        text(&unknown)
    );

    let add = [
        "user",
        "add",
        "nobody",
        "--name",
        "Никто",
        "--role",
        "executor",
    ];
    assert!(appeals(&config, false, &add).status.success());
    let register = [
        "register",
        "--appeal-date",
        "today",
        "--applicant",
        "Иванов Иван",
        "--affiliation",
        "individual",
        "--method",
        "written",
        "--channel",
        "post",
        "--form",
        "request",
        "--summary",
        "Справка",
    ];
    let mine = String::from_utf8(appeals(&config, false, &register).stdout).unwrap();
    let other = String::from_utf8(appeals(&config, false, &register).stdout).unwrap();
    let resolve = ["act", mine.trim(), "resolve", "--executor", "nobody"];
    assert!(appeals(&config, false, &resolve).status.success());

    let list = appeals(&config, true, &["list", "--queue", "all", "--json"]);
    assert!(list.status.success(), "{}", text(&list));
    let page: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(page["total"], 1, "an executor sees only their own appeals");
    assert_eq!(page["rows"][0]["number"], mine.trim());
    let hidden = appeals(&config, true, &["show", other.trim()]);
    assert_eq!(hidden.status.code(), Some(1));
    let resolve_other = ["act", other.trim(), "resolve", "--executor", "nobody"];
    let refused = appeals(&config, true, &resolve_other);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "an executor cannot issue a resolution"
    );

    let _ = appeals(&config, false, &["stop"]);
    let _ = server.wait();
}
