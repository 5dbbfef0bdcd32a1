//! Checks on free text: trimming, length, characters that could take over a terminal, and
//! the shapes of e-mail addresses, phone numbers and IIN/BIN.

use super::problem::Problem;

/// Checks one text field and gives it back trimmed at both ends, ready to store.
///
/// Control characters, the Unicode line and paragraph separators and the bidirectional
/// overrides are refused: shown on an operator's terminal they could move the cursor, rewrite
/// the screen or display text in a different order than it is stored. A `multiline` field may
/// hold line breaks and tabs; its Windows line ends (CR LF) become plain line breaks, because
/// text pasted from office documents carries them and a lone CR would overwrite the line.
pub fn check_text(text: &str, limit: usize, multiline: bool) -> Result<String, Problem> {
    let trimmed = text.trim();
    let text = if multiline {
        trimmed.replace("\r\n", "\n")
    } else {
        trimmed.to_owned()
    };

    let unsafe_char = text
        .chars()
        .enumerate()
        .find(|&(_, c)| !allowed_in_text(c, multiline));
    if let Some((index, found)) = unsafe_char {
        return Err(Problem::ControlCharacter {
            found,
            position: index + 1,
        });
    }

    let length = text.chars().count();
    if length > limit {
        return Err(Problem::TooLong {
            limit,
            actual: length,
        });
    }
    Ok(text)
}

/// Whether a text field may hold this character: nothing forbidden, except line breaks and
/// tabs in a `multiline` field. Drafts strip by the same rule, so the two never disagree.
pub fn allowed_in_text(c: char, multiline: bool) -> bool {
    !is_forbidden(c) || (multiline && matches!(c, '\n' | '\t'))
}

/// True for a character that must not reach a terminal from an applicant's text.
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Text quoted inside a message: forbidden characters escaped, long text cut, so that a
/// message about bad input can never itself be bad output.
pub(super) fn shown(text: &str) -> String {
    // A message names the offending text; 40 characters identify it without flooding a line.
    const SHOWN_CHARS: usize = 40;

    let mut out = String::new();
    for (index, c) in text.chars().enumerate() {
        if index == SHOWN_CHARS {
            out.push('…');
            break;
        }
        if is_forbidden(c) {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// An address that could be delivered to: one `@`, something before it, a domain with a dot
/// and no empty parts after it, no spaces. Stricter rules (RFC 5322) would refuse real
/// addresses people type; the mail server is the final judge.
pub fn looks_like_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|part| !part.is_empty())
        && !text.chars().any(char::is_whitespace)
}

/// Digits with the usual separators. Five digits is the shortest local extension a call
/// centre reports; twenty covers an international number with an extension.
pub fn looks_like_phone(text: &str) -> bool {
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')');
    let digits = text.chars().filter(char::is_ascii_digit).count();
    text.chars().all(allowed) && (5..=20).contains(&digits)
}

/// An individual or business identification number: exactly 12 digits.
///
/// The check digit is deliberately not verified: the registry records the number as the
/// applicant wrote it, and an appeal must be registered the day it arrives even when the
/// applicant mistyped their own number. Clearing that up is the executor's work with the
/// applicant, not a reason to refuse the registration.
pub fn looks_like_iin_bin(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}
