//! `/sessions` (the calendar, and the secretariat's amendments) and a mandate's page with its
//! outputs (and the secretariat's forms).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use taawun_council::calendar::parse_dates;
use taawun_council::mandates::OutputDraft;
use taawun_store::MandateRecord;
use taawun_store::council::{CouncilError, OutputKind, OutputState, Session, SessionKind};

use super::api::{amender, key_of};
use super::{Today, mandate_href, mandate_key, session_kind};
use crate::AppState;
use crate::auth::{CsrfForm, CsrfToken, Principal};
use crate::error::HtmlError;
use crate::format::date;
use crate::forms::field;
use crate::i18n::Lang;
use crate::page::{PageContext, render};

pub struct SessionRow {
    pub kind: &'static str,
    pub number: u32,
    pub label: String,
    pub opening: String,
    pub closing: String,
    pub source: Option<&'static str>,
    pub amendment: Option<String>,
    pub is_current: bool,
}

#[derive(Template)]
#[template(path = "sessions.html")]
struct SessionsPage {
    page: PageContext,
    today_line: String,
    regular: Vec<SessionRow>,
    special: Vec<SessionRow>,
    secretariat: bool,
    csrf: String,
}

fn row(
    session: &Session,
    today: &Today,
    amendments: &[taawun_store::council::SessionAmendment],
    lang: Lang,
) -> SessionRow {
    SessionRow {
        kind: session.kind.slug(),
        number: session.number,
        label: session.label(),
        opening: date(session.opening, lang),
        closing: date(session.closing, lang),
        source: taawun_council::table::source(session.kind, session.number),
        amendment: amendments
            .iter()
            .find(|a| a.session.kind == session.kind && a.session.number == session.number)
            .map(|a| a.reason.clone()),
        is_current: session.contains(today.today),
    }
}

pub async fn sessions(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
) -> Result<Response, HtmlError> {
    let internal = |e: taawun_store::StoreError| HtmlError::internal(lang, &e);
    let today = Today::read(&app).await.map_err(internal)?;
    let amendments = app
        .store
        .council()
        .session_amendments()
        .await
        .map_err(internal)?;
    let last = today.last_closed.and_then(|n| today.calendar.regular(n));
    let next = today.calendar.current_or_next_regular(today.today);
    let mut today_line = lang.t_args(
        "sessions-today",
        &[("today", date(today.today, lang).into())],
    );
    if let Some(last) = last {
        today_line.push(' ');
        today_line.push_str(&lang.t_args(
            "sessions-last-closed",
            &[
                ("number", last.number.to_string().into()),
                ("closing", date(last.closing, lang).into()),
            ],
        ));
    }
    today_line.push(' ');
    today_line.push_str(&match next {
        Some(next) => lang.t_args(
            "sessions-next",
            &[
                ("number", next.number.to_string().into()),
                ("opening", date(next.opening, lang).into()),
            ],
        ),
        None => lang.t("sessions-next-unknown"),
    });
    let view = SessionsPage {
        today_line,
        regular: today
            .calendar
            .of_kind(SessionKind::Regular)
            .rev()
            .map(|s| row(s, &today, &amendments, lang))
            .collect(),
        special: today
            .calendar
            .of_kind(SessionKind::Special)
            .rev()
            .map(|s| row(s, &today, &amendments, lang))
            .collect(),
        secretariat: principal.subject().is_secretariat() || principal.subject().is_admin(),
        csrf: csrf.0.clone(),
        page: PageContext::new(lang, "/sessions", lang.t("sessions-title")),
    };
    Ok(render(&view, StatusCode::OK))
}

pub async fn amend_session(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let bad = |m: String| HtmlError::bad_request(lang, m);
    let kind = session_kind(field(&form, "kind")).map_err(bad)?;
    let raw_number = field(&form, "number");
    let number = raw_number
        .parse::<u32>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            bad(format!(
                "number must be a session number, not {raw_number:?}"
            ))
        })?;
    let (opening, closing) = parse_dates(field(&form, "opening"), field(&form, "closing"))
        .map_err(|errors| {
            bad(errors
                .into_iter()
                .map(|(_, m)| m)
                .collect::<Vec<_>>()
                .join("; "))
        })?;
    app.store
        .council()
        .amend_session(
            &principal.change_context(),
            &Session {
                kind,
                number,
                opening,
                closing,
            },
            field(&form, "reason"),
            &amender(&principal),
        )
        .await
        .map_err(|e| council_to_html(lang, e))?;
    Ok(Redirect::to(&format!("/sessions#{}-{number}", kind.slug())).into_response())
}

fn council_to_html(lang: Lang, error: CouncilError) -> HtmlError {
    match error {
        CouncilError::Store(e) => HtmlError::internal(lang, &e),
        CouncilError::NotFound(what) => HtmlError::not_found(lang, format!("no {what}")),
        other => HtmlError::bad_request(lang, other.to_string()),
    }
}

pub struct OutputRow {
    pub id: i64,
    pub kind: &'static str,
    pub title: String,
    pub state: &'static str,
    pub document_symbol: String,
    pub delivered_on: String,
    pub delivered_iso: String,
    pub link: String,
    pub version: i64,
}

#[derive(Template)]
#[template(path = "mandate.html")]
struct MandatePage {
    page: PageContext,
    record: MandateRecord,
    href: String,
    addressee: String,
    output_asked: String,
    due: Option<String>,
    status_label: String,
    status_note: String,
    outputs: Vec<OutputRow>,
    kinds: Vec<&'static str>,
    states: Vec<&'static str>,
    secretariat: bool,
    csrf: String,
    today: String,
    /// The mandate's seminars and calls for inputs: (address, title, dates).
    seminars: Vec<(String, String, String)>,
    calls: Vec<(String, String, String)>,
    /// Query string naming the mandate, for the forms that plan a seminar or a call.
    mandate_query: String,
    summary_href: String,
    summary_line: String,
}

pub async fn mandate(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path((addressee, paragraph, symbol)): Path<(String, String, String)>,
) -> Result<Response, HtmlError> {
    let internal = |e: taawun_store::StoreError| HtmlError::internal(lang, &e);
    let key =
        mandate_key(&addressee, &paragraph, &symbol).map_err(|m| HtmlError::not_found(lang, m))?;
    let today = Today::read(&app).await.map_err(internal)?;
    let record = app
        .store
        .council()
        .mandate(&key, today.last_closed)
        .await
        .map_err(internal)?
        .ok_or_else(|| {
            HtmlError::not_found(
                lang,
                lang.t_args(
                    "mandate-unknown",
                    &[
                        ("symbol", key.symbol.clone().into()),
                        ("paragraph", key.paragraph.to_string().into()),
                    ],
                ),
            )
        })?;
    let outputs = app
        .store
        .council()
        .outputs(std::slice::from_ref(&key))
        .await
        .map_err(internal)?;
    let cooperation = app.store.cooperation();
    let seminars = cooperation
        .seminars(Some(&key))
        .await
        .map_err(internal)?
        .into_iter()
        .map(|row| {
            (
                crate::seminars::href(row.seminar.id),
                row.seminar.title,
                format!(
                    "{} – {}",
                    date(row.seminar.start, lang),
                    date(row.seminar.end, lang)
                ),
            )
        })
        .collect();
    let calls = cooperation
        .calls(Some(&key))
        .await
        .map_err(internal)?
        .into_iter()
        .map(|row| {
            (
                format!("/consultations/{}", row.call.id),
                row.call.title,
                format!(
                    "{} – {}",
                    date(row.call.opens, lang),
                    date(row.call.deadline, lang)
                ),
            )
        })
        .collect();
    let summary_line = crate::summary::pages::report_line(&app, lang, &key)
        .await
        .map_err(internal)?;
    let due_session = today.due(record.due_session);
    let due = record.due_session.map(|n| match due_session {
        Some(s) => lang.t_args(
            "mandate-due-dates",
            &[
                ("number", n.to_string().into()),
                ("opening", date(s.opening, lang).into()),
                ("closing", date(s.closing, lang).into()),
            ],
        ),
        None => lang.t_args("mandate-due-undated", &[("number", n.to_string().into())]),
    });
    let status_note = match (record.status.as_str(), due_session) {
        ("late", Some(s)) => lang.t_args(
            "mandate-note-late",
            &[
                ("number", s.number.to_string().into()),
                ("closing", date(s.closing, lang).into()),
            ],
        ),
        ("discontinued", _) => lang.t_args(
            "mandate-note-discontinued",
            &[(
                "reason",
                record
                    .discontinued_reason
                    .clone()
                    .unwrap_or_default()
                    .into(),
            )],
        ),
        (status, _) => lang.t(&format!("mandate-note-{status}")),
    };
    let view = MandatePage {
        href: mandate_href(&key_of(&record)),
        addressee: lang.t(&format!("addressee-{}", record.addressee)),
        output_asked: record
            .output
            .as_ref()
            .map(|o| lang.t(&format!("output-{o}")))
            .unwrap_or_default(),
        due,
        status_label: lang.t(&format!("mandate-status-{}", record.status)),
        status_note,
        outputs: outputs
            .iter()
            .map(|o| OutputRow {
                id: o.id,
                kind: o.output.kind.slug(),
                title: o.output.title.clone(),
                state: o.output.state.slug(),
                document_symbol: o.output.document_symbol.clone().unwrap_or_default(),
                delivered_on: o
                    .output
                    .delivered_on
                    .map(|d| date(d, lang))
                    .unwrap_or_default(),
                delivered_iso: o
                    .output
                    .delivered_on
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                link: o.output.link.clone().unwrap_or_default(),
                version: o.version,
            })
            .collect(),
        kinds: OutputKind::SLUGS.to_vec(),
        states: OutputState::SLUGS.to_vec(),
        secretariat: principal.subject().is_secretariat() || principal.subject().is_admin(),
        csrf: csrf.0.clone(),
        today: today.today.to_string(),
        seminars,
        calls,
        mandate_query: serde_urlencoded::to_string([
            ("addressee", key.addressee.as_str()),
            ("paragraph", &key.paragraph.to_string()),
            ("symbol", key.symbol.as_str()),
        ])
        .unwrap_or_default(),
        summary_href: crate::summary::href(&key),
        summary_line,
        page: PageContext::new(
            lang,
            mandate_href(&key),
            lang.t_args(
                "mandate-title",
                &[
                    ("symbol", record.symbol.clone().into()),
                    ("paragraph", record.paragraph.to_string().into()),
                ],
            ),
        ),
        record,
    };
    Ok(render(&view, StatusCode::OK))
}

/// The secretariat's forms on a mandate's page: `intent` says which.
pub async fn change_mandate(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path((addressee, paragraph, symbol)): Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, HtmlError> {
    let key =
        mandate_key(&addressee, &paragraph, &symbol).map_err(|m| HtmlError::not_found(lang, m))?;
    let bad = |m: String| HtmlError::bad_request(lang, m);
    let draft = || OutputDraft {
        kind: field(&form, "kind").to_owned(),
        title: field(&form, "title").to_owned(),
        state: field(&form, "state").to_owned(),
        document_symbol: field(&form, "document_symbol").to_owned(),
        delivered_on: field(&form, "delivered_on").to_owned(),
        link: field(&form, "link").to_owned(),
    };
    let fields_wrong = |errors: Vec<taawun_council::OutputError>| {
        bad(errors
            .into_iter()
            .map(|e| e.message)
            .collect::<Vec<_>>()
            .join("; "))
    };
    let today = chrono::Utc::now().date_naive();
    let council = app.store.council();
    let context = principal.change_context();
    match field(&form, "intent") {
        "add-output" => {
            let output = draft().check(today).map_err(fields_wrong)?;
            council
                .add_output(&context, &key, &output)
                .await
                .map(|_| ())
        }
        "update-output" => {
            let output = draft().check(today).map_err(fields_wrong)?;
            let id = field(&form, "id")
                .parse::<i64>()
                .map_err(|_| bad("id: which output is missing".to_owned()))?;
            let version = field(&form, "version").parse::<i64>().map_err(|_| {
                bad("version: the version the change was made from is missing".to_owned())
            })?;
            match council.output(id).await {
                Ok(Some(o)) if o.mandate == key => {}
                Ok(_) => {
                    return Err(HtmlError::not_found(
                        lang,
                        format!("no output {id} of this mandate"),
                    ));
                }
                Err(e) => return Err(HtmlError::internal(lang, &e)),
            }
            council
                .update_output(&context, id, version, &output)
                .await
                .map(|_| ())
        }
        "discontinue" => {
            let reason = field(&form, "reason");
            if reason.is_empty() {
                return Err(bad("reason: say why the mandate is discontinued".to_owned()));
            }
            council.set_discontinued(&context, &key, Some(reason)).await
        }
        "resume" => council.set_discontinued(&context, &key, None).await,
        other => {
            return Err(bad(format!(
                "intent must be add-output, update-output, discontinue or resume, not {other:?}"
            )));
        }
    }
    .map_err(|e| council_to_html(lang, e))?;
    Ok(Redirect::to(&mandate_href(&key)).into_response())
}
