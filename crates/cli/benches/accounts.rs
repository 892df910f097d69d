//! What accounts cost a write, and how fast the audit chain verifies.
//!
//! - One write (an organisation updated) through the store with the policy check and the audit
//!   append in its transaction, against the same UPDATE statement alone: p50 and p99 of each.
//! - `verify_audit` over 1,000,000 entries (ENTRIES to change), on SQLite and PostgreSQL.
//!
//! Run: `cargo bench -p taawun --bench accounts` (PostgreSQL parts need
//! `TAAWUN_BENCH_DATABASE_URL` or `TAAWUN_TEST_DATABASE_URL`; each run uses a fresh schema and
//! drops it). The Argon2id cost of a sign-in: `cargo bench -p taawun-accounts --bench password`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use sqlx::Connection;
use taawun_accounts::{Binding, RoleGrant, RoleKind};
use taawun_policy::{Action, Decision, Resource, Subject, decide};
use taawun_store::{Change, ChangeContext, NewOrganisation, OrganisationNames, Store};
use taawun_store_postgres::PostgresStore;
use taawun_store_sqlite::SqliteStore;

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

async fn writes(name: &str, store: &dyn Store, raw: impl AsyncFn(i64, &NewOrganisation)) {
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
    for i in 0..WRITES {
        let new = organisation(i + 1);
        // Alternate, so that both see the same database state and machine load.
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
        raw(created.id, &new).await;
        without.push(started.elapsed());
    }
    with.sort();
    without.sort();
    println!(
        "{name}: one write with policy check + audit append: p50 {:.3} ms, p99 {:.3} ms; the same UPDATE alone: p50 {:.3} ms, p99 {:.3} ms; added: p50 {:.3} ms",
        percentile(&with, 0.5),
        percentile(&with, 0.99),
        percentile(&without, 0.5),
        percentile(&without, 0.99),
        percentile(&with, 0.5) - percentile(&without, 0.5),
    );
}

async fn fill_and_verify(name: &str, store: &dyn Store, entries: usize) {
    let context = ChangeContext {
        actor: taawun_store::Actor::user(7, "secretariat"),
        request_id: Some("0b7c2f4e-8d1a-4c3b-9e6f-000000000000".into()),
    };
    let before = organisation(1);
    let after = organisation(2);
    let started = Instant::now();
    let already = store.accounts().audit_count().await.unwrap() as usize;
    let mut written = already;
    while written < entries {
        let n = (entries - written).min(10_000);
        let changes = (0..n)
            .map(|i| {
                Change::new("update", "organisation", ((written + i) % 5000).to_string())
                    .before(&before)
                    .after(&after)
            })
            .collect();
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
    let sqlite = Arc::new(SqliteStore::connect(&url).await.unwrap());
    taawun::server::prepare(sqlite.as_ref()).await.unwrap();
    let pool = sqlite.pool().clone();
    writes("SQLite", sqlite.as_ref(), async |id, new| {
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
    })
    .await;
    fill_and_verify("SQLite", sqlite.as_ref(), entries).await;

    let Some(pg_url) = std::env::var("TAAWUN_BENCH_DATABASE_URL")
        .or_else(|_| std::env::var("TAAWUN_TEST_DATABASE_URL"))
        .ok()
        .filter(|u| !u.trim().is_empty())
    else {
        println!("PostgreSQL: skipped (set TAAWUN_BENCH_DATABASE_URL)");
        return;
    };
    let schema = format!("bench_accounts_{}", std::process::id());
    let pg = PostgresStore::connect(&pg_url, Some(&schema))
        .await
        .unwrap();
    taawun::server::prepare(&pg).await.unwrap();
    let pg_pool = pg.pool().clone();
    writes("PostgreSQL", &pg, async |id, new| {
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
    })
    .await;
    fill_and_verify("PostgreSQL", &pg, entries).await;
    let mut conn = sqlx::PgConnection::connect(&pg_url).await.unwrap();
    sqlx::query(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
        .execute(&mut conn)
        .await
        .unwrap();
}
