//! How a practice gets into the compendium: the secretariat reads each one before the public
//! sees it, because what the compendium publishes is cited in the Council's reports.
//!
//! ```text
//! draft → submitted → published ⟲ edit (secretariat; version + 1)
//!   ⟲ edit   ↓    ↓
//!        returned  declined (final)
//!   (the submitter edits and submits again)
//! ```
//!
//! [`take`] is the whole workflow as one pure function on a [`Position`]: which role may take
//! which step from which stage, and what the step must carry. A refused step changes nothing.
//! [`PracticeRecord`] keeps a practice with its position, every published version (a citation
//! names a version, and must still find it after later edits) and the [`Event`] of each step.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::citation::{self, Language, PracticeNumber};
use crate::practice::Practice;
use crate::vocab::{Role, vocabulary};

vocabulary! {
    /// Where a practice stands.
    pub enum Stage {
        /// Being written; seen by its submitter only.
        Draft => "draft",
        /// Waiting for the secretariat to read it.
        Submitted => "submitted",
        /// In the public compendium.
        Published => "published",
        /// Sent back to the submitter with comments, to be edited and submitted again.
        Returned => "returned",
        /// Not taken into the compendium, with the reason; final.
        Declined => "declined",
    }
}

vocabulary! {
    /// A step of the workflow.
    pub enum Step {
        /// The submitter sends a draft or a returned practice to the secretariat.
        Submit => "submit",
        /// The secretariat publishes a submitted practice; the first publication gives it its
        /// number.
        Publish => "publish",
        /// The secretariat sends a submitted practice back with comments.
        Return => "return",
        /// The secretariat declines a submitted practice, with the reason.
        Decline => "decline",
        /// The content changes: the submitter's own draft or returned practice, or — as a new
        /// version, with a note of what changed — a published practice, by the secretariat.
        Edit => "edit",
    }
}

impl Stage {
    /// Whether no step leads out of this stage.
    pub fn is_final(self) -> bool {
        self == Stage::Declined
    }
}

impl Step {
    /// Whether the step must say why: a return (the comments the submitter works from), a
    /// decline (the reason, which the submitter is owed) and an edit of a published practice
    /// (what changed between the versions readers may have cited).
    pub fn needs_reason(self, from: Stage) -> bool {
        match self {
            Step::Return | Step::Decline => true,
            Step::Edit => from == Stage::Published,
            Step::Submit | Step::Publish => false,
        }
    }

    /// The role that may take this step from `from`, and the stage it leads to; `None` when the
    /// step cannot be taken from there.
    pub fn rule(self, from: Stage) -> Option<(Role, Stage)> {
        use Stage::*;
        match (self, from) {
            (Step::Submit, Draft | Returned) => Some((Role::Submitter, Submitted)),
            (Step::Publish, Submitted) => Some((Role::Secretariat, Published)),
            (Step::Return, Submitted) => Some((Role::Secretariat, Returned)),
            (Step::Decline, Submitted) => Some((Role::Secretariat, Declined)),
            (Step::Edit, Draft | Returned) => Some((Role::Submitter, from)),
            (Step::Edit, Published) => Some((Role::Secretariat, Published)),
            _ => None,
        }
    }
}

/// Where a practice is: its stage, its published version (0 until first published) and its
/// number (given at first publication, never changed after).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub stage: Stage,
    pub version: u32,
    pub number: Option<PracticeNumber>,
}

impl Position {
    pub const DRAFT: Position = Position {
        stage: Stage::Draft,
        version: 0,
        number: None,
    };
}

/// A step as someone asked to take it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attempt<'a> {
    pub step: Step,
    pub role: Role,
    /// The comments of a return, the reason of a decline, the note of an edit of a published
    /// practice; may be blank for other steps.
    pub reason: &'a str,
    /// For a first publication: the number the store gives the practice (the year of
    /// publication and the next sequence of that year, [`PracticeNumber::next`]).
    pub number: Option<PracticeNumber>,
}

/// Why a step was refused. Nothing changes when one is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("“{step}” is taken by the {allowed}, not the {role}, when the practice is {stage}")]
    WrongRole {
        step: Step,
        stage: Stage,
        allowed: Role,
        role: Role,
    },
    #[error("“{step}” cannot be taken while the practice is {stage}")]
    WrongStage { step: Step, stage: Stage },
    #[error("“{step}” needs {what}")]
    ReasonMissing { step: Step, what: &'static str },
    #[error("a first publication needs the practice's number")]
    NumberMissing,
    #[error("the number {number} is not of the year of publication, {year}")]
    NumberOfAnotherYear { number: PracticeNumber, year: i32 },
    #[error("an edit is made with the practice's new content")]
    EditWithoutContent,
    #[error(
        "the practice was changed by someone else in the meantime (version {current}, not {expected}): reload it and try again"
    )]
    Stale { expected: u32, current: u32 },
}

/// The position after `attempt`, or why it is refused.
pub fn take(position: Position, attempt: &Attempt<'_>) -> Result<Position, Refusal> {
    let step = attempt.step;
    let from = position.stage;
    let Some((allowed, to)) = step.rule(from) else {
        return Err(Refusal::WrongStage { step, stage: from });
    };
    if attempt.role != allowed {
        return Err(Refusal::WrongRole {
            step,
            stage: from,
            allowed,
            role: attempt.role,
        });
    }
    if step.needs_reason(from) && attempt.reason.trim().is_empty() {
        let what = match step {
            Step::Return => "comments for the submitter",
            Step::Decline => "a reason",
            _ => "a note of what changed",
        };
        return Err(Refusal::ReasonMissing { step, what });
    }
    let mut next = Position {
        stage: to,
        ..position
    };
    match (step, from) {
        (Step::Publish, _) => {
            // The number is the practice's identifier in citations: once given, it stays.
            next.number = match (position.number, attempt.number) {
                (Some(kept), _) => Some(kept),
                (None, Some(given)) => Some(given),
                (None, None) => return Err(Refusal::NumberMissing),
            };
            next.version = position.version.saturating_add(1);
        }
        (Step::Edit, Stage::Published) => next.version = position.version.saturating_add(1),
        _ => {}
    }
    Ok(next)
}

/// A practice's version as its writer last saw it, checked against the stored one: the second
/// of two people changing the same practice is told, and nothing is written over the first.
pub fn check_version(expected: u32, current: u32) -> Result<(), Refusal> {
    if expected == current {
        Ok(())
    } else {
        Err(Refusal::Stale { expected, current })
    }
}

/// A step taken: by which role, when, from which stage to which, why, and the version it left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub at: DateTime<Utc>,
    pub role: Role,
    pub step: Step,
    pub from: Stage,
    pub to: Stage,
    /// Trimmed; `None` when none was needed and none was given.
    pub reason: Option<String>,
    pub version: u32,
}

/// One published version, as readers saw it from `published_at` on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedVersion {
    pub version: u32,
    pub published_at: DateTime<Utc>,
    pub content: Practice,
}

/// A practice with everything the workflow remembers of it. The store keeps one per practice;
/// `id` is the store's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeRecord {
    pub id: i64,
    pub position: Position,
    /// The content as it stands now (the draft being written, or the latest published version).
    pub content: Practice,
    /// Every published version, oldest first.
    pub versions: Vec<PublishedVersion>,
    pub history: Vec<Event>,
}

impl PracticeRecord {
    /// A new draft.
    pub fn new(id: i64, content: Practice) -> PracticeRecord {
        PracticeRecord {
            id,
            position: Position::DRAFT,
            content,
            versions: Vec::new(),
            history: Vec::new(),
        }
    }

    pub fn stage(&self) -> Stage {
        self.position.stage
    }

    /// Takes a step other than an edit (use [`PracticeRecord::edit`]), recording its event; the
    /// event is returned for the store to write with the audit record.
    pub fn take(&mut self, attempt: &Attempt<'_>, at: DateTime<Utc>) -> Result<Event, Refusal> {
        if attempt.step == Step::Edit {
            return Err(Refusal::EditWithoutContent);
        }
        self.apply(attempt, None, at)
    }

    /// Replaces the content: the submitter's own draft or returned practice, or a published
    /// practice by the secretariat with a note of what changed, as a new version.
    pub fn edit(
        &mut self,
        role: Role,
        note: &str,
        content: Practice,
        at: DateTime<Utc>,
    ) -> Result<Event, Refusal> {
        let attempt = Attempt {
            step: Step::Edit,
            role,
            reason: note,
            number: None,
        };
        self.apply(&attempt, Some(content), at)
    }

    fn apply(
        &mut self,
        attempt: &Attempt<'_>,
        content: Option<Practice>,
        at: DateTime<Utc>,
    ) -> Result<Event, Refusal> {
        let next = take(self.position, attempt)?;
        if let (None, Some(number)) = (self.position.number, next.number)
            && number.year != at.year()
        {
            return Err(Refusal::NumberOfAnotherYear {
                number,
                year: at.year(),
            });
        }
        // Nothing can be refused from here on: the record changes only now.
        if let Some(content) = content {
            self.content = content;
        }
        if next.version != self.position.version {
            self.versions.push(PublishedVersion {
                version: next.version,
                published_at: at,
                content: self.content.clone(),
            });
        }
        let reason = attempt.reason.trim();
        let event = Event {
            at,
            role: attempt.role,
            step: attempt.step,
            from: self.position.stage,
            to: next.stage,
            reason: (!reason.is_empty()).then(|| reason.to_owned()),
            version: next.version,
        };
        self.history.push(event.clone());
        self.position = next;
        Ok(event)
    }

    /// The published version `version`, or the latest one when `None`.
    pub fn published(&self, version: Option<u32>) -> Option<&PublishedVersion> {
        match version {
            None => self.versions.last(),
            Some(v) => self.versions.iter().find(|p| p.version == v),
        }
    }

    /// The day a published version was published (UTC).
    pub fn published_on(&self, version: Option<u32>) -> Option<NaiveDate> {
        self.published(version).map(|p| p.published_at.date_naive())
    }

    /// How to cite a published version (the latest when `version` is `None`) in `language`;
    /// `url` is the version's address, which the web layer knows. `None` when the practice has
    /// not been published or has no such version.
    pub fn citation(&self, version: Option<u32>, language: Language, url: &str) -> Option<String> {
        let number = self.position.number?;
        let published = self.published(version)?;
        Some(citation::cite(
            language,
            &published.content.title,
            number,
            published.version,
            published.published_at.date_naive(),
            url,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::tests::draft;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, 10, 0, 0).unwrap()
    }

    fn attempt(step: Step, role: Role, reason: &'static str) -> Attempt<'static> {
        Attempt {
            step,
            role,
            reason,
            number: Some(PracticeNumber {
                year: 2026,
                sequence: 42,
            }),
        }
    }

    fn record() -> PracticeRecord {
        PracticeRecord::new(7, draft().validate().unwrap())
    }

    #[test]
    fn a_practice_is_returned_resubmitted_published_and_edited() {
        let mut r = record();
        r.take(&attempt(Step::Submit, Role::Submitter, ""), at(1))
            .unwrap();
        r.take(
            &attempt(Step::Return, Role::Secretariat, "Add the evaluation."),
            at(2),
        )
        .unwrap();
        assert_eq!(r.stage(), Stage::Returned);
        let mut better = r.content.clone();
        better.summary.push_str(" An evaluation followed.");
        r.edit(Role::Submitter, "", better, at(3)).unwrap();
        r.take(&attempt(Step::Submit, Role::Submitter, ""), at(4))
            .unwrap();
        r.take(&attempt(Step::Publish, Role::Secretariat, ""), at(5))
            .unwrap();
        assert_eq!(r.position.version, 1);
        assert_eq!(r.position.number.unwrap().to_string(), "P-2026-0042");
        let mut fixed = r.content.clone();
        fixed.title = "Mobile courts in remote districts".into();
        r.edit(Role::Secretariat, "Title corrected.", fixed, at(7))
            .unwrap();
        assert_eq!(r.position.version, 2);
        assert_eq!(r.stage(), Stage::Published);
        assert_eq!(r.versions.len(), 2);
        assert_eq!(
            r.versions[0].content.title,
            "Mobile courts for remote districts"
        );
        assert_eq!(r.published_on(None), NaiveDate::from_ymd_opt(2026, 12, 7));
        let steps: Vec<_> = r
            .history
            .iter()
            .map(|e| (e.step, e.from, e.to, e.reason.as_deref(), e.version))
            .collect();
        assert_eq!(
            steps,
            [
                (Step::Submit, Stage::Draft, Stage::Submitted, None, 0),
                (
                    Step::Return,
                    Stage::Submitted,
                    Stage::Returned,
                    Some("Add the evaluation."),
                    0
                ),
                (Step::Edit, Stage::Returned, Stage::Returned, None, 0),
                (Step::Submit, Stage::Returned, Stage::Submitted, None, 0),
                (Step::Publish, Stage::Submitted, Stage::Published, None, 1),
                (
                    Step::Edit,
                    Stage::Published,
                    Stage::Published,
                    Some("Title corrected."),
                    2
                ),
            ]
        );
        assert_eq!(
            r.citation(
                Some(1),
                Language::En,
                "https://taawun.example/p/P-2026-0042/1"
            )
            .unwrap(),
            "Mobile courts for remote districts. Taawun best-practice compendium, practice P-2026-0042 (version 1, published 5 December 2026). https://taawun.example/p/P-2026-0042/1"
        );
        assert!(r.citation(Some(3), Language::En, "x").is_none());
    }

    #[test]
    fn refusals_say_what_is_wrong_and_change_nothing() {
        let mut r = record();
        let before = r.clone();
        let e = r
            .take(&attempt(Step::Submit, Role::Secretariat, ""), at(1))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "“submit” is taken by the submitter, not the secretariat, when the practice is draft"
        );
        assert_eq!(
            r.take(&attempt(Step::Publish, Role::Secretariat, ""), at(1)),
            Err(Refusal::WrongStage {
                step: Step::Publish,
                stage: Stage::Draft
            })
        );
        assert_eq!(r, before);
        r.take(&attempt(Step::Submit, Role::Submitter, ""), at(1))
            .unwrap();
        let submitted = r.clone();
        let e = r
            .take(&attempt(Step::Decline, Role::Secretariat, "  "), at(2))
            .unwrap_err();
        assert_eq!(e.to_string(), "“decline” needs a reason");
        let e = r
            .take(&attempt(Step::Return, Role::Secretariat, ""), at(2))
            .unwrap_err();
        assert_eq!(e.to_string(), "“return” needs comments for the submitter");
        let e = r
            .edit(Role::Submitter, "", r.content.clone(), at(2))
            .unwrap_err();
        assert!(matches!(
            e,
            Refusal::WrongStage {
                step: Step::Edit,
                ..
            }
        ));
        let no_number = Attempt {
            number: None,
            ..attempt(Step::Publish, Role::Secretariat, "")
        };
        assert_eq!(r.take(&no_number, at(2)), Err(Refusal::NumberMissing));
        let wrong_year = Attempt {
            number: Some(PracticeNumber {
                year: 2025,
                sequence: 1,
            }),
            ..no_number
        };
        assert!(matches!(
            r.take(&wrong_year, at(2)),
            Err(Refusal::NumberOfAnotherYear { year: 2026, .. })
        ));
        assert_eq!(
            r.take(&attempt(Step::Edit, Role::Secretariat, "x"), at(2)),
            Err(Refusal::EditWithoutContent)
        );
        assert_eq!(r, submitted);
        r.take(
            &attempt(Step::Decline, Role::Secretariat, "Out of scope."),
            at(3),
        )
        .unwrap();
        assert!(r.stage().is_final());
        for step in Step::ALL {
            for role in Role::ALL {
                assert!(take(r.position, &attempt(step, role, "why")).is_err());
            }
        }
    }

    #[test]
    fn a_published_practice_is_edited_by_the_secretariat_with_a_note() {
        let mut r = record();
        r.take(&attempt(Step::Submit, Role::Submitter, ""), at(1))
            .unwrap();
        r.take(&attempt(Step::Publish, Role::Secretariat, ""), at(2))
            .unwrap();
        let content = r.content.clone();
        assert!(matches!(
            r.edit(Role::Submitter, "mine", content.clone(), at(3)),
            Err(Refusal::WrongRole {
                allowed: Role::Secretariat,
                ..
            })
        ));
        assert!(matches!(
            r.edit(Role::Secretariat, " ", content, at(3)),
            Err(Refusal::ReasonMissing {
                step: Step::Edit,
                ..
            })
        ));
        assert_eq!(r.position.version, 1);
    }

    #[test]
    fn a_stale_version_is_refused() {
        assert!(check_version(2, 2).is_ok());
        assert_eq!(
            check_version(1, 2).unwrap_err().to_string(),
            "the practice was changed by someone else in the meantime (version 2, not 1): reload it and try again"
        );
    }

    fn any_attempt() -> impl Strategy<Value = (Step, Role, bool, bool)> {
        (
            prop::sample::select(Step::ALL.to_vec()),
            prop::sample::select(Role::ALL.to_vec()),
            any::<bool>(),
            any::<bool>(),
        )
    }

    fn any_position() -> impl Strategy<Value = Position> {
        (
            prop::sample::select(Stage::ALL.to_vec()),
            prop_oneof![Just(0u32), Just(u32::MAX), any::<u32>()],
            prop::option::of((any::<i32>(), any::<u32>())),
        )
            .prop_map(|(stage, version, number)| Position {
                stage,
                version,
                number: number.map(|(year, sequence)| PracticeNumber { year, sequence }),
            })
    }

    #[test]
    fn positions_and_events_serialise_as_slugs() {
        let mut r = record();
        r.take(&attempt(Step::Submit, Role::Submitter, ""), at(1))
            .unwrap();
        r.take(&attempt(Step::Publish, Role::Secretariat, ""), at(5))
            .unwrap();
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["position"]["stage"], "published");
        assert_eq!(json["position"]["number"], "P-2026-0042");
        assert_eq!(json["history"][1]["step"], "publish");
        assert_eq!(json["history"][1]["role"], "secretariat");
        assert_eq!(json["content"]["region"], "african");
        assert_eq!(json["content"]["modality"], "south-south");
        assert_eq!(json["content"]["sdg_targets"][1], "16.a");
        let back: PracticeRecord = serde_json::from_value(json).unwrap();
        assert_eq!(back, r);
    }

    proptest! {
        /// Even from a position no sequence of steps reaches, `take` answers without panicking,
        /// and whatever it publishes has a number.
        #[test]
        fn take_never_panics_from_any_position(
            position in any_position(),
            (step, role, with_reason, with_number) in any_attempt(),
        ) {
            let attempt = Attempt {
                step,
                role,
                reason: if with_reason { "because" } else { "" },
                number: with_number.then_some(PracticeNumber { year: 2026, sequence: 1 }),
            };
            if let Ok(next) = take(position, &attempt) {
                prop_assert!(next.version >= position.version);
                if step == Step::Publish {
                    prop_assert!(next.number.is_some());
                }
            }
        }
    }

    proptest! {
        /// Whatever is tried, by whoever, in whatever order: a published practice has a number
        /// and a version, a practice never published has neither, a declined one stays
        /// declined, the number never changes once given, versions only grow, and each step
        /// taken leaves one event.
        #[test]
        fn any_sequence_keeps_the_workflow_whole(steps in prop::collection::vec(any_attempt(), 0..50)) {
            let mut r = record();
            for (i, (step, role, with_reason, with_number)) in steps.into_iter().enumerate() {
                let before = r.clone();
                let attempt = Attempt {
                    step,
                    role,
                    reason: if with_reason { "because" } else { "" },
                    number: with_number.then_some(PracticeNumber { year: 2026, sequence: i as u32 + 1 }),
                };
                let result = if step == Step::Edit {
                    r.edit(role, attempt.reason, r.content.clone(), at(1))
                } else {
                    r.take(&attempt, at(1))
                };
                match result {
                    Err(_) => prop_assert_eq!(&r, &before),
                    Ok(event) => {
                        prop_assert!(!before.stage().is_final());
                        prop_assert_eq!(event.from, before.stage());
                        prop_assert_eq!(event.to, r.stage());
                        prop_assert_eq!(r.history.len(), before.history.len() + 1);
                        prop_assert!(r.position.version >= before.position.version);
                        if before.position.number.is_some() {
                            prop_assert_eq!(r.position.number, before.position.number);
                        }
                    }
                }
                let p = r.position;
                prop_assert_eq!(p.number.is_some(), p.version > 0);
                prop_assert_eq!(r.versions.len() as u32, p.version);
                if p.stage == Stage::Published {
                    prop_assert!(p.version > 0);
                }
                if matches!(p.stage, Stage::Draft | Stage::Returned | Stage::Declined) {
                    prop_assert_eq!(p.version, 0);
                }
            }
        }
    }
}
