//! Calendar files written by an administrator: honoured when right, refused with the entry
//! named when wrong, and never a panic.

use proptest::prelude::*;

use super::d;
use crate::domain::terms::{Calendar, DayKind, TermRule, Terms, YearStatus};

const HEADER: &str = r#"
weekend = ["sat", "sun"]
moved_holiday_source = "art. 5"
"#;

/// A calendar file with the usual header and `body` after it.
fn file(body: &str) -> String {
    format!("{HEADER}{body}")
}

fn parse_error(text: &str) -> String {
    match Calendar::parse(text, "/etc/x.toml") {
        Ok(_) => panic!("the file should be refused:\n{text}"),
        Err(error) => error.to_string(),
    }
}

const CUSTOM_2028: &str = r#"
[[holiday]]
date = "01-01"
name = "New Year"
source = "law"

[[holiday]]
date = "01-02"
name = "New Year"
source = "law"

[[fixed_day_off]]
date = "01-07"
name = "Christmas"
source = "code"

[year.2028]
status = "official"
source = "order 1"

[[year.2028.day_off]]
date = 2028-01-10
name = "Transfer"
source = "order 1"

[[year.2028.working_day]]
date = "2028-01-08"
name = "Working Saturday"
source = "order 1"
"#;

#[test]
fn custom_calendar_with_2028_is_honoured() {
    let calendar = Calendar::parse(&file(CUSTOM_2028), "custom").expect("a valid file");

    assert_eq!(calendar.loaded_years(), vec![2028]);
    assert_eq!(
        calendar.year_status(2028),
        YearStatus::Official {
            source: "order 1".into()
        }
    );
    // 1 and 2 January 2028 are Saturday and Sunday: their days off are Monday and Tuesday.
    let monday = calendar.day(d(2028, 1, 3));
    assert!(
        matches!(monday, DayKind::DayOff { name, .. } if name == "New Year (перенос с 01.01.2028)")
    );
    assert!(!calendar.is_working(d(2028, 1, 4)));
    assert!(!calendar.is_working(d(2028, 1, 7)));
    assert!(!calendar.is_working(d(2028, 1, 10)));
    assert!(matches!(
        calendar.day(d(2028, 1, 8)),
        DayKind::WorkingWeekend { .. }
    ));
    assert_eq!(calendar.day(d(2028, 1, 9)), DayKind::Weekend);
}

#[test]
fn custom_calendar_2028_drives_a_working_day_term_without_warnings() {
    let calendar = Calendar::parse(&file(CUSTOM_2028), "custom").expect("a valid file");
    let terms = Terms::new(
        TermRule {
            days: 1,
            ..super::working_rule()
        },
        calendar,
    );

    // Thursday 6 January: Friday 7 is off, Saturday 8 is a working day by order.
    let explanation = terms.internal(d(2028, 1, 6), d(2028, 1, 6));

    assert_eq!(explanation.term, d(2028, 1, 8));
    assert!(explanation.warnings.is_empty());
}

#[test]
fn moved_holiday_name_follows_the_file_template() {
    let text = format!(
        "moved_holiday_name = \"{{name}}, moved from {{date}}\"\n{}",
        file(CUSTOM_2028).trim_start()
    );
    let calendar = Calendar::parse(&text, "custom").expect("a valid file");

    let monday = calendar.day(d(2028, 1, 3));

    assert!(
        matches!(monday, DayKind::DayOff { name, .. } if name == "New Year, moved from 01.01.2028")
    );
}

#[test]
fn weekend_is_configurable() {
    let text = "weekend = [\"sunday\"]\nmoved_holiday_source = \"art. 5\"\n";
    let calendar = Calendar::parse(text, "six-day week").expect("a valid file");

    assert_eq!(calendar.day(d(2026, 4, 18)), DayKind::Working);
    assert_eq!(calendar.day(d(2026, 4, 19)), DayKind::Weekend);
}

#[test]
fn two_days_off_on_one_date_keep_both_names() {
    let body = r#"
[[holiday]]
date = "05-09"
name = "Victory Day"
source = "law"

[year.2030]
status = "provisional"
source = "guess"

[[year.2030.day_off]]
date = "2030-05-09"
name = "Kurban ait"
source = "code"
"#;
    let calendar = Calendar::parse(&file(body), "custom").expect("a valid file");

    let DayKind::DayOff { name, source } = calendar.day(d(2030, 5, 9)) else {
        panic!("9 May 2030 is off");
    };
    assert_eq!(name, "Victory Day; Kurban ait");
    assert_eq!(source, "law; code");
}

#[test]
fn holiday_on_29_february_is_skipped_in_common_years() {
    let body = "[[holiday]]\ndate = \"02-29\"\nname = \"Leap\"\nsource = \"s\"\n\
                [year.2027]\nstatus = \"official\"\nsource = \"s\"\n\
                [year.2028]\nstatus = \"official\"\nsource = \"s\"\n";
    let calendar = Calendar::parse(&file(body), "custom").expect("a valid file");

    assert!(!calendar.is_working(d(2028, 2, 29)));
    assert!(calendar.is_working(d(2027, 3, 1)));
}

#[test]
fn unknown_key_is_refused_naming_its_line_and_entry() {
    let body = "[[holiday]]\ndate = \"01-01\"\nname = \"a\"\nsource = \"s\"\n\
                [[holiday]]\ndate = \"01-02\"\nnmae = \"a\"\nsource = \"s\"\n";

    let error = parse_error(&file(body));

    assert!(
        error.starts_with("calendar /etc/x.toml: line 10, in [[holiday]] 2:"),
        "{error}"
    );
    assert!(error.contains("unknown field `nmae`"), "{error}");
}

#[test]
fn unknown_key_in_a_year_is_refused_naming_the_year() {
    let body = "[year.2026]\nstatus = \"official\"\nsource = \"s\"\nkurban = \"2026-05-27\"\n";

    let error = parse_error(&file(body));

    assert!(
        error.contains("in [year.2026]: unknown field `kurban`"),
        "{error}"
    );
}

#[test]
fn thirty_first_of_february_is_refused_naming_the_entry() {
    let body = r#"
[year.2026]
status = "official"
source = "s"

[[year.2026.day_off]]
date = "2026-01-05"
name = "a"
source = "s"

[[year.2026.day_off]]
date = "2026-01-06"
name = "b"
source = "s"

[[year.2026.day_off]]
date = "2026-02-31"
name = "c"
source = "s"
"#;

    let error = parse_error(&file(body));

    assert_eq!(
        error,
        "calendar /etc/x.toml: year 2026, day_off 3: no such date 2026-02-31 (expected YYYY-MM-DD)"
    );
}

#[test]
fn malformed_date_is_refused_naming_the_entry() {
    let body = "[year.2026]\nstatus = \"official\"\nsource = \"s\"\n\
                [[year.2026.working_day]]\ndate = \"2026-13-01\"\nname = \"a\"\nsource = \"s\"\n";

    let error = parse_error(&file(body));

    assert!(
        error.contains("year 2026, working_day 1: no such date 2026-13-01"),
        "{error}"
    );
}

#[test]
fn bare_date_that_does_not_exist_is_refused_with_its_line() {
    let body = "[year.2026]\nstatus = \"official\"\nsource = \"s\"\n\
                [[year.2026.day_off]]\ndate = 2026-02-31\nname = \"a\"\nsource = \"s\"\n";

    let error = parse_error(&file(body));

    assert!(
        error.contains("line 8, in [[year.2026.day_off]] 1:"),
        "{error}"
    );
}

#[test]
fn bad_month_day_of_a_holiday_is_refused() {
    let body = "[[holiday]]\ndate = \"02-30\"\nname = \"a\"\nsource = \"s\"\n";

    let error = parse_error(&file(body));

    assert!(
        error.ends_with("holiday 1: no such month-day 02-30 (expected \"MM-DD\")"),
        "{error}"
    );
}

#[test]
fn date_outside_its_year_is_refused() {
    let body = "[year.2026]\nstatus = \"official\"\nsource = \"s\"\n\
                [[year.2026.day_off]]\ndate = \"2025-05-02\"\nname = \"a\"\nsource = \"s\"\n";

    let error = parse_error(&file(body));

    assert!(
        error.ends_with("year 2026, day_off 1: 2025-05-02 is not in 2026"),
        "{error}"
    );
}

#[test]
fn working_day_must_be_a_weekend_day_and_not_a_day_off() {
    let year = "[year.2026]\nstatus = \"official\"\nsource = \"s\"\n";
    let weekday = format!(
        "{year}[[year.2026.working_day]]\ndate = \"2026-06-15\"\nname = \"a\"\nsource = \"s\"\n"
    );
    let holiday = format!(
        "[[holiday]]\ndate = \"03-21\"\nname = \"Nauryz\"\nsource = \"s\"\n{year}\
         [[year.2026.working_day]]\ndate = \"2026-03-21\"\nname = \"a\"\nsource = \"s\"\n"
    );

    let on_weekday = parse_error(&file(&weekday));
    let on_holiday = parse_error(&file(&holiday));

    assert!(
        on_weekday.ends_with("working_day 1: 2026-06-15 is not a weekend day"),
        "{on_weekday}"
    );
    assert!(
        on_holiday.ends_with("working_day 1: 2026-03-21 is a day off (Nauryz)"),
        "{on_holiday}"
    );
}

#[test]
fn unknown_status_is_refused() {
    let body = "[year.2026]\nstatus = \"final\"\nsource = \"s\"\n";

    let error = parse_error(&file(body));

    assert!(
        error.contains("in [year.2026]: unknown variant `final`"),
        "{error}"
    );
}

#[test]
fn year_that_is_not_a_number_is_refused() {
    let body = "[year.next]\nstatus = \"official\"\nsource = \"s\"\n";

    let error = parse_error(&file(body));

    assert!(
        error.ends_with("year \"next\": not a year number"),
        "{error}"
    );
}

#[test]
fn bad_weekends_are_refused() {
    let unknown = parse_error("weekend = [\"sat\", \"caturday\"]\nmoved_holiday_source = \"s\"\n");
    let all = "weekend = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\n\
               moved_holiday_source = \"s\"\n";
    let every_day = parse_error(all);

    assert!(
        unknown.contains("weekend: unknown day \"caturday\""),
        "{unknown}"
    );
    assert!(
        every_day.contains("at least one day of the week must be a working day"),
        "{every_day}"
    );
}

#[test]
fn toml_syntax_error_and_empty_file_are_refused() {
    let syntax = parse_error(&file("[year.2026\n"));
    let empty = parse_error("");

    assert!(syntax.contains("line 4"), "{syntax}");
    assert!(empty.contains("missing field `weekend`"), "{empty}");
}

proptest! {
    #[test]
    fn any_text_gives_a_calendar_or_an_error_never_a_panic(text in "\\PC{0,200}") {
        let _ = Calendar::parse(&text, "random");
    }

    #[test]
    fn mangled_embedded_calendar_never_panics(
        cut in 0usize..5000,
        junk in "[\\[\\]=\"a-z0-9 \\n-]{0,20}",
    ) {
        let text = crate::domain::terms::calendar::EMBEDDED_KZ;
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let _ = Calendar::parse(&format!("{}{junk}{}", &text[..at], &text[at..]), "mangled");
    }
}
