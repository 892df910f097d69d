//! The Universal Periodic Review's import and reads at the real scale: UPR Info's 41,066 rows
//! (39,862 recommendations, 945 pledges) read and stored in one transaction, in SQLite and, when
//! `TAAWUN_BENCH_DATABASE_URL` or `TAAWUN_TEST_DATABASE_URL` names a PostgreSQL database, in
//! PostgreSQL (a fresh schema); Slovenia's OHCHR documents read and stored; then what a
//! reviewed State's page asks of the store (its first page of recommendations with the counts,
//! and its review figures), for the State with the most recommendations, from 8 concurrent
//! tasks. Prints each time, and p50 / p99 of the page's reads.
//!
//! Run: `cargo bench -p taawun --bench upr` (reads ../shared/data/upr; the OHCHR part needs
//! pdftotext).

use std::sync::Arc;
use std::time::{Duration, Instant};

use taawun_states::Resolver;
use taawun_store::Store;
use taawun_store::upr::{IncomingPledge, IncomingRecommendation, RecommendationFilter};

const READERS: usize = 8;
const READS_PER_READER: usize = 100;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1e3
}

async fn run(engine: &str, store: Arc<dyn Store>, info: &taawun_upr::upr_info::UprInfo) {
    taawun::server::prepare(store.as_ref())
        .await
        .expect("migrations");
    let recommendations: Vec<IncomingRecommendation> = info
        .recommendations
        .iter()
        .cloned()
        .map(|r| IncomingRecommendation::from_source(r, "upr-info"))
        .collect();
    let pledges: Vec<IncomingPledge> = info
        .pledges
        .iter()
        .cloned()
        .map(|p| IncomingPledge::from_source(p, "upr-info"))
        .collect();
    let cli = taawun_store::ChangeContext::command_line();
    let started = Instant::now();
    let report = store
        .upr()
        .import_upr(&cli, recommendations.clone(), pledges.clone(), &|_| {})
        .await
        .expect("import");
    let first = started.elapsed();
    // The store keeps one record per key (State under review, session, normalised text); two of
    // the reader's recommendations share one, so count keys as the store does.
    let distinct: std::collections::HashSet<&str> =
        recommendations.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(report.recommendations_created, distinct.len());
    let started = Instant::now();
    let again = store
        .upr()
        .import_upr(&cli, recommendations, pledges, &|_| {})
        .await
        .expect("import");
    let second = started.elapsed();
    assert_eq!(again.recommendations_created, 0);
    println!(
        "{engine}: UPR Info stored in {:.2} s ({} recommendations, {} pledges, one transaction); the second run, which changes nothing, {:.2} s",
        first.as_secs_f64(),
        report.recommendations_created,
        report.pledges_created,
        second.as_secs_f64()
    );

    let pdfs = taawun_pdf::available().is_ok();
    if pdfs {
        let dir = taawun_testdata::shared("data/upr/ohchr-slovenia");
        let files: Vec<(String, Vec<u8>)> = [
            "A_HRC_59_15-working-group-report.pdf",
            "A_HRC_59_15_Add.1-views-of-the-state.pdf",
            "thematic-list-cycle4-session48.docx",
        ]
        .iter()
        .map(|f| (f.to_string(), std::fs::read(dir.join(f)).unwrap()))
        .collect();
        let started = Instant::now();
        let review = taawun_upr::ohchr::read_review(&files, Resolver::builtin()).unwrap();
        let read = started.elapsed();
        let incoming: Vec<IncomingRecommendation> = review
            .recommendations
            .into_iter()
            .map(|r| IncomingRecommendation::from_source(r, "ohchr"))
            .collect();
        let started = Instant::now();
        store
            .upr()
            .import_upr(&cli, incoming, vec![], &|_| {})
            .await
            .expect("import");
        println!(
            "{engine}: Slovenia's OHCHR documents (report, addendum, thematic list) read in {:.2} s, stored in {:.2} s",
            read.as_secs_f64(),
            started.elapsed().as_secs_f64()
        );
    } else {
        println!("{engine}: OHCHR documents skipped (pdftotext is not installed)");
    }

    // The State with the most recommendations received.
    let mut counts = std::collections::HashMap::<&str, usize>::new();
    for r in &info.recommendations {
        *counts.entry(r.reviewed.as_str()).or_default() += 1;
    }
    let (busiest, received) = counts
        .into_iter()
        .max_by_key(|(state, n)| (*n, *state))
        .unwrap();
    let busiest = busiest.to_owned();
    let mut tasks = Vec::new();
    let started = Instant::now();
    for _ in 0..READERS {
        let store = store.clone();
        let state = busiest.clone();
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::with_capacity(READS_PER_READER);
            let filter = RecommendationFilter {
                reviewed: Some(state.clone()),
                ..RecommendationFilter::default()
            };
            for _ in 0..READS_PER_READER {
                let t = Instant::now();
                let page = store
                    .upr()
                    .list_recommendations(&filter, taawun_store::Paging::default())
                    .await
                    .unwrap();
                let review = store.upr().state_review(&state).await.unwrap();
                let pledges = store.upr().pledges_of(&state).await.unwrap();
                times.push(t.elapsed());
                assert!(page.page.total > 0 && !review.received_by_session.is_empty());
                drop(pledges);
            }
            times
        }));
    }
    let mut times = Vec::new();
    for task in tasks {
        times.extend(task.await.unwrap());
    }
    let wall = started.elapsed().as_secs_f64();
    times.sort();
    println!(
        "{engine}: the reads of {busiest}'s UPR page ({received} recommendations received: first page of 50 with counts, review figures, pledges), {READERS} concurrent readers: p50 {:.2} ms, p99 {:.2} ms, {:.0} pages/s",
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times.len() as f64 / wall
    );
}

fn main() {
    if !taawun_testdata::available("the UPR benchmark") {
        return;
    }
    let started = Instant::now();
    let info =
        taawun_upr::upr_info::read_dir(&taawun_testdata::shared("data/upr"), Resolver::builtin())
            .expect("UPR Info's files read");
    println!(
        "UPR Info read in {:.2} s ({} rows, {} recommendations, {} pledges)",
        started.elapsed().as_secs_f64(),
        info.rows,
        info.recommendations.len(),
        info.pledges.len()
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("bench.db").display());
        let sqlite: Arc<dyn Store> = Arc::new(taawun_store_sqlite::connect(&url).await.unwrap());
        run("SQLite", sqlite, &info).await;

        let pg_url = std::env::var("TAAWUN_BENCH_DATABASE_URL")
            .or_else(|_| std::env::var("TAAWUN_TEST_DATABASE_URL"))
            .ok()
            .filter(|u| !u.is_empty());
        match pg_url {
            Some(url) => {
                let schema = format!("bench_upr_{}", std::process::id());
                let pg = taawun_store_postgres::connect(&url, Some(&schema))
                    .await
                    .unwrap();
                run("PostgreSQL", Arc::new(pg), &info).await;
            }
            None => println!("PostgreSQL: skipped (set TAAWUN_BENCH_DATABASE_URL)"),
        }
    });
}
