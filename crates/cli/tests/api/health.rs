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
