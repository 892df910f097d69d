//! Calls for inputs: the written consultations that feed a mandate's report alongside the
//! seminars (resolution 56/2, op. 36 asks the High Commissioner to report on cooperation, with
//! the views of States and other stakeholders).
//!
//! A submission after the deadline is taken and marked late rather than refused: the
//! secretariat decides whether a late view is still used, and a refusal would lose it. Days are
//! UTC days, as for seminars.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::field::{self, Errors, FieldError, LONG, MAX_ITEMS, SHORT, parse_vocabulary};
use crate::seminar::join;
use crate::vocab::vocabulary;

vocabulary! {
    /// Who sends a submission, as calls for inputs of the Council's mechanisms classify them.
    pub enum SubmitterType {
        State => "state",
        /// An intergovernmental organisation.
        Igo => "igo",
        /// A non-governmental organisation.
        Ngo => "ngo",
        /// A national human rights institution.
        Nhri => "nhri",
        UnEntity => "un-entity",
        Other => "other",
    }
}

/// The mandate a call serves: a resolution's symbol and paragraph, as written
/// ("A/HRC/RES/56/2", "36"). They are cited, not checked: symbols have too many shapes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MandateRef {
    pub resolution: String,
    pub paragraph: String,
}

/// A call's form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallDraft {
    pub title: String,
    /// The questions, in order; they are numbered from 1.
    pub questions: Vec<String>,
    /// `YYYY-MM-DD`.
    pub opens: String,
    /// `YYYY-MM-DD`: the last day a submission is on time (inclusive, UTC).
    pub deadline: String,
    pub resolution: String,
    pub paragraph: String,
}

/// A question of a call: its number (from 1) and text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub number: u32,
    pub text: String,
}

/// A call for inputs. `id` is the store's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub id: i64,
    pub title: String,
    pub questions: Vec<Question>,
    pub opens: NaiveDate,
    pub deadline: NaiveDate,
    pub mandate: MandateRef,
}

impl CallDraft {
    /// The call, or every problem of the form: a title, at least one question (none blank),
    /// dates in order, and the mandate's resolution and paragraph.
    pub fn validate(&self, id: i64) -> Result<Call, Vec<FieldError>> {
        let mut e = Errors::default();
        let title = e.check("title", field::text(&self.title, SHORT));
        let questions = questions(&mut e, &self.questions);
        let opens = e.check("opens", field::date(&self.opens));
        let deadline = e.check("deadline", field::date(&self.deadline));
        if let (Some(opens), Some(deadline)) = (opens, deadline)
            && deadline < opens
        {
            e.push(
                "deadline",
                "deadline-before-opening",
                format!("the deadline ({deadline}) is before the call opens ({opens})"),
            );
        }
        let resolution = e.check("resolution", field::text(&self.resolution, SHORT));
        let paragraph = e.check("paragraph", field::text(&self.paragraph, SHORT));
        let call = (|| {
            Some(Call {
                id,
                title: title?,
                questions,
                opens: opens?,
                deadline: deadline?,
                mandate: MandateRef {
                    resolution: resolution?,
                    paragraph: paragraph?,
                },
            })
        })();
        e.finish(call)
    }
}

fn questions(e: &mut Errors, texts: &[String]) -> Vec<Question> {
    if texts.is_empty() {
        e.push("questions", "required", "needs at least one question");
    }
    if texts.len() > MAX_ITEMS {
        e.push(
            "questions",
            "too-many",
            format!(
                "has {} items; at most {MAX_ITEMS} are accepted",
                texts.len()
            ),
        );
        return Vec::new();
    }
    (1..)
        .zip(texts)
        .filter_map(|(number, text)| {
            let text = e.check(
                format!("questions[{}]", number - 1),
                field::text(text, LONG),
            )?;
            Some(Question { number, text })
        })
        .collect()
}

impl Call {
    pub fn question(&self, number: u32) -> Option<&Question> {
        self.questions.iter().find(|q| q.number == number)
    }
}

/// An answer as typed: the question's number and the text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerDraft {
    pub question: u32,
    pub text: String,
}

/// A submission's form as typed. The web layer sends only the questions answered: a blank
/// answer is refused rather than stored as an answer that says nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionDraft {
    /// A [`SubmitterType`] slug.
    pub submitter_type: String,
    /// The State, organisation or person submitting, as they name themselves.
    pub name: String,
    /// ISO3 code: required for a State, optional otherwise.
    pub state: String,
    /// Optional: where the secretariat may write back.
    pub email: String,
    pub answers: Vec<AnswerDraft>,
    /// Whether the submission may be published on the call's page. Must be stated.
    pub publish: Option<bool>,
}

/// An answer to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub question: u32,
    pub text: String,
}

/// A submission. `id` is the store's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub id: i64,
    pub call_id: i64,
    pub submitter_type: SubmitterType,
    pub name: String,
    pub state: Option<String>,
    pub email: Option<String>,
    /// By question number.
    pub answers: Vec<Answer>,
    pub publish: bool,
    /// Received after the deadline's day.
    pub late: bool,
    pub at: DateTime<Utc>,
}

/// Why a submission was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SubmissionRefusal {
    #[error("the call opens on {opens}")]
    NotOpen { opens: NaiveDate },
    #[error("the submission has problems: {}", join(.0))]
    Invalid(Vec<FieldError>),
}

/// A submission to `call` received at `at`; late (and so marked) after the deadline's day,
/// refused before the call opens.
pub fn submit(
    call: &Call,
    draft: &SubmissionDraft,
    id: i64,
    at: DateTime<Utc>,
) -> Result<Submission, SubmissionRefusal> {
    let day = at.date_naive();
    if day < call.opens {
        return Err(SubmissionRefusal::NotOpen { opens: call.opens });
    }
    let mut e = Errors::default();
    let kind = e.check(
        "submitter_type",
        parse_vocabulary(
            &draft.submitter_type,
            SubmitterType::parse,
            SubmitterType::slugs,
        ),
    );
    let name = e.check("name", field::text(&draft.name, SHORT));
    let state = if kind == Some(SubmitterType::State) {
        e.check("state", field::state_code(&draft.state)).map(Some)
    } else {
        e.check("state", field::optional(&draft.state, field::state_code))
    };
    let email = e.check("email", field::optional(&draft.email, field::email));
    let answers = answers(&mut e, call, &draft.answers);
    if draft.publish.is_none() {
        e.push(
            "publish",
            "consent-not-stated",
            "say whether the submission may be published (yes or no)",
        );
    }
    let submission = (|| {
        Some(Submission {
            id,
            call_id: call.id,
            submitter_type: kind?,
            name: name?,
            state: state?.map(str::to_owned),
            email: email?,
            answers,
            publish: draft.publish?,
            late: day > call.deadline,
            at,
        })
    })();
    e.finish(submission).map_err(SubmissionRefusal::Invalid)
}

fn answers(e: &mut Errors, call: &Call, drafts: &[AnswerDraft]) -> Vec<Answer> {
    if drafts.is_empty() {
        e.push(
            "answers",
            "required",
            "needs an answer to at least one question",
        );
    }
    let mut answers: Vec<Answer> = Vec::new();
    for (i, draft) in drafts.iter().enumerate() {
        let field = format!("answers[{i}]");
        if call.question(draft.question).is_none() {
            e.push(
                field,
                "no-such-question",
                format!(
                    "the call has no question {} (it has 1 to {})",
                    draft.question,
                    call.questions.len()
                ),
            );
        } else if answers.iter().any(|a| a.question == draft.question) {
            e.push(
                field,
                "repeated",
                format!("question {} is answered twice", draft.question),
            );
        } else if let Some(text) = e.check(field, field::text(&draft.text, LONG)) {
            answers.push(Answer {
                question: draft.question,
                text,
            });
        }
    }
    answers.sort_by_key(|a| a.question);
    answers
}

/// A submission as the call's public page shows it: never the e-mail address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublishedSubmission {
    pub id: i64,
    pub submitter_type: SubmitterType,
    pub name: String,
    pub state: Option<String>,
    pub answers: Vec<Answer>,
    pub late: bool,
}

/// The submissions whose senders agreed to publication, in the order given.
pub fn published(submissions: &[Submission]) -> Vec<PublishedSubmission> {
    submissions
        .iter()
        .filter(|s| s.publish)
        .map(|s| PublishedSubmission {
            id: s.id,
            submitter_type: s.submitter_type,
            name: s.name.clone(),
            state: s.state.clone(),
            answers: s.answers.clone(),
            late: s.late,
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    pub fn day(m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, d, 23, 30, 0).unwrap()
    }

    pub fn call() -> Call {
        CallDraft {
            title: "Call for inputs on international cooperation".into(),
            questions: vec![
                "What challenges does your State face?".into(),
                "Which good practices would you share?".into(),
            ],
            opens: "2026-02-01".into(),
            deadline: "2026-03-15".into(),
            resolution: "A/HRC/RES/56/2".into(),
            paragraph: "36".into(),
        }
        .validate(5)
        .unwrap()
    }

    pub fn submission_draft(publish: Option<bool>) -> SubmissionDraft {
        SubmissionDraft {
            submitter_type: "ngo".into(),
            name: "Friends of Justice".into(),
            state: "".into(),
            email: "".into(),
            answers: vec![
                AnswerDraft {
                    question: 2,
                    text: "Legal aid clinics.".into(),
                },
                AnswerDraft {
                    question: 1,
                    text: "Funding.".into(),
                },
            ],
            publish,
        }
    }

    #[test]
    fn a_call_numbers_its_questions_and_names_its_mandate() {
        let c = call();
        assert_eq!(
            c.question(2).unwrap().text,
            "Which good practices would you share?"
        );
        assert_eq!(c.mandate.resolution, "A/HRC/RES/56/2");
        let wrong = CallDraft {
            deadline: "2026-01-01".into(),
            opens: "2026-02-01".into(),
            ..CallDraft::default()
        };
        let fields: Vec<String> = wrong
            .validate(1)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            ["title", "questions", "deadline", "resolution", "paragraph"]
        );
    }

    #[test]
    fn a_submission_on_the_deadline_day_is_on_time_and_after_it_late() {
        let c = call();
        let on_time = submit(&c, &submission_draft(Some(true)), 1, day(3, 15)).unwrap();
        assert!(!on_time.late);
        assert_eq!(
            on_time
                .answers
                .iter()
                .map(|a| a.question)
                .collect::<Vec<_>>(),
            [1, 2]
        );
        let late = submit(&c, &submission_draft(Some(true)), 2, day(3, 16)).unwrap();
        assert!(late.late);
        assert_eq!(
            submit(&c, &submission_draft(Some(true)), 3, day(1, 31))
                .unwrap_err()
                .to_string(),
            "the call opens on 2026-02-01"
        );
    }

    #[test]
    fn answers_must_fit_the_call_and_consent_must_be_stated() {
        let c = call();
        let mut d = submission_draft(None);
        d.submitter_type = "state".into();
        d.answers.push(AnswerDraft {
            question: 3,
            text: "x".into(),
        });
        d.answers.push(AnswerDraft {
            question: 1,
            text: "again".into(),
        });
        d.answers.push(AnswerDraft {
            question: 2,
            text: " ".into(),
        });
        let Err(SubmissionRefusal::Invalid(errors)) = submit(&c, &d, 1, day(3, 1)) else {
            panic!("a wrong submission was taken");
        };
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "state: is required",
                "answers[2]: the call has no question 3 (it has 1 to 2)",
                "answers[3]: question 1 is answered twice",
                "answers[4]: question 2 is answered twice",
                "publish: say whether the submission may be published (yes or no)",
            ]
        );
        let mut none = submission_draft(Some(false));
        none.answers.clear();
        assert!(
            matches!(submit(&c, &none, 1, day(3, 1)), Err(SubmissionRefusal::Invalid(e)) if e[0].field == "answers")
        );
        let mut blank = submission_draft(Some(false));
        blank.answers.truncate(1);
        blank.answers[0].text = "  ".into();
        assert!(
            matches!(submit(&c, &blank, 1, day(3, 1)), Err(SubmissionRefusal::Invalid(e)) if e[0].to_string() == "answers[0]: is required")
        );
    }

    #[test]
    fn the_published_view_has_consenting_submissions_without_addresses() {
        let c = call();
        let mut with_email = submission_draft(Some(true));
        with_email.email = "info@friends.example".into();
        let yes = submit(&c, &with_email, 1, day(3, 1)).unwrap();
        assert_eq!(yes.email.as_deref(), Some("info@friends.example"));
        let no = submit(&c, &submission_draft(Some(false)), 2, day(3, 1)).unwrap();
        let public = published(&[yes, no]);
        assert_eq!(public.iter().map(|s| s.id).collect::<Vec<_>>(), [1]);
    }

    proptest! {
        #[test]
        fn forms_never_panic(
            fields in prop::collection::vec("\\PC{0,24}", 6),
            questions in prop::collection::vec("\\PC{0,10}", 0..4),
            answers in prop::collection::vec((0u32..5, "\\PC{0,10}"), 0..5),
            publish in prop::option::of(any::<bool>()),
        ) {
            let draft = CallDraft {
                title: fields[0].clone(),
                questions,
                opens: fields[1].clone(),
                deadline: fields[2].clone(),
                resolution: fields[3].clone(),
                paragraph: fields[4].clone(),
            };
            if let Ok(c) = draft.validate(1) {
                prop_assert!(c.opens <= c.deadline);
            }
            let s = SubmissionDraft {
                submitter_type: fields[5].clone(),
                name: fields[0].clone(),
                state: fields[1].clone(),
                email: fields[2].clone(),
                answers: answers.into_iter().map(|(question, text)| AnswerDraft { question, text }).collect(),
                publish,
            };
            if let Ok(sub) = submit(&call(), &s, 1, day(3, 1)) {
                prop_assert!(!sub.answers.is_empty());
                prop_assert!(sub.answers.iter().all(|a| (1..=2).contains(&a.question)));
            }
        }
    }
}
