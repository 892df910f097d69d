//! The best-practice compendium at the scale the issue names: 10,000 published practices
//! (`taawun demo practices`' set) written into a fresh database; then, through HTTP on the whole
//! application, the compendium under load (32 concurrent clients): its first page as HTML and
//! JSON, a filtered page, and one practice — throughput and p50 / p99 latency.
//!
//! Run: `cargo bench -p taawun --bench practices` (SQLite; PostgreSQL too with
//! `TAAWUN_BENCH_DATABASE_URL`). `TAAWUN_BENCH_PRACTICES` changes the scale.

#[path = "load/mod.rs"]
mod load;

use std::sync::Arc;
use std::time::Instant;

use load::load;
use taawun_store::Store;

async fn run(name: &str, store: Arc<dyn Store>) {
    let count = std::env::var("TAAWUN_BENCH_PRACTICES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    taawun::server::prepare(store.as_ref())
        .await
        .expect("migrations");
    let set =
        taawun::demo_practices::build(count, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
    let started = Instant::now();
    let written = store
        .practices()
        .insert_demonstration(&taawun_store::ChangeContext::command_line(), &set)
        .await
        .expect("the demonstration set is written");
    println!(
        "{name}: wrote {written} published practices in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let read = store.practices().published_practices().await.unwrap();
    println!(
        "{name}: read every published practice back ({} records) in {:.0} ms",
        read.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let number = read[read.len() / 2]
        .record
        .position
        .number
        .unwrap()
        .to_string();

    let search = Arc::new(taawun_search::SearchIndex::in_memory().unwrap());
    let mut auth = taawun_web::auth::AuthConfig::new(
        "http://taawun.test",
        taawun_accounts::PasswordHasher::for_tests(),
    );
    auth.api_requests_per_second = 0;
    let config = taawun::server::ServerConfig {
        auth,
        mail: None,
        search_follow: None,
        evidence_dir: Some(std::env::temp_dir().join("taawun-bench-evidence")),
        reminders: false,
        funds: None,
    };
    let app = taawun::server::Application::build(store.clone(), search, "127.0.0.1:0", config)
        .await
        .expect("the application starts");
    let base = format!("http://{}", app.local_addr());
    tokio::spawn(app.run());
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()
        .unwrap();
    for path in [
        "/practices".to_owned(),
        "/api/v1/practices".to_owned(),
        "/practices?region=african&sdg=16&page=2".to_owned(),
        "/api/v1/practices?modality=triangular&right=right%20to%20education".to_owned(),
        format!("/practices/{number}"),
    ] {
        let figures = load(&client, &format!("{base}{path}"), 32, 8).await;
        println!("{name}: GET {path}, 32 clients: {figures}");
    }
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("bench.db").display());
        let store = taawun_store_sqlite::connect(&url).await.unwrap();
        run("SQLite", Arc::new(store)).await;
        if let Ok(url) = std::env::var("TAAWUN_BENCH_DATABASE_URL") {
            let schema = format!("bench_practices_{}", std::process::id());
            let store = taawun_store_postgres::connect(&url, Some(&schema))
                .await
                .expect("PostgreSQL");
            let pool = store.pool().clone();
            run("PostgreSQL", Arc::new(store)).await;
            sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                .execute(&pool)
                .await
                .expect("the bench's schema is dropped");
        }
    });
}
