//! Cross-cutting HTTP behaviour: a request id on every request and response, one log line per
//! request with its id, status and duration, a timeout, a body size limit, compression, and
//! security headers.

use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, Request, Response, StatusCode};
use tower::ServiceBuilder;
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tracing::Span;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The body size limit: [`crate::error::BODY_LIMIT_BYTES`], and more for an evidence upload
/// (whose file may reach 10 MiB). A declared length over the limit is refused at once (413);
/// a body that runs past it fails when read, which the extractors answer with 413 too.
async fn limit_body(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let limit = if crate::plans::is_upload_path(request.uri().path()) {
        crate::plans::UPLOAD_BODY_LIMIT
    } else {
        crate::error::BODY_LIMIT_BYTES
    };
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return (StatusCode::PAYLOAD_TOO_LARGE, "length limit exceeded").into_response();
    }
    let request =
        request.map(|body| axum::body::Body::new(http_body_util::Limited::new(body, limit)));
    next.run(request).await
}

/// No inline scripts or styles, nothing from elsewhere, no framing.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/// Routes whose last segment is a secret (a single-use link's token): whoever reads the logs
/// must not be able to open them. `secret_routes_are_all_redacted` checks this list against the
/// route table.
const SECRET_ROUTES: [&str; 2] = ["/password/reset/", "/invitations/"];

/// The request path as logs and traces may show it: the secret of a single-use link replaced.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    for prefix in SECRET_ROUTES {
        if let Some(rest) = path.strip_prefix(prefix)
            && !rest.is_empty()
        {
            return format!("{prefix}[redacted]").into();
        }
    }
    path.into()
}

/// `tls`: the platform is reached over HTTPS, so browsers are told to use nothing else.
pub fn apply(router: Router, tls: bool) -> Router {
    let router = if tls {
        router.layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("strict-transport-security"),
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ))
    } else {
        router
    };
    let security = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("content-security-policy"),
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("x-content-type-options"),
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ));
    let trace = TraceLayer::new_for_http()
        .make_span_with(|request: &Request<_>| {
            let id = request
                .extensions()
                .get::<RequestId>()
                .and_then(|id| id.header_value().to_str().ok())
                .unwrap_or("-");
            tracing::info_span!("request", id = %id, method = %request.method(), path = %loggable_path(request.uri().path()))
        })
        .on_request(())
        .on_response(|response: &Response<_>, latency: Duration, _span: &Span| {
            tracing::info!(status = response.status().as_u16(), latency_us = latency.as_micros() as u64, "served");
        });
    router.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
            .layer(trace)
            .layer(PropagateRequestIdLayer::new(REQUEST_ID))
            // The fastest level: pages are 20-100 kB of text, and at the default level compressing
            // them costs more CPU than producing them; level 1 still saves ~75 % of the bytes.
            .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
            // Inside compression (it reads the bodies it rewrites) and outside the body limit and
            // the timeout (whose plain answers it turns into the API's JSON).
            .layer(axum::middleware::from_fn(crate::error::api_errors_as_json))
            .layer(axum::middleware::from_fn(limit_body))
            .layer(security)
            // Innermost, so that a handler that takes too long gets a 503 with an empty body.
            .layer(TimeoutLayer::with_status_code(
                StatusCode::SERVICE_UNAVAILABLE,
                Duration::from_secs(30),
            )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_routes_are_all_redacted() {
        // Every route with a `{token}` parameter carries a secret; each must be redacted.
        let secret: Vec<&str> = crate::route_table()
            .specs()
            .iter()
            .map(|spec| spec.path)
            .filter(|path| path.contains("{token}"))
            .collect();
        assert!(!secret.is_empty());
        for route in secret {
            let concrete = route.replace("{token}", "tw_s3cret");
            let logged = loggable_path(&concrete);
            assert!(
                !logged.contains("s3cret"),
                "{route} logs its secret: {logged}"
            );
        }
        assert_eq!(
            loggable_path("/password/reset/abc"),
            "/password/reset/[redacted]"
        );
        assert_eq!(
            loggable_path("/resolutions/A%2FHRC"),
            "/resolutions/A%2FHRC"
        );
        assert_eq!(loggable_path("/invitations/"), "/invitations/");
    }
}
