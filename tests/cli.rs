//! The real `appeals` binary, run as a newcomer would: register, list, show, act, due,
//! users, drafts and check, with their exit statuses.

mod common;

use appeals::client::{Client, Target};
use appeals::config::Config;
use appeals::domain::draft::DraftSlot;
use appeals::domain::validate::AppealForm;
use appeals::protocol::Request;
use appeals::runtime::Endpoint;
use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

/// A command on a fresh data directory, isolated from the user's own configuration, with a
/// configuration that lets the test's system user name operators (as an ssh forced command
/// would). The private server each test starts is stopped when the test ends.
struct Env {
    data: TempDir,
    config_home: TempDir,
}

fn system_login() -> String {
    let uid = nix::unistd::getuid();
    nix::unistd::User::from_uid(uid).unwrap().unwrap().name
}

impl Env {
    fn new() -> Env {
        let env = Env {
            data: tempfile::tempdir().unwrap(),
            config_home: tempfile::tempdir().unwrap(),
        };
        let config = format!("[server]\noperator_account = \"{}\"\n", system_login());
        std::fs::write(env.config_file(), config).unwrap();
        env
    }

    fn config_file(&self) -> std::path::PathBuf {
        self.config_home.path().join("test.toml")
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("appeals").unwrap();
        cmd.env("XDG_CONFIG_HOME", self.config_home.path())
            .env_remove("APPEALS_DATA_DIR")
            .arg("--data-dir")
            .arg(self.data.path());
        if !args.contains(&"--config") {
            cmd.arg("--config").arg(self.config_file());
        }
        cmd.args(args);
        cmd
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self
            .cmd(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }

    /// Registers a valid appeal received `days_ago` days ago; returns its number.
    fn register(&self, applicant: &str, days_ago: i64) -> String {
        let received = (chrono::Local::now().date_naive() - chrono::Duration::days(days_ago))
            .format("%d.%m.%Y")
            .to_string();
        let out = self.ok(&[
            "register",
            "--appeal-date",
            &received,
            "--received",
            &received,
            "--applicant",
            applicant,
            "--affiliation",
            "individual",
            "--method",
            "electronic",
            "--channel",
            "email",
            "--form",
            "complaint",
            "--summary",
            "Жалоба на несвоевременную выплату стипендии",
            "--email",
            "a@b.kz",
            "--reply-method",
            "email",
        ]);
        out.trim().to_string()
    }

    /// A client of the server the commands started, as the full-screen form would be.
    fn client(&self) -> Client {
        let config = Config::load(Some(&self.config_file())).unwrap();
        let target = Target {
            endpoint: Endpoint::for_data_dir(&config, self.data.path()).unwrap(),
            data_dir: appeals::runtime::absolute(self.data.path()),
            config: Some(self.config_file()),
            operator: None,
            subscribe: false,
            config_digest: appeals::runtime::config_digest(&config),
        };
        Client::connect(&target).unwrap()
    }

    fn add_user(&self, login: &str, roles: &str) {
        self.ok(&[
            "user",
            "add",
            login,
            "--name",
            &format!("{login} name"),
            "--role",
            roles,
        ]);
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        let _ = self.cmd(&["stop"]).output();
    }
}

#[test]
fn register_prints_a_number_that_show_and_list_find() {
    let env = Env::new();
    let number = env.register("Ахметова Динара", 0);
    let year = chrono::Local::now().format("%Y").to_string();
    assert_eq!(number, format!("{year}-00001"));
    let card = env.ok(&["show", &number]);
    assert!(card.contains("Ахметова Динара") && card.contains("the rule, day by day"));
    let list = env.ok(&["list", "--queue", "incoming", "--json"]);
    let page: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(page["total"], 1);
    assert_eq!(page["rows"][0]["number"], number.as_str());
}

#[test]
fn invalid_registration_names_every_problem_and_stores_nothing() {
    let env = Env::new();
    env.cmd(&[
        "register",
        "--appeal-date",
        "31.02.2026",
        "--method",
        "oral",
        "--channel",
        "email",
        "--reply-method",
        "email",
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("31.02.2026"))
    .stderr(predicate::str::contains("pplicant"))
    .stderr(predicate::str::contains("ummary"));
    let list = env.ok(&["list", "--queue", "all", "--json"]);
    let page: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(page["total"], 0);
}

#[test]
fn usage_errors_exit_with_two() {
    let env = Env::new();
    env.cmd(&["act", "2026-00001", "frobnicate"])
        .assert()
        .code(2);
    env.cmd(&["list", "--no-such-flag"]).assert().code(2);
}

#[test]
fn unknown_queue_and_unknown_number_exit_with_one() {
    let env = Env::new();
    env.cmd(&["list", "--queue", "later"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--queue"));
    env.cmd(&["show", "1999-00001"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1999-00001"));
}

#[test]
fn the_whole_cycle_runs_from_the_command_line() {
    let env = Env::new();
    env.add_user("boss", "manager");
    env.add_user("lead", "executor");
    env.add_user("co", "executor");
    env.add_user("audit", "compliance");
    let n = env.register("Петров Павел", 1);
    let act = |who: &str, args: &[&str]| {
        let mut all = vec!["--operator", who, "act", n.as_str()];
        all.extend_from_slice(args);
        env.ok(&all)
    };
    act(
        "boss",
        &["resolve", "--executor", "lead", "--executor", "co"],
    );
    act("co", &["contribute", "--text", "Сведения деканата"]);
    act(
        "lead",
        &[
            "consolidate",
            "--decision",
            "positive",
            "--justification",
            "п. 5.3",
            "--text",
            "Ответ",
        ],
    );
    act("co", &["approve"]);
    act("lead", &["to-signature"]);
    act("boss", &["sign"]);
    act(
        "lead",
        &[
            "dispatch",
            "--outgoing-number",
            "исх-1",
            "--channel",
            "email",
        ],
    );
    act("audit", &["return", "--deficiency", "Нет обоснования"]);
    act("lead", &["resume"]);
    let card = env.ok(&["show", &n, "--json"]);
    let view: serde_json::Value = serde_json::from_str(&card).unwrap();
    assert_eq!(view["appeal"]["status"], "InProgress");
    assert_eq!(view["history"].as_array().unwrap().len(), 10);
    env.ok(&["check"]);
}

#[test]
fn a_refused_action_says_why_and_changes_nothing() {
    let env = Env::new();
    env.add_user("lead", "executor");
    env.add_user("clerk", "registrar");
    let n = env.register("Сидоров Иван", 0);
    env.cmd(&[
        "--operator",
        "clerk",
        "act",
        &n,
        "resolve",
        "--executor",
        "lead",
    ])
    .assert()
    .code(1)
    .stderr(
        predicate::str::contains("refused")
            .and(predicate::str::contains("resolve needs the role manager")),
    );
    let card = env.ok(&["show", &n, "--json"]);
    let view: serde_json::Value = serde_json::from_str(&card).unwrap();
    assert_eq!(view["appeal"]["revision"], 1);
}

#[test]
fn a_stale_revision_is_refused_naming_who_changed_it() {
    let env = Env::new();
    env.add_user("lead", "executor");
    let n = env.register("Касымов Ерлан", 0);
    env.ok(&[
        "act",
        &n,
        "--revision",
        "1",
        "resolve",
        "--executor",
        "lead",
    ]);
    env.cmd(&["act", &n, "--revision", "1", "dismiss", "--basis", "повтор"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("changed meanwhile by root"));
}

#[test]
fn list_sorts_by_received_date_or_number_either_way_and_filters_by_a_text() {
    let env = Env::new();
    let oldest = env.register("Ахметова Динара", 5);
    let newest = env.register("Волков Андрей", 1);
    let middle = env.register("Ахметов Ержан", 3);
    let numbers = |args: &[&str]| -> Vec<String> {
        let all = [&["list", "--queue", "all", "--json"], args].concat();
        let page: serde_json::Value = serde_json::from_str(&env.ok(&all)).unwrap();
        let rows = page["rows"].as_array().unwrap();
        rows.iter()
            .map(|r| r["number"].as_str().unwrap().to_string())
            .collect()
    };
    let in_order = |numbers: [&String; 3]| numbers.map(String::clone).to_vec();
    let by_received = numbers(&["--sort", "received"]);
    assert_eq!(by_received, in_order([&oldest, &middle, &newest]));
    let latest_first = numbers(&["--sort", "received", "--desc"]);
    assert_eq!(latest_first, in_order([&newest, &middle, &oldest]));
    let by_number = numbers(&["--sort", "number"]);
    assert_eq!(by_number, in_order([&oldest, &newest, &middle]));
    let usual = numbers(&[]);
    assert_eq!(usual, in_order([&middle, &newest, &oldest]), "newest first");

    let found = env.ok(&["list", "--queue", "all", "--filter", "ахметов"]);
    assert!(
        found.contains("2 of 2 in all matching `ахметов`"),
        "{found}"
    );
    assert!(!found.contains(&newest), "{found}");
    env.cmd(&["list", "--sort", "date"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--sort `date`"));
}

#[test]
fn executors_see_only_their_own_appeals() {
    let env = Env::new();
    env.add_user("lead", "executor");
    let mine = env.register("Омаров Марат", 0);
    env.register("Волков Андрей", 0);
    env.ok(&["act", &mine, "resolve", "--executor", "lead"]);
    let list = env.ok(&["--operator", "lead", "list", "--queue", "all", "--json"]);
    let page: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(page["total"], 1);
    assert_eq!(page["rows"][0]["number"], mine.as_str());
    let other = format!("{}-00002", chrono::Local::now().format("%Y"));
    env.cmd(&["--operator", "lead", "show", &other])
        .assert()
        .code(1);
}

#[test]
fn due_lists_the_users_overdue_appeals() {
    let env = Env::new();
    let late = env.register("Тулегенов Асхат", 40);
    env.register("Нурланова Айгерим", 0);
    env.ok(&["act", &late, "resolve", "--executor", "root"]);
    let due = env.ok(&["due"]);
    assert!(due.contains(&late) && due.contains("overdue"), "{due}");
    assert_eq!(
        due.lines().filter(|l| l.contains("-0000")).count(),
        1,
        "{due}"
    );
}

#[test]
fn disabled_users_can_no_longer_act() {
    let env = Env::new();
    env.add_user("gone", "registrar");
    env.ok(&["user", "disable", "gone"]);
    let users = env.ok(&["user", "list"]);
    assert!(
        users
            .lines()
            .any(|l| l.starts_with("gone") && l.contains("disabled")),
        "{users}"
    );
    env.cmd(&["--operator", "gone", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("disabled"));
}

#[test]
fn only_the_configured_account_may_name_an_operator() {
    let env = Env::new();
    let plain = env.config_home.path().join("plain.toml");
    std::fs::write(&plain, "").unwrap();
    let with_plain = |args: &[&str]| {
        let mut all = vec!["--config", plain.to_str().unwrap()];
        all.extend_from_slice(args);
        env.cmd(&all)
    };
    with_plain(&["user", "add", "boss", "--name", "B", "--role", "manager"])
        .assert()
        .success();
    with_plain(&["--operator", "boss", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("operator_account"));
    with_plain(&["stop"]).assert().success();
}

#[test]
fn demo_fills_every_status_and_the_check_passes() {
    let env = Env::new();
    env.ok(&["demo", "--count", "400", "--seed", "7"]);
    let all = env.ok(&["list", "--queue", "all", "--json"]);
    let page: serde_json::Value = serde_json::from_str(&all).unwrap();
    assert_eq!(page["total"], 400);
    let statuses: std::collections::BTreeSet<String> = all_statuses(&env).into_iter().collect();
    for status in [
        "Registered",
        "InProgress",
        "AwaitingInfo",
        "Approval",
        "Signing",
        "Sent",
        "Returned",
        "Closed",
    ] {
        assert!(statuses.contains(status), "no {status} in {statuses:?}");
    }
    let counts = env.ok(&["counts"]);
    assert!(
        counts
            .lines()
            .any(|l| l.starts_with("overdue") && !l.ends_with(" 0")),
        "{counts}"
    );
    let check = env.ok(&["check"]);
    assert!(check.contains("OK"), "{check}");
}

fn all_statuses(env: &Env) -> Vec<String> {
    let mut out = Vec::new();
    for offset in (0..400).step_by(100) {
        let list = env.ok(&[
            "list",
            "--queue",
            "all",
            "--json",
            "--limit",
            "100",
            "--offset",
            &offset.to_string(),
        ]);
        let page: serde_json::Value = serde_json::from_str(&list).unwrap();
        for row in page["rows"].as_array().unwrap() {
            out.push(row["status"].as_str().unwrap().to_string());
        }
    }
    out
}

#[test]
fn a_configuration_error_names_the_key_and_the_file() {
    let env = Env::new();
    let file = env.config_home.path().join("bad.toml");
    std::fs::write(&file, "[term]\ndayz = 3\n").unwrap();
    env.cmd(&["--config", file.to_str().unwrap(), "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.toml").and(predicate::str::contains("term.dayz")));
    std::fs::write(&file, "number_format = \"{year}\"\n").unwrap();
    env.cmd(&["--config", file.to_str().unwrap(), "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("number_format").and(predicate::str::contains("{seq}")));
}

#[test]
fn the_configured_number_format_and_term_rule_are_used() {
    let env = Env::new();
    let file = env.config_home.path().join("appeals.toml");
    let config = "number_format = \"ВХ-{seq:03}/{year}\"\n[term]\ndays = 5\ncount = \"working\"\n";
    std::fs::write(&file, config).unwrap();
    let config_flag = ["--config", file.to_str().unwrap()];
    let out = env.ok(&[
        &config_flag[..],
        &[
            "register",
            "--appeal-date",
            "02.03.2026",
            "--received",
            "02.03.2026",
            "--applicant",
            "Ким Ольга",
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
        ],
    ]
    .concat());
    let year = chrono::Local::now().format("%Y").to_string();
    assert_eq!(out.trim(), format!("ВХ-001/{year}"));
    let card = env.ok(&[&config_flag[..], &["show", out.trim(), "--json"]].concat());
    let view: serde_json::Value = serde_json::from_str(&card).unwrap();
    // Five working days after Monday 2 March 2026 end on Monday 9 March... which is the
    // moved day off for 8 March, so the fifth working day is Tuesday 10 March.
    assert_eq!(view["appeal"]["term"], "2026-03-10");
}

#[test]
fn a_term_set_by_a_state_body_is_kept_with_its_basis() {
    let env = Env::new();
    let out = env.ok(&[
        "register",
        "--appeal-date",
        "02.03.2026",
        "--received",
        "02.03.2026",
        "--applicant",
        "Аппарат акима Медеуского района",
        "--affiliation",
        "state-body",
        "--method",
        "written",
        "--channel",
        "post",
        "--form",
        "request",
        "--summary",
        "Запрос сведений",
        "--term",
        "06.03.2026",
        "--term-basis",
        "запрос акимата № 12",
    ]);
    let view: serde_json::Value =
        serde_json::from_str(&env.ok(&["show", out.trim(), "--json"])).unwrap();
    assert_eq!(view["appeal"]["term"], "2026-03-06");
    assert_eq!(
        view["appeal"]["term_basis"]["Set"]["basis"],
        "запрос акимата № 12"
    );
}

#[test]
fn edit_corrects_the_registration_while_awaiting_the_resolution() {
    let env = Env::new();
    let n = env.register("Опечаткин Иван", 0);
    env.ok(&[
        "act",
        &n,
        "edit",
        "--applicant",
        "Опечаткин Иван Петрович",
        "--form",
        "application",
    ]);
    let view: serde_json::Value = serde_json::from_str(&env.ok(&["show", &n, "--json"])).unwrap();
    assert_eq!(
        view["appeal"]["reg"]["applicant"],
        "Опечаткин Иван Петрович"
    );
    assert_eq!(view["appeal"]["reg"]["form"], "Application");
    assert_eq!(
        view["appeal"]["reg"]["summary"],
        "Жалоба на несвоевременную выплату стипендии"
    );
}

#[test]
fn drafts_lists_your_drafts_and_drop_removes_one() {
    let env = Env::new();
    let n = env.register("Опечаткин Иван", 0);
    assert!(env.ok(&["drafts"]).contains("no drafts"));
    let mut client = env.client();
    let typed = AppealForm {
        applicant: "Сейткали Асем".into(),
        summary: "О предоставлении академического отпуска по состоянию здоровья с 1 марта".into(),
        ..AppealForm::default()
    };
    for slot in [DraftSlot::New, DraftSlot::parse(&n)] {
        let form = Box::new(typed.clone());
        let base_revision = None;
        let request = Request::SaveDraft {
            slot,
            form,
            base_revision,
        };
        client.call(request).unwrap();
    }

    let listed = env.ok(&["drafts"]);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(listed.contains("Сейткали Асем"), "{listed}");
    assert!(
        listed.contains("академического отпуска по состоянию"),
        "{listed}"
    );
    assert!(
        !listed.contains("1 марта"),
        "only the first words: {listed}"
    );

    assert!(env.ok(&["drafts", "drop", "new"]).contains("dropped"));
    assert!(env.ok(&["drafts", "drop", "new"]).contains("no draft new"));
    let left = env.ok(&["drafts"]);
    assert!(left.starts_with(&n) && left.lines().count() == 1, "{left}");
}

#[test]
fn an_offline_check_waits_while_another_process_holds_the_database() {
    let env = Env::new();
    env.register("Первый Заявитель", 0);
    env.ok(&["stop"]);
    let store = loop {
        // The server releases the database as it exits, a moment after answering `stop`.
        match appeals::store::Store::open(env.data.path()) {
            Ok(store) => break store,
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    };
    let holder = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(400));
        drop(store);
    });
    env.cmd(&["check", "--offline"])
        .assert()
        .success()
        .stdout(predicate::str::contains("OK"));
    holder.join().unwrap();
}

#[test]
fn output_cut_short_by_a_pipe_ends_quietly() {
    let env = Env::new();
    env.ok(&["demo", "--count", "1200", "--seed", "3"]);
    let exe = assert_cmd::cargo::cargo_bin("appeals");
    let script = format!(
        "'{}' --data-dir '{}' list --queue all --limit 1000 | head -n 1",
        exe.display(),
        env.data.path().display()
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .env("XDG_CONFIG_HOME", env.config_home.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("number"));
}

#[test]
fn backup_through_the_server_and_restore_into_a_new_directory() {
    let env = Env::new();
    env.ok(&["demo", "--count", "150", "--seed", "5"]);
    let file = env.config_home.path().join("backup.jsonl");
    let out = env.ok(&["backup", file.to_str().unwrap()]);
    assert!(out.contains("150 appeals"), "{out}");
    let header = std::fs::read_to_string(&file).unwrap();
    let header: serde_json::Value = serde_json::from_str(header.lines().next().unwrap()).unwrap();
    assert_eq!(header["counts"]["appeals"], 150);

    let target = tempfile::tempdir().unwrap();
    let restore = || {
        let mut cmd = Command::cargo_bin("appeals").unwrap();
        cmd.env("XDG_CONFIG_HOME", env.config_home.path())
            .arg("--data-dir")
            .arg(target.path())
            .arg("restore")
            .arg(&file);
        cmd
    };
    restore()
        .assert()
        .success()
        .stdout(predicate::str::contains("150 appeals"));
    restore()
        .assert()
        .code(1)
        .stderr(predicate::str::contains(target.path().to_str().unwrap()));
}

#[test]
fn an_edited_configuration_takes_effect_with_the_next_command() {
    let env = Env::new();
    let first = env.register("Первый Заявитель", 0);
    let year = chrono::Local::now().format("%Y").to_string();
    assert_eq!(first, format!("{year}-00001"));
    let config = format!(
        "number_format = \"ВХ-{{seq:03}}/{{year}}\"\n[server]\noperator_account = \"{}\"\n",
        system_login()
    );
    std::fs::write(env.config_file(), config).unwrap();
    let second = env.register("Второй Заявитель", 0);
    assert_eq!(second, format!("ВХ-002/{year}"));
}

#[test]
fn a_server_that_cannot_start_says_why_at_once() {
    let env = Env::new();
    let file = env.config_home.path().join("not-a-directory");
    std::fs::write(&file, "").unwrap();
    let mut cmd = Command::cargo_bin("appeals").unwrap();
    cmd.env("XDG_CONFIG_HOME", env.config_home.path())
        .arg("--data-dir")
        .arg(&file)
        .arg("counts")
        .timeout(std::time::Duration::from_secs(10))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a directory"));
}
