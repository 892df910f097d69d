//! The Universal Periodic Review's records on either engine. An import reads what is stored,
//! lets [`taawun_store::upr::plan_import`] decide what changes (the same plan a dry run
//! shows), and writes the plan in one transaction; listings filter in SQL on indexed columns
//! and read the page's recommending States, themes and sources in three more queries.

use std::collections::{BTreeSet, HashMap};

use async_trait::async_trait;
use sqlx::{ColumnIndex, Encode, Executor, IntoArguments, Pool, Row, Type};
use taawun_audit::ChangeContext;
use taawun_store::upr::{
    ActionCategory, GroupCount, ImportPlan, IncomingPledge, IncomingRecommendation, PledgeRecord,
    RecommendationFilter, RecommendationPage, RecommendationRecord, Response, ResponseCounts,
    ResponseFilter, ReviewOverview, SdgFramework, SdgGoalRecord, SdgImportReport,
    SdgIndicatorRecord, SdgLink, SdgTargetRecord, SourceRef, StateReview, StoredFacts,
    UprImportReport, UprStore, plan_import, upr_change,
};
use taawun_store::{Change, NamesRecord, Page, Paging, StoreError};

use crate::audit::AuditTrail;
use crate::sql::Sql;
use crate::{Column, Engine, db, now_us};

/// Rows written per INSERT: far below either engine's limit on bound parameters.
const BATCH: usize = 400;

/// The review part of a store, on engine `DB`: what `Store::upr()` returns.
pub struct SqlUpr<DB: Engine> {
    pool: Pool<DB>,
}

impl<DB: Engine> SqlUpr<DB> {
    pub fn new(pool: Pool<DB>) -> Self {
        SqlUpr { pool }
    }
}

fn response_of(word: Option<String>) -> Option<Response> {
    word.as_deref().and_then(Response::parse)
}

fn action_of(number: Option<i32>) -> Option<ActionCategory> {
    number
        .and_then(|n| u8::try_from(n).ok())
        .and_then(ActionCategory::from_number)
}

impl<DB> SqlUpr<DB>
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
    /// Everything an import compares, read on `conn` (the import's own transaction, so that
    /// the plan and the writes see the same records).
    async fn stored_facts(
        conn: &mut DB::Connection,
    ) -> Result<(HashMap<String, StoredFacts>, BTreeSet<String>), StoreError> {
        let rows: Vec<StoredRow> = sqlx::query_as(
            "SELECT id, match_key, paragraph, response, action, assessment FROM upr_recommendations",
        )
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let mut by_id: HashMap<i64, StoredFacts> = HashMap::with_capacity(rows.len());
        let mut keys: Vec<(i64, String)> = Vec::with_capacity(rows.len());
        for (id, key, paragraph, response, action, assessment) in rows {
            by_id.insert(
                id,
                StoredFacts {
                    id,
                    paragraph,
                    assessment,
                    response: response_of(response),
                    action: action_of(action),
                    ..StoredFacts::default()
                },
            );
            keys.push((id, key));
        }
        let states: Vec<(i64, String)> =
            sqlx::query_as("SELECT recommendation_id, state FROM upr_recommending")
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?;
        for (id, state) in states {
            if let Some(facts) = by_id.get_mut(&id) {
                facts.recommending.insert(state);
            }
        }
        let themes: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT recommendation_id, kind, theme FROM upr_themes")
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?;
        for (id, kind, theme) in themes {
            if let Some(facts) = by_id.get_mut(&id) {
                match kind.as_str() {
                    PERSONS => facts.groups.insert(theme),
                    _ => facts.themes.insert(theme),
                };
            }
        }
        let sdgs: Vec<(i64, String)> =
            sqlx::query_as("SELECT recommendation_id, sdg FROM upr_sdg_links")
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?;
        for (id, sdg) in sdgs {
            if let Some(facts) = by_id.get_mut(&id) {
                facts.sdgs.insert(sdg);
            }
        }
        let sources: Vec<(i64, String, String, i32)> = sqlx::query_as(
            "SELECT recommendation_id, kind, file, line FROM upr_recommendation_sources",
        )
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        for (id, kind, file, line) in sources {
            if let Some(facts) = by_id.get_mut(&id) {
                facts.sources.insert(SourceRef {
                    kind,
                    file,
                    line: line.max(0) as u64,
                });
            }
        }
        let mut stored = HashMap::with_capacity(keys.len());
        for (id, key) in keys {
            if let Some(facts) = by_id.remove(&id) {
                stored.insert(key, facts);
            }
        }
        let pledges: Vec<String> = sqlx::query_scalar("SELECT match_key FROM upr_pledges")
            .fetch_all(&mut *conn)
            .await
            .map_err(db)?;
        Ok((stored, pledges.into_iter().collect()))
    }

    /// Writes recommendations' child rows: recommending States (numbered on from `first`),
    /// themes, groups of persons, SDG links and sources. Rows already there are left alone.
    async fn write_children(
        conn: &mut DB::Connection,
        rows: &[Children<'_>],
    ) -> Result<(), StoreError> {
        let states: Vec<(i64, &str, i32)> = rows
            .iter()
            .flat_map(|c| {
                c.recommending
                    .iter()
                    .enumerate()
                    .map(move |(i, s)| (c.id, s.as_str(), c.first + i as i32))
            })
            .collect();
        for batch in states.chunks(BATCH) {
            let mut insert =
                Sql::new("INSERT INTO upr_recommending (recommendation_id, state, position) ");
            insert.push_values(batch, |row, (id, state, position)| {
                row.push_bind(*id).push_bind(*state).push_bind(*position);
            });
            insert.push(" ON CONFLICT DO NOTHING");
            insert.query().execute(&mut *conn).await.map_err(db)?;
        }
        let themes: Vec<(i64, &str, &str)> = rows
            .iter()
            .flat_map(|c| {
                let themes = c.themes.iter().map(move |t| (c.id, THEME, t.as_str()));
                let groups = c.groups.iter().map(move |g| (c.id, PERSONS, g.as_str()));
                themes.chain(groups)
            })
            .collect();
        for batch in themes.chunks(BATCH) {
            let mut insert = Sql::new("INSERT INTO upr_themes (recommendation_id, kind, theme) ");
            insert.push_values(batch, |row, (id, kind, theme)| {
                row.push_bind(*id).push_bind(*kind).push_bind(*theme);
            });
            insert.push(" ON CONFLICT DO NOTHING");
            insert.query().execute(&mut *conn).await.map_err(db)?;
        }
        let sdgs: Vec<(i64, &str)> = rows
            .iter()
            .flat_map(|c| c.sdgs.iter().map(move |s| (c.id, s.as_str())))
            .collect();
        let now = now_us();
        for batch in sdgs.chunks(BATCH) {
            let mut insert =
                Sql::new("INSERT INTO upr_sdg_links (recommendation_id, sdg, origin, added_at) ");
            insert.push_values(batch, |row, (id, sdg)| {
                row.push_bind(*id)
                    .push_bind(*sdg)
                    .push_bind("source")
                    .push_bind(now);
            });
            insert.push(" ON CONFLICT DO NOTHING");
            insert.query().execute(&mut *conn).await.map_err(db)?;
        }
        let sources: Vec<(i64, &SourceRef)> = rows
            .iter()
            .flat_map(|c| c.sources.iter().map(move |s| (c.id, s)))
            .collect();
        for batch in sources.chunks(BATCH) {
            let mut insert = Sql::new(
                "INSERT INTO upr_recommendation_sources (recommendation_id, kind, file, line) ",
            );
            insert.push_values(batch, |row, (id, source)| {
                row.push_bind(*id)
                    .push_bind(source.kind.as_str())
                    .push_bind(source.file.as_str())
                    .push_bind(i32::try_from(source.line).unwrap_or(i32::MAX));
            });
            insert.push(" ON CONFLICT DO NOTHING");
            insert.query().execute(&mut *conn).await.map_err(db)?;
        }
        Ok(())
    }

    async fn write_plan(
        conn: &mut DB::Connection,
        plan: &ImportPlan,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> Result<(), StoreError> {
        let mut done = 0;
        for batch in plan.create.chunks(BATCH) {
            let mut insert = Sql::new(
                "INSERT INTO upr_recommendations \
                 (match_key, reviewed, session, cycle, paragraph, text, response, action, assessment) ",
            );
            insert.push_values(batch, |row, r| {
                row.push_bind(r.key.as_str())
                    .push_bind(r.reviewed.as_str())
                    .push_bind(i32::try_from(r.session).unwrap_or(i32::MAX))
                    .push_bind(i32::from(r.cycle))
                    .push_bind(&r.paragraph)
                    .push_bind(r.text.as_str())
                    .push_bind(r.response.map(|x| x.slug().to_owned()))
                    .push_bind(r.action.map(|a| i32::from(a.number())))
                    .push_bind(&r.assessment);
            });
            insert.push(" RETURNING id, match_key");
            let ids: Vec<(i64, String)> =
                insert.query_as().fetch_all(&mut *conn).await.map_err(db)?;
            let ids: HashMap<String, i64> = ids.into_iter().map(|(id, key)| (key, id)).collect();
            let mut children = Vec::with_capacity(batch.len());
            for r in batch {
                let id = ids.get(&r.key).copied().ok_or_else(|| {
                    StoreError::database(format!("no id returned for recommendation {}", r.key))
                })?;
                children.push(Children {
                    id,
                    first: 0,
                    recommending: &r.recommending,
                    themes: &r.themes,
                    groups: &r.groups,
                    sdgs: &r.sdgs,
                    sources: &r.sources,
                });
            }
            Self::write_children(conn, &children).await?;
            done += batch.len();
            progress(done);
        }
        for batch in plan.add.chunks(BATCH) {
            for add in batch {
                if add.paragraph.is_some()
                    || add.response.is_some()
                    || add.action.is_some()
                    || add.assessment.is_some()
                {
                    let mut update = Sql::new("UPDATE upr_recommendations SET ");
                    update
                        .push("paragraph = COALESCE(paragraph, ")
                        .push_bind(&add.paragraph)
                        .push("), response = COALESCE(response, ")
                        .push_bind(add.response.map(|x| x.slug().to_owned()))
                        .push("), action = COALESCE(action, ")
                        .push_bind(add.action.map(|a| i32::from(a.number())))
                        .push("), assessment = COALESCE(assessment, ")
                        .push_bind(&add.assessment)
                        .push(") WHERE id = ")
                        .push_bind(add.id);
                    update.query().execute(&mut *conn).await.map_err(db)?;
                }
            }
            // New recommending States follow the stored ones.
            let ids: Vec<i64> = batch.iter().map(|a| a.id).collect();
            let mut positions = Sql::new(
                "SELECT recommendation_id, count(*) FROM upr_recommending WHERE recommendation_id IN ",
            );
            positions.push_list(ids).push(" GROUP BY recommendation_id");
            let counts: Vec<(i64, i64)> = positions
                .query_as()
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?;
            let counts: HashMap<i64, i64> = counts.into_iter().collect();
            let children: Vec<_> = batch
                .iter()
                .map(|a| Children {
                    id: a.id,
                    first: counts.get(&a.id).copied().unwrap_or(0) as i32,
                    recommending: &a.recommending,
                    themes: &a.themes,
                    groups: &a.groups,
                    sdgs: &a.sdgs,
                    sources: &a.sources,
                })
                .collect();
            Self::write_children(conn, &children).await?;
            done += batch.len();
            progress(done);
        }
        for batch in plan.create_pledges.chunks(BATCH) {
            let mut insert = Sql::new(
                "INSERT INTO upr_pledges (match_key, state, session, cycle, text, themes, \
                 source_kind, source_file, source_line) ",
            );
            insert.push_values(batch, |row, p: &IncomingPledge| {
                row.push_bind(p.key.as_str())
                    .push_bind(p.state.as_str())
                    .push_bind(i32::try_from(p.session).unwrap_or(i32::MAX))
                    .push_bind(i32::from(p.cycle))
                    .push_bind(p.text.as_str())
                    .push_bind(serde_json::to_string(&p.themes).unwrap_or_else(|_| "[]".into()))
                    .push_unseparated(DB::JSON)
                    .push_bind(p.source.kind.as_str())
                    .push_bind(p.source.file.as_str())
                    .push_bind(i32::try_from(p.source.line).unwrap_or(i32::MAX));
            });
            insert.push(" ON CONFLICT (match_key) DO NOTHING");
            insert.query().execute(&mut *conn).await.map_err(db)?;
            done += batch.len();
            progress(done);
        }
        Ok(())
    }

    /// Appends the WHERE clause of a listing's filter (columns of `r`, upr_recommendations).
    fn push_filter(query: &mut Sql, filter: &RecommendationFilter) {
        query.push(" WHERE 1 = 1");
        if let Some(reviewed) = &filter.reviewed {
            query.push(" AND r.reviewed = ").push_bind(reviewed);
        }
        if let Some(cycle) = filter.cycle {
            query.push(" AND r.cycle = ").push_bind(i32::from(cycle));
        }
        if let Some(session) = filter.session {
            query
                .push(" AND r.session = ")
                .push_bind(i32::try_from(session).unwrap_or(i32::MAX));
        }
        match filter.response {
            Some(ResponseFilter::Is(response)) => {
                query.push(" AND r.response = ").push_bind(response.slug());
            }
            Some(ResponseFilter::NotRecorded) => {
                query.push(" AND r.response IS NULL");
            }
            None => {}
        }
        if let Some(action) = filter.action {
            query
                .push(" AND r.action = ")
                .push_bind(i32::from(action.number()));
        }
        if let Some(state) = &filter.recommending {
            query
                .push(
                    " AND EXISTS (SELECT 1 FROM upr_recommending s \
                     WHERE s.recommendation_id = r.id AND s.state = ",
                )
                .push_bind(state)
                .push(")");
        }
        if let Some(theme) = &filter.theme {
            query
                .push(
                    " AND EXISTS (SELECT 1 FROM upr_themes t \
                     WHERE t.recommendation_id = r.id AND t.kind = 'theme' AND t.theme = ",
                )
                .push_bind(theme)
                .push(")");
        }
        if let Some(sdg) = &filter.sdg {
            // A goal finds its own links and its targets' ("16" finds "16.3").
            query
                .push(
                    " AND EXISTS (SELECT 1 FROM upr_sdg_links l \
                     WHERE l.recommendation_id = r.id AND (l.sdg = ",
                )
                .push_bind(sdg)
                .push(" OR substr(l.sdg, 1, ")
                .push_bind(i32::try_from(sdg.len() + 1).unwrap_or(i32::MAX))
                .push(") = ")
                .push_bind(format!("{sdg}."))
                .push("))");
        }
    }

    /// Refreshes the query planner's statistics of the review's tables after an import changed
    /// them. SQLite gathers none by itself: without them, after the first import, it joins the
    /// themes from the wrong end and each of a State page's theme counts reads every tagged
    /// recommendation (40–50 ms instead of 1–2 for a State with 500 recommendations); a fresh
    /// PostgreSQL table is in the same case until autovacuum comes by. Best effort: the import
    /// has committed, and the statistics only make reads faster.
    async fn refresh_statistics(&self) {
        // Names of the schema's own tables, never input.
        for table in [
            "upr_recommendations",
            "upr_recommending",
            "upr_themes",
            "upr_recommendation_sources",
            "upr_pledges",
            "upr_sdg_links",
        ] {
            let _ = sqlx::query(&format!("ANALYZE {table}"))
                .execute(&self.pool)
                .await;
        }
    }

    /// The recommending States, themes and sources of these recommendations.
    async fn complete(
        &self,
        rows: Vec<RecommendationRow>,
    ) -> Result<Vec<RecommendationRecord>, StoreError> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
        let mut conn = self.pool.acquire().await.map_err(db)?;
        let children = Self::children(&mut conn, Some(&ids)).await?;
        Ok(assemble(rows, children))
    }

    /// The rows hanging from the recommendations `ids` (all of them when `None`), each table in
    /// one query, in the order the records list them.
    async fn children(
        conn: &mut DB::Connection,
        ids: Option<&[i64]>,
    ) -> Result<ChildRows, StoreError> {
        let restrict = |query: &mut Sql| {
            if let Some(ids) = ids {
                query
                    .push(" WHERE recommendation_id IN ")
                    .push_list(ids.iter().copied());
            }
        };
        let mut states = Sql::new("SELECT recommendation_id, state FROM upr_recommending");
        restrict(&mut states);
        states.push(" ORDER BY recommendation_id, position");
        let states: Vec<(i64, String)> =
            states.query_as().fetch_all(&mut *conn).await.map_err(db)?;
        let mut themes = Sql::new("SELECT recommendation_id, kind, theme FROM upr_themes");
        restrict(&mut themes);
        themes.push(format!(
            " ORDER BY recommendation_id, theme{}",
            DB::BYTEWISE
        ));
        let themes: Vec<(i64, String, String)> =
            themes.query_as().fetch_all(&mut *conn).await.map_err(db)?;
        let mut sources =
            Sql::new("SELECT recommendation_id, kind, file, line FROM upr_recommendation_sources");
        restrict(&mut sources);
        sources.push(format!(
            " ORDER BY recommendation_id, kind{b}, file{b}, line",
            b = DB::BYTEWISE
        ));
        let sources: Vec<(i64, String, String, i32)> =
            sources.query_as().fetch_all(&mut *conn).await.map_err(db)?;
        let mut links = Sql::new(
            "SELECT recommendation_id, sdg, origin, added_by, added_at FROM upr_sdg_links",
        );
        restrict(&mut links);
        links.push(format!(" ORDER BY recommendation_id, sdg{}", DB::BYTEWISE));
        let links: Vec<(i64, String, String, Option<i64>, i64)> =
            links.query_as().fetch_all(&mut *conn).await.map_err(db)?;
        Ok(ChildRows {
            states,
            themes,
            sources,
            links,
        })
    }

    /// Counts of recommendations (each once per key, however many joined rows it has) by `key` (an SQL expression over `r` and the joins of
    /// `from`) and response; `bound` is the value of the one placeholder `from` ends with.
    async fn grouped(
        &self,
        key: &str,
        from: &str,
        bound: Option<&str>,
        order: GroupOrder,
    ) -> Result<Vec<GroupCount>, StoreError> {
        let mut query = Sql::new(format!(
            "SELECT {key} AS k, r.response, count(DISTINCT r.id) {from}"
        ));
        if let Some(value) = bound {
            query.push_bind(value);
        }
        query.push(" GROUP BY k, r.response");
        let rows: Vec<(String, Option<String>, i64)> =
            query.query_as().fetch_all(&self.pool).await.map_err(db)?;
        let mut groups: Vec<GroupCount> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (key, response, n) in rows {
            let i = *index.entry(key.clone()).or_insert_with(|| {
                groups.push(GroupCount {
                    key,
                    responses: ResponseCounts::default(),
                });
                groups.len() - 1
            });
            groups[i]
                .responses
                .add(response_of(response), n.max(0) as u64);
        }
        match order {
            GroupOrder::MostFirst => groups.sort_by(|a, b| {
                b.responses
                    .total()
                    .cmp(&a.responses.total())
                    .then_with(|| a.key.cmp(&b.key))
            }),
            GroupOrder::Key => groups.sort_by(|a, b| natural(&a.key).cmp(&natural(&b.key))),
        }
        Ok(groups)
    }

    /// The stored SDG framework, in the official order.
    async fn read_framework(conn: &mut DB::Connection) -> Result<SdgFramework, StoreError> {
        let titles = |row: &DB::Row, prefix: &str| -> Result<NamesRecord, sqlx::Error> {
            Ok(NamesRecord {
                ar: row.try_get(format!("{prefix}_ar").as_str())?,
                en: row.try_get(format!("{prefix}_en").as_str())?,
                fr: row.try_get(format!("{prefix}_fr").as_str())?,
                es: row.try_get(format!("{prefix}_es").as_str())?,
                ru: row.try_get(format!("{prefix}_ru").as_str())?,
                zh: row.try_get(format!("{prefix}_zh").as_str())?,
            })
        };
        let goals = sqlx::query(&format!(
            "SELECT number, {}, {} FROM sdg_goals ORDER BY number",
            title_columns("title"),
            title_columns("short")
        ))
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let goals = goals
            .iter()
            .map(|row| {
                Ok(SdgGoalRecord {
                    number: row.try_get::<i32, _>("number")?.clamp(0, 255) as u8,
                    titles: titles(row, "title")?,
                    short_titles: titles(row, "short")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()
            .map_err(db)?;
        let targets = sqlx::query(&format!(
            "SELECT code, goal, position, {} FROM sdg_targets ORDER BY goal, position",
            title_columns("title")
        ))
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let targets = targets
            .iter()
            .map(|row| {
                Ok(SdgTargetRecord {
                    code: row.try_get("code")?,
                    goal: row.try_get::<i32, _>("goal")?.clamp(0, 255) as u8,
                    position: row.try_get::<i32, _>("position")?.max(0) as u32,
                    titles: titles(row, "title")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()
            .map_err(db)?;
        let order: HashMap<&str, usize> = targets
            .iter()
            .enumerate()
            .map(|(i, t)| (t.code.as_str(), i))
            .collect();
        let indicators = sqlx::query(&format!(
            "SELECT code, target, position, {} FROM sdg_indicators",
            title_columns("title")
        ))
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let mut indicators = indicators
            .iter()
            .map(|row| {
                Ok(SdgIndicatorRecord {
                    code: row.try_get("code")?,
                    target: row.try_get("target")?,
                    position: row.try_get::<i32, _>("position")?.max(0) as u32,
                    titles: titles(row, "title")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()
            .map_err(db)?;
        indicators.sort_by_key(|i| (order.get(i.target.as_str()).copied(), i.position));
        Ok(SdgFramework {
            goals,
            targets,
            indicators,
        })
    }
}

/// `prefix_ar, prefix_en, …` in the order of [`NamesRecord::all`].
fn title_columns(prefix: &str) -> String {
    ["ar", "en", "fr", "es", "ru", "zh"]
        .map(|lang| format!("{prefix}_{lang}"))
        .join(", ")
}

/// The row a recommendation is read from, before its States, themes and sources are added.
type RecommendationRow = (
    i64,
    String,
    i32,
    i32,
    Option<String>,
    String,
    Option<String>,
    Option<i32>,
    Option<String>,
);

/// A pledge from its row (`themes` read as text).
fn pledge_of<DB: Engine>(row: &DB::Row) -> Result<PledgeRecord, StoreError>
where
    for<'a> &'a str: ColumnIndex<DB::Row>,
    i64: Column<DB>,
    i32: Column<DB>,
    String: Column<DB>,
{
    let read = || -> Result<PledgeRecord, sqlx::Error> {
        let themes: String = row.try_get("themes")?;
        Ok(PledgeRecord {
            id: row.try_get("id")?,
            state: row.try_get("state")?,
            session: row.try_get::<i32, _>("session")?.max(0) as u32,
            cycle: row.try_get::<i32, _>("cycle")?.clamp(0, 255) as u8,
            text: row.try_get("text")?,
            themes: serde_json::from_str(&themes).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            source: SourceRef {
                kind: row.try_get("source_kind")?,
                file: row.try_get("source_file")?,
                line: row.try_get::<i32, _>("source_line")?.max(0) as u64,
            },
        })
    };
    read().map_err(db)
}

/// Raises the review's generation, in the transaction of the write that changed its records.
async fn bump_upr_stamp<DB: Engine>(conn: &mut DB::Connection) -> Result<(), StoreError>
where
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    for<'q> DB::Arguments<'q>: IntoArguments<'q, DB>,
{
    sqlx::query("UPDATE record_stamps SET generation = generation + 1 WHERE body = 'upr'")
        .execute(conn)
        .await
        .map_err(db)?;
    Ok(())
}

/// The rows of the tables that hang from recommendations.
struct ChildRows {
    states: Vec<(i64, String)>,
    themes: Vec<(i64, String, String)>,
    sources: Vec<(i64, String, String, i32)>,
    links: Vec<(i64, String, String, Option<i64>, i64)>,
}

/// Recommendations from their rows and their children's, in the rows' order.
fn assemble(rows: Vec<RecommendationRow>, children: ChildRows) -> Vec<RecommendationRecord> {
    let order: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let mut by_id: HashMap<i64, RecommendationRecord> = HashMap::with_capacity(rows.len());
    for (id, reviewed, session, cycle, paragraph, text, response, action, assessment) in rows {
        by_id.insert(
            id,
            RecommendationRecord {
                id,
                reviewed,
                session: session.max(0) as u32,
                cycle: cycle.clamp(0, 255) as u8,
                paragraph,
                text,
                recommending: Vec::new(),
                response: response_of(response),
                action: action_of(action),
                themes: Vec::new(),
                groups: Vec::new(),
                sdgs: Vec::new(),
                assessment,
                sources: Vec::new(),
            },
        );
    }
    for (id, state) in children.states {
        if let Some(r) = by_id.get_mut(&id) {
            r.recommending.push(state);
        }
    }
    for (id, kind, theme) in children.themes {
        if let Some(r) = by_id.get_mut(&id) {
            match kind.as_str() {
                PERSONS => r.groups.push(theme),
                _ => r.themes.push(theme),
            }
        }
    }
    for (id, sdg, origin, added_by, added_at) in children.links {
        if let Some(r) = by_id.get_mut(&id) {
            r.sdgs.push(SdgLink {
                sdg,
                origin,
                added_by,
                added_at,
            });
        }
    }
    for (id, kind, file, line) in children.sources {
        if let Some(r) = by_id.get_mut(&id) {
            r.sources.push(SourceRef {
                kind,
                file,
                line: line.max(0) as u64,
            });
        }
    }
    order
        .into_iter()
        .filter_map(|id| by_id.remove(&id))
        .collect()
}

/// What an import compares of a stored recommendation's own row.
type StoredRow = (
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<i32>,
    Option<String>,
);

/// The words of `upr_themes.kind`.
const THEME: &str = "theme";
const PERSONS: &str = "persons";

/// A recommendation's rows in the tables that hang from it, to be written.
struct Children<'a> {
    id: i64,
    /// The position of the first recommending State written (those stored come before).
    first: i32,
    recommending: &'a [String],
    themes: &'a [String],
    groups: &'a [String],
    sdgs: &'a [String],
    sources: &'a [SourceRef],
}

#[derive(Clone, Copy)]
enum GroupOrder {
    /// The largest groups first.
    MostFirst,
    /// By key, numbers as numbers.
    Key,
}

/// Keys that are numbers sort as numbers ("9" before "10"); others as text.
fn natural(key: &str) -> (u64, &str) {
    (key.parse().unwrap_or(u64::MAX), key)
}

#[async_trait]
impl<DB> UprStore for SqlUpr<DB>
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
    async fn plan_upr_import(
        &self,
        recommendations: Vec<IncomingRecommendation>,
        pledges: Vec<IncomingPledge>,
    ) -> Result<ImportPlan, StoreError> {
        let mut tx = DB::begin_snapshot(&self.pool).await.map_err(db)?;
        let (stored, stored_pledges) = Self::stored_facts(&mut tx).await?;
        tx.commit().await.map_err(db)?;
        Ok(plan_import(
            recommendations,
            pledges,
            &stored,
            &stored_pledges,
        ))
    }

    async fn import_upr(
        &self,
        context: &ChangeContext,
        recommendations: Vec<IncomingRecommendation>,
        pledges: Vec<IncomingPledge>,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> Result<UprImportReport, StoreError> {
        let mut sources: BTreeSet<String> = BTreeSet::new();
        for r in &recommendations {
            for s in &r.sources {
                sources.insert(s.file.clone());
            }
        }
        for p in &pledges {
            sources.insert(p.source.file.clone());
        }
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        let (stored, stored_pledges) = Self::stored_facts(&mut tx).await?;
        let plan = plan_import(recommendations, pledges, &stored, &stored_pledges);
        let report = plan.report();
        if plan.changes_nothing() {
            tx.rollback().await.map_err(db)?;
            return Ok(report);
        }
        Self::write_plan(&mut tx, &plan, progress).await?;
        bump_upr_stamp::<DB>(&mut tx).await?;
        let sources: Vec<String> = sources.into_iter().collect();
        AuditTrail::<DB>::append(&mut tx, context, upr_change(&report, &sources)).await?;
        tx.commit().await.map_err(db)?;
        self.refresh_statistics().await;
        Ok(report)
    }

    async fn list_recommendations(
        &self,
        filter: &RecommendationFilter,
        paging: Paging,
    ) -> Result<RecommendationPage, StoreError> {
        let mut counts = Sql::new("SELECT r.response, count(*) FROM upr_recommendations r");
        Self::push_filter(&mut counts, filter);
        counts.push(" GROUP BY r.response");
        let counts: Vec<(Option<String>, i64)> =
            counts.query_as().fetch_all(&self.pool).await.map_err(db)?;
        let mut responses = ResponseCounts::default();
        for (response, n) in counts {
            responses.add(response_of(response), n.max(0) as u64);
        }
        let mut query = Sql::new(
            "SELECT r.id, r.reviewed, r.session, r.cycle, r.paragraph, r.text, r.response, r.action, \
             r.assessment FROM upr_recommendations r",
        );
        Self::push_filter(&mut query, filter);
        query
            .push(format!(
                " ORDER BY r.session DESC, r.reviewed{}, r.id LIMIT ",
                DB::BYTEWISE
            ))
            .push_bind(i64::from(paging.per_page))
            .push(" OFFSET ")
            .push_bind(paging.offset() as i64);
        let rows = query.query_as().fetch_all(&self.pool).await.map_err(db)?;
        let items = self.complete(rows).await?;
        Ok(RecommendationPage {
            page: Page {
                items,
                total: responses.total(),
                page: paging.page,
                per_page: paging.per_page,
            },
            responses,
        })
    }

    async fn count_by_reviewed(
        &self,
        filter: &RecommendationFilter,
    ) -> Result<Vec<GroupCount>, StoreError> {
        let mut query =
            Sql::new("SELECT r.reviewed, r.response, count(*) FROM upr_recommendations r");
        Self::push_filter(&mut query, filter);
        query.push(" GROUP BY r.reviewed, r.response");
        let rows: Vec<(String, Option<String>, i64)> =
            query.query_as().fetch_all(&self.pool).await.map_err(db)?;
        let mut groups: Vec<GroupCount> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (key, response, n) in rows {
            let i = *index.entry(key.clone()).or_insert_with(|| {
                groups.push(GroupCount {
                    key,
                    responses: ResponseCounts::default(),
                });
                groups.len() - 1
            });
            groups[i]
                .responses
                .add(response_of(response), n.max(0) as u64);
        }
        groups.sort_by(|a, b| {
            b.responses
                .total()
                .cmp(&a.responses.total())
                .then_with(|| a.key.cmp(&b.key))
        });
        Ok(groups)
    }

    async fn get_recommendation(
        &self,
        id: i64,
    ) -> Result<Option<RecommendationRecord>, StoreError> {
        let rows = sqlx::query_as(
            "SELECT id, reviewed, session, cycle, paragraph, text, response, action, assessment \
             FROM upr_recommendations WHERE id = $1",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(self.complete(rows).await?.pop())
    }

    async fn state_review(&self, iso3: &str) -> Result<StateReview, StoreError> {
        const RECEIVED: &str = "WHERE r.reviewed = ";
        const MADE: &str = "JOIN upr_recommending s ON s.recommendation_id = r.id WHERE s.state = ";
        let received_by_session = self
            .grouped(
                "CAST(r.session AS TEXT)",
                &format!("FROM upr_recommendations r {RECEIVED}"),
                Some(iso3),
                GroupOrder::Key,
            )
            .await?;
        let received_by_theme_and_cycle = self
            .grouped(
                "CAST(r.cycle AS TEXT) || ':' || t.theme",
                &format!(
                    "FROM upr_recommendations r JOIN upr_themes t ON t.recommendation_id = r.id \
                     AND t.kind = 'theme' {RECEIVED}"
                ),
                Some(iso3),
                GroupOrder::MostFirst,
            )
            .await?;
        let received_by_group = self
            .grouped(
                "COALESCE(st.regional_group, 'none')",
                &format!(
                    "FROM upr_recommendations r JOIN upr_recommending s ON s.recommendation_id = r.id \
                     LEFT JOIN states st ON st.iso3 = s.state {RECEIVED}"
                ),
                Some(iso3),
                GroupOrder::MostFirst,
            )
            .await?;
        let received_by_state = self
            .grouped(
                "s.state",
                &format!(
                    "FROM upr_recommendations r JOIN upr_recommending s ON s.recommendation_id = r.id {RECEIVED}"
                ),
                Some(iso3),
                GroupOrder::MostFirst,
            )
            .await?;
        let made_by_reviewed = self
            .grouped(
                "r.reviewed",
                &format!("FROM upr_recommendations r {MADE}"),
                Some(iso3),
                GroupOrder::MostFirst,
            )
            .await?;
        let made_by_theme = self
            .grouped(
                "t.theme",
                &format!(
                    "FROM upr_recommendations r JOIN upr_themes t ON t.recommendation_id = r.id \
                     AND t.kind = 'theme' {MADE}"
                ),
                Some(iso3),
                GroupOrder::MostFirst,
            )
            .await?;
        Ok(StateReview {
            received_by_session,
            received_by_theme_and_cycle,
            received_by_group,
            received_by_state,
            made_by_reviewed,
            made_by_theme,
        })
    }

    async fn pledges_of(&self, iso3: &str) -> Result<Vec<PledgeRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT id, state, session, cycle, text, {} AS themes, source_kind, source_file, \
             source_line FROM upr_pledges WHERE state = $1 ORDER BY session, id",
            DB::text("themes")
        ))
        .bind(iso3)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(pledge_of::<DB>).collect()
    }

    async fn all_recommendations(&self) -> Result<Vec<RecommendationRecord>, StoreError> {
        let mut tx = DB::begin_snapshot(&self.pool).await.map_err(db)?;
        let rows: Vec<RecommendationRow> = sqlx::query_as(
            "SELECT id, reviewed, session, cycle, paragraph, text, response, action, assessment \
             FROM upr_recommendations ORDER BY id",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let children = Self::children(&mut tx, None).await?;
        tx.commit().await.map_err(db)?;
        Ok(assemble(rows, children))
    }

    async fn all_pledges(&self) -> Result<Vec<PledgeRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT id, state, session, cycle, text, {} AS themes, source_kind, source_file, \
             source_line FROM upr_pledges ORDER BY id",
            DB::text("themes")
        ))
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(pledge_of::<DB>).collect()
    }

    async fn upr_stamp(&self) -> Result<i64, StoreError> {
        let generation: Option<i64> =
            sqlx::query_scalar("SELECT generation FROM record_stamps WHERE body = 'upr'")
                .fetch_optional(&self.pool)
                .await
                .map_err(db)?;
        Ok(generation.unwrap_or(0))
    }

    async fn review_overview(&self) -> Result<ReviewOverview, StoreError> {
        let sessions = self
            .grouped(
                "CAST(r.session AS TEXT)",
                "FROM upr_recommendations r",
                None,
                GroupOrder::Key,
            )
            .await?;
        let themes = self
            .grouped(
                "t.theme",
                "FROM upr_recommendations r JOIN upr_themes t ON t.recommendation_id = r.id \
                 AND t.kind = 'theme'",
                None,
                GroupOrder::MostFirst,
            )
            .await?;
        let states: Vec<(i32, i64)> = sqlx::query_as(
            "SELECT session, count(DISTINCT reviewed) FROM upr_recommendations \
             GROUP BY session ORDER BY session",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let pledges: i64 = sqlx::query_scalar("SELECT count(*) FROM upr_pledges")
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        Ok(ReviewOverview {
            sessions,
            themes,
            states_per_session: states
                .into_iter()
                .map(|(s, n)| (s.max(0) as u32, n.max(0) as u64))
                .collect(),
            pledges: pledges.max(0) as u64,
        })
    }

    async fn import_sdgs(
        &self,
        context: &ChangeContext,
        framework: &SdgFramework,
    ) -> Result<SdgImportReport, StoreError> {
        let report = |changed| SdgImportReport {
            changed,
            goals: framework.goals.len(),
            targets: framework.targets.len(),
            indicators: framework.indicators.len(),
        };
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        if Self::read_framework(&mut tx).await? == *framework {
            tx.rollback().await.map_err(db)?;
            return Ok(report(false));
        }
        for table in ["sdg_indicators", "sdg_targets", "sdg_goals"] {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        for batch in framework.goals.chunks(BATCH) {
            let mut insert = Sql::new(format!(
                "INSERT INTO sdg_goals (number, {}, {}) ",
                title_columns("title"),
                title_columns("short")
            ));
            insert.push_values(batch, |row, goal| {
                row.push_bind(i32::from(goal.number));
                for (_, title) in goal.titles.all() {
                    row.push_bind(title);
                }
                for (_, title) in goal.short_titles.all() {
                    row.push_bind(title);
                }
            });
            insert.query().execute(&mut *tx).await.map_err(db)?;
        }
        for batch in framework.targets.chunks(BATCH) {
            let mut insert = Sql::new(format!(
                "INSERT INTO sdg_targets (code, goal, position, {}) ",
                title_columns("title")
            ));
            insert.push_values(batch, |row, target| {
                row.push_bind(target.code.as_str())
                    .push_bind(i32::from(target.goal))
                    .push_bind(i32::try_from(target.position).unwrap_or(i32::MAX));
                for (_, title) in target.titles.all() {
                    row.push_bind(title);
                }
            });
            insert.query().execute(&mut *tx).await.map_err(db)?;
        }
        for batch in framework.indicators.chunks(BATCH) {
            let mut insert = Sql::new(format!(
                "INSERT INTO sdg_indicators (code, target, position, {}) ",
                title_columns("title")
            ));
            insert.push_values(batch, |row, indicator| {
                row.push_bind(indicator.code.as_str())
                    .push_bind(indicator.target.as_str())
                    .push_bind(i32::try_from(indicator.position).unwrap_or(i32::MAX));
                for (_, title) in indicator.titles.all() {
                    row.push_bind(title);
                }
            });
            insert.query().execute(&mut *tx).await.map_err(db)?;
        }
        let change = Change::new("import", "reference-data", "sdg").after(&serde_json::json!({
            "goals": framework.goals.len(),
            "targets": framework.targets.len(),
            "indicators": framework.indicators.len(),
        }));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        bump_upr_stamp::<DB>(&mut tx).await?;
        tx.commit().await.map_err(db)?;
        Ok(report(true))
    }

    async fn sdg_framework(&self) -> Result<SdgFramework, StoreError> {
        let mut tx = DB::begin_snapshot(&self.pool).await.map_err(db)?;
        let framework = Self::read_framework(&mut tx).await?;
        tx.commit().await.map_err(db)?;
        Ok(framework)
    }

    async fn add_sdg_link(
        &self,
        context: &ChangeContext,
        recommendation: i64,
        sdg: &str,
        by: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        let inserted = sqlx::query(
            "INSERT INTO upr_sdg_links (recommendation_id, sdg, origin, added_by, added_at) \
             VALUES ($1, $2, 'secretariat', $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(recommendation)
        .bind(sdg)
        .bind(by)
        .bind(now_us())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if DB::rows_affected(&inserted) == 0 {
            tx.rollback().await.map_err(db)?;
            return Ok(false);
        }
        let change = Change::new("link-sdg", "upr-recommendation", recommendation.to_string())
            .after(&serde_json::json!({ "sdg": sdg }));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        bump_upr_stamp::<DB>(&mut tx).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn remove_sdg_link(
        &self,
        context: &ChangeContext,
        recommendation: i64,
        sdg: &str,
    ) -> Result<bool, StoreError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        let removed: Option<(String, Option<i64>)> = sqlx::query_as(
            "DELETE FROM upr_sdg_links WHERE recommendation_id = $1 AND sdg = $2 \
             RETURNING origin, added_by",
        )
        .bind(recommendation)
        .bind(sdg)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some((origin, added_by)) = removed else {
            tx.rollback().await.map_err(db)?;
            return Ok(false);
        };
        let change = Change::new(
            "unlink-sdg",
            "upr-recommendation",
            recommendation.to_string(),
        )
        .before(&serde_json::json!({ "sdg": sdg, "origin": origin, "added_by": added_by }));
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        bump_upr_stamp::<DB>(&mut tx).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }
}
