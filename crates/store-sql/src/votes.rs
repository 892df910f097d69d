//! Recorded votes on either engine.

use std::collections::HashMap;

use futures_util::TryStreamExt;
use sqlx::{ColumnIndex, Encode, Executor, IntoArguments, Row, Type};
use taawun_store::{
    RollCallInfo, RollCallVotes, StateVote, StoreError, VoteFilter, VoteImportReport, VoteTable,
    VoteTableBuilder, VotesStamp, pack_ballot,
};
use taawun_votes::{Dataset, VoteChoice};

use crate::sql::Sql;
use crate::store::SqlStore;
use crate::{Column, Engine, db};

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
    pub(crate) async fn import_roll_calls(
        &self,
        context: &taawun_audit::ChangeContext,
        dataset: &Dataset,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> Result<VoteImportReport, StoreError> {
        let mut report = VoteImportReport::default();
        let Some(body_code) = dataset.roll_calls.first().map(|r| r.body) else {
            return Ok(report);
        };
        let body = body_code.slug();
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        let stored: Vec<(String, bool)> = sqlx::query_as(&format!(
            "SELECT source_id, issues = '[]'{} FROM roll_calls WHERE body = $1",
            DB::JSON
        ))
        .bind(body)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let without_issues: std::collections::HashSet<String> = stored
            .iter()
            .filter(|(_, empty)| *empty)
            .map(|(id, _)| id.clone())
            .collect();
        let existing: std::collections::HashSet<String> =
            stored.into_iter().map(|(id, _)| id).collect();

        // The tallies, stored with the roll call so that listings need not count votes.
        let mut tallies: HashMap<&str, [i32; 3]> = HashMap::new();
        for vote in &dataset.votes {
            let slot = match vote.choice {
                VoteChoice::Yes => 0,
                VoteChoice::No => 1,
                VoteChoice::Abstain => 2,
                _ => continue,
            };
            tallies.entry(vote.roll_call_id.as_str()).or_default()[slot] += 1;
        }
        let mut ballots: HashMap<&str, Vec<(&str, VoteChoice)>> = HashMap::new();
        for vote in &dataset.votes {
            ballots
                .entry(vote.roll_call_id.as_str())
                .or_default()
                .push((vote.state.as_str(), vote.choice));
        }
        let new_roll_calls: Vec<&taawun_votes::RollCall> = dataset
            .roll_calls
            .iter()
            .filter(|r| !existing.contains(&r.id))
            .collect();
        report.roll_calls_existing = dataset.roll_calls.len() - new_roll_calls.len();
        let mut ids: HashMap<&str, i64> = HashMap::new();
        // Many rows per INSERT: one round trip per 500 roll calls rather than per roll call.
        for batch in new_roll_calls.chunks(500) {
            let mut insert = Sql::new(
                "INSERT INTO roll_calls (body, source_id, symbol, date, session, title, amendment, paragraph_vote,
                    important, draft, issues, yes_count, no_count, abstain_count, ballot, day_known, description) ",
            );
            insert.push_values(batch, |row, r| {
                let [yes, no, abstain] = tallies.get(r.id.as_str()).copied().unwrap_or_default();
                row.push_bind(body)
                    .push_bind(&r.id)
                    .push_bind(&r.symbol)
                    .push_bind(r.date.to_string())
                    .push_unseparated(DB::DATE)
                    .push_bind(r.session.map(|n| n as i32))
                    .push_bind(&r.title)
                    .push_bind(r.amendment)
                    .push_bind(r.paragraph_vote)
                    .push_bind(r.important)
                    .push_bind(r.draft)
                    .push_bind(serde_json::to_string(&r.issues).unwrap_or_else(|_| "[]".into()))
                    .push_unseparated(DB::JSON)
                    .push_bind(yes)
                    .push_bind(no)
                    .push_bind(abstain)
                    .push_bind(pack_ballot(
                        ballots.get(r.id.as_str()).into_iter().flatten().copied(),
                    ))
                    .push_bind(r.day_known)
                    .push_bind(r.description.as_str());
            });
            insert.push(" RETURNING id, source_id");
            let returned: Vec<(i64, String)> =
                insert.query_as().fetch_all(&mut *tx).await.map_err(db)?;
            for (id, source_id) in returned {
                if let Some(r) = batch.iter().find(|r| r.id == source_id) {
                    ids.insert(r.id.as_str(), id);
                }
            }
            report.roll_calls_created += batch.len();
        }
        let new_votes: Vec<(i64, &str, &str)> = dataset
            .votes
            .iter()
            .filter_map(|v| {
                ids.get(v.roll_call_id.as_str())
                    .map(|id| (*id, v.state.as_str(), v.choice.slug()))
            })
            .collect();
        report.votes_written = DB::insert_votes(&mut tx, &new_votes, progress).await?;
        if report.roll_calls_created > 0 {
            // Which roll call speaks for its symbol in the registry: the vote on the whole text
            // (not an amendment or a paragraph), the latest if the whole was voted more than once.
            sqlx::query(
                "UPDATE roll_calls SET principal = (id = (SELECT c.id FROM roll_calls c WHERE c.symbol = roll_calls.symbol
                     ORDER BY c.amendment, c.paragraph_vote, c.date DESC, c.id DESC LIMIT 1))
                 WHERE body = $1 AND symbol IS NOT NULL",
            )
            .bind(body)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        let linked: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM roll_calls WHERE body = $1 AND symbol IN (SELECT symbol FROM resolutions)",
        )
        .bind(body)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        report.linked_to_registry = linked as usize;
        // Roll calls imported earlier without their issues (the issues file was missing) get them
        // now: a complete folder repairs an incomplete first import.
        for (source_id, issues) in taawun_store::issues_to_complete(dataset, &without_issues) {
            sqlx::query(&format!(
                "UPDATE roll_calls SET issues = $1{} WHERE body = $2 AND source_id = $3",
                DB::JSON
            ))
            .bind(issues)
            .bind(body)
            .bind(source_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            report.roll_calls_completed += 1;
        }
        if report.roll_calls_created > 0 || report.roll_calls_completed > 0 {
            Self::bump_stamp(&mut tx, body_code).await?;
            crate::audit::AuditTrail::<DB>::append(
                &mut tx,
                context,
                taawun_store::votes_change(body, &new_roll_calls, &report),
            )
            .await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(report)
    }

    pub(crate) async fn roll_calls_for(
        &self,
        symbol: &str,
    ) -> Result<Vec<RollCallVotes>, StoreError> {
        let roll_calls = sqlx::query(&format!(
            "SELECT id, body, source_id, symbol, {} AS date, title, yes_count, no_count, abstain_count,
                    amendment, paragraph_vote, principal, draft, day_known, description
             FROM roll_calls WHERE symbol = $1 ORDER BY principal DESC, date, id",
            DB::text("date")
        ))
        .bind(symbol)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let mut out = Vec::with_capacity(roll_calls.len());
        for row in roll_calls {
            let id: i64 = row.try_get("id").map_err(db)?;
            let votes: Vec<(String, String)> = sqlx::query_as(
                "SELECT state, choice FROM votes WHERE roll_call_id = $1 ORDER BY state",
            )
            .bind(id)
            .fetch_all(&self.pool)
            .await
            .map_err(db)?;
            out.push(RollCallVotes {
                body: body_column(&row)?,
                source_id: row.try_get("source_id").map_err(db)?,
                symbol: row.try_get("symbol").map_err(db)?,
                date: row.try_get("date").map_err(db)?,
                title: row.try_get("title").map_err(db)?,
                amendment: row.try_get("amendment").map_err(db)?,
                paragraph_vote: row.try_get("paragraph_vote").map_err(db)?,
                principal: row.try_get("principal").map_err(db)?,
                draft: row.try_get("draft").map_err(db)?,
                day_known: row.try_get("day_known").map_err(db)?,
                description: row.try_get("description").map_err(db)?,
                yes: row.try_get::<i32, _>("yes_count").map_err(db)? as u32,
                no: row.try_get::<i32, _>("no_count").map_err(db)? as u32,
                abstain: row.try_get::<i32, _>("abstain_count").map_err(db)? as u32,
                votes: votes
                    .into_iter()
                    .map(|(state, choice)| StateVote { state, choice })
                    .collect(),
            });
        }
        Ok(out)
    }

    fn push_vote_filter(query: &mut Sql, filter: &VoteFilter) {
        if let Some(body) = filter.body {
            query.push(" AND r.body = ").push_bind(body.slug());
        }
        if let Some(from) = &filter.from {
            query.push(" AND r.date >= ").push_bind(from).push(DB::DATE);
        }
        if let Some(to) = &filter.to {
            query.push(" AND r.date <= ").push_bind(to).push(DB::DATE);
        }
        if let Some(session) = filter.session {
            query.push(" AND r.session = ").push_bind(session as i32);
        }
        if let Some(issue) = &filter.issue {
            // The placeholder is the next one this statement binds.
            let placeholder = format!("${}", query.bound() + 1);
            query.push(" AND ");
            query.push(DB::json_array_has("r.issues", &placeholder));
            query.bind_only(issue);
        }
    }

    pub(crate) async fn vote_matrix(&self, filter: &VoteFilter) -> Result<VoteTable, StoreError> {
        let mut builder = VoteTableBuilder::new();
        let mut roll_calls = Sql::new(format!(
            "SELECT r.id, r.body, r.source_id, r.symbol, {} AS date, r.session, r.title, r.ballot, r.day_known FROM roll_calls r WHERE 1 = 1",
            DB::text("r.date")
        ));
        Self::push_vote_filter(&mut roll_calls, filter);
        roll_calls.push(" ORDER BY r.date, r.id");
        let mut rows = roll_calls.query().fetch(&self.pool);
        while let Some(row) = rows.try_next().await.map_err(db)? {
            let id: i64 = row.try_get("id").map_err(db)?;
            builder.roll_call(
                id,
                RollCallInfo {
                    body: body_column(&row)?,
                    source_id: row.try_get("source_id").map_err(db)?,
                    symbol: row.try_get("symbol").map_err(db)?,
                    date: row.try_get("date").map_err(db)?,
                    day_known: row.try_get("day_known").map_err(db)?,
                    session: row
                        .try_get::<Option<i32>, _>("session")
                        .map_err(db)?
                        .and_then(|n| u32::try_from(n).ok()),
                    title: row.try_get("title").map_err(db)?,
                },
            );
            let ballot: String = row.try_get("ballot").map_err(db)?;
            builder.ballot(id, &ballot);
        }
        Ok(builder.finish())
    }

    pub(crate) async fn stamps(&self) -> Result<VotesStamp, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as("SELECT body, generation FROM record_stamps")
            .fetch_all(&self.pool)
            .await
            .map_err(db)?;
        let mut stamp = VotesStamp::default();
        for (body, generation) in rows {
            match body.as_str() {
                "hrc" => stamp.hrc = generation,
                "unga" => stamp.unga = generation,
                _ => {}
            }
        }
        Ok(stamp)
    }

    /// Raises a body's generation, in the transaction of the import that changed
    /// its records: caches of the body's results become stale exactly when the import commits.
    pub(crate) async fn bump_stamp(
        tx: &mut DB::Connection,
        body: taawun_votes::Body,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE record_stamps SET generation = generation + 1 WHERE body = $1")
            .bind(body.slug())
            .execute(tx)
            .await
            .map_err(db)?;
        Ok(())
    }

    pub(crate) async fn issue_counts(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(&format!(
            "SELECT i.value, count(*) FROM roll_calls r, {}
             GROUP BY i.value ORDER BY count(*) DESC, i.value",
            DB::json_array_values("r.issues")
        ))
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(rows
            .into_iter()
            .map(|(i, n)| (i, n.max(0) as u64))
            .collect())
    }
}

/// The `body` column of a roll call: the voting datasets' code, as the database keeps it.
fn body_column<R: Row>(row: &R) -> Result<taawun_votes::Body, StoreError>
where
    for<'r> String: sqlx::Decode<'r, R::Database> + Type<R::Database>,
    for<'c> &'c str: ColumnIndex<R>,
{
    let code: String = row.try_get("body").map_err(db)?;
    taawun_votes::Body::parse(&code).ok_or_else(|| {
        StoreError::database(format!(
            "a roll call's body is {code:?}, which is neither hrc nor unga"
        ))
    })
}
