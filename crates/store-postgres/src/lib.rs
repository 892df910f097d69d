//! The PostgreSQL store, for deployments with several stateless app servers in front of one
//! PostgreSQL. The queries are `taawun-store-sql`'s, shared with SQLite; what is PostgreSQL's own
//! is here: how the database is reached, and its migrations (the SQLite schema in PostgreSQL's
//! types; a test checks that the two agree).

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, PgConnection};
use taawun_store::StoreError;
use taawun_store_sql::{SqlStore, db};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The store on PostgreSQL.
pub type PostgresStore = SqlStore<sqlx::Postgres>;

/// Connects to `url` (`postgres://user@host:port/database`). `schema`, when given, is created
/// if missing and put first on the search path of every connection: tests use it to give each
/// test a database of its own.
pub async fn connect(url: &str, schema: Option<&str>) -> Result<PostgresStore, StoreError> {
    let mut options = PgConnectOptions::from_str(url)
        .map_err(|e| StoreError::unreachable(format!("invalid PostgreSQL URL: {e}"), e))?;
    // One direct connection first: a pool retries until its acquire timeout, while a server
    // that is down or a wrong password should be reported at once.
    let probe = PgConnection::connect_with(&options)
        .await
        .map_err(|e| StoreError::unreachable(e.to_string(), e))?;
    probe
        .close()
        .await
        .map_err(|e| StoreError::unreachable(e.to_string(), e))?;
    if let Some(schema) = schema {
        if !schema
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(StoreError::database(format!(
                "invalid schema name {schema:?}"
            )));
        }
        let admin = PgPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options.clone())
            .await
            .map_err(|e| StoreError::unreachable(e.to_string(), e))?;
        // A schema name cannot be a bind parameter; it was checked above to be [a-z0-9_]+.
        sqlx::query(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))
            .execute(&admin)
            .await
            .map_err(db)?;
        admin.close().await;
        options = options.options([("search_path", schema)]);
    }
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await
        .map_err(|e| StoreError::unreachable(e.to_string(), e))?;
    Ok(SqlStore::new(pool, &MIGRATOR))
}
