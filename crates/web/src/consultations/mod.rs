//! Calls for inputs, the written consultations of resolution 56/2's mandates: `/consultations`
//! (every call, newest deadline first), a call's page (its questions, the submissions whose
//! senders agreed to publication, the counts, and the form for signed-in accounts; every
//! submission and address for the secretariat), the secretariat's form for a new call; the same
//! through `/api/v1/consultations…`.
//!
//! A submission after the deadline is received and marked late, never refused (the domain's
//! rule); one before the call opens is refused.

pub mod api;
pub mod pages;

use chrono::NaiveDate;
use taawun_cooperation::consultation::{CallDraft, SubmitterType};
use taawun_cooperation::{Call, FieldError};
use taawun_policy::{Action, Resource};
use taawun_store::StoreError;
use taawun_store::cooperation::{CallRow, SubmissionRow};
use taawun_store::council::MandateKey;

use crate::AppState;
use crate::auth::{Principal, Routes};
use crate::council::mandate_key;
use crate::i18n::Lang;

pub fn routes() -> Routes {
    Routes::new()
        .public("/consultations", pages::list)
        .get(
            "/consultations/new",
            Action::Create,
            Resource::CouncilRecords,
            pages::new_call,
        )
        .post(
            "/consultations",
            Action::Create,
            Resource::CouncilRecords,
            pages::create_call,
        )
        .public("/consultations/{id}", pages::show)
        .post(
            "/consultations/{id}/submissions",
            Action::Create,
            Resource::Participation,
            pages::submit,
        )
        .public("/api/v1/consultations", api::list)
        .post(
            "/api/v1/consultations",
            Action::Create,
            Resource::CouncilRecords,
            api::create,
        )
        .public("/api/v1/consultations/{id}", api::get)
        .post(
            "/api/v1/consultations/{id}/submissions",
            Action::Create,
            Resource::Participation,
            api::submit,
        )
}

/// The address of a call's page.
pub fn href(id: i64) -> String {
    format!("/consultations/{id}")
}

/// Whether the reader runs consultations: sees every submission, unpublished ones and the
/// senders' addresses included.
pub fn sees_all(principal: &Principal) -> bool {
    principal.subject().is_secretariat() || principal.subject().is_admin()
}

/// A call by the id in its address (`None` for one that does not parse or exist).
pub async fn call_of(app: &AppState, id: &str) -> Result<Option<CallRow>, StoreError> {
    match id.trim().parse::<i64>() {
        Ok(id) => app.store.cooperation().call(id).await,
        Err(_) => Ok(None),
    }
}

/// Where a call stands on a day (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Before the day it opens: submissions are refused.
    Upcoming,
    /// From the day it opens to the deadline's day, inclusive.
    Open,
    /// After the deadline: submissions are still received, and marked late.
    Closed,
}

impl Status {
    pub fn of(call: &Call, today: NaiveDate) -> Status {
        if today < call.opens {
            Status::Upcoming
        } else if today <= call.deadline {
            Status::Open
        } else {
            Status::Closed
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Open => "open",
            Status::Closed => "closed",
        }
    }
}

/// How many submissions a call received, how many after its deadline, how many may be
/// published. The unpublished are counted, never shown to the public.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub received: usize,
    pub late: usize,
    pub published: usize,
}

impl Counts {
    pub fn of(submissions: &[SubmissionRow]) -> Counts {
        Counts {
            received: submissions.len(),
            late: submissions.iter().filter(|s| s.submission.late).count(),
            published: submissions.iter().filter(|s| s.submission.publish).count(),
        }
    }
}

/// "A/HRC/RES/56/2, paragraph 36": the mandate as cited, in the interface's language.
pub fn mandate_label(lang: Lang, key: &MandateKey) -> String {
    lang.t_args(
        "seminar-mandate-label",
        &[
            ("symbol", key.symbol.clone().into()),
            ("paragraph", key.paragraph.to_string().into()),
        ],
    )
}

pub fn submitter_type_name(lang: Lang, kind: SubmitterType) -> String {
    lang.t(&format!("consultation-submitter-{}", kind.slug()))
}

/// A new call as typed, in the pages' form or the API's body.
pub struct CallFields<'a> {
    pub title: &'a str,
    pub questions: Vec<String>,
    pub opens: &'a str,
    pub deadline: &'a str,
    pub addressee: &'a str,
    pub paragraph: &'a str,
    pub symbol: &'a str,
}

/// The mandate and the call, or every problem of the form. The mandate's fields are named as
/// `mandate_field` says (`paragraph` in the page's form, `mandate.paragraph` in the API); the
/// domain's `resolution` and `paragraph` are the mandate's symbol and paragraph.
pub fn check_call(
    fields: &CallFields<'_>,
    mandate_field: impl Fn(&str) -> String,
) -> Result<(MandateKey, Call), Vec<FieldError>> {
    let mut errors = Vec::new();
    let key = match mandate_key(
        fields.addressee.trim(),
        fields.paragraph.trim(),
        fields.symbol.trim(),
    ) {
        Ok(key) => Some(key),
        Err(message) => {
            let name = ["addressee", "paragraph", "symbol"]
                .into_iter()
                .find(|n| message.starts_with(n))
                .unwrap_or("symbol");
            let message = message
                .strip_prefix(name)
                .map(|m| m.trim_start_matches(':').trim())
                .unwrap_or(&message)
                .to_owned();
            errors.push(FieldError::new(mandate_field(name), "invalid", message));
            None
        }
    };
    let draft = CallDraft {
        title: fields.title.to_owned(),
        questions: fields.questions.clone(),
        opens: fields.opens.trim().to_owned(),
        deadline: fields.deadline.trim().to_owned(),
        resolution: key.as_ref().map_or_else(String::new, |k| k.symbol.clone()),
        paragraph: key
            .as_ref()
            .map_or_else(String::new, |k| k.paragraph.to_string()),
    };
    match draft.validate(0) {
        Ok(call) if errors.is_empty() => Ok((key.expect("no error, so a key"), call)),
        Ok(_) => Err(errors),
        Err(domain) => {
            for mut e in domain {
                match e.field.as_str() {
                    // Said once, by the mandate's own check.
                    "resolution" | "paragraph" if key.is_none() => continue,
                    "resolution" => e.field = mandate_field("symbol"),
                    "paragraph" => e.field = mandate_field("paragraph"),
                    _ => {}
                }
                errors.push(e);
            }
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields<'a>(questions: &[&str], addressee: &'a str) -> CallFields<'a> {
        CallFields {
            title: "Call for inputs on cooperation",
            questions: questions.iter().map(|q| (*q).to_owned()).collect(),
            opens: "2026-02-01",
            deadline: "2026-03-15",
            addressee,
            paragraph: "36",
            symbol: "A/HRC/RES/56/2",
        }
    }

    #[test]
    fn a_call_takes_its_mandate_from_the_key() {
        let (key, call) = check_call(&fields(&["What?"], "high-commissioner"), str::to_owned)
            .expect("a complete call");
        assert_eq!(key.paragraph, 36);
        assert_eq!(call.mandate.resolution, "A/HRC/RES/56/2");
        assert_eq!(call.mandate.paragraph, "36");
        assert_eq!(Status::of(&call, call.opens), Status::Open);
        assert_eq!(Status::of(&call, call.deadline), Status::Open);
        assert_eq!(
            Status::of(&call, call.opens.pred_opt().unwrap()),
            Status::Upcoming
        );
        assert_eq!(
            Status::of(&call, call.deadline.succ_opt().unwrap()),
            Status::Closed
        );
    }

    #[test]
    fn every_problem_names_its_field_once() {
        let errors = check_call(&fields(&["What?", " "], "nobody"), |n| {
            format!("mandate.{n}")
        })
        .unwrap_err();
        let named: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(named, ["mandate.addressee", "questions[1]"]);
        assert!(
            errors[0].message.starts_with("must be one of"),
            "{}",
            errors[0]
        );
    }
}
