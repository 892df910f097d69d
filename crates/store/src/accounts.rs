//! Accounts, organisations, sessions, tokens, the e-mail outbox and the audit trail, as the
//! database keeps them. Secrets never reach a store: sessions, invitations, reset links and API
//! tokens are looked up by the SHA-256 digest of their secret.
//!
//! Every method that changes a record takes a [`ChangeContext`] and appends the change to the
//! audit log in the same transaction, so a change and its entry are stored together or not at
//! all.

use async_trait::async_trait;
use serde::Serialize;
use taawun_accounts::RoleGrant;
use taawun_audit::{Change, ChangeContext, Entry, Verification};

use crate::{Page, Paging, StoreError};

/// An account as the platform shows it (no password hash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UserRecord {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    /// Whether the person chose to be named in the public history of records they changed.
    pub name_public: bool,
    pub roles: Vec<RoleGrant>,
    pub disabled: bool,
    /// Unix seconds until which sign-in is refused after repeated failures.
    pub locked_until: Option<i64>,
    pub created_at: i64,
}

/// What the audit log keeps of an account (never the password hash).
#[derive(Clone, Debug, Serialize)]
pub struct UserAudit<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub name_public: bool,
    pub roles: &'a [RoleGrant],
    pub disabled: bool,
}

impl UserRecord {
    pub fn audit_view(&self) -> UserAudit<'_> {
        UserAudit {
            email: &self.email,
            display_name: &self.display_name,
            name_public: self.name_public,
            roles: &self.roles,
            disabled: self.disabled,
        }
    }
}

/// An account with its password hash, for signing in.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub user: UserRecord,
    pub password_hash: String,
}

#[derive(Clone, Debug)]
pub struct NewUser {
    /// Already normalised (`taawun_accounts::normalize_email`).
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub roles: Vec<RoleGrant>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserFilter {
    /// Part of the e-mail address or name, case-insensitive.
    pub text: Option<String>,
    /// A role slug.
    pub role: Option<String>,
}

/// A signed-in session, found by the digest of its cookie.
#[derive(Clone, Debug)]
pub struct SessionRecord {
    pub user: UserRecord,
    pub created_at: i64,
    pub last_seen_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InvitationRecord {
    pub id: i64,
    pub email: String,
    pub role: RoleGrant,
    pub invited_by: Option<i64>,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// The account the invitation created.
    pub user_id: Option<i64>,
}

#[derive(Clone, Debug)]
pub struct NewInvitation {
    pub email: String,
    pub role: RoleGrant,
    pub token_digest: String,
    pub expires_at: i64,
}

/// Why an invitation or a reset link cannot be used. The same answer for a link that never
/// existed and one that did: the difference is of no use to the holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkState {
    Usable,
    Expired,
    Used,
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ApiTokenRecord {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    /// The first characters of the secret, so its owner can tell tokens apart.
    pub prefix: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// Names of an organisation in the six UN languages; at least one is given.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct OrganisationNames {
    pub ar: Option<String>,
    pub en: Option<String>,
    pub fr: Option<String>,
    pub es: Option<String>,
    pub ru: Option<String>,
    pub zh: Option<String>,
}

impl OrganisationNames {
    /// The name in `lang`, else English, else Arabic, else any.
    pub fn best(&self, lang: &str) -> &str {
        let own = match lang {
            "ar" => &self.ar,
            "fr" => &self.fr,
            "es" => &self.es,
            "ru" => &self.ru,
            "zh" => &self.zh,
            _ => &self.en,
        };
        [
            own, &self.en, &self.ar, &self.fr, &self.es, &self.ru, &self.zh,
        ]
        .into_iter()
        .find_map(|n| n.as_deref())
        .unwrap_or("")
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrganisationRecord {
    pub id: i64,
    pub names: OrganisationNames,
    /// `taawun_accounts::OrganisationKind` slug.
    pub kind: String,
    /// ISO3 of the State of its seat.
    pub seat_iso3: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewOrganisation {
    pub names: OrganisationNames,
    pub kind: String,
    pub seat_iso3: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrganisationFilter {
    pub text: Option<String>,
    pub kind: Option<String>,
    pub seat_iso3: Option<String>,
}

/// A message waiting in the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub attempts: u32,
}

/// A message to put in the outbox, in the transaction of the change that sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMessage {
    pub to: String,
    pub subject: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    pub actor_user_id: Option<i64>,
}

/// Sign-in failures counted over a window, for rate limiting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SignInFailures {
    pub account: u32,
    /// When the newest of `account` happened: an address without an account is "locked" from
    /// it, exactly as an account would be, so that lock-out does not tell which addresses have
    /// accounts.
    pub newest_account_failure: Option<i64>,
    pub address: u32,
    pub oldest_address_failure: Option<i64>,
}

/// A write refused by the database's rules, with a message to show.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// Another record already holds this value (an e-mail address, a role).
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[async_trait]
pub trait AccountStore: Send + Sync + 'static {
    // Accounts.
    async fn count_users(&self) -> Result<u64, StoreError>;
    async fn create_user(
        &self,
        context: &ChangeContext,
        user: &NewUser,
    ) -> Result<UserRecord, AccountError>;
    async fn get_user(&self, id: i64) -> Result<Option<UserRecord>, StoreError>;
    async fn credentials(&self, email: &str) -> Result<Option<Credentials>, StoreError>;
    async fn list_users(
        &self,
        filter: &UserFilter,
        paging: Paging,
    ) -> Result<Page<UserRecord>, StoreError>;
    /// Sets a new password hash and ends every session of the account but `keep_session`.
    async fn set_password(
        &self,
        context: &ChangeContext,
        user_id: i64,
        password_hash: &str,
        keep_session: Option<&str>,
    ) -> Result<(), AccountError>;
    /// Replaces a stored hash by one with current parameters (not a change of the record).
    async fn rehash_password(&self, user_id: i64, password_hash: &str) -> Result<(), StoreError>;
    async fn update_profile(
        &self,
        context: &ChangeContext,
        user_id: i64,
        display_name: &str,
        name_public: bool,
    ) -> Result<UserRecord, AccountError>;
    async fn grant_role(
        &self,
        context: &ChangeContext,
        user_id: i64,
        role: &RoleGrant,
    ) -> Result<UserRecord, AccountError>;
    async fn revoke_role(
        &self,
        context: &ChangeContext,
        user_id: i64,
        role: &RoleGrant,
    ) -> Result<UserRecord, AccountError>;
    /// Disabling an account also ends its sessions and revokes its API tokens' use.
    async fn set_disabled(
        &self,
        context: &ChangeContext,
        user_id: i64,
        disabled: bool,
    ) -> Result<UserRecord, AccountError>;
    /// Public display names of the accounts that chose to be named.
    async fn public_names(&self, ids: &[i64]) -> Result<Vec<(i64, String)>, StoreError>;
    /// Display name and e-mail address of each of these accounts (for administrators' pages),
    /// in one query.
    async fn account_labels(&self, ids: &[i64]) -> Result<Vec<(i64, String, String)>, StoreError>;

    // Sign-in throttling.
    async fn record_sign_in(
        &self,
        email: &str,
        address: &str,
        succeeded: bool,
        now: i64,
    ) -> Result<(), StoreError>;
    async fn sign_in_failures(
        &self,
        email: &str,
        address: &str,
        since: i64,
    ) -> Result<SignInFailures, StoreError>;
    async fn lock_user(&self, user_id: i64, until: i64) -> Result<(), StoreError>;

    // Sessions.
    /// Stores a new session; `replaces` (the digest of a session it rotates out) is deleted.
    async fn create_session(
        &self,
        digest: &str,
        user_id: i64,
        now: i64,
        replaces: Option<&str>,
    ) -> Result<(), StoreError>;
    async fn session(&self, digest: &str) -> Result<Option<SessionRecord>, StoreError>;
    async fn touch_session(&self, digest: &str, now: i64) -> Result<(), StoreError>;
    async fn delete_session(&self, digest: &str) -> Result<(), StoreError>;
    /// Removes sessions idle since `idle_before` or created before `created_before`.
    async fn purge_sessions(
        &self,
        idle_before: i64,
        created_before: i64,
    ) -> Result<u64, StoreError>;

    // Invitations.
    /// Stores the invitation and its e-mail together.
    async fn create_invitation(
        &self,
        context: &ChangeContext,
        invitation: &NewInvitation,
        message: &NewMessage,
        now: i64,
    ) -> Result<InvitationRecord, AccountError>;
    async fn invitation(
        &self,
        token_digest: &str,
        now: i64,
    ) -> Result<(LinkState, Option<InvitationRecord>), StoreError>;
    /// Uses the invitation (once) to create the account with its role.
    async fn accept_invitation(
        &self,
        context: &ChangeContext,
        token_digest: &str,
        display_name: &str,
        password_hash: &str,
        now: i64,
    ) -> Result<Result<UserRecord, LinkState>, AccountError>;
    async fn list_invitations(&self, paging: Paging) -> Result<Page<InvitationRecord>, StoreError>;
    /// Revokes an invitation if `may_revoke` allows it for the invitation's role (read in the
    /// same transaction); `Ok(Err(role))` when it does not.
    async fn revoke_invitation(
        &self,
        context: &ChangeContext,
        id: i64,
        now: i64,
        may_revoke: &(dyn for<'r> Fn(&'r RoleGrant) -> bool + Send + Sync),
    ) -> Result<Result<InvitationRecord, RoleGrant>, AccountError>;

    // Password reset.
    /// Stores a reset link for the account and its e-mail together.
    async fn create_password_reset(
        &self,
        user_id: i64,
        token_digest: &str,
        expires_at: i64,
        message: &NewMessage,
        now: i64,
    ) -> Result<(), StoreError>;
    async fn password_reset(&self, token_digest: &str, now: i64) -> Result<LinkState, StoreError>;
    /// Uses the link (once): sets the password and ends every session of the account.
    async fn use_password_reset(
        &self,
        context: &ChangeContext,
        token_digest: &str,
        password_hash: &str,
        now: i64,
    ) -> Result<Result<UserRecord, LinkState>, AccountError>;

    // API tokens.
    async fn create_api_token(
        &self,
        context: &ChangeContext,
        user_id: i64,
        name: &str,
        token_digest: &str,
        prefix: &str,
        now: i64,
    ) -> Result<ApiTokenRecord, AccountError>;
    async fn list_api_tokens(&self, user_id: i64) -> Result<Vec<ApiTokenRecord>, StoreError>;
    /// Revokes one of the user's tokens; `NotFound` for another user's token.
    async fn revoke_api_token(
        &self,
        context: &ChangeContext,
        user_id: i64,
        token_id: i64,
        now: i64,
    ) -> Result<ApiTokenRecord, AccountError>;
    /// The account behind a live token (not revoked, account not disabled).
    async fn api_token_user(
        &self,
        token_digest: &str,
        now: i64,
    ) -> Result<Option<UserRecord>, StoreError>;

    // Organisations.
    async fn create_organisation(
        &self,
        context: &ChangeContext,
        organisation: &NewOrganisation,
        now: i64,
    ) -> Result<OrganisationRecord, AccountError>;
    async fn update_organisation(
        &self,
        context: &ChangeContext,
        id: i64,
        organisation: &NewOrganisation,
        now: i64,
    ) -> Result<OrganisationRecord, AccountError>;
    async fn get_organisation(&self, id: i64) -> Result<Option<OrganisationRecord>, StoreError>;
    async fn list_organisations(
        &self,
        filter: &OrganisationFilter,
        paging: Paging,
    ) -> Result<Page<OrganisationRecord>, StoreError>;

    // Outbox.
    /// Takes up to `limit` unsent messages for `lease_seconds` (another sender skips them
    /// meanwhile; one that crashed lets them go when the lease ends).
    async fn claim_outbox(
        &self,
        now: i64,
        lease_seconds: i64,
        limit: u32,
    ) -> Result<Vec<OutboxMessage>, StoreError>;
    /// Marks a message sent and empties its body: e-mail carries single-use links, which must
    /// not stay readable in the database once delivered.
    async fn outbox_sent(&self, id: i64, now: i64) -> Result<(), StoreError>;
    /// Records a failed attempt; a permanent failure is not retried (and its body is emptied).
    async fn outbox_failed(
        &self,
        id: i64,
        error: &str,
        permanent: bool,
        now: i64,
    ) -> Result<(), StoreError>;
    async fn outbox_pending(&self) -> Result<u64, StoreError>;

    // Audit trail.
    /// Appends changes that are not made through another method (the command line's own
    /// events, and the benchmarks), in one transaction.
    async fn append_audit(
        &self,
        context: &ChangeContext,
        changes: Vec<Change>,
    ) -> Result<(), StoreError>;
    /// Newest first.
    async fn audit_entries(
        &self,
        filter: &AuditFilter,
        paging: Paging,
    ) -> Result<Page<Entry>, StoreError>;
    /// Walks the whole chain in order; `progress` is told how many entries were read.
    async fn verify_audit(
        &self,
        progress: &(dyn Fn(u64) + Send + Sync),
    ) -> Result<Verification, StoreError>;
    async fn audit_count(&self) -> Result<u64, StoreError>;
}
