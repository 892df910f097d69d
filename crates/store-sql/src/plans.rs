//! States' implementation plans on either engine. Every write is one transaction that ends with
//! its audit entry. Changes to an action are made from a version: the action's row is read (and
//! on PostgreSQL locked) first, and a version other than the one the change was made from ends
//! the transaction with nothing written and the action as it now is.

use async_trait::async_trait;
use sqlx::{ColumnIndex, Encode, Executor, IntoArguments, Pool, Type};
use taawun_audit::ChangeContext;
use taawun_store::plans::{
    ActionFields, ActionRecord, ClusterKind, ClusterRecord, EvidenceRecord, IndicatorInput,
    NewPlan, NewStatusChange, OwnedAction, PlanError, PlanRecord, PlanStore, ReminderRun, Status,
    StatusChangeRecord,
};
use taawun_store::{Change, StoreError};

use crate::audit::AuditTrail;
use crate::clock::now_seconds;
use crate::{Column, Engine, db};

/// The plans part of a store, on engine `DB`: what `Store::plans()` returns.
pub struct SqlPlans<DB: Engine> {
    pool: Pool<DB>,
}

impl<DB: Engine> SqlPlans<DB> {
    pub fn new(pool: Pool<DB>) -> Self {
        SqlPlans { pool }
    }
}

fn status_of(slug: &str) -> Result<Status, StoreError> {
    Status::parse(slug)
        .ok_or_else(|| StoreError::database(format!("unknown action status {slug:?}")))
}

const ACTION_COLUMNS: &str = "id, plan_id, cluster_id, title, lead_institution, partners, \
     start_date, due_date, budget_hundredths, budget_currency, status, version, owner_user_id, \
     updated_at, updated_by";

type ActionRow = (
    i64,
    i64,
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
    String,
    i64,
    Option<i64>,
    i64,
    Option<i64>,
);

/// id, state, cycle, published, published_at, created_at, updated_at.
type PlanRow = (i64, String, i32, bool, Option<i64>, i64, i64);

/// action id, title, State, owner, owner's e-mail, due date, status.
type CandidateRow = (i64, String, String, i64, String, String, String);

type EvidenceRow = (
    i64,
    i64,
    String,
    String,
    i64,
    String,
    String,
    Option<i64>,
    i64,
);

const EVIDENCE_COLUMNS: &str =
    "id, plan_id, name, media_type, size, sha256, storage_key, uploaded_by, uploaded_at";

fn evidence_from(row: EvidenceRow) -> EvidenceRecord {
    let (id, plan_id, name, media_type, size, sha256, storage_key, uploaded_by, uploaded_at) = row;
    EvidenceRecord {
        id,
        plan_id,
        name,
        media_type,
        size,
        sha256,
        storage_key,
        uploaded_by,
        uploaded_at,
    }
}

/// An action as the audit trail keeps it: every field, the owner included.
fn action_json(action: &ActionRecord) -> serde_json::Value {
    let mut value = serde_json::to_value(action).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.insert("owner_user_id".into(), action.owner_user_id.into());
    }
    value
}

impl<DB> SqlPlans<DB>
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
    async fn load_action(
        conn: &mut DB::Connection,
        id: i64,
    ) -> Result<Option<ActionRecord>, StoreError> {
        let row: Option<ActionRow> = sqlx::query_as(&format!(
            "SELECT {ACTION_COLUMNS} FROM upr_plan_actions WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        let Some(row) = row else { return Ok(None) };
        let mut actions = Self::complete_actions(conn, vec![row]).await?;
        Ok(actions.pop())
    }

    /// Actions from their rows, with their indicators and recommendations.
    async fn complete_actions(
        conn: &mut DB::Connection,
        rows: Vec<ActionRow>,
    ) -> Result<Vec<ActionRecord>, StoreError> {
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let (
                id,
                plan_id,
                cluster_id,
                title,
                lead_institution,
                partners,
                start_date,
                due_date,
                budget_hundredths,
                budget_currency,
                status,
                version,
                owner_user_id,
                updated_at,
                updated_by,
            ) = row;
            let indicators: Vec<(String, String, String)> = sqlx::query_as(
                "SELECT name, baseline, target FROM upr_plan_indicators WHERE action_id = $1 \
                 ORDER BY position",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await
            .map_err(db)?;
            let recommendations: Vec<i64> = sqlx::query_scalar(
                "SELECT recommendation_id FROM upr_plan_action_recommendations \
                 WHERE action_id = $1 ORDER BY recommendation_id",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await
            .map_err(db)?;
            out.push(ActionRecord {
                id,
                plan_id,
                cluster_id,
                title,
                lead_institution,
                partners,
                start_date,
                due_date,
                indicators: indicators
                    .into_iter()
                    .map(|(name, baseline, target)| IndicatorInput {
                        name,
                        baseline,
                        target,
                    })
                    .collect(),
                budget_hundredths,
                budget_currency,
                status: status_of(&status)?,
                version,
                owner_user_id,
                recommendations,
                updated_at,
                updated_by,
            });
        }
        Ok(out)
    }

    async fn load_plan(
        conn: &mut DB::Connection,
        plan_id: i64,
    ) -> Result<Option<PlanRecord>, StoreError> {
        let row: Option<PlanRow> = sqlx::query_as(
            "SELECT id, state, cycle, published, published_at, created_at, updated_at \
             FROM upr_plans WHERE id = $1",
        )
        .bind(plan_id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        let Some((id, state, cycle, published, published_at, created_at, updated_at)) = row else {
            return Ok(None);
        };
        let clusters: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT id, name, kind, position FROM upr_plan_clusters WHERE plan_id = $1 \
             ORDER BY position, id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let members: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT cluster_id, recommendation_id FROM upr_plan_cluster_members \
             WHERE plan_id = $1 ORDER BY recommendation_id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let clusters: Vec<ClusterRecord> = clusters
            .into_iter()
            .map(|(cluster, name, kind, position)| ClusterRecord {
                id: cluster,
                name,
                kind: ClusterKind::parse(&kind).unwrap_or(ClusterKind::Own),
                position,
                recommendations: members
                    .iter()
                    .filter(|(c, _)| *c == cluster)
                    .map(|(_, r)| *r)
                    .collect(),
            })
            .collect();
        let rows: Vec<ActionRow> = sqlx::query_as(&format!(
            "SELECT {ACTION_COLUMNS} FROM upr_plan_actions WHERE plan_id = $1 ORDER BY id"
        ))
        .bind(id)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let mut actions = Self::complete_actions(conn, rows).await?;
        let position = |cluster: i64| clusters.iter().position(|c| c.id == cluster);
        actions.sort_by_key(|a| (position(a.cluster_id), a.id));
        Ok(Some(PlanRecord {
            id,
            state,
            cycle: u8::try_from(cycle).unwrap_or(0),
            published,
            published_at,
            created_at,
            updated_at,
            clusters,
            actions,
        }))
    }

    async fn plan_state(conn: &mut DB::Connection, plan_id: i64) -> Result<String, PlanError> {
        let state: Option<String> = sqlx::query_scalar(&format!(
            "SELECT state FROM upr_plans WHERE id = $1{}",
            DB::FOR_NO_KEY_UPDATE
        ))
        .bind(plan_id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        state.ok_or_else(|| PlanError::NotFound(format!("plan {plan_id}")))
    }

    /// Refuses a cluster that is not the plan's, and recommendations that are not its State's.
    async fn check_fields(
        conn: &mut DB::Connection,
        plan_id: i64,
        state: &str,
        fields: &ActionFields,
    ) -> Result<(), PlanError> {
        Self::check_cluster(conn, plan_id, fields.cluster_id).await?;
        for recommendation in &fields.recommendations {
            Self::check_recommendation(conn, state, *recommendation).await?;
        }
        Ok(())
    }

    async fn check_cluster(
        conn: &mut DB::Connection,
        plan_id: i64,
        cluster: i64,
    ) -> Result<(), PlanError> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM upr_plan_clusters WHERE id = $1 AND plan_id = $2")
                .bind(cluster)
                .bind(plan_id)
                .fetch_optional(&mut *conn)
                .await
                .map_err(db)?;
        found
            .map(|_| ())
            .ok_or_else(|| PlanError::Invalid(format!("cluster {cluster} is not this plan's")))
    }

    async fn check_recommendation(
        conn: &mut DB::Connection,
        state: &str,
        recommendation: i64,
    ) -> Result<(), PlanError> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM upr_recommendations WHERE id = $1 AND reviewed = $2",
        )
        .bind(recommendation)
        .bind(state)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        found.map(|_| ()).ok_or_else(|| {
            PlanError::Invalid(format!(
                "recommendation {recommendation} is not one {state} received"
            ))
        })
    }

    /// Writes an action's indicators and recommendation links anew.
    async fn write_parts(
        conn: &mut DB::Connection,
        action: i64,
        fields: &ActionFields,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM upr_plan_indicators WHERE action_id = $1")
            .bind(action)
            .execute(&mut *conn)
            .await
            .map_err(db)?;
        for (i, indicator) in fields.input.indicators.iter().enumerate() {
            sqlx::query(
                "INSERT INTO upr_plan_indicators (action_id, position, name, baseline, target) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(action)
            .bind(i as i64 + 1)
            .bind(&indicator.name)
            .bind(&indicator.baseline)
            .bind(&indicator.target)
            .execute(&mut *conn)
            .await
            .map_err(db)?;
        }
        sqlx::query("DELETE FROM upr_plan_action_recommendations WHERE action_id = $1")
            .bind(action)
            .execute(&mut *conn)
            .await
            .map_err(db)?;
        for recommendation in &fields.recommendations {
            sqlx::query(
                "INSERT INTO upr_plan_action_recommendations (action_id, recommendation_id) \
                 VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(action)
            .bind(*recommendation)
            .execute(&mut *conn)
            .await
            .map_err(db)?;
        }
        Ok(())
    }

    async fn touch_plan(conn: &mut DB::Connection, plan_id: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE upr_plans SET updated_at = $1 WHERE id = $2")
            .bind(now_seconds())
            .bind(plan_id)
            .execute(&mut *conn)
            .await
            .map_err(db)?;
        Ok(())
    }

    /// Locks the action's row and checks the version the change was made from. On a stale
    /// version: the action as it is now.
    async fn lock_version(
        conn: &mut DB::Connection,
        id: i64,
        expected_version: i64,
    ) -> Result<ActionRecord, PlanError> {
        let version: Option<i64> = sqlx::query_scalar(&format!(
            "SELECT version FROM upr_plan_actions WHERE id = $1{}",
            DB::FOR_NO_KEY_UPDATE
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        let Some(version) = version else {
            return Err(PlanError::NotFound(format!("action {id}")));
        };
        let current = Self::load_action(conn, id)
            .await?
            .ok_or_else(|| PlanError::NotFound(format!("action {id}")))?;
        if version != expected_version {
            return Err(PlanError::Conflict(Box::new(current)));
        }
        Ok(current)
    }
}

#[async_trait]
impl<DB> PlanStore for SqlPlans<DB>
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
    async fn plan_of(
        &self,
        state: &str,
        cycle: Option<u8>,
    ) -> Result<Option<PlanRecord>, StoreError> {
        let mut tx = DB::begin_snapshot(&self.pool).await.map_err(db)?;
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM upr_plans WHERE state = $1 AND ($2 = 0 OR cycle = $2) \
             ORDER BY cycle DESC LIMIT 1",
        )
        .bind(state)
        .bind(i32::from(cycle.unwrap_or(0)))
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let plan = match id {
            Some(id) => Self::load_plan(&mut tx, id).await?,
            None => None,
        };
        tx.commit().await.map_err(db)?;
        Ok(plan)
    }

    async fn create_plan(
        &self,
        context: &ChangeContext,
        plan: &NewPlan,
        by: Option<i64>,
    ) -> Result<PlanRecord, PlanError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        let existing: Option<i64> =
            sqlx::query_scalar("SELECT id FROM upr_plans WHERE state = $1 AND cycle = $2")
                .bind(&plan.state)
                .bind(i32::from(plan.cycle))
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        if existing.is_some() {
            return Err(PlanError::Duplicate(format!(
                "{} has a plan for cycle {}",
                plan.state, plan.cycle
            )));
        }
        let at = now_seconds();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO upr_plans (state, cycle, published, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(&plan.state)
        .bind(i32::from(plan.cycle))
        .bind(false)
        .bind(by)
        .bind(at)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| match db(e) {
            StoreError::Constraint { message, .. } => PlanError::Duplicate(message),
            other => PlanError::Store(other),
        })?;
        for (position, (name, kind, recommendations)) in plan.clusters.iter().enumerate() {
            let cluster: i64 = sqlx::query_scalar(
                "INSERT INTO upr_plan_clusters (plan_id, name, kind, position) \
                 VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(id)
            .bind(name)
            .bind(kind.slug())
            .bind(position as i64 + 1)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
            for recommendation in recommendations {
                Self::check_recommendation(&mut tx, &plan.state, *recommendation).await?;
                sqlx::query(
                    "INSERT INTO upr_plan_cluster_members (plan_id, recommendation_id, cluster_id) \
                     VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                )
                .bind(id)
                .bind(*recommendation)
                .bind(cluster)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            }
        }
        let created = Self::load_plan(&mut tx, id)
            .await?
            .ok_or_else(|| PlanError::NotFound(format!("plan {id}")))?;
        let change = Change::new("create", "upr-plan", id.to_string()).after(&serde_json::json!({
            "state": plan.state,
            "cycle": plan.cycle,
            "clusters": created.clusters.iter().map(|c| serde_json::json!({
                "name": c.name, "kind": c.kind, "recommendations": c.recommendations,
            })).collect::<Vec<_>>(),
        }));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(created)
    }

    async fn set_published(
        &self,
        context: &ChangeContext,
        plan_id: i64,
        published: bool,
    ) -> Result<PlanRecord, PlanError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::plan_state(&mut tx, plan_id).await?;
        let before: bool = sqlx::query_scalar("SELECT published FROM upr_plans WHERE id = $1")
            .bind(plan_id)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
        let at = now_seconds();
        sqlx::query(
            "UPDATE upr_plans SET published = $1, \
             published_at = CASE WHEN $1 THEN $2 ELSE published_at END, updated_at = $2 \
             WHERE id = $3",
        )
        .bind(published)
        .bind(at)
        .bind(plan_id)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let action = if published { "publish" } else { "unpublish" };
        let change = Change::new(action, "upr-plan", plan_id.to_string())
            .before(&serde_json::json!({ "published": before }))
            .after(&serde_json::json!({ "published": published }));
        let plan = Self::load_plan(&mut tx, plan_id)
            .await?
            .ok_or_else(|| PlanError::NotFound(format!("plan {plan_id}")))?;
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(plan)
    }

    async fn add_cluster(
        &self,
        context: &ChangeContext,
        plan_id: i64,
        name: &str,
        kind: ClusterKind,
    ) -> Result<i64, PlanError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::plan_state(&mut tx, plan_id).await?;
        let taken: Option<i64> =
            sqlx::query_scalar("SELECT id FROM upr_plan_clusters WHERE plan_id = $1 AND name = $2")
                .bind(plan_id)
                .bind(name)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        if taken.is_some() {
            return Err(PlanError::Duplicate(format!("a cluster named {name:?}")));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO upr_plan_clusters (plan_id, name, kind, position) VALUES ($1, $2, $3, \
             (SELECT coalesce(max(position), 0) + 1 FROM upr_plan_clusters WHERE plan_id = $1)) \
             RETURNING id",
        )
        .bind(plan_id)
        .bind(name)
        .bind(kind.slug())
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        Self::touch_plan(&mut tx, plan_id).await?;
        let change = Change::new("add-cluster", "upr-plan", plan_id.to_string())
            .after(&serde_json::json!({ "cluster": id, "name": name, "kind": kind }));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(id)
    }

    async fn set_membership(
        &self,
        context: &ChangeContext,
        plan_id: i64,
        assignments: &[(i64, Option<i64>)],
    ) -> Result<usize, PlanError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        let state = Self::plan_state(&mut tx, plan_id).await?;
        let mut moved = Vec::new();
        for (recommendation, cluster) in assignments {
            Self::check_recommendation(&mut tx, &state, *recommendation).await?;
            if let Some(cluster) = cluster {
                Self::check_cluster(&mut tx, plan_id, *cluster).await?;
            }
            let before: Option<i64> = sqlx::query_scalar(
                "SELECT cluster_id FROM upr_plan_cluster_members \
                 WHERE plan_id = $1 AND recommendation_id = $2",
            )
            .bind(plan_id)
            .bind(*recommendation)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            if before == *cluster {
                continue;
            }
            sqlx::query(
                "DELETE FROM upr_plan_cluster_members WHERE plan_id = $1 AND recommendation_id = $2",
            )
            .bind(plan_id)
            .bind(*recommendation)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            if let Some(cluster) = cluster {
                sqlx::query(
                    "INSERT INTO upr_plan_cluster_members (plan_id, recommendation_id, cluster_id) \
                     VALUES ($1, $2, $3)",
                )
                .bind(plan_id)
                .bind(*recommendation)
                .bind(*cluster)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            }
            moved.push(serde_json::json!({
                "recommendation": recommendation, "from": before, "to": cluster,
            }));
        }
        if moved.is_empty() {
            tx.rollback().await.map_err(db)?;
            return Ok(0);
        }
        Self::touch_plan(&mut tx, plan_id).await?;
        let change = Change::new("cluster-membership", "upr-plan", plan_id.to_string())
            .after(&serde_json::json!({ "moved": moved }));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(moved.len())
    }

    async fn create_action(
        &self,
        context: &ChangeContext,
        plan_id: i64,
        fields: &ActionFields,
        by: Option<i64>,
    ) -> Result<ActionRecord, PlanError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        let state = Self::plan_state(&mut tx, plan_id).await?;
        Self::check_fields(&mut tx, plan_id, &state, fields).await?;
        let input = &fields.input;
        let at = now_seconds();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO upr_plan_actions (plan_id, cluster_id, title, lead_institution, partners, \
                start_date, due_date, budget_hundredths, budget_currency, status, version, \
                owner_user_id, created_at, updated_at, updated_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $12, $13) RETURNING id",
        )
        .bind(plan_id)
        .bind(fields.cluster_id)
        .bind(&input.title)
        .bind(&input.lead_institution)
        .bind(input.partners.clone())
        .bind(input.start_date.clone())
        .bind(input.due_date.clone())
        .bind(input.budget_hundredths)
        .bind(input.budget_currency.clone())
        .bind(Status::NotStarted.slug())
        .bind(fields.owner_user_id)
        .bind(at)
        .bind(by)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        Self::write_parts(&mut tx, id, fields).await?;
        Self::touch_plan(&mut tx, plan_id).await?;
        let created = Self::load_action(&mut tx, id)
            .await?
            .ok_or_else(|| PlanError::NotFound(format!("action {id}")))?;
        let change =
            Change::new("create", "upr-plan-action", id.to_string()).after(&action_json(&created));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(created)
    }

    async fn get_action(&self, id: i64) -> Result<Option<ActionRecord>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        Self::load_action(&mut conn, id).await
    }

    async fn update_action(
        &self,
        context: &ChangeContext,
        id: i64,
        expected_version: i64,
        fields: &ActionFields,
        by: Option<i64>,
    ) -> Result<ActionRecord, PlanError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        let before = Self::lock_version(&mut tx, id, expected_version).await?;
        let state = Self::plan_state(&mut tx, before.plan_id).await?;
        Self::check_fields(&mut tx, before.plan_id, &state, fields).await?;
        let input = &fields.input;
        sqlx::query(
            "UPDATE upr_plan_actions SET cluster_id = $1, title = $2, lead_institution = $3, \
                partners = $4, start_date = $5, due_date = $6, budget_hundredths = $7, \
                budget_currency = $8, owner_user_id = $9, version = version + 1, \
                updated_at = $10, updated_by = $11 \
             WHERE id = $12 AND version = $13",
        )
        .bind(fields.cluster_id)
        .bind(&input.title)
        .bind(&input.lead_institution)
        .bind(input.partners.clone())
        .bind(input.start_date.clone())
        .bind(input.due_date.clone())
        .bind(input.budget_hundredths)
        .bind(input.budget_currency.clone())
        .bind(fields.owner_user_id)
        .bind(now_seconds())
        .bind(by)
        .bind(id)
        .bind(expected_version)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        Self::write_parts(&mut tx, id, fields).await?;
        Self::touch_plan(&mut tx, before.plan_id).await?;
        let after = Self::load_action(&mut tx, id)
            .await?
            .ok_or_else(|| PlanError::NotFound(format!("action {id}")))?;
        let change = Change::new("update", "upr-plan-action", id.to_string())
            .before(&action_json(&before))
            .after(&action_json(&after));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn change_status(
        &self,
        context: &ChangeContext,
        id: i64,
        expected_version: i64,
        change: &NewStatusChange,
        by: Option<i64>,
    ) -> Result<ActionRecord, PlanError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        let before = Self::lock_version(&mut tx, id, expected_version).await?;
        let at = now_seconds();
        let evidence_id: Option<i64> = match &change.evidence {
            Some(file) => Some(
                sqlx::query_scalar(
                    "INSERT INTO upr_plan_evidence (plan_id, name, media_type, size, sha256, \
                        storage_key, uploaded_by, uploaded_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                )
                .bind(before.plan_id)
                .bind(&file.name)
                .bind(&file.media_type)
                .bind(file.size)
                .bind(&file.sha256)
                .bind(&file.storage_key)
                .bind(by)
                .bind(at)
                .fetch_one(&mut *tx)
                .await
                .map_err(db)?,
            ),
            None => None,
        };
        let change_id: i64 = sqlx::query_scalar(
            "INSERT INTO upr_plan_status_changes (action_id, from_status, to_status, note, link, \
                evidence_id, changed_by, changed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(id)
        .bind(before.status.slug())
        .bind(change.to.slug())
        .bind(change.note.clone())
        .bind(change.link.clone())
        .bind(evidence_id)
        .bind(by)
        .bind(at)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query(
            "UPDATE upr_plan_actions SET status = $1, version = version + 1, updated_at = $2, \
                updated_by = $3 WHERE id = $4 AND version = $5",
        )
        .bind(change.to.slug())
        .bind(at)
        .bind(by)
        .bind(id)
        .bind(expected_version)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        Self::touch_plan(&mut tx, before.plan_id).await?;
        let after = Self::load_action(&mut tx, id)
            .await?
            .ok_or_else(|| PlanError::NotFound(format!("action {id}")))?;
        let audit = Change::new("change-status", "upr-plan-action", id.to_string())
            .before(&serde_json::json!({ "status": before.status, "version": before.version }))
            .after(&serde_json::json!({
                "status": change.to,
                "version": after.version,
                "status_change": change_id,
                "note": change.note,
                "link": change.link,
                "evidence": change.evidence.as_ref().map(|f| serde_json::json!({
                    "id": evidence_id, "name": f.name, "media_type": f.media_type,
                    "size": f.size, "sha256": f.sha256,
                })),
            }));
        AuditTrail::<DB>::append(&mut tx, context, audit).await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn status_changes(&self, action_id: i64) -> Result<Vec<StatusChangeRecord>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        #[allow(clippy::type_complexity)]
        let rows: Vec<(
            i64,
            String,
            String,
            Option<String>,
            Option<String>,
            Option<i64>,
            Option<i64>,
            i64,
        )> = sqlx::query_as(
            "SELECT id, from_status, to_status, note, link, evidence_id, changed_by, changed_at \
             FROM upr_plan_status_changes WHERE action_id = $1 ORDER BY id",
        )
        .bind(action_id)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, from, to, note, link, evidence_id, changed_by, changed_at) in rows {
            let evidence = match evidence_id {
                Some(e) => sqlx::query_as::<_, EvidenceRow>(&format!(
                    "SELECT {EVIDENCE_COLUMNS} FROM upr_plan_evidence WHERE id = $1"
                ))
                .bind(e)
                .fetch_optional(&mut *conn)
                .await
                .map_err(db)?
                .map(evidence_from),
                None => None,
            };
            out.push(StatusChangeRecord {
                id,
                action_id,
                from: status_of(&from)?,
                to: status_of(&to)?,
                note,
                link,
                evidence,
                changed_by,
                changed_at,
            });
        }
        Ok(out)
    }

    async fn get_evidence(&self, id: i64) -> Result<Option<EvidenceRecord>, StoreError> {
        let row: Option<EvidenceRow> = sqlx::query_as(&format!(
            "SELECT {EVIDENCE_COLUMNS} FROM upr_plan_evidence WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        Ok(row.map(evidence_from))
    }

    async fn open_actions_of(&self, owner_user_id: i64) -> Result<Vec<OwnedAction>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT a.id, p.state FROM upr_plan_actions a JOIN upr_plans p ON p.id = a.plan_id \
             WHERE a.owner_user_id = $1 AND a.due_date IS NOT NULL \
               AND a.status NOT IN ('implemented', 'not-applicable') \
             ORDER BY a.due_date, a.id",
        )
        .bind(owner_user_id)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, state) in rows {
            if let Some(action) = Self::load_action(&mut conn, id).await? {
                out.push(OwnedAction { state, action });
            }
        }
        Ok(out)
    }

    async fn run_reminders(
        &self,
        context: &ChangeContext,
        today: chrono::NaiveDate,
        public_url: &str,
    ) -> Result<ReminderRun, StoreError> {
        let day = taawun_plans::date_text(today);
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        // The day's row: on PostgreSQL a second server inserting the same day waits here for
        // the first one's commit and then inserts nothing; on SQLite the write lock orders them.
        let claimed = sqlx::query(
            "INSERT INTO upr_plan_reminder_runs (day, ran_at, messages) VALUES ($1, $2, 0) \
             ON CONFLICT DO NOTHING",
        )
        .bind(&day)
        .bind(now_seconds())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if DB::rows_affected(&claimed) == 0 {
            tx.rollback().await.map_err(db)?;
            return Ok(ReminderRun::AlreadyRan { day });
        }
        let until =
            taawun_plans::date_text(today + chrono::Duration::days(taawun_plans::DUE_WINDOW_DAYS));
        let rows: Vec<CandidateRow> = sqlx::query_as(
            "SELECT a.id, a.title, p.state, a.owner_user_id, u.email, a.due_date, a.status \
             FROM upr_plan_actions a \
             JOIN upr_plans p ON p.id = a.plan_id \
             JOIN users u ON u.id = a.owner_user_id \
             WHERE a.due_date IS NOT NULL AND a.due_date <= $1 AND NOT u.disabled \
               AND a.status NOT IN ('implemented', 'not-applicable') \
             ORDER BY a.id",
        )
        .bind(&until)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let mut candidates = Vec::with_capacity(rows.len());
        for (action_id, title, state, owner_user_id, owner_email, due_date, status) in rows {
            candidates.push(taawun_plans::ReminderCandidate {
                action_id,
                title,
                state,
                owner_user_id,
                owner_email,
                due_date,
                status: status_of(&status)?,
            });
        }
        let reminders = taawun_plans::select_reminders(today, &candidates);
        let messages = taawun_plans::compose_messages(today, &reminders, public_url);
        let at = now_seconds();
        for message in &messages {
            sqlx::query(
                "INSERT INTO outbox (to_address, subject, body, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(&message.to)
            .bind(&message.subject)
            .bind(&message.text)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        sqlx::query("UPDATE upr_plan_reminder_runs SET messages = $1 WHERE day = $2")
            .bind(messages.len() as i64)
            .bind(&day)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let change = Change::new("send-reminders", "upr-plan-reminders", day.clone()).after(
            &serde_json::json!({
                "messages": messages.len(),
                "actions": reminders.len(),
                "owners": messages.iter().map(|m| m.owner_user_id).collect::<Vec<_>>(),
            }),
        );
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(ReminderRun::Sent {
            day,
            messages: messages.len(),
            actions: reminders.len(),
        })
    }
}
