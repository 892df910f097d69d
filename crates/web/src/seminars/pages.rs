//! The seminars' pages: the list, a seminar (with the forms of whoever reads it), the
//! secretariat's form for a new one.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;
use taawun_cooperation::seminar::{
    InputDraft, InputKind, RegistrationDraft, RegistrationStatus, SeminarDraft, StakeholderType,
    VenueKind, public_participants,
};
use taawun_cooperation::{FieldError, Region, Role};
use taawun_store::StoreError;
use taawun_store::cooperation::{CooperationError, RegistrationRow, SeminarRow};

use super::{
    href, input_kind_name, own_registration, region_name, registration_status_name, runs_seminars,
    seminar_of, stakeholder_name, venue_name,
};
use crate::AppState;
use crate::auth::{CsrfForm, CsrfToken, Principal};
use crate::council::{mandate_href, mandate_key};
use crate::error::HtmlError;
use crate::format::date;
use crate::forms::field;
use crate::i18n::Lang;
use crate::page::{PageContext, render};

pub struct SeminarListRow {
    pub href: String,
    pub title: String,
    pub region: String,
    pub dates: String,
    pub venue: String,
    pub registration: String,
    pub mandate: String,
    pub mandate_href: String,
}

#[derive(Template)]
#[template(path = "seminars.html")]
struct ListPage {
    page: PageContext,
    rows: Vec<SeminarListRow>,
    may_create: bool,
}

fn dates(lang: Lang, start: chrono::NaiveDate, end: chrono::NaiveDate) -> String {
    if start == end {
        date(start, lang)
    } else {
        format!("{} – {}", date(start, lang), date(end, lang))
    }
}

/// Where registration stands today, as a sentence.
fn registration_line(lang: Lang, row: &SeminarRow, today: chrono::NaiveDate) -> String {
    let s = &row.seminar;
    if today < s.registration_opens {
        lang.t_args(
            "seminar-registration-opens",
            &[("day", date(s.registration_opens, lang).into())],
        )
    } else if today <= s.registration_deadline {
        lang.t_args(
            "seminar-registration-open",
            &[("day", date(s.registration_deadline, lang).into())],
        )
    } else {
        lang.t_args(
            "seminar-registration-closed",
            &[("day", date(s.registration_deadline, lang).into())],
        )
    }
}

fn mandate_label(lang: Lang, row: &SeminarRow) -> String {
    lang.t_args(
        "seminar-mandate-label",
        &[
            ("symbol", row.mandate.symbol.clone().into()),
            ("paragraph", row.mandate.paragraph.to_string().into()),
        ],
    )
}

pub async fn list(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
) -> Result<Response, HtmlError> {
    let rows = app
        .store
        .cooperation()
        .seminars(None)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let today = Utc::now().date_naive();
    let view = ListPage {
        rows: rows
            .iter()
            .map(|row| SeminarListRow {
                href: href(row.seminar.id),
                title: row.seminar.title.clone(),
                region: region_name(lang, row.seminar.region),
                dates: dates(lang, row.seminar.start, row.seminar.end),
                venue: match row.seminar.venue.place() {
                    Some(place) => {
                        format!("{} — {place}", venue_name(lang, row.seminar.venue.kind()))
                    }
                    None => venue_name(lang, row.seminar.venue.kind()),
                },
                registration: registration_line(lang, row, today),
                mandate: mandate_label(lang, row),
                mandate_href: mandate_href(&row.mandate),
            })
            .collect(),
        may_create: runs_seminars(&principal),
        page: PageContext::new(lang, "/seminars", lang.t("seminars-title")),
    };
    Ok(render(&view, StatusCode::OK))
}

#[derive(Deserialize, Default)]
pub struct MandateParams {
    pub addressee: Option<String>,
    pub paragraph: Option<String>,
    pub symbol: Option<String>,
}

#[derive(Template)]
#[template(path = "seminar_form.html")]
struct FormPage {
    page: PageContext,
    values: Vec<(&'static str, String)>,
    agenda: String,
    errors: Vec<(String, String)>,
    regions: Vec<(&'static str, String)>,
    venues: Vec<(&'static str, String)>,
    csrf: String,
}

impl FormPage {
    fn value(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

const FORM_FIELDS: [&str; 11] = [
    "title",
    "region",
    "start",
    "end",
    "registration_opens",
    "registration_deadline",
    "venue",
    "place",
    "addressee",
    "paragraph",
    "symbol",
];

fn form_page(
    lang: Lang,
    csrf: &CsrfToken,
    values: Vec<(&'static str, String)>,
    agenda: String,
    errors: Vec<(String, String)>,
) -> FormPage {
    FormPage {
        values,
        agenda,
        errors,
        regions: Region::ALL
            .into_iter()
            .filter(|r| *r != Region::Global)
            .map(|r| (r.slug(), region_name(lang, r)))
            .collect(),
        venues: VenueKind::ALL
            .into_iter()
            .map(|v| (v.slug(), venue_name(lang, v)))
            .collect(),
        csrf: csrf.0.clone(),
        page: PageContext::new(lang, "/seminars/new", lang.t("seminar-new-title")),
    }
}

pub async fn new_seminar(
    lang: Lang,
    csrf: CsrfToken,
    Query(params): Query<MandateParams>,
) -> Response {
    let values = vec![
        ("addressee", params.addressee.unwrap_or_default()),
        ("paragraph", params.paragraph.unwrap_or_default()),
        ("symbol", params.symbol.unwrap_or_default()),
        ("venue", "in-person".to_owned()),
    ];
    render(
        &form_page(lang, &csrf, values, String::new(), Vec::new()),
        StatusCode::OK,
    )
}

/// The agenda as typed: one item a line, blank lines dropped.
fn agenda_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

pub async fn create_seminar(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let draft = SeminarDraft {
        title: field(&form, "title").to_owned(),
        region: field(&form, "region").to_owned(),
        start: field(&form, "start").to_owned(),
        end: field(&form, "end").to_owned(),
        registration_opens: field(&form, "registration_opens").to_owned(),
        registration_deadline: field(&form, "registration_deadline").to_owned(),
        venue: field(&form, "venue").to_owned(),
        place: field(&form, "place").to_owned(),
        agenda: agenda_lines(field(&form, "agenda")),
    };
    let mut errors: Vec<(String, String)> = Vec::new();
    let key = mandate_key(
        field(&form, "addressee"),
        field(&form, "paragraph"),
        field(&form, "symbol"),
    )
    .map_err(|m| errors.push(("mandate".to_owned(), m)))
    .ok();
    let seminar = draft
        .validate(0)
        .map_err(|e| errors.extend(e.into_iter().map(|e| (e.field, e.message))))
        .ok();
    let again = |errors: Vec<(String, String)>| {
        let values = FORM_FIELDS
            .iter()
            .map(|name| (*name, field(&form, name).to_owned()))
            .collect();
        render(
            &form_page(
                lang,
                &csrf,
                values,
                field(&form, "agenda").to_owned(),
                errors,
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let (Some(key), Some(seminar)) = (key, seminar) else {
        return Ok(again(errors));
    };
    match app
        .store
        .cooperation()
        .create_seminar(&principal.change_context(), &key, &seminar)
        .await
    {
        Ok(row) => Ok(Redirect::to(&href(row.seminar.id)).into_response()),
        Err(CooperationError::NotFound(what)) => Ok(again(vec![(
            "mandate".to_owned(),
            format!("there is no {what}"),
        )])),
        Err(e) => Err(error_page(lang, e)),
    }
}

/// A refusal as the page shows it.
pub(crate) fn error_page(lang: Lang, error: CooperationError) -> HtmlError {
    match error {
        CooperationError::Store(e) => HtmlError::internal(lang, &e),
        CooperationError::NotFound(what) => HtmlError::not_found(lang, format!("no {what}")),
        other => HtmlError::with_status(lang, StatusCode::CONFLICT, other.to_string()),
    }
}

pub struct AgendaRow {
    pub number: u32,
    pub title: String,
    pub notes: String,
    pub noted_by: String,
    /// "3 versions" when the notes were replaced; empty otherwise.
    pub versions: String,
}

pub struct ParticipantRow {
    pub name: String,
    pub organisation: String,
    pub state: String,
    pub kind: String,
}

pub struct InputRow {
    pub kind: String,
    pub kind_slug: &'static str,
    pub theme: String,
    pub agenda_item: String,
    pub text: String,
    pub by: String,
}

pub struct RegistrationView {
    pub id: i64,
    pub name: String,
    pub organisation: String,
    pub state: String,
    pub email: String,
    pub kind: String,
    pub listed: bool,
    pub status: &'static str,
    pub status_label: String,
    pub reason: String,
}

/// What the reader typed into one of the seminar's forms, sent back with its errors.
#[derive(Default)]
pub struct Feedback {
    pub form: &'static str,
    pub errors: Vec<(String, String)>,
    pub values: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "seminar.html")]
struct SeminarPage {
    page: PageContext,
    id: i64,
    title: String,
    region: String,
    dates: String,
    venue: String,
    registration: String,
    mandate: String,
    mandate_href: String,
    agenda: Vec<AgendaRow>,
    participants: Vec<ParticipantRow>,
    participants_line: String,
    inputs: Vec<InputRow>,
    inputs_line: String,
    signed_in: bool,
    registration_open: bool,
    inputs_open: bool,
    own: Option<RegistrationView>,
    own_line: String,
    runs: bool,
    registrations: Vec<RegistrationView>,
    stakeholder_types: Vec<(&'static str, String)>,
    input_kinds: Vec<(&'static str, String)>,
    feedback: Feedback,
    csrf: String,
    user_name: String,
}

impl SeminarPage {
    fn typed(&self, name: &str) -> &str {
        self.feedback
            .values
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

fn state_name(lang: Lang, iso3: &str) -> String {
    taawun_states::by_iso3(iso3)
        .map_or_else(|| iso3.to_owned(), |s| s.names.get(lang.code()).to_owned())
}

fn registration_view(lang: Lang, r: &RegistrationRow) -> RegistrationView {
    let r = &r.registration;
    RegistrationView {
        id: r.id,
        name: r.name.clone(),
        organisation: r.organisation.clone().unwrap_or_default(),
        state: r
            .state
            .as_deref()
            .map(|s| state_name(lang, s))
            .unwrap_or_default(),
        email: r.email.clone(),
        kind: stakeholder_name(lang, r.stakeholder_type),
        listed: r.listed,
        status: r.status.slug(),
        status_label: registration_status_name(lang, r.status),
        reason: r
            .decision
            .as_ref()
            .and_then(|d| d.reason.clone())
            .unwrap_or_default(),
    }
}

async fn seminar_page(
    app: &AppState,
    lang: Lang,
    principal: &Principal,
    csrf: &CsrfToken,
    id: &str,
    feedback: Feedback,
    status: StatusCode,
) -> Result<Response, HtmlError> {
    let internal = |e: StoreError| HtmlError::internal(lang, &e);
    let row = seminar_of(app, id)
        .await
        .map_err(internal)?
        .ok_or_else(|| {
            HtmlError::not_found(
                lang,
                lang.t_args("seminar-unknown", &[("id", id.trim().to_owned().into())]),
            )
        })?;
    let store = app.store.cooperation();
    let registrations = store
        .registrations(row.seminar.id)
        .await
        .map_err(internal)?;
    let inputs = store.inputs(row.seminar.id).await.map_err(internal)?;
    let notes = store.notes(row.seminar.id).await.map_err(internal)?;
    let runs = runs_seminars(principal);
    let today = Utc::now().date_naive();
    let seminar = &row.seminar;
    let plain: Vec<_> = registrations
        .iter()
        .map(|r| r.registration.clone())
        .collect();
    let by_registration = |id: i64| registrations.iter().find(|r| r.registration.id == id);
    // The public reads published inputs; attributed only where the participant agreed.
    let shown: Vec<InputRow> = inputs
        .iter()
        .filter(|i| runs || i.publish)
        .map(|i| InputRow {
            kind: input_kind_name(lang, i.kind),
            kind_slug: i.kind.slug(),
            theme: i.theme.label.clone(),
            agenda_item: i
                .agenda_item
                .and_then(|n| seminar.agenda_item(n))
                .map(|a| format!("{}. {}", a.number, a.title))
                .unwrap_or_default(),
            text: i.text.clone(),
            by: match by_registration(i.registration_id) {
                Some(r) if i.quote || runs => {
                    let r = &r.registration;
                    match &r.organisation {
                        Some(o) => format!("{} ({o})", r.name),
                        None => r.name.clone(),
                    }
                }
                Some(r) => stakeholder_name(lang, r.registration.stakeholder_type),
                None => String::new(),
            },
        })
        .collect();
    let participants: Vec<ParticipantRow> = public_participants(&plain)
        .into_iter()
        .map(|p| ParticipantRow {
            name: p.name,
            organisation: p.organisation.unwrap_or_default(),
            state: p
                .state
                .as_deref()
                .map(|s| state_name(lang, s))
                .unwrap_or_default(),
            kind: stakeholder_name(lang, p.stakeholder_type),
        })
        .collect();
    let own = own_registration(principal, &registrations).map(|r| registration_view(lang, r));
    let view = SeminarPage {
        participants_line: lang.t_args(
            "seminar-participants-count",
            &[
                (
                    "approved",
                    plain.iter().filter(|r| r.is_approved()).count().into(),
                ),
                ("listed", participants.len().into()),
            ],
        ),
        participants,
        inputs_line: lang.t_args(
            "seminar-inputs-count",
            &[
                ("total", inputs.len().into()),
                (
                    "unpublished",
                    inputs.iter().filter(|i| !i.publish).count().into(),
                ),
            ],
        ),
        own_line: own
            .as_ref()
            .map(|o| {
                lang.t_args(
                    "seminar-own-status",
                    &[("status", o.status_label.clone().into())],
                )
            })
            .unwrap_or_default(),
        own,
        id: seminar.id,
        title: seminar.title.clone(),
        region: region_name(lang, seminar.region),
        dates: dates(lang, seminar.start, seminar.end),
        venue: match seminar.venue.place() {
            Some(place) => format!("{} — {place}", venue_name(lang, seminar.venue.kind())),
            None => venue_name(lang, seminar.venue.kind()),
        },
        registration: registration_line(lang, &row, today),
        mandate: mandate_label(lang, &row),
        mandate_href: mandate_href(&row.mandate),
        agenda: seminar
            .agenda
            .iter()
            .map(|a| {
                let kept = notes.iter().find(|n| n.agenda_item == a.number);
                let current = kept.and_then(|n| n.current());
                AgendaRow {
                    number: a.number,
                    title: a.title.clone(),
                    notes: current.map(|n| n.text.clone()).unwrap_or_default(),
                    noted_by: current
                        .map(|n| {
                            lang.t_args(
                                "seminar-noted-by",
                                &[
                                    ("author", n.author.clone().into()),
                                    ("day", date(n.at.date_naive(), lang).into()),
                                ],
                            )
                        })
                        .unwrap_or_default(),
                    versions: match kept.map_or(0, |n| n.versions.len()) {
                        0 | 1 => String::new(),
                        n => lang.t_args("seminar-notes-versions", &[("count", n.into())]),
                    },
                }
            })
            .collect(),
        inputs: shown,
        signed_in: principal.user.is_some(),
        registration_open: today >= seminar.registration_opens
            && today <= seminar.registration_deadline,
        inputs_open: today >= seminar.registration_opens && today <= seminar.end,
        runs,
        registrations: if runs {
            registrations
                .iter()
                .map(|r| registration_view(lang, r))
                .collect()
        } else {
            Vec::new()
        },
        stakeholder_types: StakeholderType::ALL
            .into_iter()
            .map(|k| (k.slug(), stakeholder_name(lang, k)))
            .collect(),
        input_kinds: InputKind::ALL
            .into_iter()
            .map(|k| (k.slug(), input_kind_name(lang, k)))
            .collect(),
        feedback,
        csrf: csrf.0.clone(),
        user_name: principal
            .user
            .as_ref()
            .map(|u| u.display_name.clone())
            .unwrap_or_default(),
        page: PageContext::new(lang, href(seminar.id), seminar.title.clone()),
    };
    Ok(render(&view, status))
}

pub async fn show(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
) -> Result<Response, HtmlError> {
    seminar_page(
        &app,
        lang,
        &principal,
        &csrf,
        &id,
        Feedback::default(),
        StatusCode::OK,
    )
    .await
}

/// The form's fields sent back to it.
fn typed(form: &[(String, String)]) -> Vec<(String, String)> {
    form.iter().filter(|(k, _)| k != "csrf").cloned().collect()
}

fn field_errors(errors: Vec<FieldError>) -> Vec<(String, String)> {
    errors.into_iter().map(|e| (e.field, e.message)).collect()
}

/// A yes/no answer as posted: absent when the question was left unanswered.
fn yes_no(value: &str) -> Option<bool> {
    match value {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// The refusal of a participant's form, sent back on the seminar's page with what was typed.
#[allow(clippy::too_many_arguments)]
async fn refused(
    app: &AppState,
    lang: Lang,
    principal: &Principal,
    csrf: &CsrfToken,
    id: &str,
    which: &'static str,
    form: &[(String, String)],
    error: CooperationError,
) -> Result<Response, HtmlError> {
    let (status, errors) = match error {
        CooperationError::Registration(
            taawun_cooperation::seminar::RegistrationRefusal::Invalid(errors),
        )
        | CooperationError::Input(taawun_cooperation::seminar::InputRefusal::Invalid(errors))
        | CooperationError::Note(taawun_cooperation::seminar::NoteRefusal::Invalid(errors))
        | CooperationError::Invalid(errors) => {
            (StatusCode::UNPROCESSABLE_ENTITY, field_errors(errors))
        }
        CooperationError::Store(e) => return Err(HtmlError::internal(lang, &e)),
        CooperationError::NotFound(what) => {
            return Err(HtmlError::not_found(lang, format!("no {what}")));
        }
        other => (
            StatusCode::CONFLICT,
            vec![(String::new(), other.to_string())],
        ),
    };
    seminar_page(
        app,
        lang,
        principal,
        csrf,
        id,
        Feedback {
            form: which,
            errors,
            values: typed(form),
        },
        status,
    )
    .await
}

pub async fn register(
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
    let seminar_id = id.trim().parse::<i64>().unwrap_or(0);
    let draft = RegistrationDraft {
        stakeholder_type: field(&form, "stakeholder_type").to_owned(),
        name: field(&form, "name").to_owned(),
        organisation: field(&form, "organisation").to_owned(),
        state: field(&form, "state").to_owned(),
        email: user.email.clone(),
        listed: field(&form, "listed") == "yes",
    };
    match app
        .store
        .cooperation()
        .register(
            &principal.change_context(),
            seminar_id,
            user.id,
            &draft,
            Utc::now(),
        )
        .await
    {
        Ok(_) => {
            Ok(Redirect::to(&format!("{}#own-registration", href(seminar_id))).into_response())
        }
        Err(e) => refused(&app, lang, &principal, &csrf, &id, "register", &form, e).await,
    }
}

pub async fn submit_input(
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
    let seminar_id = id.trim().parse::<i64>().unwrap_or(0);
    let draft = InputDraft {
        kind: field(&form, "kind").to_owned(),
        theme: field(&form, "theme").to_owned(),
        agenda_item: field(&form, "agenda_item").to_owned(),
        text: field(&form, "text").to_owned(),
        publish: yes_no(field(&form, "publish")),
        quote: yes_no(field(&form, "quote")),
    };
    match app
        .store
        .cooperation()
        .submit_input(
            &principal.change_context(),
            seminar_id,
            user.id,
            &draft,
            Utc::now(),
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("{}#inputs", href(seminar_id))).into_response()),
        Err(e) => refused(&app, lang, &principal, &csrf, &id, "input", &form, e).await,
    }
}

pub async fn decide(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let seminar_id = id.trim().parse::<i64>().unwrap_or(0);
    let registration = field(&form, "registration").parse::<i64>().unwrap_or(0);
    let decision = RegistrationStatus::parse(field(&form, "decision"))
        .filter(|d| *d != RegistrationStatus::Pending)
        .ok_or_else(|| {
            HtmlError::bad_request(
                lang,
                format!(
                    "decision must be approved or declined, not {:?}",
                    field(&form, "decision")
                ),
            )
        })?;
    // The registration must be of this seminar: the address says which seminar is decided on.
    let of_this = app
        .store
        .cooperation()
        .registrations(seminar_id)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?
        .iter()
        .any(|r| r.registration.id == registration);
    if !of_this {
        return Err(HtmlError::not_found(
            lang,
            format!("no registration {registration} for this seminar"),
        ));
    }
    match app
        .store
        .cooperation()
        .decide_registration(
            &principal.change_context(),
            registration,
            decision,
            field(&form, "reason"),
            Utc::now(),
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("{}#registrations", href(seminar_id))).into_response()),
        Err(e) => refused(&app, lang, &principal, &csrf, &id, "decide", &form, e).await,
    }
}

pub async fn replace_notes(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let seminar_id = id.trim().parse::<i64>().unwrap_or(0);
    let item = field(&form, "agenda_item").parse::<u32>().map_err(|_| {
        HtmlError::bad_request(
            lang,
            format!(
                "agenda_item must be an item's number, not {:?}",
                field(&form, "agenda_item")
            ),
        )
    })?;
    match app
        .store
        .cooperation()
        .replace_notes(
            &principal.change_context(),
            seminar_id,
            item,
            Role::Secretariat,
            field(&form, "author"),
            field(&form, "text"),
            Utc::now(),
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("{}#item-{item}", href(seminar_id))).into_response()),
        Err(e) => refused(&app, lang, &principal, &csrf, &id, "notes", &form, e).await,
    }
}
