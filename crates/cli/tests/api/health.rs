use crate::helpers::spawn_app;

#[tokio::test]
async fn healthz_answers() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/healthz").await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn readyz_reports_the_backend_and_its_migrations() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/readyz").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "ready");
    let database = &body["database"];
    assert_eq!(database["migrations_applied"], database["migrations_known"]);
    let expected = match app.store.backend() {
        taawun_store::Backend::Sqlite => "sqlite",
        taawun_store::Backend::Postgres => "postgres",
    };
    assert_eq!(database["backend"], expected);
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_security_headers() {
    let app = spawn_app().await;
    let response = app.get("/").await;
    let headers = response.headers();
    assert!(headers.get("x-request-id").is_some_and(|v| !v.is_empty()));
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
}

/// A failing database is the operator's to read about in the log; the public is told only that
/// the server is not ready.
#[tokio::test]
async fn readyz_does_not_show_the_store_error_to_the_public() {
    let app = spawn_app().await;
    app.sql
        .execute("ALTER TABLE _sqlx_migrations RENAME COLUMN success TO succeeded")
        .await
        .unwrap();
    let (status, body) = app.get_json("/readyz").await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["status"], "not ready");
    let reason = body["reason"].as_str().unwrap();
    assert!(reason.contains("log"), "{reason}");
    assert!(
        !reason.contains("success") && !reason.contains("column"),
        "{reason}"
    );
}

fn assert_api_error(status: u16, body: &serde_json::Value, code: &str) {
    let error = &body["error"];
    assert_eq!(error["status"], status, "{body}");
    assert_eq!(error["code"], code, "{body}");
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
}

/// Errors under /api/ are JSON whoever raises them: the body limit, a bad percent-encoding, a
/// record that does not exist.
#[tokio::test]
async fn api_errors_are_always_json() {
    let app = spawn_app().await;
    let json = |response: reqwest::Response| async move {
        let status = response.status().as_u16();
        let kind = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        assert!(kind.starts_with("application/json"), "{status}: {kind}");
        (status, response.json::<serde_json::Value>().await.unwrap())
    };

    let big = app
        .client
        .post(app.url("/api/v1/organisations"))
        .header("content-type", "application/json")
        .body(vec![b' '; 3 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    let (status, body) = json(big).await;
    assert_eq!(status, 413);
    assert_api_error(413, &body, "payload_too_large");

    let (status, body) = json(app.get("/api/v1/resolutions/A%2FHRC%FF").await).await;
    assert_eq!(status, 400);
    assert_api_error(400, &body, "invalid_parameter");
    assert_eq!(body["error"]["parameter"], "symbol", "{body}");

    let (status, body) = json(app.get("/api/v1/history/organisation/abc").await).await;
    assert_eq!(status, 404);
    assert_api_error(404, &body, "not_found");
    let page = app.get("/history/organisation/abc").await;
    assert_eq!(page.status(), 404);

    let wrong_method = app
        .client
        .delete(app.url("/api/v1/states"))
        .send()
        .await
        .unwrap();
    let (status, body) = json(wrong_method).await;
    assert_eq!(status, 405);
    assert_api_error(405, &body, "method_not_allowed");
}
