//! The registry of resolutions on either engine.

use sqlx::{ColumnIndex, Encode, Executor, IntoArguments, Row, Type};
use taawun_store::{
    ImportOutcome, MandateFilter, MandateRecord, NewResolutionVersion, Page, Paging, RecordContent,
    ResolutionFilter, ResolutionSort, ResolutionSummary, StoreError, StoredResolution,
    SummaryColumns, VersionInfo, slug_of,
};

use crate::sql::Sql;
use crate::store::SqlStore;
use crate::{Column, Engine, db};

fn summary_columns<DB: Engine>() -> String {
    format!(
        "r.symbol, r.body, r.session, r.title, {} AS adoption_date, r.adoption_method, \
         r.yes_count, r.no_count, r.abstain_count, r.language, r.current_version, r.has_text, r.has_votes",
        DB::text("r.adoption_date")
    )
}

impl<DB> SqlStore<DB>
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
    fn summary_from_row(row: &DB::Row) -> Result<ResolutionSummary, sqlx::Error> {
        let count = |v: Option<i32>| v.and_then(|n| u32::try_from(n).ok());
        Ok(ResolutionSummary {
            symbol: row.try_get("symbol")?,
            body: row.try_get("body")?,
            session: count(row.try_get("session")?),
            title: row.try_get("title")?,
            adoption_date: row.try_get("adoption_date")?,
            adoption_method: row.try_get("adoption_method")?,
            yes: count(row.try_get("yes_count")?),
            no: count(row.try_get("no_count")?),
            abstain: count(row.try_get("abstain_count")?),
            language: row.try_get("language")?,
            versions: count(row.try_get("current_version")?).unwrap_or(0),
            has_text: row.try_get("has_text")?,
            has_votes: row.try_get("has_votes")?,
        })
    }

    pub(crate) async fn import_resolution(
        &self,
        context: &taawun_audit::ChangeContext,
        new: &NewResolutionVersion,
    ) -> Result<ImportOutcome, StoreError> {
        let record = &new.record;
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        let existing: Option<i32> = sqlx::query_scalar(
            "SELECT version FROM resolution_versions WHERE symbol = $1 AND content_hash = $2",
        )
        .bind(&record.symbol)
        .bind(&new.content_hash)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        if let Some(version) = existing {
            return Ok(ImportOutcome::Unchanged {
                version: version as u32,
            });
        }
        let latest: Option<i32> =
            sqlx::query_scalar("SELECT max(version) FROM resolution_versions WHERE symbol = $1")
                .bind(&record.symbol)
                .fetch_one(&mut *tx)
                .await
                .map_err(db)?;
        let version = latest.unwrap_or(0) + 1;
        let columns = SummaryColumns::of(record);
        sqlx::query(&format!(
            "INSERT INTO resolutions (symbol, body, session, year, adoption_date, adoption_method, yes_count, no_count,
                abstain_count, title, language, current_version, updated_at)
             VALUES ($1, $2, $3, $4, $5{date}, $6, $7, $8, $9, $10, $11, $12, {now})
             ON CONFLICT (symbol) DO UPDATE SET body = excluded.body, session = excluded.session, year = excluded.year,
                adoption_date = excluded.adoption_date, adoption_method = excluded.adoption_method,
                yes_count = excluded.yes_count, no_count = excluded.no_count, abstain_count = excluded.abstain_count,
                title = excluded.title, language = excluded.language, current_version = excluded.current_version,
                updated_at = excluded.updated_at",
            date = DB::DATE,
            now = DB::NOW
        ))
        .bind(&record.symbol)
        .bind(columns.body.name())
        .bind(columns.session.map(|n| n as i32))
        .bind(columns.year.map(|n| n as i32))
        .bind(&columns.adoption_date)
        .bind(columns.method)
        .bind(columns.yes.map(|n| n as i32))
        .bind(columns.no.map(|n| n as i32))
        .bind(columns.abstain.map(|n| n as i32))
        .bind(&record.title)
        .bind(&record.language)
        .bind(version)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let json = serde_json::to_string(record)
            .map_err(|e| StoreError::database_from(e.to_string(), e))?;
        sqlx::query(&format!(
            "INSERT INTO resolution_versions (symbol, version, content_hash, language, record, source, warnings, imported_at)
             VALUES ($1, $2, $3, $4, $5{json}, $6, $7, {now})",
            json = DB::JSON,
            now = DB::NOW
        ))
        .bind(&record.symbol)
        .bind(version)
        .bind(&new.content_hash)
        .bind(&record.language)
        .bind(json)
        .bind(&new.source)
        .bind(record.warnings.len() as i32)
        .execute(&mut *tx)
        .await
        .map_err(db)?;

        // References and mandates follow the newest version.
        sqlx::query("DELETE FROM resolution_references WHERE symbol = $1")
            .bind(&record.symbol)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        // One statement each for the references and the mandates: an import is a handful of
        // round trips to the database, whatever the size of the resolution.
        if !record.references.is_empty() {
            let mut insert = Sql::new(
                "INSERT INTO resolution_references (symbol, cited_symbol, kind, paragraph) ",
            );
            insert.push_values(&record.references, |row, reference| {
                row.push_bind(&record.symbol)
                    .push_bind(&reference.symbol)
                    .push_bind(slug_of(&reference.kind))
                    .push_bind(&reference.paragraph);
            });
            insert.push(" ON CONFLICT DO NOTHING");
            insert.query().execute(&mut *tx).await.map_err(db)?;
        }
        // A paragraph may address the same body twice; the first reading stands.
        let mut mandates: Vec<(i32, String, &taawun_documents::Mandate)> = Vec::new();
        for mandate in &record.mandates {
            let key = (mandate.paragraph as i32, slug_of(&mandate.addressee));
            if !mandates.iter().any(|(p, a, _)| (*p, a) == (key.0, &key.1)) {
                mandates.push((key.0, key.1, mandate));
            }
        }
        let mut remove = Sql::new("DELETE FROM mandates WHERE symbol = ");
        remove.push_bind(&record.symbol);
        if !mandates.is_empty() {
            // A mandate the secretariat already tracks keeps its status.
            let mut upsert = Sql::new(
                "INSERT INTO mandates (symbol, paragraph, addressee, action, output, due_session) ",
            );
            upsert.push_values(&mandates, |row, (paragraph, addressee, mandate)| {
                row.push_bind(&record.symbol)
                    .push_bind(*paragraph)
                    .push_bind(addressee)
                    .push_bind(&mandate.action)
                    .push_bind(mandate.output.as_ref().map(slug_of))
                    .push_bind(mandate.due_session.map(|n| n as i32));
            });
            upsert.push(
                " ON CONFLICT (symbol, paragraph, addressee) DO UPDATE SET action = excluded.action, \
                 output = excluded.output, due_session = excluded.due_session",
            );
            upsert.query().execute(&mut *tx).await.map_err(db)?;
            remove.push(" AND (paragraph, addressee) NOT IN (");
            for (i, (paragraph, addressee, _)) in mandates.iter().enumerate() {
                remove
                    .push_separator(i == 0)
                    .push("(")
                    .push_bind(*paragraph)
                    .push(", ")
                    .push_bind(addressee)
                    .push(")");
            }
            remove.push(")");
        }
        remove.query().execute(&mut *tx).await.map_err(db)?;
        Self::bump_stamp(&mut tx, columns.body).await?;
        crate::audit::AuditTrail::<DB>::append(
            &mut tx,
            context,
            taawun_store::resolution_change(new, version as u32),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(if version == 1 {
            ImportOutcome::Created
        } else {
            ImportOutcome::NewVersion {
                version: version as u32,
            }
        })
    }

    pub(crate) async fn resolution_count(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM resolutions")
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        Ok(n as u64)
    }

    fn push_filter(query: &mut Sql, filter: &ResolutionFilter) {
        query.push(" WHERE 1 = 1");
        if let Some(body) = filter.body {
            query.push(" AND r.body = ").push_bind(body.name());
        }
        if let Some(session) = filter.session {
            query.push(" AND r.session = ").push_bind(session as i32);
        }
        if let Some(year) = filter.year {
            query.push(" AND r.year = ").push_bind(year);
        }
        if let Some(method) = &filter.adoption_method {
            query
                .push(" AND r.adoption_method = ")
                .push_bind(method.slug());
        }
        match filter.content {
            Some(RecordContent::Text) => {
                query.push(" AND r.has_text");
            }
            Some(RecordContent::VotesOnly) => {
                query.push(" AND NOT r.has_text");
            }
            None => {}
        }
    }

    pub(crate) async fn registry(
        &self,
        body: taawun_votes::Body,
    ) -> Result<Vec<ResolutionSummary>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM registry_records r WHERE r.body = $1",
            summary_columns::<DB>()
        ))
        .bind(body.name())
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter()
            .map(Self::summary_from_row)
            .collect::<Result<_, _>>()
            .map_err(db)
    }

    pub(crate) async fn resolutions_page(
        &self,
        filter: &ResolutionFilter,
        paging: Paging,
    ) -> Result<Page<ResolutionSummary>, StoreError> {
        let mut count = Sql::new("SELECT count(*) FROM registry_records r");
        Self::push_filter(&mut count, filter);
        let total: i64 = count
            .query_scalar()
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        let mut query = Sql::new(format!(
            "SELECT {} FROM registry_records r",
            summary_columns::<DB>()
        ));
        Self::push_filter(&mut query, filter);
        let column = match filter.sort {
            ResolutionSort::Date => "r.adoption_date",
            ResolutionSort::Symbol => "r.symbol",
            ResolutionSort::Session => "r.session",
        };
        let direction = if filter.descending { " DESC" } else { " ASC" };
        query
            .push(" ORDER BY ")
            .push(column)
            .push(direction)
            .push(" NULLS LAST, r.symbol")
            .push(direction)
            .push(" LIMIT ")
            .push_bind(i64::from(paging.per_page))
            .push(" OFFSET ")
            .push_bind(paging.offset() as i64);
        let rows = query.query().fetch_all(&self.pool).await.map_err(db)?;
        Ok(Page {
            items: rows
                .iter()
                .map(Self::summary_from_row)
                .collect::<Result<_, _>>()
                .map_err(db)?,
            total: total as u64,
            page: paging.page,
            per_page: paging.per_page,
        })
    }

    pub(crate) async fn resolution(
        &self,
        symbol: &str,
    ) -> Result<Option<StoredResolution>, StoreError> {
        let current: Option<(String, i32)> = sqlx::query_as(&format!(
            "SELECT {} AS record, v.version FROM resolutions r
             JOIN resolution_versions v ON v.symbol = r.symbol AND v.version = r.current_version
             WHERE r.symbol = $1",
            DB::text("v.record")
        ))
        .bind(symbol)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        let Some((json, version)) = current else {
            return Ok(None);
        };
        let record = serde_json::from_str(&json)
            .map_err(|e| StoreError::database_from(format!("stored record of {symbol}: {e}"), e))?;
        let history = sqlx::query(&format!(
            "SELECT version, language, source, warnings, {} AS imported_at FROM resolution_versions
             WHERE symbol = $1 ORDER BY version DESC",
            DB::timestamp_text("imported_at")
        ))
        .bind(symbol)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?
        .iter()
        .map(|row| {
            Ok(VersionInfo {
                version: row.try_get::<i32, _>("version")? as u32,
                language: row.try_get("language")?,
                source: row.try_get("source")?,
                warnings: row.try_get::<i32, _>("warnings")? as u32,
                imported_at: row.try_get("imported_at")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(db)?;
        Ok(Some(StoredResolution {
            record,
            current_version: version as u32,
            history,
        }))
    }

    pub(crate) async fn citing(&self, symbol: &str) -> Result<Vec<ResolutionSummary>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM registry_records r
             WHERE r.has_text AND r.symbol IN (SELECT symbol FROM resolution_references WHERE cited_symbol = $1) AND r.symbol <> $2
             ORDER BY r.adoption_date DESC, r.symbol",
            summary_columns::<DB>()
        ))
        .bind(symbol)
        .bind(symbol)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter()
            .map(Self::summary_from_row)
            .collect::<Result<_, _>>()
            .map_err(db)
    }

    pub(crate) async fn known(&self, symbols: &[String]) -> Result<Vec<String>, StoreError> {
        if symbols.is_empty() {
            return Ok(Vec::new());
        }
        let mut query = Sql::new("SELECT symbol FROM resolutions WHERE symbol IN ");
        query.push_list(symbols.iter().map(String::as_str));
        query.push(" UNION SELECT symbol FROM roll_calls WHERE symbol IN ");
        query.push_list(symbols.iter().map(String::as_str));
        query.query_scalar().fetch_all(&self.pool).await.map_err(db)
    }

    /// A mandate's status as SQL: its stored progress, or `late` when it is pending or in
    /// preparation and due at or before `last_closed`.
    pub(crate) fn push_mandate_status(query: &mut Sql, last_closed: Option<u32>) {
        match last_closed {
            Some(closed) => {
                query
                    .push("CASE WHEN progress IN ('pending', 'in-preparation') AND due_session <= ")
                    .push_bind(closed as i32)
                    .push(" THEN 'late' ELSE progress END");
            }
            None => {
                query.push("progress");
            }
        }
    }

    fn push_mandate_filter(query: &mut Sql, filter: &MandateFilter) {
        use taawun_council::Status;
        query.push(" WHERE 1 = 1");
        match (filter.status, filter.last_closed) {
            (None, _) => {}
            (Some(Status::Late), Some(closed)) => {
                query
                    .push(" AND progress IN ('pending', 'in-preparation') AND due_session <= ")
                    .push_bind(closed as i32);
            }
            (Some(Status::Late), None) => {
                query.push(" AND 1 = 0");
            }
            (Some(status @ (Status::Pending | Status::InPreparation)), Some(closed)) => {
                query
                    .push(" AND progress = ")
                    .push_bind(status.slug())
                    .push(" AND (due_session IS NULL OR due_session > ")
                    .push_bind(closed as i32)
                    .push(")");
            }
            (Some(status), _) => {
                query.push(" AND progress = ").push_bind(status.slug());
            }
        }
        if let Some(session) = filter.due_session {
            query.push(" AND due_session = ").push_bind(session as i32);
        }
        if let Some(symbol) = &filter.symbol {
            query.push(" AND symbol = ").push_bind(symbol);
        }
        if let Some(addressee) = &filter.addressee {
            query.push(" AND addressee = ").push_bind(addressee);
        }
    }

    pub(crate) fn mandate_from_row(row: &DB::Row) -> Result<MandateRecord, sqlx::Error> {
        Ok(MandateRecord {
            symbol: row.try_get("symbol")?,
            paragraph: row.try_get::<i32, _>("paragraph")? as u32,
            addressee: row.try_get("addressee")?,
            action: row.try_get("action")?,
            output: row.try_get("output")?,
            due_session: row
                .try_get::<Option<i32>, _>("due_session")?
                .map(|n| n as u32),
            status: row.try_get("status")?,
            discontinued_reason: row.try_get("discontinued_reason")?,
        })
    }

    pub(crate) async fn mandates_page(
        &self,
        filter: &MandateFilter,
        paging: Paging,
    ) -> Result<Page<MandateRecord>, StoreError> {
        let mut count = Sql::new("SELECT count(*) FROM mandates");
        Self::push_mandate_filter(&mut count, filter);
        let total: i64 = count
            .query_scalar()
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        let mut query = Sql::new(
            "SELECT symbol, paragraph, addressee, action, output, due_session, discontinued_reason, ",
        );
        Self::push_mandate_status(&mut query, filter.last_closed);
        query.push(" AS status FROM mandates");
        Self::push_mandate_filter(&mut query, filter);
        query
            .push(" ORDER BY due_session ASC NULLS LAST, symbol, paragraph, addressee LIMIT ")
            .push_bind(i64::from(paging.per_page))
            .push(" OFFSET ")
            .push_bind(paging.offset() as i64);
        let rows = query.query().fetch_all(&self.pool).await.map_err(db)?;
        let items = rows
            .iter()
            .map(Self::mandate_from_row)
            .collect::<Result<_, sqlx::Error>>()
            .map_err(db)?;
        Ok(Page {
            items,
            total: total as u64,
            page: paging.page,
            per_page: paging.per_page,
        })
    }
}
