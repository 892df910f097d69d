//! The embedded SQLite store: one file under the data directory, WAL mode, created and
//! migrated on first start. The queries are `taawun-store-sql`'s, shared with PostgreSQL; what
//! is SQLite's own is here: how the database is opened, and its migrations.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use taawun_store::StoreError;
use taawun_store_sql::SqlStore;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The store on SQLite.
pub type SqliteStore = SqlStore<sqlx::Sqlite>;

/// Opens (creating the file when missing) the database at `url` (`sqlite://path` or
/// `sqlite::memory:`).
pub async fn connect(url: &str) -> Result<SqliteStore, StoreError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| StoreError::unreachable(format!("invalid SQLite URL {url:?}: {e}"), e))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        // A write waits this long for another process's commit before it answers "busy" (503
        // with Retry-After): long enough for the largest import known, the General Assembly's
        // whole voting record, which holds the write lock for under 5 s, so that a write
        // during an import queues behind it and succeeds.
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .map_err(|e| StoreError::unreachable(format!("cannot open {url}: {e}"), e))?;
    Ok(SqlStore::new(pool, &MIGRATOR))
}
