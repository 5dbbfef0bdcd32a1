//! The full-screen interface (in progress): so far the table of actions, key parsing with the
//! Russian layout, and keymaps. The screens come next (see the issue notes).

pub mod actions;
pub mod keymap;
pub mod keys;

#[cfg(test)]
mod tests;
