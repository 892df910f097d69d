//! The consultations' pages: the list, a call (with the submission form for signed-in
//! accounts), the secretariat's form for a new call.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;
use taawun_cooperation::FieldError;
use taawun_cooperation::consultation::{
    AnswerDraft, Submission, SubmissionDraft, SubmissionRefusal, SubmitterType,
};
use taawun_store::StoreError;
use taawun_store::cooperation::CooperationError;

use super::{
    CallFields, Counts, Status, call_of, check_call, href, mandate_label, sees_all,
    submitter_type_name,
};
use crate::AppState;
use crate::auth::{CsrfForm, CsrfToken, Principal};
use crate::council::mandate_href;
use crate::error::HtmlError;
use crate::format::date;
use crate::forms::field;
use crate::i18n::Lang;
use crate::page::{PageContext, render};

pub struct CallListRow {
    pub href: String,
    pub title: String,
    pub mandate: String,
    pub mandate_href: String,
    pub opens: String,
    pub deadline: String,
    pub status: &'static str,
    pub status_label: String,
    pub received: usize,
    pub received_line: String,
}

#[derive(Template)]
#[template(path = "consultations.html")]
struct ListPage {
    page: PageContext,
    rows: Vec<CallListRow>,
    may_create: bool,
}

fn status_label(lang: Lang, status: Status) -> String {
    lang.t(&format!("consultation-status-{}", status.slug()))
}

pub async fn list(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
) -> Result<Response, HtmlError> {
    let internal = |e: StoreError| HtmlError::internal(lang, &e);
    let store = app.store.cooperation();
    let mut calls = store.calls(None).await.map_err(internal)?;
    // The store gives them by deadline; the newest deadline comes first here.
    calls.reverse();
    let today = Utc::now().date_naive();
    let mut rows = Vec::with_capacity(calls.len());
    for row in &calls {
        let received = store
            .submissions(row.call.id)
            .await
            .map_err(internal)?
            .len();
        let status = Status::of(&row.call, today);
        rows.push(CallListRow {
            href: href(row.call.id),
            title: row.call.title.clone(),
            mandate: mandate_label(lang, &row.mandate),
            mandate_href: mandate_href(&row.mandate),
            opens: date(row.call.opens, lang),
            deadline: date(row.call.deadline, lang),
            status: status.slug(),
            status_label: status_label(lang, status),
            received,
            received_line: lang
                .t_args("consultation-received-count", &[("count", received.into())]),
        });
    }
    let view = ListPage {
        rows,
        may_create: sees_all(&principal),
        page: PageContext::new(lang, "/consultations", lang.t("consultations-title")),
    };
    Ok(render(&view, StatusCode::OK))
}

/// The mandate a new call serves, as the mandate's page links to the form.
#[derive(Deserialize, Default)]
pub struct MandateParams {
    pub addressee: Option<String>,
    pub paragraph: Option<String>,
    pub symbol: Option<String>,
}

/// An error as a form shows it: the field's name as sent, its label in the reader's language,
/// what is wrong.
pub struct ErrorRow {
    pub field: String,
    pub label: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "consultation_form.html")]
struct FormPage {
    page: PageContext,
    values: Vec<(&'static str, String)>,
    errors: Vec<ErrorRow>,
    addressees: Vec<(&'static str, String)>,
    csrf: String,
}

impl FormPage {
    fn value(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    fn invalid(&self, name: &str) -> bool {
        self.errors
            .iter()
            .any(|e| e.field == name || e.field.starts_with(&format!("{name}[")))
    }
}

const FORM_FIELDS: [&str; 7] = [
    "title",
    "questions",
    "opens",
    "deadline",
    "addressee",
    "paragraph",
    "symbol",
];

const ADDRESSEES: [&str; 6] = [
    "high-commissioner",
    "secretary-general",
    "states",
    "the-body",
    "un-system",
    "other",
];

/// The label of a field of the call's form or the submission's form.
fn field_label(lang: Lang, field: &str) -> String {
    let index = |prefix: &str| {
        field
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(']'))
            .and_then(|n| n.parse::<usize>().ok())
    };
    if let Some(i) = index("questions[") {
        return lang.t_args(
            "consultation-question-number",
            &[("number", (i + 1).into())],
        );
    }
    let id = match field {
        "title" => "consultation-title-field",
        "questions" => "consultation-questions",
        "opens" => "consultation-opens-field",
        "deadline" => "consultation-deadline-field",
        "addressee" => "consultation-addressee",
        "paragraph" => "consultation-paragraph",
        "symbol" => "consultation-symbol",
        "mandate" => "consultation-mandate",
        "submitter_type" => "consultation-submitter-type",
        "name" => "consultation-name",
        "state" => "consultation-state",
        "email" => "consultation-email",
        "publish" => "consultation-publish-short",
        _ => "consultation-answers",
    };
    lang.t(id)
}

fn error_rows(lang: Lang, errors: Vec<FieldError>) -> Vec<ErrorRow> {
    errors
        .into_iter()
        .map(|e| ErrorRow {
            label: field_label(lang, &e.field),
            field: e.field,
            message: e.message,
        })
        .collect()
}

fn form_page(
    lang: Lang,
    csrf: &CsrfToken,
    values: Vec<(&'static str, String)>,
    errors: Vec<ErrorRow>,
) -> FormPage {
    FormPage {
        values,
        errors,
        addressees: ADDRESSEES
            .into_iter()
            .map(|a| (a, lang.t(&format!("addressee-{a}"))))
            .collect(),
        csrf: csrf.0.clone(),
        page: PageContext::new(lang, "/consultations/new", lang.t("consultation-new-title")),
    }
}

pub async fn new_call(
    lang: Lang,
    csrf: CsrfToken,
    Query(params): Query<MandateParams>,
) -> Response {
    let values = vec![
        ("addressee", params.addressee.unwrap_or_default()),
        ("paragraph", params.paragraph.unwrap_or_default()),
        ("symbol", params.symbol.unwrap_or_default()),
    ];
    render(&form_page(lang, &csrf, values, Vec::new()), StatusCode::OK)
}

/// The questions as typed: one a line, blank lines dropped.
fn question_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

pub async fn create_call(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let again = |errors: Vec<FieldError>| {
        let values = FORM_FIELDS
            .iter()
            .map(|name| (*name, field(&form, name).to_owned()))
            .collect();
        render(
            &form_page(lang, &csrf, values, error_rows(lang, errors)),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let fields = CallFields {
        title: field(&form, "title"),
        questions: question_lines(field(&form, "questions")),
        opens: field(&form, "opens"),
        deadline: field(&form, "deadline"),
        addressee: field(&form, "addressee"),
        paragraph: field(&form, "paragraph"),
        symbol: field(&form, "symbol"),
    };
    let (key, call) = match check_call(&fields, str::to_owned) {
        Ok(checked) => checked,
        Err(errors) => return Ok(again(errors)),
    };
    match app
        .store
        .cooperation()
        .create_call(&principal.change_context(), &key, &call)
        .await
    {
        Ok(row) => Ok(Redirect::to(&href(row.call.id)).into_response()),
        Err(CooperationError::NotFound(what)) => Ok(again(vec![FieldError::new(
            "mandate",
            "not-found",
            format!("there is no {what}"),
        )])),
        Err(CooperationError::Invalid(errors)) => Ok(again(errors)),
        Err(CooperationError::Store(e)) => Err(HtmlError::internal(lang, &e)),
        Err(other) => Err(HtmlError::with_status(
            lang,
            StatusCode::CONFLICT,
            other.to_string(),
        )),
    }
}

/// A question and the answer given to it.
pub struct AnswerRow {
    pub number: u32,
    pub question: String,
    pub text: String,
}

pub struct SubmissionView {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub state: String,
    /// Shown to the secretariat only.
    pub email: String,
    pub published: bool,
    pub late: bool,
    pub received: String,
    pub answers: Vec<AnswerRow>,
}

pub struct QuestionRow {
    pub number: u32,
    pub text: String,
    /// The form's field for its answer.
    pub name: String,
}

/// What the reader typed into the submission form, sent back with its errors.
#[derive(Default)]
pub struct Feedback {
    pub errors: Vec<ErrorRow>,
    /// A refusal that is no field's (the call is not open yet).
    pub refusal: String,
    pub values: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "consultation.html")]
struct CallPage {
    page: PageContext,
    id: i64,
    title: String,
    mandate: String,
    mandate_href: String,
    opens: String,
    deadline: String,
    status: &'static str,
    status_label: String,
    questions: Vec<QuestionRow>,
    counts_line: String,
    counts: Counts,
    submissions: Vec<SubmissionView>,
    sees_all: bool,
    signed_in: bool,
    /// Set after a submission: `on-time` or `late`, with its sentence.
    confirmation: Option<(&'static str, String)>,
    submitter_types: Vec<(&'static str, String)>,
    feedback: Feedback,
    csrf: String,
    user_name: String,
    user_email: String,
    not_open_line: String,
}

impl CallPage {
    /// What the reader typed in a field, or (before anything was sent) what the form starts
    /// with.
    fn typed(&self, name: &str) -> &str {
        let sent = self
            .feedback
            .values
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str());
        match (sent, name) {
            (Some(v), _) => v,
            (None, "name") if self.feedback.values.is_empty() => &self.user_name,
            (None, "email") if self.feedback.values.is_empty() => &self.user_email,
            (None, _) => "",
        }
    }

    fn invalid(&self, name: &str) -> bool {
        self.feedback.errors.iter().any(|e| e.field == name)
    }
}

fn state_name(lang: Lang, iso3: &str) -> String {
    taawun_states::by_iso3(iso3)
        .map_or_else(|| iso3.to_owned(), |s| s.names.get(lang.code()).to_owned())
}

#[derive(Deserialize, Default)]
pub struct ShowParams {
    /// Set by the redirect after a submission: `on-time` or `late`.
    pub submitted: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn call_page(
    app: &AppState,
    lang: Lang,
    principal: &Principal,
    csrf: &CsrfToken,
    id: &str,
    submitted: Option<&str>,
    feedback: Feedback,
    status: StatusCode,
) -> Result<Response, HtmlError> {
    let internal = |e: StoreError| HtmlError::internal(lang, &e);
    let row = call_of(app, id).await.map_err(internal)?.ok_or_else(|| {
        HtmlError::not_found(
            lang,
            lang.t_args(
                "consultation-unknown",
                &[("id", id.trim().to_owned().into())],
            ),
        )
    })?;
    let call = &row.call;
    let submissions = app
        .store
        .cooperation()
        .submissions(call.id)
        .await
        .map_err(internal)?;
    let all = sees_all(principal);
    let counts = Counts::of(&submissions);
    let today = Utc::now().date_naive();
    let call_status = Status::of(call, today);
    let view_of = |s: &Submission| SubmissionView {
        id: s.id,
        name: s.name.clone(),
        kind: submitter_type_name(lang, s.submitter_type),
        state: s
            .state
            .as_deref()
            .map(|c| state_name(lang, c))
            .unwrap_or_default(),
        email: if all {
            s.email.clone().unwrap_or_default()
        } else {
            String::new()
        },
        published: s.publish,
        late: s.late,
        received: date(s.at.date_naive(), lang),
        answers: s
            .answers
            .iter()
            .map(|a| AnswerRow {
                number: a.question,
                question: call
                    .question(a.question)
                    .map(|q| q.text.clone())
                    .unwrap_or_default(),
                text: a.text.clone(),
            })
            .collect(),
    };
    let deadline = date(call.deadline, lang);
    let view = CallPage {
        id: call.id,
        title: call.title.clone(),
        mandate: mandate_label(lang, &row.mandate),
        mandate_href: mandate_href(&row.mandate),
        opens: date(call.opens, lang),
        status: call_status.slug(),
        status_label: status_label(lang, call_status),
        questions: call
            .questions
            .iter()
            .map(|q| QuestionRow {
                number: q.number,
                text: q.text.clone(),
                name: format!("answer_{}", q.number),
            })
            .collect(),
        counts_line: lang.t_args(
            "consultation-counts",
            &[
                ("received", counts.received.into()),
                ("late", counts.late.into()),
                ("published", counts.published.into()),
            ],
        ),
        counts,
        submissions: submissions
            .iter()
            .map(|s| &s.submission)
            .filter(|s| all || s.publish)
            .map(view_of)
            .collect(),
        sees_all: all,
        signed_in: principal.user.is_some(),
        confirmation: match submitted {
            Some("on-time") => Some(("on-time", lang.t("consultation-submitted-on-time"))),
            Some("late") => Some((
                "late",
                lang.t_args(
                    "consultation-submitted-late",
                    &[("day", deadline.clone().into())],
                ),
            )),
            _ => None,
        },
        submitter_types: SubmitterType::ALL
            .into_iter()
            .map(|k| (k.slug(), submitter_type_name(lang, k)))
            .collect(),
        feedback,
        csrf: csrf.0.clone(),
        user_name: principal
            .user
            .as_ref()
            .map(|u| u.display_name.clone())
            .unwrap_or_default(),
        user_email: principal
            .user
            .as_ref()
            .map(|u| u.email.clone())
            .unwrap_or_default(),
        not_open_line: lang.t_args(
            "consultation-not-open",
            &[("day", date(call.opens, lang).into())],
        ),
        deadline,
        page: PageContext::new(lang, href(call.id), call.title.clone()),
    };
    Ok(render(&view, status))
}

pub async fn show(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    Query(params): Query<ShowParams>,
) -> Result<Response, HtmlError> {
    call_page(
        &app,
        lang,
        &principal,
        &csrf,
        &id,
        params.submitted.as_deref(),
        Feedback::default(),
        StatusCode::OK,
    )
    .await
}

/// A yes/no answer as posted: absent when the question was left unanswered.
fn yes_no(value: &str) -> Option<bool> {
    match value {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// The submission as posted: one field a question (`answer_1`, `answer_2`, …), blank answers
/// not sent; and for each answer sent, the form's field it came from.
fn submission_from_form(form: &[(String, String)]) -> (SubmissionDraft, Vec<String>) {
    let mut answers: Vec<AnswerDraft> = Vec::new();
    let mut names = Vec::new();
    for (name, value) in form {
        let Some(number) = name
            .strip_prefix("answer_")
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if value.trim().is_empty() {
            continue;
        }
        answers.push(AnswerDraft {
            question: number,
            text: value.trim().to_owned(),
        });
        names.push(name.clone());
    }
    let draft = SubmissionDraft {
        submitter_type: field(form, "submitter_type").to_owned(),
        name: field(form, "name").to_owned(),
        state: field(form, "state").to_owned(),
        email: field(form, "email").to_owned(),
        answers,
        publish: yes_no(field(form, "publish")),
    };
    (draft, names)
}

pub async fn submit(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let Some(user) = principal.user.clone() else {
        return Err(HtmlError::forbidden(lang));
    };
    let row = call_of(&app, &id)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?
        .ok_or_else(|| {
            HtmlError::not_found(
                lang,
                lang.t_args(
                    "consultation-unknown",
                    &[("id", id.trim().to_owned().into())],
                ),
            )
        })?;
    let (draft, answer_fields) = submission_from_form(&form);
    let typed =
        || -> Vec<(String, String)> { form.iter().filter(|(k, _)| k != "csrf").cloned().collect() };
    let result = app
        .store
        .cooperation()
        .submit(
            &principal.change_context(),
            row.call.id,
            Some(user.id),
            &draft,
            Utc::now(),
        )
        .await;
    let (status, feedback) = match result {
        Ok(done) => {
            let when = if done.submission.late {
                "late"
            } else {
                "on-time"
            };
            return Ok(Redirect::to(&format!(
                "{}?submitted={when}#confirmation",
                href(row.call.id)
            ))
            .into_response());
        }
        Err(
            CooperationError::Submission(SubmissionRefusal::Invalid(errors))
            | CooperationError::Invalid(errors),
        ) => {
            // `answers[i]` is the i-th answer sent: named here by its question's field.
            let errors = errors
                .into_iter()
                .map(|mut e| {
                    if let Some(name) = e
                        .field
                        .strip_prefix("answers[")
                        .and_then(|r| r.strip_suffix(']'))
                        .and_then(|i| i.parse::<usize>().ok())
                        .and_then(|i| answer_fields.get(i))
                    {
                        e.field = name.clone();
                    }
                    e
                })
                .collect::<Vec<_>>();
            let mut rows = error_rows(lang, errors);
            for r in &mut rows {
                if let Some(number) = r.field.strip_prefix("answer_") {
                    r.label = lang.t_args(
                        "consultation-answer-to",
                        &[("number", number.to_owned().into())],
                    );
                }
            }
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Feedback {
                    errors: rows,
                    refusal: String::new(),
                    values: typed(),
                },
            )
        }
        Err(CooperationError::Submission(SubmissionRefusal::NotOpen { opens })) => (
            StatusCode::CONFLICT,
            Feedback {
                errors: Vec::new(),
                refusal: lang.t_args(
                    "consultation-not-open",
                    &[("day", date(opens, lang).into())],
                ),
                values: typed(),
            },
        ),
        Err(CooperationError::NotFound(what)) => {
            return Err(HtmlError::not_found(lang, format!("no {what}")));
        }
        Err(CooperationError::Store(e)) => return Err(HtmlError::internal(lang, &e)),
        Err(other) => (
            StatusCode::CONFLICT,
            Feedback {
                errors: Vec::new(),
                refusal: other.to_string(),
                values: typed(),
            },
        ),
    };
    call_page(&app, lang, &principal, &csrf, &id, None, feedback, status).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_answers_are_not_sent_and_consent_is_not_assumed() {
        let form: Vec<(String, String)> = [
            ("csrf", "x"),
            ("submitter_type", "ngo"),
            ("name", " Friends of Justice "),
            ("answer_1", "  "),
            ("answer_2", "Legal aid clinics."),
            ("answer_x", "ignored"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let (draft, names) = submission_from_form(&form);
        assert_eq!(draft.name, "Friends of Justice");
        assert_eq!(draft.answers.len(), 1);
        assert_eq!(draft.answers[0].question, 2);
        assert_eq!(names, ["answer_2"]);
        assert_eq!(draft.publish, None);
    }

    #[test]
    fn questions_are_read_one_a_line() {
        assert_eq!(
            question_lines("What challenges?\r\n\n  Which practices?  \n"),
            ["What challenges?", "Which practices?"]
        );
        assert_eq!(
            field_label(Lang::En, "questions[2]"),
            Lang::En.t_args("consultation-question-number", &[("number", 3.into())])
        );
    }
}
