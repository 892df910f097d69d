//! The embedded SQLite store: one file under the data directory, WAL mode, created and
//! migrated on first start.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{QueryBuilder, Row, Sqlite, SqlitePool};
use taawun_store::{
    Backend, ImportOutcome, MandateFilter, MandateRecord, NewResolutionVersion, Page, Paging,
    Readiness, ResolutionFilter, ResolutionSummary, RollCallVotes, StateFilter, StateRecord,
    StateSort, Store, StoreError, StoredResolution, SyncReport, VoteImportReport,
};

mod accounts;
mod audit;
mod resolutions;
mod votes;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating the file when missing) the database at `url` (`sqlite://path` or `sqlite::memory:`).
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::Unreachable(format!("invalid SQLite URL {url:?}: {e}")))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Unreachable(format!("cannot open {url}: {e}")))?;
        Ok(SqliteStore { pool })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// The columns a StateRecord is read from (not the derived search and sort keys).
const STATE_COLUMNS: &str = "iso3, iso2, m49, iso3166_3, un_status, regional_group, m49_region, m49_sub_region, \
     m49_intermediate_region, name_ar, name_en, name_fr, name_es, name_ru, name_zh, formal_name_en, aliases";

pub(crate) fn db(e: sqlx::Error) -> StoreError {
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes: another connection (an
    // import in another process) held the write lock past the busy timeout. Not an outage: the
    // server answers 503 with Retry-After instead of 500.
    let busy = matches!(&e, sqlx::Error::Database(d)
        if d.code().and_then(|c| c.parse::<u32>().ok()).is_some_and(|c| matches!(c & 0xff, 5 | 6)));
    if busy {
        StoreError::Busy(e.to_string())
    } else {
        StoreError::Database(e.to_string())
    }
}

fn state_from_row(row: &SqliteRow) -> Result<StateRecord, sqlx::Error> {
    let small = |v: Option<i64>| v.and_then(|n| u16::try_from(n).ok());
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
        aliases: serde_json::from_str(&aliases).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
    })
}

/// Appends the WHERE clause of a State filter.
fn push_state_filter<'a>(query: &mut QueryBuilder<'a, Sqlite>, filter: &'a StateFilter) {
    query.push(" WHERE 1 = 1");
    if let Some(group) = &filter.regional_group {
        query.push(" AND regional_group = ").push_bind(group);
    }
    if let Some(status) = &filter.un_status {
        query.push(" AND un_status = ").push_bind(status);
    }
    if let Some(part) = &filter.name_contains {
        // instr() rather than LIKE: the folded text may hold % or _ and must match literally.
        query
            .push(" AND instr(search_key, ")
            .push_bind(part)
            .push(") > 0");
    }
}

#[async_trait]
impl Store for SqliteStore {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    fn accounts(&self) -> &dyn taawun_store::AccountStore {
        self
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Database(format!("migration failed: {e}")))
    }

    async fn readiness(&self) -> Result<Readiness, StoreError> {
        let known = MIGRATOR.iter().count();
        let exists: Option<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| StoreError::Unreachable(e.to_string()))?;
        let applied = match exists {
            None => 0,
            Some(_) => {
                sqlx::query_scalar::<_, i64>("SELECT count(*) FROM _sqlx_migrations WHERE success")
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db)? as usize
            }
        };
        Ok(Readiness {
            backend: Backend::Sqlite,
            migrations_applied: applied,
            migrations_known: known,
        })
    }

    async fn sync_states(
        &self,
        context: &taawun_audit::ChangeContext,
        states: &[StateRecord],
        fingerprint: &str,
    ) -> Result<SyncReport, StoreError> {
        let mut tx = self.begin_write().await?;
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
        // States are never deleted (records refer to them); entries dropped from the table stay.
        for s in states {
            let aliases = serde_json::to_string(&s.aliases)
                .map_err(|e| StoreError::Database(e.to_string()))?;
            sqlx::query(
                "INSERT INTO states (iso3, iso2, m49, iso3166_3, un_status, regional_group, m49_region,
                    m49_sub_region, m49_intermediate_region, name_ar, name_en, name_fr, name_es, name_ru,
                    name_zh, formal_name_en, aliases, search_key, sort_ar, sort_en, sort_fr, sort_es, sort_ru, sort_zh)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
            )
            .bind(&s.iso3)
            .bind(&s.iso2)
            .bind(s.m49.map(i64::from))
            .bind(&s.iso3166_3)
            .bind(&s.un_status)
            .bind(&s.regional_group)
            .bind(s.m49_region.map(i64::from))
            .bind(s.m49_sub_region.map(i64::from))
            .bind(s.m49_intermediate_region.map(i64::from))
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
        sqlx::query(
            "INSERT INTO reference_data (name, fingerprint, updated_at) VALUES ('states', ?, datetime('now'))
             ON CONFLICT (name) DO UPDATE SET fingerprint = excluded.fingerprint, updated_at = excluded.updated_at",
        )
        .bind(fingerprint)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(
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

    async fn list_states(
        &self,
        filter: &StateFilter,
        paging: Paging,
    ) -> Result<Page<StateRecord>, StoreError> {
        let mut count = QueryBuilder::<Sqlite>::new("SELECT count(*) FROM states");
        push_state_filter(&mut count, filter);
        let total: i64 = count
            .build_query_scalar()
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;

        let mut query = QueryBuilder::<Sqlite>::new(format!("SELECT {STATE_COLUMNS} FROM states"));
        push_state_filter(&mut query, filter);
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
            // NULLS LAST in both directions and on both backends (their defaults differ).
            .push(" NULLS LAST, iso3")
            .push(direction);
        query
            .push(" LIMIT ")
            .push_bind(i64::from(paging.per_page))
            .push(" OFFSET ")
            .push_bind(paging.offset() as i64);
        let rows = query.build().fetch_all(&self.pool).await.map_err(db)?;
        let items = rows
            .iter()
            .map(state_from_row)
            .collect::<Result<_, _>>()
            .map_err(db)?;
        Ok(Page {
            items,
            total: total as u64,
            page: paging.page,
            per_page: paging.per_page,
        })
    }

    async fn get_state(&self, iso3: &str) -> Result<Option<StateRecord>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {STATE_COLUMNS} FROM states WHERE iso3 = ?"
        ))
        .bind(iso3)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        row.as_ref().map(state_from_row).transpose().map_err(db)
    }

    async fn count_members_by_group(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT regional_group, count(*) FROM states
             WHERE un_status = 'member' AND regional_group IS NOT NULL GROUP BY regional_group",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(taawun_store::order_by_group(rows))
    }

    async fn import_resolution(
        &self,
        context: &taawun_audit::ChangeContext,
        version: &NewResolutionVersion,
    ) -> Result<ImportOutcome, StoreError> {
        resolutions::import(&self.pool, context, version).await
    }

    async fn count_resolutions(&self) -> Result<u64, StoreError> {
        resolutions::count(&self.pool).await
    }

    async fn registry_records(&self, body: &str) -> Result<Vec<ResolutionSummary>, StoreError> {
        resolutions::registry_records(&self.pool, body).await
    }

    async fn list_resolutions(
        &self,
        filter: &ResolutionFilter,
        paging: Paging,
    ) -> Result<Page<ResolutionSummary>, StoreError> {
        resolutions::list(&self.pool, filter, paging).await
    }

    async fn get_resolution(&self, symbol: &str) -> Result<Option<StoredResolution>, StoreError> {
        resolutions::get(&self.pool, symbol).await
    }

    async fn cited_by(&self, symbol: &str) -> Result<Vec<ResolutionSummary>, StoreError> {
        resolutions::cited_by(&self.pool, symbol).await
    }

    async fn known_symbols(&self, symbols: &[String]) -> Result<Vec<String>, StoreError> {
        resolutions::known(&self.pool, symbols).await
    }

    async fn list_mandates(
        &self,
        filter: &MandateFilter,
        paging: Paging,
    ) -> Result<Page<MandateRecord>, StoreError> {
        resolutions::mandates(&self.pool, filter, paging).await
    }

    async fn import_votes(
        &self,
        context: &taawun_audit::ChangeContext,
        dataset: &taawun_votes::Dataset,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> Result<VoteImportReport, StoreError> {
        votes::import(&self.pool, context, dataset, progress).await
    }

    async fn votes_for_symbol(&self, symbol: &str) -> Result<Vec<RollCallVotes>, StoreError> {
        votes::for_symbol(&self.pool, symbol).await
    }

    async fn roll_call_descriptions(
        &self,
        body: &str,
    ) -> Result<Vec<(String, String)>, StoreError> {
        sqlx::query_as(
            "SELECT source_id, description FROM roll_calls WHERE body = ? AND description <> ''",
        )
        .bind(body)
        .fetch_all(&self.pool)
        .await
        .map_err(db)
    }

    async fn vote_table(
        &self,
        filter: &taawun_store::VoteFilter,
    ) -> Result<taawun_store::VoteTable, StoreError> {
        votes::vote_table(&self.pool, filter).await
    }

    async fn votes_stamp(&self) -> Result<taawun_store::VotesStamp, StoreError> {
        votes::stamp(&self.pool).await
    }

    async fn vote_issues(&self) -> Result<Vec<(String, u64)>, StoreError> {
        votes::issues(&self.pool).await
    }
}
