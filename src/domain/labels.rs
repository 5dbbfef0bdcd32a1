//! Codes and labels of the enumerations: the code is what the command line and JSON use,
//! the labels are what people read, in English and Russian (from the regulation).

use super::model::{ActionKind, Affiliation, Channel, Form, Method, ReplyMethod, Status};

/// An enumeration shown to people and typed on the command line.
pub trait Labelled: Sized + Copy + 'static {
    /// Every value, in display order.
    const VALUES: &'static [Self];
    /// Stable code for the command line and JSON, e.g. `legal-entity`.
    fn code(self) -> &'static str;
    fn label_en(self) -> &'static str;
    fn label_ru(self) -> &'static str;

    /// Accepts the code, either label, in any case, with surrounding spaces.
    fn parse(text: &str) -> Option<Self> {
        let wanted = text.trim().to_lowercase();
        Self::VALUES.iter().copied().find(|v| {
            v.code() == wanted
                || v.label_en().to_lowercase() == wanted
                || v.label_ru().to_lowercase() == wanted
        })
    }

    /// The codes joined for a message: `individual, legal-entity, state-body`.
    fn codes() -> String {
        Self::VALUES
            .iter()
            .map(|v| v.code())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

macro_rules! labelled {
    ($ty:ty { $($variant:ident => $code:literal, $en:literal, $ru:literal;)+ }) => {
        impl Labelled for $ty {
            const VALUES: &'static [Self] = &[$(<$ty>::$variant),+];
            fn code(self) -> &'static str {
                match self { $(<$ty>::$variant => $code),+ }
            }
            fn label_en(self) -> &'static str {
                match self { $(<$ty>::$variant => $en),+ }
            }
            fn label_ru(self) -> &'static str {
                match self { $(<$ty>::$variant => $ru),+ }
            }
        }
    };
}

labelled!(Affiliation {
    Individual => "individual", "individual", "физическое лицо";
    LegalEntity => "legal-entity", "legal entity", "юридическое лицо";
    StateBody => "state-body", "state body", "государственный орган";
});

labelled!(Method {
    Written => "written", "written", "письменное";
    Oral => "oral", "oral", "устное";
    Electronic => "electronic", "electronic", "электронное";
});

labelled!(Channel {
    Post => "post", "post", "почта";
    InPerson => "in-person", "in person", "лично";
    Phone => "phone", "phone / call centre", "телефон / колл-центр";
    Email => "email", "e-mail", "электронная почта";
    WebsiteForm => "website", "website form", "форма на веб-сайте";
    SocialNetwork => "social", "social network", "социальная сеть";
    Edms => "edms", "EDMS", "СЭД";
    EGovPortal => "portal", "e-appeals portal", "портал электронных обращений";
    Other => "other", "other", "другое";
});

labelled!(Form {
    Request => "request", "request", "запрос";
    Proposal => "proposal", "proposal", "предложение";
    Feedback => "feedback", "feedback", "отклик";
    Message => "message", "message", "сообщение";
    Complaint => "complaint", "complaint", "жалоба";
    Application => "application", "application", "заявление";
});

labelled!(ReplyMethod {
    ToBeAgreed => "to-be-agreed", "to be agreed", "подлежит согласованию";
    Post => "post", "post", "почтой";
    Email => "email", "e-mail", "электронной почтой";
    InPerson => "in-person", "in person", "лично";
    Edms => "edms", "EDMS", "через СЭД";
    EGovPortal => "portal", "e-appeals portal", "через портал электронных обращений";
});

labelled!(Status {
    Registered => "registered", "registered", "зарегистрировано";
    InProgress => "in-progress", "in progress", "на исполнении";
    AwaitingInfo => "awaiting-info", "information requested", "запрошена информация";
    Approval => "approval", "on approval", "на согласовании";
    Signing => "signing", "on signature", "на подписи";
    Sent => "sent", "reply sent", "ответ направлен";
    Returned => "returned", "returned for rework", "возвращено на доработку";
    Closed => "closed", "closed", "закрыто";
});

impl ActionKind {
    /// The command-line name of an action, as `act` takes it and `show` lists it.
    pub fn code(self) -> &'static str {
        match self {
            ActionKind::Register => "register",
            ActionKind::Edit => "edit",
            ActionKind::Resolve => "resolve",
            ActionKind::Reassign => "reassign",
            ActionKind::Dismiss => "dismiss",
            ActionKind::Redirect => "redirect",
            ActionKind::RequestInfo => "request-info",
            ActionKind::InfoReceived => "info-received",
            ActionKind::Extend => "extend",
            ActionKind::AgreeReplyMethod => "agree-reply-method",
            ActionKind::Contribute => "contribute",
            ActionKind::Consolidate => "consolidate",
            ActionKind::Approve => "approve",
            ActionKind::Comment => "comment",
            ActionKind::ToSignature => "to-signature",
            ActionKind::Sign => "sign",
            ActionKind::SendBack => "send-back",
            ActionKind::Dispatch => "dispatch",
            ActionKind::Accept => "accept",
            ActionKind::Return => "return",
            ActionKind::Resume => "resume",
        }
    }
}

impl std::fmt::Display for ActionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label_en())
    }
}
