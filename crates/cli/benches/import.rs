//! Import throughput of the registry: the seed resolution and 999 generated variants (each with
//! its own resolution number, so each is a new record), parsed and stored in SQLite and, when
//! `TAAWUN_BENCH_DATABASE_URL` or `TAAWUN_TEST_DATABASE_URL` names a PostgreSQL database, in
//! PostgreSQL (in a fresh schema). Prints resolutions/s for parsing and for storing.
//!
//! Run: `cargo bench -p taawun --bench import`

use std::sync::Arc;
use std::time::Instant;

use taawun::registry::{SEED_TEXT, parse_text};
use taawun_states::Resolver;
use taawun_store::{NewResolutionVersion, Store};

const COUNT: usize = 1_000;

/// The seed with its resolution number changed to `n/56`: Arabic writes the symbol right to
/// left, so "2/56 - تعزيز" becomes "n/56 - تعزيز".
fn variant(n: usize) -> String {
    if n == 2 {
        return SEED_TEXT.to_owned();
    }
    SEED_TEXT.replacen("2/56 - ", &format!("{n}/56 - "), 1)
}

async fn store_all(store: Arc<dyn Store>, versions: &[NewResolutionVersion]) -> f64 {
    taawun::server::prepare(store.as_ref())
        .await
        .expect("migrations");
    let started = Instant::now();
    for version in versions {
        store
            .import_resolution(&taawun_store::ChangeContext::command_line(), version)
            .await
            .expect("import");
    }
    let elapsed = started.elapsed().as_secs_f64();
    assert_eq!(
        store.count_resolutions().await.unwrap() as usize,
        versions.len()
    );
    versions.len() as f64 / elapsed
}

fn main() {
    let resolver = Resolver::builtin();
    let texts: Vec<String> = (2..COUNT + 2).map(variant).collect();
    let started = Instant::now();
    let versions: Vec<NewResolutionVersion> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            parse_text(&format!("variant-{i}.txt"), text, resolver).expect("the variants parse")
        })
        .collect();
    let parse_rate = COUNT as f64 / started.elapsed().as_secs_f64();
    let distinct: std::collections::HashSet<_> =
        versions.iter().map(|v| v.record.symbol.clone()).collect();
    assert_eq!(distinct.len(), COUNT, "every variant is its own resolution");
    println!(
        "parse: {parse_rate:.0} resolutions/s ({COUNT} texts of {} bytes)",
        SEED_TEXT.len()
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("bench.db").display());
        let sqlite: Arc<dyn Store> = Arc::new(taawun_store_sqlite::connect(&url).await.unwrap());
        let rate = store_all(sqlite, &versions).await;
        println!("import into SQLite: {rate:.0} resolutions/s (one transaction each)");

        let pg_url = std::env::var("TAAWUN_BENCH_DATABASE_URL")
            .or_else(|_| std::env::var("TAAWUN_TEST_DATABASE_URL"))
            .ok()
            .filter(|u| !u.is_empty());
        match pg_url {
            Some(url) => {
                let schema = format!("bench_{}", std::process::id());
                let pg = taawun_store_postgres::connect(&url, Some(&schema))
                    .await
                    .unwrap();
                let rate = store_all(Arc::new(pg), &versions).await;
                println!("import into PostgreSQL: {rate:.0} resolutions/s (one transaction each)");
            }
            None => println!("import into PostgreSQL: skipped (set TAAWUN_BENCH_DATABASE_URL)"),
        }
    });
}
