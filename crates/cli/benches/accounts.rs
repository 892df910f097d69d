//! What accounts cost a write, and how fast the audit chain verifies.
//!
//! - One write (an organisation updated) through the store with the policy check and the audit
//!   append in its transaction, against the same transaction without them and against the bare
//!   UPDATE statement: p50 and p99 of each.
//! - `verify_audit` over 1,000,000 entries (ENTRIES to change), on SQLite (filled through the
//!   store's append) and PostgreSQL (filled in bulk with entries sealed here).
//!
//! Run: `cargo bench -p taawun --bench accounts` (PostgreSQL parts need
//! `TAAWUN_BENCH_DATABASE_URL` or `TAAWUN_TEST_DATABASE_URL`; each run uses a fresh schema and
//! drops it). The Argon2id cost of a sign-in: `cargo bench -p taawun-accounts --bench password`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use sqlx::Connection;
use taawun_accounts::{Binding, RoleGrant, RoleKind};
use taawun_audit::Entry;
use taawun_policy::{Action, Decision, Resource, Subject, decide};
use taawun_store::{Change, ChangeContext, NewOrganisation, OrganisationNames, Store};

const WRITES: usize = 2_000;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1e3
}

fn organisation(i: usize) -> NewOrganisation {
    NewOrganisation {
        names: OrganisationNames {
            en: Some(format!("National Human Rights Commission {i}")),
            ar: Some(format!("اللجنة الوطنية لحقوق الإنسان {i}")),
            ..Default::default()
        },
        kind: "nhri".into(),
        seat_iso3: Some("QAT".into()),
    }
}

/// Times one write three ways, alternating so that all see the same database state and load:
/// through the store with the policy check and the audit append (`with`); the same statements
/// in a transaction without them (`unaudited`: lock and read the row, check the seat, update);
/// and the bare UPDATE statement alone (`bare`).
async fn writes(
    name: &str,
    store: &dyn Store,
    unaudited: impl AsyncFn(i64, &NewOrganisation),
    bare: impl AsyncFn(i64, &NewOrganisation),
) {
    let admin = [RoleGrant::new(RoleKind::Administrator, Binding::Unbound).unwrap()];
    let context = ChangeContext {
        actor: taawun_store::Actor::user(1, "administrator"),
        request_id: Some("bench".into()),
    };
    let created = store
        .accounts()
        .create_organisation(&context, &organisation(0), 0)
        .await
        .unwrap();
    let mut with = Vec::with_capacity(WRITES);
    let mut without = Vec::with_capacity(WRITES);
    let mut alone = Vec::with_capacity(WRITES);
    for i in 0..WRITES {
        let new = organisation(i + 1);
        let started = Instant::now();
        let subject = Subject::User {
            id: 1,
            roles: &admin,
        };
        assert_eq!(
            decide(subject, Action::Update, &Resource::Organisations),
            Decision::Allow
        );
        store
            .accounts()
            .update_organisation(&context, created.id, &new, i as i64)
            .await
            .unwrap();
        with.push(started.elapsed());
        let started = Instant::now();
        unaudited(created.id, &new).await;
        without.push(started.elapsed());
        let started = Instant::now();
        bare(created.id, &new).await;
        alone.push(started.elapsed());
    }
    with.sort();
    without.sort();
    alone.sort();
    println!(
        "{name}: one write with policy check + audit append: p50 {:.3} ms, p99 {:.3} ms; \
         the same transaction without them: p50 {:.3} ms, p99 {:.3} ms (added: p50 {:.3} ms, p99 {:.3} ms); \
         the bare UPDATE alone: p50 {:.3} ms, p99 {:.3} ms",
        percentile(&with, 0.5),
        percentile(&with, 0.99),
        percentile(&without, 0.5),
        percentile(&without, 0.99),
        percentile(&with, 0.5) - percentile(&without, 0.5),
        percentile(&with, 0.99) - percentile(&without, 0.99),
        percentile(&alone, 0.5),
        percentile(&alone, 0.99),
    );
}

fn bench_context() -> ChangeContext {
    ChangeContext {
        actor: taawun_store::Actor::user(7, "secretariat"),
        request_id: Some("0b7c2f4e-8d1a-4c3b-9e6f-000000000000".into()),
    }
}

fn bench_change(i: usize) -> Change {
    Change::new("update", "organisation", (i % 5000).to_string())
        .before(&organisation(1))
        .after(&organisation(2))
}

/// Fills the log through the store's own append (10,000 entries per transaction).
async fn fill_by_appending(name: &str, store: &dyn Store, entries: usize) {
    let context = bench_context();
    let started = Instant::now();
    let already = store.accounts().audit_count().await.unwrap() as usize;
    let mut written = already;
    while written < entries {
        let n = (entries - written).min(10_000);
        let changes = (0..n).map(|i| bench_change(written + i)).collect();
        store
            .accounts()
            .append_audit(&context, changes)
            .await
            .unwrap();
        written += n;
    }
    println!(
        "{name}: appended {} audit entries in {:.1} s ({:.0} entries/s, 10,000 per transaction)",
        entries - already,
        started.elapsed().as_secs_f64(),
        (entries - already) as f64 / started.elapsed().as_secs_f64()
    );
}

/// Fills the PostgreSQL log with entries sealed here, 10,000 rows per INSERT … UNNEST: the
/// store's append takes the head lock for each entry (three round trips per entry were too slow
/// to reach a million in a benchmark run). The rows are the same as the store would write.
async fn fill_in_bulk(pool: &sqlx::PgPool, entries: usize) {
    let context = bench_context();
    let started = Instant::now();
    let (head_seq, head_hash): (i64, String) =
        sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(pool)
            .await
            .unwrap();
    let mut prev = head_hash;
    let mut seq = head_seq;
    let mut tx = pool.begin().await.unwrap();
    while (seq as usize) < entries {
        let n = (entries - seq as usize).min(10_000);
        let batch: Vec<Entry> = (0..n)
            .map(|_| {
                seq += 1;
                let entry = Entry::seal(seq, seq, &context, bench_change(seq as usize), &prev);
                prev = entry.hash.clone();
                entry
            })
            .collect();
        let column = |f: fn(&Entry) -> String| batch.iter().map(f).collect::<Vec<String>>();
        let optional =
            |f: fn(&Entry) -> Option<String>| batch.iter().map(f).collect::<Vec<Option<String>>>();
        sqlx::query(
            "INSERT INTO audit_log (seq, at_us, actor_user_id, actor_role, action, record_type,
                record_id, before_json, after_json, request_id, prev_hash, hash)
             SELECT * FROM UNNEST($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[],
                $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])",
        )
        .bind(batch.iter().map(|e| e.seq).collect::<Vec<i64>>())
        .bind(batch.iter().map(|e| e.at_us).collect::<Vec<i64>>())
        .bind(batch.iter().map(|e| e.actor_user_id).collect::<Vec<Option<i64>>>())
        .bind(column(|e| e.actor_role.clone()))
        .bind(column(|e| e.action.clone()))
        .bind(column(|e| e.record_type.clone()))
        .bind(column(|e| e.record_id.clone()))
        .bind(optional(|e| e.before.clone()))
        .bind(optional(|e| e.after.clone()))
        .bind(optional(|e| e.request_id.clone()))
        .bind(column(|e| e.prev_hash.clone()))
        .bind(column(|e| e.hash.clone()))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(seq)
        .bind(&prev)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    println!(
        "PostgreSQL: wrote {} sealed audit entries in bulk in {:.1} s",
        seq - head_seq,
        started.elapsed().as_secs_f64()
    );
}

async fn verify(name: &str, store: &dyn Store) {
    let started = Instant::now();
    let result = store.accounts().verify_audit(&|_| {}).await.unwrap();
    let seconds = started.elapsed().as_secs_f64();
    assert!(result.is_intact());
    println!(
        "{name}: audit verify over {} entries: {seconds:.2} s ({:.0} entries/s)",
        result.checked,
        result.checked as f64 / seconds
    );
}

#[tokio::main]
async fn main() {
    let entries: usize = std::env::var("ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let sqlite = Arc::new(taawun_store_sqlite::connect(&url).await.unwrap());
    taawun::server::prepare(sqlite.as_ref()).await.unwrap();
    let pool = sqlite.pool().clone();
    writes(
        "SQLite",
        sqlite.as_ref(),
        async |id, new| {
            let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.unwrap();
            sqlx::query("SELECT id, name_ar, name_en, name_fr, name_es, name_ru, name_zh, kind, seat_iso3, created_at, updated_at FROM organisations WHERE id = ?")
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .unwrap();
            sqlx::query("SELECT iso3 FROM states WHERE iso3 = ?")
                .bind(&new.seat_iso3)
                .fetch_optional(&mut *tx)
                .await
                .unwrap();
            sqlx::query("UPDATE organisations SET name_en = ?, name_ar = ?, kind = ?, seat_iso3 = ?, updated_at = ? WHERE id = ? RETURNING id, name_ar, name_en, name_fr, name_es, name_ru, name_zh, kind, seat_iso3, created_at, updated_at")
                .bind(&new.names.en)
                .bind(&new.names.ar)
                .bind(&new.kind)
                .bind(&new.seat_iso3)
                .bind(0i64)
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .unwrap();
            tx.commit().await.unwrap();
        },
        async |id, new| {
            sqlx::query("UPDATE organisations SET name_en = ?, name_ar = ?, kind = ?, seat_iso3 = ?, updated_at = ? WHERE id = ?")
                .bind(&new.names.en)
                .bind(&new.names.ar)
                .bind(&new.kind)
                .bind(&new.seat_iso3)
                .bind(0i64)
                .bind(id)
                .execute(&pool)
                .await
                .unwrap();
        },
    )
    .await;
    fill_by_appending("SQLite", sqlite.as_ref(), entries).await;
    verify("SQLite", sqlite.as_ref()).await;

    let Some(pg_url) = std::env::var("TAAWUN_BENCH_DATABASE_URL")
        .or_else(|_| std::env::var("TAAWUN_TEST_DATABASE_URL"))
        .ok()
        .filter(|u| !u.trim().is_empty())
    else {
        println!("PostgreSQL: skipped (set TAAWUN_BENCH_DATABASE_URL)");
        return;
    };
    let schema = format!("bench_accounts_{}", std::process::id());
    let pg = taawun_store_postgres::connect(&pg_url, Some(&schema))
        .await
        .unwrap();
    taawun::server::prepare(&pg).await.unwrap();
    let pg_pool = pg.pool().clone();
    writes(
        "PostgreSQL",
        &pg,
        async |id, new| {
            let mut tx = pg_pool.begin().await.unwrap();
            sqlx::query("SELECT id, name_ar, name_en, name_fr, name_es, name_ru, name_zh, kind, seat_iso3, created_at, updated_at FROM organisations WHERE id = $1 FOR NO KEY UPDATE")
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .unwrap();
            sqlx::query("SELECT iso3 FROM states WHERE iso3 = $1")
                .bind(&new.seat_iso3)
                .fetch_optional(&mut *tx)
                .await
                .unwrap();
            sqlx::query("UPDATE organisations SET name_en = $1, name_ar = $2, kind = $3, seat_iso3 = $4, updated_at = $5 WHERE id = $6 RETURNING id, name_ar, name_en, name_fr, name_es, name_ru, name_zh, kind, seat_iso3, created_at, updated_at")
                .bind(&new.names.en)
                .bind(&new.names.ar)
                .bind(&new.kind)
                .bind(&new.seat_iso3)
                .bind(0i64)
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .unwrap();
            tx.commit().await.unwrap();
        },
        async |id, new| {
            sqlx::query("UPDATE organisations SET name_en = $1, name_ar = $2, kind = $3, seat_iso3 = $4, updated_at = $5 WHERE id = $6")
                .bind(&new.names.en)
                .bind(&new.names.ar)
                .bind(&new.kind)
                .bind(&new.seat_iso3)
                .bind(0i64)
                .bind(id)
                .execute(&pg_pool)
                .await
                .unwrap();
        },
    )
    .await;
    fill_in_bulk(&pg_pool, entries).await;
    verify("PostgreSQL", &pg).await;
    let mut conn = sqlx::PgConnection::connect(&pg_url).await.unwrap();
    sqlx::query(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
        .execute(&mut conn)
        .await
        .unwrap();
}
