//! The audit trail: appending inside a change's transaction, reading, verifying.

use std::marker::PhantomData;

use futures_util::TryStreamExt;
use sqlx::{ColumnIndex, Encode, Executor, IntoArguments, Pool, Row, Type};
use taawun_audit::{Change, ChangeContext, Entry, Verification, Verifier};
use taawun_store::{AuditFilter, Page, Paging, StoreError};

use crate::sql::Sql;
use crate::{Column, Engine, db, now_us};

/// The audit trail's queries on engine `DB` (`AuditTrail::<Sqlite>::append(…)`: the engine
/// cannot be inferred from a connection's type).
pub struct AuditTrail<DB>(PhantomData<DB>);

const ENTRY_COLUMNS: &str = "seq, at_us, actor_user_id, actor_role, action, record_type, record_id, \
     before_json, after_json, request_id, prev_hash, hash";

impl<DB> AuditTrail<DB>
where
    DB: Engine,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    for<'q> DB::Arguments<'q>: IntoArguments<'q, DB>,
    for<'a> &'a str: ColumnIndex<DB::Row> + Encode<'a, DB> + Type<DB>,
    usize: ColumnIndex<DB::Row>,
    i64: Column<DB>,
    i32: Column<DB>,
    bool: Column<DB>,
    String: Column<DB>,
    Option<i64>: Column<DB>,
    Option<i32>: Column<DB>,
    Option<String>: Column<DB>,
    for<'a> Option<&'a str>: Encode<'a, DB> + Type<DB>,
{
    /// Appends a change after the current head, inside the caller's transaction (opened with
    /// [`Engine::begin_write`]), in two round trips. The head is read first, under
    /// [`Engine::FOR_UPDATE`] on PostgreSQL: another appender, on this server or another, waits
    /// there until this transaction ends, then reads the head this one left; on SQLite the
    /// transaction already holds the only write lock. The entry is sealed here (the hash is
    /// computed in Rust, from the head just read), then inserted; the insert trigger (migration
    /// 0006) checks that it continues the head and moves the head to it. On PostgreSQL the lock
    /// is held to the commit, so the append should be the transaction's last work.
    pub async fn append(
        conn: &mut DB::Connection,
        context: &ChangeContext,
        change: Change,
    ) -> Result<Entry, StoreError> {
        let (seq, hash): (i64, String) = sqlx::query_as(&format!(
            "SELECT seq, hash FROM audit_head WHERE id = 1{}",
            DB::FOR_UPDATE
        ))
        .fetch_one(&mut *conn)
        .await
        .map_err(db)?;
        let entry = Entry::seal(seq + 1, now_us(), context, change, &hash);
        sqlx::query(
            "INSERT INTO audit_log (seq, at_us, actor_user_id, actor_role, action, record_type,
                record_id, before_json, after_json, request_id, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(entry.seq)
        .bind(entry.at_us)
        .bind(entry.actor_user_id)
        .bind(entry.actor_role.clone())
        .bind(entry.action.clone())
        .bind(entry.record_type.clone())
        .bind(entry.record_id.clone())
        .bind(entry.before.clone())
        .bind(entry.after.clone())
        .bind(entry.request_id.clone())
        .bind(entry.prev_hash.clone())
        .bind(entry.hash.clone())
        .execute(&mut *conn)
        .await
        .map_err(db)?;
        Ok(entry)
    }

    fn entry_from_row(row: &DB::Row) -> Result<Entry, sqlx::Error> {
        Ok(Entry {
            seq: row.try_get("seq")?,
            at_us: row.try_get("at_us")?,
            actor_user_id: row.try_get("actor_user_id")?,
            actor_role: row.try_get("actor_role")?,
            action: row.try_get("action")?,
            record_type: row.try_get("record_type")?,
            record_id: row.try_get("record_id")?,
            before: row.try_get("before_json")?,
            after: row.try_get("after_json")?,
            request_id: row.try_get("request_id")?,
            prev_hash: row.try_get("prev_hash")?,
            hash: row.try_get("hash")?,
        })
    }

    fn push_filter(query: &mut Sql, filter: &AuditFilter) {
        query.push(" WHERE 1 = 1");
        if let Some(t) = &filter.record_type {
            query.push(" AND record_type = ").push_bind(t.clone());
        }
        if let Some(id) = &filter.record_id {
            query.push(" AND record_id = ").push_bind(id.clone());
        }
        if let Some(actor) = filter.actor_user_id {
            query.push(" AND actor_user_id = ").push_bind(actor);
        }
    }

    /// A page of entries matching `filter`, newest first.
    pub async fn entries(
        pool: &Pool<DB>,
        filter: &AuditFilter,
        paging: Paging,
    ) -> Result<Page<Entry>, StoreError> {
        let mut count = Sql::new("SELECT count(*) FROM audit_log");
        Self::push_filter(&mut count, filter);
        let total: i64 = count.query_scalar().fetch_one(pool).await.map_err(db)?;
        let mut query = Sql::new(format!("SELECT {ENTRY_COLUMNS} FROM audit_log"));
        Self::push_filter(&mut query, filter);
        query
            .push(" ORDER BY seq DESC LIMIT ")
            .push_bind(i64::from(paging.per_page))
            .push(" OFFSET ")
            .push_bind(paging.offset() as i64);
        let rows = query.query().fetch_all(pool).await.map_err(db)?;
        let items = rows
            .iter()
            .map(Self::entry_from_row)
            .collect::<Result<_, _>>()
            .map_err(db)?;
        Ok(Page {
            items,
            total: total.max(0) as u64,
            page: paging.page,
            per_page: paging.per_page,
        })
    }

    /// Reads every entry in one snapshot and checks the chain and the head.
    pub async fn verify(
        pool: &Pool<DB>,
        progress: &(dyn Fn(u64) + Send + Sync),
    ) -> Result<Verification, StoreError> {
        // One snapshot for the head and the entries: appenders that commit meanwhile are not
        // seen, and (on PostgreSQL) are not waited for.
        let mut tx = DB::begin_snapshot(pool).await.map_err(db)?;
        let (head_seq, head_hash): (i64, String) =
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                .fetch_one(&mut *tx)
                .await
                .map_err(db)?;
        // Every row is read, not only those up to the head: a row beyond the head was written
        // outside the platform, and is reported as such.
        let mut verifier = Verifier::with_head(head_seq);
        {
            let sql = format!("SELECT {ENTRY_COLUMNS} FROM audit_log ORDER BY seq");
            let mut rows = sqlx::query(&sql).fetch(&mut *tx);
            let mut read = 0u64;
            while let Some(row) = rows.try_next().await.map_err(db)? {
                let entry = Self::entry_from_row(&row).map_err(db)?;
                read += 1;
                if read.is_multiple_of(10_000) {
                    progress(read);
                }
                if !verifier.push(&entry) {
                    break;
                }
            }
            progress(read);
        }
        verifier.check_head(head_seq, &head_hash);
        tx.commit().await.map_err(db)?;
        Ok(verifier.finish())
    }
}
