//! What every text an action carries must be like.

use super::*;
use crate::domain::workflow::payload::{MAX_LINE, MAX_TEXT};

fn contributed_text(world: &World, text: &str) -> Result<String, Refusal> {
    let ctx = world.ctx(CO_A);
    let action = contribution(text);
    let (appeal, _) = crate::domain::workflow::apply(&world.in_progress(), &action, &ctx)?;
    let latest = appeal
        .contribution_of(&CO_A.to_string())
        .expect("just contributed");
    Ok(latest.text.clone())
}

#[test]
fn control_characters_are_refused_naming_the_field() {
    let world = World::new();
    for text in [
        "clear \u{1b}[2J the screen",
        "bell \u{7}",
        "carriage\rreturn",
        "\u{9b}31m",
    ] {
        let refused = contributed_text(&world, text);
        assert!(
            matches!(
                refused,
                Err(Refusal::Invalid { ref field, .. }) if field == "contribution"
            ),
            "{text:?}: {refused:?}"
        );
    }
}

#[test]
fn multi_line_texts_keep_newlines_and_tabs() {
    let world = World::new();
    let text = contributed_text(&world, "first line\n\tindented second");
    assert_eq!(text, Ok("first line\n\tindented second".to_string()));
}

#[test]
fn texts_are_kept_trimmed_with_plain_line_ends() {
    let world = World::new();
    let text = contributed_text(&world, "  \r\n one\r\ntwo \n\t");
    assert_eq!(text, Ok("one\ntwo".to_string()));
}

#[test]
fn blank_text_counts_as_missing() {
    let world = World::new();
    let refused = contributed_text(&world, " \t\r\n ");
    assert_eq!(
        refused,
        Err(Refusal::Missing {
            field: "contribution".into()
        })
    );
}

#[test]
fn free_text_is_limited_in_length() {
    let world = World::new();
    let longest = "я".repeat(MAX_TEXT);
    assert_eq!(contributed_text(&world, &longest), Ok(longest.clone()));

    let too_long = format!("{longest}я");
    let refused = contributed_text(&world, &too_long);
    assert!(matches!(
        refused,
        Err(Refusal::Invalid { ref field, .. }) if field == "contribution"
    ));
}

#[test]
fn one_line_fields_refuse_line_breaks_and_length() {
    let world = World::new();
    let appeal = world.signed();
    for number in ["01-12\n345".to_string(), "7".repeat(MAX_LINE + 1)] {
        let action = Action::Dispatch {
            date: world.today,
            outgoing_number: number,
            channel: ReplyMethod::Post,
        };
        let refused = world.refuse(&appeal, LEAD, action);
        assert!(matches!(
            refused,
            Refusal::Invalid { ref field, .. } if field == "outgoing number"
        ));
    }
}
