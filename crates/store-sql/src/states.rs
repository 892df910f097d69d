//! The States (reference data) on either engine.

use sqlx::{ColumnIndex, Encode, Executor, IntoArguments, Row, Type};
use taawun_store::{Page, Paging, StateFilter, StateRecord, StateSort, StoreError, SyncReport};

use crate::sql::Sql;
use crate::store::SqlStore;
use crate::{Column, Engine, db};

/// The columns a StateRecord is read from (not the derived search and sort keys).
fn state_columns<DB: Engine>() -> String {
    format!(
        "iso3, iso2, m49, iso3166_3, un_status, regional_group, m49_region, m49_sub_region, \
         m49_intermediate_region, name_ar, name_en, name_fr, name_es, name_ru, name_zh, formal_name_en, \
         {} AS aliases",
        DB::text("aliases")
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
    fn state_from_row(row: &DB::Row) -> Result<StateRecord, sqlx::Error> {
        let small = |v: Option<i32>| v.and_then(|n| u16::try_from(n).ok());
        let aliases: String = row.try_get("aliases")?;
        Ok(StateRecord {
            iso3: row.try_get("iso3")?,
            iso2: row.try_get("iso2")?,
            m49: small(row.try_get("m49")?),
            iso3166_3: row.try_get("iso3166_3")?,
            un_status: row.try_get("un_status")?,
            regional_group: row.try_get("regional_group")?,
            m49_region: small(row.try_get("m49_region")?),
            m49_sub_region: small(row.try_get("m49_sub_region")?),
            m49_intermediate_region: small(row.try_get("m49_intermediate_region")?),
            names: taawun_store::NamesRecord {
                ar: row.try_get("name_ar")?,
                en: row.try_get("name_en")?,
                fr: row.try_get("name_fr")?,
                es: row.try_get("name_es")?,
                ru: row.try_get("name_ru")?,
                zh: row.try_get("name_zh")?,
            },
            formal_name_en: row.try_get("formal_name_en")?,
            aliases: serde_json::from_str(&aliases)
                .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        })
    }

    /// Appends the WHERE clause of a State filter.
    fn push_state_filter(query: &mut Sql, filter: &StateFilter) {
        query.push(" WHERE 1 = 1");
        if let Some(group) = &filter.regional_group {
            query.push(" AND regional_group = ").push_bind(group);
        }
        if let Some(status) = &filter.un_status {
            query.push(" AND un_status = ").push_bind(status);
        }
        if let Some(part) = &filter.name_contains {
            query
                .push(format_args!(" AND {}(search_key, ", DB::POSITION))
                .push_bind(part)
                .push(") > 0");
        }
    }

    pub(crate) async fn write_states(
        &self,
        context: &taawun_audit::ChangeContext,
        states: &[StateRecord],
        fingerprint: &str,
    ) -> Result<SyncReport, StoreError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        if let Some(lock) = DB::REFERENCE_DATA_LOCK {
            sqlx::query(lock).execute(&mut *tx).await.map_err(db)?;
        }
        let stored: Option<String> =
            sqlx::query_scalar("SELECT fingerprint FROM reference_data WHERE name = 'states'")
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        if stored.as_deref() == Some(fingerprint) {
            return Ok(SyncReport {
                changed: false,
                states: states.len(),
            });
        }
        let insert = format!(
            "INSERT INTO states (iso3, iso2, m49, iso3166_3, un_status, regional_group, m49_region,
                m49_sub_region, m49_intermediate_region, name_ar, name_en, name_fr, name_es, name_ru,
                name_zh, formal_name_en, aliases, search_key, sort_ar, sort_en, sort_fr, sort_es, sort_ru, sort_zh)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17{json}, $18, $19, $20, $21, $22, $23, $24)
             ON CONFLICT (iso3) DO UPDATE SET iso2 = excluded.iso2, m49 = excluded.m49,
                iso3166_3 = excluded.iso3166_3, un_status = excluded.un_status,
                regional_group = excluded.regional_group, m49_region = excluded.m49_region,
                m49_sub_region = excluded.m49_sub_region,
                m49_intermediate_region = excluded.m49_intermediate_region,
                name_ar = excluded.name_ar, name_en = excluded.name_en, name_fr = excluded.name_fr,
                name_es = excluded.name_es, name_ru = excluded.name_ru, name_zh = excluded.name_zh,
                formal_name_en = excluded.formal_name_en, aliases = excluded.aliases,
                search_key = excluded.search_key, sort_ar = excluded.sort_ar, sort_en = excluded.sort_en,
                sort_fr = excluded.sort_fr, sort_es = excluded.sort_es, sort_ru = excluded.sort_ru,
                sort_zh = excluded.sort_zh",
            json = DB::JSON
        );
        // States are never deleted (records refer to them); entries dropped from the table stay.
        for s in states {
            let aliases = serde_json::to_string(&s.aliases)
                .map_err(|e| StoreError::database_from(e.to_string(), e))?;
            sqlx::query(&insert)
                .bind(&s.iso3)
                .bind(&s.iso2)
                .bind(s.m49.map(i32::from))
                .bind(&s.iso3166_3)
                .bind(&s.un_status)
                .bind(&s.regional_group)
                .bind(s.m49_region.map(i32::from))
                .bind(s.m49_sub_region.map(i32::from))
                .bind(s.m49_intermediate_region.map(i32::from))
                .bind(&s.names.ar)
                .bind(&s.names.en)
                .bind(&s.names.fr)
                .bind(&s.names.es)
                .bind(&s.names.ru)
                .bind(&s.names.zh)
                .bind(&s.formal_name_en)
                .bind(aliases)
                .bind(s.search_key())
                .bind(s.sort_key("ar"))
                .bind(s.sort_key("en"))
                .bind(s.sort_key("fr"))
                .bind(s.sort_key("es"))
                .bind(s.sort_key("ru"))
                .bind(s.sort_key("zh"))
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        sqlx::query(&format!(
            "INSERT INTO reference_data (name, fingerprint, updated_at) VALUES ('states', $1, {})
             ON CONFLICT (name) DO UPDATE SET fingerprint = excluded.fingerprint, updated_at = excluded.updated_at",
            DB::NOW
        ))
        .bind(fingerprint)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        crate::audit::AuditTrail::<DB>::append(
            &mut tx,
            context,
            taawun_store::states_change(states.len(), fingerprint),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(SyncReport {
            changed: true,
            states: states.len(),
        })
    }

    pub(crate) async fn states_page(
        &self,
        filter: &StateFilter,
        paging: Paging,
    ) -> Result<Page<StateRecord>, StoreError> {
        let mut count = Sql::new("SELECT count(*) FROM states");
        Self::push_state_filter(&mut count, filter);
        let total: i64 = count
            .query_scalar()
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;

        let mut query = Sql::new(format!("SELECT {} FROM states", state_columns::<DB>()));
        Self::push_state_filter(&mut query, filter);
        // Column names come from this closed list, never from the request.
        let column = match filter.sort {
            StateSort::Iso3 => "iso3",
            StateSort::M49 => "m49",
            StateSort::Name => match filter.lang.as_str() {
                "ar" => "sort_ar",
                "fr" => "sort_fr",
                "es" => "sort_es",
                "ru" => "sort_ru",
                "zh" => "sort_zh",
                _ => "sort_en",
            },
        };
        let direction = if filter.descending { " DESC" } else { " ASC" };
        query
            .push(" ORDER BY ")
            .push(column)
            .push(direction)
            // NULLS LAST in both directions and on both engines (their defaults differ).
            .push(" NULLS LAST, iso3")
            .push(direction)
            .push(" LIMIT ")
            .push_bind(i64::from(paging.per_page))
            .push(" OFFSET ")
            .push_bind(paging.offset() as i64);
        let rows = query.query().fetch_all(&self.pool).await.map_err(db)?;
        let items = rows
            .iter()
            .map(Self::state_from_row)
            .collect::<Result<_, _>>()
            .map_err(db)?;
        Ok(Page {
            items,
            total: total as u64,
            page: paging.page,
            per_page: paging.per_page,
        })
    }

    pub(crate) async fn state(&self, iso3: &str) -> Result<Option<StateRecord>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {} FROM states WHERE iso3 = $1",
            state_columns::<DB>()
        ))
        .bind(iso3)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        row.as_ref()
            .map(Self::state_from_row)
            .transpose()
            .map_err(db)
    }

    pub(crate) async fn members_by_group(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT regional_group, count(*) FROM states
             WHERE un_status = 'member' AND regional_group IS NOT NULL GROUP BY regional_group",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(taawun_store::order_by_group(rows))
    }
}
