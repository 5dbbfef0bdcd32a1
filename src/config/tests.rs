//! Stories of the configuration: defaults, a full file, and every kind of mistake named.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::domain::terms::{DayCount, TermStart};

const ORIGIN: &str = "/x/config.toml";

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::from_toml(text, Path::new(ORIGIN))
}

/// The error message for a file that must be refused.
fn refusal(text: &str) -> String {
    match parse(text) {
        Ok(config) => panic!("accepted {text:?} as {config:?}"),
        Err(error) => error.to_string(),
    }
}

fn instant(text: &str) -> DateTime<Utc> {
    text.parse().expect("test instants are RFC 3339")
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("test dates exist")
}

#[test]
fn defaults_follow_the_design() {
    let config = Config::default();

    assert!(
        config.data_dir.ends_with("appeals"),
        "{:?}",
        config.data_dir
    );
    assert_eq!(config.time_zone, Zone::Local);
    assert_eq!(config.calendar, None);
    assert_eq!(config.number_format.format(2026, 17), "2026-00017");
    assert_eq!(config.term.rule.days, 10);
    assert_eq!(config.term.rule.count, DayCount::Calendar);
    assert_eq!(config.term.rule.start, TermStart::Received);
    assert_eq!(config.term.statutory_days, 15);
    assert_eq!(config.term.due_soon_days, 2);
    assert_eq!(config.term.notice_days, 3);
    assert_eq!(config.source, None);
}

#[test]
fn an_empty_file_means_every_default() {
    let config = parse("# nothing set yet\n").expect("an empty file is valid");

    assert_eq!(
        config,
        Config {
            source: Some(ORIGIN.into()),
            ..Config::default()
        }
    );
}

#[test]
fn a_full_file_sets_everything() {
    let text = r#"
        data_dir = "/srv/appeals"
        time_zone = "Asia/Almaty"
        calendar = "/etc/appeals/kz.toml"
        number_format = "ВХ-{year}/{seq:4}"

        [term]
        days = 15
        count = "working"
        start = "registered"
        statutory_days = 20
        due_soon_days = 0
        notice_days = 5
    "#;

    let config = parse(text).expect("the file is valid");

    assert_eq!(config.data_dir, PathBuf::from("/srv/appeals"));
    assert_eq!(
        config.time_zone,
        Zone::named("Asia/Almaty").expect("a real zone")
    );
    assert_eq!(config.calendar, Some(PathBuf::from("/etc/appeals/kz.toml")));
    assert_eq!(config.number_format.format(2026, 17), "ВХ-2026/0017");
    let rule = TermRule {
        days: 15,
        count: DayCount::Working,
        start: TermStart::Registered,
    };
    let term = TermSettings {
        rule,
        statutory_days: 20,
        due_soon_days: 0,
        notice_days: 5,
    };
    assert_eq!(config.term, term);
}

#[test]
fn a_partial_term_section_keeps_the_other_defaults() {
    let config = parse("[term]\ncount = \"working\"\n").expect("the file is valid");

    assert_eq!(config.term.rule.count, DayCount::Working);
    assert_eq!(config.term.rule.days, 10);
    assert_eq!(config.term.statutory_days, 15);
}

#[test]
fn relative_paths_are_taken_from_the_file_directory() {
    let config = parse("data_dir = \"data\"\ncalendar = \"cal/kz.toml\"\n").expect("valid");

    assert_eq!(config.data_dir, PathBuf::from("/x/data"));
    assert_eq!(config.calendar, Some(PathBuf::from("/x/cal/kz.toml")));
}

#[test]
fn a_tilde_means_the_home_directory() {
    let Some(home) = dirs::home_dir() else {
        return;
    };

    let config = parse("data_dir = \"~/appeals-data\"\n").expect("valid");

    assert_eq!(config.data_dir, home.join("appeals-data"));
}

#[test]
fn unknown_keys_are_named_with_their_section() {
    assert_eq!(
        refusal("dta_dir = \"/x\"\n"),
        "config /x/config.toml: unknown key `dta_dir`"
    );
    assert_eq!(
        refusal("[term]\ndayz = 10\n"),
        "config /x/config.toml: unknown key `term.dayz`"
    );
    assert_eq!(
        refusal("[colours]\n"),
        "config /x/config.toml: unknown key `colours`"
    );
}

#[test]
fn an_unknown_zone_is_named() {
    assert_eq!(
        refusal("time_zone = \"Mars/Base\"\n"),
        "config /x/config.toml: time_zone: unknown zone `Mars/Base`"
    );
}

#[test]
fn a_number_format_without_seq_is_refused() {
    assert_eq!(
        refusal("number_format = \"{year}\"\n"),
        "config /x/config.toml: number_format: missing {seq}"
    );
    assert!(refusal("number_format = \"{seq}-{yaer}\"\n").contains("unknown placeholder `{yaer}`"));
}

#[test]
fn term_days_must_be_within_a_year() {
    for bad in ["0", "366", "-5", "\"ten\"", "10.5"] {
        let message = refusal(&format!("[term]\ndays = {bad}\n"));

        assert!(
            message.starts_with("config /x/config.toml: term.days: expected a whole"),
            "{message}"
        );
    }
    assert!(parse("[term]\ndays = 365\n").is_ok());
    assert!(parse("[term]\ndays = 1\n").is_ok());
}

#[test]
fn every_period_is_checked_under_its_own_key() {
    for key in ["statutory_days", "notice_days"] {
        let message = refusal(&format!("[term]\n{key} = 0\n"));
        assert!(message.contains(&format!("term.{key}: ")), "{message}");
    }
    assert!(parse("[term]\ndue_soon_days = 0\n").is_ok());
    let message = refusal("[term]\ndue_soon_days = -1\n");
    assert!(message.contains("term.due_soon_days: expected a whole number of days from 0 to 365"));
}

#[test]
fn count_and_start_list_their_choices() {
    assert_eq!(
        refusal("[term]\ncount = \"weekly\"\n"),
        "config /x/config.toml: term.count: `weekly` is not one of: calendar, working"
    );
    assert_eq!(
        refusal("[term]\nstart = \"sent\"\n"),
        "config /x/config.toml: term.start: `sent` is not one of: received, registered"
    );
}

#[test]
fn values_of_the_wrong_type_name_their_key() {
    assert_eq!(
        refusal("time_zone = 5\n"),
        "config /x/config.toml: time_zone: expected a string, found integer"
    );
    assert_eq!(
        refusal("term = 10\n"),
        "config /x/config.toml: term: expected a table, found integer"
    );
    assert!(refusal("data_dir = \"\"\n").contains("data_dir: empty path"));
}

#[test]
fn text_that_is_not_toml_names_the_line() {
    let message = refusal("time_zone = \"Asia/Almaty\"\ndata_dir = \n");

    assert!(
        message.starts_with("config /x/config.toml: not valid TOML: line 2"),
        "{message}"
    );
}

#[test]
fn an_explicit_file_is_read_and_must_exist() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "time_zone = \"UTC\"\n").expect("write the file");

    let config = Config::load(Some(&path)).expect("the file is valid");
    assert_eq!(config.time_zone, Zone::named("UTC").expect("UTC exists"));
    assert_eq!(config.source, Some(path.clone()));

    let missing = dir.path().join("missing.toml");
    let message = Config::load(Some(&missing))
        .expect_err("missing")
        .to_string();
    assert!(message.starts_with(&format!("config {}: cannot read", missing.display())));
}

#[test]
fn the_data_dir_override_wins_when_given() {
    let config = parse("data_dir = \"/srv/appeals\"\n").expect("valid");

    assert_eq!(
        config.clone().with_data_dir(None).data_dir,
        PathBuf::from("/srv/appeals")
    );
    let overridden = config.with_data_dir(Some("/tmp/other".into()));
    assert_eq!(overridden.data_dir, PathBuf::from("/tmp/other"));
}

#[test]
fn terms_carry_the_configured_rule_and_periods() {
    let text = "[term]\ndays = 7\ncount = \"working\"\nstatutory_days = 20\nnotice_days = 4\n";
    let config = parse(text).expect("valid");

    let terms = config.terms().expect("the embedded calendar loads");

    assert_eq!(terms.rule.days, 7);
    assert_eq!(terms.rule.count, DayCount::Working);
    assert_eq!(terms.statutory_days, 20);
    assert_eq!(terms.due_soon_days, 2);
    assert_eq!(terms.notice_days, 4);
}

#[test]
fn a_missing_calendar_file_is_named() {
    let config = parse("calendar = \"/nowhere/kz.toml\"\n").expect("valid");

    let message = config.terms().expect_err("no such file").to_string();

    assert!(
        message.starts_with("calendar /nowhere/kz.toml: cannot read"),
        "{message}"
    );
}

#[test]
fn today_in_almaty_runs_five_hours_ahead_of_utc() {
    let almaty = Zone::named("Asia/Almaty").expect("a real zone");
    let utc = Zone::named("UTC").expect("a real zone");

    let evening = instant("2026-03-01T20:30:00Z");
    assert_eq!(almaty.today(evening), date(2026, 3, 2));
    assert_eq!(utc.today(evening), date(2026, 3, 1));

    // Kazakhstan moved to +05:00 on 1 March 2024; at +06:00 this would already be 2 March.
    let before_midnight = instant("2026-03-01T18:30:00Z");
    assert_eq!(almaty.today(before_midnight), date(2026, 3, 1));
    assert_eq!(
        almaty.today(instant("2026-03-01T19:00:00Z")),
        date(2026, 3, 2)
    );
}

#[test]
fn zones_are_spelt_exactly() {
    assert_eq!(Zone::named("Mars/Base"), None);
    assert_eq!(
        Zone::named("Asia/Almaty").map(|z| z.to_string()),
        Some("Asia/Almaty".into())
    );
    assert_eq!(Zone::Local.to_string(), "local");
}

#[test]
fn number_formats_render_year_and_padded_sequence() {
    let cases = [
        ("{year}-{seq:05}", 2026, 17, "2026-00017"),
        ("{year}-{seq:5}", 2026, 17, "2026-00017"),
        ("{seq:3}/{year}", 2026, 7, "007/2026"),
        ("№ {year}/{seq}", 2026, 17, "№ 2026/17"),
        ("{year}-{seq:2}", 2026, 12345, "2026-12345"),
        ("{year}{seq:10}", 2027, u32::MAX, "20274294967295"),
    ];
    for (pattern, year, seq, expected) in cases {
        let format = NumberFormat::parse(pattern).expect(pattern);
        assert_eq!(format.format(year, seq), expected, "{pattern}");
        assert_eq!(format.pattern(), pattern);
    }
}

#[test]
fn the_default_number_format_is_the_documented_one() {
    let parsed = NumberFormat::parse(DEFAULT_NUMBER_FORMAT).expect("the default parses");

    assert_eq!(parsed, NumberFormat::default());
    assert_eq!(NumberFormat::default().format(2026, 17), "2026-00017");
}

#[test]
fn number_formats_are_refused_with_a_reason() {
    use NumberFormatError as E;
    let cases = [
        ("{seq}", E::MissingYear),
        ("{year}-", E::MissingSeq),
        ("", E::MissingYear),
        ("{year}-{n}", E::UnknownPlaceholder("n".into())),
        ("{year}-{year:2}", E::UnknownPlaceholder("year:2".into())),
        ("{year}-{seq:0}", E::BadWidth("0".into())),
        ("{year}-{seq:11}", E::BadWidth("11".into())),
        ("{year}-{seq:x}", E::BadWidth("x".into())),
        ("{year}-{seq:}", E::BadWidth("".into())),
        (
            "{year}-{seq:99999999999999999999}",
            E::BadWidth("99999999999999999999".into()),
        ),
        ("{year}-{seq", E::Unclosed),
        ("{year}}-{seq}", E::StrayClose),
        ("{year}\u{1b}[1m{seq}", E::ControlCharacter(0x1b)),
    ];
    for (pattern, expected) in cases {
        assert_eq!(NumberFormat::parse(pattern), Err(expected), "{pattern:?}");
    }
}
