//! Status changes with evidence: the multipart form (a note, a link, a file), the file checked
//! by its bytes and kept under the data directory, and its download for those who may read the
//! plan.
//!
//! Why the data directory and not the database (PostgreSQL large objects): the same code and the
//! same backups on SQLite and PostgreSQL; the database stays small, so its dumps and restores
//! stay fast; files are named by their SHA-256 (`ab/cd/abcd…`), so one uploaded twice is kept
//! once and each can be checked against its name. The database keeps each file's name, type,
//! size and hash with the status change. With several servers, the evidence directory must be
//! shared between them (a network volume), as the search index is not.

use std::path::{Path as FsPath, PathBuf};

use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use futures_util::StreamExt;
use taawun_plans::{EvidenceProblem, MAX_EVIDENCE_BYTES, Problem, Status};
use taawun_policy::Action;
use taawun_store::plans::{NewEvidence, NewStatusChange, PlanError};

use super::pages::{FormValues, PageInput, action_href, action_page, plan_and_action};
use super::state_code;
use crate::AppState;
use crate::auth::{CsrfToken, Principal};
use crate::error::HtmlError;
use crate::i18n::Lang;

/// The body limit of an evidence upload: the largest file and room for the other fields.
pub const UPLOAD_BODY_LIMIT: usize = MAX_EVIDENCE_BYTES + 256 * 1024;

/// Whether a request goes to the evidence upload (which gets [`UPLOAD_BODY_LIMIT`]).
pub fn is_upload_path(path: &str) -> bool {
    path.starts_with("/upr/states/") && path.contains("/plan/actions/") && path.ends_with("/status")
}

/// Where a file with this storage key is kept.
fn file_path(dir: &FsPath, key: &str) -> Option<PathBuf> {
    // Keys are made here (`ab/cd/` and 64 hex digits); anything else is refused.
    let ok = key.len() == 70 && key.bytes().all(|b| b.is_ascii_hexdigit() || b == b'/');
    ok.then(|| dir.join(key))
}

/// Writes the file under its content address (once: an identical file is already there),
/// through a temporary file renamed into place so that a reader never sees half a file.
async fn keep(dir: &FsPath, key: &str, bytes: Vec<u8>) -> std::io::Result<()> {
    let path = file_path(dir, key).ok_or_else(|| std::io::Error::other("not a storage key"))?;
    let dir = dir.to_owned();
    tokio::task::spawn_blocking(move || {
        if path.exists() {
            return Ok(());
        }
        let parent = path.parent().unwrap_or(&dir).to_owned();
        std::fs::create_dir_all(&parent)?;
        let temporary = parent.join(format!(".{}.partial", uuid::Uuid::new_v4().simple()));
        std::fs::write(&temporary, bytes)?;
        std::fs::rename(&temporary, &path)
    })
    .await
    .map_err(std::io::Error::other)?
}

/// The multipart form as read.
#[derive(Default)]
struct StatusForm {
    csrf: String,
    version: String,
    status: String,
    note: String,
    link: String,
    file_name: Option<String>,
    file: Vec<u8>,
    file_too_large: bool,
}

/// Reads the form; the file's bytes past the limit are read and dropped (the request's body is
/// limited to [`UPLOAD_BODY_LIMIT`] anyway), so that the answer can name the field.
async fn read_form(request: Request) -> Result<StatusForm, ()> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let boundary = multer::parse_boundary(content_type).map_err(|_| ())?;
    let stream = request.into_body().into_data_stream();
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut form = StatusForm::default();
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(multer::Error::StreamReadFailed(_)) => {
                // The body limit: only a file can be this large.
                form.file_too_large = true;
                break;
            }
            Err(_) => return Err(()),
        };
        let name = field.name().unwrap_or("").to_owned();
        if name == "file" {
            form.file_name = field.file_name().map(str::to_owned);
            while let Some(chunk) = field.next().await {
                let Ok(chunk) = chunk else {
                    form.file_too_large = true;
                    break;
                };
                if form.file.len() + chunk.len() > MAX_EVIDENCE_BYTES {
                    form.file_too_large = true;
                    form.file = Vec::new();
                }
                if !form.file_too_large {
                    form.file.extend_from_slice(&chunk);
                }
            }
            if form.file_too_large {
                break;
            }
            continue;
        }
        let text = field.text().await.map_err(|_| ())?;
        if text.len() > 64 * 1024 {
            return Err(());
        }
        match name.as_str() {
            "csrf" => form.csrf = text,
            "version" => form.version = text,
            "status" => form.status = text,
            "note" => form.note = text,
            "link" => form.link = text,
            _ => {}
        }
    }
    Ok(form)
}

pub async fn change_status(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    csrf: CsrfToken,
    Path((iso3, id)): Path<(String, String)>,
    request: Request,
) -> Response {
    let Some(iso3) = state_code(&iso3) else {
        return HtmlError::not_found(lang, lang.t("plan-not-found")).into_response();
    };
    let Ok(form) = read_form(request).await else {
        return HtmlError::bad_request(lang, lang.t("error-form")).into_response();
    };
    if !csrf.matches(&form.csrf) {
        tracing::warn!(
            route = "/upr/states/{iso3}/plan/actions/{id}/status",
            "form refused: CSRF token missing or wrong"
        );
        return HtmlError::with_status(lang, StatusCode::FORBIDDEN, lang.t("error-csrf"))
            .into_response();
    }
    let (plan, record) =
        match plan_and_action(&app, lang, &principal, &iso3, &id, Action::Update).await {
            Ok(found) => found,
            Err(refusal) => return refusal,
        };
    let mut problems = Vec::new();
    let mut status_code = StatusCode::BAD_REQUEST;
    let to = Status::parse(&form.status);
    if to.is_none() {
        problems.push(Problem::new("status", "required"));
    }
    let note = match taawun_plans::validate_note(&form.note) {
        Ok(note) => note,
        Err(code) => {
            problems.push(Problem::new("note", code));
            None
        }
    };
    let link = if form.link.trim().is_empty() {
        None
    } else {
        match taawun_plans::validate_link(&form.link) {
            Ok(link) => Some(link),
            Err(code) => {
                problems.push(Problem::new("link", code));
                None
            }
        }
    };
    let mut evidence = None;
    if form.file_too_large {
        problems.push(Problem::new("file", EvidenceProblem::TooLarge.code()));
        status_code = StatusCode::PAYLOAD_TOO_LARGE;
    } else if form.file_name.as_deref().is_some_and(|n| !n.is_empty()) || !form.file.is_empty() {
        let name = taawun_plans::clean_file_name(form.file_name.as_deref().unwrap_or(""));
        match taawun_plans::check_evidence(&name, &form.file) {
            Ok(kind) => {
                let sha256 = taawun_plans::sha256_hex(&form.file);
                evidence = Some(NewEvidence {
                    name,
                    media_type: kind.media_type().to_owned(),
                    size: form.file.len() as i64,
                    storage_key: taawun_plans::storage_key(&sha256),
                    sha256,
                });
            }
            Err(problem) => {
                problems.push(Problem::new("file", problem.code()));
                if problem != EvidenceProblem::Empty {
                    status_code = StatusCode::UNSUPPORTED_MEDIA_TYPE;
                }
            }
        }
    }
    let version = form.version.trim().parse::<i64>().unwrap_or(0);
    let mut conflict = None;
    if problems.is_empty()
        && let Some(to) = to
    {
        if let Some(file) = &evidence
            && let Err(error) = keep(&app.evidence_dir, &file.storage_key, form.file).await
        {
            tracing::error!(%error, dir = %app.evidence_dir.display(), "an evidence file could not be kept");
            return HtmlError::with_status(
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                lang.t("error-internal"),
            )
            .into_response();
        }
        let by = principal.user.as_ref().map(|u| u.id);
        let change = NewStatusChange {
            to,
            note: note.clone(),
            link: link.clone(),
            evidence,
        };
        match app
            .store
            .plans()
            .change_status(&principal.change_context(), record.id, version, &change, by)
            .await
        {
            Ok(saved) => return Redirect::to(&action_href(&iso3, saved.id)).into_response(),
            Err(PlanError::Conflict(current)) => {
                conflict = Some(*current);
                status_code = StatusCode::CONFLICT;
            }
            Err(e) => {
                tracing::error!(error = %e, "status change failed");
                return HtmlError::with_status(
                    lang,
                    StatusCode::INTERNAL_SERVER_ERROR,
                    lang.t("error-internal"),
                )
                .into_response();
            }
        }
    }
    let shown = conflict.as_ref().unwrap_or(&record);
    let input = PageInput {
        iso3: &iso3,
        plan: &plan,
        action: Some(shown),
        values: FormValues::of(shown),
        problems: Vec::new(),
        conflict: conflict.as_ref(),
        status_problems: problems,
        note: form.note,
        link: form.link,
    };
    action_page(&app, lang, &principal, &csrf, input, status_code).await
}

pub async fn download(
    State(app): State<AppState>,
    lang: Lang,
    principal: Principal,
    Path((iso3, id)): Path<(String, String)>,
) -> Response {
    let not_found = || HtmlError::not_found(lang, lang.t("plan-not-found")).into_response();
    let Some(iso3) = state_code(&iso3) else {
        return not_found();
    };
    let path = format!("/upr/states/{iso3}/plan/evidence/{id}");
    let plan = match super::plan_for(&app, lang, &principal, &iso3, Action::Read, &path).await {
        Ok(Some(plan)) => plan,
        Ok(None) => return not_found(),
        Err(refusal) => return refusal,
    };
    let Some(id) = id.parse::<i64>().ok() else {
        return not_found();
    };
    let record = match app.store.plans().get_evidence(id).await {
        Ok(Some(record)) if record.plan_id == plan.id => record,
        Ok(_) => return not_found(),
        Err(e) => return HtmlError::internal(lang, &e).into_response(),
    };
    let Some(file) = file_path(&app.evidence_dir, &record.storage_key) else {
        return not_found();
    };
    let bytes = match tokio::task::spawn_blocking(move || std::fs::read(file))
        .await
        .map_err(std::io::Error::other)
        .and_then(|read| read)
    {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, key = %record.storage_key, "an evidence file is missing from the data directory");
            return not_found();
        }
    };
    let encoded = crate::page::encode_query_value(&record.name);
    let ascii: String = record
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&record.media_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}
