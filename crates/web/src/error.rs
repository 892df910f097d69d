//! Errors as people and programs see them: an HTML page in the user's language, or a JSON body
//! under `/api/`, each saying what was wrong (the parameter, the code) and what to do.

use askama::Template;
use axum::Json;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use taawun_store::StoreError;

use crate::i18n::Lang;
use crate::page::{PageContext, render};

/// The JSON error body of the API.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiErrorBody {
    pub error: ApiErrorDetail,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiErrorDetail {
    /// The HTTP status code.
    pub status: u16,
    /// A stable machine-readable code: `not_found`, `invalid_parameter`, `invalid_body`,
    /// `unauthorized`, `forbidden`, `conflict`, `too_many_requests`, `internal`.
    pub code: &'static str,
    /// What went wrong, in English.
    pub message: String,
    /// The query or path parameter at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
}

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    parameter: Option<String>,
}

impl ApiError {
    /// The same answer, naming the field or parameter at fault.
    pub fn naming(mut self, parameter: &str) -> Self {
        self.parameter = Some(parameter.to_owned());
        self
    }

    /// What the answer says.
    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            message: message.into(),
            parameter: None,
        }
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::UNAUTHORIZED,
            code: "unauthorized",
            message: message.into(),
            parameter: None,
        }
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::FORBIDDEN,
            code: "forbidden",
            message: message.into(),
            parameter: None,
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::CONFLICT,
            code: "conflict",
            message: message.into(),
            parameter: None,
        }
    }

    pub fn too_many(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::TOO_MANY_REQUESTS,
            code: "too_many_requests",
            message: message.into(),
            parameter: None,
        }
    }

    /// A JSON body that does not match the schema: the field at fault when serde names it.
    pub fn invalid_body(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "invalid_body",
            message: message.into(),
            parameter: None,
        }
    }

    pub fn invalid(parameter: &str, message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            code: "invalid_parameter",
            message: message.into(),
            parameter: Some(parameter.to_owned()),
        }
    }
}

impl ApiError {
    /// A failure of the server's own, with a message safe to show (the detail goes to the log).
    pub fn internal(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: message.into(),
            parameter: None,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        if error.is_busy() {
            tracing::warn!(%error, "a write waited too long for the database");
            return ApiError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                code: "busy",
                message: format!(
                    "the database is busy with another write (an import); nothing was changed, try again in {BUSY_RETRY_SECONDS} seconds"
                ),
                parameter: None,
            };
        }
        if error.is_constraint() {
            // A race the handler's own checks could not see (two requests creating the same
            // record at once): the request conflicts with the records, the database is fine.
            tracing::warn!(%error, "the database refused a write");
            return ApiError::conflict(
                "the change conflicts with the records as they now are (a value already taken, or a record it refers to is gone); nothing was changed",
            );
        }
        tracing::error!(%error, "store error in an API handler");
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: "the server could not read the database; try again later".into(),
            parameter: None,
        }
    }
}

impl From<taawun_store::AccountError> for ApiError {
    fn from(error: taawun_store::AccountError) -> Self {
        match error {
            taawun_store::AccountError::Conflict(m) => ApiError::conflict(m),
            taawun_store::AccountError::NotFound(m) => ApiError::not_found(m),
            taawun_store::AccountError::Store(e) => e.into(),
        }
    }
}

impl From<axum::extract::rejection::JsonRejection> for ApiError {
    fn from(rejection: axum::extract::rejection::JsonRejection) -> Self {
        use axum::extract::rejection::JsonRejection::*;
        match rejection {
            MissingJsonContentType(_) => ApiError {
                status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
                code: "invalid_body",
                message: "send the body as JSON with `Content-Type: application/json`".into(),
                parameter: None,
            },
            // The message names the field and what is wrong with it ("name: missing field").
            other => ApiError::invalid_body(other.body_text()),
        }
    }
}

impl From<crate::paging::InvalidParameter> for ApiError {
    fn from(e: crate::paging::InvalidParameter) -> Self {
        ApiError::invalid(e.parameter, e.message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ApiErrorBody {
            error: ApiErrorDetail {
                status: self.status.as_u16(),
                code: self.code,
                message: self.message,
                parameter: self.parameter,
            },
        };
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(BUSY_RETRY_SECONDS),
            );
        }
        response
    }
}

/// An error shown as a page.
#[derive(Debug)]
pub struct HtmlError {
    lang: Lang,
    status: StatusCode,
    message: String,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    page: PageContext,
    status: u16,
    heading: String,
    message: &'a str,
}

impl HtmlError {
    pub fn not_found(lang: Lang, message: String) -> Self {
        HtmlError {
            lang,
            status: StatusCode::NOT_FOUND,
            message,
        }
    }

    pub fn bad_request(lang: Lang, message: String) -> Self {
        HtmlError {
            lang,
            status: StatusCode::BAD_REQUEST,
            message,
        }
    }

    /// A query parameter that could not be used, named in the user's language.
    pub fn invalid_parameter(lang: Lang, e: crate::paging::InvalidParameter) -> Self {
        Self::bad_request(
            lang,
            lang.t_args(
                "error-invalid-parameter",
                &[
                    ("parameter", e.parameter.into()),
                    ("message", e.message.into()),
                ],
            ),
        )
    }

    pub fn forbidden(lang: Lang) -> Self {
        HtmlError {
            lang,
            status: StatusCode::FORBIDDEN,
            message: lang.t("error-forbidden"),
        }
    }

    /// A refusal with its own status and message (a used link, a locked account, …).
    pub fn with_status(lang: Lang, status: StatusCode, message: String) -> Self {
        HtmlError {
            lang,
            status,
            message,
        }
    }

    /// A failure of the server's own; a store that was only busy (another process writing)
    /// answers 503 with Retry-After instead, since trying again will work.
    pub fn internal<E: std::fmt::Display + 'static>(lang: Lang, error: &E) -> Self {
        if (error as &dyn std::any::Any)
            .downcast_ref::<StoreError>()
            .is_some_and(StoreError::is_busy)
        {
            tracing::warn!(%error, "a write waited too long for the database");
            return HtmlError {
                lang,
                status: StatusCode::SERVICE_UNAVAILABLE,
                message: lang.t_args("error-busy", &[("seconds", BUSY_RETRY_SECONDS.into())]),
            };
        }
        tracing::error!(%error, "error while serving a page");
        HtmlError {
            lang,
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: lang.t("error-internal"),
        }
    }
}

impl IntoResponse for HtmlError {
    fn into_response(self) -> Response {
        let heading_id = match self.status {
            StatusCode::NOT_FOUND => "error-not-found-title",
            StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => "error-bad-request-title",
            StatusCode::FORBIDDEN => "error-forbidden-title",
            StatusCode::GONE => "error-gone-title",
            StatusCode::TOO_MANY_REQUESTS => "error-too-many-title",
            StatusCode::SERVICE_UNAVAILABLE => "error-busy-title",
            _ => "error-internal-title",
        };
        let heading = self.lang.t(heading_id);
        let page = ErrorPage {
            page: PageContext::new(self.lang, "/", heading.clone()),
            status: self.status.as_u16(),
            heading,
            message: &self.message,
        };
        let mut response = render(&page, self.status);
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(BUSY_RETRY_SECONDS),
            );
        }
        response
    }
}

/// How long a client is asked to wait when the database is busy with another process's write
/// (an import commits within seconds).
pub const BUSY_RETRY_SECONDS: u32 = 5;

/// Unknown routes: JSON under `/api/`, a page in the user's language elsewhere.
pub async fn not_found_fallback(lang: Lang, uri: Uri) -> Response {
    let path = uri.path();
    if path == "/api" || path.starts_with("/api/") {
        ApiError::not_found(format!(
            "no API route {path}; the routes are listed in /api/openapi.json"
        ))
        .into_response()
    } else {
        HtmlError::not_found(
            lang,
            lang.t_args("error-no-page", &[("path", path.to_owned().into())]),
        )
        .into_response()
    }
}

/// The body size limit of every request (see `layers`).
pub const BODY_LIMIT_BYTES: usize = 2 * 1024 * 1024;

/// Under `/api/`, every error is the API's JSON, whoever produced it: the body-size limit (413),
/// axum's own rejections (a path segment that is not valid percent-encoded UTF-8, a method not
/// allowed), the timeout. Handlers' errors are JSON already and pass through unchanged.
pub async fn api_errors_as_json(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let status = response.status();
    if !path.starts_with("/api/") || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let is_json = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 64 * 1024)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
        .unwrap_or_default();
    let parameter = (status == StatusCode::BAD_REQUEST)
        .then(|| undecodable_parameter(&path))
        .flatten();
    let (code, message) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => (
            "payload_too_large",
            format!("the request body is larger than the limit of {BODY_LIMIT_BYTES} bytes"),
        ),
        StatusCode::BAD_REQUEST if parameter.is_some() => (
            "invalid_parameter",
            "the path parameter is not valid percent-encoded UTF-8".to_owned(),
        ),
        StatusCode::METHOD_NOT_ALLOWED => (
            "method_not_allowed",
            "this method is not allowed on this path".to_owned(),
        ),
        StatusCode::SERVICE_UNAVAILABLE if text.is_empty() => (
            "unavailable",
            "the server could not answer in time; try again later".to_owned(),
        ),
        _ => (
            if status.is_server_error() {
                "internal"
            } else {
                "invalid_request"
            },
            if text.is_empty() {
                status.canonical_reason().unwrap_or("error").to_owned()
            } else {
                text
            },
        ),
    };
    let mut json = ApiError {
        status,
        code,
        message,
        parameter,
    }
    .into_response();
    // Keep what the original said besides its body (`Allow`, `Retry-After`, …).
    for (name, value) in &parts.headers {
        if name != axum::http::header::CONTENT_TYPE && name != axum::http::header::CONTENT_LENGTH {
            json.headers_mut().insert(name.clone(), value.clone());
        }
    }
    json
}

/// The name of the route parameter whose segment of `path` does not decode to UTF-8.
fn undecodable_parameter(path: &str) -> Option<String> {
    static PATTERNS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| {
        crate::route_table()
            .specs()
            .iter()
            .map(|s| s.path)
            .collect()
    });
    let segments: Vec<&str> = path.split('/').collect();
    let bad = segments.iter().position(|segment| {
        percent_encoding::percent_decode_str(segment)
            .decode_utf8()
            .is_err()
    })?;
    patterns.iter().find_map(|pattern| {
        let parts: Vec<&str> = pattern.split('/').collect();
        let wildcard = parts.last().is_some_and(|p| p.starts_with("{*"));
        let fits = if wildcard {
            segments.len() >= parts.len()
        } else {
            segments.len() == parts.len()
        };
        if !fits {
            return None;
        }
        let literal_match = parts
            .iter()
            .zip(&segments)
            .all(|(p, s)| p.starts_with('{') || p == s);
        if !literal_match {
            return None;
        }
        let index = bad.min(parts.len() - 1);
        let part = parts[index];
        part.starts_with('{').then(|| {
            part.trim_start_matches('{')
                .trim_start_matches('*')
                .trim_end_matches('}')
                .to_owned()
        })
    })
}
