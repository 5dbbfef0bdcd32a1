//! One demonstration appeal's life: registered, then driven through the real workflow by
//! the demo staff up to a chosen stage, never past the present moment.

use chrono::{DateTime, Duration, Utc};
use rand::RngExt;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::data;
use crate::domain::action::{Action, Draft, Refusal};
use crate::domain::model::{Appeal, Decision, HistoryEvent, ReplyMethod};
use crate::domain::terms::Terms;
use crate::domain::user::User;
use crate::domain::workflow::{self, Context};

/// How far an appeal's life goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    Registered,
    InProgress,
    AwaitingInfo,
    Approval,
    Signing,
    Signed,
    Sent,
    Returned,
    Closed,
    Dismissed,
}

/// Goals with their weights for appeals of the last month: most are still in work.
const RECENT: &[(Goal, u32)] = &[
    (Goal::Registered, 8),
    (Goal::InProgress, 22),
    (Goal::AwaitingInfo, 5),
    (Goal::Approval, 7),
    (Goal::Signing, 5),
    (Goal::Signed, 3),
    (Goal::Sent, 10),
    (Goal::Returned, 5),
    (Goal::Closed, 32),
    (Goal::Dismissed, 3),
];

/// Older appeals are mostly closed; the few still open are the overdue ones.
const OLD: &[(Goal, u32)] = &[
    (Goal::Registered, 1),
    (Goal::InProgress, 4),
    (Goal::AwaitingInfo, 1),
    (Goal::Approval, 1),
    (Goal::Signing, 1),
    (Goal::Sent, 5),
    (Goal::Returned, 2),
    (Goal::Closed, 81),
    (Goal::Dismissed, 4),
];

/// Days after which an appeal counts as old for the choice of its goal.
const OLD_AFTER_DAYS: i64 = 30;

pub fn pick_goal(rng: &mut ChaCha8Rng, age_days: i64) -> Goal {
    let goals = if age_days > OLD_AFTER_DAYS {
        OLD
    } else {
        RECENT
    };
    let mut roll = rng.random_range(0..goals.iter().map(|(_, w)| w).sum::<u32>());
    for (goal, weight) in goals {
        if roll < *weight {
            return *goal;
        }
        roll -= weight;
    }
    Goal::Closed
}

/// The people who act in the demo.
pub struct Cast<'a> {
    pub registrars: Vec<&'a User>,
    pub managers: Vec<&'a User>,
    pub executors: Vec<&'a User>,
    pub compliance: Vec<&'a User>,
    pub lookup: &'a dyn Fn(&str) -> Option<User>,
}

/// An appeal being lived through, with its clock.
pub struct Story<'a> {
    pub appeal: Appeal,
    pub events: Vec<HistoryEvent>,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    terms: &'a Terms,
    cast: &'a Cast<'a>,
}

impl<'a> Story<'a> {
    pub fn new(
        first: (Appeal, HistoryEvent),
        now: DateTime<Utc>,
        terms: &'a Terms,
        cast: &'a Cast<'a>,
    ) -> Story<'a> {
        let at = first.0.registered_at;
        Story {
            appeal: first.0,
            events: vec![first.1],
            at,
            now,
            terms,
            cast,
        }
    }

    /// Applies one action some hours after the last; false when that would be in the future.
    fn act(&mut self, rng: &mut ChaCha8Rng, actor: &User, action: Action) -> Result<bool, Refusal> {
        let at = self.at + Duration::minutes(rng.random_range(120..3000));
        if at > self.now {
            return Ok(false);
        }
        let ctx = Context {
            actor,
            now: at,
            today: at.date_naive(),
            terms: self.terms,
            users: self.cast.lookup,
        };
        let (appeal, event) = workflow::apply(&self.appeal, &action, &ctx)?;
        self.appeal = appeal;
        self.events.push(event);
        self.at = at;
        Ok(true)
    }

    /// Lives the appeal up to its goal, or until the present stops it.
    pub fn live(&mut self, rng: &mut ChaCha8Rng, goal: Goal) -> Result<(), Refusal> {
        let manager = pick(rng, &self.cast.managers);
        if goal == Goal::Registered {
            return Ok(());
        }
        if goal == Goal::Dismissed {
            let basis = "Повторное обращение без новых доводов (ст. 89 АППК РК)".to_string();
            self.act(rng, manager, Action::Dismiss { basis })?;
            return Ok(());
        }
        let team = self.team(rng, goal);
        let lead = team[0];
        let resolve = Action::Resolve {
            executors: team.iter().map(|u| u.login.clone()).collect(),
            instruction: pick(rng, data::INSTRUCTIONS).to_string(),
            term: None,
        };
        if !self.act(rng, manager, resolve)? || !self.agree_method(rng, lead)? {
            return Ok(());
        }
        match goal {
            Goal::InProgress => self.maybe_extend(rng, lead),
            Goal::AwaitingInfo => {
                let text = "Просим представить копии документов".to_string();
                self.act(rng, lead, Action::RequestInfo { text })
                    .map(|_| ())
            }
            Goal::Approval => self.consolidate(rng, &team).map(|_| ()),
            _ => self.reply_path(rng, &team, manager, goal),
        }
    }

    /// Lead first; a third of the appeals get one or two co-executors, all with approval.
    fn team(&self, rng: &mut ChaCha8Rng, goal: Goal) -> Vec<&'a User> {
        let size = if goal == Goal::Approval || rng.random_range(0..3) == 0 {
            rng.random_range(2..=3)
        } else {
            1
        };
        let mut team: Vec<&User> = Vec::new();
        while team.len() < size.min(self.cast.executors.len()) {
            let next = pick(rng, &self.cast.executors);
            if !team.iter().any(|u| u.login == next.login) {
                team.push(next);
            }
        }
        team
    }

    fn agree_method(&mut self, rng: &mut ChaCha8Rng, lead: &User) -> Result<bool, Refusal> {
        if self.appeal.reg.reply_method != ReplyMethod::ToBeAgreed || rng.random_range(0..4) == 0 {
            return Ok(true);
        }
        let note = "Согласовано с заявителем по телефону".to_string();
        self.act(
            rng,
            lead,
            Action::AgreeReplyMethod {
                method: ReplyMethod::Post,
                note,
            },
        )
    }

    fn maybe_extend(&mut self, rng: &mut ChaCha8Rng, lead: &User) -> Result<(), Refusal> {
        if rng.random_range(0..8) != 0 {
            return Ok(());
        }
        let new_term = self.appeal.term + Duration::days(10);
        let told = (self.at + Duration::hours(3)).date_naive();
        let reasons = "Требуется запрос сведений в сторонней организации".to_string();
        let action = Action::Extend {
            new_term,
            reasons,
            applicant_told: told,
        };
        self.act(rng, lead, action).map(|_| ())
    }

    fn consolidate(&mut self, rng: &mut ChaCha8Rng, team: &[&User]) -> Result<bool, Refusal> {
        for co in &team[1..] {
            let text = format!("Сведения по компетенции: {}", co.position);
            if !self.act(rng, co, Action::Contribute { text })? {
                return Ok(false);
            }
        }
        let draft = draft(rng);
        self.act(rng, team[0], Action::Consolidate(draft))
    }

    fn reply_path(
        &mut self,
        rng: &mut ChaCha8Rng,
        team: &[&User],
        manager: &User,
        goal: Goal,
    ) -> Result<(), Refusal> {
        if self.appeal.reg.reply_method == ReplyMethod::ToBeAgreed {
            // The method was never agreed: the reply cannot go out, so work stops here.
            return Ok(());
        }
        if !self.send_to_signature(rng, team)? || goal == Goal::Signing {
            return Ok(());
        }
        if !self.act(
            rng,
            manager,
            Action::Sign {
                note: String::new(),
            },
        )? || goal == Goal::Signed
        {
            return Ok(());
        }
        let dispatch = Action::Dispatch {
            date: self.at.date_naive(),
            outgoing_number: format!("исх-{}", self.appeal.id),
            channel: self.appeal.reg.reply_method,
        };
        if !self.act(rng, team[0], dispatch)? || goal == Goal::Sent {
            return Ok(());
        }
        let auditor = pick(rng, &self.cast.compliance);
        let last = match goal {
            Goal::Returned => {
                let deficiencies = vec![pick(rng, data::DEFICIENCIES).to_string()];
                Action::Return { deficiencies }
            }
            _ => Action::Accept {
                note: String::new(),
            },
        };
        self.act(rng, auditor, last).map(|_| ())
    }

    fn send_to_signature(&mut self, rng: &mut ChaCha8Rng, team: &[&User]) -> Result<bool, Refusal> {
        if team.len() == 1 {
            let draft = Some(draft(rng));
            let action = Action::ToSignature { draft };
            return self.act(rng, team[0], action);
        }
        if !self.consolidate(rng, team)? {
            return Ok(false);
        }
        for co in &team[1..] {
            if !self.act(
                rng,
                co,
                Action::Approve {
                    note: String::new(),
                },
            )? {
                return Ok(false);
            }
        }
        self.act(rng, team[0], Action::ToSignature { draft: None })
    }
}

fn pick<'b, T: ?Sized>(rng: &mut ChaCha8Rng, items: &[&'b T]) -> &'b T {
    // The cast and the word lists are never empty: they are built in this module.
    items.choose(rng).copied().expect("a non-empty list")
}

fn draft(rng: &mut ChaCha8Rng) -> Draft {
    let positive = rng.random_range(0..3) != 0;
    Draft {
        decision: if positive {
            Decision::Positive
        } else {
            Decision::Negative
        },
        justification: "Пункт 5.3 Регламента; Правила приёма и обучения".to_string(),
        text: "Уважаемый заявитель! По результатам рассмотрения Вашего обращения сообщаем..."
            .into(),
    }
}
