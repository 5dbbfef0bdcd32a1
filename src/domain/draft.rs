//! Drafts of the registration form: the form as it is being typed, kept on the server so that
//! a dropped SSH connection or a closed terminal does not lose it. A draft is working state,
//! not a registry record: it may be invalid (it is unfinished), but it is bounded in size and
//! carries no character that could take over a terminal.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::user::Login;
use super::validate::{AppealForm, Field, allowed_in_text};

/// The largest draft stored, encoded. A form filled to every field's limit is under 48 KiB
/// even in four-byte characters (Cyrillic takes two: about 24 KiB), so 64 KiB never refuses a
/// form that could be registered, and refuses text far beyond what any field may hold.
pub const DRAFT_LIMIT: usize = 64 * 1024;

/// The most drafts one user keeps: one new appeal and the edits in progress. An operator edits
/// a few registrations at a time; 32 drafts at the size limit (2 MiB) still fit in one reply
/// frame of the protocol.
pub const DRAFTS_PER_OWNER: usize = 32;

/// Which form a draft belongs to: a new appeal, or the edit of a registered one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DraftSlot {
    New,
    /// Editing the appeal with this registration number, while it awaits its resolution.
    Edit {
        number: String,
    },
}

impl DraftSlot {
    /// `new` or the registration number, as the command line names a slot.
    pub fn parse(text: &str) -> DraftSlot {
        match text.trim() {
            "new" => DraftSlot::New,
            number => DraftSlot::Edit {
                number: number.to_string(),
            },
        }
    }
}

impl std::fmt::Display for DraftSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DraftSlot::New => f.write_str("new"),
            DraftSlot::Edit { number } => f.write_str(number),
        }
    }
}

/// One saved draft of the registration form. One per owner and slot: saving replaces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraft {
    pub owner: Login,
    pub slot: DraftSlot,
    /// The form as typed, with unsafe characters stripped (see [`strip_unsafe`]).
    pub form: AppealForm,
    pub saved_at: DateTime<Utc>,
    /// For an edit, the revision of the appeal the edit started from, so that submitting it
    /// later is refused if someone else changed the appeal meanwhile.
    pub base_revision: Option<u64>,
}

impl FormDraft {
    /// Bytes of typed text in the form: a cheap lower bound of the encoded size, to refuse a
    /// huge draft before spending time encoding it.
    pub fn text_bytes(&self) -> usize {
        Field::ALL.iter().map(|&f| self.form.get(f).len()).sum()
    }
}

/// The form with every character the text check refuses removed, and how many were removed.
///
/// Stripped rather than refused: a draft is saved every second or so while the operator
/// types, so a refusal would lose everything typed since, over a pasted tab or line break in
/// a one-line field that the operator would fix anyway before registering. Nothing else is
/// changed: no trimming and no length check, since the text is unfinished (a trailing space
/// is where the next word goes). Windows line ends in multi-line fields become plain line
/// breaks, as the text check does.
pub fn strip_unsafe(form: &AppealForm) -> (AppealForm, usize) {
    let mut clean = form.clone();
    let mut stripped = 0;
    for field in Field::ALL {
        let text = clean.get_mut(field);
        if field.multiline() && text.contains("\r\n") {
            *text = text.replace("\r\n", "\n");
        }
        let before = text.chars().count();
        text.retain(|c| allowed_in_text(c, field.multiline()));
        stripped += before - text.chars().count();
    }
    for number in &mut clean.links {
        let before = number.chars().count();
        number.retain(|c| allowed_in_text(c, false));
        stripped += before - number.chars().count();
    }
    (clean, stripped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_stripped_and_typed_text_kept_as_is() {
        let form = AppealForm {
            applicant: "Иванов \u{1b}[2JИван ".into(),
            summary: "строка 1\r\nстрока 2\tи\u{202E}всё".into(),
            phone: "+7\t701".into(),
            ..AppealForm::default()
        };
        let (clean, stripped) = strip_unsafe(&form);
        assert_eq!(clean.applicant, "Иванов [2JИван ");
        assert_eq!(clean.summary, "строка 1\nстрока 2\tивсё");
        assert_eq!(clean.phone, "+7701");
        assert_eq!(stripped, 3);
    }

    #[test]
    fn a_slot_is_named_new_or_by_its_number() {
        assert_eq!(DraftSlot::parse("new"), DraftSlot::New);
        let edit = DraftSlot::parse(" 2026-00017 ");
        assert_eq!(edit.to_string(), "2026-00017");
    }
}
