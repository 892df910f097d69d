//! The SQL both storage engines run, written once.
//!
//! `taawun-store-sqlite` and `taawun-store-postgres` used to carry two copies of every query
//! (85 % of their lines were the same). What they share is here, generic over the engine
//! ([`Engine`], implemented for `sqlx::Sqlite` and `sqlx::Postgres`): queries use the `$1`
//! placeholders both drivers accept, and SQL both dialects read (`IS NOT DISTINCT FROM`,
//! `ON CONFLICT … DO NOTHING RETURNING`, `NULLS FIRST`). Where the engines really differ, the
//! difference is one named item of [`Engine`] — how a write transaction begins (SQLite takes its
//! single write lock at once; PostgreSQL serialises on row locks), the row-lock clauses SQLite
//! does not have, byte-wise collation, the substring function — so a reader sees each difference
//! once, with its reason, instead of finding it by diffing two files.
//!
//! Bulk loading (PostgreSQL's COPY), JSON columns and the schema's migrations stay in the
//! engines' crates.

use std::future::Future;

use sqlx::{Database, Pool, Transaction};
use taawun_store::{Backend, StoreError};

pub mod accounts;
pub mod audit;
mod bounds;
pub mod cooperation;
pub mod council;
pub mod funds;
pub mod plans;
pub mod practices;
mod resolutions;
pub mod sql;
mod states;
mod store;
pub mod upr;
mod votes;

pub use accounts::SqlAccounts;
pub use bounds::Column;
pub use cooperation::SqlCooperation;
pub use council::SqlCouncil;
pub use funds::SqlFunds;
pub use plans::SqlPlans;
pub use practices::SqlPractices;
pub use store::SqlStore;
pub use upr::SqlUpr;

/// What differs between the engines, named once. Everything else is the same SQL.
pub trait Engine: Database {
    const BACKEND: Backend;

    /// Appended to a text expression compared or sorted, so that both engines order by bytes
    /// (SQLite's default BINARY collation; PostgreSQL's database collation would be
    /// locale-aware, and pages would list in another order on each engine).
    const BYTEWISE: &'static str;

    /// Appended to a SELECT that reads a row the transaction then changes. PostgreSQL locks the
    /// row (other writers wait); SQLite has no row locks and needs none: its write transaction
    /// holds the database's single write lock from its first statement (see
    /// [`Engine::begin_write`]).
    const FOR_UPDATE: &'static str;

    /// As [`Engine::FOR_UPDATE`], for a row that other rows refer to (an account): on PostgreSQL
    /// `FOR NO KEY UPDATE`, which leaves rows referring to it (sessions, sign-in records) free
    /// to be written meanwhile.
    const FOR_NO_KEY_UPDATE: &'static str;

    /// Appended to the sub-select that claims outbox messages: on PostgreSQL, a sender claiming
    /// at the same moment (another server) takes the next messages instead of waiting for these
    /// and then finding them leased.
    const SKIP_LOCKED: &'static str;

    /// The function `f(haystack, needle)` giving the 1-based position of `needle` in `haystack`,
    /// 0 when absent (`instr` on SQLite, `strpos` on PostgreSQL). Preferred to LIKE: folded text
    /// may hold `%` or `_` and must match literally.
    const POSITION: &'static str;

    /// Appended to a parameter bound as `YYYY-MM-DD` text where a DATE is compared or stored
    /// (PostgreSQL has a date type; SQLite keeps dates as ISO 8601 text, which sorts as dates).
    const DATE: &'static str;

    /// Appended to a parameter bound as JSON text where a JSON column is written or compared
    /// (PostgreSQL's JSONB; SQLite keeps JSON as text).
    const JSON: &'static str;

    /// The current time, as the type of the schema's timestamp columns (PostgreSQL's
    /// TIMESTAMPTZ; on SQLite, RFC 3339 text in UTC, which sorts as time).
    const NOW: &'static str;

    /// Whether `json_column` (an array of strings) holds the string bound at `placeholder`.
    fn json_array_has(json_column: &str, placeholder: &str) -> String;

    /// A FROM item giving the elements of `json_column` (an array of strings) as `i.value`.
    fn json_array_values(json_column: &str) -> String;

    /// A date, JSON or timestamp column read as text: dates as `YYYY-MM-DD`, JSON as its text,
    /// timestamps as RFC 3339 in UTC to the second.
    fn text(column: &str) -> String;
    fn timestamp_text(column: &str) -> String;

    /// A query whose one row and column is the migrations table's name, or NULL when the
    /// database has never been migrated.
    const MIGRATIONS_TABLE: &'static str;

    /// Run at the start of the transaction that writes the reference data, so that servers
    /// starting together write it once (on SQLite the write lock already does).
    const REFERENCE_DATA_LOCK: Option<&'static str>;

    /// Writes many votes in the import's transaction, calling `progress` with the running
    /// count. PostgreSQL streams them with COPY (many times faster than INSERT, see the votes
    /// bench); SQLite inserts them in batches of [`taawun_store::VOTE_BATCH`] rows.
    fn insert_votes<'c>(
        conn: &'c mut Self::Connection,
        votes: &'c [(i64, &'c str, &'c str)],
        progress: &'c (dyn Fn(usize) + Send + Sync),
    ) -> impl Future<Output = Result<usize, StoreError>> + Send + 'c;

    /// How many rows a statement changed (each driver has its own result type).
    fn rows_affected(result: &Self::QueryResult) -> u64;

    /// Opens a transaction that will write.
    fn begin_write(
        pool: &Pool<Self>,
    ) -> impl Future<Output = Result<Transaction<'static, Self>, sqlx::Error>> + Send;

    /// Opens a read-only transaction that sees one snapshot from its first read to its end.
    fn begin_snapshot(
        pool: &Pool<Self>,
    ) -> impl Future<Output = Result<Transaction<'static, Self>, sqlx::Error>> + Send;
}

#[cfg(feature = "sqlite")]
impl Engine for sqlx::Sqlite {
    const BACKEND: Backend = Backend::Sqlite;
    const BYTEWISE: &'static str = "";
    const FOR_UPDATE: &'static str = "";
    const FOR_NO_KEY_UPDATE: &'static str = "";
    const SKIP_LOCKED: &'static str = "";
    const POSITION: &'static str = "instr";
    const DATE: &'static str = "";
    const JSON: &'static str = "";
    const NOW: &'static str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
    const MIGRATIONS_TABLE: &'static str = "SELECT (SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations')";
    const REFERENCE_DATA_LOCK: Option<&'static str> = None;

    fn json_array_has(json_column: &str, placeholder: &str) -> String {
        format!("EXISTS (SELECT 1 FROM json_each({json_column}) i WHERE i.value = {placeholder})")
    }

    fn json_array_values(json_column: &str) -> String {
        format!("json_each({json_column}) i")
    }

    fn text(column: &str) -> String {
        column.to_owned()
    }

    fn timestamp_text(column: &str) -> String {
        column.to_owned()
    }

    async fn insert_votes<'c>(
        conn: &'c mut Self::Connection,
        votes: &'c [(i64, &'c str, &'c str)],
        progress: &'c (dyn Fn(usize) + Send + Sync),
    ) -> Result<usize, StoreError> {
        let mut written = 0;
        for batch in votes.chunks(taawun_store::VOTE_BATCH) {
            let mut insert = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
                "INSERT INTO votes (roll_call_id, state, choice) ",
            );
            insert.push_values(batch, |mut row, (id, state, choice)| {
                row.push_bind(*id).push_bind(*state).push_bind(*choice);
            });
            insert.build().execute(&mut *conn).await.map_err(db)?;
            written += batch.len();
            progress(written);
        }
        Ok(written)
    }

    fn rows_affected(result: &Self::QueryResult) -> u64 {
        result.rows_affected()
    }

    /// `BEGIN IMMEDIATE`: a deferred transaction that reads first could fail to upgrade to a
    /// writer when another writer got in between; this one waits for the lock up front (up to
    /// the busy timeout) and then holds it to the end, which makes every read-then-write in it
    /// exact without row locks.
    fn begin_write(
        pool: &Pool<Self>,
    ) -> impl Future<Output = Result<Transaction<'static, Self>, sqlx::Error>> + Send {
        pool.begin_with("BEGIN IMMEDIATE")
    }

    /// A deferred transaction: in WAL mode, its first read fixes the snapshot it sees.
    fn begin_snapshot(
        pool: &Pool<Self>,
    ) -> impl Future<Output = Result<Transaction<'static, Self>, sqlx::Error>> + Send {
        pool.begin()
    }
}

#[cfg(feature = "postgres")]
impl Engine for sqlx::Postgres {
    const BACKEND: Backend = Backend::Postgres;
    const BYTEWISE: &'static str = " COLLATE \"C\"";
    const FOR_UPDATE: &'static str = " FOR UPDATE";
    const FOR_NO_KEY_UPDATE: &'static str = " FOR NO KEY UPDATE";
    const SKIP_LOCKED: &'static str = " FOR UPDATE SKIP LOCKED";
    const POSITION: &'static str = "strpos";
    const DATE: &'static str = "::date";
    const JSON: &'static str = "::jsonb";
    const NOW: &'static str = "now()";
    const MIGRATIONS_TABLE: &'static str = "SELECT to_regclass('_sqlx_migrations')::text";
    /// App servers starting together take turns here, so the table is written (and the sync
    /// logged) once: the others then find the fingerprint. The lock is per schema, so that test
    /// schemas side by side do not wait for each other.
    const REFERENCE_DATA_LOCK: Option<&'static str> = Some(
        "SELECT pg_advisory_xact_lock(hashtextextended('taawun:sync_states:' || current_schema(), 0))",
    );

    fn json_array_has(json_column: &str, placeholder: &str) -> String {
        format!("{json_column} @> jsonb_build_array({placeholder}::text)")
    }

    fn json_array_values(json_column: &str) -> String {
        format!("jsonb_array_elements_text({json_column}) i(value)")
    }

    fn text(column: &str) -> String {
        format!("{column}::text")
    }

    fn timestamp_text(column: &str) -> String {
        format!("to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
    }

    async fn insert_votes<'c>(
        conn: &'c mut Self::Connection,
        votes: &'c [(i64, &'c str, &'c str)],
        progress: &'c (dyn Fn(usize) + Send + Sync),
    ) -> Result<usize, StoreError> {
        // State codes and choice slugs are ASCII letters and hyphens, so COPY's text format
        // needs no escaping; anything else would be a bug upstream, refused rather than sent.
        if let Some((_, state, _)) = votes
            .iter()
            .find(|(_, state, _)| !state.bytes().all(|b| b.is_ascii_alphanumeric()))
        {
            return Err(StoreError::database(format!(
                "refusing to copy the State code {state:?}: not a plain code"
            )));
        }
        if votes.is_empty() {
            return Ok(0);
        }
        let mut copy = conn
            .copy_in_raw("COPY votes (roll_call_id, state, choice) FROM STDIN")
            .await
            .map_err(db)?;
        let mut chunk = String::with_capacity(taawun_store::VOTE_BATCH * 24);
        let mut written = 0;
        for batch in votes.chunks(taawun_store::VOTE_BATCH) {
            chunk.clear();
            for (id, state, choice) in batch {
                use std::fmt::Write as _;
                let _ = writeln!(chunk, "{id}\t{state}\t{choice}");
            }
            copy.send(chunk.as_bytes()).await.map_err(db)?;
            written += batch.len();
            progress(written);
        }
        copy.finish().await.map_err(db)?;
        Ok(written)
    }

    fn rows_affected(result: &Self::QueryResult) -> u64 {
        result.rows_affected()
    }

    /// READ COMMITTED, PostgreSQL's default: the row locks taken in it ([`Engine::FOR_UPDATE`])
    /// and the audit head's lock do the serialising.
    fn begin_write(
        pool: &Pool<Self>,
    ) -> impl Future<Output = Result<Transaction<'static, Self>, sqlx::Error>> + Send {
        pool.begin()
    }

    /// REPEATABLE READ: one snapshot for every statement; READ ONLY: it takes no lock and is
    /// never waited for.
    fn begin_snapshot(
        pool: &Pool<Self>,
    ) -> impl Future<Output = Result<Transaction<'static, Self>, sqlx::Error>> + Send {
        pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    }
}

/// A driver error as a [`StoreError`], told apart by what the caller does next.
pub fn db(e: sqlx::Error) -> StoreError {
    use sqlx::error::ErrorKind;
    let message = e.to_string();
    let kind = match &e {
        sqlx::Error::Database(d) => match d.kind() {
            ErrorKind::UniqueViolation
            | ErrorKind::ForeignKeyViolation
            | ErrorKind::NotNullViolation
            | ErrorKind::CheckViolation => Kind::Constraint,
            _ if d.code().is_some_and(|code| is_busy_code(d.as_ref(), &code)) => Kind::Busy,
            _ => Kind::Database,
        },
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolClosed
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::WorkerCrashed => Kind::Unreachable,
        _ => Kind::Database,
    };
    let cause = Some(Box::new(e) as taawun_store::Cause);
    match kind {
        Kind::Constraint => StoreError::Constraint { message, cause },
        Kind::Busy => StoreError::Busy { message, cause },
        Kind::Unreachable => StoreError::Unreachable { message, cause },
        Kind::Database => StoreError::Database { message, cause },
    }
}

enum Kind {
    Constraint,
    Busy,
    Unreachable,
    Database,
}

/// Whether the engine gave up waiting for another writer, so the same request may work in a
/// few seconds. SQLite: SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes — an
/// import in another process held the write lock past the busy timeout. PostgreSQL:
/// serialization_failure (40001), deadlock_detected (40P01), lock_not_available (55P03).
#[allow(unused_variables)]
fn is_busy_code(error: &dyn sqlx::error::DatabaseError, code: &str) -> bool {
    #[cfg(feature = "sqlite")]
    if error
        .try_downcast_ref::<sqlx::sqlite::SqliteError>()
        .is_some()
    {
        return code.parse::<u32>().is_ok_and(|c| matches!(c & 0xff, 5 | 6));
    }
    #[cfg(feature = "postgres")]
    if error
        .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
        .is_some()
    {
        return matches!(code, "40001" | "40P01" | "55P03");
    }
    false
}

/// The store's clock, to the second: the times records keep (`created_at`, `updated_at`). The
/// domain takes the time it is given; the audit trail keeps its own, in microseconds
/// ([`now_us`]).
pub(crate) mod clock {
    use chrono::{DateTime, Utc};

    /// Seconds since the Unix epoch.
    pub(crate) fn now_seconds() -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    }

    /// Now, to the second.
    pub(crate) fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(now_seconds(), 0).unwrap_or_default()
    }
}

/// Microseconds since the Unix epoch, the audit trail's clock.
pub fn now_us() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() as i64)
}
