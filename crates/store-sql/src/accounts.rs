//! Accounts, organisations, sessions, links, tokens and the outbox, with the audit trail. Every
//! change appends its audit entry in its own transaction (see [`AuditTrail::append`]). Where a
//! change reads a row and then writes it, the row is read under [`Engine::FOR_UPDATE`] (or
//! `FOR_NO_KEY_UPDATE` for an account, so that rows referring to it can still be written): on
//! PostgreSQL concurrent changes to one record are applied, and logged, one after the other; on
//! SQLite the write transaction already holds the single write lock.

use async_trait::async_trait;
use sqlx::{ColumnIndex, Encode, Executor, IntoArguments, Pool, Row, Transaction, Type};
use taawun_accounts::{Binding, RoleGrant};
use taawun_audit::{Change, ChangeContext, Entry, Verification};
use taawun_store::{
    AccountError, AccountStore, ApiTokenRecord, AuditFilter, Credentials, InvitationRecord,
    LinkState, NewInvitation, NewMessage, NewOrganisation, NewUser, OrganisationFilter,
    OrganisationNames, OrganisationRecord, OutboxMessage, Page, Paging, SessionRecord,
    SignInFailures, StoreError, UserFilter, UserRecord,
};

use crate::audit::AuditTrail;
use crate::sql::Sql;
use crate::{Column, Engine, db, now_us};

/// The accounts part of a store, on engine `DB`: what `Store::accounts()` returns.
pub struct SqlAccounts<DB: Engine> {
    pool: Pool<DB>,
}

impl<DB: Engine> SqlAccounts<DB> {
    pub fn new(pool: Pool<DB>) -> Self {
        SqlAccounts { pool }
    }
}

fn binding_parts(role: &RoleGrant) -> (Option<&str>, Option<i64>) {
    match &role.binding {
        Binding::Unbound => (None, None),
        Binding::State(iso3) => (Some(iso3.as_str()), None),
        Binding::Organisation(id) => (None, Some(*id)),
    }
}

const USER_COLUMNS: &str =
    "id, email, display_name, name_public, disabled, locked_until, created_at";

/// The account columns qualified for a join with `users u`, and its roles `r` (LEFT JOIN: an
/// account may hold none). One row per role; [`user_from_joined_rows`] reads them back.
const JOINED_USER_COLUMNS: &str = "u.id AS id, u.email AS email, u.display_name AS display_name, \
     u.name_public AS name_public, u.disabled AS disabled, u.locked_until AS locked_until, \
     u.created_at AS created_at, r.role AS role, r.state_iso3 AS state_iso3, \
     r.organisation_id AS organisation_id";
/// The order of an account's roles, the same on both engines (byte-wise, unbound roles first).
fn roles_order<DB: Engine>(prefix: &str) -> String {
    let bytewise = DB::BYTEWISE;
    format!(
        "ORDER BY {prefix}role{bytewise}, {prefix}state_iso3{bytewise} NULLS FIRST, {prefix}organisation_id NULLS FIRST"
    )
}

const INVITATION_COLUMNS: &str = "id, email, role, state_iso3, organisation_id, invited_by, created_at, \
     expires_at, accepted_at, revoked_at, user_id";

fn invitation_state(invitation: &InvitationRecord, now: i64) -> LinkState {
    if invitation.accepted_at.is_some() || invitation.revoked_at.is_some() {
        LinkState::Used
    } else if invitation.expires_at <= now {
        LinkState::Expired
    } else {
        LinkState::Usable
    }
}

const TOKEN_COLUMNS: &str = "id, user_id, name, prefix, created_at, last_used_at, revoked_at";

const ORGANISATION_COLUMNS: &str = "id, name_ar, name_en, name_fr, name_es, name_ru, name_zh, kind, seat_iso3, created_at, updated_at";

fn organisation_search_key(names: &OrganisationNames) -> String {
    [
        &names.ar, &names.en, &names.fr, &names.es, &names.ru, &names.zh,
    ]
    .into_iter()
    .flatten()
    .map(|n| taawun_text::fold_name(n))
    .collect::<Vec<_>>()
    .join(" | ")
}

fn user_change(action: &str, user: &UserRecord) -> Change {
    Change::new(action, "user", user.id.to_string())
}

impl<DB> SqlAccounts<DB>
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
    async fn begin_write(&self) -> Result<Transaction<'static, DB>, StoreError> {
        DB::begin_write(&self.pool).await.map_err(db)
    }

    fn role_from_row(row: &DB::Row) -> Result<RoleGrant, StoreError> {
        let kind: String = row.try_get("role").map_err(db)?;
        let state: Option<String> = row.try_get("state_iso3").map_err(db)?;
        let organisation: Option<i64> = row.try_get("organisation_id").map_err(db)?;
        RoleGrant::from_parts(&kind, state.as_deref(), organisation)
            .map_err(|e| StoreError::database(format!("a stored role is invalid: {e}")))
    }

    async fn roles_of(
        conn: &mut DB::Connection,
        user_id: i64,
    ) -> Result<Vec<RoleGrant>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT role, state_iso3, organisation_id FROM user_roles WHERE user_id = $1 {}",
            roles_order::<DB>("")
        ))
        .bind(user_id)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        rows.iter().map(Self::role_from_row).collect()
    }

    fn user_from_row(row: &DB::Row, roles: Vec<RoleGrant>) -> Result<UserRecord, StoreError> {
        Ok(UserRecord {
            id: row.try_get("id").map_err(db)?,
            email: row.try_get("email").map_err(db)?,
            display_name: row.try_get("display_name").map_err(db)?,
            name_public: row.try_get("name_public").map_err(db)?,
            roles,
            disabled: row.try_get("disabled").map_err(db)?,
            locked_until: row.try_get("locked_until").map_err(db)?,
            created_at: row.try_get("created_at").map_err(db)?,
        })
    }

    /// Refuses a State code that the reference data does not have (roles, invitations and
    /// organisations' seats name States by ISO3 code).
    async fn require_state(conn: &mut DB::Connection, iso3: &str) -> Result<(), AccountError> {
        let known: Option<String> = sqlx::query_scalar("SELECT iso3 FROM states WHERE iso3 = $1")
            .bind(iso3)
            .fetch_optional(&mut *conn)
            .await
            .map_err(db)?;
        match known {
            Some(_) => Ok(()),
            None => Err(AccountError::NotFound(format!(
                "there is no State with the code {iso3}"
            ))),
        }
    }

    /// The account of rows selected with [`JOINED_USER_COLUMNS`] (none: no account). Every
    /// signed-in request reads its account this way, in one query instead of three (session or
    /// token, account, roles).
    fn user_from_joined_rows(rows: &[DB::Row]) -> Result<Option<UserRecord>, StoreError> {
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let mut roles = Vec::with_capacity(rows.len());
        for row in rows {
            let role: Option<String> = row.try_get("role").map_err(db)?;
            if role.is_some() {
                roles.push(Self::role_from_row(row)?);
            }
        }
        Self::user_from_row(first, roles).map(Some)
    }

    async fn load_user(
        conn: &mut DB::Connection,
        id: i64,
    ) -> Result<Option<UserRecord>, StoreError> {
        let row = sqlx::query(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await
            .map_err(db)?;
        match row {
            None => Ok(None),
            Some(row) => {
                let roles = Self::roles_of(conn, id).await?;
                Ok(Some(Self::user_from_row(&row, roles)?))
            }
        }
    }

    async fn require_user(conn: &mut DB::Connection, id: i64) -> Result<UserRecord, AccountError> {
        Self::load_user(conn, id)
            .await?
            .ok_or_else(|| AccountError::NotFound(format!("there is no account {id}")))
    }

    /// Locks an account's row until the transaction ends, so that changes to one account are made
    /// (and logged with their before and after) one at a time. `FOR NO KEY UPDATE` leaves rows that
    /// refer to the account (sessions, sign-in records) free to be written meanwhile.
    async fn lock_account_row(conn: &mut DB::Connection, id: i64) -> Result<(), StoreError> {
        sqlx::query(&format!(
            "SELECT id FROM users WHERE id = $1{}",
            DB::FOR_NO_KEY_UPDATE
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn insert_user(
        conn: &mut DB::Connection,
        user: &NewUser,
        now: i64,
    ) -> Result<i64, AccountError> {
        // ON CONFLICT rather than a look-up first: a concurrent transaction creating the same address
        // is waited for, and then this one finds the address taken instead of failing on the index.
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (email) DO NOTHING RETURNING id",
        )
        .bind(&user.email)
        .bind(&user.display_name)
        .bind(&user.password_hash)
        .bind(now)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        let Some(id) = id else {
            return Err(AccountError::Conflict(format!(
                "an account with the e-mail address {} already exists",
                user.email
            )));
        };
        for role in &user.roles {
            Self::insert_role(conn, id, role).await?;
        }
        Ok(id)
    }

    async fn insert_role(
        conn: &mut DB::Connection,
        user_id: i64,
        role: &RoleGrant,
    ) -> Result<(), AccountError> {
        let (state, organisation) = binding_parts(role);
        if let Some(iso3) = state {
            Self::require_state(&mut *conn, iso3).await?;
        }
        if let Some(id) = organisation {
            let known: Option<i64> =
                sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(db)?;
            if known.is_none() {
                return Err(AccountError::NotFound(format!(
                    "there is no organisation {id}"
                )));
            }
        }
        let result = sqlx::query(
            "INSERT INTO user_roles (user_id, role, state_iso3, organisation_id) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
        )
        .bind(user_id)
        .bind(role.kind.slug())
        .bind(state)
        .bind(organisation)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
        if DB::rows_affected(&result) == 0 {
            return Err(AccountError::Conflict(
                "the account already holds this role".into(),
            ));
        }
        Ok(())
    }

    async fn queue_message(
        conn: &mut DB::Connection,
        message: &NewMessage,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO outbox (to_address, subject, body, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(&message.to)
        .bind(&message.subject)
        .bind(&message.text)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
        Ok(())
    }

    fn invitation_from_row(row: &DB::Row) -> Result<InvitationRecord, StoreError> {
        Ok(InvitationRecord {
            id: row.try_get("id").map_err(db)?,
            email: row.try_get("email").map_err(db)?,
            role: Self::role_from_row(row)?,
            invited_by: row.try_get("invited_by").map_err(db)?,
            created_at: row.try_get("created_at").map_err(db)?,
            expires_at: row.try_get("expires_at").map_err(db)?,
            accepted_at: row.try_get("accepted_at").map_err(db)?,
            revoked_at: row.try_get("revoked_at").map_err(db)?,
            user_id: row.try_get("user_id").map_err(db)?,
        })
    }

    fn token_from_row(row: &DB::Row) -> Result<ApiTokenRecord, StoreError> {
        Ok(ApiTokenRecord {
            id: row.try_get("id").map_err(db)?,
            user_id: row.try_get("user_id").map_err(db)?,
            name: row.try_get("name").map_err(db)?,
            prefix: row.try_get("prefix").map_err(db)?,
            created_at: row.try_get("created_at").map_err(db)?,
            last_used_at: row.try_get("last_used_at").map_err(db)?,
            revoked_at: row.try_get("revoked_at").map_err(db)?,
        })
    }

    fn organisation_from_row(row: &DB::Row) -> Result<OrganisationRecord, StoreError> {
        Ok(OrganisationRecord {
            id: row.try_get("id").map_err(db)?,
            names: OrganisationNames {
                ar: row.try_get("name_ar").map_err(db)?,
                en: row.try_get("name_en").map_err(db)?,
                fr: row.try_get("name_fr").map_err(db)?,
                es: row.try_get("name_es").map_err(db)?,
                ru: row.try_get("name_ru").map_err(db)?,
                zh: row.try_get("name_zh").map_err(db)?,
            },
            kind: row.try_get("kind").map_err(db)?,
            seat_iso3: row.try_get("seat_iso3").map_err(db)?,
            created_at: row.try_get("created_at").map_err(db)?,
            updated_at: row.try_get("updated_at").map_err(db)?,
        })
    }

    async fn load_organisation(
        conn: &mut DB::Connection,
        id: i64,
    ) -> Result<Option<OrganisationRecord>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {ORGANISATION_COLUMNS} FROM organisations WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        row.as_ref().map(Self::organisation_from_row).transpose()
    }

    async fn check_seat(
        conn: &mut DB::Connection,
        organisation: &NewOrganisation,
    ) -> Result<(), AccountError> {
        if let Some(iso3) = &organisation.seat_iso3 {
            Self::require_state(&mut *conn, iso3).await?;
        }
        Ok(())
    }
}

#[async_trait]
impl<DB> AccountStore for SqlAccounts<DB>
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
    async fn count_users(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        Ok(n.max(0) as u64)
    }

    async fn create_user(
        &self,
        context: &ChangeContext,
        user: &NewUser,
    ) -> Result<UserRecord, AccountError> {
        let mut tx = self.begin_write().await?;
        let now = now_us() / 1_000_000;
        let id = Self::insert_user(&mut tx, user, now).await?;
        let created = Self::require_user(&mut tx, id).await?;
        AuditTrail::<DB>::append(
            &mut tx,
            context,
            user_change("create", &created).after(&created.audit_view()),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(created)
    }

    async fn get_user(&self, id: i64) -> Result<Option<UserRecord>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        Self::load_user(&mut conn, id).await
    }

    async fn credentials(&self, email: &str) -> Result<Option<Credentials>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT id, password_hash FROM users WHERE email = $1")
                .bind(email)
                .fetch_optional(&mut *conn)
                .await
                .map_err(db)?;
        let Some((id, password_hash)) = row else {
            return Ok(None);
        };
        Ok(Self::load_user(&mut conn, id)
            .await?
            .map(|user| Credentials {
                user,
                password_hash,
            }))
    }

    async fn list_users(
        &self,
        filter: &UserFilter,
        paging: Paging,
    ) -> Result<Page<UserRecord>, StoreError> {
        let text = filter.text.as_ref().map(|t| t.to_lowercase());
        let push = |query: &mut Sql| {
            query.push(" WHERE 1 = 1");
            if let Some(text) = &text {
                query
                    .push(format_args!(" AND ({}(lower(email), ", DB::POSITION))
                    .push_bind(text.clone())
                    .push(format_args!(
                        ") > 0 OR {}(lower(display_name), ",
                        DB::POSITION
                    ))
                    .push_bind(text.clone())
                    .push(") > 0)");
            }
            if let Some(role) = &filter.role {
                query
                    .push(" AND id IN (SELECT user_id FROM user_roles WHERE role = ")
                    .push_bind(role.clone())
                    .push(")");
            }
        };
        let mut count = Sql::new("SELECT count(*) FROM users");
        push(&mut count);
        let total: i64 = count
            .query_scalar()
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        let mut query = Sql::new(format!("SELECT {USER_COLUMNS} FROM users"));
        push(&mut query);
        query
            .push(format_args!(" ORDER BY email{} LIMIT ", DB::BYTEWISE))
            .push_bind(i64::from(paging.per_page))
            .push(" OFFSET ")
            .push_bind(paging.offset() as i64);
        let mut conn = self.pool.acquire().await.map_err(db)?;
        let rows = query.query().fetch_all(&mut *conn).await.map_err(db)?;
        let mut items = Vec::with_capacity(rows.len());
        for row in &rows {
            let id: i64 = row.try_get("id").map_err(db)?;
            let roles = Self::roles_of(&mut conn, id).await?;
            items.push(Self::user_from_row(row, roles)?);
        }
        Ok(Page {
            items,
            total: total.max(0) as u64,
            page: paging.page,
            per_page: paging.per_page,
        })
    }

    async fn set_password(
        &self,
        context: &ChangeContext,
        user_id: i64,
        password_hash: &str,
        keep_session: Option<&str>,
    ) -> Result<(), AccountError> {
        let mut tx = self.begin_write().await?;
        Self::lock_account_row(&mut tx, user_id).await?;
        let user = Self::require_user(&mut tx, user_id).await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND digest IS DISTINCT FROM $2")
            .bind(user_id)
            .bind(keep_session)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        // The log says the password changed, never what it is or its hash.
        AuditTrail::<DB>::append(&mut tx, context, user_change("change-password", &user)).await?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn rehash_password(&self, user_id: i64, password_hash: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn update_profile(
        &self,
        context: &ChangeContext,
        user_id: i64,
        display_name: &str,
        name_public: bool,
    ) -> Result<UserRecord, AccountError> {
        let mut tx = self.begin_write().await?;
        Self::lock_account_row(&mut tx, user_id).await?;
        let before = Self::require_user(&mut tx, user_id).await?;
        sqlx::query("UPDATE users SET display_name = $1, name_public = $2 WHERE id = $3")
            .bind(display_name)
            .bind(name_public)
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let after = Self::require_user(&mut tx, user_id).await?;
        AuditTrail::<DB>::append(
            &mut tx,
            context,
            user_change("update", &after)
                .before(&before.audit_view())
                .after(&after.audit_view()),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn grant_role(
        &self,
        context: &ChangeContext,
        user_id: i64,
        role: &RoleGrant,
    ) -> Result<UserRecord, AccountError> {
        let mut tx = self.begin_write().await?;
        Self::lock_account_row(&mut tx, user_id).await?;
        let before = Self::require_user(&mut tx, user_id).await?;
        Self::insert_role(&mut tx, user_id, role).await?;
        let after = Self::require_user(&mut tx, user_id).await?;
        AuditTrail::<DB>::append(
            &mut tx,
            context,
            user_change("grant-role", &after)
                .before(&before.audit_view())
                .after(&after.audit_view()),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn revoke_role(
        &self,
        context: &ChangeContext,
        user_id: i64,
        role: &RoleGrant,
    ) -> Result<UserRecord, AccountError> {
        let mut tx = self.begin_write().await?;
        Self::lock_account_row(&mut tx, user_id).await?;
        let before = Self::require_user(&mut tx, user_id).await?;
        let (state, organisation) = binding_parts(role);
        let removed = sqlx::query(
            "DELETE FROM user_roles WHERE user_id = $1 AND role = $2
             AND state_iso3 IS NOT DISTINCT FROM $3 AND organisation_id IS NOT DISTINCT FROM $4",
        )
        .bind(user_id)
        .bind(role.kind.slug())
        .bind(state)
        .bind(organisation)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if DB::rows_affected(&removed) == 0 {
            return Err(AccountError::NotFound(
                "the account does not hold this role".into(),
            ));
        }
        let after = Self::require_user(&mut tx, user_id).await?;
        AuditTrail::<DB>::append(
            &mut tx,
            context,
            user_change("revoke-role", &after)
                .before(&before.audit_view())
                .after(&after.audit_view()),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn set_disabled(
        &self,
        context: &ChangeContext,
        user_id: i64,
        disabled: bool,
    ) -> Result<UserRecord, AccountError> {
        let mut tx = self.begin_write().await?;
        Self::lock_account_row(&mut tx, user_id).await?;
        let before = Self::require_user(&mut tx, user_id).await?;
        sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
            .bind(disabled)
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if disabled {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        let after = Self::require_user(&mut tx, user_id).await?;
        let action = if disabled { "disable" } else { "enable" };
        AuditTrail::<DB>::append(
            &mut tx,
            context,
            user_change(action, &after)
                .before(&before.audit_view())
                .after(&after.audit_view()),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn public_names(&self, ids: &[i64]) -> Result<Vec<(i64, String)>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = Sql::new("SELECT id, display_name FROM users WHERE name_public AND id IN ");
        sql.push_list(ids.iter().copied());
        sql.query_as().fetch_all(&self.pool).await.map_err(db)
    }

    async fn account_labels(&self, ids: &[i64]) -> Result<Vec<(i64, String, String)>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = Sql::new("SELECT id, display_name, email FROM users WHERE id IN ");
        sql.push_list(ids.iter().copied());
        sql.query_as().fetch_all(&self.pool).await.map_err(db)
    }

    async fn record_sign_in(
        &self,
        email: &str,
        address: &str,
        succeeded: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sign_in_attempts (email, address, succeeded, at) VALUES ($1, $2, $3, $4)",
        )
        .bind(email)
        .bind(address)
        .bind(succeeded)
        .bind(now)
        .execute(&self.pool)
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn sign_in_failures(
        &self,
        email: &str,
        address: &str,
        since: i64,
    ) -> Result<SignInFailures, StoreError> {
        // An account's failures count since its last success, so a person who finally types the
        // right password starts afresh.
        let (account, newest_account_failure): (i64, Option<i64>) = sqlx::query_as(
            "SELECT count(*), max(at) FROM sign_in_attempts WHERE email = $1 AND NOT succeeded AND at > $2
               AND at > coalesce((SELECT max(at) FROM sign_in_attempts WHERE email = $3 AND succeeded), 0)",
        )
        .bind(email)
        .bind(since)
        .bind(email)
        .fetch_one(&self.pool)
        .await
        .map_err(db)?;
        let (address_count, oldest): (i64, Option<i64>) = sqlx::query_as(
            "SELECT count(*), min(at) FROM sign_in_attempts WHERE address = $1 AND NOT succeeded AND at > $2",
        )
        .bind(address)
        .bind(since)
        .fetch_one(&self.pool)
        .await
        .map_err(db)?;
        Ok(SignInFailures {
            account: account.max(0) as u32,
            newest_account_failure,
            address: address_count.max(0) as u32,
            oldest_address_failure: oldest,
        })
    }

    async fn lock_user(&self, user_id: i64, until: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET locked_until = $1 WHERE id = $2")
            .bind(until)
            .bind(user_id)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn create_session(
        &self,
        digest: &str,
        user_id: i64,
        now: i64,
        replaces: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        if let Some(old) = replaces {
            sqlx::query("DELETE FROM sessions WHERE digest = $1")
                .bind(old)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        sqlx::query("INSERT INTO sessions (digest, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $4)")
            .bind(digest)
            .bind(user_id)
            .bind(now)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn session(&self, digest: &str) -> Result<Option<SessionRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT s.created_at AS session_created_at, s.last_seen_at AS session_last_seen_at,
                {JOINED_USER_COLUMNS}
             FROM sessions s JOIN users u ON u.id = s.user_id
                LEFT JOIN user_roles r ON r.user_id = u.id
             WHERE s.digest = $1 {}",
            roles_order::<DB>("r.")
        ))
        .bind(digest)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let Some(user) = Self::user_from_joined_rows(&rows)? else {
            return Ok(None);
        };
        Ok(Some(SessionRecord {
            user,
            created_at: rows[0].try_get("session_created_at").map_err(db)?,
            last_seen_at: rows[0].try_get("session_last_seen_at").map_err(db)?,
        }))
    }

    async fn touch_session(&self, digest: &str, now: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE digest = $2")
            .bind(now)
            .bind(digest)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn delete_session(&self, digest: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE digest = $1")
            .bind(digest)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn purge_sessions(
        &self,
        idle_before: i64,
        created_before: i64,
    ) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
            .bind(idle_before)
            .bind(created_before)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(DB::rows_affected(&done))
    }

    async fn create_invitation(
        &self,
        context: &ChangeContext,
        invitation: &NewInvitation,
        message: &NewMessage,
        now: i64,
    ) -> Result<InvitationRecord, AccountError> {
        let mut tx = self.begin_write().await?;
        let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind(&invitation.email)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
        if existing.is_some() {
            return Err(AccountError::Conflict(format!(
                "{} already has an account: give it the role on the account's page instead",
                invitation.email
            )));
        }
        let (state, organisation) = binding_parts(&invitation.role);
        if let Some(iso3) = state {
            Self::require_state(&mut tx, iso3).await?;
        }
        if let Some(id) = organisation
            && Self::load_organisation(&mut tx, id).await?.is_none()
        {
            return Err(AccountError::NotFound(format!(
                "there is no organisation {id}"
            )));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO invitations (token_digest, email, role, state_iso3, organisation_id, invited_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(&invitation.token_digest)
        .bind(&invitation.email)
        .bind(invitation.role.kind.slug())
        .bind(state)
        .bind(organisation)
        .bind(context.actor.user_id)
        .bind(now)
        .bind(invitation.expires_at)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        Self::queue_message(&mut tx, message, now).await?;
        let row = sqlx::query(&format!(
            "SELECT {INVITATION_COLUMNS} FROM invitations WHERE id = $1"
        ))
        .bind(id)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        let record = Self::invitation_from_row(&row)?;
        AuditTrail::<DB>::append(
            &mut tx,
            context,
            Change::new("create", "invitation", id.to_string()).after(&record),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(record)
    }

    async fn invitation(
        &self,
        token_digest: &str,
        now: i64,
    ) -> Result<(LinkState, Option<InvitationRecord>), StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {INVITATION_COLUMNS} FROM invitations WHERE token_digest = $1"
        ))
        .bind(token_digest)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        match row {
            None => Ok((LinkState::Unknown, None)),
            Some(row) => {
                let record = Self::invitation_from_row(&row)?;
                Ok((invitation_state(&record, now), Some(record)))
            }
        }
    }

    async fn accept_invitation(
        &self,
        context: &ChangeContext,
        token_digest: &str,
        display_name: &str,
        password_hash: &str,
        now: i64,
    ) -> Result<Result<UserRecord, LinkState>, AccountError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!(
            "SELECT {INVITATION_COLUMNS} FROM invitations WHERE token_digest = $1{}",
            DB::FOR_UPDATE
        ))
        .bind(token_digest)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(row) = row else {
            return Ok(Err(LinkState::Unknown));
        };
        let invitation = Self::invitation_from_row(&row)?;
        let state = invitation_state(&invitation, now);
        if state != LinkState::Usable {
            return Ok(Err(state));
        }
        let new_user = NewUser {
            email: invitation.email.clone(),
            display_name: display_name.to_owned(),
            password_hash: password_hash.to_owned(),
            roles: vec![invitation.role.clone()],
        };
        let id = Self::insert_user(&mut tx, &new_user, now).await?;
        sqlx::query("UPDATE invitations SET accepted_at = $1, user_id = $2 WHERE id = $3")
            .bind(now)
            .bind(id)
            .bind(invitation.id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let user = Self::require_user(&mut tx, id).await?;
        let context = ChangeContext {
            actor: taawun_audit::Actor::user(id, invitation.role.kind.slug()),
            request_id: context.request_id.clone(),
        };
        AuditTrail::<DB>::append(
            &mut tx,
            &context,
            user_change("create", &user).after(&user.audit_view()),
        )
        .await?;
        AuditTrail::<DB>::append(
            &mut tx,
            &context,
            Change::new("accept", "invitation", invitation.id.to_string()),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(Ok(user))
    }

    async fn list_invitations(&self, paging: Paging) -> Result<Page<InvitationRecord>, StoreError> {
        let total: i64 = sqlx::query_scalar("SELECT count(*) FROM invitations")
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        let rows = sqlx::query(&format!(
            "SELECT {INVITATION_COLUMNS} FROM invitations ORDER BY id DESC LIMIT $1 OFFSET $2"
        ))
        .bind(i64::from(paging.per_page))
        .bind(paging.offset() as i64)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let items = rows
            .iter()
            .map(Self::invitation_from_row)
            .collect::<Result<_, _>>()?;
        Ok(Page {
            items,
            total: total.max(0) as u64,
            page: paging.page,
            per_page: paging.per_page,
        })
    }

    async fn revoke_invitation(
        &self,
        context: &ChangeContext,
        id: i64,
        now: i64,
        may_revoke: &(dyn for<'r> Fn(&'r RoleGrant) -> bool + Send + Sync),
    ) -> Result<Result<InvitationRecord, RoleGrant>, AccountError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!(
            "SELECT {INVITATION_COLUMNS} FROM invitations WHERE id = $1{}",
            DB::FOR_UPDATE
        ))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?
        .ok_or_else(|| AccountError::NotFound(format!("there is no invitation {id}")))?;
        let before = Self::invitation_from_row(&row)?;
        if !may_revoke(&before.role) {
            return Ok(Err(before.role));
        }
        if before.accepted_at.is_some() || before.revoked_at.is_some() {
            return Err(AccountError::Conflict(
                "the invitation was already used or revoked".into(),
            ));
        }
        sqlx::query("UPDATE invitations SET revoked_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let after = InvitationRecord {
            revoked_at: Some(now),
            ..before.clone()
        };
        AuditTrail::<DB>::append(
            &mut tx,
            context,
            Change::new("revoke", "invitation", id.to_string())
                .before(&before)
                .after(&after),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(Ok(after))
    }

    async fn create_password_reset(
        &self,
        user_id: i64,
        token_digest: &str,
        expires_at: i64,
        message: &NewMessage,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        // A new link replaces any earlier one still waiting.
        // The account is locked so that two requests at once still leave one link waiting.
        Self::lock_account_row(&mut tx, user_id).await?;
        sqlx::query(
            "UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL",
        )
        .bind(now)
        .bind(user_id)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query("INSERT INTO password_resets (token_digest, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_digest)
            .bind(user_id)
            .bind(now)
            .bind(expires_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        Self::queue_message(&mut tx, message, now).await?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn password_reset(&self, token_digest: &str, now: i64) -> Result<LinkState, StoreError> {
        let row: Option<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT expires_at, used_at FROM password_resets WHERE token_digest = $1",
        )
        .bind(token_digest)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        Ok(match row {
            None => LinkState::Unknown,
            Some((_, Some(_))) => LinkState::Used,
            Some((expires, None)) if expires <= now => LinkState::Expired,
            Some(_) => LinkState::Usable,
        })
    }

    async fn use_password_reset(
        &self,
        context: &ChangeContext,
        token_digest: &str,
        password_hash: &str,
        now: i64,
    ) -> Result<Result<UserRecord, LinkState>, AccountError> {
        let mut tx = self.begin_write().await?;
        let row: Option<(i64, i64, Option<i64>)> = sqlx::query_as(&format!(
            "SELECT user_id, expires_at, used_at FROM password_resets WHERE token_digest = $1{}",
            DB::FOR_UPDATE
        ))
        .bind(token_digest)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let user_id = match row {
            None => return Ok(Err(LinkState::Unknown)),
            Some((_, _, Some(_))) => return Ok(Err(LinkState::Used)),
            Some((_, expires, None)) if expires <= now => return Ok(Err(LinkState::Expired)),
            Some((user_id, _, None)) => user_id,
        };
        sqlx::query("UPDATE password_resets SET used_at = $1 WHERE token_digest = $2")
            .bind(now)
            .bind(token_digest)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query("UPDATE users SET password_hash = $1, locked_until = NULL WHERE id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let user = Self::require_user(&mut tx, user_id).await?;
        let context = ChangeContext {
            actor: taawun_audit::Actor::user(user_id, "account-holder"),
            request_id: context.request_id.clone(),
        };
        AuditTrail::<DB>::append(&mut tx, &context, user_change("reset-password", &user)).await?;
        tx.commit().await.map_err(db)?;
        Ok(Ok(user))
    }

    async fn create_api_token(
        &self,
        context: &ChangeContext,
        user_id: i64,
        name: &str,
        token_digest: &str,
        prefix: &str,
        now: i64,
    ) -> Result<ApiTokenRecord, AccountError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!(
            "INSERT INTO api_tokens (user_id, name, token_digest, prefix, created_at) VALUES ($1, $2, $3, $4, $5)
             RETURNING {TOKEN_COLUMNS}"
        ))
        .bind(user_id)
        .bind(name)
        .bind(token_digest)
        .bind(prefix)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        let record = Self::token_from_row(&row)?;
        AuditTrail::<DB>::append(
            &mut tx,
            context,
            Change::new("create", "api-token", record.id.to_string()).after(&record),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(record)
    }

    async fn list_api_tokens(&self, user_id: i64) -> Result<Vec<ApiTokenRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY revoked_at IS NOT NULL, id DESC"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(Self::token_from_row).collect()
    }

    async fn revoke_api_token(
        &self,
        context: &ChangeContext,
        user_id: i64,
        token_id: i64,
        now: i64,
    ) -> Result<ApiTokenRecord, AccountError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!(
            "SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE id = $1 AND user_id = $2{}",
            DB::FOR_UPDATE
        ))
        .bind(token_id)
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?
        .ok_or_else(|| AccountError::NotFound(format!("you have no API token {token_id}")))?;
        let before = Self::token_from_row(&row)?;
        if before.revoked_at.is_some() {
            return Ok(before);
        }
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2")
            .bind(now)
            .bind(token_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let after = ApiTokenRecord {
            revoked_at: Some(now),
            ..before.clone()
        };
        AuditTrail::<DB>::append(
            &mut tx,
            context,
            Change::new("revoke", "api-token", token_id.to_string())
                .before(&before)
                .after(&after),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn api_token_user(
        &self,
        token_digest: &str,
        now: i64,
    ) -> Result<Option<UserRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT t.id AS token_id, t.last_used_at AS token_last_used_at, {JOINED_USER_COLUMNS}
             FROM api_tokens t JOIN users u ON u.id = t.user_id
                LEFT JOIN user_roles r ON r.user_id = u.id
             WHERE t.token_digest = $1 AND t.revoked_at IS NULL AND NOT u.disabled
             {}",
            roles_order::<DB>("r.")
        ))
        .bind(token_digest)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let Some(user) = Self::user_from_joined_rows(&rows)? else {
            return Ok(None);
        };
        let token_id: i64 = rows[0].try_get("token_id").map_err(db)?;
        let last_used: Option<i64> = rows[0].try_get("token_last_used_at").map_err(db)?;
        // Written at most once a minute per token: a script's every request need not be a write.
        if last_used.is_none_or(|t| now - t >= 60) {
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
                .bind(now)
                .bind(token_id)
                .execute(&self.pool)
                .await
                .map_err(db)?;
        }
        Ok(Some(user))
    }

    async fn create_organisation(
        &self,
        context: &ChangeContext,
        organisation: &NewOrganisation,
        now: i64,
    ) -> Result<OrganisationRecord, AccountError> {
        let mut tx = self.begin_write().await?;
        Self::check_seat(&mut tx, organisation).await?;
        let n = &organisation.names;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO organisations (name_ar, name_en, name_fr, name_es, name_ru, name_zh, kind, seat_iso3,
                search_key, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(&n.ar)
        .bind(&n.en)
        .bind(&n.fr)
        .bind(&n.es)
        .bind(&n.ru)
        .bind(&n.zh)
        .bind(&organisation.kind)
        .bind(&organisation.seat_iso3)
        .bind(organisation_search_key(n))
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        let record = Self::load_organisation(&mut tx, id)
            .await?
            .ok_or_else(|| StoreError::database("the new organisation vanished"))?;
        AuditTrail::<DB>::append(
            &mut tx,
            context,
            Change::new("create", "organisation", id.to_string()).after(organisation),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(record)
    }

    async fn update_organisation(
        &self,
        context: &ChangeContext,
        id: i64,
        organisation: &NewOrganisation,
        now: i64,
    ) -> Result<OrganisationRecord, AccountError> {
        let mut tx = self.begin_write().await?;
        // Changes to one organisation are made, and logged, one at a time: the row is locked
        // as it is read.
        let before = sqlx::query(&format!(
            "SELECT {ORGANISATION_COLUMNS} FROM organisations WHERE id = $1{}",
            DB::FOR_NO_KEY_UPDATE
        ))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?
        .as_ref()
        .map(Self::organisation_from_row)
        .transpose()?
        .ok_or_else(|| AccountError::NotFound(format!("there is no organisation {id}")))?;
        Self::check_seat(&mut tx, organisation).await?;
        let n = &organisation.names;
        let after = sqlx::query(&format!(
            "UPDATE organisations SET name_ar = $1, name_en = $2, name_fr = $3, name_es = $4, name_ru = $5, name_zh = $6,
                kind = $7, seat_iso3 = $8, search_key = $9, updated_at = $10 WHERE id = $11
             RETURNING {ORGANISATION_COLUMNS}"
        ))
        .bind(&n.ar)
        .bind(&n.en)
        .bind(&n.fr)
        .bind(&n.es)
        .bind(&n.ru)
        .bind(&n.zh)
        .bind(&organisation.kind)
        .bind(&organisation.seat_iso3)
        .bind(organisation_search_key(n))
        .bind(now)
        .bind(id)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        let after = Self::organisation_from_row(&after)?;
        let before_view = NewOrganisation {
            names: before.names,
            kind: before.kind,
            seat_iso3: before.seat_iso3,
        };
        AuditTrail::<DB>::append(
            &mut tx,
            context,
            Change::new("update", "organisation", id.to_string())
                .before(&before_view)
                .after(organisation),
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(after)
    }

    async fn get_organisation(&self, id: i64) -> Result<Option<OrganisationRecord>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        Self::load_organisation(&mut conn, id).await
    }

    async fn list_organisations(
        &self,
        filter: &OrganisationFilter,
        paging: Paging,
    ) -> Result<Page<OrganisationRecord>, StoreError> {
        let text = filter.text.as_deref().map(taawun_text::fold_name);
        let push = |query: &mut Sql| {
            query.push(" WHERE 1 = 1");
            if let Some(text) = &text {
                query
                    .push(format_args!(" AND {}(search_key, ", DB::POSITION))
                    .push_bind(text.clone())
                    .push(") > 0");
            }
            if let Some(kind) = &filter.kind {
                query.push(" AND kind = ").push_bind(kind.clone());
            }
            if let Some(seat) = &filter.seat_iso3 {
                query.push(" AND seat_iso3 = ").push_bind(seat.clone());
            }
        };
        let mut count = Sql::new("SELECT count(*) FROM organisations");
        push(&mut count);
        let total: i64 = count
            .query_scalar()
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        let mut query = Sql::new(format!("SELECT {ORGANISATION_COLUMNS} FROM organisations"));
        push(&mut query);
        query
            .push(format_args!(
                " ORDER BY coalesce(name_en, name_ar, name_fr, name_es, name_ru, name_zh){}, id LIMIT ",
                DB::BYTEWISE
            ))
            .push_bind(i64::from(paging.per_page))
            .push(" OFFSET ")
            .push_bind(paging.offset() as i64);
        let rows = query.query().fetch_all(&self.pool).await.map_err(db)?;
        let items = rows
            .iter()
            .map(Self::organisation_from_row)
            .collect::<Result<_, _>>()?;
        Ok(Page {
            items,
            total: total.max(0) as u64,
            page: paging.page,
            per_page: paging.per_page,
        })
    }

    async fn claim_outbox(
        &self,
        now: i64,
        lease_seconds: i64,
        limit: u32,
    ) -> Result<Vec<OutboxMessage>, StoreError> {
        // SKIP LOCKED: a sender claiming at the same moment takes the next messages rather than
        // waiting for these rows and then finding them leased.
        let mut rows: Vec<(i64, String, String, String, i32)> = sqlx::query_as(&format!(
            "UPDATE outbox SET leased_until = $1, attempts = attempts + 1
             WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL
                            AND (leased_until IS NULL OR leased_until < $2) ORDER BY id LIMIT $3{})
             RETURNING id, to_address, subject, body, attempts",
            DB::SKIP_LOCKED
        ))
        .bind(now + lease_seconds)
        .bind(now)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        // RETURNING follows no order; the messages go out oldest first.
        rows.sort_by_key(|row| row.0);
        Ok(rows
            .into_iter()
            .map(|(id, to, subject, text, attempts)| OutboxMessage {
                id,
                to,
                subject,
                text,
                attempts: attempts.max(0) as u32,
            })
            .collect())
    }

    async fn outbox_sent(&self, id: i64, now: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE outbox SET sent_at = $1, leased_until = NULL, last_error = NULL, body = '' WHERE id = $2",
        )
        .bind(now)
        .bind(id)
        .execute(&self.pool)
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn outbox_failed(
        &self,
        id: i64,
        error: &str,
        permanent: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE outbox SET last_error = $1, failed_at = CASE WHEN $2 THEN $3 ELSE NULL END, body = CASE WHEN $2 THEN '' ELSE body END WHERE id = $4")
            .bind(error)
            .bind(permanent)
            .bind(now)
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn outbox_pending(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(db)?;
        Ok(n.max(0) as u64)
    }

    async fn append_audit(
        &self,
        context: &ChangeContext,
        changes: Vec<Change>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        for change in changes {
            AuditTrail::<DB>::append(&mut tx, context, change).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn audit_entries(
        &self,
        filter: &AuditFilter,
        paging: Paging,
    ) -> Result<Page<Entry>, StoreError> {
        AuditTrail::<DB>::entries(&self.pool, filter, paging).await
    }

    async fn verify_audit(
        &self,
        progress: &(dyn Fn(u64) + Send + Sync),
    ) -> Result<Verification, StoreError> {
        AuditTrail::<DB>::verify(&self.pool, progress).await
    }

    async fn audit_count(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT seq FROM audit_head WHERE id = 1")
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        Ok(n.max(0) as u64)
    }
}
