//! Saving: the whole form checked first (nothing is sent while anything is wrong), then one
//! request, a registration or an edit of the revision the form was opened on; problems the
//! server finds are shown the way the form's own are.

use super::{FormEffect, FormView, Notice};
use crate::client::ClientError;
use crate::domain::validate::validate;
use crate::protocol::{Request, Response};
use crate::service::api::ServiceError;
use crate::tui::source::Source;
use crate::tui::table::unexpected;
use crate::tui::ui::Ui;

impl FormView {
    pub(super) fn save(&mut self, source: &mut dyn Source, ui: &Ui) -> FormEffect {
        self.tidy_focus();
        if let Err(problems) = validate(&self.data, self.today) {
            self.show_problems(problems, ui);
            return FormEffect::None;
        }
        if self.editing.is_some() && !self.changed() {
            return FormEffect::Close;
        }
        match source.call(self.request()) {
            Ok(Response::Outcome(outcome)) => {
                self.draft.finished();
                FormEffect::Saved {
                    number: outcome.number,
                    registered: self.editing.is_none().then_some(outcome.id),
                }
            }
            Ok(other) => FormEffect::Failed(unexpected(&other)),
            Err(e) => self.refused(e, ui),
        }
    }

    fn request(&self) -> Request {
        let form = Box::new(self.data.clone());
        match &self.editing {
            Some(editing) => Request::Edit {
                number: editing.number.clone(),
                revision: Some(editing.revision),
                form,
            },
            None => Request::Register(form),
        }
    }

    /// The server's refusal: its problems beside their fields, a link it could not find on
    /// the form's own line, anything else for the screen to show.
    fn refused(&mut self, error: ClientError, ui: &Ui) -> FormEffect {
        match error {
            ClientError::Service(ServiceError::Invalid { problems }) => {
                self.show_problems(problems, ui);
                FormEffect::None
            }
            ClientError::Service(ServiceError::NotFound { number })
                if self.data.links.contains(&number) =>
            {
                let text = ui.text_with("form-link-missing", &[("number", number.as_str().into())]);
                self.notice = Some(Notice::Error(text));
                FormEffect::None
            }
            other => FormEffect::Failed(other),
        }
    }

    /// The field being typed in is tidied as if it were left (a date written out).
    fn tidy_focus(&mut self) {
        self.tidy_date(self.focus);
    }
}
