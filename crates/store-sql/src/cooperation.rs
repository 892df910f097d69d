//! The regional seminars, the calls for inputs and the mandates' summary reports, written once
//! for both engines. Every write takes the `cooperation` row of `record_stamps` first and raises
//! its generation (locked on PostgreSQL, so that these writes queue there in one order; SQLite's
//! write transaction already holds its only lock), reads what `taawun-cooperation`'s rules need
//! in the same transaction (the seminar and its registrations, the participant's registration,
//! the notes so far, the report's versions), applies them, then writes the record and its audit
//! entry. A record is kept whole as JSON beside the columns lists filter on; the ids in it are
//! the row's, given by the store and set again on reading.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::{ColumnIndex, Encode, Executor, IntoArguments, Pool, Row, Type};
use taawun_audit::ChangeContext;
use taawun_council::mandates::{OutputDraft, OutputError};
use taawun_store::cooperation::{
    AgendaNotes, Call, CallRow, CooperationError, CooperationStore, FieldError, Input, InputDraft,
    InputRefusal, NewReportVersion, Registration, RegistrationDraft, RegistrationRow,
    RegistrationStatus, ReportChange, ReportStage, ReportVersion, Role, Seminar, SeminarRow,
    Submission, SubmissionDraft, SubmissionRow, SummaryReportRow, check_report_change,
};
use taawun_store::council::{CouncilError, MandateKey, Output, OutputKind, OutputState};
use taawun_store::{Change, StoreError};

use crate::audit::AuditTrail;
use crate::council::{SqlCouncil, mandate_id};
use crate::{Column, Engine, clock, db};

/// The seminars, calls and summary reports part of a store, on engine `DB`.
pub struct SqlCooperation<DB: Engine> {
    pool: Pool<DB>,
}

impl<DB: Engine> SqlCooperation<DB> {
    pub fn new(pool: Pool<DB>) -> Self {
        SqlCooperation { pool }
    }
}

/// The title of the output a published summary report records on its mandate.
const REPORT_TITLE: &str = "Summary report of the regional seminars and consultations";

const SEMINAR_COLUMNS: &str = "id, symbol, paragraph, addressee, record, created_at";
const REGISTRATION_COLUMNS: &str = "id, seminar_id, user_id, record";
const INPUT_COLUMNS: &str = "id, seminar_id, registration_id, record";
const NOTES_COLUMNS: &str = "seminar_id, agenda_item, record";
const CALL_COLUMNS: &str = "id, symbol, paragraph, addressee, record, created_at";
const SUBMISSION_COLUMNS: &str = "id, call_id, user_id, record";
const VERSION_COLUMNS: &str = "number, stage, change, document_symbol, masthead, document_ar, \
     document_en, author, note, at";

fn to_json<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value)
        .map_err(|e| StoreError::database_from("a record does not serialise", e))
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::database(format!("stored {what} {value:?} is not one Taawun knows"))
}

/// A publication's output as `taawun-council` checks outputs (a UN document symbol, a day not
/// after today, a link), or every problem named by the report's field.
fn publication_output(
    version: &NewReportVersion<'_>,
    today: chrono::NaiveDate,
) -> Result<Output, CooperationError> {
    let draft = OutputDraft {
        kind: OutputKind::Report.slug().to_owned(),
        title: REPORT_TITLE.to_owned(),
        state: OutputState::Delivered.slug().to_owned(),
        document_symbol: version.symbol.trim().to_owned(),
        delivered_on: version.delivered_on.format("%Y-%m-%d").to_string(),
        link: version.link.trim().to_owned(),
    };
    draft.check(today).map_err(|errors| {
        CooperationError::Invalid(
            errors
                .iter()
                .map(|e| field_error(e, version.symbol))
                .collect(),
        )
    })
}

/// An output's problem as the report's form names it: the output's `document_symbol` is the
/// version's `symbol`.
fn field_error(error: &OutputError, symbol: &str) -> FieldError {
    match error.field {
        "document_symbol" => FieldError::new(
            "symbol",
            "not-a-un-symbol",
            format!(
                "{:?} is not a UN document symbol (such as A/HRC/63/21): a published report is issued under one",
                symbol.trim()
            ),
        ),
        field => {
            let message = error
                .message
                .strip_prefix(&format!("{field}: "))
                .or_else(|| error.message.strip_prefix(&format!("{field} ")))
                .unwrap_or(&error.message);
            let code = match field {
                "link" => "not-a-link",
                "delivered_on" => "not-a-delivery-day",
                _ => "invalid",
            };
            FieldError::new(field, code, message)
        }
    }
}

/// The council's error, met while recording a published report's output, as this store's.
fn from_council(error: CouncilError) -> CooperationError {
    match error {
        CouncilError::NotFound(what) => CooperationError::NotFound(what),
        CouncilError::Store(e) => CooperationError::Store(e),
        other => CooperationError::Store(StoreError::database(format!(
            "recording the published report as the mandate's output: {other}"
        ))),
    }
}

fn change_action(change: ReportChange) -> &'static str {
    match change {
        ReportChange::Generated => "generate",
        ReportChange::Edited => "edit",
        ReportChange::Published => "publish",
    }
}

impl<DB> SqlCooperation<DB>
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
    /// Takes the cooperation write lock (PostgreSQL: the stamp's row, held to the commit) and
    /// raises the generation. First in every write, so that they all take their locks in the
    /// same order.
    async fn lock_and_bump(conn: &mut DB::Connection) -> Result<(), StoreError> {
        sqlx::query_scalar::<_, i64>(&format!(
            "SELECT generation FROM record_stamps WHERE body = 'cooperation'{}",
            DB::FOR_UPDATE
        ))
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        sqlx::query(
            "UPDATE record_stamps SET generation = generation + 1 WHERE body = 'cooperation'",
        )
        .execute(&mut *conn)
        .await
        .map_err(db)?;
        Ok(())
    }

    /// A mandate's existence, checked in the writing transaction.
    async fn require_mandate(
        conn: &mut DB::Connection,
        key: &MandateKey,
    ) -> Result<(), CooperationError> {
        if SqlCouncil::<DB>::load_mandate(conn, key, None)
            .await?
            .is_none()
        {
            return Err(CooperationError::NotFound(format!(
                "mandate {}",
                mandate_id(key)
            )));
        }
        Ok(())
    }

    fn record<T: DeserializeOwned>(row: &DB::Row, what: &str) -> Result<T, StoreError> {
        let text: String = row.try_get("record").map_err(db)?;
        serde_json::from_str(&text)
            .map_err(|e| StoreError::database_from(format!("a stored {what} does not read"), e))
    }

    fn mandate(row: &DB::Row) -> Result<MandateKey, StoreError> {
        Ok(MandateKey {
            symbol: row.try_get("symbol").map_err(db)?,
            paragraph: row.try_get::<i32, _>("paragraph").map_err(db)? as u32,
            addressee: row.try_get("addressee").map_err(db)?,
        })
    }

    fn seminar_row(row: &DB::Row) -> Result<SeminarRow, StoreError> {
        let mut seminar: Seminar = Self::record(row, "seminar")?;
        seminar.id = row.try_get("id").map_err(db)?;
        Ok(SeminarRow {
            seminar,
            mandate: Self::mandate(row)?,
            created_at: row.try_get("created_at").map_err(db)?,
        })
    }

    fn registration_row(row: &DB::Row) -> Result<RegistrationRow, StoreError> {
        let mut registration: Registration = Self::record(row, "registration")?;
        registration.id = row.try_get("id").map_err(db)?;
        registration.seminar_id = row.try_get("seminar_id").map_err(db)?;
        Ok(RegistrationRow {
            registration,
            user_id: row.try_get("user_id").map_err(db)?,
        })
    }

    fn input_row(row: &DB::Row) -> Result<Input, StoreError> {
        let mut input: Input = Self::record(row, "seminar input")?;
        input.id = row.try_get("id").map_err(db)?;
        input.seminar_id = row.try_get("seminar_id").map_err(db)?;
        input.registration_id = row.try_get("registration_id").map_err(db)?;
        Ok(input)
    }

    fn notes_row(row: &DB::Row) -> Result<AgendaNotes, StoreError> {
        let mut notes: AgendaNotes = Self::record(row, "seminar's notes")?;
        notes.seminar_id = row.try_get("seminar_id").map_err(db)?;
        notes.agenda_item = row.try_get::<i32, _>("agenda_item").map_err(db)? as u32;
        Ok(notes)
    }

    fn call_row(row: &DB::Row) -> Result<CallRow, StoreError> {
        let mut call: Call = Self::record(row, "call for inputs")?;
        call.id = row.try_get("id").map_err(db)?;
        Ok(CallRow {
            call,
            mandate: Self::mandate(row)?,
            created_at: row.try_get("created_at").map_err(db)?,
        })
    }

    fn submission_row(row: &DB::Row) -> Result<SubmissionRow, StoreError> {
        let mut submission: Submission = Self::record(row, "submission")?;
        submission.id = row.try_get("id").map_err(db)?;
        submission.call_id = row.try_get("call_id").map_err(db)?;
        Ok(SubmissionRow {
            submission,
            user_id: row.try_get("user_id").map_err(db)?,
        })
    }

    fn version_row(row: &DB::Row) -> Result<ReportVersion, StoreError> {
        let stage: String = row.try_get("stage").map_err(db)?;
        let change: String = row.try_get("change").map_err(db)?;
        Ok(ReportVersion {
            number: row.try_get::<i32, _>("number").map_err(db)? as u32,
            stage: ReportStage::parse(&stage).ok_or_else(|| corrupt("report stage", &stage))?,
            change: ReportChange::parse(&change)
                .ok_or_else(|| corrupt("report change", &change))?,
            symbol: row.try_get("document_symbol").map_err(db)?,
            masthead: row.try_get("masthead").map_err(db)?,
            document_ar: row.try_get("document_ar").map_err(db)?,
            document_en: row.try_get("document_en").map_err(db)?,
            author: row.try_get("author").map_err(db)?,
            note: row.try_get("note").map_err(db)?,
            at: row.try_get("at").map_err(db)?,
        })
    }

    async fn load_seminar(
        conn: &mut DB::Connection,
        id: i64,
        lock: bool,
    ) -> Result<Option<SeminarRow>, StoreError> {
        // Registrations and inputs refer to the seminar: a lock that leaves them free.
        let row = sqlx::query(&format!(
            "SELECT {SEMINAR_COLUMNS} FROM seminars WHERE id = $1{}",
            if lock { DB::FOR_NO_KEY_UPDATE } else { "" }
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        row.as_ref().map(Self::seminar_row).transpose()
    }

    async fn load_registration(
        conn: &mut DB::Connection,
        id: i64,
        lock: bool,
    ) -> Result<Option<RegistrationRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {REGISTRATION_COLUMNS} FROM seminar_registrations WHERE id = $1{}",
            if lock { DB::FOR_NO_KEY_UPDATE } else { "" }
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        row.as_ref().map(Self::registration_row).transpose()
    }

    async fn load_registrations(
        conn: &mut DB::Connection,
        seminar_id: i64,
    ) -> Result<Vec<RegistrationRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {REGISTRATION_COLUMNS} FROM seminar_registrations WHERE seminar_id = $1 ORDER BY id"
        ))
        .bind(seminar_id)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        rows.iter().map(Self::registration_row).collect()
    }

    async fn load_input(conn: &mut DB::Connection, id: i64) -> Result<Option<Input>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {INPUT_COLUMNS} FROM seminar_inputs WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        row.as_ref().map(Self::input_row).transpose()
    }

    async fn load_notes(
        conn: &mut DB::Connection,
        seminar_id: i64,
        agenda_item: u32,
        lock: bool,
    ) -> Result<Option<AgendaNotes>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {NOTES_COLUMNS} FROM seminar_notes WHERE seminar_id = $1 AND agenda_item = $2{}",
            if lock { DB::FOR_UPDATE } else { "" }
        ))
        .bind(seminar_id)
        .bind(agenda_item as i32)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        row.as_ref().map(Self::notes_row).transpose()
    }

    async fn load_call(
        conn: &mut DB::Connection,
        id: i64,
        lock: bool,
    ) -> Result<Option<CallRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {CALL_COLUMNS} FROM calls WHERE id = $1{}",
            if lock { DB::FOR_NO_KEY_UPDATE } else { "" }
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        row.as_ref().map(Self::call_row).transpose()
    }

    async fn load_submission(
        conn: &mut DB::Connection,
        id: i64,
    ) -> Result<Option<SubmissionRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {SUBMISSION_COLUMNS} FROM call_submissions WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        row.as_ref().map(Self::submission_row).transpose()
    }

    /// A mandate's summary report with its versions, the report's row locked when `lock`.
    async fn load_report(
        conn: &mut DB::Connection,
        key: &MandateKey,
        lock: bool,
    ) -> Result<Option<SummaryReportRow>, StoreError> {
        // Versions refer to the report: a lock that leaves them free.
        let row = sqlx::query(&format!(
            "SELECT id, revision FROM summary_reports \
             WHERE symbol = $1 AND paragraph = $2 AND addressee = $3{}",
            if lock { DB::FOR_NO_KEY_UPDATE } else { "" }
        ))
        .bind(key.symbol.as_str())
        .bind(key.paragraph as i32)
        .bind(key.addressee.as_str())
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let id: i64 = row.try_get("id").map_err(db)?;
        let revision: i64 = row.try_get("revision").map_err(db)?;
        let rows = sqlx::query(&format!(
            "SELECT {VERSION_COLUMNS} FROM summary_report_versions WHERE report_id = $1 ORDER BY number"
        ))
        .bind(id)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        Ok(Some(SummaryReportRow {
            id,
            mandate: key.clone(),
            revision,
            versions: rows
                .iter()
                .map(Self::version_row)
                .collect::<Result<_, _>>()?,
        }))
    }

    /// The rows of `table` (of one mandate, or all) in `order`.
    async fn list_by_mandate<T>(
        &self,
        table: &str,
        columns: &str,
        order: &str,
        mandate: Option<&MandateKey>,
        read: fn(&DB::Row) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        let rows = match mandate {
            Some(key) => {
                sqlx::query(&format!(
                    "SELECT {columns} FROM {table} \
                     WHERE symbol = $1 AND paragraph = $2 AND addressee = $3 ORDER BY {order}"
                ))
                .bind(key.symbol.as_str())
                .bind(key.paragraph as i32)
                .bind(key.addressee.as_str())
                .fetch_all(&self.pool)
                .await
            }
            None => {
                sqlx::query(&format!("SELECT {columns} FROM {table} ORDER BY {order}"))
                    .fetch_all(&self.pool)
                    .await
            }
        }
        .map_err(db)?;
        rows.iter().map(read).collect()
    }

    /// The rows of `sql`, whose one parameter is `id`.
    async fn list_by_id<T>(
        &self,
        sql: &str,
        id: i64,
        read: fn(&DB::Row) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        let rows = sqlx::query(sql)
            .bind(id)
            .fetch_all(&self.pool)
            .await
            .map_err(db)?;
        rows.iter().map(read).collect()
    }
}

#[async_trait]
impl<DB> CooperationStore for SqlCooperation<DB>
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
    async fn create_seminar(
        &self,
        context: &ChangeContext,
        mandate: &MandateKey,
        seminar: &Seminar,
    ) -> Result<SeminarRow, CooperationError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::lock_and_bump(&mut tx).await?;
        Self::require_mandate(&mut tx, mandate).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO seminars (symbol, paragraph, addressee, start_day, record, created_at) \
             VALUES ($1, $2, $3, $4, '{}', $5) RETURNING id",
        )
        .bind(mandate.symbol.as_str())
        .bind(mandate.paragraph as i32)
        .bind(mandate.addressee.as_str())
        .bind(seminar.start.format("%Y-%m-%d").to_string())
        .bind(clock::now_seconds())
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        let record = Seminar {
            id,
            ..seminar.clone()
        };
        sqlx::query("UPDATE seminars SET record = $1 WHERE id = $2")
            .bind(to_json(&record)?)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let created = Self::load_seminar(&mut tx, id, false)
            .await?
            .ok_or_else(|| CooperationError::NotFound(format!("seminar {id}")))?;
        let change = Change::new("create", "seminar", id.to_string()).after(&created);
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(created)
    }

    async fn seminar(&self, id: i64) -> Result<Option<SeminarRow>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        Self::load_seminar(&mut conn, id, false).await
    }

    async fn seminars(&self, mandate: Option<&MandateKey>) -> Result<Vec<SeminarRow>, StoreError> {
        self.list_by_mandate(
            "seminars",
            SEMINAR_COLUMNS,
            "start_day, id",
            mandate,
            Self::seminar_row,
        )
        .await
    }

    async fn register(
        &self,
        context: &ChangeContext,
        seminar_id: i64,
        user_id: i64,
        draft: &RegistrationDraft,
        at: DateTime<Utc>,
    ) -> Result<RegistrationRow, CooperationError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::lock_and_bump(&mut tx).await?;
        let seminar = Self::load_seminar(&mut tx, seminar_id, true)
            .await?
            .ok_or_else(|| CooperationError::NotFound(format!("seminar {seminar_id}")))?;
        let existing: Vec<Registration> = Self::load_registrations(&mut tx, seminar_id)
            .await?
            .into_iter()
            .map(|r| r.registration)
            .collect();
        let registration =
            taawun_cooperation::seminar::register(&seminar.seminar, &existing, draft, 0, at)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO seminar_registrations (seminar_id, user_id, email, status, record, created_at) \
             VALUES ($1, $2, $3, $4, '{}', $5) RETURNING id",
        )
        .bind(seminar_id)
        .bind(user_id)
        .bind(registration.email.as_str())
        .bind(registration.status.slug())
        .bind(clock::now_seconds())
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        let registration = Registration { id, ..registration };
        sqlx::query("UPDATE seminar_registrations SET record = $1 WHERE id = $2")
            .bind(to_json(&registration)?)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let created = Self::load_registration(&mut tx, id, false)
            .await?
            .ok_or_else(|| CooperationError::NotFound(format!("registration {id}")))?;
        let change = Change::new("create", "seminar-registration", id.to_string()).after(&created);
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(created)
    }

    async fn decide_registration(
        &self,
        context: &ChangeContext,
        registration_id: i64,
        decision: RegistrationStatus,
        reason: &str,
        at: DateTime<Utc>,
    ) -> Result<RegistrationRow, CooperationError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::lock_and_bump(&mut tx).await?;
        let before = Self::load_registration(&mut tx, registration_id, true)
            .await?
            .ok_or_else(|| CooperationError::NotFound(format!("registration {registration_id}")))?;
        let mut registration = before.registration.clone();
        registration.decide(Role::Secretariat, decision, reason, at)?;
        sqlx::query("UPDATE seminar_registrations SET status = $1, record = $2 WHERE id = $3")
            .bind(registration.status.slug())
            .bind(to_json(&registration)?)
            .bind(registration_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let after = Self::load_registration(&mut tx, registration_id, false)
            .await?
            .ok_or_else(|| CooperationError::NotFound(format!("registration {registration_id}")))?;
        let action = match decision {
            RegistrationStatus::Approved => "approve",
            RegistrationStatus::Declined => "decline",
            RegistrationStatus::Pending => "decide",
        };
        let change = Change::new(action, "seminar-registration", registration_id.to_string())
            .before(&before)
            .after(&after);
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn registrations(&self, seminar_id: i64) -> Result<Vec<RegistrationRow>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        Self::load_registrations(&mut conn, seminar_id).await
    }

    async fn submit_input(
        &self,
        context: &ChangeContext,
        seminar_id: i64,
        user_id: i64,
        draft: &InputDraft,
        at: DateTime<Utc>,
    ) -> Result<Input, CooperationError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::lock_and_bump(&mut tx).await?;
        let seminar = Self::load_seminar(&mut tx, seminar_id, false)
            .await?
            .ok_or_else(|| CooperationError::NotFound(format!("seminar {seminar_id}")))?;
        // The account's registrations for this seminar (usually one; an account may have
        // registered several addresses), locked against a decision meanwhile.
        let rows = sqlx::query(&format!(
            "SELECT {REGISTRATION_COLUMNS} FROM seminar_registrations \
             WHERE seminar_id = $1 AND user_id = $2 ORDER BY id{}",
            DB::FOR_NO_KEY_UPDATE
        ))
        .bind(seminar_id)
        .bind(user_id)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let registrations = rows
            .iter()
            .map(Self::registration_row)
            .collect::<Result<Vec<_>, _>>()?;
        let Some(participant) = registrations
            .iter()
            .find(|r| r.registration.is_approved())
            .or(registrations.first())
        else {
            return Err(InputRefusal::NotAParticipant.into());
        };
        let input = taawun_cooperation::seminar::submit_input(
            &seminar.seminar,
            &participant.registration,
            draft,
            0,
            at,
        )?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO seminar_inputs (seminar_id, registration_id, record, created_at) \
             VALUES ($1, $2, '{}', $3) RETURNING id",
        )
        .bind(seminar_id)
        .bind(participant.registration.id)
        .bind(clock::now_seconds())
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        let input = Input { id, ..input };
        sqlx::query("UPDATE seminar_inputs SET record = $1 WHERE id = $2")
            .bind(to_json(&input)?)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let created = Self::load_input(&mut tx, id)
            .await?
            .ok_or_else(|| CooperationError::NotFound(format!("input {id}")))?;
        let change = Change::new("create", "seminar-input", id.to_string()).after(&created);
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(created)
    }

    async fn inputs(&self, seminar_id: i64) -> Result<Vec<Input>, StoreError> {
        self.list_by_id(
            &format!(
                "SELECT {INPUT_COLUMNS} FROM seminar_inputs WHERE seminar_id = $1 ORDER BY id"
            ),
            seminar_id,
            Self::input_row,
        )
        .await
    }

    async fn replace_notes(
        &self,
        context: &ChangeContext,
        seminar_id: i64,
        agenda_item: u32,
        role: Role,
        author: &str,
        text: &str,
        at: DateTime<Utc>,
    ) -> Result<AgendaNotes, CooperationError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::lock_and_bump(&mut tx).await?;
        let seminar = Self::load_seminar(&mut tx, seminar_id, false)
            .await?
            .ok_or_else(|| CooperationError::NotFound(format!("seminar {seminar_id}")))?;
        let before = Self::load_notes(&mut tx, seminar_id, agenda_item, true).await?;
        let mut notes = match &before {
            Some(notes) => notes.clone(),
            None => AgendaNotes::new(&seminar.seminar, agenda_item)?,
        };
        notes.replace(&seminar.seminar, role, author, text, at)?;
        sqlx::query(
            "INSERT INTO seminar_notes (seminar_id, agenda_item, record, updated_at) \
             VALUES ($1, $2, $3, $4) \
             ON CONFLICT (seminar_id, agenda_item) DO UPDATE SET record = excluded.record, \
             updated_at = excluded.updated_at",
        )
        .bind(seminar_id)
        .bind(agenda_item as i32)
        .bind(to_json(&notes)?)
        .bind(clock::now_seconds())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let after = Self::load_notes(&mut tx, seminar_id, agenda_item, false)
            .await?
            .ok_or_else(|| {
                CooperationError::NotFound(format!("notes of seminar {seminar_id}/{agenda_item}"))
            })?;
        let mut change = Change::new(
            if before.is_some() { "update" } else { "create" },
            "seminar-notes",
            format!("{seminar_id}/{agenda_item}"),
        )
        .after(&after);
        if let Some(before) = &before {
            change = change.before(before);
        }
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn notes(&self, seminar_id: i64) -> Result<Vec<AgendaNotes>, StoreError> {
        self.list_by_id(
            &format!(
                "SELECT {NOTES_COLUMNS} FROM seminar_notes WHERE seminar_id = $1 ORDER BY agenda_item"
            ),
            seminar_id,
            Self::notes_row,
        )
        .await
    }

    async fn create_call(
        &self,
        context: &ChangeContext,
        mandate: &MandateKey,
        call: &Call,
    ) -> Result<CallRow, CooperationError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::lock_and_bump(&mut tx).await?;
        Self::require_mandate(&mut tx, mandate).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO calls (symbol, paragraph, addressee, deadline, record, created_at) \
             VALUES ($1, $2, $3, $4, '{}', $5) RETURNING id",
        )
        .bind(mandate.symbol.as_str())
        .bind(mandate.paragraph as i32)
        .bind(mandate.addressee.as_str())
        .bind(call.deadline.format("%Y-%m-%d").to_string())
        .bind(clock::now_seconds())
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        let record = Call { id, ..call.clone() };
        sqlx::query("UPDATE calls SET record = $1 WHERE id = $2")
            .bind(to_json(&record)?)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let created = Self::load_call(&mut tx, id, false)
            .await?
            .ok_or_else(|| CooperationError::NotFound(format!("call {id}")))?;
        let change = Change::new("create", "call", id.to_string()).after(&created);
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(created)
    }

    async fn call(&self, id: i64) -> Result<Option<CallRow>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        Self::load_call(&mut conn, id, false).await
    }

    async fn calls(&self, mandate: Option<&MandateKey>) -> Result<Vec<CallRow>, StoreError> {
        self.list_by_mandate(
            "calls",
            CALL_COLUMNS,
            "deadline, id",
            mandate,
            Self::call_row,
        )
        .await
    }

    async fn submit(
        &self,
        context: &ChangeContext,
        call_id: i64,
        user_id: Option<i64>,
        draft: &SubmissionDraft,
        at: DateTime<Utc>,
    ) -> Result<SubmissionRow, CooperationError> {
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::lock_and_bump(&mut tx).await?;
        // Not locked: a call is not changed once created, and submissions do not depend on each
        // other.
        let call = Self::load_call(&mut tx, call_id, false)
            .await?
            .ok_or_else(|| CooperationError::NotFound(format!("call {call_id}")))?;
        let submission = taawun_cooperation::consultation::submit(&call.call, draft, 0, at)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO call_submissions (call_id, user_id, late, record, created_at) \
             VALUES ($1, $2, $3, '{}', $4) RETURNING id",
        )
        .bind(call_id)
        .bind(user_id)
        .bind(submission.late)
        .bind(clock::now_seconds())
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        let submission = Submission { id, ..submission };
        sqlx::query("UPDATE call_submissions SET record = $1 WHERE id = $2")
            .bind(to_json(&submission)?)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let created = Self::load_submission(&mut tx, id)
            .await?
            .ok_or_else(|| CooperationError::NotFound(format!("submission {id}")))?;
        let change = Change::new("create", "call-submission", id.to_string()).after(&created);
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(created)
    }

    async fn submissions(&self, call_id: i64) -> Result<Vec<SubmissionRow>, StoreError> {
        self.list_by_id(
            &format!(
                "SELECT {SUBMISSION_COLUMNS} FROM call_submissions WHERE call_id = $1 ORDER BY id"
            ),
            call_id,
            Self::submission_row,
        )
        .await
    }

    async fn summary_report(
        &self,
        mandate: &MandateKey,
    ) -> Result<Option<SummaryReportRow>, StoreError> {
        // One snapshot: the revision and the versions read together.
        let mut tx = DB::begin_snapshot(&self.pool).await.map_err(db)?;
        let report = Self::load_report(&mut tx, mandate, false).await?;
        tx.commit().await.map_err(db)?;
        Ok(report)
    }

    async fn save_summary_report(
        &self,
        context: &ChangeContext,
        mandate: &MandateKey,
        expected_revision: i64,
        version: &NewReportVersion<'_>,
    ) -> Result<SummaryReportRow, CooperationError> {
        let now = clock::now();
        // A publication is checked as the mandate's output would be, before anything is read.
        let output = match version.change {
            ReportChange::Published => Some(publication_output(version, now.date_naive())?),
            ReportChange::Generated | ReportChange::Edited => None,
        };
        let mut tx = DB::begin_write(&self.pool).await.map_err(db)?;
        Self::lock_and_bump(&mut tx).await?;
        let before = Self::load_report(&mut tx, mandate, true).await?;
        match &before {
            Some(report) if report.revision != expected_revision => {
                return Err(CooperationError::Conflict(Box::new(report.clone())));
            }
            None if expected_revision != 0 => {
                return Err(CooperationError::NotFound(format!(
                    "summary report of mandate {}",
                    mandate_id(mandate)
                )));
            }
            None => Self::require_mandate(&mut tx, mandate).await?,
            Some(_) => {}
        }
        let versions = before.as_ref().map_or(&[][..], |r| &r.versions[..]);
        let stage = check_report_change(versions, version.change)?;
        let number = versions.last().map_or(1, |v| v.number + 1);
        let at = now.timestamp();
        let id = match &before {
            Some(report) => report.id,
            None => sqlx::query_scalar(
                "INSERT INTO summary_reports (symbol, paragraph, addressee, revision, created_at, updated_at) \
                 VALUES ($1, $2, $3, 0, $4, $4) RETURNING id",
            )
            .bind(mandate.symbol.as_str())
            .bind(mandate.paragraph as i32)
            .bind(mandate.addressee.as_str())
            .bind(at)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?,
        };
        sqlx::query(&format!(
            "INSERT INTO summary_report_versions ({VERSION_COLUMNS}, report_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
        ))
        .bind(number as i32)
        .bind(stage.slug())
        .bind(version.change.slug())
        .bind(version.symbol.trim())
        .bind(version.masthead)
        .bind(version.document_ar)
        .bind(version.document_en)
        .bind(version.author)
        .bind(version.note)
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query(
            "UPDATE summary_reports SET revision = revision + 1, updated_at = $1 WHERE id = $2",
        )
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if let Some(output) = &output {
            // The council's write (its own lock, the output, the mandate's progress, its audit
            // entry) in this transaction: the report is published and delivered, or neither.
            SqlCouncil::<DB>::record_output(&mut tx, context, mandate, output)
                .await
                .map_err(from_council)?;
        }
        let after = Self::load_report(&mut tx, mandate, false)
            .await?
            .ok_or_else(|| {
                CooperationError::NotFound(format!(
                    "summary report of mandate {}",
                    mandate_id(mandate)
                ))
            })?;
        let mut change = Change::new(
            change_action(version.change),
            "summary-report",
            id.to_string(),
        )
        .after(&after);
        if let Some(before) = &before {
            change = change.before(before);
        }
        AuditTrail::<DB>::append(&mut tx, context, change).await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn cooperation_generation(&self) -> Result<i64, StoreError> {
        sqlx::query_scalar("SELECT generation FROM record_stamps WHERE body = 'cooperation'")
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }
}
