//! `appeals user add|list|disable`.

use clap::Subcommand;

use super::{Failure, Session};
use crate::domain::user::{Role, User};

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user (administrators only).
    Add {
        /// The system user name they log in with.
        login: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        position: String,
        /// registrar, manager, executor, compliance, admin; repeat or separate by commas.
        #[arg(long = "role", required = true, value_delimiter = ',')]
        roles: Vec<String>,
    },
    /// List users.
    List,
    /// Disable a user (administrators only).
    Disable { login: String },
}

pub fn run(session: &Session, command: UserCommand) -> Result<(), Failure> {
    match command {
        UserCommand::Add {
            login,
            name,
            position,
            roles,
        } => {
            let roles = roles
                .iter()
                .map(|r| {
                    Role::parse(r).ok_or_else(|| {
                        let known: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
                        Failure::Refused(format!(
                            "--role `{r}`: expected one of {}",
                            known.join(", ")
                        ))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let user = User {
                login,
                full_name: name,
                position,
                roles,
                active: true,
            };
            session.add_user(&user)?;
            println!("added {}", user.login);
        }
        UserCommand::List => {
            for u in session.users()? {
                let roles: Vec<&str> = u.roles.iter().map(|r| r.name()).collect();
                let state = if u.active { "active" } else { "disabled" };
                println!(
                    "{:<16} {:<8} {:<40} {}",
                    u.login,
                    state,
                    u.full_name,
                    roles.join(",")
                );
            }
        }
        UserCommand::Disable { login } => {
            session.disable_user(&login)?;
            println!("disabled {login}");
        }
    }
    Ok(())
}
