//! Runs one test against every storage engine.
//!
//! `engines("name")` gives a freshly migrated store per engine: SQLite in a temporary file,
//! always; PostgreSQL in a schema of its own when `TAAWUN_TEST_DATABASE_URL` names a database
//! (`postgres://postgres@127.0.0.1:5432/test`), skipped with a message otherwise. A test runs its
//! body on each in turn; the engine's name is printed first, so a failure says where it broke.
//! The few statements that go around the store (to play an attacker with database access) are
//! here too, one per engine.

use std::time::{SystemTime, UNIX_EPOCH};

use taawun_store::Store;

/// Runs `body` once per engine, each time with a new database bound to `$store` (a
/// [`TestStore`]), announcing the engine first and cleaning up after.
#[macro_export]
macro_rules! on_every_engine {
    ($test:literal, |$store:ident| $body:block) => {
        for $store in $crate::engines($test).await {
            $store.announce($test);
            $body
            $store.finish().await;
        }
    };
}

/// A migrated store on one engine, removed when dropped (PostgreSQL: with [`TestStore::finish`]).
pub struct TestStore {
    pub engine: &'static str,
    pub store: Box<dyn Store>,
    raw: Raw,
    _dir: Option<tempfile::TempDir>,
}

enum Raw {
    Sqlite(sqlx::SqlitePool),
    Postgres { pool: sqlx::PgPool, schema: String },
}

/// Every engine this run can test, each with a new database.
pub async fn engines(test: &str) -> Vec<TestStore> {
    let mut stores = vec![sqlite().await];
    match postgres(test).await {
        Some(store) => stores.push(store),
        None => eprintln!(
            "{test}: PostgreSQL skipped (set TAAWUN_TEST_DATABASE_URL to run it there too)"
        ),
    }
    stores
}

async fn sqlite() -> TestStore {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let url = format!("sqlite://{}", dir.path().join("taawun.db").display());
    let store = taawun_store_sqlite::connect(&url)
        .await
        .expect("SQLite opens");
    store.migrate().await.expect("the SQLite migrations apply");
    TestStore {
        engine: "sqlite",
        raw: Raw::Sqlite(store.pool().clone()),
        store: Box::new(store),
        _dir: Some(dir),
    }
}

/// The PostgreSQL test database, when one is configured.
pub fn postgres_url() -> Option<String> {
    std::env::var("TAAWUN_TEST_DATABASE_URL")
        .ok()
        .filter(|url| !url.trim().is_empty())
}

async fn postgres(test: &str) -> Option<TestStore> {
    let url = postgres_url()?;
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let schema = format!("conformance_{test}_{}_{nanos}", std::process::id());
    let store = taawun_store_postgres::connect(&url, Some(&schema))
        .await
        .expect("TAAWUN_TEST_DATABASE_URL names a reachable PostgreSQL");
    store
        .migrate()
        .await
        .expect("the PostgreSQL migrations apply");
    Some(TestStore {
        engine: "postgres",
        raw: Raw::Postgres {
            pool: store.pool().clone(),
            schema,
        },
        store: Box::new(store),
        _dir: None,
    })
}

impl TestStore {
    /// Says which engine the next assertions run on (the test's output shows it on failure).
    pub fn announce(&self, test: &str) {
        eprintln!("{test}: on {}", self.engine);
    }

    /// Runs one statement around the store, as someone with access to the database would.
    pub async fn exec(&self, sql: &str) -> Result<u64, String> {
        match &self.raw {
            Raw::Sqlite(pool) => sqlx::query(sql)
                .execute(pool)
                .await
                .map(|done| done.rows_affected()),
            Raw::Postgres { pool, .. } => sqlx::query(sql)
                .execute(pool)
                .await
                .map(|done| done.rows_affected()),
        }
        .map_err(|e| e.to_string())
    }

    /// The first column of the first row of `sql`, as text (NULL: `None`).
    pub async fn text(&self, sql: &str) -> Option<String> {
        match &self.raw {
            Raw::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
            Raw::Postgres { pool, .. } => sqlx::query_scalar(sql).fetch_one(pool).await,
        }
        .expect("the query runs")
    }

    /// Switches off the triggers that keep the audit log append-only, as the tables' owner
    /// could; [`TestStore::restore_audit_triggers`] puts them back.
    pub async fn drop_audit_triggers(&self) -> Vec<String> {
        match &self.raw {
            Raw::Sqlite(pool) => {
                let triggers: Vec<(String, String)> = sqlx::query_as(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'",
                )
                .fetch_all(pool)
                .await
                .expect("the triggers are listed");
                for (name, _) in &triggers {
                    sqlx::query(&format!("DROP TRIGGER {name}"))
                        .execute(pool)
                        .await
                        .expect("the owner can drop a trigger");
                }
                triggers.into_iter().map(|(_, sql)| sql).collect()
            }
            Raw::Postgres { pool, .. } => {
                sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER USER")
                    .execute(pool)
                    .await
                    .expect("the owner can disable the triggers");
                Vec::new()
            }
        }
    }

    pub async fn restore_audit_triggers(&self, dropped: Vec<String>) {
        match &self.raw {
            Raw::Sqlite(pool) => {
                for sql in dropped {
                    sqlx::query(&sql)
                        .execute(pool)
                        .await
                        .expect("the trigger is created again");
                }
            }
            Raw::Postgres { pool, .. } => {
                sqlx::query("ALTER TABLE audit_log ENABLE TRIGGER USER")
                    .execute(pool)
                    .await
                    .expect("the owner can enable the triggers");
            }
        }
    }

    /// Removes what the test created (PostgreSQL's schema; SQLite's file goes with the value).
    pub async fn finish(self) {
        if let Raw::Postgres { pool, schema } = &self.raw {
            sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                .execute(pool)
                .await
                .expect("the test schema can be dropped");
        }
    }
}
