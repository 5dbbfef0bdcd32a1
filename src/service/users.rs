//! Users: the first user of a database becomes its administrator; administrators add,
//! list and disable users.

use super::Service;
use super::api::ServiceError;
use crate::domain::user::{Role, User};
use crate::domain::validate::check_text;

/// Longest login; system user names are far shorter.
const LOGIN_MAX: usize = 64;
/// Longest full name or position.
const NAME_MAX: usize = 300;

impl Service {
    /// Makes `login` the administrator with every role when the database has no users yet.
    /// Returns true when it did.
    pub fn bootstrap(&self, login: &str, full_name: &str) -> Result<bool, ServiceError> {
        if self.store.has_users()? {
            return Ok(false);
        }
        let admin = User {
            login: login.to_string(),
            full_name: full_name.to_string(),
            position: "administrator".to_string(),
            roles: Role::ALL.to_vec(),
            active: true,
        };
        self.store.add_user(&admin)?;
        tracing::info!(
            user = login,
            "database created; first user is the administrator"
        );
        Ok(true)
    }

    fn require_admin(&self, login: &str) -> Result<User, ServiceError> {
        let user = self.caller(login)?;
        match user.has(Role::Admin) {
            true => Ok(user),
            false => Err(ServiceError::Forbidden {
                what: "managing users needs the admin role".into(),
            }),
        }
    }

    /// Adds a user; administrators only.
    pub fn add_user(&self, login: &str, user: &User) -> Result<(), ServiceError> {
        self.require_admin(login)?;
        let clean = checked_user(user)?;
        self.store.add_user(&clean).map_err(|e| match e {
            crate::store::StoreError::UserExists(who) => ServiceError::BadRequest {
                what: format!("user {who} already exists"),
            },
            other => other.into(),
        })?;
        tracing::info!(user = login, added = %clean.login, roles = ?clean.roles, "user added");
        Ok(())
    }

    /// Every user; any active user may read the list (to name executors).
    pub fn users(&self, login: &str) -> Result<Vec<User>, ServiceError> {
        self.caller(login)?;
        Ok(self.store.users()?)
    }

    /// Disables a user, who keeps their history but can no longer act.
    pub fn disable_user(&self, login: &str, target: &str) -> Result<(), ServiceError> {
        self.require_admin(login)?;
        if login == target {
            return Err(ServiceError::BadRequest {
                what: "you cannot disable yourself".into(),
            });
        }
        let mut user = self
            .store
            .user(target)?
            .ok_or_else(|| ServiceError::BadRequest {
                what: format!("no user {target}"),
            })?;
        user.active = false;
        self.store.update_user(&user)?;
        tracing::info!(user = login, disabled = target, "user disabled");
        Ok(())
    }
}

/// Validates a new user's fields, naming the one at fault.
fn checked_user(user: &User) -> Result<User, ServiceError> {
    let bad = |what: String| ServiceError::BadRequest { what };
    let login = user.login.trim();
    let login_ok = !login.is_empty()
        && login.len() <= LOGIN_MAX
        && login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    if !login_ok {
        return Err(bad(format!(
            "login `{login}`: use 1 to {LOGIN_MAX} letters, digits, dots, dashes or underscores"
        )));
    }
    let full_name =
        check_text(&user.full_name, NAME_MAX, false).map_err(|p| bad(format!("full name: {p}")))?;
    if full_name.is_empty() {
        return Err(bad("full name: required".into()));
    }
    let position =
        check_text(&user.position, NAME_MAX, false).map_err(|p| bad(format!("position: {p}")))?;
    if user.roles.is_empty() {
        return Err(bad("roles: give at least one role".into()));
    }
    let mut roles = user.roles.clone();
    roles.sort();
    roles.dedup();
    Ok(User {
        login: login.to_string(),
        full_name,
        position,
        roles,
        active: true,
    })
}
