//! The assistance funds at the scale the issue names: 10,000 requests and about 100,000 ledger
//! entries (`taawun demo funds`' set), written into a fresh database; then, through the store,
//! every fund's balances summed and every ledger read and verified, and the IATI file of every
//! approved request written; then, through HTTP on the whole application, the public register
//! under load (32 concurrent clients, JSON and HTML, the first page and a filtered one), with
//! throughput and p50 / p99 latency.
//!
//! Run: `cargo bench -p taawun --bench funds` (SQLite; PostgreSQL too with
//! `TAAWUN_BENCH_DATABASE_URL`). `TAAWUN_BENCH_REQUESTS` and `TAAWUN_BENCH_ENTRIES` change the
//! scale.

#[path = "load/mod.rs"]
mod load;

use std::sync::Arc;
use std::time::Instant;

use load::load;

use taawun_store::Store;

fn scale(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn run(name: &str, store: Arc<dyn Store>) {
    let requests = scale("TAAWUN_BENCH_REQUESTS", 10_000);
    let entries = scale("TAAWUN_BENCH_ENTRIES", 100_000);
    taawun::server::prepare(store.as_ref())
        .await
        .expect("migrations");
    let funds = taawun_funds::default_funds();
    let set = taawun::demo::build(
        &funds,
        requests,
        entries,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    );
    let started = Instant::now();
    let report = store
        .funds()
        .insert_demonstration(&taawun_store::ChangeContext::command_line(), &set)
        .await
        .expect("the demonstration set is written");
    println!(
        "{name}: wrote {} requests with {} steps and {} ledger entries (each with its audit record) in {:.1} s",
        report.requests,
        report.events,
        report.entries,
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    for fund in &funds {
        store.funds().balances(&fund.id).await.unwrap();
    }
    println!(
        "{name}: every balance of the three funds summed in the store: {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let started = Instant::now();
    let mut read = 0;
    for fund in &funds {
        let records = store.funds().entries(&fund.id).await.unwrap();
        let plain: Vec<_> = records.iter().map(|r| r.entry.clone()).collect();
        assert!(taawun_funds::ledger::verify(&plain).is_empty());
        read += plain.len();
    }
    println!(
        "{name}: {read} entries read and verified: {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let started = Instant::now();
    let bytes = taawun_web::funds_iati_file(store.as_ref(), &funds)
        .await
        .expect("the IATI file");
    println!(
        "{name}: IATI file of every approved request ({} kB) in {:.2} s",
        bytes.len() / 1024,
        started.elapsed().as_secs_f64()
    );

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
        "/api/v1/funds/upr-implementation/requests",
        "/api/v1/funds/upr-implementation/requests?stage=disbursement&page=3",
        "/funds/upr-implementation/requests",
        "/api/v1/funds/upr-implementation/ledger",
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
            let schema = format!("bench_funds_{}", std::process::id());
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
