//! The General Assembly's voting records (6,203 roll calls, 870,109 votes) end to end: reading
//! the files, importing into SQLite and PostgreSQL (rows/s), PostgreSQL's own `COPY` of the
//! same rows as the yardstick of what the server can take, and the analytics the pages use —
//! reading a body's votes back into a matrix, then the agreement of every pair of States.
//!
//! Run: `cargo bench -p taawun --bench votes` (PostgreSQL parts need
//! `TAAWUN_BENCH_DATABASE_URL` or `TAAWUN_TEST_DATABASE_URL`; each run uses fresh schemas and
//! drops them).

use std::sync::Arc;
use std::time::Instant;

use sqlx::Connection;
use taawun_store::{Store, VoteFilter};
use taawun_votes::{Dataset, Definition, ReadOptions};

fn shared(path: &str) -> std::path::PathBuf {
    std::env::var_os("TAAWUN_SHARED_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
        .join(path)
}

async fn import_into(name: &str, store: Arc<dyn Store>, dataset: &Dataset) {
    taawun::server::prepare(store.as_ref())
        .await
        .expect("migrations");
    let started = Instant::now();
    let report = store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            dataset,
            &|_| {},
        )
        .await
        .expect("import");
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(report.votes_written, dataset.votes.len());
    println!(
        "import into {name}: {seconds:.2} s, {:.0} votes/s ({} roll calls, {} votes, one transaction)",
        dataset.votes.len() as f64 / seconds,
        report.roll_calls_created,
        report.votes_written
    );

    let filter = VoteFilter {
        body: Some(taawun_votes::Body::Unga),
        ..VoteFilter::default()
    };
    let started = Instant::now();
    let table = store.vote_table(&filter).await.expect("vote table");
    let read = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let matrix = taawun_votes::agreement_matrix(&table.matrix, Definition::IdenticalVotes);
    let computed = started.elapsed().as_secs_f64();
    println!(
        "agreement matrix from {name}: read {} × {} votes in {:.0} ms, every pair ({} States) in {:.1} ms — {:.0} ms in all",
        table.matrix.states().len(),
        table.roll_calls.len(),
        read * 1e3,
        matrix.len(),
        computed * 1e3,
        (read + computed) * 1e3
    );
}

/// `COPY` of the same (roll call, State, choice) rows into a bare table: no constraint, no
/// index, no transaction of ours around it — what PostgreSQL can ingest at best.
async fn copy_yardstick(url: &str, dataset: &Dataset) {
    let mut connection = sqlx::PgConnection::connect(url).await.expect("connect");
    let schema = format!("bench_copy_{}", std::process::id());
    sqlx::raw_sql(&format!(
        "CREATE SCHEMA {schema}; CREATE TABLE {schema}.votes (roll_call TEXT, state TEXT, choice TEXT)"
    ))
    .execute(&mut connection)
    .await
    .expect("schema");
    let mut rows = String::with_capacity(dataset.votes.len() * 24);
    for vote in &dataset.votes {
        rows.push_str(&vote.roll_call_id);
        rows.push('\t');
        rows.push_str(&vote.state);
        rows.push('\t');
        rows.push_str(vote.choice.slug());
        rows.push('\n');
    }
    let started = Instant::now();
    let mut copy = connection
        .copy_in_raw(&format!("COPY {schema}.votes FROM STDIN"))
        .await
        .expect("copy");
    copy.send(rows.as_bytes()).await.expect("send");
    let copied = copy.finish().await.expect("finish");
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "yardstick, PostgreSQL COPY of the same rows into a bare table: {seconds:.2} s, {:.0} rows/s ({copied} rows)",
        copied as f64 / seconds
    );
    sqlx::raw_sql(&format!("DROP SCHEMA {schema} CASCADE"))
        .execute(&mut connection)
        .await
        .expect("drop");
}

fn main() {
    let started = Instant::now();
    let dataset =
        taawun_votes::unga::read_dir(&shared("data/votes/unga"), &ReadOptions::default(), None)
            .expect("the UNGA files read");
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "read the UNGA files: {seconds:.2} s, {:.0} votes/s",
        dataset.votes.len() as f64 / seconds
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("bench.db").display());
        let sqlite = taawun_store_sqlite::connect(&url).await.unwrap();
        import_into("SQLite", Arc::new(sqlite), &dataset).await;

        let pg_url = std::env::var("TAAWUN_BENCH_DATABASE_URL")
            .or_else(|_| std::env::var("TAAWUN_TEST_DATABASE_URL"))
            .ok()
            .filter(|u| !u.is_empty());
        let Some(url) = pg_url else {
            println!("PostgreSQL: skipped (set TAAWUN_BENCH_DATABASE_URL)");
            return;
        };
        let schema = format!("bench_votes_{}", std::process::id());
        let pg = taawun_store_postgres::connect(&url, Some(&schema))
            .await
            .unwrap();
        import_into("PostgreSQL", Arc::new(pg), &dataset).await;
        copy_yardstick(&url, &dataset).await;
        let mut connection = sqlx::PgConnection::connect(&url).await.expect("connect");
        sqlx::raw_sql(&format!("DROP SCHEMA {schema} CASCADE"))
            .execute(&mut connection)
            .await
            .expect("drop the bench schema");
    });
}
