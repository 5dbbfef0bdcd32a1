//! Links chosen by hand on the registration form: each registration number resolved to an
//! appeal the user may see, and merged into the appeal's links with those of the same
//! applicant that registration finds by itself.

use super::Service;
use super::api::ServiceError;
use crate::domain::fact::{self, Fact};
use crate::domain::model::{Appeal, AppealId, HistoryEvent};
use crate::domain::user::User;
use crate::domain::workflow::{LINKS_MAX, merge_links};

/// An appeal the registrar linked by hand.
#[derive(Debug, Clone)]
pub(super) struct Chosen {
    pub id: AppealId,
    pub number: String,
}

impl Service {
    /// The appeals behind the numbers, each once. A number that names no appeal, or one the
    /// user may not see, is refused as absent (numbers reveal nothing); so is the appeal
    /// itself (`own`) and a list longer than an appeal keeps.
    pub(super) fn chosen_links(
        &self,
        user: &User,
        numbers: &[String],
        own: Option<AppealId>,
    ) -> Result<Vec<Chosen>, ServiceError> {
        let mut chosen: Vec<Chosen> = Vec::new();
        for number in numbers {
            let appeal = self.visible_appeal(user, number)?;
            if Some(appeal.id) == own {
                let what = format!("appeal {number} cannot be linked to itself");
                return Err(ServiceError::BadRequest { what });
            }
            if !chosen.iter().any(|c| c.id == appeal.id) {
                chosen.push(Chosen {
                    id: appeal.id,
                    number: appeal.number_text,
                });
            }
        }
        if chosen.len() > LINKS_MAX {
            let what = format!("at most {LINKS_MAX} linked appeals, not {}", chosen.len());
            return Err(ServiceError::BadRequest { what });
        }
        Ok(chosen)
    }
}

/// Adds the chosen links the appeal does not have yet, and says so in the event's facts so
/// that the history shows who linked what.
pub(super) fn add_links(appeal: &mut Appeal, event: &mut HistoryEvent, chosen: &[Chosen]) {
    let new: Vec<&Chosen> = chosen
        .iter()
        .filter(|c| !appeal.links.contains(&c.id))
        .collect();
    if new.is_empty() {
        return;
    }
    let ids: Vec<AppealId> = chosen.iter().map(|c| c.id).collect();
    appeal.links = merge_links(&ids, &appeal.links);
    let numbers = new.iter().map(|c| c.number.clone()).collect();
    event.facts.push(Fact::Linked { numbers });
    event.detail = fact::english(&event.facts);
}
