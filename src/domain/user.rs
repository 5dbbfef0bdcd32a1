//! Users of the registry and their roles.

use serde::{Deserialize, Serialize};

/// A user's login: the system user name they log in with.
pub type Login = String;

/// What a user may do (DESIGN.md section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Registers appeals and records dispatch.
    Registrar,
    /// Issues resolutions, signs replies, extends terms, dismisses.
    Manager,
    /// Can be named in a resolution as lead or co-executor.
    Executor,
    /// Controls terms and quality: accepts or returns for rework.
    Compliance,
    /// Manages users only.
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Registrar,
        Role::Manager,
        Role::Executor,
        Role::Compliance,
        Role::Admin,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Registrar => "registrar",
            Role::Manager => "manager",
            Role::Executor => "executor",
            Role::Compliance => "compliance",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == text.trim())
    }
}

/// A registered user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub login: Login,
    pub full_name: String,
    pub position: String,
    pub roles: Vec<Role>,
    pub active: bool,
}

impl User {
    pub fn has(&self, role: Role) -> bool {
        self.active && self.roles.contains(&role)
    }

    /// Registrars, managers and compliance see every appeal; an executor only their own.
    pub fn sees_all(&self) -> bool {
        self.has(Role::Registrar) || self.has(Role::Manager) || self.has(Role::Compliance)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
