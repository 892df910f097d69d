//! The Council's calendar as amended and the outputs of mandates, written once for both engines.
//! Every write takes the `council` row of `record_stamps` first (locked on PostgreSQL; SQLite's
//! write transaction already holds its only lock), checks what the domain requires against what
//! is stored in the same transaction, raises the generation and appends its audit record.

use async_trait::async_trait;
use chrono::NaiveDate;
use sqlx::{ColumnIndex, Encode, Executor, IntoArguments, Pool, Row, Type};
use taawun_audit::ChangeContext;
use taawun_council::mandates::progress;
use taawun_store::council::{
    Calendar, CouncilError, CouncilStore, MandateKey, Output, OutputKind, OutputRecord,
    OutputState, Session, SessionAmendment, SessionKind, Status, TallyRow,
};
use taawun_store::{Change, MandateRecord, StoreError};

use crate::audit::AuditTrail;
use crate::clock::now_seconds;
use crate::sql::Sql;
use crate::{Column, Engine, SqlStore, db};

/// The calendar and mandate-outputs part of a store, on engine `DB`.
pub struct SqlCouncil<DB: Engine> {
    pool: Pool<DB>,
}

impl<DB: Engine> SqlCouncil<DB> {
    pub fn new(pool: Pool<DB>) -> Self {
        SqlCouncil { pool }
    }
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::database(format!("stored {what} {value:?} is not one Taawun knows"))
}

fn day(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| corrupt("date", text))
}

fn day_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// How logs and messages name a mandate: `A/HRC/RES/56/2#36/high-commissioner`.
pub(crate) fn mandate_id(key: &MandateKey) -> String {
    format!("{}#{}/{}", key.symbol, key.paragraph, key.addressee)
}

const OUTPUT_COLUMNS: &str = "id, symbol, paragraph, addressee, kind, title, state, \
     document_symbol, delivered_on, link, version, created_at, updated_at";

const MANDATE_COLUMNS: &str =
    "symbol, paragraph, addressee, action, output, due_session, discontinued_reason";

impl<DB> SqlCouncil<DB>
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
    /// Takes the council's write lock and raises its generation.
    async fn lock_and_bump(conn: &mut DB::Connection) -> Result<(), StoreError> {
        sqlx::query_scalar::<_, i64>(&format!(
            "SELECT generation FROM record_stamps WHERE body = 'council'{}",
            DB::FOR_UPDATE
        ))
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        sqlx::query("UPDATE record_stamps SET generation = generation + 1 WHERE body = 'council'")
            .execute(&mut *conn)
            .await
            .map_err(db)?;
        Ok(())
    }

    fn output_from_row(row: &DB::Row) -> Result<OutputRecord, StoreError> {
        let text = |column: &str| row.try_get::<String, _>(column).map_err(db);
        let kind = text("kind")?;
        let state = text("state")?;
        let delivered_on: Option<String> = row.try_get("delivered_on").map_err(db)?;
        Ok(OutputRecord {
            id: row.try_get("id").map_err(db)?,
            mandate: MandateKey {
                symbol: text("symbol")?,
                paragraph: row.try_get::<i32, _>("paragraph").map_err(db)? as u32,
                addressee: text("addressee")?,
            },
            output: Output {
                kind: OutputKind::parse(&kind).ok_or_else(|| corrupt("output kind", &kind))?,
                title: text("title")?,
                state: OutputState::parse(&state).ok_or_else(|| corrupt("output state", &state))?,
                document_symbol: row.try_get("document_symbol").map_err(db)?,
                delivered_on: delivered_on.as_deref().map(day).transpose()?,
                link: row.try_get("link").map_err(db)?,
            },
            version: i64::from(row.try_get::<i32, _>("version").map_err(db)?),
            created_at: row.try_get("created_at").map_err(db)?,
            updated_at: row.try_get("updated_at").map_err(db)?,
        })
    }

    async fn load_output(
        conn: &mut DB::Connection,
        id: i64,
    ) -> Result<Option<OutputRecord>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {OUTPUT_COLUMNS} FROM mandate_outputs WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        row.as_ref().map(Self::output_from_row).transpose()
    }

    /// One mandate, read in the caller's transaction (its status with `last_closed`).
    pub(crate) async fn load_mandate(
        conn: &mut DB::Connection,
        key: &MandateKey,
        last_closed: Option<u32>,
    ) -> Result<Option<MandateRecord>, StoreError> {
        let mut query = Sql::new(format!("SELECT {MANDATE_COLUMNS}, "));
        SqlStore::<DB>::push_mandate_status(&mut query, last_closed);
        query
            .push(" AS status FROM mandates WHERE symbol = ")
            .push_bind(key.symbol.as_str())
            .push(" AND paragraph = ")
            .push_bind(key.paragraph as i32)
            .push(" AND addressee = ")
            .push_bind(key.addressee.as_str());
        let row = query.query().fetch_optional(&mut *conn).await.map_err(db)?;
        row.as_ref()
            .map(SqlStore::<DB>::mandate_from_row)
            .transpose()
            .map_err(db)
    }

    /// Sets a mandate's progress from its outputs and the secretariat's decision, in the
    /// writing transaction.
    async fn settle_progress(
        conn: &mut DB::Connection,
        key: &MandateKey,
    ) -> Result<(), CouncilError> {
        let row = sqlx::query(
            "SELECT output, discontinued_reason FROM mandates \
             WHERE symbol = $1 AND paragraph = $2 AND addressee = $3",
        )
        .bind(key.symbol.as_str())
        .bind(key.paragraph as i32)
        .bind(key.addressee.as_str())
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        let Some(row) = row else {
            // The mandate went with a newer text; its outputs stay on record.
            return Ok(());
        };
        let asks_for: Option<String> = row.try_get("output").map_err(db)?;
        let discontinued: Option<String> = row.try_get("discontinued_reason").map_err(db)?;
        let outputs = sqlx::query(
            "SELECT kind, state FROM mandate_outputs \
             WHERE symbol = $1 AND paragraph = $2 AND addressee = $3",
        )
        .bind(key.symbol.as_str())
        .bind(key.paragraph as i32)
        .bind(key.addressee.as_str())
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let mut pairs = Vec::with_capacity(outputs.len());
        for row in &outputs {
            let kind: String = row.try_get("kind").map_err(db)?;
            let state: String = row.try_get("state").map_err(db)?;
            pairs.push((
                OutputKind::parse(&kind).ok_or_else(|| corrupt("output kind", &kind))?,
                OutputState::parse(&state).ok_or_else(|| corrupt("output state", &state))?,
            ));
        }
        // "other" is what the parser writes when it cannot tell; it asks for no kind in particular.
        let asks_for = asks_for
            .as_deref()
            .and_then(OutputKind::parse)
            .filter(|k| *k != OutputKind::Other);
        let progress = progress(asks_for, pairs, discontinued.is_some());
        sqlx::query(
            "UPDATE mandates SET progress = $1 WHERE symbol = $2 AND paragraph = $3 AND addressee = $4",
        )
        .bind(progress.slug())
        .bind(key.symbol.as_str())
        .bind(key.paragraph as i32)
        .bind(key.addressee.as_str())
        .execute(&mut *conn)
        .await
        .map_err(db)?;
        Ok(())
    }

    /// Records an output of an existing mandate in the caller's open write transaction `conn`:
    /// takes the council's lock and raises its generation, checks that the mandate exists,
    /// writes the output, sets the mandate's progress from its outputs and appends the audit
    /// entry. What [`CouncilStore::add_output`] does in a transaction of its own, and what
    /// publishing a summary report does in the report's.
    pub(crate) async fn record_output(
        conn: &mut DB::Connection,
        context: &ChangeContext,
        key: &MandateKey,
        output: &Output,
    ) -> Result<OutputRecord, CouncilError> {
        Self::lock_and_bump(conn).await?;
        if Self::load_mandate(conn, key, None).await?.is_none() {
            return Err(CouncilError::NotFound(format!(
                "mandate {}",
                mandate_id(key)
            )));
        }
        let at = now_seconds();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO mandate_outputs (symbol, paragraph, addressee, kind, title, state, \
                document_symbol, delivered_on, link, version, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10) RETURNING id",
        )
        .bind(key.symbol.as_str())
        .bind(key.paragraph as i32)
        .bind(key.addressee.as_str())
        .bind(output.kind.slug())
        .bind(output.title.as_str())
        .bind(output.state.slug())
        .bind(output.document_symbol.as_deref())
        .bind(output.delivered_on.map(day_text))
        .bind(output.link.as_deref())
        .bind(at)
        .fetch_one(&mut *conn)
        .await
        .map_err(db)?;
        Self::settle_progress(conn, key).await?;
        let created = Self::load_output(conn, id)
            .await?
            .ok_or_else(|| CouncilError::NotFound(format!("output {id}")))?;
        let change = Change::new("create", "mandate-output", id.to_string())
            .after(&to_json(&(&created.mandate, &created)));
        AuditTrail::<DB>::append(conn, context, change).await?;
        Ok(created)
    }

    async fn amendments(conn: &mut DB::Connection) -> Result<Vec<SessionAmendment>, StoreError> {
        let rows = sqlx::query(
            "SELECT kind, number, opening, closing, reason, amended_at, amended_by \
             FROM council_sessions ORDER BY kind, number",
        )
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind").map_err(db)?;
                let opening: String = row.try_get("opening").map_err(db)?;
                let closing: String = row.try_get("closing").map_err(db)?;
                Ok(SessionAmendment {
                    session: Session {
                        kind: SessionKind::parse(&kind)
                            .ok_or_else(|| corrupt("session kind", &kind))?,
                        number: row.try_get::<i32, _>("number").map_err(db)? as u32,
                        opening: day(&opening)?,
                        closing: day(&closing)?,
                    },
                    reason: row.try_get("reason").map_err(db)?,
                    amended_at: row.try_get("amended_at").map_err(db)?,
                    amended_by: row.try_get("amended_by").map_err(db)?,
                })
            })
            .collect()
    }
}

#[async_trait]
impl<DB> CouncilStore for SqlCouncil<DB>
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
    async fn session_amendments(&self) -> Result<Vec<SessionAmendment>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        Self::amendments(&mut conn).await
    }

    async fn amend_session(
        &self,
        context: &ChangeContext,
        session: &Session,
        reason: &str,
        by: &str,
    ) -> Result<SessionAmendment, CouncilError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(CouncilError::Invalid(
                "reason: say why the dates change (the Council's decision or announcement)"
                    .to_owned(),
            ));
        }
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::lock_and_bump(&mut tx).await?;
        let existing = Self::amendments(&mut tx).await?;
        let current = Calendar::amended(existing.iter().map(|a| a.session.clone()))
            .map_err(|e| StoreError::database(format!("stored amendments: {e}")))?;
        let before = current.get(session.kind, session.number).cloned();
        current.with(session.clone())?;
        let amendment = SessionAmendment {
            session: session.clone(),
            reason: reason.to_owned(),
            amended_at: now_seconds(),
            amended_by: by.to_owned(),
        };
        sqlx::query(
            "INSERT INTO council_sessions (kind, number, opening, closing, reason, amended_at, amended_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (kind, number) DO UPDATE SET opening = excluded.opening, \
             closing = excluded.closing, reason = excluded.reason, \
             amended_at = excluded.amended_at, amended_by = excluded.amended_by",
        )
        .bind(session.kind.slug())
        .bind(session.number as i32)
        .bind(day_text(session.opening))
        .bind(day_text(session.closing))
        .bind(reason)
        .bind(amendment.amended_at)
        .bind(by)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let mut change = Change::new(
            if before.is_some() { "update" } else { "create" },
            "council-session",
            format!("{}/{}", session.kind.slug(), session.number),
        )
        .after(&to_json(&amendment));
        if let Some(before) = &before {
            change = change.before(&to_json(before));
        }
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(amendment)
    }

    async fn mandate(
        &self,
        key: &MandateKey,
        last_closed: Option<u32>,
    ) -> Result<Option<MandateRecord>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        Self::load_mandate(&mut conn, key, last_closed).await
    }

    async fn outputs(&self, keys: &[MandateKey]) -> Result<Vec<OutputRecord>, StoreError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let mut query = Sql::new(format!(
            "SELECT {OUTPUT_COLUMNS} FROM mandate_outputs WHERE symbol IN "
        ));
        let mut symbols: Vec<&str> = keys.iter().map(|k| k.symbol.as_str()).collect();
        symbols.sort_unstable();
        symbols.dedup();
        query.push_list(symbols);
        query.push(" ORDER BY id");
        let rows = query.query().fetch_all(&self.pool).await.map_err(db)?;
        let mut outputs = Vec::new();
        for row in &rows {
            let output = Self::output_from_row(row)?;
            if keys.contains(&output.mandate) {
                outputs.push(output);
            }
        }
        Ok(outputs)
    }

    async fn output(&self, id: i64) -> Result<Option<OutputRecord>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        Self::load_output(&mut conn, id).await
    }

    async fn add_output(
        &self,
        context: &ChangeContext,
        key: &MandateKey,
        output: &Output,
    ) -> Result<OutputRecord, CouncilError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        let created = Self::record_output(&mut tx, context, key, output).await?;
        tx.commit().await.map_err(db)?;
        Ok(created)
    }

    async fn update_output(
        &self,
        context: &ChangeContext,
        id: i64,
        expected_version: i64,
        output: &Output,
    ) -> Result<OutputRecord, CouncilError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::lock_and_bump(&mut tx).await?;
        let before = Self::load_output(&mut tx, id)
            .await?
            .ok_or_else(|| CouncilError::NotFound(format!("output {id}")))?;
        if before.version != expected_version {
            return Err(CouncilError::Conflict(Box::new(before)));
        }
        sqlx::query(
            "UPDATE mandate_outputs SET kind = $1, title = $2, state = $3, document_symbol = $4, \
             delivered_on = $5, link = $6, version = version + 1, updated_at = $7 WHERE id = $8",
        )
        .bind(output.kind.slug())
        .bind(output.title.as_str())
        .bind(output.state.slug())
        .bind(output.document_symbol.as_deref())
        .bind(output.delivered_on.map(day_text))
        .bind(output.link.as_deref())
        .bind(now_seconds())
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        Self::settle_progress(&mut tx, &before.mandate).await?;
        let after = Self::load_output(&mut tx, id)
            .await?
            .ok_or_else(|| CouncilError::NotFound(format!("output {id}")))?;
        let change = Change::new("update", "mandate-output", id.to_string())
            .before(&to_json(&(&before.mandate, &before)))
            .after(&to_json(&(&after.mandate, &after)));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn set_discontinued(
        &self,
        context: &ChangeContext,
        key: &MandateKey,
        reason: Option<&str>,
    ) -> Result<(), CouncilError> {
        let reason = reason.map(str::trim);
        if reason == Some("") {
            return Err(CouncilError::Invalid(
                "reason: say why the mandate is discontinued".to_owned(),
            ));
        }
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::lock_and_bump(&mut tx).await?;
        let Some(before) = Self::load_mandate(&mut tx, key, None).await? else {
            return Err(CouncilError::NotFound(format!(
                "mandate {}",
                mandate_id(key)
            )));
        };
        sqlx::query(
            "UPDATE mandates SET discontinued_reason = $1 \
             WHERE symbol = $2 AND paragraph = $3 AND addressee = $4",
        )
        .bind(reason)
        .bind(key.symbol.as_str())
        .bind(key.paragraph as i32)
        .bind(key.addressee.as_str())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        Self::settle_progress(&mut tx, key).await?;
        let after = Self::load_mandate(&mut tx, key, None)
            .await?
            .ok_or_else(|| CouncilError::NotFound(format!("mandate {}", mandate_id(key))))?;
        let change = Change::new(
            if reason.is_some() {
                "discontinue"
            } else {
                "resume"
            },
            "mandate",
            mandate_id(key),
        )
        .before(&to_json(&before))
        .after(&to_json(&after));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn mandate_tally(&self, last_closed: Option<u32>) -> Result<Vec<TallyRow>, StoreError> {
        let mut query = Sql::new("SELECT due_session, addressee, ");
        SqlStore::<DB>::push_mandate_status(&mut query, last_closed);
        query.push(
            " AS status, count(*) AS mandates FROM mandates \
             GROUP BY due_session, addressee, status ORDER BY due_session ASC NULLS LAST, addressee, status",
        );
        let rows = query.query().fetch_all(&self.pool).await.map_err(db)?;
        rows.iter()
            .map(|row| {
                let status: String = row.try_get("status").map_err(db)?;
                Ok(TallyRow {
                    due_session: row
                        .try_get::<Option<i32>, _>("due_session")
                        .map_err(db)?
                        .map(|n| n as u32),
                    addressee: row.try_get("addressee").map_err(db)?,
                    status: Status::parse(&status).ok_or_else(|| corrupt("status", &status))?,
                    count: row.try_get::<i64, _>("mandates").map_err(db)? as u64,
                })
            })
            .collect()
    }

    async fn recent_outputs(&self, limit: u32) -> Result<Vec<OutputRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {OUTPUT_COLUMNS} FROM mandate_outputs ORDER BY updated_at DESC, id DESC LIMIT $1"
        ))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(Self::output_from_row).collect()
    }
}
