//! A whole store on one engine: what `taawun-store-sqlite` and `taawun-store-postgres` open.

use async_trait::async_trait;
use sqlx::migrate::{Migrate, Migrator};
use sqlx::{ColumnIndex, Encode, Executor, IntoArguments, Pool, Type};
use taawun_store::{
    Backend, ImportOutcome, MandateFilter, MandateRecord, NewResolutionVersion, Page, Paging,
    Readiness, ResolutionFilter, ResolutionSummary, RollCallVotes, StateFilter, StateRecord, Store,
    StoreError, StoredResolution, SyncReport, VoteFilter, VoteImportReport, VoteTable, VotesStamp,
};

use crate::accounts::SqlAccounts;
use crate::{Column, Engine, db};

/// The store on engine `DB`: its pool, its migrations, and the accounts part.
pub struct SqlStore<DB: Engine> {
    pub(crate) pool: Pool<DB>,
    accounts: SqlAccounts<DB>,
    upr: crate::SqlUpr<DB>,
    plans: crate::SqlPlans<DB>,
    funds: crate::SqlFunds<DB>,
    council: crate::SqlCouncil<DB>,
    practices: crate::SqlPractices<DB>,
    cooperation: crate::SqlCooperation<DB>,
    migrator: &'static Migrator,
}

impl<DB: Engine> SqlStore<DB> {
    /// A store on `pool`, whose schema `migrator` (the engine's own migrations) brings up to
    /// date.
    pub fn new(pool: Pool<DB>, migrator: &'static Migrator) -> Self {
        SqlStore {
            accounts: SqlAccounts::new(pool.clone()),
            upr: crate::SqlUpr::new(pool.clone()),
            plans: crate::SqlPlans::new(pool.clone()),
            funds: crate::SqlFunds::new(pool.clone()),
            council: crate::SqlCouncil::new(pool.clone()),
            practices: crate::SqlPractices::new(pool.clone()),
            cooperation: crate::SqlCooperation::new(pool.clone()),
            pool,
            migrator,
        }
    }

    pub fn pool(&self) -> &Pool<DB> {
        &self.pool
    }
}

#[async_trait]
impl<DB> Store for SqlStore<DB>
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
    DB::Connection: Migrate,
    SqlAccounts<DB>: taawun_store::AccountStore,
    crate::SqlUpr<DB>: taawun_store::UprStore,
    crate::SqlPlans<DB>: taawun_store::PlanStore,
    crate::SqlFunds<DB>: taawun_store::FundStore,
    crate::SqlCouncil<DB>: taawun_store::CouncilStore,
    crate::SqlPractices<DB>: taawun_store::PracticeStore,
    crate::SqlCooperation<DB>: taawun_store::CooperationStore,
{
    fn backend(&self) -> Backend {
        DB::BACKEND
    }

    fn accounts(&self) -> &dyn taawun_store::AccountStore {
        &self.accounts
    }

    fn upr(&self) -> &dyn taawun_store::UprStore {
        &self.upr
    }

    fn plans(&self) -> &dyn taawun_store::PlanStore {
        &self.plans
    }

    fn funds(&self) -> &dyn taawun_store::FundStore {
        &self.funds
    }

    fn council(&self) -> &dyn taawun_store::CouncilStore {
        &self.council
    }

    fn practices(&self) -> &dyn taawun_store::PracticeStore {
        &self.practices
    }

    fn cooperation(&self) -> &dyn taawun_store::CooperationStore {
        &self.cooperation
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        self.migrator
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::database_from(format!("migration failed: {e}"), e))
    }

    async fn readiness(&self) -> Result<Readiness, StoreError> {
        let known = self.migrator.iter().count();
        let exists: Option<String> = sqlx::query_scalar(DB::MIGRATIONS_TABLE)
            .fetch_one(&self.pool)
            .await
            .map_err(|e| StoreError::unreachable(e.to_string(), e))?;
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
            backend: DB::BACKEND,
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
        self.write_states(context, states, fingerprint).await
    }

    async fn list_states(
        &self,
        filter: &StateFilter,
        paging: Paging,
    ) -> Result<Page<StateRecord>, StoreError> {
        self.states_page(filter, paging).await
    }

    async fn get_state(&self, iso3: &str) -> Result<Option<StateRecord>, StoreError> {
        self.state(iso3).await
    }

    async fn count_members_by_group(&self) -> Result<Vec<(String, u64)>, StoreError> {
        self.members_by_group().await
    }

    async fn import_resolution(
        &self,
        context: &taawun_audit::ChangeContext,
        version: &NewResolutionVersion,
    ) -> Result<ImportOutcome, StoreError> {
        SqlStore::import_resolution(self, context, version).await
    }

    async fn count_resolutions(&self) -> Result<u64, StoreError> {
        self.resolution_count().await
    }

    async fn registry_records(
        &self,
        body: taawun_votes::Body,
    ) -> Result<Vec<ResolutionSummary>, StoreError> {
        self.registry(body).await
    }

    async fn list_resolutions(
        &self,
        filter: &ResolutionFilter,
        paging: Paging,
    ) -> Result<Page<ResolutionSummary>, StoreError> {
        self.resolutions_page(filter, paging).await
    }

    async fn get_resolution(&self, symbol: &str) -> Result<Option<StoredResolution>, StoreError> {
        self.resolution(symbol).await
    }

    async fn cited_by(&self, symbol: &str) -> Result<Vec<ResolutionSummary>, StoreError> {
        self.citing(symbol).await
    }

    async fn known_symbols(&self, symbols: &[String]) -> Result<Vec<String>, StoreError> {
        self.known(symbols).await
    }

    async fn list_mandates(
        &self,
        filter: &MandateFilter,
        paging: Paging,
    ) -> Result<Page<MandateRecord>, StoreError> {
        self.mandates_page(filter, paging).await
    }

    async fn import_votes(
        &self,
        context: &taawun_audit::ChangeContext,
        dataset: &taawun_votes::Dataset,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> Result<VoteImportReport, StoreError> {
        self.import_roll_calls(context, dataset, progress).await
    }

    async fn votes_for_symbol(&self, symbol: &str) -> Result<Vec<RollCallVotes>, StoreError> {
        self.roll_calls_for(symbol).await
    }

    async fn roll_call_descriptions(
        &self,
        body: &str,
    ) -> Result<Vec<(String, String)>, StoreError> {
        sqlx::query_as(
            "SELECT source_id, description FROM roll_calls WHERE body = $1 AND description <> ''",
        )
        .bind(body)
        .fetch_all(&self.pool)
        .await
        .map_err(db)
    }

    async fn vote_table(&self, filter: &VoteFilter) -> Result<VoteTable, StoreError> {
        self.vote_matrix(filter).await
    }

    async fn votes_stamp(&self) -> Result<VotesStamp, StoreError> {
        self.stamps().await
    }

    async fn vote_issues(&self) -> Result<Vec<(String, u64)>, StoreError> {
        self.issue_counts().await
    }
}
