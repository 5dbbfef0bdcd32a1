//! Drafts of the registration form on behalf of their owner: saved while the operator types,
//! offered back when the screen starts again, dropped when no longer wanted. The owner is
//! always the calling user, so nobody sees or drops another's drafts.

use super::Service;
use super::api::ServiceError;
use crate::domain::draft::{DraftSlot, FormDraft, strip_unsafe};
use crate::domain::user::{Role, User};
use crate::domain::validate::AppealForm;

impl Service {
    /// Saves the form being typed as the user's draft of `slot`, replacing the one there, and
    /// gives back the draft as stored (with unsafe characters stripped). Registrars only, as
    /// only they fill the form. The slot of an edit must name an appeal the user can see.
    pub fn save_draft(
        &self,
        login: &str,
        slot: DraftSlot,
        form: &AppealForm,
        base_revision: Option<u64>,
    ) -> Result<FormDraft, ServiceError> {
        let user = self.caller(login)?;
        if !user.has(Role::Registrar) {
            return Err(ServiceError::Forbidden {
                what: "drafts of the registration form need the registrar role".into(),
            });
        }
        let slot = self.draft_slot(&user, slot, base_revision)?;
        let (form, stripped) = strip_unsafe(form);
        let draft = FormDraft {
            owner: user.login,
            slot,
            form,
            saved_at: self.now(),
            base_revision,
        };
        if let Err(e) = self.store.save_draft(&draft) {
            tracing::warn!(user = login, slot = %draft.slot, error = %e, "draft refused");
            return Err(e.into());
        }
        tracing::debug!(user = login, slot = %draft.slot, stripped, "draft saved");
        Ok(draft)
    }

    /// The slot as stored: an edit under the appeal's number as registered, so that the edit
    /// itself finds and removes it.
    fn draft_slot(
        &self,
        user: &User,
        slot: DraftSlot,
        base_revision: Option<u64>,
    ) -> Result<DraftSlot, ServiceError> {
        match slot {
            DraftSlot::New if base_revision.is_some() => Err(ServiceError::BadRequest {
                what: "a draft of a new appeal has no base revision".into(),
            }),
            DraftSlot::New => Ok(DraftSlot::New),
            DraftSlot::Edit { number } => {
                let appeal = self.visible_appeal(user, &number)?;
                Ok(DraftSlot::Edit {
                    number: appeal.number_text,
                })
            }
        }
    }

    /// The user's own drafts, newest first.
    pub fn drafts(&self, login: &str) -> Result<Vec<FormDraft>, ServiceError> {
        let user = self.caller(login)?;
        let mut drafts = self.store.drafts(&user.login)?;
        drafts.sort_by_key(|d| std::cmp::Reverse(d.saved_at));
        Ok(drafts)
    }

    /// Drops the user's draft of `slot`; true when there was one. Dropping nothing is no
    /// error: the screen may drop a draft that its registration already took away.
    pub fn drop_draft(&self, login: &str, slot: &DraftSlot) -> Result<bool, ServiceError> {
        let user = self.caller(login)?;
        let existed = self.store.drop_draft(&user.login, slot)?;
        if existed {
            tracing::info!(user = login, slot = %slot, "draft dropped");
        }
        Ok(existed)
    }
}
