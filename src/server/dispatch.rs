//! One request to one service call, on behalf of the connection's user.

use crate::domain::queue::Order;
use crate::protocol::{Request, Response, ServerStatus};
use crate::service::Service;
use crate::service::api::ServiceError;

/// Carries out a request for `login`. `Shutdown` and `Status` are the server's own: `status`
/// describes the server answering (the screen's tests answer without a socket).
pub fn dispatch(
    service: &Service,
    status: &dyn Fn() -> ServerStatus,
    login: &str,
    request: Request,
) -> Result<Response, ServiceError> {
    Ok(match request {
        Request::Whoami => Response::User(service.caller(login)?),
        Request::Register(form) => Response::Outcome(Box::new(service.register(login, &form)?)),
        Request::Edit {
            number,
            revision,
            form,
        } => Response::Outcome(Box::new(service.edit(login, &number, revision, &form)?)),
        Request::Act(act) => Response::Outcome(Box::new(service.act(login, &act)?)),
        Request::Queue {
            queue,
            sort,
            descending,
            filter,
            offset,
            limit,
        } => {
            let (order, filter) = (Order { sort, descending }, filter.as_deref());
            Response::Page(service.queue_page(login, queue, order, filter, offset, limit)?)
        }
        Request::Position {
            queue,
            sort,
            descending,
            id,
        } => {
            let order = Order { sort, descending };
            Response::Position(service.position(login, queue, order, id)?)
        }
        Request::Counts => Response::Counts(service.counts(login)?),
        Request::Show { number } => Response::Card(Box::new(service.show(login, &number)?)),
        Request::Search {
            query,
            offset,
            limit,
        } => Response::Page(service.search(login, &query, offset, limit)?),
        Request::EarlierAppeals { applicant, iin_bin } => {
            Response::Earlier(service.earlier_appeals(login, &applicant, &iin_bin)?)
        }
        Request::Due => Response::Due(service.due(login)?),
        Request::Users => Response::Users(service.users(login)?),
        Request::AddUser(user) => {
            service.add_user(login, &user)?;
            Response::Done
        }
        Request::DisableUser { login: target } => {
            service.disable_user(login, &target)?;
            Response::Done
        }
        Request::Demo { count, seed } => {
            Response::Text(crate::demo::fill(service, login, count, seed)?)
        }
        Request::Check => {
            service.caller(login)?;
            Response::Check(service.check()?)
        }
        Request::Backup { path } => Response::Backup(backup(service, login, &path)?),
        Request::SaveDraft {
            slot,
            form,
            base_revision,
        } => {
            let saved = service.save_draft(login, slot, &form, base_revision)?;
            Response::Draft(Box::new(saved))
        }
        Request::Drafts => Response::Drafts(service.drafts(login)?),
        Request::DropDraft { slot } => Response::DraftDropped {
            existed: service.drop_draft(login, &slot)?,
        },
        Request::Status => {
            service.caller(login)?;
            Response::Status(status())
        }
        Request::Shutdown => {
            return Err(ServiceError::Forbidden {
                what: "only the server's own system user may stop it".into(),
            });
        }
    })
}

/// A consistent snapshot written where the server's user can write: administrators only,
/// since it holds every applicant's personal data.
fn backup(
    service: &Service,
    login: &str,
    path: &str,
) -> Result<crate::store::BackupSummary, ServiceError> {
    let user = service.caller(login)?;
    if !user.has(crate::domain::user::Role::Admin) {
        let what = "a backup holds every applicant's personal data: admin role needed";
        return Err(ServiceError::Forbidden { what: what.into() });
    }
    let summary = service.store().backup(std::path::Path::new(path))?;
    tracing::info!(
        user = login,
        path,
        appeals = summary.appeals,
        "backup written"
    );
    Ok(summary)
}
