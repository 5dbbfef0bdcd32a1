//! Editing one line of text in place: the text lives in the form, the cursor here, counted in
//! characters so that Cyrillic (two bytes each) moves one step per letter.

use crossterm::event::KeyCode;

/// A cursor over a line of text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub at: usize,
}

impl Cursor {
    /// A cursor at the end of `text`, where typing into a field goes on.
    pub fn at_end(text: &str) -> Cursor {
        Cursor {
            at: text.chars().count(),
        }
    }

    pub fn insert(&mut self, text: &mut String, typed: &str) {
        let byte = byte_at(text, self.at);
        text.insert_str(byte, typed);
        self.at += typed.chars().count();
    }

    /// Applies an editing key; whether the text changed. Keys that do not edit a line are
    /// left for the caller (`None`).
    pub fn edit(&mut self, text: &mut String, code: KeyCode) -> Option<bool> {
        let length = text.chars().count();
        self.at = self.at.min(length);
        match code {
            KeyCode::Left => self.at = self.at.saturating_sub(1),
            KeyCode::Right => self.at = (self.at + 1).min(length),
            KeyCode::Home => self.at = 0,
            KeyCode::End => self.at = length,
            KeyCode::Backspace if self.at > 0 => {
                self.at -= 1;
                text.remove(byte_at(text, self.at));
                return Some(true);
            }
            KeyCode::Delete if self.at < length => {
                text.remove(byte_at(text, self.at));
                return Some(true);
            }
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return None,
        }
        Some(false)
    }
}

/// The byte offset of the character at `chars`, or the end.
fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(byte, _)| byte)
}

/// The part of `text` that fits `width` columns with the cursor in it, and the cursor's
/// column within that part. Text scrolls left only as far as the cursor needs.
pub fn window(text: &str, cursor: usize, width: usize) -> (String, usize) {
    let width = width.max(1);
    // One column stays free after the last character for the cursor to stand in.
    let start = (cursor + 1).saturating_sub(width);
    let shown: String = text.chars().skip(start).take(width).collect();
    (shown, cursor - start)
}

/// `text` cut to `width` columns, with an ellipsis where it was cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
