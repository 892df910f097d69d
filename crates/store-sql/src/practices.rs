//! The best-practice compendium, written once for both engines. A step reads the practice's
//! row (locked on PostgreSQL), applies `taawun-cooperation`'s workflow to the record it holds,
//! and writes the record, its columns, the compendium's generation and the audit entry together.

use async_trait::async_trait;
use chrono::Datelike;
use sqlx::{ColumnIndex, Encode, Executor, IntoArguments, Pool, Row, Type};
use taawun_audit::ChangeContext;
use taawun_store::practices::{
    Practice, PracticeError, PracticeNumber, PracticeRecord, PracticeRow, PracticeStep,
    PracticeStore, Stage, Step,
};
use taawun_store::{Change, StoreError};

use crate::audit::AuditTrail;
use crate::{Column, Engine, clock, db};

/// The compendium part of a store, on engine `DB`.
pub struct SqlPractices<DB: Engine> {
    pool: Pool<DB>,
}

impl<DB: Engine> SqlPractices<DB> {
    pub fn new(pool: Pool<DB>) -> Self {
        SqlPractices { pool }
    }
}

const COLUMNS: &str =
    "id, submitter_user_id, submitter, revision, record, created_at, updated_at, demonstration";

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

impl<DB> SqlPractices<DB>
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
    fn row(row: &DB::Row) -> Result<PracticeRow, StoreError> {
        let text: String = row.try_get("record").map_err(db)?;
        let mut record: PracticeRecord = serde_json::from_str(&text)
            .map_err(|e| StoreError::database(format!("a stored practice does not read: {e}")))?;
        record.id = row.try_get("id").map_err(db)?;
        Ok(PracticeRow {
            record,
            submitter_user_id: row.try_get("submitter_user_id").map_err(db)?,
            submitter: row.try_get("submitter").map_err(db)?,
            revision: row.try_get("revision").map_err(db)?,
            created_at: row.try_get("created_at").map_err(db)?,
            updated_at: row.try_get("updated_at").map_err(db)?,
            demonstration: row.try_get("demonstration").map_err(db)?,
        })
    }

    async fn load(
        conn: &mut DB::Connection,
        id: i64,
        lock: bool,
    ) -> Result<Option<PracticeRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM practices WHERE id = $1{}",
            if lock { DB::FOR_NO_KEY_UPDATE } else { "" }
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        row.as_ref().map(Self::row).transpose()
    }

    async fn bump(conn: &mut DB::Connection) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE record_stamps SET generation = generation + 1 WHERE body = 'practices'",
        )
        .execute(&mut *conn)
        .await
        .map_err(db)?;
        Ok(())
    }

    /// Writes the record and the columns the lists read from it.
    async fn write(
        conn: &mut DB::Connection,
        record: &PracticeRecord,
        at: i64,
        published_now: bool,
    ) -> Result<(), StoreError> {
        let published_at = record.published(None).map(|p| p.published_at.timestamp());
        sqlx::query(
            "UPDATE practices SET number = $1, stage = $2, version = $3, revision = revision + 1, \
             title = $4, record = $5, updated_at = $6, published_at = $7 WHERE id = $8",
        )
        .bind(record.position.number.map(|n| n.to_string()))
        .bind(record.position.stage.slug())
        .bind(i64::from(record.position.version))
        .bind(record.content.title.as_str())
        .bind(to_json(record))
        .bind(at)
        .bind(published_at.or(published_now.then_some(at)))
        .bind(record.id)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn list(
        &self,
        sql: &str,
        bind: Option<&str>,
        id: Option<i64>,
    ) -> Result<Vec<PracticeRow>, StoreError> {
        let mut query = sqlx::query(sql);
        if let Some(value) = bind {
            query = query.bind(value);
        }
        if let Some(value) = id {
            query = query.bind(value);
        }
        let rows = query.fetch_all(&self.pool).await.map_err(db)?;
        rows.iter().map(Self::row).collect()
    }
}

#[async_trait]
impl<DB> PracticeStore for SqlPractices<DB>
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
    async fn create_practice(
        &self,
        context: &ChangeContext,
        submitter_user_id: i64,
        submitter: &str,
        content: &Practice,
    ) -> Result<PracticeRow, PracticeError> {
        let at = clock::now_seconds();
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        let record = PracticeRecord::new(0, content.clone());
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO practices (stage, version, revision, title, submitter_user_id, submitter, \
                record, created_at, updated_at) \
             VALUES ('draft', 0, 1, $1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(content.title.as_str())
        .bind(submitter_user_id)
        .bind(submitter)
        .bind(to_json(&record))
        .bind(at)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        Self::bump(&mut tx).await?;
        let created = Self::load(&mut tx, id, false)
            .await?
            .ok_or_else(|| PracticeError::NotFound(format!("practice {id}")))?;
        let change =
            Change::new("create", "practice", id.to_string()).after(&to_json(&created.record));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(created)
    }

    async fn practice(&self, id: i64) -> Result<Option<PracticeRow>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        Self::load(&mut conn, id, false).await
    }

    async fn practice_by_number(&self, number: &str) -> Result<Option<PracticeRow>, StoreError> {
        let Some(number) = PracticeNumber::parse(number) else {
            return Ok(None);
        };
        let rows = self
            .list(
                &format!("SELECT {COLUMNS} FROM practices WHERE number = $1"),
                Some(&number.to_string()),
                None,
            )
            .await?;
        Ok(rows.into_iter().next())
    }

    async fn step_practice(
        &self,
        context: &ChangeContext,
        id: i64,
        step: &PracticeStep<'_>,
    ) -> Result<PracticeRow, PracticeError> {
        let now = clock::now();
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        // Taken first: two first publications in one year cannot take the same number.
        sqlx::query_scalar::<_, i64>(&format!(
            "SELECT generation FROM record_stamps WHERE body = 'practices'{}",
            DB::FOR_UPDATE
        ))
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let before = Self::load(&mut tx, id, true)
            .await?
            .ok_or_else(|| PracticeError::NotFound(format!("practice {id}")))?;
        if before.revision != step.revision {
            return Err(PracticeError::Conflict(Box::new(before)));
        }
        let mut record = before.record.clone();
        let number = if step.step == Step::Publish && record.position.number.is_none() {
            let year = now.year();
            let taken: Vec<String> =
                sqlx::query_scalar("SELECT number FROM practices WHERE number LIKE $1")
                    .bind(format!("P-{year}-%"))
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(db)?;
            Some(PracticeNumber::next(
                year,
                taken.iter().filter_map(|n| PracticeNumber::parse(n)),
            ))
        } else {
            None
        };
        let first_publication = number.is_some();
        match (step.step, step.content) {
            (Step::Edit, Some(content)) => {
                record.edit(step.role, step.reason, content.clone(), now)?;
            }
            (Step::Edit, None) => {
                return Err(PracticeError::Refused(
                    taawun_cooperation::Refusal::EditWithoutContent,
                ));
            }
            (other, _) => {
                record.take(
                    &taawun_cooperation::Attempt {
                        step: other,
                        role: step.role,
                        reason: step.reason,
                        number,
                    },
                    now,
                )?;
            }
        }
        Self::write(&mut tx, &record, now.timestamp(), first_publication).await?;
        Self::bump(&mut tx).await?;
        let after = Self::load(&mut tx, id, false)
            .await?
            .ok_or_else(|| PracticeError::NotFound(format!("practice {id}")))?;
        let change = Change::new(step.step.slug(), "practice", id.to_string())
            .before(&to_json(&before.record))
            .after(&to_json(&after.record));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn published_practices(&self) -> Result<Vec<PracticeRow>, StoreError> {
        self.list(
            &format!(
                "SELECT {COLUMNS} FROM practices WHERE stage = $1 ORDER BY published_at DESC, id DESC"
            ),
            Some(Stage::Published.slug()),
            None,
        )
        .await
    }

    async fn practices_of(&self, submitter_user_id: i64) -> Result<Vec<PracticeRow>, StoreError> {
        self.list(
            &format!(
                "SELECT {COLUMNS} FROM practices WHERE submitter_user_id = $1 ORDER BY updated_at DESC, id DESC"
            ),
            None,
            Some(submitter_user_id),
        )
        .await
    }

    async fn practices_at(&self, stage: Stage) -> Result<Vec<PracticeRow>, StoreError> {
        self.list(
            &format!("SELECT {COLUMNS} FROM practices WHERE stage = $1 ORDER BY updated_at, id"),
            Some(stage.slug()),
            None,
        )
        .await
    }

    async fn insert_demonstration(
        &self,
        context: &ChangeContext,
        practices: &[PracticeRecord],
    ) -> Result<usize, PracticeError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        // Into an empty compendium only: beside real practices it would mislead, and a second
        // set would repeat the first one's numbers.
        let held: i64 = sqlx::query_scalar("SELECT count(*) FROM practices")
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
        if held > 0 {
            return Err(PracticeError::Invalid(format!(
                "the compendium already holds {held} practices: demonstration data is only \
                 written into an empty one"
            )));
        }
        let at = clock::now_seconds();
        // Rows of a few hundred at a time: one statement per chunk keeps a large set quick
        // on both engines and under their limits on bound parameters.
        for chunk in practices.chunks(500) {
            let mut insert = crate::sql::Sql::new(
                "INSERT INTO practices (number, stage, version, revision, title, submitter, \
                 record, created_at, updated_at, published_at, demonstration) ",
            );
            insert.push_values(chunk, |row, record| {
                let published = record.published(None).map(|p| p.published_at.timestamp());
                row.push_bind(record.position.number.map(|n| n.to_string()))
                    .push_bind(record.position.stage.slug())
                    .push_bind(i64::from(record.position.version))
                    .push_bind(1i64)
                    .push_bind(record.content.title.clone())
                    .push_bind("Demonstration")
                    .push_bind(to_json(record))
                    .push_bind(published.unwrap_or(at))
                    .push_bind(published.unwrap_or(at))
                    // Demonstration practices are all published.
                    .push_bind(published.unwrap_or(at))
                    .push_bind(true);
            });
            insert.query().execute(&mut *tx).await.map_err(db)?;
        }
        Self::bump(&mut tx).await?;
        let change = Change::new("demo", "practices", practices.len().to_string())
            .after(&format!("{{\"practices\": {}}}", practices.len()));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(practices.len())
    }

    async fn practices_generation(&self) -> Result<i64, StoreError> {
        sqlx::query_scalar("SELECT generation FROM record_stamps WHERE body = 'practices'")
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }
}
