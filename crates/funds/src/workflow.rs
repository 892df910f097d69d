//! The request workflow: the stages a request for assistance goes through, which step each role
//! may take from which stage, and what each step must carry (a reason, conditions). Every step
//! taken is an [`Event`]; the store writes it with the audit record in one transaction.
//!
//! ```text
//! draft → submitted → screening ⇄ information requested
//!                         ↓
//!                       review ⇄ information requested
//!                         ↓
//!                      decision → agreement → disbursement → reporting → closed
//!                         ↓ declined                                        ↑
//!                       closed   (a State may withdraw before the decision) ┘
//! ```

use std::fmt;

use chrono::{DateTime, Utc};
use serde::Serialize;

/// Where a request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Written by the State's focal points, seen by no one else.
    Draft,
    /// Sent to the fund, waiting for the secretariat to take it up.
    Submitted,
    /// The secretariat checks the request is complete and eligible.
    Screening,
    /// The State has been asked for more; the fund's clock is paused until it answers.
    InformationRequested,
    /// Reviewers give their recommendations, with reasons.
    Review,
    /// Waiting for the fund's decision.
    Decision,
    /// Approved: the agreement with the State is being made.
    Agreement,
    /// The agreement is signed; money is paid out.
    Disbursement,
    /// The State reports on what was done with it.
    Reporting,
    Closed,
}

impl Stage {
    pub const ALL: [Stage; 10] = [
        Stage::Draft,
        Stage::Submitted,
        Stage::Screening,
        Stage::InformationRequested,
        Stage::Review,
        Stage::Decision,
        Stage::Agreement,
        Stage::Disbursement,
        Stage::Reporting,
        Stage::Closed,
    ];

    /// The stages whose time the fund answers for, each with a target in the fund's
    /// configuration. A draft is the State's own time; while information is requested the clock
    /// is paused; a closed request takes no more time.
    pub const TIMED: [Stage; 7] = [
        Stage::Submitted,
        Stage::Screening,
        Stage::Review,
        Stage::Decision,
        Stage::Agreement,
        Stage::Disbursement,
        Stage::Reporting,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Submitted => "submitted",
            Stage::Screening => "screening",
            Stage::InformationRequested => "information-requested",
            Stage::Review => "review",
            Stage::Decision => "decision",
            Stage::Agreement => "agreement",
            Stage::Disbursement => "disbursement",
            Stage::Reporting => "reporting",
            Stage::Closed => "closed",
        }
    }

    pub fn parse(slug: &str) -> Option<Stage> {
        Self::ALL.into_iter().find(|s| s.slug() == slug.trim())
    }

    /// Whether the fund's clock runs in this stage.
    pub fn is_timed(self) -> bool {
        Self::TIMED.contains(&self)
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// Who takes a step, as the workflow sees them (the web layer maps accounts to these).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A focal point of the State that asks for assistance.
    StateFocalPoint,
    /// The fund's secretariat (OHCHR).
    Secretariat,
    /// A member of the fund's review panel.
    Reviewer,
    /// Whoever decides for the fund (its board or manager).
    Approver,
}

impl Role {
    pub fn slug(self) -> &'static str {
        match self {
            Role::StateFocalPoint => "state-focal-point",
            Role::Secretariat => "secretariat",
            Role::Reviewer => "reviewer",
            Role::Approver => "approver",
        }
    }

    pub const ALL: [Role; 4] = [
        Role::StateFocalPoint,
        Role::Secretariat,
        Role::Reviewer,
        Role::Approver,
    ];

    pub fn parse(slug: &str) -> Option<Role> {
        Self::ALL.into_iter().find(|r| r.slug() == slug.trim())
    }
}

/// What a reviewer recommends, or what the fund decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Approve,
    ApproveWithConditions,
    Decline,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [
        Outcome::Approve,
        Outcome::ApproveWithConditions,
        Outcome::Decline,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Outcome::Approve => "approve",
            Outcome::ApproveWithConditions => "approve-with-conditions",
            Outcome::Decline => "decline",
        }
    }

    pub fn parse(slug: &str) -> Option<Outcome> {
        Self::ALL.into_iter().find(|o| o.slug() == slug.trim())
    }
}

/// A step in the workflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    Submit,
    BeginScreening,
    RequestInformation,
    ProvideInformation,
    CompleteScreening,
    Recommend(Outcome),
    SendForDecision,
    Decide(Outcome),
    SignAgreement,
    RecordDisbursement,
    BeginReporting,
    SubmitReport,
    Close,
    Withdraw,
}

impl Step {
    pub fn slug(self) -> &'static str {
        match self {
            Step::Submit => "submit",
            Step::BeginScreening => "begin-screening",
            Step::RequestInformation => "request-information",
            Step::ProvideInformation => "provide-information",
            Step::CompleteScreening => "complete-screening",
            Step::Recommend(_) => "recommend",
            Step::SendForDecision => "send-for-decision",
            Step::Decide(_) => "decide",
            Step::SignAgreement => "sign-agreement",
            Step::RecordDisbursement => "record-disbursement",
            Step::BeginReporting => "begin-reporting",
            Step::SubmitReport => "submit-report",
            Step::Close => "close",
            Step::Withdraw => "withdraw",
        }
    }

    /// The outcome a recommendation or decision carries.
    pub fn outcome(self) -> Option<Outcome> {
        match self {
            Step::Recommend(o) | Step::Decide(o) => Some(o),
            _ => None,
        }
    }

    /// Every step without an outcome, and the two that carry one (with [`Outcome::Approve`]).
    const PLAIN: [Step; 14] = [
        Step::Submit,
        Step::BeginScreening,
        Step::RequestInformation,
        Step::ProvideInformation,
        Step::CompleteScreening,
        Step::Recommend(Outcome::Approve),
        Step::SendForDecision,
        Step::Decide(Outcome::Approve),
        Step::SignAgreement,
        Step::RecordDisbursement,
        Step::BeginReporting,
        Step::SubmitReport,
        Step::Close,
        Step::Withdraw,
    ];

    /// The step from its slug and, for a recommendation or decision, its outcome; `None` when
    /// they do not fit together.
    pub fn from_parts(slug: &str, outcome: Option<Outcome>) -> Option<Step> {
        let step = Self::PLAIN.into_iter().find(|s| s.slug() == slug.trim())?;
        match (step, outcome) {
            (Step::Recommend(_), Some(o)) => Some(Step::Recommend(o)),
            (Step::Decide(_), Some(o)) => Some(Step::Decide(o)),
            (Step::Recommend(_) | Step::Decide(_), None) => None,
            (_, None) => Some(step),
            (_, Some(_)) => None,
        }
    }

    /// The role that may take this step.
    pub fn role(self) -> Role {
        match self {
            Step::Submit | Step::ProvideInformation | Step::SubmitReport | Step::Withdraw => {
                Role::StateFocalPoint
            }
            Step::Recommend(_) => Role::Reviewer,
            Step::Decide(_) => Role::Approver,
            Step::BeginScreening
            | Step::RequestInformation
            | Step::CompleteScreening
            | Step::SendForDecision
            | Step::SignAgreement
            | Step::RecordDisbursement
            | Step::BeginReporting
            | Step::Close => Role::Secretariat,
        }
    }

    /// Whether the step must say why: every decision and recommendation, every request for more
    /// information, a withdrawal and a closure.
    pub fn needs_reason(self) -> bool {
        matches!(
            self,
            Step::RequestInformation
                | Step::Recommend(_)
                | Step::Decide(_)
                | Step::Withdraw
                | Step::Close
        )
    }
}

/// Where a request is, with what the workflow must remember: the stage it returns to when the
/// State answers a request for information, and how many recommendations it has had.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub stage: Stage,
    /// Set while information is requested: screening or review.
    pub resume: Option<Stage>,
    pub recommendations: u32,
}

impl Position {
    pub const DRAFT: Position = Position {
        stage: Stage::Draft,
        resume: None,
        recommendations: 0,
    };
}

/// A step as someone asked to take it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt<'a> {
    pub step: Step,
    pub role: Role,
    pub reason: &'a str,
    /// The conditions of an approval with conditions.
    pub conditions: &'a str,
}

/// Why a step was refused. Nothing changes when one is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("“{step}” is taken by the {allowed}, not the {role}")]
    WrongRole {
        step: &'static str,
        allowed: &'static str,
        role: &'static str,
    },
    #[error("“{step}” cannot be taken while the request is at stage “{stage}”")]
    WrongStage { step: &'static str, stage: Stage },
    #[error("“{step}” needs a reason")]
    ReasonMissing { step: &'static str },
    #[error("an approval with conditions must say the conditions")]
    ConditionsMissing,
    #[error("the request cannot go for decision before a reviewer has recommended")]
    NoRecommendation,
    #[error(
        "the request was changed by someone else in the meantime (version {current}, not {expected}): reload it and try again"
    )]
    Stale { expected: i64, current: i64 },
}

/// The position after `attempt`, or why it is refused.
pub fn take(position: Position, attempt: &Attempt<'_>) -> Result<Position, Refusal> {
    let step = attempt.step;
    if attempt.role != step.role() {
        return Err(Refusal::WrongRole {
            step: step.slug(),
            allowed: step.role().slug(),
            role: attempt.role.slug(),
        });
    }
    let wrong_stage = || Refusal::WrongStage {
        step: step.slug(),
        stage: position.stage,
    };
    let at = |stage: Stage| Position {
        stage,
        resume: None,
        recommendations: position.recommendations,
    };
    let next = match (step, position.stage) {
        (Step::Submit, Stage::Draft) => at(Stage::Submitted),
        (Step::BeginScreening, Stage::Submitted) => at(Stage::Screening),
        (Step::RequestInformation, from @ (Stage::Screening | Stage::Review)) => Position {
            stage: Stage::InformationRequested,
            resume: Some(from),
            recommendations: position.recommendations,
        },
        (Step::ProvideInformation, Stage::InformationRequested) => {
            at(position.resume.unwrap_or(Stage::Screening))
        }
        (Step::CompleteScreening, Stage::Screening) => at(Stage::Review),
        (Step::Recommend(_), Stage::Review) => Position {
            recommendations: position.recommendations.saturating_add(1),
            ..position
        },
        (Step::SendForDecision, Stage::Review) => {
            if position.recommendations == 0 {
                return Err(Refusal::NoRecommendation);
            }
            at(Stage::Decision)
        }
        (Step::Decide(Outcome::Decline), Stage::Decision) => at(Stage::Closed),
        (Step::Decide(_), Stage::Decision) => at(Stage::Agreement),
        (Step::SignAgreement, Stage::Agreement) => at(Stage::Disbursement),
        (Step::RecordDisbursement, Stage::Disbursement) => position,
        (Step::BeginReporting, Stage::Disbursement) => at(Stage::Reporting),
        (Step::SubmitReport, Stage::Reporting) => position,
        (Step::Close, Stage::Reporting) => at(Stage::Closed),
        (
            Step::Withdraw,
            Stage::Draft
            | Stage::Submitted
            | Stage::Screening
            | Stage::InformationRequested
            | Stage::Review
            | Stage::Decision,
        ) => at(Stage::Closed),
        _ => return Err(wrong_stage()),
    };
    if step.needs_reason() && attempt.reason.trim().is_empty() {
        return Err(Refusal::ReasonMissing { step: step.slug() });
    }
    if matches!(
        step,
        Step::Decide(Outcome::ApproveWithConditions)
            | Step::Recommend(Outcome::ApproveWithConditions)
    ) && attempt.conditions.trim().is_empty()
    {
        return Err(Refusal::ConditionsMissing);
    }
    Ok(next)
}

/// A request's version as its writer last saw it, checked against the stored one: the second
/// of two people changing the same request is told, and nothing is written over the first.
pub fn check_version(expected: i64, current: i64) -> Result<(), Refusal> {
    if expected == current {
        Ok(())
    } else {
        Err(Refusal::Stale { expected, current })
    }
}

/// A step taken: who, when, from which stage to which, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub role: Role,
    pub step: Step,
    pub from: Stage,
    pub to: Stage,
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn attempt(step: Step) -> Attempt<'static> {
        Attempt {
            step,
            role: step.role(),
            reason: "because",
            conditions: "a report in six months",
        }
    }

    fn walk(steps: &[Step]) -> Result<Position, Refusal> {
        steps
            .iter()
            .try_fold(Position::DRAFT, |p, s| take(p, &attempt(*s)))
    }

    #[test]
    fn a_request_goes_from_draft_to_closed() {
        let end = walk(&[
            Step::Submit,
            Step::BeginScreening,
            Step::RequestInformation,
            Step::ProvideInformation,
            Step::CompleteScreening,
            Step::Recommend(Outcome::Approve),
            Step::RequestInformation,
            Step::ProvideInformation,
            Step::SendForDecision,
            Step::Decide(Outcome::ApproveWithConditions),
            Step::SignAgreement,
            Step::RecordDisbursement,
            Step::RecordDisbursement,
            Step::BeginReporting,
            Step::SubmitReport,
            Step::Close,
        ])
        .unwrap();
        assert_eq!(end.stage, Stage::Closed);
        assert_eq!(end.recommendations, 1);
    }

    #[test]
    fn information_returns_to_the_stage_that_asked_for_it() {
        let asked = walk(&[
            Step::Submit,
            Step::BeginScreening,
            Step::CompleteScreening,
            Step::RequestInformation,
        ])
        .unwrap();
        assert_eq!(asked.stage, Stage::InformationRequested);
        let answered = take(asked, &attempt(Step::ProvideInformation)).unwrap();
        assert_eq!(answered.stage, Stage::Review);
    }

    #[test]
    fn a_declined_request_is_closed() {
        let end = walk(&[
            Step::Submit,
            Step::BeginScreening,
            Step::CompleteScreening,
            Step::Recommend(Outcome::Decline),
            Step::SendForDecision,
            Step::Decide(Outcome::Decline),
        ])
        .unwrap();
        assert_eq!(end.stage, Stage::Closed);
    }

    #[test]
    fn refusals_say_what_is_wrong() {
        let submitted = walk(&[Step::Submit]).unwrap();
        let by_state = Attempt {
            role: Role::StateFocalPoint,
            ..attempt(Step::BeginScreening)
        };
        let refusal = take(submitted, &by_state).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "“begin-screening” is taken by the secretariat, not the state-focal-point"
        );
        assert_eq!(
            take(submitted, &attempt(Step::SignAgreement)),
            Err(Refusal::WrongStage {
                step: "sign-agreement",
                stage: Stage::Submitted
            })
        );
        let review = walk(&[Step::Submit, Step::BeginScreening, Step::CompleteScreening]).unwrap();
        assert_eq!(
            take(review, &attempt(Step::SendForDecision)),
            Err(Refusal::NoRecommendation)
        );
        let unreasoned = Attempt {
            reason: "  ",
            ..attempt(Step::Recommend(Outcome::Approve))
        };
        assert_eq!(
            take(review, &unreasoned),
            Err(Refusal::ReasonMissing { step: "recommend" })
        );
        let decision = walk(&[
            Step::Submit,
            Step::BeginScreening,
            Step::CompleteScreening,
            Step::Recommend(Outcome::Approve),
            Step::SendForDecision,
        ])
        .unwrap();
        let no_conditions = Attempt {
            conditions: "",
            ..attempt(Step::Decide(Outcome::ApproveWithConditions))
        };
        assert_eq!(
            take(decision, &no_conditions),
            Err(Refusal::ConditionsMissing)
        );
        let no_reason = Attempt {
            reason: "",
            ..attempt(Step::Decide(Outcome::Decline))
        };
        assert!(matches!(
            take(decision, &no_reason),
            Err(Refusal::ReasonMissing { .. })
        ));
        assert!(take(decision, &attempt(Step::Withdraw)).is_ok());
        let agreement = take(decision, &attempt(Step::Decide(Outcome::Approve))).unwrap();
        assert!(matches!(
            take(agreement, &attempt(Step::Withdraw)),
            Err(Refusal::WrongStage { .. })
        ));
    }

    #[test]
    fn a_stale_version_is_refused() {
        assert!(check_version(3, 3).is_ok());
        assert_eq!(
            check_version(3, 4),
            Err(Refusal::Stale {
                expected: 3,
                current: 4
            })
        );
    }

    fn any_step() -> impl Strategy<Value = Step> {
        let outcome = prop::sample::select(Outcome::ALL.to_vec());
        prop_oneof![
            Just(Step::Submit),
            Just(Step::BeginScreening),
            Just(Step::RequestInformation),
            Just(Step::ProvideInformation),
            Just(Step::CompleteScreening),
            outcome.clone().prop_map(Step::Recommend),
            Just(Step::SendForDecision),
            outcome.prop_map(Step::Decide),
            Just(Step::SignAgreement),
            Just(Step::RecordDisbursement),
            Just(Step::BeginReporting),
            Just(Step::SubmitReport),
            Just(Step::Close),
            Just(Step::Withdraw),
        ]
    }

    proptest! {
        /// Whatever steps are tried, in whatever order: a closed request stays closed, no request
        /// goes back to draft, and only a request waiting for information remembers where it resumes.
        #[test]
        fn any_sequence_keeps_the_workflow_whole(steps in prop::collection::vec(any_step(), 0..40)) {
            let mut position = Position::DRAFT;
            for step in steps {
                // A refused step changes nothing: the position is a value the caller keeps.
                if let Ok(next) = take(position, &attempt(step)) {
                    prop_assert!(position.stage != Stage::Closed);
                    prop_assert!(next.stage != Stage::Draft);
                    prop_assert_eq!(next.resume.is_some(), next.stage == Stage::InformationRequested);
                    position = next;
                }
            }
        }
    }
}
