//! Whole lives of an appeal, from registration to closing, told event by event.

use super::*;

/// An appeal and the history its actions wrote.
struct Story<'w> {
    world: &'w World,
    appeal: Appeal,
    history: Vec<HistoryEvent>,
}

impl<'w> Story<'w> {
    fn register(world: &'w World, reg: Registration) -> Story<'w> {
        let (appeal, event) = world.register(reg);
        Story {
            world,
            appeal,
            history: vec![event],
        }
    }

    fn then(&mut self, login: &str, action: Action) -> &mut Self {
        let (appeal, event) = self.world.act(&self.appeal, login, action);
        self.appeal = appeal;
        self.history.push(event);
        self
    }

    fn refused(&mut self, login: &str, action: Action) -> Refusal {
        self.world.refuse(&self.appeal, login, action)
    }

    fn status(&self) -> Status {
        self.appeal.status
    }

    /// The history is contiguous and every event starts where the previous one ended.
    fn assert_history_is_whole(&self) {
        assert_eq!(self.appeal.history_len as usize, self.history.len());
        assert_eq!(self.appeal.revision, self.history.len() as u64);
        for (i, event) in self.history.iter().enumerate() {
            assert_eq!(event.seq as usize, i);
        }
        for pair in self.history.windows(2) {
            assert_eq!(pair[1].from_status, Some(pair[0].to_status));
        }
    }
}

fn comment(text: &str) -> Action {
    Action::Comment {
        text: text.to_string(),
    }
}

fn consolidation(text: &str) -> Action {
    Action::Consolidate(draft(text))
}

fn to_signature() -> Action {
    Action::ToSignature { draft: None }
}

#[test]
fn appeal_with_three_executors_goes_round_to_closing() {
    let world = World::new();
    let mut story = Story::register(&world, sample_registration());
    story
        .then(MANAGER, resolution(&[LEAD, CO_A, CO_B]))
        .then(CO_A, contribution("the transcript is archived"))
        .then(CO_B, contribution("no fee is due"))
        .then(LEAD, consolidation("a copy will be issued"))
        .then(CO_A, approval())
        .then(CO_B, comment("say that it is free"));
    assert_eq!(story.status(), Status::Approval);
    let waiting = story.refused(LEAD, to_signature());
    let outstanding = vec![CO_B.to_string()];
    assert_eq!(waiting, Refusal::ApprovalsOutstanding { from: outstanding });

    story
        .then(LEAD, consolidation("a free copy will be issued"))
        .then(CO_A, approval())
        .then(CO_B, approval())
        .then(LEAD, to_signature())
        .then(
            MANAGER,
            Action::SendBack {
                comment: "add the pickup address".to_string(),
            },
        );
    assert_eq!(story.status(), Status::InProgress);

    story
        .then(LEAD, consolidation("a free copy at office 101"))
        .then(CO_A, approval())
        .then(CO_B, approval())
        .then(LEAD, to_signature())
        .then(MANAGER, sign())
        .then(REGISTRAR, dispatch(world.today, ReplyMethod::Post))
        .then(COMPLIANCE, return_for(&["the reply cites no legal basis"]));
    assert_eq!(story.status(), Status::Returned);
    assert!(story.appeal.dispatched_on().is_none());

    story
        .then(
            LEAD,
            Action::Resume {
                note: String::new(),
            },
        )
        .then(
            LEAD,
            consolidation("a free copy at office 101, under rule 12"),
        )
        .then(CO_A, approval())
        .then(CO_B, approval())
        .then(LEAD, to_signature())
        .then(MANAGER, sign())
        .then(LEAD, dispatch(world.today, ReplyMethod::Post))
        .then(COMPLIANCE, accept());

    assert_eq!(story.status(), Status::Closed);
    assert_eq!(story.history.len(), 27);
    story.assert_history_is_whole();
    let reply = story.appeal.reply.as_ref().expect("a reply");
    assert_eq!(reply.text, "a free copy at office 101, under rule 12");
    assert_eq!(story.appeal.reworks[0].resumed_at, Some(world.now));
}

#[test]
fn lone_executor_agrees_the_method_and_sends_own_draft() {
    let world = World::new();
    let mut reg = sample_registration();
    reg.reply_method = ReplyMethod::ToBeAgreed;
    let mut story = Story::register(&world, reg);
    story
        .then(MANAGER, resolution(&[LEAD]))
        .then(
            LEAD,
            Action::RequestInfo {
                text: "which year did you graduate?".to_string(),
            },
        )
        .then(
            LEAD,
            Action::InfoReceived {
                answer: "2023".to_string(),
            },
        )
        .then(
            LEAD,
            Action::Extend {
                new_term: date(2026, 3, 31),
                reasons: "the archive is being moved".to_string(),
                applicant_told: world.today,
            },
        )
        .then(
            LEAD,
            Action::AgreeReplyMethod {
                method: ReplyMethod::Email,
                note: "agreed by phone".to_string(),
            },
        )
        .then(
            LEAD,
            Action::ToSignature {
                draft: Some(draft("a copy is attached")),
            },
        )
        .then(MANAGER, sign())
        .then(LEAD, dispatch(world.today, ReplyMethod::Email))
        .then(COMPLIANCE, accept());

    assert_eq!(story.status(), Status::Closed);
    assert_eq!(story.history.len(), 10);
    story.assert_history_is_whole();
    assert_eq!(story.appeal.term, date(2026, 3, 31));
    assert_eq!(story.appeal.reg.reply_method, ReplyMethod::Email);
}
